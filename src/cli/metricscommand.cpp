#include "metricscommand.h"

#include "clicontext.h"
#include "postcommand.h"

#include "core/service.h"
#include "storage/accountrepository.h"
#include "storage/engagementrepository.h"
#include "storage/storage.h"
#include "sync/xmetricspoller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace AssetDesk {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::MetricsCommand)
};

constexpr int kCycleTimeoutMs = 30 * 60 * 1000; // a throttled cycle ends by itself well before

QJsonObject counters(const EngagementSample& s)
{
    return {{QStringLiteral("sampled_at"), s.sampledAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("impressions"), s.impressions},
            {QStringLiteral("likes"), s.likes},
            {QStringLiteral("reposts"), s.reposts},
            {QStringLiteral("replies"), s.replies},
            {QStringLiteral("quotes"), s.quotes},
            {QStringLiteral("bookmarks"), s.bookmarks},
            {QStringLiteral("link_clicks"), s.linkClicks},
            {QStringLiteral("profile_clicks"), s.profileClicks}};
}

QJsonObject postJson(const PostEngagement& p)
{
    QJsonObject o{{QStringLiteral("post_id"), p.postId},
                  {QStringLiteral("account_id"), p.accountId},
                  {QStringLiteral("account"), p.accountLabel},
                  {QStringLiteral("remote_id"), p.remoteId},
                  {QStringLiteral("published_at"), p.publishedAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("text"), p.text}};
    o.insert(QStringLiteral("metrics"), p.latest ? QJsonValue(counters(*p.latest)) : QJsonValue());
    return o;
}

QStringList postRow(const PostEngagement& p)
{
    auto n = [&p](qint64 EngagementSample::*member) {
        return p.latest ? QString::number((*p.latest).*member) : QStringLiteral("-");
    };
    return {QString::number(p.postId), p.accountLabel, p.remoteId, p.publishedAt.toString(Qt::ISODate),
            n(&EngagementSample::impressions), n(&EngagementSample::likes), n(&EngagementSample::reposts),
            n(&EngagementSample::replies), p.text.section(QLatin1Char('\n'), 0, 0).left(40)};
}

QStringList postHeader()
{
    return {Tr::tr("POST"), Tr::tr("ACCOUNT"), Tr::tr("X ID"), Tr::tr("PUBLISHED"), Tr::tr("IMPRESSIONS"),
            Tr::tr("LIKES"), Tr::tr("REPOSTS"), Tr::tr("REPLIES"), Tr::tr("TEXT")};
}
} // namespace

QString MetricsCommand::summary() const
{
    return Tr::tr("Read X metrics of recent posts and show engagement per post or per asset");
}

QStringList MetricsCommand::usage() const
{
    return {
        Tr::tr("metrics [--account ID|NAME|@HANDLE] [--days N] [--asset ID]\n"
               "                    Reads the metrics of the X posts of the last N days (default 30) once,\n"
               "                    within the rate budget, then lists each post's newest counters; with\n"
               "                    --asset, that asset's posts and their sum.")};
}

