#include "connectors/dynamics/dynamicsmapper.h"

#include "connectors/dynamics/dynamicsrecord.h"

namespace AssetDesk {

namespace {

template<typename T>
Result<T> finish(const DynamicsRecord& record, T value)
{
    if (record.error())
        return *record.error();
    return value;
}

} // namespace

namespace DynamicsMapper {

Result<CrmAccount> account(const QJsonObject& row, qint64 accountId)
{
    DynamicsRecord r(row, QStringLiteral("account"));
    CrmAccount a;
    a.accountId = accountId;
    a.remoteId = r.key(QStringLiteral("accountid"));
    a.name = r.string(QStringLiteral("name"));
    a.accountNumber = r.string(QStringLiteral("accountnumber"));
    a.industryCode = r.integer(QStringLiteral("industrycode"));
    a.industry = r.formatted(QStringLiteral("industrycode"));
    a.relationshipCode = r.integer(QStringLiteral("customertypecode"));
    a.city = r.string(QStringLiteral("address1_city"));
    a.country = r.string(QStringLiteral("address1_country"));
    a.phone = r.string(QStringLiteral("telephone1"));
    a.email = r.string(QStringLiteral("emailaddress1"));
    a.website = r.string(QStringLiteral("websiteurl"));
    a.primaryContactRemoteId = r.lookup(QStringLiteral("primarycontactid"));
    a.parentAccountRemoteId = r.lookup(QStringLiteral("parentaccountid"));
    r.lookup(QStringLiteral("ownerid")); // type check only; the name is what is shown
    a.owner = r.lookupName(QStringLiteral("ownerid"));
    a.state = r.integer(QStringLiteral("statecode"));
    a.modifiedAt = r.dateTime(QStringLiteral("modifiedon"));
    return finish(r, a);
}

Result<CrmContact> contact(const QJsonObject& row, qint64 accountId)
{
    DynamicsRecord r(row, QStringLiteral("contact"));
    CrmContact c;
    c.accountId = accountId;
    c.remoteId = r.key(QStringLiteral("contactid"));
    c.fullName = r.string(QStringLiteral("fullname"));
    c.firstName = r.string(QStringLiteral("firstname"));
    c.lastName = r.string(QStringLiteral("lastname"));
    c.email = r.string(QStringLiteral("emailaddress1"));
    c.phone = r.string(QStringLiteral("telephone1"));
    if (c.phone.isEmpty())
        c.phone = r.string(QStringLiteral("mobilephone"));
    c.jobTitle = r.string(QStringLiteral("jobtitle"));
    c.parentCustomerRemoteId = r.lookup(QStringLiteral("parentcustomerid"));
    c.parentCustomerKind = r.lookupTable(QStringLiteral("parentcustomerid"));
    c.state = r.integer(QStringLiteral("statecode"));
    c.modifiedAt = r.dateTime(QStringLiteral("modifiedon"));
    return finish(r, c);
}

Result<Opportunity> opportunity(const QJsonObject& row, qint64 accountId)
{
    DynamicsRecord r(row, QStringLiteral("opportunity"));
    Opportunity o;
    o.accountId = accountId;
    o.remoteId = r.key(QStringLiteral("opportunityid"));
    o.name = r.string(QStringLiteral("name"));
    o.customerRemoteId = r.lookup(QStringLiteral("customerid"));
    o.customerKind = r.lookupTable(QStringLiteral("customerid"));
    o.estimatedValue = r.number(QStringLiteral("estimatedvalue"));
    o.estimatedCloseDate = r.date(QStringLiteral("estimatedclosedate"));
    o.closeProbability = r.integer(QStringLiteral("closeprobability"));
    o.campaignRemoteId = r.lookup(QStringLiteral("campaignid"));
    r.lookup(QStringLiteral("ownerid"));
    o.owner = r.lookupName(QStringLiteral("ownerid"));
    o.state = r.integer(QStringLiteral("statecode"));
    o.status = r.integer(QStringLiteral("statuscode"));
    o.modifiedAt = r.dateTime(QStringLiteral("modifiedon"));
    return finish(r, o);
}

Result<CrmCampaign> campaign(const QJsonObject& row, qint64 accountId)
{
    DynamicsRecord r(row, QStringLiteral("campaign"));
    CrmCampaign c;
    c.accountId = accountId;
    c.remoteId = r.key(QStringLiteral("campaignid"));
    c.name = r.string(QStringLiteral("name"));
    c.codeName = r.string(QStringLiteral("codename"));
    c.typeCode = r.integer(QStringLiteral("typecode"));
    c.audience = r.string(QStringLiteral("objective"));
    c.description = r.string(QStringLiteral("description"));
    const QDate proposedStart = r.date(QStringLiteral("proposedstart"));
    const QDate proposedEnd = r.date(QStringLiteral("proposedend"));
    const QDate actualStart = r.date(QStringLiteral("actualstart"));
    const QDate actualEnd = r.date(QStringLiteral("actualend"));
    // What happened beats what was planned.
    c.launchDate = actualStart.isValid() ? actualStart : proposedStart;
    c.endDate = actualEnd.isValid() ? actualEnd : proposedEnd;
    r.lookup(QStringLiteral("ownerid"));
    c.owner = r.lookupName(QStringLiteral("ownerid"));
    c.state = r.integer(QStringLiteral("statecode"));
    c.status = r.integer(QStringLiteral("statuscode"));
    c.modifiedAt = r.dateTime(QStringLiteral("modifiedon"));
    return finish(r, c);
}

Result<SupportCase> supportCase(const QJsonObject& row, qint64 accountId)
{
    DynamicsRecord r(row, QStringLiteral("case"));
    SupportCase s;
    s.accountId = accountId;
    s.remoteId = r.key(QStringLiteral("incidentid"));
    s.ticketNumber = r.string(QStringLiteral("ticketnumber"));
    s.title = r.string(QStringLiteral("title"));
    s.description = r.string(QStringLiteral("description"));
    s.customerRemoteId = r.lookup(QStringLiteral("customerid"));
    s.customerKind = r.lookupTable(QStringLiteral("customerid"));
    s.customerName = r.lookupName(QStringLiteral("customerid"));
    s.priority = r.integer(QStringLiteral("prioritycode"));
    s.caseType = r.integer(QStringLiteral("casetypecode"));
    s.origin = r.integer(QStringLiteral("caseorigincode"));
    s.state = r.integer(QStringLiteral("statecode"));
    s.status = r.integer(QStringLiteral("statuscode"));
    s.createdAt = r.dateTime(QStringLiteral("createdon"));
    s.modifiedAt = r.dateTime(QStringLiteral("modifiedon"));
    return finish(r, s);
}

Result<CrmEvent> event(const QJsonObject& row, qint64 accountId)
{
    DynamicsRecord r(row, QStringLiteral("event"));
    CrmEvent e;
    e.accountId = accountId;
    e.remoteId = r.key(QStringLiteral("msevtmgt_eventid"));
    e.name = r.string(QStringLiteral("msevtmgt_name"));
    e.startAt = r.dateTime(QStringLiteral("msevtmgt_eventstartdate"));
    e.endAt = r.dateTime(QStringLiteral("msevtmgt_eventenddate"));
    e.venue = r.string(QStringLiteral("msevtmgt_building"));
    e.description = r.string(QStringLiteral("msevtmgt_description"));
    e.modifiedAt = r.dateTime(QStringLiteral("modifiedon"));
    return finish(r, e);
}

Result<std::optional<CaseNote>> caseNote(const QJsonObject& row, qint64 accountId)
{
    DynamicsRecord r(row, QStringLiteral("note"));
    CaseNote n;
    n.accountId = accountId;
    n.remoteId = r.key(QStringLiteral("annotationid"));
    n.caseRemoteId = r.lookup(QStringLiteral("objectid"));
    // The regarding table: the lookup's annotation when asked for, else objecttypecode.
    QString regarding = r.lookupTable(QStringLiteral("objectid"));
    const QString typeCode = r.string(QStringLiteral("objecttypecode"));
    if (regarding.isEmpty())
        regarding = typeCode;
    n.subject = r.string(QStringLiteral("subject"));
    n.text = r.string(QStringLiteral("notetext"));
    n.fileName = r.string(QStringLiteral("filename"));
    n.mimeType = r.string(QStringLiteral("mimetype"));
    n.fileSize = r.integer(QStringLiteral("filesize"));
    n.isDocument = r.boolean(QStringLiteral("isdocument"));
    n.created = r.dateTime(QStringLiteral("createdon"));
    n.modifiedAt = r.dateTime(QStringLiteral("modifiedon"));
    if (r.error())
        return *r.error();
    if (regarding != QLatin1String("incident") || n.caseRemoteId.isEmpty())
        return std::optional<CaseNote>();
    return std::optional<CaseNote>(n);
}

} // namespace DynamicsMapper

} // namespace AssetDesk
