#include "models/accountsfeed.h"

#include "models/accountsmodel.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"

#include <QtConcurrent>

namespace AssetDesk {

AccountsFeed::AccountsFeed(Storage& storage, AccountsModel& model, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_model(model)
{
    connect(&m_watcher, &QFutureWatcher<Result<QList<Account>>>::finished, this, [this] {
        const Result<QList<Account>> result = m_watcher.result();
        if (m_reloadAgain) {
            m_reloadAgain = false;
            reload();
        }
        if (!result) {
            emit loadFailed(result.error());
            return;
        }
        m_model.setAccounts(*result);
        emit loaded(int(result->size()));
    });
    connect(&storage, &Storage::changed, this, &AccountsFeed::applyChanges);
}

void AccountsFeed::reload()
{
    if (m_watcher.isRunning()) {
        m_reloadAgain = true; // the running load may predate the change
        return;
    }
    Storage* storage = &m_storage;
    m_watcher.setFuture(QtConcurrent::run([storage] { return AccountRepository(*storage).list(); }));
}

void AccountsFeed::applyChanges(const ChangeSet& changes)
{
    if (changes.touches(EntityKind::Account))
        reload();
}

} // namespace AssetDesk
