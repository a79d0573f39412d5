#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace AssetDesk {

class Error;

// Everything the CLI prints: results on stdout (as aligned text, or JSON with --json so scripts
// can rely on it), diagnostics on stderr. Text from services is printed as it is, but control
// characters are escaped so a hostile name cannot rewrite the terminal.
class CliOutput
{
public:
    CliOutput();

    void setJson(bool json) { m_json = json; }
    bool isJson() const { return m_json; }

    void line(const QString& text);
    void table(const QStringList& header, const QList<QStringList>& rows);
    void json(const QJsonValue& value);
    void error(const Error& error);
    void note(const QString& text); // stderr, for humans

    static QString printable(QString text);

private:
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
};

} // namespace AssetDesk
