#include "widgets/ticketdetailview.h"

#include "widgets/plaintextlabel.h"
#include "widgets/recordentrylist.h"
#include "widgets/ticketfieldseditor.h"

#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace AssetDesk {

TicketDetailView::TicketDetailView(QWidget* parent)
    : AssetDropWidget(parent)
    , m_subject(plainTextLabel({}, this))
    , m_meta(plainTextLabel({}, this))
    , m_fields(new TicketFieldsEditor(this))
    , m_findAssets(new QPushButton(tr("Find Assets"), this))
    , m_conversation(new RecordEntryList(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("ticketDetail"));
    QFont bold = m_subject->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_subject->setFont(bold);
    m_subject->setObjectName(QStringLiteral("ticketSubject"));
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_findAssets->setObjectName(QStringLiteral("findAssetsButton"));
    m_findAssets->setToolTip(tr("Search the library for this ticket's organization, product and tags, approved "
                                "assets first"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    auto* top = new QHBoxLayout;
    top->addWidget(m_subject, 1);
    top->addWidget(m_findAssets, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_meta);
    layout->addWidget(m_fields);
    layout->addWidget(m_conversation, 1);
    layout->addWidget(m_message, 1);

    connect(m_findAssets, &QPushButton::clicked, this, [this] {
        if (hasTicket())
            emit findAssetsRequested(m_ticket);
    });
    clear();
}

void TicketDetailView::clear()
{
    showMessage(tr("Select a ticket to read its conversation. Drop library assets on a ticket to attach them."));
}

void TicketDetailView::showMessage(const QString& text)
{
    m_ticket = {};
    m_conversation->clear();
    for (QWidget* w : std::initializer_list<QWidget*>{m_subject, m_meta, m_fields, m_findAssets, m_conversation})
        w->hide();
    m_message->setText(text);
    m_message->show();
}

void TicketDetailView::showHeader(const Ticket& ticket)
{
    m_ticket = ticket;
    m_subject->setText(ticket.subject.isEmpty() ? tr("(no subject)") : ticket.subject);
    // Priority, status and tags are in the fields editor below.
    QStringList meta{tr("#%1").arg(ticket.remoteId)};
    for (const QString& part : {ticket.requester, ticket.organization}) {
        if (!part.isEmpty())
            meta << part;
    }
    if (ticket.updatedAt.isValid())
        meta << tr("updated %1").arg(QLocale().toString(ticket.updatedAt.toLocalTime(), QLocale::ShortFormat));
    m_meta->setText(meta.join(QStringLiteral(" · ")));
    m_fields->setTicket(ticket);
    for (QWidget* w : std::initializer_list<QWidget*>{m_subject, m_meta, m_fields, m_findAssets, m_conversation})
        w->show();
    m_message->hide();
}

void TicketDetailView::showTicket(const Ticket& ticket, const QString& note)
{
    m_conversation->clear();
    showHeader(ticket);
    m_conversation->addText(note);
}

void TicketDetailView::showDetail(const TicketDetail& detail)
{
    m_conversation->clear();
    showHeader(detail.ticket);
    if (detail.comments.isEmpty())
        m_conversation->addText(tr("No comments yet."));
    for (const TicketComment& comment : detail.comments)
        addComment(comment);
}

void TicketDetailView::addComment(const TicketComment& comment)
{
    QFrame* frame =
        m_conversation->addEntry(comment.isPublic ? QStringLiteral("publicComment") : QStringLiteral("internalComment"));
    if (!comment.isPublic) {
        // Internal notes stand out as Zendesk shows them: on a pale yellow.
        frame->setAutoFillBackground(true);
        QPalette p = frame->palette();
        p.setColor(QPalette::Window, QColor(255, 246, 214));
        p.setColor(QPalette::WindowText, QColor(40, 40, 40));
        frame->setPalette(p);
    }
    const QString when = QLocale().toString(comment.createdAt.toLocalTime(), QLocale::ShortFormat);
    RecordEntryList::addHeading(frame, QStringLiteral("%1 · %2 · %3")
                                           .arg(comment.author.isEmpty() ? tr("Unknown") : comment.author, when,
                                                comment.isPublic ? tr("Public reply") : tr("Internal note")));
    RecordEntryList::addLine(frame, comment.body, QStringLiteral("commentBody"));
    for (const TicketAttachment& a : comment.attachments) {
        // Only what Zendesk can hand out again (an attachment with its address) can be opened.
        std::function<void()> open;
        if (!a.contentUrl.isEmpty())
            open = [this, a] {
                emit attachmentOpenRequested(a);
            };
        RecordEntryList::addAttachment(frame, a.fileName, a.contentType, a.size,
                                       QStringLiteral("commentAttachment"), std::move(open));
    }
}

QStringList TicketDetailView::shownTexts() const
{
    return m_conversation->shownTexts();
}

void TicketDetailView::dropAssets(const QList<qint64>& assetIds)
{
    emit assetsDropped(m_ticket.id, assetIds);
}

} // namespace AssetDesk
