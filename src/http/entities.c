/*
 * Organisations, people and places: lists that filter by name (q= takes an id or any name, and
 * keeps every entity so named), kind and organisation, sort by id, name or mentions and count
 * kinds; pages that embed the first 20 of each related list; and those lists as sub-resources.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* What an entity list keeps. */
struct entity_filter {
    enum tg_graph_type type;
    const struct tg_graph_entity *named[HTTP_MAX_MATCHES];
    size_t named_count;
    bool by_name;
    const char *kind;
    const struct tg_graph_entity *in[HTTP_MAX_MATCHES]; /* people: holding an office in */
    size_t in_count;
    bool by_organisation;
};

struct entity_source {
    const struct tg_graph *graph;
    enum tg_graph_type type;
};

static const void *typed_entity_at(const void *source, size_t index)
{
    const struct entity_source *s = source;
    return tg_graph_entity_at(s->graph, s->type, index);
}

static bool holds_office_in(const struct tg_graph_entity *person, const struct entity_filter *f)
{
    for (size_t i = 0; i < person->position_count; i++) {
        for (size_t k = 0; k < f->in_count; k++) {
            if (person->positions[i]->organisation == f->in[k])
                return true;
        }
    }
    return false;
}

static bool accept_entity(const void *item, void *ctx)
{
    const struct tg_graph_entity *e = item;
    const struct entity_filter *f = ctx;
    if (f->by_name) {
        bool named = false;
        for (size_t i = 0; i < f->named_count && !named; i++)
            named = f->named[i] == e;
        if (!named)
            return false;
    }
    if (f->kind && strcmp(e->kind ? e->kind : "other", f->kind) != 0)
        return false;
    return !f->by_organisation || holds_office_in(e, f);
}

static int by_id(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return strcmp(((const struct tg_graph_entity *)a)->id, ((const struct tg_graph_entity *)b)->id);
}

static int by_name(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_entity *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->id, y->id);
}

static int most_mentioned(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_entity *x = a, *y = b;
    if (x->mention_count != y->mention_count)
        return x->mention_count < y->mention_count ? 1 : -1;
    return strcmp(x->id, y->id);
}

static int least_mentioned(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_entity *x = a, *y = b;
    if (x->mention_count != y->mention_count)
        return x->mention_count > y->mention_count ? 1 : -1;
    return strcmp(x->id, y->id);
}

static const struct http_order entity_orders[] = {
    {"id", by_id}, {"name", by_name}, {"mentions", least_mentioned}, {"-mentions", most_mentioned}};

static const char *entity_key(const void *item, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    return ((const struct tg_graph_entity *)item)->id;
}

static json_t *render_entity(struct http_request *request, const void *item, void *ctx)
{
    (void)ctx;
    return http_entity_summary(request, item);
}

static void facet_entity(struct tg_query_facets *facets, const void *item)
{
    tg_query_facets_add_entity(facets, item);
}

static const char *const organisation_columns[] = {
    "id",      "name",      "kind",           "abbreviations",
    "aliases", "parent.id", "document_count", "mention_count",
    NULL};
static const char *const person_columns[] = {"id",
                                             "name",
                                             "honorific",
                                             "positions.title",
                                             "positions.organisation.name",
                                             "document_count",
                                             "mention_count",
                                             NULL};
static const char *const place_columns[] = {
    "id", "name", "kind", "within.name", "document_count", "mention_count", NULL};

static const char *const organisation_kinds[] = {
    "ministry", "department",        "office",           "agency", "fund",
    "council",  "provincial_office", "local_government", "media",  "other"};
static const char *const place_kinds[] = {"room",     "venue",    "building", "landmark",
                                          "province", "district", "country"};

static enum tg_status entity_list(struct http_request *request, enum tg_graph_type type,
                                  struct http_output *out)
{
    struct entity_filter f = {.type = type};
    enum tg_status status =
        http_param_entities(request, "q", type, f.named, &f.named_count, &f.by_name);
    int kind = -1;
    const char *const *kinds = type == TG_GRAPH_PLACE ? place_kinds : organisation_kinds;
    size_t kind_count = type == TG_GRAPH_PLACE
                            ? sizeof place_kinds / sizeof *place_kinds
                            : sizeof organisation_kinds / sizeof *organisation_kinds;
    if (status == TG_OK && type != TG_GRAPH_PERSON)
        status = http_param_choice(request, "kind", kinds, kind_count, &kind);
    if (status == TG_OK && type == TG_GRAPH_PERSON)
        status = http_param_entities(request, "organisation", TG_GRAPH_ORGANISATION, f.in,
                                     &f.in_count, &f.by_organisation);
    if (status != TG_OK)
        return status;
    f.kind = kind >= 0 ? kinds[kind] : NULL;
    struct entity_source source = {request->graph, type};
    unsigned facets =
        type == TG_GRAPH_PERSON ? 1u << TG_QUERY_FACET_ORGANISATION : 1u << TG_QUERY_FACET_KIND;
    struct http_list list = {
        .count = tg_graph_entity_count(request->graph, type),
        .at = typed_entity_at,
        .source = &source,
        .accept = accept_entity,
        .ctx = &f,
        .orders = entity_orders,
        .order_count = sizeof entity_orders / sizeof *entity_orders,
        .key = entity_key,
        .render = render_entity,
        .facet_mask = type == TG_GRAPH_PROGRAMME ? 0 : facets,
        .facet = facet_entity,
        .csv_columns = type == TG_GRAPH_ORGANISATION ? organisation_columns
                       : type == TG_GRAPH_PERSON     ? person_columns
                                                     : place_columns,
    };
    return http_list_reply(request, &list, NULL, out);
}

