#include "models/reloadgate.h"

#include <QTest>

using namespace AssetDesk;

// ReloadGate: one load at a time, and the reloads asked for during it folded into one after it.
class TstReloadGate : public QObject
{
    Q_OBJECT

private slots:
    void idleGateLetsALoadStart()
    {
        ReloadGate gate;
        QVERIFY(!gate.isLoading());
        QVERIFY(!gate.deferIfLoading());
        gate.start();
        QVERIFY(gate.isLoading());
        QVERIFY(!gate.end()); // nothing asked for meanwhile
        QVERIFY(!gate.isLoading());
    }

    void reloadsDuringALoadFoldIntoOneAfterIt()
    {
        ReloadGate gate;
        gate.start();
        QVERIFY(gate.deferIfLoading());
        QVERIFY(gate.deferIfLoading());
        QVERIFY(gate.deferIfLoading());
        QVERIFY(gate.end()); // one more load, not three
        QVERIFY(!gate.isLoading());
        QVERIFY(!gate.deferIfLoading());
        gate.start();
        QVERIFY(!gate.end()); // the request was used up by the load after the first
    }
};

QTEST_GUILESS_MAIN(TstReloadGate)
#include "tst_reloadgate.moc"
