#include <stdlib.h>

#include "internal.h"

static json_t *document_summary(const struct tg_graph_document *doc)
{
    json_t *counts =
        json_pack("{s:I, s:I, s:I}", "organisations", (json_int_t)doc->organisation_count, "people",
                  (json_int_t)doc->person_count, "events", (json_int_t)doc->event_count);
    json_t *summary = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:I}", "id", doc->id, "title",
                                doc->title, "published", http_string_or_null(doc->published),
                                "date_precision", http_string_or_null(doc->published_precision),
                                "source", http_string_or_null(doc->source), "url",
                                http_string_or_null(doc->url), "length", (json_int_t)doc->length);
    if (summary)
        json_object_set_new(summary, "counts", counts);
    else
        json_decref(counts);
    return summary;
}

static json_t *mentions_json(const struct tg_graph *graph, const struct tg_graph_document *doc)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < doc->mention_count; i++) {
        struct tg_graph_mention mention;
        tg_graph_document_mention(graph, doc, i, &mention);
        const struct tg_graph_mention *m = &mention;
        json_array_append_new(
            list, json_pack("{s:s, s:I, s:I, s:s, s:o, s:o}", "type", m->type, "start",
                            (json_int_t)m->start, "end", (json_int_t)m->end, "surface", m->surface,
                            "entity_id", http_string_or_null(m->entity ? m->entity->id : NULL),
                            "value", http_string_or_null(m->value)));
    }
    return list;
}

enum tg_status http_documents_list(struct http_request *request, struct http_output *out)
{
    size_t limit;
    const char *after;
    char cursor_buf[HTTP_MAX_ID_BYTES + 1];
    struct tg_graph_document_filter filter = {.source = http_query(request, "source")};
    enum tg_status status = http_param_limit(request, &limit);
    if (status == TG_OK)
        status = http_param_cursor(request, cursor_buf, sizeof cursor_buf, &after);
    if (status == TG_OK)
        status = http_param_date(request, "from", &filter.from);
    if (status == TG_OK)
        status = http_param_date(request, "to", &filter.to);
    if (status != TG_OK)
        return status;

    size_t page[HTTP_MAX_LIMIT];
    size_t count, total;
    bool more;
    tg_graph_document_page(request->graph, &filter, after, limit, page, &count, &total, &more);
    json_t *items = json_array();
    for (size_t i = 0; i < count; i++)
        json_array_append_new(items,
                              document_summary(tg_graph_document_at(request->graph, page[i])));
    const char *last = count ? tg_graph_document_at(request->graph, page[count - 1])->id : NULL;
    out->json = http_page_body(request, items, last, more, total);
    return out->json ? TG_OK : TG_ERR_NOMEM;
}

enum tg_status http_documents_get(struct http_request *request, struct http_output *out)
{
    const struct tg_graph_document *doc = tg_graph_document_find(request->graph, request->path_id);
    if (!doc)
        return http_fail(request, TG_ERR_NOT_FOUND, NULL, "no document has the id '%s'",
                         request->path_id);
    out->json = document_summary(doc);
    if (!out->json ||
        json_object_set_new(out->json, "text", json_stringn(doc->text, doc->text_bytes)) != 0 ||
        json_object_set_new(out->json, "mentions", mentions_json(request->graph, doc)) != 0 ||
        json_object_set_new(out->json, "events", http_event_list(doc->events, doc->event_count)))
        return TG_ERR_NOMEM;
    return TG_OK;
}
