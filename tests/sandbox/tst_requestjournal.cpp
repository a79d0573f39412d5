// RequestJournal: what an entry records, completion, filters, the body cap, capacity, JSON.
#include "sandbox/requestjournal.h"
#include "sandbox/sandboxrequest.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace AssetDesk::Sandbox;

namespace {

SandboxRequest request(const QString& service, const QByteArray& body = {})
{
    SandboxRequest r;
    r.service = service;
    r.method = "POST";
    r.path = QStringLiteral("/2/tweets");
    r.rawPath = "/2/tweets";
    r.rawQuery = "a=1&b=%20";
    r.headers = {{"Authorization", "Bearer t"}, {"Content-Type", "application/json"}};
    r.body = body;
    r.receivedAt = QDateTime::currentDateTimeUtc();
    return r;
}

} // namespace

class TestRequestJournal : public QObject
{
    Q_OBJECT
private slots:
    void recordsAndCompletes()
    {
        RequestJournal journal;
        QSignalSpy completed(&journal, &RequestJournal::entryCompleted);
        const QByteArray body("{\"text\":\"hi\"}");
        const quint64 seq = journal.record(request(QStringLiteral("x"), body));
        QCOMPARE(seq, quint64(1));
        auto e = journal.entry(seq);
        QVERIFY(e);
        QVERIFY(!e->completed);
        QCOMPARE(e->pathAndQuery, QStringLiteral("/2/tweets?a=1&b=%20"));
        QCOMPARE(e->header("authorization"), QByteArray("Bearer t"));
        QCOMPARE(e->bodySha256, QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());

        journal.complete(seq, 201, AppliedFault{QStringLiteral("f2"), FaultKind::Delay, 0, 300, 0},
                         QStringLiteral("u1"), 312);
        QCOMPARE(completed.count(), 1);
        e = journal.entry(seq);
        QVERIFY(e->completed);
        QCOMPARE(e->status, 201);
        QCOMPARE(e->fault->kind, FaultKind::Delay);
        QCOMPARE(e->principal, QStringLiteral("u1"));
        QCOMPARE(e->durationMs, 312);

        const QJsonObject json = e->toJson();
        QCOMPARE(json.value(QStringLiteral("body")).toString(), QString::fromLatin1(body));
        QCOMPARE(json.value(QStringLiteral("fault")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("delay"));
        QCOMPARE(json.value(QStringLiteral("headers")).toArray().first().toArray().at(0).toString(),
                 QStringLiteral("Authorization"));
    }

    void filtersBySinceServiceAndLimit()
    {
        RequestJournal journal;
        for (int i = 0; i < 6; ++i)
            journal.record(request(i % 2 ? QStringLiteral("x") : QStringLiteral("zendesk")));
        QCOMPARE(journal.entries().size(), 6);
        QCOMPARE(journal.entries(QStringLiteral("x")).size(), 3);
        const auto since = journal.entries({}, 4);
        QCOMPARE(since.size(), 2);
        QCOMPARE(since.first().sequence, quint64(5));
        const auto limited = journal.entries(QStringLiteral("zendesk"), 0, 2);
        QCOMPARE(limited.size(), 2);
        QCOMPARE(limited.last().sequence, quint64(5)); // the newest ones
        journal.clear();
        QVERIFY(journal.entries().isEmpty());
        QCOMPARE(journal.record(request(QStringLiteral("x"))), quint64(7)); // numbering continues
        journal.complete(3, 200, std::nullopt);                             // a cleared entry: ignored
    }

    void capsBodiesAndKeepsHashesOfTheWhole()
    {
        RequestJournal journal;
        const QByteArray big(RequestJournal::kBodyCap + 100, 'z');
        const auto e = journal.entry(journal.record(request(QStringLiteral("x"), big)));
        QCOMPARE(e->bodySize, big.size());
        QCOMPARE(e->body.size(), RequestJournal::kBodyCap);
        QVERIFY(e->bodyTruncated);
        QCOMPARE(e->bodySha256, QCryptographicHash::hash(big, QCryptographicHash::Sha256).toHex());
    }

    void binaryBodiesAreBase64()
    {
        RequestJournal journal;
        const QByteArray png("\x89PNG\r\n\x1a\n\xff\xfe", 10);
        const QJsonObject json = journal.entry(journal.record(request(QStringLiteral("x"), png)))->toJson();
        QVERIFY(!json.contains(QStringLiteral("body")));
        QCOMPARE(QByteArray::fromBase64(json.value(QStringLiteral("body_base64")).toString().toLatin1()),
                 png);
    }

    void capacityDropsOldest()
    {
        RequestJournal journal(3);
        for (int i = 0; i < 5; ++i)
            journal.record(request(QStringLiteral("x")));
        const auto all = journal.entries();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.first().sequence, quint64(3));
        QCOMPARE(journal.lastSequence(), quint64(5));
        QVERIFY(!journal.entry(1));
    }
};

QTEST_GUILESS_MAIN(TestRequestJournal)
#include "tst_requestjournal.moc"
