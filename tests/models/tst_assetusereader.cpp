// AssetUseReader: each kind of lineage node the library's "Where used" can list, put into words
// from the row it names, and what it says when that row is gone.
#include "libraryfixture.h"

#include "core/account.h"
#include "core/casenote.h"
#include "core/crmaccount.h"
#include "core/derivative.h"
#include "core/post.h"
#include "core/supportcase.h"
#include "core/ticket.h"
#include "core/ticketcomment.h"
#include "models/assetdetailsloader.h"
#include "models/assetusereader.h"
#include "storage/accountrepository.h"
#include "storage/crmrepository.h"
#include "storage/derivativerepository.h"
#include "storage/lineagerepository.h"
#include "storage/postrepository.h"
#include "storage/ticketrepository.h"
#include "storage/writecontext.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace AssetDesk;
using namespace AssetDesk::Test;
using namespace Qt::StringLiterals;

namespace {
using K = LineageEdge::NodeKind;

const QDateTime kLinked(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

template<typename Write>
qint64 written(Storage& storage, Write write)
{
    const Result<qint64> id = storage.writeAndWait(write);
    if (!id)
        qWarning("%s", qPrintable(id.error().toLogString()));
    return id ? *id : 0;
}

template<typename Row>
qint64 upserted(Storage& storage, const Row& row)
{
    return written(storage, [row](WriteContext& ctx) -> Result<qint64> {
        Result<QList<qint64>> ids = CrmRepository::upsert(ctx, QList<Row>{row});
        if (!ids)
            return ids.error();
        return ids->value(0);
    });
}

qint64 linked(Storage& storage, qint64 assetId, K kind, qint64 id, const QString& relation)
{
    LineageEdge e;
    e.fromKind = K::Asset;
    e.fromId = assetId;
    e.toKind = kind;
    e.toId = id;
    e.relation = relation;
    e.assetVersion = u"v2"_s;
    e.createdAt = kLinked;
    return written(storage, [e](WriteContext& ctx) { return LineageRepository::addEdge(ctx, e); });
}

LineageNode node(K kind, qint64 id, const QString& relation = u"attached-to"_s)
{
    LineageNode n;
    n.kind = kind;
    n.id = id;
    n.depth = 1;
    n.relation = relation;
    n.assetVersion = u"v2"_s;
    n.linkedAt = kLinked;
    return n;
}
} // namespace

class TestAssetUseReader : public QObject
{
    Q_OBJECT
private slots:
    // A published post reads as the account it went out on (its X handle), its text on one line
    // and when it went out; the lineage query and the reader agree on every kind.
    void describesEveryKindOfUse()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        Storage& storage = f.storage();
        const qint64 dam = f.addAccount(Service::PhotoShelter, u"Acme"_s);
        const qint64 assetId = f.upsert({LibraryFixture::sampleAsset(dam, 1)}).value(0);
        QVERIFY(assetId > 0);

        Account x;
        x.service = Service::X;
        x.label = u"Brand US"_s;
        x.login = u"client"_s;
        x.remoteUserName = u"brand_us"_s;
        x.baseUrl = QUrl(u"http://127.0.0.1:9"_s);
        const qint64 xAccount =
            written(storage, [x](WriteContext& ctx) { return AccountRepository::add(ctx, x); });
        Post post;
        post.accountId = xAccount;
        post.remoteId = u"1790000000000000001"_s;
        post.clientUuid = QUuid::createUuid();
        post.text = u"Spring launch\n  is here"_s;
        post.status = Post::Status::Published;
        post.publishedAt = QDateTime(QDate(2026, 3, 2), QTime(10, 30), Qt::UTC);
        const qint64 postId =
            written(storage, [post](WriteContext& ctx) { return PostRepository::addPublished(ctx, post); });

        const qint64 zendesk = f.addAccount(Service::Zendesk, u"Support"_s);
        Ticket ticket;
        ticket.remoteId = 10100;
        ticket.subject = u"Need hi-res product shots"_s;
        ticket.status = u"open"_s;
        const qint64 ticketId = written(storage, [zendesk, ticket](WriteContext& ctx) -> Result<qint64> {
            Result<QList<qint64>> ids = TicketRepository::upsertTickets(ctx, zendesk, {ticket});
            if (!ids)
                return ids.error();
            return ids->value(0);
        });
        TicketComment comment;
        comment.ticketId = ticketId;
        comment.remoteId = 555;
        comment.body = u"Here they are"_s;
        comment.isPublic = false;
        comment.createdAt = QDateTime(QDate(2026, 3, 3), QTime(8, 15), Qt::UTC);
        const qint64 commentId = written(
            storage, [comment](WriteContext& ctx) { return TicketRepository::addComment(ctx, comment); });

