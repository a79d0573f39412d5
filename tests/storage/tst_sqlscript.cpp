#include "storage/sqlscript.h"

#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

class TestSqlScript : public QObject
{
    Q_OBJECT
private slots:
    void splits_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("statements");

        QTest::newRow("two statements")
            << u"CREATE TABLE a (x INT); CREATE TABLE b (y INT);"_s
            << QStringList{u"CREATE TABLE a (x INT)"_s, u"CREATE TABLE b (y INT)"_s};
        QTest::newRow("no trailing semicolon")
            << u"SELECT 1;\nSELECT 2"_s << QStringList{u"SELECT 1"_s, u"SELECT 2"_s};
        QTest::newRow("semicolon in string")
            << u"INSERT INTO t VALUES ('a;b'); SELECT 'it''s;';"_s
            << QStringList{u"INSERT INTO t VALUES ('a;b')"_s, u"SELECT 'it''s;'"_s};
        QTest::newRow("semicolon in quoted identifier")
            << u"CREATE TABLE \"a;b\" (x INT);"_s << QStringList{u"CREATE TABLE \"a;b\" (x INT)"_s};
        QTest::newRow("comments")
            << u"-- first; not a statement\nSELECT 1; /* block; comment */ SELECT 2; -- tail"_s
            << QStringList{u"-- first; not a statement\nSELECT 1"_s, u"/* block; comment */ SELECT 2"_s};
        QTest::newRow("comment-only pieces dropped")
            << u"SELECT 1; -- only a comment\n;  ;"_s << QStringList{u"SELECT 1"_s};
        QTest::newRow("dollar-quoted function body")
            << u"CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION "
               u"'x;y';\n"
               u"  RETURN NULL;\nEND;\n$$;\nCREATE TRIGGER t BEFORE DELETE ON a FOR EACH ROW EXECUTE FUNCTION f();"_s
            << QStringList{
                   u"CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION "
                   u"'x;y';\n  RETURN NULL;\nEND;\n$$"_s,
                   u"CREATE TRIGGER t BEFORE DELETE ON a FOR EACH ROW EXECUTE FUNCTION f()"_s};
        QTest::newRow("tagged dollar quote")
            << u"DO $body$ BEGIN PERFORM 1; END $body$; SELECT 2"_s
            << QStringList{u"DO $body$ BEGIN PERFORM 1; END $body$"_s, u"SELECT 2"_s};
        QTest::newRow("positional parameter is not a dollar quote")
            << u"SELECT $1; SELECT 2"_s << QStringList{u"SELECT $1"_s, u"SELECT 2"_s};
        QTest::newRow("sqlite trigger body")
            << u"CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (new.x); DELETE FROM c; END; SELECT 1;"_s
            << QStringList{
                   u"CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (new.x); DELETE FROM c; END"_s,
                   u"SELECT 1"_s};
        QTest::newRow("sqlite trigger with CASE ... END inside")
            << u"CREATE TEMP TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET y = CASE WHEN new.x > 0 THEN 1 "
               u"ELSE 0 END; "
               u"SELECT 2; END; SELECT 3"_s
            << QStringList{u"CREATE TEMP TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET y = CASE WHEN new.x "
                           u"> 0 THEN 1 "
                           u"ELSE 0 END; SELECT 2; END"_s,
                           u"SELECT 3"_s};
        QTest::newRow("END as a column name outside triggers")
            << u"SELECT \"end\", begin_at FROM x; SELECT 2"_s
            << QStringList{u"SELECT \"end\", begin_at FROM x"_s, u"SELECT 2"_s};
    }
    void splits()
    {
        QFETCH(QString, sql);
        const Result<QStringList> statements = SqlScript::split(sql);
        QVERIFY2(statements.ok(), qPrintable(statements.ok() ? QString() : statements.error().message()));
        QTEST(statements.value(), "statements");
    }

    void refusesUnterminated_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("string") << u"SELECT 'abc; SELECT 2"_s;
        QTest::newRow("identifier") << u"SELECT \"abc; SELECT 2"_s;
        QTest::newRow("block comment") << u"SELECT 1; /* never closed"_s;
        QTest::newRow("dollar quote") << u"CREATE FUNCTION f() AS $$ BEGIN; END;"_s;
        QTest::newRow("trigger body") << u"CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;"_s;
    }
    void refusesUnterminated()
    {
        QFETCH(QString, sql);
        const Result<QStringList> statements = SqlScript::split(sql);
        QVERIFY(!statements.ok());
        QCOMPARE(statements.error().kind(), ErrorKind::Validation);
    }

    void leadingWords_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("plain") << u"create index concurrently i on t (x)"_s << 3
                               << QStringList{u"CREATE"_s, u"INDEX"_s, u"CONCURRENTLY"_s};
        QTest::newRow("after comments")
            << u"-- note\n/* x */ Begin transaction"_s << 4 << QStringList{u"BEGIN"_s, u"TRANSACTION"_s};
        QTest::newRow("stops at a literal") << u"SELECT 'COMMIT'"_s << 3 << QStringList{u"SELECT"_s};
        QTest::newRow("empty") << u"  -- nothing"_s << 2 << QStringList{};
    }
    void leadingWords()
    {
        QFETCH(QString, statement);
        QFETCH(int, count);
        QTEST(SqlScript::leadingWords(statement, count), "words");
    }
};

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
