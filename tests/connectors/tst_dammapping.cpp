#include "connectors/dammapping.h"

#include <QHash>
#include <QTest>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

namespace {
// "id" or "id<parent" -> a collection
QList<Collection> collections(const QStringList& specs)
{
    QList<Collection> out;
    for (const QString& spec : specs) {
        Collection c;
        const QStringList parts = spec.split(u'<');
        c.remoteId = parts.at(0);
        c.parentRemoteId = parts.value(1);
        out << c;
    }
    return out;
}

QStringList ids(const QList<Collection>& list)
{
    QStringList out;
    for (const Collection& c : list)
        out << c.remoteId;
    return out;
}
} // namespace

class TestDamMapping : public QObject
{
    Q_OBJECT
private slots:
    void parentsFirst_data()
    {
        QTest::addColumn<QStringList>("listed");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("already ordered") << QStringList{u"a"_s, u"b<a"_s, u"c<b"_s} << QStringList{u"a"_s, u"b"_s, u"c"_s};
        QTest::newRow("children first") << QStringList{u"c<b"_s, u"b<a"_s, u"a"_s} << QStringList{u"a"_s, u"b"_s, u"c"_s};
        QTest::newRow("dangling parent is a root")
            << QStringList{u"x<gone"_s, u"y<x"_s} << QStringList{u"x"_s, u"y"_s};
        QTest::newRow("cycle kept, last") << QStringList{u"p<q"_s, u"q<p"_s, u"r"_s} << QStringList{u"r"_s, u"p"_s, u"q"_s};
        QTest::newRow("empty") << QStringList{} << QStringList{};
    }
    void parentsFirst()
    {
        QFETCH(QStringList, listed);
        QFETCH(QStringList, expected);
        const QList<Collection> ordered = DamMapping::parentsFirst(collections(listed));
        QCOMPARE(ids(ordered), expected);
        QHash<QString, QString> parents;
        for (const Collection& c : collections(listed))
            parents.insert(c.remoteId, c.parentRemoteId);
        for (const Collection& c : ordered) // parent links are never rewritten
            QCOMPARE(c.parentRemoteId, parents.value(c.remoteId));
    }
};

QTEST_GUILESS_MAIN(TestDamMapping)
#include "tst_dammapping.moc"
