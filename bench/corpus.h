/*
 * Shared by the benchmarks: the thaigov corpus in memory, a clock, and the plain-ICU baseline
 * every throughput figure is set against. The corpus is read from $TG_SHARED_DIR (or ../shared)
 * so benchmarks skip cleanly where it is absent.
 *
 * Memory: bench_corpus_free releases what bench_corpus_load filled.
 */
#ifndef THAIGRAPH_BENCH_CORPUS_H
#define THAIGRAPH_BENCH_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

struct bench_corpus {
    char **texts;
    size_t *lens;
    size_t count, cap, bytes;
    char path[4096]; /* the first part read */
};

/* Exits with a message. */
_Noreturn void bench_die(const char *program, const char *what);

/* Reads up to limit articles from parts part-00 .. part-(parts-1); false when the corpus is
 * absent (the caller prints its skip message). */
bool bench_corpus_load(struct bench_corpus *corpus, unsigned parts, size_t limit);

void bench_corpus_free(struct bench_corpus *corpus);

/* Seconds on a monotonic clock. */
double bench_now(void);

/* Seconds plain ICU word breaking takes over every text: the baseline. */
double bench_icu_seconds(const struct bench_corpus *corpus, size_t *tokens);

#endif
