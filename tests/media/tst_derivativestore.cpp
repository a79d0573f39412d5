#include "media/derivativestore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;

class TestDerivativeStore : public QObject
{
    Q_OBJECT
private slots:
    void namesAreContentAddressed()
    {
        QTemporaryDir dir;
        const DerivativeStore store(dir.filePath(QStringLiteral("d")));
        const QByteArray bytes("\xff\xd8 some jpeg bytes \xff\xd9");
        const Result<StoredDerivativeFile> stored = store.store(bytes, QStringLiteral("image/jpeg"));
        QVERIFY(stored.ok());
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(stored->sha256, sha);
        QCOMPARE(stored->path, store.root() + QLatin1Char('/') + sha + QStringLiteral(".jpg"));
        QCOMPARE(stored->bytes, bytes.size());
        QFile f(stored->path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), bytes);
        // The same bytes again: the same single file.
        const Result<StoredDerivativeFile> again = store.store(bytes, QStringLiteral("image/jpeg"));
        QVERIFY(again.ok());
        QCOMPARE(again->path, stored->path);
        QCOMPARE(QDir(store.root()).entryList(QDir::Files).size(), 1);
    }

    void hostileNamesAreImpossible_data()
    {
        QTest::addColumn<QString>("digest");
        QTest::addColumn<QString>("mime");
        const QString good = QString(64, QLatin1Char('a'));
        QTest::newRow("parent dirs") << QStringLiteral("../../etc/passwd") << QStringLiteral("image/jpeg");
        QTest::newRow("absolute") << QStringLiteral("/tmp/x") << QStringLiteral("image/jpeg");
        QTest::newRow("upper-case hex") << good.toUpper() << QStringLiteral("image/jpeg");
        QTest::newRow("digest plus slash") << good + QStringLiteral("/x") << QStringLiteral("image/jpeg");
        QTest::newRow("unknown mime") << good << QStringLiteral("text/html");
        QTest::newRow("mime with path") << good << QStringLiteral("image/../../jpeg");
    }
    void hostileNamesAreImpossible()
    {
        QFETCH(QString, digest);
        QFETCH(QString, mime);
        const DerivativeStore store(QStringLiteral("/tmp/derivatives-root"));
        QCOMPARE(store.pathFor(digest, mime), QString());
    }

    void unknownTypesAreNotStored()
    {
        QTemporaryDir dir;
        const DerivativeStore store(dir.filePath(QStringLiteral("d")));
        QVERIFY(!store.store("bytes", QStringLiteral("application/x-sh")).ok());
        QVERIFY(!store.store({}, QStringLiteral("image/png")).ok());
        QVERIFY(!QDir(store.root()).exists() || QDir(store.root()).isEmpty());
    }

    void adoptMovesAMadeFileToItsAddress()
    {
        QTemporaryDir dir;
        const DerivativeStore store(dir.filePath(QStringLiteral("d")));
        const Result<QString> temp = store.temporaryPath(QStringLiteral("video/mp4"));
        QVERIFY(temp.ok());
        QVERIFY(QFileInfo(*temp).fileName().startsWith(QLatin1Char('.')));
        {
            QFile f(*temp);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not really an mp4");
        }
        const Result<StoredDerivativeFile> adopted = store.adopt(*temp, QStringLiteral("video/mp4"));
        QVERIFY(adopted.ok());
        QVERIFY(!QFile::exists(*temp));
        QVERIFY(QFile::exists(adopted->path));
        QVERIFY(adopted->path.endsWith(QStringLiteral(".mp4")));
        // A file outside the folder is not taken (and is removed, as the contract says).
        QTemporaryDir other;
        const QString outside = other.filePath(QStringLiteral("x.mp4"));
        {
            QFile f(outside);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
        }
        QVERIFY(!store.adopt(outside, QStringLiteral("video/mp4")).ok());
    }
};

QTEST_GUILESS_MAIN(TestDerivativeStore)
#include "tst_derivativestore.moc"
