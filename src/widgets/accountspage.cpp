#include "widgets/accountspage.h"

#include "ui_accountspage.h"

#include "core/accountactions.h"
#include "models/accountsmodel.h"
#include "widgets/accounteditdialog.h"
#include "widgets/emptyviewhint.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>

namespace AssetDesk {

AccountsPage::AccountsPage(AccountsModel* model, AccountActions* actions, SyntaxRepository* syntax,
                           QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AccountsPage>())
    , m_model(model)
    , m_actions(actions)
    , m_syntax(syntax)
{
    m_ui->setupUi(this);
    m_ui->sandboxNote->hide();
    m_ui->accountsView->setModel(model);
    m_emptyHint = new EmptyViewHint(
        m_ui->accountsView, tr("No accounts yet.\nAdd… connects a PhotoShelter or iconik library, an X "
                               "account, Dynamics 365 or Zendesk."));
    m_ui->accountsView->header()->setSectionResizeMode(AccountsModel::NameColumn, QHeaderView::Stretch);
    m_ui->accountsView->header()->setSectionResizeMode(AccountsModel::StatusColumn, QHeaderView::Stretch);

    connect(m_ui->addButton, &QPushButton::clicked, this, &AccountsPage::addAccount);
    connect(m_ui->editButton, &QPushButton::clicked, this, &AccountsPage::editAccount);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &AccountsPage::removeAccount);
    connect(m_ui->testButton, &QPushButton::clicked, this, &AccountsPage::testAccount);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &AccountsPage::signIn);
    connect(m_ui->accountsView, &QAbstractItemView::doubleClicked, this, &AccountsPage::editAccount);
    connect(m_ui->accountsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AccountsPage::updateButtons);
    connect(model, &QAbstractItemModel::dataChanged, this, &AccountsPage::updateButtons);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AccountsPage::updateButtons);

    connect(actions, &AccountActions::saved, this, [this] { m_ui->statusLabel->setText(tr("Saved.")); });
    connect(actions, &AccountActions::failed, this,
            [this](const Error& error) { m_ui->statusLabel->setText(error.message()); });
    connect(actions, &AccountActions::testFailed, this, [this](const QUuid&, qint64, const Error& error) {
        m_ui->statusLabel->setText(tr("Connection failed: %1").arg(error.message()));
    });
    connect(actions, &AccountActions::testSucceeded, this, [this](const QUuid&, qint64, const ConnectionInfo& info) {
        m_ui->statusLabel->setText(tr("Connected as %1.").arg(info.userName));
    });
    updateButtons();
}

AccountsPage::~AccountsPage() = default;

void AccountsPage::setSandboxNote(const QString& note)
{
    m_ui->sandboxNote->setText(note);
    m_ui->sandboxNote->setVisible(!note.isEmpty());
}

qint64 AccountsPage::currentAccountId() const
{
    const QModelIndex current = m_ui->accountsView->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(AccountsModel::IdRole).toLongLong() : 0;
}

void AccountsPage::updateButtons()
{
    const std::optional<Account> a = m_model->account(currentAccountId());
    m_ui->editButton->setEnabled(a.has_value());
    m_ui->removeButton->setEnabled(a.has_value());
    m_ui->testButton->setEnabled(a.has_value());
    m_ui->signInButton->setEnabled(a && a->authMethod == AuthMethod::OAuth2Pkce);
}

void AccountsPage::addAccount()
{
    AccountEditDialog dialog(m_actions, m_syntax, nullptr, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_ui->statusLabel->setText(tr("Saving…"));
    m_actions->add(dialog.account(), dialog.credentials());
}

void AccountsPage::editAccount()
{
    const std::optional<Account> existing = m_model->account(currentAccountId());
    if (!existing)
        return;
    AccountEditDialog dialog(m_actions, m_syntax, &*existing, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_ui->statusLabel->setText(tr("Saving…"));
    m_actions->update(dialog.account(), dialog.credentials());
}

void AccountsPage::removeAccount()
{
    const std::optional<Account> a = m_model->account(currentAccountId());
    if (!a)
        return;
    QMessageBox box(QMessageBox::Question, tr("Remove Account"),
                    tr("Remove “%1”? Its keys are deleted from the keyring and its cached content from this "
                       "workspace.")
                        .arg(a->label),
                    QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    QPushButton* remove = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == remove)
        m_actions->remove(a->id);
}

void AccountsPage::testAccount()
{
    if (const qint64 id = currentAccountId()) {
        m_ui->statusLabel->setText(tr("Testing…"));
        m_actions->test(id);
    }
}

void AccountsPage::signIn()
{
    if (const qint64 id = currentAccountId()) {
        m_ui->statusLabel->setText(tr("Waiting for the sign-in in your browser…"));
        m_actions->signIn(id);
    }
}

} // namespace AssetDesk
