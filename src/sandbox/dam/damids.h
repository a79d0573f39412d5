#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace AssetDesk::Sandbox {

// What a derived identifier names. Part of the encoded value, so an id of one kind never decodes
// as another.
enum class DamIdKind : quint8
{
    Asset = 1,
    Collection = 2,
    Gallery = 3,
    Organization = 4,
    Version = 5,
    Format = 6,
    FileSet = 7,
    File = 8,
    Keyframe = 9,
    Proxy = 10,
    MetadataView = 11,
    Storage = 12,
    ShareLink = 13,
    Webhook = 14,
    User = 15,
};

struct DamId
{
    DamIdKind kind = DamIdKind::Asset;
    quint64 number = 0; // < 2^48

    bool operator==(const DamId&) const = default;
};

// Turns (kind, number) into identifiers that look like the service's own (random UUIDs for
// iconik, "I0000" + 11 characters for PhotoShelter) and back again, without a table: the value
// kind<<48 | number goes through a keyed 4-round Feistel permutation of 56 bits. That is what lets
// the emulators serve a million assets whose ids resolve in O(1) without holding any of them.
// UUIDs also carry a 64-bit keyed check, so a UUID the codec did not make is rejected.
class DamIdCodec
{
public:
    static constexpr quint64 kNumberLimit = quint64(1) << 48;

    explicit DamIdCodec(quint64 key = 0);

    // Bijection on [0, 2^56).
    quint64 encode56(quint64 value) const;
    quint64 decode56(quint64 code) const;

    // Lower-case version-4 UUID text, e.g. "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed".
    QString uuid(DamIdKind kind, quint64 number) const;
    std::optional<DamId> parseUuid(QStringView text) const;

    // 11 characters from [0-9A-Z] (36^11 > 2^56).
    QString code36(DamIdKind kind, quint64 number) const;
    std::optional<DamId> parseCode36(QStringView text) const;

private:
    quint64 round(quint64 half, int index) const;
    quint64 check(quint64 code) const;

    quint64 m_keys[4];
    quint64 m_checkKey;
};

} // namespace AssetDesk::Sandbox
