#include "connectors/dynamics/dynamicserrors.h"
#include "connectors/dynamics/dynamicswebapi.h"
#include "core/account.h"
#include "net/httpclient.h"
#include "storage/accountrepository.h"
#include "storage/crmrepository.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/syncstaterepository.h"
#include "sync/dynamicssyncengine.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace AssetDesk;
using namespace Qt::StringLiterals;

namespace {

// A minimal Dataverse over HTTP for the engine: incidents and their notes with paging, change
// tracking (delta tokens are version numbers), $deletedEntity rows, an expired token, 429 with
// Retry-After, and no event-management solution (404). Every other table is empty.
class FakeDataverse : public QObject
{
public:
    struct Row
    {
        QJsonObject json;
        qint64 version = 0;
    };
    QMap<QString, Row> incidents; // by id
    QMap<QString, Row> notes;
    QMap<QString, qint64> deletedIncidents; // id -> version of deletion
    qint64 version = 1;
    int throttleNext = 0;
    int throttled = 0;
    QStringList requests;

    FakeDataverse()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl root() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }

    void putIncident(const QString& id, const QString& title, int priority)
    {
        incidents[id] = {QJsonObject{{u"incidentid"_s, id},
                                     {u"title"_s, title},
                                     {u"ticketnumber"_s, u"CAS-"_s + id},
                                     {u"prioritycode"_s, priority},
                                     {u"statecode"_s, 0},
                                     {u"_customerid_value"_s, u"acc-1"_s},
                                     {u"_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"_s, u"account"_s},
                                     {u"_customerid_value@OData.Community.Display.V1.FormattedValue"_s, u"Northwind"_s},
                                     {u"modifiedon"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}},
                         ++version};
    }
    void putNote(const QString& id, const QString& incident)
    {
        notes[id] = {QJsonObject{{u"annotationid"_s, id},
                                 {u"subject"_s, u"Note "_s + id},
                                 {u"objecttypecode"_s, u"incident"_s},
                                 {u"_objectid_value"_s, incident},
                                 {u"isdocument"_s, false}},
                     ++version};
    }
    void deleteIncident(const QString& id)
    {
        incidents.remove(id);
        deletedIncidents[id] = ++version;
    }

private:
    QTcpServer m_server;

    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QByteArray line = buffer.left(buffer.indexOf("\r\n"));
        buffer.clear();
        const QUrl url = root().resolved(QUrl(QString::fromLatin1(line.split(' ').value(1))));
        requests << url.toString();
        const auto [status, body, headers] = answer(url);
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n"
                              "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n"
                              + headers + "\r\n" + body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    static QByteArray error(const char* code, const char* message)
    {
        return QJsonDocument(QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, QLatin1String(code)},
                                                                  {u"message"_s, QLatin1String(message)}}}})
            .toJson(QJsonDocument::Compact);
    }

    QString link(const QString& set, const QString& param, const QString& value) const
    {
        return root().toString() + u"/api/data/v9.2/"_s + set + u"?$select=x&"_s + param + u"="_s + value;
    }

    std::tuple<int, QByteArray, QByteArray> answer(const QUrl& url)
    {
        if (throttleNext > 0) {
            --throttleNext;
            ++throttled;
            return {429, error("0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds."),
                    "Retry-After: 1\r\n"};
        }
        const QString set = url.path().section(u'/', -1);
        if (set == u"msevtmgt_events"_s)
            return {404, error("0x80060888", "Resource not found for the segment 'msevtmgt_events'."), {}};
        const QUrlQuery query(url);
        QJsonArray value;
        QJsonObject page;
        const QString token = query.queryItemValue(u"$deltatoken"_s);
        if (token == u"expired"_s)
            return {400, error("0x80044352", "Version stamp associated with the client has expired."), {}};
        const QMap<QString, Row>* rows = set == u"incidents"_s ? &incidents : set == u"annotations"_s ? &notes : nullptr;
        if (!token.isEmpty()) {
            const qint64 since = token.toLongLong();
            if (rows) {
                for (const Row& r : *rows) {
                    if (r.version > since)
                        value.append(r.json);
                }
            }
            if (set == u"incidents"_s) {
                for (auto it = deletedIncidents.cbegin(); it != deletedIncidents.cend(); ++it) {
                    if (it.value() > since)
                        value.append(QJsonObject{{u"@odata.context"_s, root().toString() + u"/api/data/v9.2/$metadata#incidents/$deletedEntity"_s},
                                                 {u"id"_s, it.key()},
                                                 {u"reason"_s, u"deleted"_s}});
                }
            }
            page.insert(u"@odata.deltaLink"_s, link(set, u"$deltatoken"_s, QString::number(version)));
        } else {
            // Two rows per page, keyset by position.
            const QList<Row> all = rows ? rows->values() : QList<Row>();
            const int start = query.queryItemValue(u"$skiptoken"_s).toInt();
            for (int i = start; i < std::min<int>(start + 2, all.size()); ++i)
                value.append(all.at(i).json);
            if (start + 2 < all.size())
                page.insert(u"@odata.nextLink"_s, link(set, u"$skiptoken"_s, QString::number(start + 2)));
            else
                page.insert(u"@odata.deltaLink"_s, link(set, u"$deltatoken"_s, QString::number(version)));
        }
        page.insert(u"value"_s, value);
        return {200, QJsonDocument(page).toJson(QJsonDocument::Compact), {}};
    }

    QHash<QTcpSocket*, QByteArray> m_buffers;
};

