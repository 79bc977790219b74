/*
 * Writing a new version of a database: a temporary copy of the target (or a new file from the
 * schema) that commit renames over the target once everything, snapshot image included, is on
 * disk.
 */
#include "thaigraph/store.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_internal.h"
#include "thaigraph/hash.h"
#include "thaigraph/log.h"

extern const unsigned char tg_store_schema_sql[];
extern const unsigned char tg_store_migrate_1_sql[];
extern const unsigned char tg_store_migrate_2_sql[];
extern const unsigned char tg_store_claims_sql[];

/* The oldest schema a writer upgrades; readers need TG_STORE_SCHEMA_VERSION. */
#define OLDEST_UPGRADABLE_VERSION 1

/*
 * Copies the existing target into the new database with SQLite's online backup, then brings an
 * older schema up to date. Upgraded documents are marked unextracted, so the run extracts them.
 */
static enum tg_status copy_target(struct tg_store_writer *w, struct tg_error *err)
{
    sqlite3 *source = NULL;
    int version = 0;
    enum tg_status status = store_open_existing(w->target_path, SQLITE_OPEN_READONLY,
                                                OLDEST_UPGRADABLE_VERSION, &version, &source, err);
    if (status != TG_OK)
        return status;
    sqlite3_backup *backup = sqlite3_backup_init(w->db, "main", source, "main");
    if (!backup) {
        status = store_db_error(err, w->db, w->temp_path, "copying the existing database");
        goto done;
    }
    sqlite3_backup_step(backup, -1);
    if (sqlite3_backup_finish(backup) != SQLITE_OK) {
        status = store_db_error(err, w->db, w->temp_path, "copying the existing database");
        goto done;
    }
    if (version == 1)
        status = store_exec(w->db, w->temp_path, (const char *)tg_store_migrate_1_sql, err);
    if (status == TG_OK && version < TG_STORE_SCHEMA_VERSION) {
        status = store_exec(w->db, w->temp_path, (const char *)tg_store_migrate_2_sql, err);
        if (status == TG_OK)
            status = store_exec(w->db, w->temp_path, (const char *)tg_store_claims_sql, err);
    }
done:
    sqlite3_close(source);
    return status;
}

static enum tg_status write_meta(struct tg_store_writer *w, const struct tg_store_meta *meta,
                                 struct tg_error *err)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', '%" PRIu64 "'),"
             " ('fingerprint', '%s')",
             meta->generation, meta->fingerprint);
    return store_exec(w->db, w->temp_path, sql, err);
}

/*
 * A rebuilt database continues the generation of the one it replaces, so clients holding an
 * older generation see it move on. A target that cannot be read is being replaced on purpose
 * (start_empty), so it simply contributes nothing.
 */
static enum tg_status carry_generation(struct tg_store_writer *w, struct tg_error *err)
{
    sqlite3 *old = NULL;
    struct tg_store_meta meta;
    int version = 0;
    if (store_open_existing(w->target_path, SQLITE_OPEN_READONLY, OLDEST_UPGRADABLE_VERSION,
                            &version, &old, NULL) != TG_OK)
        return TG_OK;
    enum tg_status status = store_read_meta(old, w->target_path, &meta, NULL);
    sqlite3_close(old);
    if (status != TG_OK)
        return TG_OK;
    return write_meta(w, &meta, err);
}

