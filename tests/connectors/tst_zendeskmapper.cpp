#include "connectors/zendesk/zendeskhelpdesk.h"
#include "connectors/zendesk/zendeskincremental.h"
#include "connectors/zendesk/zendeskmapper.h"
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;
using namespace Qt::StringLiterals;

// Zendesk Support API JSON to the helpdesk's core types, from fixtures written from zendesk.md
// §3-§9 and the OAS examples: tickets of a view with the cursor meta, a conversation whose
// html_body is hostile, the incremental export with a deleted ticket, organizations with their
// fields, and what a broken or changed answer turns into.
class TestZendeskMapper : public QObject
{
    Q_OBJECT
private slots:
    void mapsAViewPage()
    {
        const QJsonObject page = fixture(u"zendesk/view-tickets-page.json"_s);
        const Result<QList<Ticket>> tickets = ZendeskMapper::tickets(page);
        QVERIFY2(tickets.ok(), tickets ? "" : qPrintable(tickets.error().toLogString()));
        QCOMPARE(tickets->size(), 2);
        const Ticket& t = tickets->at(0);
        QCOMPARE(t.remoteId, 35436);
        QCOMPARE(t.subject, u"Press kit images for tomorrow's article"_s);
        QCOMPARE(t.status, u"open"_s);
        QCOMPARE(t.priority, u"urgent"_s);
        QCOMPARE(t.type, u"question"_s);
        QCOMPARE(t.tags, (QStringList{u"press"_s, u"media_request"_s, u"product_aurora"_s}));
        QCOMPARE(t.requesterId, 20978392);
        QCOMPARE(t.organizationId, 509974);
        QCOMPARE(t.assigneeId, 235323);
        QCOMPARE(t.groupId, 98738);
        QCOMPARE(t.viaChannel, u"email"_s);
        QCOMPARE(t.description, u"Hi, we need the <b>product</b> shots with credits. Deadline 6pm."_s); // text, as sent
        QCOMPARE(t.createdAt, QDateTime(QDate(2026, 11, 20), QTime(9, 15), Qt::UTC));
        QCOMPARE(t.updatedAt, QDateTime(QDate(2026, 12, 4), QTime(16, 2, 31), Qt::UTC));

        // Zendesk nulls are empty values.
        const Ticket& bare = tickets->at(1);
        QVERIFY(bare.priority.isEmpty());
        QVERIFY(bare.type.isEmpty());
        QCOMPARE(bare.organizationId, 0);
        QCOMPARE(bare.assigneeId, 0);
        QCOMPARE(bare.viaChannel, u"web"_s);

        const Result<ZendeskCursor> cursor = ZendeskMapper::cursor(page);
        QVERIFY(cursor.ok());
        QVERIFY(cursor->hasMore);
        QCOMPARE(cursor->afterCursor, u"xyz123"_s);
    }

    void commentsArePlainTextNeverHtml()
    {
        const Result<QList<TicketComment>> comments = ZendeskMapper::comments(fixture(u"zendesk/comments-hostile.json"_s));
        QVERIFY2(comments.ok(), comments ? "" : qPrintable(comments.error().toLogString()));
        QCOMPARE(comments->size(), 2);
        const TicketComment& hostile = comments->at(0);
        // plain_body is taken verbatim (the pane shows it as text); nothing of html_body survives.
        QCOMPARE(hostile.body, u"Please see the logo: <img src=\"https://tracker.evil.example/pixel.png\">"_s);
        QVERIFY(!hostile.body.contains(u"<script"_s));
        QVERIFY(!hostile.body.contains(u"onerror"_s));
        QVERIFY(!hostile.body.contains(u"zd-comment"_s));
        QCOMPARE(hostile.authorId, 20978392);
        QVERIFY(hostile.isPublic);
        QCOMPARE(hostile.attachments.size(), 1);
        const TicketAttachment& a = hostile.attachments.at(0);
        QCOMPARE(a.remoteId, 498483);
        QCOMPARE(a.fileName, u"brief.pdf"_s);
        QCOMPARE(a.contentType, u"application/pdf"_s);
        QCOMPARE(a.size, 2532);
        QVERIFY(a.contentUrl.startsWith(u"https://acme.zendesk.com/attachments/token/"_s));

        // Without plain_body the body is used, still never html_body.
        const TicketComment& note = comments->at(1);
        QCOMPARE(note.body, u"Internal: licence for the aurora shots ends in January."_s);
        QVERIFY(!note.isPublic);
        QCOMPARE(note.createdAt, QDateTime(QDate(2026, 11, 20), QTime(10, 2, 11), Qt::UTC));
        QCOMPARE(ZendeskMapper::cursor(fixture(u"zendesk/comments-hostile.json"_s))->hasMore, false);
    }

