#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace AssetDesk::Sandbox {

struct DynamicsTable;

// An OData $filter expression (dynamics.md §5) parsed against one table: comparisons eq ne gt
// ge lt le between a column and a literal (string 'x' with '' for a quote, number, true/false,
// null, a bare GUID, a date or date-time), and/or/not with parentheses, and
// contains/startswith/endswith(column,'text'). String comparisons ignore case, like the
// default Dataverse collation. Anything else (lambda any/all, Microsoft.Dynamics.CRM.* query
// functions, arithmetic) is refused with a message rather than half-evaluated.
class DynamicsFilter
{
public:
    struct Node;

    // The error message is Dataverse's wording for the first problem found.
    static Result<DynamicsFilter> parse(const QString& text, const DynamicsTable& table);

    bool matches(const QJsonObject& row) const;

private:
    std::shared_ptr<const Node> m_root;
};

} // namespace AssetDesk::Sandbox
