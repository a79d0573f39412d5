#include "widgets/casedetailview.h"

#include "models/crmtreenode.h"
#include "widgets/plaintextlabel.h"
#include "widgets/recordentrylist.h"

#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace AssetDesk {

CaseDetailView::CaseDetailView(QWidget* parent)
    : AssetDropWidget(parent)
    , m_title(plainTextLabel({}, this))
    , m_meta(plainTextLabel({}, this))
    , m_findAssets(new QPushButton(tr("Find Assets"), this))
    , m_notes(new RecordEntryList(this))
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

    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_findAssets, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_meta);
    layout->addWidget(m_notes, 1);
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
    m_notes->clear();
    for (QWidget* w : std::initializer_list<QWidget*>{m_title, m_meta, m_findAssets, m_notes})
        w->hide();
    m_message->setText(text);
    m_message->show();
}

void CaseDetailView::showHeader(const QString& title, const QString& meta, bool isCase)
{
    m_notes->clear();
    m_title->setText(title);
    m_meta->setText(meta);
    m_meta->setVisible(!meta.isEmpty());
    m_title->show();
    m_findAssets->setVisible(isCase);
    m_notes->show();
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
        m_notes->addText(c.description);
    if (!note.isEmpty())
        m_notes->addText(note);
}

void CaseDetailView::showDetail(const CaseDetail& detail)
{
    showCase(detail.supportCase, detail.notes.isEmpty() ? tr("No notes yet.") : QString());
    for (const CaseNote& note : detail.notes)
        addNote(note);
}

void CaseDetailView::addNote(const CaseNote& note)
{
    QFrame* frame = m_notes->addEntry(QStringLiteral("caseNote"));
    QStringList head;
    if (!note.subject.isEmpty())
        head << note.subject;
    head << QLocale().toString(note.created.toLocalTime(), QLocale::ShortFormat);
    RecordEntryList::addHeading(frame, head.join(QStringLiteral(" · ")));
    if (!note.text.isEmpty())
        RecordEntryList::addLine(frame, note.text, QStringLiteral("noteText"));
    if (!note.fileName.isEmpty()) {
        // Only a note Dynamics says holds a document has a file to fetch.
        std::function<void()> open;
        if (note.isDocument && !note.remoteId.isEmpty())
            open = [this, note] {
                emit noteFileOpenRequested(note);
            };
        RecordEntryList::addAttachment(frame, note.fileName, note.mimeType, note.fileSize,
                                       QStringLiteral("noteAttachment"), std::move(open));
    }
}

QStringList CaseDetailView::shownTexts() const
{
    return m_notes->shownTexts();
}

void CaseDetailView::dropAssets(const QList<qint64>& assetIds)
{
    emit assetsDropped(m_case.id, assetIds);
}

} // namespace AssetDesk
