/*
 * GET /v1/export/...: the whole graph in the export formats (thaigraph/export.h), streamed. The
 * stream retains the snapshot it started from, so a reload during a long download neither waits
 * for it nor changes it half-way.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "thaigraph/export.h"

struct export_stream {
    struct tg_snapshot_holder *holder;
    const struct tg_graph *graph;
    struct tg_export *export;
};

static ssize_t read_export(void *ctx, char *buf, size_t cap)
{
    struct export_stream *s = ctx;
    size_t len = 0;
    if (tg_export_read(s->export, buf, cap, &len) != TG_OK)
        return -1;
    return (ssize_t)len;
}

static void free_export(void *ctx)
{
    struct export_stream *s = ctx;
    tg_export_free(s->export);
    tg_snapshot_drop(s->holder, s->graph);
    free(s);
}

enum tg_status http_export_get(struct http_request *request, struct http_output *out)
{
    static const struct {
        const char *suffix;
        enum tg_export_format format;
    } files[] = {
        {"/entities.ftm.ndjson", TG_EXPORT_FTM},
        {"/entities.ndjson", TG_EXPORT_NDJSON},
        {"/graph.graphml", TG_EXPORT_GRAPHML},
        {"/graph.gexf", TG_EXPORT_GEXF},
    };
    size_t n = strlen(request->url);
    const char *suffix = NULL;
    enum tg_export_format format = TG_EXPORT_NDJSON;
    for (size_t i = 0; i < sizeof files / sizeof *files && !suffix; i++) {
        size_t k = strlen(files[i].suffix);
        if (n >= k && strcmp(request->url + n - k, files[i].suffix) == 0) {
            suffix = files[i].suffix;
            format = files[i].format;
        }
    }
    if (!suffix)
        return http_fail(request, TG_ERR_NOT_FOUND, NULL, "no export at %s", request->url);
    struct export_stream *s = calloc(1, sizeof *s);
    if (!s)
        return TG_ERR_NOMEM;
    s->holder = request->holder;
    s->graph = tg_snapshot_retain(request->holder);
    /* The tag already names this request's snapshot; a reload in between cannot stream it. */
    if (s->graph != request->graph) {
        if (s->graph)
            tg_snapshot_drop(s->holder, s->graph);
        free(s);
        return http_fail(request, TG_ERR_UNAVAILABLE, NULL, "the graph is being reloaded; retry");
    }
    enum tg_status status = tg_export_open(s->graph, format, &s->export);
    if (status != TG_OK) {
        tg_snapshot_drop(s->holder, s->graph);
        free(s);
        return status;
    }
    out->content_type = tg_export_content_type(format);
    out->stream = (struct http_stream){read_export, free_export, s};
    return TG_OK;
}
