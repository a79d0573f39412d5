#include "core/whenfinished.h"
#include "widgets/jsonviewer.h"

#include "widgets/syntaxrepository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QFontDatabase>
#include <QFuture>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QtConcurrent>

namespace AssetDesk {

namespace {
// Highlighting runs on the GUI thread (QSyntaxHighlighter over the whole document): past this
// size it would freeze the window, so the viewer shows the text unhighlighted.
constexpr qsizetype kMaxHighlightedChars = 2 * 1024 * 1024;
// Formatting that takes longer than this says so instead of leaving the previous text up.
constexpr int kSlowFormattingMs = 150;
} // namespace

JsonViewer::JsonViewer(SyntaxRepository* syntax, QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_highlighter->setTheme(syntax->themeForPalette());
    m_highlighter->setDefinition(syntax->definition(QStringLiteral("JSON")));
    m_slowTimer.setSingleShot(true);
    m_slowTimer.setInterval(kSlowFormattingMs);
    connect(&m_slowTimer, &QTimer::timeout, this, [this] {
        m_highlighter->setDocument(nullptr);
        setPlainText(tr("Formatting…"));
    });
}

JsonViewer::~JsonViewer() = default;

JsonViewer::Formatted JsonViewer::format(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    Formatted out;
    out.isJson = error.error == QJsonParseError::NoError && !doc.isNull();
    const QByteArray text = out.isJson ? doc.toJson(QJsonDocument::Indented) : json;
    // Stateless: a cut-off sequence at the end is an error, not a wait for more bytes.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    out.text = utf8(text);
    if (utf8.hasError())
        out.text = QString::fromLatin1(text);
    return out;
}

void JsonViewer::setJson(const QByteArray& json)
{
    const quint64 generation = ++m_generation;
    m_formatting = true;
    m_slowTimer.start();
    // The continuation runs on this viewer's thread, and not at all once the viewer is gone.
    whenFinished(QtConcurrent::run(&JsonViewer::format, json), this,
                 [this, generation](const Formatted& formatted) {
                     if (generation != m_generation)
                         return; // a newer text was set meanwhile
                     display(formatted);
                 });
}

void JsonViewer::display(const Formatted& formatted)
{
    m_slowTimer.stop();
    m_formatting = false;
    m_isJson = formatted.isJson;
    m_highlighter->setDocument(m_isJson && formatted.text.size() <= kMaxHighlightedChars ? document() : nullptr);
    setPlainText(formatted.text);
    emit textShown();
}

void JsonViewer::setPlainMessage(const QString& text)
{
    ++m_generation;
    m_slowTimer.stop();
    m_formatting = false;
    m_isJson = false;
    m_highlighter->setDocument(nullptr);
    setPlainText(text);
}

} // namespace AssetDesk
