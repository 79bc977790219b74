/* The export engine: renders a format's sections one item at a time into a buffer that
 * tg_export_read drains. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"

static const struct export_format *const formats[TG_EXPORT_FORMAT_COUNT] = {
    [TG_EXPORT_NDJSON] = &export_ndjson,
    [TG_EXPORT_GRAPHML] = &export_graphml,
    [TG_EXPORT_GEXF] = &export_gexf,
    [TG_EXPORT_FTM] = &export_ftm,
    [TG_EXPORT_OPENSEARCH] = &export_opensearch,
    [TG_EXPORT_OPENSEARCH_MAPPING] = &export_opensearch_mapping,
};

const char *tg_export_format_name(enum tg_export_format format)
{
    return (unsigned)format < TG_EXPORT_FORMAT_COUNT ? formats[format]->name : NULL;
}

bool tg_export_format_parse(const char *name, enum tg_export_format *format)
{
    for (int f = 0; f < TG_EXPORT_FORMAT_COUNT; f++) {
        if (strcmp(formats[f]->name, name) == 0) {
            *format = (enum tg_export_format)f;
            return true;
        }
    }
    return false;
}

const char *tg_export_content_type(enum tg_export_format format)
{
    return (unsigned)format < TG_EXPORT_FORMAT_COUNT ? formats[format]->content_type : NULL;
}

void xbuf_add(struct xbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void xbuf_str(struct xbuf *b, const char *s)
{
    xbuf_add(b, s, strlen(s));
}

void xbuf_printf(struct xbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(small, sizeof small, fmt, args);
    va_end(args);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        xbuf_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->failed = true;
        return;
    }
    va_start(args, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, args);
    va_end(args);
    xbuf_add(b, big, (size_t)n);
    free(big);
}

void xbuf_xml(struct xbuf *b, const char *s)
{
    for (const char *run = s;; s++) {
        unsigned char c = (unsigned char)*s;
        const char *entity = c == '&'    ? "&amp;"
                             : c == '<'  ? "&lt;"
                             : c == '>'  ? "&gt;"
                             : c == '"'  ? "&quot;"
                             : c == '\'' ? "&apos;"
                                         : NULL;
        bool forbidden = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        if (c && !entity && !forbidden)
            continue;
        xbuf_add(b, run, (size_t)(s - run));
        if (!c)
            return;
        if (entity)
            xbuf_str(b, entity);
        run = s + 1;
    }
}

void xbuf_json_line(struct xbuf *b, json_t *json)
{
    char *text = json ? json_dumps(json, JSON_COMPACT) : NULL;
    json_decref(json);
    if (!text) {
        b->failed = true;
        return;
    }
    xbuf_str(b, text);
    xbuf_add(b, "\n", 1);
    free(text);
}

json_t *tg_export_evidence_json(const struct tg_graph_evidence *e)
{
    bool known = e->sentence != NULL;
    return json_pack("{s:s, s:o, s:o, s:o}", "document_id", e->document->id, "start",
                     known ? json_integer((json_int_t)e->start) : json_null(), "end",
                     known ? json_integer((json_int_t)e->end) : json_null(), "sentence",
                     known ? json_string(e->sentence) : json_null());
}

size_t export_entity_count(const struct tg_export *x)
{
    size_t n = 0;
    for (int t = 0; t < TG_GRAPH_TYPE_COUNT; t++)
        n += tg_graph_entity_count(x->graph, (enum tg_graph_type)t);
    return n;
}

const struct tg_graph_entity *export_entity_at(const struct tg_export *x, size_t index)
{
    for (int t = 0; t < TG_GRAPH_TYPE_COUNT; t++) {
        size_t n = tg_graph_entity_count(x->graph, (enum tg_graph_type)t);
        if (index < n)
            return tg_graph_entity_at(x->graph, (enum tg_graph_type)t, index);
        index -= n;
    }
    return NULL;
}

size_t export_event_count(const struct tg_export *x)
{
    return tg_graph_event_count(x->graph);
}

size_t export_tenure_count(const struct tg_export *x)
{
    return x->tenures ? tg_query_tenures_count(x->tenures) : 0;
}

size_t export_pair_count(const struct tg_export *x)
{
    return x->pair_count;
}

size_t export_one(const struct tg_export *x)
{
    (void)x;
    return 1;
}

static int compare_pairs(const void *p, const void *q)
{
    const struct export_pair *a = p, *b = q;
    int c = strcmp(a->a->id, b->a->id);
    return c ? c : strcmp(a->b->id, b->b->id);
}

/* Every pair of collaborating organisations once, the one with the smaller id first. */
static bool gather_pairs(struct tg_export *x)
{
    size_t cap = 0;
    size_t orgs = tg_graph_entity_count(x->graph, TG_GRAPH_ORGANISATION);
    for (size_t i = 0; i < orgs; i++) {
        const struct tg_graph_entity *a = tg_graph_entity_at(x->graph, TG_GRAPH_ORGANISATION, i);
        struct tg_graph_partner *partners = NULL;
        size_t count = 0;
        if (tg_graph_partners(a, &partners, &count) != TG_OK)
            return false;
        for (size_t k = 0; k < count; k++) {
            if (strcmp(a->id, partners[k].organisation->id) >= 0)
                continue;
            if (x->pair_count == cap) {
                cap = cap ? cap * 2 : 64;
                struct export_pair *grown = realloc(x->pairs, cap * sizeof *grown);
                if (!grown) {
                    free(partners);
                    return false;
                }
                x->pairs = grown;
            }
            x->pairs[x->pair_count++] =
                (struct export_pair){a, partners[k].organisation, partners[k].event_count,
                                     partners[k].first, partners[k].last};
        }
        free(partners);
    }
    if (x->pair_count > 1)
        qsort(x->pairs, x->pair_count, sizeof *x->pairs, compare_pairs);
    return true;
}

