#include "sandbox/dynamics/dynamicspreferences.h"

namespace AssetDesk::Sandbox {

DynamicsPreferences DynamicsPreferences::parse(const QByteArray& header)
{
    DynamicsPreferences p;
    // Values are separated by commas, but include-annotations carries its own comma list in
    // quotes, so split outside quotes only.
    QList<QByteArray> values;
    QByteArray current;
    bool quoted = false;
    for (char c : header) {
        if (c == '"')
            quoted = !quoted;
        if (c == ',' && !quoted) {
            values.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    values.append(current.trimmed());
    for (const QByteArray& v : values) {
        const qsizetype eq = v.indexOf('=');
        const QByteArray name = (eq < 0 ? v : v.left(eq)).trimmed().toLower();
        QByteArray value = eq < 0 ? QByteArray() : v.mid(eq + 1).trimmed();
        if (value.startsWith('"') && value.endsWith('"') && value.size() >= 2)
            value = value.mid(1, value.size() - 2);
        if (name == "odata.maxpagesize")
            p.maxPageSize = value.toInt();
        else if (name == "odata.track-changes")
            p.trackChanges = true;
        else if (name == "return" && value == "representation")
            p.returnRepresentation = true;
        else if (name == "odata.continue-on-error")
            p.continueOnError = true;
        else if (name == "odata.include-annotations")
            p.includeAnnotations = QString::fromUtf8(value).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    return p;
}

bool DynamicsPreferences::wantsAnnotation(QStringView term) const
{
    for (const QString& raw : includeAnnotations) {
        const QString pattern = raw.trimmed();
        if (pattern == QLatin1String("*") || pattern == term)
            return true;
        if (pattern.endsWith(QLatin1Char('*')) && term.startsWith(QStringView(pattern).chopped(1)))
            return true;
    }
    return false;
}

} // namespace AssetDesk::Sandbox