    void anHtmlOnlyCommentHasNoText()
    {
        const QJsonObject json{{u"id"_s, 9}, {u"html_body"_s, u"<img src=x onerror=alert(1)>"_s}};
        const Result<TicketComment> c = ZendeskMapper::comment(json);
        QVERIFY(c.ok());
        QVERIFY(c->body.isEmpty());
    }

    void incrementalPageSeparatesDeletions()
    {
        const Result<ZendeskIncrementalPage> page = ZendeskMapper::incrementalPage(fixture(u"zendesk/incremental-page.json"_s));
        QVERIFY2(page.ok(), page ? "" : qPrintable(page.error().toLogString()));
        QCOMPARE(page->tickets.size(), 2);
        QCOMPARE(page->tickets.at(0).remoteId, 101);
        QCOMPARE(page->tickets.at(1).remoteId, 103);
        QCOMPARE(page->deletedIds, QList<qint64>{102});
        QCOMPARE(page->afterCursor, u"MTU3NjYxMzUzOS4wfHw0Njd8"_s);
        QVERIFY(!page->endOfStream);
    }

    void organizationsKeepTheirFields()
    {
        const Result<QList<HelpdeskOrganization>> orgs = ZendeskMapper::organizations(fixture(u"zendesk/organizations-page.json"_s));
        QVERIFY(orgs.ok());
        const HelpdeskOrganization& o = orgs->at(0);
        QCOMPARE(o.remoteId, 509974);
        QCOMPARE(o.name, u"Daily News Group"_s);
        QCOMPARE(o.domains, (QStringList{u"dailynews.example"_s, u"dn.example"_s}));
        QCOMPARE(o.tags, (QStringList{u"press"_s, u"enterprise"_s}));
        QCOMPARE(o.fields.value(u"customer_type"_s).toString(), u"press"_s);
        QCOMPARE(o.fields.value(u"seats"_s).toInt(), 40);
        QCOMPARE(o.fields.value(u"vip"_s).toBool(), true);
        QVERIFY(o.fields.contains(u"region"_s));
        QCOMPARE(o.details, u"Press customer since 2019"_s);
    }

