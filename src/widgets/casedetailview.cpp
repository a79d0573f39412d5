#include "widgets/casedetailview.h"

#include "models/crmtreenode.h"
#include "models/librarytext.h"
#include "widgets/plaintextlabel.h"

#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace AssetDesk {

CaseDetailView::CaseDetailView(QWidget* parent)
    : AssetDropWidget(parent)
    , m_title(plainTextLabel({}, this))
    , m_meta(plainTextLabel({}, this))
    , m_findAssets(new QPushButton(tr("Find Assets"), this))
    , m_scroll(new QScrollArea(this))
    , m_notes(new QWidget)
    , m_notesLayout(new QVBoxLayout(m_notes))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("caseDetail"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_findAssets->setObjectName(QStringLiteral("findAssetsButton"));
    m_findAssets->setToolTip(tr("Search the library for this case's customer and product, approved assets first"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_notesLayout->setContentsMargins(0, 0, 4, 0);
    m_notesLayout->setSpacing(8);
    m_notesLayout->addStretch(1);
    m_scroll->setWidget(m_notes);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_findAssets, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_meta);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_message, 1);
    connect(m_findAssets, &QPushButton::clicked, this, [this] {
        if (hasCase())
            emit findAssetsRequested(m_case);
    });
    clear();
}

void CaseDetailView::clear()
{
    showMessage(tr("Select a case to read its notes. Drop library assets on a case to attach them, or on a "
                   "customer or opportunity to associate them."));
}

void CaseDetailView::showMessage(const QString& text)
{
    m_case = {};
    clearNotes();
    for (QWidget* w : std::initializer_list<QWidget*>{m_title, m_meta, m_findAssets, m_scroll})
        w->hide();
    m_message->setText(text);
    m_message->show();
}

void CaseDetailView::showHeader(const QString& title, const QString& meta, bool isCase)
{
    clearNotes();
    m_title->setText(title);
    m_meta->setText(meta);
    m_meta->setVisible(!meta.isEmpty());
    m_title->show();
    m_findAssets->setVisible(isCase);
    m_scroll->show();
    m_message->hide();
}

void CaseDetailView::showSummary(const QString& title, const QString& text)
{
    m_case = {};
    showHeader(title, text, false);
}

void CaseDetailView::showCase(const SupportCase& c, const QString& note)
{
    m_case = c;
    QStringList meta;
    for (const QString& part : {c.ticketNumber, CrmTreeNode::casePriorityText(c.priority),
                                CrmTreeNode::caseStateText(c.state), c.customerName}) {
        if (!part.isEmpty())
            meta << part;
    }
    showHeader(c.title.isEmpty() ? tr("(no title)") : c.title, meta.join(QStringLiteral(" · ")), true);
    if (!c.description.isEmpty())
        addText(c.description);
    if (!note.isEmpty())
        addText(note);
}

void CaseDetailView::showDetail(const CaseDetail& detail)
{
    showCase(detail.supportCase, detail.notes.isEmpty() ? tr("No notes yet.") : QString());
    for (const CaseNote& note : detail.notes)
        m_notesLayout->insertWidget(m_notesLayout->count() - 1, noteWidget(note));
}

void CaseDetailView::addText(const QString& text)
{
    m_notesLayout->insertWidget(m_notesLayout->count() - 1, plainTextLabel(text, m_notes));
}

QWidget* CaseDetailView::noteWidget(const CaseNote& note)
{
    auto* frame = new QFrame(m_notes);
    frame->setObjectName(QStringLiteral("caseNote"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(3);
    QStringList head;
    if (!note.subject.isEmpty())
        head << note.subject;
    head << QLocale().toString(note.created.toLocalTime(), QLocale::ShortFormat);
    auto* header = plainTextLabel(head.join(QStringLiteral(" · ")), frame);
    QFont bold = header->font();
    bold.setBold(true);
    header->setFont(bold);
    layout->addWidget(header);
    if (!note.text.isEmpty()) {
        auto* body = plainTextLabel(note.text, frame);
        body->setObjectName(QStringLiteral("noteText"));
        layout->addWidget(body);
    }
    if (!note.fileName.isEmpty()) {
        const QString type = note.mimeType.isEmpty() ? tr("unknown type") : note.mimeType;
        auto* file = plainTextLabel(tr("Attachment: %1 (%2, %3)").arg(note.fileName, type, LibraryText::fileSize(note.fileSize)),
                                frame);
        file->setObjectName(QStringLiteral("noteAttachment"));
        layout->addWidget(file);
    }
    return frame;
}

void CaseDetailView::clearNotes()
{
    while (m_notesLayout->count() > 1) {
        QLayoutItem* item = m_notesLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
}

QStringList CaseDetailView::shownTexts() const
{
    QStringList texts;
    for (const QLabel* label : m_notes->findChildren<QLabel*>())
        texts << label->text();
    return texts;
}

void CaseDetailView::dropAssets(const QList<qint64>& assetIds)
{
    emit assetsDropped(m_case.id, assetIds);
}

} // namespace AssetDesk
