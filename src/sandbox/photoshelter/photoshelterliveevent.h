#pragma once

#include <QObject>
#include <QTimer>

namespace AssetDesk::Sandbox {

class DamCatalog;
class SandboxClock;

// "Live event" mode (scenario PX4): while running, a new upload lands in one gallery every
// `interval` - a photographer shooting an event and feeding the library. Each upload is a
// DamCatalog::add(), so listings, search by date and the gallery's media show it at once.
// Server thread only.
class PhotoShelterLiveEvent : public QObject
{
    Q_OBJECT
public:
    PhotoShelterLiveEvent(DamCatalog& catalog, SandboxClock& clock, QObject* parent = nullptr);

    void start(int gallery, int intervalMs);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    int gallery() const { return m_gallery; }
    int intervalMs() const { return m_timer.interval(); }
    int uploads() const { return m_uploads; }
    qint64 lastIndex() const { return m_lastIndex; }

private:
    void upload();

    DamCatalog& m_catalog;
    SandboxClock& m_clock;
    QTimer m_timer;
    int m_gallery = -1;
    int m_uploads = 0;
    qint64 m_lastIndex = -1;
};

} // namespace AssetDesk::Sandbox
