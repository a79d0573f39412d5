// AssetQuery::order on both backends: each column order, ascending and descending, lists the same
// rows in the same order (ties by id in the same direction, a missing value first ascending,
// titles ignoring ASCII case, text in byte order), a text search so sorted is never ranked, and on
// SQLite each order reads its index instead of sorting (a text search still drives from FTS).
#include "testdatabase.h"
#include "testsamples.h"

#include "storage/assetrepository.h"
#include "storage/assetsearchsql.h"
#include "storage/sqlconnection.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <numeric>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(AssetDesk::AssetQuery::Order)

namespace {
// Ascending "a before b" on the value alone; ties and NULLs are decided by expectedOrder().
using Less = std::function<bool(const Asset&, const Asset&)>;
using Missing = std::function<bool(const Asset&)>;

struct Key
{
    const char* name;
    AssetQuery::Order order;
    Less less;
    Missing missing;
};

QList<Key> keys()
{
    auto never = [](const Asset&) { return false; };
    auto time = [](QDateTime Asset::* field) {
        return [field](const Asset& a, const Asset& b) { return (a.*field) < (b.*field); };
    };
    return {
        {"title", AssetQuery::Order::Title, [](const Asset& a, const Asset& b) { return a.title.toLower() < b.title.toLower(); }, never},
        {"created", AssetQuery::Order::Created, time(&Asset::createdAt), [](const Asset& a) { return !a.createdAt.isValid(); }},
        {"modified", AssetQuery::Order::Modified, time(&Asset::modifiedAt), [](const Asset& a) { return !a.modifiedAt.isValid(); }},
        {"file size", AssetQuery::Order::FileSize, [](const Asset& a, const Asset& b) { return a.fileSize < b.fileSize; }, never},
        {"service", AssetQuery::Order::Service,
         [](const Asset& a, const Asset& b) { return serviceId(a.service) < serviceId(b.service); }, never},
        {"approval", AssetQuery::Order::Approval,
         [](const Asset& a, const Asset& b) { return approvalStateId(a.rights.approval) < approvalStateId(b.rights.approval); }, never},
        {"licence expiry", AssetQuery::Order::LicenseExpiry,
         [](const Asset& a, const Asset& b) { return a.rights.licenseExpiresAt < b.rights.licenseExpiresAt; },
         [](const Asset& a) { return !a.rights.licenseExpiresAt.isValid(); }},
        {"campaign", AssetQuery::Order::Campaign, [](const Asset& a, const Asset& b) { return a.campaign < b.campaign; }, never},
    };
}

// Twelve assets with ties, mixed case, byte-order traps and missing values in every column.
QList<Asset> samples(qint64 account)
{
    const char* const titles[] = {"beta", "Alpha", "alpha", "Gamma", "delta", "Beta", "epsilon", "Zeta", "eta", "theta", "Iota", "kappa"};
    const char* const campaigns[] = {"Spring", "summer", "", "Autumn", "spring", "Summer"};
    const ApprovalState approvals[] = {ApprovalState::Approved, ApprovalState::NotApproved, ApprovalState::Requested,
                                       ApprovalState::Unknown};
    QList<Asset> assets;
    for (int i = 0; i < 12; ++i) {
        Asset a = sampleAsset(account, u"a%1"_s.arg(i, 2, 10, QLatin1Char('0')));
        a.title = QLatin1String(titles[i]);
        a.campaign = QLatin1String(campaigns[i % 6]);
        a.rights.approval = approvals[i % 4];
        a.service = i % 3 == 0 ? Service::Iconik : Service::PhotoShelter;
        a.fileSize = 1000 * (i % 5);
        a.createdAt = i % 4 == 1 ? QDateTime() : utc(2024, 1 + i % 3, 1);
        a.modifiedAt = i % 5 == 2 ? QDateTime() : utc(2024, 6, 1 + i % 4);
        a.rights.licenseExpiresAt = i % 3 == 1 ? QDateTime() : utc(2030, 1 + i % 2, 1);
        assets << a;
    }
    return assets;
}

// `assets` in insertion (id) order, sorted as the query promises.
QStringList expectedOrder(QList<Asset> assets, const Key& key, bool descending)
{
    QList<int> index(assets.size());
    std::iota(index.begin(), index.end(), 0);
    std::stable_sort(index.begin(), index.end(), [&](int x, int y) {
        const Asset& a = assets.at(x);
        const Asset& b = assets.at(y);
        if (key.missing(a) != key.missing(b))
            return key.missing(a); // missing first
        if (key.missing(a))
            return false;
        return key.less(a, b);
    });
    if (descending)
        std::reverse(index.begin(), index.end()); // ties by id and missing values flip too
    QStringList ids;
    for (int i : index)
        ids << assets.at(i).remoteId;
    return ids;
}
} // namespace

