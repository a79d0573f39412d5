#include "sandbox/dynamics/dynamicsfilterlexer.h"

#include <QRegularExpression>

namespace AssetDesk::Sandbox {

Result<QList<DynamicsFilterToken>> DynamicsFilterToken::tokenize(const QString& s)
{
    static const QRegularExpression guid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    QList<DynamicsFilterToken> out;
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('(')) {
            out.append({DynamicsFilterToken::Type::Open, QStringLiteral("(")});
            ++i;
        } else if (c == QLatin1Char(')')) {
            out.append({DynamicsFilterToken::Type::Close, QStringLiteral(")")});
            ++i;
        } else if (c == QLatin1Char(',')) {
            out.append({DynamicsFilterToken::Type::Comma, QStringLiteral(",")});
            ++i;
        } else if (c == QLatin1Char('\'')) {
            QString text;
            ++i;
            for (;;) {
                if (i >= s.size())
                    return Error(ErrorKind::Validation, QStringLiteral("Unterminated string literal in $filter."));
                if (s.at(i) == QLatin1Char('\'')) {
                    if (i + 1 < s.size() && s.at(i + 1) == QLatin1Char('\'')) {
                        text += QLatin1Char('\'');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                text += s.at(i++);
            }
            out.append({DynamicsFilterToken::Type::String, text});
        } else if (guid.match(s.mid(i, 36)).hasMatch()) {
            // Bare GUIDs may start with a letter; take them whole before reading a word.
            out.append({DynamicsFilterToken::Type::Value, s.mid(i, 36)});
            i += 36;
        } else {
            const qsizetype start = i;
            const bool value = c.isDigit() || c == QLatin1Char('-');
            while (i < s.size()) {
                const QChar d = s.at(i);
                if (d.isLetterOrNumber() || d == QLatin1Char('_') || d == QLatin1Char('.') ||
                    (value && (d == QLatin1Char('-') || d == QLatin1Char(':') || d == QLatin1Char('+'))))
                    ++i;
                else
                    break;
            }
            if (i == start)
                return Error(ErrorKind::Validation,
                             QStringLiteral("Syntax error at position %1 in '%2'.").arg(start).arg(s));
            out.append({value ? DynamicsFilterToken::Type::Value : DynamicsFilterToken::Type::Word, s.mid(start, i - start)});
        }
    }
    out.append({DynamicsFilterToken::Type::End, {}});
    return out;
}

} // namespace AssetDesk::Sandbox
