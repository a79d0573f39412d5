-- Schema 2 (SQLite): full-text search over asset text with FTS5.
--
-- assets_fts is an external-content table: it stores only the index and reads the text back from
-- assets by rowid = assets.id. The triggers below keep it in step with every INSERT, DELETE and
-- text-changing UPDATE of assets (the upsert's DO UPDATE branch fires the UPDATE trigger too).
-- PostgreSQL reaches the same capability with a generated tsvector column and a GIN index
-- (postgresql/0002_asset_search.sql). Column order matters: AssetRepository's bm25() weights
-- follow it.

CREATE VIRTUAL TABLE assets_fts USING fts5(
    title, keywords, caption, credit, campaign, file_name,
    content = 'assets', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER assets_fts_after_insert AFTER INSERT ON assets
BEGIN
    INSERT INTO assets_fts (rowid, title, keywords, caption, credit, campaign, file_name)
    VALUES (new.id, new.title, new.keywords, new.caption, new.credit, new.campaign, new.file_name);
END;

CREATE TRIGGER assets_fts_after_delete AFTER DELETE ON assets
BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, title, keywords, caption, credit, campaign, file_name)
    VALUES ('delete', old.id, old.title, old.keywords, old.caption, old.credit, old.campaign, old.file_name);
END;

CREATE TRIGGER assets_fts_after_update
AFTER UPDATE OF title, keywords, caption, credit, campaign, file_name ON assets
BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, title, keywords, caption, credit, campaign, file_name)
    VALUES ('delete', old.id, old.title, old.keywords, old.caption, old.credit, old.campaign, old.file_name);
    INSERT INTO assets_fts (rowid, title, keywords, caption, credit, campaign, file_name)
    VALUES (new.id, new.title, new.keywords, new.caption, new.credit, new.campaign, new.file_name);
END;

-- Index the assets a schema-1 database already holds.
INSERT INTO assets_fts (assets_fts) VALUES ('rebuild');
