/*
 * FollowTheMoney: the graph as the entities Aleph and yente import, one {"id", "schema",
 * "properties"} object a line. Articles are Article entities; organisations Organization, or
 * PublicBody for the kinds of the state (ministries, departments, offices, agencies, funds,
 * councils, provincial offices, local government); people Person; an office (a title in an
 * organisation) Position, and each tenure of it an Occupancy dated by the statements;
 * events Event, with hosts and chairs as organizer and everyone else involved; an
 * organisation's parent a Membership; and every link between an article and the organisations,
 * people and events it mentions or reports a Documentation.
 *
 * FtM ids allow only [0-9a-zA-Z.-] (followthemoney/types/entity.py), so ours are written with
 * '-' for '_'; a document id with other characters is kept readable and given a hash suffix so
 * two ids never meet.
 */
#include <stdio.h>
#include <string.h>

#include "export_internal.h"
#include "thaigraph/hash.h"

#define FTM_ID_BYTES 160

static bool id_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
           c == '-';
}

/* prefix + id in FtM's alphabet. */
static void ftm_id(const char *prefix, const char *id, char out[FTM_ID_BYTES])
{
    size_t o = (size_t)snprintf(out, FTM_ID_BYTES, "%s", prefix);
    bool replaced = false;
    for (const char *p = id; *p && o + 20 < FTM_ID_BYTES; p++) {
        bool keep = id_char(*p);
        replaced = replaced || (!keep && *p != '_');
        out[o++] = keep ? *p : '-';
    }
    out[o] = '\0';
    while (o > 0 && out[o - 1] == '-')
        out[--o] = '\0';
    if (replaced || strlen(id) > FTM_ID_BYTES - 40)
        snprintf(out + o, FTM_ID_BYTES - o, "-%016llx",
                 (unsigned long long)tg_hash_bytes(id, strlen(id)));
}

/* Our entity ids carry their type (org_, per_); FtM's keep it with a dash. */
static void entity_id(const struct tg_graph_entity *e, char out[FTM_ID_BYTES])
{
    ftm_id("", e->id, out);
}

static void document_id(const struct tg_graph_document *doc, char out[FTM_ID_BYTES])
{
    ftm_id("doc-", doc->id, out);
}

/* An id derived from two others, for links and offices. */
static void link_id(const char *prefix, const char *a, const char *b, char out[FTM_ID_BYTES])
{
    uint64_t h = tg_hash_bytes(a, strlen(a) + 1);
    h = tg_hash_update(h, b, strlen(b));
    snprintf(out, FTM_ID_BYTES, "%s-%016llx", prefix, (unsigned long long)h);
}

static void office_id(const struct tg_query_tenure *t, char out[FTM_ID_BYTES])
{
    link_id("pst", t->organisation ? t->organisation->id : "", t->title, out);
}

/* Appends value to the property's list, creating it. */
static void add(json_t *properties, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    json_t *list = json_object_get(properties, name);
    if (!list) {
        list = json_array();
        json_object_set_new(properties, name, list);
    }
    for (size_t i = 0; i < json_array_size(list); i++) {
        if (strcmp(json_string_value(json_array_get(list, i)), value) == 0)
            return;
    }
    json_array_append_new(list, json_string(value));
}

static void write_entity(struct xbuf *out, const char *id, const char *schema, json_t *properties)
{
    xbuf_json_line(
        out, json_pack("{s:s, s:s, s:o}", "id", id, "schema", schema, "properties", properties));
}

static void write_documentation(struct xbuf *out, const struct tg_graph_document *doc,
                                const char *entity, const char *role)
{
    char id[FTM_ID_BYTES], document[FTM_ID_BYTES];
    document_id(doc, document);
    link_id("dcm", document, entity, id);
    json_t *p = json_object();
    add(p, "document", document);
    add(p, "entity", entity);
    add(p, "role", role);
    write_entity(out, id, "Documentation", p);
}

static void emit_article(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_graph_document *doc = tg_graph_document_at(x->graph, index);
    char id[FTM_ID_BYTES];
    document_id(doc, id);
    json_t *p = json_object();
    add(p, "fileName", doc->id);
    add(p, "title", doc->title);
    add(p, "publishedAt", doc->published);
    add(p, "publisher", doc->source);
    add(p, "sourceUrl", doc->url);
    write_entity(out, id, "Article", p);
}

