#include "widgets/ticketfieldseditor.h"

#include "core/ticketurgency.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace AssetDesk {

namespace {
// What an agent may set. "new" only describes a ticket nobody answered yet (it cannot be set
// back), and "closed" is reached from solved by Zendesk itself.
const QStringList kStatuses{QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("hold"),
                            QStringLiteral("solved")};
const QStringList kPriorities{QString(), QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high"),
                              QStringLiteral("urgent")};
} // namespace

TicketFieldsEditor::TicketFieldsEditor(QWidget* parent)
    : QWidget(parent)
    , m_priority(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("ticketFields"));
    m_priority->setObjectName(QStringLiteral("ticketPriority"));
    m_priority->setAccessibleName(tr("Priority"));
    m_status->setObjectName(QStringLiteral("ticketStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_tags->setObjectName(QStringLiteral("ticketTags"));
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("Tags, separated by spaces"));
    m_tags->setClearButtonEnabled(true);
    m_save->setObjectName(QStringLiteral("saveTicketFields"));
    m_save->setToolTip(tr("Send the priority, status and tags to Zendesk"));
    m_revert->setObjectName(QStringLiteral("revertTicketFields"));
    m_message->setObjectName(QStringLiteral("ticketFieldsMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    auto* priorityLabel = new QLabel(tr("&Priority:"), this);
    priorityLabel->setBuddy(m_priority);
    auto* statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    auto* tagsLabel = new QLabel(tr("&Tags:"), this);
    tagsLabel->setBuddy(m_tags);
    for (QLabel* label : {priorityLabel, statusLabel, tagsLabel})
        label->setTextFormat(Qt::PlainText); // like every label of the ticket detail
    row->addWidget(priorityLabel);
    row->addWidget(m_priority);
    row->addWidget(statusLabel);
    row->addWidget(m_status);
    row->addStretch(1);
    row->addWidget(m_revert);
    row->addWidget(m_save);
    // Tickets often carry several tags: they get a line of their own, at the pane's full width.
    auto* tagsRow = new QHBoxLayout;
    tagsRow->setContentsMargins(0, 0, 0, 0);
    tagsRow->addWidget(tagsLabel);
    tagsRow->addWidget(m_tags, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addLayout(tagsRow);
    layout->addWidget(m_message);

    connect(m_priority, &QComboBox::currentIndexChanged, this, &TicketFieldsEditor::updateState);
    connect(m_status, &QComboBox::currentIndexChanged, this, &TicketFieldsEditor::updateState);
    connect(m_tags, &QLineEdit::textChanged, this, &TicketFieldsEditor::updateState);
    connect(m_tags, &QLineEdit::returnPressed, this, &TicketFieldsEditor::save);
    connect(m_save, &QPushButton::clicked, this, &TicketFieldsEditor::save);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        m_message->hide();
        fill(m_ticket);
    });
    fill({});
}

QStringList TicketFieldsEditor::parseTags(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    QStringList tags;
    for (const QString& word : text.split(separators, Qt::SkipEmptyParts)) {
        const QString tag = word.toLower();
        if (!tags.contains(tag))
            tags << tag;
    }
    return tags;
}

void TicketFieldsEditor::setTicket(const Ticket& ticket)
{
    const bool sameTicket = ticket.id == m_ticket.id;
    if (sameTicket && m_saveState == Save::Sending) {
        // Still on its way: the fields keep the change (now shown against this ticket).
        m_ticket = ticket;
        updateState();
        return;
    }
    const bool answered = std::exchange(m_saveState, Save::Idle) != Save::Idle;
    // The agent's unsaved edits (against the ticket shown until now) survive a refresh of the
    // same ticket (a sync brought a new comment); a saved change or another ticket shows the
    // stored values.
    const bool keepEdits = sameTicket && !answered && !change().isEmpty();
    m_ticket = ticket;
    if (!sameTicket || answered)
        m_message->hide();
    if (keepEdits)
        updateState();
    else
        fill(ticket);
}

void TicketFieldsEditor::changeSaved()
{
    if (m_saveState == Save::Sending)
        m_saveState = Save::Sent;
}

void TicketFieldsEditor::changeFailed(const QString& message)
{
    m_saveState = Save::Idle;
    m_message->setText(message);
    m_message->show();
    fill(m_ticket);
}

void TicketFieldsEditor::fill(const Ticket& ticket)
{
    m_filling = true;
    m_priority->clear();
    for (const QString& p : kPriorities)
        m_priority->addItem(p.isEmpty() ? tr("None") : TicketUrgency::priorityText(p), p);
    m_status->clear();
    QStringList statuses = kStatuses;
    // The ticket's own state is listed even where it cannot be chosen again ("new", "closed").
    if (!ticket.status.isEmpty() && !statuses.contains(ticket.status))
        statuses.prepend(ticket.status);
    for (const QString& s : std::as_const(statuses))
        m_status->addItem(TicketUrgency::statusText(s), s);
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(ticket.priority)));
    m_status->setCurrentIndex(std::max(0, m_status->findData(ticket.status)));
    m_tags->setText(ticket.tags.join(QLatin1Char(' ')));
    m_filling = false;
    updateState();
}

TicketChange TicketFieldsEditor::change() const
{
    TicketChange change;
    if (m_ticket.id == 0)
        return change;
    const QString priority = m_priority->currentData().toString();
    if (priority != m_ticket.priority)
        change.priority = priority;
    const QString status = m_status->currentData().toString();
    if (!status.isEmpty() && status != m_ticket.status)
        change.status = status;
    const QStringList tags = parseTags(m_tags->text());
    if (tags != m_ticket.tags)
        change.tags = tags;
    if (!change.isEmpty())
        change.updatedStamp = m_ticket.updatedAt;
    return change;
}

void TicketFieldsEditor::updateState()
{
    if (m_filling)
        return;
    const bool closed = m_ticket.status == QLatin1String("closed");
    const bool editable = m_ticket.id != 0 && !closed && !isSaving();
    for (QWidget* w : std::initializer_list<QWidget*>{m_priority, m_status, m_tags})
        w->setEnabled(editable);
    const bool changed = editable && !change().isEmpty();
    m_save->setEnabled(changed);
    m_revert->setEnabled(changed);
    m_save->setText(isSaving() ? tr("Saving…") : tr("Save"));
    setToolTip(closed ? tr("Zendesk does not change closed tickets; create a follow-up ticket instead.") : QString());
}

void TicketFieldsEditor::save()
{
    const TicketChange pending = change();
    if (pending.isEmpty() || isSaving())
        return;
    m_saveState = Save::Sending;
    m_message->hide();
    updateState();
    emit changeRequested(m_ticket.id, pending);
}

} // namespace AssetDesk
