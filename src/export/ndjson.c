/*
 * NDJSON: every entity, then every event, one JSON object a line with all its relations (no
 * list is cut short as API pages are): `type` says which it is, names follow the API (`name`
 * for entities, `title` and `date` for events) and every position and participation carries
 * its evidence.
 */
#include "export_internal.h"

static json_t *ref(const struct tg_graph_entity *e)
{
    return e ? json_pack("{s:s, s:s}", "id", e->id, "name", e->name) : json_null();
}

static json_t *strings(const char *const *items, size_t count)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < count; i++)
        json_array_append_new(array, json_string(items[i]));
    return array;
}

static json_t *evidence_list(const struct tg_graph_evidence *items, size_t count)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < count; i++)
        json_array_append_new(array, tg_export_evidence_json(&items[i]));
    return array;
}

static json_t *nullable(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *position_json(const struct tg_graph_position *p)
{
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o}", "title", p->title, "person", ref(p->person),
                     "organisation", ref(p->organisation), "as_of", nullable(p->as_of),
                     "as_of_precision", nullable(p->as_of_precision), "evidence",
                     evidence_list(&p->evidence, 1));
}

static void emit_entity(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_graph_entity *e = export_entity_at(x, index);
    json_t *documents = json_array(), *positions = json_array();
    for (size_t i = 0; i < e->document_count; i++)
        json_array_append_new(documents, json_string(e->documents[i]->id));
    for (size_t i = 0; i < e->position_count; i++)
        json_array_append_new(positions, position_json(e->positions[i]));
    xbuf_json_line(out, json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:I, s:I, s:o, s:o}",
                                  "type", tg_graph_type_name(e->type), "id", e->id, "name", e->name,
                                  "kind", nullable(e->kind), "honorific", nullable(e->honorific),
                                  "parent", ref(e->parent), "abbreviations",
                                  strings(e->abbreviations, e->abbreviation_count), "aliases",
                                  strings(e->aliases, e->alias_count), "document_count",
                                  (json_int_t)e->document_count, "mention_count",
                                  (json_int_t)e->mention_count, "positions", positions, "documents",
                                  documents));
}

static void emit_event(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_graph_event *ev = tg_graph_event_at(x->graph, index);
    json_t *participants = json_array();
    for (size_t i = 0; i < ev->participant_count; i++) {
        const struct tg_graph_participant *p = &ev->participants[i];
        json_t *evidence = json_array();
        for (size_t k = 0; k < p->evidence_count; k++)
            json_array_append_new(evidence, tg_export_evidence_json(&p->evidence[k]));
        json_array_append_new(participants,
                              json_pack("{s:s, s:s, s:s, s:s, s:o}", "id", p->entity->id, "type",
                                        tg_graph_type_name(p->entity->type), "name",
                                        p->entity->name, "role", p->role, "evidence", evidence));
    }
    xbuf_json_line(out,
                   json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:b, s:o, s:o}", "type",
                             "event", "id", ev->id, "kind", ev->kind, "title", ev->title, "date",
                             nullable(ev->date), "date_precision", nullable(ev->date_precision),
                             "place", ref(ev->place), "programme", ref(ev->programme),
                             "collaboration", ev->collaboration, "participants", participants,
                             "evidence", evidence_list(ev->evidence, ev->evidence_count)));
}

static const struct export_section sections[] = {
    {export_entity_count, emit_entity},
    {export_event_count, emit_event},
};

const struct export_format export_ndjson = {
    "ndjson", "application/x-ndjson", false, false, sections, sizeof sections / sizeof *sections,
};
