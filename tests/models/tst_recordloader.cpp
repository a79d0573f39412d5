// The detail loaders (RecordLoader): the open case comes back with its notes newest first and
// again when a note is added; only the newest request answers, and nothing after clear(); a
// record that is not cached says so; reads queued behind a slow one for records already left are
// skipped, not run.
#include "libraryfixture.h"

#include "models/casedetailloader.h"
#include "models/recordloaderread.h"
#include "models/ticketdetailloader.h"
#include "storage/crmrepository.h"
#include "storage/storage.h"
#include "storage/ticketrepository.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {
SupportCase supportCase(qint64 account, const QString& remoteId)
{
    SupportCase s;
    s.accountId = account;
    s.remoteId = remoteId;
    s.ticketNumber = u"CAS-"_s + remoteId;
    s.title = u"Case "_s + remoteId;
    s.modifiedAt = QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC);
    return s;
}

CaseNote note(qint64 account, const QString& remoteId, const QString& caseRemoteId, int minute)
{
    CaseNote n;
    n.accountId = account;
    n.remoteId = remoteId;
    n.caseRemoteId = caseRemoteId;
    n.subject = u"Note "_s + remoteId;
    n.created = QDateTime(QDate(2026, 12, 1), QTime(10, minute), Qt::UTC);
    n.modifiedAt = n.created;
    return n;
}

Ticket ticket(qint64 remoteId)
{
    Ticket t;
    t.remoteId = remoteId;
    t.subject = u"Ticket %1"_s.arg(remoteId);
    t.status = u"open"_s;
    t.updatedAt = QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC);
    return t;
}
// A loader whose reads take a while and are counted: what the user clicking through a list asks of
// it.
class SlowLoader : public RecordLoader
{
    Q_OBJECT
public:
    explicit SlowLoader(Storage& storage)
        : RecordLoader(storage, nullptr)
    {}

    std::shared_ptr<std::atomic<int>> reads = std::make_shared<std::atomic<int>>(0);

signals:
    void loaded(qint64 recordId);

private:
    void read(qint64 recordId) override
    {
        startRead<qint64>(
            recordId,
            [reads = reads](const Storage&, qint64 id) -> Result<std::optional<qint64>> {
                ++*reads;
                QThread::msleep(150);
                return std::optional<qint64>(id);
            },
            [this](qint64 id) { emit loaded(id); });
    }
    bool touches(const ChangeSet&, qint64) const override { return false; }
};
} // namespace

class TestRecordLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        qRegisterMetaType<AssetDesk::CaseDetail>();
        qRegisterMetaType<AssetDesk::TicketDetail>();
    }

    void theOpenCaseComesWithItsNotesNewestFirst()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::Dynamics, u"CRM"_s);
        Storage& storage = f.storage();
        const Result<qint64> caseId = storage.writeAndWait([account](WriteContext& ctx) -> Result<qint64> {
            const Result<QList<qint64>> cases =
                CrmRepository::upsert(ctx, QList<SupportCase>{supportCase(account, u"s-1"_s)});
            if (!cases)
                return cases.error();
            const QList<CaseNote> notes{note(account, u"n-1"_s, u"s-1"_s, 1),
                                        note(account, u"n-2"_s, u"s-1"_s, 2)};
            if (const Result<QList<qint64>> n = CrmRepository::upsert(ctx, notes); !n)
                return n.error();
            return cases->first();
        });
        QVERIFY2(caseId.ok(), caseId ? "" : qPrintable(caseId.error().toLogString()));

        CaseDetailLoader loader(storage);
        QSignalSpy loaded(&loader, &CaseDetailLoader::loaded);
        loader.load(*caseId);
        QCOMPARE(loader.caseId(), *caseId);
        QVERIFY(loaded.wait(5000));
        const auto subjects = [&loaded] {
            QStringList out;
            for (const CaseNote& n : loaded.last().first().value<CaseDetail>().notes)
                out << n.subject;
            return out;
        };
        QCOMPARE(loaded.last().first().value<CaseDetail>().supportCase.remoteId, u"s-1"_s);
        QCOMPARE(subjects(), (QStringList{u"Note n-2"_s, u"Note n-1"_s}));

        // An attach job's note: the open case reads again, the new note on top.
        const CaseNote attached = note(account, u"n-3"_s, u"s-1"_s, 3);
        QVERIFY(
            storage
                .writeAndWait([attached](WriteContext& ctx) { return CrmRepository::addNote(ctx, attached); })
                .ok());
        QTRY_COMPARE(subjects().size(), 3);
        QCOMPARE(subjects().first(), u"Note n-3"_s);

        QSignalSpy missing(&loader, &CaseDetailLoader::notFound);
        loader.load(*caseId + 1000);
        QVERIFY(missing.wait(5000));
        QCOMPARE(missing.first().first().toLongLong(), *caseId + 1000);
    }

    void onlyTheNewestRequestAnswers()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const qint64 account = f.addAccount(Service::Zendesk, u"Support"_s);
        Storage& storage = f.storage();
        const Result<QList<qint64>> ids = storage.writeAndWait([account](WriteContext& ctx) {
            return TicketRepository::upsertTickets(ctx, account, {ticket(1), ticket(2)});
        });
        QVERIFY(ids.ok());

        TicketDetailLoader loader(storage);
        QSignalSpy loaded(&loader, &TicketDetailLoader::loaded);
        QSignalSpy missing(&loader, &TicketDetailLoader::notFound);
        // The agent clicks through three tickets faster than the reads: only the last one shows.
        loader.load(ids->at(0));
        loader.load(ids->at(0) + 1000);
        loader.load(ids->at(1));
        QVERIFY(loaded.wait(5000));
        QTest::qWait(100);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().first().value<TicketDetail>().ticket.remoteId, 2);
        QVERIFY(missing.isEmpty());

        // After clear() nothing answers, and a change to the ticket that was open reads nothing.
        loaded.clear();
        loader.load(ids->at(0));
        loader.clear();
        QCOMPARE(loader.ticketId(), 0);
        Ticket changed = ticket(1);
        changed.subject = u"Changed"_s;
        QVERIFY(storage
                    .writeAndWait([account, changed](WriteContext& ctx) {
                        return TicketRepository::upsertTickets(ctx, account, {changed});
                    })
                    .ok());
        QTest::qWait(300);
        QVERIFY(loaded.isEmpty());
        QVERIFY(missing.isEmpty());
    }

    void readsForRecordsAlreadyLeftAreSkipped()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        SlowLoader loader(f.storage());
        QSignalSpy loaded(&loader, &SlowLoader::loaded);
        loader.load(1);
        QTRY_COMPARE(loader.reads->load(), 1); // reading, for a while
        for (qint64 id = 2; id <= 6; ++id)
            loader.load(id);
        QVERIFY(loaded.wait(5000));
        QTest::qWait(200);
        // The first read had started; 2 to 5 were left before theirs began; 6 is the one shown.
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().first().toLongLong(), 6);
        QCOMPARE(loader.reads->load(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRecordLoader)
#include "tst_recordloader.moc"
