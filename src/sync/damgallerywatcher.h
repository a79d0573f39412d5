#pragma once

#include "core/error.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace AssetDesk {

class DamSource;
class Storage;

// Watches one gallery during a live event (PX4): every `interval` (2 s by default) it asks the
// service for the gallery's newest uploads (DamSyncRequest::Mode::Newest) and stores the ones it
// has not seen, reading further pages only while a whole page is new. An upload thus appears
// locally within one interval plus one request. It never removes anything: the account's sync
// does that. A failed poll is reported and the next one tries again. Lives on the DamSource's thread.
class DamGalleryWatcher : public QObject
{
    Q_OBJECT
public:
    DamGalleryWatcher(Storage& storage, DamSource& source, qint64 accountId, QString galleryRemoteId,
                      QObject* parent = nullptr);

    void start(std::chrono::milliseconds interval = std::chrono::milliseconds(2000));
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    void setPageSize(int n) { m_pageSize = qMax(1, n); }
    // A poll now (the timer keeps its rhythm).
    void poll();

signals:
    void assetsArrived(const QList<qint64>& assetIds);
    void pollFailed(const AssetDesk::Error& error);

private:
    void readPage(const QString& cursor, int pageIndex);

    Storage& m_storage;
    DamSource& m_source;
    const qint64 m_accountId;
    const QString m_gallery;
    QTimer m_timer;
    QSet<QString> m_known; // remote ids of the gallery's assets stored locally
    bool m_seeded = false;
    bool m_busy = false;
    int m_pageSize = 50;
    QObject* m_requests = nullptr;
};

} // namespace AssetDesk
