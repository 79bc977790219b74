#include "routes.h"

#include <string.h>

#include "thaigraph/ingest.h"

/* Parameters each route reads; issue 11: any other is refused, so none can slip into the memo
 * key or be silently ignored. Every list pages, sorts and answers CSV alike (issue 12). */
#define LIST_PARAMS "cursor", "format", "limit", "sort"
static const char *const no_params[] = {NULL};
static const char *const list_params[] = {LIST_PARAMS, NULL};
static const char *const documents_params[] = {LIST_PARAMS, "facets", "from", "mentions",
                                               "source",    "to",     NULL};
static const char *const organisations_params[] = {LIST_PARAMS, "facets", "kind", "q", NULL};
static const char *const people_params[] = {LIST_PARAMS, "facets", "organisation", "q", NULL};
static const char *const places_params[] = {LIST_PARAMS, "facets", "kind", "q", NULL};
static const char *const collaborations_params[] = {LIST_PARAMS, "a", "b", NULL};
static const char *const events_params[] = {LIST_PARAMS, "facets", "from", "kind", "organisation",
                                            "person",    "place",  "to",   NULL};
static const char *const positions_params[] = {LIST_PARAMS, "facets", "on", "organisation",
                                               "person",    "title",  NULL};
static const char *const graph_params[] = {"depth", "focus", NULL};
static const char *const search_params[] = {LIST_PARAMS, "facets", "from", "q",
                                            "source",    "to",     "type", NULL};
static const char *const suggest_params[] = {"format", "limit", "q", NULL};
static const char *const analyze_params[] = {"text", "year", NULL};

/* A JSON body of 4,096 characters each written as a surrogate-pair escape, with room to spare. */
#define ANALYZE_BODY_BYTES (64u * 1024u)

/* pattern, name, handler, remembered, parameters, id, POST handler and body, cacheable, answered
 * on the connection's own thread. */
#define GET(pattern, name, handler, params, id)                                                    \
    {                                                                                              \
        pattern, name, handler, true, params, id, NULL, 0, true, false                             \
    }

/* Every route; a `{id}` segment captures one path segment for the handler. Every route answers
 * GET and HEAD (and OPTIONS for CORS preflight); /v1/analyze also takes its text as a POST
 * body, since 4,096 Thai characters do not fit in a URL. Sub-resources (/v1/organisations/{id}/
 * events, ...) are the lists an entity page embeds the first 20 of. */
