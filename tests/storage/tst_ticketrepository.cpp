#include "testdatabase.h"
#include "testsamples.h"

#include "core/ticketurgency.h"
#include "storage/accountrepository.h"
#include "storage/helpdeskrepository.h"
#include "storage/ticketrepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {

Ticket sampleTicket(qint64 remoteId, const QString& priority, const QStringList& tags, int createdDay)
{
    Ticket t;
    t.remoteId = remoteId;
    t.subject = u"Need logo files #%1"_s.arg(remoteId);
    t.status = u"open"_s;
    t.priority = priority;
    t.type = u"question"_s;
    t.tags = tags;
    t.requesterId = 9000 + remoteId;
    t.organizationId = 500;
    t.assigneeId = 77;
    t.groupId = 12;
    t.description = u"Please send the <b>press kit</b> as plain text."_s;
    t.viaChannel = u"email"_s;
    t.createdAt = utc(2026, 10, 10 + createdDay);
    t.updatedAt = utc(2026, 12, createdDay % 28 + 1);
    return t;
}

QList<qint64> remoteIds(const QList<Ticket>& tickets)
{
    QList<qint64> ids;
    for (const Ticket& t : tickets)
        ids << t.remoteId;
    return ids;
}

} // namespace

class TestTicketRepository : public QObject
{
    Q_OBJECT
private slots:
    void upsertsReadsAndRemoves_data() { backendRows(); }
    void upsertsReadsAndRemoves()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount(Service::Zendesk, u"agent@acme.example"_s));
        TicketRepository repo(*storage);

        QSignalSpy changed(storage.get(), &Storage::changed);
        const QList<Ticket> first{sampleTicket(101, u"normal"_s, {u"media_request"_s}, 1),
                                  sampleTicket(102, u"urgent"_s, {}, 2)};
        const auto ids = storage->writeAndWait(
            [&](WriteContext& ctx) { return TicketRepository::upsertTickets(ctx, account, first); });
        ASSETDESK_VERIFY_OK(ids);
        QCOMPARE(ids->size(), 2);
        QTRY_COMPARE(changed.size(), 1);
        const ChangeSet inserted = changed.takeFirst().at(0).value<ChangeSet>();
        QCOMPARE(inserted.ids(EntityKind::Ticket, ChangeSet::Op::Inserted), ids.value());

        Ticket expected = first.at(0);
        expected.id = ids->at(0);
        expected.accountId = account;
        QCOMPARE(repo.ticket(ids->at(0)).value().value(), expected);
        QCOMPARE(repo.ticketByRemoteId(account, 102).value()->id, ids->at(1));

        // Names come from the cached organization and user once they are known.
        HelpdeskOrganization org;
        org.remoteId = 500;
        org.name = u"Acme Press"_s;
        org.domains = {u"acme.example"_s};
        org.tags = {u"vip"_s};
        org.fields = {{u"customer_type"_s, u"enterprise"_s}, {u"seats"_s, 40}, {u"renewal_due"_s, true}};
        HelpdeskUser user;
        user.remoteId = 9101;
        user.name = u"Rita Requester"_s;
        user.email = u"rita@acme.example"_s;
        user.role = u"end-user"_s;
        user.organizationId = 500;
        ASSETDESK_VERIFY_OK(storage->writeAndWait([&](WriteContext& ctx) -> Status {
            if (auto o = HelpdeskRepository::upsertOrganizations(ctx, account, {org}); !o)
                return o.error();
            if (auto u = HelpdeskRepository::upsertUsers(ctx, account, {user}); !u)
                return u.error();
            return {};
        }));
        const Ticket named = repo.ticket(ids->at(0)).value().value();
        QCOMPARE(named.organization, u"Acme Press"_s);
        QCOMPARE(named.requester, u"Rita Requester"_s);
        HelpdeskRepository helpdesk(*storage);
        HelpdeskOrganization storedOrg = helpdesk.organization(account, 500).value().value();
        QCOMPARE(storedOrg.fields, org.fields);
        QCOMPARE(storedOrg.domains, org.domains);
        QCOMPARE(helpdesk.user(account, 9101).value()->email, user.email);
        QCOMPARE(helpdesk.knownUserIds(account, {9101, 9102, 1}).value(), QSet<qint64>{9101});
        QCOMPARE(repo.localIds(account, {102, 555, 101}).value(), (QList<qint64>{ids->at(1), ids->at(0)}));

        // A changed ticket is an update of the same row; a second page may repeat a ticket.
        Ticket changedTicket = first.at(1);
        changedTicket.status = u"solved"_s;
        changedTicket.tags = {u"press"_s, u"deadline"_s};
        changed.clear();
        const auto again = storage->writeAndWait([&](WriteContext& ctx) {
            return TicketRepository::upsertTickets(ctx, account, {changedTicket, sampleTicket(103, {}, {}, 3), changedTicket});
        });
        ASSETDESK_VERIFY_OK(again);
        QCOMPARE(again->at(0), ids->at(1));
        QCOMPARE(again->at(2), ids->at(1));
        QTRY_COMPARE(changed.size(), 1);
        const ChangeSet second = changed.takeFirst().at(0).value<ChangeSet>();
        QCOMPARE(second.ids(EntityKind::Ticket, ChangeSet::Op::Updated), QList<qint64>{ids->at(1)});
        QCOMPARE(second.ids(EntityKind::Ticket, ChangeSet::Op::Inserted), QList<qint64>{again->at(1)});
        QCOMPARE(repo.ticket(ids->at(1)).value()->status, u"solved"_s);
        QCOMPARE(repo.count(account).value(), 3);

        // Removing by remote id: unknown ids are ignored.
        changed.clear();
        const auto removed = storage->writeAndWait(
            [&](WriteContext& ctx) { return TicketRepository::removeTickets(ctx, account, {103, 999}); });
        QCOMPARE(removed.value(), 1);
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.takeFirst().at(0).value<ChangeSet>().ids(EntityKind::Ticket, ChangeSet::Op::Removed),
                 QList<qint64>{again->at(1)});
        QVERIFY(!repo.ticketByRemoteId(account, 103).value().has_value());
    }

    void filtersAndSortsTheQueue_data() { backendRows(); }
    void filtersAndSortsTheQueue()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount(Service::Zendesk, u"agent@acme.example"_s));
        const qint64 other = addAccount(*storage, sampleAccount(Service::Zendesk, u"other@acme.example"_s));
        QList<Ticket> tickets{sampleTicket(1, u"low"_s, {u"media_request"_s}, 1),
                              sampleTicket(2, u"high"_s, {}, 2),
                              sampleTicket(3, u"normal"_s, {u"press"_s}, 3),       // urgent by tag
                              sampleTicket(4, u"urgent"_s, {}, 4),
                              sampleTicket(5, {}, {u"media_request_x"_s}, 5),      // no priority
                              sampleTicket(6, u"high"_s, {u"access_problem"_s}, 0)};
        tickets[1].status = u"pending"_s;
        tickets[4].subject = u"Gallery 100% broken"_s;
        const auto stored = storage->writeAndWait([&](WriteContext& ctx) -> Result<QList<qint64>> {
            if (auto o = TicketRepository::upsertTickets(ctx, other, {sampleTicket(1, u"urgent"_s, {}, 1)}); !o)
                return o.error();
            return TicketRepository::upsertTickets(ctx, account, tickets);
        });
        ASSETDESK_VERIFY_OK(stored);
        TicketRepository repo(*storage);

        TicketQuery queue;
        queue.sort = TicketQuery::Sort::UrgentFirst;
        QCOMPARE(remoteIds(repo.tickets(account, queue).value()), (QList<qint64>{4, 3, 6, 2, 1, 5}));
        QVERIFY(TicketUrgency::isUrgent(tickets.at(2)));
        QVERIFY(!TicketUrgency::isUrgent(tickets.at(1)));

        TicketQuery newest;
        QCOMPARE(remoteIds(repo.tickets(account, newest).value()), (QList<qint64>{5, 4, 3, 2, 1, 6}));
        newest.limit = 2;
        newest.offset = 1;
        QCOMPARE(remoteIds(repo.tickets(account, newest).value()), (QList<qint64>{4, 3}));

        TicketQuery byTag;
        byTag.tag = u"media_request"_s; // exact: not media_request_x
        QCOMPARE(remoteIds(repo.tickets(account, byTag).value()), QList<qint64>{1});
        TicketQuery byStatus;
        byStatus.statuses = {u"pending"_s};
        QCOMPARE(remoteIds(repo.tickets(account, byStatus).value()), QList<qint64>{2});
        TicketQuery byPriority;
        byPriority.priorities = {u"high"_s, QString()};
        byPriority.sort = TicketQuery::Sort::UrgentFirst;
        QCOMPARE(remoteIds(repo.tickets(account, byPriority).value()), (QList<qint64>{6, 2, 5}));
        TicketQuery byText;
        byText.text = u"100%"_s; // the % is literal
        QCOMPARE(remoteIds(repo.tickets(account, byText).value()), QList<qint64>{5});
        byText.text = u"#3"_s;
        QCOMPARE(remoteIds(repo.tickets(account, byText).value()), QList<qint64>{3});
        byText.text = u"PRESS KIT"_s;
        QCOMPARE(repo.count(account, byText).value(), 6);

        // Views and their membership.
        ZendeskView press;
        press.remoteId = 360001;
        press.title = u"Press requests"_s;
        press.position = 2;
        ZendeskView all;
        all.remoteId = 360002;
        all.title = u"All open"_s;
        all.position = 1;
        const auto viewIds = storage->writeAndWait([&](WriteContext& ctx) -> Result<QList<qint64>> {
            auto v = TicketRepository::replaceViews(ctx, account, {press, all});
            if (!v)
                return v;
            if (Status s = TicketRepository::setViewMembers(ctx, v->at(0), {stored->at(2), stored->at(3), stored->at(3)}); !s)
                return s.error();
            return v;
        });
        ASSETDESK_VERIFY_OK(viewIds);
        const QList<ZendeskView> views = TicketRepository(*storage).views(account).value();
        QCOMPARE(views.size(), 2);
        QCOMPARE(views.at(0).title, u"All open"_s);
        QCOMPARE(repo.viewByTitle(account, u"press REQUESTS"_s).value()->id, viewIds->at(0));
        TicketQuery inView;
        inView.viewId = viewIds->at(0);
        QCOMPARE(remoteIds(repo.tickets(account, inView).value()), (QList<qint64>{4, 3}));

        // A view that is gone is removed with its membership; membership is replaced, not added to.
        ASSETDESK_VERIFY_OK(storage->writeAndWait([&](WriteContext& ctx) -> Status {
            if (auto v = TicketRepository::replaceViews(ctx, account, {press}); !v)
                return v.error();
            return TicketRepository::setViewMembers(ctx, viewIds->at(0), {stored->at(0)});
        }));
        QCOMPARE(repo.views(account).value().size(), 1);
        QCOMPARE(remoteIds(repo.tickets(account, inView).value()), QList<qint64>{1});
    }

    void keepsTheConversationAsPlainText_data() { backendRows(); }
    void keepsTheConversationAsPlainText()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        ASSETDESK_OPEN_STORAGE(storage, db.config());
        const qint64 account = addAccount(*storage, sampleAccount(Service::Zendesk, u"agent@acme.example"_s));
        const auto ids = storage->writeAndWait([&](WriteContext& ctx) {
            return TicketRepository::upsertTickets(ctx, account, {sampleTicket(42, u"high"_s, {}, 1)});
        });
        ASSETDESK_VERIFY_OK(ids);
        const qint64 ticket = ids->at(0);

        TicketComment first;
        first.remoteId = 7001;
        first.authorId = 9042;
        first.body = u"<img src=\"https://evil.example/track.png\"> please send the logo"_s;
        first.createdAt = utc(2026, 12, 1);
        TicketComment note;
        note.remoteId = 7002;
        note.authorId = 77;
        note.isPublic = false;
        note.body = u"Internal: licence expires soon"_s;
        note.createdAt = utc(2026, 12, 2);
        note.attachments = {TicketAttachment{880, u"logo.png"_s, u"image/png"_s, 20480, u"https://files.example/logo.png"_s}};

        HelpdeskUser author;
        author.remoteId = 9042;
        author.name = u"Rita Requester"_s;
        QSignalSpy changed(storage.get(), &Storage::changed);
        const auto commentIds = storage->writeAndWait([&](WriteContext& ctx) -> Result<QList<qint64>> {
            if (auto u = HelpdeskRepository::upsertUsers(ctx, account, {author}); !u)
                return u.error();
            return TicketRepository::upsertComments(ctx, ticket, {note, first}, true);
        });
        ASSETDESK_VERIFY_OK(commentIds);
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.takeFirst().at(0).value<ChangeSet>().ids(EntityKind::TicketComment, ChangeSet::Op::Inserted),
                 commentIds.value());

        TicketRepository repo(*storage);
        const QList<TicketComment> conversation = repo.comments(ticket).value();
        QCOMPARE(conversation.size(), 2);
        QCOMPARE(conversation.at(0).remoteId, 7001); // oldest first
        QCOMPARE(conversation.at(0).author, u"Rita Requester"_s);
        QCOMPARE(conversation.at(0).body, first.body); // stored as text, verbatim
        QCOMPARE(conversation.at(1).isPublic, false);
        QCOMPARE(conversation.at(1).attachments, note.attachments);
        QVERIFY(repo.ticket(ticket).value()->commentsSyncedAt.isValid());

        // An attach job's comment: added once, the same remote id again is an update.
        TicketComment attached;
        attached.ticketId = ticket;
        attached.remoteId = 7003;
        attached.body = u"See attached"_s;
        attached.createdAt = utc(2026, 12, 3);
        const auto a1 = storage->writeAndWait([&](WriteContext& ctx) { return TicketRepository::addComment(ctx, attached); });
        const auto a2 = storage->writeAndWait([&](WriteContext& ctx) { return TicketRepository::addComment(ctx, attached); });
        QCOMPARE(a1.value(), a2.value());
        QCOMPARE(repo.comments(ticket).value().size(), 3);

        const auto invalid = storage->writeAndWait([&](WriteContext& ctx) {
            return TicketRepository::addComment(ctx, TicketComment{});
        });
        QCOMPARE(invalid.error().kind(), ErrorKind::Validation);

        // Comments go with their ticket.
        ASSETDESK_VERIFY_OK(storage->writeAndWait(
            [&](WriteContext& ctx) { return TicketRepository::removeTickets(ctx, account, {42}); }));
        QVERIFY(repo.comments(ticket).value().isEmpty());
    }

private:
    static void backendRows()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
};

QTEST_GUILESS_MAIN(TestTicketRepository)
#include "tst_ticketrepository.moc"
