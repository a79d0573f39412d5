#include "connectors/x/xmediauploader.h"

#include "core/account.h"

namespace AssetDesk {

XMediaUploader::XMediaUploader(const Account& account, HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_api(account)
    , m_http(http)
{
}

XMediaUpload* XMediaUploader::upload(const QString& path, const QString& altText, QObject* context,
                                     XMediaUpload::ProgressCallback progress, XMediaUpload::DoneCallback done)
{
    auto* upload = new XMediaUpload(m_api, m_http, m_options, path, altText, context, std::move(progress), std::move(done), this);
    // Started from the event loop, so the caller can hold the pointer (and connect) before the
    // first report, and a validation failure is reported like every other outcome.
    QMetaObject::invokeMethod(upload, &XMediaUpload::start, Qt::QueuedConnection);
    return upload;
}

} // namespace AssetDesk
