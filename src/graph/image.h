/*
 * The snapshot image: everything thaigraphd serves, laid out so it is used in place from a
 * read-only mapping of the database file. Private to the writer (src/build/write.c) and the
 * loader (src/graph/load.c).
 *
 * DESIGN. A database file is SQLite pages followed by one image:
 *
 *     [ SQLite pages: page_count x page_size ][ zero padding to 4096 ][ image ]
 *
 * SQLite reads only the pages its header counts (the in-header database size, valid because
 * every writer since 3.7.0 keeps the change counter and version-valid-for equal), so the bytes
 * after them are invisible to it: read-only opens, quick_check and integrity_check, the backup
 * API the next ingest copies the file with, and VACUUM INTO all ignore them (tested in
 * tests/unit/test_build.c). The meta table records the image's length, format and XXH3-64
 * checksum ('snapshot_bytes', 'snapshot_format', 'snapshot_checksum') and what made its search
 * words ('snapshot_words', for the next build's reuse); the image starts at the first 4096-byte
 * boundary after the SQLite pages.
 *
 * What is derived: the whole image. The documents table is the source; claims are derived
 * from it by extraction and the image from both by the build stage (src/build), which every
 * `thaigraph ingest` runs before it commits, so the image always describes the pages before it.
 * A user must not write to the file with another program (the sqlite3 shell, say): a write that
 * grows the database overwrites the image, and any write leaves the image describing the old
 * content. The daemon then refuses the file (missing image, wrong checksum), and running
 * `thaigraph ingest --db FILE` with no inputs rebuilds the image from what the tables hold.
 *
 * Layout: a header, a table of sections, then the sections, each 8-byte aligned. Integers are
 * little-endian, as the host's (the loader refuses to run elsewhere). References between
 * records are uint32_t indexes, IMG_NONE for none; strings are uint32_t byte offsets into the
 * STRINGS section, whose every string ends with NUL and whose last byte is NUL, so any offset
 * inside it names a terminated string; lists are (first, count) ranges of the LISTS section.
 * Nothing in the image is trusted: the loader checks every reference, offset and range before
 * it uses it (see load.c), and the checksum only guards against the honest accident.
 */
#ifndef THAIGRAPH_GRAPH_IMAGE_H
#define THAIGRAPH_GRAPH_IMAGE_H

#include <stdint.h>

/* Raised whenever the layout below changes (or an index block's, search_internal.h; 2: postings
 * and positions in streams of their own, issue 10); the meta table carries it too. */
#define IMG_FORMAT 2
#define IMG_MAGIC  "TGSNAP\r\n"
#define IMG_ALIGN  4096u
#define IMG_NONE   UINT32_MAX

enum img_section {
    IMG_STRINGS,         /* char[] */
    IMG_TEXTS,           /* char[]: each document's text followed by NUL */
    IMG_DOCUMENTS,       /* struct img_document[], in id order */
    IMG_MENTIONS,        /* struct img_mention[], each document's in text order */
    IMG_ENTITIES,        /* struct img_entity[], in id order */
    IMG_POSITIONS,       /* struct img_position[] */
    IMG_EVENTS,          /* struct img_event[], oldest first */
    IMG_EVENTS_BY_ID,    /* uint32_t[]: event indexes in id order */
    IMG_PARTICIPANTS,    /* struct img_participant[] */
    IMG_EVIDENCE,        /* struct img_evidence[] */
    IMG_LISTS,           /* uint32_t[] */
    IMG_NAMES,           /* struct img_name[]: name keys for tg_graph_resolve, by key */
    IMG_SUGGEST,         /* struct img_name[]: item of the names index -> written name, entity */
    IMG_ABBREVIATIONS,   /* uint32_t[]: strings queries are segmented with */
    IMG_INDEX_DOCUMENTS, /* a tg_search_index_write block; items are documents */
    IMG_INDEX_THINGS,    /* items: entities, then events (entity_count + event index) */
    IMG_INDEX_NAMES,     /* items: IMG_SUGGEST rows */
    IMG_SECTION_COUNT
};

/* The record size of every section (1 for bytes), which the writer states and the loader
 * checks; defined in load.c. */
extern const uint32_t img_record_sizes[IMG_SECTION_COUNT];

struct img_header {
    char magic[8];
    uint32_t format;
    uint32_t section_count; /* IMG_SECTION_COUNT */
    uint64_t bytes;         /* the whole image, header included */
};

struct img_section_entry {
    uint32_t id;          /* enum img_section, in order */
    uint32_t record_size; /* 1 for bytes */
    uint64_t offset;      /* from the start of the image */
    uint64_t bytes;
};

struct img_document {
    uint32_t id, title, published, published_precision, source, url; /* strings */
    uint64_t text;                                                   /* offset into TEXTS */
    uint32_t text_bytes, length;                                     /* length in code points */
    uint32_t mention_first, mention_count;                           /* MENTIONS */
    uint32_t events, event_count;                                    /* list of events */
    uint32_t organisation_count, person_count;
};

struct img_mention {
    uint32_t start, end;     /* code points */
    uint32_t surface, value; /* strings; value IMG_NONE for none */
    uint32_t entity;         /* IMG_NONE for dates and numbers */
    uint32_t type;           /* enum img_mention_type */
};

enum img_mention_type {
    IMG_MENTION_ORGANISATION,
    IMG_MENTION_PERSON,
    IMG_MENTION_PLACE,
    IMG_MENTION_PROGRAMME,
    IMG_MENTION_DATE,
    IMG_MENTION_NUMBER,
    IMG_MENTION_TYPES
};

struct img_entity {
    uint32_t id, name, kind, honorific;         /* strings */
    uint32_t parent;                            /* entity */
    uint32_t type;                              /* enum tg_graph_type */
    uint32_t abbreviations, abbreviation_count; /* list of strings */
    uint32_t aliases, alias_count;              /* list of strings */
    uint32_t children, child_count;             /* list of entities */
    uint32_t positions, position_count;         /* list of positions */
    uint32_t events, event_count;               /* list of events */
    uint32_t documents, document_count;         /* list of documents */
    uint64_t mention_count;
};

struct img_position {
    uint32_t person, title, organisation, as_of, as_of_precision, document;
    uint32_t sentence, start, end; /* the evidence in document */
};

struct img_event {
    uint32_t id, kind, title, date, date_precision; /* strings */
    uint32_t place, programme;                      /* entities */
    uint32_t participants, participant_count;       /* PARTICIPANTS */
    uint32_t evidence, evidence_count;              /* EVIDENCE */
    uint32_t collaboration;
};

struct img_participant {
    uint32_t entity, role;
    uint32_t evidence, evidence_count; /* EVIDENCE */
};

struct img_evidence {
    uint32_t document, sentence, start, end;
};

struct img_name {
    uint32_t name, entity;
};

#endif
