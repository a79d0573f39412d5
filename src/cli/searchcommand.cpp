#include "searchcommand.h"

#include "clicontext.h"

#include "storage/assetquery.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace AssetDesk {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::SearchCommand)
};

QJsonObject toJson(const Asset& a)
{
    QJsonArray keywords;
    for (const QString& k : a.keywords)
        keywords.append(k);
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("account_id"), a.accountId},
            {QStringLiteral("service"), serviceId(a.service)},
            {QStringLiteral("remote_id"), a.remoteId},
            {QStringLiteral("title"), a.title},
            {QStringLiteral("file_name"), a.fileName},
            {QStringLiteral("keywords"), keywords},
            {QStringLiteral("campaign"), a.campaign},
            {QStringLiteral("approval"), approvalStateId(a.rights.approval)},
            {QStringLiteral("credit"), a.rights.credit},
            {QStringLiteral("license_expires_at"), a.rights.licenseExpiresAt.toString(Qt::ISODate)},
            {QStringLiteral("modified_at"), a.modifiedAt.toString(Qt::ISODate)}};
}
} // namespace

QString SearchCommand::summary() const
{
    return Tr::tr("Search the local library (synced assets)");
}

QStringList SearchCommand::usage() const
{
    return {Tr::tr("search QUERY        [--approved] [--service S] [--limit N] (default 50; 0 = all)")};
}

int SearchCommand::run(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("query"), {});
    const QCommandLineOption approved(QStringLiteral("approved"));
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption service(QStringLiteral("service"), {}, QStringLiteral("S"));
    const QCommandLineOption limit(QStringLiteral("limit"), {}, QStringLiteral("N"), QStringLiteral("50"));
    parser.addOptions({approved, json, service, limit});
    bool limitOk = false;
    const int max = parser.parse(QStringList{QStringLiteral("search")} + arguments) ? parser.value(limit).toInt(&limitOk) : 0;
    if (!parser.errorText().isEmpty() || !limitOk || max < 0) {
        if (!parser.errorText().isEmpty())
            context.out().note(parser.errorText());
        context.out().note(Tr::tr("usage: assetdesk-cli search QUERY [--approved] [--service S] [--limit N] [--json]"));
        return 2;
    }
    if (parser.isSet(json))
        context.out().setJson(true);
    AssetQuery query;
    query.text = parser.positionalArguments().join(QLatin1Char(' ')); // `search harbour dawn` = "harbour dawn"
    query.limit = max;
    if (parser.isSet(approved))
        query.approval = ApprovalState::Approved;
    if (parser.isSet(service)) {
        const std::optional<Service> s = serviceFromId(parser.value(service).toLower());
        if (!s) {
            context.out().note(Tr::tr("Unknown service %1.").arg(parser.value(service)));
            return 2;
        }
        query.service = *s;
    }
    const Result<Storage*> storage = context.storage();
    if (!storage) {
        context.out().error(storage.error());
        return 1;
    }
    const AssetRepository repo(**storage);
    const Result<AssetRepository::Page> page = repo.searchPage(query);
    if (!page) {
        context.out().error(page.error());
        return 1;
    }
    const QList<Asset>& found = page->assets;
    if (context.out().isJson()) {
        QJsonArray items;
        for (const Asset& a : found)
            items.append(toJson(a));
        context.out().json(QJsonObject{{QStringLiteral("total"), page->total}, {QStringLiteral("assets"), items}});
        return 0;
    }
    QList<QStringList> rows;
    for (const Asset& a : found)
        rows.append({QString::number(a.id), serviceDisplayName(a.service), a.title, a.fileName,
                     approvalStateId(a.rights.approval), a.modifiedAt.toString(Qt::ISODate)});
    context.out().table({Tr::tr("ID"), Tr::tr("Service"), Tr::tr("Title"), Tr::tr("File"), Tr::tr("Approval"),
                         Tr::tr("Modified")},
                        rows);
    context.out().note(
        Tr::tr("%1 of %n matching asset(s) shown.", nullptr, int(page->total)).arg(found.size()));
    return 0;
}

} // namespace AssetDesk
