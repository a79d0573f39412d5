#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace AssetDesk::SandboxTest {

// Checks JSON against the schemas of one OpenAPI 3.0 document - the subset the iconik specs use:
// type, nullable, properties, required, additionalProperties, items, enum, $ref (to
// #/components/schemas/...), allOf, anyOf, oneOf, minimum/maximum, minItems/maxItems,
// minLength/maxLength, pattern and the formats uuid, date-time and date. readOnly/writeOnly, default,
// example and description do not constrain a response. Every violation is reported with its
// JSON path, so a failing test says what is wrong.
class OpenApiSchemaValidator
{
public:
    bool load(const QString& path, QString* error = nullptr);

    // The JSON schema of the response `status` of `method` on `pathTemplate` (as written in the
    // document, e.g. "/v1/assets/{asset_id}/"); an empty object when the document has none.
    QJsonObject responseSchema(const QString& pathTemplate, const QString& method, int status) const;
    QJsonObject namedSchema(const QString& name) const;

    // Violations of `value` against `schema`; empty when it conforms.
    QStringList validate(const QJsonValue& value, const QJsonObject& schema) const;

private:
    void check(const QJsonValue& value, const QJsonObject& schema, const QString& path, QStringList& out,
               int depth) const;
    static bool typeMatches(const QJsonValue& value, const QString& type);
    static QString describe(const QJsonValue& value);

    QJsonObject m_document;
};

} // namespace AssetDesk::SandboxTest
