#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace AssetDesk {

// Reads secrets for the CLI without ever taking them from the command line (where `ps` and the
// shell history would keep them): from standard input, one per line, or typed at a prompt with
// echo off when standard input is a terminal.
class SecretPrompt
{
public:
    static bool stdinIsTerminal();
    // The first `count` lines of standard input.
    static Result<QStringList> readLines(int count);
    // Asks on stderr and reads one line with echo off.
    static Result<QString> ask(const QString& prompt);
};

} // namespace AssetDesk
