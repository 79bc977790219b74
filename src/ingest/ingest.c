#include "thaigraph/ingest.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "thaigraph/article.h"
#include "thaigraph/boilerplate.h"
#include "thaigraph/build.h"
#include "thaigraph/extract.h"
#include "thaigraph/grow.h"
#include "thaigraph/hash.h"
#include "thaigraph/log.h"
#include "thaigraph/utf8.h"

#define MAX_ID_BYTES TG_INGEST_MAX_ID_BYTES
#define READ_CHUNK   (256u * 1024u)

struct run {
    const struct tg_ingest_options *options;
    struct tg_ingest_report *report;
    struct tg_store_writer *writer;
    struct timespec last_progress;
};

/* A growable list of input files, sorted before use so directory order never matters. */
struct file_list {
    char **paths;
    size_t count;
    size_t capacity;
};

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool is_jsonl(const char *path)
{
    return has_suffix(path, ".jsonl") || has_suffix(path, ".jsonl.gz");
}

static enum tg_status list_add(struct file_list *list, const char *path, struct tg_error *err)
{
    char **grown = tg_grow(list->paths, &list->capacity, list->count + 1, sizeof *grown);
    if (!grown)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    list->paths = grown;
    list->paths[list->count] = strdup(path);
    if (!list->paths[list->count])
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    list->count++;
    return TG_OK;
}

static void list_free(struct file_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->paths[i]);
    free(list->paths);
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static enum tg_status collect(const char *path, bool named, struct file_list *list,
                              struct tg_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return tg_error_set(err, TG_ERR_NOT_FOUND, "%s: %s", path, strerror(errno));
    if (!S_ISDIR(st.st_mode)) {
        /* A file named on the command line is taken whatever its name; inside a directory only
         * article files are, so stray READMEs and images are left alone. */
        if (named || has_suffix(path, ".txt") || is_jsonl(path))
            return list_add(list, path, err);
        return TG_OK;
    }
    DIR *dir = opendir(path);
    if (!dir)
        return tg_error_set(err, TG_ERR_IO, "%s: %s", path, strerror(errno));
    enum tg_status status = TG_OK;
    struct dirent *entry;
    while (status == TG_OK && (entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        size_t size = strlen(path) + strlen(entry->d_name) + 2;
        char *child = malloc(size);
        if (!child) {
            status = tg_error_set(err, TG_ERR_NOMEM, "out of memory");
            break;
        }
        snprintf(child, size, "%s/%s", path, entry->d_name);
        status = collect(child, false, list, err);
        free(child);
    }
    closedir(dir);
    return status;
}

/* A file's id is its name without extension; a name that is no valid id (Thai file names, say)
 * gets a stable hash-derived id instead so every document stays addressable in a URL. */
static void id_for_file(const char *path, char id[MAX_ID_BYTES + 1])
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (n <= MAX_ID_BYTES) {
        memcpy(id, base, n);
        id[n] = '\0';
        if (tg_ingest_id_is_valid(id, strlen(id)))
            return;
    }
    snprintf(id, MAX_ID_BYTES + 1, "doc_%012llx",
             (unsigned long long)(tg_hash_bytes(base, n) & 0xffffffffffffULL));
}

/* Reports where in the file a text problem is, by line. */
static size_t line_of(const char *text, size_t offset)
{
    size_t line = 1;
    for (size_t i = 0; i < offset; i++)
        line += text[i] == '\n';
    return line;
}

static enum tg_status check_text(const char *where, const char *text, size_t len,
                                 struct tg_error *err)
{
    size_t bad = 0;
    if (len > TG_INGEST_MAX_DOCUMENT_BYTES)
        return tg_error_set(err, TG_ERR_TOO_LARGE, "%s: text of %zu bytes exceeds the limit of %u",
                            where, len, TG_INGEST_MAX_DOCUMENT_BYTES);
    if (tg_utf8_has_nul(text, len))
        return tg_error_set(err, TG_ERR_PARSE, "%s: text contains a NUL byte", where);
    if (tg_utf8_validate(text, len, &bad) != TG_OK)
        return tg_error_set(err, TG_ERR_INVALID_UTF8, "%s: invalid UTF-8 at line %zu (byte %zu)",
                            where, line_of(text, bad), bad);
    return TG_OK;
}

