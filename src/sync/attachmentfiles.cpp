#include "sync/attachmentfiles.h"

#include "connectors/damtext.h"
#include "connectors/dynamics/dynamicsannotations.h"
#include "connectors/dynamics/dynamicsconnector.h"
#include "connectors/linkdownloader.h"
#include "connectors/zendesk/zendeskconnector.h"
#include "core/atomicfile.h"
#include "core/whenfinished.h"
#include "sync/connectorpool.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace AssetDesk {

namespace {

Status writeFile(const QString& path, const QByteArray& bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(ErrorKind::Io,
                     AttachmentFiles::tr("Cannot create the folder for downloaded attachments."),
                     QFileInfo(path).absolutePath());
    return writeFileAtomically(path, bytes, AttachmentFiles::tr("Cannot save the attachment."));
}

} // namespace

AttachmentFiles::AttachmentFiles(ConnectorPool& pool, QString folder, QObject* parent)
    : AttachmentFiles(pool, std::move(folder), {kMaxBytes, kMaxAgeDays}, parent)
{}

AttachmentFiles::AttachmentFiles(ConnectorPool& pool, QString folder, CacheFolder::Policy policy,
                                 QObject* parent)
    : QObject(parent)
    , m_pool(pool)
    , m_folder(std::move(folder))
    , m_policy(policy)
{}

QString AttachmentFiles::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/attachments");
}

QString AttachmentFiles::pathFor(qint64 accountId, const QString& id, const QString& fileName) const
{
    return QDir(m_folder).filePath(QStringLiteral("%1/%2/%3")
                                       .arg(accountId)
                                       .arg(DamText::safeFileName(id, QStringLiteral("attachment")),
                                            DamText::safeFileName(fileName, QStringLiteral("attachment"))));
}

QString AttachmentFiles::ticketAttachmentPath(qint64 accountId, const TicketAttachment& attachment) const
{
    return pathFor(accountId, QString::number(attachment.remoteId), attachment.fileName);
}

QString AttachmentFiles::caseNotePath(const CaseNote& note) const
{
    return pathFor(note.accountId, note.remoteId, note.fileName);
}

void AttachmentFiles::fetchTicketAttachment(qint64 accountId, const TicketAttachment& attachment, Done done)
{
    const QUrl url(attachment.contentUrl);
    fetch(
        accountId, ticketAttachmentPath(accountId, attachment), attachment.size,
        [url](ServiceConnector* connector, Reply reply) {
            auto* zendesk = qobject_cast<ZendeskConnector*>(connector);
            if (!zendesk)
                return reply(
                    Error(ErrorKind::Validation, tr("Ticket attachments come from a Zendesk account.")));
            zendesk->attachmentFiles().fetch(url, ZendeskConnector::kMaxAttachmentBytes,
                                             QStringLiteral("attachment"), zendesk, reply,
                                             LinkDownloader::Expect::AnyFile);
        },
        std::move(done));
}

void AttachmentFiles::fetchCaseNoteFile(const CaseNote& note, Done done)
{
    if (!note.isDocument) {
        QMetaObject::invokeMethod(
            this, [done] { done(Error(ErrorKind::Validation, tr("This note has no file."))); },
            Qt::QueuedConnection);
        return;
    }
    const QString id = note.remoteId;
    fetch(
        note.accountId, caseNotePath(note), note.fileSize,
        [id](ServiceConnector* connector, Reply reply) {
            auto* dynamics = qobject_cast<DynamicsConnector*>(connector);
            if (!dynamics)
                return reply(
                    Error(ErrorKind::Validation, tr("Case notes come from a Dynamics 365 account.")));
            dynamics->annotations().document(id, dynamics, reply);
        },
        std::move(done));
}

void AttachmentFiles::fetch(qint64 accountId, const QString& path, qint64 size, Download download, Done done)
{
    const QFileInfo kept(path);
    if (kept.isFile() && size > 0 && kept.size() == size) {
        // Used again, so kept longer; nothing waits for it (a failed touch only ages the file).
        QThreadPool::globalInstance()->start(
            [path] { CacheFolder::touch(path, QDateTime::currentDateTimeUtc()); });
        QMetaObject::invokeMethod(
            this, [done, path] { done(path); }, Qt::QueuedConnection);
        return;
    }
    // The bytes come back here (the first answer counts), and are written off this thread.
    const Reply reply = replyOn<Result<QByteArray>>(
        this, [this, path, done](Result<QByteArray> bytes) { store(path, std::move(bytes), done); });
    ConnectorPool* pool = &m_pool;
    QMetaObject::invokeMethod(pool, [pool, accountId, download, reply] {
        pool->acquire(accountId, [download, reply](Result<ServiceConnector*> acquired) {
            if (!acquired)
                return reply(acquired.error());
            // A connector dropped meanwhile takes its call down with it: say so rather than wait.
            // The watch ends with the answer, so a long session does not pile them up.
            auto watch = std::make_shared<QMetaObject::Connection>();
            *watch = QObject::connect(*acquired, &QObject::destroyed, *acquired, [reply] {
                reply(Error(ErrorKind::Cancelled, tr("The account changed during the download.")));
            });
            download(*acquired, [reply, watch](Result<QByteArray> bytes) {
                QObject::disconnect(*watch);
                reply(std::move(bytes));
            });
        });
    });
}

void AttachmentFiles::store(const QString& path, Result<QByteArray> bytes, Done done)
{
    if (!bytes)
        return done(bytes.error());
    QFuture<Status> written =
        QtConcurrent::run([path, bytes = std::move(*bytes), folder = m_folder, policy = m_policy] {
            Status status = writeFile(path, bytes);
            if (status)
                CacheFolder::prune(folder, policy, QDateTime::currentDateTimeUtc());
            return status;
        });
    whenFinished(written, this, [path, done](const Status& status) {
        if (!status)
            return done(status.error());
        done(path);
    });
}

} // namespace AssetDesk
