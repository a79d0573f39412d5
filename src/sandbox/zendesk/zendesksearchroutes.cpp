#include "sandbox/zendesk/zendesksearchroutes.h"

#include "sandbox/router.h"
#include "sandbox/sandboxrequest.h"
#include "sandbox/zendesk/zendeskjson.h"
#include "sandbox/zendesk/zendeskmodule.h"
#include "sandbox/zendesk/zendeskpaging.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <functional>
#include <vector>

namespace AssetDesk::Sandbox {

namespace {

using TicketTest = std::function<bool(const ZendeskTicket&)>;

struct Query
{
    QString type; // empty: all
    std::vector<TicketTest> tickets;
    QStringList words;
    QString error;
};

int statusRank(const QString& s)
{
    static const QStringList order{QStringLiteral("new"), QStringLiteral("open"), QStringLiteral("pending"),
                                   QStringLiteral("hold"), QStringLiteral("solved"), QStringLiteral("closed")};
    return int(order.indexOf(s));
}

int priorityRank(const QString& p)
{
    static const QStringList order{QString(), QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high"),
                                   QStringLiteral("urgent")};
    return int(order.indexOf(p));
}

bool compare(qint64 a, const QString& op, qint64 b)
{
    if (op == QLatin1String("<"))
        return a < b;
    if (op == QLatin1String(">"))
        return a > b;
    if (op == QLatin1String("<="))
        return a <= b;
    if (op == QLatin1String(">="))
        return a >= b;
    return a == b;
}

Query parse(const QString& text, const ZendeskDirectory& directory)
{
    Query q;
    static const QRegularExpression field(QStringLiteral("^([a-z_]+)(:|<=|>=|<|>)(.*)$"));
    for (const QString& term : ZendeskSearchRoutes::terms(text)) {
        const QRegularExpressionMatch m = field.match(term);
        if (!m.hasMatch()) {
            q.words << term.toLower();
            continue;
        }
        const QString key = m.captured(1);
        const QString op = m.captured(2);
        const QString value = m.captured(3);
        const QString lower = value.toLower();
        auto userId = [&](const QString& v) -> qint64 {
            bool ok = false;
            const qint64 id = v.toLongLong(&ok);
            if (ok)
                return id;
            for (const ZendeskUser& u : directory.users()) {
                if (u.email.compare(v, Qt::CaseInsensitive) == 0 || u.name.compare(v, Qt::CaseInsensitive) == 0)
                    return u.id;
            }
            return -1;
        };
        if (key == QLatin1String("type")) {
            q.type = lower;
        } else if (key == QLatin1String("status")) {
            const int rank = statusRank(lower);
            if (rank < 0)
                q.error = QStringLiteral("Unknown status: %1").arg(value);
            q.tickets.push_back([rank, op](const ZendeskTicket& t) { return compare(statusRank(t.status), op, rank); });
        } else if (key == QLatin1String("priority")) {
            const int rank = lower == QLatin1String("none") ? 0 : priorityRank(lower);
            if (rank < 0)
                q.error = QStringLiteral("Unknown priority: %1").arg(value);
            q.tickets.push_back([rank, op](const ZendeskTicket& t) { return compare(priorityRank(t.priority), op, rank); });
        } else if (key == QLatin1String("tags") || key == QLatin1String("tag")) {
            q.tickets.push_back([lower](const ZendeskTicket& t) { return t.tags.contains(lower); });
        } else if (key == QLatin1String("organization")) {
            bool ok = false;
            qint64 id = value.toLongLong(&ok);
            if (!ok) {
                const ZendeskOrganization* o = directory.organizationByName(value);
                id = lower == QLatin1String("none") ? 0 : (o ? o->id : -1);
            }
            q.tickets.push_back([id](const ZendeskTicket& t) { return t.organizationId == id; });
        } else if (key == QLatin1String("requester")) {
            const qint64 id = userId(value);
            q.tickets.push_back([id](const ZendeskTicket& t) { return t.requesterId == id; });
        } else if (key == QLatin1String("assignee")) {
            const qint64 id = lower == QLatin1String("none") ? 0 : userId(value);
            q.tickets.push_back([id](const ZendeskTicket& t) { return t.assigneeId == id; });
        } else if (key == QLatin1String("group")) {
            bool ok = false;
            qint64 id = value.toLongLong(&ok);
            if (!ok) {
                id = -1;
                for (const ZendeskGroup& g : directory.groups()) {
                    if (g.name.compare(value, Qt::CaseInsensitive) == 0)
                        id = g.id;
                }
            }
            q.tickets.push_back([id](const ZendeskTicket& t) { return t.groupId == id; });
        } else if (key == QLatin1String("subject")) {
            q.tickets.push_back([lower](const ZendeskTicket& t) { return t.subject.toLower().contains(lower); });
        } else if (key == QLatin1String("created") || key == QLatin1String("updated")) {
            const QDate day = QDate::fromString(value, Qt::ISODate);
            if (!day.isValid())
                q.error = QStringLiteral("Invalid date: %1").arg(value);
            const qint64 dayMs = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
            const bool created = key == QLatin1String("created");
            q.tickets.push_back([dayMs, op, created](const ZendeskTicket& t) {
                const qint64 ms = created ? t.createdAt.toMSecsSinceEpoch() : t.updatedMs;
                // A day compares as a whole: "created:2025-03-01" is any time that day.
                const qint64 dayOf = ms - ((ms - dayMs) % 86400000 + 86400000) % 86400000;
                return compare(dayOf, op, dayMs);
            });
        } else {
            q.words << term.toLower();
        }
        if (q.type.isEmpty() && !q.tickets.empty())
            q.type = QStringLiteral("ticket");
    }
    return q;
}

bool containsAll(const QString& haystack, const QStringList& words)
{
    for (const QString& w : words) {
        if (!haystack.contains(w))
            return false;
    }
    return true;
}

} // namespace

ZendeskSearchRoutes::ZendeskSearchRoutes(ZendeskModule& module)
    : m_module(module)
{}

void ZendeskSearchRoutes::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/api/v2/search"), Access::User, [this](const SandboxRequest& r) { return search(r); });
    router.add("GET", QStringLiteral("/api/v2/search/count"), Access::User, [this](const SandboxRequest& r) { return count(r); });
}

