#include "attachcommand.h"

#include "clicontext.h"

#include "storage/storage.h"
#include "sync/attachservice.h"
#include "sync/attachtargets.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace AssetDesk {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::AttachCommand)
};

constexpr int kAttachTimeoutMs = 15 * 60 * 1000;

QString usageLine()
{
    return Tr::tr("usage: assetdesk-cli attach --ticket N | --case ID [--account ID] [--internal] [--rendition NAME] "
                  "[--text TEXT] [--subject TEXT] [--json] ASSET...");
}
} // namespace

QString AttachCommand::summary() const
{
    return Tr::tr("Attach library assets to a Zendesk ticket or a Dynamics 365 case");
}

QStringList AttachCommand::usage() const
{
    return {Tr::tr("attach --ticket N | --case ID [--account ID] [--internal] [--rendition NAME]\n"
                   "       [--text TEXT] [--subject TEXT] [--json] ASSET...\n"
                   "                    Checks each asset's approval, licence and size, uploads the original\n"
                   "                    (or --rendition) and adds one comment to the ticket (public unless\n"
                   "                    --internal) or a note per file to the case (number or GUID).")};
}

int AttachCommand::run(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption ticket(QStringLiteral("ticket"), {}, QStringLiteral("N"));
    const QCommandLineOption supportCase(QStringLiteral("case"), {}, QStringLiteral("ID"));
    const QCommandLineOption account(QStringLiteral("account"), {}, QStringLiteral("ID"));
    const QCommandLineOption internal(QStringLiteral("internal"));
    const QCommandLineOption rendition(QStringLiteral("rendition"), {}, QStringLiteral("NAME"));
    const QCommandLineOption text(QStringLiteral("text"), {}, QStringLiteral("TEXT"));
    const QCommandLineOption subject(QStringLiteral("subject"), {}, QStringLiteral("TEXT"));
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOptions({ticket, supportCase, account, internal, rendition, text, subject, json});
    CliOutput& out = context.out();
    auto usageError = [&out](const QString& why) {
        if (!why.isEmpty())
            out.note(why);
        out.note(usageLine());
        return 2;
    };
    if (!parser.parse(QStringList{QStringLiteral("attach")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(ticket) == parser.isSet(supportCase))
        return usageError(Tr::tr("Give either --ticket or --case."));
    if (parser.isSet(internal) && parser.isSet(supportCase))
        return usageError(Tr::tr("--internal is for tickets; case notes are always internal."));
    if (parser.positionalArguments().isEmpty())
        return usageError(Tr::tr("Name at least one asset by its library id."));
    QList<qint64> assetIds;
    for (const QString& v : parser.positionalArguments()) {
        bool ok = false;
        const qint64 id = v.toLongLong(&ok);
        if (!ok || id <= 0)
            return usageError(Tr::tr("%1 is not a library asset id.").arg(v));
        if (!assetIds.contains(id))
            assetIds << id;
    }
    qint64 accountId = 0;
    if (parser.isSet(account)) {
        bool ok = false;
        accountId = parser.value(account).toLongLong(&ok);
        if (!ok || accountId <= 0)
            return usageError(Tr::tr("--account needs an account id (see accounts list)."));
    }
    qint64 ticketNumber = 0;
    if (parser.isSet(ticket)) {
        bool ok = false;
        ticketNumber = parser.value(ticket).toLongLong(&ok);
        if (!ok || ticketNumber <= 0)
            return usageError(Tr::tr("--ticket needs a Zendesk ticket number."));
    }
    if (parser.isSet(json))
        out.setJson(true);

    const Result<Storage*> storage = context.storage();
    if (!storage) {
        out.error(storage.error());
        return 1;
    }
    const Result<AttachTarget> target = parser.isSet(ticket)
        ? AttachTargets::ticketByNumber(**storage, accountId, ticketNumber)
        : AttachTargets::caseByReference(**storage, accountId, parser.value(supportCase));
    if (!target) {
        out.error(target.error());
        return 1;
    }
    const Result<ConnectorPool*> pool = context.pool();
    if (!pool) {
        out.error(pool.error());
        return 1;
    }
    AttachRequest request;
    request.target = *target;
    request.assetIds = assetIds;
    request.rendition = parser.value(rendition);
    request.isPublic = !parser.isSet(internal);
    request.text = parser.value(text);
    request.subject = parser.value(subject);

    AttachService service(**storage, **pool, *context.jobs());
    std::optional<Result<AttachOutcome>> outcome;
    service.attach(request, [&outcome](const Result<AttachOutcome>& r) { outcome = r; });
    context.waitUntil([&outcome] { return outcome.has_value(); }, kAttachTimeoutMs);
    if (!outcome) {
        out.error(Error(ErrorKind::Cancelled, Tr::tr("Attaching did not finish in time; check the ticket or case before "
                                                     "trying again.")));
        return 1;
    }
    if (!*outcome) {
        out.error(outcome->error());
        return 1;
    }
    const AttachOutcome& done = outcome->value();
    if (out.isJson()) {
        QJsonArray files;
        for (const QString& f : done.fileNames)
            files.append(f);
        QJsonArray remote;
        for (const QString& r : done.remoteIds)
            remote.append(r);
        QJsonArray local;
        for (const qint64 id : done.localIds)
            local.append(id);
        out.json(QJsonObject{{QStringLiteral("target"), done.target.label},
                             {QStringLiteral("account_id"), done.target.accountId},
                             {QStringLiteral("files"), files},
                             {QStringLiteral("remote_ids"), remote},
                             {QStringLiteral("local_ids"), local},
                             {QStringLiteral("bytes"), done.bytesSent}});
    } else {
        out.line(Tr::tr("Attached %1 to %2 (%3 bytes).")
                     .arg(done.fileNames.join(QStringLiteral(", ")), done.target.label)
                     .arg(done.bytesSent));
    }
    return 0;
}

} // namespace AssetDesk
