#include "storage/sqlscript.h"

#include "storage/sqlscanner.h"

namespace AssetDesk {

namespace {

bool isTriggerStatement(const QString& statement)
{
    const QStringList words = SqlScript::leadingWords(statement, 3);
    if (words.size() >= 2 && words.at(0) == u"CREATE" && words.at(1) == u"TRIGGER")
        return true;
    return words.size() >= 3 && words.at(0) == u"CREATE" &&
           (words.at(1) == u"TEMP" || words.at(1) == u"TEMPORARY") && words.at(2) == u"TRIGGER";
}

bool hasCode(const QString& piece)
{
    for (qsizetype i = 0; i < piece.size();) {
        const qsizetype skipped = SqlScanner::skipNonCode(piece, i);
        if (skipped != i && (piece.at(i) == QLatin1Char('-') || piece.at(i) == QLatin1Char('/'))) {
            i = skipped < 0 ? piece.size() : skipped;
            continue;
        }
        if (!piece.at(i).isSpace())
            return true;
        ++i;
    }
    return false;
}

} // namespace

QStringList SqlScript::leadingWords(const QString& statement, int count)
{
    QStringList words;
    qsizetype i = 0;
    while (i < statement.size() && words.size() < count) {
        const qsizetype skipped = SqlScanner::skipNonCode(statement, i);
        if (skipped < 0)
            break;
        if (skipped != i) {
            // A quoted identifier or string is not a keyword; stop before guessing past it.
            if (statement.at(i) == QLatin1Char('\'') || statement.at(i) == QLatin1Char('"') ||
                statement.at(i) == QLatin1Char('$'))
                break;
            i = skipped;
            continue;
        }
        const QChar c = statement.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (!SqlScanner::isIdentifierStart(c))
            break;
        const qsizetype start = i;
        while (i < statement.size() && SqlScanner::isIdentifierChar(statement.at(i)))
            ++i;
        words << statement.mid(start, i - start).toUpper();
    }
    return words;
}

Result<QStringList> SqlScript::split(const QString& sql)
{
    QStringList statements;
    qsizetype start = 0;
    qsizetype i = 0;
    int blockDepth = 0;    // BEGIN/CASE ... END nesting inside a SQLite trigger body
    int triggerState = -1; // -1 unknown yet for this statement, 0 no, 1 yes
    int wordCount = 0;
    auto finish = [&](qsizetype end) {
        const QString piece = sql.mid(start, end - start).trimmed();
        if (hasCode(piece))
            statements << piece;
        start = end + 1;
        blockDepth = 0;
        triggerState = -1;
        wordCount = 0;
    };
    while (i < sql.size()) {
        const qsizetype skipped = SqlScanner::skipNonCode(sql, i);
        if (skipped < 0) {
            return Error(
                ErrorKind::Validation,
                QStringLiteral("Unterminated string, comment or $$ body in SQL script near offset %1.")
                    .arg(i));
        }
        if (skipped != i) {
            i = skipped;
            continue;
        }
        const QChar c = sql.at(i);
        if (SqlScanner::isIdentifierStart(c) && (i == 0 || !SqlScanner::isIdentifierChar(sql.at(i - 1)))) {
            const qsizetype wordStart = i;
            while (i < sql.size() && SqlScanner::isIdentifierChar(sql.at(i)))
                ++i;
            ++wordCount;
            if (triggerState < 0 && isTriggerStatement(sql.mid(start, i - start)))
                triggerState = 1;
            else if (triggerState < 0 && wordCount >= 3)
                triggerState = 0;
            if (triggerState == 1) {
                const QString word = sql.mid(wordStart, i - wordStart).toUpper();
                if (word == u"BEGIN" || word == u"CASE")
                    ++blockDepth;
                else if (word == u"END" && blockDepth > 0)
                    --blockDepth;
            }
            continue;
        }
        if (c == QLatin1Char(';') && blockDepth == 0)
            finish(i);
        ++i;
    }
    if (blockDepth > 0)
        return Error(ErrorKind::Validation,
                     QStringLiteral("Unterminated BEGIN ... END block in SQL script."));
    finish(sql.size());
    return statements;
}

} // namespace AssetDesk
