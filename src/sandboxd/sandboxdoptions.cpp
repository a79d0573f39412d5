#include "sandboxdoptions.h"

#include "sandbox/servicemodulefactory.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace AssetDesk::Sandbox {

namespace {

Error usage(const QString& message)
{
    return Error(ErrorKind::Validation, message).withOrigin(QStringLiteral("assetdesk-sandbox"));
}

Result<QList<FaultRule>> readFaultFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorKind::Io, QStringLiteral("Cannot read the fault file %1").arg(path),
                     file.errorString());
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return usage(QStringLiteral("%1 is not JSON: %2").arg(path, parseError.errorString()));
    const QJsonArray array =
        doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("faults")).toArray();
    if (!doc.isArray() && !doc.object().value(QStringLiteral("faults")).isArray())
        return usage(QStringLiteral("%1 must hold an array of rules or {\"faults\": [...]}").arg(path));
    QList<FaultRule> rules;
    for (const QJsonValue& v : array) {
        auto rule = FaultRule::fromJson(v.toObject());
        if (!rule.ok())
            return usage(QStringLiteral("%1: %2").arg(path, rule.error().message()));
        rules.append(rule.value());
    }
    return rules;
}

} // namespace

QString SandboxdOptions::helpText()
{
    return QStringLiteral(
               "Usage: assetdesk-sandbox [options]\n"
               "\n"
               "Local emulators of PhotoShelter, iconik, X, Dynamics 365 and Zendesk on 127.0.0.1, with\n"
               "seeded demo data, fault injection and a request journal. Once every listener is up it\n"
               "prints ONE line of JSON on stdout:\n"
               "  {\"admin\":{\"url\":...},\"seed\":N,\"size\":N,\n"
               "   \"services\":{\"<id>\":{\"url\":...,\"display_name\":...,\"credentials\":{...}}}}\n"
               "Logs go to stderr. SIGTERM or SIGINT stops it cleanly.\n"
               "\n"
               "Options:\n"
               "  --seed N              demo data and fault randomness seed (default 1)\n"
               "  --size N              number of demo assets/records per service (default 100)\n"
               "  --port P              base port: admin on P, photoshelter P+1, iconik P+2, x P+3,\n"
               "                        dynamics P+4, zendesk P+5; 0 (default) = ephemeral ports\n"
               "  --services IDS        comma-separated service ids (default: all of %1)\n"
               "  --fault SPEC          add a fault rule (repeatable), see below\n"
               "  --fault-file FILE     JSON rules: [rule, ...] or {\"faults\": [rule, ...]}\n"
               "  --bad-input           PhotoShelter and iconik serve their bad-input records: assets\n"
               "                        3, 10, 17 ... 73 get a 10 MB caption, hostile file names\n"
               "                        (../../etc/passwd.jpg, /absolute/path.jpg, control characters,\n"
               "                        U+202E), a numeric title, unparsable dates, missing or wrongly\n"
               "                        typed fields (a cut-off entry follows the record without fields\n"
               "                        in PhotoShelter lists), undecodable and 60000x60000 images.\n"
               "                        Switch at run time: PATCH /admin/services/<id>/settings\n"
               "                        {\"bad_input\": true|false}\n"
               "  --live-event GALLERY[:SECONDS]\n"
               "                        PhotoShelter live event: a new upload lands in GALLERY (an id\n"
               "                        G0000..., a gallery name or its number from 0) every SECONDS\n"
               "                        (default 5). Start/stop at run time: PATCH\n"
               "                        /admin/services/photoshelter/settings {\"live_event\":\n"
               "                        {\"gallery\": \"G0000...\", \"interval_seconds\": 5}} or null\n"
               "  --exit-on-stdin-close exit when stdin reaches end of file (a parent that dies takes\n"
               "                        the sandbox with it)\n"
               "  --quiet               only warnings and errors on stderr\n"
               "  -h, --help            this text\n"
               "  -v, --version         the version\n"
               "\n"
               "Fault spec: service:METHOD:path:kind:probability[:param]...\n"
               "  service      a service id or *\n"
               "  METHOD       GET, POST, ... or *\n"
               "  path         glob over the path without query (* any characters including /, ? one\n"
               "               character); a leading ~ makes it a regular expression. May contain ':'.\n"
               "  kind         rate-limit    the service's own 429 with its rate-limit headers\n"
               "               server-error  a 5xx in the service's error shape\n"
               "               delay         the normal answer, later\n"
               "               drop          close the connection without answering\n"
               "               truncate      advertise the full Content-Length, send half, close\n"
               "               malformed     a complete answer whose body is not valid JSON\n"
               "  probability  0..1; draws are reproducible for a given --seed\n"
               "  param        a bare number is the kind's parameter (rate-limit: Retry-After seconds,\n"
               "               server-error: status, delay: milliseconds), or status=N, delay=MS,\n"
               "               retry=SECONDS, count=N (apply at most N times)\n"
               "  Examples:    x:GET:/2/users/me:rate-limit:1:retry=60:count=1\n"
               "               *:*:*:server-error:0.05:502\n"
               "               zendesk:POST:/oauth/tokens:drop:0.5\n"
               "JSON rule keys: id, service, method, path, regex, kind, probability, count, status,\n"
               "delay_ms, retry_after_seconds (or {\"spec\": \"...\"}).\n"
               "\n"
               "Admin endpoints (on the admin URL): GET /admin/health, GET /admin/services,\n"
               "GET|POST|PUT|DELETE /admin/faults, DELETE /admin/faults/<id>,\n"
               "GET /admin/journal?service=&since=&limit=, DELETE /admin/journal,\n"
               "GET /admin/clock, POST /admin/clock {\"advance_seconds\": N},\n"
               "GET|PATCH /admin/services/<id>/settings (photoshelter, iconik: bad_input, live_event),\n"
               "POST /admin/services/<id>/changes {\"modify\": N, \"remove\": N, \"add\": N, \"gallery\": ...}\n"
               "(edits, deletes and uploads assets in photoshelter or iconik; answers their ids).\n")
        .arg(ServiceModuleFactory::builtInIds().join(QLatin1Char(',')));
}

