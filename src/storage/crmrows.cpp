#include "storage/crmrows.h"

#include "storage/sqlstatement.h"
#include "storage/sqlvalues.h"

namespace AssetDesk {

namespace {

QVariant date(const QDate& d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

QDate toDate(const QVariant& v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString().left(10), Qt::ISODate);
}

QVariant text(const QString& s)
{
    return SqlValues::text(s);
}

QVariant ts(const QDateTime& t)
{
    return SqlValues::timestamp(t);
}

QString str(const SqlStatement& q, int i)
{
    return q.value(i).toString();
}

int num(const SqlStatement& q, int i)
{
    return q.value(i).toInt();
}

const CrmTable kAccounts{QStringLiteral("crm_accounts"), EntityKind::CrmAccount,
                         {QStringLiteral("name"), QStringLiteral("account_number"), QStringLiteral("industry_code"),
                          QStringLiteral("industry"), QStringLiteral("relationship_code"), QStringLiteral("city"),
                          QStringLiteral("country"), QStringLiteral("phone"), QStringLiteral("email"),
                          QStringLiteral("website"), QStringLiteral("primary_contact_remote_id"),
                          QStringLiteral("parent_account_remote_id"), QStringLiteral("owner"),
                          QStringLiteral("state"), QStringLiteral("modified_at")}};
const CrmTable kContacts{QStringLiteral("crm_contacts"), EntityKind::CrmContact,
                         {QStringLiteral("full_name"), QStringLiteral("first_name"), QStringLiteral("last_name"),
                          QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("job_title"),
                          QStringLiteral("parent_customer_remote_id"), QStringLiteral("parent_customer_kind"),
                          QStringLiteral("state"), QStringLiteral("modified_at")}};
const CrmTable kOpportunities{
    QStringLiteral("opportunities"), EntityKind::Opportunity,
    {QStringLiteral("name"), QStringLiteral("customer_remote_id"), QStringLiteral("customer_kind"),
     QStringLiteral("estimated_value"), QStringLiteral("estimated_close_date"), QStringLiteral("close_probability"),
     QStringLiteral("campaign_remote_id"), QStringLiteral("owner"), QStringLiteral("state"), QStringLiteral("status"),
     QStringLiteral("modified_at")}};
const CrmTable kCampaigns{QStringLiteral("campaigns"), EntityKind::Campaign,
                          {QStringLiteral("name"), QStringLiteral("code_name"), QStringLiteral("type_code"),
                           QStringLiteral("audience"), QStringLiteral("description"), QStringLiteral("launch_date"),
                           QStringLiteral("end_date"), QStringLiteral("owner"), QStringLiteral("state"),
                           QStringLiteral("status"), QStringLiteral("modified_at")}};
const CrmTable kCases{QStringLiteral("support_cases"), EntityKind::SupportCase,
                      {QStringLiteral("ticket_number"), QStringLiteral("title"), QStringLiteral("customer_name"),
                       QStringLiteral("customer_remote_id"), QStringLiteral("customer_kind"),
                       QStringLiteral("description"), QStringLiteral("priority"), QStringLiteral("case_type"),
                       QStringLiteral("state"), QStringLiteral("status"), QStringLiteral("origin"),
                       QStringLiteral("created_at"), QStringLiteral("modified_at")}};
const CrmTable kEvents{QStringLiteral("crm_events"), EntityKind::CrmEvent,
                       {QStringLiteral("name"), QStringLiteral("start_at"), QStringLiteral("end_at"),
                        QStringLiteral("venue"), QStringLiteral("description"), QStringLiteral("modified_at")}};
const CrmTable kNotes{QStringLiteral("case_notes"), EntityKind::CaseNote,
                      {QStringLiteral("case_remote_id"), QStringLiteral("subject"), QStringLiteral("note_text"),
                       QStringLiteral("file_name"), QStringLiteral("mime_type"), QStringLiteral("file_size"),
                       QStringLiteral("is_document"), QStringLiteral("created_at"), QStringLiteral("modified_at")}};

template<typename T>
void readKey(const SqlStatement& q, T& r)
{
    r.id = q.value(0).toLongLong();
    r.accountId = q.value(1).toLongLong();
    r.remoteId = q.value(2).toString();
}

} // namespace

QString CrmTable::selectList(const QString& alias) const
{
    QStringList names{QStringLiteral("id"), QStringLiteral("account_id"), QStringLiteral("remote_id")};
    names << columns;
    for (QString& n : names)
        n.prepend(alias + QLatin1Char('.'));
    return names.join(QStringLiteral(", "));
}

namespace CrmRows {

const CrmTable* table(EntityKind kind)
{
    for (const CrmTable* t : {&kAccounts, &kContacts, &kOpportunities, &kCampaigns, &kCases, &kEvents, &kNotes}) {
        if (t->kind == kind)
            return t;
    }
    return nullptr;
}

QVariantList values(const CrmAccount& r)
{
    return {text(r.name),    text(r.accountNumber),         r.industryCode,
            text(r.industry), r.relationshipCode,           text(r.city),
            text(r.country), text(r.phone),                 text(r.email),
            text(r.website), text(r.primaryContactRemoteId), text(r.parentAccountRemoteId),
            text(r.owner),   r.state,                        ts(r.modifiedAt)};
}

QVariantList values(const CrmContact& r)
{
    return {text(r.fullName), text(r.firstName), text(r.lastName), text(r.email),
            text(r.phone),    text(r.jobTitle),  text(r.parentCustomerRemoteId),
            text(r.parentCustomerKind), r.state, ts(r.modifiedAt)};
}

QVariantList values(const Opportunity& r)
{
    return {text(r.name),  text(r.customerRemoteId), text(r.customerKind), r.estimatedValue,
            date(r.estimatedCloseDate), r.closeProbability, text(r.campaignRemoteId), text(r.owner),
            r.state, r.status, ts(r.modifiedAt)};
}

QVariantList values(const CrmCampaign& r)
{
    return {text(r.name),        text(r.codeName), r.typeCode, text(r.audience), text(r.description),
            date(r.launchDate), date(r.endDate), text(r.owner), r.state, r.status, ts(r.modifiedAt)};
}

QVariantList values(const SupportCase& r)
{
    return {text(r.ticketNumber), text(r.title), text(r.customerName), text(r.customerRemoteId),
            text(r.customerKind), text(r.description), r.priority, r.caseType, r.state, r.status, r.origin,
            ts(r.createdAt), ts(r.modifiedAt)};
}

QVariantList values(const CrmEvent& r)
{
    return {text(r.name), ts(r.startAt), ts(r.endAt), text(r.venue), text(r.description), ts(r.modifiedAt)};
}

QVariantList values(const CaseNote& r)
{
    return {text(r.caseRemoteId), text(r.subject), text(r.text), text(r.fileName), text(r.mimeType),
            r.fileSize, r.isDocument, ts(r.created), ts(r.modifiedAt)};
}

void read(const SqlStatement& q, CrmAccount& r)
{
    readKey(q, r);
    r.name = str(q, 3);
    r.accountNumber = str(q, 4);
    r.industryCode = num(q, 5);
    r.industry = str(q, 6);
    r.relationshipCode = num(q, 7);
    r.city = str(q, 8);
    r.country = str(q, 9);
    r.phone = str(q, 10);
    r.email = str(q, 11);
    r.website = str(q, 12);
    r.primaryContactRemoteId = str(q, 13);
    r.parentAccountRemoteId = str(q, 14);
    r.owner = str(q, 15);
    r.state = num(q, 16);
    r.modifiedAt = SqlValues::toDateTime(q.value(17));
}

void read(const SqlStatement& q, CrmContact& r)
{
    readKey(q, r);
    r.fullName = str(q, 3);
    r.firstName = str(q, 4);
    r.lastName = str(q, 5);
    r.email = str(q, 6);
    r.phone = str(q, 7);
    r.jobTitle = str(q, 8);
    r.parentCustomerRemoteId = str(q, 9);
    r.parentCustomerKind = str(q, 10);
    r.state = num(q, 11);
    r.modifiedAt = SqlValues::toDateTime(q.value(12));
}

void read(const SqlStatement& q, Opportunity& r)
{
    readKey(q, r);
    r.name = str(q, 3);
    r.customerRemoteId = str(q, 4);
    r.customerKind = str(q, 5);
    r.estimatedValue = q.value(6).toDouble();
    r.estimatedCloseDate = toDate(q.value(7));
    r.closeProbability = num(q, 8);
    r.campaignRemoteId = str(q, 9);
    r.owner = str(q, 10);
    r.state = num(q, 11);
    r.status = num(q, 12);
    r.modifiedAt = SqlValues::toDateTime(q.value(13));
}

void read(const SqlStatement& q, CrmCampaign& r)
{
    readKey(q, r);
    r.name = str(q, 3);
    r.codeName = str(q, 4);
    r.typeCode = num(q, 5);
    r.audience = str(q, 6);
    r.description = str(q, 7);
    r.launchDate = toDate(q.value(8));
    r.endDate = toDate(q.value(9));
    r.owner = str(q, 10);
    r.state = num(q, 11);
    r.status = num(q, 12);
    r.modifiedAt = SqlValues::toDateTime(q.value(13));
}

void read(const SqlStatement& q, SupportCase& r)
{
    readKey(q, r);
    r.ticketNumber = str(q, 3);
    r.title = str(q, 4);
    r.customerName = str(q, 5);
    r.customerRemoteId = str(q, 6);
    r.customerKind = str(q, 7);
    r.description = str(q, 8);
    r.priority = num(q, 9);
    r.caseType = num(q, 10);
    r.state = num(q, 11);
    r.status = num(q, 12);
    r.origin = num(q, 13);
    r.createdAt = SqlValues::toDateTime(q.value(14));
    r.modifiedAt = SqlValues::toDateTime(q.value(15));
}

void read(const SqlStatement& q, CrmEvent& r)
{
    readKey(q, r);
    r.name = str(q, 3);
    r.startAt = SqlValues::toDateTime(q.value(4));
    r.endAt = SqlValues::toDateTime(q.value(5));
    r.venue = str(q, 6);
    r.description = str(q, 7);
    r.modifiedAt = SqlValues::toDateTime(q.value(8));
}

void read(const SqlStatement& q, CaseNote& r)
{
    readKey(q, r);
    r.caseRemoteId = str(q, 3);
    r.subject = str(q, 4);
    r.text = str(q, 5);
    r.fileName = str(q, 6);
    r.mimeType = str(q, 7);
    r.fileSize = q.value(8).toLongLong();
    r.isDocument = q.value(9).toBool();
    r.created = SqlValues::toDateTime(q.value(10));
    r.modifiedAt = SqlValues::toDateTime(q.value(11));
}

bool sameValue(const QVariant& stored, const QVariant& bound)
{
    if (stored.isNull() || bound.isNull())
        return stored.isNull() == bound.isNull();
    switch (bound.typeId()) {
    case QMetaType::Bool:
        return stored.toBool() == bound.toBool();
    case QMetaType::Double:
        return stored.toDouble() == bound.toDouble();
    case QMetaType::Int:
    case QMetaType::LongLong:
        return stored.toLongLong() == bound.toLongLong();
    default:
        // Text, and dates bound as 'YYYY-MM-DD' (PostgreSQL returns a QDate, whose text is the same).
        return stored.toString() == bound.toString();
    }
}

} // namespace CrmRows

} // namespace AssetDesk
