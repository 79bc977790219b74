/* GET /v1: what this API serves, from the route table itself, so it never drifts from it. */
#include "routes.h"

enum tg_status http_discovery_get(struct http_request *request, struct http_output *out)
{
    (void)request;
    json_t *routes = json_array();
    for (size_t i = 0; routes && i < http_route_count(); i++) {
        const struct http_route *r = http_route_at(i);
        json_t *params = json_array();
        for (size_t k = 0; params && r->params[k]; k++)
            json_array_append_new(params, json_string(r->params[k]));
        json_array_append_new(routes, json_pack("{s:s, s:s, s:o}", "name", r->name, "path",
                                                r->pattern, "parameters", params));
    }
    out->json = json_pack("{s:s, s:s, s:s, s:o}", "name", "thaigraph", "version", TG_VERSION,
                          "spec", "/openapi.yaml", "routes", routes);
    return out->json ? TG_OK : TG_ERR_NOMEM;
}
