-- Schema 7 (SQLite): the local CRM cache of Dynamics 365 (issue 5): accounts, contacts,
-- opportunities, events and case notes in a table each, typed columns the CRM pane filters and
-- joins on directly; the schema-1 `campaigns` and `support_cases` tables gain the columns they
-- lacked.
--
-- Every row is keyed by (account_id, remote_id): account_id is the AssetDesk service account it
-- was synced through, remote_id the Dynamics GUID. Relations between CRM records are kept as the
-- remote GUIDs Dynamics gives (lookups), not as local foreign keys, so a delta page can arrive in
-- any order (a case before its customer, a note before its case) without failing a constraint.
-- Dates without a time (DateOnly columns) are TEXT 'YYYY-MM-DD'.

CREATE TABLE crm_accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    account_number TEXT NOT NULL DEFAULT '',
    industry_code INTEGER NOT NULL DEFAULT 0,
    industry TEXT NOT NULL DEFAULT '',
    relationship_code INTEGER NOT NULL DEFAULT 0,
    city TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    primary_contact_remote_id TEXT NOT NULL DEFAULT '',
    parent_account_remote_id TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    state INTEGER NOT NULL DEFAULT 0,
    modified_at INTEGER,
    UNIQUE (account_id, remote_id)
);
CREATE INDEX crm_accounts_name ON crm_accounts (account_id, name);

CREATE TABLE crm_contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    full_name TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    job_title TEXT NOT NULL DEFAULT '',
    parent_customer_remote_id TEXT NOT NULL DEFAULT '',
    parent_customer_kind TEXT NOT NULL DEFAULT '',
    state INTEGER NOT NULL DEFAULT 0,
    modified_at INTEGER,
    UNIQUE (account_id, remote_id)
);
CREATE INDEX crm_contacts_parent ON crm_contacts (account_id, parent_customer_remote_id);

CREATE TABLE opportunities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    customer_remote_id TEXT NOT NULL DEFAULT '',
    customer_kind TEXT NOT NULL DEFAULT '',
    estimated_value REAL NOT NULL DEFAULT 0,
    estimated_close_date TEXT,
    close_probability INTEGER NOT NULL DEFAULT 0,
    campaign_remote_id TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    state INTEGER NOT NULL DEFAULT 0,
    status INTEGER NOT NULL DEFAULT 0,
    modified_at INTEGER,
    UNIQUE (account_id, remote_id)
);
CREATE INDEX opportunities_customer ON opportunities (account_id, customer_remote_id);

CREATE TABLE crm_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    start_at INTEGER,
    end_at INTEGER,
    venue TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    modified_at INTEGER,
    UNIQUE (account_id, remote_id)
);

-- Notes (annotations) regarding a case. The file's bytes are not cached, only what describes it.
CREATE TABLE case_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    case_remote_id TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    note_text TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    mime_type TEXT NOT NULL DEFAULT '',
    file_size INTEGER NOT NULL DEFAULT 0,
    is_document INTEGER NOT NULL DEFAULT 0 CHECK (is_document IN (0, 1)),
    created_at INTEGER,
    modified_at INTEGER,
    UNIQUE (account_id, remote_id)
);
CREATE INDEX case_notes_case ON case_notes (account_id, case_remote_id);

ALTER TABLE campaigns ADD COLUMN code_name TEXT NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN type_code INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN end_date TEXT;
ALTER TABLE campaigns ADD COLUMN state INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN status INTEGER NOT NULL DEFAULT 0;

ALTER TABLE support_cases ADD COLUMN customer_remote_id TEXT NOT NULL DEFAULT '';
ALTER TABLE support_cases ADD COLUMN customer_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE support_cases ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE support_cases ADD COLUMN case_type INTEGER NOT NULL DEFAULT 0;
ALTER TABLE support_cases ADD COLUMN status INTEGER NOT NULL DEFAULT 0;
ALTER TABLE support_cases ADD COLUMN origin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE support_cases ADD COLUMN created_at INTEGER;
CREATE INDEX support_cases_customer ON support_cases (account_id, customer_remote_id);
