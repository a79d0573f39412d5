#include "sandbox/dynamics/dynamicsmetadata.h"

#include "sandbox/dynamics/dynamicsschema.h"

#include <QStringList>

namespace AssetDesk::Sandbox {

namespace {

QString edmType(const QString& column)
{
    static const QStringList decimals{QStringLiteral("revenue"), QStringLiteral("estimatedvalue"),
                                      QStringLiteral("actualvalue"), QStringLiteral("budgetedcost"),
                                      QStringLiteral("expectedrevenue")};
    static const QStringList integers{QStringLiteral("versionnumber"), QStringLiteral("numberofemployees"),
                                      QStringLiteral("closeprobability"), QStringLiteral("expectedresponse"),
                                      QStringLiteral("filesize"), QStringLiteral("msevtmgt_eventtimezone")};
    static const QStringList dates{QStringLiteral("estimatedclosedate"), QStringLiteral("actualclosedate"),
                                   QStringLiteral("proposedstart"), QStringLiteral("proposedend"),
                                   QStringLiteral("actualstart"), QStringLiteral("actualend")};
    if (decimals.contains(column))
        return QStringLiteral("Edm.Decimal");
    if (integers.contains(column) || column.endsWith(QLatin1String("code")))
        return column == QLatin1String("versionnumber") ? QStringLiteral("Edm.Int64") : QStringLiteral("Edm.Int32");
    if (dates.contains(column))
        return QStringLiteral("Edm.Date");
    if (column.endsWith(QLatin1String("on")) || column.endsWith(QLatin1String("date")))
        return QStringLiteral("Edm.DateTimeOffset");
    if (column == QLatin1String("isdocument") || column == QLatin1String("istemplate"))
        return QStringLiteral("Edm.Boolean");
    return QStringLiteral("Edm.String");
}

} // namespace

QByteArray DynamicsMetadata::csdl()
{
    QString x = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n"
        "<edmx:DataServices>\n"
        "<Schema Namespace=\"Microsoft.Dynamics.CRM\" Alias=\"mscrm\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">\n"
        "<EntityType Name=\"crmbaseentity\" Abstract=\"true\"/>\n");
    for (const DynamicsTable& t : DynamicsSchema::tables()) {
        x += QStringLiteral("<EntityType Name=\"%1\" BaseType=\"mscrm.crmbaseentity\">\n<Key><PropertyRef Name=\"%2\"/></Key>\n"
                            "<Property Name=\"%2\" Type=\"Edm.Guid\"/>\n")
                 .arg(t.logicalName, t.key);
        for (const QString& c : t.columns)
            x += QStringLiteral("<Property Name=\"%1\" Type=\"%2\"/>\n").arg(c, edmType(c));
        for (const DynamicsLookup& l : t.lookups) {
            x += QStringLiteral("<Property Name=\"%1\" Type=\"Edm.Guid\"/>\n").arg(l.valueColumn());
            for (const QString& target : l.targets) {
                const QString name = l.polymorphic() ? l.name + QLatin1Char('_') + target : l.name;
                x += QStringLiteral("<NavigationProperty Name=\"%1\" Type=\"mscrm.%2\"/>\n").arg(name, target);
            }
        }
        for (const DynamicsRelationship& r : t.relationships) {
            const DynamicsTable* target = DynamicsSchema::bySet(r.entitySet);
            x += QStringLiteral("<NavigationProperty Name=\"%1\" Type=\"Collection(mscrm.%2)\"/>\n")
                     .arg(r.name, target ? target->logicalName : r.entitySet);
        }
        x += QStringLiteral("</EntityType>\n");
    }
    x += QStringLiteral("<EntityContainer Name=\"System\">\n");
    for (const DynamicsTable& t : DynamicsSchema::tables()) {
        x += QStringLiteral("<EntitySet Name=\"%1\" EntityType=\"mscrm.%2\">\n"
                            "<Annotation Term=\"Org.OData.Capabilities.V1.ChangeTracking\"><Record>"
                            "<PropertyValue Property=\"Supported\" Bool=\"true\"/></Record></Annotation>\n"
                            "</EntitySet>\n")
                 .arg(t.entitySet, t.logicalName);
    }
    x += QStringLiteral("</EntityContainer>\n</Schema>\n</edmx:DataServices>\n</edmx:Edmx>\n");
    return x.toUtf8();
}

} // namespace AssetDesk::Sandbox
