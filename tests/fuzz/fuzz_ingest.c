/*
 * fuzz_ingest (issue 11): any bytes as a JSON Lines file (plain or gzip: the reader decides by
 * the magic bytes) must be ingested or refused with a status, never crash, and a refused run
 * must leave no database and no temporary file behind.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thaigraph/ingest.h"
#include "thaigraph/log.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/fuzz-ingest-XXXXXX";
static char input[64], db[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!input[0]) {
        if (!mkdtemp(dir))
            abort();
        snprintf(input, sizeof input, "%s/in.jsonl", dir);
        snprintf(db, sizeof db, "%s/graph.db", dir);
        tg_log_set_level(TG_LOG_ERROR);
    }
    FILE *f = fopen(input, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    const char *paths[] = {input};
    struct tg_ingest_options options = {0};
    struct tg_ingest_report report;
    struct tg_error err;
    enum tg_status status = tg_ingest_run(db, paths, 1, &options, &report, &err);
    bool exists = access(db, F_OK) == 0;
    if (status != TG_OK && exists)
        abort();
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strstr(e->d_name, ".tmp-"))
            abort();
    }
    if (d)
        closedir(d);
    unlink(db);
    return 0;
}
