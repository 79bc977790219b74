/*
 * The build stage: documents and claims of the version being written in, a snapshot image out.
 * The graph it makes is the one the daemon will load, built in memory the way the daemon used to
 * build it at start-up, then written out; the daemon now only maps the result.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "build_internal.h"
#include "thaigraph/log.h"
#include "thaigraph/utf8.h"

/* The documents, counted then copied: a growable array first, sized once at the end. */
struct documents {
    struct tg_graph *g;
    struct tg_graph_document *list;
    size_t count, cap;
};

static enum tg_status take_document(void *ctx, const struct tg_store_document *row)
{
    struct documents *d = ctx;
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 1024;
        struct tg_graph_document *grown = realloc(d->list, cap * sizeof *grown);
        if (!grown)
            return TG_ERR_NOMEM;
        d->list = grown;
        d->cap = cap;
    }
    struct tg_graph *g = d->g;
    struct tg_graph_document *doc = &d->list[d->count];
    bool ok = true;
    *doc = (struct tg_graph_document){0};
    doc->id = graph_strdup_optional(g, row->id, &ok);
    doc->title = graph_strdup_optional(g, row->title, &ok);
    doc->text = graph_strndup(g, row->text, row->text_len);
    ok = ok && doc->text != NULL;
    doc->text_bytes = row->text_len;
    doc->length = tg_utf8_count(row->text, row->text_len);
    doc->published = graph_strdup_optional(g, row->published, &ok);
    doc->published_precision = graph_strdup_optional(g, row->published_precision, &ok);
    doc->source = graph_strdup_optional(g, row->source, &ok);
    doc->url = graph_strdup_optional(g, row->url, &ok);
    if (!ok)
        return TG_ERR_NOMEM;
    d->count++;
    return TG_OK;
}

static enum tg_status read_documents(struct tg_graph *g, struct tg_store_writer *writer,
                                     struct tg_error *err)
{
    struct documents d = {.g = g};
    enum tg_status status = tg_store_writer_documents(writer, take_document, &d, err);
    if (status == TG_OK) {
        g->documents = graph_alloc(g, (d.count ? d.count : 1) * sizeof *g->documents);
        if (g->documents && d.count)
            memcpy(g->documents, d.list, d.count * sizeof *g->documents);
        status = g->documents ? TG_OK : TG_ERR_NOMEM;
        g->document_count = d.count;
    }
    free(d.list);
    if (status == TG_ERR_NOMEM)
        tg_error_set(err, status, "out of memory reading the documents");
    return status;
}

/* The previous snapshot, or NULL when there is none this build can use. */
static struct tg_graph *load_previous(const char *path)
{
    struct tg_graph *before = NULL;
    struct tg_error err = {{0}};
    enum tg_status status = path ? tg_graph_load(path, &before, &err) : TG_ERR_NOT_FOUND;
    /* A new database, or one without a snapshot, simply has nothing to lend. */
    if (status != TG_OK && status != TG_ERR_NOT_FOUND)
        tg_log(TG_LOG_INFO, "build: not reusing the previous snapshot: %s", err.message);
    if (status != TG_OK)
        before = NULL;
    return before;
}

enum tg_status tg_build_snapshot(struct tg_store_writer *writer, const char *previous,
                                 struct tg_build_report *report, struct tg_error *err)
{
    struct tg_build_report times = {0};
    struct tg_graph *g = graph_new();
    if (!g)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    FILE *out = NULL;
    double t0 = tg_log_seconds();
    enum tg_status status = read_documents(g, writer, err);
    double t1 = tg_log_seconds();
    if (status == TG_OK)
        status = build_merge(g, writer, err);
    double t2 = tg_log_seconds();
    struct tg_graph *before = status == TG_OK ? load_previous(previous) : NULL;
    char words[TG_STORE_WORDS_SIZE];
    build_words_fingerprint(words);
    if (status == TG_OK && (status = build_index(g, before, words, &times.reused)) != TG_OK)
        tg_error_set(err, status, "building the search indexes: %s", tg_status_title(status));
    tg_graph_free(before);
    double t3 = tg_log_seconds();
    if (status == TG_OK)
        status = tg_store_writer_snapshot(writer, IMG_FORMAT, words, &out, err);
    if (status == TG_OK)
        status = build_write(g, out, err);
    double t4 = tg_log_seconds();
    times = (struct tg_build_report){
        t1 - t0, t2 - t1, t3 - t2, t4 - t3, out ? (size_t)ftell(out) : 0, times.reused};
    if (report)
        *report = times;
    tg_graph_free(g);
    return status;
}
