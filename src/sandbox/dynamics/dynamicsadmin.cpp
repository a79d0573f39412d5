#include "sandbox/dynamics/dynamicsadmin.h"

#include "sandbox/demodata.h"
#include "sandbox/dynamics/dynamicsrecordwriter.h"
#include "sandbox/dynamics/dynamicsschema.h"
#include "sandbox/dynamics/dynamicsstore.h"
#include "sandbox/sandboxclock.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace AssetDesk::Sandbox {

DynamicsAdmin::DynamicsAdmin(DynamicsStore& store, const SandboxClock& clock, DemoData& random,
                             const qint64& maxUploadFileSize)
    : m_store(store)
    , m_clock(clock)
    , m_random(random)
    , m_maxUpload(maxUploadFileSize)
{}

Result<QString> DynamicsAdmin::write(const QString& entitySet, const QString& id, const QJsonObject& body)
{
    const DynamicsTable* table = DynamicsSchema::bySet(entitySet);
    const DynamicsRecord* existing = id.isEmpty() ? nullptr : m_store.find(entitySet, id);
    if (!id.isEmpty() && !existing)
        return Error(ErrorKind::NotFound, QStringLiteral("No %1 row %2").arg(entitySet, id));
    const DynamicsRecordWriter writer(m_store, m_random, m_maxUpload);
    const auto outcome = writer.columns(*table, body, existing ? &existing->columns : nullptr);
    if (const auto* failure = std::get_if<DataverseFailure>(&outcome))
        return Error(ErrorKind::Validation, failure->message);
    if (existing) {
        m_store.update(entitySet, id, std::get<QJsonObject>(outcome), m_clock.now());
        return id.toLower();
    }
    const QString newId = m_random.uuidString();
    m_store.insert(entitySet, newId, std::get<QJsonObject>(outcome), m_clock.now());
    return newId;
}

Result<QJsonObject> DynamicsAdmin::change(const QJsonObject& request)
{
    const QString set = request.value(QStringLiteral("table")).toString(QStringLiteral("incidents"));
    const DynamicsTable* table = DynamicsSchema::bySet(set);
    if (!table)
        return Error(ErrorKind::Validation, QStringLiteral("Unknown table \"%1\"").arg(set));
    QJsonArray modified, deleted, added;
    const QString id = request.value(QStringLiteral("id")).toString().toLower();
    auto fail = [](const Error& e) { return Result<QJsonObject>(e); };
    if (!id.isEmpty() && request.value(QStringLiteral("delete")).toBool()) {
        if (!m_store.find(set, id))
            return Error(ErrorKind::NotFound, QStringLiteral("No %1 row %2").arg(set, id));
        m_store.remove(set, id);
        deleted.append(id);
    } else if (!id.isEmpty()) {
        const auto written = write(set, id, request.value(QStringLiteral("set")).toObject());
        if (!written.ok())
            return fail(written.error());
        modified.append(written.value());
    } else if (request.contains(QStringLiteral("create"))) {
        const auto written = write(set, {}, request.value(QStringLiteral("create")).toObject());
        if (!written.ok())
            return fail(written.error());
        added.append(written.value());
    } else {
        const int modify = request.value(QStringLiteral("modify")).toInt();
        const int remove = request.value(QStringLiteral("remove")).toInt();
        const int add = request.value(QStringLiteral("add")).toInt();
        if (modify < 0 || remove < 0 || add < 0 || modify + remove + add > 100000 ||
            modify + remove > m_store.count(set))
            return Error(ErrorKind::Validation, QStringLiteral("modify, remove and add must be 0..100000 and fit the table"));
        // The first rows in key order are modified, the next ones removed: deterministic for a seed.
        QStringList ids = m_store.rows(set).keys();
        for (int i = 0; i < modify; ++i) {
            const QJsonObject row = m_store.find(set, ids.at(i))->columns;
            QJsonObject change{{table->primaryName, row.value(table->primaryName).toString() + QStringLiteral(" (updated)")}};
            if (table->hasColumn(QStringLiteral("description")))
                change.insert(QStringLiteral("description"), m_random.sentence());
            m_store.update(set, ids.at(i), change, m_clock.now());
            modified.append(ids.at(i));
        }
        for (int i = modify; i < modify + remove; ++i) {
            m_store.remove(set, ids.at(i));
            deleted.append(ids.at(i));
        }
        for (int i = 0; i < add; ++i) {
            QJsonObject body{{table->primaryName, QStringLiteral("Added ") + m_random.words(3)}};
            if (set == QLatin1String("incidents")) {
                const auto accounts = m_store.rows(QStringLiteral("accounts")).keys();
                body.insert(QStringLiteral("customerid_account@odata.bind"),
                            QStringLiteral("/accounts(%1)").arg(m_random.pick(accounts)));
                body.insert(QStringLiteral("prioritycode"), int(m_random.between(1, 3)));
            }
            const auto written = write(set, {}, body);
            if (!written.ok())
                return fail(written.error());
            added.append(written.value());
        }
    }
    return QJsonObject{{QStringLiteral("table"), set},
                       {QStringLiteral("modified"), modified},
                       {QStringLiteral("deleted"), deleted},
                       {QStringLiteral("added"), added},
                       {QStringLiteral("version"), m_store.currentVersion()}};
}

