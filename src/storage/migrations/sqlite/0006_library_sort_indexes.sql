-- Schema 6 (SQLite): the library's list sorts by title, creation time and file size.
--
-- AssetQuery::order sorts by one column with ties by id in the same direction; each order needs
-- an index on that column (the rowid comes with it), or listing a million assets sorts them all
-- first. Service, approval, licence expiry, campaign and modification time have theirs since
-- schema 1. Titles sort ignoring ASCII case, as the ORDER BY asks (COLLATE NOCASE).

CREATE INDEX assets_title ON assets (title COLLATE NOCASE);
CREATE INDEX assets_created ON assets (created_at);
CREATE INDEX assets_file_size ON assets (file_size);
