#pragma once

#include "sandbox/httpresponse.h"

#include <functional>
#include <memory>

namespace AssetDesk::Sandbox {

// A handle to one request that still owes its response. Copyable; the first send() wins and
// later ones are ignored. It may be kept and used later (asynchronous handlers): if the client
// has gone away or the server was destroyed in the meantime, send() does nothing harmful.
// Used on the server's thread only.
class Responder
{
public:
    using Sink = std::function<void(HttpResponse)>;

    Responder() = default;
    explicit Responder(Sink sink);

    void send(HttpResponse response) const;
    bool isPending() const { return m_state && !m_state->sent; }

private:
    struct State
    {
        Sink sink;
        bool sent = false;
    };
    std::shared_ptr<State> m_state;
};

} // namespace AssetDesk::Sandbox
