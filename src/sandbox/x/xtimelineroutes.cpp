#include "sandbox/x/xtimelineroutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/x/xpostrenderer.h"
#include "sandbox/x/xpoststore.h"
#include "sandbox/x/xproblem.h"

#include <QRegularExpression>

#include <limits>
#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

HttpResponse invalid(const QString& parameter, const QString& value, const QString& message)
{
    return XProblem::invalidRequest(parameter, {value}, message);
}

std::optional<QDateTime> parseTime(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? std::optional<QDateTime>(t) : std::nullopt;
}

// Opaque to clients: 'n' (older page) or 'p' (newer page) and a post id in base 36.
QString token(char direction, const QString& id)
{
    return QLatin1Char(direction) + QString::number(id.toLongLong(), 36);
}

} // namespace

XTimelineRoutes::XTimelineRoutes(const XPostStore& posts, const XMediaStore& media, const SandboxClock& clock,
                                 const XDialect& dialect)
    : m_posts(posts)
    , m_media(media)
    , m_clock(clock)
    , m_dialect(dialect)
{}

void XTimelineRoutes::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/2/users/:id/tweets"), Access::App,
               [this](const SandboxRequest& r) { return list(r, Kind::Timeline); });
    router.add("GET", QStringLiteral("/2/users/:id/mentions"), Access::App,
               [this](const SandboxRequest& r) { return list(r, Kind::Mentions); });
    router.add("GET", QStringLiteral("/2/tweets/search/recent"), Access::App,
               [this](const SandboxRequest& r) { return list(r, Kind::Search); });
}

HttpResponse XTimelineRoutes::list(const SandboxRequest& request, Kind kind) const
{
    if (request.principal->kind == Principal::Kind::User &&
        !request.principal->hasScopes({QStringLiteral("tweet.read"), QStringLiteral("users.read")}))
        return XProblem::forbidden();
    if (kind == Kind::Search) {
        const QString query = request.queryValue(QStringLiteral("query"));
        if (query.trimmed().isEmpty() || query.size() > 512)
            return invalid(QStringLiteral("query"), query,
                           QStringLiteral("The `query` query parameter must be between 1 and 512 characters"));
        // The last 7 days, ending ~30 s before now unless end_time says otherwise (x.md §3).
        const QDateTime now = m_clock.now();
        QList<const XPost*> recent;
        for (const XPost* p : m_posts.all()) {
            if (p->createdAt >= now.addDays(-7) &&
                (request.hasQueryItem(QStringLiteral("end_time")) || p->createdAt <= now.addSecs(-30)))
                recent.append(p);
        }
        const auto found = search(recent, query, m_posts);
        if (!found)
            return invalid(QStringLiteral("query"), query, QStringLiteral("There were errors processing your request: empty query"));
        return page(request, *found, kind);
    }
    const QString id = request.param(QStringLiteral("id"));
    static const QRegularExpression numeric(QStringLiteral("^[0-9]{1,19}$"));
    if (!numeric.match(id).hasMatch())
        return invalid(QStringLiteral("id"), id,
                       QStringLiteral("The `id` query parameter value [%1] does not match ^[0-9]{1,19}$").arg(id));
    if (!m_posts.user(id)) {
        const QJsonObject problem{{QStringLiteral("value"), id},
                                  {QStringLiteral("detail"), QStringLiteral("Could not find user with id: [%1].").arg(id)},
                                  {QStringLiteral("title"), QStringLiteral("Not Found Error")},
                                  {QStringLiteral("resource_type"), QStringLiteral("user")},
                                  {QStringLiteral("parameter"), QStringLiteral("id")},
                                  {QStringLiteral("resource_id"), id},
                                  {QStringLiteral("type"), QStringLiteral("https://api.twitter.com/2/problems/resource-not-found")}};
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("errors"), QJsonArray{problem}}});
    }
    QList<const XPost*> posts = kind == Kind::Timeline ? m_posts.byAuthor(id) : m_posts.mentioning(id);
    const qsizetype cap = kind == Kind::Timeline ? 3200 : 800; // x.md §3
    if (posts.size() > cap)
        posts.resize(cap);
    return page(request, posts, kind);
}

