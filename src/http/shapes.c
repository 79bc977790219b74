/* The JSON shapes of API.md that several resources embed, and name resolution for the
 * parameters that take names. */
#include <stdlib.h>

#include "internal.h"

#define MAX_CANDIDATES 10

json_t *http_entity_ref(const struct tg_graph_entity *e)
{
    return e ? json_pack("{s:s, s:s}", "id", e->id, "name", e->name) : json_null();
}

static json_t *string_array(const char *const *items, size_t count)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < count; i++)
        json_array_append_new(array, json_string(items[i]));
    return array;
}

json_t *http_event_summary(const struct tg_graph_event *ev)
{
    json_t *organisations = json_array(), *people = json_array(), *documents = json_array(),
           *evidence = json_array();
    for (size_t i = 0; i < ev->participant_count; i++) {
        const struct tg_graph_participant *p = &ev->participants[i];
        json_t *ref = http_entity_ref(p->entity);
        json_object_set_new(ref, "role", json_string(p->role));
        json_array_append_new(p->entity->type == TG_GRAPH_PERSON ? people : organisations, ref);
    }
    for (size_t i = 0; i < ev->evidence_count; i++) {
        const struct tg_graph_evidence *e = &ev->evidence[i];
        if (i == 0 || ev->evidence[i - 1].document != e->document)
            json_array_append_new(documents, json_string(e->document->id));
        json_array_append_new(evidence, json_pack("{s:s, s:s, s:I, s:I}", "document_id",
                                                  e->document->id, "sentence", e->sentence, "start",
                                                  (json_int_t)e->start, "end", (json_int_t)e->end));
    }
    return json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:b}", "id", ev->id,
                     "kind", ev->kind, "title", ev->title, "date", http_string_or_null(ev->date),
                     "date_precision", http_string_or_null(ev->date_precision), "place",
                     http_entity_ref(ev->place), "programme", http_entity_ref(ev->programme),
                     "organisations", organisations, "people", people, "documents", documents,
                     "evidence", evidence, "collaboration", ev->collaboration);
}

json_t *http_partners_json(const struct tg_graph_entity *organisation)
{
    struct tg_graph_partner *partners = NULL;
    size_t count = 0;
    if (tg_graph_partners(organisation, &partners, &count) != TG_OK)
        return NULL;
    json_t *list = json_array();
    for (size_t i = 0; list && i < count; i++)
        json_array_append_new(list, json_pack("{s:o, s:I, s:o, s:o}", "organisation",
                                              http_entity_ref(partners[i].organisation),
                                              "event_count", (json_int_t)partners[i].event_count,
                                              "first", http_string_or_null(partners[i].first->date),
                                              "last", http_string_or_null(partners[i].last->date)));
    free(partners);
    return list;
}

json_t *http_event_list(const struct tg_graph_event *const *events, size_t count)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < count; i++)
        json_array_append_new(array, http_event_summary(events[i]));
    return array;
}

static json_t *position_json(const struct tg_graph_position *p)
{
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:s}", "title", p->title, "organisation_id",
                     http_string_or_null(p->organisation ? p->organisation->id : NULL),
                     "organisation_name",
                     http_string_or_null(p->organisation ? p->organisation->name : NULL), "as_of",
                     http_string_or_null(p->as_of), "as_of_precision",
                     http_string_or_null(p->as_of_precision), "document_id", p->document->id);
}

json_t *http_entity_summary(const struct tg_graph_entity *e)
{
    json_t *out =
        json_pack("{s:s, s:s, s:s, s:I, s:I}", "id", e->id, "type", tg_graph_type_name(e->type),
                  "name", e->name, "document_count", (json_int_t)e->document_count, "mention_count",
                  (json_int_t)e->mention_count);
    if (!out)
        return NULL;
    switch (e->type) {
    case TG_GRAPH_ORGANISATION:
        json_object_set_new(out, "abbreviations",
                            string_array(e->abbreviations, e->abbreviation_count));
        json_object_set_new(out, "aliases", string_array(e->aliases, e->alias_count));
        json_object_set_new(out, "kind", json_string(e->kind ? e->kind : "other"));
        break;
    case TG_GRAPH_PERSON: {
        json_t *positions = json_array();
        for (size_t i = 0; i < e->position_count; i++)
            json_array_append_new(positions, position_json(e->positions[i]));
        json_object_set_new(out, "honorific", http_string_or_null(e->honorific));
        json_object_set_new(out, "positions", positions);
        break;
    }
    case TG_GRAPH_PLACE:
        json_object_set_new(out, "kind", http_string_or_null(e->kind));
        json_object_set_new(out, "within", http_entity_ref(e->parent));
        break;
    case TG_GRAPH_PROGRAMME:
    case TG_GRAPH_TYPE_COUNT:
        json_object_set_new(out, "aliases", string_array(e->aliases, e->alias_count));
        break;
    }
    return out;
}

enum tg_status http_param_entity(struct http_request *request, const char *name,
                                 enum tg_graph_type type, const struct tg_graph_entity **entity)
{
    const char *value = http_query(request, name);
    *entity = NULL;
    if (!value)
        return TG_OK;
    const struct tg_graph_entity *matches[MAX_CANDIDATES];
    size_t count = 0;
    enum tg_status status =
        tg_graph_resolve(request->graph, type, value, matches, MAX_CANDIDATES, &count);
    if (status == TG_ERR_INVALID_UTF8)
        return http_fail(request, status, name, "%s is not valid UTF-8", name);
    if (status != TG_OK)
        return status;
    const char *what = type == TG_GRAPH_TYPE_COUNT ? "entity" : tg_graph_type_name(type);
    if (count == 0)
        return http_fail(request, TG_ERR_NOT_FOUND, name, "no %s is known as '%s'", what, value);
    if (count > 1) {
        json_t *candidates = json_array();
        for (size_t i = 0; i < count && i < MAX_CANDIDATES; i++)
            json_array_append_new(candidates, http_entity_ref(matches[i]));
        request->problem_extra = json_pack("{s:o}", "candidates", candidates);
        return http_fail(request, TG_ERR_AMBIGUOUS, name, "'%s' names %zu %s entities", value,
                         count, what);
    }
    *entity = matches[0];
    return TG_OK;
}

enum tg_status http_entity_page(struct http_request *request, enum tg_graph_type type,
                                json_t **body)
{
    size_t limit;
    const char *after;
    char cursor_buf[HTTP_MAX_ID_BYTES + 1];
    const struct tg_graph_entity *named = NULL;
    enum tg_status status = http_param_limit(request, &limit);
    if (status == TG_OK)
        status = http_param_cursor(request, cursor_buf, sizeof cursor_buf, &after);
    if (status == TG_OK)
        status = http_param_entity(request, "q", type, &named);
    if (status != TG_OK)
        return status;
    json_t *items = json_array();
    const struct tg_graph_entity *last = NULL;
    size_t total = named ? 1 : tg_graph_entity_count(request->graph, type);
    bool more = false;
    if (named) {
        if (!after)
            json_array_append_new(items, http_entity_summary(named));
    } else {
        size_t start = after ? tg_graph_entity_after(request->graph, type, after) : 0;
        for (size_t i = start; i < total; i++) {
            if (json_array_size(items) == limit) {
                more = true;
                break;
            }
            last = tg_graph_entity_at(request->graph, type, i);
            json_array_append_new(items, http_entity_summary(last));
        }
    }
    *body = http_page_body(request, items, last ? last->id : NULL, more, total);
    return *body ? TG_OK : TG_ERR_NOMEM;
}
