#include "routes.h"

#include <string.h>

/* Every route; a `{id}` segment captures one path segment for the handler. Only reads are
 * served, so every route answers GET and HEAD (and OPTIONS for CORS preflight). */
static const struct http_route routes[] = {
    {"/healthz", "health", http_health_get, true},
    {"/v1/documents", "documents", http_documents_list, true},
    {"/v1/documents/{id}", "document", http_documents_get, true},
    {"/v1/organisations", "organisations", http_organisations_list, true},
    {"/v1/organisations/{id}", "organisation", http_organisations_get, true},
    {"/v1/organisations/{id}/timeline", "organisation_timeline", http_organisations_timeline, true},
    {"/v1/collaborations", "collaborations", http_collaborations_get, true},
    {"/v1/people", "people", http_people_list, true},
    {"/v1/people/{id}", "person", http_people_get, true},
    {"/v1/places", "places", http_places_list, true},
    {"/v1/places/{id}", "place", http_places_get, true},
    {"/v1/events", "events", http_events_list, true},
    {"/v1/events/{id}", "event", http_events_get, true},
    {"/v1/graph", "graph", http_graph_get, true},
    /* Popular queries repeat (a news event, a trending name), so a search is remembered like
     * any page; the memo's bound keeps a stream of one-off queries from growing it. */
    {"/v1/search", "search", http_search_get, true},
    {"/v1/search/suggest", "search_suggest", http_search_suggest, true},
    {"/v1/analyze", "analyze", http_analyze_get, false},
    {"/metrics", "metrics", http_metrics_get, false},
    {"/openapi.yaml", "openapi", http_openapi_get, false},
    /* The explorer page for people (issue 13); static files, nothing to remember. */
    {"/", "explorer", http_explorer_page, false},
    {"/explorer/{id}", "explorer_asset", http_explorer_asset, false},
};

static const char capture[] = "{id}";

/* Compares one pattern to a path, copying a captured segment into id. */
static bool route_matches(const char *pattern, const char *path, char *id, size_t id_size)
{
    while (*pattern && *path) {
        if (strncmp(pattern, capture, sizeof capture - 1) == 0) {
            size_t n = strcspn(path, "/");
            if (n == 0 || n >= id_size)
                return false;
            memcpy(id, path, n);
            id[n] = '\0';
            pattern += sizeof capture - 1;
            path += n;
            continue;
        }
        if (*pattern != *path)
            return false;
        pattern++;
        path++;
    }
    return *pattern == '\0' && *path == '\0';
}

const struct http_route *http_route_find(const char *path, char *id, size_t id_size)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (route_matches(routes[i].pattern, path, id, id_size))
            return &routes[i];
    }
    return NULL;
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
