#include "testdatabase.h"

#include "storage/sqlstatement.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

class TestSqlStatement : public QObject
{
    Q_OBJECT
private slots:
    void findsPlaceholders_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("simple") << u"SELECT * FROM t WHERE a = :a AND b = :b_2"_s
                                << QStringList{u"a"_s, u"b_2"_s};
        QTest::newRow("repeated") << u"SELECT :x, :x"_s << QStringList{u"x"_s, u"x"_s};
        QTest::newRow("not in strings or comments")
            << u"SELECT ':no', \":no\" -- :no\n, /* :no */ :yes"_s << QStringList{u"yes"_s};
        QTest::newRow("cast is not a placeholder") << u"SELECT :v::text, x::bigint"_s << QStringList{u"v"_s};
        QTest::newRow("dollar body") << u"SELECT $$ :no $$, :yes"_s << QStringList{u"yes"_s};
    }
    void findsPlaceholders()
    {
        QFETCH(QString, sql);
        QTEST(SqlStatement::placeholders(sql), "names");
    }

    // The PostgreSQL path renders values as literals; this proves the escaping on the real server
    // (and the SQLite path's native binding) with values that would break naive quoting.
    void roundTripsValues_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QVariant>("value");
        const QList<std::pair<const char*, QVariant>> values{
            {"quote", QVariant(u"it's a 'test'"_s)},
            {"injection attempt", QVariant(u"x'); DROP TABLE probe; --"_s)},
            {"backslashes", QVariant(u"C:\\path\\n\\'"_s)},
            {"unicode", QVariant(u"Grüße — 東京 🎉"_s)},
            {"colon word", QVariant(u"time :now and ::cast"_s)},
            {"dollar quote", QVariant(u"$$ $tag$ $1"_s)},
            {"empty string", QVariant(u""_s)},
            {"big integer", QVariant(qint64(9007199254740993))},
            {"negative", QVariant(qint64(-42))},
        };
        for (const QString& backend : {u"sqlite"_s, u"postgresql"_s}) {
            for (const auto& [name, value] : values)
                QTest::newRow(qPrintable(backend + u": "_s + QLatin1String(name))) << backend << value;
        }
    }
    void roundTripsValues()
    {
        QFETCH(QString, backend);
        QFETCH(QVariant, value);
        ASSETDESK_TEST_DATABASE(db, backend);
        const QString name = SqlConnection::uniqueName(u"test-statement"_s);
        {
            Result<SqlConnection> c = SqlConnection::open(db.config(), name, SqlConnection::Role::Writer,
                                                          SqlConnection::Create::IfMissing);
            QVERIFY(c.ok());
            const bool isText = value.metaType().id() == QMetaType::QString;
            QVERIFY(c->exec(isText ? u"CREATE TABLE probe (v TEXT NOT NULL)"_s
                                   : u"CREATE TABLE probe (v BIGINT NOT NULL)"_s)
                        .ok());
            SqlStatement insert(c.value(), u"INSERT INTO probe (v) VALUES (:v)"_s);
            insert.bind(u"v"_s, value);
            const Status inserted = insert.exec();
            QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error().toLogString()));
            SqlStatement select(c.value(), u"SELECT v, count(*) OVER () FROM probe WHERE v = :v"_s);
            select.bind(u"v"_s, value);
            QVERIFY(select.exec().ok());
            QVERIFY(select.next());
            if (isText)
                QCOMPARE(select.value(0).toString(), value.toString());
            else
                QCOMPARE(select.value(0).toLongLong(), value.toLongLong());
            QCOMPARE(select.value(1).toInt(), 1);
        }
        SqlConnection::close(name);
    }

    void nullStringBindsAsEmptyTextAndQVariantAsNull_data()
    {
        TestDatabase::addBackendColumn();
        TestDatabase::addBackendRows();
    }
    void nullStringBindsAsEmptyTextAndQVariantAsNull()
    {
        QFETCH(QString, backend);
        ASSETDESK_TEST_DATABASE(db, backend);
        const QString name = SqlConnection::uniqueName(u"test-statement"_s);
        {
            Result<SqlConnection> c = SqlConnection::open(db.config(), name, SqlConnection::Role::Writer,
                                                          SqlConnection::Create::IfMissing);
            QVERIFY(c.ok());
            QVERIFY(c->exec(u"CREATE TABLE probe (a TEXT NOT NULL, b TEXT, flag BOOLEAN NOT NULL)"_s).ok());
            SqlStatement insert(c.value(), u"INSERT INTO probe (a, b, flag) VALUES (:a, :b, :flag)"_s);
            insert.bind(u"a"_s, QString()).bind(u"b"_s, QVariant()).bind(u"flag"_s, true);
            const Status inserted = insert.exec();
            QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error().toLogString()));
            SqlStatement select(c.value(), u"SELECT a, b IS NULL, flag FROM probe"_s);
            QVERIFY(select.exec().ok() && select.next());
            QCOMPARE(select.value(0).toString(), QString());
            QVERIFY(select.value(1).toBool());
            QVERIFY(select.value(2).toBool());
        }
        SqlConnection::close(name);
    }

    void unboundPlaceholderIsAnError()
    {
        ASSETDESK_TEST_DATABASE(db, u"sqlite"_s);
        const QString name = SqlConnection::uniqueName(u"test-statement"_s);
        {
            Result<SqlConnection> c = SqlConnection::open(db.config(), name, SqlConnection::Role::Writer,
                                                          SqlConnection::Create::IfMissing);
            QVERIFY(c.ok());
            SqlStatement q(c.value(), u"SELECT :a, :b"_s);
            q.bind(u"a"_s, 1);
            const Status s = q.exec();
            QVERIFY(!s.ok());
            QVERIFY(s.error().detail().contains(u":b"_s));
        }
        SqlConnection::close(name);
    }
};

QTEST_GUILESS_MAIN(TestSqlStatement)
#include "tst_sqlstatement.moc"
