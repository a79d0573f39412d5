#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace AssetDesk {

// A migration file as a list of statements. Qt's drivers run one statement per exec(), so the
// file is split on top-level semicolons; a semicolon inside a string, comment, PostgreSQL
// $$ body or SQLite trigger body (BEGIN ... END) does not end a statement.
class SqlScript
{
public:
    // Statements without their terminating ';', trimmed, comment-only pieces dropped. An
    // unterminated string, comment, dollar quote or trigger body is an Error (Validation).
    static Result<QStringList> split(const QString& sql);

    // The first `count` words of a statement in upper case, comments skipped:
    // leadingWords("/* x */ create index concurrently i ...", 3) == {"CREATE", "INDEX", "CONCURRENTLY"}.
    static QStringList leadingWords(const QString& statement, int count);
};

} // namespace AssetDesk
