-- AssetDesk schema 1 (SQLite dialect; postgresql/0001_initial_schema.sql is the same logical schema).
--
-- Conventions shared by both dialects:
--   * Timestamps are INTEGER milliseconds since the Unix epoch (UTC); NULL means unknown.
--   * Booleans are INTEGER 0/1 here and BOOLEAN on PostgreSQL.
--   * Enum columns hold the stable string ids from src/core (serviceId, approvalStateId, ...).
--   * Entity ids are AUTOINCREMENT so a deleted row's id is never reused: lineage edges refer to
--     nodes by (kind, id) without a foreign key and must never start pointing at a stranger.
--   * No secret ever lives here. Tokens, passwords and API keys are in the keychain only
--     (Account::secretKey()); tst_storage asserts that no column is even named like one.
-- The migrator runs this whole file in one transaction together with its schema_migrations row.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    service TEXT NOT NULL CHECK (service IN ('photoshelter', 'iconik', 'x', 'dynamics', 'zendesk')),
    label TEXT NOT NULL DEFAULT '',
    base_url TEXT NOT NULL DEFAULT '',
    auth_url TEXT NOT NULL DEFAULT '',   -- sign-in server when not the service's own
    auth_method TEXT NOT NULL
        CHECK (auth_method IN ('api-key', 'api-token', 'oauth2-pkce', 'client-credentials')),
    login TEXT NOT NULL DEFAULT '',
    organization TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    remote_user_id TEXT NOT NULL DEFAULT '',
    remote_user_name TEXT NOT NULL DEFAULT '',
    sandbox INTEGER NOT NULL DEFAULT 0 CHECK (sandbox IN (0, 1)),
    created_at INTEGER NOT NULL,
    last_verified_at INTEGER
);
-- One OAuth client (login) signs in many users: regional X accounts differ only by the user.
CREATE UNIQUE INDEX accounts_identity ON accounts (service, base_url, login, organization, remote_user_id);

-- Resumable sync: one opaque cursor / delta position per (account, resource).
CREATE TABLE sync_state (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    resource TEXT NOT NULL,
    cursor TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, resource)
);

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL DEFAULT '',
    launch_date TEXT,
    owner TEXT NOT NULL DEFAULT '',
    modified_at INTEGER,
    UNIQUE (account_id, remote_id)
);

-- One row per (account, remote id). Rights and approval are one-to-one with the asset and live in
-- the same row so the search index (schema 2) can cover the credit line.
CREATE TABLE assets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    service TEXT NOT NULL CHECK (service IN ('photoshelter', 'iconik', 'x', 'dynamics', 'zendesk')),
    remote_id TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    caption TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '',          -- one keyword per line
    campaign TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    mime_type TEXT NOT NULL DEFAULT '',
    media_type TEXT NOT NULL DEFAULT 'image'
        CHECK (media_type IN ('image', 'video', 'audio', 'document', 'other')),
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    file_size INTEGER NOT NULL DEFAULT 0,
    approval TEXT NOT NULL DEFAULT 'unknown'
        CHECK (approval IN ('unknown', 'not-requested', 'requested', 'approved', 'not-approved', 'mixed')),
    license_expires_at INTEGER,
    usage_restrictions TEXT NOT NULL DEFAULT '',
    credit TEXT NOT NULL DEFAULT '',
    copyright TEXT NOT NULL DEFAULT '',
    lifecycle TEXT NOT NULL DEFAULT 'draft'
        CHECK (lifecycle IN ('draft', 'approved', 'scheduled', 'published', 'archived')),
    created_at INTEGER,
    modified_at INTEGER,
    raw_json TEXT NOT NULL DEFAULT '',
    sync_hash TEXT NOT NULL DEFAULT '',         -- digest of the last upserted content
    UNIQUE (account_id, remote_id)
);
CREATE INDEX assets_account_modified ON assets (account_id, modified_at);
CREATE INDEX assets_service ON assets (service);
CREATE INDEX assets_modified ON assets (modified_at);
CREATE INDEX assets_approval ON assets (approval);
CREATE INDEX assets_license_expires ON assets (license_expires_at);
CREATE INDEX assets_campaign ON assets (campaign);

CREATE TABLE asset_renditions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    mime_type TEXT NOT NULL DEFAULT '',
    bytes INTEGER NOT NULL DEFAULT 0,
    remote_url TEXT NOT NULL DEFAULT '',
    local_path TEXT NOT NULL DEFAULT '',
    UNIQUE (asset_id, name)
);

