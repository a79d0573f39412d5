#include "sandbox/photoshelter/photoshelterliveevent.h"

#include "sandbox/dam/damcatalog.h"
#include "sandbox/sandboxclock.h"

namespace AssetDesk::Sandbox {

PhotoShelterLiveEvent::PhotoShelterLiveEvent(DamCatalog& catalog, SandboxClock& clock, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_clock(clock)
{
    connect(&m_timer, &QTimer::timeout, this, &PhotoShelterLiveEvent::upload);
}

void PhotoShelterLiveEvent::start(int gallery, int intervalMs)
{
    m_gallery = gallery;
    m_uploads = 0;
    m_timer.start(std::max(50, intervalMs));
}

void PhotoShelterLiveEvent::stop()
{
    m_timer.stop();
}

void PhotoShelterLiveEvent::upload()
{
    const int number = m_uploads + 1;
    m_lastIndex = m_catalog.add(m_gallery, m_clock.now().toMSecsSinceEpoch(), [number](DamAsset& a) {
        // Camera-style names, so a client can tell the event's frames apart and in order.
        a.fileName = QStringLiteral("LIVE_%1.jpg").arg(number, 5, 10, QLatin1Char('0'));
        a.mediaType = DamMediaType::Image;
        a.title = QStringLiteral("Live %1 - %2").arg(number).arg(a.title);
    });
    ++m_uploads;
}

} // namespace AssetDesk::Sandbox