QJsonObject DynamicsAdmin::annotations(const QUrlQuery& query) const
{
    const QString objectId = query.queryItemValue(QStringLiteral("objectid"), QUrl::FullyDecoded).toLower();
    const QString fileName = query.queryItemValue(QStringLiteral("filename"), QUrl::FullyDecoded);
    QJsonArray out;
    for (const DynamicsRecord& r : m_store.rows(QStringLiteral("annotations"))) {
        const QJsonObject& c = r.columns;
        if (!objectId.isEmpty() && c.value(QStringLiteral("_objectid_value")).toString() != objectId)
            continue;
        if (!fileName.isEmpty() && c.value(QStringLiteral("filename")).toString() != fileName)
            continue;
        const QByteArray base64 = c.value(QStringLiteral("documentbody")).toString().toLatin1();
        const QByteArray bytes = QByteArray::fromBase64(base64);
        QJsonObject note;
        for (const char* column : {"annotationid", "subject", "notetext", "filename", "mimetype", "filesize",
                                   "isdocument", "objecttypecode", "createdon", "modifiedon", "versionnumber"})
            note.insert(QLatin1String(column), c.value(QLatin1String(column)));
        note.insert(QStringLiteral("objectid"), c.value(QStringLiteral("_objectid_value")));
        note.insert(QStringLiteral("documentbody_base64_length"), int(base64.size()));
        note.insert(QStringLiteral("documentbody_bytes"), int(bytes.size()));
        note.insert(QStringLiteral("documentbody_sha256"),
                    QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        out.append(note);
    }
    return QJsonObject{{QStringLiteral("annotations"), out}};
}

Result<QJsonObject> DynamicsAdmin::resource(const QString& name, const QUrlQuery& query) const
{
    if (name == QLatin1String("annotations"))
        return annotations(query);
    if (name == QLatin1String("tables")) {
        QJsonObject counts;
        for (const DynamicsTable& t : DynamicsSchema::tables())
            counts.insert(t.entitySet, int(m_store.count(t.entitySet)));
        return QJsonObject{{QStringLiteral("tables"), counts}, {QStringLiteral("version"), m_store.currentVersion()}};
    }
    if (name == QLatin1String("records")) {
        const QString set = query.queryItemValue(QStringLiteral("table"), QUrl::FullyDecoded);
        const DynamicsRecord* r = m_store.find(set, query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded));
        if (!r)
            return Error(ErrorKind::NotFound, QStringLiteral("No such row"));
        return QJsonObject{{QStringLiteral("record"), r->columns}, {QStringLiteral("version"), r->version}};
    }
    return Error(ErrorKind::NotFound, QStringLiteral("Unknown Dynamics admin resource \"%1\"").arg(name));
}

} // namespace AssetDesk::Sandbox
