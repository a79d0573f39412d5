#include "widgets/composerschedulepicker.h"

#include "models/composermodel.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace AssetDesk {

ComposerSchedulePicker::ComposerSchedulePicker(const ComposerModel& model, std::function<QDateTime()> clock,
                                               QWidget* parent)
    : QDialog(parent)
    , m_model(model)
    , m_clock(std::move(clock))
    , m_when(new QDateTimeEdit)
    , m_issues(new QLabel)
{
    setWindowTitle(tr("Schedule post"));
    m_when->setObjectName(QStringLiteral("scheduleTime"));
    m_when->setCalendarPopup(true);
    m_when->setTimeSpec(Qt::LocalTime);
    m_when->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    const QDateTime now = m_clock().toLocalTime();
    m_when->setMinimumDateTime(now);
    // An hour ahead, on the minute: a sensible first offer.
    const QDateTime offer = now.addSecs(3600);
    m_when->setDateTime(QDateTime(offer.date(), QTime(offer.time().hour(), offer.time().minute())));
    m_issues->setObjectName(QStringLiteral("scheduleIssues"));
    m_issues->setTextFormat(Qt::PlainText);
    m_issues->setWordWrap(true);
    m_issues->setStyleSheet(QStringLiteral("color: #c62828;"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Schedule"));
    auto* form = new QFormLayout;
    form->addRow(tr("Send at:"), m_when);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_issues);
    layout->addWidget(buttons);
    connect(m_when, &QDateTimeEdit::dateTimeChanged, this, &ComposerSchedulePicker::recheck);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    recheck();
}

QDateTime ComposerSchedulePicker::chosen() const
{
    return m_when->dateTime().toUTC();
}

void ComposerSchedulePicker::setChosen(const QDateTime& when)
{
    m_when->setMinimumDateTime(std::min(m_when->minimumDateTime(), when.toLocalTime()));
    m_when->setDateTime(when.toLocalTime());
}

QString ComposerSchedulePicker::blockingText() const
{
    return m_issues->text();
}

bool ComposerSchedulePicker::isAcceptable() const
{
    return m_ok->isEnabled();
}

void ComposerSchedulePicker::recheck()
{
    QStringList lines;
    for (const ComposerIssue& issue : m_model.validate(m_clock(), ComposerModel::Timing::At, chosen()))
        lines.append(issue.message);
    m_issues->setText(lines.join(QLatin1Char('\n')));
    m_issues->setVisible(!lines.isEmpty());
    m_ok->setEnabled(lines.isEmpty());
}

} // namespace AssetDesk
