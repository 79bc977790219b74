/*
 * export: a database's documents in formats other systems read, for `thaigraph export`.
 *
 * Past one machine (README: "Past one machine") a corpus too large for one replica's memory can
 * be searched by a cluster: `--format opensearch` writes the documents as the NDJSON body of an
 * OpenSearch/Elasticsearch `_bulk` request (an action line, then the document), and
 * `--format opensearch-mapping` the index settings and mapping to create first, with the ICU
 * analysis plugin's tokenizer for Thai. Each format lives in a file of its own (opensearch.c);
 * a format is one entry of the table in export.c.
 *
 * Memory: nothing is retained; output goes to the caller's stream.
 */
#ifndef THAIGRAPH_EXPORT_H
#define THAIGRAPH_EXPORT_H

#include <stdio.h>

#include "thaigraph/status.h"

/* The names --format accepts, for usage messages: "opensearch, opensearch-mapping". */
const char *tg_export_formats(void);

/*
 * Writes the database at db_path (its snapshot, as thaigraphd would serve it) to out in format.
 * TG_ERR_BAD_PARAMETER for an unknown format; the loader's statuses for a database that cannot
 * be served; TG_ERR_IO when out fails.
 */
enum tg_status tg_export_run(const char *db_path, const char *format, FILE *out,
                             struct tg_error *err);

#endif
