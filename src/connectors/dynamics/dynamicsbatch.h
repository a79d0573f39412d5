#pragma once

#include "core/result.h"
#include "net/httpresponse.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace AssetDesk {

// The client side of Dataverse $batch (dynamics.md §8): several GETs in one multipart/mixed
// POST, and the multipart answer split back into one HTTP response per request, in order.
// Reads only (no change sets): each part stands alone, so one failed part does not fail the
// others (Prefer: odata.continue-on-error on the batch).
namespace DynamicsBatch {

constexpr int kMaxRequests = 1000;

// A fresh "batch_<uuid>" boundary.
QByteArray newBoundary();
// The body for GETs of `paths` ("/api/data/v9.2/incidents(...)/Incident_Annotation?$select=...");
// every part asks for JSON with the given Prefer header (may be empty).
QByteArray encodeGets(const QStringList& paths, const QByteArray& boundary, const QByteArray& prefer);
// Splits a batch answer (its Content-Type names the boundary) into the parts' responses.
Result<QList<HttpResponse>> decode(const QByteArray& body, const QByteArray& contentType);

} // namespace DynamicsBatch

} // namespace AssetDesk
