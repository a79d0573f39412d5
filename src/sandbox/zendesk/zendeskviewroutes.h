#pragma once

#include "sandbox/httpresponse.h"
#include "sandbox/zendesk/zendeskticket.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <functional>

namespace AssetDesk::Sandbox {

class Router;
class ZendeskModule;
struct SandboxRequest;

// Shared views (zendesk.md: GET /api/v2/views, /views/:id, /views/:id/tickets, /views/:id/count):
// "Unsolved tickets" (status < solved), "Media requests" (tag media_request, unsolved), "Urgent &
// press" (priority urgent or tag press, unsolved), "Access problems" (tag access_problem,
// unsolved) and "Recently solved" (solved). View tickets are listed by id, cursor paged by
// default (page[size], page[after|before]) or offset paged with page/per_page.
class ZendeskViewRoutes
{
public:
    struct View
    {
        qint64 id = 0;
        QString title;
        QJsonObject conditions; // {"all":[{field, operator, value}], "any":[...]}
        std::function<bool(const ZendeskTicket&)> matches;
        QDateTime createdAt;
    };

    explicit ZendeskViewRoutes(ZendeskModule& module);
    void registerRoutes(Router& router);
    const QList<View>& views() const { return m_views; }

private:
    QJsonObject viewObject(const View& v, int position) const;
    const View* find(const SandboxRequest& request) const;
    HttpResponse list(const SandboxRequest& request) const;
    HttpResponse show(const SandboxRequest& request) const;
    HttpResponse tickets(const SandboxRequest& request) const;
    HttpResponse count(const SandboxRequest& request) const;

    ZendeskModule& m_module;
    QList<View> m_views;
};

} // namespace AssetDesk::Sandbox
