#include "sandbox/dynamics/dynamicswriteroutes.h"

#include "sandbox/demodata.h"
#include "sandbox/dynamics/dynamicserrors.h"
#include "sandbox/dynamics/dynamicspreferences.h"
#include "sandbox/dynamics/dynamicsreadroutes.h"
#include "sandbox/dynamics/dynamicsrecordwriter.h"
#include "sandbox/dynamics/dynamicsschema.h"
#include "sandbox/dynamics/dynamicsstore.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxrequest.h"

namespace AssetDesk::Sandbox {

DynamicsWriteRoutes::DynamicsWriteRoutes(DynamicsStore& store, const SandboxClock& clock, DemoData& random,
                                         const DynamicsReadRoutes& reader, const qint64& maxUploadFileSize)
    : m_store(store)
    , m_clock(clock)
    , m_random(random)
    , m_reader(reader)
    , m_maxUpload(maxUploadFileSize)
{}

QString DynamicsWriteRoutes::entityUrl(const DynamicsTable& table, const QString& id) const
{
    return QStringLiteral("%1/%2(%3)").arg(m_root, table.entitySet, id);
}

HttpResponse DynamicsWriteRoutes::written(const SandboxRequest& request, const DynamicsTable& table,
                                          const QString& id, bool created) const
{
    const DynamicsPreferences prefs = DynamicsPreferences::parse(request.header(QByteArrayLiteral("Prefer")));
    HttpResponse r;
    if (prefs.returnRepresentation) {
        r = m_reader.record(request, table, id);
        r.status = created ? 201 : 200;
        r.setHeader(QByteArrayLiteral("Preference-Applied"), QByteArrayLiteral("return=representation"));
    } else {
        r = HttpResponse::empty(204);
    }
    r.setHeader(QByteArrayLiteral("OData-EntityId"), entityUrl(table, id).toUtf8());
    return r;
}

HttpResponse DynamicsWriteRoutes::create(const SandboxRequest& request, const DynamicsTable& table) const
{
    const auto body = request.jsonBody();
    if (!body)
        return DynamicsErrors::dataverse(400, QStringLiteral("0x80040203"),
                                         QStringLiteral("The request body must be a JSON object (Content-Type: application/json)."));
    const DynamicsRecordWriter writer(m_store, m_random, m_maxUpload);
    const auto outcome = writer.columns(table, *body, nullptr);
    if (const auto* failure = std::get_if<DataverseFailure>(&outcome))
        return DynamicsErrors::dataverse(*failure);
    QJsonObject columns = std::get<QJsonObject>(outcome);
    QString id = columns.value(table.key).toString();
    if (id.isEmpty())
        id = m_random.uuidString();
    if (m_store.find(table.entitySet, id))
        return DynamicsErrors::dataverse(412, QStringLiteral("0x80040237"),
                                         QStringLiteral("A record with matching key values already exists."));
    m_store.insert(table.entitySet, id, columns, m_clock.now());
    return written(request, table, id.toLower(), true);
}

HttpResponse DynamicsWriteRoutes::update(const SandboxRequest& request, const DynamicsTable& table,
                                         const QString& id) const
{
    const auto body = request.jsonBody();
    if (!body)
        return DynamicsErrors::dataverse(400, QStringLiteral("0x80040203"),
                                         QStringLiteral("The request body must be a JSON object (Content-Type: application/json)."));
    const DynamicsRecord* existing = m_store.find(table.entitySet, id);
    const QByteArray ifMatch = request.header(QByteArrayLiteral("If-Match")).trimmed();
    const QByteArray ifNoneMatch = request.header(QByteArrayLiteral("If-None-Match")).trimmed();
    if (!existing && !ifMatch.isEmpty())
        return DynamicsReadRoutes::notFound(table, id);
    if (existing && ifNoneMatch == "*")
        return DynamicsErrors::dataverse(412, QStringLiteral("0x80040237"),
                                         QStringLiteral("A record with matching key values already exists."));
    if (existing && !ifMatch.isEmpty() && ifMatch != "*" &&
        ifMatch != QStringLiteral("W/\"%1\"").arg(existing->version).toUtf8())
        return DynamicsErrors::dataverse(412, QStringLiteral("0x80060882"),
                                         QStringLiteral("The version of the existing record doesn't match the "
                                                        "RowVersion property provided."));
    QJsonObject withKey = *body;
    if (!existing)
        withKey.insert(table.key, id); // upsert: the key comes from the URL
    const DynamicsRecordWriter writer(m_store, m_random, m_maxUpload);
    const auto outcome = writer.columns(table, withKey, existing ? &existing->columns : nullptr);
    if (const auto* failure = std::get_if<DataverseFailure>(&outcome))
        return DynamicsErrors::dataverse(*failure);
    if (existing)
        m_store.update(table.entitySet, id, std::get<QJsonObject>(outcome), m_clock.now());
    else
        m_store.insert(table.entitySet, id, std::get<QJsonObject>(outcome), m_clock.now());
    return written(request, table, id.toLower(), !existing);
}

HttpResponse DynamicsWriteRoutes::remove(const DynamicsTable& table, const QString& id) const
{
    if (!m_store.find(table.entitySet, id))
        return DynamicsReadRoutes::notFound(table, id);
    m_store.remove(table.entitySet, id);
    QStringList notes;
    for (const DynamicsRecord& note : m_store.rows(QStringLiteral("annotations"))) {
        if (note.columns.value(QStringLiteral("_objectid_value")).toString() == id.toLower())
            notes.append(note.columns.value(QStringLiteral("annotationid")).toString());
    }
    for (const QString& note : notes)
        m_store.remove(QStringLiteral("annotations"), note);
    return HttpResponse::empty(204);
}

} // namespace AssetDesk::Sandbox
