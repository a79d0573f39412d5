-- Schema 5 (SQLite): derivatives (IX5), the cropped / resized / re-encoded files made from an asset
-- for a channel such as X.
--
-- A derivative names the exact asset version it was made from; its file lives in the workspace's
-- derivatives folder under a content-addressed name (sha256), so the row carries the digest and the
-- path both. The same bytes made again from the same asset version are one row (the UNIQUE
-- constraint), which makes a repeated "make derivative" idempotent. The lineage edge
-- asset -> derivative ("derived-from") is written in the same transaction as the row.
CREATE TABLE derivatives (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    source_asset_version TEXT NOT NULL DEFAULT '',
    spec TEXT NOT NULL DEFAULT '{}',            -- JSON (DerivativeSpec)
    file_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,                       -- lower-case hex of the file's bytes
    mime TEXT NOT NULL,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    bytes INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL DEFAULT 0,     -- video only
    created_at INTEGER NOT NULL,
    UNIQUE (source_asset_id, source_asset_version, sha256)
);
CREATE INDEX derivatives_sha256 ON derivatives (sha256);