        const qint64 dynamics = f.addAccount(Service::Dynamics, u"CRM"_s);
        SupportCase supportCase;
        supportCase.accountId = dynamics;
        supportCase.remoteId = u"inc-1"_s;
        supportCase.ticketNumber = u"CAS-01001-A1B2"_s;
        supportCase.title = u"Warranty claim, cracked housing"_s;
        const qint64 caseId = upserted(storage, supportCase);
        QVERIFY(caseId > 0);
        CaseNote note;
        note.accountId = dynamics;
        note.remoteId = u"ann-1"_s;
        note.caseRemoteId = u"inc-1"_s;
        note.subject = u"Photo"_s;
        note.created = QDateTime(QDate(2026, 3, 4), QTime(12, 0), Qt::UTC);
        const qint64 noteId =
            written(storage, [note](WriteContext& ctx) { return CrmRepository::addNote(ctx, note); });
        CrmAccount customer;
        customer.accountId = dynamics;
        customer.remoteId = u"acc-1"_s;
        customer.name = u"Booth Uddin Inc."_s;
        const qint64 customerId = upserted(storage, customer);

        Derivative derivative;
        derivative.sourceAssetId = assetId;
        derivative.sourceAssetVersion = u"v2"_s;
        derivative.filePath = f.dir() + u"/d.jpg"_s;
        derivative.sha256 = QString(64, u'a');
        derivative.mimeType = u"image/jpeg"_s;
        derivative.size = QSize(1080, 1080);
        derivative.createdAt = QDateTime(QDate(2026, 3, 5), QTime(7, 0), Qt::UTC);
        {
            QFile file(derivative.filePath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("\xff\xd8\xff");
        }
        const qint64 derivativeId = written(
            storage, [derivative](WriteContext& ctx) { return DerivativeRepository::add(ctx, derivative); });
        for (const qint64 id : {xAccount, postId, ticketId, commentId, noteId, customerId, derivativeId})
            QVERIFY(id > 0);

        QVERIFY(linked(storage, assetId, K::Post, postId, u"published-as"_s) > 0);
        QVERIFY(linked(storage, assetId, K::TicketComment, commentId, u"attached-to"_s) > 0);
        QVERIFY(linked(storage, assetId, K::CaseNote, noteId, u"attached-to"_s) > 0);
        QVERIFY(linked(storage, assetId, K::CustomerRecord, customerId, u"associated-with-account"_s) > 0);
        // DerivativeRepository::add links the derivative itself ("derived-from").

        const Result<QList<LineageNode>> nodes = LineageRepository(storage).usesOfAsset(assetId);
        QVERIFY(nodes);
        const Result<QList<AssetDetails::Use>> uses = AssetUseReader(storage).read(*nodes);
        QVERIFY2(uses, qPrintable(uses ? QString() : uses.error().toLogString()));
        QCOMPARE(uses->size(), 5);
        const auto useOf = [&uses](const QString& kind) {
            for (const AssetDetails::Use& u : *uses) {
                if (u.kind == kind)
                    return u;
            }
            return AssetDetails::Use{};
        };

        const AssetDetails::Use p = useOf(u"post"_s);
        QCOMPARE(p.id, postId);
        QCOMPARE(p.place, u"X post on @brand_us"_s);
        QCOMPARE(p.summary, u"Spring launch is here"_s);
        QCOMPARE(p.at, post.publishedAt);
        QCOMPARE(p.assetVersion, u"v2"_s);
        QVERIFY(!p.gone);
        // Where the workbench shows each: the X column by the post's id on X, the helpdesk queue's
        // ticket, the CRM tree's case or record; a derivative nowhere.
        using Pane = AssetDetails::Use::Location::Pane;
        QCOMPARE(p.location, (AssetDetails::Use::Location{Pane::X, xAccount, 0, CrmTreeNode::Kind::Group,
                                                          post.remoteId}));

        const AssetDetails::Use c = useOf(u"ticket-comment"_s);
        QCOMPARE(c.place, u"Zendesk ticket #10100, internal note"_s);
        QCOMPARE(c.summary, ticket.subject);
        QCOMPARE(c.at, comment.createdAt);
        QCOMPARE(c.location, (AssetDetails::Use::Location{
                                 Pane::Helpdesk, zendesk, ticketId, CrmTreeNode::Kind::Group, {}}));

        const AssetDetails::Use n = useOf(u"case-note"_s);
        QCOMPARE(n.place, u"Dynamics case CAS-01001-A1B2"_s);
        QCOMPARE(n.summary, supportCase.title);
        QCOMPARE(n.at, note.created);
        QCOMPARE(n.location,
                 (AssetDetails::Use::Location{Pane::Crm, dynamics, caseId, CrmTreeNode::Kind::Case, {}}));

        const AssetDetails::Use r = useOf(u"customer-record"_s);
        QCOMPARE(r.place, u"Dynamics account"_s);
        QCOMPARE(r.summary, customer.name);
        QCOMPARE(r.at, kLinked); // a record has no time of its own: when it was linked
        QCOMPARE(r.location, (AssetDetails::Use::Location{
                                 Pane::Crm, dynamics, customerId, CrmTreeNode::Kind::Customer, {}}));

        const AssetDetails::Use d = useOf(u"derivative"_s);
        QCOMPARE(d.place, u"Image derivative"_s);
        QCOMPARE(d.summary, u"1080 × 1080, image/jpeg"_s);
        QCOMPARE(d.at, derivative.createdAt);
        QCOMPARE(d.location.pane, Pane::None);
        // No pane lists a derivative: its file is what the inspector opens (see below).
        QCOMPARE(d.filePath, derivative.filePath);
    }