/* The published field of a JSON record: YYYY, YYYY-MM or YYYY-MM-DD. */
static const char *precision_of_iso(const char *s)
{
    static const char *const names[] = {"year", "month", "day"};
    static const size_t lengths[] = {4, 7, 10};
    size_t n = strlen(s);
    for (int p = 0; p < 3; p++) {
        if (n != lengths[p])
            continue;
        int year = 0, month = 1, day = 1, used = 0;
        int fields = p == 0   ? sscanf(s, "%4d%n", &year, &used)
                     : p == 1 ? sscanf(s, "%4d-%2d%n", &year, &month, &used)
                              : sscanf(s, "%4d-%2d-%2d%n", &year, &month, &day, &used);
        if (fields == p + 1 && (size_t)used == n && month >= 1 && month <= 12 && day >= 1 &&
            day <= 31)
            return names[p];
    }
    return NULL;
}

/* Documents whose fields come from the record override what the text says about itself. */
struct overrides {
    const char *title;
    const char *published;
    const char *source;
    const char *url;
};

static void show_progress(struct run *run, bool final)
{
    if (!run->options->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double since = (double)(now.tv_sec - run->last_progress.tv_sec) +
                   (double)(now.tv_nsec - run->last_progress.tv_nsec) / 1e9;
    if (!final && since < 0.2)
        return;
    run->last_progress = now;
    fprintf(stderr, "\r%zu documents, %.1f MB, %zu skipped, %zu extracted%s",
            run->report->documents, (double)run->report->bytes / 1e6, run->report->skipped,
            run->report->extracted, final ? "\n" : "");
}

static enum tg_status store_document(struct run *run, const char *id, const char *where,
                                     const char *text, size_t len, const struct overrides *given,
                                     struct tg_error *err)
{
    enum tg_status status = check_text(where, text, len, err);
    if (status != TG_OK)
        return status;
    struct tg_article_meta meta;
    status = tg_article_read(text, len, &meta);
    if (status == TG_ERR_EMPTY)
        return tg_error_set(err, status, "%s: the text is empty", where);
    if (status != TG_OK)
        return tg_error_set(err, status, "%s: %s", where, tg_status_title(status));
    struct tg_store_document doc = {
        .id = id,
        .title = given->title ? given->title : meta.title,
        .text = text,
        .text_len = len,
        .published = given->published ? given->published : meta.published,
        .published_precision =
            given->published ? precision_of_iso(given->published) : meta.published_precision,
        .source = given->source ? given->source : meta.source,
        .url = given->url ? given->url : meta.url,
        .origin = where,
    };
    enum tg_store_put_outcome outcome;
    status = tg_store_writer_put(run->writer, &doc, &outcome, err);
    tg_article_meta_clear(&meta);
    if (status != TG_OK)
        return status;
    run->report->documents++;
    run->report->bytes += len;
    size_t *counter = outcome == TG_STORE_INSERTED  ? &run->report->inserted
                      : outcome == TG_STORE_UPDATED ? &run->report->updated
                                                    : &run->report->unchanged;
    (*counter)++;
    show_progress(run, false);
    return TG_OK;
}

/* Decides whether a failed record stops the run: only real record problems may be skipped. */
static enum tg_status skip_or_fail(struct run *run, enum tg_status status, struct tg_error *err)
{
    bool record_problem = status == TG_ERR_PARSE || status == TG_ERR_INVALID_UTF8 ||
                          status == TG_ERR_EMPTY || status == TG_ERR_TOO_LARGE ||
                          status == TG_ERR_DUPLICATE || status == TG_ERR_BAD_PARAMETER;
    if (!record_problem || run->options->strict)
        return status;
    tg_log(TG_LOG_WARN, "skipped %s", err->message);
    if (++run->report->skipped > TG_INGEST_MAX_SKIPPED)
        return tg_error_set(err, TG_ERR_TOO_LARGE,
                            "more than %u bad records; this is not input ingest can read",
                            TG_INGEST_MAX_SKIPPED);
    return TG_OK;
}

static enum tg_status ingest_text_file(struct run *run, const char *path, struct tg_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return tg_error_set(err, TG_ERR_IO, "%s: %s", path, strerror(errno));
    enum tg_status status = TG_OK;
    char *text = malloc(TG_INGEST_MAX_DOCUMENT_BYTES + 1);
    if (!text) {
        status = tg_error_set(err, TG_ERR_NOMEM, "out of memory");
        goto done;
    }
    size_t len = fread(text, 1, TG_INGEST_MAX_DOCUMENT_BYTES + 1, f);
    if (ferror(f)) {
        status = tg_error_set(err, TG_ERR_IO, "%s: read error: %s", path, strerror(errno));
        goto done;
    }
    text[len < TG_INGEST_MAX_DOCUMENT_BYTES ? len : TG_INGEST_MAX_DOCUMENT_BYTES] = '\0';
    char id[MAX_ID_BYTES + 1];
    id_for_file(path, id);
    static const struct overrides none;
    status = store_document(run, id, path, text, len, &none, err);
    if (status == TG_ERR_DUPLICATE)
        status = skip_or_fail(run, status, err);
done:
    free(text);
    fclose(f);
    return status;
}

static const char *optional_string(json_t *object, const char *key)
{
    json_t *value = json_object_get(object, key);
    return json_is_string(value) && json_string_length(value) > 0 ? json_string_value(value) : NULL;
}

static enum tg_status ingest_record(struct run *run, const char *where, const char *line,
                                    size_t len, struct tg_error *err)
{
    json_error_t json_err;
    json_t *record = json_loadb(line, len, JSON_REJECT_DUPLICATES, &json_err);
    enum tg_status status = TG_OK;
    if (!record)
        return tg_error_set(err, TG_ERR_PARSE, "%s: not JSON: %s", where, json_err.text);
    json_t *id = json_object_get(record, "id");
    json_t *text = json_object_get(record, "text");
    if (!json_is_object(record)) {
        status = tg_error_set(err, TG_ERR_PARSE, "%s: not a JSON object", where);
    } else if (!json_is_string(id) || !json_is_string(text)) {
        status =
            tg_error_set(err, TG_ERR_PARSE, "%s: needs string fields \"id\" and \"text\"", where);
    } else if (!tg_ingest_id_is_valid(json_string_value(id), json_string_length(id))) {
        status = tg_error_set(err, TG_ERR_PARSE,
                              "%s: id must be 1 to %d characters of A-Z a-z 0-9 . _ -", where,
                              MAX_ID_BYTES);
    } else {
        struct overrides given = {
            .title = optional_string(record, "title"),
            .published = optional_string(record, "published"),
            .source = optional_string(record, "source"),
            .url = optional_string(record, "url"),
        };
        if (given.published && !precision_of_iso(given.published))
            status = tg_error_set(err, TG_ERR_PARSE,
                                  "%s: published must be YYYY, YYYY-MM or YYYY-MM-DD", where);
        else
            status = store_document(run, json_string_value(id), where, json_string_value(text),
                                    json_string_length(text), &given, err);
    }
    json_decref(record);
    return status;
}

/*
 * A JSON Lines file as a stream of bytes: plain, or gzip (one member or several) inflated
 * here rather than through gzread, which skips whatever follows the last member in silence.
 * Anything after a member that is not another member is an error naming its offset, and so is
 * inflating past TG_INGEST_MAX_FILE_BYTES (9 MB of gzip holds 9 GB of newlines).
 */
struct input {
    const char *path;
    FILE *f;
    bool gzip, member_open, eof;
    z_stream z;
    uint64_t produced;
    unsigned char chunk[READ_CHUNK];
};

static enum tg_status input_open(struct input *in, const char *path, struct tg_error *err)
{
    memset(in, 0, sizeof *in);
    in->path = path;
    in->f = fopen(path, "rb");
    if (!in->f)
        return tg_error_set(err, TG_ERR_IO, "%s: %s", path, strerror(errno));
    size_t n = fread(in->chunk, 1, sizeof in->chunk, in->f);
    if (ferror(in->f))
        return tg_error_set(err, TG_ERR_IO, "%s: read error: %s", path, strerror(errno));
    in->z.next_in = in->chunk;
    in->z.avail_in = (uInt)n;
    in->gzip = n >= 2 && in->chunk[0] == 0x1f && in->chunk[1] == 0x8b;
    if (in->gzip) {
        if (inflateInit2(&in->z, 15 + 16) != Z_OK)
            return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
        in->member_open = true;
    }
    return TG_OK;
}

static void input_close(struct input *in)
{
    if (in->gzip)
        inflateEnd(&in->z);
    if (in->f)
        fclose(in->f);
}

/* Tops up the unread input, keeping what is left of it; false at the end of the file. */
static bool input_refill(struct input *in, struct tg_error *err, enum tg_status *status)
{
    if (in->eof)
        return false;
    memmove(in->chunk, in->z.next_in, in->z.avail_in);
    size_t n = fread(in->chunk + in->z.avail_in, 1, sizeof in->chunk - in->z.avail_in, in->f);
    if (ferror(in->f)) {
        *status = tg_error_set(err, TG_ERR_IO, "%s: read error: %s", in->path, strerror(errno));
        return false;
    }
    in->z.next_in = in->chunk;
    in->z.avail_in += (uInt)n;
    in->eof = n == 0;
    return n > 0;
}

/* After a member's end: another member, the end of the file, or an error. */
static enum tg_status input_next_member(struct input *in, struct tg_error *err)
{
    enum tg_status status = TG_OK;
    while (in->z.avail_in < 2 && input_refill(in, err, &status))
        ;
    if (status != TG_OK || in->z.avail_in == 0)
        return status;
    if (in->z.avail_in >= 2 && in->z.next_in[0] == 0x1f && in->z.next_in[1] == 0x8b) {
        inflateReset(&in->z);
        in->member_open = true;
        return TG_OK;
    }
    long at = ftell(in->f) - (long)in->z.avail_in;
    return tg_error_set(err, TG_ERR_PARSE,
                        "%s: trailing garbage after the gzip stream at byte %ld (not gzip data)",
                        in->path, at);
}

/* Reads up to size bytes into buf; *got is 0 only at the end of the input. */
static enum tg_status input_read(struct input *in, char *buf, size_t size, size_t *got,
                                 struct tg_error *err)
{
    enum tg_status status = TG_OK;
    *got = 0;
    if (!in->gzip) {
        size_t n = in->z.avail_in < size ? in->z.avail_in : size;
        memcpy(buf, in->z.next_in, n);
        in->z.next_in += n;
        in->z.avail_in -= (uInt)n;
        if (n == 0 && !in->eof) {
            n = fread(buf, 1, size, in->f);
            if (ferror(in->f))
                return tg_error_set(err, TG_ERR_IO, "%s: read error: %s", in->path,
                                    strerror(errno));
            in->eof = n == 0;
        }
        *got = n;
    } else {
        in->z.next_out = (unsigned char *)buf;
        in->z.avail_out = (uInt)size;
        while (in->z.avail_out == size && in->member_open && status == TG_OK) {
            if (in->z.avail_in == 0 && !input_refill(in, err, &status)) {
                if (status == TG_OK)
                    status = tg_error_set(err, TG_ERR_IO,
                                          "%s: corrupt compressed data: the stream is truncated",
                                          in->path);
                break;
            }
            int rc = inflate(&in->z, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                in->member_open = false;
                status = input_next_member(in, err);
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                status = tg_error_set(err, TG_ERR_IO, "%s: corrupt compressed data: %s", in->path,
                                      in->z.msg ? in->z.msg : "inflate failed");
            }
        }
        *got = size - in->z.avail_out;
    }
    in->produced += *got;
    if (status == TG_OK && in->produced > TG_INGEST_MAX_FILE_BYTES)
        status = tg_error_set(err, TG_ERR_TOO_LARGE, "%s: holds more than %llu bytes of text",
                              in->path, (unsigned long long)TG_INGEST_MAX_FILE_BYTES);
    return status;
}

/* Reads a JSON Lines file a line at a time. Lines longer than any acceptable record are skipped
 * without being held in memory, and reported, at the end of the file too. */
static enum tg_status ingest_jsonl_file(struct run *run, const char *path, struct tg_error *err)
{
    struct input in;
    enum tg_status status = input_open(&in, path, err);
    /* JSON escapes can make a record longer than its text; allow for that. */
    const size_t max_line = 2 * (size_t)TG_INGEST_MAX_DOCUMENT_BYTES;
    size_t capacity = READ_CHUNK, used = 0, line_number = 1;
    char *buf = malloc(capacity);
    size_t where_size = strlen(path) + 32;
    char *where = malloc(where_size);
    bool oversized = false;
    if (status == TG_OK && (!buf || !where))
        status = tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    while (status == TG_OK) {
        if (used == capacity) {
            if (capacity >= max_line) {
                oversized = true;
                used = 0;
            } else {
                char *grown = realloc(buf, capacity * 2);
                if (!grown) {
                    status = tg_error_set(err, TG_ERR_NOMEM, "out of memory");
                    break;
                }
                buf = grown;
                capacity *= 2;
            }
        }
        size_t got = 0;
        if ((status = input_read(&in, buf + used, capacity - used, &got, err)) != TG_OK)
            break;
        bool at_end = got == 0;
        size_t scan_from = used, start = 0;
        used += got;
        for (size_t i = scan_from; status == TG_OK && (i < used || (at_end && start < used)); i++) {
            if (i < used && buf[i] != '\n')
                continue;
            size_t end = i < used ? i : used;
            size_t line_len = end - start;
            if (line_number > TG_INGEST_MAX_LINES) {
                status = tg_error_set(err, TG_ERR_TOO_LARGE, "%s: more than %u lines", path,
                                      TG_INGEST_MAX_LINES);
                break;
            }
            if (oversized) {
                snprintf(where, where_size, "%s:%zu", path, line_number);
                status = tg_error_set(err, TG_ERR_TOO_LARGE, "%s: line longer than %zu bytes",
                                      where, max_line);
                status = skip_or_fail(run, status, err);
                oversized = false;
            } else if (line_len > 0 && !(line_len == 1 && buf[start] == '\r')) {
                snprintf(where, where_size, "%s:%zu", path, line_number);
                status = ingest_record(run, where, buf + start, line_len, err);
                if (status != TG_OK)
                    status = skip_or_fail(run, status, err);
            }
            line_number++;
            start = i + 1;
        }
        if (status != TG_OK)
            break;
        if (at_end) {
            /* A last line without a newline that filled the buffer to the cap. */
            if (oversized) {
                snprintf(where, where_size, "%s:%zu", path, line_number);
                status = tg_error_set(err, TG_ERR_TOO_LARGE, "%s: line longer than %zu bytes",
                                      where, max_line);
                status = skip_or_fail(run, status, err);
            }
            break;
        }
        if (start > used)
            start = used;
        memmove(buf, buf + start, used - start);
        used -= start;
    }
    free(where);
    free(buf);
    input_close(&in);
    return status;
}

/* One document's extraction, done on a worker thread: everything it reads is its own copy. */
struct extraction {
    char *id, *text, *origin, *published;
    size_t text_len;
    struct tg_extract_result *result; /* NULL when the document is all page furniture */
    enum tg_status status;
};

static enum tg_status extraction_load(struct extraction *job, const struct tg_store_document *doc)
{
    *job = (struct extraction){.text_len = doc->text_len};
    job->id = strdup(doc->id);
    job->origin = strdup(doc->origin);
    job->text = malloc(doc->text_len + 1);
    job->published = doc->published ? strdup(doc->published) : NULL;
    if (!job->id || !job->origin || !job->text || (doc->published && !job->published))
        return TG_ERR_NOMEM;
    memcpy(job->text, doc->text, doc->text_len);
    job->text[doc->text_len] = '\0';
    return TG_OK;
}

static void extraction_clear(struct extraction *job)
{
    free(job->id);
    free(job->text);
    free(job->origin);
    free(job->published);
    tg_extract_result_free(job->result);
    *job = (struct extraction){0};
}

/* The publication date as extraction context: "2011-12-22" at its precision. */
static bool context_date(const char *published, struct tg_date *date)
{
    memset(date, 0, sizeof *date);
    if (!published)
        return false;
    int fields = sscanf(published, "%4d-%2d-%2d", &date->year, &date->month, &date->day);
    date->precision = fields == 3   ? TG_DATE_PRECISION_DAY
                      : fields == 2 ? TG_DATE_PRECISION_MONTH
                                    : TG_DATE_PRECISION_YEAR;
    return fields >= 1;
}

static void extraction_run(const struct tg_extract *extractor, struct extraction *job)
{
    struct tg_boilerplate_range *furniture = NULL;
    size_t furniture_count = 0;
    struct tg_extract_range *excluded = NULL;
    enum tg_status status =
        tg_boilerplate_find(job->text, job->text_len, &furniture, &furniture_count);
    if (status == TG_OK && furniture_count > 0) {
        excluded = malloc(furniture_count * sizeof *excluded);
        if (!excluded)
            status = TG_ERR_NOMEM;
        for (size_t i = 0; excluded && i < furniture_count; i++)
            excluded[i] = (struct tg_extract_range){furniture[i].start, furniture[i].end};
    }
    struct tg_date context;
    bool dated = context_date(job->published, &context);
    if (status == TG_OK)
        status = tg_extract_document(extractor, job->text, job->text_len, excluded, furniture_count,
                                     dated ? &context : NULL, &job->result);
    /* A document that is all page furniture says nothing: it gets empty claims. */
    job->status = status == TG_ERR_EMPTY ? TG_OK : status;
    free(excluded);
    free(furniture);
}

/* Documents extracted together: the workers share them out, then the claims are written in
 * id order by the one thread that owns the store. A batch ends when its longest document does,
 * with the other cores idle meanwhile, so batches are long enough to make that rare (issue 10). */
#define EXTRACTION_BATCH       256
#define EXTRACTION_MAX_WORKERS 16

struct extraction_batch {
    const struct tg_extract *extractor;
    struct extraction jobs[EXTRACTION_BATCH];
    size_t count;
    _Atomic size_t next;
    pthread_t threads[EXTRACTION_MAX_WORKERS];
    unsigned started;
};

static void *extraction_worker(void *arg)
{
    struct extraction_batch *batch = arg;
    for (size_t i; (i = atomic_fetch_add(&batch->next, 1)) < batch->count;)
        extraction_run(batch->extractor, &batch->jobs[i]);
    return NULL;
}

/* Sets workers threads extracting the batch; the caller is free meanwhile (it writes the
 * previous batch's claims) and then joins in with extract_batch_finish. */
static void extract_batch_start(struct extraction_batch *batch, unsigned workers)
{
    atomic_store(&batch->next, 0);
    batch->started = 0;
    while (batch->started < workers &&
           pthread_create(&batch->threads[batch->started], NULL, extraction_worker, batch) == 0)
        batch->started++;
}

/* Waits for the batch; with work, the calling thread extracts too, so a failed create only
 * slows. */
static void extract_batch_finish(struct extraction_batch *batch, bool work)
{
    if (work)
        extraction_worker(batch);
    for (unsigned i = 0; i < batch->started; i++)
        pthread_join(batch->threads[i], NULL);
    batch->started = 0;
}

static unsigned extraction_workers(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1)
        return 1;
    return cores > EXTRACTION_MAX_WORKERS ? EXTRACTION_MAX_WORKERS : (unsigned)cores;
}

