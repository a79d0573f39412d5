#pragma once

#include "core/account.h"
#include "core/credentials.h"

#include <QDialog>
#include <QUuid>

#include <memory>

namespace Ui {
class AccountEditDialog;
}

namespace AssetDesk {

class AccountActions;
class JsonViewer;
class SyntaxRepository;
struct ConnectionInfo;
class Error;

// Adds or edits one account. The form follows the service's authentication profile; secrets
// typed here go straight to AccountActions (and from there only to the keychain). "Test
// Connection" tries the draft before anything is saved.
class AccountEditDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing` is null to add a new account.
    AccountEditDialog(AccountActions* actions, SyntaxRepository* syntax, const Account* existing,
                      QWidget* parent = nullptr);
    ~AccountEditDialog() override;

    Account account() const;
    Credentials credentials() const;

private:
    void fillServices();
    void serviceChanged();
    void methodChanged();
    void testConnection();
    void save();
    void showTestSuccess(const QUuid& request, const ConnectionInfo& info);
    void showTestFailure(const QUuid& request, const Error& error);
    // Empty when the form is complete; otherwise what is missing, for the person to fix.
    QString validationProblem() const;

    std::unique_ptr<Ui::AccountEditDialog> m_ui;
    AccountActions* m_actions;
    JsonViewer* m_response;
    Account m_account;
    QUuid m_pendingTest;
    bool m_editing;
};

} // namespace AssetDesk
