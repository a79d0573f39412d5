#pragma once

#include "connectors/serviceconnector.h"

namespace AssetDesk {

class HttpClient;
class LinkDownloader;
class ZendeskComments;
class ZendeskHelpdesk;
class ZendeskIncremental;
class ZendeskUploads;

// Zendesk Support API v2 (zendesk.md): Basic "{email}/token:{api_token}" or an OAuth bearer
// token, on https://{subdomain}.zendesk.com.
class ZendeskConnector : public ServiceConnector
{
    Q_OBJECT
public:
    ZendeskConnector(Account account, Credentials credentials, ConnectorContext& context, QObject* parent = nullptr);

    void testConnection(QObject* context, ConnectionCallback done) override;

    // The write side used to attach files (uploads -> comment), sharing this client and its budget.
    ZendeskUploads& uploads() const { return *m_uploads; }
    ZendeskComments& comments() const { return *m_comments; }
    // The read side (views, tickets, comments, users, organizations, search, ticket updates) and
    // the incremental ticket export, on the same client.
    ZendeskHelpdesk& helpdesk() const { return *m_helpdesk; }
    ZendeskIncremental& incremental() const { return *m_incremental; }
    // The files behind attachments' content_url (zendesk.md §4): with the credentials on the
    // account's own host, without them anywhere else (Expect::AnyFile).
    LinkDownloader& attachmentFiles() const { return *m_attachmentFiles; }
    // Zendesk's attachment size limit (zendesk.md §4, unconfirmed): a file is never fetched
    // beyond it.
    static constexpr qint64 kMaxAttachmentBytes = 50LL * 1024 * 1024;

private:
    HttpClient* m_http;
    ZendeskUploads* m_uploads;
    ZendeskComments* m_comments;
    ZendeskHelpdesk* m_helpdesk;
    ZendeskIncremental* m_incremental;
    LinkDownloader* m_attachmentFiles;
};

} // namespace AssetDesk