QStringList ZendeskSearchRoutes::terms(const QString& query)
{
    QStringList out;
    QString current;
    bool quoted = false;
    for (const QChar c : query) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            continue;
        }
        if (c.isSpace() && !quoted) {
            if (!current.isEmpty())
                out << current;
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

namespace {

struct Hit
{
    QString type;
    qint64 key = 0;
    qint64 id = 0;
};

std::variant<std::vector<Hit>, HttpResponse> run(const ZendeskModule& module, const SandboxRequest& request)
{
    const QString text = request.queryValue(QStringLiteral("query"));
    if (text.trimmed().isEmpty())
        return HttpResponse::json(400, QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid")},
                                                   {QStringLiteral("description"), QStringLiteral("query is required")}});
    const Query q = parse(text, module.directory());
    if (!q.error.isEmpty())
        return HttpResponse::json(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid")},
                                                   {QStringLiteral("description"), QStringLiteral("Invalid search: %1").arg(q.error)}});
    const QString sortBy = request.queryValue(QStringLiteral("sort_by"));
    std::vector<Hit> hits;
    if (q.type.isEmpty() || q.type == QLatin1String("ticket")) {
        const ZendeskTicketStore& store = module.store();
        const bool needText = !q.words.isEmpty();
        for (qint64 id = 1; id <= store.maxId(); ++id) {
            if (store.isDeleted(id))
                continue;
            const auto t = store.find(id, needText);
            bool ok = std::all_of(q.tickets.begin(), q.tickets.end(), [&](const TicketTest& test) { return test(*t); });
            if (ok && needText)
                ok = containsAll(t->subject.toLower() + QLatin1Char(' ') + t->description.toLower() + QLatin1Char(' ') +
                                     t->tags.join(QLatin1Char(' ')),
                                 q.words);
            if (!ok)
                continue;
            qint64 key = t->updatedMs;
            if (sortBy == QLatin1String("created_at"))
                key = t->createdAt.toMSecsSinceEpoch();
            else if (sortBy == QLatin1String("priority"))
                key = priorityRank(t->priority);
            else if (sortBy == QLatin1String("status"))
                key = statusRank(t->status);
            hits.push_back({QStringLiteral("ticket"), key, id});
        }
        const bool ascending = request.queryValue(QStringLiteral("sort_order")) == QLatin1String("asc");
        std::stable_sort(hits.begin(), hits.end(), [ascending](const Hit& a, const Hit& b) {
            return ascending ? std::pair{a.key, a.id} < std::pair{b.key, b.id} : std::pair{a.key, -a.id} > std::pair{b.key, -b.id};
        });
    }
    if (q.type.isEmpty() || q.type == QLatin1String("user")) {
        for (const ZendeskUser& u : module.directory().users()) {
            if (containsAll(u.name.toLower() + QLatin1Char(' ') + u.email.toLower(), q.words))
                hits.push_back({QStringLiteral("user"), 0, u.id});
        }
    }
    if (q.type.isEmpty() || q.type == QLatin1String("organization")) {
        for (const ZendeskOrganization& o : module.directory().organizations()) {
            if (containsAll(o.name.toLower() + QLatin1Char(' ') + o.tags.join(QLatin1Char(' ')), q.words))
                hits.push_back({QStringLiteral("organization"), 0, o.id});
        }
    }
    if (q.type == QLatin1String("group")) {
        for (const ZendeskGroup& g : module.directory().groups()) {
            if (containsAll(g.name.toLower(), q.words))
                hits.push_back({QStringLiteral("group"), 0, g.id});
        }
    }
    return hits;
}

} // namespace

