#include "fakeaccountactions.h"
#include "ui_accounteditdialog.h"
#include "widgets/accounteditdialog.h"
#include "widgets/jsonviewer.h"
#include "widgets/syntaxrepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace AssetDesk;

class TestAccountEditDialog : public QObject
{
    Q_OBJECT
private:
    template<typename T>
    static T* child(QWidget* w, const char* name)
    {
        return w->findChild<T*>(QLatin1String(name));
    }
    static void chooseService(QWidget* dialog, Service service)
    {
        auto* combo = child<QComboBox>(dialog, "serviceCombo");
        combo->setCurrentIndex(combo->findData(int(service)));
    }

private slots:
    void formFollowsTheServiceProfile()
    {
        SyntaxRepository syntax;
        FakeAccountActions actions;
        AccountEditDialog dialog(&actions, &syntax, nullptr);
        dialog.show();
        chooseService(&dialog, Service::Iconik);
        QVERIFY(child<QLineEdit>(&dialog, "loginEdit")->isVisible());
        QCOMPARE(child<QLabel>(&dialog, "loginLabel")->text(), QStringLiteral("App ID:"));
        QVERIFY(!child<QLineEdit>(&dialog, "passwordEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(&dialog, "regionEdit")->isVisible());

        chooseService(&dialog, Service::X);
        QVERIFY(child<QLineEdit>(&dialog, "regionEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(&dialog, "secretEdit")->isVisible()); // browser sign-in, no key typed
        QVERIFY(!child<QPushButton>(&dialog, "testButton")->isEnabled());
        QCOMPARE(child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Save)->text(),
                 QStringLiteral("Save and Sign In"));
    }

    void secretsAreMaskedAndTestedAsDraft()
    {
        SyntaxRepository syntax;
        FakeAccountActions actions;
        AccountEditDialog dialog(&actions, &syntax, nullptr);
        dialog.show();
        chooseService(&dialog, Service::Zendesk);
        QCOMPARE(child<QLineEdit>(&dialog, "secretEdit")->echoMode(), QLineEdit::Password);

        // Incomplete: says what is missing and sends nothing.
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QVERIFY(actions.drafts.isEmpty());
        QVERIFY(child<QLabel>(&dialog, "testStatusLabel")->text().contains(QStringLiteral("“Agent email”")));

        QTest::keyClicks(child<QLineEdit>(&dialog, "loginEdit"), QStringLiteral("agent@example.com"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "organizationEdit"), QStringLiteral("acme"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "secretEdit"), QStringLiteral("s3cret-token"));
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QCOMPARE(actions.drafts.size(), 1);
        QCOMPARE(actions.drafts.first().first.login, QStringLiteral("agent@example.com"));
        QCOMPARE(actions.drafts.first().second.apiKey, QStringLiteral("s3cret-token"));
        QCOMPARE(actions.drafts.first().first.authMethod, AuthMethod::ApiToken);

        ConnectionInfo info;
        info.userName = QStringLiteral("Ada Agent");
        info.rawJson = R"({"user":{"id":1,"name":"Ada Agent"}})";
        emit actions.testSucceeded(actions.lastRequest, 0, info);
        QCOMPARE(child<QLabel>(&dialog, "testStatusLabel")->text(), QStringLiteral("Connected as Ada Agent."));
        auto* viewer = dialog.findChild<JsonViewer*>();
        QVERIFY(viewer->isVisible());
        QTRY_VERIFY(viewer->isShowingJson()); // formatted on a pool thread
        QVERIFY(viewer->toPlainText().contains(QStringLiteral("\"name\": \"Ada Agent\"")));

        // A stale answer for another request does not overwrite the result.
        emit actions.testFailed(QUuid::createUuid(), 0, Error(ErrorKind::Auth, QStringLiteral("nope")));
        QCOMPARE(child<QLabel>(&dialog, "testStatusLabel")->text(), QStringLiteral("Connected as Ada Agent."));
    }

    void editingKeepsIdentityAndDoesNotRequireSecrets()
    {
        SyntaxRepository syntax;
        FakeAccountActions actions;
        Account existing;
        existing.id = 42;
        existing.service = Service::Iconik;
        existing.label = QStringLiteral("Brand library");
        existing.login = QStringLiteral("app-id-1");
        existing.baseUrl = QUrl(QStringLiteral("https://eu.iconik.io"));
        AccountEditDialog dialog(&actions, &syntax, &existing);
        dialog.show();
        QVERIFY(!child<QComboBox>(&dialog, "serviceCombo")->isEnabled());
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QCOMPARE(actions.testedIds, QList<qint64>{42}); // stored credentials, not a draft
        child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Save)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.account().id, 42);
        QCOMPARE(dialog.account().baseUrl.toString(), QStringLiteral("https://eu.iconik.io"));
        QVERIFY(dialog.credentials().isEmpty());
    }

    void rejectsANonWebAddress()
    {
        SyntaxRepository syntax;
        FakeAccountActions actions;
        AccountEditDialog dialog(&actions, &syntax, nullptr);
        dialog.show();
        chooseService(&dialog, Service::Iconik);
        QTest::keyClicks(child<QLineEdit>(&dialog, "baseUrlEdit"), QStringLiteral("ftp://files.example.com"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "loginEdit"), QStringLiteral("app"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "secretEdit"), QStringLiteral("tok"));
        child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Save)->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(child<QLabel>(&dialog, "testStatusLabel")->text().contains(QStringLiteral("web address")));
    }
};

QTEST_MAIN(TestAccountEditDialog)
#include "tst_accounteditdialog.moc"
