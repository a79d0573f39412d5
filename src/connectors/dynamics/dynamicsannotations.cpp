#include "connectors/dynamics/dynamicsannotations.h"

#include "connectors/apiurl.h"
#include "core/account.h"
#include "core/serviceauthprofile.h"
#include "net/httpclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace AssetDesk {

namespace {
Error dynamicsError(ErrorKind kind, const QString& message, const QString& detail = {})
{
    return Error(kind, message, detail).withOrigin(QStringLiteral("dynamics"));
}

} // namespace

Error DynamicsAnnotations::explain(const Error& error)
{
    // Dataverse answers a file over the org's maxuploadfilesize with 400 and code 0x80043e09 (the
    // sandbox does so too; the code is from memory, unconfirmed in dynamics.md); 413 from a proxy.
    const bool tooLarge = error.httpStatus() == 413
        || error.apiCode().compare(QLatin1String("0x80043e09"), Qt::CaseInsensitive) == 0;
    if (tooLarge) {
        Error e = dynamicsError(ErrorKind::TooLarge,
                                DynamicsAnnotations::tr("Dynamics 365 refused the note: the file is larger than "
                                                        "the organisation's attachment limit."),
                                error.detail());
        e.withHttpStatus(error.httpStatus()).withApiCode(error.apiCode());
        return e;
    }
    if (error.httpStatus() == 422) {
        Error e = dynamicsError(ErrorKind::Validation,
                                DynamicsAnnotations::tr("Dynamics 365 refused the note as invalid: %1").arg(error.message()),
                                error.detail());
        e.withHttpStatus(422).withApiCode(error.apiCode());
        return e;
    }
    return error;
}

