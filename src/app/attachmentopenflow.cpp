#include "attachmentopenflow.h"

#include "supportdesk.h"
#include "workspacesession.h"

#include "sync/ticketattachmentfiles.h"

#include <QDesktopServices>

namespace AssetDesk {

AttachmentOpenFlow::AttachmentOpenFlow(WorkspaceSession& session, QString folder, QObject* parent)
    : QObject(parent)
    , m_files(new TicketAttachmentFiles(session.pool(), std::move(folder), this))
    , m_opener([](const QUrl& url) { return QDesktopServices::openUrl(url); })
{}

void AttachmentOpenFlow::follow(SupportDesk& desk)
{
    connect(&desk, &SupportDesk::ticketAttachmentOpenRequested, this, &AttachmentOpenFlow::open);
}

void AttachmentOpenFlow::open(qint64 accountId, const TicketAttachment& attachment)
{
    const QString path = m_files->pathFor(accountId, attachment);
    if (m_fetching.contains(path))
        return;
    m_fetching.insert(path);
    const QString name = attachment.fileName.isEmpty() ? tr("the attachment") : attachment.fileName;
    emit statusMessage(tr("Downloading %1…").arg(name));
    m_files->fetch(accountId, attachment, [this, path, name](Result<QString> fetched) {
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
