#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace AssetDesk {

// A derivative's file, once stored.
struct StoredDerivativeFile
{
    QString path;   // absolute
    QString sha256; // lower-case hex of the bytes
    qint64 bytes = 0;
};

// The derivatives folder: content-addressed files, <root>/<sha256>.<ext>.
//
// Nothing an asset or a person says (titles, file names, ids) becomes part of a path: the name is
// the SHA-256 of the bytes and the extension comes from a fixed table of MIME types, so a hostile
// name cannot reach outside the folder, and identical bytes are one file. Files are written
// through QSaveFile (or renamed into place from a temporary file in the same folder), so a
// reader never sees half a file.
//
// Threads: any thread; every call does disk I/O, so never the GUI thread.
class DerivativeStore
{
    Q_DECLARE_TR_FUNCTIONS(AssetDesk::DerivativeStore)

public:
    // `root` is created on first store; empty means defaultRoot().
    explicit DerivativeStore(QString root = {});

    // $XDG_DATA_HOME/<organization>/<application>/derivatives (QStandardPaths::AppDataLocation):
    // data, not cache, since a published post's lineage points at these files.
    static QString defaultRoot();
    // "jpg", "png", "gif", "mp4" for the MIME types derivatives have; empty for any other.
    static QString extensionFor(const QString& mimeType);

    QString root() const { return m_root; }
    // Where bytes with this digest and MIME type live (or would); empty for a malformed digest or
    // an unknown MIME type.
    QString pathFor(const QString& sha256, const QString& mimeType) const;

    Result<StoredDerivativeFile> store(const QByteArray& bytes, const QString& mimeType) const;
    // Moves a finished file (e.g. ffmpeg's output, which must be inside root()) to its content
    // address; the file is gone from `path` afterwards, whatever the outcome.
    Result<StoredDerivativeFile> adopt(const QString& path, const QString& mimeType) const;
    // A fresh temporary file name inside root() for a tool to write, with `mimeType`'s extension.
    Result<QString> temporaryPath(const QString& mimeType) const;

private:
    Status ensureRoot() const;

    QString m_root;
};

} // namespace AssetDesk
