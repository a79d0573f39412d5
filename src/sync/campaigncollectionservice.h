#pragma once

#include "core/crmcampaign.h"
#include "core/recordcollectionlink.h"
#include "core/result.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace AssetDesk {

class ConnectorPool;
class Storage;

// Scenario DP3: a Dynamics campaign becomes a DAM collection that carries its metadata - name,
// audience, launch date and owner - and holds its assets. PhotoShelter: a gallery named after the
// campaign, the metadata in its description and keywords, shared by permission until someone
// opens it up. The new gallery is stored as a synced collection at once (the library shows it
// without waiting for a sync) and linked to the campaign (record_collections), which also keeps
// a second "Create" from making a second gallery.
//
// iconik is refused with a clear reason for now: its collection metadata needs a view the
// emulator does not keep for collections yet.
//
// Lives on the GUI thread; the calls run on the connector pool's thread, the writes on the
// storage writer, `done` comes back here.
class CampaignCollectionService : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        CrmCampaign campaign;
        qint64 damAccountId = 0;
        QString parentRemoteId; // a PhotoShelter collection to create the gallery in; empty: the root
    };
    using Done = std::function<void(Result<RecordCollectionLink>)>;

    CampaignCollectionService(Storage& storage, ConnectorPool& pool, QObject* parent = nullptr);

    void create(const Request& request, Done done);

    // The gallery's description and keywords for a campaign (what DP3 pushes to the DAM).
    static QString description(const CrmCampaign& campaign);
    static QStringList keywords(const CrmCampaign& campaign);

private:
    Storage& m_storage;
    ConnectorPool& m_pool;
};

} // namespace AssetDesk
