#include "sandbox/dam/damgenerator.h"

#include "sandbox/dam/damvocabulary.h"
#include "sandbox/splitmix64.h"

#include <QDateTime>

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

quint64 mix(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// An independent stream per (key, index): the state is a hash, not key + index, so neighbouring
// indexes do not share draws.
SplitMix64 streamFor(quint64 key, qint64 index)
{
    return SplitMix64(mix(key ^ (quint64(index) * 0xd1b54a32d192ed03ULL)));
}

int below(SplitMix64& random, int bound)
{
    return int(random.nextBelow(quint64(bound)));
}

void drawWords(SplitMix64& random, quint8* out, int count, bool distinct)
{
    const int vocabulary = DamVocabulary::wordCount();
    for (int i = 0; i < count; ++i) {
        for (;;) {
            const quint8 w = quint8(below(random, vocabulary));
            if (!distinct || std::find(out, out + i, w) == out + i) {
                out[i] = w;
                break;
            }
        }
    }
}

QString joined(const quint8* words, int count)
{
    QString out;
    const QStringList& list = DamVocabulary::words();
    for (int i = 0; i < count; ++i) {
        if (i)
            out += QLatin1Char(' ');
        out += list.at(words[i]);
    }
    return out;
}

QString capitalized(QString s)
{
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s;
}

} // namespace

bool DamGenerator::Text::contains(int word) const
{
    const auto has = [word](const quint8* list, int count) {
        return std::find(list, list + count, quint8(word)) != list + count;
    };
    return has(title, titleCount) || has(caption, captionCount) || has(keywords, keywordCount);
}

