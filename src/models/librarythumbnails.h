#pragma once

#include "models/libraryitem.h"

#include <QList>
#include <QMultiHash>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QSize>
#include <QTimer>

namespace AssetDesk {

class ThumbnailLoader;

// The library's side of thumbnails: what a shown row's thumbnail looks like now, and what is
// still needed to show it.
// - A row whose asset has no cached thumbnail file is asked for by wanted(): batched, once per
//   asset until forget() says the asset changed. Whoever fetches thumbnails stores the file and
//   updates the asset, and the change set brings the row up to date.
// - A row whose file is cached but not decoded at this size waits for the ThumbnailLoader, which
//   decodes off the GUI thread; decoded() then names the assets shown with that file.
// Threads: GUI thread only.
class LibraryThumbnails : public QObject
{
    Q_OBJECT
public:
    LibraryThumbnails(ThumbnailLoader* loader, QSize size, QObject* parent = nullptr);

    QSize size() const { return m_size; }
    // Nothing waits for decodes at the old size any more. False when `size` changes nothing.
    bool setSize(QSize size);

    // The thumbnail of a shown row, or a null pixmap while it is missing, decoding or broken;
    // asks for whatever is missing.
    QPixmap pixmapFor(const LibraryItem& item);
    bool isDecoded(const LibraryItem& item) const;
    bool hasFailed(const LibraryItem& item) const;

    // The asset changed: its thumbnail may be asked for again.
    void forget(qint64 assetId) { m_asked.remove(assetId); }
    // The rows were replaced: no shown row waits for a decode any more.
    void clearWaiting() { m_waiting.clear(); }

signals:
    // Shown assets that have no locally cached thumbnail.
    void wanted(const QList<qint64>& assetIds);
    // The decode these shown assets waited for finished, with a pixmap or a failure.
    void decoded(const QList<qint64>& assetIds);

private:
    void want(qint64 assetId);
    void onDecodeDone(const QString& path, QSize box);

    ThumbnailLoader* m_loader;
    QSize m_size;
    QTimer m_batch;
    QMultiHash<QString, qint64> m_waiting; // path -> assets shown with it
    QSet<qint64> m_asked;
    QList<qint64> m_toAsk;
};

} // namespace AssetDesk
