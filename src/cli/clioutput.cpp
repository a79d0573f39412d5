#include "clioutput.h"

#include "core/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace AssetDesk {

CliOutput::CliOutput()
    : m_out(stdout)
    , m_err(stderr)
{
}

QString CliOutput::printable(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
            const QString escaped = QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            text.replace(i, 1, escaped);
            i += escaped.size() - 1;
        }
    }
    return text;
}

void CliOutput::line(const QString& text)
{
    m_out << printable(text) << '\n';
    m_out.flush();
}

void CliOutput::table(const QStringList& header, const QList<QStringList>& rows)
{
    QList<qsizetype> widths;
    for (const QString& h : header)
        widths.append(h.size());
    for (const QStringList& row : rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], printable(row.at(c)).size());
    }
    auto print = [this, &widths](const QStringList& cells) {
        QString out;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const QString cell = printable(cells.at(c));
            out += c + 1 < cells.size() ? cell.leftJustified(widths.at(c) + 2) : cell;
        }
        m_out << out.trimmed() << '\n';
    };
    print(header);
    for (const QStringList& row : rows)
        print(row);
    m_out.flush();
}

void CliOutput::json(const QJsonValue& value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << doc.toJson(QJsonDocument::Indented);
    m_out.flush();
}

void CliOutput::error(const Error& error)
{
    if (m_json) {
        QJsonObject o{{QStringLiteral("error"), error.message()},
                      {QStringLiteral("kind"), errorKindName(error.kind())}};
        if (!error.detail().isEmpty())
            o.insert(QStringLiteral("detail"), error.detail());
        m_err << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        m_err << "assetdesk-cli: " << printable(error.message()) << '\n';
        for (const QString& detail : error.detail().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            m_err << "  " << printable(detail) << '\n';
    }
    m_err.flush();
}

void CliOutput::note(const QString& text)
{
    m_err << printable(text) << '\n';
    m_err.flush();
}

} // namespace AssetDesk
