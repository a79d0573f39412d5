#include "attachmentopenflow.h"

#include "supportdesk.h"
#include "workspacesession.h"

#include "sync/attachmentfiles.h"

#include <QDesktopServices>

namespace AssetDesk {

AttachmentOpenFlow::AttachmentOpenFlow(WorkspaceSession& session, QString folder, QObject* parent)
    : QObject(parent)
    , m_files(new AttachmentFiles(session.pool(), std::move(folder), this))
    , m_opener([](const QUrl& url) { return QDesktopServices::openUrl(url); })
{}

void AttachmentOpenFlow::follow(SupportDesk& desk)
{
    connect(&desk, &SupportDesk::ticketAttachmentOpenRequested, this,
            &AttachmentOpenFlow::openTicketAttachment);
    connect(&desk, &SupportDesk::caseNoteFileOpenRequested, this, &AttachmentOpenFlow::openCaseNoteFile);
}

void AttachmentOpenFlow::openTicketAttachment(qint64 accountId, const TicketAttachment& attachment)
{
    open(m_files->ticketAttachmentPath(accountId, attachment), attachment.fileName,
         [this, accountId, attachment](auto done) {
             m_files->fetchTicketAttachment(accountId, attachment, done);
         });
}

void AttachmentOpenFlow::openCaseNoteFile(const CaseNote& note)
{
    open(m_files->caseNotePath(note), note.fileName,
         [this, note](auto done) { m_files->fetchCaseNoteFile(note, done); });
}

void AttachmentOpenFlow::open(const QString& path, const QString& fileName, const Fetch& fetch)
{
    if (m_fetching.contains(path))
        return;
    m_fetching.insert(path);
    const QString name = fileName.isEmpty() ? tr("the attachment") : fileName;
    emit statusMessage(tr("Downloading %1…").arg(name));
    fetch([this, path, name](Result<QString> fetched) {
        m_fetching.remove(path);
        if (!fetched)
            return emit statusMessage(tr("Cannot open %1: %2").arg(name, fetched.error().message()));
        if (!m_opener(QUrl::fromLocalFile(*fetched)))
            return emit statusMessage(tr("No application opens %1. It is saved as %2.").arg(name, *fetched));
        emit statusMessage(tr("Opened %1.").arg(name));
        emit opened(*fetched);
    });
}

} // namespace AssetDesk
