#include "core/asset.h"

#include "core/enumnames.h"

namespace AssetDesk {

namespace {
constexpr EnumName<MediaType> kMediaTypes[] = {{MediaType::Image, "image"},
                                               {MediaType::Video, "video"},
                                               {MediaType::Audio, "audio"},
                                               {MediaType::Document, "document"},
                                               {MediaType::Other, "other"}};
constexpr EnumName<LifecycleState> kLifecycle[] = {{LifecycleState::Draft, "draft"},
                                                   {LifecycleState::Approved, "approved"},
                                                   {LifecycleState::Scheduled, "scheduled"},
                                                   {LifecycleState::Published, "published"},
                                                   {LifecycleState::Archived, "archived"}};
} // namespace

QString mediaTypeId(MediaType type) { return enumToId(kMediaTypes, type); }
MediaType mediaTypeFromId(const QString& id) { return enumFromId(kMediaTypes, id).value_or(MediaType::Other); }
QString lifecycleStateId(LifecycleState state) { return enumToId(kLifecycle, state); }
LifecycleState lifecycleStateFromId(const QString& id)
{
    return enumFromId(kLifecycle, id).value_or(LifecycleState::Draft);
}

} // namespace AssetDesk
