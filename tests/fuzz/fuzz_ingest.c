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
#include "scratch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fuzz_scratch scratch;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_scratch_open(&scratch, "ingest");
    FILE *f = fopen(scratch.input, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    const char *paths[] = {scratch.input};
    struct tg_ingest_options options = {0};
    struct tg_ingest_report report;
    struct tg_error err;
    enum tg_status status = tg_ingest_run(scratch.db, paths, 1, &options, &report, &err);
    bool exists = access(scratch.db, F_OK) == 0;
    if (status != TG_OK && exists)
        abort();
    DIR *d = opendir(scratch.dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strstr(e->d_name, ".tmp-"))
            abort();
    }
    if (d)
        closedir(d);
    unlink(scratch.db);
    return 0;
}