DynamicsAnnotations::DynamicsAnnotations(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_root(resolvedBaseUrl(account))
    , m_http(http)
{}

QString DynamicsAnnotations::entitySet(const QString& table)
{
    if (table.endsWith(QLatin1Char('y')))
        return table.chopped(1) + QStringLiteral("ies");
    return table + QLatin1Char('s');
}

QByteArray DynamicsAnnotations::requestBody(const DynamicsNoteDraft& draft)
{
    QJsonObject body{{QStringLiteral("subject"), draft.subject}, {QStringLiteral("notetext"), draft.noteText}};
    if (!draft.fileName.isEmpty()) {
        body.insert(QStringLiteral("filename"), draft.fileName);
        body.insert(QStringLiteral("mimetype"), draft.mimeType);
        body.insert(QStringLiteral("documentbody"), QString::fromLatin1(draft.bytes.toBase64()));
        body.insert(QStringLiteral("isdocument"), true);
    }
    body.insert(QStringLiteral("objectid_%1@odata.bind").arg(draft.regardingTable),
                QStringLiteral("/%1(%2)").arg(entitySet(draft.regardingTable), draft.regardingId));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<DynamicsNote> DynamicsAnnotations::parseCreated(const DynamicsNoteDraft& draft, int status,
                                                       const QByteArray& entityIdHeader, const QByteArray& body)
{
    DynamicsNote note;
    note.subject = draft.subject;
    note.noteText = draft.noteText;
    note.fileName = draft.fileName;
    note.mimeType = draft.mimeType;
    note.fileSize = draft.bytes.size();
    note.isDocument = !draft.fileName.isEmpty();
    note.createdOn = QDateTime::currentDateTimeUtc();
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (status != 204 && !json.isEmpty()) {
        note.annotationId = json.value(QLatin1String("annotationid")).toString();
        note.subject = json.value(QLatin1String("subject")).toString(note.subject);
        note.noteText = json.value(QLatin1String("notetext")).toString(note.noteText);
        note.fileName = json.value(QLatin1String("filename")).toString(note.fileName);
        note.mimeType = json.value(QLatin1String("mimetype")).toString(note.mimeType);
        if (json.value(QLatin1String("filesize")).isDouble())
            note.fileSize = json.value(QLatin1String("filesize")).toInteger();
        const QDateTime created = QDateTime::fromString(json.value(QLatin1String("createdon")).toString(), Qt::ISODate);
        if (created.isValid())
            note.createdOn = created;
        // A service that ignores $select echoes the whole base64 body: keep the rest for the
        // inspector, not that.
        QJsonObject kept = json;
        kept.remove(QStringLiteral("documentbody"));
        note.rawJson = QJsonDocument(kept).toJson(QJsonDocument::Compact);
    }
    if (note.annotationId.isEmpty()) {
        // 204 No Content: the new row's id is only in OData-EntityId ".../annotations(<guid>)".
        static const QRegularExpression guid(QStringLiteral("\\(([0-9a-fA-F-]{36})\\)\\s*$"));
        const QRegularExpressionMatch m = guid.match(QString::fromLatin1(entityIdHeader));
        if (m.hasMatch())
            note.annotationId = m.captured(1).toLower();
    }
    if (note.annotationId.isEmpty())
        return dynamicsError(ErrorKind::Parse, DynamicsAnnotations::tr("Dynamics 365 created the note but did not say its id."),
                             QString::fromUtf8(body.left(2048)));
    return note;
}

void DynamicsAnnotations::remove(const QString& annotationId, QObject* context, std::function<void(Status)> done)
{
    QUrl url = apiUrl(m_root, QStringLiteral("/api/data/v9.2/annotations(%1)").arg(annotationId));
    HttpRequest request = HttpRequest::deleteResource(url);
    request.setHeader("OData-MaxVersion", "4.0");
    request.setHeader("OData-Version", "4.0");
    request.logTag = QStringLiteral("delete note");
    m_http->send(request, context, [done = std::move(done)](const Result<HttpResponse>& response) {
        if (!response)
            return done(response.error());
        done(Status{});
    });
}

Result<QByteArray> DynamicsAnnotations::parseDocument(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (!doc.isObject())
        return dynamicsError(ErrorKind::Parse,
                             tr("Dynamics 365 sent the note's file in a form AssetDesk cannot read."),
                             error.errorString());
    const QJsonValue value = doc.object().value(QLatin1String("documentbody"));
    if (!value.isString() || value.toString().isEmpty())
        return dynamicsError(ErrorKind::NotFound, tr("The note has no file any more."), {});
    auto decoded =
        QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return dynamicsError(ErrorKind::Parse,
                             tr("Dynamics 365 sent the note's file in a form AssetDesk cannot read."),
                             QStringLiteral("documentbody is not valid base64"));
    return std::move(decoded.decoded);
}

void DynamicsAnnotations::document(const QString& annotationId, QObject* context,
                                   std::function<void(Result<QByteArray>)> done)
{
    QUrl url = apiUrl(m_root, QStringLiteral("/api/data/v9.2/annotations(%1)").arg(annotationId));
    url.setQuery(QStringLiteral("$select=documentbody"));
    HttpRequest request = HttpRequest::get(url);
    request.setHeader("Accept", "application/json");
    request.setHeader("OData-MaxVersion", "4.0");
    request.setHeader("OData-Version", "4.0");
    // base64 is 4/3 of the file, plus the JSON around it.
    request.maxResponseBytes = kMaxDocumentBytes / 3 * 4 + 64 * 1024;
    request.logTag = QStringLiteral("note file");
    m_http->send(request, context, [done = std::move(done)](const Result<HttpResponse>& response) {
        if (!response)
            return done(response.error());
        done(parseDocument(response->body));
    });
}

void DynamicsAnnotations::create(const DynamicsNoteDraft& draft, QObject* context, NoteCallback done)
{
    QUrl url = apiUrl(m_root, QStringLiteral("/api/data/v9.2/annotations"));
    // $select limits the representation to the note's columns: without it Dynamics echoes the
    // whole base64 documentbody (a 10 MB file came back as 14 MB of JSON to parse and drop).
    url.setQuery(QStringLiteral("$select=annotationid,subject,notetext,filename,mimetype,filesize,isdocument,"
                                "createdon,modifiedon,_objectid_value"));
    HttpRequest request = HttpRequest::post(url, requestBody(draft), "application/json");
    request.setHeader("Accept", "application/json");
    request.setHeader("OData-MaxVersion", "4.0");
    request.setHeader("OData-Version", "4.0");
    // The created row in the answer (without the file, see $select) saves reading it again.
    request.setHeader("Prefer", "return=representation");
    request.idempotent = false;
    request.logTag = QStringLiteral("note on %1").arg(draft.regardingTable);
    m_http->send(request, context, [draft, done = std::move(done)](const Result<HttpResponse>& response) {
        if (!response)
            return done(explain(response.error()));
        done(parseCreated(draft, response->status, response->header("OData-EntityId"), response->body));
    });
}

} // namespace AssetDesk
