#pragma once

#include <QByteArray>

namespace AssetDesk::Sandbox {

// GET /api/data/v9.2/$metadata: a small hand-written-style CSDL (dynamics.md §1, §13) built from
// DynamicsSchema - namespace Microsoft.Dynamics.CRM (alias mscrm), one EntityType per table with
// its key, columns (types guessed from the Dataverse naming: *code -> Int32, *on/*date ->
// DateTimeOffset, money and counts -> Decimal/Int32, the rest String), lookups as Edm.Guid
// "_x_value" properties, navigation properties, and an EntityContainer with the entity sets, each
// annotated as change-tracked.
class DynamicsMetadata
{
public:
    static QByteArray csdl();
};

} // namespace AssetDesk::Sandbox
