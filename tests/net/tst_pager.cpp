#include "net/cursorpaging.h"
#include "net/httpclient.h"
#include "net/nextlinkpaging.h"
#include "net/pagenumberpaging.h"
#include "net/pager.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace AssetDesk;

namespace {

std::shared_ptr<const PagingStrategy> strategyNamed(const QString& name)
{
    if (name == QLatin1String("x"))
        return std::make_shared<CursorPaging>(CursorPaging::xNextToken());
    if (name == QLatin1String("zendesk-cursor"))
        return std::make_shared<CursorPaging>(CursorPaging::zendeskCursor());
    if (name == QLatin1String("zendesk-links"))
        return std::make_shared<NextLinkPaging>(NextLinkPaging::zendeskLinksNext());
    if (name == QLatin1String("zendesk-incremental"))
        return std::make_shared<NextLinkPaging>(NextLinkPaging::zendeskIncremental());
    if (name == QLatin1String("iconik-scroll"))
        return std::make_shared<CursorPaging>(CursorPaging::iconikScroll());
    if (name == QLatin1String("dynamics"))
        return std::make_shared<NextLinkPaging>(NextLinkPaging::odataNextLink());
    if (name == QLatin1String("iconik-next-url"))
        return std::make_shared<NextLinkPaging>(NextLinkPaging::iconikNextUrl());
    if (name == QLatin1String("iconik-pages"))
        return std::make_shared<PageNumberPaging>(PageNumberPaging::iconik(2));
    if (name == QLatin1String("photoshelter"))
        return std::make_shared<PageNumberPaging>(PageNumberPaging::photoShelter(2));
    return {};
}

QJsonObject fixture(const QString& name)
{
    QFile file(QStringLiteral(ASSETDESK_TEST_DATA_DIR "/net/paging/") + name + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Same target: scheme, host, port, path and the same decoded query items in any order.
QString canonical(const QUrl& url)
{
    QList<std::pair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    std::sort(items.begin(), items.end());
    QStringList parts;
    for (const auto& [k, v] : items)
        parts << k + QLatin1Char('=') + v;
    return url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':') +
           QString::number(url.port()) + url.path() + QLatin1Char('?') + parts.join(QLatin1Char('&'));
}

QStringList L(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list << QString::fromUtf8(item);
    return list;
}

struct Run
{
    QList<QUrl> requested;
    QList<Pager::Page> pages;
    std::optional<Status> status;
};

} // namespace

class TestPager : public QObject
{
    Q_OBJECT
private slots:
    void styles_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QStringList>("urls");     // expected requests, first one is the start URL
        QTest::addColumn<QStringList>("fixtures"); // answered in order
        QTest::addColumn<QString>("error");        // empty = success

