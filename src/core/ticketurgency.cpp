#include "core/ticketurgency.h"

#include <QRegularExpression>

#include <algorithm>

#include <tuple>

namespace AssetDesk {

namespace {
bool hasTagWord(const QString& tag, QLatin1StringView word)
{
    // Tags are single tokens; words inside them are joined by '_' or '-'.
    static const QRegularExpression separators(QStringLiteral("[_\\-]"));
    const QStringList words = tag.toLower().split(separators, Qt::SkipEmptyParts);
    return words.contains(QString(word));
}

bool anyTag(const QStringList& tags, bool (*test)(const QString&))
{
    return std::any_of(tags.begin(), tags.end(), test);
}
} // namespace

int TicketUrgency::priorityRank(const QString& priority)
{
    const QString p = priority.toLower();
    if (p == QLatin1String("urgent"))
        return 4;
    if (p == QLatin1String("high"))
        return 3;
    if (p == QLatin1String("normal"))
        return 2;
    if (p == QLatin1String("low"))
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

bool TicketUrgency::fulfilmentBefore(const Ticket& a, const Ticket& b)
{
    // Larger is more pressing, so those keys are negated; the oldest update waits longest.
    const auto key = [](const Ticket& t) {
        return std::make_tuple(!isUrgent(t), -priorityRank(t.priority), !anyTag(t.tags, &isExecutiveTag),
                               t.updatedAt.isValid() ? t.updatedAt.toMSecsSinceEpoch() : 0, t.id);
    };
    return key(a) < key(b);
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
