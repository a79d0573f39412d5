#pragma once

#include "core/error.h"

#include <optional>

namespace AssetDesk {

struct HttpResponse;

// PhotoShelter v4's JSON:API-like errors (photoshelter.md §3): {"errors":[{"title": ...}]};
// clients join the titles. Other members (status, code, detail) are unconfirmed and read when
// present.
std::optional<Error> parsePhotoShelterError(const HttpResponse& response);

} // namespace AssetDesk