/* The entity of the path's {id}, when it is of the type. */
static const struct tg_graph_entity *path_entity(struct http_request *request,
                                                 enum tg_graph_type type)
{
    const struct tg_graph_entity *e = tg_graph_entity_find(request->graph, request->path_id);
    if (!e || e->type != type) {
        http_fail(request, TG_ERR_NOT_FOUND, NULL, "no %s has the id '%s'",
                  tg_graph_type_name(type), request->path_id);
        return NULL;
    }
    return e;
}

/* An entity's page: its summary and the first page of each related list. */
static enum tg_status entity_page(struct http_request *request, enum tg_graph_type type,
                                  const char *collection, struct http_output *out)
{
    static const struct {
        enum tg_graph_type type;
        const char *name;
        enum http_relation relation;
    } embedded[] = {
        {TG_GRAPH_ORGANISATION, "children", HTTP_REL_CHILDREN},
        {TG_GRAPH_ORGANISATION, "people", HTTP_REL_OFFICE_HOLDERS},
        {TG_GRAPH_ORGANISATION, "collaborators", HTTP_REL_COLLABORATORS},
        {TG_GRAPH_TYPE_COUNT, "events", HTTP_REL_ENTITY_EVENTS},
        {TG_GRAPH_TYPE_COUNT, "documents", HTTP_REL_ENTITY_DOCUMENTS},
    };
    const struct tg_graph_entity *e = path_entity(request, type);
    if (!e)
        return TG_ERR_NOT_FOUND;
    json_t *body = http_entity_summary(request, e);
    if (!body)
        return TG_ERR_NOMEM;
    char base[HTTP_MAX_ID_BYTES + 32];
    snprintf(base, sizeof base, "/v1/%s/%s", collection, e->id);
    enum tg_status status = TG_OK;
    for (size_t i = 0; status == TG_OK && i < sizeof embedded / sizeof *embedded; i++) {
        if (embedded[i].type == type || embedded[i].type == TG_GRAPH_TYPE_COUNT)
            status =
                http_embed_relation(request, body, embedded[i].name, embedded[i].relation, e, base);
    }
    if (status != TG_OK) {
        json_decref(body);
        return status;
    }
    out->json = body;
    return TG_OK;
}

static enum tg_status relation_of(struct http_request *request, enum tg_graph_type type,
                                  enum http_relation relation, struct http_output *out)
{
    const struct tg_graph_entity *e = path_entity(request, type);
    return e ? http_relation_reply(request, relation, e, out) : TG_ERR_NOT_FOUND;
}

enum tg_status http_organisations_list(struct http_request *request, struct http_output *out)
{
    return entity_list(request, TG_GRAPH_ORGANISATION, out);
}

enum tg_status http_organisations_get(struct http_request *request, struct http_output *out)
{
    return entity_page(request, TG_GRAPH_ORGANISATION, "organisations", out);
}

enum tg_status http_organisations_events(struct http_request *request, struct http_output *out)
{
    return relation_of(request, TG_GRAPH_ORGANISATION, HTTP_REL_ENTITY_EVENTS, out);
}

enum tg_status http_organisations_documents(struct http_request *request, struct http_output *out)
{
    return relation_of(request, TG_GRAPH_ORGANISATION, HTTP_REL_ENTITY_DOCUMENTS, out);
}

enum tg_status http_organisations_people(struct http_request *request, struct http_output *out)
{
    return relation_of(request, TG_GRAPH_ORGANISATION, HTTP_REL_OFFICE_HOLDERS, out);
}

enum tg_status http_organisations_collaborators(struct http_request *request,
                                                struct http_output *out)
{
    return relation_of(request, TG_GRAPH_ORGANISATION, HTTP_REL_COLLABORATORS, out);
}

enum tg_status http_organisations_children(struct http_request *request, struct http_output *out)
{
    return relation_of(request, TG_GRAPH_ORGANISATION, HTTP_REL_CHILDREN, out);
}

enum tg_status http_people_list(struct http_request *request, struct http_output *out)
{
    return entity_list(request, TG_GRAPH_PERSON, out);
}

enum tg_status http_people_get(struct http_request *request, struct http_output *out)
{
    return entity_page(request, TG_GRAPH_PERSON, "people", out);
}

enum tg_status http_people_positions(struct http_request *request, struct http_output *out)
{
    return relation_of(request, TG_GRAPH_PERSON, HTTP_REL_POSITIONS, out);
}

enum tg_status http_people_events(struct http_request *request, struct http_output *out)
{
    return relation_of(request, TG_GRAPH_PERSON, HTTP_REL_ENTITY_EVENTS, out);
}

enum tg_status http_people_documents(struct http_request *request, struct http_output *out)
{
    return relation_of(request, TG_GRAPH_PERSON, HTTP_REL_ENTITY_DOCUMENTS, out);
}

enum tg_status http_places_list(struct http_request *request, struct http_output *out)
{
    return entity_list(request, TG_GRAPH_PLACE, out);
}

enum tg_status http_places_get(struct http_request *request, struct http_output *out)
{
    return entity_page(request, TG_GRAPH_PLACE, "places", out);
}

enum tg_status http_places_events(struct http_request *request, struct http_output *out)
{
    return relation_of(request, TG_GRAPH_PLACE, HTTP_REL_ENTITY_EVENTS, out);
}

enum tg_status http_places_documents(struct http_request *request, struct http_output *out)
{
    return relation_of(request, TG_GRAPH_PLACE, HTTP_REL_ENTITY_DOCUMENTS, out);
}
