#pragma once

#include "core/error.h"

#include <optional>

namespace AssetDesk {

struct HttpResponse;

// Zendesk's error bodies (zendesk.md §11): the classic {"error": "RecordInvalid", "description":
// "...", "details": {...}} or {"error": "Couldn't authenticate you"}, the newer JSON:API style
// {"errors": [{"code", "title", "detail"}]}, and plain-text bodies (429 "Rate limited ...").
std::optional<Error> parseZendeskError(const HttpResponse& response);

} // namespace AssetDesk
