#include "connectors/dynamics/dynamicserrors.h"
#include "connectors/iconik/iconikerrors.h"
#include "connectors/photoshelter/photosheltererrors.h"
#include "connectors/x/xerrors.h"
#include "connectors/zendesk/zendeskerrors.h"
#include "net/httpresponse.h"

#include <QTest>

using namespace AssetDesk;

namespace {
using Parser = std::optional<Error> (*)(const HttpResponse&);

HttpResponse response(int status, const QByteArray& body, const QByteArray& type = "application/json")
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers = {{"Content-Type", type}};
    return r;
}
} // namespace

class TestErrorBodies : public QObject
{
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("message"); // empty: not recognised
        QTest::addColumn<QString>("code");

        const QByteArray json = "application/json";
        QTest::newRow("iconik list") << "iconik" << 401 << QByteArray("{\"errors\":[\"Token is invalid\"]}") << json
                                     << "iconik: Token is invalid" << "";
        QTest::newRow("iconik fields") << "iconik" << 400 << QByteArray("{\"errors\":{\"title\":\"Required\"}}") << json
                                       << "iconik: title: Required" << "";
        QTest::newRow("iconik html") << "iconik" << 502 << QByteArray("<html>Bad gateway</html>")
                                     << QByteArray("text/html") << "" << "";
        QTest::newRow("x problem") << "x" << 401
                                   << QByteArray("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")
                                   << json << "X: Unauthorized" << "about:blank";
        QTest::newRow("x invalid request")
            << "x" << 400
            << QByteArray("{\"errors\":[{\"parameters\":{\"max_results\":[\"1\"]},\"message\":\"The `max_results` query parameter value [1] is not between 5 and 100\"}],\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}")
            << json << "X: The `max_results` query parameter value [1] is not between 5 and 100"
            << "https://api.twitter.com/2/problems/invalid-request";
        QTest::newRow("x legacy 88") << "x" << 429 << QByteArray("{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}")
                                     << json << "X: Rate limit exceeded" << "88";
        QTest::newRow("zendesk classic") << "zendesk" << 404
                                         << QByteArray("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}") << json
                                         << "Zendesk: Not found" << "RecordNotFound";
        QTest::newRow("zendesk auth") << "zendesk" << 401 << QByteArray("{\"error\":\"Couldn't authenticate you\"}")
                                      << json << "Zendesk: Couldn't authenticate you" << "Couldn't authenticate you";
        QTest::newRow("zendesk invalid")
            << "zendesk" << 422
            << QByteArray("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":{\"subject\":[{\"description\":\"Subject: cannot be blank\",\"error\":\"BlankValue\"}]}}")
            << json << "Zendesk: Record validation errors (subject: Subject: cannot be blank)" << "RecordInvalid";
        QTest::newRow("zendesk jsonapi") << "zendesk" << 400
                                         << QByteArray("{\"errors\":[{\"code\":\"InvalidParam\",\"title\":\"Invalid\",\"detail\":\"page[size] too big\"}]}")
                                         << json << "Zendesk: page[size] too big" << "InvalidParam";
        QTest::newRow("zendesk 429 text") << "zendesk" << 429 << QByteArray("Rate limited. Try again in 30 seconds.\n")
                                          << QByteArray("text/plain") << "Zendesk: Rate limited. Try again in 30 seconds."
                                          << "";
        QTest::newRow("photoshelter titles") << "photoshelter" << 401
                                             << QByteArray("{\"errors\":[{\"title\":\"Invalid API key\",\"status\":401,\"code\":\"ApiKeyInvalidException\"}]}")
                                             << json << "PhotoShelter: Invalid API key" << "ApiKeyInvalidException";
        QTest::newRow("photoshelter 404 html") << "photoshelter" << 404 << QByteArray("<h1>Not Found</h1>")
                                               << QByteArray("text/html") << "" << "";
        QTest::newRow("dynamics throttled")
            << "dynamics" << 429
            << QByteArray("{\"error\":{\"code\":\"0x80072322\",\"message\":\"Number of requests exceeded the limit of 6000 over time window of 300 seconds.\"}}")
            << json << "Dynamics 365: Number of requests exceeded the limit of 6000 over time window of 300 seconds."
            << "0x80072322";
        QTest::newRow("dynamics empty code") << "dynamics" << 400
                                             << QByteArray("{\"error\":{\"code\":\"\",\"message\":\"Bad Request\"}}") << json
                                             << "Dynamics 365: Bad Request" << "";
        QTest::newRow("zendesk garbage") << "zendesk" << 500 << QByteArray("{\"truncated") << json << "" << "";
    }
    void parses()
    {
        QFETCH(QString, service);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, message);
        QFETCH(QString, code);
        const QHash<QString, Parser> parsers{{QStringLiteral("iconik"), parseIconikError},
                                             {QStringLiteral("x"), parseXError},
                                             {QStringLiteral("zendesk"), parseZendeskError},
                                             {QStringLiteral("photoshelter"), parsePhotoShelterError},
                                             {QStringLiteral("dynamics"), parseDynamicsError}};
        const Parser parser = parsers.value(service);
        const std::optional<Error> error = parser(response(status, body, contentType));
        if (message.isEmpty()) {
            QVERIFY(!error);
            return;
        }
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::ApiError);
        QCOMPARE(error->message(), message);
        QCOMPARE(error->apiCode(), code);
    }
};

QTEST_GUILESS_MAIN(TestErrorBodies)
#include "tst_errorbodies.moc"
