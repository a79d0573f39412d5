#include "synccommand.h"

#include "clicontext.h"
#include "clisyncrun.h"

#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "sync/damsyncservice.h"
#include "sync/jobrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace AssetDesk {

namespace {
// lupdate files these strings under the same context the code looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::SyncCommand)
};

constexpr int kSyncTimeoutMs = 24 * 3600 * 1000; // a million assets take a while; the job ends itself

bool isDam(Service s)
{
    return s == Service::PhotoShelter || s == Service::Iconik;
}

QJsonObject toJson(const Account& account, const Result<DamSyncSummary>& result)
{
    QJsonObject o{{QStringLiteral("account_id"), account.id},
                  {QStringLiteral("account"), account.label},
                  {QStringLiteral("service"), serviceId(account.service)},
                  {QStringLiteral("ok"), result.ok()}};
    if (!result) {
        o.insert(QStringLiteral("error"), result.error().message());
        o.insert(QStringLiteral("error_kind"), errorKindName(result.error().kind()));
        return o;
    }
    const DamSyncSummary& s = *result;
    o.insert(QStringLiteral("mode"), s.full ? QStringLiteral("full") : QStringLiteral("changed-since"));
    o.insert(QStringLiteral("resumed"), s.resumed);
    o.insert(QStringLiteral("swept"), s.swept);
    o.insert(QStringLiteral("pages"), s.pages);
    o.insert(QStringLiteral("assets_seen"), s.assetsSeen);
    o.insert(QStringLiteral("assets_changed"), s.assetsStored);
    o.insert(QStringLiteral("assets_removed"), s.assetsRemoved);
    o.insert(QStringLiteral("assets_local"), s.totalLocal);
    o.insert(QStringLiteral("collections"), s.collections);
    o.insert(QStringLiteral("collections_removed"), s.collectionsRemoved);
    o.insert(QStringLiteral("items_skipped"), s.skipped);
    o.insert(QStringLiteral("items_adjusted"), s.adjusted);
    o.insert(QStringLiteral("elapsed_ms"), s.elapsedMs);
    o.insert(QStringLiteral("assets_per_second"), qRound(s.assetsPerSecond() * 10) / 10.0);
    QJsonArray problems;
    for (const DamSyncSummary::Problem& p : s.problems)
        problems.append(QJsonObject{{QStringLiteral("remote_id"), p.remoteId},
                                    {QStringLiteral("kept"), p.kept},
                                    {QStringLiteral("message"), p.error.message()}});
    o.insert(QStringLiteral("problems"), problems);
    return o;
}
} // namespace

QString SyncCommand::summary() const
{
    return Tr::tr("Sync PhotoShelter and iconik accounts into the local library");
}

QStringList SyncCommand::usage() const
{
    return {Tr::tr("sync SERVICE|ID|NAME...  [--full] [--page-size N] [--thumbnails]\n"
                   "                    SERVICE (photoshelter, iconik) syncs all its accounts. Incremental unless\n"
                   "                    --full; an interrupted sync continues where it stopped.")};
}

Result<QList<Account>> SyncCommand::resolve(const QStringList& names, CliContext& context)
{
    const Result<Storage*> storage = context.storage();
    if (!storage)
        return storage.error();
    const Result<QList<Account>> accounts = AccountRepository(**storage).list();
    if (!accounts)
        return accounts.error();
    QList<Account> chosen;
    auto add = [&chosen](const Account& a) {
        if (std::none_of(chosen.cbegin(), chosen.cend(), [&a](const Account& c) { return c.id == a.id; }))
            chosen.append(a);
    };
    for (const QString& name : names) {
        bool isNumber = false;
        const qint64 id = name.toLongLong(&isNumber);
        const std::optional<Service> service = serviceFromId(name.toLower());
        bool found = false;
        for (const Account& a : *accounts) {
            if ((isNumber && a.id == id) || a.label == name || (service && a.service == *service)) {
                if (!isDam(a.service))
                    return Error(ErrorKind::Validation,
                                 Tr::tr("%1 is a %2 account; only PhotoShelter and iconik accounts can be synced.")
                                     .arg(a.label, serviceDisplayName(a.service)));
                add(a);
                found = true;
            }
        }
        if (!found) {
            return Error(ErrorKind::NotFound, service ? Tr::tr("No %1 account is configured.").arg(serviceDisplayName(*service))
                                                      : Tr::tr("No account is called %1.").arg(name));
        }
    }
    return chosen;
}