static enum tg_status store_extraction(struct run *run, const struct extraction *job,
                                       struct tg_error *err)
{
    static const struct tg_extract_result nothing;
    if (job->status != TG_OK)
        return tg_error_set(err, job->status, "%s: extraction failed: %s", job->origin,
                            tg_status_title(job->status));
    enum tg_status status =
        tg_store_writer_put_claims(run->writer, job->id, job->result ? job->result : &nothing,
                                   TG_INGEST_EXTRACTION_VERSION, err);
    if (status == TG_OK) {
        run->report->extracted++;
        show_progress(run, false);
    }
    return status;
}

/* Writes a batch's claims in id order and empties it. */
static enum tg_status store_batch(struct run *run, struct extraction_batch *batch,
                                  enum tg_status status, struct tg_error *err)
{
    for (size_t i = 0; i < batch->count && status == TG_OK; i++)
        status = store_extraction(run, &batch->jobs[i], err);
    for (size_t i = 0; i < batch->count; i++)
        extraction_clear(&batch->jobs[i]);
    batch->count = 0;
    return status;
}

/*
 * Extracts every document whose claims are not from this version of the rules. Two batches
 * take turns: while the workers extract one, this thread writes the other's claims, so the
 * cores are not idle while the store is written (issue 10).
 */
