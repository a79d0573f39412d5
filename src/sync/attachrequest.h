#pragma once

#include "core/service.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace AssetDesk {

// Where assets are dropped: a Zendesk ticket, a Dynamics case, or a Dynamics customer record
// (an account or an opportunity, DP1).
struct AttachTarget
{
    enum class Kind { Ticket, Case, CrmAccount, Opportunity };

    Kind kind = Kind::Ticket;
    qint64 accountId = 0; // the Zendesk or Dynamics service account
    qint64 localId = 0;   // tickets.id, support_cases.id, crm_accounts.id or opportunities.id
    QString remoteId;     // the ticket's number as text, or the record's GUID
    QString label;        // "#1234 Printer on fire", for job titles and messages

    Service service() const { return kind == Kind::Ticket ? Service::Zendesk : Service::Dynamics; }
    // Account and opportunity: the assets are associated with the record, not sent as files.
    bool isCustomerRecord() const { return kind == Kind::CrmAccount || kind == Kind::Opportunity; }
    // The Dataverse table the note is regarding.
    QString dynamicsTable() const
    {
        switch (kind) {
        case Kind::Case:
            return QStringLiteral("incident");
        case Kind::CrmAccount:
            return QStringLiteral("account");
        case Kind::Opportunity:
            return QStringLiteral("opportunity");
        case Kind::Ticket:
            break;
        }
        return {};
    }
};

// One drop, as the attach dialog (or the CLI) settled it.
struct AttachRequest
{
    AttachTarget target;
    QList<qint64> assetIds;
    QString rendition;     // empty or "original": each asset's original; else a rendition name
    bool isPublic = false; // Zendesk: a public reply, else an internal note
    QString subject;       // Dynamics: the note's subject
    QString text;          // the comment's body / the note's text
    qint64 maxBytes = 0;   // per file; 0: AttachmentRules::maxBytes(target.service())
};

// What an attach job left behind, locally and remotely.
struct AttachOutcome
{
    AttachTarget target;
    QList<qint64> assetIds;
    QList<qint64> localIds;  // ticket_comments / case_notes rows written (none for customer records)
    QStringList remoteIds;   // Zendesk comment id, or Dynamics annotation ids
    QStringList fileNames;
    qint64 bytesSent = 0;
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::AttachOutcome)
