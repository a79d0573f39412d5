#include "widgets/recordentrylist.h"

#include "models/librarytext.h"
#include "widgets/plaintextlabel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace AssetDesk {

RecordEntryList::RecordEntryList(QWidget* parent)
    : QScrollArea(parent)
    , m_entries(new QWidget)
    , m_layout(new QVBoxLayout(m_entries))
{
    m_layout->setContentsMargins(0, 0, 4, 0);
    m_layout->setSpacing(8);
    m_layout->addStretch(1); // entries stay at the top
    setWidget(m_entries);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QFrame* RecordEntryList::addEntry(const QString& objectName)
{
    auto* frame = new QFrame(m_entries);
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(3);
    m_layout->insertWidget(m_layout->count() - 1, frame);
    return frame;
}

QLabel* RecordEntryList::addHeading(QFrame* entry, const QString& text)
{
    QLabel* heading = addLine(entry, text, {});
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    return heading;
}

QLabel* RecordEntryList::addLine(QFrame* entry, const QString& text, const QString& objectName)
{
    QLabel* line = plainTextLabel(text, entry);
    if (!objectName.isEmpty())
        line->setObjectName(objectName);
    entry->layout()->addWidget(line);
    return line;
}

QLabel* RecordEntryList::addAttachment(QFrame* entry, const QString& fileName, const QString& mimeType,
                                       qint64 bytes, const QString& objectName, std::function<void()> open)
{
    const QString type = mimeType.isEmpty() ? tr("unknown type") : mimeType;
    const QString text = tr("Attachment: %1 (%2, %3)").arg(fileName, type, LibraryText::fileSize(bytes));
    if (!open)
        return addLine(entry, text, objectName);
    auto* row = new QWidget(entry);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    QLabel* line = plainTextLabel(text, row);
    line->setObjectName(objectName);
    auto* button = new QToolButton(row);
    button->setObjectName(QStringLiteral("openAttachment"));
    button->setText(tr("Open"));
    // Not the service's file name: a tooltip that looks like rich text is rendered as such.
    button->setToolTip(tr("Download the file and open it with its application"));
    button->setAutoRaise(true);
    QObject::connect(button, &QToolButton::clicked, button, std::move(open));
    layout->addWidget(line, 1);
    layout->addWidget(button);
    entry->layout()->addWidget(row);
    return line;
}

void RecordEntryList::addText(const QString& text)
{
    m_layout->insertWidget(m_layout->count() - 1, plainTextLabel(text, m_entries));
}

void RecordEntryList::clear()
{
    while (m_layout->count() > 1) {
        QLayoutItem* item = m_layout->takeAt(0);
        delete item->widget();
        delete item;
    }
}

QStringList RecordEntryList::shownTexts() const
{
    QStringList texts;
    for (const QLabel* label : m_entries->findChildren<QLabel*>())
        texts << label->text();
    return texts;
}

} // namespace AssetDesk
