#include "sync/attachattempt.h"

#include "connectors/dynamics/dynamicsconnector.h"
#include "connectors/serviceconnector.h"
#include "connectors/zendesk/zendeskconnector.h"
#include "connectors/zendesk/zendeskuploads.h"
#include "core/attachmentrules.h"
#include "sync/attachlog.h"


namespace AssetDesk {

AttachAttempt::AttachAttempt(ServiceConnector* connector, AttachRequest request, QList<AttachFile> files,
                             Progress progress, Done done, QObject* parent)
    : QObject(parent)
    , m_connector(connector)
    , m_request(std::move(request))
    , m_files(std::move(files))
    , m_progress(std::move(progress))
    , m_done(std::move(done))
{
    for (const AttachFile& f : m_files)
        m_total += f.bytes.size();
}

QString AttachAttempt::associationText(const AttachRequest& request, const QList<AttachFile>& files)
{
    QStringList lines;
    if (!request.text.trimmed().isEmpty())
        lines << request.text.trimmed() << QString();
    for (const AttachFile& f : files)
        lines << tr("• %1 (%2, asset %3, version %4)")
                     .arg(f.assetTitle, f.fileName, f.assetRemoteId, f.assetVersion.isEmpty() ? tr("unknown") : f.assetVersion);
    return lines.join(QLatin1Char('\n'));
}

void AttachAttempt::start()
{
    m_calls = new QObject(this);
    if (!m_connector)
        return finish(Error(ErrorKind::Cancelled, tr("The account was changed or removed before the files were sent.")));
    if (m_request.target.kind == AttachTarget::Kind::Ticket) {
        if (!qobject_cast<ZendeskConnector*>(m_connector.data()))
            return finish(Error(ErrorKind::Validation, tr("Tickets can only be attached to through a Zendesk account.")));
        return uploadNext(0, QString());
    }
    if (!qobject_cast<DynamicsConnector*>(m_connector.data()))
        return finish(Error(ErrorKind::Validation, tr("Cases and customer records need a Dynamics 365 account.")));
    if (m_request.target.isCustomerRecord())
        return associate();
    noteNext(0);
}

void AttachAttempt::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    delete m_calls; // aborts the request in flight; its callback never runs
    m_calls = nullptr;
    const Error cancelled(ErrorKind::Cancelled, tr("Attaching was cancelled."));
    if (m_request.target.kind == AttachTarget::Kind::Case && !m_sent.notes.isEmpty())
        return rollbackNotes(cancelled);
    finish(cancelled);
}

void AttachAttempt::uploadNext(int index, const QString& token)
{
    auto* zendesk = qobject_cast<ZendeskConnector*>(m_connector.data());
    if (!zendesk)
        return finish(Error(ErrorKind::Cancelled, tr("The Zendesk account was changed or removed while sending.")));
    if (index >= m_files.size())
        return comment(token);
    const AttachFile& file = m_files.at(index);
    const qint64 before = m_sent.bytesSent;
    if (m_progress)
        m_progress(before, m_total, tr("Uploading %1 (%2 of %3)").arg(file.fileName).arg(index + 1).arg(m_files.size()));
    zendesk->uploads().upload(
        file.fileName, file.mimeType, file.bytes, token, m_calls,
        [this, index, token](Result<ZendeskUpload> upload) {
            if (!upload) {
                // No comment will consume what was uploaded so far: give it back now rather than
                // leaving it readable until the token expires.
                if (auto* z = qobject_cast<ZendeskConnector*>(m_connector.data()); z && !token.isEmpty())
                    z->uploads().discard(token, z, [](Status) {});
                return finish(upload.error());
            }
            m_sent.bytesSent += m_files.at(index).bytes.size();
            uploadNext(index + 1, upload->token);
        },
        [this, before](qint64 sent, qint64) {
            if (m_progress)
                m_progress(before + sent, m_total, QString());
        });
}

