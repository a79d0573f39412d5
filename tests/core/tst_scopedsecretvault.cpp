#include "core/scopedsecretvault.h"

#include <QHash>
#include <QTest>

using namespace AssetDesk;

namespace {
// Answers at once; records the keys it was asked for.
class RecordingVault : public SecretVault
{
public:
    QHash<QString, QByteArray> entries;
    void read(const QString& key, QObject*, ReadCallback done) override
    {
        if (entries.contains(key))
            done(entries.value(key));
        else
            done(Error(ErrorKind::NotFound, key));
    }
    void write(const QString& key, const QByteArray& secret, QObject*, DoneCallback done) override
    {
        entries.insert(key, secret);
        done({});
    }
    void remove(const QString& key, QObject*, DoneCallback done) override
    {
        entries.remove(key);
        done({});
    }
};
} // namespace

class TestScopedSecretVault : public QObject
{
    Q_OBJECT
private slots:
    void workspacesDoNotShareEntries()
    {
        RecordingVault keyring;
        ScopedSecretVault local(keyring, ScopedSecretVault::workspacePrefix(QStringLiteral("aaa")));
        ScopedSecretVault team(keyring, ScopedSecretVault::workspacePrefix(QStringLiteral("bbb")));
        local.write(QStringLiteral("account/1"), "local-key", this, [](Status s) { QVERIFY(s.ok()); });
        team.write(QStringLiteral("account/1"), "team-key", this, [](Status s) { QVERIFY(s.ok()); });
        QCOMPARE(keyring.entries.value(QStringLiteral("workspace/aaa/account/1")), QByteArray("local-key"));
        QCOMPARE(keyring.entries.value(QStringLiteral("workspace/bbb/account/1")), QByteArray("team-key"));

        QByteArray readBack;
        local.read(QStringLiteral("account/1"), this, [&readBack](Result<QByteArray> r) { readBack = r.value(); });
        QCOMPARE(readBack, QByteArray("local-key"));
        team.remove(QStringLiteral("account/1"), this, [](Status) {});
        QVERIFY(keyring.entries.contains(QStringLiteral("workspace/aaa/account/1")));
        QVERIFY(!keyring.entries.contains(QStringLiteral("workspace/bbb/account/1")));
        bool missing = false;
        team.read(QStringLiteral("account/1"), this,
                  [&missing](Result<QByteArray> r) { missing = !r && r.error().kind() == ErrorKind::NotFound; });
        QVERIFY(missing);
    }
};

QTEST_GUILESS_MAIN(TestScopedSecretVault)
#include "tst_scopedsecretvault.moc"
