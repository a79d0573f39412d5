#pragma once

#include "connectors/dynamics/dynamicsentity.h"
#include "connectors/dynamics/dynamicspage.h"
#include "core/result.h"
#include "net/httprequest.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct Account;

// Reads of the Dataverse Web API (dynamics.md §3-§8) on the connector's HTTP client: the OData
// headers, Prefer (page size, change tracking, formatted values), one page at a time or every
// page by @odata.nextLink, and several reads in one $batch. Throttling (429 + Retry-After) and
// transient failures are retried by the HttpClient; error bodies become Errors with the
// Dataverse code (parseDynamicsError). Lives on the connector's (network) thread; callbacks
// run on their context's thread and not at all once it is gone.
class DynamicsWebApi : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxPageSize = 500;   // Prefer: odata.maxpagesize (0: the service's default of 5,000)
        bool trackChanges = false; // Prefer: odata.track-changes (a deltaLink on the last page)
        bool annotations = true;   // Prefer: odata.include-annotations (display names, lookup tables)
    };
    using PageCallback = std::function<void(Result<DynamicsPage>)>;
    using RowsCallback = std::function<void(Result<QList<QJsonObject>>)>;
    using NotesCallback = std::function<void(Result<QHash<QString, QList<QJsonObject>>>)>;

    DynamicsWebApi(const Account& account, HttpClient* http, QObject* parent = nullptr);

    // "<root>/api/data/v9.2/<relative>"; `relative` may carry a query ("accounts?$select=name").
    QUrl url(const QString& relative) const;
    // A table with the mapper's $select, and optionally $filter / $orderby (not with tracking).
    QUrl tableUrl(DynamicsEntity entity, const QString& filter = {}, const QString& orderBy = {}) const;
    HttpRequest request(const QUrl& url, const Options& options) const;
    static QByteArray prefer(const Options& options);

    // One page (a table URL, a nextLink or a deltaLink).
    void page(const QUrl& url, const Options& options, QObject* context, PageCallback done);
    // Every row, following @odata.nextLink; at most `maxRows` (a runaway loop stops with an error).
    void all(const QUrl& url, const Options& options, QObject* context, RowsCallback done, int maxRows = 100000);
    // The notes of several cases by case GUID, in one $batch per 1,000 cases (one GET of
    // incidents(<id>)/Incident_Annotation each): what the CRM pane needs for the cases in view.
    void caseNotes(const QStringList& caseIds, QObject* context, NotesCallback done);

    // Whether the service refused a delta link because its token expired (the client must read
    // the table again in full).
    static bool isExpiredDeltaToken(const Error& error);

private:
    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