static enum tg_status extract_stale(struct run *run, struct tg_error *err)
{
    char **ids = NULL;
    size_t count = 0;
    enum tg_status status = tg_store_writer_stale_documents(
        run->writer, TG_INGEST_EXTRACTION_VERSION, &ids, &count, err);
    if (status != TG_OK || count == 0)
        return status;
    struct tg_extract *extractor = NULL;
    struct extraction_batch *batches = calloc(2, sizeof *batches);
    unsigned workers = extraction_workers();
    if (!batches) {
        tg_store_ids_free(ids, count);
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    }
    status = tg_extract_new(&extractor, err);
    struct extraction_batch *done = NULL;
    for (size_t first = 0, turn = 0; first < count && status == TG_OK;
         first += EXTRACTION_BATCH, turn++) {
        struct extraction_batch *batch = &batches[turn % 2];
        batch->extractor = extractor;
        batch->count = count - first < EXTRACTION_BATCH ? count - first : EXTRACTION_BATCH;
        for (size_t i = 0; i < batch->count && status == TG_OK; i++) {
            struct tg_store_document doc;
            status = tg_store_writer_get_document(run->writer, ids[first + i], &doc, err);
            if (status == TG_OK && extraction_load(&batch->jobs[i], &doc) != TG_OK)
                status = tg_error_set(err, TG_ERR_NOMEM, "out of memory");
        }
        bool loaded = status == TG_OK;
        if (loaded)
            extract_batch_start(batch, workers);
        if (done)
            status = store_batch(run, done, status, err);
        extract_batch_finish(batch, loaded);
        done = batch;
    }
    if (done)
        status = store_batch(run, done, status, err);
    tg_extract_free(extractor);
    free(batches);
    tg_store_ids_free(ids, count);
    return status;
}

