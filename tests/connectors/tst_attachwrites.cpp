// The write side used to attach files, on the wire formats of zendesk.md §4 and dynamics.md §11:
// the comment body with upload tokens, the upload and update answers (the comment read from the
// audit), the annotation body with its regarding binding, the created note (representation or
// 204 + OData-EntityId), and the 413 / 422 refusals in words.
#include "connectors/dynamics/dynamicsannotations.h"
#include "connectors/zendesk/zendeskcomments.h"
#include "connectors/zendesk/zendeskuploads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AssetDesk;

class TestAttachWrites : public QObject
{
    Q_OBJECT
private slots:
    void zendeskCommentBody()
    {
        ZendeskCommentDraft draft;
        draft.body = QStringLiteral("See attached");
        draft.isPublic = false;
        draft.uploadTokens = {QStringLiteral("tok1")};
        const QJsonObject comment = QJsonDocument::fromJson(ZendeskComments::requestBody(draft))
                                        .object()
                                        .value(QStringLiteral("ticket"))
                                        .toObject()
                                        .value(QStringLiteral("comment"))
                                        .toObject();
        QCOMPARE(comment.value(QStringLiteral("body")).toString(), QStringLiteral("See attached"));
        QCOMPARE(comment.value(QStringLiteral("public")).toBool(true), false);
        QCOMPARE(comment.value(QStringLiteral("uploads")).toArray(), QJsonArray{QStringLiteral("tok1")});
        draft.uploadTokens.clear();
        QVERIFY(!QJsonDocument::fromJson(ZendeskComments::requestBody(draft)).toJson().contains("uploads"));
    }

