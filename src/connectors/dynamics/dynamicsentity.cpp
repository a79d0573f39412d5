#include "connectors/dynamics/dynamicsentity.h"

namespace AssetDesk {

namespace DynamicsEntities {

const QList<DynamicsEntityInfo>& all()
{
    // Only columns the mapper reads: $select keeps pages small (dynamics.md §5 "always select").
    static const QList<DynamicsEntityInfo> entities{
        {DynamicsEntity::Accounts, QStringLiteral("accounts"), QStringLiteral("account"), QStringLiteral("accountid"),
         QStringLiteral("name,accountnumber,industrycode,customertypecode,address1_city,address1_country,"
                        "telephone1,emailaddress1,websiteurl,_primarycontactid_value,_parentaccountid_value,"
                        "_ownerid_value,statecode,modifiedon"),
         EntityKind::CrmAccount},
        {DynamicsEntity::Contacts, QStringLiteral("contacts"), QStringLiteral("contact"), QStringLiteral("contactid"),
         QStringLiteral("fullname,firstname,lastname,emailaddress1,telephone1,mobilephone,jobtitle,"
                        "_parentcustomerid_value,statecode,modifiedon"),
         EntityKind::CrmContact},
        {DynamicsEntity::Opportunities, QStringLiteral("opportunities"), QStringLiteral("opportunity"),
         QStringLiteral("opportunityid"),
         QStringLiteral("name,_customerid_value,estimatedvalue,estimatedclosedate,closeprobability,_campaignid_value,"
                        "_ownerid_value,statecode,statuscode,modifiedon"),
         EntityKind::Opportunity},
        {DynamicsEntity::Campaigns, QStringLiteral("campaigns"), QStringLiteral("campaign"), QStringLiteral("campaignid"),
         QStringLiteral("name,codename,typecode,objective,description,proposedstart,proposedend,actualstart,actualend,"
                        "_ownerid_value,statecode,statuscode,modifiedon"),
         EntityKind::Campaign},
        {DynamicsEntity::Incidents, QStringLiteral("incidents"), QStringLiteral("incident"), QStringLiteral("incidentid"),
         QStringLiteral("title,ticketnumber,description,_customerid_value,prioritycode,casetypecode,caseorigincode,"
                        "statecode,statuscode,createdon,modifiedon"),
         EntityKind::SupportCase},
        // Never documentbody: a sync must not download every attachment.
        {DynamicsEntity::Annotations, QStringLiteral("annotations"), QStringLiteral("annotation"),
         QStringLiteral("annotationid"),
         QStringLiteral("subject,notetext,filename,mimetype,filesize,isdocument,objecttypecode,_objectid_value,"
                        "createdon,modifiedon"),
         EntityKind::CaseNote},
        {DynamicsEntity::Events, QStringLiteral("msevtmgt_events"), QStringLiteral("msevtmgt_event"),
         QStringLiteral("msevtmgt_eventid"),
         QStringLiteral("msevtmgt_name,msevtmgt_eventstartdate,msevtmgt_eventenddate,msevtmgt_building,"
                        "msevtmgt_description,modifiedon"),
         EntityKind::CrmEvent},
    };
    return entities;
}

const DynamicsEntityInfo& info(DynamicsEntity entity)
{
    return all().at(int(entity));
}

std::optional<DynamicsEntity> fromEntitySet(const QString& entitySet)
{
    for (const DynamicsEntityInfo& i : all()) {
        if (i.entitySet == entitySet)
            return i.entity;
    }
    return std::nullopt;
}

QString syncResource(DynamicsEntity entity)
{
    return QStringLiteral("dynamics:") + info(entity).entitySet;
}

} // namespace DynamicsEntities

} // namespace AssetDesk
