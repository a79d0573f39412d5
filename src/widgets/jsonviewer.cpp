#include "widgets/jsonviewer.h"

#include "widgets/syntaxrepository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QFontDatabase>
#include <QJsonDocument>
#include <QStringDecoder>

namespace AssetDesk {

namespace {
// Highlighting a multi-megabyte document on the GUI thread would freeze it; past this size the
// viewer shows the text unhighlighted.
constexpr qsizetype kMaxHighlightedBytes = 2 * 1024 * 1024;
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
}

void JsonViewer::setJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    m_isJson = error.error == QJsonParseError::NoError && !doc.isNull();
    const QByteArray text = m_isJson ? doc.toJson(QJsonDocument::Indented) : json;

    m_highlighter->setDocument(m_isJson && text.size() <= kMaxHighlightedBytes ? document() : nullptr);
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString decoded = utf8(text);
    if (utf8.hasError())
        decoded = QString::fromLatin1(text);
    setPlainText(decoded);
}

void JsonViewer::setPlainMessage(const QString& text)
{
    m_isJson = false;
    m_highlighter->setDocument(nullptr);
    setPlainText(text);
}

} // namespace AssetDesk
