#include "internal.h"

/* People and places: both are entities served as their summary plus where they appear. */
static enum tg_status entity_detail(struct http_request *request, enum tg_graph_type type,
                                    struct http_output *out)
{
    const struct tg_graph_entity *e = tg_graph_entity_find(request->graph, request->path_id);
    if (!e || e->type != type)
        return http_fail(request, TG_ERR_NOT_FOUND, NULL, "no %s has the id '%s'",
                         tg_graph_type_name(type), request->path_id);
    json_t *body = http_entity_summary(e);
    json_t *documents = json_array();
    for (size_t i = 0; i < e->document_count; i++)
        json_array_append_new(documents, json_string(e->documents[i]->id));
    if (!body) {
        json_decref(documents);
        return TG_ERR_NOMEM;
    }
    json_object_set_new(body, "events", http_event_list(e->events, e->event_count));
    json_object_set_new(body, "documents", documents);
    out->json = body;
    return TG_OK;
}

enum tg_status http_people_list(struct http_request *request, struct http_output *out)
{
    return http_entity_page(request, TG_GRAPH_PERSON, &out->json);
}

enum tg_status http_people_get(struct http_request *request, struct http_output *out)
{
    return entity_detail(request, TG_GRAPH_PERSON, out);
}

enum tg_status http_places_list(struct http_request *request, struct http_output *out)
{
    return http_entity_page(request, TG_GRAPH_PLACE, &out->json);
}

enum tg_status http_places_get(struct http_request *request, struct http_output *out)
{
    return entity_detail(request, TG_GRAPH_PLACE, out);
}