void AttachAttempt::comment(const QString& token)
{
    auto* zendesk = qobject_cast<ZendeskConnector*>(m_connector.data());
    if (!zendesk)
        return finish(Error(ErrorKind::Cancelled, tr("The Zendesk account was changed or removed while sending.")));
    if (m_progress)
        m_progress(m_total, m_total, m_request.isPublic ? tr("Adding the reply") : tr("Adding the internal note"));
    bool ok = false;
    const qint64 ticketId = m_request.target.remoteId.toLongLong(&ok);
    if (!ok)
        return finish(Error(ErrorKind::Validation, tr("“%1” is not a Zendesk ticket number.").arg(m_request.target.remoteId)));
    ZendeskCommentDraft draft;
    draft.body = m_request.text.trimmed().isEmpty() ? tr("Attached from the asset library.") : m_request.text;
    draft.isPublic = m_request.isPublic;
    if (!token.isEmpty())
        draft.uploadTokens = {token};
    zendesk->comments().add(ticketId, draft, m_calls, [this, token](Result<ZendeskPostedComment> posted) {
        if (!posted) {
            // Zendesk takes the comment whole or not at all; the uploads are left unused.
            if (auto* z = qobject_cast<ZendeskConnector*>(m_connector.data()); z && !token.isEmpty())
                z->uploads().discard(token, z, [](Status) {});
            return finish(posted.error());
        }
        m_sent.comment = *posted;
        finish(m_sent);
    });
}

void AttachAttempt::noteNext(int index)
{
    auto* dynamics = qobject_cast<DynamicsConnector*>(m_connector.data());
    if (!dynamics)
        return finish(Error(ErrorKind::Cancelled, tr("The Dynamics 365 account was changed or removed while sending.")));
    if (index >= m_files.size())
        return finish(m_sent);
    const AttachFile& file = m_files.at(index);
    if (m_progress)
        m_progress(m_sent.bytesSent, m_total,
                   tr("Adding the note with %1 (%2 of %3)").arg(file.fileName).arg(index + 1).arg(m_files.size()));
    DynamicsNoteDraft draft;
    draft.regardingTable = m_request.target.dynamicsTable();
    draft.regardingId = m_request.target.remoteId;
    draft.subject = m_request.subject.trimmed().isEmpty() ? file.assetTitle : m_request.subject.trimmed();
    draft.noteText = m_request.text;
    draft.fileName = file.fileName;
    draft.mimeType = file.mimeType;
    draft.bytes = file.bytes;
    dynamics->annotations().create(draft, m_calls, [this, index](Result<DynamicsNote> note) {
        if (!note)
            return m_sent.notes.isEmpty() ? finish(note.error()) : rollbackNotes(note.error());
        m_sent.notes.append(*note);
        m_sent.bytesSent += m_files.at(index).bytes.size();
        noteNext(index + 1);
    });
}

void AttachAttempt::associate()
{
    auto* dynamics = qobject_cast<DynamicsConnector*>(m_connector.data());
    if (m_progress)
        m_progress(0, 0, tr("Adding the note to %1").arg(m_request.target.label));
    DynamicsNoteDraft draft;
    draft.regardingTable = m_request.target.dynamicsTable();
    draft.regardingId = m_request.target.remoteId;
    draft.subject = m_request.subject.trimmed().isEmpty() ? tr("Assets from the library") : m_request.subject.trimmed();
    draft.noteText = associationText(m_request, m_files);
    dynamics->annotations().create(draft, m_calls, [this](Result<DynamicsNote> note) {
        if (!note)
            return finish(note.error());
        m_sent.notes.append(*note);
        finish(m_sent);
    });
}

void AttachAttempt::rollbackNotes(const Error& error)
{
    // Deletes what this job made, one after the other, then reports the original failure.
    removeNext(m_sent.notes, {}, error);
}

void AttachAttempt::removeNext(QList<DynamicsNote> left, QStringList kept, const Error& error)
{
    auto* dynamics = qobject_cast<DynamicsConnector*>(m_connector.data());
    if (!dynamics)
        return finish(error);
    if (left.isEmpty()) {
        if (kept.isEmpty())
            return finish(error);
        // A note that could not be deleted is named, so the agent can remove it by hand.
        return finish(Error(error.kind(),
                            tr("%1 The notes already added (%2) could not be taken back.")
                                .arg(error.message(), kept.join(QStringLiteral(", "))),
                            error.detail()));
    }
    const DynamicsNote note = left.takeFirst();
    dynamics->annotations().remove(note.annotationId, this, [this, left, kept, note, error](Status removed) mutable {
        if (!removed)
            kept.append(note.fileName.isEmpty() ? note.annotationId : note.fileName);
        removeNext(left, kept, error);
    });
}

void AttachAttempt::finish(Result<AttachSent> result)
{
    if (std::exchange(m_finished, true))
        return;
    if (!result)
        qCWarning(lcAttach).noquote() << "attach to" << m_request.target.label << "failed:" << result.error().toLogString();
    if (m_done)
        m_done(std::move(result));
    deleteLater();
}

} // namespace AssetDesk
