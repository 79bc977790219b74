/* The JSON shapes of API.md that several resources embed. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "thaigraph/export.h"

double http_score_rounded(double score)
{
    char text[32];
    snprintf(text, sizeof text, "%.4g", score);
    return strtod(text, NULL);
}

json_t *http_score(double score)
{
    return json_real(http_score_rounded(score));
}

json_t *http_entity_ref(const struct tg_graph_entity *e)
{
    return e ? json_pack("{s:s, s:s}", "id", e->id, "name", e->name) : json_null();
}

json_t *http_document_ref(const struct tg_graph_document *doc)
{
    return json_pack("{s:s, s:s, s:o}", "id", doc->id, "title", doc->title, "published",
                     http_string_or_null(doc->published));
}

json_t *http_evidence(const struct tg_graph_evidence *evidence, size_t count)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < count && i < HTTP_EVIDENCE_MAX; i++)
        json_array_append_new(list, tg_export_evidence_json(&evidence[i]));
    return list;
}

static json_t *string_array(const char *const *items, size_t count)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < count; i++)
        json_array_append_new(array, json_string(items[i]));
    return array;
}

json_t *http_document_summary(const struct tg_graph_document *doc)
{
    json_t *counts =
        json_pack("{s:I, s:I, s:I}", "organisations", (json_int_t)doc->organisation_count, "people",
                  (json_int_t)doc->person_count, "events", (json_int_t)doc->event_count);
    return json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:I, s:o}", "id", doc->id, "title", doc->title,
                     "published", http_string_or_null(doc->published), "date_precision",
                     http_string_or_null(doc->published_precision), "source",
                     http_string_or_null(doc->source), "url", http_string_or_null(doc->url),
                     "length", (json_int_t)doc->length, "counts", counts);
}

/* Nested lists embed into body; an allocation failure leaves body without the member, which
 * the caller's final check turns into 503. */
static bool embed(struct http_request *request, json_t *body, const char *name,
                  enum http_relation relation, const void *owner, const char *base)
{
    return http_embed_relation(request, body, name, relation, owner, base) == TG_OK;
}

json_t *http_event_summary(struct http_request *request, const struct tg_graph_event *ev)
{
    json_t *body =
        json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:b, s:o}", "id", ev->id, "kind", ev->kind,
                  "title", ev->title, "date", http_string_or_null(ev->date), "date_precision",
                  http_string_or_null(ev->date_precision), "place", http_entity_ref(ev->place),
                  "programme", http_entity_ref(ev->programme), "collaboration", ev->collaboration,
                  "evidence", http_evidence(ev->evidence, ev->evidence_count));
    char base[HTTP_MAX_ID_BYTES + 16];
    snprintf(base, sizeof base, "/v1/events/%s", ev->id);
    bool ok = body &&
              embed(request, body, "organisations", HTTP_REL_EVENT_ORGANISATIONS, ev, base) &&
              embed(request, body, "people", HTTP_REL_EVENT_PEOPLE, ev, base) &&
              embed(request, body, "documents", HTTP_REL_EVENT_DOCUMENTS, ev, base);
    if (!ok) {
        json_decref(body);
        return NULL;
    }
    return body;
}

json_t *http_entity_summary(struct http_request *request, const struct tg_graph_entity *e)
{
    json_t *out =
        json_pack("{s:s, s:s, s:s, s:I, s:I}", "id", e->id, "type", tg_graph_type_name(e->type),
                  "name", e->name, "document_count", (json_int_t)e->document_count, "mention_count",
                  (json_int_t)e->mention_count);
    if (!out)
        return NULL;
    char base[HTTP_MAX_ID_BYTES + 16];
    bool ok = true;
    switch (e->type) {
    case TG_GRAPH_ORGANISATION:
        json_object_set_new(out, "abbreviations",
                            string_array(e->abbreviations, e->abbreviation_count));
        json_object_set_new(out, "aliases", string_array(e->aliases, e->alias_count));
        json_object_set_new(out, "kind", json_string(e->kind ? e->kind : "other"));
        json_object_set_new(out, "parent", http_entity_ref(e->parent));
        break;
    case TG_GRAPH_PERSON:
        json_object_set_new(out, "honorific", http_string_or_null(e->honorific));
        snprintf(base, sizeof base, "/v1/people/%s", e->id);
        ok = embed(request, out, "positions", HTTP_REL_POSITIONS, e, base);
        break;
    case TG_GRAPH_PLACE:
        json_object_set_new(out, "kind", http_string_or_null(e->kind));
        json_object_set_new(out, "within", http_entity_ref(e->parent));
        break;
    case TG_GRAPH_PROGRAMME:
    case TG_GRAPH_TYPE_COUNT:
        json_object_set_new(out, "aliases", string_array(e->aliases, e->alias_count));
        break;
    }
    if (!ok) {
        json_decref(out);
        return NULL;
    }
    return out;
}

/* Another tenure of the same office, as the succession names it. */
static json_t *tenure_ref(const struct tg_query_tenure *t)
{
    if (!t)
        return json_null();
    return json_pack("{s:s, s:o, s:o, s:o}", "id", t->id, "person", http_entity_ref(t->person),
                     "first_seen", http_string_or_null(t->first_seen), "last_seen",
                     http_string_or_null(t->last_seen));
}

json_t *http_tenure(const struct tg_query_tenure *t)
{
    json_t *evidence = json_array();
    for (size_t i = 0; evidence && i < t->position_count && i < HTTP_EVIDENCE_MAX; i++)
        json_array_append_new(evidence, tg_export_evidence_json(&t->positions[i]->evidence));
    json_t *succession = json_pack("{s:o, s:I, s:o, s:o}", "order",
                                   t->order ? json_integer((json_int_t)t->order) : json_null(),
                                   "holders", (json_int_t)t->holders, "previous",
                                   tenure_ref(t->previous), "next", tenure_ref(t->next));
    return json_pack("{s:s, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:I}", "id", t->id,
                     "person", http_entity_ref(t->person), "title", t->title, "organisation",
                     http_entity_ref(t->organisation), "first_seen",
                     http_string_or_null(t->first_seen), "first_seen_precision",
                     http_string_or_null(t->first_precision), "last_seen",
                     http_string_or_null(t->last_seen), "last_seen_precision",
                     http_string_or_null(t->last_precision), "succession", succession, "evidence",
                     evidence, "evidence_count", (json_int_t)t->position_count);
}
