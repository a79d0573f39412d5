#pragma once

#include "core/changeset.h"

#include <QList>
#include <QString>

#include <optional>

namespace AssetDesk {

// The Dataverse tables the CRM cache keeps (dynamics.md §11), in the order a sync reads them:
// customers before what refers to them, cases before their notes.
enum class DynamicsEntity { Accounts, Contacts, Opportunities, Campaigns, Incidents, Annotations, Events };

struct DynamicsEntityInfo
{
    DynamicsEntity entity;
    QString entitySet;   // "accounts"
    QString logicalName; // "account"
    QString key;         // "accountid"
    QString select;      // the $select list the mapper reads
    EntityKind kind;     // the ChangeSet / CrmRepository kind of its local rows
};

namespace DynamicsEntities {

const QList<DynamicsEntityInfo>& all();
const DynamicsEntityInfo& info(DynamicsEntity entity);
std::optional<DynamicsEntity> fromEntitySet(const QString& entitySet);
// The sync_state resource of a table: "dynamics:<entity set>".
QString syncResource(DynamicsEntity entity);

} // namespace DynamicsEntities

} // namespace AssetDesk
