#include "accountscommand.h"

#include "clicontext.h"
#include "secretprompt.h"

#include "core/serviceauthprofile.h"
#include "storage/accountrepository.h"
#include "storage/storage.h"
#include "sync/accountservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace AssetDesk {

namespace {
// lupdate files these strings under the same context the code looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::AccountsCommand)
};

constexpr int kTestTimeoutMs = 90'000;
constexpr int kSignInTimeoutMs = 6 * 60'000; // the sign-in flow itself gives up after 5 minutes

QJsonObject toJson(const Account& a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("service"), serviceId(a.service)},
            {QStringLiteral("name"), a.label},
            {QStringLiteral("method"), authMethodId(a.authMethod)},
            {QStringLiteral("base_url"), a.baseUrl.toString()},
            {QStringLiteral("login"), a.login},
            {QStringLiteral("organization"), a.organization},
            {QStringLiteral("region"), a.region},
            {QStringLiteral("signed_in_as"), a.remoteUserName},
            {QStringLiteral("last_verified"), a.lastVerifiedAt.toString(Qt::ISODate)}};
}
} // namespace

QString AccountsCommand::summary() const
{
    return Tr::tr("Add, test, sign in and remove service accounts");
}

QStringList AccountsCommand::usage() const
{
    return {Tr::tr("accounts list       List the configured accounts"),
            Tr::tr("accounts add        Add an account: --service ID [--name N] [--method M] [--base-url URL]\n"
               "                    [--login L] [--organization O] [--region R] [--secret-stdin]\n"
               "                    Secrets are read from standard input (--secret-stdin: the key on the\n"
               "                    first line, a password on the second) or asked for with echo off;\n"
               "                    never from the command line. They are stored in the keyring."),
            Tr::tr("accounts test       Test accounts: ID|NAME... or --all"),
            Tr::tr("accounts sign-in    Sign an OAuth account in through the browser: ID|NAME"),
            Tr::tr("accounts remove     Remove accounts and their keys: ID|NAME...")};
}

int AccountsCommand::run(const QStringList& arguments, CliContext& context)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == u"list" && rest.isEmpty())
        return list(context);
    if (sub == u"add")
        return add(rest, context);
    if (sub == u"test")
        return test(rest, context);
    if (sub == u"sign-in")
        return signIn(rest, context);
    if (sub == u"remove")
        return remove(rest, context);
    context.out().note(Tr::tr("usage: assetdesk-cli accounts list | add | test | sign-in | remove (see --help)"));
    return 2;
}

int AccountsCommand::list(CliContext& context)
{
    const Result<Storage*> storage = context.storage();
    if (!storage) {
        context.out().error(storage.error());
        return 1;
    }
    const Result<QList<Account>> accounts = AccountRepository(**storage).list();
    if (!accounts) {
        context.out().error(accounts.error());
        return 1;
    }
    if (context.out().isJson()) {
        QJsonArray array;
        for (const Account& a : *accounts)
            array.append(toJson(a));
        context.out().json(array);
        return 0;
    }
    if (accounts->isEmpty()) {
        context.out().note(Tr::tr("No account is configured. Add one with `assetdesk-cli accounts add`."));
        return 0;
    }
    QList<QStringList> rows;
    for (const Account& a : *accounts) {
        rows.append({QString::number(a.id), serviceDisplayName(a.service), a.label,
                     a.login.isEmpty() ? QStringLiteral("-") : a.login,
                     a.remoteUserName.isEmpty() ? QStringLiteral("-") : a.remoteUserName,
                     a.lastVerifiedAt.isValid() ? a.lastVerifiedAt.toLocalTime().toString(Qt::ISODate)
                                                : Tr::tr("never")});
    }
    context.out().table({Tr::tr("ID"), Tr::tr("Service"), Tr::tr("Name"), Tr::tr("Login"), Tr::tr("Signed in as"), Tr::tr("Last verified")},
                        rows);
    return 0;
}

