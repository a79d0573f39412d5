#pragma once

#include "core/casenote.h"
#include "core/changeset.h"
#include "core/crmaccount.h"
#include "core/crmcampaign.h"
#include "core/crmcontact.h"
#include "core/crmevent.h"
#include "core/opportunity.h"
#include "core/supportcase.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace AssetDesk {

class SqlStatement;

// How each CRM record maps onto its table (schema 7): the table, its ChangeSet kind and its data
// columns, which follow `id, account_id, remote_id` in every select. CrmRepository stays generic
// over these, so a column is added in one place.
struct CrmTable
{
    QString name;
    EntityKind kind;
    QStringList columns; // data columns, without id, account_id and remote_id

    // "t.id, t.account_id, t.remote_id, t.<column>, ..." for a table aliased `alias`.
    QString selectList(const QString& alias = QStringLiteral("t")) const;
};

namespace CrmRows {

// nullptr for a kind that is not a CRM record.
const CrmTable* table(EntityKind kind);

// The data columns' values in CrmTable::columns order, ready to bind.
QVariantList values(const CrmAccount& r);
QVariantList values(const CrmContact& r);
QVariantList values(const Opportunity& r);
QVariantList values(const CrmCampaign& r);
QVariantList values(const SupportCase& r);
QVariantList values(const CrmEvent& r);
QVariantList values(const CaseNote& r);

// Reads a row selected with CrmTable::selectList() starting at column 0.
void read(const SqlStatement& q, CrmAccount& r);
void read(const SqlStatement& q, CrmContact& r);
void read(const SqlStatement& q, Opportunity& r);
void read(const SqlStatement& q, CrmCampaign& r);
void read(const SqlStatement& q, SupportCase& r);
void read(const SqlStatement& q, CrmEvent& r);
void read(const SqlStatement& q, CaseNote& r);

// True when a stored value equals a value to bind, across the backends' representations
// (QDate vs 'YYYY-MM-DD', BOOLEAN vs 0/1, BIGINT vs int).
bool sameValue(const QVariant& stored, const QVariant& bound);

} // namespace CrmRows

} // namespace AssetDesk
