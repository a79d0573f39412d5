#pragma once

#include "sandbox/httpresponse.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace AssetDesk::Sandbox {

class IconikLibrary;
class IconikModule;
class IconikResources;
class Router;
struct SandboxRequest;

// What a client writes to iconik collections (iconik.md §6, §9; DP3 makes a campaign's collection):
//   POST /API/assets/v1/collections/   CollectionInputSchema {"title", "parent_id"?} -> 201
//                                      CollectionSchema. In the sandbox's tree collections that
//                                      hold assets are leaves, so a new collection is a leaf:
//                                      inside `parent_id` (a root or a collection, not another
//                                      leaf: 400) or, without one, a top-level collection of its
//                                      own (no parent, is_root), as iconik makes it. It holds only
//                                      what is uploaded into it.
//   GET / PUT /API/metadata/v1/collections/:collection_id/views/:view_id/
//                                      MetadataValuesSchema, as for assets: the fields of the view,
//                                      mode overwrite / append / delete; dates (launch_date,
//                                      license_expiry) must be ISO dates. A collection without
//                                      values in the view answers 404, as iconik does.
// These routes have more literal segments than the generic asset ones and so win over them.
// Server thread only.
class IconikCollectionRoutes
{
public:
    IconikCollectionRoutes(IconikModule& module, IconikLibrary& library, IconikResources& resources);
    void registerRoutes(Router& router);

private:
    HttpResponse create(const SandboxRequest& request);
    HttpResponse values(const SandboxRequest& request);
    HttpResponse putValues(const SandboxRequest& request);
    QJsonObject valuesBody(const QString& collectionId, int view) const;
    int viewOf(const QString& id) const; // 0 when unknown

    struct Stored
    {
        QJsonObject fields; // field name -> [{"value": ...}]
        qint64 createdMs = 0;
        qint64 modifiedMs = 0;
    };

    IconikModule& m_module;
    IconikLibrary& m_library;
    IconikResources& m_resources;
    QHash<QString, QHash<int, Stored>> m_values; // collection id -> view -> values
};

} // namespace AssetDesk::Sandbox
