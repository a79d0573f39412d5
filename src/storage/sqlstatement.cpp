#include "storage/sqlstatement.h"

#include "storage/sqlerror.h"
#include "storage/sqlscanner.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>

#include <functional>

namespace AssetDesk {

namespace {

// Calls `found(start, end, name)` for every :name placeholder outside strings and comments.
// "::" (a PostgreSQL cast) is not a placeholder.
void forEachPlaceholder(const QString& sql,
                        const std::function<void(qsizetype, qsizetype, const QString&)>& found)
{
    qsizetype i = 0;
    while (i < sql.size()) {
        const qsizetype skipped = SqlScanner::skipNonCode(sql, i);
        if (skipped < 0)
            return;
        if (skipped != i) {
            i = skipped;
            continue;
        }
        if (sql.at(i) == QLatin1Char(':') && i + 1 < sql.size() &&
            SqlScanner::isIdentifierStart(sql.at(i + 1)) && (i == 0 || sql.at(i - 1) != QLatin1Char(':'))) {
            qsizetype end = i + 1;
            while (end < sql.size() && SqlScanner::isIdentifierChar(sql.at(end)))
                ++end;
            found(i, end, sql.mid(i + 1, end - i - 1));
            i = end;
            continue;
        }
        ++i;
    }
}

QVariant normalized(const QVariant& value)
{
    if (value.metaType().id() == QMetaType::QString && value.toString().isNull())
        return QVariant(QStringLiteral(""));
    return value;
}

} // namespace

SqlStatement::SqlStatement(const SqlConnection& connection, const QString& sql)
    : m_connection(connection)
    , m_sql(sql)
    , m_names(placeholders(sql))
    , m_query(connection.database())
{
    m_query.setForwardOnly(true);
}

QStringList SqlStatement::placeholders(const QString& sql)
{
    QStringList names;
    forEachPlaceholder(sql, [&names](qsizetype, qsizetype, const QString& name) { names << name; });
    return names;
}

SqlStatement& SqlStatement::bind(const QString& name, const QVariant& value)
{
    m_values.insert(name, normalized(value));
    return *this;
}

Status SqlStatement::checkBound() const
{
    for (const QString& name : m_names) {
        if (!m_values.contains(name)) {
            return Error(ErrorKind::Internal, QStringLiteral("A database statement is missing a value."),
                         QStringLiteral("placeholder :%1 is not bound in: %2").arg(name, m_sql.simplified()))
                .withOrigin(QStringLiteral("storage"));
        }
    }
    return {};
}

QString SqlStatement::literal(const QVariant& value) const
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("NULL");
    // PostgreSQL has a real boolean type; the driver would render a bool as 1/0.
    if (value.metaType().id() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    QSqlField field(QString(), value.metaType());
    field.setValue(value);
    return m_connection.database().driver()->formatValue(field);
}

Result<QString> SqlStatement::renderedSql() const
{
    if (Status s = checkBound(); !s)
        return s.error();
    QString out;
    out.reserve(m_sql.size() + 64);
    qsizetype last = 0;
    forEachPlaceholder(m_sql, [&](qsizetype start, qsizetype end, const QString& name) {
        out += QStringView(m_sql).mid(last, start - last);
        out += literal(m_values.value(name));
        last = end;
    });
    out += QStringView(m_sql).mid(last);
    return out;
}

Status SqlStatement::exec()
{
    if (Status s = checkBound(); !s)
        return s;
    bool ok = false;
    if (m_connection.isSQLite()) {
        if (!m_prepared) {
            // Positional '?' markers: SQLite binds them natively, and a name used twice simply
            // appears twice in m_names.
            QString positional;
            qsizetype last = 0;
            forEachPlaceholder(m_sql, [&](qsizetype start, qsizetype end, const QString&) {
                positional += QStringView(m_sql).mid(last, start - last);
                positional += QLatin1Char('?');
                last = end;
            });
            positional += QStringView(m_sql).mid(last);
            if (!m_query.prepare(positional)) {
                return sqlError(QStringLiteral("A database statement could not be prepared."),
                                m_query.lastError(), m_sql);
            }
            m_prepared = true;
        }
        for (qsizetype i = 0; i < m_names.size(); ++i)
            m_query.bindValue(int(i), m_values.value(m_names.at(i)));
        ok = m_query.exec();
    } else {
        Result<QString> rendered = renderedSql();
        if (!rendered)
            return rendered.error();
        ok = m_query.exec(rendered.value());
    }
    if (!ok)
        return sqlError(QStringLiteral("A database statement failed."), m_query.lastError(), m_sql);
    return {};
}

} // namespace AssetDesk
