#include "storage/assetdigest.h"

#include <QtEndian>

#include <cstring>
#include <string>

namespace AssetDesk {

namespace {

constexpr quint64 kPrime1 = 0x9E3779B185EBCA87ULL;
constexpr quint64 kPrime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr quint64 kPrime3 = 0x165667B19E3779F9ULL;
constexpr quint64 kPrime4 = 0x85EBCA77C2B2AE63ULL;
constexpr quint64 kPrime5 = 0x27D4EB2F165667C5ULL;
// The seed of the digest's second half (the first uses 0): any constant other than 0 does.
constexpr quint64 kSecondSeed = 0x9E3779B97F4A7C15ULL;

constexpr quint64 rotl(quint64 x, int r)
{
    return (x << r) | (x >> (64 - r));
}

quint64 read64(const char* p)
{
    return qFromLittleEndian<quint64>(p);
}

quint32 read32(const char* p)
{
    return qFromLittleEndian<quint32>(p);
}

quint64 round(quint64 acc, quint64 input)
{
    acc += input * kPrime2;
    acc = rotl(acc, 31);
    return acc * kPrime1;
}

quint64 mergeRound(quint64 acc, quint64 value)
{
    acc ^= round(0, value);
    return acc * kPrime1 + kPrime4;
}

// Appends the fields in the digest's layout. A std::string, not a QByteArray: its append is a
// plain copy, where QByteArray's goes through a general insert (a tenth of the digest in callgrind).
class LayoutWriter
{
public:
    explicit LayoutWriter(std::string& out)
        : m_out(out)
    {}

    LayoutWriter& operator<<(qint64 value)
    {
        char bytes[8];
        qToLittleEndian(value, bytes);
        m_out.append(bytes, 8);
        return *this;
    }
    LayoutWriter& operator<<(int value) { return *this << qint64(value); }
    LayoutWriter& operator<<(const QDateTime& time)
    {
        return *this << (time.isValid() ? time.toMSecsSinceEpoch() : Q_INT64_C(-1));
    }
    LayoutWriter& operator<<(const QByteArray& bytes)
    {
        *this << qint64(bytes.size());
        m_out.append(bytes.constData(), std::size_t(bytes.size()));
        return *this;
    }
    // Length in UTF-16 code units, then the code units little-endian. A null string and an
    // empty one are stored alike (''), so they hash alike.
    LayoutWriter& operator<<(const QString& text)
    {
        *this << qint64(text.size());
        if constexpr (QSysInfo::ByteOrder == QSysInfo::LittleEndian) {
            // constData(), not utf16(): utf16() reallocates a string that does not own its data
            // (a literal, fromRawData) to give it a terminating null.
            m_out.append(reinterpret_cast<const char*>(text.constData()), std::size_t(text.size()) * 2);
        } else {
            for (const QChar c : text) {
                char bytes[2];
                qToLittleEndian(c.unicode(), bytes);
                m_out.append(bytes, 2);
            }
        }
        return *this;
    }
    LayoutWriter& operator<<(const QStringList& list)
    {
        *this << qint64(list.size());
        for (const QString& s : list)
            *this << s;
        return *this;
    }

private:
    std::string& m_out;
};

void writeLayout(const Asset& a, std::string& bytes)
{
    bytes.clear();
    bytes.reserve(std::size_t(1024 + 2 * (a.caption.size() + a.title.size()) + a.rawJson.size()));
    LayoutWriter out(bytes);
    out << a.accountId << serviceId(a.service) << a.remoteId << a.version << a.title << a.caption << a.keywords
        << a.campaign << a.fileName << a.mimeType << mediaTypeId(a.mediaType) << a.width << a.height << a.fileSize
        << approvalStateId(a.rights.approval) << a.rights.licenseExpiresAt << a.rights.usageRestrictions
        << a.rights.credit << a.rights.copyright << lifecycleStateId(a.lifecycle) << a.createdAt << a.modifiedAt
        << a.rawJson << QStringList(a.collectionRemoteIds);
    out << qint64(a.renditions.size());
    for (const Rendition& r : a.renditions)
        out << r.name << r.width << r.height << r.mimeType << r.bytes << r.remoteUrl.toEncoded() << r.localPath;
}

} // namespace

quint64 AssetDigest::xxh64(const char* p, std::size_t length, quint64 seed)
{
    const char* const end = p + length;
    quint64 h;
    if (length >= 32) {
        quint64 v1 = seed + kPrime1 + kPrime2;
        quint64 v2 = seed + kPrime2;
        quint64 v3 = seed;
        quint64 v4 = seed - kPrime1;
        const char* const limit = end - 32;
        do {
            v1 = round(v1, read64(p));
            v2 = round(v2, read64(p + 8));
            v3 = round(v3, read64(p + 16));
            v4 = round(v4, read64(p + 24));
            p += 32;
        } while (p <= limit);
        h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
        h = mergeRound(h, v1);
        h = mergeRound(h, v2);
        h = mergeRound(h, v3);
        h = mergeRound(h, v4);
    } else {
        h = seed + kPrime5;
    }
    h += quint64(length);
    while (end - p >= 8) {
        h ^= round(0, read64(p));
        h = rotl(h, 27) * kPrime1 + kPrime4;
        p += 8;
    }
    if (end - p >= 4) {
        h ^= quint64(read32(p)) * kPrime1;
        h = rotl(h, 23) * kPrime2 + kPrime3;
        p += 4;
    }
    while (p < end) {
        h ^= quint64(static_cast<unsigned char>(*p)) * kPrime5;
        h = rotl(h, 11) * kPrime1;
        ++p;
    }
    h ^= h >> 33;
    h *= kPrime2;
    h ^= h >> 29;
    h *= kPrime3;
    h ^= h >> 32;
    return h;
}

QByteArray AssetDigest::layout(const Asset& a)
{
    std::string bytes;
    writeLayout(a, bytes);
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

QString AssetDigest::of(const Asset& a)
{
    thread_local std::string bytes; // reused: one allocation per thread, not one per asset
    writeLayout(a, bytes);
    char hash[16];
    qToBigEndian(xxh64(bytes.data(), bytes.size(), 0), hash);
    qToBigEndian(xxh64(bytes.data(), bytes.size(), kSecondSeed), hash + 8);
    static const char kHex[] = "0123456789abcdef";
    QString digest(3 + 32, Qt::Uninitialized);
    QChar* out = digest.data();
    *out++ = QLatin1Char('x');
    *out++ = QLatin1Char('2');
    *out++ = QLatin1Char(':');
    for (const char byte : hash) {
        *out++ = QLatin1Char(kHex[(static_cast<unsigned char>(byte) >> 4) & 0xF]);
        *out++ = QLatin1Char(kHex[static_cast<unsigned char>(byte) & 0xF]);
    }
    return digest;
}

} // namespace AssetDesk
