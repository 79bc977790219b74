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
 * Files this build writes also carry the snapshot image thaigraphd serves, after the SQLite pages
 * (tg_store_writer_snapshot); a file without one stores everything but cannot be served until an
 * ingest builds it. The image needs no schema version of its own: the meta table names its format.
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
#include <stdio.h>

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

/*
 * Typed claim rows, as the build stage reads them back from the version being written. Strings
 * are NULL for SQL NULL and live until the callback returns.
 */
struct tg_store_entity_claim {
    const char *document_id, *entity_id, *type, *key, *name, *kind, *honorific, *parent_id;
    bool known; /* the gazetteer lists it */
    size_t mentions;
};

struct tg_store_name_claim {
    const char *document_id, *entity_id;
    const char *form; /* "abbreviation" or "alias" */
    const char *name;
};

struct tg_store_mention {
    const char *document_id;
    size_t start, end; /* code points */
    const char *type, *surface, *entity_id, *value;
};

struct tg_store_position_claim {
    const char *document_id, *person_id, *title, *organisation_id, *as_of, *as_of_precision;
    size_t start, end; /* the evidence sentence, code points */
};

struct tg_store_event_claim {
    const char *document_id;
    size_t ordinal; /* numbers the document's events */
    const char *kind, *title, *date, *date_precision;
    bool date_from_text;
    const char *place_id, *programme_id;
    bool collaboration;
    const char *sentence;
    size_t start, end; /* the sentence, code points */
};

struct tg_store_participant_claim {
    const char *document_id;
    size_t ordinal; /* the event's */
    const char *entity_id, *role;
    size_t start, end; /* the evidence sentence, code points */
};

/*
 * One callback per claim table; the tables are read in the order of the fields, each ordered by
 * document id and then position in the document (entities and names by entity id, mentions by
 * start, positions as written, events and participants by ordinal). A callback's status other
 * than TG_OK stops the walk and is returned.
 */
struct tg_store_claim_visitor {
    enum tg_status (*entity)(void *ctx, const struct tg_store_entity_claim *row);
    enum tg_status (*name)(void *ctx, const struct tg_store_name_claim *row);
    enum tg_status (*mention)(void *ctx, const struct tg_store_mention *row);
    enum tg_status (*position)(void *ctx, const struct tg_store_position_claim *row);
    enum tg_status (*event)(void *ctx, const struct tg_store_event_claim *row);
    enum tg_status (*participant)(void *ctx, const struct tg_store_participant_claim *row);
};

enum tg_status tg_store_writer_claims(struct tg_store_writer *writer,
                                      const struct tg_store_claim_visitor *visitor, void *ctx,
                                      struct tg_error *err);

/* Calls fn for every document of the new version in id order; doc lives until fn returns. */
enum tg_status tg_store_writer_documents(struct tg_store_writer *writer,
                                         enum tg_status (*fn)(void *ctx,
                                                              const struct tg_store_document *doc),
                                         void *ctx, struct tg_error *err);

/* Bytes of the words fingerprint a snapshot records, NUL included; longer ones are cut. */
#define TG_STORE_WORDS_SIZE 160

/*
 * The snapshot image commit appends after the SQLite pages (see src/graph/image.h for the
 * layout of the file). tg_store_writer_snapshot opens an anonymous temporary file beside the
 * target for the caller to write the image into; the writer owns it (do not fclose it). Commit
 * then records the image's length, its format, its XXH3-64 checksum and words (what made the
 * image's search words, for the next build to decide whether it may reuse them; NULL or ""
 * records none) in the meta table and appends the image. A writer whose caller never asks
 * commits a database without one, which stores everything but cannot be served.
 */
enum tg_status tg_store_writer_snapshot(struct tg_store_writer *writer, int format,
                                        const char *words, FILE **out, struct tg_error *err);

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

/* Where a reader's file keeps its snapshot image. */
struct tg_store_snapshot {
    int fd;          /* the file, open read-only, owned by the reader */
    uint64_t offset; /* of the image in the file, a multiple of 4096 */
    uint64_t bytes;
    uint64_t checksum; /* XXH3-64 of the image, as ingest stored it */
    int format;
    char words[TG_STORE_WORDS_SIZE]; /* as the writer was given it; "" when none is recorded */
};

/*
 * Locates the image: TG_ERR_NOT_FOUND (a database without one, or one it no longer fits, as
 * after a write by another program) or TG_ERR_DB_CORRUPT (meta that is not a snapshot's), each
 * with a message saying what to do.
 */
enum tg_status tg_store_reader_snapshot(struct tg_store_reader *reader,
                                        struct tg_store_snapshot *snapshot, struct tg_error *err);

/* PRAGMA integrity_check of what a snapshot's loader reads: the schema and the meta table (not
 * the documents and claims, ingest's alone). TG_ERR_DB_CORRUPT with SQLite's first complaint
 * unless it says ok. */
enum tg_status tg_store_reader_check(struct tg_store_reader *reader, struct tg_error *err);

/* XXH3-64 of bytes [offset, offset + bytes) of fd, read with pread so no page stays mapped. */
enum tg_status tg_store_checksum(int fd, uint64_t offset, uint64_t bytes, uint64_t *out);

/* NULL is a no-op. */
void tg_store_reader_close(struct tg_store_reader *reader);

#endif
