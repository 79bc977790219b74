/*
 * OpenSearch and Elasticsearch: the documents as a `_bulk` NDJSON body for the index
 * "thaigraph-documents", and the index's settings and mapping.
 *
 * Every document becomes an `index` action (so re-sending a newer export replaces documents by
 * id) and a source with the fields /v1/documents serves, plus the canonical names of the
 * organisations and people it mentions, as keyword fields for filtering and aggregation. Text and
 * title are analysed with the ICU plugin's tokenizer (`analysis-icu`, which segments Thai with
 * the same ICU dictionary thaigraph starts from), then ICU folding (UTR #30: case, width and
 * digits, so ๔๐ finds 40 as it does in thaigraph), so a cluster gives full-text search at a scale
 * one replica's memory cannot hold, while thaigraphd keeps the graph.
 */
#include <jansson.h>
#include <stdlib.h>
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

/* One line of NDJSON: the compact JSON of value and a newline. Consumes value. */
static bool line(FILE *out, json_t *value)
{
    bool ok = value && json_dumpf(value, out, JSON_COMPACT) == 0 && fputc('\n', out) != EOF;
    json_decref(value);
    return ok;
}

bool export_opensearch_bulk(const struct tg_graph *graph, FILE *out)
{
    bool ok = true;
    for (size_t i = 0; ok && i < tg_graph_document_count(graph); i++) {
        const struct tg_graph_document *doc = tg_graph_document_at(graph, i);
        ok = line(out, json_pack("{s:{s:s, s:s}}", "index", "_index", INDEX, "_id", doc->id));
        json_t *source = json_pack(
            "{s:s, s:s, s:s%, s:o, s:o, s:o, s:o, s:I, s:o, s:o}", "id", doc->id, "title",
            doc->title, "text", doc->text, doc->text_bytes, "published", optional(doc->published),
            "date_precision", optional(doc->published_precision), "source", optional(doc->source),
            "url", optional(doc->url), "length", (json_int_t)doc->length, "organisations",
            names_of(graph, doc, TG_GRAPH_ORGANISATION), "people",
            names_of(graph, doc, TG_GRAPH_PERSON));
        ok = ok && line(out, source);
    }
    return ok;
}

bool export_opensearch_mapping(const struct tg_graph *graph, FILE *out)
{
    (void)graph;
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
    bool ok = mapping && json_dumpf(mapping, out, JSON_INDENT(2)) == 0 && fputc('\n', out) != EOF;
    json_decref(mapping);
    return ok;
}