static bool public_kind(const char *kind)
{
    static const char *const kinds[] = {
        "ministry", "department",        "office",          "agency", "fund",
        "council",  "provincial_office", "local_government"};
    for (size_t i = 0; kind && i < sizeof kinds / sizeof *kinds; i++) {
        if (strcmp(kind, kinds[i]) == 0)
            return true;
    }
    return false;
}

/* Organisations and people, each followed by the articles that mention it. */
static void emit_entity(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_graph_entity *e = export_entity_at(x, index);
    if (e->type != TG_GRAPH_ORGANISATION && e->type != TG_GRAPH_PERSON)
        return;
    char id[FTM_ID_BYTES];
    entity_id(e, id);
    json_t *p = json_object();
    add(p, "name", e->name);
    for (size_t i = 0; i < e->alias_count; i++)
        add(p, "alias", e->aliases[i]);
    /* An abbreviation names several bodies often enough that matching on it would mislead. */
    for (size_t i = 0; i < e->abbreviation_count; i++)
        add(p, "weakAlias", e->abbreviations[i]);
    const char *schema = "Person";
    if (e->type == TG_GRAPH_ORGANISATION)
        schema = public_kind(e->kind) ? "PublicBody" : "Organization";
    else
        add(p, "title", e->honorific);
    write_entity(out, id, schema, p);
    for (size_t i = 0; i < e->document_count; i++)
        write_documentation(out, e->documents[i], id, "mentions");
    if (e->type == TG_GRAPH_ORGANISATION && e->parent && e->parent->type == TG_GRAPH_ORGANISATION) {
        char parent[FTM_ID_BYTES], membership[FTM_ID_BYTES];
        entity_id(e->parent, parent);
        link_id("mem", id, parent, membership);
        json_t *m = json_object();
        add(m, "member", id);
        add(m, "organization", parent);
        add(m, "role", "part of");
        write_entity(out, membership, "Membership", m);
    }
}

/* A tenure as an Occupancy of its office (the office first, with its first tenure), dated by
 * every statement. Documentation links only Things to articles, and an Occupancy is an
 * Interval, so the articles stating it are its holder's (who they mention) and its sourceUrl. */
static void emit_tenure(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_query_tenure *t = tg_query_tenures_at(x->tenures, index);
    char office[FTM_ID_BYTES], holder[FTM_ID_BYTES], id[FTM_ID_BYTES];
    office_id(t, office);
    if (t->office_first) {
        json_t *p = json_object();
        add(p, "name", t->title);
        if (t->organisation) {
            char org[FTM_ID_BYTES];
            entity_id(t->organisation, org);
            add(p, "organization", org);
        }
        write_entity(out, office, "Position", p);
    }
    entity_id(t->person, holder);
    ftm_id("", t->id, id);
    json_t *p = json_object();
    add(p, "holder", holder);
    add(p, "post", office);
    for (size_t i = 0; i < t->position_count; i++) {
        const struct tg_graph_position *pos = t->positions[i];
        add(p, "date", pos->as_of);
        add(p, "sourceUrl", pos->document->url);
    }
    write_entity(out, id, "Occupancy", p);
}

static void emit_event(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_graph_event *ev = tg_graph_event_at(x->graph, index);
    char id[FTM_ID_BYTES];
    ftm_id("", ev->id, id);
    json_t *p = json_object();
    add(p, "name", ev->title);
    add(p, "date", ev->date);
    if (ev->place)
        add(p, "location", ev->place->name);
    for (size_t i = 0; i < ev->participant_count; i++) {
        const struct tg_graph_participant *part = &ev->participants[i];
        if (part->entity->type != TG_GRAPH_ORGANISATION && part->entity->type != TG_GRAPH_PERSON)
            continue;
        char who[FTM_ID_BYTES];
        entity_id(part->entity, who);
        bool organises = strcmp(part->role, "host") == 0 || strcmp(part->role, "chair") == 0;
        add(p, organises ? "organizer" : "involved", who);
    }
    write_entity(out, id, "Event", p);
    for (size_t i = 0; i < ev->evidence_count; i++) {
        if (i == 0 || ev->evidence[i].document != ev->evidence[i - 1].document)
            write_documentation(out, ev->evidence[i].document, id, "reports");
    }
}

static size_t document_count(const struct tg_export *x)
{
    return tg_graph_document_count(x->graph);
}

static const struct export_section sections[] = {
    {document_count, emit_article},
    {export_entity_count, emit_entity},
    {export_tenure_count, emit_tenure},
    {export_event_count, emit_event},
};

const struct export_format export_ftm = {
    "ftm", "application/x-ndjson", true, false, sections, sizeof sections / sizeof *sections,
};
