#pragma once

#include "core/error.h"

#include <optional>

namespace AssetDesk {

struct HttpResponse;

// X's three error shapes (x.md §8): an RFC 7807 Problem {"title","detail","type","status"}, the
// invalid-request form {"errors":[{"message","parameters"}],"title",...}, and the legacy
// {"errors":[{"code":88,"message":"Rate limit exceeded"}]}.
std::optional<Error> parseXError(const HttpResponse& response);

} // namespace AssetDesk
