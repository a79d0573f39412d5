#include "sandbox/faultrule.h"

#include <QJsonValue>
#include <QStringList>

namespace AssetDesk::Sandbox {

namespace {

struct KindName
{
    FaultKind kind;
    const char* id;
};

constexpr KindName kKindNames[] = {
    {FaultKind::RateLimit, "rate-limit"}, {FaultKind::ServerError, "server-error"},
    {FaultKind::Delay, "delay"},          {FaultKind::Drop, "drop"},
    {FaultKind::Truncate, "truncate"},    {FaultKind::Malformed, "malformed"},
};

Error invalid(const QString& message)
{
    return Error(ErrorKind::Validation, message).withOrigin(QStringLiteral("sandbox"));
}

QString globToRegex(const QString& glob)
{
    QString rx;
    rx.reserve(glob.size() * 2);
    for (const QChar c : glob) {
        if (c == QLatin1Char('*'))
            rx += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            rx += QLatin1Char('.');
        else
            rx += QRegularExpression::escape(QString(c));
    }
    return rx;
}

// Applies one "key=value" or bare-number parameter of a spec.
Status applySpecParam(FaultRule& rule, const QString& param)
{
    const qsizetype eq = param.indexOf(QLatin1Char('='));
    const QString key = eq < 0 ? QString() : param.left(eq).trimmed().toLower();
    const QString text = eq < 0 ? param.trimmed() : param.mid(eq + 1).trimmed();
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok)
        return invalid(QStringLiteral("Fault parameter \"%1\" is not a whole number").arg(param));
    if (key.isEmpty()) {
        switch (rule.kind) {
        case FaultKind::RateLimit:
            rule.retryAfterSeconds = value;
            return {};
        case FaultKind::ServerError:
            rule.status = value;
            return {};
        case FaultKind::Delay:
            rule.delayMs = value;
            return {};
        default:
            return invalid(QStringLiteral("Fault kind %1 takes no bare parameter (\"%2\")")
                               .arg(faultKindId(rule.kind), param));
        }
    }
    if (key == QLatin1String("status"))
        rule.status = value;
    else if (key == QLatin1String("delay") || key == QLatin1String("delay_ms"))
        rule.delayMs = value;
    else if (key == QLatin1String("retry") || key == QLatin1String("retry_after"))
        rule.retryAfterSeconds = value;
    else if (key == QLatin1String("count"))
        rule.count = value;
    else
        return invalid(QStringLiteral("Unknown fault parameter \"%1\"").arg(key));
    return {};
}

} // namespace

QString faultKindId(FaultKind kind)
{
    for (const auto& n : kKindNames) {
        if (n.kind == kind)
            return QLatin1String(n.id);
    }
    return {};
}

std::optional<FaultKind> faultKindFromId(const QString& id)
{
    for (const auto& n : kKindNames) {
        if (id.compare(QLatin1String(n.id), Qt::CaseInsensitive) == 0)
            return n.kind;
    }
    return std::nullopt;
}

QJsonObject FaultRule::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("service"), service},
        {QStringLiteral("method"), method},
        {QStringLiteral("path"), path},
        {QStringLiteral("regex"), regex},
        {QStringLiteral("kind"), faultKindId(kind)},
        {QStringLiteral("probability"), probability},
        {QStringLiteral("count"), count},
    };
    switch (kind) {
    case FaultKind::RateLimit:
        o.insert(QStringLiteral("retry_after_seconds"), retryAfterSeconds);
        break;
    case FaultKind::ServerError:
        o.insert(QStringLiteral("status"), status);
        break;
    case FaultKind::Delay:
        o.insert(QStringLiteral("delay_ms"), delayMs);
        break;
    default:
        break;
    }
    return o;
}

