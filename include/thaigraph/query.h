/*
 * query: the questions the API asks of a snapshot beyond looking one thing up: ordered, filtered
 * pages of any list, facet counts over what a list or a search matched, and who held an office
 * when (tenures and their succession).
 *
 * Everything here reads the snapshot through graph.h only and works per request: nothing is
 * precomputed or cached, so a reload needs nothing from this module. A page is chosen in one
 * pass over the candidates (O(n log limit)) keeping the `limit` first items strictly after the
 * previous page's last item in the list's order, so a cursor is just that last item and every
 * order pages the same way.
 *
 * Memory: tg_query_facets_new, tg_query_tenures and tg_query_search hand the caller objects freed
 * with their _free function. Pointers they return into the snapshot (entities, documents,
 * strings) live as long as the snapshot; the rest as long as the object.
 */
#ifndef THAIGRAPH_QUERY_H
#define THAIGRAPH_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/graph.h"
#include "thaigraph/status.h"

/* ---- Ordered pages ---- */

/*
 * A list: count candidates, candidate i being at(source, i). accept (NULL: every candidate)
 * filters them; visit (NULL: none) sees every accepted candidate, whichever page is asked for,
 * so facets count the whole list; compare is a total order (ties broken, e.g. by id).
 */
struct tg_query_list {
    size_t count;
    const void *(*at)(const void *source, size_t index);
    const void *source;
    bool (*accept)(const void *item, void *ctx);
    void (*visit)(const void *item, void *ctx);
    void *ctx;
    int (*compare)(const void *a, const void *b, void *ctx);
};

/*
 * The first `limit` accepted items that come strictly after `after` in the list's order (all
 * of them from the start when after is NULL) into page[0..*page_count), the number accepted in
 * all to *total, and whether more follow this page to *more. page must hold limit items.
 * TG_ERR_NOMEM when the working set cannot be allocated (limit above 4096 is refused with
 * TG_ERR_INVALID_ARGUMENT).
 */
#define TG_QUERY_MAX_PAGE 4096
enum tg_status tg_query_select(const struct tg_query_list *list, const void *after, size_t limit,
                               const void **page, size_t *page_count, size_t *total, bool *more);

/* Orders used by several lists. Events and positions oldest first, undated last. */
int tg_query_compare_dates(const char *a, const char *b);

/* ---- Facets ---- */

enum tg_query_facet {
    TG_QUERY_FACET_TYPE,         /* document, organisation, person, place, programme, event */
    TG_QUERY_FACET_YEAR,         /* of a document's publication, an event's date */
    TG_QUERY_FACET_MONTH,        /* the same to the month, when known to the month */
    TG_QUERY_FACET_SOURCE,       /* a document's source */
    TG_QUERY_FACET_KIND,         /* an event's, organisation's or place's kind */
    TG_QUERY_FACET_ORGANISATION, /* organisations mentioned in a document, taking part in an
                                    event, an office is in; the TG_QUERY_FACET_TOP most frequent */
    TG_QUERY_FACET_COUNT
};

#define TG_QUERY_FACET_TOP 20

/* "type", "year", ...; NULL past the enum. */
const char *tg_query_facet_name(enum tg_query_facet facet);

/* The facet called name[0..len); false when there is none. */
bool tg_query_facet_parse(const char *name, size_t len, enum tg_query_facet *facet);

struct tg_query_facets;

/* Counters for the facets whose bits (1u << facet) are set in mask, over things of graph. */
enum tg_status tg_query_facets_new(const struct tg_graph *graph, unsigned mask,
                                   struct tg_query_facets **out);
void tg_query_facets_free(struct tg_query_facets *facets);

/* Counts one thing of a list or search (each under the facets that apply to its kind). Counting
 * stops quietly when memory runs out; tg_query_facets_ok then says so. */
void tg_query_facets_add_document(struct tg_query_facets *facets,
                                  const struct tg_graph_document *doc);
void tg_query_facets_add_event(struct tg_query_facets *facets, const struct tg_graph_event *ev);
void tg_query_facets_add_entity(struct tg_query_facets *facets, const struct tg_graph_entity *e);
bool tg_query_facets_ok(const struct tg_query_facets *facets);

struct tg_query_facet_value {
    const char *value; /* not NUL-terminated: value[0..len) */
    size_t len;
    const struct tg_graph_entity *organisation; /* the organisation facet's entity, else NULL */
    size_t count;
};

/*
 * The counted values of a facet: years and months in ascending order, the others most frequent
 * first (ties by value), the organisation facet cut to TG_QUERY_FACET_TOP. Valid until the
 * facets count again or are freed; a facet not in the mask has none.
 */
size_t tg_query_facets_values(struct tg_query_facets *facets, enum tg_query_facet facet,
                              const struct tg_query_facet_value **values);

/* ---- Office holders over time ---- */

/*
 * A tenure: one person holding one office (title in an organisation) as the articles state it,
 * from the first to the last date a statement gives. The holders of one office, ordered by
 * their first dates, are its succession.
 */
struct tg_query_tenure {
    char id[17]; /* "pos_" and 12 hex digits, stable across re-ingesting the same corpus */
    const struct tg_graph_entity *person;
    const char *title;
    const struct tg_graph_entity *organisation; /* NULL when the articles name none */
    const char *first_seen, *first_precision;   /* NULL when no statement is dated */
    const char *last_seen, *last_precision;
    /* Its statements (one per article and date), oldest first, each with its evidence. */
    const struct tg_graph_position *const *positions;
    size_t position_count;
    /* Place in the office's succession, 1 for its first known holder; 0 when undated. */
    size_t order;
    size_t holders;                                /* dated holders of the office */
    const struct tg_query_tenure *previous, *next; /* neighbours in the succession, or NULL */
    bool office_first; /* the first tenure of its office (undated ones come after dated) */
};

struct tg_query_tenure_filter {
    const char *title; /* NULL: any; else compared as names are (normalised) */
    /* Keep tenures in any of these organisations / of any of these people; none: no filter. */
    const struct tg_graph_entity *const *organisations;
    size_t organisation_count;
    const struct tg_graph_entity *const *people;
    size_t person_count;
    /* ISO date (any precision) or NULL: keep the holders on that date, i.e. first seen on or
     * before it and either last seen on or after it or not yet followed by a successor. */
    const char *on;
    const char *id; /* NULL, or only the tenure with this id */
};

struct tg_query_tenures;

/*
 * The tenures the filter keeps, oldest first (undated last), with their succession computed
 * over every holder of each office, not only the kept ones. TG_ERR_NOMEM, or TG_ERR_INVALID_UTF8
 * for a title that is not UTF-8.
 */
enum tg_status tg_query_tenures(const struct tg_graph *graph,
                                const struct tg_query_tenure_filter *filter,
                                struct tg_query_tenures **out);
size_t tg_query_tenures_count(const struct tg_query_tenures *tenures);
const struct tg_query_tenure *tg_query_tenures_at(const struct tg_query_tenures *tenures,
                                                  size_t index);
void tg_query_tenures_free(struct tg_query_tenures *tenures);

#endif
