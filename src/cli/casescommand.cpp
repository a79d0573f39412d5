#include "casescommand.h"

#include "clicontext.h"
#include "clisyncrun.h"

#include "storage/accountrepository.h"
#include "storage/crmrepository.h"
#include "storage/storage.h"
#include "sync/dynamicssyncservice.h"
#include "sync/jobrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace AssetDesk {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::CasesCommand)
};

constexpr int kSyncTimeoutMs = 3600 * 1000;

// Dynamics option values (dynamics.md §11, incident).
const QStringList kPriorities{QStringLiteral("high"), QStringLiteral("normal"), QStringLiteral("low")}; // 1, 2, 3
const QStringList kStates{QStringLiteral("active"), QStringLiteral("resolved"), QStringLiteral("canceled")}; // 0, 1, 2

QString priorityId(int code)
{
    return code >= 1 && code <= 3 ? kPriorities.at(code - 1) : QString();
}

QString stateId(int code)
{
    return code >= 0 && code <= 2 ? kStates.at(code) : QString::number(code);
}

QString priorityLabel(int code)
{
    switch (code) {
    case 1:
        return Tr::tr("High");
    case 2:
        return Tr::tr("Normal");
    case 3:
        return Tr::tr("Low");
    default:
        return QStringLiteral("-");
    }
}

QString stateLabel(int code)
{
    switch (code) {
    case 0:
        return Tr::tr("Active");
    case 1:
        return Tr::tr("Resolved");
    case 2:
        return Tr::tr("Canceled");
    default:
        return QString::number(code);
    }
}

QJsonObject toJson(const SupportCase& c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("account_id"), c.accountId},
            {QStringLiteral("remote_id"), c.remoteId},
            {QStringLiteral("number"), c.ticketNumber},
            {QStringLiteral("title"), c.title},
            {QStringLiteral("customer"), c.customerName},
            {QStringLiteral("customer_id"), c.customerRemoteId},
            {QStringLiteral("customer_kind"), c.customerKind},
            {QStringLiteral("priority"), priorityId(c.priority)},
            {QStringLiteral("case_type"), c.caseType},
            {QStringLiteral("state"), stateId(c.state)},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODate)},
            {QStringLiteral("modified_at"), c.modifiedAt.toString(Qt::ISODate)}};
}

// Syncs every Dynamics account; false (with the errors printed) if one failed.
bool syncAll(CliContext& context, bool full)
{
    CliOutput& out = context.out();
    const Result<ConnectorPool*> pool = context.pool();
    if (!pool) {
        out.error(pool.error());
        return false;
    }
    Storage* storage = *context.storage();
    const Result<QList<Account>> accounts = AccountRepository(*storage).list();
    if (!accounts) {
        out.error(accounts.error());
        return false;
    }
    DynamicsSyncService service(*storage, **pool, *context.jobs());
    bool ok = true;
    for (const Account& account : *accounts) {
        if (account.service != Service::Dynamics)
            continue;
        DynamicsSyncService::Request request;
        request.accountId = account.id;
        request.full = full;
        const Result<DynamicsSyncSummary> outcome =
            runSync<DynamicsSyncSummary>(context, service, request, account, kSyncTimeoutMs);
        if (!outcome) {
            out.error(outcome.error());
            ok = false;
            continue;
        }
        const DynamicsSyncSummary& s = *outcome;
        out.note(Tr::tr("%1: CRM synced - %2 changed, %3 removed, %n row(s) skipped, %4 s", nullptr,
                        int(s.skipped))
                     .arg(account.label)
                     .arg(s.totalStored())
                     .arg(s.totalRemoved())
                     .arg(s.elapsedMs / 1000.0, 0, 'f', 1));
        for (const DynamicsSyncSummary::Problem& p : s.problems)
            out.note(QStringLiteral("  ! %1: %2").arg(p.entitySet, p.error.message()));
    }
    return ok;
}
} // namespace

QString CasesCommand::summary() const
{
    return Tr::tr("List Dynamics 365 cases from the local CRM cache");
}

