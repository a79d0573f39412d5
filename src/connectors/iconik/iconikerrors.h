#pragma once

#include "core/error.h"

#include <optional>

namespace AssetDesk {

struct HttpResponse;

// iconik's error bodies (iconik.md §4): {"errors": ["message", ...]} or
// {"errors": {"field": "message", ...}}.
std::optional<Error> parseIconikError(const HttpResponse& response);

} // namespace AssetDesk
