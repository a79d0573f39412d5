#include "libraryfixture.h"

#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/collectionrepository.h"
#include "storage/storageconfig.h"

#include <QImage>
#include <QPainter>

namespace AssetDesk::Test {

namespace {
const char* const kFirst[] = {"Sunset", "Harbour", "Mountain", "Festival", "Portrait", "Skyline", "Forest", "Market"};
const char* const kSecond[] = {"evening", "crowd", "river", "studio", "winter", "bridge", "coast", "night"};
} // namespace

LibraryFixture::LibraryFixture()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return;
    }
    Result<std::unique_ptr<Storage>> opened = Storage::open(StorageConfig::sqlite(path()));
    if (!opened) {
        m_error = opened.error().toLogString();
        return;
    }
    m_storage = std::move(opened).value();
}

LibraryFixture::~LibraryFixture() = default;

QString LibraryFixture::path() const
{
    return m_dir.filePath(QStringLiteral("library.sqlite3"));
}

QDateTime LibraryFixture::baseTime()
{
    return QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);
}

qint64 LibraryFixture::addAccount(Service service, const QString& label)
{
    Account account;
    account.service = service;
    account.label = label;
    account.login = label.toLower();
    account.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    const Result<qint64> id = m_storage->writeAndWait([account](WriteContext& ctx) { return AccountRepository::add(ctx, account); });
    if (!id) {
        m_error = id.error().toLogString();
        return 0;
    }
    return *id;
}

Asset LibraryFixture::sampleAsset(qint64 accountId, int n)
{
    Asset a;
    a.accountId = accountId;
    a.service = Service::PhotoShelter;
    a.remoteId = QStringLiteral("r%1").arg(n);
    a.version = QStringLiteral("v1");
    a.title = QStringLiteral("%1 %2 #%3")
                  .arg(QLatin1String(kFirst[n % 8]), QLatin1String(kSecond[(n / 8) % 8]))
                  .arg(n);
    a.caption = QStringLiteral("Caption of asset %1").arg(n);
    a.keywords = {QStringLiteral("k%1").arg(n % 10), QStringLiteral("library")};
    const char* const campaigns[] = {"Spring Launch", "Summer Tour", ""};
    a.campaign = QLatin1String(campaigns[n % 3]);
    a.fileName = QStringLiteral("IMG_%1.jpg").arg(n, 5, 10, QLatin1Char('0'));
    a.mimeType = QStringLiteral("image/jpeg");
    a.mediaType = n % 7 == 6 ? MediaType::Video : MediaType::Image;
    const QSize sizes[] = {QSize(6000, 4000), QSize(3000, 4500), QSize(2000, 2000)};
    a.width = sizes[n % 3].width();
    a.height = sizes[n % 3].height();
    a.fileSize = 1000000 + n;
    const ApprovalState approvals[] = {ApprovalState::Approved, ApprovalState::Requested, ApprovalState::NotApproved,
                                       ApprovalState::Approved};
    a.rights.approval = approvals[n % 4];
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (n % 5) {
    case 0: a.rights.licenseExpiresAt = now.addDays(-3); break;
    case 1: a.rights.licenseExpiresAt = now.addDays(10); break;
    case 2: break;
    default: a.rights.licenseExpiresAt = now.addDays(400); break;
    }
    a.rights.credit = QStringLiteral("Photographer %1").arg(n % 13);
    a.rights.copyright = QStringLiteral("© Acme");
    a.lifecycle = LifecycleState::Approved;
    a.createdAt = baseTime().addSecs(qint64(n) * 60);
    a.modifiedAt = a.createdAt;
    Rendition thumb;
    thumb.name = QStringLiteral("thumbnail");
    thumb.width = 300;
    thumb.height = 200;
    thumb.mimeType = QStringLiteral("image/jpeg");
    thumb.remoteUrl = QUrl(QStringLiteral("http://127.0.0.1:9/thumb/%1.jpg").arg(n));
    a.renditions = {thumb};
    a.rawJson = QStringLiteral("{\"id\":\"r%1\",\"title\":\"asset %1\"}").arg(n).toUtf8();
    return a;
}

QList<qint64> LibraryFixture::upsert(const QList<Asset>& assets)
{
    const Result<QList<qint64>> ids =
        m_storage->writeAndWait([assets](WriteContext& ctx) { return AssetRepository::upsert(ctx, assets); });
    if (!ids) {
        m_error = ids.error().toLogString();
        return {};
    }
    return *ids;
}

bool LibraryFixture::addSamples(qint64 accountId, int from, int to, int page)
{
    for (int start = from; start < to; start += page) {
        QList<Asset> batch;
        for (int n = start; n < qMin(to, start + page); ++n)
            batch.append(sampleAsset(accountId, n));
        if (upsert(batch).isEmpty())
            return false;
    }
    return true;
}

bool LibraryFixture::remove(qint64 accountId, const QStringList& remoteIds)
{
    const Result<int> removed = m_storage->writeAndWait(
        [accountId, remoteIds](WriteContext& ctx) { return AssetRepository::removeByRemoteIds(ctx, accountId, remoteIds); });
    if (!removed)
        m_error = removed.error().toLogString();
    return removed.ok();
}

bool LibraryFixture::addCollections(const QList<Collection>& collections)
{
    const Result<QList<qint64>> ids = m_storage->writeAndWait(
        [collections](WriteContext& ctx) { return CollectionRepository::upsert(ctx, collections); });
    if (!ids)
        m_error = ids.error().toLogString();
    return ids.ok();
}

QString LibraryFixture::writeJpeg(const QString& name, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    QPainter(&image).fillRect(0, 0, width / 2, height / 2, QColor(240, 180, 40));
    const QString file = m_dir.filePath(name);
    return image.save(file, "JPEG") ? file : QString();
}

} // namespace AssetDesk::Test
