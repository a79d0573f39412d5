#pragma once

#include "core/crmaccount.h"
#include "core/crmcampaign.h"
#include "core/crmevent.h"
#include "core/opportunity.h"
#include "core/supportcase.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace AssetDesk {

// What the CRM tree shows of one Dynamics account, read off the GUI thread (CrmFeed).
struct CrmSnapshot
{
    struct Customer
    {
        CrmAccount account;
        QList<Opportunity> opportunities;
        QList<SupportCase> cases;
    };
    QList<Customer> customers;
    QList<SupportCase> otherCases; // cases of contacts, or of accounts not cached
    QList<CrmCampaign> campaigns;
    QList<CrmEvent> events;
    // The DAM collections of campaigns / events (DP3, DP7), by local record id: their names.
    QHash<qint64, QStringList> campaignCollections;
    QHash<qint64, QStringList> eventCollections;
};

} // namespace AssetDesk
