#include "postcommand.h"

#include "clicontext.h"

#include "core/rightsgate.h"
#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/jobrepository.h"
#include "storage/postrepository.h"
#include "storage/storage.h"
#include "sync/damwritebackplanner.h"
#include "sync/xoutbox.h"
#include "sync/xpublisher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <limits>

namespace AssetDesk {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::PostCommand)
};

constexpr int kPublishTimeoutMs = 15 * 60 * 1000; // retries back off for minutes before giving up
constexpr int kSettleMs = 60 * 1000;               // a stopped publisher finishing the write in flight

// The largest rendition already on disk: what the composer attaches too.
QString localFile(const Asset& asset)
{
    const Rendition* best = nullptr;
    for (const Rendition& r : asset.renditions) {
        if (r.localPath.isEmpty() || !QFileInfo::exists(r.localPath))
            continue;
        if (!best || qint64(r.width) * r.height > qint64(best->width) * best->height)
            best = &r;
    }
    return best ? best->localPath : QString();
}

QString assetName(const Asset& a)
{
    return a.title.trimmed().isEmpty() ? (a.fileName.isEmpty() ? a.remoteId : a.fileName) : a.title.trimmed();
}
} // namespace

QString PostCommand::summary() const
{
    return Tr::tr("Publish or schedule a post on X through the outbox");
}

QStringList PostCommand::usage() const
{
    return {Tr::tr("post --account ID|@HANDLE [--asset ID]... [--alt TEXT]... [--at ISO-TIME]\n"
                   "     [--text TEXT | --text-file FILE] [--campaign C] [--segment S] [--queue-only] [--json]\n"
                   "                    Checks each asset's approval and licence at the send time, queues the post\n"
                   "                    and publishes it (at --at), printing its URL; --alt goes with the --asset\n"
                   "                    in the same position. --queue-only leaves it to a running workbench.")};
}

Result<Account> PostCommand::resolveXAccount(Storage& storage, const QString& name)
{
    const Result<QList<Account>> accounts = AccountRepository(storage).list();
    if (!accounts)
        return accounts.error();
    bool isNumber = false;
    const qint64 id = name.toLongLong(&isNumber);
    const bool isHandle = name.size() > 1 && name.startsWith(QLatin1Char('@'));
    for (const Account& a : *accounts) {
        // A handle matches with or without the "@" the service wrote (Account::handle()).
        const bool match =
            (isNumber && a.id == id) || a.label == name ||
            (isHandle && !a.remoteUserName.isEmpty() && a.handle().compare(name, Qt::CaseInsensitive) == 0) ||
            (isHandle && a.label.compare(name, Qt::CaseInsensitive) == 0);
        if (!match)
            continue;
        if (a.service != Service::X)
            return Error(ErrorKind::Validation, Tr::tr("%1 is a %2 account, not an X account.").arg(a.label, serviceDisplayName(a.service)));
        return a;
    }
    return Error(ErrorKind::NotFound, Tr::tr("No X account is called %1.").arg(name));
}

