#include "sandbox/x/xmediastore.h"

namespace AssetDesk::Sandbox {

qint64 XMediaStore::byteLimit(XMedia::Kind kind)
{
    switch (kind) { // x.md §5c
    case XMedia::Kind::Photo:
        return 5LL * 1024 * 1024;
    case XMedia::Kind::AnimatedGif:
        return 15LL * 1024 * 1024;
    case XMedia::Kind::Video:
        return 512LL * 1024 * 1024;
    case XMedia::Kind::Subtitles:
        break;
    }
    return 1LL * 1024 * 1024;
}

int XMediaStore::processingSecs(XMedia::Kind kind)
{
    return kind == XMedia::Kind::Video ? 5 : kind == XMedia::Kind::AnimatedGif ? 2 : 0;
}

QString XMediaStore::kindName(XMedia::Kind kind)
{
    switch (kind) {
    case XMedia::Kind::Photo:
        return QStringLiteral("photo");
    case XMedia::Kind::AnimatedGif:
        return QStringLiteral("animated_gif");
    case XMedia::Kind::Video:
        return QStringLiteral("video");
    case XMedia::Kind::Subtitles:
        break;
    }
    return QStringLiteral("subtitles");
}

XMedia& XMediaStore::create(const QString& ownerId, const QString& mediaType, const QString& category,
                            XMedia::Kind kind, qint64 totalBytes, const QDateTime& now)
{
    XMedia m;
    // Snowflake-like: time in the high bits, a sequence below, so ids are unique and 19 digits.
    m.id = QString::number(((now.toMSecsSinceEpoch() - 1288834974657) << 22) | (qint64(9) << 12) |
                           (++m_sequence & 0xfff));
    static const char* prefixes[] = {"3", "16", "7", "17"};
    m.key = QLatin1String(prefixes[int(kind)]) + QLatin1Char('_') + m.id;
    m.ownerId = ownerId;
    m.mediaType = mediaType;
    m.category = category;
    m.kind = kind;
    m.totalBytes = totalBytes;
    m.initializedAt = now;
    return *m_media.insert(m.id, m);
}

XMedia* XMediaStore::find(const QString& id)
{
    const auto it = m_media.find(id);
    return it == m_media.end() ? nullptr : &*it;
}

const XMedia* XMediaStore::find(const QString& id) const
{
    const auto it = m_media.constFind(id);
    return it == m_media.cend() ? nullptr : &*it;
}

const XMedia* XMediaStore::findByKey(const QString& key) const
{
    return find(key.section(QLatin1Char('_'), 1));
}

qint64 XMediaStore::receivedBytes(const XMedia& media) const
{
    qint64 n = 0;
    for (const QByteArray& s : media.segments)
        n += s.size();
    return n;
}

void XMediaStore::finalize(XMedia& media, const QDateTime& now)
{
    QByteArray bytes;
    for (const QByteArray& s : std::as_const(media.segments))
        bytes += s;
    media.segments.clear(); // the probe result is all the sandbox keeps
    media.finalizedAt = now;
    switch (media.kind) {
    case XMedia::Kind::Photo:
        media.probe = XMediaProbe::image(bytes);
        break;
    case XMedia::Kind::AnimatedGif:
        media.probe = XMediaProbe::gif(bytes);
        break;
    case XMedia::Kind::Video:
        media.probe = XMediaProbe::video(bytes);
        break;
    case XMedia::Kind::Subtitles:
        media.probe.decodable = !bytes.isEmpty();
        break;
    }
}

XMediaStore::State XMediaStore::state(const XMedia& media, const QDateTime& now) const
{
    if (!media.finalizedAt.isValid())
        return State::Uploading;
    const int processing = processingSecs(media.kind);
    if (processing == 0)
        return media.probe.failure.isEmpty() ? State::Succeeded : State::Failed;
    const qint64 elapsedMs = media.finalizedAt.msecsTo(now);
    if (elapsedMs < kPendingSecs * 1000)
        return State::Pending;
    if (elapsedMs < (kPendingSecs + processing) * 1000LL)
        return State::InProgress;
    return media.probe.failure.isEmpty() ? State::Succeeded : State::Failed;
}

QJsonObject XMediaStore::processingInfo(const XMedia& media, const QDateTime& now) const
{
    const int processing = processingSecs(media.kind);
    if (processing == 0)
        return {};
    const qint64 elapsedMs = media.finalizedAt.msecsTo(now);
    switch (state(media, now)) {
    case State::Uploading:
        break;
    case State::Pending:
        return QJsonObject{{QStringLiteral("state"), QStringLiteral("pending")},
                           {QStringLiteral("check_after_secs"), kPendingSecs}};
    case State::InProgress: {
        const qint64 done = elapsedMs - kPendingSecs * 1000;
        return QJsonObject{{QStringLiteral("state"), QStringLiteral("in_progress")},
                           {QStringLiteral("check_after_secs"), 1},
                           {QStringLiteral("progress_percent"), int(std::min<qint64>(99, done / (processing * 10)))}};
    }
    case State::Succeeded:
        return QJsonObject{{QStringLiteral("state"), QStringLiteral("succeeded")},
                           {QStringLiteral("progress_percent"), 100}};
    case State::Failed:
        // The v2 spec's processing_info has no room for a reason (2.167: additionalProperties
        // false, unlike v1.1's error member): XMediaRoutes puts it into the response's errors[].
        return QJsonObject{{QStringLiteral("state"), QStringLiteral("failed")}, {QStringLiteral("progress_percent"), 100}};
    }
    return {};
}

bool XMediaStore::usable(const XMedia& media, const QDateTime& now) const
{
    return state(media, now) == State::Succeeded && media.finalizedAt.secsTo(now) < kMediaLifetimeSecs;
}

} // namespace AssetDesk::Sandbox
