#include "widgets/ticketdetailview.h"

#include "models/librarytext.h"
#include "widgets/plaintextlabel.h"
#include "widgets/ticketfieldseditor.h"

#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace AssetDesk {

TicketDetailView::TicketDetailView(QWidget* parent)
    : AssetDropWidget(parent)
    , m_subject(plainTextLabel({}, this))
    , m_meta(plainTextLabel({}, this))
    , m_fields(new TicketFieldsEditor(this))
    , m_findAssets(new QPushButton(tr("Find Assets"), this))
    , m_scroll(new QScrollArea(this))
    , m_conversation(new QWidget)
    , m_conversationLayout(new QVBoxLayout(m_conversation))
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

    m_conversationLayout->setContentsMargins(0, 0, 4, 0);
    m_conversationLayout->setSpacing(8);
    m_conversationLayout->addStretch(1);
    m_scroll->setWidget(m_conversation);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* top = new QHBoxLayout;
    top->addWidget(m_subject, 1);
    top->addWidget(m_findAssets, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_meta);
    layout->addWidget(m_fields);
    layout->addWidget(m_scroll, 1);
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
    clearConversation();
    for (QWidget* w : std::initializer_list<QWidget*>{m_subject, m_meta, m_fields, m_findAssets, m_scroll})
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
    for (QWidget* w : std::initializer_list<QWidget*>{m_subject, m_meta, m_fields, m_findAssets, m_scroll})
        w->show();
    m_message->hide();
}

void TicketDetailView::showTicket(const Ticket& ticket, const QString& note)
{
    clearConversation();
    showHeader(ticket);
    m_conversationLayout->insertWidget(0, plainTextLabel(note, m_conversation));
}

void TicketDetailView::showDetail(const TicketDetail& detail)
{
    clearConversation();
    showHeader(detail.ticket);
    if (detail.comments.isEmpty())
        m_conversationLayout->insertWidget(0, plainTextLabel(tr("No comments yet."), m_conversation));
    for (qsizetype i = 0; i < detail.comments.size(); ++i)
        m_conversationLayout->insertWidget(int(i), commentWidget(detail.comments.at(i)));
}

QWidget* TicketDetailView::commentWidget(const TicketComment& comment)
{
    auto* frame = new QFrame(m_conversation);
    frame->setObjectName(comment.isPublic ? QStringLiteral("publicComment") : QStringLiteral("internalComment"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    if (!comment.isPublic) {
        // Internal notes stand out as Zendesk shows them: on a pale yellow.
        QPalette p = frame->palette();
        p.setColor(QPalette::Window, QColor(255, 246, 214));
        p.setColor(QPalette::WindowText, QColor(40, 40, 40));
        frame->setPalette(p);
    }
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(3);
    const QString when = QLocale().toString(comment.createdAt.toLocalTime(), QLocale::ShortFormat);
    auto* header = plainTextLabel(QStringLiteral("%1 · %2 · %3")
                                  .arg(comment.author.isEmpty() ? tr("Unknown") : comment.author, when,
                                       comment.isPublic ? tr("Public reply") : tr("Internal note")),
                              frame);
    QFont small = header->font();
    small.setBold(true);
    header->setFont(small);
    layout->addWidget(header);
    auto* body = plainTextLabel(comment.body, frame);
    body->setObjectName(QStringLiteral("commentBody"));
    layout->addWidget(body);
    for (const TicketAttachment& a : comment.attachments) {
        const QString type = a.contentType.isEmpty() ? tr("unknown type") : a.contentType;
        auto* line = plainTextLabel(tr("Attachment: %1 (%2, %3)").arg(a.fileName, type, LibraryText::fileSize(a.size)), frame);
        line->setObjectName(QStringLiteral("commentAttachment"));
        layout->addWidget(line);
    }
    return frame;
}

void TicketDetailView::clearConversation()
{
    while (m_conversationLayout->count() > 1) {
        QLayoutItem* item = m_conversationLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
}

QStringList TicketDetailView::shownTexts() const
{
    QStringList texts;
    for (const QLabel* label : m_conversation->findChildren<QLabel*>())
        texts << label->text();
    return texts;
}

void TicketDetailView::dropAssets(const QList<qint64>& assetIds)
{
    emit assetsDropped(m_ticket.id, assetIds);
}

} // namespace AssetDesk
