-- Schema 4 (PostgreSQL): nothing to change. On SQLite this schema lets a sync page index its new
-- assets for full-text search in one statement instead of one trigger run per asset; here the
-- search vector is a generated column (schema 2) that PostgreSQL computes with each row, bulk
-- insert or not. The comments record that, so both dialects keep the same numbered steps.
COMMENT ON COLUMN assets.search_vector IS
    'Generated from the asset text (schema 2); needs no upkeep by bulk inserts (schema 4).';

COMMENT ON INDEX assets_search IS
    'Full-text search over assets.search_vector (schema 2).';
