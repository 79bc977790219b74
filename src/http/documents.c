/*
 * Documents: the list filters by publication date, source and the entities a document mentions,
 * sorts by id or date and counts years, months, sources and organisations; a document's page
 * has its text and the first 20 of its mentions and events.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

struct document_filter {
    struct tg_graph_document_filter dates;
    const struct tg_graph_entity *mentions[HTTP_MAX_MATCHES];
    size_t mention_count;
    bool by_entity;
};

static const void *document_at(const void *source, size_t index)
{
    return tg_graph_document_at(source, index);
}

/* Whether one of the filter's entities is mentioned by doc (its documents are in id order). */
static bool mentions_any(const struct tg_graph_document *doc, const struct document_filter *f)
{
    for (size_t k = 0; k < f->mention_count; k++) {
        const struct tg_graph_entity *e = f->mentions[k];
        size_t lo = 0, hi = e->document_count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int c = strcmp(e->documents[mid]->id, doc->id);
            if (c == 0)
                return true;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    return false;
}

static bool accept_document(const void *item, void *ctx)
{
    const struct tg_graph_document *doc = item;
    const struct document_filter *f = ctx;
    if (f->dates.source && (!doc->source || strcasecmp(doc->source, f->dates.source) != 0))
        return false;
    if (!tg_graph_date_in_range(doc->published, f->dates.from, f->dates.to))
        return false;
    return !f->by_entity || mentions_any(doc, f);
}

static void facet(struct tg_query_facets *facets, const void *item)
{
    tg_query_facets_add_document(facets, item);
}

enum tg_status http_documents_list(struct http_request *request, struct http_output *out)
{
    struct document_filter f = {.dates.source = http_query(request, "source")};
    enum tg_status status = http_param_date(request, "from", &f.dates.from);
    if (status == TG_OK)
        status = http_param_date(request, "to", &f.dates.to);
    if (status == TG_OK)
        status = http_param_entities(request, "mentions", TG_GRAPH_TYPE_COUNT, f.mentions,
                                     &f.mention_count, &f.by_entity);
    if (status != TG_OK)
        return status;
    struct http_list list = {
        .count = tg_graph_document_count(request->graph),
        .at = document_at,
        .source = request->graph,
        .accept = accept_document,
        .ctx = &f,
        .orders = http_document_orders,
        .order_count = HTTP_DOCUMENT_ORDERS,
        .key = http_document_key,
        .render = http_render_document,
        .facet_mask = 1u << TG_QUERY_FACET_YEAR | 1u << TG_QUERY_FACET_MONTH |
                      1u << TG_QUERY_FACET_SOURCE | 1u << TG_QUERY_FACET_ORGANISATION,
        .facet = facet,
        .csv_columns = http_document_columns,
    };
    return http_list_reply(request, &list, NULL, out);
}

static const struct tg_graph_document *path_document(struct http_request *request)
{
    const struct tg_graph_document *doc = tg_graph_document_find(request->graph, request->path_id);
    if (!doc)
        http_fail(request, TG_ERR_NOT_FOUND, NULL, "no document has the id '%s'", request->path_id);
    return doc;
}

enum tg_status http_documents_get(struct http_request *request, struct http_output *out)
{
    const struct tg_graph_document *doc = path_document(request);
    if (!doc)
        return TG_ERR_NOT_FOUND;
    char base[HTTP_MAX_ID_BYTES + 16];
    snprintf(base, sizeof base, "/v1/documents/%s", doc->id);
    json_t *body = http_document_summary(doc);
    if (!body || json_object_set_new(body, "text", json_stringn(doc->text, doc->text_bytes)) != 0 ||
        http_embed_relation(request, body, "mentions", HTTP_REL_MENTIONS, doc, base) != TG_OK ||
        http_embed_relation(request, body, "events", HTTP_REL_DOCUMENT_EVENTS, doc, base) !=
            TG_OK) {
        json_decref(body);
        return TG_ERR_NOMEM;
    }
    out->json = body;
    return TG_OK;
}

enum tg_status http_documents_mentions(struct http_request *request, struct http_output *out)
{
    const struct tg_graph_document *doc = path_document(request);
    return doc ? http_relation_reply(request, HTTP_REL_MENTIONS, doc, out) : TG_ERR_NOT_FOUND;
}

enum tg_status http_documents_events(struct http_request *request, struct http_output *out)
{
    const struct tg_graph_document *doc = path_document(request);
    return doc ? http_relation_reply(request, HTTP_REL_DOCUMENT_EVENTS, doc, out)
               : TG_ERR_NOT_FOUND;
}
