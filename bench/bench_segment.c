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
#include <time.h>

#include <jansson.h>
#include <zlib.h>

#include "thaigraph/text.h"

struct corpus {
    char **texts;
    size_t *lens;
    size_t count, cap, bytes;
};

static void die(const char *what)
{
    fprintf(stderr, "bench_segment: %s\n", what);
    exit(1);
}

/* Reads one whole line, however long, into *buf; returns its length, or -1 at the end. */
static long read_line(gzFile in, char **buf, size_t *cap)
{
    size_t len = 0;
    for (;;) {
        if (*cap - len < 2) {
            *cap = *cap ? *cap * 2 : 1 << 16;
            if (!(*buf = realloc(*buf, *cap)))
                die("out of memory");
        }
        if (!gzgets(in, *buf + len, (int)(*cap - len)))
            return len > 0 ? (long)len : -1;
        len += strlen(*buf + len);
        if ((*buf)[len - 1] == '\n')
            return (long)len;
    }
}

static void load(gzFile in, size_t limit, struct corpus *c)
{
    char *line = NULL;
    size_t cap = 0;
    long n;
    while (c->count < limit && (n = read_line(in, &line, &cap)) >= 0) {
        json_error_t error;
        json_t *doc = json_loadb(line, (size_t)n, 0, &error);
        const char *text = json_string_value(json_object_get(doc, "text"));
        if (text) {
            if (c->count == c->cap) {
                c->cap = c->cap ? c->cap * 2 : 1024;
                c->texts = realloc(c->texts, c->cap * sizeof *c->texts);
                c->lens = realloc(c->lens, c->cap * sizeof *c->lens);
                if (!c->texts || !c->lens)
                    die("out of memory");
            }
            size_t len = json_string_length(json_object_get(doc, "text"));
            if (!(c->texts[c->count] = malloc(len + 1)))
                die("out of memory");
            memcpy(c->texts[c->count], text, len + 1);
            c->lens[c->count++] = len;
            c->bytes += len;
        }
        json_decref(doc);
    }
    free(line);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Segments every text, normalising first when pipeline is set; returns the seconds taken. */
static double run(const struct corpus *c, enum tg_text_mode mode, int pipeline, size_t *tokens)
{
    struct tg_text_segmenter *seg;
    if (tg_text_segmenter_new(mode, &seg) != TG_OK)
        die("cannot open a segmenter");
    *tokens = 0;
    double start = now();
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
    double seconds = now() - start;
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
                die("--limit needs a positive number");
            limit = (size_t)n;
        } else {
            fprintf(stderr, "usage: bench_segment [--limit N]\n");
            return 2;
        }
    }
    const char *shared = getenv("TG_SHARED_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/corpus/thaigov-v2/part-00.jsonl.gz",
             shared ? shared : "../shared");
    gzFile in = gzopen(path, "rb");
    if (!in) {
        printf("bench_segment: skipped: %s not found (needs ../shared)\n", path);
        return 0;
    }
    gzbuffer(in, 1 << 17);
    struct corpus c = {0};
    load(in, limit, &c);
    gzclose(in);
    double mb = (double)c.bytes / 1e6;
    size_t icu_tokens, raw_tokens, tg_tokens;
    double icu = run(&c, TG_TEXT_ICU_ONLY, 0, &icu_tokens);
    double raw = run(&c, TG_TEXT_FULL, 0, &raw_tokens);
    double tg = run(&c, TG_TEXT_FULL, 1, &tg_tokens);
    printf("bench_segment: %zu articles, %.1f MB of UTF-8 from %s\n", c.count, mb, path);
    printf("  plain ICU word break:          %8.2f MB/s  (%zu tokens)\n", mb / icu, icu_tokens);
    printf("  tg_text segment, raw text:     %8.2f MB/s  (%zu tokens)\n", mb / raw, raw_tokens);
    printf("  tg_text normalise + segment:   %8.2f MB/s  (%zu tokens)\n", mb / tg, tg_tokens);
    printf("  ratio tg_text / plain ICU:     %8.2f  (target >= 0.50)\n", icu / tg);
    for (size_t i = 0; i < c.count; i++)
        free(c.texts[i]);
    free(c.texts);
    free(c.lens);
    return 0;
}
