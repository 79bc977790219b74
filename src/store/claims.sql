-- Claims: the extraction tables of schema version 3, shared by new databases (schema.sql runs
-- first) and the upgrades (migrate-1.sql, then migrate-2.sql, run first). Every table here is
-- derived from the documents: an upgrade drops them and extracts every document again.
--
-- Evidence (start, end) is the code-point span of the sentence of the document that states the
-- row; the sentence is the document's text over that span.

-- An entity as one document describes it. id is derived from type and key, so every document
-- naming the same organisation or person claims the same id.
CREATE TABLE entity_claims (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('organisation', 'person', 'place', 'programme')),
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT,
    honorific TEXT,
    parent_id TEXT,
    known INTEGER NOT NULL DEFAULT 0, -- listed in the gazetteer
    mentions INTEGER NOT NULL,
    PRIMARY KEY (document_id, entity_id)
) STRICT;
CREATE INDEX entity_claims_entity ON entity_claims (entity_id);

CREATE TABLE name_claims (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    form TEXT NOT NULL CHECK (form IN ('abbreviation', 'alias')),
    name TEXT NOT NULL,
    PRIMARY KEY (document_id, entity_id, form, name)
) STRICT;

CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, -- code points
    end INTEGER NOT NULL,
    type TEXT NOT NULL,
    surface TEXT NOT NULL,
    entity_id TEXT,
    value TEXT,
    PRIMARY KEY (document_id, start)
) STRICT;

CREATE TABLE position_claims (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    title TEXT NOT NULL,
    organisation_id TEXT,
    as_of TEXT,
    as_of_precision TEXT CHECK (as_of_precision IN ('day', 'month', 'year')),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
) STRICT;
CREATE INDEX position_claims_document ON position_claims (document_id);

-- An event as one document reports it; ordinal numbers the document's events.
CREATE TABLE event_claims (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('meeting', 'conference', 'agreement', 'training',
                                       'ceremony', 'visit', 'programme', 'announcement', 'other')),
    title TEXT NOT NULL,
    date TEXT,
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_from_text INTEGER NOT NULL,
    place_id TEXT,
    programme_id TEXT,
    collaboration INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (document_id, ordinal)
) STRICT;

-- Roles: agreement 3 of the team (extract.h). An entity takes part in an event once.
CREATE TABLE participant_claims (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('signatory', 'host', 'co_host', 'partner', 'chair',
                                       'attendee', 'witness', 'speaker')),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (document_id, ordinal, entity_id)
) STRICT;
