#pragma once

#include "core/cachefolder.h"
#include "core/casenote.h"
#include "core/result.h"
#include "core/ticketattachment.h"

#include <QObject>
#include <QString>

#include <functional>

namespace AssetDesk {

class ConnectorPool;
class ServiceConnector;

// The files attached to Zendesk ticket comments and Dynamics case notes, fetched when an agent
// asks to open one, into a folder of their own: <folder>/<account id>/<attachment id>/<file
// name>. The id and the file name come from the service and are made safe as one path
// component each (DamText::safeFileName: no "../", separators or control characters), so the
// folder is the only place a fetch can write to.
//
// A file already fetched (same attachment, same size) is reused: attachments never change, and an
// agent reopening one should not wait. Each file is written through QSaveFile, off the GUI and
// network threads, so a crash leaves no half file under its final name.
//
// The folder is a cache: after each download, files not opened for kMaxAgeDays and the least
// recently opened beyond kMaxBytes are removed (CacheFolder), on the same worker thread. Opening a
// kept file again marks it used.
//
// Lives on the GUI thread; `done` runs there, never after this object is gone.
class AttachmentFiles : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<QString>)>; // the file's local path
    using Reply = std::function<void(Result<QByteArray>)>;

    static constexpr qint64 kMaxBytes = 2LL * 1024 * 1024 * 1024;
    static constexpr qint64 kMaxAgeDays = 30;

    AttachmentFiles(ConnectorPool& pool, QString folder, QObject* parent = nullptr);
    AttachmentFiles(ConnectorPool& pool, QString folder, CacheFolder::Policy policy,
                    QObject* parent = nullptr);

    // <cache>/attachments: fetched files can always be fetched again.
    static QString defaultFolder();

    // From the attachment's content_url (zendesk.md §4).
    void fetchTicketAttachment(qint64 accountId, const TicketAttachment& attachment, Done done);
    // From the note's documentbody (dynamics.md §11), which the sync never downloads.
    void fetchCaseNoteFile(const CaseNote& note, Done done);

    QString ticketAttachmentPath(qint64 accountId, const TicketAttachment& attachment) const;
    QString caseNotePath(const CaseNote& note) const;

private:
    // Runs `download` with the account's connector on the pool's thread; it answers through `reply`.
    using Download = std::function<void(ServiceConnector* connector, Reply reply)>;

    QString pathFor(qint64 accountId, const QString& id, const QString& fileName) const;
    void fetch(qint64 accountId, const QString& path, qint64 size, Download download, Done done);
    void store(const QString& path, Result<QByteArray> bytes, Done done);

    ConnectorPool& m_pool;
    QString m_folder;
    CacheFolder::Policy m_policy;
};

} // namespace AssetDesk
