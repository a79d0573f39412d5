#pragma once

#include "sandbox/zendesk/zendeskaccount.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

struct ZendeskOrganization
{
    qint64 id = 0;
    QString name;
    QString externalId;
    QStringList domainNames;
    QStringList tags;
    QJsonObject fields; // organization_fields: account_tier, region, dam_collection, contract_renewal
    QString details;
    QString notes;
    qint64 groupId = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct ZendeskGroup
{
    qint64 id = 0;
    QString name;
    QString description;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// Who the demo tickets are from and for, deterministic from the seed and scaled by `size`:
// organizations (the account's own first), groups (Media team, Press desk, Access & accounts,
// Support), the account's agents with API tokens plus more agents, and end users (most in an
// organization, some without). Built in full at seed time: a few hundred records even for
// 100,000 tickets.
class ZendeskDirectory
{
public:
    void seed(quint64 seed, qint64 size, const ZendeskAccount& account);

    const QList<ZendeskOrganization>& organizations() const { return m_organizations; }
    const QList<ZendeskGroup>& groups() const { return m_groups; }
    // Every user: the account's (admin, agent, end user) first, then the generated ones, by id.
    const QList<ZendeskUser>& users() const { return m_users; }
    const QList<qint64>& agentIds() const { return m_agentIds; }
    const QList<qint64>& endUserIds() const { return m_endUserIds; }

    const ZendeskUser* user(qint64 id) const;
    const ZendeskOrganization* organization(qint64 id) const;
    const ZendeskOrganization* organizationByName(const QString& name) const; // case-insensitive
    const ZendeskGroup* group(qint64 id) const;

    // Group ids by purpose.
    qint64 mediaGroupId() const { return m_groups.value(0).id; }
    qint64 pressGroupId() const { return m_groups.value(1).id; }
    qint64 accessGroupId() const { return m_groups.value(2).id; }
    qint64 supportGroupId() const { return m_groups.value(3).id; }

private:
    QList<ZendeskOrganization> m_organizations;
    QList<ZendeskGroup> m_groups;
    QList<ZendeskUser> m_users;
    QList<qint64> m_agentIds;
    QList<qint64> m_endUserIds;
    QHash<qint64, qsizetype> m_userIndex;
    QHash<qint64, qsizetype> m_organizationIndex;
};

} // namespace AssetDesk::Sandbox
