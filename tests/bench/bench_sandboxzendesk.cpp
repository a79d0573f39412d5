// bench_sandboxzendesk [--size N] [--pages P]: the Zendesk emulator at scale, in process.
//   - start-up time of a sandbox with N tickets (default 100,000)
//   - time to the response (median of 5) of: a cursor page of 100 at the end of the ticket list,
//     a page of the "Access problems" view, a ticket's comments, a search over all tickets
//     (tags:press priority:urgent, counted in full), the first incremental export page of 1000
//   - rates (tickets/s): the whole list by cursor pages of 100 and the whole incremental export by
//     pages of 1000 (the 700/min account and 10/min export limits are stepped over by advancing
//     the sandbox clock),
//     P pages each (default: all of them)
// The client runs on the server's thread, so its JSON parsing is counted: the figures are a
// floor. Prints one JSON object at the end.
#include "sandboxbench.h"
#include "support/testhttpclient.h"

#include "sandbox/sandboxserver.h"
#include "sandbox/zendesk/zendeskpaging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;
using AssetDesk::Bench::argument;
using AssetDesk::Bench::medianMs;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 size = argument(args, QStringLiteral("--size"), 100000);
    const qint64 pagesArg = argument(args, QStringLiteral("--pages"), -1);

    QElapsedTimer startTimer;
    startTimer.start();
    SandboxServer server;
    SandboxOptions options;
    options.size = int(size);
    options.services = QStringList{QStringLiteral("zendesk")};
    if (!server.start(options).ok()) {
        std::fprintf(stderr, "sandbox did not start\n");
        return 1;
    }
    const double startMs = double(startTimer.nsecsElapsed()) / 1e6;
    const QUrl base = server.serviceUrl(QStringLiteral("zendesk"));
    const QJsonObject c = server.demoCredentials(QStringLiteral("zendesk"));
    const Headers auth{{"Authorization", basicAuth(c.value(QStringLiteral("email")).toString() + QStringLiteral("/token"),
                                                   c.value(QStringLiteral("api_token")).toString())}};
    TestHttpClient client;
    auto get = [&](const QString& path) { return client.get(urlFor(base, path), auth); };
    QJsonObject out{{QStringLiteral("size"), size}, {QStringLiteral("startup_ms"), startMs}};
    int status = 0;
    auto measure = [&](const char* key, const QString& path) {
        out.insert(QLatin1String(key), medianMs([&] { return get(path); }, &status));
        if (status != 200)
            std::fprintf(stderr, "%s: HTTP %d\n", key, status);
    };
    measure("last_cursor_page_ms", QStringLiteral("/api/v2/tickets.json?page[size]=100&page[after]=") + ZendeskPaging::encode(size - 100));
    measure("view_page_ms", QStringLiteral("/api/v2/views/360100000004/tickets.json?page[size]=100"));
    measure("comments_ms", QStringLiteral("/api/v2/tickets/%1/comments.json").arg(size / 2));
    measure("search_ms", QStringLiteral("/api/v2/search.json?query=type:ticket%20tags:press%20priority:urgent"));
    server.clock().advance(std::chrono::seconds(61));
    measure("incremental_first_page_ms", QStringLiteral("/api/v2/incremental/tickets/cursor.json?start_time=0"));

    // The whole list by cursor.
    QElapsedTimer walk;
    walk.start();
    qint64 listed = 0;
    qint64 pages = 0;
    QUrl next = urlFor(base, QStringLiteral("/api/v2/tickets.json?page[size]=100"));
    while (next.isValid() && (pagesArg < 0 || pages < pagesArg)) {
        if (pages > 0 && pages % 500 == 0)
            server.clock().advance(std::chrono::seconds(61)); // the account's 700 requests/min
        const HttpResult r = client.get(next, auth);
        if (r.status != 200) {
            std::fprintf(stderr, "list: HTTP %d\n", r.status);
            break;
        }
        const QJsonObject page = r.json();
        listed += page.value(QStringLiteral("tickets")).toArray().size();
        ++pages;
        next = page.value(QStringLiteral("meta")).toObject().value(QStringLiteral("has_more")).toBool()
                   ? QUrl(page.value(QStringLiteral("links")).toObject().value(QStringLiteral("next")).toString())
                   : QUrl();
    }
    out.insert(QStringLiteral("list_tickets"), listed);
    out.insert(QStringLiteral("list_tickets_per_s"), double(listed) / (double(walk.nsecsElapsed()) / 1e9));

    // The whole incremental export.
    server.clock().advance(std::chrono::seconds(61));
    walk.restart();
    qint64 exported = 0;
    pages = 0;
    next = urlFor(base, QStringLiteral("/api/v2/incremental/tickets/cursor.json?start_time=0"));
    while (next.isValid() && (pagesArg < 0 || pages < pagesArg)) {
        if (pages > 0 && pages % 10 == 0)
            server.clock().advance(std::chrono::seconds(61)); // the 10 requests/min endpoint limit
        const HttpResult r = client.get(next, auth);
        if (r.status != 200) {
            std::fprintf(stderr, "incremental: HTTP %d\n", r.status);
            break;
        }
        const QJsonObject page = r.json();
        exported += page.value(QStringLiteral("tickets")).toArray().size();
        ++pages;
        next = page.value(QStringLiteral("end_of_stream")).toBool() ? QUrl() : QUrl(page.value(QStringLiteral("after_url")).toString());
    }
    out.insert(QStringLiteral("incremental_tickets"), exported);
    out.insert(QStringLiteral("incremental_tickets_per_s"), double(exported) / (double(walk.nsecsElapsed()) / 1e9));
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
