#pragma once

#include "core/asset.h"
#include "core/collection.h"
#include "core/result.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace AssetDesk::Test {

// A throwaway SQLite workspace with DAM accounts and generated assets, for the library's model,
// widget and benchmark programs.
//
// sampleAsset(n) is deterministic: remote id "r<n>", modified n minutes after a fixed base (so a
// newest-first list shows higher n first), and varied facets:
//   title       "<word> <word> #n" from a small vocabulary ("Sunset harbour #12")
//   approval    n % 4: approved, requested, not-approved, approved
//   rights      n % 5: 0 expired 3 days ago, 1 expires in 10 days, 2 no expiry, else in 400 days
//   campaign    n % 3: "Spring Launch", "Summer Tour", ""
//   media type  n % 7 == 6: video, else image
//   size        n % 3: 6000x4000 landscape, 3000x4500 portrait, 2000x2000 square
class LibraryFixture
{
public:
    LibraryFixture();
    ~LibraryFixture();

    bool isValid() const { return m_storage != nullptr; }
    QString error() const { return m_error; }
    Storage& storage() { return *m_storage; }
    QString path() const;
    QString dir() const { return m_dir.path(); }

    qint64 addAccount(Service service, const QString& label);
    static Asset sampleAsset(qint64 accountId, int n);
    static QDateTime baseTime();
    // Upserts in one write; returns the ids (empty, with error() set, on failure).
    QList<qint64> upsert(const QList<Asset>& assets);
    // sampleAsset(accountId, from..to-1) in pages of `page` per write.
    bool addSamples(qint64 accountId, int from, int to, int page = 2000);
    bool remove(qint64 accountId, const QStringList& remoteIds);
    bool addCollections(const QList<Collection>& collections);
    // Writes a small real JPEG under the fixture's folder and returns its path.
    QString writeJpeg(const QString& name, int width, int height);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Storage> m_storage;
    QString m_error;
};

} // namespace AssetDesk::Test
