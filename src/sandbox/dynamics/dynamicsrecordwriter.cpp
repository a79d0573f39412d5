#include "sandbox/dynamics/dynamicsrecordwriter.h"

#include "sandbox/demodata.h"
#include "sandbox/dynamics/dynamicsschema.h"
#include "sandbox/dynamics/dynamicsstore.h"

#include <QRegularExpression>
#include <QUuid>

namespace AssetDesk::Sandbox {

namespace {

const QStringList kReadOnly{QStringLiteral("createdon"), QStringLiteral("modifiedon"), QStringLiteral("versionnumber"),
                            QStringLiteral("filesize"), QStringLiteral("isdocument"), QStringLiteral("objecttypecode"),
                            QStringLiteral("fullname"), QStringLiteral("ticketnumber")};

DataverseFailure invalid(const QString& message, const QString& code = QStringLiteral("0x80060888"))
{
    return {400, code, message};
}

} // namespace

DataverseFailure DynamicsRecordWriter::tooLarge(qint64 size, qint64 limit)
{
    // The code and wording are the sandbox's best knowledge (unconfirmed): Dataverse refuses
    // notes over the organization's maxuploadfilesize (default 5 MB) as an invalid attachment.
    return {400, QStringLiteral("0x80043e09"),
            QStringLiteral("The attachment is either not a valid type or is too large. It cannot be uploaded or "
                           "downloaded. (File size %1 bytes exceeds the maximum of %2 bytes.)")
                .arg(size)
                .arg(limit)};
}

std::optional<DataverseFailure> DynamicsRecordWriter::bind(const DynamicsTable& table, const QString& navigation,
                                                           const QJsonValue& value, QJsonObject& out) const
{
    const DynamicsLookup* lookup = table.lookup(navigation);
    QString targetLogical = lookup && !lookup->polymorphic() ? lookup->targets.first() : QString();
    if (!lookup || lookup->polymorphic()) {
        const qsizetype underscore = navigation.lastIndexOf(QLatin1Char('_'));
        lookup = underscore > 0 ? table.lookup(navigation.left(underscore)) : nullptr;
        targetLogical = navigation.mid(underscore + 1);
        if (!lookup || !lookup->polymorphic() || !lookup->targets.contains(targetLogical))
            return invalid(QStringLiteral("An undeclared property '%1' which only has property annotations in the "
                                          "payload but no property value was found in the payload.")
                               .arg(navigation));
    }
    if (value.isNull()) {
        DynamicsStore::setLookup(out, lookup->name, {}, {}, {});
        if (lookup->name == QLatin1String("objectid"))
            out.insert(QStringLiteral("objecttypecode"), QJsonValue::Null);
        return std::nullopt;
    }
    static const QRegularExpression ref(QStringLiteral("(?:^|/)([A-Za-z_]+)\\(([0-9a-fA-F-]{36})\\)$"));
    const QRegularExpressionMatch m = ref.match(value.toString());
    const DynamicsTable* target = m.hasMatch() ? DynamicsSchema::bySet(m.captured(1)) : nullptr;
    if (!target || target->logicalName != targetLogical)
        return invalid(QStringLiteral("The value '%1' of %2@odata.bind is not a reference to a %3 record "
                                      "(\"/<entityset>(<guid>)\").")
                           .arg(value.toString(), navigation, targetLogical));
    const DynamicsRecord* r = m_store.find(target->entitySet, m.captured(2));
    if (!r)
        return DataverseFailure{404, QStringLiteral("0x80040217"),
                                QStringLiteral("%1 With Id = %2 Does Not Exist").arg(target->logicalName, m.captured(2))};
    DynamicsStore::setLookup(out, lookup->name, m.captured(2), target->logicalName,
                             r->columns.value(target->primaryName).toString());
    if (lookup->name == QLatin1String("objectid"))
        out.insert(QStringLiteral("objecttypecode"), target->logicalName);
    return std::nullopt;
}

std::optional<DataverseFailure> DynamicsRecordWriter::tableRules(const DynamicsTable& table, QJsonObject& out,
                                                                 const QJsonObject* existing) const
{
    auto value = [&](const QString& column) {
        return out.contains(column) ? out.value(column) : (existing ? existing->value(column) : QJsonValue());
    };
    if (table.entitySet == QLatin1String("annotations") && out.contains(QStringLiteral("documentbody"))) {
        const QString body = out.value(QStringLiteral("documentbody")).toString();
        const auto decoded = QByteArray::fromBase64Encoding(body.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return invalid(QStringLiteral("documentbody is not a valid base64 string."), QStringLiteral("0x80040203"));
        if (decoded.decoded.size() > m_maxUpload)
            return tooLarge(decoded.decoded.size(), m_maxUpload);
        out.insert(QStringLiteral("filesize"), int(decoded.decoded.size()));
        out.insert(QStringLiteral("isdocument"), !body.isEmpty());
    }
    if (table.entitySet == QLatin1String("annotations") && !existing && !out.contains(QStringLiteral("isdocument")))
        out.insert(QStringLiteral("isdocument"), false);
    if (table.entitySet == QLatin1String("incidents")) {
        if (value(QStringLiteral("title")).toString().trimmed().isEmpty())
            return invalid(QStringLiteral("A case needs a title."), QStringLiteral("0x80040203"));
        if (value(QStringLiteral("_customerid_value")).toString().isEmpty())
            return invalid(QStringLiteral("You should specify a parent contact or account."), QStringLiteral("0x80040203"));
        if (!existing)
            out.insert(QStringLiteral("ticketnumber"),
                       QStringLiteral("CAS-%1-%2")
                           .arg(m_random.digits(5), m_random.fromAlphabet(u"ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)));
    }
    if (table.entitySet == QLatin1String("contacts") &&
        (out.contains(QStringLiteral("firstname")) || out.contains(QStringLiteral("lastname"))))
        out.insert(QStringLiteral("fullname"), (value(QStringLiteral("firstname")).toString() + QLatin1Char(' ') +
                                                value(QStringLiteral("lastname")).toString())
                                                   .trimmed());
    if (!existing && table.hasColumn(QStringLiteral("statecode")) && !out.contains(QStringLiteral("statecode"))) {
        out.insert(QStringLiteral("statecode"), 0);
        out.insert(QStringLiteral("statuscode"), 1);
    }
    return std::nullopt;
}

DynamicsRecordWriter::Outcome DynamicsRecordWriter::columns(const DynamicsTable& table, const QJsonObject& body,
                                                            const QJsonObject* existing) const
{
    QJsonObject out;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString& name = it.key();
        if (name.endsWith(QLatin1String("@odata.bind"))) {
            if (auto failure = bind(table, name.chopped(11), it.value(), out))
                return *failure;
            continue;
        }
        if (name.contains(QLatin1Char('@')) || kReadOnly.contains(name))
            continue; // annotations and read-only columns are ignored on write
        if (name == table.key) {
            if (existing || QUuid(it.value().toString()).isNull())
                return invalid(QStringLiteral("The key %1 can be set only when creating a record, as a GUID.").arg(name));
            out.insert(name, it.value().toString().toLower());
            continue;
        }
        if (table.lookupByValueColumn(name))
            return invalid(QStringLiteral("Invalid property '%1' was found in entity 'Microsoft.Dynamics.CRM.%2'. "
                                          "Set lookups with <navigation property>@odata.bind.")
                               .arg(name, table.logicalName));
        if (!table.columns.contains(name))
            return invalid(QStringLiteral("Invalid property '%1' was found in entity 'Microsoft.Dynamics.CRM.%2'.")
                               .arg(name, table.logicalName));
        out.insert(name, it.value());
    }
    if (auto failure = tableRules(table, out, existing))
        return *failure;
    return out;
}

} // namespace AssetDesk::Sandbox
