-- Schema 2 (PostgreSQL): full-text search over asset text with a generated tsvector and GIN.
--
-- The 'simple' configuration (lower-casing, no stemming) mirrors SQLite's unicode61 tokenizer so
-- both backends match the same words. PostgreSQL's parser would keep "hut.tif", "a-b", "x@y.z" or
-- "a/b" as single file / compound / email / path tokens where unicode61 sees separate words, so
-- those separators become spaces first (translate() is immutable, as a generated column needs).
-- The weights mirror the bm25() weights used on SQLite (title A, keywords B, caption C, credit /
-- campaign / file name D). A generated column needs no trigger to stay in step, and adding it
-- computes the vector for the rows schema 1 already holds.

ALTER TABLE assets ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', translate(title, '.-/@_:+~#&=?', '            ')), 'A')
    || setweight(to_tsvector('simple', translate(keywords, '.-/@_:+~#&=?', '            ')), 'B')
    || setweight(to_tsvector('simple', translate(caption, '.-/@_:+~#&=?', '            ')), 'C')
    || setweight(to_tsvector('simple', translate(credit || ' ' || campaign || ' ' || file_name,
                                                 '.-/@_:+~#&=?', '            ')), 'D')
) STORED;

CREATE INDEX assets_search ON assets USING GIN (search_vector);
