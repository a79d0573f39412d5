#pragma once

#include "sandbox/httpresponse.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>

#include <optional>

namespace AssetDesk::Sandbox {

class IconikLibrary;
class IconikResources;
class Router;
class SandboxClock;
struct DamChange;
struct SandboxRequest;

// iconik webhooks (iconik.md §11): CRUD under /API/notifications/v1/webhooks/ and real deliveries.
// Every catalog change (create, update, delete of an asset, from any route, the live event or the
// admin API) is POSTed as JSON to each ENABLED webhook whose event_type is "assets" and whose
// operation / object_id match:
//   {"system_domain_id","event_type":"assets","object_id","user_id","realm":"entity",
//    "operation":"create"|"update"|"delete","data":{asset},"request_id","date_created"}
// with the webhook's own `headers`. Only loopback URLs are accepted (the sandbox never calls out).
// A failed delivery sets last_error and first_failed_at; three in a row turn the status FAILING.
// Server thread only.
class IconikWebhooks : public QObject
{
    Q_OBJECT
public:
    IconikWebhooks(IconikLibrary& library, IconikResources& resources, SandboxClock& clock, QString systemDomainId,
                   QString userId, QObject* parent = nullptr);

    void registerRoutes(Router& router);
    void onChange(const DamChange& change);
    int deliveriesInFlight() const { return m_inFlight; }

private:
    struct Webhook
    {
        QJsonObject object; // as the API shows it
        int failures = 0;
    };
    Webhook* find(const QString& id);
    HttpResponse list(const SandboxRequest& request);
    HttpResponse create(const SandboxRequest& request);
    HttpResponse get(const SandboxRequest& request);
    HttpResponse update(const SandboxRequest& request);
    HttpResponse remove(const SandboxRequest& request);
    std::optional<HttpResponse> validate(const QJsonObject& body, bool creating) const;
    void deliver(const QString& webhookId, const QJsonObject& payload);

    IconikLibrary& m_library;
    IconikResources& m_resources;
    SandboxClock& m_clock;
    QString m_systemDomainId;
    QString m_userId;
    QList<Webhook> m_webhooks;
    quint64 m_counter = 0;
    int m_inFlight = 0;
    QNetworkAccessManager m_network;
};

} // namespace AssetDesk::Sandbox
