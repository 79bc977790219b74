/*
 * Private to src/http: the request context handlers see, the handler signature, and the
 * parameter helpers they share. Handlers fill *body on success; on failure they return a status
 * and may name the offending parameter and a detail, which the server turns into a problem.
 */
#ifndef THAIGRAPH_HTTP_INTERNAL_H
#define THAIGRAPH_HTTP_INTERNAL_H

#include <jansson.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "thaigraph/graph.h"
#include "thaigraph/status.h"

#define HTTP_DEFAULT_LIMIT 20
#define HTTP_MAX_LIMIT     100
#define HTTP_MAX_ID_BYTES  128
/* Limits of a request target, enforced with a problem body well below libmicrohttpd's own
 * (CONNECTION_MEMORY_BYTES in server.c), which answer with bare HTML. */
#define HTTP_MAX_TARGET_BYTES 16384
#define HTTP_MAX_PARAMS       32

/* One query parameter, percent-decoded. Both strings are NUL-terminated, hold no NUL byte and
 * are valid UTF-8: the parser refuses anything else before a handler runs. */
struct http_param {
    const char *name;
    const char *value; /* "" for a parameter written without '=' */
    size_t name_len, value_len;
};

struct http_route;

struct http_request {
    struct MHD_Connection *connection;
    const struct tg_graph *graph;
    const struct http_route *route;
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
};

/* What a handler answers with: a JSON document, or (for /metrics and the spec) a body of
 * another type. The server frees json, and text unless text_is_static. */
struct http_output {
    json_t *json;
    char *text;
    size_t text_len;
    const char *content_type;
    bool text_is_static;
};

typedef enum tg_status (*http_handler)(struct http_request *request, struct http_output *out);

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

/* A page envelope {"items", "next_cursor", "total"}; takes the reference to items. */
json_t *http_page_body(const struct http_request *request, json_t *items, const char *last_key,
                       bool more, size_t total);

/* JSON string or null. */
json_t *http_string_or_null(const char *s);

/*
 * Resolves a name parameter to one entity of the type (TG_GRAPH_TYPE_COUNT: any). Absent gives
 * NULL; an unknown name fails 404 naming it; an ambiguous one 300 listing the candidates.
 */
enum tg_status http_param_entity(struct http_request *request, const char *name,
                                 enum tg_graph_type type, const struct tg_graph_entity **entity);

/* The response shapes of API.md, shared by every resource that embeds them. */
json_t *http_entity_ref(const struct tg_graph_entity *entity);
json_t *http_event_summary(const struct tg_graph_event *event);
json_t *http_entity_summary(const struct tg_graph_entity *entity);
json_t *http_event_list(const struct tg_graph_event *const *events, size_t count);
/* The organisations that collaborate with this one: [{organisation, event_count, first, last}]
 * most events first; NULL when out of memory. */
json_t *http_partners_json(const struct tg_graph_entity *organisation);

/* A page of entities of one type in id order, optionally only those named by `q`. */
enum tg_status http_entity_page(struct http_request *request, enum tg_graph_type type,
                                json_t **body);

/* Route handlers, one file per resource. */
enum tg_status http_health_get(struct http_request *request, struct http_output *out);
enum tg_status http_documents_list(struct http_request *request, struct http_output *out);
enum tg_status http_documents_get(struct http_request *request, struct http_output *out);
enum tg_status http_analyze_get(struct http_request *request, struct http_output *out);
enum tg_status http_analyze_post(struct http_request *request, struct http_output *out);
enum tg_status http_metrics_get(struct http_request *request, struct http_output *out);
enum tg_status http_organisations_list(struct http_request *request, struct http_output *out);
enum tg_status http_organisations_get(struct http_request *request, struct http_output *out);
enum tg_status http_organisations_timeline(struct http_request *request, struct http_output *out);
enum tg_status http_people_list(struct http_request *request, struct http_output *out);
enum tg_status http_people_get(struct http_request *request, struct http_output *out);
enum tg_status http_places_list(struct http_request *request, struct http_output *out);
enum tg_status http_places_get(struct http_request *request, struct http_output *out);
enum tg_status http_events_list(struct http_request *request, struct http_output *out);
enum tg_status http_events_get(struct http_request *request, struct http_output *out);
enum tg_status http_collaborations_get(struct http_request *request, struct http_output *out);
enum tg_status http_graph_get(struct http_request *request, struct http_output *out);
enum tg_status http_search_get(struct http_request *request, struct http_output *out);
enum tg_status http_search_suggest(struct http_request *request, struct http_output *out);
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
