#include <time.h>

#include "internal.h"

enum tg_status http_health_get(struct http_request *request, struct http_output *out)
{
    char loaded_at[32];
    time_t when = tg_graph_loaded_at(request->graph);
    struct tm utc;
    gmtime_r(&when, &utc);
    strftime(loaded_at, sizeof loaded_at, "%Y-%m-%dT%H:%M:%SZ", &utc);
    out->json = json_pack("{s:s, s:I, s:I, s:s, s:s}", "status", "ok", "documents",
                          (json_int_t)tg_graph_document_count(request->graph), "generation",
                          (json_int_t)tg_graph_generation(request->graph), "loaded_at", loaded_at,
                          "version", TG_VERSION);
    return out->json ? TG_OK : TG_ERR_NOMEM;
}
