#pragma once

#include "core/casenote.h"
#include "core/crmaccount.h"
#include "core/crmcampaign.h"
#include "core/crmcontact.h"
#include "core/crmevent.h"
#include "core/opportunity.h"
#include "core/result.h"
#include "core/supportcase.h"

#include <QJsonObject>

#include <optional>

namespace AssetDesk {

// Dataverse rows (as selected by DynamicsEntities) -> the CRM cache's core types. `accountId`
// is the AssetDesk service account the row came through. A row without its key, or with a column
// of the wrong type, is a Parse error naming the table, row and column (DynamicsRecord).
// Display names of lookups (customer, owner) come from the FormattedValue annotations the sync
// asks for with Prefer: odata.include-annotations.
namespace DynamicsMapper {

Result<CrmAccount> account(const QJsonObject& row, qint64 accountId);
Result<CrmContact> contact(const QJsonObject& row, qint64 accountId);
Result<Opportunity> opportunity(const QJsonObject& row, qint64 accountId);
Result<CrmCampaign> campaign(const QJsonObject& row, qint64 accountId);
Result<SupportCase> supportCase(const QJsonObject& row, qint64 accountId);
Result<CrmEvent> event(const QJsonObject& row, qint64 accountId);
// nullopt for a note regarding something other than a case (the cache keeps case notes only).
Result<std::optional<CaseNote>> caseNote(const QJsonObject& row, qint64 accountId);

} // namespace DynamicsMapper

} // namespace AssetDesk
