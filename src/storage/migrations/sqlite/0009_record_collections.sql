-- Schema 9: the DAM collection of a Dynamics record - the gallery / collection a campaign got
-- (DP3) and the one an event is linked to (DP7), whose later uploads are associated back with the
-- event (lineage asset -> customer-record). record_id is the local row (campaigns.id or
-- crm_events.id, by record_kind) and has no foreign key because it names one of two tables; the
-- GUID is kept too, so a link survives the CRM cache being rebuilt. The DAM account's removal
-- takes its links.
CREATE TABLE record_collections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('campaign', 'event')),
    record_id INTEGER NOT NULL,
    record_remote_id TEXT NOT NULL DEFAULT '',
    dam_account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    collection_remote_id TEXT NOT NULL,
    collection_name TEXT NOT NULL DEFAULT '',
    linked_at INTEGER NOT NULL,
    UNIQUE (record_kind, record_id, dam_account_id, collection_remote_id)
);
CREATE INDEX record_collections_collection ON record_collections (dam_account_id, collection_remote_id);
