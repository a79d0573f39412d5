#include "sandbox/dynamics/dynamicstableroutes.h"

#include "sandbox/dynamics/dynamicsbatch.h"
#include "sandbox/dynamics/dynamicserrors.h"
#include "sandbox/dynamics/dynamicsmetadata.h"
#include "sandbox/dynamics/dynamicsschema.h"
#include "sandbox/router.h"
#include "sandbox/sandboxrequest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace AssetDesk::Sandbox {

namespace {

const QString kPrefix = QStringLiteral("/api/data/v9.2/");

HttpResponse notFoundSegment(const QString& segment)
{
    return DynamicsErrors::dataverse(404, QStringLiteral("0x80060888"),
                                     QStringLiteral("Resource not found for the segment '%1'.").arg(segment));
}

} // namespace

DynamicsTableRoutes::DynamicsTableRoutes(DynamicsStore& store, const SandboxClock& clock, DemoData& random,
                                         const qint64& maxUploadFileSize)
    : m_store(store)
    , m_reader(store, clock)
    , m_writer(store, clock, random, m_reader, maxUploadFileSize)
{}

void DynamicsTableRoutes::registerRoutes(Router& router, const QString& root)
{
    m_root = root;
    m_reader.setRoot(root);
    m_writer.setRoot(root);
    for (const char* method : {"GET", "POST", "PATCH", "DELETE"}) {
        router.add(method, QStringLiteral("/api/data/v9.2/*resource"), Access::App,
                   [this](const SandboxRequest& r) { return dispatch(r); });
    }
    router.add("POST", QStringLiteral("/api/data/v9.2/$batch"), Access::App, [this](const SandboxRequest& r) {
        return DynamicsBatch(m_store, m_root, [this](const SandboxRequest& inner) { return dispatch(inner); })
            .handle(r);
    });
}

HttpResponse DynamicsTableRoutes::serviceDocument() const
{
    QJsonArray sets;
    for (const DynamicsTable& t : DynamicsSchema::tables())
        sets.append(QJsonObject{{QStringLiteral("name"), t.entitySet},
                                {QStringLiteral("kind"), QStringLiteral("EntitySet")},
                                {QStringLiteral("url"), t.entitySet}});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("@odata.context"), m_root + QStringLiteral("/$metadata")},
                                               {QStringLiteral("value"), sets}});
}

HttpResponse DynamicsTableRoutes::dispatch(const SandboxRequest& request) const
{
    if (!request.path.startsWith(kPrefix) && request.path != kPrefix.chopped(1))
        return notFoundSegment(request.path);
    const QString resource = request.path.mid(kPrefix.size());
    if (resource == QLatin1String("$metadata") && request.method == "GET")
        return HttpResponse::text(200, DynamicsMetadata::csdl(), QByteArrayLiteral("application/xml"));
    if (resource.isEmpty())
        return request.method == "GET" ? serviceDocument() : DynamicsErrors::dataverse(405, {}, QStringLiteral("Method not allowed."));
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Za-z_]+)(?:\\(([^)]*)\\))?(?:/([A-Za-z_$][A-Za-z0-9_]*))?/?$"));
    const QRegularExpressionMatch m = pattern.match(resource);
    const DynamicsTable* table = m.hasMatch() ? DynamicsSchema::bySet(m.captured(1)) : nullptr;
    if (!table)
        return notFoundSegment(resource.section(QLatin1Char('/'), 0, 0));
    const bool hasKey = m.capturedLength(2) > 0;
    QString id = m.captured(2).remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    static const QRegularExpression guid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    if (hasKey && !guid.match(id).hasMatch())
        return DynamicsErrors::dataverse(400, QStringLiteral("0x80060888"),
                                         QStringLiteral("The key '%1' is not a GUID; the sandbox serves no alternate keys.")
                                             .arg(m.captured(2)));
    id = id.toLower();
    const QString property = m.captured(3);
    const QByteArray& method = request.method;
    if (!hasKey && property == QLatin1String("$count") && method == "GET")
        return m_reader.count(request, *table);
    if (!property.isEmpty()) {
        if (hasKey && method == "GET")
            return m_reader.navigation(request, *table, id, property);
        return DynamicsErrors::dataverse(405, QStringLiteral("0x80060888"),
                                         QStringLiteral("%1 is not supported on %2 by the sandbox.")
                                             .arg(QString::fromLatin1(method), resource));
    }
    if (!hasKey) {
        if (method == "GET")
            return m_reader.collection(request, *table);
        if (method == "POST")
            return m_writer.create(request, *table);
    } else {
        if (method == "GET")
            return m_reader.record(request, *table, id);
        if (method == "PATCH")
            return m_writer.update(request, *table, id);
        if (method == "DELETE")
            return m_writer.remove(*table, id);
    }
    return DynamicsErrors::dataverse(405, QStringLiteral("0x80060888"),
                                     QStringLiteral("The HTTP method %1 is not allowed on %2.")
                                         .arg(QString::fromLatin1(method), resource));
}

} // namespace AssetDesk::Sandbox
