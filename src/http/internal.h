/*
 * Private to src/http: the request context handlers see, the handler signature, and the
 * parameter, list and shape helpers they share. Handlers fill *out on success; on failure they
 * return a status and may name the offending parameter and a detail, which the server turns
 * into a problem.
 */
#ifndef THAIGRAPH_HTTP_INTERNAL_H
#define THAIGRAPH_HTTP_INTERNAL_H

#include <jansson.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "thaigraph/graph.h"
#include "thaigraph/query.h"
#include "thaigraph/snapshot.h"
#include "thaigraph/status.h"

#define HTTP_DEFAULT_LIMIT 20
#define HTTP_MAX_LIMIT     100
#define HTTP_MAX_ID_BYTES  128
/* Limits of a request target, enforced with a problem body well below libmicrohttpd's own
 * (CONNECTION_MEMORY_BYTES in server.c), which answer with bare HTML. */
#define HTTP_MAX_TARGET_BYTES 16384
#define HTTP_MAX_PARAMS       32
/* Items of each nested list an entity page embeds; the rest are a page of its sub-resource. */
#define HTTP_EMBEDDED 20
/* Evidence sentences a fact carries inline; events and positions serve all of theirs at
 * .../evidence. */
#define HTTP_EVIDENCE_MAX 20
/* Rows a streamed CSV renders per step (each step selects them anew from the whole list). */
#define HTTP_CSV_CHUNK 50

/* One query parameter, percent-decoded. Both strings are NUL-terminated, hold no NUL byte and
 * are valid UTF-8: the parser refuses anything else before a handler runs. */
struct http_param {
    const char *name;
    const char *value; /* "" for a parameter written without '=' */
    size_t name_len, value_len;
};

struct http_route;

struct http_request {
    struct MHD_Connection *connection; /* NULL when a stream re-runs a handler */
    struct tg_snapshot_holder *holder;
    const struct tg_graph *graph;
    const struct http_route *route;
    const char *url;     /* the decoded path */
    const char *path_id; /* the {id} segment of the route, when it has one */
    /* Sorted by name; names are distinct. Strings live in decoded, owned by the request. */
    struct http_param params[HTTP_MAX_PARAMS];
    size_t param_count;
    char *decoded;
    const char *body; /* a POST body the route reads (NULL otherwise) and its length */
    size_t body_len;
    const char *bad_parameter;
    char parameter_buf[96]; /* a bad parameter's name when it must be re-encoded to be shown */
    char detail[256];
    json_t *problem_extra; /* fields merged into the problem body (ambiguity candidates) */
    bool csv;              /* the client asked for text/csv (format=csv, or Accept) */
    /* Set when a streamed CSV asks for its next rows: the cursor to continue from (it
     * replaces `cursor`, the page is HTTP_CSV_CHUNK rows and no header row comes first). */
    const char *stream_cursor;
    char *link;        /* relative URL of the next page for the Link header, malloc'd */
    char *stream_next; /* CSV: the cursor of the rows after these, malloc'd; NULL: last */
};

/* A body produced a piece at a time (exports): read writes up to cap bytes and returns how
 * many, 0 at the end, -1 on failure; free releases ctx. */
struct http_stream {
    ssize_t (*read)(void *ctx, char *buf, size_t cap);
    void (*free)(void *ctx);
    void *ctx;
};

/* What a handler answers with: a JSON document, a body of another type (text), or a stream.
 * The server frees json, text unless text_is_static, and the stream. */
struct http_output {
    json_t *json;
    char *text;
    size_t text_len;
    const char *content_type;
    bool text_is_static;
    struct http_stream stream;
};

typedef enum tg_status (*http_handler)(struct http_request *request, struct http_output *out);

/* How every JSON body is serialised: compact, reals to 15 digits (scores are rounded where they
 * are made, so they print as made). */
#define HTTP_JSON_REAL_DIGITS  15
#define HTTP_JSON_FLAGS        (JSON_COMPACT | JSON_REAL_PRECISION(HTTP_JSON_REAL_DIGITS))
#define HTTP_JSON_CONTENT_TYPE "application/json; charset=utf-8"

