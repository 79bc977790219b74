#include "internal.h"

enum tg_status http_organisations_list(struct http_request *request, struct http_output *out)
{
    return http_entity_page(request, TG_GRAPH_ORGANISATION, &out->json);
}

static const struct tg_graph_entity *organisation(struct http_request *request)
{
    const struct tg_graph_entity *e = tg_graph_entity_find(request->graph, request->path_id);
    return e && e->type == TG_GRAPH_ORGANISATION ? e : NULL;
}

/* The people who held a position in the organisation, each once with their latest title. */
static json_t *people_json(const struct tg_graph_entity *org)
{
    json_t *people = json_array();
    for (size_t i = org->position_count; i-- > 0;) {
        const struct tg_graph_position *p = org->positions[i];
        bool seen = false;
        for (size_t k = i + 1; k < org->position_count; k++)
            seen = seen || org->positions[k]->person == p->person;
        if (seen)
            continue;
        json_t *ref = http_entity_ref(p->person);
        json_object_set_new(ref, "title", json_string(p->title));
        json_object_set_new(ref, "as_of", http_string_or_null(p->as_of));
        json_array_append_new(people, ref);
    }
    return people;
}

enum tg_status http_organisations_get(struct http_request *request, struct http_output *out)
{
    const struct tg_graph_entity *org = organisation(request);
    if (!org)
        return http_fail(request, TG_ERR_NOT_FOUND, NULL, "no organisation has the id '%s'",
                         request->path_id);
    json_t *body = http_entity_summary(org);
    json_t *documents = json_array(), *children = json_array();
    for (size_t i = 0; i < org->document_count; i++)
        json_array_append_new(documents, json_string(org->documents[i]->id));
    for (size_t i = 0; i < org->child_count; i++)
        json_array_append_new(children, http_entity_ref(org->children[i]));
    json_t *collaborators = http_partners_json(org);
    if (!body || !collaborators) {
        json_decref(body);
        json_decref(collaborators);
        json_decref(documents);
        json_decref(children);
        return TG_ERR_NOMEM;
    }
    json_object_set_new(body, "parent", http_entity_ref(org->parent));
    json_object_set_new(body, "children", children);
    json_object_set_new(body, "people", people_json(org));
    json_object_set_new(body, "events", http_event_list(org->events, org->event_count));
    json_object_set_new(body, "documents", documents);
    json_object_set_new(body, "collaborators", collaborators);
    out->json = body;
    return TG_OK;
}

enum tg_status http_organisations_timeline(struct http_request *request, struct http_output *out)
{
    const struct tg_graph_entity *org = organisation(request);
    if (!org)
        return http_fail(request, TG_ERR_NOT_FOUND, NULL, "no organisation has the id '%s'",
                         request->path_id);
    out->json = json_pack("{s:o, s:o}", "organisation", http_entity_ref(org), "events",
                          http_event_list(org->events, org->event_count));
    return out->json ? TG_OK : TG_ERR_NOMEM;
}
