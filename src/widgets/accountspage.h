#pragma once

#include <QUuid>
#include <QWidget>

#include <memory>

namespace Ui {
class AccountsPage;
}

namespace AssetDesk {

class AccountActions;
class AccountsModel;
class EmptyViewHint;
class SyntaxRepository;

// Settings → Accounts: add, edit, sign in, test and remove the connections of the workspace.
class AccountsPage : public QWidget
{
    Q_OBJECT
public:
    AccountsPage(AccountsModel* model, AccountActions* actions, SyntaxRepository* syntax, QWidget* parent = nullptr);
    ~AccountsPage() override;

    // Shown above the list while the workbench displays the sandbox instead of these accounts.
    void setSandboxNote(const QString& note);
    // Shown in the empty list: what Add… is for.
    EmptyViewHint* emptyHint() const { return m_emptyHint; }

private:
    qint64 currentAccountId() const;
    void updateButtons();
    void addAccount();
    void editAccount();
    void removeAccount();
    void testAccount();
    void signIn();

    std::unique_ptr<Ui::AccountsPage> m_ui;
    AccountsModel* m_model;
    AccountActions* m_actions;
    SyntaxRepository* m_syntax;
    EmptyViewHint* m_emptyHint = nullptr;
};

} // namespace AssetDesk
