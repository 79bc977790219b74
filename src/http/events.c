/*
 * Events: the list filters by date, kind and the organisations, people and places taking part,
 * sorts by date or by how many reports tell of it and counts years, months, kinds and
 * organisations; an event's page embeds its participants and documents, and every evidence
 * sentence is a page of /v1/events/{id}/evidence.
 */
#include <string.h>

#include "internal.h"
#include "thaigraph/extract.h"

struct event_filter {
    const char *from, *to, *kind;
    /* Each group keeps the events with one of its entities; an empty group filters nothing. */
    struct {
        const struct tg_graph_entity *items[HTTP_MAX_MATCHES];
        size_t count;
        bool given;
    } groups[3];
};

static const void *event_at(const void *source, size_t index)
{
    return tg_graph_event_at(source, index);
}

static bool accept_event(const void *item, void *ctx)
{
    const struct tg_graph_event *ev = item;
    const struct event_filter *f = ctx;
    if (f->kind && strcmp(ev->kind, f->kind) != 0)
        return false;
    if (!tg_graph_date_in_range(ev->date, f->from, f->to))
        return false;
    for (size_t g = 0; g < 3; g++) {
        if (!f->groups[g].given)
            continue;
        bool any = false;
        for (size_t i = 0; i < f->groups[g].count && !any; i++)
            any =
                tg_graph_event_has(ev, f->groups[g].items[i]) || ev->place == f->groups[g].items[i];
        if (!any)
            return false;
    }
    return true;
}

static int by_reports(const void *a, const void *b, bool most)
{
    const struct tg_graph_event *x = a, *y = b;
    if (x->evidence_count != y->evidence_count)
        return (x->evidence_count < y->evidence_count) == most ? 1 : -1;
    return http_event_oldest(x, y, NULL);
}

static int least_reported(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return by_reports(a, b, false);
}

static int most_reported(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return by_reports(a, b, true);
}

static const struct http_order orders[] = {{"date", http_event_oldest},
                                           {"-date", http_event_newest},
                                           {"mentions", least_reported},
                                           {"-mentions", most_reported}};

static void facet(struct tg_query_facets *facets, const void *item)
{
    tg_query_facets_add_event(facets, item);
}

enum tg_status http_events_list(struct http_request *request, struct http_output *out)
{
    struct event_filter f = {0};
    static const char *const entity_params[] = {"organisation", "person", "place"};
    static const enum tg_graph_type entity_types[] = {TG_GRAPH_ORGANISATION, TG_GRAPH_PERSON,
                                                      TG_GRAPH_PLACE};
    const char *kinds[TG_EXTRACT_EVENT_KIND_COUNT];
    for (int k = 0; k < TG_EXTRACT_EVENT_KIND_COUNT; k++)
        kinds[k] = tg_extract_event_kind_name((enum tg_extract_event_kind)k);
    int kind = -1;
    enum tg_status status = http_param_date(request, "from", &f.from);
    if (status == TG_OK)
        status = http_param_date(request, "to", &f.to);
    if (status == TG_OK)
        status = http_param_choice(request, "kind", kinds, TG_EXTRACT_EVENT_KIND_COUNT, &kind);
    for (size_t g = 0; status == TG_OK && g < 3; g++)
        status = http_param_entities(request, entity_params[g], entity_types[g], f.groups[g].items,
                                     &f.groups[g].count, &f.groups[g].given);
    if (status != TG_OK)
        return status;
    f.kind = kind >= 0 ? kinds[kind] : NULL;
    struct http_list list = {
        .count = tg_graph_event_count(request->graph),
        .at = event_at,
        .source = request->graph,
        .accept = accept_event,
        .ctx = &f,
        .orders = orders,
        .order_count = sizeof orders / sizeof *orders,
        .key = http_event_key,
        .render = http_render_event,
        .facet_mask = 1u << TG_QUERY_FACET_YEAR | 1u << TG_QUERY_FACET_MONTH |
                      1u << TG_QUERY_FACET_KIND | 1u << TG_QUERY_FACET_ORGANISATION,
        .facet = facet,
        .csv_columns = http_event_columns,
    };
    return http_list_reply(request, &list, NULL, out);
}

static const struct tg_graph_event *path_event(struct http_request *request)
{
    const struct tg_graph_event *ev = tg_graph_event_find(request->graph, request->path_id);
    if (!ev)
        http_fail(request, TG_ERR_NOT_FOUND, NULL, "no event has the id '%s'", request->path_id);
    return ev;
}

enum tg_status http_events_get(struct http_request *request, struct http_output *out)
{
    const struct tg_graph_event *ev = path_event(request);
    if (!ev)
        return TG_ERR_NOT_FOUND;
    out->json = http_event_summary(request, ev);
    return out->json ? TG_OK : TG_ERR_NOMEM;
}

static enum tg_status relation_of(struct http_request *request, enum http_relation relation,
                                  struct http_output *out)
{
    const struct tg_graph_event *ev = path_event(request);
    return ev ? http_relation_reply(request, relation, ev, out) : TG_ERR_NOT_FOUND;
}

enum tg_status http_events_organisations(struct http_request *request, struct http_output *out)
{
    return relation_of(request, HTTP_REL_EVENT_ORGANISATIONS, out);
}

enum tg_status http_events_people(struct http_request *request, struct http_output *out)
{
    return relation_of(request, HTTP_REL_EVENT_PEOPLE, out);
}

enum tg_status http_events_documents(struct http_request *request, struct http_output *out)
{
    return relation_of(request, HTTP_REL_EVENT_DOCUMENTS, out);
}

enum tg_status http_events_evidence(struct http_request *request, struct http_output *out)
{
    return relation_of(request, HTTP_REL_EVENT_EVIDENCE, out);
}
