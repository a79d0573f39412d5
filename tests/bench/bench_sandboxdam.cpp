// bench_sandboxdam [--size N] [--pages P]: the DAM emulators at scale, in process.
//   - start-up time of a sandbox with PhotoShelter and iconik at N assets each (default 1,000,000)
//   - time to the response of a page at offset 900,000 (PhotoShelter search, iconik assets list,
//     iconik search), median of 5
//   - listing rate (assets/s): PhotoShelter search at 1000 per page and iconik search with
//     search_after at 500 per page, P pages each (default: all of them)
// The client runs on the server's thread here, so its JSON parsing is counted against the rate:
// the figures are a floor. Prints one JSON object at the end.
#include "sandboxbench.h"
#include "support/testhttpclient.h"

#include "sandbox/sandboxserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>

using namespace AssetDesk;
using namespace AssetDesk::Sandbox;
using namespace AssetDesk::SandboxTest;
using AssetDesk::Bench::argument;
using AssetDesk::Bench::medianMs;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 size = argument(args, QStringLiteral("--size"), 1000000);
    const qint64 pagesArg = argument(args, QStringLiteral("--pages"), -1);

    QElapsedTimer startTimer;
    startTimer.start();
    SandboxServer server;
    SandboxOptions options;
    options.size = int(size);
    options.services = QStringList{QStringLiteral("photoshelter"), QStringLiteral("iconik")};
    if (const Status s = server.start(options); !s.ok()) {
        std::fprintf(stderr, "sandbox did not start: %s\n", qPrintable(s.error().toLogString()));
        return 1;
    }
    const double startMs = double(startTimer.nsecsElapsed()) / 1e6;
    std::printf("start-up with %lld assets per service: %.1f ms\n", size, startMs);

    TestHttpClient client;
    client.timeoutMs = 120000;
    const QJsonObject ps = server.demoCredentials(QStringLiteral("photoshelter"));
    const QJsonObject ic = server.demoCredentials(QStringLiteral("iconik"));
    const QUrl psBase = server.serviceUrl(QStringLiteral("photoshelter"));
    const QUrl icBase = server.serviceUrl(QStringLiteral("iconik"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("email"), ps.value(QStringLiteral("email")).toString());
    form.addQueryItem(QStringLiteral("password"), ps.value(QStringLiteral("password")).toString());
    form.addQueryItem(QStringLiteral("mode"), QStringLiteral("token"));
    const QByteArray apiKey = ps.value(QStringLiteral("api_key")).toString().toLatin1();
    const QByteArray token = client.postForm(urlFor(psBase, QStringLiteral("/psapi/v4.0/authenticate")), form, {{"X-PS-Api-Key", apiKey}})
                                 .json().value(QStringLiteral("data")).toObject().value(QStringLiteral("token")).toString().toLatin1();
    const Headers psAuth{{"X-PS-Api-Key", apiKey}, {"X-PS-Auth-Token", token}};
    const Headers icAuth{{"App-ID", ic.value(QStringLiteral("app_id")).toString().toLatin1()},
                         {"Auth-Token", ic.value(QStringLiteral("auth_token")).toString().toLatin1()}};

    const qint64 deepPage = 900000 / 100 + 1;
    int status = 0;
    const double psDeep = medianMs([&] {
        return client.get(urlFor(psBase, QStringLiteral("/psapi/v4.0/search?per_page=100&page=%1").arg(deepPage)), psAuth);
    }, &status);
    std::printf("PhotoShelter search, 100 at offset 900000: %.1f ms (HTTP %d)\n", psDeep, status);
    const double icDeep = medianMs([&] {
        return client.get(urlFor(icBase, QStringLiteral("/API/assets/v1/assets/?per_page=100&page=%1").arg(deepPage)), icAuth);
    }, &status);
    std::printf("iconik assets list, 100 at offset 900000: %.1f ms (HTTP %d)\n", icDeep, status);
    const double icSearchDeep = medianMs([&] {
        return client.postJson(urlFor(icBase, QStringLiteral("/API/search/v1/search/?per_page=100&page=%1").arg(deepPage)),
                               QJsonObject{{QStringLiteral("doc_types"), QJsonArray{QStringLiteral("assets")}}}, icAuth);
    }, &status);
    std::printf("iconik search, 100 at offset 900000: %.1f ms (HTTP %d)\n", icSearchDeep, status);

    const qint64 psPages = pagesArg > 0 ? pagesArg : (size + 999) / 1000;
    QElapsedTimer t;
    t.start();
    qint64 psAssets = 0;
    for (qint64 page = 1; page <= psPages; ++page) {
        const HttpResult r = client.get(urlFor(psBase, QStringLiteral("/psapi/v4.0/search?per_page=1000&page=%1").arg(page)), psAuth);
        const qsizetype n = r.json().value(QStringLiteral("data")).toArray().size();
        if (r.status != 200 || n == 0)
            break;
        psAssets += n;
    }
    const double psRate = double(psAssets) / (double(t.nsecsElapsed()) / 1e9);
    std::printf("PhotoShelter listing: %lld assets, %.0f assets/s\n", psAssets, psRate);

    const qint64 icPages = pagesArg > 0 ? pagesArg * 2 : (size + 499) / 500;
    t.restart();
    qint64 icAssets = 0;
    QJsonValue after;
    for (qint64 page = 1; page <= icPages; ++page) {
        QJsonObject body{{QStringLiteral("doc_types"), QJsonArray{QStringLiteral("assets")}},
                         {QStringLiteral("sort"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("date_created")},
                                                                         {QStringLiteral("order"), QStringLiteral("asc")}}}}};
        if (!after.isUndefined())
            body.insert(QStringLiteral("search_after"), after);
        const HttpResult r = client.postJson(
            urlFor(icBase, QStringLiteral("/API/search/v1/search/?per_page=500&generate_signed_url=false")), body, icAuth);
        const QJsonArray objects = r.json().value(QStringLiteral("objects")).toArray();
        if (r.status != 200 || objects.isEmpty())
            break;
        icAssets += objects.size();
        after = objects.last().toObject().value(QStringLiteral("_sort"));
    }
    const double icRate = double(icAssets) / (double(t.nsecsElapsed()) / 1e9);
    std::printf("iconik search_after listing: %lld assets, %.0f assets/s\n", icAssets, icRate);

    const QJsonObject figures{
        {QStringLiteral("size"), size},
        {QStringLiteral("startup_ms"), startMs},
        {QStringLiteral("photoshelter_offset_900000_ms"), psDeep},
        {QStringLiteral("iconik_list_offset_900000_ms"), icDeep},
        {QStringLiteral("iconik_search_offset_900000_ms"), icSearchDeep},
        {QStringLiteral("photoshelter_listing_assets"), psAssets},
        {QStringLiteral("photoshelter_listing_assets_per_s"), psRate},
        {QStringLiteral("iconik_listing_assets"), icAssets},
        {QStringLiteral("iconik_listing_assets_per_s"), icRate},
    };
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    server.stop();
    return 0;
}
