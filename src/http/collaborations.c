/*
 * /v1/collaborations: with a and b, the events the two organisations held together, oldest
 * first; with a alone, every partner of a with how often, when and the sentences that say so.
 * a and b take an id or any name; a name of several organisations is a 422 listing them.
 */
#include "internal.h"

struct pair {
    const struct tg_graph_entity *a, *b;
};

static const void *event_of(const void *source, size_t index)
{
    return ((const struct tg_graph_entity *)source)->events[index];
}

static bool together(const void *item, void *ctx)
{
    const struct pair *p = ctx;
    return tg_graph_collaborates(item, p->a, p->b);
}

enum tg_status http_collaborations_get(struct http_request *request, struct http_output *out)
{
    struct pair p = {NULL, NULL};
    enum tg_status status = http_param_entity(request, "a", TG_GRAPH_ORGANISATION, &p.a);
    if (status == TG_OK)
        status = http_param_entity(request, "b", TG_GRAPH_ORGANISATION, &p.b);
    if (status == TG_OK && !p.a)
        status = http_fail(request, TG_ERR_BAD_PARAMETER, "a",
                           "a (an organisation's id, name, alias or abbreviation) is required");
    if (status != TG_OK)
        return status;
    if (!p.b) {
        json_t *extra = json_pack("{s:o}", "a", http_entity_ref(p.a));
        struct http_list list;
        struct http_relation_state *state = NULL;
        status = http_relation_list(request, HTTP_REL_COLLABORATORS, p.a, &list, &state);
        if (status == TG_OK)
            status = http_list_reply(request, &list, extra, out);
        else
            json_decref(extra);
        http_relation_free(state);
        return status;
    }
    struct http_list list = {
        .count = p.a->event_count,
        .at = event_of,
        .source = p.a,
        .accept = together,
        .ctx = &p,
        .orders = http_event_orders,
        .order_count = HTTP_EVENT_ORDERS,
        .key = http_event_key,
        .render = http_render_event,
        .csv_columns = http_event_columns,
    };
    json_t *extra = json_pack("{s:o, s:o}", "a", http_entity_ref(p.a), "b", http_entity_ref(p.b));
    return http_list_reply(request, &list, extra, out);
}
