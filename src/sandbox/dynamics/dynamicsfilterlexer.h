#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace AssetDesk::Sandbox {

// One token of an OData $filter: words (names, operators, functions), quoted strings (with ''
// for a quote), values (numbers, GUIDs, dates; classified by the parser) and punctuation.
struct DynamicsFilterToken
{
    enum class Type
    {
        Word,
        String,
        Value,
        Open,
        Close,
        Comma,
        End
    };
    Type type = Type::End;
    QString text;

    // The tokens of `s`, ending with an End token.
    static Result<QList<DynamicsFilterToken>> tokenize(const QString& s);
};

} // namespace AssetDesk::Sandbox
