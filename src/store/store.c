#include "thaigraph/store.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "store_internal.h"
#include "thaigraph/hash.h"

void store_document_from_row(sqlite3_stmt *s, struct tg_store_document *doc)
{
    doc->id = (const char *)sqlite3_column_text(s, 0);
    doc->title = (const char *)sqlite3_column_text(s, 1);
    doc->text = (const char *)sqlite3_column_text(s, 2);
    doc->text_len = (size_t)sqlite3_column_bytes(s, 2);
    doc->published = (const char *)sqlite3_column_text(s, 3);
    doc->published_precision = (const char *)sqlite3_column_text(s, 4);
    doc->source = (const char *)sqlite3_column_text(s, 5);
    doc->url = (const char *)sqlite3_column_text(s, 6);
    doc->origin = (const char *)sqlite3_column_text(s, 7);
}

enum tg_status store_db_error(struct tg_error *err, sqlite3 *db, const char *path, const char *what)
{
    int code = sqlite3_errcode(db);
    enum tg_status status = TG_ERR_DB;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        status = TG_ERR_DB_CORRUPT;
    else if (code == SQLITE_FULL || code == SQLITE_IOERR)
        status = TG_ERR_IO;
    return tg_error_set(err, status, "%s: %s: %s", path, what, sqlite3_errmsg(db));
}

enum tg_status store_exec(sqlite3 *db, const char *path, const char *sql, struct tg_error *err)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return store_db_error(err, db, path, "executing SQL");
    return TG_OK;
}

/*
 * Checks that an open database is one this build can use: a user_version from oldest to
 * TG_STORE_SCHEMA_VERSION and the documents table in place. Readers accept only the current
 * version; a writer also accepts older ones, which it upgrades.
 */
static enum tg_status check_schema(sqlite3 *db, const char *path, int oldest, int *version,
                                   struct tg_error *err)
{
    sqlite3_stmt *stmt = NULL;
    enum tg_status status = TG_OK;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
        sqlite3_step(stmt) != SQLITE_ROW) {
        status = store_db_error(err, db, path, "reading schema version");
        if (status == TG_ERR_DB)
            status = tg_error_set(err, TG_ERR_DB_CORRUPT, "%s: not a SQLite database: %s", path,
                                  sqlite3_errmsg(db));
        goto done;
    }
    *version = sqlite3_column_int(stmt, 0);
    if (*version == 0) {
        status = tg_error_set(err, TG_ERR_DB_CORRUPT,
                              "%s: not a thaigraph database (no schema version)", path);
        goto done;
    }
    if (*version > TG_STORE_SCHEMA_VERSION) {
        status = tg_error_set(err, TG_ERR_DB_VERSION,
                              "%s: schema version %d, this build reads version %d", path, *version,
                              TG_STORE_SCHEMA_VERSION);
        goto done;
    }
    if (*version < oldest) {
        status = tg_error_set(err, TG_ERR_DB_VERSION,
                              "%s: schema version %d is older than this build's %d; run "
                              "`thaigraph ingest --db %s` with any input to upgrade it",
                              path, *version, TG_STORE_SCHEMA_VERSION, path);
        goto done;
    }
    sqlite3_finalize(stmt);
    stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT id, content_hash FROM documents LIMIT 0", -1, &stmt, NULL) !=
        SQLITE_OK)
        status = tg_error_set(err, TG_ERR_DB_CORRUPT, "%s: not a thaigraph database: %s", path,
                              sqlite3_errmsg(db));
done:
    sqlite3_finalize(stmt);
    return status;
}

enum tg_status store_read_meta(sqlite3 *db, const char *path, struct tg_store_meta *meta,
                               struct tg_error *err)
{
    sqlite3_stmt *stmt = NULL;
    memset(meta, 0, sizeof *meta);
    if (sqlite3_prepare_v2(db, "SELECT key, value FROM meta", -1, &stmt, NULL) != SQLITE_OK)
        return store_db_error(err, db, path, "reading meta");
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(stmt, 0);
        const char *value = (const char *)sqlite3_column_text(stmt, 1);
        if (strcmp(key, "generation") == 0)
            meta->generation = strtoull(value, NULL, 10);
        else if (strcmp(key, "fingerprint") == 0)
            snprintf(meta->fingerprint, sizeof meta->fingerprint, "%s", value);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return store_db_error(err, db, path, "reading meta");
    return TG_OK;
}

enum tg_status store_open_existing(const char *path, int flags, int oldest, int *version,
                                   sqlite3 **out, struct tg_error *err)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        enum tg_status status = tg_error_set(err, TG_ERR_DB, "%s: cannot open: %s", path,
                                             db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return status;
    }
    enum tg_status status = check_schema(db, path, oldest, version, err);
    if (status != TG_OK) {
        sqlite3_close(db);
        return status;
    }
    *out = db;
    return TG_OK;
}

