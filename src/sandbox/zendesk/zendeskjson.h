#pragma once

#include "sandbox/zendesk/zendeskdirectory.h"
#include "sandbox/zendesk/zendeskticket.h"

#include <QJsonObject>
#include <QUrl>

namespace AssetDesk::Sandbox {

class ZendeskTicketStore;

// The JSON shapes of Zendesk's records (zendesk.md §3-§6, support-api-oas.yaml): ticket,
// comment, attachment, organization, group. Users are ZendeskUserRoutes::userObject.
class ZendeskJson
{
public:
    ZendeskJson(const QUrl& baseUrl, const ZendeskTicketStore& store);

    static QString isoTime(const QDateTime& t);
    static QString isoTimeMs(qint64 ms);
    static QJsonValue idOrNull(qint64 id);
    static QJsonValue stringOrNull(const QString& s);

    QString apiUrl(const QString& path) const; // base + path
    QJsonObject ticket(const ZendeskTicket& t) const;
    QJsonObject comment(const ZendeskComment& c) const;
    QJsonObject attachment(const ZendeskAttachment& a) const;
    QJsonObject organization(const ZendeskOrganization& o) const;
    QJsonObject group(const ZendeskGroup& g) const;
    QString contentUrl(const ZendeskAttachment& a) const;

private:
    QUrl m_baseUrl;
    const ZendeskTicketStore& m_store;
};

} // namespace AssetDesk::Sandbox
