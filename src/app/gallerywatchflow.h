#pragma once

#include "core/account.h"
#include "core/result.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QSettings;

namespace AssetDesk {

class LibraryPane;
class LibrarySourceModel;
class WorkspaceSession;

// Watching galleries for new uploads (scenario PX4), on the GUI thread: the library pane's watch
// action starts and stops the session's DamGalleryWatchers, the source tree marks what is
// watched, and each start, end and arrival goes out as statusMessage. What is watched is kept per
// workspace in the settings - a choice of this desktop, not data of a workspace a team may share
// - and restore() watches it again at the next start. Lives as long as the session.
class GalleryWatchFlow : public QObject
{
    Q_OBJECT
public:
    GalleryWatchFlow(WorkspaceSession& session, LibraryPane* pane, LibrarySourceModel* sources,
                     QObject* parent = nullptr);

    // Watches what was watched when AssetDesk last ran, for those of `accounts` that still exist;
    // the settings forget the others.
    void restore(const QList<Account>& accounts);

signals:
    void statusMessage(const QString& text, int timeoutMs);

private:
    void onStarted(qint64 accountId, const QString& gallery);
    void onEnded(qint64 accountId, const QString& gallery, const Status& why);
    void remember(qint64 accountId, const QString& gallery, bool watched);
    void store(QSettings& settings, const QStringList& entries) const;
    QString settingsKey() const;
    QString galleryName(qint64 accountId, const QString& gallery) const;

    WorkspaceSession& m_session;
    QPointer<LibrarySourceModel> m_sources;
};

} // namespace AssetDesk