/*
 * A reader opens the file once and has SQLite read it through /proc/self/fd, so the meta it
 * reads and the image it maps come from one file even when ingest renames a new one over the
 * path meanwhile (a daemon reloading during an ingest).
 */
enum tg_status tg_store_reader_open(const char *path, struct tg_store_reader **out,
                                    struct tg_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return tg_error_set(err, errno == ENOENT ? TG_ERR_NOT_FOUND : TG_ERR_IO, "%s: %s", path,
                            strerror(errno));
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return tg_error_set(err, TG_ERR_DB_CORRUPT, "%s: not a regular file", path);
    }
    struct tg_store_reader *r = calloc(1, sizeof *r);
    if (!r) {
        close(fd);
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    }
    r->fd = fd;
    r->path = path;
    char via[64];
    snprintf(via, sizeof via, "/proc/self/fd/%d", fd);
    enum tg_status status = TG_OK;
    if (sqlite3_open_v2(access(via, F_OK) == 0 ? via : path, &r->db, SQLITE_OPEN_READONLY, NULL) !=
        SQLITE_OK) {
        status = tg_error_set(err, TG_ERR_DB, "%s: cannot open: %s", path,
                              r->db ? sqlite3_errmsg(r->db) : "out of memory");
        goto fail;
    }
    int version = 0;
    status = check_schema(r->db, path, TG_STORE_SCHEMA_VERSION, &version, err);
    if (status != TG_OK)
        goto fail;
    status = store_read_meta(r->db, path, &r->meta, err);
    if (status != TG_OK)
        goto fail;
    if (sqlite3_prepare_v2(r->db,
                           "SELECT id, title, text, published, published_precision, source, url,"
                           " origin FROM documents ORDER BY id",
                           -1, &r->documents, NULL) != SQLITE_OK) {
        status = store_db_error(err, r->db, path, "reading documents");
        goto fail;
    }
    *out = r;
    return TG_OK;
fail:
    tg_store_reader_close(r);
    return status;
}

/* One meta value into out[0..size), "" when absent; false when absent. */
static bool meta_text(sqlite3 *db, const char *key, char *out, size_t size)
{
    sqlite3_stmt *stmt = NULL;
    const char *text = NULL;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1", -1, &stmt, NULL) ==
            SQLITE_OK &&
        sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        text = (const char *)sqlite3_column_text(stmt, 0);
    snprintf(out, size, "%s", text ? text : "");
    sqlite3_finalize(stmt);
    return text != NULL;
}

/* One meta value as an unsigned number; false when absent or not a number. */
static bool meta_number(sqlite3 *db, const char *key, int base, uint64_t *out)
{
    char text[32];
    char *end = NULL;
    if (!meta_text(db, key, text, sizeof text))
        return false;
    errno = 0;
    *out = strtoull(text, &end, base);
    return *text && *end == '\0' && errno == 0;
}

enum tg_status tg_store_reader_snapshot(struct tg_store_reader *r, struct tg_store_snapshot *snap,
                                        struct tg_error *err)
{
    uint64_t bytes, format, checksum, pages, page_size;
    bool has_bytes = meta_number(r->db, "snapshot_bytes", 10, &bytes);
    if (!has_bytes)
        return tg_error_set(err, TG_ERR_NOT_FOUND,
                            "%s: holds no snapshot to serve; run `thaigraph ingest --db %s` to "
                            "build it",
                            r->path, r->path);
    if (!meta_number(r->db, "snapshot_format", 10, &format) ||
        !meta_number(r->db, "snapshot_checksum", 16, &checksum) || format > INT32_MAX)
        return tg_error_set(err, TG_ERR_DB_CORRUPT,
                            "%s: meta: snapshot format or checksum unreadable", r->path);
    sqlite3_stmt *stmt = NULL;
    bool sized = sqlite3_prepare_v2(r->db,
                                    "SELECT page_count, page_size FROM pragma_page_count(),"
                                    " pragma_page_size()",
                                    -1, &stmt, NULL) == SQLITE_OK &&
                 sqlite3_step(stmt) == SQLITE_ROW;
    pages = sized ? (uint64_t)sqlite3_column_int64(stmt, 0) : 0;
    page_size = sized ? (uint64_t)sqlite3_column_int64(stmt, 1) : 0;
    sqlite3_finalize(stmt);
    struct stat st;
    if (!sized || fstat(r->fd, &st) != 0)
        return store_db_error(err, r->db, r->path, "measuring the database");
    uint64_t offset = (pages * page_size + TG_STORE_SNAPSHOT_ALIGN - 1) / TG_STORE_SNAPSHOT_ALIGN *
                      TG_STORE_SNAPSHOT_ALIGN;
    if ((uint64_t)st.st_size < offset || (uint64_t)st.st_size - offset != bytes)
        return tg_error_set(err, TG_ERR_NOT_FOUND,
                            "%s: the snapshot does not fit the file (%lld bytes, database pages "
                            "end at %llu, snapshot of %llu bytes expected); was the file changed "
                            "by another program? `thaigraph ingest --db %s` rebuilds it",
                            r->path, (long long)st.st_size, (unsigned long long)(pages * page_size),
                            (unsigned long long)bytes, r->path);
    *snap = (struct tg_store_snapshot){r->fd, offset, bytes, checksum, (int)format, ""};
    meta_text(r->db, "snapshot_words", snap->words, sizeof snap->words);
    return TG_OK;
}

