#pragma once

#include "core/crmcampaign.h"
#include "core/recordcollectionlink.h"
#include "core/result.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace AssetDesk {

class ConnectorPool;
class Storage;

// Scenario DP3: a Dynamics campaign becomes a DAM collection that carries its metadata - name,
// audience, launch date and owner - and holds its assets.
//  - PhotoShelter: a gallery named after the campaign, the metadata in its description and
//    keywords, shared by permission until someone opens it up.
//  - iconik: a collection named after the campaign whose metadata values in the view kIconikView
//    carry the campaign (fields below). The view is looked up first, so a domain without it
//    refuses before anything is made; should the values fail after the collection was made, the
//    collection is still stored and linked (a retry must not make a second one) and the error
//    says what is missing.
// The new collection is stored as a synced collection at once (the library shows it without
// waiting for a sync) and linked to the campaign (record_collections), which also keeps a second
// "Create" from making a second one: it answers with the existing link.
//
class CampaignCollectionService : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        CrmCampaign campaign;
        qint64 damAccountId = 0;
        QString parentRemoteId; // the DAM collection to create it in; empty: the account's top level
    };
    using Done = std::function<void(Result<RecordCollectionLink>)>;

    // iconik's view and field names for the campaign (iconik domains name their own views and
    // fields; these are what the sandbox seeds and what an admin is asked to set up).
    static constexpr const char* kIconikView = "Campaign";
    static constexpr const char* kIconikNameField = "campaign";
    static constexpr const char* kIconikAudienceField = "audience_segment";
    static constexpr const char* kIconikLaunchDateField = "launch_date";
    static constexpr const char* kIconikOwnerField = "campaign_owner";

    CampaignCollectionService(Storage& storage, ConnectorPool& pool, QObject* parent = nullptr);

    void create(const Request& request, Done done);

    // The gallery's description and keywords for a campaign (what DP3 pushes to the DAM).
    static QString description(const CrmCampaign& campaign);
    static QStringList keywords(const CrmCampaign& campaign);
    // The iconik metadata values for a campaign (empty facts are left out, not cleared).
    static QHash<QString, QStringList> iconikValues(const CrmCampaign& campaign);

private:
    Storage& m_storage;
    ConnectorPool& m_pool;
};

} // namespace AssetDesk
