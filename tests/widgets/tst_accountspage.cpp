// Settings → Accounts: the empty list says what Add… is for; the buttons follow the selection
// (Sign In only for accounts that sign in through the browser); Test and Sign In ask the
// account actions and say what happens; the sandbox note shows only when set.
#include "fakeaccountactions.h"

#include "models/accountsmodel.h"
#include "widgets/accountspage.h"
#include "widgets/emptyviewhint.h"
#include "widgets/syntaxrepository.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTreeView>

using namespace AssetDesk;

namespace {

Account account(qint64 id, Service service, AuthMethod method, const QString& label)
{
    Account a;
    a.id = id;
    a.service = service;
    a.authMethod = method;
    a.label = label;
    return a;
}

} // namespace

class TestAccountsPage : public QObject
{
    Q_OBJECT
private:
    template<typename T>
    static T* child(QWidget* w, const char* name)
    {
        return w->findChild<T*>(QLatin1String(name));
    }

private slots:
    void emptyListExplainsAdd()
    {
        SyntaxRepository syntax;
        FakeAccountActions actions;
        AccountsModel model;
        AccountsPage page(&model, &actions, &syntax);
        page.resize(700, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.emptyHint()->isVisible());
        QVERIFY(page.emptyHint()->text().contains(QStringLiteral("Add")));
        auto* view = child<QTreeView>(&page, "accountsView");
        QVERIFY(view->viewport()->isAncestorOf(page.emptyHint()));
        QVERIFY(view->viewport()->rect().contains(page.emptyHint()->geometry()));

        model.setAccounts({account(1, Service::Iconik, AuthMethod::ApiToken, QStringLiteral("iconik"))});
        QVERIFY(!page.emptyHint()->isVisible());
        model.setAccounts({});
        QVERIFY(page.emptyHint()->isVisible());
    }

    void buttonsFollowTheSelection()
    {
        SyntaxRepository syntax;
        FakeAccountActions actions;
        AccountsModel model;
        model.setAccounts({account(1, Service::Iconik, AuthMethod::ApiToken, QStringLiteral("Library")),
                           account(2, Service::X, AuthMethod::OAuth2Pkce, QStringLiteral("@acme"))});
        AccountsPage page(&model, &actions, &syntax);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* view = child<QTreeView>(&page, "accountsView");
        auto* test = child<QPushButton>(&page, "testButton");
        auto* signIn = child<QPushButton>(&page, "signInButton");
        auto* edit = child<QPushButton>(&page, "editButton");
        view->setCurrentIndex({});
        QVERIFY(!test->isEnabled());
        QVERIFY(!edit->isEnabled());

        const auto rowOf = [&model](qint64 id) {
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.index(row, 0).data(AccountsModel::IdRole).toLongLong() == id)
                    return row;
            }
            return -1;
        };
        view->setCurrentIndex(model.index(rowOf(1), 0));
        QVERIFY(test->isEnabled());
        QVERIFY(edit->isEnabled());
        QVERIFY(!signIn->isEnabled()); // an API token does not sign in through the browser
        test->click();
        QCOMPARE(actions.testedIds, QList<qint64>{1});
        QCOMPARE(child<QLabel>(&page, "statusLabel")->text(), QStringLiteral("Testing…"));

        view->setCurrentIndex(model.index(rowOf(2), 0));
        QVERIFY(signIn->isEnabled());
        signIn->click();
        QCOMPARE(actions.signedInIds, QList<qint64>{2});
        emit actions.testFailed(actions.lastRequest, 2,
                                Error(ErrorKind::Auth, QStringLiteral("Token revoked")));
        QCOMPARE(child<QLabel>(&page, "statusLabel")->text(),
                 QStringLiteral("Connection failed: Token revoked"));
    }

    void sandboxNoteShowsOnlyWhenSet()
    {
        SyntaxRepository syntax;
        FakeAccountActions actions;
        AccountsModel model;
        AccountsPage page(&model, &actions, &syntax);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* note = child<QLabel>(&page, "sandboxNote");
        QVERIFY(!note->isVisible());
        page.setSandboxNote(QStringLiteral("Showing the sandbox"));
        QVERIFY(note->isVisible());
        QCOMPARE(note->textFormat(), Qt::PlainText);
        page.setSandboxNote(QString());
        QVERIFY(!note->isVisible());
    }
};

QTEST_MAIN(TestAccountsPage)
#include "tst_accountspage.moc"