enum tg_status tg_store_reader_check(struct tg_store_reader *r, struct tg_error *err)
{
    /* A table's name limits integrity_check to that table and its indexes (SQLite 3.33); on
     * these few rows the full check, index entries against rows included, costs nothing. */
    static const char *const checks[] = {"PRAGMA integrity_check(sqlite_schema)",
                                         "PRAGMA integrity_check(meta)"};
    enum tg_status status = TG_OK;
    for (size_t i = 0; i < sizeof checks / sizeof checks[0] && status == TG_OK; i++) {
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2(r->db, checks[i], -1, &stmt, NULL) != SQLITE_OK)
            return store_db_error(err, r->db, r->path, "checking the database");
        int rc = sqlite3_step(stmt);
        const char *answer = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(stmt, 0) : NULL;
        if (!answer)
            status = store_db_error(err, r->db, r->path, "checking the database");
        else if (strcmp(answer, "ok") != 0)
            status =
                tg_error_set(err, TG_ERR_DB_CORRUPT, "%s: integrity_check: %s", r->path, answer);
        sqlite3_finalize(stmt);
    }
    return status;
}

enum tg_status tg_store_checksum(int fd, uint64_t offset, uint64_t bytes, uint64_t *out)
{
    XXH3_state_t *state = XXH3_createState();
    char *buf = malloc(1 << 20);
    enum tg_status status = state && buf ? TG_OK : TG_ERR_NOMEM;
    if (status == TG_OK)
        XXH3_64bits_reset(state);
    for (uint64_t done = 0; status == TG_OK && done < bytes;) {
        size_t want = bytes - done < (1u << 20) ? (size_t)(bytes - done) : (1u << 20);
        ssize_t got = pread(fd, buf, want, (off_t)(offset + done));
        if (got <= 0)
            status = TG_ERR_IO;
        else
            XXH3_64bits_update(state, buf, (size_t)got);
        done += got > 0 ? (uint64_t)got : 0;
    }
    if (status == TG_OK)
        *out = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    free(buf);
    return status;
}

void tg_store_reader_meta(const struct tg_store_reader *r, struct tg_store_meta *meta)
{
    *meta = r->meta;
}

enum tg_status tg_store_reader_document_count(struct tg_store_reader *r, size_t *count,
                                              struct tg_error *err)
{
    sqlite3_stmt *stmt = NULL;
    enum tg_status status = TG_OK;
    if (sqlite3_prepare_v2(r->db, "SELECT count(*) FROM documents", -1, &stmt, NULL) != SQLITE_OK ||
        sqlite3_step(stmt) != SQLITE_ROW)
        status =
            store_db_error(err, r->db, sqlite3_db_filename(r->db, "main"), "counting documents");
    else
        *count = (size_t)sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return status;
}

enum tg_status tg_store_reader_next_document(struct tg_store_reader *r,
                                             struct tg_store_document *doc, bool *done,
                                             struct tg_error *err)
{
    int rc = sqlite3_step(r->documents);
    if (rc == SQLITE_DONE) {
        *done = true;
        return TG_OK;
    }
    if (rc != SQLITE_ROW)
        return store_db_error(err, r->db, sqlite3_db_filename(r->db, "main"), "reading documents");
    sqlite3_stmt *s = r->documents;
    *done = false;
    store_document_from_row(s, doc);
    return TG_OK;
}

void tg_store_reader_close(struct tg_store_reader *r)
{
    if (!r)
        return;
    sqlite3_finalize(r->documents);
    sqlite3_close(r->db);
    if (r->fd >= 0)
        close(r->fd);
    free(r);
}
