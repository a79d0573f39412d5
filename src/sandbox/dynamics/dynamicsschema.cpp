#include "sandbox/dynamics/dynamicsschema.h"

namespace AssetDesk::Sandbox {

namespace {

QStringList common(QStringList columns)
{
    columns << QStringLiteral("createdon") << QStringLiteral("modifiedon") << QStringLiteral("versionnumber")
            << QStringLiteral("statecode") << QStringLiteral("statuscode");
    return columns;
}

const DynamicsLookup kOwner{QStringLiteral("ownerid"), {QStringLiteral("systemuser"), QStringLiteral("team")}};

QList<DynamicsTable> build()
{
    const QString account = QStringLiteral("account");
    const QString contact = QStringLiteral("contact");
    QList<DynamicsTable> t;
    t.append({QStringLiteral("accounts"), account, QStringLiteral("accountid"), QStringLiteral("name"),
              common({QStringLiteral("name"), QStringLiteral("accountnumber"), QStringLiteral("industrycode"),
                      QStringLiteral("customertypecode"), QStringLiteral("address1_line1"),
                      QStringLiteral("address1_city"), QStringLiteral("address1_postalcode"),
                      QStringLiteral("address1_country"), QStringLiteral("telephone1"),
                      QStringLiteral("emailaddress1"), QStringLiteral("websiteurl"), QStringLiteral("revenue"),
                      QStringLiteral("numberofemployees"), QStringLiteral("description")}),
              {{QStringLiteral("primarycontactid"), {contact}}, {QStringLiteral("parentaccountid"), {account}}, kOwner},
              {{QStringLiteral("contact_customer_accounts"), QStringLiteral("contacts"),
                QStringLiteral("_parentcustomerid_value")},
               {QStringLiteral("opportunity_parent_account"), QStringLiteral("opportunities"),
                QStringLiteral("_parentaccountid_value")},
               {QStringLiteral("incident_customer_accounts"), QStringLiteral("incidents"),
                QStringLiteral("_customerid_value")},
               {QStringLiteral("Account_Annotation"), QStringLiteral("annotations"),
                QStringLiteral("_objectid_value")}}});
    t.append({QStringLiteral("contacts"), contact, QStringLiteral("contactid"), QStringLiteral("fullname"),
              common({QStringLiteral("firstname"), QStringLiteral("lastname"), QStringLiteral("fullname"),
                      QStringLiteral("emailaddress1"), QStringLiteral("telephone1"), QStringLiteral("mobilephone"),
                      QStringLiteral("jobtitle"), QStringLiteral("address1_city")}),
              {{QStringLiteral("parentcustomerid"), {account, contact}}, kOwner},
              {{QStringLiteral("Contact_Annotation"), QStringLiteral("annotations"),
                QStringLiteral("_objectid_value")},
               {QStringLiteral("incident_customer_contacts"), QStringLiteral("incidents"),
                QStringLiteral("_customerid_value")}}});
    t.append({QStringLiteral("opportunities"), QStringLiteral("opportunity"), QStringLiteral("opportunityid"),
              QStringLiteral("name"),
              common({QStringLiteral("name"), QStringLiteral("estimatedvalue"),
                      QStringLiteral("estimatedclosedate"), QStringLiteral("actualvalue"),
                      QStringLiteral("actualclosedate"), QStringLiteral("closeprobability"),
                      QStringLiteral("stepname"), QStringLiteral("description")}),
              {{QStringLiteral("customerid"), {account, contact}},
               {QStringLiteral("parentaccountid"), {account}},
               {QStringLiteral("parentcontactid"), {contact}},
               {QStringLiteral("campaignid"), {QStringLiteral("campaign")}},
               kOwner},
              {{QStringLiteral("Opportunity_Annotation"), QStringLiteral("annotations"),
                QStringLiteral("_objectid_value")}}});
    t.append({QStringLiteral("campaigns"), QStringLiteral("campaign"), QStringLiteral("campaignid"),
              QStringLiteral("name"),
              common({QStringLiteral("name"), QStringLiteral("codename"), QStringLiteral("typecode"),
                      QStringLiteral("proposedstart"), QStringLiteral("proposedend"), QStringLiteral("actualstart"),
                      QStringLiteral("actualend"), QStringLiteral("budgetedcost"),
                      QStringLiteral("expectedrevenue"), QStringLiteral("expectedresponse"),
                      QStringLiteral("objective"), QStringLiteral("message"), QStringLiteral("description"),
                      QStringLiteral("istemplate")}),
              {kOwner},
              {{QStringLiteral("Campaign_Annotation"), QStringLiteral("annotations"),
                QStringLiteral("_objectid_value")},
               {QStringLiteral("campaign_opportunities"), QStringLiteral("opportunities"),
                QStringLiteral("_campaignid_value")}}});
    t.append({QStringLiteral("incidents"), QStringLiteral("incident"), QStringLiteral("incidentid"),
              QStringLiteral("title"),
              common({QStringLiteral("title"), QStringLiteral("ticketnumber"), QStringLiteral("description"),
                      QStringLiteral("prioritycode"), QStringLiteral("caseorigincode"),
                      QStringLiteral("casetypecode")}),
              {{QStringLiteral("customerid"), {account, contact}}, {QStringLiteral("primarycontactid"), {contact}},
               kOwner},
              {{QStringLiteral("Incident_Annotation"), QStringLiteral("annotations"),
                QStringLiteral("_objectid_value")}}});
    t.append({QStringLiteral("annotations"), QStringLiteral("annotation"), QStringLiteral("annotationid"),
              QStringLiteral("subject"),
              {QStringLiteral("subject"), QStringLiteral("notetext"), QStringLiteral("filename"),
               QStringLiteral("mimetype"), QStringLiteral("documentbody"), QStringLiteral("isdocument"),
               QStringLiteral("filesize"), QStringLiteral("objecttypecode"), QStringLiteral("createdon"),
               QStringLiteral("modifiedon"), QStringLiteral("versionnumber")},
              {{QStringLiteral("objectid"),
                {account, contact, QStringLiteral("incident"), QStringLiteral("opportunity"),
                 QStringLiteral("campaign"), QStringLiteral("msevtmgt_event")}},
               kOwner},
              {}});
    t.append({QString::fromLatin1(DynamicsSchema::kEventEntitySet), QStringLiteral("msevtmgt_event"),
              QStringLiteral("msevtmgt_eventid"), QStringLiteral("msevtmgt_name"),
              common({QStringLiteral("msevtmgt_name"), QStringLiteral("msevtmgt_eventstartdate"),
                      QStringLiteral("msevtmgt_eventenddate"), QStringLiteral("msevtmgt_eventtimezone"),
                      QStringLiteral("msevtmgt_building"), QStringLiteral("msevtmgt_description"),
                      QStringLiteral("msevtmgt_primarygoal")}),
              {kOwner},
              {{QStringLiteral("msevtmgt_event_Annotations"), QStringLiteral("annotations"),
                QStringLiteral("_objectid_value")}}});
    return t;
}

} // namespace

bool DynamicsTable::hasColumn(const QString& column) const
{
    return column == key || columns.contains(column) || lookupByValueColumn(column);
}

const DynamicsLookup* DynamicsTable::lookup(const QString& name) const
{
    for (const DynamicsLookup& l : lookups) {
        if (l.name == name)
            return &l;
    }
    return nullptr;
}

const DynamicsLookup* DynamicsTable::lookupByValueColumn(const QString& column) const
{
    for (const DynamicsLookup& l : lookups) {
        if (l.valueColumn() == column)
            return &l;
    }
    return nullptr;
}

const DynamicsRelationship* DynamicsTable::relationship(const QString& name) const
{
    for (const DynamicsRelationship& r : relationships) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

const QList<DynamicsTable>& DynamicsSchema::tables()
{
    static const QList<DynamicsTable> all = build();
    return all;
}

const DynamicsTable* DynamicsSchema::bySet(const QString& entitySet)
{
    for (const DynamicsTable& t : tables()) {
        if (t.entitySet == entitySet)
            return &t;
    }
    return nullptr;
}

const DynamicsTable* DynamicsSchema::byLogicalName(const QString& logicalName)
{
    for (const DynamicsTable& t : tables()) {
        if (t.logicalName == logicalName)
            return &t;
    }
    return nullptr;
}

} // namespace AssetDesk::Sandbox
