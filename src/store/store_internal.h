/* Private to src/store: the writer and reader as both store.c and claims.c see them. */
#ifndef THAIGRAPH_STORE_INTERNAL_H
#define THAIGRAPH_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "thaigraph/store.h"

/* The statements claims.c prepares on first use, by what they do. */
enum claim_statement {
    CLAIM_DELETE_ENTITIES,
    CLAIM_DELETE_NAMES,
    CLAIM_DELETE_MENTIONS,
    CLAIM_DELETE_POSITIONS,
    CLAIM_DELETE_EVENTS,
    CLAIM_DELETE_PARTICIPANTS,
    CLAIM_INSERT_ENTITY,
    CLAIM_INSERT_NAME,
    CLAIM_INSERT_MENTION,
    CLAIM_INSERT_POSITION,
    CLAIM_INSERT_EVENT,
    CLAIM_INSERT_PARTICIPANT,
    CLAIM_MARK_EXTRACTED,
    CLAIM_GET_DOCUMENT,
    CLAIM_STATEMENT_COUNT
};

struct tg_store_writer {
    sqlite3 *db;
    sqlite3_stmt *remember_id;
    sqlite3_stmt *find_hash;
    sqlite3_stmt *upsert;
    sqlite3_stmt *claims[CLAIM_STATEMENT_COUNT];
    char *target_path;
    char *temp_path;
    mode_t mode;
    int lock_fd;    /* flock(2)ed for the writer's life: one writer per target at a time */
    FILE *snapshot; /* the image commit appends, or NULL */
    int snapshot_format;
    char snapshot_words[TG_STORE_WORDS_SIZE];
    uint64_t snapshot_bytes;
};

struct tg_store_reader {
    int fd; /* the file SQLite reads, opened first so every later read sees the same file */
    const char *path;
    sqlite3 *db;
    sqlite3_stmt *documents;
    struct tg_store_meta meta;
};

/* Maps SQLite's error on db to a status and a message naming path and what was being done. */
/* Points doc at the columns id, title, text, published, published_precision, source, url,
 * origin of the statement's current row; valid until the statement steps or resets. */
void store_document_from_row(sqlite3_stmt *s, struct tg_store_document *doc);

enum tg_status store_db_error(struct tg_error *err, sqlite3 *db, const char *path,
                              const char *what);

enum tg_status store_exec(sqlite3 *db, const char *path, const char *sql, struct tg_error *err);

void store_finalize_claim_statements(struct tg_store_writer *writer);

/* The image starts at the first multiple of this after the SQLite pages. */
#define TG_STORE_SNAPSHOT_ALIGN 4096u

enum tg_status store_read_meta(sqlite3 *db, const char *path, struct tg_store_meta *meta,
                               struct tg_error *err);

/* Opens a database and checks its schema version is from oldest to TG_STORE_SCHEMA_VERSION. */
enum tg_status store_open_existing(const char *path, int flags, int oldest, int *version,
                                   sqlite3 **out, struct tg_error *err);

#endif
