#pragma once

#include "core/result.h"
#include "sync/attachrequest.h"

namespace AssetDesk {

class Storage;

// Finds what a drop or a command names in the local helpdesk and CRM caches: the record's
// service account, remote id and a label for titles and messages. Synchronous reads for a worker
// thread or the CLI.
class AttachTargets
{
public:
    static Result<AttachTarget> ticket(const Storage& storage, qint64 ticketLocalId);
    static Result<AttachTarget> supportCase(const Storage& storage, qint64 caseLocalId);
    // `kind` is CrmAccount or Opportunity.
    static Result<AttachTarget> customer(const Storage& storage, AttachTarget::Kind kind, qint64 localId);
    // By Zendesk ticket number, in `accountId` or (0) in whichever Zendesk account has it.
    static Result<AttachTarget> ticketByNumber(const Storage& storage, qint64 accountId, qint64 number);
    // By case number ("CAS-01234-…") or incident GUID, in `accountId` or (0) any Dynamics account.
    static Result<AttachTarget> caseByReference(const Storage& storage, qint64 accountId, const QString& reference);
};

} // namespace AssetDesk