int SyncCommand::run(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("target"), {});
    const QCommandLineOption full(QStringLiteral("full"));
    const QCommandLineOption thumbnails(QStringLiteral("thumbnails"));
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), {}, QStringLiteral("N"), QStringLiteral("500"));
    parser.addOptions({full, thumbnails, json, pageSize});
    bool sizeOk = false;
    if (!parser.parse(QStringList{QStringLiteral("sync")} + arguments) || parser.positionalArguments().isEmpty()
        || parser.value(pageSize).toInt(&sizeOk) <= 0 || !sizeOk) {
        if (!parser.errorText().isEmpty())
            context.out().note(parser.errorText());
        context.out().note(Tr::tr("usage: assetdesk-cli sync SERVICE|ID|NAME... [--full] [--page-size N] [--thumbnails] [--json]"));
        return 2;
    }
    if (parser.isSet(json))
        context.out().setJson(true);
    const Result<QList<Account>> accounts = resolve(parser.positionalArguments(), context);
    if (!accounts) {
        context.out().error(accounts.error());
        return 1;
    }
    const Result<DamSyncService*> service = context.damSync(parser.isSet(thumbnails));
    if (!service) {
        context.out().error(service.error());
        return 1;
    }
    CliOutput& out = context.out();
    QObject guard;
    // Progress for people, on stderr, as the Jobs pane would show it.
    QObject::connect(context.jobs(), &JobRunner::jobUpdated, &guard, [&out](const JobInfo& info) {
        if (!info.isFinished() && !info.statusText.isEmpty())
            out.note(QStringLiteral("%1: %2").arg(info.title, info.statusText));
    });
    int failures = 0;
    QJsonArray results;
    for (const Account& account : *accounts) {
        DamSyncService::Request request;
        request.accountId = account.id;
        request.full = parser.isSet(full);
        request.pageSize = parser.value(pageSize).toInt();
        request.thumbnails = parser.isSet(thumbnails);
        const Result<DamSyncSummary> outcome =
            runSync<DamSyncSummary>(context, **service, request, account, kSyncTimeoutMs);
        results.append(toJson(account, outcome));
        if (!outcome) {
            ++failures;
            out.error(outcome.error());
            continue;
        }
        if (out.isJson())
            continue;
        const DamSyncSummary& s = *outcome;
        out.line(Tr::tr("%1: %2 sync%3 - %4 pages, %5 assets read, %6 changed, %7 removed, %8 in the library; "
                        "%9 collections; %10 s (%11 assets/s)")
                     .arg(account.label, s.full ? Tr::tr("full") : Tr::tr("incremental"),
                          s.resumed ? Tr::tr(" (resumed)") : QString())
                     .arg(s.pages)
                     .arg(s.assetsSeen)
                     .arg(s.assetsStored)
                     .arg(s.assetsRemoved)
                     .arg(s.totalLocal)
                     .arg(s.collections)
                     .arg(s.elapsedMs / 1000.0, 0, 'f', 1)
                     .arg(s.assetsPerSecond(), 0, 'f', 0));
        if (s.skipped + s.adjusted > 0)
            out.line(Tr::tr("%1: %n item(s) skipped, %2 stored with adjustments:", nullptr, int(s.skipped))
                         .arg(account.label)
                         .arg(s.adjusted));
        for (const DamSyncSummary::Problem& p : s.problems)
            out.line(QStringLiteral("  %1 %2").arg(p.kept ? QStringLiteral("~") : QStringLiteral("!"), p.error.message()));
    }
    if (out.isJson())
        out.json(results);
    return failures == 0 ? 0 : 1;
}

} // namespace AssetDesk
