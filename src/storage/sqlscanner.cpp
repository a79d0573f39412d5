#include "storage/sqlscanner.h"

namespace AssetDesk::SqlScanner {

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

namespace {

// A quoted run where the quote character is escaped by doubling it ('it''s', "a""b").
qsizetype skipQuoted(const QString& sql, qsizetype pos, QChar quote)
{
    for (qsizetype i = pos + 1; i < sql.size(); ++i) {
        if (sql.at(i) != quote)
            continue;
        if (i + 1 < sql.size() && sql.at(i + 1) == quote) {
            ++i;
            continue;
        }
        return i + 1;
    }
    return -1;
}

// $$ or $tag$ opening a PostgreSQL dollar-quoted body; returns the tag including both '$', or an
// empty string when `pos` is a positional parameter ($1) or part of an identifier.
QString dollarTag(const QString& sql, qsizetype pos)
{
    if (pos > 0 && isIdentifierChar(sql.at(pos - 1)))
        return {};
    qsizetype i = pos + 1;
    if (i < sql.size() && sql.at(i) == QLatin1Char('$'))
        return QStringLiteral("$$");
    if (i >= sql.size() || !isIdentifierStart(sql.at(i)))
        return {};
    while (i < sql.size() && isIdentifierChar(sql.at(i)))
        ++i;
    if (i < sql.size() && sql.at(i) == QLatin1Char('$'))
        return sql.mid(pos, i - pos + 1);
    return {};
}

} // namespace

qsizetype skipNonCode(const QString& sql, qsizetype pos)
{
    if (pos >= sql.size())
        return pos;
    const QChar c = sql.at(pos);
    const QChar next = pos + 1 < sql.size() ? sql.at(pos + 1) : QChar();
    if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
        return skipQuoted(sql, pos, c);
    if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
        const qsizetype end = sql.indexOf(QLatin1Char('\n'), pos);
        return end < 0 ? sql.size() : end + 1;
    }
    if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
        const qsizetype end = sql.indexOf(QLatin1String("*/"), pos + 2);
        return end < 0 ? -1 : end + 2;
    }
    if (c == QLatin1Char('$')) {
        const QString tag = dollarTag(sql, pos);
        if (tag.isEmpty())
            return pos;
        const qsizetype end = sql.indexOf(tag, pos + tag.size());
        return end < 0 ? -1 : end + tag.size();
    }
    return pos;
}

} // namespace AssetDesk::SqlScanner