        QTest::newRow("x next_token")
            << "x"
            << L({"https://api.x.com/2/users/2244994945/tweets?max_results=2",
                  "https://api.x.com/2/users/2244994945/"
                  "tweets?max_results=2&pagination_token=7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i",
                  "https://api.x.com/2/users/2244994945/"
                  "tweets?max_results=2&pagination_token=7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5j"})
            << L({"x-page1", "x-page2", "x-page3"}) << QString();
        QTest::newRow("x token loop")
            << "x"
            << L({"https://api.x.com/2/tweets/search/recent?query=a",
                  "https://api.x.com/2/tweets/search/"
                  "recent?query=a&pagination_token=7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"})
            << L({"x-page1", "x-loop"}) << QStringLiteral("already sent");
        QTest::newRow("zendesk after_cursor")
            << "zendesk-cursor"
            << L({"https://acme.zendesk.com/api/v2/tickets.json?page[size]=2",
                  "https://acme.zendesk.com/api/v2/tickets.json?page[size]=2&page[after]=xxx"})
            << L({"zendesk-cursor-page1", "zendesk-cursor-page2"}) << QString();
        QTest::newRow("zendesk links.next")
            << "zendesk-links"
            << L({"https://acme.zendesk.com/api/v2/tickets.json?page[size]=2",
                  "https://acme.zendesk.com/api/v2/tickets.json?page[after]=xxx&page[size]=2"})
            << L({"zendesk-cursor-page1", "zendesk-cursor-page2"}) << QString();
        QTest::newRow("zendesk incremental")
            << "zendesk-incremental"
            << L({"https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json?start_time=1576613000",
                  "https://acme.zendesk.com/api/v2/incremental/tickets/"
                  "cursor.json?cursor=MTU3NjYxMzUzOS4wfHw0Njd8"})
            << L({"zendesk-incremental-page1", "zendesk-incremental-page2"}) << QString();
        QTest::newRow("iconik scroll_id")
            << "iconik-scroll"
            << L({"https://app.iconik.io/API/assets/v1/assets/?scroll=true&per_page=2",
                  "https://app.iconik.io/API/assets/v1/assets/"
                  "?scroll=true&per_page=2&scroll_id="
                  "DXF1ZXJ5QW5kRmV0Y2gBAAAAAAAAAD4WYm9laVYtZndUQlNsdDcwakFMNjU1QQ==",
                  "https://app.iconik.io/API/assets/v1/assets/"
                  "?scroll=true&per_page=2&scroll_id="
                  "DXF1ZXJ5QW5kRmV0Y2gBAAAAAAAAAD4WYm9laVYtZndUQlNsdDcwakFMNjU1QQ=="})
            << L({"iconik-scroll-1", "iconik-scroll-2", "iconik-scroll-3"}) << QString();
        QTest::newRow("dynamics @odata.nextLink")
            << "dynamics"
            << (L({"https://org.crm.dynamics.com/api/data/v9.2/accounts?$select=name"})
                << fixture(QStringLiteral("dynamics-page1"))
                       .value(QStringLiteral("@odata.nextLink"))
                       .toString())
            << L({"dynamics-page1", "dynamics-page2"}) << QString();
        QTest::newRow("dynamics link to another host")
            << "dynamics" << L({"https://org.crm.dynamics.com/api/data/v9.2/accounts"})
            << L({"dynamics-foreign-link"}) << QStringLiteral("another host");
        QTest::newRow("iconik next_url")
            << "iconik-next-url"
            << L({"https://app.iconik.io/API/assets/v1/assets/?page=1&per_page=2",
                  "https://app.iconik.io/API/assets/v1/assets/?page=2&per_page=2",
                  "https://app.iconik.io/API/assets/v1/assets/?page=3&per_page=2"})
            << L({"iconik-page1", "iconik-page2", "iconik-page3"}) << QString();
        QTest::newRow("iconik page/pages")
            << "iconik-pages"
            << L({"https://app.iconik.io/API/assets/v1/assets/?sort=title,asc",
                  "https://app.iconik.io/API/assets/v1/assets/?sort=title,asc&page=2&per_page=2",
                  "https://app.iconik.io/API/assets/v1/assets/?sort=title,asc&page=3&per_page=2"})
            << L({"iconik-page1", "iconik-page2", "iconik-page3"}) << QString();
        QTest::newRow("photoshelter totals in meta")
            << "photoshelter"
            << L({"https://www.photoshelter.com/psapi/v4.0/search?mode=library",
                  "https://www.photoshelter.com/psapi/v4.0/search?mode=library&page=2&per_page=2"})
            << L({"photoshelter-page1", "photoshelter-page2"}) << QString();
        QTest::newRow("photoshelter without totals")
            << "photoshelter"
            << L({"https://www.photoshelter.com/psapi/v4.0/search?mode=library",
                  "https://www.photoshelter.com/psapi/v4.0/search?mode=library&page=2&per_page=2",
                  "https://www.photoshelter.com/psapi/v4.0/search?mode=library&page=3&per_page=2"})
            << L({"photoshelter-no-totals-page1", "photoshelter-no-totals-page2",
                  "photoshelter-no-totals-page3"})
            << QString();
    }
    void styles()
    {
        QFETCH(QString, strategy);
        QFETCH(QStringList, urls);
        QFETCH(QStringList, fixtures);
        QFETCH(QString, error);
        auto paging = strategyNamed(strategy);
        QVERIFY(paging);

        Run run;
        const QUrl start(urls.first());
        // The first request of a page-number list carries page=1 explicitly.
        const QUrl firstExpected = paging->urlFor(start, PageToken::first());
        Pager pager(paging, start,
                    [&run, &fixtures](const QUrl& url, QObject* context, Pager::FetchDone done) {
                        const qsizetype index = run.requested.size();
                        run.requested << url;
                        const QJsonObject page =
                            index < fixtures.size() ? fixture(fixtures.at(index)) : QJsonObject();
                        QTimer::singleShot(0, context, [done, page] { done(page); });
                    });
        pager.start(
            [&run](const Pager::Page& page) {
                run.pages << page;
                return true;
            },
            [&run](Status status) { run.status = status; });
        QTRY_VERIFY(run.status.has_value());

        QCOMPARE(run.requested.size(), fixtures.size());
        for (qsizetype i = 0; i < run.requested.size(); ++i) {
            const QUrl expected = i == 0 ? firstExpected : QUrl(urls.at(i));
            QCOMPARE(canonical(run.requested.at(i)), canonical(expected));
        }
        QCOMPARE(run.pages.size(), fixtures.size());
        for (qsizetype i = 0; i < run.pages.size(); ++i) {
            QCOMPARE(run.pages.at(i).index, int(i));
            QCOMPARE(run.pages.at(i).json, fixture(fixtures.at(i)));
        }
        if (error.isEmpty()) {
            QVERIFY2(run.status->ok(), qPrintable(run.status->error().toLogString()));
        } else {
            QVERIFY(!run.status->ok());
            QCOMPARE(run.status->error().kind(), ErrorKind::Parse);
            QVERIFY2(run.status->error().message().contains(error),
                     qPrintable(run.status->error().message()));
        }
    }