static enum tg_status prepare_statements(struct tg_store_writer *w, struct tg_error *err)
{
    static const char remember_sql[] = "INSERT INTO temp.run_ids(id) VALUES (?1)";
    static const char find_sql[] = "SELECT content_hash FROM documents WHERE id = ?1";
    static const char upsert_sql[] =
        "INSERT INTO documents(id, title, text, published, published_precision, source, url,"
        " origin, content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        " ON CONFLICT(id) DO UPDATE SET title = excluded.title, text = excluded.text,"
        " published = excluded.published, published_precision = excluded.published_precision,"
        " source = excluded.source, url = excluded.url, origin = excluded.origin,"
        " content_hash = excluded.content_hash, extracted = 0";
    enum tg_status status =
        store_exec(w->db, w->temp_path, "CREATE TEMP TABLE run_ids(id TEXT PRIMARY KEY)", err);
    if (status != TG_OK)
        return status;
    if (sqlite3_prepare_v2(w->db, remember_sql, -1, &w->remember_id, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(w->db, find_sql, -1, &w->find_hash, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(w->db, upsert_sql, -1, &w->upsert, NULL) != SQLITE_OK)
        return store_db_error(err, w->db, w->temp_path, "preparing statements");
    return TG_OK;
}

static mode_t mode_for_new_file(const char *target_path)
{
    struct stat st;
    if (stat(target_path, &st) == 0)
        return st.st_mode & 0777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/*
 * Takes the target's lock, `.NAME.lock` beside it (never removed: removing a lock file races
 * with the next writer opening it). Two ingests into one file used to both succeed, the later
 * rename silently dropping the other's documents; now the second waits for the first and then
 * builds on its result. The kernel drops the lock of a killed process.
 */
static enum tg_status lock_target(struct tg_store_writer *w, const char *dir, const char *base,
                                  struct tg_error *err)
{
    size_t size = strlen(dir) + strlen(base) + 16;
    char *lock_path = malloc(size);
    if (!lock_path)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    snprintf(lock_path, size, "%s/.%s.lock", dir, base);
    w->lock_fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    enum tg_status status = TG_OK;
    if (w->lock_fd < 0) {
        status = tg_error_set(err, TG_ERR_IO, "%s: cannot create the lock file: %s", lock_path,
                              strerror(errno));
    } else if (flock(w->lock_fd, LOCK_EX | LOCK_NB) != 0) {
        tg_log(TG_LOG_WARN, "another ingest is writing %s; waiting for it to finish",
               w->target_path);
        while (flock(w->lock_fd, LOCK_EX) != 0 && errno == EINTR)
            ;
    }
    free(lock_path);
    return status;
}

/* Removes the temporary files of writers that died (kill -9, power loss) before they could:
 * with the lock held, no live writer has one. */
static void sweep_temporaries(const char *dir, const char *base)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    size_t size = strlen(base) + 8;
    char *prefix = malloc(size);
    if (prefix) {
        snprintf(prefix, size, ".%s.tmp-", base);
        size_t n = strlen(prefix);
        for (struct dirent *e; (e = readdir(d));) {
            if (strncmp(e->d_name, prefix, n) != 0 || strlen(e->d_name) != n + 6)
                continue;
            if (unlinkat(dirfd(d), e->d_name, 0) == 0)
                tg_log(TG_LOG_INFO, "removed %s/%s, left by an interrupted ingest", dir, e->d_name);
        }
    }
    free(prefix);
    closedir(d);
}

enum tg_status tg_store_writer_open(const char *path, bool start_empty,
                                    struct tg_store_writer **out, struct tg_error *err)
{
    enum tg_status status = TG_OK;
    struct tg_store_writer *w = calloc(1, sizeof *w);
    char *dir_copy = strdup(path);
    char *base_copy = strdup(path);
    if (!w || !dir_copy || !base_copy) {
        status = tg_error_set(err, TG_ERR_NOMEM, "out of memory");
        goto fail;
    }
    w->lock_fd = -1;
    w->target_path = strdup(path);
    size_t temp_size = strlen(path) + 32;
    w->temp_path = calloc(1, temp_size);
    if (!w->target_path || !w->temp_path) {
        status = tg_error_set(err, TG_ERR_NOMEM, "out of memory");
        goto fail;
    }
    const char *dir = dirname(dir_copy), *base = basename(base_copy);
    if ((status = lock_target(w, dir, base, err)) != TG_OK)
        goto fail;
    sweep_temporaries(dir, base);
    /* The temporary file lives in the target's directory so the final rename is atomic. */
    snprintf(w->temp_path, temp_size, "%s/.%s.tmp-XXXXXX", dir, base);
    int fd = mkstemp(w->temp_path);
    if (fd < 0) {
        status = tg_error_set(err, TG_ERR_IO, "%s: cannot create a temporary file: %s",
                              w->temp_path, strerror(errno));
        free(w->temp_path);
        w->temp_path = NULL;
        goto fail;
    }
    w->mode = mode_for_new_file(path);
    close(fd);

    if (sqlite3_open_v2(w->temp_path, &w->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        status = store_db_error(err, w->db, w->temp_path, "opening");
        goto fail;
    }
    bool exists = access(path, F_OK) == 0;
    if (exists && !start_empty) {
        status = copy_target(w, err);
    } else {
        status = store_exec(w->db, w->temp_path, (const char *)tg_store_schema_sql, err);
        if (status == TG_OK)
            status = store_exec(w->db, w->temp_path, (const char *)tg_store_claims_sql, err);
        if (status == TG_OK && exists)
            status = carry_generation(w, err);
    }
    if (status != TG_OK)
        goto fail;
    /* The temporary file is worthless after a crash, so SQLite's journal buys nothing; the
     * commit fsyncs the finished file before it replaces the target. */
    status = store_exec(w->db, w->temp_path,
                        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN", err);
    if (status != TG_OK)
        goto fail;
    status = prepare_statements(w, err);
    if (status != TG_OK)
        goto fail;
    free(dir_copy);
    free(base_copy);
    *out = w;
    return TG_OK;
fail:
    free(dir_copy);
    free(base_copy);
    tg_store_writer_abort(w);
    return status;
}

static void bind_optional(sqlite3_stmt *stmt, int index, const char *value)
{
    if (value)
        sqlite3_bind_text(stmt, index, value, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(stmt, index);
}

/* Hashes every stored field with its presence, so NULL and "" differ. */
static uint64_t document_hash(const struct tg_store_document *doc)
{
    const char *fields[] = {doc->title, doc->published, doc->published_precision, doc->source,
                            doc->url};
    uint64_t h = tg_hash_update(TG_HASH_SEED, doc->text, doc->text_len);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        unsigned char present = fields[i] != NULL;
        h = tg_hash_update(h, &present, 1);
        if (present)
            h = tg_hash_update(h, fields[i], strlen(fields[i]) + 1);
    }
    return h;
}

enum tg_status tg_store_writer_put(struct tg_store_writer *w, const struct tg_store_document *doc,
                                   enum tg_store_put_outcome *outcome, struct tg_error *err)
{
    char hash_hex[17];
    snprintf(hash_hex, sizeof hash_hex, "%016" PRIx64, document_hash(doc));

    sqlite3_reset(w->remember_id);
    sqlite3_bind_text(w->remember_id, 1, doc->id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(w->remember_id);
    if (rc == SQLITE_CONSTRAINT)
        return tg_error_set(err, TG_ERR_DUPLICATE, "%s: duplicate document id '%s'", doc->origin,
                            doc->id);
    if (rc != SQLITE_DONE)
        return store_db_error(err, w->db, w->temp_path, "recording the document id");

    sqlite3_reset(w->find_hash);
    sqlite3_bind_text(w->find_hash, 1, doc->id, -1, SQLITE_STATIC);
    rc = sqlite3_step(w->find_hash);
    bool exists = rc == SQLITE_ROW;
    if (exists && strcmp((const char *)sqlite3_column_text(w->find_hash, 0), hash_hex) == 0) {
        *outcome = TG_STORE_UNCHANGED;
        return TG_OK;
    }
    if (!exists && rc != SQLITE_DONE)
        return store_db_error(err, w->db, w->temp_path, "looking up the document");

    sqlite3_stmt *up = w->upsert;
    sqlite3_reset(up);
    sqlite3_bind_text(up, 1, doc->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(up, 2, doc->title, -1, SQLITE_STATIC);
    sqlite3_bind_text(up, 3, doc->text, (int)doc->text_len, SQLITE_STATIC);
    bind_optional(up, 4, doc->published);
    bind_optional(up, 5, doc->published_precision);
    bind_optional(up, 6, doc->source);
    bind_optional(up, 7, doc->url);
    sqlite3_bind_text(up, 8, doc->origin, -1, SQLITE_STATIC);
    sqlite3_bind_text(up, 9, hash_hex, -1, SQLITE_STATIC);
    if (sqlite3_step(up) != SQLITE_DONE)
        return tg_error_set(err, TG_ERR_DB, "%s: storing document '%s': %s", doc->origin, doc->id,
                            sqlite3_errmsg(w->db));
    *outcome = exists ? TG_STORE_UPDATED : TG_STORE_INSERTED;
    return TG_OK;
}

/* The fingerprint covers every (id, content hash) pair in id order. */
static enum tg_status content_fingerprint(sqlite3 *db, const char *path, char out[17],
                                          struct tg_error *err)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT id, content_hash, extracted FROM documents ORDER BY id", -1,
                           &stmt, NULL) != SQLITE_OK)
        return store_db_error(err, db, path, "fingerprinting");
    uint64_t h = TG_HASH_SEED;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int col = 0; col < 3; col++)
            h = tg_hash_update(h, sqlite3_column_text(stmt, col),
                               (size_t)sqlite3_column_bytes(stmt, col) + 1);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return store_db_error(err, db, path, "fingerprinting");
    snprintf(out, 17, "%016" PRIx64, h);
    return TG_OK;
}

static enum tg_status update_meta(struct tg_store_writer *w, struct tg_store_meta *meta,
                                  struct tg_error *err)
{
    struct tg_store_meta old;
    enum tg_status status = store_read_meta(w->db, w->temp_path, &old, err);
    if (status != TG_OK)
        return status;
    *meta = old;
    status = content_fingerprint(w->db, w->temp_path, meta->fingerprint, err);
    if (status != TG_OK)
        return status;
    if (strcmp(meta->fingerprint, old.fingerprint) != 0)
        meta->generation = old.generation + 1;
    return write_meta(w, meta, err);
}

static enum tg_status sync_path(const char *path, int flags, struct tg_error *err)
{
    int fd = open(path, flags);
    if (fd < 0)
        return tg_error_set(err, TG_ERR_IO, "%s: %s", path, strerror(errno));
    int rc = fsync(fd);
    close(fd);
    if (rc != 0)
        return tg_error_set(err, TG_ERR_IO, "%s: fsync: %s", path, strerror(errno));
    return TG_OK;
}

enum tg_status tg_store_writer_snapshot(struct tg_store_writer *w, int format, const char *words,
                                        FILE **out, struct tg_error *err)
{
    if (w->snapshot)
        return tg_error_set(err, TG_ERR_INVALID_ARGUMENT, "the snapshot is already open");
    /* Beside the database, on its file system, and unlinked at once so nothing is left behind. */
    size_t size = strlen(w->temp_path) + 8;
    char *path = malloc(size);
    if (!path)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    snprintf(path, size, "%s.image", w->temp_path);
    memcpy(path + strlen(path) - 6, "XXXXXX", 6);
    int fd = mkstemp(path);
    if (fd >= 0)
        unlink(path);
    free(path);
    if (fd < 0 || !(w->snapshot = fdopen(fd, "w+b"))) {
        if (fd >= 0)
            close(fd);
        return tg_error_set(err, TG_ERR_IO, "%s: cannot create the snapshot's temporary file: %s",
                            w->target_path, strerror(errno));
    }
    w->snapshot_format = format;
    snprintf(w->snapshot_words, sizeof w->snapshot_words, "%s", words ? words : "");
    *out = w->snapshot;
    return TG_OK;
}

/* Records the image in meta (or that there is none), inside the open transaction. */
static enum tg_status snapshot_meta(struct tg_store_writer *w, struct tg_error *err)
{
    if (!w->snapshot)
        return store_exec(w->db, w->temp_path,
                          "DELETE FROM meta WHERE key IN ('snapshot_bytes', 'snapshot_format',"
                          " 'snapshot_checksum', 'snapshot_words')",
                          err);
    if (fflush(w->snapshot) != 0 || ferror(w->snapshot))
        return tg_error_set(err, TG_ERR_IO, "%s: writing the snapshot: %s", w->target_path,
                            strerror(errno));
    struct stat st;
    if (fstat(fileno(w->snapshot), &st) != 0)
        return tg_error_set(err, TG_ERR_IO, "%s: %s", w->target_path, strerror(errno));
    w->snapshot_bytes = (uint64_t)st.st_size;
    uint64_t checksum;
    enum tg_status status = tg_store_checksum(fileno(w->snapshot), 0, w->snapshot_bytes, &checksum);
    if (status != TG_OK)
        return tg_error_set(err, status, "%s: reading the snapshot back: %s", w->target_path,
                            strerror(errno));
    /* The words row goes with every image, so one copied from the previous version never
     * describes this image's words. */
    char *sql =
        sqlite3_mprintf("INSERT OR REPLACE INTO meta(key, value) VALUES ('snapshot_bytes', '%llu'),"
                        " ('snapshot_format', '%d'), ('snapshot_checksum', '%016llx');"
                        " DELETE FROM meta WHERE key = 'snapshot_words';"
                        " INSERT INTO meta(key, value) SELECT 'snapshot_words', %Q WHERE %Q <> ''",
                        (unsigned long long)w->snapshot_bytes, w->snapshot_format,
                        (unsigned long long)checksum, w->snapshot_words, w->snapshot_words);
    if (!sql)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    status = store_exec(w->db, w->temp_path, sql, err);
    sqlite3_free(sql);
    return status;
}

static enum tg_status database_bytes(struct tg_store_writer *w, uint64_t *bytes,
                                     struct tg_error *err)
{
    sqlite3_stmt *stmt = NULL;
    enum tg_status status = TG_OK;
    if (sqlite3_prepare_v2(w->db,
                           "SELECT page_count * page_size FROM pragma_page_count(),"
                           " pragma_page_size()",
                           -1, &stmt, NULL) != SQLITE_OK ||
        sqlite3_step(stmt) != SQLITE_ROW)
        status = store_db_error(err, w->db, w->temp_path, "measuring the database");
    else
        *bytes = (uint64_t)sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return status;
}

/* Pads the closed database to IMG_ALIGN and appends the image after it. */
static enum tg_status append_snapshot(struct tg_store_writer *w, uint64_t database,
                                      struct tg_error *err)
{
    int out = open(w->temp_path, O_WRONLY | O_CLOEXEC);
    struct stat st;
    enum tg_status status = TG_OK;
    if (out < 0 || fstat(out, &st) != 0) {
        status = tg_error_set(err, TG_ERR_IO, "%s: %s", w->temp_path, strerror(errno));
        goto done;
    }
    if ((uint64_t)st.st_size != database) {
        status = tg_error_set(err, TG_ERR_DB, "%s: the database file is %lld bytes, its pages %llu",
                              w->temp_path, (long long)st.st_size, (unsigned long long)database);
        goto done;
    }
    uint64_t at = (database + TG_STORE_SNAPSHOT_ALIGN - 1) / TG_STORE_SNAPSHOT_ALIGN *
                  TG_STORE_SNAPSHOT_ALIGN;
    char buf[1 << 16];
    for (uint64_t done = 0; done < w->snapshot_bytes && status == TG_OK;) {
        size_t want =
            w->snapshot_bytes - done < sizeof buf ? (size_t)(w->snapshot_bytes - done) : sizeof buf;
        ssize_t got = pread(fileno(w->snapshot), buf, want, (off_t)done);
        if (got <= 0 || pwrite(out, buf, (size_t)got, (off_t)(at + done)) != got)
            status = tg_error_set(err, TG_ERR_IO, "%s: appending the snapshot: %s", w->temp_path,
                                  got < 0 ? strerror(errno) : "short read");
        done += got > 0 ? (uint64_t)got : 0;
    }
done:
    if (out >= 0)
        close(out);
    return status;
}

enum tg_status tg_store_writer_commit(struct tg_store_writer *w, struct tg_store_meta *meta,
                                      struct tg_error *err)
{
    struct tg_store_meta written;
    uint64_t database = 0;
    enum tg_status status = update_meta(w, &written, err);
    if (status == TG_OK)
        status = snapshot_meta(w, err);
    if (status != TG_OK)
        goto fail;
    status = store_exec(w->db, w->temp_path, "COMMIT", err);
    if (status == TG_OK)
        status = database_bytes(w, &database, err);
    if (status != TG_OK)
        goto fail;
    sqlite3_finalize(w->remember_id);
    sqlite3_finalize(w->find_hash);
    sqlite3_finalize(w->upsert);
    w->remember_id = w->find_hash = w->upsert = NULL;
    store_finalize_claim_statements(w);
    if (sqlite3_close(w->db) != SQLITE_OK) {
        status = store_db_error(err, w->db, w->temp_path, "closing");
        goto fail;
    }
    w->db = NULL;
    if (w->snapshot && (status = append_snapshot(w, database, err)) != TG_OK)
        goto fail;
    if (chmod(w->temp_path, w->mode) != 0) {
        status = tg_error_set(err, TG_ERR_IO, "%s: chmod: %s", w->temp_path, strerror(errno));
        goto fail;
    }
    status = sync_path(w->temp_path, O_RDONLY, err);
    if (status != TG_OK)
        goto fail;
    if (rename(w->temp_path, w->target_path) != 0) {
        status = tg_error_set(err, TG_ERR_IO, "renaming %s to %s: %s", w->temp_path, w->target_path,
                              strerror(errno));
        goto fail;
    }
    /* Make the rename itself durable. */
    char *dir_copy = strdup(w->target_path);
    if (dir_copy) {
        sync_path(dirname(dir_copy), O_RDONLY | O_DIRECTORY, NULL);
        free(dir_copy);
    }
    free(w->temp_path);
    w->temp_path = NULL;
    if (meta)
        *meta = written;
fail:
    tg_store_writer_abort(w);
    return status;
}

void tg_store_writer_abort(struct tg_store_writer *w)
{
    if (!w)
        return;
    store_finalize_claim_statements(w);
    sqlite3_finalize(w->remember_id);
    sqlite3_finalize(w->find_hash);
    sqlite3_finalize(w->upsert);
    sqlite3_close(w->db);
    if (w->snapshot)
        fclose(w->snapshot);
    if (w->temp_path && w->temp_path[0])
        unlink(w->temp_path);
    if (w->lock_fd >= 0)
        close(w->lock_fd);
    free(w->temp_path);
    free(w->target_path);
    free(w);
}