QStringList CasesCommand::usage() const
{
    return {Tr::tr("cases               [--account NAME] [--priority high|normal|low] [--state active|resolved|canceled]\n"
                   "                    [--sync [--full]]  High priority first; --sync fetches the changes first.")};
}

int CasesCommand::run(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption account(QStringLiteral("account"), {}, QStringLiteral("NAME"));
    const QCommandLineOption priority(QStringLiteral("priority"), {}, QStringLiteral("P"));
    const QCommandLineOption state(QStringLiteral("state"), {}, QStringLiteral("S"));
    const QCommandLineOption sync(QStringLiteral("sync"));
    const QCommandLineOption full(QStringLiteral("full"));
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOptions({account, priority, state, sync, full, json});
    const bool parsed = parser.parse(QStringList{QStringLiteral("cases")} + arguments);
    const qsizetype priorityIndex = kPriorities.indexOf(parser.value(priority).toLower());
    const qsizetype stateIndex = kStates.indexOf(parser.value(state).toLower());
    if (!parsed || !parser.positionalArguments().isEmpty() || (parser.isSet(priority) && priorityIndex < 0)
        || (parser.isSet(state) && stateIndex < 0) || (parser.isSet(full) && !parser.isSet(sync))) {
        if (!parser.errorText().isEmpty())
            context.out().note(parser.errorText());
        context.out().note(Tr::tr("usage: assetdesk-cli cases [--account NAME] [--priority high|normal|low] "
                                  "[--state active|resolved|canceled] [--sync [--full]] [--json]"));
        return 2;
    }
    CliOutput& out = context.out();
    if (parser.isSet(json))
        out.setJson(true);
    const Result<Storage*> storage = context.storage();
    if (!storage) {
        out.error(storage.error());
        return 1;
    }
    if (parser.isSet(sync) && !syncAll(context, parser.isSet(full)))
        return 1;

    const CrmRepository crm(**storage);
    CaseFilter filter;
    if (priorityIndex >= 0)
        filter.priority = int(priorityIndex) + 1;
    if (stateIndex >= 0)
        filter.state = int(stateIndex);
    const Result<QList<SupportCase>> found = crm.cases(filter);
    if (!found) {
        out.error(found.error());
        return 1;
    }
    QList<SupportCase> cases = *found;
    if (parser.isSet(account)) {
        // The named customers' cases (including their contacts'), or a case whose customer name matches.
        const QString name = parser.value(account);
        QSet<qint64> wanted;
        const Result<QList<Account>> services = AccountRepository(**storage).list();
        if (!services) {
            out.error(services.error());
            return 1;
        }
        for (const Account& service : *services) {
            if (service.service != Service::Dynamics)
                continue;
            const Result<QList<CrmAccount>> customers = crm.accounts(service.id, name);
            if (!customers) {
                out.error(customers.error());
                return 1;
            }
            for (const CrmAccount& customer : *customers) {
                const Result<QList<SupportCase>> own = crm.accountCases(customer.id);
                if (!own) {
                    out.error(own.error());
                    return 1;
                }
                for (const SupportCase& c : *own)
                    wanted.insert(c.id);
            }
        }
        cases.removeIf([&](const SupportCase& c) {
            return !wanted.contains(c.id) && !c.customerName.contains(name, Qt::CaseInsensitive);
        });
    }

    if (out.isJson()) {
        QJsonArray rows;
        for (const SupportCase& c : cases)
            rows.append(toJson(c));
        out.json(rows);
        return 0;
    }
    if (cases.isEmpty()) {
        out.line(Tr::tr("No cases."));
        return 0;
    }
    QList<QStringList> rows;
    for (const SupportCase& c : cases) {
        rows.append({c.ticketNumber, priorityLabel(c.priority), stateLabel(c.state), c.customerName, c.title,
                     c.modifiedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
    }
    out.table({Tr::tr("Case"), Tr::tr("Priority"), Tr::tr("State"), Tr::tr("Customer"), Tr::tr("Title"),
               Tr::tr("Modified")},
              rows);
    return 0;
}

} // namespace AssetDesk
