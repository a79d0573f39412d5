#include "sandbox/iconik/iconikcollectionroutes.h"

#include "sandbox/iconik/iconiklibrary.h"
#include "sandbox/iconik/iconiklists.h"
#include "sandbox/iconik/iconikmodule.h"
#include "sandbox/iconik/iconikresources.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"

#include <QJsonArray>

namespace AssetDesk::Sandbox {

namespace {

HttpResponse fieldError(const QString& field, const QString& message)
{
    return HttpResponse::json(400, QJsonObject{{QStringLiteral("errors"), QJsonObject{{field, message}}}});
}

bool isDateField(const QString& name)
{
    return name == QLatin1String("launch_date") || name == QLatin1String("license_expiry");
}

} // namespace

IconikCollectionRoutes::IconikCollectionRoutes(IconikModule& module, IconikLibrary& library, IconikResources& resources)
    : m_module(module)
    , m_library(library)
    , m_resources(resources)
{}

void IconikCollectionRoutes::registerRoutes(Router& router)
{
    auto add = [this, &router](const char* method, const QString& path,
                               HttpResponse (IconikCollectionRoutes::*handler)(const SandboxRequest&)) {
        router.add(method, path, Access::User, [this, handler](const SandboxRequest& r) { return (this->*handler)(r); });
    };
    add("POST", QStringLiteral("/API/assets/v1/collections/"), &IconikCollectionRoutes::create);
    add("GET", QStringLiteral("/API/metadata/v1/collections/:collection_id/views/:view_id/"), &IconikCollectionRoutes::values);
    add("PUT", QStringLiteral("/API/metadata/v1/collections/:collection_id/views/:view_id/"), &IconikCollectionRoutes::putValues);
}

int IconikCollectionRoutes::viewOf(const QString& id) const
{
    for (int v : IconikResources::kViews) {
        if (m_library.viewId(v) == id)
            return v;
    }
    return 0;
}

HttpResponse IconikCollectionRoutes::create(const SandboxRequest& request)
{
    const auto body = request.jsonBody();
    if (!body)
        return IconikLists::errors(400, QStringLiteral("Expected a JSON object"));
    const QJsonValue title = body->value(QStringLiteral("title"));
    if (!title.isString() || title.toString().trimmed().isEmpty())
        return fieldError(QStringLiteral("title"), QStringLiteral("Missing data for required field."));
    DamGallery gallery;
    gallery.name = title.toString().trimmed();
    gallery.createdMs = m_module.clock().now().toMSecsSinceEpoch();
    gallery.organization = 0;
    const QJsonValue parentValue = body->value(QStringLiteral("parent_id"));
    if (parentValue.isString() && !parentValue.toString().isEmpty()) {
        const auto parent = m_library.collectionRef(parentValue.toString());
        if (!parent)
            return fieldError(QStringLiteral("parent_id"), QStringLiteral("Collection not found."));
        if (parent->kind == IconikCollectionRef::Kind::Gallery)
            return fieldError(QStringLiteral("parent_id"), QStringLiteral("The sandbox nests collections only in a root or a "
                                                                          "collection that holds no assets."));
        if (parent->kind == IconikCollectionRef::Kind::Root)
            gallery.organization = parent->index;
        else
            gallery.parent = parent->index;
    } else if (!parentValue.isNull() && !parentValue.isUndefined()) {
        return fieldError(QStringLiteral("parent_id"), QStringLiteral("Not a valid UUID."));
    } else {
        // Like iconik: without a parent the collection is a top-level one of its own.
        gallery.topLevel = true;
    }
    const int index = m_library.catalog().addGallery(gallery);
    return HttpResponse::json(201, m_resources.collection({IconikCollectionRef::Kind::Gallery, index}));
}

QJsonObject IconikCollectionRoutes::valuesBody(const QString& collectionId, int view) const
{
    const Stored stored = m_values.value(collectionId).value(view);
    QJsonObject values;
    for (auto it = stored.fields.begin(); it != stored.fields.end(); ++it)
        values.insert(it.key(), QJsonObject{{QStringLiteral("field_values"), it.value()}});
    return QJsonObject{
        {QStringLiteral("object_id"), collectionId},
        {QStringLiteral("object_type"), QStringLiteral("collections")},
        {QStringLiteral("date_created"), IconikResources::time(stored.createdMs)},
        {QStringLiteral("date_modified"), IconikResources::time(stored.modifiedMs)},
        {QStringLiteral("metadata_values"), values},
    };
}

HttpResponse IconikCollectionRoutes::values(const SandboxRequest& request)
{
    const QString id = request.param(QStringLiteral("collection_id"));
    if (!m_library.collectionRef(id))
        return IconikLists::errors(404, QStringLiteral("Collection not found"));
    const int view = viewOf(request.param(QStringLiteral("view_id")));
    if (view == 0)
        return IconikLists::errors(404, QStringLiteral("Metadata view not found"));
    if (!m_values.value(id).contains(view))
        return IconikLists::errors(404, QStringLiteral("The object has no metadata values"));
    return HttpResponse::json(200, valuesBody(id, view));
}

HttpResponse IconikCollectionRoutes::putValues(const SandboxRequest& request)
{
    const QString id = request.param(QStringLiteral("collection_id"));
    if (!m_library.collectionRef(id))
        return IconikLists::errors(404, QStringLiteral("Collection not found"));
    const int view = viewOf(request.param(QStringLiteral("view_id")));
    if (view == 0)
        return IconikLists::errors(404, QStringLiteral("Metadata view doesn't exist"));
    const auto body = request.jsonBody();
    if (!body || !body->value(QStringLiteral("metadata_values")).isObject())
        return fieldError(QStringLiteral("metadata_values"), QStringLiteral("Missing data for required field."));
    const QJsonObject changes = body->value(QStringLiteral("metadata_values")).toObject();
    const QStringList allowed = IconikResources::viewFields(view);
    const qint64 now = m_module.clock().now().toMSecsSinceEpoch();
    Stored edited = m_values.value(id).value(view, Stored{{}, now, now});
    // Checked in full before anything is kept: a refused request changes nothing.
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString name = it.key();
        if (!allowed.contains(name))
            return fieldError(name, QStringLiteral("Not a field of this view."));
        const QJsonObject change = it.value().toObject();
        const QString mode = change.value(QStringLiteral("mode")).toString(QStringLiteral("overwrite"));
        if (mode != QLatin1String("overwrite") && mode != QLatin1String("append") && mode != QLatin1String("delete"))
            return fieldError(name, QStringLiteral("mode must be overwrite, append or delete."));
        QJsonArray given;
        for (const QJsonValue& fv : change.value(QStringLiteral("field_values")).toArray()) {
            const QString value = fv.toObject().value(QStringLiteral("value")).toVariant().toString();
            if (isDateField(name) && !QDate::fromString(value, Qt::ISODate).isValid())
                return fieldError(name, QStringLiteral("Not a valid date."));
            given.append(QJsonObject{{QStringLiteral("value"), value}});
        }
        QJsonArray current = edited.fields.value(name).toArray();
        if (mode == QLatin1String("overwrite")) {
            current = given;
        } else if (mode == QLatin1String("append")) {
            for (const QJsonValue& v : std::as_const(given))
                current.append(v);
        } else {
            QJsonArray kept;
            for (const QJsonValue& v : std::as_const(current)) {
                if (!given.isEmpty() && !given.contains(v))
                    kept.append(v);
            }
            current = kept;
        }
        edited.fields.insert(name, current);
    }
    edited.modifiedMs = now;
    m_values[id].insert(view, edited);
    return HttpResponse::json(200, valuesBody(id, view));
}

} // namespace AssetDesk::Sandbox
