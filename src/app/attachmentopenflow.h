#pragma once

#include "core/ticketattachment.h"

#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class SupportDesk;
class TicketAttachmentFiles;
class WorkspaceSession;

// "Open" on a file attached to a ticket comment: the file is fetched from Zendesk into the
// attachment folder (TicketAttachmentFiles), then handed to the desktop's application for its
// type. Progress and failures go out as statusMessage for the status bar; asking again for a
// file still on its way does not fetch it twice. GUI thread.
class AttachmentOpenFlow : public QObject
{
    Q_OBJECT
public:
    // Opens a local file; false when no application took it. QDesktopServices::openUrl unless
    // replaced (tests).
    using Opener = std::function<bool(const QUrl&)>;

    AttachmentOpenFlow(WorkspaceSession& session, QString folder, QObject* parent = nullptr);

    // Handles the session's "Open" requests.
    void follow(SupportDesk& desk);
    void setOpener(Opener opener) { m_opener = std::move(opener); }

public slots:
    void open(qint64 accountId, const AssetDesk::TicketAttachment& attachment);

signals:
    void statusMessage(const QString& text);
    // The file was handed to its application (tests and the status bar).
    void opened(const QString& path);

private:
    TicketAttachmentFiles* m_files;
    Opener m_opener;
    QSet<QString> m_fetching; // local paths on their way
};

} // namespace AssetDesk
