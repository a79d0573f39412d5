#pragma once

#include "sandbox/dynamics/dynamicspreferences.h"
#include "sandbox/dynamics/dynamicsquery.h"

#include <QHash>
#include <QJsonObject>

namespace AssetDesk::Sandbox {

struct DynamicsRecord;
class DynamicsStore;

// Turns records into Web API JSON for one request: @odata.etag W/"<versionnumber>", the key,
// the selected columns, lookup annotations when Prefer: odata.include-annotations asks for
// them, and $expand results (single-valued: the object or null; collection-valued: an array,
// never paged). Collection expands are answered from an index built once per request, so a
// 5,000-row page with Incident_Annotation costs one pass over the notes.
class DynamicsShaper
{
public:
    DynamicsShaper(const DynamicsStore& store, const DynamicsSelection& selection, const QList<DynamicsExpand>& expand,
                   const DynamicsPreferences& preferences);

    QJsonObject shape(const DynamicsRecord& record) const;

private:
    QJsonObject columns(const DynamicsRecord& record, const DynamicsSelection& selection) const;
    QJsonValue expandOne(const DynamicsRecord& record, const DynamicsExpand& e) const;

    const DynamicsStore& m_store;
    const DynamicsSelection& m_selection;
    const QList<DynamicsExpand>& m_expand;
    DynamicsPreferences m_preferences;
    mutable QHash<QString, QHash<QString, QList<const DynamicsRecord*>>> m_index;
};

} // namespace AssetDesk::Sandbox
