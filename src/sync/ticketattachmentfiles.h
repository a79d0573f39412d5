#pragma once

#include "core/result.h"
#include "core/ticketattachment.h"

#include <QObject>
#include <QString>

#include <functional>

namespace AssetDesk {

class ConnectorPool;

// The files of Zendesk ticket attachments, fetched when an agent asks to open one, into a folder
// of their own: <folder>/<account id>/<attachment id>/<file name>. The file name is Zendesk's,
// made safe as one path component (DamText::safeFileName: no "../", separators or control
// characters), so the folder is the only place a fetch can write to.
//
// A file already fetched (same attachment, same size) is reused: attachments never change, and an
// agent reopening one should not wait. Each file is written through QSaveFile, off the GUI and
// network threads, so a crash leaves no half file under its final name.
//
// Lives on the GUI thread; `done` runs there, never after this object is gone.
class TicketAttachmentFiles : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<QString>)>; // the file's local path

    TicketAttachmentFiles(ConnectorPool& pool, QString folder, QObject* parent = nullptr);

    // <cache>/attachments: fetched files can always be fetched again.
    static QString defaultFolder();

    void fetch(qint64 accountId, const TicketAttachment& attachment, Done done);

    // Where `attachment` of `accountId` is kept.
    QString pathFor(qint64 accountId, const TicketAttachment& attachment) const;

private:
    void store(const QString& path, Result<QByteArray> bytes, Done done);

    ConnectorPool& m_pool;
    QString m_folder;
};

} // namespace AssetDesk
