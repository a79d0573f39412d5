#pragma once

#include "core/crmaccount.h"
#include "core/crmcampaign.h"
#include "core/crmevent.h"
#include "core/opportunity.h"
#include "core/supportcase.h"

#include <QList>

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
};

} // namespace AssetDesk
