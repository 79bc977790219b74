/*
 * store: the SQLite file that carries a graph from `thaigraph ingest` to `thaigraphd`.
 *
 * Writing never touches the target file until everything has succeeded: a writer builds a new
 * database in a temporary file beside the target (starting from a copy of the existing target,
 * or from the embedded schema), and commit renames it over the target after an fsync. A crash,
 * a full disk or bad input therefore leaves the old database exactly as it was.
 *
 * Reading opens the file read-only and refuses any file whose schema version is not
 * TG_STORE_SCHEMA_VERSION, so a daemon never serves a database it misreads.
 *
 * Schema version 2 adds what extraction read from each document as claims that belong to the
 * document (entities, names, mentions, positions, events, participants); version 3 gives
 * participants the roles of extract.h and positions and participants the span of their evidence
 * sentence. A writer opening a version 1 or 2 file upgrades it: the claims are derived, so it
 * drops and recreates them and marks every document for extraction.
 *
 * Memory: writers and readers are opaque and freed by their commit/abort/close function.
 * Strings passed to tg_store_writer_put are copied by SQLite; strings handed out by the reader
 * belong to the reader and stay valid until its next call.
 */
#ifndef THAIGRAPH_STORE_H
#define THAIGRAPH_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "thaigraph/extract.h"
#include "thaigraph/status.h"

#define TG_STORE_SCHEMA_VERSION 3

/* One document row. published and published_precision are both NULL or both set. */
struct tg_store_document {
    const char *id;
    const char *title;
    const char *text;
    size_t text_len;                 /* bytes */
    const char *published;           /* "2011-12-22", "2012-10", "2011" */
    const char *published_precision; /* "day", "month", "year" */
    const char *source;
    const char *url;
    const char *origin; /* file path, or path:line for JSON Lines */
};

enum tg_store_put_outcome { TG_STORE_INSERTED, TG_STORE_UPDATED, TG_STORE_UNCHANGED };

/* Content identity of a database: changes whenever any stored document does. */
struct tg_store_meta {
    uint64_t generation;  /* counts commits that changed the content, starting at 1 */
    char fingerprint[17]; /* 16 hex digits */
};

struct tg_store_writer;

/*
 * Starts a new version of the database at path. With start_empty the new version holds no
 * documents; otherwise it starts as a copy of the existing file (which must be a readable
 * database of this schema version: TG_ERR_DB_CORRUPT or TG_ERR_DB_VERSION otherwise).
 */
enum tg_status tg_store_writer_open(const char *path, bool start_empty,
                                    struct tg_store_writer **out, struct tg_error *err);

/*
 * Inserts or replaces a document by id. A document whose id was already put through this writer
 * gives TG_ERR_DUPLICATE and changes nothing; an unchanged document reports TG_STORE_UNCHANGED.
 */
enum tg_status tg_store_writer_put(struct tg_store_writer *writer,
                                   const struct tg_store_document *doc,
                                   enum tg_store_put_outcome *outcome, struct tg_error *err);

/*
 * Ids of the documents whose claims were not made by extractor_version (new, changed or
 * upgraded documents), in id order. *ids and each id are malloc'd; free them with
 * tg_store_ids_free.
 */
enum tg_status tg_store_writer_stale_documents(struct tg_store_writer *writer,
                                               int extractor_version, char ***ids, size_t *count,
                                               struct tg_error *err);

void tg_store_ids_free(char **ids, size_t count);

/* Reads one document back from the new version (for extraction). The strings in *doc stay
 * valid until the next call on the writer. TG_ERR_NOT_FOUND when there is no such id. */
enum tg_status tg_store_writer_get_document(struct tg_store_writer *writer, const char *id,
                                            struct tg_store_document *doc, struct tg_error *err);

/* Replaces the claims of document id with what extraction read from it, and records
 * extractor_version as their maker. */
enum tg_status tg_store_writer_put_claims(struct tg_store_writer *writer, const char *id,
                                          const struct tg_extract_result *claims,
                                          int extractor_version, struct tg_error *err);

/* The id an entity of this type and key has in every document ("org_" + 12 hex digits, and
 * per_, plc_, prg_). buf needs TG_STORE_ENTITY_ID_BYTES. */
#define TG_STORE_ENTITY_ID_BYTES 17
void tg_store_entity_id(enum tg_extract_type type, const char *key,
                        char buf[TG_STORE_ENTITY_ID_BYTES]);

/* Commits, syncs and renames over the target; frees the writer whatever the outcome. */
enum tg_status tg_store_writer_commit(struct tg_store_writer *writer, struct tg_store_meta *meta,
                                      struct tg_error *err);

/* Discards the new version and frees the writer; the target is untouched. NULL is a no-op. */
void tg_store_writer_abort(struct tg_store_writer *writer);

struct tg_store_reader;

/* Opens path read-only: TG_ERR_NOT_FOUND, TG_ERR_DB_CORRUPT or TG_ERR_DB_VERSION on failure. */
enum tg_status tg_store_reader_open(const char *path, struct tg_store_reader **out,
                                    struct tg_error *err);

void tg_store_reader_meta(const struct tg_store_reader *reader, struct tg_store_meta *meta);

/* Number of documents, so a loader can size its arrays once. */
enum tg_status tg_store_reader_document_count(struct tg_store_reader *reader, size_t *count,
                                              struct tg_error *err);

/*
 * Steps through the documents in id order. Sets *done at the end. The strings in *doc stay valid
 * until the next call or tg_store_reader_close.
 */
enum tg_status tg_store_reader_next_document(struct tg_store_reader *reader,
                                             struct tg_store_document *doc, bool *done,
                                             struct tg_error *err);

/*
 * The claim tables, for the loader. Each row reaches the callback as its columns in the order
 * listed, all as text (numbers written in decimal), NULL for SQL NULL; the strings live until
 * the callback returns. Rows come ordered by document id, then position in the document.
 */
enum tg_store_rows {
    /* document_id, entity_id, type, key, name, kind, honorific, parent_id, known, mentions */
    TG_STORE_ENTITY_CLAIMS,
    /* document_id, entity_id, form (abbreviation|alias), name */
    TG_STORE_NAME_CLAIMS,
    /* document_id, start, end, type, surface, entity_id, value */
    TG_STORE_MENTIONS,
    /* document_id, person_id, title, organisation_id, as_of, as_of_precision, start, end */
    TG_STORE_POSITION_CLAIMS,
    /* document_id, ordinal, kind, title, date, date_precision, date_from_text, place_id,
     * programme_id, collaboration, sentence, start, end */
    TG_STORE_EVENT_CLAIMS,
    /* document_id, ordinal, entity_id, role, start, end */
    TG_STORE_PARTICIPANT_CLAIMS,
};

typedef enum tg_status (*tg_store_row_fn)(void *ctx, const char *const *columns);

/* Calls row for every row of the table; stops at the first status other than TG_OK. */
enum tg_status tg_store_reader_rows(struct tg_store_reader *reader, enum tg_store_rows table,
                                    tg_store_row_fn row, void *ctx, struct tg_error *err);

/* NULL is a no-op. */
void tg_store_reader_close(struct tg_store_reader *reader);

#endif