DamGenerator::DamGenerator(quint64 key, qint64 size, QDate anchorDay, const QStringList& organizationNames)
    : m_attributeKey(SplitMix64::derive(key, u"attributes"))
    , m_textKey(SplitMix64::derive(key, u"text"))
    , m_timeKey(SplitMix64::derive(key, u"times"))
    , m_size(std::max<qint64>(0, size))
    , m_anchorDay(anchorDay)
    , m_organizationNames(organizationNames)
{
    // Base assets were created between 2019-01-01 and 2024-12-31: long before any sandbox run,
    // so every change made while the sandbox runs is newer than every generated time.
    m_t0 = QDateTime(QDate(2019, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 span = QDateTime(QDate(2024, 12, 31), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() - m_t0;
    m_stepMs = std::max<qint64>(2, span / std::max<qint64>(1, m_size));
    m_anchorJulianDay = (m_anchorDay.isValid() ? m_anchorDay : QDate(2025, 1, 1)).toJulianDay();
    m_expiredBaseDay = QDate(2020, 1, 1).toJulianDay();
    m_validBaseDay = QDate(2030, 1, 1).toJulianDay();
}

qint64 DamGenerator::createdMs(qint64 index) const
{
    // [t0 + i*step, t0 + i*step + step/2): strictly increasing in i.
    const qint64 half = m_stepMs / 2;
    return m_t0 + index * m_stepMs + qint64(mix(m_timeKey ^ quint64(index)) % quint64(half));
}

qint64 DamGenerator::modifiedMs(qint64 index) const
{
    // [t0 + i*step + step/2, t0 + (i+1)*step): after the creation, before the next asset's.
    const qint64 half = m_stepMs / 2;
    return m_t0 + index * m_stepMs + half +
           qint64(mix(~m_timeKey ^ quint64(index)) % quint64(m_stepMs - half));
}

DamGenerator::Attributes DamGenerator::attributes(qint64 index) const
{
    SplitMix64 random = streamFor(m_attributeKey, index);
    Attributes a;
    a.media = below(random, 100) < 10 ? DamMediaType::Video : DamMediaType::Image;

    const int approval = below(random, 100);
    a.approval = approval < 28   ? DamApproval::None
                 : approval < 43 ? DamApproval::Requested
                 : approval < 88 ? DamApproval::Approved
                 : approval < 98 ? DamApproval::NotApproved
                                 : DamApproval::Mixed;

    const int rights = below(random, 100);
    const int day = int(random.next() & 0x7fffffff);
    if (rights < 25) {
        a.rights = DamRightsCase::NoExpiry;
    } else if (rights < 45) {
        a.rights = DamRightsCase::Expired;
        a.expiry = QDate::fromJulianDay(m_expiredBaseDay + day % (4 * 365));
    } else if (rights < 60) {
        a.rights = DamRightsCase::ExpiringSoon;
        a.expiry = QDate::fromJulianDay(m_anchorJulianDay + 1 + day % 29);
    } else {
        a.rights = DamRightsCase::Valid;
        a.expiry = QDate::fromJulianDay(m_validBaseDay + day % (5 * 365));
    }

    const int usage = below(random, 100);
    a.usage = usage < 35 ? 0 : 1 + usage % (int(DamVocabulary::usageRestrictions().size()) - 1);
    a.photographer = below(random, int(DamVocabulary::photographers().size()));
    const int versions = below(random, 100);
    a.versions = versions < 75 ? 1 : versions < 95 ? 2 : 3;

    const int shape = below(random, 100);
    if (a.media == DamMediaType::Video) {
        if (shape < 25) {
            a.orientation = DamOrientation::Portrait;
            a.width = 1080;
            a.height = 1920;
        } else {
            a.orientation = DamOrientation::Landscape;
            const bool uhd = shape >= 85;
            a.width = uhd ? 3840 : 1920;
            a.height = uhd ? 2160 : 1080;
        }
        a.durationMs = 5000 + qint64(random.nextBelow(175000));
    } else {
        static constexpr int kLongEdges[] = {1200, 1600, 2048, 2400, 3000};
        const int longEdge = kLongEdges[below(random, 5)];
        const bool fourThirds = below(random, 2) == 0;
        const int shortEdge = fourThirds ? longEdge * 3 / 4 : longEdge * 2 / 3;
        if (shape < 55) {
            a.orientation = DamOrientation::Landscape;
            a.width = longEdge;
            a.height = shortEdge;
        } else if (shape < 95) {
            a.orientation = DamOrientation::Portrait;
            a.width = shortEdge;
            a.height = longEdge;
        } else {
            a.orientation = DamOrientation::Square;
            a.width = a.height = longEdge;
        }
    }
    a.draw = quint32(random.next());
    return a;
}

DamGenerator::Text DamGenerator::textFrom(quint64 seed)
{
    SplitMix64 random(mix(seed));
    Text t;
    t.titleCount = 2 + below(random, 3);
    drawWords(random, t.title, t.titleCount, true);
    t.captionCount = 8 + below(random, 9);
    drawWords(random, t.caption, t.captionCount, false);
    t.keywordCount = 3 + below(random, 5);
    drawWords(random, t.keywords, t.keywordCount, true);
    return t;
}

DamGenerator::Text DamGenerator::text(qint64 index) const
{
    return textFrom(m_textKey ^ (quint64(index) * 0x9e3779b97f4a7c15ULL));
}

QString DamGenerator::title(const Text& text)
{
    return capitalized(joined(text.title, text.titleCount));
}

QString DamGenerator::caption(const Text& text)
{
    return capitalized(joined(text.caption, text.captionCount)) + QLatin1Char('.');
}

QStringList DamGenerator::keywords(const Text& text)
{
    QStringList out;
    for (int i = 0; i < text.keywordCount; ++i)
        out << DamVocabulary::words().at(text.keywords[i]);
    return out;
}

void DamGenerator::fill(DamAsset& asset, const Attributes& a, const Text& text) const
{
    asset.mediaType = a.media;
    asset.approval = a.approval;
    asset.orientation = a.orientation;
    asset.rightsCase = a.rights;
    asset.licenceExpiry = a.expiry;
    asset.width = a.width;
    asset.height = a.height;
    asset.durationMs = a.durationMs;
    asset.versionCount = a.versions;
    asset.usageRestrictions = DamVocabulary::usageRestrictions().at(a.usage);
    asset.credit = DamVocabulary::photographers().at(a.photographer);
    asset.title = title(text);
    asset.caption = caption(text);
    asset.keywords = keywords(text);
    const int year = asset.createdAt.isValid() ? asset.createdAt.date().year() : 2024;
    const QString holder = (a.draw & 1) || m_organizationNames.isEmpty()
                               ? asset.credit
                               : m_organizationNames.value(asset.organization, m_organizationNames.first());
    asset.copyright = QStringLiteral("\u00a9 %1 %2").arg(year).arg(holder);
    const QString stem = DamVocabulary::words().at(text.title[0]) + QLatin1Char('-') +
                         DamVocabulary::words().at(text.title[1]) + QLatin1Char('-') +
                         QStringLiteral("%1").arg(asset.index, 7, 10, QLatin1Char('0'));
    if (a.media == DamMediaType::Video) {
        asset.fileName = stem + QStringLiteral(".mp4");
        asset.fileSize = a.durationMs * 1500 + (a.draw >> 8) % 100000;
    } else {
        asset.fileName = stem + QStringLiteral(".jpg");
        asset.fileSize = qint64(a.width) * a.height / 4 + (a.draw >> 8) % 200000;
    }
}

DamAsset DamGenerator::materialize(qint64 index, int gallery, int organization, int campaign) const
{
    DamAsset asset;
    asset.index = index;
    asset.gallery = gallery;
    asset.organization = organization;
    asset.campaign = campaign;
    asset.campaignName = campaign >= 0 ? DamVocabulary::campaigns().value(campaign) : QString();
    asset.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs(index), Qt::UTC);
    asset.modifiedAt = QDateTime::fromMSecsSinceEpoch(modifiedMs(index), Qt::UTC);
    fill(asset, attributes(index), text(index));
    return asset;
}

} // namespace AssetDesk::Sandbox