    // A derivative's file is what the inspector opens, while it is on disk, and only when it is
    // an image or a video: the workspace names the path, and a team shares the workspace.
    void aDerivativeOpensOnlyAnImageOrVideoOnDisk()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        Storage& storage = f.storage();
        const qint64 dam = f.addAccount(Service::PhotoShelter, u"Acme"_s);
        const qint64 assetId = f.upsert({LibraryFixture::sampleAsset(dam, 1)}).value(0);
        QVERIFY(assetId > 0);
        const auto addDerivative = [&](const QString& fileName, const QByteArray& bytes) {
            Derivative derivative;
            derivative.sourceAssetId = assetId;
            derivative.sourceAssetVersion = u"v2"_s;
            derivative.filePath = f.dir() + u'/' + fileName;
            // Another file, another digest (the same one is the same derivative).
            derivative.sha256 = QString::fromLatin1(
                QCryptographicHash::hash(fileName.toUtf8(), QCryptographicHash::Sha256).toHex());
            derivative.mimeType = u"image/jpeg"_s;
            derivative.size = QSize(1080, 1080);
            QFile file(derivative.filePath);
            if (!bytes.isNull() && (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()))
                return qint64(0);
            return written(storage, [derivative](WriteContext& ctx) {
                return DerivativeRepository::add(ctx, derivative);
            });
        };
        const qint64 image = addDerivative(u"square.jpg"_s, "\xff\xd8\xff\xe0");
        const qint64 launcher =
            addDerivative(u"square.desktop"_s, "[Desktop Entry]\nType=Application\nExec=true\n");
        const qint64 missing = addDerivative(u"gone.jpg"_s, QByteArray());
        for (const qint64 id : {image, launcher, missing})
            QVERIFY(id > 0);
        QCOMPARE(QSet<qint64>({image, launcher, missing}).size(), 3);
        const auto useOf = [&storage, assetId](qint64 id) {
            const Result<QList<LineageNode>> nodes = LineageRepository(storage).usesOfAsset(assetId);
            const Result<QList<AssetDetails::Use>> uses =
                nodes ? AssetUseReader(storage).read(*nodes)
                      : Result<QList<AssetDetails::Use>>(nodes.error());
            for (const AssetDetails::Use& u : uses ? *uses : QList<AssetDetails::Use>()) {
                if (u.kind == u"derivative" && u.id == id)
                    return u;
            }
            return AssetDetails::Use();
        };
        QCOMPARE(useOf(image).filePath, f.dir() + u"/square.jpg"_s);
        QCOMPARE(useOf(image).summary, u"1080 × 1080, image/jpeg"_s);
        QVERIFY(useOf(launcher).filePath.isEmpty());
        QCOMPARE(useOf(launcher).summary,
                 u"1080 × 1080, image/jpeg; its file is not an image or a video (application/x-desktop)"_s);
        QVERIFY(useOf(missing).filePath.isEmpty());
        QCOMPARE(useOf(missing).summary, u"1080 × 1080, image/jpeg; its file is no longer on disk"_s);
        QVERIFY(!useOf(missing).gone); // the derivative's row is still there
        QVERIFY(QFile::remove(f.dir() + u"/square.jpg"_s));
        QVERIFY(useOf(image).filePath.isEmpty());
    }

