/* Private to src/export: the engine that turns a format's sections into a byte stream, the
 * output buffer and the text helpers the formats share. */
#ifndef THAIGRAPH_EXPORT_INTERNAL_H
#define THAIGRAPH_EXPORT_INTERNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/export.h"
#include "thaigraph/query.h"

/* A growable output buffer; failed turns true (and stays) when memory runs out. */
struct xbuf {
    char *data;
    size_t len, cap;
    bool failed;
};

void xbuf_add(struct xbuf *b, const char *s, size_t n);
void xbuf_str(struct xbuf *b, const char *s);
void xbuf_printf(struct xbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s as XML character data or attribute value: & < > " ' escaped, characters XML 1.0 forbids
 * (C0 controls other than tab and newlines) left out. */
void xbuf_xml(struct xbuf *b, const char *s);
/* A JSON document (consumed) on one line, with a newline. */
void xbuf_json_line(struct xbuf *b, json_t *json);

/* A part of a format's output: count() items, emit() rendering item i (which may be several
 * lines, e.g. every edge of one event). */
struct export_section {
    size_t (*count)(const struct tg_export *x);
    void (*emit)(struct tg_export *x, size_t index, struct xbuf *out);
};

/* Two organisations that took part together in collaborations. */
struct export_pair {
    const struct tg_graph_entity *a, *b;
    size_t events;
    const struct tg_graph_event *first, *last;
};

struct export_format {
    const char *name;
    const char *content_type;
    bool tenures; /* the format needs every tenure */
    bool pairs;   /* ... and every collaborating pair */
    const struct export_section *sections;
    size_t section_count;
};

struct tg_export {
    const struct tg_graph *graph;
    const struct export_format *format;
    size_t section, index; /* the next item to render */
    struct xbuf out;       /* rendered, not yet read */
    size_t offset;         /* bytes of out already read */
    size_t edge_seq;       /* numbers edges for formats that want ids */
    struct tg_query_tenures *tenures;
    struct export_pair *pairs;
    size_t pair_count;
};

extern const struct export_format export_ndjson, export_graphml, export_gexf, export_ftm,
    export_opensearch, export_opensearch_mapping;

/* Entities of every type as one list: organisations, people, places, programmes. */
size_t export_entity_count(const struct tg_export *x);
const struct tg_graph_entity *export_entity_at(const struct tg_export *x, size_t index);
size_t export_event_count(const struct tg_export *x);
size_t export_tenure_count(const struct tg_export *x);
size_t export_pair_count(const struct tg_export *x);

/* A section of exactly one item, for headers and footers. */
size_t export_one(const struct tg_export *x);

#endif
