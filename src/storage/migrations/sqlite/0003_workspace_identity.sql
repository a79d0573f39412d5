-- Schema 3 (SQLite): a workspace knows who it is.
--
-- Secrets are kept in the desktop keyring, shared by every workspace of the user: keys such as
-- "account/1" would collide between a local workspace and a team one. Each workspace gets a
-- random id once, and its keyring entries live under "workspace/<id>/".
CREATE TABLE workspace (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);

INSERT INTO workspace (id, created_at)
VALUES (lower(hex(randomblob(16))), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
