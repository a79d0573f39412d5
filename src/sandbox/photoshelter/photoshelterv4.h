#pragma once

#include "sandbox/httpresponse.h"

#include <QJsonObject>
#include <QString>

namespace AssetDesk::Sandbox {

// PSAPI v4 envelopes (photoshelter.md §3): {"data":..., "meta":{}, "included"?} and errors
// {"errors":[{"title":"..."}]}. Only "title" is confirmed for errors; the sandbox adds "status"
// (a JSON:API member) and, for API-key failures, "code":"ApiKeyInvalidException".
class PhotoShelterV4
{
public:
    static HttpResponse data(const QJsonObject& data, const QJsonObject& meta = {}, int status = 200);
    static HttpResponse error(int status, const QString& title, const QString& code = {});
};

} // namespace AssetDesk::Sandbox
