#include "routes.h"

#include <string.h>

#include "thaigraph/ingest.h"

/* Parameters each route reads; issue 11: any other is refused, so none can slip into the memo
 * key or be silently ignored. */
static const char *const no_params[] = {NULL};
static const char *const documents_params[] = {"cursor", "from", "limit", "source", "to", NULL};
static const char *const entities_params[] = {"cursor", "limit", "q", NULL};
static const char *const collaborations_params[] = {"a", "b", NULL};
static const char *const events_params[] = {"cursor", "from",         "kind", "limit",
                                            "to",     "organisation", NULL};
static const char *const graph_params[] = {"depth", "focus", NULL};
static const char *const search_params[] = {"cursor", "from", "limit", "q",
                                            "source", "to",   "type",  NULL};
static const char *const suggest_params[] = {"limit", "q", NULL};
static const char *const analyze_params[] = {"text", "year", NULL};

/* A JSON body of 4,096 characters each written as a surrogate-pair escape, with room to spare. */
#define ANALYZE_BODY_BYTES (64u * 1024u)

/* Every route; a `{id}` segment captures one path segment for the handler. Every route answers
 * GET and HEAD (and OPTIONS for CORS preflight); /v1/analyze also takes its text as a POST
 * body, since 4,096 Thai characters do not fit in a URL. */
static const struct http_route routes[] = {
    {.pattern = "/healthz",
     .name = "health",
     .get = http_health_get,
     .remembered = true,
     .params = no_params,
     .on_io_thread = true},
    {.pattern = "/v1/documents",
     .name = "documents",
     .get = http_documents_list,
     .remembered = true,
     .params = documents_params},
    {.pattern = "/v1/documents/{id}",
     .name = "document",
     .get = http_documents_get,
     .remembered = true,
     .params = no_params,
     .id = HTTP_ID_DOCUMENT},
    {.pattern = "/v1/organisations",
     .name = "organisations",
     .get = http_organisations_list,
     .remembered = true,
     .params = entities_params},
    {.pattern = "/v1/organisations/{id}",
     .name = "organisation",
     .get = http_organisations_get,
     .remembered = true,
     .params = no_params,
     .id = HTTP_ID_ORGANISATION},
    {.pattern = "/v1/organisations/{id}/timeline",
     .name = "organisation_timeline",
     .get = http_organisations_timeline,
     .remembered = true,
     .params = no_params,
     .id = HTTP_ID_ORGANISATION},
    {.pattern = "/v1/collaborations",
     .name = "collaborations",
     .get = http_collaborations_get,
     .remembered = true,
     .params = collaborations_params},
    {.pattern = "/v1/people",
     .name = "people",
     .get = http_people_list,
     .remembered = true,
     .params = entities_params},
    {.pattern = "/v1/people/{id}",
     .name = "person",
     .get = http_people_get,
     .remembered = true,
     .params = no_params,
     .id = HTTP_ID_PERSON},
    {.pattern = "/v1/places",
     .name = "places",
     .get = http_places_list,
     .remembered = true,
     .params = entities_params},
    {.pattern = "/v1/places/{id}",
     .name = "place",
     .get = http_places_get,
     .remembered = true,
     .params = no_params,
     .id = HTTP_ID_PLACE},
    {.pattern = "/v1/events",
     .name = "events",
     .get = http_events_list,
     .remembered = true,
     .params = events_params},
    {.pattern = "/v1/events/{id}",
     .name = "event",
     .get = http_events_get,
     .remembered = true,
     .params = no_params,
     .id = HTTP_ID_EVENT},
    {.pattern = "/v1/graph",
     .name = "graph",
     .get = http_graph_get,
     .remembered = true,
     .params = graph_params},
    /* Popular queries repeat (a news event, a trending name), so a search is remembered like
     * any page; the memo's bound keeps a stream of one-off queries from growing it. */
    {.pattern = "/v1/search",
     .name = "search",
     .get = http_search_get,
     .remembered = true,
     .params = search_params},
    {.pattern = "/v1/search/suggest",
     .name = "search_suggest",
     .get = http_search_suggest,
     .remembered = true,
     .params = suggest_params},
    {.pattern = "/v1/analyze",
     .name = "analyze",
     .get = http_analyze_get,
     .params = analyze_params,
     .post = http_analyze_post,
     .post_body_bytes = ANALYZE_BODY_BYTES},
    {.pattern = "/metrics",
     .name = "metrics",
     .get = http_metrics_get,
     .params = no_params,
     .on_io_thread = true},
    {.pattern = "/openapi.yaml",
     .name = "openapi",
     .get = http_openapi_get,
     .params = no_params,
     .on_io_thread = true},
};

static const char capture[] = "{id}";

/* Compares one pattern to path[0..len), copying a captured segment into id. */
static bool route_matches(const char *pattern, const char *path, size_t len, char *id,
                          size_t *id_len)
{
    const char *end = path + len;
    while (*pattern && path < end) {
        if (strncmp(pattern, capture, sizeof capture - 1) == 0) {
            const char *slash = memchr(path, '/', (size_t)(end - path));
            size_t n = slash ? (size_t)(slash - path) : (size_t)(end - path);
            if (n == 0)
                return false;
            memcpy(id, path, n);
            id[n] = '\0';
            *id_len = n;
            pattern += sizeof capture - 1;
            path += n;
            continue;
        }
        if (*pattern != *path)
            return false;
        pattern++;
        path++;
    }
    return *pattern == '\0' && path == end;
}

const struct http_route *http_route_find(const char *path, size_t len, char *id, size_t *id_len)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (route_matches(routes[i].pattern, path, len, id, id_len))
            return &routes[i];
    }
    return NULL;
}

static bool is_lower_hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    }
    return true;
}

enum tg_status http_route_check_id(const struct http_route *route, struct http_request *request,
                                   const char *id, size_t len)
{
    static const char *const prefixes[] = {
        [HTTP_ID_ORGANISATION] = "org_",
        [HTTP_ID_PERSON] = "per_",
        [HTTP_ID_PLACE] = "plc_",
        [HTTP_ID_EVENT] = "evt_",
    };
    bool ok;
    const char *shape;
    switch (route->id) {
    case HTTP_ID_NONE:
        return TG_OK;
    case HTTP_ID_DOCUMENT:
        ok = tg_ingest_id_is_valid(id, len);
        shape = "1 to 128 letters, digits, '.', '_' or '-'";
        break;
    default:
        ok = len == 16 && memcmp(id, prefixes[route->id], 4) == 0 && is_lower_hex(id + 4, 12);
        shape = prefixes[route->id];
        break;
    }
    if (ok)
        return TG_OK;
    if (route->id == HTTP_ID_DOCUMENT)
        return http_fail(request, TG_ERR_BAD_PARAMETER, "id", "a document id is %s", shape);
    return http_fail(request, TG_ERR_BAD_PARAMETER, "id",
                     "this id is %s followed by 12 lower-case hexadecimal digits", shape);
}

size_t http_route_count(void)
{
    return sizeof routes / sizeof routes[0];
}

const struct http_route *http_route_at(size_t index)
{
    return &routes[index];
}

size_t http_route_index(const struct http_route *route)
{
    return (size_t)(route - routes);
}
