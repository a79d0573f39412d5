-- Schema 3 (PostgreSQL): a workspace knows who it is (see sqlite/0003_workspace_identity.sql).
-- md5() of fresh randomness gives the same 32 hex digits as SQLite's hex(randomblob(16)) without
-- needing pgcrypto or PostgreSQL 13's gen_random_uuid().
CREATE TABLE workspace (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);

INSERT INTO workspace (id, created_at)
VALUES (md5(random()::text || clock_timestamp()::text),
        (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
