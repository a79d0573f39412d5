#include "queuecommand.h"

#include "clicontext.h"
#include "postcommand.h"

#include "storage/accountrepository.h"
#include "storage/jobrepository.h"
#include "storage/storage.h"
#include "sync/xoutbox.h"
#include "sync/xpublishpayload.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace AssetDesk {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::QueueCommand)
};

QJsonObject toJson(const OutboxJob& job, const XPublishPayload& payload)
{
    QJsonObject o{{QStringLiteral("job_id"), job.id},
                  {QStringLiteral("account_id"), job.accountId},
                  {QStringLiteral("state"), jobStateId(job.state)},
                  {QStringLiteral("attempts"), job.attempts},
                  {QStringLiteral("text"), payload.text},
                  {QStringLiteral("media"), int(payload.media.size())},
                  {QStringLiteral("created_at"), job.createdAt.toUTC().toString(Qt::ISODate)}};
    if (job.notBefore.isValid())
        o.insert(QStringLiteral("due_at"), job.notBefore.toUTC().toString(Qt::ISODate));
    if (!job.lastError.isEmpty())
        o.insert(QStringLiteral("last_error"), job.lastError);
    return o;
}
} // namespace

QString QueueCommand::summary() const
{
    return Tr::tr("Show, cancel or retry the X posts in the outbox");
}

QStringList QueueCommand::usage() const
{
    return {Tr::tr("queue [list] [--account ID|@HANDLE] [--json]   Queued, scheduled, running and failed posts"),
            Tr::tr("queue cancel JOB                 Pull a queued post back before it is sent"),
            Tr::tr("queue retry JOB                  Queue a failed post again")};
}

int QueueCommand::run(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"), {});
    const QCommandLineOption account(QStringLiteral("account"), {}, QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOptions({account, json});
    CliOutput& out = context.out();
    const auto usageError = [&out](const QString& why) {
        if (!why.isEmpty())
            out.note(why);
        out.note(Tr::tr("usage: assetdesk-cli queue [list|cancel JOB|retry JOB] [--account ID|@HANDLE] [--json]"));
        return 2;
    };
    if (!parser.parse(QStringList{QStringLiteral("queue")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(json))
        out.setJson(true);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, QStringLiteral("list"));
    const Result<Storage*> storage = context.storage();
    if (!storage) {
        out.error(storage.error());
        return 1;
    }

    if (action == QLatin1String("list")) {
        if (positional.size() > 1)
            return usageError(Tr::tr("Unexpected argument %1.").arg(positional.at(1)));
        QList<qint64> accountIds;
        if (parser.isSet(account)) {
            const Result<Account> x = PostCommand::resolveXAccount(**storage, parser.value(account));
            if (!x) {
                out.error(x.error());
                return 1;
            }
            accountIds << x->id;
        } else {
            const Result<QList<Account>> all = AccountRepository(**storage).list();
            if (!all) {
                out.error(all.error());
                return 1;
            }
            for (const Account& a : *all) {
                if (a.service == Service::X)
                    accountIds << a.id;
            }
        }
        QJsonArray items;
        QList<QStringList> rows;
        for (qint64 id : std::as_const(accountIds)) {
            const Result<QList<OutboxJob>> jobs = JobRepository(**storage).listPending(XOutbox::kXPublishJobKind, id);
            if (!jobs) {
                out.error(jobs.error());
                return 1;
            }
            for (const OutboxJob& job : *jobs) {
                const XPublishPayload payload = XPublishPayload::fromJson(job.payload).valueOr(XPublishPayload{});
                items.append(toJson(job, payload));
                QString text = payload.text.simplified();
                if (text.size() > 40)
                    text = text.left(39) + QChar(0x2026);
                rows << QStringList{QString::number(job.id), QString::number(job.accountId), jobStateId(job.state),
                                    job.notBefore.isValid() ? job.notBefore.toLocalTime().toString(Qt::ISODate) : QString(),
                                    text, job.lastError};
            }
        }
        if (out.isJson())
            out.json(QJsonObject{{QStringLiteral("jobs"), items}});
        else if (rows.isEmpty())
            out.line(Tr::tr("The outbox is empty."));
        else
            out.table({Tr::tr("JOB"), Tr::tr("ACCOUNT"), Tr::tr("STATE"), Tr::tr("DUE"), Tr::tr("TEXT"), Tr::tr("LAST ERROR")}, rows);
        return 0;
    }

    if (action != QLatin1String("cancel") && action != QLatin1String("retry"))
        return usageError(Tr::tr("Unknown action %1.").arg(action));
    bool ok = false;
    const qint64 jobId = positional.value(1).toLongLong(&ok);
    if (!ok || positional.size() != 2)
        return usageError(Tr::tr("%1 needs one job id.").arg(action));
    const Result<std::optional<OutboxJob>> job = JobRepository(**storage).get(jobId);
    if (!job) {
        out.error(job.error());
        return 1;
    }
    if (!*job || (*job)->kind != XOutbox::kXPublishJobKind) {
        out.error(Error(ErrorKind::NotFound, Tr::tr("There is no X post job %1.").arg(jobId)));
        return 1;
    }
    const bool cancel = action == QLatin1String("cancel");
    QFuture<Status> done = cancel ? XOutbox(**storage).cancel(jobId)
                                  : (**storage).write([jobId](WriteContext& ctx) { return JobRepository::retry(ctx, jobId); });
    context.waitUntil([&done] { return done.isFinished(); }, 60000);
    const Status result = done.isFinished() ? done.result() : Status(Error(ErrorKind::Storage, Tr::tr("The workspace did not answer in time.")));
    if (!result) {
        if (result.error().kind() == ErrorKind::Conflict) {
            out.error(Error(ErrorKind::Conflict, cancel ? Tr::tr("Job %1 is %2: only a queued post can be cancelled.").arg(jobId).arg(jobStateId((*job)->state))
                                                        : Tr::tr("Job %1 is %2: only a failed post can be retried.").arg(jobId).arg(jobStateId((*job)->state))));
        } else {
            out.error(result.error());
        }
        return 1;
    }
    if (out.isJson())
        out.json(QJsonObject{{QStringLiteral("job_id"), jobId}, {QStringLiteral("state"), jobStateId(cancel ? JobState::Cancelled : JobState::Queued)}});
    else
        out.line(cancel ? Tr::tr("Cancelled job %1.").arg(jobId) : Tr::tr("Job %1 is queued again.").arg(jobId));
    return 0;
}

} // namespace AssetDesk