    void fetchErrorStops()
    {
        Run run;
        Pager pager(strategyNamed(QStringLiteral("x")),
                    QUrl(QStringLiteral("https://api.x.com/2/tweets/search/recent?query=a")),
                    [&run](const QUrl& url, QObject* context, Pager::FetchDone done) {
                        run.requested << url;
                        const bool first = run.requested.size() == 1;
                        QTimer::singleShot(0, context, [done, first] {
                            if (first)
                                done(fixture(QStringLiteral("x-page1")));
                            else
                                done(Error(ErrorKind::Transport, QStringLiteral("reset")));
                        });
                    });
        pager.start(
            [&run](const Pager::Page& page) {
                run.pages << page;
                return true;
            },
            [&run](Status status) { run.status = status; });
        QTRY_VERIFY(run.status.has_value());
        QCOMPARE(run.status->error().kind(), ErrorKind::Transport);
        QCOMPARE(run.pages.size(), 1);
        QCOMPARE(run.requested.size(), 2);
    }

    void handlerCanStopAndCancel()
    {
        for (const bool viaCancel : {false, true}) {
            Run run;
            Pager pager(strategyNamed(QStringLiteral("iconik-pages")),
                        QUrl(QStringLiteral("https://app.iconik.io/API/assets/v1/assets/")),
                        [&run](const QUrl& url, QObject* context, Pager::FetchDone done) {
                            run.requested << url;
                            QTimer::singleShot(0, context,
                                               [done] { done(fixture(QStringLiteral("iconik-page1"))); });
                        });
            pager.start(
                [&run, &pager, viaCancel](const Pager::Page& page) {
                    run.pages << page;
                    if (viaCancel)
                        pager.cancel();
                    return viaCancel;
                },
                [&run](Status status) { run.status = status; });
            QTRY_VERIFY(run.status.has_value());
            QTest::qWait(20);
            QCOMPARE(run.pages.size(), 1);
            QCOMPARE(run.requested.size(), 1);
            if (viaCancel)
                QCOMPARE(run.status->error().kind(), ErrorKind::Cancelled);
            else
                QVERIFY(run.status->ok());
        }
    }

