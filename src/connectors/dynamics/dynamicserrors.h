#pragma once

#include "core/error.h"

#include <optional>

namespace AssetDesk {

struct HttpResponse;

// Dataverse Web API errors (dynamics.md §9): {"error":{"code":"0x80040265","message":"..."}},
// the code a hex Dataverse error code (service protection: 0x80072322/21/26), often empty.
std::optional<Error> parseDynamicsError(const HttpResponse& response);

} // namespace AssetDesk