enum tg_status tg_ingest_run(const char *db_path, const char *const *paths, size_t path_count,
                             const struct tg_ingest_options *options,
                             struct tg_ingest_report *report, struct tg_error *err)
{
    memset(report, 0, sizeof *report);
    double started = tg_log_seconds();
    struct run run = {.options = options, .report = report};
    struct file_list files = {0};
    enum tg_status status = TG_OK;
    for (size_t i = 0; i < path_count && status == TG_OK; i++)
        status = collect(paths[i], true, &files, err);
    if (status != TG_OK)
        goto done;
    /* No inputs at all is a rebuild of an existing database's derived data. */
    if (path_count == 0 && access(db_path, F_OK) != 0) {
        status = tg_error_set(err, TG_ERR_NOT_FOUND,
                              "%s: no such database to rebuild, and no inputs to read", db_path);
        goto done;
    }
    if (files.count == 0 && path_count > 0) {
        status = tg_error_set(err, TG_ERR_NOT_FOUND, "no .txt, .jsonl or .jsonl.gz files found");
        goto done;
    }
    if (files.count > 1)
        qsort(files.paths, files.count, sizeof *files.paths, compare_paths);

    status = tg_store_writer_open(db_path, options->start_empty, &run.writer, err);
    if (status != TG_OK)
        goto done;
    clock_gettime(CLOCK_MONOTONIC, &run.last_progress);
    for (size_t i = 0; i < files.count && status == TG_OK; i++) {
        status = is_jsonl(files.paths[i]) ? ingest_jsonl_file(&run, files.paths[i], err)
                                          : ingest_text_file(&run, files.paths[i], err);
    }
    double t0 = tg_log_seconds();
    report->read_seconds = t0 - started;
    if (status == TG_OK)
        status = extract_stale(&run, err);
    show_progress(&run, true);
    double t1 = tg_log_seconds();
    report->extract_seconds = t1 - t0;
    /* An ingest without inputs is the way to rebuild the derived data from the tables alone,
     * so it takes nothing from the previous snapshot. */
    if (status == TG_OK)
        status =
            tg_build_snapshot(run.writer, path_count > 0 ? db_path : NULL, &report->build, err);
    double t2 = tg_log_seconds();
    report->build_seconds = t2 - t1;
    if (status == TG_OK) {
        status = tg_store_writer_commit(run.writer, &report->meta, err);
        run.writer = NULL;
        report->commit_seconds = tg_log_seconds() - t2;
    }
done:
    tg_store_writer_abort(run.writer);
    list_free(&files);
    return status;
}
