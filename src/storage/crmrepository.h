#pragma once

#include "core/casenote.h"
#include "core/changeset.h"
#include "core/crmaccount.h"
#include "core/crmcampaign.h"
#include "core/crmcontact.h"
#include "core/crmevent.h"
#include "core/opportunity.h"
#include "core/result.h"
#include "core/supportcase.h"
#include "storage/connectionsource.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AssetDesk {

class Storage;
class WriteContext;

// Which cases CrmRepository::cases() returns. Empty / 0 fields do not filter.
struct CaseFilter
{
    qint64 accountId = 0;        // AssetDesk service account; 0 = every Dynamics account
    QString customer;            // substring of the customer's name (case-insensitive)
    int priority = 0;            // prioritycode
    std::optional<int> state;    // statecode (0 Active, 1 Resolved, 2 Canceled)
    QString text;                // substring of title or ticket number
};

// The local cache of Dynamics 365: accounts, contacts, opportunities, campaigns, cases (incidents),
// events and case notes (annotations). Records refer to each other by Dynamics GUIDs (lookups),
// so the "children" of an account are found by its remote id: its contacts (parent customer),
// opportunities and cases (customer = the account or one of its contacts) and the campaigns its
// opportunities came from.
// Style as in CollectionRepository: const reads on the calling thread, static writes in a
// WriteContext. Writes report in the ChangeSet as CrmAccount, CrmContact, Opportunity, Campaign,
// SupportCase, CrmEvent and CaseNote; a stored row equal to the given one is not reported.
class CrmRepository
{
public:
    explicit CrmRepository(const Storage& storage)
        : m_source(storage)
    {}
    explicit CrmRepository(const WriteContext& context)
        : m_source(context)
    {}

    // Accounts of a service account by name; `filter` matches name or account number
    // (case-insensitive substring).
    Result<QList<CrmAccount>> accounts(qint64 accountId, const QString& filter = {}) const;
    Result<std::optional<CrmAccount>> account(qint64 crmAccountId) const;
    Result<std::optional<CrmAccount>> accountByRemoteId(qint64 accountId, const QString& remoteId) const;

    // Children of one CRM account (local id); newest first where there is a date.
    Result<QList<CrmContact>> contacts(qint64 crmAccountId) const;
    Result<QList<Opportunity>> opportunities(qint64 crmAccountId) const;
    Result<QList<SupportCase>> accountCases(qint64 crmAccountId) const;
    Result<QList<CrmCampaign>> accountCampaigns(qint64 crmAccountId) const;

    Result<QList<CrmCampaign>> campaigns(qint64 accountId) const;
    Result<std::optional<CrmCampaign>> campaign(qint64 id) const;
    // Events by start time (newest first).
    Result<QList<CrmEvent>> events(qint64 accountId) const;
    Result<std::optional<CrmEvent>> event(qint64 id) const;
    Result<std::optional<Opportunity>> opportunity(qint64 id) const;
    Result<std::optional<CrmContact>> contact(qint64 id) const;

    // Cases: by priority (High first), then newest modified.
    Result<QList<SupportCase>> cases(const CaseFilter& filter) const;
    Result<std::optional<SupportCase>> supportCase(qint64 id) const;
    Result<std::optional<SupportCase>> caseByRemoteId(qint64 accountId, const QString& remoteId) const;
    // By case number (ticketnumber, e.g. CAS-01001-A1B2C3), across accounts when accountId is 0.
    Result<std::optional<SupportCase>> caseByNumber(qint64 accountId, const QString& ticketNumber) const;

    // The notes of a case (local id), oldest first (a conversation reads downwards).
    Result<QList<CaseNote>> notes(qint64 caseId) const;
    Result<std::optional<CaseNote>> note(qint64 id) const;

    // Insert or update by (accountId, remoteId); ids in input order. Each record needs an account
    // and a remote id (Validation error otherwise, and nothing of the batch is meant to be kept:
    // call inside the write that should roll back).
    static Result<QList<qint64>> upsert(WriteContext& ctx, const QList<CrmAccount>& rows);
    static Result<QList<qint64>> upsert(WriteContext& ctx, const QList<CrmContact>& rows);
    static Result<QList<qint64>> upsert(WriteContext& ctx, const QList<Opportunity>& rows);
    static Result<QList<qint64>> upsert(WriteContext& ctx, const QList<CrmCampaign>& rows);
    static Result<QList<qint64>> upsert(WriteContext& ctx, const QList<SupportCase>& rows);
    static Result<QList<qint64>> upsert(WriteContext& ctx, const QList<CrmEvent>& rows);
    static Result<QList<qint64>> upsert(WriteContext& ctx, const QList<CaseNote>& rows);
    // One note just created on the service (ATTACH): the same as upsert of one, returning its id.
    // The note needs its case's remote id.
    static Result<qint64> addNote(WriteContext& ctx, const CaseNote& note);

    // Removes the records of one kind (CrmAccount, CrmContact, Opportunity, Campaign, SupportCase,
    // CrmEvent, CaseNote) with these remote ids; returns how many. Removing a case removes its
    // notes too (Dynamics deletes them with it). Unknown remote ids are skipped.
    static Result<int> removeByRemoteIds(WriteContext& ctx, EntityKind kind, qint64 accountId,
                                         const QStringList& remoteIds);
    // Removes every record of one kind of the account (a full resync that replaces the cache).
    static Result<int> removeAll(WriteContext& ctx, EntityKind kind, qint64 accountId);
    // Remote ids of one kind stored for the account (a full resync removes those it did not see).
    Result<QStringList> remoteIds(EntityKind kind, qint64 accountId) const;

private:
    ConnectionSource m_source;
};

} // namespace AssetDesk
