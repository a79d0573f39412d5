#include "net/contextrelay.h"

#include <QThread>

namespace AssetDesk {

std::shared_ptr<ContextRelay> ContextRelay::create(QObject* context)
{
    auto* relay = new ContextRelay;
    if (context) {
        relay->moveToThread(context->thread());
        auto callback = std::make_shared<std::function<void()>>();
        relay->m_callback = callback;
        connect(
            relay, &ContextRelay::posted, context,
            [callback] {
                if (auto f = std::exchange(*callback, nullptr))
                    f();
            },
            Qt::QueuedConnection);
    }
    // deleteLater is safe from any thread; the relay goes on its (the context's) thread.
    return std::shared_ptr<ContextRelay>(relay, [](ContextRelay* r) { r->deleteLater(); });
}

void ContextRelay::post(std::function<void()> callback)
{
    if (!m_callback)
        return;
    *m_callback = std::move(callback);
    Q_EMIT posted();
}

} // namespace AssetDesk
