#include "core/lineageedge.h"

#include "core/enumnames.h"

namespace AssetDesk {

namespace {
using K = LineageEdge::NodeKind;
constexpr EnumName<K> kNodeKinds[] = {{K::Asset, "asset"},
                                      {K::Derivative, "derivative"},
                                      {K::Post, "post"},
                                      {K::CaseNote, "case-note"},
                                      {K::TicketComment, "ticket-comment"},
                                      {K::CustomerRecord, "customer-record"},
                                      {K::ArchivedCopy, "archived-copy"}};
} // namespace

QString lineageNodeKindId(LineageEdge::NodeKind kind) { return enumToId(kNodeKinds, kind); }
std::optional<LineageEdge::NodeKind> lineageNodeKindFromId(const QString& id)
{
    return enumFromId(kNodeKinds, id);
}

} // namespace AssetDesk
