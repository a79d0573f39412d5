#pragma once

#include "sandbox/faultinjector.h"
#include "sandbox/httpresponse.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace AssetDesk::Sandbox {

struct SandboxRequest;

// What the sandbox saw of one request and what it answered.
struct JournalEntry
{
    quint64 sequence = 0;
    QDateTime time; // sandbox clock at arrival
    QString service;
    QByteArray method;
    QString pathAndQuery; // as received (percent-encoded)
    HeaderList headers;   // every request header, as sent
    qint64 bodySize = 0;
    QByteArray bodySha256; // hex of the whole body
    QByteArray body;       // the first kBodyCap bytes
    bool bodyTruncated = false;
    bool completed = false; // an answer was given, or the connection was dropped
    int status = 0;         // 0: no HTTP response (dropped, client gone, still pending)
    std::optional<AppliedFault> fault;
    QString principal; // subject id the request authenticated as, if any
    qint64 durationMs = 0;

    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    // Body as "body" (UTF-8 text) or "body_base64" when it is not valid UTF-8.
    QJsonObject toJson() const;
};

// Every request each service module received, in order, readable in process and through
// GET /admin/journal. Bounded: beyond `capacity` entries the oldest are discarded (sequence
// numbers keep counting). Server thread only.
class RequestJournal : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kBodyCap = 64 * 1024;

    explicit RequestJournal(qsizetype capacity = 20000, QObject* parent = nullptr);

    // Records the arrival and returns the new sequence number.
    quint64 record(const SandboxRequest& request);
    void complete(quint64 sequence, int status, const std::optional<AppliedFault>& fault,
                  const QString& principal = {}, qint64 durationMs = 0);

    // Entries with sequence > since, optionally for one service, oldest first, at most `limit`
    // (the newest ones when limited; -1 = all).
    QList<JournalEntry> entries(const QString& service = {}, quint64 since = 0, int limit = -1) const;
    std::optional<JournalEntry> entry(quint64 sequence) const;
    quint64 lastSequence() const { return m_nextSequence - 1; }
    void clear();

signals:
    void entryCompleted(quint64 sequence);

private:
    JournalEntry* find(quint64 sequence);

    qsizetype m_capacity;
    quint64 m_nextSequence = 1;
    QList<JournalEntry> m_entries; // ascending sequence
};

} // namespace AssetDesk::Sandbox
