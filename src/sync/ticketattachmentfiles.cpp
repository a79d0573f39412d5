#include "sync/ticketattachmentfiles.h"

#include "connectors/damtext.h"
#include "connectors/linkdownloader.h"
#include "connectors/zendesk/zendeskconnector.h"
#include "core/whenfinished.h"
#include "sync/connectorpool.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace AssetDesk {

namespace {

Status writeFile(const QString& path, const QByteArray& bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(ErrorKind::Storage,
                     TicketAttachmentFiles::tr("Cannot create the folder for downloaded attachments."),
                     QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error(ErrorKind::Storage, TicketAttachmentFiles::tr("Cannot save the attachment."),
                     QStringLiteral("%1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace

TicketAttachmentFiles::TicketAttachmentFiles(ConnectorPool& pool, QString folder, QObject* parent)
    : QObject(parent)
    , m_pool(pool)
    , m_folder(std::move(folder))
{}

QString TicketAttachmentFiles::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/attachments");
}

QString TicketAttachmentFiles::pathFor(qint64 accountId, const TicketAttachment& attachment) const
{
    return QDir(m_folder).filePath(
        QStringLiteral("%1/%2/%3")
            .arg(accountId)
            .arg(attachment.remoteId)
            .arg(DamText::safeFileName(attachment.fileName, QStringLiteral("attachment"))));
}

void TicketAttachmentFiles::fetch(qint64 accountId, const TicketAttachment& attachment, Done done)
{
    const QString path = pathFor(accountId, attachment);
    const QFileInfo kept(path);
    if (kept.isFile() && attachment.size > 0 && kept.size() == attachment.size) {
        QMetaObject::invokeMethod(
            this, [done, path] { done(path); }, Qt::QueuedConnection);
        return;
    }
    // The bytes come back here (the first answer counts), and are written off this thread.
    const auto reply = replyOn<Result<QByteArray>>(
        this, [this, path, done](Result<QByteArray> bytes) { store(path, std::move(bytes), done); });
    const QUrl url(attachment.contentUrl);
    ConnectorPool* pool = &m_pool;
    QMetaObject::invokeMethod(pool, [pool, accountId, url, reply] {
        pool->acquire(accountId, [url, reply](Result<ServiceConnector*> acquired) {
            if (!acquired)
                return reply(acquired.error());
            auto* zendesk = qobject_cast<ZendeskConnector*>(*acquired);
            if (!zendesk)
                return reply(
                    Error(ErrorKind::Validation, tr("Ticket attachments come from a Zendesk account.")));
            // A connector dropped meanwhile takes its call down with it: say so rather than wait.
            QObject::connect(zendesk, &QObject::destroyed, zendesk, [reply] {
                reply(Error(ErrorKind::Cancelled, tr("The Zendesk account changed during the download.")));
            });
            zendesk->attachmentFiles().fetch(url, ZendeskConnector::kMaxAttachmentBytes,
                                             QStringLiteral("attachment"), zendesk, reply,
                                             LinkDownloader::Expect::AnyFile);
        });
    });
}

void TicketAttachmentFiles::store(const QString& path, Result<QByteArray> bytes, Done done)
{
    if (!bytes)
        return done(bytes.error());
    QFuture<Status> written = QtConcurrent::run(writeFile, path, std::move(*bytes));
    whenFinished(written, this, [path, done](const Status& status) {
        if (!status)
            return done(status.error());
        done(path);
    });
}

} // namespace AssetDesk
