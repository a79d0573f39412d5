#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct Account;

// An attachment as Zendesk describes it (zendesk.md §4), on an upload or on a comment.
struct ZendeskAttachment
{
    qint64 id = 0;
    QString fileName;
    QString contentType;
    qint64 size = 0;
    QUrl contentUrl; // may be on another host: never send Zendesk credentials there
};

// What POST /api/v2/uploads answers: the token a comment consumes and the files it carries.
struct ZendeskUpload
{
    QString token;
    QList<ZendeskAttachment> attachments;
};

// Zendesk's upload endpoint (zendesk.md §4): the raw bytes of one file per request, with its real
// MIME type; later files join the same token (`&token=`), so one comment carries them all. The
// token is valid for three days and is consumed by PUT /api/v2/tickets/{id} (ZendeskComments).
// Lives on the connector's (network) thread; callbacks run on their context's thread and not at
// all once it is gone (which also aborts the request).
class ZendeskUploads : public QObject
{
    Q_OBJECT
public:
    using UploadCallback = std::function<void(Result<ZendeskUpload>)>;
    using ProgressCallback = std::function<void(qint64 sent, qint64 total)>;
    using DoneCallback = std::function<void(Status)>;

    ZendeskUploads(const Account& account, HttpClient* http, QObject* parent = nullptr);

    // POST /api/v2/uploads?filename=...[&token=...]. Sent once (a POST is never repeated: a
    // second try could add the file twice to the token). 413 and 422 come back as errors that
    // say the file was refused and why.
    void upload(const QString& fileName, const QString& mimeType, const QByteArray& bytes,
                const QString& token, QObject* context, UploadCallback done, ProgressCallback progress = {});
    // DELETE /api/v2/uploads/{token}: gives up files that no comment will use.
    void discard(const QString& token, QObject* context, DoneCallback done);

    // Reads {"upload":{"token", "attachment", "attachments":[...]}}; exposed for tests.
    static Result<ZendeskUpload> parseUpload(const QByteArray& body);
    static ZendeskAttachment parseAttachment(const QJsonObject& json);
    // A refused upload or comment in words: 413 (too large), 422 (invalid), else `error` as is.
    static Error explain(const Error& error, const QString& what);

private:
    QUrl url(const QString& path) const;

    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
