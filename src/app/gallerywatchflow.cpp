#include "gallerywatchflow.h"

#include "workspacesession.h"

#include "models/librarysourcemodel.h"
#include "sync/damgallerywatchers.h"
#include "widgets/librarypane.h"

#include <QSet>
#include <QSettings>

namespace AssetDesk {

namespace {
// A watched gallery in the settings.
QString watchEntry(qint64 accountId, const QString& gallery)
{
    return QString::number(accountId) + QLatin1Char('/') + gallery;
}
} // namespace

GalleryWatchFlow::GalleryWatchFlow(WorkspaceSession& session, LibraryPane* pane, LibrarySourceModel* sources,
                                   QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_sources(sources)
{
    DamGalleryWatchers* watchers = &session.galleryWatchers();
    connect(pane, &LibraryPane::watchToggled, this, [watchers](qint64 accountId, const QString& gallery, bool watch) {
        if (watch)
            watchers->watch(accountId, gallery);
        else
            watchers->unwatch(accountId, gallery);
    });
    connect(watchers, &DamGalleryWatchers::watchStarted, this, &GalleryWatchFlow::onStarted);
    connect(watchers, &DamGalleryWatchers::watchEnded, this, &GalleryWatchFlow::onEnded);
    connect(watchers, &DamGalleryWatchers::assetsArrived, this,
            [this](qint64 accountId, const QString& gallery, const QList<qint64>& ids) {
                emit statusMessage(tr("%n new upload(s) in “%1”.", nullptr, int(ids.size()))
                                       .arg(galleryName(accountId, gallery)),
                                   8000);
            });
}

void GalleryWatchFlow::restore(const QList<Account>& accounts)
{
    QSet<qint64> existing;
    for (const Account& account : accounts)
        existing.insert(account.id);
    QSettings settings;
    QStringList kept;
    QList<std::pair<qint64, QString>> watches;
    for (const QString& entry : settings.value(settingsKey()).toStringList()) {
        const qsizetype slash = entry.indexOf(QLatin1Char('/'));
        bool ok = false;
        const qint64 accountId = entry.left(slash).toLongLong(&ok);
        if (slash > 0 && ok && existing.contains(accountId) && slash + 1 < entry.size()) {
            kept << entry;
            watches.append({accountId, entry.mid(slash + 1)});
        }
    }
    store(settings, kept);
    for (const auto& [accountId, gallery] : watches)
        m_session.galleryWatchers().watch(accountId, gallery);
}

void GalleryWatchFlow::onStarted(qint64 accountId, const QString& gallery)
{
    if (m_sources)
        m_sources->setWatched(accountId, gallery, true);
    remember(accountId, gallery, true);
    emit statusMessage(tr("Watching “%1” for new uploads; they appear in the library within seconds.")
                           .arg(galleryName(accountId, gallery)),
                       8000);
}

void GalleryWatchFlow::onEnded(qint64 accountId, const QString& gallery, const Status& why)
{
    if (m_sources)
        m_sources->setWatched(accountId, gallery, false);
    const QString name = galleryName(accountId, gallery);
    // A watch that failed (no credentials yet, say) is tried again at the next start.
    if (why || why.error().kind() == ErrorKind::Cancelled) {
        remember(accountId, gallery, false);
        emit statusMessage(tr("Stopped watching “%1”.").arg(name), 8000);
    } else {
        emit statusMessage(tr("Watching “%1” stopped: %2").arg(name, why.error().message()), 15000);
    }
}

void GalleryWatchFlow::remember(qint64 accountId, const QString& gallery, bool watched)
{
    QSettings settings;
    QStringList entries = settings.value(settingsKey()).toStringList();
    const QString entry = watchEntry(accountId, gallery);
    entries.removeAll(entry);
    if (watched)
        entries << entry;
    store(settings, entries);
}

// No key at all for a workspace that watches nothing.
void GalleryWatchFlow::store(QSettings& settings, const QStringList& entries) const
{
    if (entries.isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), entries);
}

QString GalleryWatchFlow::settingsKey() const
{
    return QStringLiteral("library/watchedGalleries/") + m_session.workspaceId();
}

QString GalleryWatchFlow::galleryName(qint64 accountId, const QString& gallery) const
{
    const QModelIndex index =
        m_sources ? m_sources->indexOfKey(LibrarySourceModel::collectionKey(accountId, gallery)) : QModelIndex();
    return index.isValid() ? index.data().toString() : gallery;
}

} // namespace AssetDesk
