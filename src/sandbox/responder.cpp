#include "sandbox/responder.h"

namespace AssetDesk::Sandbox {

Responder::Responder(Sink sink)
    : m_state(std::make_shared<State>())
{
    m_state->sink = std::move(sink);
}

void Responder::send(HttpResponse response) const
{
    if (!m_state || m_state->sent)
        return;
    m_state->sent = true;
    // Move the sink out first: it may drop the last reference to whatever owns this state.
    const Sink sink = std::move(m_state->sink);
    if (sink)
        sink(std::move(response));
}

} // namespace AssetDesk::Sandbox
