#include "net/httpresponse.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace AssetDesk {

namespace {

// lupdate files these strings under the same context the code looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::HttpResponse)
};

QString sourceName(const HttpResponse& response)
{
    return response.url.host().isEmpty() ? Tr::tr("the service") : response.url.host();
}

Error parseError(const HttpResponse& response, const QString& message, const QString& detail = {})
{
    return Error(ErrorKind::Parse, message, detail)
        .withHttpStatus(response.status)
        .withOrigin(response.serviceId);
}

Result<QJsonDocument> jsonDocument(const HttpResponse& response)
{
    if (!response.isSuccess()) {
        return Error(ErrorKind::HttpStatus, Tr::tr("%1 answered with HTTP status %2 instead of data.")
                                                .arg(sourceName(response))
                                                .arg(response.status))
            .withHttpStatus(response.status)
            .withOrigin(response.serviceId);
    }
    const QByteArray type = response.contentType();
    if (!type.isEmpty() && !type.contains("json")) {
        const QString what = type.contains("html") ? Tr::tr("a web page (%1)").arg(QString::fromLatin1(type))
                                                   : QString::fromLatin1(type);
        return parseError(response, Tr::tr("Expected JSON from %1 but received %2; a proxy, login page or "
                                       "maintenance page may have answered instead of the API.")
                                        .arg(sourceName(response), what));
    }
    if (response.body.trimmed().isEmpty())
        return parseError(response,
                          Tr::tr("Expected JSON from %1 but the response was empty.").arg(sourceName(response)));

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError) {
        const bool truncated = error.error == QJsonParseError::UnterminatedObject ||
                               error.error == QJsonParseError::UnterminatedArray ||
                               error.error == QJsonParseError::UnterminatedString ||
                               error.offset >= response.body.trimmed().size();
        const QString message =
            truncated ? Tr::tr("The JSON from %1 ends early (%2 bytes); the response was probably cut off.")
                            .arg(sourceName(response))
                            .arg(response.body.size())
                      : Tr::tr("The JSON from %1 is malformed at byte %2: %3.")
                            .arg(sourceName(response))
                            .arg(error.offset)
                            .arg(error.errorString());
        return parseError(response, message);
    }
    return doc;
}

} // namespace

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const HttpHeader& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpResponse::hasHeader(const QByteArray& name) const
{
    for (const HttpHeader& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QList<QByteArray> HttpResponse::headerValues(const QByteArray& name) const
{
    QList<QByteArray> values;
    for (const HttpHeader& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            values.append(h.second);
    }
    return values;
}

QByteArray HttpResponse::contentType() const
{
    QByteArray type = header("Content-Type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

Result<QJsonObject> jsonObject(const HttpResponse& response)
{
    Result<QJsonDocument> doc = jsonDocument(response);
    if (!doc)
        return doc.error();
    if (!doc->isObject()) {
        return parseError(response,
                          QCoreApplication::translate("AssetDesk::HttpResponse",
                                                      "Expected a JSON object from %1 but received a list.")
                              .arg(sourceName(response)));
    }
    return doc->object();
}

Result<QJsonArray> jsonArray(const HttpResponse& response)
{
    Result<QJsonDocument> doc = jsonDocument(response);
    if (!doc)
        return doc.error();
    if (!doc->isArray()) {
        return parseError(response,
                          QCoreApplication::translate("AssetDesk::HttpResponse",
                                                      "Expected a JSON list from %1 but received an object.")
                              .arg(sourceName(response)));
    }
    return doc->array();
}

} // namespace AssetDesk
