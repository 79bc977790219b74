/*
 * graph: the immutable in-memory snapshot that thaigraphd serves.
 *
 * A snapshot is built once from a store file and never changes afterwards, so any number of
 * request threads read it without locks. Documents sit in one array sorted by id; lookups are
 * binary searches and list pages are index ranges, so a cursor is simply the last id served.
 *
 * Memory: tg_graph_load returns a snapshot the caller frees with tg_graph_free. Every pointer
 * reached through a snapshot (documents, strings) belongs to it and lives exactly as long.
 */
#ifndef THAIGRAPH_GRAPH_H
#define THAIGRAPH_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "thaigraph/status.h"

struct tg_graph;

struct tg_graph_document {
    const char *id;
    const char *title;
    const char *text;
    size_t text_bytes;
    size_t length;                   /* code points, as API offsets count them */
    const char *published;           /* ISO date or NULL */
    const char *published_precision; /* "day", "month", "year" or NULL */
    const char *source;              /* NULL when unknown */
    const char *url;                 /* NULL when unknown */
};

/* Loads the database at path. Fails with the store's statuses (see store.h). */
enum tg_status tg_graph_load(const char *path, struct tg_graph **out, struct tg_error *err);

/* NULL is a no-op. */
void tg_graph_free(struct tg_graph *graph);

uint64_t tg_graph_generation(const struct tg_graph *graph);
const char *tg_graph_fingerprint(const struct tg_graph *graph);
time_t tg_graph_loaded_at(const struct tg_graph *graph);

size_t tg_graph_document_count(const struct tg_graph *graph);
const struct tg_graph_document *tg_graph_document_at(const struct tg_graph *graph, size_t index);

/* The document with this id, or NULL. */
const struct tg_graph_document *tg_graph_document_find(const struct tg_graph *graph,
                                                       const char *id);

/* Which documents a list request wants. NULL fields do not filter. */
struct tg_graph_document_filter {
    const char *from;   /* ISO date; documents published on or after it */
    const char *to;     /* ISO date; documents published on or before it (at its precision) */
    const char *source; /* exact source, compared without regard to Latin letter case */
};

/*
 * One page of documents in id order: those matching filter whose id sorts after `after` (NULL
 * for the first page). Writes up to limit indexes into page, the number written to *page_count,
 * the number of matches on all pages to *total, and whether more follow to *more.
 */
void tg_graph_document_page(const struct tg_graph *graph,
                            const struct tg_graph_document_filter *filter, const char *after,
                            size_t limit, size_t *page, size_t *page_count, size_t *total,
                            bool *more);

#endif