class TestAssetSearchOrder : public QObject
{
    Q_OBJECT
private slots:
    void sortsByEachColumn_data()
    {
        QTest::addColumn<QString>("backend");
        for (const QString& backend : {u"sqlite"_s, u"postgresql"_s})
            QTest::newRow(qPrintable(backend)) << backend;
    }
    void sortsByEachColumn()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        QVERIFY(account > 0);
        const QList<Asset> assets = samples(account);
        ASSETDESK_VERIFY_OK(storage->writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); }));
        const AssetRepository repo(*storage);
        const Result<SqlConnection> connection = storage->readConnection();
        ASSETDESK_VERIFY_OK(connection);

        for (const Key& key : keys()) {
            for (bool descending : {false, true}) {
                const QString what = u"%1 %2"_s.arg(QLatin1String(key.name), descending ? u"descending"_s : u"ascending"_s);
                AssetQuery q;
                q.order = key.order;
                q.descending = descending;
                q.limit = 0;
                const QStringList expected = expectedOrder(assets, key, descending);
                const Result<QList<Asset>> found = repo.search(q);
                ASSETDESK_VERIFY_OK(found);
                QVERIFY2(orderedRemoteIds(*found) == expected,
                         qPrintable(what + u": "_s + orderedRemoteIds(*found).join(u' ') + u" != "_s + expected.join(u' ')));

                // A text matching every asset (a rare text, so the default order would rank it):
                // the same order, not ranked.
                q.text = u"harbour"_s;
                const Result<QList<Asset>> matched = repo.search(q);
                ASSETDESK_VERIFY_OK(matched);
                QVERIFY2(orderedRemoteIds(*matched) == expected, qPrintable(what + u" with text"_s));
                const Result<AssetSearchSql::Statement> built = AssetSearchSql::select(*connection, q, u"a.id"_s);
                ASSETDESK_VERIFY_OK(built);
                QVERIFY(!built->ranked);

                // Paging keeps the order.
                q.limit = 3;
                q.offset = 4;
                QCOMPARE(orderedRemoteIds(repo.search(q).value()), expected.mid(4, 3));
            }
        }
    }

    // SQLite: the whole library in a column order is read from that column's index (no sort of
    // every row); a text search so sorted still starts from the full-text index.
    void eachOrderReadsItsIndex()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount());
        const QList<Asset> assets = samples(account);
        ASSETDESK_VERIFY_OK(storage->writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); }));
        const AssetRepository repo(*storage);
        for (const Key& key : keys()) {
            for (bool descending : {false, true}) {
                AssetQuery q;
                q.order = key.order;
                q.descending = descending;
                const Result<QString> plan = repo.explainSearch(q);
                ASSETDESK_VERIFY_OK(plan);
                QVERIFY2(plan->startsWith(u"SCAN a USING "_s) && plan->contains(u"INDEX"_s) && !plan->contains(u"TEMP B-TREE"_s),
                         qPrintable(QLatin1String(key.name) + u": "_s + *plan));
                q.text = u"harbour"_s;
                const Result<QString> textPlan = repo.explainSearch(q);
                ASSETDESK_VERIFY_OK(textPlan);
                QVERIFY2(textPlan->startsWith(u"SCAN assets_fts VIRTUAL TABLE INDEX"_s), qPrintable(*textPlan));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestAssetSearchOrder)
#include "tst_assetsearchorder.moc"
