#include "widgets/composerpreview.h"

#include "core/xposttext.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace AssetDesk {

namespace {
constexpr int kGridWidth = 300;
constexpr int kGridHeight = 170;

// X shows a link without its scheme, cut after about two dozen characters.
QString displayUrl(const QString& url)
{
    QString shown = url;
    for (const QLatin1String scheme : {QLatin1String("https://"), QLatin1String("http://")}) {
        if (shown.startsWith(scheme, Qt::CaseInsensitive)) {
            shown = shown.mid(scheme.size());
            break;
        }
    }
    if (shown.startsWith(QLatin1String("www."), Qt::CaseInsensitive))
        shown = shown.mid(4);
    constexpr int kShown = 25;
    return shown.size() > kShown ? shown.left(kShown) + QStringLiteral("…") : shown;
}

QLabel* tile(const QPixmap& pixmap, QSize size)
{
    auto* label = new QLabel;
    label->setFixedSize(size);
    label->setAlignment(Qt::AlignCenter);
    if (pixmap.isNull()) {
        label->setStyleSheet(QStringLiteral("background: #d0d4d9; border-radius: 6px;"));
    } else {
        // Cropped to fill the cell like X's grid does.
        const QPixmap scaled = pixmap.scaled(size, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        label->setPixmap(scaled.copy((scaled.width() - size.width()) / 2,
                                     (scaled.height() - size.height()) / 2, size.width(), size.height()));
    }
    return label;
}
} // namespace

ComposerPreview::ComposerPreview(QWidget* parent)
    : QWidget(parent)
    , m_account(new QLabel)
    , m_text(new QLabel)
    , m_grid(new QWidget)
    , m_gridLayout(new QGridLayout(m_grid))
{
    setObjectName(QStringLiteral("composerPreview"));
    m_account->setTextFormat(Qt::PlainText);
    QFont bold = m_account->font();
    bold.setBold(true);
    m_account->setFont(bold);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setSpacing(2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_account);
    layout->addWidget(m_text);
    layout->addWidget(m_grid);
    layout->addStretch(1);
}

QString ComposerPreview::textHtml(const QString& text)
{
    QString html;
    qsizetype at = 0;
    for (const XTextSpan& url : XPostText::urls(text)) {
        html += text.mid(at, url.start - at).toHtmlEscaped();
        const QString target = text.mid(url.start, url.length);
        const QString href =
            target.contains(QLatin1String("://")) ? target : QStringLiteral("https://") + target;
        html += QStringLiteral("<a href=\"%1\">%2</a>")
                    .arg(href.toHtmlEscaped(), displayUrl(target).toHtmlEscaped());
        at = url.end();
    }
    html += text.mid(at).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return html;
}

void ComposerPreview::setPost(const QString& accountName, const QString& text, const QList<QPixmap>& images)
{
    m_account->setText(accountName);
    m_text->setText(textHtml(text));
    m_text->setVisible(!text.trimmed().isEmpty());
    while (QLayoutItem* item = m_gridLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int n = int(std::min<qsizetype>(images.size(), 4));
    m_grid->setVisible(n > 0);
    const int halfW = (kGridWidth - 2) / 2;
    const int halfH = (kGridHeight - 2) / 2;
    switch (n) {
    case 1:
        m_gridLayout->addWidget(tile(images.at(0), QSize(kGridWidth, kGridHeight)), 0, 0);
        break;
    case 2:
        m_gridLayout->addWidget(tile(images.at(0), QSize(halfW, kGridHeight)), 0, 0);
        m_gridLayout->addWidget(tile(images.at(1), QSize(halfW, kGridHeight)), 0, 1);
        break;
    case 3:
        m_gridLayout->addWidget(tile(images.at(0), QSize(halfW, kGridHeight)), 0, 0, 2, 1);
        m_gridLayout->addWidget(tile(images.at(1), QSize(halfW, halfH)), 0, 1);
        m_gridLayout->addWidget(tile(images.at(2), QSize(halfW, halfH)), 1, 1);
        break;
    case 4:
        for (int i = 0; i < 4; ++i)
            m_gridLayout->addWidget(tile(images.at(i), QSize(halfW, halfH)), i / 2, i % 2);
        break;
    default:
        break;
    }
    // Tiles made while the preview is on screen would otherwise appear only after a queued show.
    for (int i = 0; i < m_gridLayout->count(); ++i)
        m_gridLayout->itemAt(i)->widget()->show();
}

} // namespace AssetDesk
