/* Private to src/export: what one format is. */
#ifndef THAIGRAPH_EXPORT_INTERNAL_H
#define THAIGRAPH_EXPORT_INTERNAL_H

#include <stdio.h>

#include "thaigraph/export.h"
#include "thaigraph/graph.h"

/* Writes graph to out; false when writing failed. A format that needs no data ignores graph. */
typedef bool (*export_fn)(const struct tg_graph *graph, FILE *out);

bool export_opensearch_bulk(const struct tg_graph *graph, FILE *out);
bool export_opensearch_mapping(const struct tg_graph *graph, FILE *out);

#endif
