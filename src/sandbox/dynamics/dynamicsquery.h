#pragma once

#include "core/result.h"
#include "sandbox/dynamics/dynamicsfilter.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace AssetDesk::Sandbox {

struct DynamicsLookup;
struct DynamicsRecord;
struct DynamicsRelationship;
struct DynamicsTable;
class DynamicsStore;

struct DynamicsOrderKey
{
    QString column;
    bool descending = false;
};

// The options every level of a query may carry.
struct DynamicsSelection
{
    const DynamicsTable* table = nullptr;
    QStringList select; // empty = every column
    std::optional<DynamicsFilter> filter;
    QList<DynamicsOrderKey> orderby;
    int top = -1;
};

// One $expand item: a single-valued navigation property (lookup; polymorphic ones carry the
// target table as "<lookup>_<table>") or a collection-valued relationship.
struct DynamicsExpand
{
    QString name;
    const DynamicsLookup* lookup = nullptr;
    const DynamicsRelationship* relationship = nullptr;
    DynamicsSelection options; // options.table is the target table
};

// The system query options of one request (dynamics.md §5): $select, $filter, $orderby, $top,
// $expand (one level; options inside parentheses separated by ';'), $count, $skiptoken and
// $deltatoken. $skip, $search, $apply and fetchXml are refused.
struct DynamicsQuery
{
    DynamicsSelection selection;
    QList<DynamicsExpand> expand;
    bool count = false;
    QString skipToken;
    QString deltaToken;
    bool hasFilter = false; // for the change-tracking restrictions
    bool hasOrderBy = false;
    bool hasTop = false;

    static Result<DynamicsQuery> parse(const QUrlQuery& query, const DynamicsTable& table);

    // Filter and order rows (default order: primary key ascending, like the service's paging).
    static QList<const DynamicsRecord*> rows(const DynamicsStore& store, const DynamicsSelection& selection);
    // "(name,accountnumber)" for @odata.context, empty without $select.
    static QString contextSelect(const DynamicsSelection& selection);
    static Error invalid(const QString& message) { return Error(ErrorKind::Validation, message); }
};

} // namespace AssetDesk::Sandbox
