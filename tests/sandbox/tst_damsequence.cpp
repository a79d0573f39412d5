// DamSequence: every listing and search the modules build must equal the obvious answer (take
// every record, filter, sort) - checked against such a reference for many query shapes, before
// and after changes, in both directions, by offset and by key. Then the point of it: on a
// million assets, a page deep in the set and a filtered page answer in milliseconds.
#include "sandbox/dam/damcatalog.h"
#include "sandbox/dam/damsequence.h"
#include "sandbox/dam/damvocabulary.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

using namespace AssetDesk::Sandbox;

namespace {

DamCatalog::Config config(qint64 size)
{
    return {21, QStringLiteral("photoshelter"), size,
            {QStringLiteral("North"), QStringLiteral("South"), QStringLiteral("West")}, QDate(2025, 3, 10)};
}

bool inScope(const DamCatalog& c, const DamScope& scope, const DamAsset& a)
{
    const DamLayout& layout = c.layout();
    switch (scope.kind) {
    case DamScope::Kind::All:
        return true;
    case DamScope::Kind::Organization:
        return layout.galleries().at(a.gallery).organization == scope.id;
    case DamScope::Kind::Collection: {
        const DamCollection& col = layout.collections().at(scope.id);
        return a.gallery >= col.firstGallery && a.gallery < col.endGallery;
    }
    case DamScope::Kind::Gallery:
        if (a.gallery == scope.id)
            return true;
        return !a.added && layout.selectsGalleryOf(a.index) == scope.id;
    }
    return false;
}

// The obvious implementation the engine must agree with.
QList<qint64> reference(const DamCatalog& c, const DamQuery& q)
{
    QList<QPair<qint64, qint64>> keyed;
    for (qint64 i = 0; i < c.indexEnd(); ++i) {
        const auto found = c.find(i);
        if (!found)
            continue;
        const DamAsset& a = *found;
        if (!inScope(c, q.scope, a))
            continue;
        if ((q.status == DamQuery::Status::Active && a.deleted) || (q.status == DamQuery::Status::Deleted && !a.deleted))
            continue;
        if (q.mediaMask && !(q.mediaMask & (1u << int(a.mediaType))))
            continue;
        if (q.approvalMask && !(q.approvalMask & (1u << int(a.approval))))
            continue;
        if (!q.campaigns.isEmpty() && !q.campaigns.contains(a.campaign))
            continue;
        if (q.hasExpiry && a.licenceExpiry.isValid() != *q.hasExpiry)
            continue;
        const qint64 created = a.createdAt.toMSecsSinceEpoch();
        const qint64 modified = a.modifiedAt.toMSecsSinceEpoch();
        if ((q.modifiedMin && modified < *q.modifiedMin) || (q.createdMax && created > *q.createdMax))
            continue;
        bool textOk = true;
        const QStringList words = DamVocabulary::tokens(a.title + QLatin1Char(' ') + a.caption + QLatin1Char(' ') +
                                                        a.keywords.join(QLatin1Char(' ')) + QLatin1Char(' ') +
                                                        a.credit + QLatin1Char(' ') + a.campaignName);
        for (const QString& t : q.text)
            textOk = textOk && words.contains(t);
        if (!textOk)
            continue;
        keyed.append({q.order == DamQuery::Order::Created ? created : modified, i});
    }
    std::sort(keyed.begin(), keyed.end());
    if (q.descending)
        std::reverse(keyed.begin(), keyed.end());
    QList<qint64> out;
    for (const auto& k : keyed)
        out << k.second;
    return out;
}

struct Shape
{
    const char* name;
    std::function<DamQuery(const DamCatalog&)> make;
};

QList<Shape> shapes()
{
    return {
        {"all by creation", [](const DamCatalog&) { return DamQuery{}; }},
        {"all by modification, newest first",
         [](const DamCatalog&) {
             DamQuery q;
             q.order = DamQuery::Order::Modified;
             q.descending = true;
             return q;
         }},
        {"organization 1", [](const DamCatalog&) { DamQuery q; q.scope = DamScope::organization(1); return q; }},
        {"a collection",
         [](const DamCatalog& c) {
             DamQuery q;
             q.scope = DamScope::collection(int(c.layout().collections().size()) - 1);
             q.order = DamQuery::Order::Modified;
             return q;
         }},
        {"a gallery newest first",
         [](const DamCatalog&) {
             DamQuery q;
             q.scope = DamScope::gallery(2);
             q.descending = true;
             return q;
         }},
        {"a selects gallery",
         [](const DamCatalog& c) {
             DamQuery q;
             q.scope = DamScope::gallery(c.layout().organizations().at(0).selectsGallery);
             return q;
         }},
        {"videos", [](const DamCatalog&) { DamQuery q; q.mediaMask = 1u << int(DamMediaType::Video); return q; }},
        {"approved images newest first",
         [](const DamCatalog&) {
             DamQuery q;
             q.mediaMask = 1u << int(DamMediaType::Image);
             q.approvalMask = 1u << int(DamApproval::Approved);
             q.descending = true;
             return q;
         }},
        {"text and campaign",
         [](const DamCatalog&) {
             DamQuery q;
             q.text = {QStringLiteral("harbor")};
             q.campaigns = {0, 1, 2};
             return q;
         }},
        {"credit word",
         [](const DamCatalog&) {
             DamQuery q;
             q.text = {QStringLiteral("tanaka")};
             q.order = DamQuery::Order::Modified;
             return q;
         }},
        {"no expiry", [](const DamCatalog&) { DamQuery q; q.hasExpiry = false; return q; }},
        {"changed since the middle",
         [](const DamCatalog& c) {
             DamQuery q;
             q.order = DamQuery::Order::Modified;
             q.modifiedMin = c.find(c.size() / 2)->modifiedAt.toMSecsSinceEpoch();
             return q;
         }},
        {"created before a quarter, videos",
         [](const DamCatalog& c) {
             DamQuery q;
             q.createdMax = c.find(c.size() / 4)->createdAt.toMSecsSinceEpoch();
             q.mediaMask = 1u << int(DamMediaType::Video);
             q.descending = true;
             return q;
         }},
        {"deleted", [](const DamCatalog&) { DamQuery q; q.status = DamQuery::Status::Deleted; return q; }},
        {"any status by modification",
         [](const DamCatalog&) {
             DamQuery q;
             q.status = DamQuery::Status::Any;
             q.order = DamQuery::Order::Modified;
             return q;
         }},
        {"nothing", [](const DamCatalog&) { DamQuery q; q.text = {QStringLiteral("zzzunknown")}; return q; }},
    };
}

void checkAgainstReference(const DamCatalog& c)
{
    for (const Shape& shape : shapes()) {
        const DamQuery q = shape.make(c);
        const QList<qint64> expected = reference(c, q);
        const DamSequence sequence(c, q);
        QVERIFY2(sequence.size() == expected.size(),
                 qPrintable(QStringLiteral("%1: %2 != %3").arg(QLatin1String(shape.name)).arg(sequence.size()).arg(expected.size())));
        // Every page size boundary, and odd offsets.
        for (int pageSize : {1, 7, 50}) {
            QList<qint64> walked;
            for (qint64 offset = 0; offset < sequence.size(); offset += pageSize)
                walked += sequence.slice(offset, pageSize);
            QVERIFY2(walked == expected, shape.name);
        }
        for (qint64 offset : {qint64(3), expected.size() / 2, expected.size() - 2}) {
            if (offset < 0 || offset >= expected.size())
                continue;
            QVERIFY2(sequence.slice(offset, 5) == expected.mid(offset, 5), shape.name);
        }
        // Keyset continuation from every 13th item.
        for (qint64 k = 0; k < expected.size(); k += 13) {
            const DamAsset a = *c.find(expected.at(k));
            const qint64 key = c.sortKeyMs(q, a);
            QVERIFY2(sequence.after(key, a.index, 20) == expected.mid(k + 1, 20), shape.name);
        }
        QVERIFY(sequence.slice(expected.size(), 10).isEmpty());
    }
}

} // namespace

