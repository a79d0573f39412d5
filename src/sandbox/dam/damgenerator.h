#pragma once

#include "sandbox/dam/damasset.h"

#include <QDate>
#include <QStringList>

namespace AssetDesk::Sandbox {

class DamLayout;

// Generates base asset `index` from (key, index) alone, in pieces of increasing cost:
// attributes() (a handful of integer draws: what filters look at), text() (word indexes: what a
// free-text search looks at) and materialize() (the strings the modules render). Times are a
// strictly increasing function of the index, so "sorted by creation or modification time" is
// "sorted by index" and a time range is an index range (binary search, no scan).
// Immutable after construction; safe to share.
class DamGenerator
{
public:
    struct Attributes
    {
        DamMediaType media = DamMediaType::Image;
        DamApproval approval = DamApproval::None;
        DamOrientation orientation = DamOrientation::Landscape;
        DamRightsCase rights = DamRightsCase::NoExpiry;
        QDate expiry;
        int usage = 0;        // DamVocabulary::usageRestrictions() index
        int photographer = 0; // DamVocabulary::photographers() index
        int versions = 1;
        int width = 0;
        int height = 0;
        qint64 durationMs = 0;
        quint32 draw = 0; // spare randomness (file size, copyright holder)
    };

    struct Text
    {
        quint8 title[4] = {};
        quint8 caption[16] = {};
        quint8 keywords[8] = {};
        int titleCount = 0;
        int captionCount = 0;
        int keywordCount = 0;

        bool contains(int word) const;
    };

    DamGenerator() = default;
    // `anchorDay`: the day "expiring soon" is counted from.
    DamGenerator(quint64 key, qint64 size, QDate anchorDay, const QStringList& organizationNames);

    qint64 size() const { return m_size; }
    QDate anchorDay() const { return m_anchorDay; }
    qint64 stepMs() const { return m_stepMs; }

    Attributes attributes(qint64 index) const;
    Text text(qint64 index) const;
    // Text drawn from an arbitrary seed (modifications and uploads get fresh words this way).
    static Text textFrom(quint64 seed);
    qint64 createdMs(qint64 index) const;
    qint64 modifiedMs(qint64 index) const;

    // The full record of base asset `index` in `gallery` (its organization and campaign given).
    DamAsset materialize(qint64 index, int gallery, int organization, int campaign) const;
    // Fills the record's strings from `text` and `attributes` (shared with uploads).
    void fill(DamAsset& asset, const Attributes& attributes, const Text& text) const;

    static QString title(const Text& text);
    static QString caption(const Text& text);
    static QStringList keywords(const Text& text);

private:
    quint64 m_attributeKey = 0;
    quint64 m_textKey = 0;
    quint64 m_timeKey = 0;
    qint64 m_size = 0;
    QDate m_anchorDay;
    qint64 m_t0 = 0;
    qint64 m_stepMs = 1;
    // Julian days, so attributes() never builds a date from year/month/day.
    qint64 m_anchorJulianDay = 0;
    qint64 m_expiredBaseDay = 0;
    qint64 m_validBaseDay = 0;
    QStringList m_organizationNames;
};

} // namespace AssetDesk::Sandbox
