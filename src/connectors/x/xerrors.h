#pragma once

#include "core/error.h"

#include <optional>

namespace AssetDesk {

struct HttpResponse;

// X's three error shapes (x.md §8): an RFC 7807 Problem {"title","detail","type","status"}, the
// invalid-request form {"errors":[{"message","parameters"}],"title",...}, and the legacy
// {"errors":[{"code":88,"message":"Rate limit exceeded"}]}.
std::optional<Error> parseXError(const HttpResponse& response);

// X refuses a post whose text repeats one of the account's recent posts with HTTP 403 and a
// Problem whose detail says "duplicate content" (type about:blank, so the detail is all there is
// to go by; the exact wording is not in x.md). For the outbox this means: the post exists already
// or must change, and repeating it is pointless.
bool isXDuplicateContent(const Error& error);
// The whole request was refused because of a field the token may not read (non-public metrics
// of another account's posts): type .../not-authorized-for-field.
bool isXFieldRefusal(const Error& error);

} // namespace AssetDesk