class TestDamSequence : public QObject
{
    Q_OBJECT
private slots:
    void matchesReferenceOnGeneratedData()
    {
        const DamCatalog c(config(1000));
        checkAgainstReference(c);
    }

    void matchesReferenceAfterChanges()
    {
        DamCatalog c(config(1000));
        const qint64 now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        c.mutate(40, 25, 15, -1, now);
        c.mutate(10, 5, 5, 2, now + 1000);
        c.add(c.layout().organizations().at(0).selectsGallery, now + 2000);
        // Touch the first and last assets too: edge positions of the progression.
        QVERIFY(c.modify(0, now + 3000, [](DamAsset& a) { a.approval = DamApproval::Approved; }));
        QVERIFY(c.remove(999, now + 4000));
        checkAgainstReference(c);
    }

    void modifiedAssetsMoveToTheEndByModification()
    {
        DamCatalog c(config(500));
        const qint64 now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        QVERIFY(c.modify(7, now, [](DamAsset&) {}));
        DamQuery q;
        q.order = DamQuery::Order::Modified;
        q.modifiedMin = now;
        QCOMPARE(c.page(q, 0, 10), QList<qint64>{7});
        q.modifiedMin.reset();
        q.descending = true;
        QCOMPARE(c.page(q, 0, 1), QList<qint64>{7});
        QVERIFY(c.remove(8, now));
        QCOMPARE(c.count(q), 499);
        q.status = DamQuery::Status::Any;
        QCOMPARE(c.page(q, 0, 2), (QList<qint64>{8, 7}));
    }