Result<Credentials> AccountsCommand::readCredentials(const Account& account, bool fromStdin)
{
    const AuthFieldSet* set = serviceAuthProfile(account.service).method(account.authMethod);
    Credentials credentials;
    if (!set || set->secretLabel.isEmpty())
        return credentials; // browser sign-in: nothing to type
    const int count = set->passwordLabel.isEmpty() ? 1 : 2;
    QStringList secrets;
    if (fromStdin) {
        const Result<QStringList> lines = SecretPrompt::readLines(count);
        if (!lines)
            return lines.error();
        secrets = *lines;
    } else if (SecretPrompt::stdinIsTerminal()) {
        for (const QString& label : QStringList{set->secretLabel, set->passwordLabel}.mid(0, count)) {
            const Result<QString> typed = SecretPrompt::ask(label + QLatin1Char(':'));
            if (!typed)
                return typed.error();
            secrets.append(*typed);
        }
    } else {
        return Error(ErrorKind::Validation,
                     Tr::tr("The %1 is needed: pass --secret-stdin and write it on standard input.").arg(set->secretLabel));
    }
    if (account.authMethod == AuthMethod::ClientCredentials)
        credentials.clientSecret = secrets.at(0);
    else
        credentials.apiKey = secrets.at(0);
    if (count == 2)
        credentials.password = secrets.at(1);
    return credentials;
}

