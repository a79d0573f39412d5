#include "support/openapischemavalidator.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace AssetDesk::SandboxTest {

namespace {

constexpr int kMaxDepth = 64;

} // namespace

bool OpenApiSchemaValidator::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = parseError.errorString();
        return false;
    }
    m_document = doc.object();
    return true;
}

QJsonObject OpenApiSchemaValidator::namedSchema(const QString& name) const
{
    return m_document.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject().value(name).toObject();
}

QJsonObject OpenApiSchemaValidator::responseSchema(const QString& pathTemplate, const QString& method, int status) const
{
    return m_document.value(QStringLiteral("paths"))
        .toObject()
        .value(pathTemplate)
        .toObject()
        .value(method.toLower())
        .toObject()
        .value(QStringLiteral("responses"))
        .toObject()
        .value(QString::number(status))
        .toObject()
        .value(QStringLiteral("content"))
        .toObject()
        .value(QStringLiteral("application/json"))
        .toObject()
        .value(QStringLiteral("schema"))
        .toObject();
}

QStringList OpenApiSchemaValidator::validate(const QJsonValue& value, const QJsonObject& schema) const
{
    QStringList out;
    check(value, schema, QStringLiteral("$"), out, 0);
    return out;
}

bool OpenApiSchemaValidator::typeMatches(const QJsonValue& value, const QString& type)
{
    if (type == QLatin1String("object"))
        return value.isObject();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("integer"))
        return value.isDouble() && std::floor(value.toDouble()) == value.toDouble();
    return true; // an unknown type word constrains nothing
}

QString OpenApiSchemaValidator::describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("the number %1").arg(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("the string \"%1\"").arg(value.toString().left(40));
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

void OpenApiSchemaValidator::check(const QJsonValue& value, const QJsonObject& schema, const QString& path,
                                   QStringList& out, int depth) const
{
    if (depth > kMaxDepth) {
        out << QStringLiteral("%1: schema nesting too deep").arg(path);
        return;
    }
    if (schema.contains(QStringLiteral("$ref"))) {
        const QString ref = schema.value(QStringLiteral("$ref")).toString();
        static const QString prefix = QStringLiteral("#/components/schemas/");
        if (!ref.startsWith(prefix) || !m_document.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject().contains(ref.mid(prefix.size()))) {
            out << QStringLiteral("%1: unresolvable $ref %2").arg(path, ref);
            return;
        }
        check(value, namedSchema(ref.mid(prefix.size())), path, out, depth + 1);
        return;
    }
    if (value.isNull() && schema.value(QStringLiteral("nullable")).toBool())
        return;
    for (const QJsonValue& sub : schema.value(QStringLiteral("allOf")).toArray())
        check(value, sub.toObject(), path, out, depth + 1);
    for (const char* key : {"anyOf", "oneOf"}) {
        const QJsonArray options = schema.value(QLatin1String(key)).toArray();
        if (options.isEmpty())
            continue;
        int matches = 0;
        for (const QJsonValue& sub : options)
            matches += validate(value, sub.toObject()).isEmpty() ? 1 : 0;
        if (matches == 0 || (qstrcmp(key, "oneOf") == 0 && matches > 1))
            out << QStringLiteral("%1: %2 matches %3 of the %4 alternatives").arg(path, describe(value)).arg(matches).arg(QLatin1String(key));
    }
    const QString type = schema.value(QStringLiteral("type")).toString();
    if (!type.isEmpty() && !typeMatches(value, type)) {
        out << QStringLiteral("%1: expected %2, found %3").arg(path, type, describe(value));
        return;
    }
    if (value.isNull() && !type.isEmpty()) {
        out << QStringLiteral("%1: null where %2 is not nullable").arg(path, type);
        return;
    }
    if (schema.contains(QStringLiteral("enum")) && !schema.value(QStringLiteral("enum")).toArray().contains(value))
        out << QStringLiteral("%1: %2 is not one of the enumerated values").arg(path, describe(value));

    if (value.isDouble()) {
        const double d = value.toDouble();
        if (schema.contains(QStringLiteral("minimum")) && d < schema.value(QStringLiteral("minimum")).toDouble())
            out << QStringLiteral("%1: %2 is below the minimum").arg(path, describe(value));
        if (schema.contains(QStringLiteral("maximum")) && d > schema.value(QStringLiteral("maximum")).toDouble())
            out << QStringLiteral("%1: %2 is above the maximum").arg(path, describe(value));
    }
    if (value.isString()) {
        const QString s = value.toString();
        if (schema.contains(QStringLiteral("minLength")) && s.size() < schema.value(QStringLiteral("minLength")).toInt())
            out << QStringLiteral("%1: string shorter than minLength").arg(path);
        if (schema.contains(QStringLiteral("maxLength")) && s.size() > schema.value(QStringLiteral("maxLength")).toInt())
            out << QStringLiteral("%1: string longer than maxLength").arg(path);
        const QString pattern = schema.value(QStringLiteral("pattern")).toString();
        if (!pattern.isEmpty() && !QRegularExpression(pattern).match(s).hasMatch())
            out << QStringLiteral("%1: %2 does not match the pattern %3").arg(path, describe(value), pattern);
        const QString format = schema.value(QStringLiteral("format")).toString();
        static const QRegularExpression uuid(
            QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
        if (format == QLatin1String("uuid") && !uuid.match(s).hasMatch())
            out << QStringLiteral("%1: %2 is not a uuid").arg(path, describe(value));
        if (format == QLatin1String("date-time") && !QDateTime::fromString(s, Qt::ISODateWithMs).isValid())
            out << QStringLiteral("%1: %2 is not a date-time").arg(path, describe(value));
        if (format == QLatin1String("date") && !QDate::fromString(s, Qt::ISODate).isValid())
            out << QStringLiteral("%1: %2 is not a date").arg(path, describe(value));
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(QStringLiteral("minItems")) && array.size() < schema.value(QStringLiteral("minItems")).toInt())
            out << QStringLiteral("%1: fewer items than minItems").arg(path);
        if (schema.contains(QStringLiteral("maxItems")) && array.size() > schema.value(QStringLiteral("maxItems")).toInt())
            out << QStringLiteral("%1: more items than maxItems").arg(path);
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        if (!items.isEmpty()) {
            for (qsizetype i = 0; i < array.size(); ++i)
                check(array.at(i), items, QStringLiteral("%1[%2]").arg(path).arg(i), out, depth + 1);
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue& required : schema.value(QStringLiteral("required")).toArray()) {
            if (!object.contains(required.toString()))
                out << QStringLiteral("%1: required member \"%2\" is missing").arg(path, required.toString());
        }
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString memberPath = path + QLatin1Char('.') + it.key();
            if (properties.contains(it.key()))
                check(it.value(), properties.value(it.key()).toObject(), memberPath, out, depth + 1);
            else if (additional.isObject())
                check(it.value(), additional.toObject(), memberPath, out, depth + 1);
            else if (additional.isBool() && !additional.toBool())
                out << QStringLiteral("%1: member not allowed by the schema").arg(memberPath);
        }
    }
}

} // namespace AssetDesk::SandboxTest
