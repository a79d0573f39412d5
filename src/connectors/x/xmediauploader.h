#pragma once

#include "connectors/x/xapi.h"
#include "connectors/x/xmediaupload.h"

#include <QObject>

namespace AssetDesk {

class HttpClient;
struct Account;

// Starts chunked media uploads for one X account (see XMediaUpload for the steps). Lives on the
// connector's (network) thread, like the uploads it starts.
class XMediaUploader : public QObject
{
    Q_OBJECT
public:
    XMediaUploader(const Account& account, HttpClient* http, QObject* parent = nullptr);

    // Chunk size and processing-poll bounds for the uploads started from now on.
    void setOptions(const XMediaUpload::Options& options) { m_options = options; }
    const XMediaUpload::Options& options() const { return m_options; }

    // Uploads the file at `path` with optional alt text. `progress` and `done` run on
    // `context`'s thread; `done` gets the final state with the media id to post, or the error
    // (Validation when the file breaks X's limits: then nothing was sent). The returned upload
    // stays valid until done; call cancel() on it (queued, from another thread) to stop it.
    XMediaUpload* upload(const QString& path, const QString& altText, QObject* context,
                         XMediaUpload::ProgressCallback progress, XMediaUpload::DoneCallback done);

private:
    XApi m_api;
    HttpClient* m_http;
    XMediaUpload::Options m_options;
};

} // namespace AssetDesk
