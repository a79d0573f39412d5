#pragma once

#include "core/collection.h"
#include "core/result.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct Account;

// Collections a client makes in iconik (iconik.md §6, §9), for DP3's campaign collections:
//   create  POST /API/assets/v1/collections/ CollectionInputSchema {"title", "parent_id"?}
//           -> 201 CollectionSchema, answered as the Collection the library sync would store
//   view    GET /API/metadata/v1/views/ -> the id of the metadata view with a given name (view ids
//           are UUIDs of each iconik domain; names are what an admin sets up and can be told)
// The collection's metadata values go through IconikAssets::setMetadataValues with object type
// "collections". Lives on the connector's thread; callbacks on `context`'s thread.
class IconikCollections : public QObject
{
    Q_OBJECT
public:
    IconikCollections(const Account& account, HttpClient* http, QObject* parent = nullptr);

    // A POST: not repeated after an ambiguous failure (a second collection would be the result).
    void create(const QString& title, const QString& parentId, QObject* context,
                std::function<void(Result<Collection>)> done);
    // The id of the view called `name` (compared without case); a NotFound error names the view.
    void viewId(const QString& name, QObject* context, std::function<void(Result<QString>)> done);

private:
    QUrl url(const QString& path) const;

    qint64 m_accountId;
    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
