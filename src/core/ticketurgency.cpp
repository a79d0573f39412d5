#include "core/ticketurgency.h"

#include <algorithm>

namespace AssetDesk {

namespace {
// Runs for every comparison of a sort (hundreds of thousands for a large queue), so it
// allocates nothing: a tag's words are compared in place.
bool hasTagWord(const QString& tag, QLatin1StringView word)
{
    // Tags are single tokens; words inside them are joined by '_' or '-'.
    qsizetype start = 0;
    for (qsizetype i = 0; i <= tag.size(); ++i) {
        if (i < tag.size() && tag.at(i) != u'_' && tag.at(i) != u'-')
            continue;
        if (QStringView(tag).mid(start, i - start).compare(word, Qt::CaseInsensitive) == 0)
            return true;
        start = i + 1;
    }
    return false;
}

bool anyTag(const QStringList& tags, bool (*test)(const QString&))
{
    return std::any_of(tags.begin(), tags.end(), test);
}
} // namespace

int TicketUrgency::priorityRank(const QString& priority)
{
    // Compared in place: this runs for every comparison of a sort.
    const auto is = [&priority](const char* name) {
        return priority.compare(QLatin1StringView(name), Qt::CaseInsensitive) == 0;
    };
    if (is("urgent"))
        return 4;
    if (is("high"))
        return 3;
    if (is("normal"))
        return 2;
    if (is("low"))
        return 1;
    return 0;
}

bool TicketUrgency::isPressTag(const QString& tag)
{
    return hasTagWord(tag, QLatin1StringView("press"));
}

bool TicketUrgency::isExecutiveTag(const QString& tag)
{
    return hasTagWord(tag, QLatin1StringView("executive")) || hasTagWord(tag, QLatin1StringView("vip"));
}

bool TicketUrgency::isUrgent(const Ticket& ticket)
{
    return priorityRank(ticket.priority) == 4 || anyTag(ticket.tags, &isPressTag);
}

QString TicketUrgency::priorityText(const QString& priority)
{
    switch (priorityRank(priority)) {
    case 4: return tr("Urgent");
    case 3: return tr("High");
    case 2: return tr("Normal");
    case 1: return tr("Low");
    default: return priority;
    }
}

QString TicketUrgency::statusText(const QString& status)
{
    const QString s = status.toLower();
    if (s == QLatin1String("new"))
        return tr("New");
    if (s == QLatin1String("open"))
        return tr("Open");
    if (s == QLatin1String("pending"))
        return tr("Pending");
    if (s == QLatin1String("hold"))
        return tr("On hold");
    if (s == QLatin1String("solved"))
        return tr("Solved");
    if (s == QLatin1String("closed"))
        return tr("Closed");
    return status;
}

TicketUrgency::FulfilmentKey TicketUrgency::fulfilmentKey(const Ticket& t)
{
    // Larger is more pressing, so those keys are negated; the oldest update waits longest.
    return {!isUrgent(t), -priorityRank(t.priority), !anyTag(t.tags, &isExecutiveTag),
            t.updatedAt.isValid() ? t.updatedAt.toMSecsSinceEpoch() : 0, t.id};
}

bool TicketUrgency::fulfilmentBefore(const Ticket& a, const Ticket& b)
{
    return fulfilmentKey(a) < fulfilmentKey(b);
}

void TicketUrgency::sortForFulfilment(QList<Ticket>& tickets)
{
    // Each ticket's key once, not once per comparison.
    QList<std::pair<FulfilmentKey, qsizetype>> keys;
    keys.reserve(tickets.size());
    for (qsizetype i = 0; i < tickets.size(); ++i)
        keys.append({fulfilmentKey(tickets.at(i)), i});
    std::sort(keys.begin(), keys.end());
    QList<Ticket> sorted;
    sorted.reserve(tickets.size());
    for (const auto& key : std::as_const(keys))
        sorted.append(std::move(tickets[key.second]));
    tickets = std::move(sorted);
}

bool TicketUrgency::recentBefore(const Ticket& a, const Ticket& b)
{
    const qint64 ta = a.updatedAt.isValid() ? a.updatedAt.toMSecsSinceEpoch() : 0;
    const qint64 tb = b.updatedAt.isValid() ? b.updatedAt.toMSecsSinceEpoch() : 0;
    if (ta != tb)
        return ta > tb;
    return a.id > b.id;
}

} // namespace AssetDesk