    void usersViewsAndSearch()
    {
        const Result<QList<HelpdeskUser>> users = ZendeskMapper::users(fixture(u"zendesk/users-show-many.json"_s));
        QVERIFY(users.ok());
        QCOMPARE(users->size(), 2);
        QCOMPARE(users->at(0).name, u"Pat Press"_s);
        QCOMPARE(users->at(0).organizationId, 509974);
        QCOMPARE(users->at(1).role, u"agent"_s);
        QCOMPARE(users->at(1).organizationId, 0);

        const Result<QList<ZendeskView>> views = ZendeskMapper::views(fixture(u"zendesk/views-page.json"_s));
        QVERIFY(views.ok());
        QCOMPARE(views->size(), 2);
        QCOMPARE(views->at(0).title, u"Press requests"_s);
        QCOMPARE(views->at(1).position, 2);
        QVERIFY(views->at(1).active);

        const Result<QList<Ticket>> found = ZendeskMapper::searchTickets(fixture(u"zendesk/search-results.json"_s));
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1); // users and organizations are not tickets
        QCOMPARE(found->at(0).remoteId, 35436);
    }

    void brokenFieldsAreClearErrors_data()
    {
        QTest::addColumn<QByteArray>("ticket");
        QTest::addColumn<QString>("field");
        QTest::newRow("no id") << QByteArray(R"({"subject":"x"})") << u"id"_s;
        QTest::newRow("id as text") << QByteArray(R"({"id":"35436"})") << u"id"_s;
        QTest::newRow("fractional id") << QByteArray(R"({"id":1.5})") << u"id"_s;
        QTest::newRow("subject a number") << QByteArray(R"({"id":1,"subject":42})") << u"subject"_s;
        QTest::newRow("tags a string") << QByteArray(R"({"id":1,"tags":"press"})") << u"tags"_s;
        QTest::newRow("tag a number") << QByteArray(R"({"id":1,"tags":["press",7]})") << u"tags"_s;
        QTest::newRow("requester as text") << QByteArray(R"({"id":1,"requester_id":"me"})") << u"requester_id"_s;
        QTest::newRow("bad time") << QByteArray(R"({"id":1,"updated_at":"yesterday"})") << u"updated_at"_s;
        QTest::newRow("via a string") << QByteArray(R"({"id":1,"via":"email"})") << u"via"_s;
    }
    void brokenFieldsAreClearErrors()
    {
        QFETCH(QByteArray, ticket);
        QFETCH(QString, field);
        const QJsonObject page{{u"tickets"_s, QJsonArray{QJsonDocument::fromJson(R"({"id":7})").object(),
                                                        QJsonDocument::fromJson(ticket).object()}}};
        const Result<QList<Ticket>> tickets = ZendeskMapper::tickets(page);
        QVERIFY(!tickets.ok());
        QCOMPARE(tickets.error().kind(), ErrorKind::Parse);
        QCOMPARE(tickets.error().origin(), u"zendesk"_s);
        QVERIFY2(tickets.error().message().contains(u"\"%1\""_s.arg(field)), qPrintable(tickets.error().message()));
        QVERIFY2(tickets.error().detail().startsWith(u"tickets[1]: ticket."_s + field), qPrintable(tickets.error().detail()));
    }

    void brokenPagesAreClearErrors_data()
    {
        QTest::addColumn<QByteArray>("page");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no list") << QByteArray(R"({"ticket":{}})") << u"tickets"_s;
        QTest::newRow("list of numbers") << QByteArray(R"({"tickets":[1,2]})") << u"tickets[0]"_s;
        QTest::newRow("no meta") << QByteArray(R"({"tickets":[],"next_page":null})") << u"meta"_s;
        QTest::newRow("has_more as text") << QByteArray(R"({"tickets":[],"meta":{"has_more":"yes"}})") << u"has_more"_s;
        QTest::newRow("more without cursor") << QByteArray(R"({"tickets":[],"meta":{"has_more":true}})") << u"after_cursor"_s;
    }
    void brokenPagesAreClearErrors()
    {
        QFETCH(QByteArray, page);
        QFETCH(QString, expected);
        const QJsonObject json = QJsonDocument::fromJson(page).object();
        const Result<QList<Ticket>> tickets = ZendeskMapper::tickets(json);
        const Result<ZendeskCursor> cursor = ZendeskMapper::cursor(json);
        const Error error = !tickets ? tickets.error() : cursor.error();
        QVERIFY(!tickets || !cursor);
        QCOMPARE(error.kind(), ErrorKind::Parse);
        QVERIFY2(error.message().contains(expected) || error.detail().contains(expected), qPrintable(error.toLogString()));
    }

    void incrementalNeedsItsMarkers()
    {
        QCOMPARE(ZendeskMapper::incrementalPage(QJsonDocument::fromJson(R"({"tickets":[]})").object()).error().kind(),
                 ErrorKind::Parse);
        const auto endless = ZendeskMapper::incrementalPage(
            QJsonDocument::fromJson(R"({"tickets":[],"end_of_stream":false,"after_cursor":null})").object());
        QVERIFY(!endless.ok());
        QVERIFY(endless.error().detail().contains(u"after_cursor"_s));
        const auto done = ZendeskMapper::incrementalPage(
            QJsonDocument::fromJson(R"({"tickets":[],"end_of_stream":true,"after_cursor":"c1"})").object());
        QVERIFY(done.ok());
        QVERIFY(done->endOfStream);
    }

    void positionsAndBodies()
    {
        ZendeskExportPosition start{1764800000, {}};
        QCOMPARE(ZendeskExportPosition::fromString(start.toString()), start);
        ZendeskExportPosition cursor{0, u"MTU3:NjYx"_s};
        QCOMPARE(ZendeskExportPosition::fromString(cursor.toString()), cursor);

        ZendeskTicketChange change;
        change.tags = QStringList{u"press"_s};
        change.priority = QString();
        const QJsonObject body = QJsonDocument::fromJson(ZendeskHelpdesk::updateBody(change)).object();
        const QJsonObject ticket = body.value(u"ticket"_s).toObject();
        QCOMPARE(ticket.value(u"tags"_s).toArray().size(), 1);
        QVERIFY(ticket.value(u"priority"_s).isNull()); // "" clears it
        QVERIFY(!ticket.contains(u"status"_s));
        QVERIFY(!ticket.contains(u"comment"_s));
        QVERIFY(!ticket.contains(u"safe_update"_s)); // only with the agent's view of the ticket

        change.updatedStamp = QDateTime(QDate(2026, 12, 5), QTime(16, 30, 5), Qt::UTC);
        const QJsonObject safe =
            QJsonDocument::fromJson(ZendeskHelpdesk::updateBody(change)).object().value(u"ticket"_s).toObject();
        QCOMPARE(safe.value(u"safe_update"_s).toBool(), true);
        QCOMPARE(safe.value(u"updated_stamp"_s).toString(), u"2026-12-05T16:30:05Z"_s);
    }
};

QTEST_GUILESS_MAIN(TestZendeskMapper)
#include "tst_zendeskmapper.moc"
