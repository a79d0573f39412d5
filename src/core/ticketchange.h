#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace AssetDesk {

// What an agent changes on a ticket's fields: only the fields that are set are sent, as absolute
// values (so sending it twice changes nothing more). `updatedStamp`, when valid, is the ticket's
// updated time as the agent saw it: the service refuses the change if someone changed the ticket
// since (Zendesk's safe_update), instead of overwriting their tags or status.
struct TicketChange
{
    std::optional<QStringList> tags;
    std::optional<QString> priority; // "" clears it (null)
    std::optional<QString> status;
    QDateTime updatedStamp;

    bool isEmpty() const { return !tags && !priority && !status; }
    bool operator==(const TicketChange&) const = default;
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::TicketChange)