    // The edge is the record that the asset was used; the row it names may have left the cache.
    void aUseWhoseRowIsGoneStaysListed()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const AssetUseReader reader(f.storage());
        const struct
        {
            LineageNode node;
            QString place;
        } cases[] = {
            {node(K::Post, 901, u"published-as"_s), u"X post (no longer in the workspace)"_s},
            {node(K::TicketComment, 902), u"Zendesk ticket comment (no longer in the workspace)"_s},
            {node(K::CaseNote, 903), u"Dynamics case note (no longer in the workspace)"_s},
            {node(K::CustomerRecord, 904, u"associated-with-opportunity"_s),
             u"Dynamics opportunity (no longer in the workspace)"_s},
            {node(K::Derivative, 905, u"derived-from"_s), u"Derivative (no longer in the workspace)"_s},
        };
        for (const auto& [n, place] : cases) {
            const Result<AssetDetails::Use> use = reader.read(n);
            QVERIFY(use);
            QCOMPARE(use->place, place);
            QVERIFY(use->gone);
            QCOMPARE(use->id, n.id);
            QCOMPARE(use->at, kLinked);
            QCOMPARE(use->location.pane, AssetDetails::Use::Location::Pane::None); // nothing left to show
        }
    }

    // The inspector's loader reads the uses again when a record one of them names changes (a CRM
    // account renamed by the next sync), and not for a change to some other record.
    void theDetailsReloadWhenANamedRecordChanges()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        Storage& storage = f.storage();
        const qint64 dam = f.addAccount(Service::PhotoShelter, u"Acme"_s);
        const qint64 assetId = f.upsert({LibraryFixture::sampleAsset(dam, 1)}).value(0);
        const qint64 dynamics = f.addAccount(Service::Dynamics, u"CRM"_s);
        CrmAccount customer;
        customer.accountId = dynamics;
        customer.remoteId = u"acc-1"_s;
        customer.name = u"Booth Uddin Inc."_s;
        const qint64 customerId = upserted(storage, customer);
        CrmAccount other = customer;
        other.remoteId = u"acc-2"_s;
        other.name = u"Night Weber Inc."_s;
        QVERIFY(upserted(storage, other) > 0);
        QVERIFY(linked(storage, assetId, K::CustomerRecord, customerId, u"associated-with-account"_s) > 0);

        AssetDetailsLoader loader(storage);
        QSignalSpy loaded(&loader, &AssetDetailsLoader::loaded);
        loader.load(assetId);
        QVERIFY(loaded.wait(5000));
        const auto shownName = [&loaded] {
            const AssetDetails d = loaded.last().first().value<AssetDetails>();
            return d.uses.isEmpty() ? QString() : d.uses.first().summary;
        };
        QCOMPARE(shownName(), u"Booth Uddin Inc."_s);

        other.name = u"Night Weber GmbH"_s;
        QVERIFY(upserted(storage, other) > 0);
        QVERIFY(!loaded.wait(300));

        customer.name = u"Booth Uddin GmbH"_s;
        QCOMPARE(upserted(storage, customer), customerId);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(shownName(), u"Booth Uddin GmbH"_s);
    }

    // A use reached through another one says how.
    void anIndirectUseSaysThroughWhat()
    {
        LibraryFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        LineageNode n = node(K::Post, 901, u"published-as"_s);
        n.depth = 2;
        n.viaKind = K::Derivative;
        n.viaId = 7;
        const Result<AssetDetails::Use> use = AssetUseReader(f.storage()).read(n);
        QVERIFY(use);
        QCOMPARE(use->place, u"X post (no longer in the workspace), through a derivative"_s);
        QCOMPARE(use->depth, 2);
    }
};

QTEST_GUILESS_MAIN(TestAssetUseReader)
#include "tst_assetusereader.moc"