int MetricsCommand::run(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption accountOption(QStringLiteral("account"), {}, QStringLiteral("ID"));
    const QCommandLineOption daysOption(QStringLiteral("days"), {}, QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption assetOption(QStringLiteral("asset"), {}, QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOptions({accountOption, daysOption, assetOption, json});
    bool daysOk = false;
    bool assetOk = true;
    const bool parsed = parser.parse(QStringList{QStringLiteral("metrics")} + arguments);
    const int days = parser.value(daysOption).toInt(&daysOk);
    const qint64 assetId = parser.isSet(assetOption) ? parser.value(assetOption).toLongLong(&assetOk) : 0;
    if (!parsed || !parser.positionalArguments().isEmpty() || !daysOk || days <= 0 || !assetOk) {
        if (!parser.errorText().isEmpty())
            context.out().note(parser.errorText());
        context.out().note(Tr::tr(
            "usage: assetdesk-cli metrics [--account ID|NAME|@HANDLE] [--days N] [--asset ID] [--json]"));
        return 2;
    }
    CliOutput& out = context.out();
    out.setJson(parser.isSet(json));
    const Result<Storage*> storage = context.storage();
    if (!storage) {
        out.error(storage.error());
        return 1;
    }
    XMetricsPoller::Options options;
    options.days = days;
    if (parser.isSet(accountOption)) {
        // The same names as post and queue take: id, label or @handle.
        const Result<Account> x = PostCommand::resolveXAccount(**storage, parser.value(accountOption));
        if (!x) {
            out.error(x.error());
            return 1;
        }
        options.accountId = x->id;
    }
    const Result<ConnectorPool*> pool = context.pool();
    if (!pool) {
        out.error(pool.error());
        return 1;
    }
    XMetricsPoller poller(**storage, **pool, context.budget(Service::X), options);
    std::optional<XMetricsCycle> cycle;
    QObject guard;
    QObject::connect(&poller, &XMetricsPoller::cycleFinished, &guard, [&cycle](const XMetricsCycle& c) { cycle = c; });
    QObject::connect(&poller, &XMetricsPoller::accountSkipped, &guard,
                     [&out](qint64, const QString& reason) { out.note(reason); });
    poller.pollNow();
    if (!context.waitUntil([&cycle] { return cycle.has_value(); }, kCycleTimeoutMs)) {
        out.error(Error(ErrorKind::Transport, Tr::tr("Reading the X metrics did not finish in time.")));
        return 1;
    }

    int failures = 0;
    QJsonArray accounts;
    QList<qint64> accountIds;
    for (const XMetricsAccountResult& r : cycle->accounts) {
        accountIds << r.accountId;
        const bool failed = !r.reason.isEmpty() && !r.skipped;
        failures += failed ? 1 : 0;
        accounts.append(QJsonObject{{QStringLiteral("account_id"), r.accountId},
                                    {QStringLiteral("account"), r.accountLabel},
                                    {QStringLiteral("posts"), r.posts},
                                    {QStringLiteral("read"), r.read},
                                    {QStringLiteral("new_samples"), r.stored},
                                    {QStringLiteral("skipped"), r.skipped},
                                    {QStringLiteral("reason"), r.reason}});
        if (!out.isJson()) {
            out.note(Tr::tr("%1: %2 posts of the last %3 days, metrics of %4 read, %5 new samples")
                         .arg(r.accountLabel)
                         .arg(r.posts)
                         .arg(days)
                         .arg(r.read)
                         .arg(r.stored));
            if (failed)
                out.error(Error(ErrorKind::Transport, r.reason));
        }
    }

    const EngagementRepository engagement(**storage);
    QJsonObject result{{QStringLiteral("accounts"), accounts}};
    QList<PostEngagement> posts;
    if (assetId > 0) {
        const Result<AssetEngagement> asset = engagement.assetEngagement(assetId);
        if (!asset) {
            out.error(asset.error());
            return 1;
        }
        posts = asset->posts;
        QJsonArray list;
        for (const PostEngagement& p : posts)
            list.append(postJson(p));
        result.insert(QStringLiteral("asset"), QJsonObject{{QStringLiteral("asset_id"), assetId},
                                                           {QStringLiteral("posts"), list},
                                                           {QStringLiteral("total"), counters(asset->total)}});
        if (!out.isJson()) {
            out.table(postHeader(), [&posts] {
                QList<QStringList> rows;
                for (const PostEngagement& p : posts)
                    rows << postRow(p);
                return rows;
            }());
            const EngagementSample& t = asset->total;
            out.line(Tr::tr("Asset %1: %n post(s), %2 impressions, %3 likes, %4 reposts, %5 replies", nullptr,
                            int(posts.size()))
                         .arg(assetId)
                         .arg(t.impressions)
                         .arg(t.likes)
                         .arg(t.reposts)
                         .arg(t.replies));
        }
    } else {
        const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-days);
        const Result<QList<Account>> all = AccountRepository(**storage).list();
        QHash<qint64, QString> labels;
        for (const Account& a : all.ok() ? *all : QList<Account>{})
            labels.insert(a.id, a.label);
        for (qint64 accountId : std::as_const(accountIds)) {
            const Result<QList<PolledPost>> polled = engagement.publishedSince(accountId, since);
            if (!polled) {
                out.error(polled.error());
                return 1;
            }
            for (const PolledPost& p : *polled) {
                PostEngagement e;
                e.postId = p.postId;
                e.accountId = accountId;
                e.accountLabel = labels.value(accountId);
                e.remoteId = p.remoteId;
                e.publishedAt = p.publishedAt;
                const Result<std::optional<EngagementSample>> latest = engagement.latest(p.postId);
                if (!latest) {
                    out.error(latest.error());
                    return 1;
                }
                e.latest = *latest;
                posts << e;
            }
        }
        QJsonArray list;
        QList<QStringList> rows;
        for (const PostEngagement& p : posts) {
            list.append(postJson(p));
            rows << postRow(p);
        }
        result.insert(QStringLiteral("posts"), list);
        if (!out.isJson())
            out.table(postHeader(), rows);
    }
    if (out.isJson())
        out.json(result);
    return failures == 0 ? 0 : 1;
}

} // namespace AssetDesk
