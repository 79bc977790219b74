#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum tg_status http_graph_get(struct http_request *request, struct http_output *out)
{
    const char *focus = http_query(request, "focus");
    long depth;
    enum tg_status status =
        http_param_uint(request, "depth", 1, TG_GRAPH_VIEW_MAX_DEPTH, 1, &depth);
    if (status != TG_OK)
        return status;
    if (!focus || !*focus)
        return http_fail(request, TG_ERR_BAD_PARAMETER, "focus",
                         "focus (an entity or event id, or an entity's name) is required");
    /* An id, or the name of exactly one entity. */
    if (!tg_graph_entity_find(request->graph, focus) &&
        !tg_graph_event_find(request->graph, focus)) {
        const struct tg_graph_entity *named = NULL;
        status = http_param_entity(request, "focus", TG_GRAPH_TYPE_COUNT, &named);
        if (status != TG_OK)
            return status;
        focus = named->id;
    }
    struct tg_graph_view view;
    status = tg_graph_view(request->graph, focus, (unsigned)depth, &view);
    if (status == TG_ERR_NOT_FOUND)
        return http_fail(request, status, "focus", "no entity or event has the id '%s'", focus);
    if (status != TG_OK)
        return status;
    json_t *nodes = json_array(), *edges = json_array();
    /* Named as their resources name them: entities' name, events' title and date. */
    for (size_t i = 0; i < view.node_count; i++) {
        const struct tg_graph_node *n = &view.nodes[i];
        const struct tg_graph_event *ev =
            strcmp(n->type, "event") == 0 ? tg_graph_event_find(request->graph, n->id) : NULL;
        json_array_append_new(
            nodes,
            ev ? json_pack("{s:s, s:s, s:s, s:o}", "id", n->id, "type", n->type, "title", n->label,
                           "date", http_string_or_null(ev->date))
               : json_pack("{s:s, s:s, s:s}", "id", n->id, "type", n->type, "name", n->label));
    }
    for (size_t i = 0; i < view.edge_count; i++) {
        const struct tg_graph_edge *e = &view.edges[i];
        json_t *documents = json_array();
        for (size_t k = 0; k < e->document_count; k++)
            json_array_append_new(documents, json_string(e->documents[k]->id));
        json_array_append_new(edges, json_pack("{s:s, s:s, s:s, s:I, s:o}", "source", e->source,
                                               "target", e->target, "type", e->type, "weight",
                                               (json_int_t)e->weight, "documents", documents));
    }
    out->json = json_pack("{s:s, s:I, s:o, s:o, s:b}", "focus", focus, "depth", (json_int_t)depth,
                          "nodes", nodes, "edges", edges, "truncated", view.truncated);
    tg_graph_view_free(&view);
    return out->json ? TG_OK : TG_ERR_NOMEM;
}
