#include "net/memorysecretvault.h"

#include <QTest>

using namespace AssetDesk;

class TestMemorySecretVault : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip()
    {
        MemorySecretVault vault;
        std::optional<Status> written;
        vault.write(QStringLiteral("account/1"), "s1", this, [&written](Status s) { written.emplace(s); });
        QVERIFY(!written.has_value()); // asynchronous, like a real keyring
        QTRY_VERIFY(written.has_value());
        QVERIFY(written->ok());

        std::optional<Result<QByteArray>> read;
        vault.read(QStringLiteral("account/1"), this,
                   [&read](Result<QByteArray> r) { read.emplace(std::move(r)); });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->value(), QByteArray("s1"));

        written.reset();
        vault.write(QStringLiteral("account/1"), "s2", this, [&written](Status s) { written.emplace(s); });
        QTRY_VERIFY(written.has_value());
        read.reset();
        vault.read(QStringLiteral("account/1"), this,
                   [&read](Result<QByteArray> r) { read.emplace(std::move(r)); });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->value(), QByteArray("s2"));

        std::optional<Status> removed;
        vault.remove(QStringLiteral("account/1"), this, [&removed](Status s) { removed.emplace(s); });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(removed->ok());
        QVERIFY(!vault.contains(QStringLiteral("account/1")));
        read.reset();
        vault.read(QStringLiteral("account/1"), this,
                   [&read](Result<QByteArray> r) { read.emplace(std::move(r)); });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->error().kind(), ErrorKind::NotFound);

        removed.reset();
        vault.remove(QStringLiteral("never-there"), this, [&removed](Status s) { removed.emplace(s); });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(removed->ok());
    }

    void callbackDroppedWhenContextDies()
    {
        MemorySecretVault vault;
        int calls = 0;
        auto* context = new QObject;
        vault.write(QStringLiteral("k"), "v", context, [&calls](Status) { ++calls; });
        delete context;
        QTest::qWait(50);
        QCOMPARE(calls, 0);
        QVERIFY(vault.contains(QStringLiteral("k"))); // the write itself happened
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretVault)
#include "tst_memorysecretvault.moc"
