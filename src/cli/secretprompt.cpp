#include "secretprompt.h"

#include <QCoreApplication>
#include <QTextStream>

#include <termios.h>
#include <unistd.h>

#include <cstdio>

namespace AssetDesk {

namespace {
// lupdate files these strings under the same context the code looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::SecretPrompt)
};

QString readLine(FILE* stream)
{
    QByteArray line;
    for (int c = std::fgetc(stream); c != EOF && c != '\n'; c = std::fgetc(stream))
        line.append(char(c));
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}
} // namespace

bool SecretPrompt::stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

Result<QStringList> SecretPrompt::readLines(int count)
{
    QStringList lines;
    for (int i = 0; i < count; ++i) {
        if (std::feof(stdin))
            break;
        lines.append(readLine(stdin));
    }
    if (lines.size() < count || lines.contains(QString()))
        return Error(ErrorKind::Validation,
                     QCoreApplication::translate("AssetDesk::SecretPrompt",
                                                 "Expected %n secret line(s) on standard input.", nullptr, count));
    return lines;
}

Result<QString> SecretPrompt::ask(const QString& prompt)
{
    QTextStream err(stderr);
    err << prompt << ' ';
    err.flush();
    termios previous{};
    const bool terminal = tcgetattr(STDIN_FILENO, &previous) == 0;
    if (terminal) {
        termios silent = previous;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    const QString answer = readLine(stdin);
    if (terminal)
        tcsetattr(STDIN_FILENO, TCSANOW, &previous);
    err << '\n';
    err.flush();
    if (answer.isEmpty())
        return Error(ErrorKind::Validation, Tr::tr("Nothing was entered."));
    return answer;
}

} // namespace AssetDesk
