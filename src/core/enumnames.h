#pragma once

#include <QLatin1String>
#include <QString>

#include <cstddef>
#include <optional>

namespace AssetDesk {

// A fixed table between an enum and its stable string id (stored in the database, CLI flags).
template<typename E>
struct EnumName
{
    E value;
    const char* id;
};

template<typename E, std::size_t N>
QString enumToId(const EnumName<E> (&names)[N], E value)
{
    for (const auto& n : names) {
        if (n.value == value)
            return QLatin1String(n.id);
    }
    return QLatin1String(names[0].id);
}

template<typename E, std::size_t N>
std::optional<E> enumFromId(const EnumName<E> (&names)[N], const QString& id)
{
    for (const auto& n : names) {
        if (id == QLatin1String(n.id))
            return n.value;
    }
    return std::nullopt;
}

} // namespace AssetDesk
