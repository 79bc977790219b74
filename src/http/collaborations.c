#include <stdlib.h>

#include "internal.h"

/* ?a=X&b=Y: the events both took part in together, oldest first. */
static enum tg_status pair(const struct tg_graph_entity *a, const struct tg_graph_entity *b,
                           struct http_output *out)
{
    size_t count = 0;
    tg_graph_collaboration(a, b, NULL, 0, &count);
    const struct tg_graph_event **events = malloc((count ? count : 1) * sizeof *events);
    if (!events)
        return TG_ERR_NOMEM;
    tg_graph_collaboration(a, b, events, count, &count);
    out->json = json_pack("{s:o, s:o, s:o}", "a", http_entity_ref(a), "b", http_entity_ref(b),
                          "events", http_event_list(events, count));
    free(events);
    return out->json ? TG_OK : TG_ERR_NOMEM;
}

/* ?a=X: every partner of X with how often and when they worked together. */
static enum tg_status partners(const struct tg_graph_entity *a, struct http_output *out)
{
    json_t *items = http_partners_json(a);
    if (!items)
        return TG_ERR_NOMEM;
    out->json = json_pack("{s:o, s:o, s:I}", "a", http_entity_ref(a), "partners", items, "total",
                          (json_int_t)json_array_size(items));
    return out->json ? TG_OK : TG_ERR_NOMEM;
}

enum tg_status http_collaborations_get(struct http_request *request, struct http_output *out)
{
    const struct tg_graph_entity *a = NULL, *b = NULL;
    enum tg_status status = http_param_entity(request, "a", TG_GRAPH_ORGANISATION, &a);
    if (status == TG_OK)
        status = http_param_entity(request, "b", TG_GRAPH_ORGANISATION, &b);
    if (status == TG_OK && !a)
        status = http_fail(request, TG_ERR_BAD_PARAMETER, "a",
                           "a (an organisation's name, alias or abbreviation) is required");
    if (status != TG_OK)
        return status;
    return b ? pair(a, b, out) : partners(a, out);
}
