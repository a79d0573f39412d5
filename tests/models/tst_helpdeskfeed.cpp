#include "libraryfixture.h"

#include "models/helpdeskfeed.h"
#include "models/ticketdetailloader.h"
#include "models/ticketqueuemodel.h"
#include "storage/storage.h"
#include "storage/ticketrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {
Ticket ticket(qint64 remoteId, const QString& priority, int minute, const QStringList& tags = {})
{
    Ticket t;
    t.remoteId = remoteId;
    t.subject = u"Ticket %1"_s.arg(remoteId);
    t.status = u"open"_s;
    t.priority = priority;
    t.tags = tags;
    t.createdAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
    t.updatedAt = QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC).addSecs(60 * minute);
    return t;
}
} // namespace

// The helpdesk feed and detail loader over a real workspace: the queue fills from the cache off
// the GUI thread, follows committed changes with row signals, and the conversation comes back
// exactly as stored - hostile HTML included, as text.
class TestHelpdeskFeed : public QObject
{
    Q_OBJECT
private slots:
    void queueFollowsTheCache()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::Zendesk, u"Support"_s);
        Storage& storage = f.storage();
        const auto upsert = [&](const QList<Ticket>& tickets) {
            return storage.writeAndWait([account, tickets](WriteContext& ctx) -> Result<QList<qint64>> {
                return TicketRepository::upsertTickets(ctx, account, tickets);
            });
        };
        const Result<QList<qint64>> ids = upsert({ticket(1, u"low"_s, 1), ticket(2, u"high"_s, 2), ticket(3, u"normal"_s, 3)});
        QVERIFY(ids.ok());
        const Status views = storage.writeAndWait([account, ids = *ids](WriteContext& ctx) -> Status {
            ZendeskView press;
            press.remoteId = 77;
            press.title = u"Press desk"_s;
            const Result<QList<qint64>> viewIds = TicketRepository::replaceViews(ctx, account, {press});
            if (!viewIds)
                return viewIds.error();
            return TicketRepository::setViewMembers(ctx, viewIds->first(), {ids.at(1)});
        });
        QVERIFY(views.ok());

        TicketQueueModel queue;
        QAbstractItemModelTester tester(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
        HelpdeskFeed feed(storage, &queue);
        QSignalSpy loaded(&feed, &HelpdeskFeed::loaded);
        QSignalSpy viewsLoaded(&feed, &HelpdeskFeed::viewsLoaded);
        feed.show(account, 0);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(queue.rowCount(), 3);
        QCOMPARE(queue.ticket(0).remoteId, 3); // newest first
        QCOMPARE(viewsLoaded.count(), 1);
        const auto shownViews = viewsLoaded.at(0).at(1).value<QList<ZendeskView>>();
        QCOMPARE(shownViews.size(), 1);
        QCOMPARE(shownViews.first().title, u"Press desk"_s);

        // A committed change: one ticket becomes urgent by a press tag, one is new; no reset.
        QSignalSpy reset(&queue, &QAbstractItemModel::modelReset);
        queue.setOrder(TicketQueueModel::Order::Fulfilment);
        QVERIFY(upsert({ticket(1, u"low"_s, 10, {u"press"_s}), ticket(4, u"high"_s, 4)}).ok());
        QTRY_COMPARE(queue.rowCount(), 4);
        QTRY_COMPARE(queue.ticket(0).remoteId, 1);
        QCOMPARE(reset.count(), 0);

        // A view lists its members only.
        feed.show(account, shownViews.first().id);
        QTRY_COMPARE(queue.rowCount(), 1);
        QCOMPARE(queue.ticket(0).remoteId, 2);
    }

    void conversationComesBackAsStored()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::Zendesk, u"Support"_s);
        Storage& storage = f.storage();
        TicketComment hostile;
        hostile.remoteId = 501;
        hostile.body = u"<img src=\"http://tracker.invalid/p.gif\"><script>alert(1)</script> plain & simple"_s;
        hostile.isPublic = false;
        hostile.createdAt = QDateTime(QDate(2026, 12, 5), QTime(9, 30), Qt::UTC);
        hostile.attachments = {TicketAttachment{9, u"logo.png"_s, u"image/png"_s, 1234, u"https://x.invalid/logo.png"_s}};
        const Result<qint64> ticketId = storage.writeAndWait([account, hostile](WriteContext& ctx) -> Result<qint64> {
            const Result<QList<qint64>> ids = TicketRepository::upsertTickets(ctx, account, {ticket(9, u"urgent"_s, 0)});
            if (!ids)
                return ids.error();
            const Result<QList<qint64>> comments = TicketRepository::upsertComments(ctx, ids->first(), {hostile}, true);
            if (!comments)
                return comments.error();
            return ids->first();
        });
        QVERIFY(ticketId.ok());

        TicketDetailLoader loader(storage);
        QSignalSpy loaded(&loader, &TicketDetailLoader::loaded);
        loader.load(*ticketId);
        QVERIFY(loaded.wait(5000));
        const TicketDetail detail = loaded.first().first().value<TicketDetail>();
        QCOMPARE(detail.ticket.remoteId, 9);
        QCOMPARE(detail.comments.size(), 1);
        QCOMPARE(detail.comments.first().body, hostile.body);
        QVERIFY(!detail.comments.first().isPublic);
        QCOMPARE(detail.comments.first().attachments, hostile.attachments);

        // A new comment (an attach job's) reloads the open ticket.
        TicketComment reply;
        reply.remoteId = 502;
        reply.ticketId = *ticketId;
        reply.body = u"Attached."_s;
        QVERIFY(storage.writeAndWait([reply](WriteContext& ctx) { return TicketRepository::addComment(ctx, reply); }).ok());
        // (The first write's change may also arrive late and reload once more: wait for the content.)
        QTRY_COMPARE(loaded.last().first().value<TicketDetail>().comments.size(), 2);

        QSignalSpy missing(&loader, &TicketDetailLoader::notFound);
        QSignalSpy failed(&loader, &TicketDetailLoader::failed);
        loader.load(*ticketId + 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!missing.isEmpty() || !failed.isEmpty(), 5000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<Error>().message()));
        QCOMPARE(missing.first().first().toLongLong(), *ticketId + 1000);
    }
};

QTEST_GUILESS_MAIN(TestHelpdeskFeed)
#include "tst_helpdeskfeed.moc"
