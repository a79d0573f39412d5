#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace AssetDesk {

// RFC 6901 JSON Pointer lookup ("/meta/next_token", "/@odata.nextLink", "/links/next"), used to
// tell the paging strategies where a service keeps its cursor, link or totals. An empty pointer
// or a missing member gives an undefined value.
QJsonValue jsonAt(const QJsonObject& root, const QString& pointer);

} // namespace AssetDesk
