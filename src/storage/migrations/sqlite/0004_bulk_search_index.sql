-- Schema 4 (SQLite): a sync page updates the full-text index in one statement, not per asset.
--
-- FTS5 writes the terms it has gathered to a new index segment at every statement savepoint, so
-- the per-row triggers of schema 2 made a 1,000-asset sync page write 1,000 one-row segments and
-- merge them again: most of an initial sync's cost. The writer's bulk paths (SqliteSearchIndex)
-- now put a row into assets_fts_deferred, write their assets while the insert and update
-- triggers stand aside, bring assets_fts up to date for all of them with one INSERT ... SELECT
-- (after taking changed rows out the same way), and delete the row again, all in their own
-- transaction: the row is never committed, and the index holds exactly what the triggers would
-- have written. Every other INSERT or UPDATE still keeps the index in step through the triggers;
-- the delete trigger is unchanged.

CREATE TABLE assets_fts_deferred (
    one INTEGER PRIMARY KEY CHECK (one = 1)
);

DROP TRIGGER assets_fts_after_insert;

CREATE TRIGGER assets_fts_after_insert AFTER INSERT ON assets
WHEN NOT EXISTS (SELECT 1 FROM assets_fts_deferred)
BEGIN
    INSERT INTO assets_fts (rowid, title, keywords, caption, credit, campaign, file_name)
    VALUES (new.id, new.title, new.keywords, new.caption, new.credit, new.campaign, new.file_name);
END;

DROP TRIGGER assets_fts_after_update;

CREATE TRIGGER assets_fts_after_update
AFTER UPDATE OF title, keywords, caption, credit, campaign, file_name ON assets
WHEN NOT EXISTS (SELECT 1 FROM assets_fts_deferred)
BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, title, keywords, caption, credit, campaign, file_name)
    VALUES ('delete', old.id, old.title, old.keywords, old.caption, old.credit, old.campaign, old.file_name);
    INSERT INTO assets_fts (rowid, title, keywords, caption, credit, campaign, file_name)
    VALUES (new.id, new.title, new.keywords, new.caption, new.credit, new.campaign, new.file_name);
END;
