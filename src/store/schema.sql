-- thaigraph database schema, version 3.
-- The file is embedded in the binaries at build time; tg_store creates new databases from it.
-- user_version tells a reader which schema it holds; a reader refuses any version it was not
-- built for rather than guessing at columns.

PRAGMA user_version = 3;

-- Bookkeeping: 'generation' counts content changes, 'fingerprint' identifies the content.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    -- ISO 8601 Gregorian date at the stated precision, NULL when the article does not say.
    published TEXT,
    published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
    source TEXT,
    url TEXT,
    -- Where the document came from: a file path, or path:line for JSON Lines.
    origin TEXT NOT NULL,
    -- FNV-1a 64 of the stored fields, so re-ingesting unchanged input changes nothing.
    content_hash TEXT NOT NULL,
    -- Version of the extractor whose claims below describe this document; 0: none yet.
    extracted INTEGER NOT NULL DEFAULT 0,
    CHECK ((published IS NULL) = (published_precision IS NULL)),
    CHECK (length(id) BETWEEN 1 AND 128)
) STRICT;

CREATE INDEX documents_published ON documents (published);

-- What extraction read from each document, as claims that belong to it: re-ingesting a
-- document replaces exactly its rows (claims.sql).
--
-- Derived data. Only the documents table is source. Claims are derived from it by extraction,
-- and everything thaigraphd serves (merged entities and events, search indexes, suggestions) is
-- derived from documents and claims by the build stage of `thaigraph ingest`, which writes it as
-- one snapshot image after the last SQLite page of this file (layout: src/graph/image.h). The meta
-- rows 'snapshot_bytes', 'snapshot_format' and 'snapshot_checksum' describe it, and
-- 'snapshot_words' what made its search words (the next ingest reuses them only when it would
-- make them alike: include/thaigraph/build.h). SQLite never reads past its own pages, so the
-- image is invisible to it; but writing to this file with another program leaves the image
-- stale or overwrites it, and the daemon then refuses the file until `thaigraph ingest --db
-- FILE` (no inputs needed) rebuilds the image.
