#include "sandbox/dynamics/dynamicsbatch.h"

#include "sandbox/dynamics/dynamicserrors.h"
#include "sandbox/dynamics/dynamicspreferences.h"
#include "sandbox/dynamics/dynamicsstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUuid>

namespace AssetDesk::Sandbox {

namespace {

QByteArray headerValue(const HeaderList& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// "Name: value" lines up to the first empty line; the rest after it.
HeaderList readHeaders(const QList<QByteArray>& lines, qsizetype& i)
{
    HeaderList headers;
    for (; i < lines.size() && !lines.at(i).trimmed().isEmpty(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    ++i; // the empty line
    return headers;
}

QByteArray rest(const QList<QByteArray>& lines, qsizetype from)
{
    return from >= lines.size() ? QByteArray() : lines.mid(from).join('\n').trimmed();
}

QByteArray newBoundary(const char* prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
}

} // namespace

DynamicsBatch::DynamicsBatch(DynamicsStore& store, const QString& root, Dispatch dispatch)
    : m_store(store)
    , m_root(root)
    , m_dispatch(std::move(dispatch))
{}

QByteArray DynamicsBatch::boundaryOf(const QByteArray& contentType)
{
    const qsizetype at = contentType.toLower().indexOf("boundary=");
    if (at < 0)
        return {};
    QByteArray b = contentType.mid(at + 9);
    const qsizetype semicolon = b.indexOf(';');
    if (semicolon >= 0)
        b = b.left(semicolon);
    b = b.trimmed();
    if (b.startsWith('"') && b.endsWith('"') && b.size() >= 2)
        b = b.mid(1, b.size() - 2);
    return b;
}

std::optional<QList<DynamicsBatch::Part>> DynamicsBatch::split(const QByteArray& body, const QByteArray& boundary)
{
    if (boundary.isEmpty())
        return std::nullopt;
    const QList<QByteArray> lines = QByteArray(body).replace("\r\n", "\n").split('\n');
    const QByteArray delimiter = "--" + boundary;
    QList<Part> parts;
    QList<QByteArray> current;
    bool inPart = false;
    bool closed = false;
    auto finish = [&]() {
        qsizetype i = 0;
        Part p;
        p.headers = readHeaders(current, i);
        p.content = rest(current, i);
        parts.append(p);
        current.clear();
    };
    for (const QByteArray& line : lines) {
        const QByteArray t = line.trimmed();
        if (t == delimiter || t == delimiter + "--") {
            if (inPart)
                finish();
            inPart = t == delimiter;
            closed = !inPart;
            if (closed)
                break;
            continue;
        }
        if (inPart)
            current.append(line);
    }
    if (!closed)
        return std::nullopt;
    return parts;
}

std::optional<SandboxRequest> DynamicsBatch::innerRequest(const SandboxRequest& batch, const QByteArray& http) const
{
    const QList<QByteArray> lines = http.split('\n');
    if (lines.isEmpty())
        return std::nullopt;
    const QList<QByteArray> requestLine = lines.first().simplified().split(' ');
    if (requestLine.size() < 2)
        return std::nullopt;
    QString url = QString::fromUtf8(requestLine.at(1));
    if (url.startsWith(QLatin1Char('$'))) {
        const qsizetype end = url.indexOf(QLatin1Char('/'));
        const QByteArray id = url.mid(1, end < 0 ? -1 : end - 1).toLatin1();
        if (!m_references.contains(id))
            return std::nullopt;
        url = m_references.value(id) + (end < 0 ? QString() : url.mid(end));
    }
    const QString rootPath = QUrl(m_root).path();
    if (!url.startsWith(QLatin1String("http")) && !url.startsWith(QLatin1Char('/')))
        url = rootPath + QLatin1Char('/') + url;
    const QUrl parsed(url);
    SandboxRequest r = batch;
    r.method = requestLine.first().toUpper();
    r.rawPath = parsed.path(QUrl::FullyEncoded).toLatin1();
    r.path = parsed.path(QUrl::FullyDecoded);
    r.rawQuery = parsed.query(QUrl::FullyEncoded).toLatin1();
    qsizetype i = 1;
    r.headers = readHeaders(lines, i);
    r.body = rest(lines, i);
    r.routePattern.clear();
    r.pathParams.clear();
    // Records created earlier in the change set, named by Content-ID in @odata.bind values.
    if (const auto json = r.jsonBody(); json && !m_references.isEmpty()) {
        QJsonObject body = *json;
        for (auto it = body.begin(); it != body.end(); ++it) {
            const QString v = it.value().toString();
            if (it.key().endsWith(QLatin1String("@odata.bind")) && v.startsWith(QLatin1Char('$')) &&
                m_references.contains(v.mid(1).toLatin1()))
                it.value() = m_references.value(v.mid(1).toLatin1());
        }
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return r;
}

QByteArray DynamicsBatch::responsePart(const HttpResponse& response, const QByteArray& contentId)
{
    QByteArray out = "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n";
    if (!contentId.isEmpty())
        out += "Content-ID: " + contentId + "\r\n";
    out += "\r\nHTTP/1.1 " + QByteArray::number(response.status) + ' ' + HttpResponse::reasonPhrase(response.status) +
           "\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n" + response.body + "\r\n";
    return out;
}

HttpResponse DynamicsBatch::run(const SandboxRequest& batch, const QByteArray& http, QString* error)
{
    ++m_requests;
    const auto inner = innerRequest(batch, http);
    if (!inner) {
        *error = QStringLiteral("A batch part is not an HTTP request, or names an unknown Content-ID.");
        return DynamicsErrors::dataverse(400, QStringLiteral("0x80060888"), *error);
    }
    if (inner->path.endsWith(QLatin1String("/$batch")))
        return DynamicsErrors::dataverse(400, QStringLiteral("0x80060888"), QStringLiteral("Nested batches are not supported."));
    HttpResponse r = m_dispatch(*inner);
    r.setHeaderIfAbsent(QByteArrayLiteral("OData-Version"), QByteArrayLiteral("4.0"));
    return r;
}

DynamicsBatch::Outcome DynamicsBatch::changeSet(const SandboxRequest& batch, const Part& part)
{
    const auto parts = split(part.content, boundaryOf(headerValue(part.headers, "Content-Type")));
    if (!parts)
        return {responsePart(DynamicsErrors::dataverse(400, QStringLiteral("0x80060888"),
                                                       QStringLiteral("The change set does not follow its boundary.")),
                             {}),
                true};
    const DynamicsStore before = m_store;
    m_references.clear();
    const QByteArray boundary = newBoundary("changesetresponse_");
    QByteArray text = "Content-Type: multipart/mixed; boundary=" + boundary + "\r\n\r\n";
    for (const Part& p : *parts) {
        const QByteArray contentId = headerValue(p.headers, "Content-ID");
        QString error;
        HttpResponse r = p.content.startsWith("GET ")
                             ? DynamicsErrors::dataverse(400, QStringLiteral("0x80060888"),
                                                         QStringLiteral("A change set cannot contain a GET request."))
                             : run(batch, p.content, &error);
        if (r.status >= 400) {
            m_store = before;
            m_references.clear();
            return {responsePart(r, contentId), true};
        }
        if (!contentId.isEmpty() && r.hasHeader("OData-EntityId"))
            m_references.insert(contentId, QString::fromUtf8(r.header("OData-EntityId")));
        text += "--" + boundary + "\r\n" + responsePart(r, contentId);
    }
    m_references.clear();
    text += "--" + boundary + "--\r\n";
    return {text, false};
}

HttpResponse DynamicsBatch::handle(const SandboxRequest& batch)
{
    const auto parts = split(batch.body, boundaryOf(batch.header("Content-Type")));
    if (!batch.header("Content-Type").toLower().startsWith("multipart/mixed") || !parts)
        return DynamicsErrors::dataverse(400, QStringLiteral("0x80060888"),
                                         QStringLiteral("A $batch body must be multipart/mixed with a boundary."));
    int total = 0;
    for (const Part& p : *parts)
        total += headerValue(p.headers, "Content-Type").startsWith("multipart/mixed")
                     ? int(p.content.count("Content-Type: application/http"))
                     : 1;
    if (total > kMaxRequests)
        return DynamicsErrors::dataverse(400, QStringLiteral("0x80060888"),
                                         QStringLiteral("The number of requests in a batch cannot exceed %1.").arg(kMaxRequests));
    const bool continueOnError = DynamicsPreferences::parse(batch.header("Prefer")).continueOnError;
    const QByteArray boundary = newBoundary("batchresponse_");
    QByteArray body;
    for (const Part& p : *parts) {
        Outcome outcome;
        if (headerValue(p.headers, "Content-Type").startsWith("multipart/mixed")) {
            outcome = changeSet(batch, p);
        } else {
            QString error;
            const HttpResponse r = run(batch, p.content, &error);
            outcome = {responsePart(r, {}), r.status >= 400};
        }
        body += "--" + boundary + "\r\n" + outcome.text;
        if (outcome.failed && !continueOnError)
            break;
    }
    body += "--" + boundary + "--\r\n";
    HttpResponse r = HttpResponse::text(200, body, "multipart/mixed; boundary=" + boundary);
    if (continueOnError)
        r.setHeader(QByteArrayLiteral("Preference-Applied"), QByteArrayLiteral("odata.continue-on-error"));
    return r;
}

} // namespace AssetDesk::Sandbox
