#include "widgets/accounteditdialog.h"

#include "core/accountactions.h"
#include "core/serviceauthprofile.h"
#include "ui_accounteditdialog.h"
#include "widgets/jsonviewer.h"

#include <QPushButton>
#include <QVBoxLayout>

namespace AssetDesk {

AccountEditDialog::AccountEditDialog(AccountActions* actions, SyntaxRepository* syntax, const Account* existing,
                                     QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountEditDialog>())
    , m_actions(actions)
    , m_editing(existing != nullptr)
{
    m_ui->setupUi(this);
    m_response = new JsonViewer(syntax, m_ui->responseContainer);
    auto* responseLayout = new QVBoxLayout(m_ui->responseContainer);
    responseLayout->setContentsMargins(0, 0, 0, 0);
    responseLayout->addWidget(m_response);
    m_response->hide();

    if (existing)
        m_account = *existing;
    fillServices();
    setWindowTitle(m_editing ? tr("Edit Account") : tr("Add Account"));
    m_ui->serviceCombo->setEnabled(!m_editing);
    if (m_editing) {
        m_ui->serviceCombo->setCurrentIndex(m_ui->serviceCombo->findData(int(m_account.service)));
        m_ui->nameEdit->setText(m_account.label);
        m_ui->baseUrlEdit->setText(m_account.baseUrl.toString());
        m_ui->loginEdit->setText(m_account.login);
        m_ui->organizationEdit->setText(m_account.organization);
        m_ui->regionEdit->setText(m_account.region);
        m_ui->secretEdit->setPlaceholderText(tr("Unchanged (stored in the keyring)"));
        m_ui->passwordEdit->setPlaceholderText(tr("Unchanged (stored in the keyring)"));
    }
    serviceChanged();
    if (m_editing)
        m_ui->methodCombo->setCurrentIndex(m_ui->methodCombo->findData(int(m_account.authMethod)));

    connect(m_ui->serviceCombo, &QComboBox::currentIndexChanged, this, &AccountEditDialog::serviceChanged);
    connect(m_ui->methodCombo, &QComboBox::currentIndexChanged, this, &AccountEditDialog::methodChanged);
    connect(m_ui->testButton, &QPushButton::clicked, this, &AccountEditDialog::testConnection);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountEditDialog::save);
    connect(actions, &AccountActions::testSucceeded, this,
            [this](const QUuid& request, qint64, const ConnectionInfo& info) { showTestSuccess(request, info); });
    connect(actions, &AccountActions::testFailed, this,
            [this](const QUuid& request, qint64, const Error& error) { showTestFailure(request, error); });
}

AccountEditDialog::~AccountEditDialog() = default;

void AccountEditDialog::fillServices()
{
    for (const ServiceInfo& info : allServices())
        m_ui->serviceCombo->addItem(info.displayName, int(info.service));
}

void AccountEditDialog::serviceChanged()
{
    const auto service = Service(m_ui->serviceCombo->currentData().toInt());
    const ServiceAuthProfile& profile = serviceAuthProfile(service);
    {
        const QSignalBlocker block(m_ui->methodCombo);
        m_ui->methodCombo->clear();
        for (const AuthFieldSet& set : profile.methods)
            m_ui->methodCombo->addItem(set.methodLabel, int(set.method));
    }
    m_ui->methodCombo->setEnabled(profile.methods.size() > 1);
    m_ui->baseUrlEdit->setPlaceholderText(profile.baseUrlHint);
    m_ui->regionLabel->setVisible(service == Service::X);
    m_ui->regionEdit->setVisible(service == Service::X);
    methodChanged();
}

void AccountEditDialog::methodChanged()
{
    const auto service = Service(m_ui->serviceCombo->currentData().toInt());
    const AuthFieldSet* set = serviceAuthProfile(service).method(AuthMethod(m_ui->methodCombo->currentData().toInt()));
    if (!set)
        return;
    auto showRow = [](QLabel* label, QWidget* field, const QString& text) {
        label->setVisible(!text.isEmpty());
        field->setVisible(!text.isEmpty());
        label->setText(text + QLatin1Char(':'));
    };
    showRow(m_ui->loginLabel, m_ui->loginEdit, set->loginLabel);
    showRow(m_ui->organizationLabel, m_ui->organizationEdit, set->organizationLabel);
    showRow(m_ui->secretLabel, m_ui->secretEdit, set->secretLabel);
    showRow(m_ui->passwordLabel, m_ui->passwordEdit, set->passwordLabel);
    m_ui->noteLabel->setText(set->usesBrowserSignIn
                                 ? tr("After you save, AssetDesk opens your browser so you can sign in. "
                                      "The tokens it receives are kept in your keyring.")
                                 : tr("The key is stored in your desktop's keyring, never in AssetDesk's files."));
    // A browser sign-in can only be tested once the account exists and has tokens.
    m_ui->testButton->setEnabled(!set->usesBrowserSignIn || m_editing);
    m_ui->buttonBox->button(QDialogButtonBox::Save)
        ->setText(set->usesBrowserSignIn && !m_editing ? tr("Save and Sign In") : tr("Save"));
}

