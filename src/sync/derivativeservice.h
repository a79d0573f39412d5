#pragma once

#include "core/derivative.h"
#include "core/derivativespec.h"
#include "core/result.h"

#include <QObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace AssetDesk {

struct Asset;
class JobControl;
class JobRunner;
class Storage;

// Makes derivatives of assets in the background and stores them (IX5).
//
// make() starts a job on the JobRunner's pool (so it shows in the Jobs pane with progress and can
// be cancelled): it reads the asset, takes its local file (the original rendition's cached file,
// else the largest cached rendition), and makes the derivative by its media type:
//   - image: ImageDerivativeMaker (crop, resize, encode within the byte budget);
//   - animated GIF with the whole frame: GifCheck; kept as it is when X takes it, refused with
//     the verdict otherwise (re-encoding a GIF is not done; a crop makes a still image);
//   - video: VideoClipMaker (ffmpeg: trim, crop, re-encode to X's recommended MP4), with progress.
// The file goes into the content-addressed DerivativeStore; then one storage write adds the
// derivatives row and the lineage edge asset -> derivative. Nothing is stored when any step fails.
//
// Threads: the object lives on the GUI thread; the work runs on the runner's pool, and the signals
// are emitted from there (connect with a context object; they arrive queued).
class DerivativeService : public QObject
{
    Q_OBJECT
public:
    // `directory`: the derivatives folder; empty means DerivativeStore::defaultRoot().
    DerivativeService(Storage& storage, JobRunner& jobs, QString directory = {}, QObject* parent = nullptr);

    QString directory() const { return m_directory; }

    // Starts the job; returns its id (the Jobs pane's row).
    QUuid make(qint64 assetId, const DerivativeSpec& spec);

    // The job's body, synchronous, for the CLI and tests: `control` may be null.
    static Result<Derivative> makeNow(Storage& storage, const QString& directory, qint64 assetId,
                                      const DerivativeSpec& spec, JobControl* control = nullptr);
    // The asset's file a derivative is made from, or nullopt when none is cached locally.
    static std::optional<QString> sourceFile(const Asset& asset);

signals:
    void derivativeMade(const QUuid& job, const AssetDesk::Derivative& derivative);
    void derivativeFailed(const QUuid& job, qint64 assetId, const AssetDesk::Error& error);

private:
    Storage& m_storage;
    JobRunner& m_jobs;
    QString m_directory;
};

} // namespace AssetDesk
