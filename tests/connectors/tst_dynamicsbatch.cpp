#include "fixtures.h"

#include "connectors/dynamics/dynamicsbatch.h"
#include "connectors/dynamics/dynamicserrors.h"
#include "connectors/dynamics/dynamicswebapi.h"

#include <QTest>

using namespace AssetDesk;
using namespace AssetDesk::TestSupport;
using namespace Qt::StringLiterals;

class TestDynamicsBatch : public QObject
{
    Q_OBJECT
private slots:
    void encodesReads()
    {
        const QByteArray body = DynamicsBatch::encodeGets(
            {u"/api/data/v9.2/incidents(1)/Incident_Annotation?$select=subject"_s,
             u"/api/data/v9.2/incidents(2)/Incident_Annotation?$select=subject"_s},
            "batch_abc", "odata.include-annotations=\"*\"");
        const QByteArray expected =
            "--batch_abc\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            "GET /api/data/v9.2/incidents(1)/Incident_Annotation?$select=subject HTTP/1.1\r\n"
            "Accept: application/json\r\nPrefer: odata.include-annotations=\"*\"\r\n\r\n"
            "--batch_abc\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            "GET /api/data/v9.2/incidents(2)/Incident_Annotation?$select=subject HTTP/1.1\r\n"
            "Accept: application/json\r\nPrefer: odata.include-annotations=\"*\"\r\n\r\n"
            "--batch_abc--\r\n";
        QCOMPARE(body, expected);
        QVERIFY(DynamicsBatch::newBoundary().startsWith("batch_"));
        QVERIFY(DynamicsBatch::newBoundary() != DynamicsBatch::newBoundary());
    }

    void decodesAnswers()
    {
        const Result<QList<HttpResponse>> parts = DynamicsBatch::decode(
            fixtureBytes(u"dynamics/batch-notes.http"_s), "multipart/mixed; boundary=batchresponse_1d2e3f");
        QVERIFY2(parts.ok(), qPrintable(parts.ok() ? QString() : parts.error().toLogString()));
        QCOMPARE(parts->size(), 2);
        QCOMPARE(parts->at(0).status, 200);
        QCOMPARE(parts->at(0).header("OData-Version"), QByteArray("4.0"));
        QVERIFY(parts->at(0).body.startsWith("{\"@odata.context\""));
        QVERIFY(parts->at(0).body.endsWith("}]}"));
        QCOMPARE(parts->at(1).status, 404);
        const std::optional<Error> error = parseDynamicsError(parts->at(1));
        QVERIFY(error.has_value());
        QCOMPARE(error->apiCode(), u"0x80040217"_s);
    }

    void decodesLenientLineBreaksAndQuotedBoundaries()
    {
        QByteArray body = fixtureBytes(u"dynamics/batch-notes.http"_s);
        body.replace("\r\n", "\n");
        const Result<QList<HttpResponse>> parts =
            DynamicsBatch::decode(body, "multipart/mixed; boundary=\"batchresponse_1d2e3f\"");
        QVERIFY(parts.ok());
        QCOMPARE(parts->size(), 2);
        QCOMPARE(parts->at(1).status, 404);
    }

    void refusesBrokenAnswers()
    {
        QCOMPARE(DynamicsBatch::decode("--x\r\n", "multipart/mixed").error().kind(), ErrorKind::Parse);
        const QByteArray noStatus = "--b\r\nContent-Type: application/http\r\n\r\nhello\r\n--b--\r\n";
        const auto broken = DynamicsBatch::decode(noStatus, "multipart/mixed; boundary=b");
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message().contains(u"no HTTP status line"_s));
    }

    void recognisesAnExpiredDeltaToken()
    {
        Error expired(ErrorKind::ApiError, u"Dynamics 365: Version stamp associated with the client has expired."_s);
        expired.withApiCode(u"0x80044352"_s);
        QVERIFY(DynamicsWebApi::isExpiredDeltaToken(expired));
        Error other(ErrorKind::ApiError, u"Dynamics 365: bad request"_s);
        other.withApiCode(u"0x80040203"_s);
        QVERIFY(!DynamicsWebApi::isExpiredDeltaToken(other));
    }

    void asksForPagesChangesAndNames()
    {
        DynamicsWebApi::Options options;
        options.maxPageSize = 250;
        options.trackChanges = true;
        const QByteArray prefer = DynamicsWebApi::prefer(options);
        QVERIFY(prefer.startsWith("odata.maxpagesize=250,odata.track-changes,odata.include-annotations="));
        QVERIFY(prefer.contains("OData.Community.Display.V1.FormattedValue"));
        QVERIFY(prefer.contains("Microsoft.Dynamics.CRM.lookuplogicalname"));
        options = {};
        options.maxPageSize = 0;
        options.annotations = false;
        QVERIFY(DynamicsWebApi::prefer(options).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDynamicsBatch)
#include "tst_dynamicsbatch.moc"
