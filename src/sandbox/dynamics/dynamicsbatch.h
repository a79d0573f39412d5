#pragma once

#include "sandbox/httpresponse.h"
#include "sandbox/sandboxrequest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <QHash>

#include <functional>
#include <optional>

namespace AssetDesk::Sandbox {

class DynamicsStore;

// POST /api/data/v9.2/$batch (dynamics.md §8): a multipart/mixed body of application/http
// parts and change sets (nested multipart/mixed, each part with a Content-ID). Parts run in
// order through the same dispatch as single requests, with the batch's principal. A change
// set is atomic: on the first failure the store goes back to where the set began and the set's
// answer is that one error. Without Prefer: odata.continue-on-error the batch stops at the
// first failed part. URLs may be absolute, "/api/data/v9.2/..." or relative to the root; in a
// change set "$<Content-ID>" at the start of a URL or as an @odata.bind value names a record
// created earlier in the set. At most 1,000 requests; a nested $batch is refused.
class DynamicsBatch
{
public:
    using Dispatch = std::function<HttpResponse(const SandboxRequest&)>;
    static constexpr int kMaxRequests = 1000;

    DynamicsBatch(DynamicsStore& store, const QString& root, Dispatch dispatch);
    HttpResponse handle(const SandboxRequest& batch);

    struct Part
    {
        HeaderList headers; // of the MIME part
        QByteArray content;
    };
    // The parts between --boundary lines; nullopt when the body does not follow the boundary.
    static std::optional<QList<Part>> split(const QByteArray& body, const QByteArray& boundary);
    static QByteArray boundaryOf(const QByteArray& contentType);

private:
    struct Outcome
    {
        QByteArray text; // the MIME part(s) of the answer
        bool failed = false;
    };
    std::optional<SandboxRequest> innerRequest(const SandboxRequest& batch, const QByteArray& http) const;
    HttpResponse run(const SandboxRequest& batch, const QByteArray& http, QString* error);
    Outcome changeSet(const SandboxRequest& batch, const Part& part);
    static QByteArray responsePart(const HttpResponse& response, const QByteArray& contentId);

    DynamicsStore& m_store;
    QString m_root;
    Dispatch m_dispatch;
    QHash<QByteArray, QString> m_references; // Content-ID -> entity URL, within a change set
    int m_requests = 0;
};

} // namespace AssetDesk::Sandbox