Result<SandboxdOptions> SandboxdOptions::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption seed(QStringLiteral("seed"), {}, QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption size(QStringLiteral("size"), {}, QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption port(QStringLiteral("port"), {}, QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption services(QStringLiteral("services"), {}, QStringLiteral("IDS"));
    const QCommandLineOption fault(QStringLiteral("fault"), {}, QStringLiteral("SPEC"));
    const QCommandLineOption faultFile(QStringLiteral("fault-file"), {}, QStringLiteral("FILE"));
    const QCommandLineOption stdinClose(QStringLiteral("exit-on-stdin-close"), {});
    const QCommandLineOption badInput(QStringLiteral("bad-input"), {});
    const QCommandLineOption liveEvent(QStringLiteral("live-event"), {}, QStringLiteral("GALLERY[:SECONDS]"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), {});
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, {});
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, {});
    parser.addOptions(
        {seed, size, port, services, fault, faultFile, stdinClose, badInput, liveEvent, quiet, help, version});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument: %1").arg(parser.positionalArguments().first()));

    SandboxdOptions o;
    o.showHelp = parser.isSet(help);
    o.showVersion = parser.isSet(version);
    o.exitOnStdinClose = parser.isSet(stdinClose);
    o.quiet = parser.isSet(quiet);

    bool ok = false;
    o.sandbox.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("--seed needs a non-negative whole number"));
    o.sandbox.size = parser.value(size).toInt(&ok);
    if (!ok || o.sandbox.size < 0)
        return usage(QStringLiteral("--size needs a non-negative whole number"));
    const uint basePort = parser.value(port).toUInt(&ok);
    if (!ok || basePort > 65535 - 5)
        return usage(QStringLiteral("--port needs 0 or a port number up to 65530"));
    o.sandbox.basePort = quint16(basePort);
    if (parser.isSet(services)) {
        QStringList ids = parser.value(services).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString& id : ids)
            id = id.trimmed().toLower();
        const QStringList known = ServiceModuleFactory::builtInIds();
        for (const QString& id : std::as_const(ids)) {
            if (!known.contains(id))
                return usage(QStringLiteral("Unknown service \"%1\" (known: %2)")
                                 .arg(id, known.join(QStringLiteral(", "))));
        }
        if (ids.isEmpty())
            return usage(QStringLiteral("--services needs at least one service id"));
        o.sandbox.services = ids;
    }
    if (parser.isSet(badInput))
        o.sandbox.settings[QStringLiteral("*")].insert(QStringLiteral("bad_input"), true);
    if (parser.isSet(liveEvent)) {
        QString gallery = parser.value(liveEvent);
        double seconds = 5;
        if (const qsizetype colon = gallery.lastIndexOf(QLatin1Char(':')); colon >= 0) {
            bool numeric = false;
            const double s = gallery.mid(colon + 1).toDouble(&numeric);
            if (numeric) {
                seconds = s;
                gallery = gallery.left(colon);
            }
        }
        if (gallery.isEmpty() || seconds < 0.05 || seconds > 3600)
            return usage(QStringLiteral("--live-event needs GALLERY[:SECONDS] with 0.05 <= SECONDS <= 3600"));
        o.sandbox.settings[QStringLiteral("photoshelter")].insert(
            QStringLiteral("live_event"),
            QJsonObject{{QStringLiteral("gallery"), gallery}, {QStringLiteral("interval_seconds"), seconds}});
    }
    if (parser.isSet(faultFile)) {
        auto rules = readFaultFile(parser.value(faultFile));
        if (!rules.ok())
            return rules.error();
        o.sandbox.faults = rules.value();
    }
    for (const QString& spec : parser.values(fault)) {
        auto rule = FaultRule::parseSpec(spec);
        if (!rule.ok())
            return usage(rule.error().message());
        o.sandbox.faults.append(rule.value());
    }
    return o;
}

} // namespace AssetDesk::Sandbox
