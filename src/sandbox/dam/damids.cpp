#include "sandbox/dam/damids.h"

#include "sandbox/splitmix64.h"

namespace AssetDesk::Sandbox {

namespace {

constexpr quint64 kMask28 = (quint64(1) << 28) - 1;
constexpr quint64 kMask56 = (quint64(1) << 56) - 1;
constexpr char kBase36[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

quint64 mix(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace

DamIdCodec::DamIdCodec(quint64 key)
{
    SplitMix64 random(key);
    for (quint64& k : m_keys)
        k = random.next();
    m_checkKey = random.next();
}

quint64 DamIdCodec::round(quint64 half, int index) const
{
    return mix(half ^ m_keys[index]) & kMask28;
}

quint64 DamIdCodec::encode56(quint64 value) const
{
    quint64 left = (value >> 28) & kMask28;
    quint64 right = value & kMask28;
    for (int i = 0; i < 4; ++i) {
        const quint64 next = left ^ round(right, i);
        left = right;
        right = next;
    }
    return (left << 28) | right;
}

quint64 DamIdCodec::decode56(quint64 code) const
{
    quint64 left = (code >> 28) & kMask28;
    quint64 right = code & kMask28;
    for (int i = 3; i >= 0; --i) {
        const quint64 previous = right ^ round(left, i);
        right = left;
        left = previous;
    }
    return (left << 28) | right;
}

quint64 DamIdCodec::check(quint64 code) const
{
    return mix(code ^ m_checkKey);
}

QString DamIdCodec::uuid(DamIdKind kind, quint64 number) const
{
    const quint64 code = encode56((quint64(kind) << 48) | (number & (kNumberLimit - 1)));
    const quint64 sum = check(code);
    // 30 free hex digits: 14 of code, 16 of check. The version nibble ('4') sits at 12 and the
    // variant nibble (8..b, from two check bits) at 16, as in any random UUID.
    char digits[32];
    int d = 0;
    auto put = [&](quint64 value, int count) {
        for (int i = count - 1; i >= 0; --i)
            digits[d++] = "0123456789abcdef"[(value >> (4 * i)) & 0xf];
    };
    put(code >> 8, 12);
    digits[d++] = '4';
    put(code & 0xff, 2);
    put(sum >> 60, 1);
    digits[d++] = "89ab"[(sum >> 58) & 3];
    put(sum & ((quint64(1) << 60) - 1), 15);
    QString out;
    out.reserve(36);
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            out += QLatin1Char('-');
        out += QLatin1Char(digits[i]);
    }
    return out;
}

std::optional<DamId> DamIdCodec::parseUuid(QStringView text) const
{
    if (text.size() != 36)
        return std::nullopt;
    int values[32];
    int n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text.at(i) != QLatin1Char('-'))
                return std::nullopt;
            continue;
        }
        const int v = hexValue(text.at(i));
        if (v < 0)
            return std::nullopt;
        values[n++] = v;
    }
    if (values[12] != 4)
        return std::nullopt;
    quint64 code = 0;
    for (int i = 0; i < 12; ++i)
        code = (code << 4) | quint64(values[i]);
    code = (code << 8) | quint64(values[13] << 4 | values[14]);
    quint64 sum = quint64(values[15]);
    for (int i = 17; i < 32; ++i)
        sum = (sum << 4) | quint64(values[i]);
    if (sum != check(code) || values[16] != 8 + int((sum >> 58) & 3))
        return std::nullopt;
    const quint64 value = decode56(code);
    return DamId{DamIdKind(quint8(value >> 48)), value & (kNumberLimit - 1)};
}

QString DamIdCodec::code36(DamIdKind kind, quint64 number) const
{
    quint64 code = encode56((quint64(kind) << 48) | (number & (kNumberLimit - 1)));
    QString out(11, QLatin1Char('0'));
    for (int i = 10; i >= 0; --i) {
        out[i] = QLatin1Char(kBase36[code % 36]);
        code /= 36;
    }
    return out;
}

std::optional<DamId> DamIdCodec::parseCode36(QStringView text) const
{
    if (text.size() != 11)
        return std::nullopt;
    quint64 code = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        int v = -1;
        if (u >= u'0' && u <= u'9')
            v = u - u'0';
        else if (u >= u'A' && u <= u'Z')
            v = u - u'A' + 10;
        if (v < 0)
            return std::nullopt;
        code = code * 36 + quint64(v);
    }
    if (code > kMask56)
        return std::nullopt;
    const quint64 value = decode56(code);
    return DamId{DamIdKind(quint8(value >> 48)), value & (kNumberLimit - 1)};
}

} // namespace AssetDesk::Sandbox
