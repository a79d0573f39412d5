#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace AssetDesk {

class SyntaxRepository;

// A read-only view of a service's JSON (raw API answers, error bodies), pretty-printed and
// highlighted. Text that is not JSON is shown as it is, never interpreted as markup.
class JsonViewer : public QPlainTextEdit
{
    Q_OBJECT
public:
    JsonViewer(SyntaxRepository* syntax, QWidget* parent = nullptr);

    // Pretty-prints `json` when it parses; otherwise shows it verbatim (as Latin-1 if not UTF-8).
    void setJson(const QByteArray& json);
    void setPlainMessage(const QString& text);
    bool isShowingJson() const { return m_isJson; }

private:
    KSyntaxHighlighting::SyntaxHighlighter* m_highlighter;
    bool m_isJson = false;
};

} // namespace AssetDesk
