#include "connectors/dynamics/dynamicsbatch.h"

#include <QRegularExpression>
#include <QUuid>

namespace AssetDesk {

namespace {

Error batchError(const QString& message, const QString& detail = {})
{
    return Error(ErrorKind::Parse, message, detail).withOrigin(QStringLiteral("dynamics"));
}

// Splits at the first blank line (CRLF CRLF, or LF LF from a lenient server).
std::pair<QByteArray, QByteArray> headAndBody(const QByteArray& text)
{
    qsizetype at = text.indexOf("\r\n\r\n");
    qsizetype skip = 4;
    const qsizetype lf = text.indexOf("\n\n");
    if (at < 0 || (lf >= 0 && lf < at)) {
        at = lf;
        skip = 2;
    }
    if (at < 0)
        return {text, {}};
    return {text.left(at), text.mid(at + skip)};
}

QList<QByteArray> lines(const QByteArray& head)
{
    QList<QByteArray> result;
    for (QByteArray line : head.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        result << line;
    }
    return result;
}

QByteArray headerValue(const QList<QByteArray>& headerLines, const QByteArray& name)
{
    for (const QByteArray& line : headerLines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray boundaryOf(const QByteArray& contentType)
{
    static const QRegularExpression re(QStringLiteral("boundary=\"?([^\";]+)\"?"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(contentType));
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
}

// The parts between "--boundary" lines up to "--boundary--".
QList<QByteArray> parts(const QByteArray& body, const QByteArray& boundary)
{
    const QByteArray delimiter = "--" + boundary;
    QList<QByteArray> result;
    qsizetype at = body.indexOf(delimiter);
    while (at >= 0) {
        qsizetype start = at + delimiter.size();
        if (body.mid(start, 2) == "--")
            break;
        const qsizetype next = body.indexOf(delimiter, start);
        if (next < 0)
            break;
        QByteArray part = body.mid(start, next - start);
        // Drop the line break after the delimiter and the one before the next delimiter.
        if (part.startsWith("\r\n"))
            part.remove(0, 2);
        else if (part.startsWith('\n'))
            part.remove(0, 1);
        if (part.endsWith("\r\n"))
            part.chop(2);
        else if (part.endsWith('\n'))
            part.chop(1);
        result << part;
        at = next;
    }
    return result;
}

Result<HttpResponse> innerResponse(const QByteArray& http)
{
    const auto [head, body] = headAndBody(http);
    const QList<QByteArray> headLines = lines(head);
    static const QRegularExpression statusLine(QStringLiteral("^HTTP/1\\.[01] (\\d{3})"));
    const QRegularExpressionMatch m =
        statusLine.match(QString::fromLatin1(headLines.value(0)));
    if (!m.hasMatch())
        return batchError(QStringLiteral("A part of the Dynamics 365 batch answer has no HTTP status line."),
                          QString::fromLatin1(headLines.value(0).left(80)));
    HttpResponse response;
    response.status = m.captured(1).toInt();
    for (qsizetype i = 1; i < headLines.size(); ++i) {
        const qsizetype colon = headLines.at(i).indexOf(':');
        if (colon > 0)
            response.headers.append({headLines.at(i).left(colon).trimmed(), headLines.at(i).mid(colon + 1).trimmed()});
    }
    response.body = body;
    return response;
}

} // namespace

namespace DynamicsBatch {

QByteArray newBoundary()
{
    return "batch_" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QByteArray encodeGets(const QStringList& paths, const QByteArray& boundary, const QByteArray& prefer)
{
    QByteArray body;
    for (const QString& path : paths) {
        body += "--" + boundary + "\r\n"
                "Content-Type: application/http\r\n"
                "Content-Transfer-Encoding: binary\r\n\r\n"
                "GET " + path.toUtf8() + " HTTP/1.1\r\n"
                "Accept: application/json\r\n";
        if (!prefer.isEmpty())
            body += "Prefer: " + prefer + "\r\n";
        body += "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return body;
}

Result<QList<HttpResponse>> decode(const QByteArray& body, const QByteArray& contentType)
{
    const QByteArray boundary = boundaryOf(contentType);
    if (boundary.isEmpty())
        return batchError(QStringLiteral("The Dynamics 365 batch answer does not name its boundary."),
                          QString::fromLatin1(contentType));
    QList<HttpResponse> responses;
    for (const QByteArray& part : parts(body, boundary)) {
        const auto [mimeHead, content] = headAndBody(part);
        const QList<QByteArray> mimeLines = lines(mimeHead);
        const QByteArray partType = headerValue(mimeLines, "Content-Type");
        if (partType.startsWith("multipart/mixed")) {
            // A change set answers with a nested multipart; reads never make one, but keep the order.
            Result<QList<HttpResponse>> nested = decode(content, partType);
            if (!nested)
                return nested.error();
            responses << *nested;
            continue;
        }
        Result<HttpResponse> response = innerResponse(content);
        if (!response)
            return response.error();
        responses << *response;
    }
    return responses;
}

} // namespace DynamicsBatch

} // namespace AssetDesk
