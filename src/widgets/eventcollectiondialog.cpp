#include "widgets/eventcollectiondialog.h"

#include "widgets/plaintextlabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace AssetDesk {

namespace {
constexpr int kIndexRole = Qt::UserRole; // index into the account's collection list
}

EventCollectionDialog::EventCollectionDialog(const CrmEvent& event, const QList<Account>& damAccounts,
                                             const QHash<qint64, QList<Collection>>& collections,
                                             const QList<RecordCollectionLink>& existing, QWidget* parent)
    : QDialog(parent)
    , m_links(existing)
    , m_collections(collections)
    , m_account(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_existing(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Link to Collection"));
    auto* form = new QFormLayout;
    QString when;
    if (event.startAt.isValid())
        when = QLocale().toString(event.startAt.toLocalTime(), QLocale::ShortFormat);
    form->addRow(tr("Event:"), plainTextLabel(when.isEmpty() ? event.name : tr("%1 (%2)").arg(event.name, when), this));
    for (const Account& a : damAccounts)
        m_account->addItem(a.label, a.id);
    form->addRow(tr("DAM account:"), m_account);
    m_filter->setPlaceholderText(tr("Filter collections by name"));
    m_filter->setClearButtonEnabled(true);
    form->addRow(tr("Collection:"), m_filter);

    // Where it is linked now: one line per link, or nothing.
    QStringList lines;
    for (const RecordCollectionLink& l : existing) {
        QString account;
        for (const Account& a : damAccounts)
            account = a.id == l.damAccountId ? a.label : account;
        lines << tr("Linked to \"%1\"%2 since %3.")
                     .arg(l.collectionName, account.isEmpty() ? QString() : tr(" in %1").arg(account),
                          QLocale().toString(l.linkedAt.toLocalTime(), QLocale::ShortFormat));
    }
    m_existing->setTextFormat(Qt::PlainText);
    m_existing->setWordWrap(true);
    m_existing->setText(lines.join(QLatin1Char('\n')));
    m_existing->setVisible(!lines.isEmpty());
    m_link = m_buttons->addButton(tr("Link"), QDialogButtonBox::AcceptRole);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_existing);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_account, &QComboBox::currentIndexChanged, this, &EventCollectionDialog::fillCollections);
    connect(m_filter, &QLineEdit::textChanged, this, &EventCollectionDialog::applyFilter);
    connect(m_list, &QListWidget::currentRowChanged, this, &EventCollectionDialog::updateButton);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] {
        if (m_link->isEnabled())
            accept();
    });
    // Open on the account of the current link, with its collection selected.
    if (!existing.isEmpty() && m_account->findData(existing.first().damAccountId) >= 0)
        setDamAccountId(existing.first().damAccountId);
    fillCollections();
    if (!existing.isEmpty())
        selectCollection(existing.first().collectionRemoteId);
}

qint64 EventCollectionDialog::damAccountId() const
{
    return m_account->currentData().toLongLong();
}

void EventCollectionDialog::setDamAccountId(qint64 accountId)
{
    m_account->setCurrentIndex(m_account->findData(accountId));
}

Collection EventCollectionDialog::collection() const
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item || item->isHidden())
        return {};
    return m_collections.value(damAccountId()).value(item->data(kIndexRole).toInt());
}

bool EventCollectionDialog::selectCollection(const QString& remoteId)
{
    const QList<Collection> shown = m_collections.value(damAccountId());
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        if (!item->isHidden() && shown.value(item->data(kIndexRole).toInt()).remoteId == remoteId) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

bool EventCollectionDialog::isLinked(const Collection& c) const
{
    return std::any_of(m_links.cbegin(), m_links.cend(), [&c](const RecordCollectionLink& l) {
        return l.damAccountId == c.accountId && l.collectionRemoteId == c.remoteId;
    });
}

void EventCollectionDialog::fillCollections()
{
    m_list->clear();
    const QList<Collection> collections = m_collections.value(damAccountId());
    for (int i = 0; i < collections.size(); ++i) {
        const Collection& c = collections.at(i);
        auto* item = new QListWidgetItem(isLinked(c) ? tr("%1 (linked)").arg(c.name) : c.name, m_list);
        item->setData(kIndexRole, i);
    }
    applyFilter();
}

void EventCollectionDialog::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    const QList<Collection> collections = m_collections.value(damAccountId());
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        item->setHidden(!text.isEmpty()
                        && !collections.value(item->data(kIndexRole).toInt()).name.contains(text, Qt::CaseInsensitive));
    }
    updateButton();
}

void EventCollectionDialog::updateButton()
{
    const Collection c = collection();
    m_link->setEnabled(!c.remoteId.isEmpty() && !isLinked(c));
}

} // namespace AssetDesk
