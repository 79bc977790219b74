/* Private to src/http: the static route table. */
#ifndef THAIGRAPH_HTTP_ROUTES_H
#define THAIGRAPH_HTTP_ROUTES_H

#include "internal.h"

#define HTTP_ALLOWED_METHODS      "GET, HEAD, OPTIONS"
#define HTTP_ALLOWED_METHODS_POST "GET, HEAD, POST, OPTIONS"

/* What a route's `{id}` segment must look like (api/openapi.yaml states the same patterns). */
enum http_id_pattern {
    HTTP_ID_NONE,
    HTTP_ID_DOCUMENT,     /* [A-Za-z0-9._-]{1,128} */
    HTTP_ID_ORGANISATION, /* org_ and 12 lower-case hex digits */
    HTTP_ID_PERSON,       /* per_... */
    HTTP_ID_PLACE,        /* plc_... */
    HTTP_ID_EVENT,        /* evt_... */
    HTTP_ID_POSITION,     /* pos_... (a tenure) */
};

struct http_route {
    const char *pattern;
    const char *name; /* stable label for logs and metrics */
    http_handler get;
    /* The answer depends only on the snapshot and the canonical request, so it may be
     * remembered (see tg_memo_get); false for live figures such as /metrics. */
    bool remembered;
    /* The query parameters the route reads, NULL-terminated; any other is a 400. */
    const char *const *params;
    enum http_id_pattern id;
    /* POST: the handler reads request->body, at most post_body_bytes of it; NULL: GET only. */
    http_handler post;
    size_t post_body_bytes;
    /* Clients and proxies may keep it (revalidating by ETag); false for liveness and live
     * figures, which must never be answered from a cache. */
    bool cacheable;
    /* Cheap and needed when everything else is busy (/healthz): answered on the connection's
     * own thread instead of a worker's. */
    bool on_io_thread;
};

/* The route for path[0..len), with its `{id}` segment (if any) in id, *id_len bytes and a NUL;
 * id must hold len + 1 bytes. NULL when no route matches. */
const struct http_route *http_route_find(const char *path, size_t len, char *id, size_t *id_len);

/* Fails naming `id` when id does not have the route's documented pattern. */
enum tg_status http_route_check_id(const struct http_route *route, struct http_request *request,
                                   const char *id, size_t len);

/* Routes by position, for metrics and discovery: 0 <= index < http_route_count(). */
size_t http_route_count(void);
const struct http_route *http_route_at(size_t index);
size_t http_route_index(const struct http_route *route);

#endif