const DynamicsSyncSummary::Table& tableOf(const DynamicsSyncSummary& s, const QString& set)
{
    for (const DynamicsSyncSummary::Table& t : s.tables) {
        if (t.entitySet == set)
            return t;
    }
    qFatal("no table %s", qPrintable(set));
}

} // namespace

// DynamicsSyncEngine over real HTTP against a small fake Dataverse: paging, delta rounds with
// changes and deletions, an expired delta token, 429 + Retry-After, a table the organization
// lacks, and a row that cannot be read. (tst_dynamicssync runs it against the sandbox module.)
class TestDynamicsSyncEngine : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    FakeDataverse m_service;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<DynamicsWebApi> m_api;
    qint64 m_account = 0;

    Result<DynamicsSyncSummary> sync(bool full = false)
    {
        DynamicsSyncEngine engine(*m_storage, *m_api, m_account, u"CRM"_s);
        std::optional<Result<DynamicsSyncSummary>> outcome;
        DynamicsSyncEngine::Options options;
        options.full = full;
        options.pageSize = 2;
        engine.run(options, nullptr, [&outcome](Result<DynamicsSyncSummary> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 30000))
            return Error(ErrorKind::Transport, u"the sync did not finish"_s);
        return *outcome;
    }

    QStringList localCases() const
    {
        QStringList ids;
        // Held in a variable: a range-for over value() of the temporary Result would dangle.
        const Result<QList<SupportCase>> cases = CrmRepository(*m_storage).cases({});
        for (const SupportCase& c : cases.value())
            ids << c.remoteId;
        ids.sort();
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = Storage::open(StorageConfig::sqlite(m_dir.filePath(u"w.sqlite3"_s)));
        QVERIFY(opened.ok());
        m_storage = std::move(opened).value();
        Account account;
        account.service = Service::Dynamics;
        account.label = u"CRM"_s;
        account.authMethod = AuthMethod::ClientCredentials;
        account.baseUrl = m_service.root();
        m_account = m_storage->writeAndWait([account](WriteContext& ctx) { return AccountRepository::add(ctx, account); })
                        .value();
        account.id = m_account;
        HttpClientOptions options;
        options.serviceId = u"dynamics"_s;
        options.errorParser = parseDynamicsError;
        m_http = std::make_unique<HttpClient>(options);
        m_api = std::make_unique<DynamicsWebApi>(account, m_http.get());
        m_service.putIncident(u"i-1"_s, u"First"_s, 2);
        m_service.putIncident(u"i-2"_s, u"Second"_s, 1);
        m_service.putIncident(u"i-3"_s, u"Third"_s, 3);
        m_service.putNote(u"n-1"_s, u"i-1"_s);
    }

    void firstSyncPagesThroughEveryTable()
    {
        const Result<DynamicsSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        const auto& incidents = tableOf(*s, u"incidents"_s);
        QVERIFY(incidents.full);
        QCOMPARE(incidents.pages, qint64(2));
        QCOMPARE(incidents.rows, qint64(3));
        QCOMPARE(incidents.stored, qint64(3));
        QVERIFY(tableOf(*s, u"msevtmgt_events"_s).unavailable);
        QCOMPARE(localCases(), (QStringList{u"i-1"_s, u"i-2"_s, u"i-3"_s}));
        const CrmRepository crm(*m_storage);
        const SupportCase first = crm.caseByRemoteId(m_account, u"i-1"_s).value().value();
        QCOMPARE(first.customerName, u"Northwind"_s);
        QCOMPARE(crm.notes(first.id).value().size(), 1);
        const auto state = SyncStateRepository(*m_storage).get(m_account, u"dynamics:incidents"_s).value();
        QVERIFY(state.has_value());
        QVERIFY2(state->cursor.endsWith(u"$deltatoken=5"_s), qPrintable(state->cursor));
        // A later page's link carries the same origin and is followed as given.
        QVERIFY(m_service.requests.contains(m_service.root().toString() + u"/api/data/v9.2/incidents?$select=x&$skiptoken=2"_s));
    }

    void deltaRoundAppliesChangesAndDeletions()
    {
        m_service.putIncident(u"i-2"_s, u"Second, now urgent"_s, 1);
        m_service.deleteIncident(u"i-1"_s);
        const Result<DynamicsSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        const auto& incidents = tableOf(*s, u"incidents"_s);
        QVERIFY(!incidents.full);
        QCOMPARE(incidents.rows, qint64(2));
        QCOMPARE(incidents.stored, qint64(1));
        QCOMPARE(incidents.removed, qint64(1));
        QCOMPARE(tableOf(*s, u"accounts"_s).stored, qint64(0));
        QCOMPARE(localCases(), (QStringList{u"i-2"_s, u"i-3"_s}));
        const CrmRepository crm(*m_storage);
        QCOMPARE(crm.caseByRemoteId(m_account, u"i-2"_s).value()->title, u"Second, now urgent"_s);
        QVERIFY(crm.caseByRemoteId(m_account, u"i-1"_s).value() == std::nullopt);
        QCOMPARE(crm.remoteIds(EntityKind::CaseNote, m_account).value(), QStringList()); // went with its case

        const Result<DynamicsSyncSummary> quiet = sync();
        QVERIFY(quiet.ok());
        QCOMPARE(quiet->totalStored() + quiet->totalRemoved(), qint64(0));
    }

    void expiredTokenReadsTheTableAgain()
    {
        QVERIFY(m_storage->writeAndWait([this](WriteContext& ctx) {
            return SyncStateRepository::save(ctx, m_account, u"dynamics:incidents"_s,
                                             m_service.root().toString() + u"/api/data/v9.2/incidents?$deltatoken=expired"_s);
        }).ok());
        SupportCase stray;
        stray.accountId = m_account;
        stray.remoteId = u"i-stray"_s;
        QVERIFY(m_storage->writeAndWait([stray](WriteContext& ctx) { return CrmRepository::upsert(ctx, {stray}); }).ok());
        const Result<DynamicsSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        const auto& incidents = tableOf(*s, u"incidents"_s);
        QVERIFY(incidents.expiredToken);
        QVERIFY(incidents.full);
        QCOMPARE(incidents.removed, qint64(1));
        QCOMPARE(localCases(), (QStringList{u"i-2"_s, u"i-3"_s}));
    }

    void honoursRetryAfter()
    {
        m_service.putIncident(u"i-3"_s, u"Third, changed"_s, 3);
        m_service.throttleNext = 1;
        const int before = m_service.throttled;
        QElapsedTimer clock;
        clock.start();
        const Result<DynamicsSyncSummary> s = sync();
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toLogString()));
        QCOMPARE(m_service.throttled - before, 1);
        QVERIFY2(clock.elapsed() >= 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(tableOf(*s, u"incidents"_s).stored, qint64(1));
    }

    void skipsRowsItCannotRead()
    {
        m_service.putIncident(u"i-4"_s, u"Fourth"_s, 2);
        m_service.incidents[u"i-4"_s].json.insert(u"prioritycode"_s, u"High"_s);
        const Result<DynamicsSyncSummary> s = sync();
        QVERIFY(s.ok());
        QCOMPARE(s->skipped, qint64(1));
        QCOMPARE(s->problems.size(), 1);
        QCOMPARE(s->problems.first().entitySet, u"incidents"_s);
        QVERIFY2(s->problems.first().error.message().contains(u"prioritycode"_s), qPrintable(s->problems.first().error.message()));
        QVERIFY(!localCases().contains(u"i-4"_s));
    }
};

QTEST_GUILESS_MAIN(TestDynamicsSyncEngine)
#include "tst_dynamicssyncengine.moc"
