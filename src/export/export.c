/* `thaigraph export`: the table of formats and the one way each runs. */
#include <string.h>

#include "export_internal.h"

static const struct {
    const char *name;
    export_fn run;
    bool needs_data; /* loads the database; a mapping does not */
} formats[] = {
    {"opensearch", export_opensearch_bulk, true},
    {"opensearch-mapping", export_opensearch_mapping, false},
};

const char *tg_export_formats(void)
{
    return "opensearch, opensearch-mapping";
}

enum tg_status tg_export_run(const char *db_path, const char *format, FILE *out,
                             struct tg_error *err)
{
    size_t f = 0;
    while (f < sizeof formats / sizeof formats[0] && strcmp(formats[f].name, format) != 0)
        f++;
    if (f == sizeof formats / sizeof formats[0])
        return tg_error_set(err, TG_ERR_BAD_PARAMETER, "unknown format '%s' (known: %s)", format,
                            tg_export_formats());
    struct tg_graph *graph = NULL;
    if (formats[f].needs_data) {
        enum tg_status status = tg_graph_load(db_path, &graph, err);
        if (status != TG_OK)
            return status;
    }
    bool ok = formats[f].run(graph, out) && fflush(out) == 0;
    tg_graph_free(graph);
    return ok ? TG_OK : tg_error_set(err, TG_ERR_IO, "writing the export failed");
}