Account AccountEditDialog::account() const
{
    Account a = m_account;
    a.service = Service(m_ui->serviceCombo->currentData().toInt());
    a.authMethod = AuthMethod(m_ui->methodCombo->currentData().toInt());
    a.label = m_ui->nameEdit->text().trimmed();
    if (a.label.isEmpty())
        a.label = serviceDisplayName(a.service);
    a.baseUrl = QUrl::fromUserInput(m_ui->baseUrlEdit->text().trimmed());
    a.login = m_ui->loginEdit->isVisible() ? m_ui->loginEdit->text().trimmed() : QString();
    a.organization = m_ui->organizationEdit->isVisible() ? m_ui->organizationEdit->text().trimmed() : QString();
    a.region = m_ui->regionEdit->isVisible() ? m_ui->regionEdit->text().trimmed() : QString();
    return a;
}

Credentials AccountEditDialog::credentials() const
{
    Credentials c;
    const QString secret = m_ui->secretEdit->isVisible() ? m_ui->secretEdit->text() : QString();
    if (AuthMethod(m_ui->methodCombo->currentData().toInt()) == AuthMethod::ClientCredentials)
        c.clientSecret = secret;
    else
        c.apiKey = secret;
    c.password = m_ui->passwordEdit->isVisible() ? m_ui->passwordEdit->text() : QString();
    return c;
}

QString AccountEditDialog::validationProblem() const
{
    const Account a = account();
    const AuthFieldSet* set = serviceAuthProfile(a.service).method(a.authMethod);
    if (!m_ui->baseUrlEdit->text().trimmed().isEmpty()
        && (!a.baseUrl.isValid() || (a.baseUrl.scheme() != u"https" && a.baseUrl.scheme() != u"http")))
        return tr("The address must be a web address such as %1.").arg(serviceAuthProfile(a.service).baseUrlHint);
    if (!set->loginLabel.isEmpty() && a.login.isEmpty())
        return tr("Please fill in “%1”.").arg(set->loginLabel);
    if (set->organizationRequired && a.organization.isEmpty())
        return tr("Please fill in “%1”.").arg(set->organizationLabel);
    const bool addressNeedsOrg = serviceAuthProfile(a.service).baseUrlTemplate.contains(QLatin1String("{org}"));
    if (addressNeedsOrg && a.organization.isEmpty() && m_ui->baseUrlEdit->text().trimmed().isEmpty())
        return tr("Please fill in “%1” or the full address.").arg(set->organizationLabel);
    const Credentials c = credentials();
    if (!m_editing && !set->secretLabel.isEmpty() && c.apiKey.isEmpty() && c.clientSecret.isEmpty())
        return tr("Please fill in “%1”.").arg(set->secretLabel);
    if (!m_editing && !set->passwordLabel.isEmpty() && c.password.isEmpty())
        return tr("Please fill in “%1”.").arg(set->passwordLabel);
    return {};
}

void AccountEditDialog::testConnection()
{
    const QString problem = validationProblem();
    if (!problem.isEmpty()) {
        m_ui->testStatusLabel->setText(problem);
        return;
    }
    m_ui->testStatusLabel->setText(tr("Testing…"));
    m_ui->testButton->setEnabled(false);
    m_response->hide();
    const Credentials typed = credentials();
    m_pendingTest = m_editing && typed.isEmpty() ? m_actions->test(m_account.id)
                                                 : m_actions->testDraft(account(), typed);
}

void AccountEditDialog::showTestSuccess(const QUuid& request, const ConnectionInfo& info)
{
    if (request != m_pendingTest)
        return;
    m_ui->testButton->setEnabled(true);
    m_ui->testStatusLabel->setText(info.organization.isEmpty()
                                       ? tr("Connected as %1.").arg(info.userName)
                                       : tr("Connected as %1 (%2).").arg(info.userName, info.organization));
    m_response->setJson(info.rawJson);
    m_response->setVisible(!info.rawJson.isEmpty());
}

void AccountEditDialog::showTestFailure(const QUuid& request, const Error& error)
{
    if (request != m_pendingTest)
        return;
    m_ui->testButton->setEnabled(true);
    m_ui->testStatusLabel->setText(tr("Could not connect: %1").arg(error.message()));
    m_response->setJson(error.detail().toUtf8());
    m_response->setVisible(!error.detail().isEmpty());
}

void AccountEditDialog::save()
{
    const QString problem = validationProblem();
    if (!problem.isEmpty()) {
        m_ui->testStatusLabel->setText(problem);
        return;
    }
    accept();
}

} // namespace AssetDesk
