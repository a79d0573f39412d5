#pragma once

#include <QString>

namespace AssetDesk::SqlScanner {

// Lexical helpers shared by SqlScript (splitting migration files into statements) and SqlStatement
// (finding :name placeholders). Both must skip the same things: '...' strings, "..." identifiers,
// -- and /* */ comments and PostgreSQL $tag$ ... $tag$ bodies.

// If `pos` starts a string, quoted identifier, comment or dollar-quoted body, the index just past
// its end; -1 if it is not terminated; `pos` itself if nothing starts there.
qsizetype skipNonCode(const QString& sql, qsizetype pos);

bool isIdentifierStart(QChar c);
bool isIdentifierChar(QChar c);

} // namespace AssetDesk::SqlScanner