    void zendeskUploadAnswer()
    {
        const QByteArray body = R"({"upload":{"token":"LXJdri","attachment":{"id":9},"attachments":[
            {"id":9,"file_name":"a b.png","content_type":"image/png","size":1234,"content_url":"https://x.zdusercontent.com/a"}]}})";
        const Result<ZendeskUpload> upload = ZendeskUploads::parseUpload(body);
        QVERIFY(upload.ok());
        QCOMPARE(upload->token, QStringLiteral("LXJdri"));
        QCOMPARE(upload->attachments.size(), 1);
        QCOMPARE(upload->attachments.first().fileName, QStringLiteral("a b.png"));
        QCOMPARE(upload->attachments.first().size, 1234);
        QVERIFY(!ZendeskUploads::parseUpload(R"({"upload":{}})").ok());
    }

    void zendeskUpdateAnswer()
    {
        const QByteArray body = R"({"ticket":{"id":35,"updated_at":"2026-12-05T10:00:00Z"},
            "audit":{"id":77,"author_id":5,"created_at":"2026-12-05T10:00:01Z","events":[
              {"id":1,"type":"Change","field_name":"status"},
              {"id":501,"type":"Comment","body":"See attached","public":false,"author_id":6,
               "attachments":[{"id":9,"file_name":"a.png","content_type":"image/png","size":3}]}]}})";
        const Result<ZendeskPostedComment> posted = ZendeskComments::parseUpdate(35, body);
        QVERIFY(posted.ok());
        QCOMPARE(posted->commentId, 501);
        QCOMPARE(posted->auditId, 77);
        QCOMPARE(posted->authorId, 6);
        QCOMPARE(posted->isPublic, false);
        QCOMPARE(posted->attachments.size(), 1);
        QCOMPARE(posted->createdAt, QDateTime(QDate(2026, 12, 5), QTime(10, 0, 1), Qt::UTC));
        QVERIFY(!ZendeskComments::parseUpdate(35, "<html>").ok());
    }

    void refusalsInWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("413") << 413 << int(ErrorKind::TooLarge);
        QTest::newRow("422") << 422 << int(ErrorKind::Validation);
        QTest::newRow("500 as it was") << 500 << int(ErrorKind::HttpStatus);
    }

    void refusalsInWords()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        Error raw(ErrorKind::HttpStatus, QStringLiteral("Zendesk: File is empty"));
        raw.withHttpStatus(status);
        const Error e = ZendeskUploads::explain(raw, QStringLiteral("“a.png”"));
        QCOMPARE(int(e.kind()), kind);
        QCOMPARE(e.httpStatus(), status);
        if (status != 500)
            QVERIFY2(e.message().contains(QStringLiteral("“a.png”")), qPrintable(e.message()));
    }

    void annotationRefusalsInWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("413") << 413 << QString() << int(ErrorKind::TooLarge);
        QTest::newRow("400 0x80043e09") << 400 << QStringLiteral("0x80043E09") << int(ErrorKind::TooLarge);
        QTest::newRow("422") << 422 << QString() << int(ErrorKind::Validation);
        QTest::newRow("400 other") << 400 << QStringLiteral("0x80040203") << int(ErrorKind::HttpStatus);
    }

    void annotationRefusalsInWords()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, kind);
        Error raw(ErrorKind::HttpStatus, QStringLiteral("Dynamics 365: refused"));
        raw.withHttpStatus(status).withApiCode(code);
        const Error e = DynamicsAnnotations::explain(raw);
        QCOMPARE(int(e.kind()), kind);
        QCOMPARE(e.httpStatus(), status);
    }

    void annotationBody()
    {
        DynamicsNoteDraft draft;
        draft.regardingTable = QStringLiteral("incident");
        draft.regardingId = QStringLiteral("0b7f1b52-6f3a-4f3e-9c1f-000000000001");
        draft.subject = QStringLiteral("Logo");
        draft.noteText = QStringLiteral("For the press kit");
        draft.fileName = QStringLiteral("logo.png");
        draft.mimeType = QStringLiteral("image/png");
        draft.bytes = QByteArray("\x89PNG\r\n", 6);
        const QJsonObject body = QJsonDocument::fromJson(DynamicsAnnotations::requestBody(draft)).object();
        QCOMPARE(body.value(QStringLiteral("objectid_incident@odata.bind")).toString(),
                 QStringLiteral("/incidents(0b7f1b52-6f3a-4f3e-9c1f-000000000001)"));
        QCOMPARE(QByteArray::fromBase64(body.value(QStringLiteral("documentbody")).toString().toLatin1()), draft.bytes);
        QCOMPARE(body.value(QStringLiteral("mimetype")).toString(), QStringLiteral("image/png"));
        QCOMPARE(body.value(QStringLiteral("filename")).toString(), QStringLiteral("logo.png"));
        draft.fileName.clear();
        draft.regardingTable = QStringLiteral("opportunity");
        const QJsonObject plain = QJsonDocument::fromJson(DynamicsAnnotations::requestBody(draft)).object();
        QVERIFY(!plain.contains(QStringLiteral("documentbody")));
        QVERIFY(plain.contains(QStringLiteral("objectid_opportunity@odata.bind")));
        QCOMPARE(DynamicsAnnotations::entitySet(QStringLiteral("opportunity")), QStringLiteral("opportunities"));
        QCOMPARE(DynamicsAnnotations::entitySet(QStringLiteral("account")), QStringLiteral("accounts"));
    }

    void createdNote()
    {
        DynamicsNoteDraft draft;
        draft.subject = QStringLiteral("Logo");
        draft.fileName = QStringLiteral("logo.png");
        draft.bytes = QByteArray(10, 'x');
        const Result<DynamicsNote> represented = DynamicsAnnotations::parseCreated(
            draft, 201, {}, R"({"annotationid":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","filesize":10,"documentbody":"eHh4"})");
        QVERIFY(represented.ok());
        QCOMPARE(represented->annotationId, QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));
        QVERIFY(!represented->rawJson.contains("documentbody"));
        const Result<DynamicsNote> noContent = DynamicsAnnotations::parseCreated(
            draft, 204, "https://org.crm.dynamics.com/api/data/v9.2/annotations(AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE)", {});
        QVERIFY(noContent.ok());
        QCOMPARE(noContent->annotationId, QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));
        QCOMPARE(noContent->fileSize, 10);
        QVERIFY(!DynamicsAnnotations::parseCreated(draft, 204, {}, {}).ok());
    }

    // A note's file as GET annotations(<id>)?$select=documentbody answers it.
    void noteDocument()
    {
        const QByteArray bytes("\x89PNG\r\n\x1a\n and the rest", 22);
        const Result<QByteArray> file = DynamicsAnnotations::parseDocument(
            QByteArray("{\"@odata.etag\":\"W/\\\"1\\\"\",\"documentbody\":\"") + bytes.toBase64() +
            "\",\"annotationid\":\"6f0c\"}");
        QVERIFY2(file.ok(), file ? "" : qPrintable(file.error().toLogString()));
        QCOMPARE(*file, bytes);
        QCOMPARE(DynamicsAnnotations::parseDocument("{\"documentbody\":null}").error().kind(),
                 ErrorKind::NotFound);
        QCOMPARE(DynamicsAnnotations::parseDocument("{\"documentbody\":\"\"}").error().kind(),
                 ErrorKind::NotFound);
        QCOMPARE(DynamicsAnnotations::parseDocument("{\"documentbody\":\"not base64!\"}").error().kind(),
                 ErrorKind::Parse);
        QCOMPARE(DynamicsAnnotations::parseDocument("{\"documentbody\":\"aGVsbG8").error().kind(),
                 ErrorKind::Parse);
        QCOMPARE(DynamicsAnnotations::parseDocument("[]").error().kind(), ErrorKind::Parse);
    }
};

QTEST_GUILESS_MAIN(TestAttachWrites)
#include "tst_attachwrites.moc"
