// AttachmentRules: which file of an asset goes to a helpdesk or CRM, and the refusals the attach
// dialog shows and the attach job applies again (rights gate, missing rendition, size limit).
#include "core/attachmentrules.h"

#include <QTest>

using namespace AssetDesk;

namespace {
Asset asset()
{
    Asset a;
    a.id = 41;
    a.remoteId = QStringLiteral("I0000abc");
    a.version = QStringLiteral("v2");
    a.title = QStringLiteral("Harbour at dawn");
    a.fileName = QStringLiteral("harbour.tif");
    a.mimeType = QStringLiteral("image/tiff");
    a.fileSize = 60LL * 1024 * 1024;
    a.rights.approval = ApprovalState::Approved;
    a.renditions = {
        Rendition{QStringLiteral("original"), 8000, 6000, QStringLiteral("image/tiff"), 60LL * 1024 * 1024, {}, {}},
        Rendition{QStringLiteral("jpeg-1200"), 1200, 900, QStringLiteral("image/jpeg"), 240 * 1024, {}, {}},
        Rendition{QStringLiteral("proxy"), 2000, 1500, QStringLiteral("image/jpeg"), 0, {}, {}},
    };
    return a;
}
} // namespace

class TestAttachmentRules : public QObject
{
    Q_OBJECT
private slots:
    void limitsPerService()
    {
        QCOMPARE(AttachmentRules::maxBytes(Service::Zendesk), 50LL * 1024 * 1024);
        QCOMPARE(AttachmentRules::maxBytes(Service::Dynamics), 5LL * 1024 * 1024);
        QCOMPARE(AttachmentRules::maxBytes(Service::X), 0);
    }

    void check_data()
    {
        QTest::addColumn<QString>("rendition");
        QTest::addColumn<int>("approval");
        QTest::addColumn<int>("expiresInDays"); // 0: no expiry
        QTest::addColumn<qint64>("maxBytes");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("errorKind");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<QString>("messagePart");

        const int approved = int(ApprovalState::Approved);
        const qint64 zendesk = AttachmentRules::kZendeskMaxBytes;
        const qint64 dynamics = AttachmentRules::kDynamicsDefaultMaxBytes;
        QTest::newRow("original too large for Zendesk")
            << QString() << approved << 0 << zendesk << false << int(ErrorKind::TooLarge) << QString() << QString()
            << QStringLiteral("choose a smaller rendition");
        QTest::newRow("original fits a raised limit")
            << QStringLiteral("original") << approved << 0 << 100LL * 1024 * 1024 << true << 0
            << QStringLiteral("harbour.tif") << QStringLiteral("image/tiff") << QString();
        QTest::newRow("jpeg rendition named after the asset")
            << QStringLiteral("jpeg-1200") << approved << 0 << dynamics << true << 0
            << QStringLiteral("harbour-jpeg-1200.jpg") << QStringLiteral("image/jpeg") << QString();
        QTest::newRow("unknown size passes until the bytes are read")
            << QStringLiteral("proxy") << approved << 0 << dynamics << true << 0
            << QStringLiteral("harbour-proxy.jpg") << QStringLiteral("image/jpeg") << QString();
        QTest::newRow("no such rendition")
            << QStringLiteral("keyframe") << approved << 0 << zendesk << false << int(ErrorKind::Validation) << QString()
            << QString() << QStringLiteral("no rendition called “keyframe”");
        QTest::newRow("not approved: the gate speaks first, even when too large")
            << QString() << int(ApprovalState::Requested) << 0 << zendesk << false << int(ErrorKind::Validation)
            << QString() << QString() << QStringLiteral("not approved");
        QTest::newRow("licence expired")
            << QStringLiteral("jpeg-1200") << approved << -1 << zendesk << false << int(ErrorKind::Validation)
            << QString() << QString() << QStringLiteral("expired");
        QTest::newRow("licence still valid")
            << QStringLiteral("jpeg-1200") << approved << 30 << zendesk << true << 0
            << QStringLiteral("harbour-jpeg-1200.jpg") << QStringLiteral("image/jpeg") << QString();
    }

    void check()
    {
        QFETCH(QString, rendition);
        QFETCH(int, approval);
        QFETCH(int, expiresInDays);
        QFETCH(qint64, maxBytes);
        QFETCH(bool, ok);
        QFETCH(int, errorKind);
        QFETCH(QString, fileName);
        QFETCH(QString, mimeType);
        QFETCH(QString, messagePart);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        Asset a = asset();
        a.rights.approval = ApprovalState(approval);
        if (expiresInDays != 0)
            a.rights.licenseExpiresAt = now.addDays(expiresInDays);
        const Result<AttachmentRules::File> file = AttachmentRules::check(a, rendition, maxBytes, now);
        QCOMPARE(file.ok(), ok);
        if (ok) {
            QCOMPARE(file->fileName, fileName);
            QCOMPARE(file->mimeType, mimeType);
        } else {
            QCOMPARE(int(file.error().kind()), errorKind);
            QVERIFY2(file.error().message().contains(messagePart), qPrintable(file.error().message()));
            QVERIFY2(file.error().message().contains(QStringLiteral("Harbour at dawn")), qPrintable(file.error().message()));
        }
    }

    void sizeOfBytesInHand()
    {
        const Asset a = asset();
        const Result<AttachmentRules::File> proxy = AttachmentRules::file(a, QStringLiteral("proxy"));
        QVERIFY(proxy.ok());
        QVERIFY(AttachmentRules::checkSize(a, *proxy, 5LL * 1024 * 1024, 5LL * 1024 * 1024).ok());
        const Status over = AttachmentRules::checkSize(a, *proxy, 5LL * 1024 * 1024 + 1, 5LL * 1024 * 1024);
        QVERIFY(!over.ok());
        QCOMPARE(over.error().kind(), ErrorKind::TooLarge);
        QVERIFY(over.error().message().contains(QStringLiteral("harbour-proxy.jpg")));
    }

    void originalWithoutARenditionRowIsNotAvailable()
    {
        Asset a = asset();
        a.renditions.removeFirst();
        const Result<AttachmentRules::File> file = AttachmentRules::file(a, QString());
        QVERIFY(!file.ok());
        QCOMPARE(file.error().kind(), ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestAttachmentRules)
#include "tst_attachmentrules.moc"
