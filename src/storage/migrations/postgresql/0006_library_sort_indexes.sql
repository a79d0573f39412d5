-- Schema 6 (PostgreSQL): an index for each order of the library's list.
--
-- AssetQuery::order sorts by one column with ties by id in the same direction, a missing value
-- first ascending and last descending, text in byte order (SQLite's order, so both backends list
-- the same rows the same way): each index below has that NULL order, collation and the id, so a
-- forward or backward scan serves both directions (and the newest-first default). Titles sort by
-- lower(title), as SQLite's NOCASE does for ASCII. The schema 1 indexes stay for the filters.

CREATE INDEX assets_title ON assets ((lower(title) COLLATE "C"), id);
CREATE INDEX assets_created ON assets (created_at NULLS FIRST, id);
CREATE INDEX assets_file_size ON assets (file_size, id);
CREATE INDEX assets_modified_order ON assets (modified_at NULLS FIRST, id);
CREATE INDEX assets_license_expires_order ON assets (license_expires_at NULLS FIRST, id);
CREATE INDEX assets_service_order ON assets ((service COLLATE "C"), id);
CREATE INDEX assets_approval_order ON assets ((approval COLLATE "C"), id);
CREATE INDEX assets_campaign_order ON assets ((campaign COLLATE "C"), id);