/*
 * A JSON body written as it goes instead of built as a jansson tree (json_out.c): the same bytes
 * json_dumps writes with HTTP_JSON_FLAGS. Zero-initialise it; a write that runs out of memory
 * marks it failed and later writes do nothing. http_json_finish hands the text to out as a JSON
 * body (TG_ERR_NOMEM, and nothing handed, if any write failed); the writer is empty afterwards.
 */
struct http_json_out {
    char *data;
    size_t len, cap;
    bool failed;
};
void http_json_raw(struct http_json_out *o, const char *bytes, size_t len);
void http_json_text(struct http_json_out *o, const char *text); /* bytes as they are */
void http_json_string(struct http_json_out *o, const char *s);  /* quoted; NULL: null */
void http_json_integer(struct http_json_out *o, long long v);
void http_json_real(struct http_json_out *o, double v);
void http_json_value(struct http_json_out *o, json_t *value); /* serialised by jansson */
enum tg_status http_json_finish(struct http_json_out *o, struct http_output *out);

/* Records a failure's parameter and detail and returns status, for one-line error returns. */
enum tg_status http_fail(struct http_request *request, enum tg_status status, const char *parameter,
                         const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Splits the raw request target (path and query, still percent-encoded) into the decoded path
 * (*path_len bytes, which may hold a NUL; 0 when it cannot name a resource) and the request's
 * parameters. Fails with a problem naming the parameter for
 * malformed percent-encoding, a NUL byte, invalid UTF-8, a repeated parameter or more than
 * HTTP_MAX_PARAMS of them; TG_ERR_URI_TOO_LONG past HTTP_MAX_TARGET_BYTES.
 */
enum tg_status http_parse_target(struct http_request *request, const char *target, size_t len,
                                 char **path, size_t *path_len);

/* Fails naming the first parameter that is not one of names (NULL-terminated). */
enum tg_status http_check_params(struct http_request *request, const char *const *names);

/* Gives to a copy of a request (a stream's next step) its own copy of the parameters, which it
 * frees with free(copy->decoded). */
enum tg_status http_params_clone(const struct http_request *from, struct http_request *to);

/* A query parameter, or NULL when absent; http_query_n also gives its length. */
const char *http_query(const struct http_request *request, const char *name);
const char *http_query_n(const struct http_request *request, const char *name, size_t *len);

/*
 * Appends the canonical form of the request (route name, path id and every parameter sorted by
 * name, each re-encoded the one way) to out; what the memo and the ETag key on, so two URLs
 * that mean the same thing share it and two that differ never do. skip (may be NULL) leaves
 * out the parameters named, for a cursor's binding.
 */
void http_canonical_request(const struct http_request *request, const char *const *skip, FILE *out);

/* Percent-encodes every byte but RFC 3986's unreserved ones. */
void http_percent_encode(const char *bytes, size_t len, FILE *out);

/* A whole number written canonically (no sign, space or leading zero) from min to max; absent
 * gives fallback. */
enum tg_status http_param_uint(struct http_request *request, const char *name, long min, long max,
                               long fallback, long *value);

/* `limit`: absent gives HTTP_DEFAULT_LIMIT; anything but 1..HTTP_MAX_LIMIT fails. */
enum tg_status http_param_limit(struct http_request *request, size_t *limit);

/*
 * The list cursor codec. A cursor names a position in one list (bytes: an id, a search
 * position) and is bound to the route and every parameter but `cursor` and `limit`; it carries a
 * checksum, so a cursor that was altered, truncated, or made for another query is a 400.
 * http_param_cursor gives NULL when `cursor` is absent, else the position NUL-terminated in buf.
 */
enum tg_status http_param_cursor(struct http_request *request, char *buf, size_t size,
                                 const char **position);
/* The cursor for a page that ended at position; caller frees with free(). */
char *http_cursor_encode(const struct http_request *request, const char *position, size_t len);

/* A date parameter: absent gives NULL; otherwise it must be YYYY, YYYY-MM or YYYY-MM-DD. */
enum tg_status http_param_date(struct http_request *request, const char *name, const char **value);

/* A choice among names (sort orders, kinds): absent gives -1 in *index; else its position in
 * names[0..count), or a 400 listing them. */
enum tg_status http_param_choice(struct http_request *request, const char *name,
                                 const char *const *names, size_t count, int *index);

/* `facets`: a comma-separated list of facets the route offers (allowed: 1u << facet bits);
 * absent gives 0. */
enum tg_status http_param_facets(struct http_request *request, unsigned allowed, unsigned *mask);

/*
 * An entity parameter taking an id or any name, alias or abbreviation of an entity of the type
 * (TG_GRAPH_TYPE_COUNT: any). http_param_entity wants exactly one: absent gives NULL, an unknown
 * name fails 404 naming it, an ambiguous one 422 listing the candidates. http_param_entities
 * filters: every entity so named into matches[0..*count) (none when unknown), *given telling
 * whether the parameter was there at all.
 */
enum tg_status http_param_entity(struct http_request *request, const char *name,
                                 enum tg_graph_type type, const struct tg_graph_entity **entity);
#define HTTP_MAX_MATCHES 32
enum tg_status http_param_entities(struct http_request *request, const char *name,
                                   enum tg_graph_type type,
                                   const struct tg_graph_entity *matches[HTTP_MAX_MATCHES],
                                   size_t *count, bool *given);

/* ---- Lists (lists.c) ---- */

/* One order a list can be sorted in (`sort=` name) and its total order. */
struct http_order {
    const char *name;
    int (*compare)(const void *a, const void *b, void *ctx);
};

/*
 * A list route: candidates, filtered by accept (NULL: all), in one of its orders (the first is
 * the default), each with a cursor key (unique in the list) and a JSON rendering; facet_mask
 * says which facets it offers and facet counts one item. csv_columns are the dotted paths of
 * the rendering that CSV rows hold, NULL-terminated.
 */
struct http_list {
    size_t count;
    const void *(*at)(const void *source, size_t index);
    const void *source;
    bool (*accept)(const void *item, void *ctx);
    void *ctx;
    const struct http_order *orders;
    size_t order_count;
    const char *(*key)(const void *item, char *buf, size_t size);
    json_t *(*render)(struct http_request *request, const void *item, void *ctx);
    unsigned facet_mask;
    void (*facet)(struct tg_query_facets *facets, const void *item);
    const char *const *csv_columns;
};

/*
 * Serves a list route: reads limit, cursor, sort and facets, and answers one page as
 * {items, total, next_cursor, next} (plus `facets` when asked), or as CSV. extra (consumed, may
 * be NULL) adds fields to the JSON envelope (a collaboration's a and b).
 */
enum tg_status http_list_reply(struct http_request *request, const struct http_list *list,
                               json_t *extra, struct http_output *out);

/* Facet counts as {"year": [{"value", "count"}], "organisation": [{"value", "name", "count"}]}. */
json_t *http_facets_json(struct tg_query_facets *facets, unsigned mask);

/* The first HTTP_EMBEDDED items of a nested list in its default order, as an envelope whose
 * next is sub_url's second page; NULL when out of memory. */
json_t *http_list_embed(struct http_request *request, const struct http_list *list,
                        const char *sub_url);

/* The relative URL of the next page of a list that is the response itself: base_url with the
 * request's parameters and next_cursor. It becomes the request's Link (and lives as long as
 * that); NULL when out of memory. */
const char *http_next_page(struct http_request *request, const char *base_url,
                           const char *next_cursor);

/* The envelope every list answers with (takes the reference to items; next_cursor may be
 * NULL). Sets the request's Link when the list is the response itself (top). */
json_t *http_envelope(struct http_request *request, json_t *items, size_t total,
                      const char *next_cursor, const char *base_url, bool top);

/* Serves items already rendered (a search page) as CSV when the client asked for it; false
 * when it did not. columns as in http_list. */
bool http_wants_csv(const struct http_request *request);
enum tg_status http_csv_reply(struct http_request *request, json_t *items,
                              const char *const *columns, const char *next_cursor,
                              struct http_output *out);

/* Orders, keys, renderings and columns several lists share (relations.c). Dated things sort
 * oldest (or newest) first, undated ones last either way, then by id. */
int http_compare_dated(const char *date_a, const char *id_a, const char *date_b, const char *id_b,
                       bool newest);
int http_event_oldest(const void *a, const void *b, void *ctx);
int http_event_newest(const void *a, const void *b, void *ctx);
#define HTTP_EVENT_ORDERS    2
#define HTTP_DOCUMENT_ORDERS 3
extern const struct http_order http_event_orders[HTTP_EVENT_ORDERS];       /* date, -date */
extern const struct http_order http_document_orders[HTTP_DOCUMENT_ORDERS]; /* id, date, -date */
const char *http_event_key(const void *item, char *buf, size_t size);
const char *http_document_key(const void *item, char *buf, size_t size);
json_t *http_render_event(struct http_request *request, const void *item, void *ctx);
json_t *http_render_document(struct http_request *request, const void *item, void *ctx);
const void *http_tenure_at(const void *source, size_t index); /* of a tg_query_tenures */
const char *http_tenure_key(const void *item, char *buf, size_t size);
json_t *http_render_tenure(struct http_request *request, const void *item, void *ctx);
extern const char *const http_tenure_columns[];
extern const char *const http_event_columns[];
extern const char *const http_document_columns[];

/* ---- Shapes (shapes.c) ---- */

json_t *http_string_or_null(const char *s);
/* Scores in 4 significant digits: what ranks them, without float noise. */
double http_score_rounded(double score);
json_t *http_score(double score); /* json_real(http_score_rounded(score)) */
json_t *http_entity_ref(const struct tg_graph_entity *entity);
json_t *http_document_ref(const struct tg_graph_document *doc);
json_t *http_evidence(const struct tg_graph_evidence *evidence, size_t count);
json_t *http_event_summary(struct http_request *request, const struct tg_graph_event *event);
json_t *http_entity_summary(struct http_request *request, const struct tg_graph_entity *entity);
json_t *http_tenure(const struct tg_query_tenure *tenure);
json_t *http_document_summary(const struct tg_graph_document *doc);

/* The nested lists of entity, event and document pages, and their sub-resources; each names
 * its owner's type. */
enum http_relation {
    HTTP_REL_ENTITY_EVENTS,    /* an entity takes part in */
    HTTP_REL_ENTITY_DOCUMENTS, /* mentioning an entity */
    HTTP_REL_OFFICE_HOLDERS,   /* tenures of offices in an organisation */
    HTTP_REL_POSITIONS,        /* a person's tenures */
    HTTP_REL_COLLABORATORS,    /* an organisation's partners */
    HTTP_REL_CHILDREN,         /* an organisation's units */
    HTTP_REL_DOCUMENT_EVENTS,  /* a document reports */
    HTTP_REL_MENTIONS,         /* of a document */
    HTTP_REL_EVENT_ORGANISATIONS,
    HTTP_REL_EVENT_PEOPLE,
    HTTP_REL_EVENT_DOCUMENTS, /* reporting an event */
    HTTP_REL_EVENT_EVIDENCE,
    HTTP_REL_TENURE_EVIDENCE,
};

/*
 * The list of one relation of an owner (an entity, event, document or tenure), ready for
 * http_list_reply or http_list_embed; state holds what the list points into and is released
 * with http_relation_free. TG_ERR_NOMEM.
 */
struct http_relation_state;
enum tg_status http_relation_list(struct http_request *request, enum http_relation relation,
                                  const void *owner, struct http_list *list,
                                  struct http_relation_state **state);
void http_relation_free(struct http_relation_state *state);
/* Serves the relation as its own list route (a sub-resource). */
enum tg_status http_relation_reply(struct http_request *request, enum http_relation relation,
                                   const void *owner, struct http_output *out);
/* Embeds the relation's first page under name in body, with next at base + "/" + name. */
enum tg_status http_embed_relation(struct http_request *request, json_t *body, const char *name,
                                   enum http_relation relation, const void *owner,
                                   const char *base);

/* ---- Routes ---- */

enum tg_status http_health_get(struct http_request *request, struct http_output *out);
enum tg_status http_discovery_get(struct http_request *request, struct http_output *out);
enum tg_status http_documents_list(struct http_request *request, struct http_output *out);
enum tg_status http_documents_get(struct http_request *request, struct http_output *out);
enum tg_status http_documents_mentions(struct http_request *request, struct http_output *out);
enum tg_status http_documents_events(struct http_request *request, struct http_output *out);
enum tg_status http_analyze_get(struct http_request *request, struct http_output *out);
enum tg_status http_analyze_post(struct http_request *request, struct http_output *out);
enum tg_status http_metrics_get(struct http_request *request, struct http_output *out);
enum tg_status http_organisations_list(struct http_request *request, struct http_output *out);
enum tg_status http_organisations_get(struct http_request *request, struct http_output *out);
enum tg_status http_organisations_events(struct http_request *request, struct http_output *out);
enum tg_status http_organisations_documents(struct http_request *request, struct http_output *out);
enum tg_status http_organisations_people(struct http_request *request, struct http_output *out);
enum tg_status http_organisations_collaborators(struct http_request *request,
                                                struct http_output *out);
enum tg_status http_organisations_children(struct http_request *request, struct http_output *out);
enum tg_status http_people_list(struct http_request *request, struct http_output *out);
enum tg_status http_people_get(struct http_request *request, struct http_output *out);
enum tg_status http_people_positions(struct http_request *request, struct http_output *out);
enum tg_status http_people_events(struct http_request *request, struct http_output *out);
enum tg_status http_people_documents(struct http_request *request, struct http_output *out);
enum tg_status http_places_list(struct http_request *request, struct http_output *out);
enum tg_status http_places_get(struct http_request *request, struct http_output *out);
enum tg_status http_places_events(struct http_request *request, struct http_output *out);
enum tg_status http_places_documents(struct http_request *request, struct http_output *out);
enum tg_status http_events_list(struct http_request *request, struct http_output *out);
enum tg_status http_events_get(struct http_request *request, struct http_output *out);
enum tg_status http_events_organisations(struct http_request *request, struct http_output *out);
enum tg_status http_events_people(struct http_request *request, struct http_output *out);
enum tg_status http_events_documents(struct http_request *request, struct http_output *out);
enum tg_status http_events_evidence(struct http_request *request, struct http_output *out);
enum tg_status http_collaborations_get(struct http_request *request, struct http_output *out);
enum tg_status http_positions_list(struct http_request *request, struct http_output *out);
enum tg_status http_positions_get(struct http_request *request, struct http_output *out);
enum tg_status http_positions_evidence(struct http_request *request, struct http_output *out);
enum tg_status http_graph_get(struct http_request *request, struct http_output *out);
enum tg_status http_search_get(struct http_request *request, struct http_output *out);
enum tg_status http_search_suggest(struct http_request *request, struct http_output *out);
enum tg_status http_export_get(struct http_request *request, struct http_output *out);
enum tg_status http_openapi_get(struct http_request *request, struct http_output *out);
enum tg_status http_explorer_page(struct http_request *request, struct http_output *out);
enum tg_status http_explorer_asset(struct http_request *request, struct http_output *out);

/* Counts a finished request for /metrics: route_index is http_route_index, or
 * http_route_count() for requests that matched no route. */
void http_metrics_observe(size_t route_index, unsigned status_code, double seconds);

/* Room for a request id and its NUL: a client's X-Request-Id is kept when it fits. */
#define HTTP_REQUEST_ID_BYTES 129

/* The id of a request: the client's X-Request-Id when it is at most 128 characters of
 * [A-Za-z0-9._:-], otherwise a new unique one (access_log.c). */
void http_request_id(struct MHD_Connection *connection, char id[HTTP_REQUEST_ID_BYTES]);

/* What the access log and the metrics need to know of an answered request. */
struct http_request_record {
    const char *method;
    const char *path; /* path_len bytes, decoded, without the query */
    size_t path_len;
    const char *version;
    const char *request_id;
    size_t route_index; /* as for http_metrics_observe */
    unsigned code;
    size_t bytes;          /* body bytes */
    struct timespec start; /* CLOCK_MONOTONIC when the request was read */
};

/* Every answered request ends here: counted for /metrics and written to the access log. */
void http_request_done(struct MHD_Connection *connection, const struct http_request_record *record);

/* Process, build and reload figures for /metrics, in Prometheus text format (process.c). */
void http_metrics_process(FILE *out);

#endif
