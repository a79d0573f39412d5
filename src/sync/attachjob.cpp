#include "sync/attachjob.h"

#include "connectors/damsource.h"
#include "connectors/serviceconnector.h"
#include "core/attachmentrules.h"
#include "core/rightsgate.h"
#include "core/whenfinished.h"
#include "storage/assetrepository.h"
#include "storage/crmrepository.h"
#include "storage/lineagerepository.h"
#include "storage/storage.h"
#include "storage/ticketrepository.h"
#include "storage/writecontext.h"
#include "sync/attachlog.h"
#include "sync/connectorpool.h"
#include "sync/jobcontrol.h"

#include <QFile>
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace AssetDesk {

namespace {
Error attachError(ErrorKind kind, const QString& message, const QString& detail = {})
{
    return Error(kind, message, detail).withOrigin(QStringLiteral("attach"));
}
} // namespace

AttachJob::AttachJob(Storage& storage, ConnectorPool& pool, QThreadPool& workers, AttachRequest request,
                     std::shared_ptr<JobControl> control, Done done)
    : QObject(&pool)
    , m_storage(storage)
    , m_pool(pool)
    , m_workers(workers)
    , m_request(std::move(request))
    , m_control(std::move(control))
    , m_done(std::move(done))
{}

Result<AttachJob::Prepared> AttachJob::prepare(const Storage& storage, const AttachRequest& request, const QDateTime& when)
{
    if (request.assetIds.isEmpty())
        return attachError(ErrorKind::Validation, tr("No assets to attach."));
    const Result<QList<Asset>> assets = AssetRepository(storage).getMany(request.assetIds);
    if (!assets)
        return assets.error();
    Prepared prepared;
    prepared.maxBytes = request.maxBytes > 0 ? request.maxBytes : AttachmentRules::maxBytes(request.target.service());
    QStringList refusals;
    std::optional<ErrorKind> firstKind;
    auto refuse = [&](const Error& e) {
        refusals << e.message();
        if (!firstKind)
            firstKind = e.kind();
    };
    for (const qint64 id : request.assetIds) {
        const auto found = std::find_if(assets->cbegin(), assets->cend(), [id](const Asset& a) { return a.id == id; });
        if (found == assets->cend()) {
            refuse(attachError(ErrorKind::NotFound, tr("Asset %1 is no longer in the library.").arg(id)));
            continue;
        }
        const Asset& asset = *found;
        AttachFile file;
        file.assetId = asset.id;
        file.assetVersion = asset.version;
        file.assetTitle = AttachmentRules::displayName(asset);
        file.assetRemoteId = asset.remoteId;
        if (request.target.isCustomerRecord()) {
            // DP1 associates the asset with the record; no file travels, so only the gate applies.
            if (const Status gate = RightsGate::check(asset, when); !gate) {
                refuse(gate.error());
                continue;
            }
            file.fileName = asset.fileName;
            file.mimeType = asset.mimeType;
            prepared.files << file;
            prepared.assetAccounts << asset.accountId;
            continue;
        }
        const Result<AttachmentRules::File> chosen = AttachmentRules::check(asset, request.rendition, prepared.maxBytes, when);
        if (!chosen) {
            refuse(chosen.error());
            continue;
        }
        file.renditionName = chosen->renditionName;
        file.fileName = chosen->fileName;
        file.mimeType = chosen->mimeType;
        const Rendition& r = chosen->rendition;
        if (!r.localPath.isEmpty() && QFileInfo::exists(r.localPath)) {
            // The catalogue's size may be missing or stale: the file on disk decides.
            const qint64 onDisk = QFileInfo(r.localPath).size();
            if (const Status size = AttachmentRules::checkSize(asset, *chosen, onDisk, prepared.maxBytes); !size) {
                refuse(size.error());
                continue;
            }
            QFile f(r.localPath);
            if (!f.open(QIODevice::ReadOnly)) {
                refuse(attachError(ErrorKind::Io, tr("The file of “%1” could not be read.").arg(file.assetTitle), f.errorString()));
                continue;
            }
            file.bytes = f.readAll();
        } else if (r.remoteUrl.isValid()) {
            prepared.pending.append({int(prepared.files.size()), r});
        } else {
            refuse(attachError(ErrorKind::NotFound,
                               tr("The file of “%1” is neither on this computer nor linked by its library; sync the "
                                  "library and try again.")
                                   .arg(file.assetTitle)));
            continue;
        }
        prepared.files << file;
        prepared.assetAccounts << asset.accountId;
    }
    if (!refusals.isEmpty())
        return attachError(*firstKind, refusals.join(QLatin1Char('\n')),
                           QStringLiteral("%1 of %2 assets refused").arg(refusals.size()).arg(request.assetIds.size()));
    return prepared;
}

Result<QList<qint64>> AttachJob::record(WriteContext& ctx, const AttachRequest& request, const QList<AttachFile>& files,
                                        const AttachSent& sent)
{
    QList<qint64> rows;
    auto edge = [&ctx](const AttachFile& f, LineageEdge::NodeKind kind, qint64 to, const QString& relation,
                       const QString& note) -> Status {
        LineageEdge e;
        e.fromKind = LineageEdge::NodeKind::Asset;
        e.fromId = f.assetId;
        e.toKind = kind;
        e.toId = to;
        e.relation = relation;
        e.assetVersion = f.assetVersion;
        e.note = note;
        const Result<qint64> id = LineageRepository::addEdge(ctx, e);
        if (!id)
            return id.error();
        return {};
    };
    switch (request.target.kind) {
    case AttachTarget::Kind::Ticket: {
        if (!sent.comment)
            return attachError(ErrorKind::Internal, tr("Zendesk did not return the comment."));
        const ZendeskPostedComment& posted = *sent.comment;
        TicketComment comment;
        comment.ticketId = request.target.localId;
        comment.remoteId = posted.commentId;
        comment.authorId = posted.authorId;
        comment.body = posted.body.isEmpty() ? request.text : posted.body;
        comment.isPublic = posted.isPublic;
        comment.createdAt = posted.createdAt.isValid() ? posted.createdAt : ctx.now();
        for (const ZendeskAttachment& a : posted.attachments)
            comment.attachments.append(TicketAttachment{a.id, a.fileName, a.contentType, a.size, a.contentUrl.toString()});
        const Result<qint64> id = TicketRepository::addComment(ctx, comment);
        if (!id)
            return id.error();
        rows << *id;
        for (const AttachFile& f : files) {
            if (const Status s = edge(f, LineageEdge::NodeKind::TicketComment, *id, QStringLiteral("attached-to"),
                                      QStringLiteral("%1 (%2)").arg(f.fileName, f.renditionName));
                !s)
                return s.error();
        }
        break;
    }
    case AttachTarget::Kind::Case: {
        // AttachAttempt makes one note per file, in file order.
        for (int i = 0; i < sent.notes.size() && i < files.size(); ++i) {
            const DynamicsNote& n = sent.notes.at(i);
            CaseNote note;
            note.accountId = request.target.accountId;
            note.remoteId = n.annotationId;
            note.caseRemoteId = request.target.remoteId;
            note.subject = n.subject;
            note.text = n.noteText;
            note.fileName = n.fileName;
            note.mimeType = n.mimeType;
            note.fileSize = n.fileSize;
            note.isDocument = n.isDocument;
            note.created = n.createdOn;
            note.modifiedAt = n.createdOn;
            const Result<qint64> id = CrmRepository::addNote(ctx, note);
            if (!id)
                return id.error();
            rows << *id;
            const AttachFile& f = files.at(i);
            if (const Status s = edge(f, LineageEdge::NodeKind::CaseNote, *id, QStringLiteral("attached-to"),
                                      QStringLiteral("%1 (%2)").arg(f.fileName, f.renditionName));
                !s)
                return s.error();
        }
        break;
    }
    case AttachTarget::Kind::CrmAccount:
    case AttachTarget::Kind::Opportunity: {
        // crm_accounts and opportunities number their rows separately: the relation says which
        // table the customer-record node is in, the note which record and note in Dynamics.
        const QString table = request.target.dynamicsTable();
        const QString annotation = sent.notes.isEmpty() ? QString() : sent.notes.first().annotationId;
        for (const AttachFile& f : files) {
            if (const Status s =
                    edge(f, LineageEdge::NodeKind::CustomerRecord, request.target.localId,
                         LineageEdge::associatedWithRelation(table),
                         QStringLiteral("%1 %2, note %3").arg(table, request.target.remoteId, annotation));
                !s)
                return s.error();
        }
        break;
    }
    }
    return rows;
}

void AttachJob::start()
{
    m_control->setStatus(tr("Checking rights and sizes"));
    const Storage* storage = &m_storage;
    const AttachRequest request = m_request;
    whenFinished(QtConcurrent::run(&m_workers,
                                   [storage, request] {
                                       return prepare(*storage, request, QDateTime::currentDateTimeUtc());
                                   }),
                 this, [this](const Result<Prepared>& prepared) {
                     if (!prepared)
                         return finish(prepared.error());
                     m_prepared = *prepared;
                     fetchNext(0);
                 });
}

void AttachJob::fetchNext(int pendingIndex)
{
    if (m_control->isCancelled())
        return finish(attachError(ErrorKind::Cancelled, tr("Attaching was cancelled.")));
    if (pendingIndex >= m_prepared.pending.size())
        return send();
    const int fileIndex = m_prepared.pending.at(pendingIndex).first;
    const Rendition rendition = m_prepared.pending.at(pendingIndex).second;
    const qint64 damAccount = m_prepared.assetAccounts.at(fileIndex);
    m_control->setStatus(tr("Fetching %1 from the library").arg(m_prepared.files.at(fileIndex).fileName));
    m_pool.acquire(damAccount, [this, pendingIndex, fileIndex, rendition](Result<ServiceConnector*> acquired) {
        if (!acquired)
            return finish(acquired.error());
        auto* source = dynamic_cast<DamSource*>(*acquired);
        if (!source)
            return finish(attachError(ErrorKind::Validation, tr("The asset's library cannot hand out its files.")));
        // One byte over the limit is enough to know it is too large: the DAM stops there.
        source->fetchRendition(rendition, m_prepared.maxBytes, this,
                               [this, pendingIndex, fileIndex](Result<QByteArray> bytes) {
                                   AttachFile& file = m_prepared.files[fileIndex];
                                   if (!bytes) {
                                       if (bytes.error().kind() == ErrorKind::TooLarge)
                                           return finish(attachError(
                                               ErrorKind::TooLarge,
                                               tr("“%1” (%2) is larger than the %3 this service accepts per "
                                                  "attachment; choose a smaller rendition.")
                                                   .arg(file.assetTitle, file.fileName,
                                                        AttachmentRules::sizeText(m_prepared.maxBytes)),
                                               bytes.error().detail()));
                                       return finish(bytes.error());
                                   }
                                   file.bytes = *bytes;
                                   fetchNext(pendingIndex + 1);
                               });
    });
}

void AttachJob::send()
{
    if (m_control->isCancelled())
        return finish(attachError(ErrorKind::Cancelled, tr("Attaching was cancelled.")));
    m_control->setStatus(tr("Connecting to %1").arg(serviceDisplayName(m_request.target.service())));
    m_pool.acquire(m_request.target.accountId, [this](Result<ServiceConnector*> acquired) {
        if (!acquired)
            return finish(acquired.error());
        ServiceConnector* connector = *acquired;
        if (connector->service() != m_request.target.service())
            return finish(attachError(ErrorKind::Validation,
                                      tr("The account chosen for %1 is not a %2 account.")
                                          .arg(m_request.target.label, serviceDisplayName(m_request.target.service()))));
        std::shared_ptr<JobControl> control = m_control;
        auto progress = [control](qint64 sent, qint64 total, const QString& status) {
            control->setProgress(sent, total);
            if (!status.isEmpty())
                control->setStatus(status);
        };
        // The attempt belongs to the connector: if the pool drops the account, it goes too.
        m_attempt = new AttachAttempt(connector, m_request, m_prepared.files, progress,
                                      [self = QPointer<AttachJob>(this)](Result<AttachSent> sent) {
                                          if (!self)
                                              return;
                                          if (!sent)
                                              return self->finish(sent.error());
                                          self->store(*sent);
                                      },
                                      connector);
        connect(connector, &QObject::destroyed, this, [this] {
            if (!m_finished)
                finish(attachError(ErrorKind::Cancelled, tr("The account was changed while the files were sent.")));
        });
        m_control->onCancel(m_attempt, [attempt = m_attempt] {
            if (attempt)
                attempt->cancel();
        });
        m_attempt->start();
    });
}

void AttachJob::store(const AttachSent& sent)
{
    m_control->setStatus(tr("Recording the attachment"));
    const AttachRequest request = m_request;
    const QList<AttachFile> files = m_prepared.files;
    whenFinished(m_storage.write(
                     [request, files, sent](WriteContext& ctx) { return record(ctx, request, files, sent); }),
                 this, [this, sent](const Result<QList<qint64>>& rows) {
                     if (!rows) {
                         // The service has it; only the local record failed. Say so: a retry would send
                         // twice.
                         return finish(
                             Error(rows.error().kind(),
                                   tr("The files were attached, but recording it locally failed: %1")
                                       .arg(rows.error().message()),
                                   rows.error().detail()));
                     }
                     AttachOutcome outcome;
                     outcome.target = m_request.target;
                     outcome.assetIds = m_request.assetIds;
                     outcome.localIds = *rows;
                     if (sent.comment)
                         outcome.remoteIds << QString::number(sent.comment->commentId);
                     for (const DynamicsNote& note : sent.notes)
                         outcome.remoteIds << note.annotationId;
                     for (const AttachFile& f : m_prepared.files)
                         outcome.fileNames << f.fileName;
                     outcome.bytesSent = sent.bytesSent;
                     qCInfo(lcAttach).noquote() << "attached" << outcome.fileNames.size() << "file(s),"
                                                << outcome.bytesSent << "bytes, to" << m_request.target.label;
                     finish(outcome);
                 });
}

void AttachJob::finish(Result<AttachOutcome> result)
{
    if (std::exchange(m_finished, true))
        return;
    if (result) {
        m_control->setProgress(1, 1);
        // What the Jobs pane keeps showing, rather than the last step's "…".
        const AttachOutcome& done = *result;
        m_control->setStatus(done.fileNames.isEmpty()
                                 ? tr("Associated %n asset(s) with %1", nullptr, int(done.assetIds.size())).arg(done.target.label)
                                 : tr("Attached %1 to %2").arg(done.fileNames.join(QStringLiteral(", ")), done.target.label));
    }
    m_control->finish(result ? Status{} : Status(result.error()));
    if (m_done)
        m_done(std::move(result));
    deleteLater();
}

} // namespace AssetDesk
