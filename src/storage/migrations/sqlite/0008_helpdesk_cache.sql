-- Schema 8 (SQLite): the Zendesk helpdesk cache (issue 5): what a ticket needs beyond schema 1's
-- row, its conversation, the agents' views and the organizations and users tickets refer to.
--
-- Remote ids of related records (requester, organization, assignee, group, author) are stored as
-- the service gives them, without foreign keys: a ticket may arrive before its organization, and
-- the names are joined in on read. NULL means "none" (Zendesk null).
-- Comment bodies are plain text only (Zendesk plain_body/body); html_body is never stored.

ALTER TABLE tickets ADD COLUMN type TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN requester_id INTEGER;
ALTER TABLE tickets ADD COLUMN organization_id INTEGER;
ALTER TABLE tickets ADD COLUMN assignee_id INTEGER;
ALTER TABLE tickets ADD COLUMN group_id INTEGER;
ALTER TABLE tickets ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN via_channel TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN created_at INTEGER;
ALTER TABLE tickets ADD COLUMN comments_synced_at INTEGER;   -- older than updated_at = stale
CREATE INDEX tickets_account_updated ON tickets (account_id, updated_at, id);
CREATE INDEX tickets_account_status ON tickets (account_id, status);

CREATE TABLE ticket_comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    remote_id INTEGER NOT NULL,
    author_id INTEGER,
    body TEXT NOT NULL DEFAULT '',              -- plain text
    public INTEGER NOT NULL DEFAULT 1,
    attachments TEXT NOT NULL DEFAULT '[]',     -- JSON [{id, fileName, contentType, size, contentUrl}]
    created_at INTEGER,
    UNIQUE (ticket_id, remote_id)
);

CREATE TABLE ticket_views (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    position INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER,
    UNIQUE (account_id, remote_id)
);

-- The tickets a view listed at its last sync.
CREATE TABLE ticket_view_members (
    view_id INTEGER NOT NULL REFERENCES ticket_views (id) ON DELETE CASCADE,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    PRIMARY KEY (view_id, ticket_id)
);
CREATE INDEX ticket_view_members_ticket ON ticket_view_members (ticket_id);

CREATE TABLE helpdesk_organizations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    domains TEXT NOT NULL DEFAULT '',           -- one per line
    tags TEXT NOT NULL DEFAULT '',              -- one per line
    fields TEXT NOT NULL DEFAULT '{}',          -- JSON organization_fields
    details TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    updated_at INTEGER,
    UNIQUE (account_id, remote_id)
);

CREATE TABLE helpdesk_users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    organization_id INTEGER,
    updated_at INTEGER,
    UNIQUE (account_id, remote_id)
);
