#pragma once

#include <QPlainTextEdit>
#include <QTimer>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace AssetDesk {

class SyntaxRepository;

// A read-only view of a service's JSON (raw API answers, error bodies), pretty-printed and
// highlighted. Text that is not JSON is shown as it is, never interpreted as markup.
//
// Parsing, pretty-printing and decoding run on the global thread pool (an asset's raw JSON may
// carry a 10 MB caption); the GUI thread only sets the finished text. Until it is ready the
// previous text stays, replaced by "Formatting…" if that takes longer than a moment; a newer
// setJson() or setPlainMessage() wins over a formatting still under way.
class JsonViewer : public QPlainTextEdit
{
    Q_OBJECT
public:
    JsonViewer(SyntaxRepository* syntax, QWidget* parent = nullptr);
    ~JsonViewer() override;

    // Pretty-prints `json` when it parses; otherwise shows it verbatim (as Latin-1 if not UTF-8).
    // Asynchronous: textShown() follows (before this returns when the formatting was that quick).
    void setJson(const QByteArray& json);
    void setPlainMessage(const QString& text);
    // Whether the shown text is the JSON last given (false while it is being formatted).
    bool isShowingJson() const { return m_isJson && !isFormatting(); }
    bool isFormatting() const { return m_formatting; }

    struct Formatted
    {
        QString text;
        bool isJson = false;
    };
    // What setJson() shows for `json`. Thread-safe: runs on a pool thread.
    static Formatted format(const QByteArray& json);

signals:
    // The text given by the last setJson() is on screen.
    void textShown();

private:
    void display(const Formatted& formatted);

    KSyntaxHighlighting::SyntaxHighlighter* m_highlighter;
    QTimer m_slowTimer;
    quint64 m_generation = 0;
    bool m_isJson = false;
    bool m_formatting = false;
};

} // namespace AssetDesk
