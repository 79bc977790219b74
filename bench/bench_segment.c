/*
 * bench_segment: throughput of plain ICU word breaking and of the full tg_text pipeline
 * (normalise, then segment) over the same texts in the same run, so the ratio holds across
 * machines. Reads ../shared/corpus/thaigov-v2/part-00.jsonl.gz (one JSON object a line with the
 * article in "text"); prints a skip message and exits 0 when it is absent.
 *
 * usage: bench_segment [--limit N]   (at most N articles; all of them by default)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "thaigraph/text.h"

/* Segments every text, normalising first when pipeline is set; returns the seconds taken. */
static double run(const struct bench_corpus *c, int pipeline, size_t *tokens)
{
    struct tg_text_segmenter *seg;
    if (tg_text_segmenter_new(TG_TEXT_FULL, &seg) != TG_OK)
        bench_die("bench_segment", "cannot open a segmenter");
    *tokens = 0;
    double start = bench_now();
    for (size_t i = 0; i < c->count; i++) {
        struct tg_text_norm *norm = NULL;
        const char *text = c->texts[i];
        size_t len = c->lens[i];
        if (pipeline) {
            if (tg_text_normalise(text, len, &norm) != TG_OK)
                continue;
            text = tg_text_norm_bytes(norm, &len);
        }
        const struct tg_text_token *toks;
        size_t count;
        if (tg_text_segment(seg, text, len, &toks, &count) == TG_OK)
            *tokens += count;
        tg_text_norm_free(norm);
    }
    double seconds = bench_now() - start;
    tg_text_segmenter_free(seg);
    return seconds;
}

int main(int argc, char **argv)
{
    size_t limit = (size_t)-1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
            char *end;
            errno = 0;
            unsigned long long n = strtoull(argv[++i], &end, 10);
            if (errno || *end || n == 0)
                bench_die("bench_segment", "--limit needs a positive number");
            limit = (size_t)n;
        } else {
            fprintf(stderr, "usage: bench_segment [--limit N]\n");
            return 2;
        }
    }
    struct bench_corpus c;
    if (!bench_corpus_load(&c, 1, limit)) {
        printf("bench_segment: skipped: %s not found (needs ../shared)\n", c.path);
        return 0;
    }
    double mb = (double)c.bytes / 1e6;
    size_t icu_tokens, raw_tokens, tg_tokens;
    double icu = bench_icu_seconds(&c, &icu_tokens);
    double raw = run(&c, 0, &raw_tokens);
    double tg = run(&c, 1, &tg_tokens);
    printf("bench_segment: %zu articles, %.1f MB of UTF-8 from %s\n", c.count, mb, c.path);
    printf("  plain ICU word break:          %8.2f MB/s  (%zu tokens)\n", mb / icu, icu_tokens);
    printf("  tg_text segment, raw text:     %8.2f MB/s  (%zu tokens)\n", mb / raw, raw_tokens);
    printf("  tg_text normalise + segment:   %8.2f MB/s  (%zu tokens)\n", mb / tg, tg_tokens);
    printf("  ratio tg_text / plain ICU:     %8.2f  (target >= 0.50)\n", icu / tg);
    bench_corpus_free(&c);
    return 0;
}
