#pragma once

#include "sandbox/httpresponse.h"

#include <optional>

#include <QString>

namespace AssetDesk::Sandbox {

class Router;
class SandboxClock;
class XMediaStore;
struct SandboxRequest;

// v2 media upload (x.md §5b), both styles: the dedicated endpoints POST
// /2/media/upload/initialize, /2/media/upload/:id/append (multipart `media` + `segment_index`,
// or JSON with base64 `media`), /2/media/upload/:id/finalize and GET /2/media/upload?command=STATUS
// &media_id=; and the command style on POST /2/media/upload (command=INIT|APPEND|FINALIZE as
// form or multipart fields), which without a command is the one-shot image upload. Alt text
// through POST /2/media/metadata. Size and format limits of §5c are checked at initialize
// (declared size and type), append (chunks of at most 5 MB, never past the declared size) and
// finalize (the bytes must add up and decode). All need the media.write scope.
class XMediaRoutes
{
public:
    XMediaRoutes(XMediaStore& media, SandboxClock& clock);
    void registerRoutes(Router& router);

    static constexpr qint64 kMaxChunkBytes = 5LL * 1024 * 1024;
    static constexpr int kMaxAltText = 1000;

private:
    HttpResponse initialize(const QString& owner, const QString& mediaType, const QString& totalBytes,
                            QString category);
    HttpResponse append(const QString& owner, const QString& id, const QString& segmentIndex,
                        const std::optional<QByteArray>& chunk);
    HttpResponse finalize(const QString& owner, const QString& id);
    HttpResponse status(const SandboxRequest& request) const;
    HttpResponse commandStyle(const SandboxRequest& request);
    HttpResponse appendRoute(const SandboxRequest& request);
    HttpResponse metadata(const SandboxRequest& request);

    XMediaStore& m_media;
    SandboxClock& m_clock;
};

} // namespace AssetDesk::Sandbox
