#include "testdatabase.h"
#include "testsamples.h"

#include "storage/lineagerepository.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

using K = LineageEdge::NodeKind;

LineageEdge edge(K fromKind, qint64 fromId, K toKind, qint64 toId, const QString& relation,
                 const QString& version = u"v3"_s)
{
    LineageEdge e;
    e.fromKind = fromKind;
    e.fromId = fromId;
    e.toKind = toKind;
    e.toId = toId;
    e.relation = relation;
    e.assetVersion = version;
    e.note = u"note for %1"_s.arg(relation);
    e.createdAt = QDateTime(QDate(2024, 9, 1), QTime(8, 0), Qt::UTC);
    return e;
}

QString describe(const QList<LineageNode>& nodes)
{
    QStringList parts;
    for (const LineageNode& n : nodes) {
        parts << u"%1:%2@%3<-%4:%5(%6)"_s.arg(lineageNodeKindId(n.kind))
                     .arg(n.id)
                     .arg(n.depth)
                     .arg(lineageNodeKindId(n.viaKind))
                     .arg(n.viaId)
                     .arg(n.relation);
    }
    return parts.join(u' ');
}

} // namespace

class TestLineageRepository : public QObject
{
    Q_OBJECT
private slots:
    // asset 1 -> derivative 10 -> post 20 -> archived copy 30 (-> ... -> post 20 again: a cycle)
    // asset 1 -> case note 40; asset 1 -> ticket comment 50; post 20 -> customer record 60
    // and a diamond: asset 1 -> post 21 directly and via derivative 11.
    void answersWhereAnAssetWasUsed_data() { backendRows(); }
    void answersWhereAnAssetWasUsed()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const QList<LineageEdge> edges{
            edge(K::Asset, 1, K::Derivative, 10, u"derived-from"_s),
            edge(K::Derivative, 10, K::Post, 20, u"published-as"_s),
            edge(K::Post, 20, K::ArchivedCopy, 30, u"archived-as"_s),
            edge(K::ArchivedCopy, 30, K::Post, 20, u"republished-as"_s), // cycle back
            edge(K::Asset, 1, K::CaseNote, 40, u"attached-to"_s),
            edge(K::Asset, 1, K::TicketComment, 50, u"attached-to"_s),
            edge(K::Post, 20, K::CustomerRecord, 60, u"mentioned-in"_s),
            edge(K::Asset, 1, K::Post, 21, u"published-as"_s),
            edge(K::Asset, 1, K::Derivative, 11, u"derived-from"_s),
            edge(K::Derivative, 11, K::Post, 21, u"published-as"_s),
            edge(K::Asset, 2, K::Post, 22, u"published-as"_s), // another asset's use
        };
        const auto added = storage->writeAndWait([edges](WriteContext& ctx) -> Result<QList<qint64>> {
            QList<qint64> ids;
            for (const LineageEdge& e : edges) {
                auto id = LineageRepository::addEdge(ctx, e);
                if (!id)
                    return id.error();
                ids << id.value();
            }
            if (ctx.changes().ids(EntityKind::Lineage, ChangeSet::Op::Inserted) != ids)
                return Error(ErrorKind::Internal, u"edges not recorded as inserted"_s);
            return ids;
        });
        ASSETDESK_VERIFY_OK(added);

        const Result<QList<LineageNode>> uses = LineageRepository(*storage).usesOfAsset(1);
        ASSETDESK_VERIFY_OK(uses);
        // Each node once, at its shortest depth (post 21 is also two steps away through derivative 11;
        // post 20 is reached again through the cycle), ordered by depth, kind and id.
        const QString expected =
            u"case-note:40@1<-asset:1(attached-to) derivative:10@1<-asset:1(derived-from) "
            u"derivative:11@1<-asset:1(derived-from) post:21@1<-asset:1(published-as) "
            u"ticket-comment:50@1<-asset:1(attached-to) post:20@2<-derivative:10(published-as) "
            u"archived-copy:30@3<-post:20(archived-as) customer-record:60@3<-post:20(mentioned-in)"_s;
        QCOMPARE(describe(uses.value()), expected);
        for (qsizetype i = 1; i < uses->size(); ++i)
            QVERIFY(uses->at(i - 1).depth <= uses->at(i).depth);
        QCOMPARE(uses->first().assetVersion, u"v3"_s);
        for (const LineageNode& n : *uses) // when its reaching edge was recorded
            QCOMPARE(n.linkedAt, QDateTime(QDate(2024, 9, 1), QTime(8, 0), Qt::UTC));

        const QList<LineageNode> fromPost = LineageRepository(*storage).reachableFrom(K::Post, 20).value();
        QCOMPARE(describe(fromPost),
                 u"archived-copy:30@1<-post:20(archived-as) customer-record:60@1<-post:20(mentioned-in)"_s);
        QVERIFY(LineageRepository(*storage).usesOfAsset(999).value().isEmpty());

        const QList<LineageEdge> into21 = LineageRepository(*storage).edgesTo(K::Post, 21).value();
        QCOMPARE(into21.size(), 2);
        LineageEdge expectedEdge = edges.at(7);
        expectedEdge.id = added->at(7);
        QVERIFY(LineageRepository(*storage).edgesFrom(K::Asset, 2).value().first().toId == 22);
        QVERIFY(into21.contains(expectedEdge));
    }

    void addingAnEdgeTwiceChangesNothing_data() { backendRows(); }
    void addingAnEdgeTwiceChangesNothing()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const LineageEdge e = edge(K::Asset, 5, K::Post, 6, u"published-as"_s);
        const qint64 id =
            storage->writeAndWait([e](WriteContext& ctx) { return LineageRepository::addEdge(ctx, e); })
                .value();
        const auto again =
            storage->writeAndWait([e](WriteContext& ctx) -> Result<std::pair<qint64, ChangeSet>> {
                auto second = LineageRepository::addEdge(ctx, e);
                if (!second)
                    return second.error();
                return std::pair{second.value(), ctx.changes()};
            });
        ASSETDESK_VERIFY_OK(again);
        QCOMPARE(again->first, id);
        QVERIFY(again->second.isEmpty());
        QCOMPARE(LineageRepository(*storage).edgesFrom(K::Asset, 5).value().size(), 1);

        const Result<qint64> bad = storage->writeAndWait([](WriteContext& ctx) {
            return LineageRepository::addEdge(ctx, edge(K::Asset, 0, K::Post, 6, u"x"_s));
        });
        QCOMPARE(bad.error().kind(), ErrorKind::Validation);
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestLineageRepository)
#include "tst_lineagerepository.moc"
