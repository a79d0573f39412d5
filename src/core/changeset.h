#pragma once

#include <QList>
#include <QMetaType>
#include <QSet>

#include <map>
#include <utility>

namespace AssetDesk {

enum class EntityKind {
    Account, Asset, Collection, Post, Engagement, Campaign, SupportCase, Ticket, Lineage, Job, Audit,
    // Helpdesk (Zendesk): comment ids are local ticket_comments ids, view ids ticket_views ids
    // (a view's membership changing reports the view as Updated).
    TicketComment, TicketView, HelpdeskOrganization, HelpdeskUser,
    // CRM (Dynamics): local ids of crm_accounts, crm_contacts, opportunities, crm_events,
    // case_notes; Dynamics campaigns and cases report as Campaign and SupportCase.
    CrmAccount, CrmContact, Opportunity, CrmEvent, CaseNote
};

// What one committed write changed, by entity kind and operation. The storage writer emits one
// ChangeSet per transaction; models apply it with fine-grained row signals instead of resetting.
class ChangeSet
{
public:
    enum class Op { Inserted, Updated, Removed };

    void add(EntityKind kind, Op op, qint64 id);
    void add(EntityKind kind, Op op, const QList<qint64>& ids);
    void merge(const ChangeSet& other);

    // Ids in the order they were first added, without duplicates.
    QList<qint64> ids(EntityKind kind, Op op) const;
    bool touches(EntityKind kind) const;
    bool isEmpty() const { return m_buckets.empty(); }
    qsizetype size() const;

private:
    struct Bucket
    {
        QList<qint64> ordered;
        QSet<qint64> seen;
    };
    std::map<std::pair<EntityKind, Op>, Bucket> m_buckets;
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::ChangeSet)