    void cancelDropsTheAnswerInFlight()
    {
        Run run;
        Pager pager(strategyNamed(QStringLiteral("x")),
                    QUrl(QStringLiteral("https://api.x.com/2/tweets/search/recent?query=a")),
                    [&run](const QUrl& url, QObject* context, Pager::FetchDone done) {
                        run.requested << url;
                        QPointer<QObject> alive(context);
                        QTimer::singleShot(50, [done, alive] {
                            if (alive) // what a fetch honouring its context does
                                done(fixture(QStringLiteral("x-page1")));
                        });
                    });
        pager.start(
            [&run](const Pager::Page& page) {
                run.pages << page;
                return true;
            },
            [&run](Status status) { run.status = status; });
        pager.cancel();
        QVERIFY(run.status.has_value());
        QCOMPARE(run.status->error().kind(), ErrorKind::Cancelled);
        QTest::qWait(100);
        QCOMPARE(run.pages.size(), 0);
        QVERIFY(!pager.isRunning());
    }

    void endlessRepeatingCursorIsBounded()
    {
        Run run;
        Pager pager(strategyNamed(QStringLiteral("iconik-scroll")),
                    QUrl(QStringLiteral("https://app.iconik.io/API/assets/v1/assets/?scroll=true")),
                    [&run](const QUrl& url, QObject* context, Pager::FetchDone done) {
                        run.requested << url;
                        QTimer::singleShot(0, context,
                                           [done] { done(fixture(QStringLiteral("iconik-scroll-1"))); });
                    });
        pager.setMaxPages(5);
        pager.start(
            [&run](const Pager::Page& page) {
                run.pages << page;
                return true;
            },
            [&run](Status status) { run.status = status; });
        QTRY_VERIFY(run.status.has_value());
        QCOMPARE(run.status->error().kind(), ErrorKind::Parse);
        QCOMPARE(run.pages.size(), 5);
    }

    void httpFetchWalksARealServer()
    {
        QHttpServer server;
        int hits = 0;
        server.route(QStringLiteral("/api/data/v9.2/accounts"), [&](const QHttpServerRequest& request) {
            ++hits;
            const QString token = request.query().queryItemValue(QStringLiteral("$skiptoken"));
            QJsonObject page{
                {QStringLiteral("value"), QJsonArray{QJsonObject{{QStringLiteral("name"), token}}}}};
            if (token.isEmpty() || token == QLatin1String("1"))
                page.insert(QStringLiteral("@odata.nextLink"),
                            request.url().adjusted(QUrl::RemoveQuery).toString() +
                                QStringLiteral("?$skiptoken=") + QString::number(token.toInt() + 1));
            if (request.value("Prefer") != "odata.maxpagesize=1")
                return QHttpServerResponse("text/plain", "missing Prefer",
                                           QHttpServerResponse::StatusCode::BadRequest);
            return QHttpServerResponse(page);
        });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpClientOptions options;
        options.serviceId = QStringLiteral("dynamics");
        HttpClient client(options);
        HttpRequest request;
        request.setHeader("Prefer", "odata.maxpagesize=1");
        Run run;
        Pager pager(strategyNamed(QStringLiteral("dynamics")),
                    QUrl(QStringLiteral("http://127.0.0.1:%1/api/data/v9.2/accounts").arg(port)),
                    Pager::httpFetch(&client, request));
        pager.start(
            [&run](const Pager::Page& page) {
                run.pages << page;
                return true;
            },
            [&run](Status status) { run.status = status; });
        QTRY_VERIFY(run.status.has_value());
        QVERIFY2(run.status->ok(), qPrintable(run.status->error().toLogString()));
        QCOMPARE(hits, 3);
        QCOMPARE(run.pages.size(), 3);
        QCOMPARE(run.pages.at(2)
                     .json.value(QStringLiteral("value"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("2"));
    }
};

QTEST_GUILESS_MAIN(TestPager)
#include "tst_pager.moc"
