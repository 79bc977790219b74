/*
 * bench_ingest: `thaigraph ingest` throughput on ../shared/corpus/thaigov-v2/part-00.jsonl.gz
 * (decompress, parse, validate, read metadata, extract, write SQLite, commit), next to plain ICU
 * word breaking over the same texts in the same run, so the ratio holds across machines.
 *
 * usage: bench_ingest   (prints a skip message and exits 0 without ../shared)
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "corpus.h"
#include "thaigraph/ingest.h"
#include "thaigraph/log.h"

int main(void)
{
    struct bench_corpus corpus;
    if (!bench_corpus_load(&corpus, 1, (size_t)-1)) {
        printf("bench_ingest: skipped: %s not found (needs ../shared)\n", corpus.path);
        return 0;
    }
    char dir[] = "/tmp/bench-ingest-XXXXXX";
    if (!mkdtemp(dir))
        bench_die("bench_ingest", "cannot make a temporary directory");
    char db[64];
    snprintf(db, sizeof db, "%s/graph.db", dir);

    size_t icu_tokens;
    double icu = bench_icu_seconds(&corpus, &icu_tokens);
    const char *paths[] = {corpus.path};
    struct tg_ingest_options options = {0};
    struct tg_ingest_report report;
    struct tg_error err = {{0}};
    tg_log_set_level(TG_LOG_ERROR);
    double start = bench_now();
    enum tg_status status = tg_ingest_run(db, paths, 1, &options, &report, &err);
    double ingest = bench_now() - start;
    unlink(db);
    rmdir(dir);
    if (status != TG_OK)
        bench_die("bench_ingest", err.message);

    double mb = (double)corpus.bytes / 1e6;
    printf("bench_ingest: %zu articles, %.1f MB of text from %s\n", report.documents, mb,
           corpus.path);
    printf("  plain ICU word break:   %8.2f MB/s\n", mb / icu);
    printf("  thaigraph ingest:       %8.2f MB/s  (%.1f s)\n", mb / ingest, ingest);
    printf("  ratio ingest / ICU:     %8.2f\n", icu / ingest);
    bench_corpus_free(&corpus);
    return 0;
}