    void deepPagesOfAMillionAreFast()
    {
        DamCatalog c(config(1000000));
        const qint64 now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        c.mutate(200, 100, 50, -1, now);

        QElapsedTimer timer;
        DamQuery all;
        all.order = DamQuery::Order::Modified;
        timer.start();
        const QList<qint64> deep = c.page(all, 900000, 100);
        const qint64 unfilteredMs = timer.elapsed();
        QCOMPARE(deep.size(), 100);
        for (int i = 1; i < deep.size(); ++i)
            QVERIFY(c.find(deep.at(i - 1))->modifiedAt <= c.find(deep.at(i))->modifiedAt);
        QCOMPARE(c.count(all), 1000000 - 100 + 50);
        qInfo("1M: unfiltered page at offset 900000: %lld ms", unfilteredMs);
        QVERIFY2(unfilteredMs < 200, qPrintable(QString::number(unfilteredMs)));

        DamQuery images;
        images.mediaMask = 1u << int(DamMediaType::Image);
        images.descending = true;
        timer.restart();
        const qint64 total = c.count(images); // first use: counts the blocks
        const qint64 firstMs = timer.elapsed();
        timer.restart();
        const QList<qint64> filtered = c.page(images, total - 500, 100);
        const qint64 filteredMs = timer.elapsed();
        QCOMPARE(filtered.size(), 100);
        for (qint64 i : filtered)
            QCOMPARE(int(c.find(i)->mediaType), int(DamMediaType::Image));
        qInfo("1M: image filter, first count %lld ms, then a page near the end %lld ms", firstMs, filteredMs);
        QVERIFY2(firstMs < 1000, qPrintable(QString::number(firstMs)));
        QVERIFY2(filteredMs < 200, qPrintable(QString::number(filteredMs)));

        // Incremental: what changed since a time near the end.
        DamQuery changed;
        changed.order = DamQuery::Order::Modified;
        changed.modifiedMin = c.find(999000)->modifiedAt.toMSecsSinceEpoch();
        timer.restart();
        const qint64 changedCount = c.count(changed);
        const QList<qint64> changedPage = c.page(changed, 0, 100);
        const qint64 changedMs = timer.elapsed();
        QVERIFY(changedCount >= 1000);
        QCOMPARE(changedPage.size(), 100);
        qInfo("1M: changed-since query %lld ms", changedMs);
        QVERIFY2(changedMs < 200, qPrintable(QString::number(changedMs)));
    }
};

QTEST_GUILESS_MAIN(TestDamSequence)
#include "tst_damsequence.moc"
