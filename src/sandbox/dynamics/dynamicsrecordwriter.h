#pragma once

#include "sandbox/dynamics/dynamicserrors.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>

namespace AssetDesk::Sandbox {

class DemoData;
class DynamicsStore;
struct DynamicsTable;

// Turns the JSON body of a create or update (dynamics.md §4) into the columns to store:
// "<navigation>@odata.bind": "/<set>(<guid>)" (or an absolute URL, or null to clear) becomes
// "_<lookup>_value" with its annotations, polymorphic lookups need the "_<table>" suffix;
// unknown properties and "_x_value" columns are refused like the service does; read-only
// columns (createdon, versionnumber, filesize...) are ignored. Table rules: a case needs a
// title and a customer and gets a ticketnumber "CAS-nnnnn-XXXXXX"; a note's documentbody must
// be base64 and at most maxUploadFileSize bytes once decoded (filesize and isdocument follow
// from it); a contact's fullname follows first and last name.
class DynamicsRecordWriter
{
public:
    using Outcome = std::variant<QJsonObject, DataverseFailure>;

    DynamicsRecordWriter(const DynamicsStore& store, DemoData& random, qint64 maxUploadFileSize)
        : m_store(store)
        , m_random(random)
        , m_maxUpload(maxUploadFileSize)
    {}

    // `existing` is the row being updated (nullptr for a create).
    Outcome columns(const DynamicsTable& table, const QJsonObject& body, const QJsonObject* existing) const;

    static DataverseFailure tooLarge(qint64 size, qint64 limit);

private:
    std::optional<DataverseFailure> bind(const DynamicsTable& table, const QString& navigation, const QJsonValue& value,
                                         QJsonObject& out) const;
    std::optional<DataverseFailure> tableRules(const DynamicsTable& table, QJsonObject& out,
                                               const QJsonObject* existing) const;

    const DynamicsStore& m_store;
    DemoData& m_random;
    qint64 m_maxUpload;
};

} // namespace AssetDesk::Sandbox
