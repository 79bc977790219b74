/*
 * OpenSearch and Elasticsearch (issue 10, "past one machine"): `opensearch` writes the documents
 * as the NDJSON body of a `_bulk` request for the index "thaigraph-documents", and
 * `opensearch-mapping` the index's settings and mapping to create first.
 *
 * Every document becomes an `index` action (so sending a newer export replaces documents by id)
 * and a source with the fields /v1/documents serves, plus the canonical names of the
 * organisations and people it mentions as keyword fields for filters and aggregations. Title and
 * text are analysed with the ICU plugin's tokenizer (`analysis-icu`, which segments Thai with the
 * ICU dictionary thaigraph starts from), then ICU folding (UTR #30: case, width and digits, so
 * ๔๐ finds 40 as it does in thaigraph). A cluster then gives full-text search at a scale one
 * replica's memory cannot hold, while thaigraphd keeps serving the graph.
 */
#include <string.h>

#include "export_internal.h"

#define INDEX "thaigraph-documents"

/* Canonical names of the distinct entities of one type a document mentions, in text order. */
static json_t *names_of(const struct tg_graph *graph, const struct tg_graph_document *doc,
                        enum tg_graph_type type)
{
    json_t *names = json_array();
    for (size_t i = 0; names && i < doc->mention_count; i++) {
        struct tg_graph_mention m;
        tg_graph_document_mention(graph, doc, i, &m);
        if (!m.entity || m.entity->type != type)
            continue;
        bool seen = false;
        for (size_t k = 0; k < json_array_size(names) && !seen; k++)
            seen = strcmp(json_string_value(json_array_get(names, k)), m.entity->name) == 0;
        if (!seen)
            json_array_append_new(names, json_string(m.entity->name));
    }
    return names;
}

static json_t *optional(const char *s)
{
    return s ? json_string(s) : json_null();
}

static size_t document_count(const struct tg_export *x)
{
    return tg_graph_document_count(x->graph);
}

static void emit_document(struct tg_export *x, size_t index, struct xbuf *out)
{
    const struct tg_graph_document *doc = tg_graph_document_at(x->graph, index);
    xbuf_json_line(out, json_pack("{s:{s:s, s:s}}", "index", "_index", INDEX, "_id", doc->id));
    xbuf_json_line(out,
                   json_pack("{s:s, s:s, s:s%, s:o, s:o, s:o, s:o, s:I, s:o, s:o}", "id", doc->id,
                             "title", doc->title, "text", doc->text, doc->text_bytes, "published",
                             optional(doc->published), "date_precision",
                             optional(doc->published_precision), "source", optional(doc->source),
                             "url", optional(doc->url), "length", (json_int_t)doc->length,
                             "organisations", names_of(x->graph, doc, TG_GRAPH_ORGANISATION),
                             "people", names_of(x->graph, doc, TG_GRAPH_PERSON)));
}

static void emit_mapping(struct tg_export *x, size_t index, struct xbuf *out)
{
    (void)x;
    (void)index;
    json_t *analysis =
        json_pack("{s:{s:{s:s, s:s, s:[s, s]}}}", "analyzer", "thai", "type", "custom", "tokenizer",
                  "icu_tokenizer", "filter", "icu_folding", "lowercase");
    json_t *text = json_pack("{s:s, s:s}", "type", "text", "analyzer", "thai");
    json_t *title = json_pack("{s:s, s:s}", "type", "text", "analyzer", "thai");
    json_t *keyword = json_pack("{s:s}", "type", "keyword");
    json_t *mapping = json_pack(
        "{s:{s:o}, s:{s:s, s:{s:O, s:o, s:o, s:{s:s, s:s}, s:O, s:O, s:{s:s, s:b}, s:{s:s},"
        " s:O, s:O}}}",
        "settings", "analysis", analysis, "mappings", "dynamic", "strict", "properties", "id",
        keyword, "title", title, "text", text, "published", "type", "date", "format",
        "yyyy-MM-dd||yyyy-MM||yyyy", "date_precision", keyword, "source", keyword, "url", "type",
        "keyword", "index", false, "length", "type", "integer", "organisations", keyword, "people",
        keyword);
    json_decref(keyword);
    xbuf_json_line(out, mapping);
}

static const struct export_section bulk_sections[] = {{document_count, emit_document}};
static const struct export_section mapping_sections[] = {{export_one, emit_mapping}};

const struct export_format export_opensearch = {
    "opensearch", "application/x-ndjson", false, false, bulk_sections, 1,
};

const struct export_format export_opensearch_mapping = {
    "opensearch-mapping", "application/json", false, false, mapping_sections, 1,
};