enum tg_status tg_export_open(const struct tg_graph *graph, enum tg_export_format format,
                              struct tg_export **out)
{
    if ((unsigned)format >= TG_EXPORT_FORMAT_COUNT)
        return TG_ERR_INVALID_ARGUMENT;
    struct tg_export *x = calloc(1, sizeof *x);
    if (!x)
        return TG_ERR_NOMEM;
    x->graph = graph;
    x->format = formats[format];
    enum tg_status status = TG_OK;
    if (x->format->tenures) {
        struct tg_query_tenure_filter everything = {0};
        status = tg_query_tenures(graph, &everything, &x->tenures);
    }
    if (status == TG_OK && x->format->pairs && !gather_pairs(x))
        status = TG_ERR_NOMEM;
    if (status != TG_OK) {
        tg_export_free(x);
        return status;
    }
    *out = x;
    return TG_OK;
}

/* Renders items until the buffer holds something to read or the export is complete. */
static enum tg_status refill(struct tg_export *x)
{
    x->out.len = 0;
    x->offset = 0;
    while (x->out.len == 0 && x->section < x->format->section_count) {
        const struct export_section *s = &x->format->sections[x->section];
        if (x->index >= s->count(x)) {
            x->section++;
            x->index = 0;
            continue;
        }
        s->emit(x, x->index++, &x->out);
        if (x->out.failed)
            return TG_ERR_NOMEM;
    }
    return TG_OK;
}

enum tg_status tg_export_read(struct tg_export *x, char *buf, size_t cap, size_t *len)
{
    *len = 0;
    if (x->offset == x->out.len) {
        enum tg_status status = refill(x);
        if (status != TG_OK)
            return status;
    }
    size_t n = x->out.len - x->offset;
    if (n > cap)
        n = cap;
    if (n)
        memcpy(buf, x->out.data + x->offset, n);
    x->offset += n;
    *len = n;
    return TG_OK;
}

void tg_export_free(struct tg_export *x)
{
    if (!x)
        return;
    tg_query_tenures_free(x->tenures);
    free(x->pairs);
    free(x->out.data);
    free(x);
}
