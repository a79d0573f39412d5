#pragma once

#include "sandbox/zendesk/zendeskticket.h"
#include "sandbox/zendesk/zendeskticketgenerator.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace AssetDesk::Sandbox {

class ZendeskDirectory;

// Uploaded files waiting for a comment (POST /api/v2/uploads): one token, one or more files.
struct ZendeskUpload
{
    QString token;
    qint64 createdMs = 0;
    QList<qint64> attachmentIds;
};

// The tickets of the demo account: the generated ones (ZendeskTicketGenerator, ids 1..size)
// plus an overlay of what changed while the sandbox ran (updates through the API or the admin
// hooks, deletions, new tickets with ids after the generated ones), the comments added to them,
// uploads and their bytes. The incremental export reads tickets in (updated_at, id) order: an
// index of the generated tickets' update times is built on first use (100,000 tickets: a few
// ms), changed ones are kept ordered in a set. Server thread only.
class ZendeskTicketStore
{
public:
    static constexpr qint64 kUploadLifetimeMs = 3LL * 24 * 3600 * 1000; // zendesk.md §4: 3 days

    void seed(quint64 seed, qint64 size, const ZendeskDirectory* directory);

    const ZendeskTicketGenerator& generator() const { return m_generator; }
    qint64 maxId() const { return m_nextTicketId - 1; }
    // The ticket (deleted ones too, with deleted = true), or nullopt when the id never existed.
    std::optional<ZendeskTicket> find(qint64 id, bool withText = true) const;
    std::optional<ZendeskTicket> findActive(qint64 id, bool withText = true) const;
    bool isDeleted(qint64 id) const;

    // Up to `limit` active tickets with ids after `afterId` (ascending) or before `beforeId`
    // (the ones just below it, returned ascending) that pass `filter`; `more` says whether
    // another exists beyond the last one scanned.
    using Filter = std::function<bool(const ZendeskTicket&)>;
    QList<ZendeskTicket> scan(qint64 afterId, std::optional<qint64> beforeId, int limit, const Filter& filter,
                              bool* more, bool withText = false) const;
    // Every active ticket passing `filter`, ascending ids: how many, and the ids of [offset, offset+limit).
    qint64 collect(const Filter& filter, qint64 offset, int limit, QList<qint64>* ids, bool withText) const;

    // Incremental export: tickets (deleted ones included unless excluded) in (updatedMs, id)
    // order strictly after `after` and with updatedMs < `untilMs`.
    QList<ZendeskTicket> changedSince(std::pair<qint64, qint64> after, qint64 untilMs, int limit, bool excludeDeleted,
                                      bool* more) const;

    // Changes; each one gets an updated time strictly after the previous change and >= nowMs.
    qint64 nextChangeMs(qint64 nowMs);
    void put(const ZendeskTicket& ticket); // stores a changed or new ticket (updatedMs already set)
    qint64 newTicketId() { return m_nextTicketId++; }
    bool remove(qint64 id, qint64 nowMs);

    QList<ZendeskComment> comments(qint64 ticketId) const;
    qint64 addComment(ZendeskComment comment); // assigns the id
    // How many tickets the overlay holds (changed, added or deleted).
    qsizetype changedCount() const { return m_changed.size(); }

    // Uploads.
    ZendeskAttachment storeUploadedFile(const QString& fileName, const QString& contentType, const QByteArray& bytes);
    void setImageSize(qint64 attachmentId, int width, int height);
    ZendeskUpload& upload(const QString& token, qint64 nowMs); // creates when empty token
    const ZendeskUpload* findUpload(const QString& token, qint64 nowMs) const; // nullptr when unknown or expired
    bool removeUpload(const QString& token);
    // Consumes the uploads (they become the comment's attachments).
    QList<ZendeskAttachment> consumeUploads(const QStringList& tokens);
    const QHash<QString, ZendeskUpload>& uploads() const { return m_uploads; }

    // Any attachment (generated or uploaded) and its bytes.
    std::optional<ZendeskAttachment> attachment(qint64 id) const;
    QByteArray attachmentBytes(qint64 id) const;
    // The capability token in content URLs: the id plus a check value, so ids cannot be guessed.
    QString contentToken(qint64 attachmentId) const;
    qint64 attachmentIdFromToken(const QString& token) const; // 0 when invalid

private:
    void ensureIndex() const;

    quint64 m_key = 0;
    ZendeskTicketGenerator m_generator;
    qint64 m_nextTicketId = 1;
    qint64 m_nextCommentId = 950000000000;
    qint64 m_nextAttachmentId = 850000000000;
    qint64 m_lastChangeMs = 0;
    quint64 m_tokenCounter = 0;
    QHash<qint64, ZendeskTicket> m_changed;
    std::set<std::pair<qint64, qint64>> m_changedOrder;
    QHash<qint64, QList<ZendeskComment>> m_addedComments;
    struct StoredFile
    {
        ZendeskAttachment meta;
        QByteArray bytes;
    };
    QHash<qint64, StoredFile> m_files;
    QHash<QString, ZendeskUpload> m_uploads;
    mutable std::vector<std::pair<qint64, qint64>> m_baseOrder; // (updatedMs, id) of generated tickets
};

} // namespace AssetDesk::Sandbox
