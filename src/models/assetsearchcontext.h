#pragma once

#include "core/supportcase.h"
#include "core/ticket.h"

#include <QStringList>

namespace AssetDesk {

// The words a library search "in context" (ZP1) starts from: for a ticket its organization, the
// product words of its subject and its descriptive tags; for a case its customer and the words
// of its title. Most telling first - the library drops terms from the end when nothing matches
// them all. Workflow tags (media_request, urgent, press, vip, …) and common words are left out:
// they describe the ticket, not the assets wanted.
class AssetSearchContext
{
public:
    static QStringList forTicket(const Ticket& ticket);
    static QStringList forCase(const SupportCase& supportCase);
    // The content words of a text: lower case, at least three letters, no stop words, in order.
    static QStringList words(const QString& text);
    static bool isWorkflowTag(const QString& tag);
};

} // namespace AssetDesk
