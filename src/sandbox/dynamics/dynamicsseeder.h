#pragma once

#include <QDateTime>

namespace AssetDesk::Sandbox {

class DynamicsDirectory;
class DynamicsStore;

// The demo organization's rows, deterministic from (seed, size) apart from the dates, which are
// placed around `now` (opportunities closing this month, campaigns launching soon, events next
// quarter) so the client's "this month" views always have content. `size` is the number of
// cases; the other tables scale from it (accounts size/10, two contacts per account, one
// opportunity per account, campaigns size/10 up to 500, events size/25 up to 200, a note on
// about 40 % of cases, a quarter of them with a small file).
class DynamicsSeeder
{
public:
    static void seed(DynamicsStore& store, const DynamicsDirectory& directory, quint64 seed, int size,
                     const QDateTime& now);
};

} // namespace AssetDesk::Sandbox
