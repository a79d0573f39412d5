#pragma once

#include "core/accountactions.h"

#include <QList>

// Records what the widgets asked for; tests answer with the signals.
class FakeAccountActions : public AssetDesk::AccountActions
{
    Q_OBJECT
public:
    using AccountActions::AccountActions;

    void add(const AssetDesk::Account& a, const AssetDesk::Credentials& c) override
    {
        added.append({a, c});
    }
    void update(const AssetDesk::Account& a, const AssetDesk::Credentials& c) override
    {
        updated.append({a, c});
    }
    void remove(qint64 id) override { removedIds.append(id); }
    QUuid test(qint64 id) override
    {
        testedIds.append(id);
        return lastRequest = QUuid::createUuid();
    }
    QUuid signIn(qint64 id) override
    {
        signedInIds.append(id);
        return lastRequest = QUuid::createUuid();
    }
    QUuid testDraft(const AssetDesk::Account& a, const AssetDesk::Credentials& c) override
    {
        drafts.append({a, c});
        return lastRequest = QUuid::createUuid();
    }

    QList<std::pair<AssetDesk::Account, AssetDesk::Credentials>> added, updated, drafts;
    QList<qint64> removedIds, testedIds, signedInIds;
    QUuid lastRequest;
};