Result<FaultRule> FaultRule::fromJson(const QJsonObject& o)
{
    if (o.contains(QStringLiteral("spec"))) {
        auto parsed = parseSpec(o.value(QStringLiteral("spec")).toString());
        if (parsed.ok() && o.contains(QStringLiteral("id")))
            parsed.value().id = o.value(QStringLiteral("id")).toString();
        return parsed;
    }
    FaultRule rule;
    const auto kind = faultKindFromId(o.value(QStringLiteral("kind")).toString());
    if (!kind)
        return invalid(QStringLiteral("Fault rule needs a kind: rate-limit, server-error, delay, drop, "
                                      "truncate or malformed"));
    rule.kind = *kind;
    rule.id = o.value(QStringLiteral("id")).toString();
    rule.service = o.value(QStringLiteral("service")).toString(QStringLiteral("*"));
    rule.method = o.value(QStringLiteral("method")).toString(QStringLiteral("*")).toUpper();
    rule.path = o.value(QStringLiteral("path")).toString(QStringLiteral("*"));
    rule.regex = o.value(QStringLiteral("regex")).toBool(false);
    const QJsonValue probability = o.value(QStringLiteral("probability"));
    if (!probability.isUndefined() && !probability.isDouble())
        return invalid(QStringLiteral("Fault probability must be a number between 0 and 1"));
    rule.probability = probability.toDouble(1.0);
    rule.count = o.value(QStringLiteral("count")).toInt(-1);
    rule.status = o.value(QStringLiteral("status")).toInt(rule.status);
    rule.delayMs = o.value(QStringLiteral("delay_ms")).toInt(rule.delayMs);
    rule.retryAfterSeconds = o.value(QStringLiteral("retry_after_seconds")).toInt(rule.retryAfterSeconds);
    if (const Status s = rule.validate(); !s.ok())
        return s.error();
    return rule;
}

Result<FaultRule> FaultRule::parseSpec(const QString& spec)
{
    const QStringList parts = spec.trimmed().split(QLatin1Char(':'));
    // The path may itself contain ':' (route parameters), so find the kind from the right: the
    // last field that names a kind and is followed by a probability.
    qsizetype kindIndex = -1;
    for (qsizetype i = parts.size() - 2; i >= 3; --i) {
        if (faultKindFromId(parts.at(i))) {
            kindIndex = i;
            break;
        }
    }
    if (parts.size() < 5 || kindIndex < 0)
        return invalid(QStringLiteral("Fault spec \"%1\" is not service:METHOD:path:kind:probability[:param]")
                           .arg(spec));
    FaultRule rule;
    rule.service = parts.at(0).trimmed();
    rule.method = parts.at(1).trimmed().toUpper();
    rule.path = parts.mid(2, kindIndex - 2).join(QLatin1Char(':'));
    if (rule.path.startsWith(QLatin1Char('~'))) {
        rule.regex = true;
        rule.path.remove(0, 1);
    }
    rule.kind = *faultKindFromId(parts.at(kindIndex));
    bool ok = false;
    rule.probability = parts.at(kindIndex + 1).toDouble(&ok);
    if (!ok)
        return invalid(
            QStringLiteral("Fault probability \"%1\" is not a number").arg(parts.at(kindIndex + 1)));
    for (qsizetype i = kindIndex + 2; i < parts.size(); ++i) {
        if (const Status s = applySpecParam(rule, parts.at(i)); !s.ok())
            return s.error();
    }
    if (const Status s = rule.validate(); !s.ok())
        return s.error();
    return rule;
}

Status FaultRule::validate() const
{
    if (service.isEmpty() || method.isEmpty() || path.isEmpty())
        return invalid(QStringLiteral("Fault rule needs a service, a method and a path (use * for any)"));
    if (!(probability >= 0.0 && probability <= 1.0))
        return invalid(QStringLiteral("Fault probability must be between 0 and 1"));
    if (count < -1)
        return invalid(QStringLiteral("Fault count must be -1 (unlimited) or more"));
    if (kind == FaultKind::ServerError && (status < 500 || status > 599))
        return invalid(QStringLiteral("Server-error status must be 500..599, not %1").arg(status));
    if (kind == FaultKind::Delay && (delayMs < 0 || delayMs > 600000))
        return invalid(QStringLiteral("Delay must be 0..600000 ms"));
    if (kind == FaultKind::RateLimit && (retryAfterSeconds < 0 || retryAfterSeconds > 86400))
        return invalid(QStringLiteral("Retry-After must be 0..86400 seconds"));
    if (const QRegularExpression rx = pathExpression(); !rx.isValid())
        return invalid(
            QStringLiteral("Fault path pattern \"%1\" is not valid: %2").arg(path, rx.errorString()));
    return {};
}

QRegularExpression FaultRule::pathExpression() const
{
    const QString body = regex ? path : globToRegex(path);
    return QRegularExpression(QRegularExpression::anchoredPattern(body));
}

bool FaultRule::matches(const QString& serviceId, const QByteArray& requestMethod,
                        const QString& requestPath) const
{
    if (service != QLatin1String("*") && service.compare(serviceId, Qt::CaseInsensitive) != 0)
        return false;
    if (method != QLatin1String("*") &&
        method.compare(QString::fromLatin1(requestMethod), Qt::CaseInsensitive) != 0)
        return false;
    return pathExpression().match(requestPath).hasMatch();
}

} // namespace AssetDesk::Sandbox