HttpResponse ZendeskSearchRoutes::search(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    const auto parsed = ZendeskPaging::parse(request);
    if (const auto* error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const auto* offset = std::get_if<ZendeskPaging::Offset>(&std::get<ZendeskPaging::Request>(parsed));
    if (!offset)
        return ZendeskPaging::badRequest(QStringLiteral("Search supports offset pagination only; use /api/v2/search/export"));
    if (offset->offset() + offset->perPage > kResultLimit)
        return HttpResponse::json(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid")},
                                                   {QStringLiteral("description"),
                                                    QStringLiteral("Invalid search: Requested response size was greater "
                                                                   "than Search Response Limits")}});
    const auto ran = run(m_module, request);
    if (const auto* error = std::get_if<HttpResponse>(&ran))
        return *error;
    const std::vector<Hit>& hits = std::get<std::vector<Hit>>(ran);
    const ZendeskJson json = m_module.json();
    QJsonArray results;
    for (qint64 i = offset->offset(); i < std::min<qint64>(offset->offset() + offset->perPage, qint64(hits.size())); ++i) {
        const Hit& h = hits.at(size_t(i));
        QJsonObject o;
        if (h.type == QLatin1String("ticket"))
            o = json.ticket(*m_module.store().find(h.id));
        else if (h.type == QLatin1String("user"))
            o = m_module.userObject(*m_module.directory().user(h.id));
        else if (h.type == QLatin1String("organization"))
            o = json.organization(*m_module.directory().organization(h.id));
        else
            o = json.group(*m_module.directory().group(h.id));
        o.insert(QStringLiteral("result_type"), h.type);
        results.append(o);
    }
    QJsonObject body{{QStringLiteral("results"), results}, {QStringLiteral("facets"), QJsonValue()}};
    ZendeskPaging::addOffsetMeta(body, m_module.requestUrl(request), *offset, qint64(hits.size()));
    if (offset->offset() + 2 * offset->perPage > kResultLimit)
        body.insert(QStringLiteral("next_page"), QJsonValue());
    return HttpResponse::json(200, body);
}

HttpResponse ZendeskSearchRoutes::count(const SandboxRequest& request) const
{
    if (auto denied = m_module.requireScope(request, QStringLiteral("tickets"), false))
        return *denied;
    const auto ran = run(m_module, request);
    if (const auto* error = std::get_if<HttpResponse>(&ran))
        return *error;
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("count"), qint64(std::get<std::vector<Hit>>(ran).size())}});
}

} // namespace AssetDesk::Sandbox
