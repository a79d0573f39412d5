#include "widgets/campaigncollectiondialog.h"

#include "widgets/plaintextlabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace AssetDesk {

CampaignCollectionDialog::CampaignCollectionDialog(const CrmCampaign& campaign, const QList<Account>& damAccounts,
                                                   const QHash<qint64, QList<Collection>>& collections,
                                                   const QList<RecordCollectionLink>& existing, QWidget* parent)
    : QDialog(parent)
    , m_accounts(damAccounts)
    , m_collections(collections)
    , m_links(existing)
    , m_account(new QComboBox(this))
    , m_parent(new QComboBox(this))
    , m_target(new QLabel(this))
    , m_existing(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Create DAM Collection"));
    auto* form = new QFormLayout;
    // CRM text is shown as written (plain text), never rendered.
    auto fact = [this, form](const QString& label, const QString& value) {
        QLabel* shown = plainTextLabel(value.isEmpty() ? tr("(none)") : value, this);
        m_facts << shown;
        form->addRow(label, shown);
    };
    fact(tr("Name:"), campaign.name.trimmed());
    fact(tr("Audience:"), campaign.audience);
    fact(tr("Launch date:"), campaign.launchDate.isValid() ? QLocale().toString(campaign.launchDate, QLocale::ShortFormat)
                                                          : QString());
    fact(tr("Owner:"), campaign.owner);
    for (const Account& a : damAccounts)
        m_account->addItem(a.label, a.id);
    form->addRow(tr("DAM account:"), m_account);
    form->addRow(tr("Make it in:"), m_parent);
    m_target->setWordWrap(true);
    m_existing->setWordWrap(true);
    m_existing->setTextFormat(Qt::PlainText);
    m_create = m_buttons->addButton(tr("Create"), QDialogButtonBox::AcceptRole);
    m_show = m_buttons->addButton(tr("Show Collection"), QDialogButtonBox::ActionRole);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_target);
    layout->addWidget(m_existing);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_show, &QPushButton::clicked, this, [this] {
        emit showCollectionRequested(existingLink());
        reject(); // nothing is made
    });
    connect(m_account, &QComboBox::currentIndexChanged, this, &CampaignCollectionDialog::updateForAccount);
    // Open on the account that already holds the campaign's collection, if any.
    for (const RecordCollectionLink& l : existing) {
        if (m_account->findData(l.damAccountId) >= 0) {
            setDamAccountId(l.damAccountId);
            break;
        }
    }
    updateForAccount();
}

qint64 CampaignCollectionDialog::damAccountId() const
{
    return m_account->currentData().toLongLong();
}

void CampaignCollectionDialog::setDamAccountId(qint64 accountId)
{
    m_account->setCurrentIndex(m_account->findData(accountId));
}

QString CampaignCollectionDialog::parentRemoteId() const
{
    return m_parent->currentData().toString();
}

RecordCollectionLink CampaignCollectionDialog::existingLink() const
{
    for (const RecordCollectionLink& l : m_links) {
        if (l.damAccountId == damAccountId())
            return l;
    }
    return {};
}

void CampaignCollectionDialog::updateForAccount()
{
    const qint64 id = damAccountId();
    const auto account = std::find_if(m_accounts.cbegin(), m_accounts.cend(), [id](const Account& a) { return a.id == id; });
    const bool iconik = account != m_accounts.cend() && account->service == Service::Iconik;
    m_parent->clear();
    m_parent->addItem(tr("(top level)"), QString());
    for (const Collection& c : m_collections.value(id)) {
        // PhotoShelter galleries hold images, not galleries: only its collections can be parents.
        if (!iconik && c.kind != Collection::Kind::Collection)
            continue;
        m_parent->addItem(c.name, c.remoteId);
    }
    if (m_accounts.isEmpty())
        m_target->setText(tr("The workspace has no PhotoShelter or iconik account to make the collection in."));
    else
        m_target->setText(iconik ? tr("iconik: a collection named after the campaign; these facts go into its "
                                      "campaign metadata.")
                                 : tr("PhotoShelter: a gallery named after the campaign, shared by permission; these "
                                      "facts go into its description and keywords."));
    const RecordCollectionLink link = existingLink();
    const bool linked = link.id > 0;
    m_existing->setVisible(linked);
    if (linked)
        m_existing->setText(tr("This campaign already has the collection \"%1\" in this account (since %2); "
                               "a second one would split its assets.")
                                .arg(link.collectionName, QLocale().toString(link.linkedAt.toLocalTime().date(),
                                                                             QLocale::ShortFormat)));
    m_show->setVisible(linked);
    m_parent->setEnabled(!linked && !m_accounts.isEmpty());
    m_create->setEnabled(!linked && !m_accounts.isEmpty());
}

} // namespace AssetDesk