int PostCommand::run(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption account(QStringLiteral("account"), {}, QStringLiteral("ID"));
    const QCommandLineOption asset(QStringLiteral("asset"), {}, QStringLiteral("ID"));
    const QCommandLineOption alt(QStringLiteral("alt"), {}, QStringLiteral("TEXT"));
    const QCommandLineOption at(QStringLiteral("at"), {}, QStringLiteral("TIME"));
    const QCommandLineOption text(QStringLiteral("text"), {}, QStringLiteral("TEXT"));
    const QCommandLineOption textFile(QStringLiteral("text-file"), {}, QStringLiteral("FILE"));
    const QCommandLineOption campaign(QStringLiteral("campaign"), {}, QStringLiteral("C"));
    const QCommandLineOption segment(QStringLiteral("segment"), {}, QStringLiteral("S"));
    const QCommandLineOption queueOnly(QStringLiteral("queue-only"));
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOptions({account, asset, alt, at, text, textFile, campaign, segment, queueOnly, json});
    CliOutput& out = context.out();
    auto usageError = [&out](const QString& why) {
        if (!why.isEmpty())
            out.note(why);
        out.note(Tr::tr("usage: assetdesk-cli post --account ID|@HANDLE [--asset ID]... [--alt TEXT]... [--at ISO-TIME] "
                        "[--text TEXT | --text-file FILE] [--campaign C] [--segment S] [--queue-only] [--json]"));
        return 2;
    };
    if (!parser.parse(QStringList{QStringLiteral("post")} + arguments))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(Tr::tr("Unexpected argument %1.").arg(parser.positionalArguments().first()));
    if (!parser.isSet(account))
        return usageError(Tr::tr("--account is required."));
    if (parser.isSet(text) && parser.isSet(textFile))
        return usageError(Tr::tr("Give --text or --text-file, not both."));
    if (parser.isSet(json))
        out.setJson(true);
    QDateTime when;
    if (parser.isSet(at)) {
        when = QDateTime::fromString(parser.value(at), Qt::ISODateWithMs);
        if (!when.isValid())
            return usageError(Tr::tr("--at needs an ISO 8601 time such as 2026-12-24T09:00:00+01:00."));
        when = when.toUTC();
    }
    QList<qint64> assetIds;
    for (const QString& v : parser.values(asset)) {
        bool ok = false;
        const qint64 id = v.toLongLong(&ok);
        if (!ok || id <= 0)
            return usageError(Tr::tr("--asset needs a library asset id, not %1.").arg(v));
        assetIds << id;
    }
    const QStringList alts = parser.values(alt);
    if (alts.size() > assetIds.size())
        return usageError(Tr::tr("Each --alt goes with an --asset."));

    XPublishPayload payload;
    if (parser.isSet(textFile)) {
        QFile file(parser.value(textFile));
        if (!file.open(QIODevice::ReadOnly)) {
            out.error(Error(ErrorKind::Io, Tr::tr("Cannot read %1.").arg(file.fileName()), file.errorString()));
            return 1;
        }
        payload.text = QString::fromUtf8(file.readAll());
    } else {
        payload.text = parser.value(text);
    }
    payload.campaign = parser.value(campaign);
    payload.audienceSegment = parser.value(segment);

    const Result<Storage*> storage = context.storage();
    if (!storage) {
        out.error(storage.error());
        return 1;
    }
    const Result<Account> x = resolveXAccount(**storage, parser.value(account));
    if (!x) {
        out.error(x.error());
        return 1;
    }
    payload.accountId = x->id;
    const Result<QList<Asset>> assets = AssetRepository(**storage).getMany(assetIds);
    if (!assets) {
        out.error(assets.error());
        return 1;
    }
    const QDateTime sendTime = when.isValid() ? when : QDateTime::currentDateTimeUtc();
    for (int i = 0; i < assetIds.size(); ++i) {
        const auto it = std::find_if(assets->cbegin(), assets->cend(), [&](const Asset& a) { return a.id == assetIds.at(i); });
        if (it == assets->cend()) {
            out.error(Error(ErrorKind::NotFound, Tr::tr("There is no asset %1 in the library.").arg(assetIds.at(i))));
            return 1;
        }
        if (Status gate = RightsGate::check(*it, sendTime); !gate) {
            out.error(gate.error());
            return 1;
        }
        const QString file = localFile(*it);
        if (file.isEmpty()) {
            out.error(Error(ErrorKind::NotFound,
                            Tr::tr("“%1” has no file on this computer yet; open it in the workbench or sync its account "
                                   "with --thumbnails first.")
                                .arg(assetName(*it))));
            return 1;
        }
        XPublishPayload::Media medium;
        medium.path = file;
        medium.altText = alts.value(i);
        medium.assetId = it->id;
        medium.assetVersion = it->version;
        payload.media << medium;
        payload.assetIds << it->id;
    }
    if (Status valid = payload.validate(); !valid) {
        out.error(valid.error());
        return 1;
    }

    QFuture<Result<qint64>> queued = XOutbox(**storage).enqueue(payload, when);
    context.waitUntil([&queued] { return queued.isFinished(); }, 60000);
    const Result<qint64> jobId = queued.isFinished() ? queued.result() : Result<qint64>(Error(ErrorKind::Storage, Tr::tr("Queueing the post timed out.")));
    if (!jobId) {
        out.error(jobId.error());
        return 1;
    }
    QJsonObject result{{QStringLiteral("job_id"), jobId.value()}, {QStringLiteral("account_id"), x->id}};
    if (parser.isSet(queueOnly)) {
        result.insert(QStringLiteral("state"), jobStateId(JobState::Queued));
        if (out.isJson())
            out.json(result);
        else
            out.line(when.isValid() ? Tr::tr("Queued as job %1 for %2.").arg(jobId.value()).arg(when.toString(Qt::ISODate))
                                    : Tr::tr("Queued as job %1.").arg(jobId.value()));
        return 0;
    }

    const Result<ConnectorPool*> pool = context.pool();
    if (!pool) {
        out.error(pool.error());
        return 1;
    }
    if (when.isValid() && when > QDateTime::currentDateTimeUtc())
        out.note(Tr::tr("Waiting until %1 to publish (Ctrl+C leaves the job queued).").arg(when.toLocalTime().toString(Qt::ISODate)));
    XPublisher publisher(**storage, **pool, XPublisher::Options{});
    std::optional<std::pair<JobState, QString>> finished;
    QObject guard;
    QObject::connect(&publisher, &XPublisher::jobFinished, &guard, [&](qint64 id, JobState state, const QString& detail) {
        if (id != jobId.value())
            return;
        if (state == JobState::Queued)
            out.note(Tr::tr("Will retry: %1").arg(detail));
        else
            finished = std::pair{state, detail};
    });
    publisher.start();
    const qint64 waitMs = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(sendTime)) + kPublishTimeoutMs;
    context.waitUntil([&finished] { return finished.has_value(); }, int(std::min<qint64>(waitMs, std::numeric_limits<int>::max())));
    publisher.stop();
    // The publisher may have claimed the next job already: let it finish and commit what it sent
    // before the publisher is destroyed, rather than leave a claimed job for the next start to
    // reconcile.
    context.waitUntil([&publisher] { return !publisher.isBusy(); }, kSettleMs);
    if (!finished) {
        out.error(Error(ErrorKind::Cancelled, Tr::tr("Job %1 has not finished yet; it stays in the queue.").arg(jobId.value())));
        return 1;
    }
    result.insert(QStringLiteral("state"), jobStateId(finished->first));
    if (finished->first != JobState::Succeeded) {
        result.insert(QStringLiteral("error"), finished->second);
        if (out.isJson())
            out.json(result);
        else
            out.error(Error(ErrorKind::Validation, Tr::tr("The post was not published: %1").arg(finished->second)));
        return 1;
    }
    const OutboxJob job = JobRepository(**storage).get(jobId.value()).valueOr(std::nullopt).value_or(OutboxJob{});
    const std::optional<Post> post = PostRepository(**storage).findByClientUuid(job.clientUuid).valueOr(std::nullopt);
    const QString remoteId = post ? post->remoteId : finished->second;
    result.insert(QStringLiteral("remote_id"), remoteId);
    result.insert(QStringLiteral("url"), DamWriteBackPlanner::postUrl(remoteId));
    if (post)
        result.insert(QStringLiteral("post_id"), post->id);
    if (out.isJson())
        out.json(result);
    else
        out.line(Tr::tr("Published %1").arg(DamWriteBackPlanner::postUrl(remoteId)));
    return 0;
}

} // namespace AssetDesk
