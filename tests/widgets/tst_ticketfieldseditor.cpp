// TicketFieldsEditor: priority, status and tags of the open ticket edited in place and sent as one
// change made against the ticket as shown; disabled while it is on its way, until its answer (not
// any refresh) comes back; a refusal shown with the ticket's values back; closed tickets read-only.
#include "widgets/ticketfieldseditor.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

class TestTicketFieldsEditor : public QObject
{
    Q_OBJECT
private:
    static Ticket ticket(const QString& status = u"open"_s)
    {
        Ticket t;
        t.id = 7;
        t.remoteId = 1007;
        t.status = status;
        t.priority = u"normal"_s;
        t.tags = {u"media_request"_s, u"acme"_s};
        t.updatedAt = QDateTime(QDate(2026, 12, 5), QTime(9, 30), Qt::UTC);
        return t;
    }

private slots:
    void initTestCase() { qRegisterMetaType<AssetDesk::TicketChange>(); }

    void parsesTagsTheWayZendeskKeepsThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tags");
        QTest::newRow("spaces") << u"press  media_request"_s << QStringList{u"press"_s, u"media_request"_s};
        QTest::newRow("commas") << u"press,vip, logo"_s << QStringList{u"press"_s, u"vip"_s, u"logo"_s};
        QTest::newRow("case and repeats") << u"Press PRESS press"_s << QStringList{u"press"_s};
        QTest::newRow("empty") << u"  , "_s << QStringList{};
    }

    void parsesTagsTheWayZendeskKeepsThem()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, tags);
        QCOMPARE(TicketFieldsEditor::parseTags(text), tags);
    }

    void showsTheTicketAndNothingToSave()
    {
        TicketFieldsEditor editor;
        QVERIFY(!editor.priorityBox()->isEnabled()); // no ticket yet
        editor.setTicket(ticket());
        QCOMPARE(editor.priorityBox()->currentData().toString(), u"normal"_s);
        QCOMPARE(editor.statusBox()->currentData().toString(), u"open"_s);
        QCOMPARE(editor.tagsEdit()->text(), u"media_request acme"_s);
        QVERIFY(editor.change().isEmpty());
        QVERIFY(!editor.saveButton()->isEnabled());
    }

    // Tags get the editor's whole width, not what priority, status and the buttons leave.
    void tagsHaveALineOfTheirOwn()
    {
        TicketFieldsEditor editor;
        editor.setTicket(ticket());
        editor.resize(520, editor.sizeHint().height());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY2(editor.tagsEdit()->width() > editor.width() * 3 / 4,
                 qPrintable(QString::number(editor.tagsEdit()->width())));
        QVERIFY(editor.tagsEdit()->y() > editor.saveButton()->y());
    }

    void sendsOnlyWhatChangedWithTheTicketsTime()
    {
        TicketFieldsEditor editor;
        editor.setTicket(ticket());
        QSignalSpy requested(&editor, &TicketFieldsEditor::changeRequested);
        editor.priorityBox()->setCurrentIndex(editor.priorityBox()->findData(u"urgent"_s));
        editor.tagsEdit()->setText(u"media_request acme Press"_s);
        QVERIFY(editor.saveButton()->isEnabled());
        QTest::mouseClick(editor.saveButton(), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toLongLong(), 7);
        const TicketChange sent = requested.first().at(1).value<TicketChange>();
        QCOMPARE(sent.priority, std::optional<QString>(u"urgent"_s));
        QCOMPARE(sent.tags, std::optional<QStringList>(QStringList{u"media_request"_s, u"acme"_s, u"press"_s}));
        QVERIFY(!sent.status);
        QCOMPARE(sent.updatedStamp, ticket().updatedAt);
        // On its way: nothing can be edited or sent twice.
        QVERIFY(editor.isSaving());
        QVERIFY(!editor.priorityBox()->isEnabled());
        QVERIFY(!editor.saveButton()->isEnabled());
        QTest::keyClick(editor.tagsEdit(), Qt::Key_Return);
        QCOMPARE(requested.size(), 1);

        // A refresh that was on its way before the click (the pane's own load of the ticket, a
        // sync) is not the answer: the change stays on its way, as the agent made it.
        Ticket refreshed = ticket();
        refreshed.updatedAt = refreshed.updatedAt.addSecs(2);
        editor.setTicket(refreshed);
        QVERIFY(editor.isSaving());
        QVERIFY(!editor.priorityBox()->isEnabled());
        QCOMPARE(editor.priorityBox()->currentData().toString(), u"urgent"_s);
        QCOMPARE(editor.tagsEdit()->text(), u"media_request acme Press"_s);

        // Saved; the stored answer comes back: shown, nothing left to save.
        editor.changeSaved();
        QVERIFY(editor.isSaving());
        Ticket saved = ticket();
        saved.priority = u"urgent"_s;
        saved.tags << u"press"_s;
        saved.updatedAt = saved.updatedAt.addSecs(5);
        editor.setTicket(saved);
        QVERIFY(!editor.isSaving());
        QVERIFY(editor.priorityBox()->isEnabled());
        QCOMPARE(editor.priorityBox()->currentData().toString(), u"urgent"_s);
        QVERIFY(editor.change().isEmpty());
    }

    void noneClearsThePriority()
    {
        TicketFieldsEditor editor;
        editor.setTicket(ticket());
        editor.priorityBox()->setCurrentIndex(0);
        QCOMPARE(editor.change().priority, std::optional<QString>(QString()));
    }

    void aRefusalIsShownAndTheValuesGoBack()
    {
        TicketFieldsEditor editor;
        editor.setTicket(ticket());
        editor.statusBox()->setCurrentIndex(editor.statusBox()->findData(u"solved"_s));
        QTest::mouseClick(editor.saveButton(), Qt::LeftButton);
        editor.changeFailed(u"Someone changed this ticket in Zendesk since it was loaded."_s);
        QVERIFY(!editor.isSaving());
        QVERIFY(!editor.messageLabel()->isHidden());
        QVERIFY(editor.messageLabel()->text().contains(u"Someone changed"_s));
        QCOMPARE(editor.statusBox()->currentData().toString(), u"open"_s);
        QVERIFY(editor.change().isEmpty());

        // The ticket fetched anew after the refusal shows as it is now (the values put back are
        // not edits to keep).
        Ticket fetched = ticket();
        fetched.priority = u"low"_s;
        fetched.updatedAt = fetched.updatedAt.addSecs(30);
        editor.setTicket(fetched);
        QCOMPARE(editor.priorityBox()->currentData().toString(), u"low"_s);
        QVERIFY(editor.change().isEmpty());
    }

    void unsavedEditsSurviveARefreshOfTheSameTicket()
    {
        TicketFieldsEditor editor;
        editor.setTicket(ticket());
        editor.tagsEdit()->setText(u"acme vip"_s);
        Ticket refreshed = ticket();
        refreshed.updatedAt = refreshed.updatedAt.addSecs(60); // a new comment arrived
        editor.setTicket(refreshed);
        QCOMPARE(editor.tagsEdit()->text(), u"acme vip"_s);
        // Against the ticket as it is now.
        QCOMPARE(editor.change().updatedStamp, refreshed.updatedAt);
        // Another ticket shows its own values.
        Ticket other = ticket();
        other.id = 8;
        other.tags = {u"logo"_s};
        editor.setTicket(other);
        QCOMPARE(editor.tagsEdit()->text(), u"logo"_s);
    }

    void closedTicketsAreReadOnly()
    {
        TicketFieldsEditor editor;
        editor.setTicket(ticket(u"closed"_s));
        QCOMPARE(editor.statusBox()->currentData().toString(), u"closed"_s);
        QVERIFY(!editor.priorityBox()->isEnabled());
        QVERIFY(!editor.tagsEdit()->isEnabled());
        QVERIFY(!editor.saveButton()->isEnabled());
        QVERIFY(editor.toolTip().contains(u"closed"_s));
    }

    void newIsShownButCannotBeChosenBack()
    {
        TicketFieldsEditor editor;
        editor.setTicket(ticket(u"new"_s));
        QCOMPARE(editor.statusBox()->currentData().toString(), u"new"_s);
        editor.statusBox()->setCurrentIndex(editor.statusBox()->findData(u"open"_s));
        QCOMPARE(editor.change().status, std::optional<QString>(u"open"_s));
        QVERIFY(editor.statusBox()->findData(u"closed"_s) < 0);
    }
};

QTEST_MAIN(TestTicketFieldsEditor)
#include "tst_ticketfieldseditor.moc"
