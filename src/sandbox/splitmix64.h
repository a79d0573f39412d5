#pragma once

#include <QStringView>

#include <cstdint>

namespace AssetDesk::Sandbox {

// The sandbox's PRNG: SplitMix64. Chosen over std::mt19937 + distributions because its output
// (and therefore every seeded demo record and fault sequence) is identical on every platform and
// standard library.
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed = 0)
        : m_state(seed)
    {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, 1) with 53 bits of precision.
    double nextUnit() { return double(next() >> 11) * 0x1.0p-53; }

    // Uniform in [0, bound) for bound > 0 (rejection sampling, so no modulo bias).
    std::uint64_t nextBelow(std::uint64_t bound)
    {
        const std::uint64_t threshold = (0 - bound) % bound;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold)
                return r % bound;
        }
    }

    // A stream seed derived from a seed and a name (FNV-1a over the UTF-16 code units), so that
    // independent purposes ("x/users", fault rule "f3") draw from independent sequences.
    static std::uint64_t derive(std::uint64_t seed, QStringView name)
    {
        std::uint64_t h = 0xcbf29ce484222325ULL;
        for (const QChar c : name) {
            h ^= c.unicode();
            h *= 0x100000001b3ULL;
        }
        SplitMix64 mixer(seed ^ h);
        return mixer.next();
    }

private:
    std::uint64_t m_state;
};

} // namespace AssetDesk::Sandbox
