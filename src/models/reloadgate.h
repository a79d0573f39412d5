#pragma once

#include <utility>

namespace AssetDesk {

// One background load at a time, and at most one more after it. The feeds reload from storage
// whenever a change set touches them. A reload asked for while a load runs is not started next to
// it, since that load's read may predate the change: it is remembered and started when that load
// ends, however many were asked for meanwhile.
//
//   void Feed::reload()
//   {
//       if (m_reload.deferIfLoading())
//           return;
//       m_reload.start();
//       ... // on the load's end, back on this thread:
//           if (m_reload.end())
//               reload();
//   }
class ReloadGate
{
public:
    // A load is running: remembers that another is wanted and returns true.
    bool deferIfLoading()
    {
        if (m_loading)
            m_again = true;
        return m_loading;
    }
    void start() { m_loading = true; }
    // The running load ended. Returns whether another was asked for meanwhile (start it now).
    bool end()
    {
        m_loading = false;
        return std::exchange(m_again, false);
    }
    bool isLoading() const { return m_loading; }

private:
    bool m_loading = false;
    bool m_again = false;
};

} // namespace AssetDesk