int AccountsCommand::add(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption service(QStringLiteral("service"), Tr::tr("Service id"), QStringLiteral("id"));
    const QCommandLineOption name(QStringLiteral("name"), Tr::tr("Name"), QStringLiteral("name"));
    const QCommandLineOption method(QStringLiteral("method"), Tr::tr("Sign-in method"), QStringLiteral("method"));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"), Tr::tr("Address"), QStringLiteral("url"));
    const QCommandLineOption authUrl(QStringLiteral("auth-url"), Tr::tr("Sign-in server"), QStringLiteral("url"));
    const QCommandLineOption login(QStringLiteral("login"), Tr::tr("Login"), QStringLiteral("login"));
    const QCommandLineOption organization(QStringLiteral("organization"), Tr::tr("Organization"), QStringLiteral("org"));
    const QCommandLineOption region(QStringLiteral("region"), Tr::tr("Region"), QStringLiteral("region"));
    const QCommandLineOption secretStdin(QStringLiteral("secret-stdin"), Tr::tr("Read secrets from standard input"));
    parser.addOptions({service, name, method, baseUrl, authUrl, login, organization, region, secretStdin});
    if (!parser.parse(QStringList{QStringLiteral("add")} + arguments) || !parser.positionalArguments().isEmpty()) {
        context.out().note(parser.errorText().isEmpty() ? Tr::tr("Unexpected arguments: %1").arg(parser.positionalArguments().join(u' '))
                                                        : parser.errorText());
        return 2;
    }
    const std::optional<Service> chosen = serviceFromId(parser.value(service));
    if (!chosen) {
        QStringList ids;
        for (const ServiceInfo& info : allServices())
            ids << info.id;
        context.out().note(Tr::tr("--service must be one of: %1").arg(ids.join(QStringLiteral(", "))));
        return 2;
    }
    const ServiceAuthProfile& profile = serviceAuthProfile(*chosen);
    Account account;
    account.service = *chosen;
    account.authMethod = profile.methods.first().method;
    if (parser.isSet(method)) {
        const std::optional<AuthMethod> m = authMethodFromId(parser.value(method));
        if (!m || !profile.method(*m)) {
            QStringList ids;
            for (const AuthFieldSet& set : profile.methods)
                ids << authMethodId(set.method);
            context.out().note(Tr::tr("--method for %1 must be one of: %2").arg(serviceDisplayName(*chosen), ids.join(QStringLiteral(", "))));
            return 2;
        }
        account.authMethod = *m;
    }
    const AuthFieldSet* set = profile.method(account.authMethod);
    account.label = parser.isSet(name) ? parser.value(name) : serviceDisplayName(*chosen);
    account.baseUrl = QUrl(parser.value(baseUrl));
    account.authUrl = QUrl(parser.value(authUrl));
    account.login = parser.value(login);
    account.organization = parser.value(organization);
    account.region = parser.value(region);
    if (!set->loginLabel.isEmpty() && account.login.isEmpty()) {
        context.out().note(Tr::tr("--login is needed (%1).").arg(set->loginLabel));
        return 2;
    }
    if (set->organizationRequired && account.organization.isEmpty()) {
        context.out().note(Tr::tr("--organization is needed (%1).").arg(set->organizationLabel));
        return 2;
    }
    if (profile.baseUrlTemplate.contains(QLatin1String("{org}")) && account.organization.isEmpty()
        && account.baseUrl.isEmpty()) {
        context.out().note(Tr::tr("--organization (%1) or --base-url is needed.").arg(set->organizationLabel));
        return 2;
    }
    for (const QUrl& url : {account.baseUrl, account.authUrl}) {
        if (!url.isEmpty() && (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http"))) {
            context.out().note(Tr::tr("%1 is not a web address.").arg(url.toString()));
            return 2;
        }
    }
    const Result<Credentials> credentials = readCredentials(account, parser.isSet(secretStdin));
    if (!credentials) {
        context.out().error(credentials.error());
        return 2;
    }

    const Result<AccountService*> opened = context.accounts();
    if (!opened) {
        context.out().error(opened.error());
        return 1;
    }
    AccountService& accounts = **opened;
    std::optional<qint64> savedId;
    std::optional<Error> failure;
    QObject guard;
    QObject::connect(&accounts, &AccountActions::saved, &guard, [&savedId](qint64 id) { savedId = id; });
    QObject::connect(&accounts, &AccountActions::failed, &guard, [&failure](const Error& e) { failure = e; });
    // A browser sign-in starts by itself once saved: listen before adding.
    bool signInDone = false;
    bool connected = false;
    QObject::connect(&accounts, &AccountActions::testSucceeded, &guard,
                     [&](const QUuid&, qint64 id, const ConnectionInfo& info) {
                         if (savedId && id == *savedId) {
                             signInDone = connected = true;
                             context.out().line(Tr::tr("Signed in as %1.").arg(info.userName));
                         }
                     });
    QObject::connect(&accounts, &AccountActions::testFailed, &guard, [&](const QUuid&, qint64 id, const Error& e) {
        if (savedId && id == *savedId) {
            signInDone = true;
            context.out().error(e);
        }
    });
    accounts.add(account, *credentials);
    if (!context.waitUntil([&] { return savedId || failure; }, kTestTimeoutMs) || failure) {
        context.out().error(failure.value_or(Error(ErrorKind::Internal, Tr::tr("Saving the account timed out."))));
        return 1;
    }
    account.id = *savedId;
    if (context.out().isJson())
        context.out().json(toJson(account));
    else
        context.out().line(Tr::tr("Added account %1 (%2).").arg(*savedId).arg(account.label));
    if (!set->usesBrowserSignIn)
        return 0;
    if (!context.waitUntil([&] { return signInDone; }, kSignInTimeoutMs)) {
        context.out().note(Tr::tr("The sign-in did not finish; run `assetdesk-cli accounts sign-in %1` to try again.").arg(*savedId));
        return 1;
    }
    return connected ? 0 : 1;
}

Result<QList<Account>> AccountsCommand::resolve(const QStringList& names, bool all, CliContext& context)
{
    const Result<Storage*> storage = context.storage();
    if (!storage)
        return storage.error();
    const Result<QList<Account>> accounts = AccountRepository(**storage).list();
    if (!accounts || all)
        return accounts;
    QList<Account> chosen;
    for (const QString& name : names) {
        bool isNumber = false;
        const qint64 id = name.toLongLong(&isNumber);
        const auto it = std::find_if(accounts->cbegin(), accounts->cend(), [&](const Account& a) {
            return isNumber ? a.id == id : a.label == name;
        });
        if (it == accounts->cend())
            return Error(ErrorKind::NotFound, Tr::tr("No account is called %1.").arg(name));
        chosen.append(*it);
    }
    return chosen;
}

bool AccountsCommand::awaitTest(AccountService& service, const QUuid& request, const Account& account,
                                CliContext& context, int timeoutMs)
{
    std::optional<Result<ConnectionInfo>> outcome;
    QObject guard;
    QObject::connect(&service, &AccountActions::testSucceeded, &guard,
                     [&](const QUuid& r, qint64, const ConnectionInfo& info) {
                         if (r == request)
                             outcome = info;
                     });
    QObject::connect(&service, &AccountActions::testFailed, &guard, [&](const QUuid& r, qint64, const Error& e) {
        if (r == request)
            outcome = e;
    });
    if (!context.waitUntil([&] { return outcome.has_value(); }, timeoutMs))
        outcome = Error(ErrorKind::Transport, Tr::tr("No answer within %1 seconds.").arg(timeoutMs / 1000));
    const bool ok = outcome->ok();
    if (context.out().isJson()) {
        QJsonObject o = toJson(account);
        o.insert(QStringLiteral("connected"), ok);
        if (ok)
            o.insert(QStringLiteral("signed_in_as"), outcome->value().userName);
        else
            o.insert(QStringLiteral("error"), outcome->error().message());
        context.out().json(o);
    } else if (ok) {
        context.out().line(Tr::tr("ok      %1 (%2): connected as %3")
                               .arg(account.label, serviceDisplayName(account.service), outcome->value().userName));
    } else {
        context.out().line(Tr::tr("FAILED  %1 (%2): %3")
                               .arg(account.label, serviceDisplayName(account.service), outcome->error().message()));
    }
    return ok;
}

std::optional<AccountsCommand::Targets> AccountsCommand::targets(const QStringList& names, bool all,
                                                                 CliContext& context)
{
    const Result<QList<Account>> accounts = resolve(names, all, context);
    const Result<AccountService*> service = context.accounts();
    if (!accounts || !service) {
        context.out().error(!accounts ? accounts.error() : service.error());
        return std::nullopt;
    }
    return Targets{*accounts, *service};
}

int AccountsCommand::test(const QStringList& arguments, CliContext& context)
{
    if (arguments.isEmpty()) {
        context.out().note(Tr::tr("usage: assetdesk-cli accounts test ID|NAME... | --all"));
        return 2;
    }
    const std::optional<Targets> chosen =
        targets(arguments, arguments == QStringList{QStringLiteral("--all")}, context);
    if (!chosen)
        return 1;
    bool allOk = true;
    for (const Account& a : chosen->accounts)
        allOk &= awaitTest(*chosen->service, chosen->service->test(a.id), a, context, kTestTimeoutMs);
    return allOk ? 0 : 1;
}

int AccountsCommand::signIn(const QStringList& arguments, CliContext& context)
{
    if (arguments.size() != 1) {
        context.out().note(Tr::tr("usage: assetdesk-cli accounts sign-in ID|NAME"));
        return 2;
    }
    const std::optional<Targets> chosen = targets(arguments, false, context);
    if (!chosen)
        return 1;
    const Account& account = chosen->accounts.first();
    return awaitTest(*chosen->service, chosen->service->signIn(account.id), account, context, kSignInTimeoutMs) ? 0 : 1;
}

int AccountsCommand::remove(const QStringList& arguments, CliContext& context)
{
    if (arguments.isEmpty()) {
        context.out().note(Tr::tr("usage: assetdesk-cli accounts remove ID|NAME..."));
        return 2;
    }
    const std::optional<Targets> chosen = targets(arguments, false, context);
    if (!chosen)
        return 1;
    AccountService* service = chosen->service;
    int status = 0;
    for (const Account& a : chosen->accounts) {
        std::optional<bool> removed;
        QObject guard;
        QObject::connect(service, &AccountActions::removed, &guard, [&](qint64 id) {
            if (id == a.id)
                removed = true;
        });
        QObject::connect(service, &AccountActions::failed, &guard, [&](const Error& e) {
            context.out().error(e);
            removed = removed.value_or(false);
        });
        service->remove(a.id);
        if (!context.waitUntil([&] { return removed.has_value(); }, kTestTimeoutMs) || !*removed) {
            status = 1;
            continue;
        }
        context.out().line(Tr::tr("Removed account %1 (%2).").arg(a.id).arg(a.label));
    }
    return status;
}

} // namespace AssetDesk
