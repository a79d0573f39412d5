#pragma once

#include "core/casenote.h"
#include "core/result.h"
#include "core/ticketattachment.h"

#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class AttachmentFiles;
class SupportDesk;
class WorkspaceSession;

// "Open" on a file attached to a ticket comment or a case note: the file is fetched from Zendesk
// or Dynamics 365 into the attachment folder (AttachmentFiles), then handed to the desktop's
// application for its type. Progress and failures go out as statusMessage for the status bar;
// asking again for a file still on its way does not fetch it twice. GUI thread.
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
    void openTicketAttachment(qint64 accountId, const AssetDesk::TicketAttachment& attachment);
    void openCaseNoteFile(const AssetDesk::CaseNote& note);

signals:
    void statusMessage(const QString& text);
    // The file was handed to its application (tests and the status bar).
    void opened(const QString& path);

private:
    using Fetch = std::function<void(std::function<void(Result<QString>)>)>;
    void open(const QString& path, const QString& fileName, const Fetch& fetch);

    AttachmentFiles* m_files;
    Opener m_opener;
    QSet<QString> m_fetching; // local paths on their way
};

} // namespace AssetDesk
