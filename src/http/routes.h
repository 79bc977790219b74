/* Private to src/http: the static route table. */
#ifndef THAIGRAPH_HTTP_ROUTES_H
#define THAIGRAPH_HTTP_ROUTES_H

#include "internal.h"

#define HTTP_ALLOWED_METHODS "GET, HEAD, OPTIONS"

struct http_route {
    const char *pattern;
    const char *name; /* stable label for logs and metrics */
    http_handler get;
    /* The answer depends only on the snapshot and the URL, so it may be remembered (see
     * tg_graph_memo_get); false for live figures such as /metrics. */
    bool remembered;
};

/* The route for path, with its `{id}` segment (if any) in id; NULL when none matches. */
const struct http_route *http_route_find(const char *path, char *id, size_t id_size);

/* Routes by position, for metrics: 0 <= index < http_route_count(). */
size_t http_route_count(void);
const struct http_route *http_route_at(size_t index);
size_t http_route_index(const struct http_route *route);

#endif
