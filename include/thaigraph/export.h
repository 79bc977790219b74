/*
 * export: the whole merged graph of a snapshot in formats other tools read, streamed.
 *
 * Formats: `ndjson` (every entity and event, one JSON object a line, as the API shapes them),
 * `graphml` and `gexf` (entities and events as nodes; participation, venue, office, parent and
 * collaboration as edges; GEXF with the dates of edges and events for Gephi's timeline) and
 * `ftm` (FollowTheMoney entities as NDJSON: Article, Organization/PublicBody, Person, Position,
 * Occupancy, Event, Membership, Documentation, as Aleph and yente import them). `opensearch` and
 * `opensearch-mapping` hand the documents to a search cluster (README: "Past one machine").
 *
 * An export is read like a file: each tg_export_read renders only as much of the graph as the
 * caller's buffer takes (one node, one event's edges, one entity), so memory stays bounded
 * whatever the corpus size and a reader at the other end of a slow connection costs nothing
 * while it waits. Lists the formats derive up front (tenures, collaborating pairs) are the only
 * memory proportional to the graph.
 *
 * Memory: tg_export_open hands the caller an export freed with tg_export_free; it borrows the
 * graph, which must outlive it.
 */
#ifndef THAIGRAPH_EXPORT_H
#define THAIGRAPH_EXPORT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/graph.h"
#include "thaigraph/status.h"

enum tg_export_format {
    TG_EXPORT_NDJSON,
    TG_EXPORT_GRAPHML,
    TG_EXPORT_GEXF,
    TG_EXPORT_FTM,
    TG_EXPORT_OPENSEARCH,         /* the documents as an OpenSearch/Elasticsearch _bulk body */
    TG_EXPORT_OPENSEARCH_MAPPING, /* the index to create for them (ICU tokenizer) */
    TG_EXPORT_FORMAT_COUNT
};

/* "ndjson", "graphml", "gexf", "ftm", "opensearch", "opensearch-mapping"; NULL past the enum. */
const char *tg_export_format_name(enum tg_export_format format);

/* The format called name; false when there is none. */
bool tg_export_format_parse(const char *name, enum tg_export_format *format);

/* The media type of a format's output ("application/x-ndjson", "application/graphml+xml", ...). */
const char *tg_export_content_type(enum tg_export_format format);

struct tg_export;

/* Starts an export of graph. TG_ERR_NOMEM, or TG_ERR_INVALID_ARGUMENT for an unknown format. */
enum tg_status tg_export_open(const struct tg_graph *graph, enum tg_export_format format,
                              struct tg_export **out);

/*
 * Copies the next bytes of the export into buf (at most cap, cap >= 1) and their number into
 * *len; *len is 0 once the export is complete. TG_ERR_NOMEM when a record cannot be rendered
 * (the export cannot continue).
 */
enum tg_status tg_export_read(struct tg_export *x, char *buf, size_t cap, size_t *len);

/* NULL is a no-op. */
void tg_export_free(struct tg_export *x);

/* Where a fact is stated, as every format and the API write it: {document_id, start, end,
 * sentence}, the last three null when the claim did not record its sentence. A new reference,
 * NULL when out of memory. */
json_t *tg_export_evidence_json(const struct tg_graph_evidence *evidence);

#endif
