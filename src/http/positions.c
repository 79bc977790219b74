/*
 * /v1/positions: who held an office when. Each item is a tenure (one person in one office, from
 * the first to the last date an article states it, with the sentences that state it and its
 * place in the office's succession); `on` keeps the holders on a date.
 */
#include <string.h>

#include "internal.h"

static int oldest(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_query_tenure *x = a, *y = b;
    int c = http_compare_dated(x->first_seen, x->title, y->first_seen, y->title, false);
    return c ? c : strcmp(x->id, y->id);
}

static int newest(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_query_tenure *x = a, *y = b;
    int c = http_compare_dated(x->last_seen, x->title, y->last_seen, y->title, true);
    return c ? c : strcmp(x->id, y->id);
}

static int by_name(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_query_tenure *x = a, *y = b;
    int c = strcmp(x->person->name, y->person->name);
    return c ? c : oldest(a, b, NULL);
}

static const struct http_order orders[] = {{"date", oldest}, {"-date", newest}, {"name", by_name}};

static void facet(struct tg_query_facets *facets, const void *item)
{
    const struct tg_query_tenure *t = item;
    tg_query_facets_add_entity(facets, t->person);
}

static enum tg_status tenure_problem(struct http_request *request, enum tg_status status)
{
    if (status == TG_ERR_INVALID_UTF8)
        return http_fail(request, status, "title", "title is not valid UTF-8");
    return status;
}

enum tg_status http_positions_list(struct http_request *request, struct http_output *out)
{
    const struct tg_graph_entity *orgs[HTTP_MAX_MATCHES], *people[HTTP_MAX_MATCHES];
    size_t org_count = 0, person_count = 0;
    bool by_org = false, by_person = false;
    struct tg_query_tenure_filter filter = {.title = http_query(request, "title")};
    enum tg_status status = http_param_entities(request, "organisation", TG_GRAPH_ORGANISATION,
                                                orgs, &org_count, &by_org);
    if (status == TG_OK)
        status = http_param_entities(request, "person", TG_GRAPH_PERSON, people, &person_count,
                                     &by_person);
    if (status == TG_OK)
        status = http_param_date(request, "on", &filter.on);
    if (status != TG_OK)
        return status;
    filter.organisations = orgs;
    filter.organisation_count = org_count;
    filter.people = people;
    filter.person_count = person_count;
    /* A name that names nothing keeps nothing (tenures take an empty set as no filter). */
    bool none = (by_org && !org_count) || (by_person && !person_count);
    struct tg_query_tenures *tenures = NULL;
    if (!none && (status = tg_query_tenures(request->graph, &filter, &tenures)) != TG_OK)
        return tenure_problem(request, status);
    struct http_list list = {
        .count = tenures ? tg_query_tenures_count(tenures) : 0,
        .at = http_tenure_at,
        .source = tenures,
        .orders = orders,
        .order_count = sizeof orders / sizeof *orders,
        .key = http_tenure_key,
        .render = http_render_tenure,
        .facet_mask = 1u << TG_QUERY_FACET_ORGANISATION,
        .facet = facet,
        .csv_columns = http_tenure_columns,
    };
    status = http_list_reply(request, &list, NULL, out);
    tg_query_tenures_free(tenures);
    return status;
}

/* The tenure the path's {id} names; NULL (having failed the request) when none. */
static const struct tg_query_tenure *
path_tenure(struct http_request *request, struct tg_query_tenures **tenures, enum tg_status *status)
{
    struct tg_query_tenure_filter filter = {.id = request->path_id};
    *status = tg_query_tenures(request->graph, &filter, tenures);
    if (*status != TG_OK)
        return NULL;
    const struct tg_query_tenure *t = tg_query_tenures_at(*tenures, 0);
    if (!t)
        *status = http_fail(request, TG_ERR_NOT_FOUND, NULL, "no position has the id '%s'",
                            request->path_id);
    return t;
}

enum tg_status http_positions_get(struct http_request *request, struct http_output *out)
{
    struct tg_query_tenures *tenures = NULL;
    enum tg_status status;
    const struct tg_query_tenure *t = path_tenure(request, &tenures, &status);
    if (t) {
        out->json = http_tenure(t);
        status = out->json ? TG_OK : TG_ERR_NOMEM;
    }
    tg_query_tenures_free(tenures);
    return status;
}

enum tg_status http_positions_evidence(struct http_request *request, struct http_output *out)
{
    struct tg_query_tenures *tenures = NULL;
    enum tg_status status;
    const struct tg_query_tenure *t = path_tenure(request, &tenures, &status);
    if (t)
        status = http_relation_reply(request, HTTP_REL_TENURE_EVIDENCE, t, out);
    tg_query_tenures_free(tenures);
    return status;
}