static const struct http_route routes[] = {
    {"/healthz", "health", http_health_get, true, no_params, HTTP_ID_NONE, NULL, 0, false, true},
    GET("/v1", "discovery", http_discovery_get, no_params, HTTP_ID_NONE),
    GET("/v1/documents", "documents", http_documents_list, documents_params, HTTP_ID_NONE),
    GET("/v1/documents/{id}", "document", http_documents_get, no_params, HTTP_ID_DOCUMENT),
    GET("/v1/documents/{id}/mentions", "document_mentions", http_documents_mentions, list_params,
        HTTP_ID_DOCUMENT),
    GET("/v1/documents/{id}/events", "document_events", http_documents_events, list_params,
        HTTP_ID_DOCUMENT),
    GET("/v1/organisations", "organisations", http_organisations_list, organisations_params,
        HTTP_ID_NONE),
    GET("/v1/organisations/{id}", "organisation", http_organisations_get, no_params,
        HTTP_ID_ORGANISATION),
    GET("/v1/organisations/{id}/events", "organisation_events", http_organisations_events,
        list_params, HTTP_ID_ORGANISATION),
    GET("/v1/organisations/{id}/timeline", "organisation_timeline", http_organisations_events,
        list_params, HTTP_ID_ORGANISATION),
    GET("/v1/organisations/{id}/documents", "organisation_documents", http_organisations_documents,
        list_params, HTTP_ID_ORGANISATION),
    GET("/v1/organisations/{id}/people", "organisation_people", http_organisations_people,
        list_params, HTTP_ID_ORGANISATION),
    GET("/v1/organisations/{id}/collaborators", "organisation_collaborators",
        http_organisations_collaborators, list_params, HTTP_ID_ORGANISATION),
    GET("/v1/organisations/{id}/children", "organisation_children", http_organisations_children,
        list_params, HTTP_ID_ORGANISATION),
    GET("/v1/collaborations", "collaborations", http_collaborations_get, collaborations_params,
        HTTP_ID_NONE),
    GET("/v1/people", "people", http_people_list, people_params, HTTP_ID_NONE),
    GET("/v1/people/{id}", "person", http_people_get, no_params, HTTP_ID_PERSON),
    GET("/v1/people/{id}/positions", "person_positions", http_people_positions, list_params,
        HTTP_ID_PERSON),
    GET("/v1/people/{id}/events", "person_events", http_people_events, list_params, HTTP_ID_PERSON),
    GET("/v1/people/{id}/documents", "person_documents", http_people_documents, list_params,
        HTTP_ID_PERSON),
    GET("/v1/places", "places", http_places_list, places_params, HTTP_ID_NONE),
    GET("/v1/places/{id}", "place", http_places_get, no_params, HTTP_ID_PLACE),
    GET("/v1/places/{id}/events", "place_events", http_places_events, list_params, HTTP_ID_PLACE),
    GET("/v1/places/{id}/documents", "place_documents", http_places_documents, list_params,
        HTTP_ID_PLACE),
    GET("/v1/events", "events", http_events_list, events_params, HTTP_ID_NONE),
    GET("/v1/events/{id}", "event", http_events_get, no_params, HTTP_ID_EVENT),
    GET("/v1/events/{id}/organisations", "event_organisations", http_events_organisations,
        list_params, HTTP_ID_EVENT),
    GET("/v1/events/{id}/people", "event_people", http_events_people, list_params, HTTP_ID_EVENT),
    GET("/v1/events/{id}/documents", "event_documents", http_events_documents, list_params,
        HTTP_ID_EVENT),
    GET("/v1/events/{id}/evidence", "event_evidence", http_events_evidence, list_params,
        HTTP_ID_EVENT),
    GET("/v1/positions", "positions", http_positions_list, positions_params, HTTP_ID_NONE),
    GET("/v1/positions/{id}", "position", http_positions_get, no_params, HTTP_ID_POSITION),
    GET("/v1/positions/{id}/evidence", "position_evidence", http_positions_evidence, list_params,
        HTTP_ID_POSITION),
    GET("/v1/graph", "graph", http_graph_get, graph_params, HTTP_ID_NONE),
    /* Popular queries repeat (a news event, a trending name), so a search is remembered like
     * any page; the memo's bound keeps a stream of one-off queries from growing it. */
    GET("/v1/search", "search", http_search_get, search_params, HTTP_ID_NONE),
    GET("/v1/search/suggest", "search_suggest", http_search_suggest, suggest_params, HTTP_ID_NONE),
    {"/v1/analyze", "analyze", http_analyze_get, false, analyze_params, HTTP_ID_NONE,
     http_analyze_post, ANALYZE_BODY_BYTES, true, false},
    /* Exports are streamed, never remembered whole. */
    {"/v1/export/entities.ndjson", "export_ndjson", http_export_get, false, no_params, HTTP_ID_NONE,
     NULL, 0, true, false},
    {"/v1/export/entities.ftm.ndjson", "export_ftm", http_export_get, false, no_params,
     HTTP_ID_NONE, NULL, 0, true, false},
    {"/v1/export/graph.graphml", "export_graphml", http_export_get, false, no_params, HTTP_ID_NONE,
     NULL, 0, true, false},
    {"/v1/export/graph.gexf", "export_gexf", http_export_get, false, no_params, HTTP_ID_NONE, NULL,
     0, true, false},
    {"/metrics", "metrics", http_metrics_get, false, no_params, HTTP_ID_NONE, NULL, 0, false, true},
    {"/openapi.yaml", "openapi", http_openapi_get, false, no_params, HTTP_ID_NONE, NULL, 0, true,
     true},
    /* The explorer page for people (issue 13): compiled-in files, as cheap as the spec. */
    {"/", "explorer", http_explorer_page, false, no_params, HTTP_ID_NONE, NULL, 0, true, true},
    {"/explorer/explorer.js", "explorer_js", http_explorer_asset, false, no_params, HTTP_ID_NONE,
     NULL, 0, true, true},
    {"/explorer/explorer.css", "explorer_css", http_explorer_asset, false, no_params, HTTP_ID_NONE,
     NULL, 0, true, true},
    {"/explorer/noto-sans-thai-thai-400-normal.woff2", "explorer_font", http_explorer_asset, false,
     no_params, HTTP_ID_NONE, NULL, 0, true, true},
    {"/explorer/noto-sans-thai-thai-700-normal.woff2", "explorer_font_bold", http_explorer_asset,
     false, no_params, HTTP_ID_NONE, NULL, 0, true, true},
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
        [HTTP_ID_ORGANISATION] = "org_", [HTTP_ID_PERSON] = "per_",   [HTTP_ID_PLACE] = "plc_",
        [HTTP_ID_EVENT] = "evt_",        [HTTP_ID_POSITION] = "pos_",
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