-- Every version id an asset has been seen with, so lineage can name the exact version used.
CREATE TABLE asset_versions (
    asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    modified_at INTEGER,
    first_seen_at INTEGER NOT NULL,
    PRIMARY KEY (asset_id, version)
);

-- Organizations, collections and galleries of a DAM.
CREATE TABLE collections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    service TEXT NOT NULL CHECK (service IN ('photoshelter', 'iconik', 'x', 'dynamics', 'zendesk')),
    kind TEXT NOT NULL CHECK (kind IN ('organization', 'collection', 'gallery')),
    remote_id TEXT NOT NULL,
    parent_remote_id TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL DEFAULT '',
    modified_at INTEGER,
    UNIQUE (account_id, remote_id)
);
CREATE INDEX collections_parent ON collections (account_id, parent_remote_id);

-- Membership by the collection's remote id: an asset page may name a collection that has not been
-- synced yet. The asset's account scopes the remote id.
CREATE TABLE collection_members (
    asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    collection_remote_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (asset_id, collection_remote_id)
);
CREATE INDEX collection_members_collection ON collection_members (collection_remote_id);

-- Posts on X, planned or published. remote_id is NULL until published.
CREATE TABLE posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id TEXT,
    text TEXT NOT NULL DEFAULT '',
    media_ids TEXT NOT NULL DEFAULT '',         -- one X media id per line
    reply_to_remote_id TEXT NOT NULL DEFAULT '',
    quote_remote_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    client_uuid TEXT UNIQUE,
    content_hash TEXT NOT NULL DEFAULT '',      -- hex digest fixed when queued
    scheduled_at INTEGER,
    published_at INTEGER,
    failure_reason TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX posts_remote ON posts (account_id, remote_id) WHERE remote_id IS NOT NULL;
CREATE INDEX posts_account_published ON posts (account_id, published_at);

CREATE TABLE engagement_samples (
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    sampled_at INTEGER NOT NULL,
    impressions INTEGER NOT NULL DEFAULT 0,
    likes INTEGER NOT NULL DEFAULT 0,
    reposts INTEGER NOT NULL DEFAULT 0,
    replies INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    bookmarks INTEGER NOT NULL DEFAULT 0,
    link_clicks INTEGER NOT NULL DEFAULT 0,
    profile_clicks INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (post_id, sampled_at)
);

-- Dynamics 365 cases (incidents).
CREATE TABLE support_cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    ticket_number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    customer_name TEXT NOT NULL DEFAULT '',
    priority INTEGER NOT NULL DEFAULT 0,
    state INTEGER NOT NULL DEFAULT 0,
    modified_at INTEGER,
    UNIQUE (account_id, remote_id)
);

-- Zendesk tickets.
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id INTEGER NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    priority TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',              -- one tag per line
    organization TEXT NOT NULL DEFAULT '',
    requester TEXT NOT NULL DEFAULT '',
    updated_at INTEGER,
    UNIQUE (account_id, remote_id)
);

-- asset -> derivative -> post -> archived copy; asset -> case note; asset -> ticket comment.
-- Nodes are (kind, local id) pairs without foreign keys: history outlives the rows it mentions.
CREATE TABLE lineage_edges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    from_kind TEXT NOT NULL CHECK (from_kind IN ('asset', 'derivative', 'post', 'case-note',
                                                 'ticket-comment', 'customer-record', 'archived-copy')),
    from_id INTEGER NOT NULL,
    to_kind TEXT NOT NULL CHECK (to_kind IN ('asset', 'derivative', 'post', 'case-note',
                                             'ticket-comment', 'customer-record', 'archived-copy')),
    to_id INTEGER NOT NULL,
    relation TEXT NOT NULL,
    asset_version TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (from_kind, from_id, to_kind, to_id, relation)
);
CREATE INDEX lineage_edges_to ON lineage_edges (to_kind, to_id);

-- The outbox: a publish / attach job is committed here (client uuid + content hash) before anything
-- is sent, so a retry after an ambiguous failure can recognise its own work.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    payload TEXT NOT NULL DEFAULT '{}',         -- JSON
    client_uuid TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL DEFAULT '',      -- hex digest
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before INTEGER,
    last_error TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER
);
CREATE INDEX jobs_due ON jobs (state, not_before);

-- Append-only record of every outbound action. account_id has no foreign key on purpose: the log
-- outlives the accounts it mentions, and a cascading delete would be refused by the triggers.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    service TEXT NOT NULL DEFAULT '',
    account_id INTEGER,
    target TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: DELETE is not allowed');
END;
