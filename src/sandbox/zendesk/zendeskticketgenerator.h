#pragma once

#include "sandbox/zendesk/zendeskticket.h"

#include <QByteArray>
#include <QList>

namespace AssetDesk::Sandbox {

class ZendeskDirectory;

// The seeded tickets, computed on demand from (seed, ticket id) so that 100,000 of them cost
// nothing until asked for: ticket id N (1..size) is created N steps after 2025-01-01, so ids and
// creation times rise together. Kinds: ~30% media requests, ~10% urgent press requests, ~15%
// access problems (naming a DAM campaign's PhotoShelter gallery), the rest general support.
// Every ticket has 1..4 comments (the first is the description; public replies and private notes
// follow), some with attachments (PNG screenshots, text briefs); every 23rd ticket's first comment
// carries hostile markup (<img src=http://...>, <script>) in html_body while body stays plain.
class ZendeskTicketGenerator
{
public:
    // Ids of generated comments and attachments encode their ticket, so they can be found again.
    static constexpr qint64 kCommentIdBase = 900000000000;
    static constexpr qint64 kAttachmentIdBase = 800000000000;
    static constexpr int kMaxComments = 8;    // per generated ticket (id space)
    static constexpr int kMaxAttachments = 4; // per generated comment (id space)

    ZendeskTicketGenerator() = default;
    ZendeskTicketGenerator(quint64 seed, qint64 size, const ZendeskDirectory* directory);

    qint64 size() const { return m_size; }
    // The seeded ticket (1 <= id <= size); `withText` false leaves description empty (cheaper).
    ZendeskTicket ticket(qint64 id, bool withText = true) const;
    // Its updated_at in ms without building the rest (the incremental index).
    qint64 updatedMs(qint64 id) const;
    QList<ZendeskComment> comments(const ZendeskTicket& ticket) const;

    // The bytes of a generated attachment, or empty when `attachmentId` is not one.
    QByteArray attachmentBytes(qint64 attachmentId) const;
    // The generated attachment with this id (its ticket decoded from the id), or id 0.
    ZendeskAttachment attachment(qint64 attachmentId) const;

    static QString kindTag(ZendeskTicketKind kind);

private:
    quint64 draw(qint64 id, quint64 salt) const;
    ZendeskAttachment makeAttachment(qint64 id, const QString& fileName, const ZendeskTicket& ticket) const;
    static QByteArray renderBytes(const ZendeskAttachment& a, quint64 draw, const QString& text);

    quint64 m_key = 0;
    qint64 m_size = 0;
    const ZendeskDirectory* m_directory = nullptr;
};

} // namespace AssetDesk::Sandbox