HttpResponse XTimelineRoutes::page(const SandboxRequest& request, const QList<const XPost*>& all, Kind kind) const
{
    const int low = kind == Kind::Search ? 10 : 5;
    int max = 10;
    if (request.hasQueryItem(QStringLiteral("max_results"))) {
        bool ok = false;
        const QString text = request.queryValue(QStringLiteral("max_results"));
        max = text.toInt(&ok);
        if (!ok || max < low || max > 100)
            return invalid(QStringLiteral("max_results"), text,
                           QStringLiteral("The `max_results` query parameter value [%1] is not between %2 and 100").arg(text).arg(low));
    }
    qint64 sinceId = 0;
    qint64 untilId = std::numeric_limits<qint64>::max();
    for (const char* name : {"since_id", "until_id"}) {
        const QString key = QLatin1String(name);
        if (!request.hasQueryItem(key))
            continue;
        bool ok = false;
        const qint64 v = request.queryValue(key).toLongLong(&ok);
        if (!ok)
            return invalid(key, request.queryValue(key), QStringLiteral("The `%1` query parameter value is not a post id").arg(key));
        (key == QLatin1String("since_id") ? sinceId : untilId) = v;
    }
    std::optional<QDateTime> start;
    std::optional<QDateTime> end;
    for (const char* name : {"start_time", "end_time"}) {
        const QString key = QLatin1String(name);
        if (!request.hasQueryItem(key))
            continue;
        const auto t = parseTime(request.queryValue(key));
        if (!t)
            return invalid(key, request.queryValue(key),
                           QStringLiteral("The `%1` query parameter value [%2] is not a valid RFC 3339 date-time").arg(key, request.queryValue(key)));
        (key == QLatin1String("start_time") ? start : end) = t;
    }
    QStringList exclude;
    if (request.hasQueryItem(QStringLiteral("exclude"))) {
        exclude = request.queryValue(QStringLiteral("exclude")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& e : std::as_const(exclude)) {
            if (kind != Kind::Timeline || (e != QLatin1String("replies") && e != QLatin1String("retweets")))
                return invalid(QStringLiteral("exclude"), e,
                               QStringLiteral("The `exclude` query parameter value [%1] is not one of [replies,retweets]").arg(e));
        }
    }
    HttpResponse refusal;
    const auto selection = XFieldSelection::parse(request, m_dialect, &refusal);
    if (!selection)
        return refusal;

    QList<const XPost*> posts;
    for (const XPost* p : all) {
        const qint64 id = p->id.toLongLong();
        if (id <= sinceId || id >= untilId || (start && p->createdAt < *start) || (end && p->createdAt >= *end) ||
            (exclude.contains(QStringLiteral("replies")) && !p->inReplyToId.isEmpty()))
            continue;
        posts.append(p);
    }
    // Recent search names its token next_token and accepts pagination_token too (x.md §6).
    QString tokenParam = QStringLiteral("pagination_token");
    if (kind == Kind::Search && request.hasQueryItem(QStringLiteral("next_token")))
        tokenParam = QStringLiteral("next_token");
    qsizetype first = 0;
    if (request.hasQueryItem(tokenParam)) {
        const QString t = request.queryValue(tokenParam);
        bool ok = false;
        const qint64 at = t.mid(1).toLongLong(&ok, 36);
        if (!ok || (!t.startsWith(QLatin1Char('n')) && !t.startsWith(QLatin1Char('p'))))
            return invalid(tokenParam, t, QStringLiteral("The `%1` query parameter value [%2] is not valid").arg(tokenParam, t));
        while (first < posts.size() && posts.at(first)->id.toLongLong() > at)
            ++first;
        if (t.startsWith(QLatin1Char('p'))) // the page before the one that started at `at`
            first = std::max<qsizetype>(0, first - max);
    }
    const QList<const XPost*> shown = posts.mid(first, max);
    XPostRenderer renderer(m_posts, m_media, *selection, *request.principal, m_clock.now());
    QJsonObject out = renderer.response(shown, false);
    QJsonObject meta{{QStringLiteral("result_count"), int(shown.size())}};
    if (!shown.isEmpty()) {
        meta.insert(QStringLiteral("newest_id"), shown.first()->id);
        meta.insert(QStringLiteral("oldest_id"), shown.last()->id);
    }
    if (first + max < posts.size())
        meta.insert(QStringLiteral("next_token"), token('n', posts.at(first + max)->id));
    if (first > 0 && !shown.isEmpty() && kind != Kind::Search)
        meta.insert(QStringLiteral("previous_token"), token('p', shown.first()->id));
    out.insert(QStringLiteral("meta"), meta);
    return HttpResponse::json(200, out);
}

std::optional<QList<const XPost*>> XTimelineRoutes::search(const QList<const XPost*>& all, const QString& query,
                                                           const XPostStore& store)
{
    static const QRegularExpression terms(QStringLiteral("(-?)(\"[^\"]*\"|\\S+)"));
    struct Term
    {
        bool negated;
        QString text;
    };
    QList<Term> wanted;
    auto it = terms.globalMatch(query);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString t = m.captured(2);
        if (t.size() >= 2 && t.startsWith(QLatin1Char('"')))
            t = t.mid(1, t.size() - 2);
        if (!t.isEmpty() && t != QLatin1String("OR"))
            wanted.append({!m.captured(1).isEmpty(), t});
    }
    if (wanted.isEmpty())
        return std::nullopt;
    QList<const XPost*> out;
    for (const XPost* p : all) {
        bool match = true;
        for (const Term& t : std::as_const(wanted)) {
            bool hit = false;
            if (t.text.startsWith(QLatin1String("from:"))) {
                const XUser* u = store.userByUsername(t.text.mid(5));
                hit = u && u->id == p->authorId;
            } else if (t.text == QLatin1String("is:reply")) {
                hit = !p->inReplyToId.isEmpty();
            } else if (t.text.startsWith(QLatin1String("is:")) || t.text.startsWith(QLatin1String("has:")) ||
                       t.text.startsWith(QLatin1String("lang:"))) {
                hit = !t.negated; // other operators do not narrow sandbox posts (no retweets)
            } else {
                hit = p->text.contains(t.text, Qt::CaseInsensitive);
            }
            if (hit == t.negated) {
                match = false;
                break;
            }
        }
        if (match)
            out.append(p);
    }
    return out;
}

} // namespace AssetDesk::Sandbox
