#include "corpus.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "thaigraph/text.h"

void bench_die(const char *program, const char *what)
{
    fprintf(stderr, "%s: %s\n", program, what);
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
                bench_die("bench", "out of memory");
        }
        if (!gzgets(in, *buf + len, (int)(*cap - len)))
            return len > 0 ? (long)len : -1;
        len += strlen(*buf + len);
        if ((*buf)[len - 1] == '\n')
            return (long)len;
    }
}

static void add_text(struct bench_corpus *c, const char *text, size_t len)
{
    if (c->count == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        c->texts = realloc(c->texts, c->cap * sizeof *c->texts);
        c->lens = realloc(c->lens, c->cap * sizeof *c->lens);
        if (!c->texts || !c->lens)
            bench_die("bench", "out of memory");
    }
    if (!(c->texts[c->count] = malloc(len + 1)))
        bench_die("bench", "out of memory");
    memcpy(c->texts[c->count], text, len + 1);
    c->lens[c->count++] = len;
    c->bytes += len;
}

bool bench_corpus_load(struct bench_corpus *c, unsigned parts, size_t limit)
{
    const char *shared = getenv("TG_SHARED_DIR");
    memset(c, 0, sizeof *c);
    char *line = NULL;
    size_t cap = 0;
    for (unsigned part = 0; part < parts && c->count < limit; part++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/corpus/thaigov-v2/part-%02u.jsonl.gz",
                 shared ? shared : "../shared", part);
        if (part == 0)
            memcpy(c->path, path, sizeof path);
        gzFile in = gzopen(path, "rb");
        if (!in)
            break;
        gzbuffer(in, 1 << 17);
        long n;
        while (c->count < limit && (n = read_line(in, &line, &cap)) >= 0) {
            json_t *doc = json_loadb(line, (size_t)n, 0, NULL);
            json_t *text = json_object_get(doc, "text");
            if (json_is_string(text))
                add_text(c, json_string_value(text), json_string_length(text));
            json_decref(doc);
        }
        gzclose(in);
    }
    free(line);
    return c->count > 0;
}

void bench_corpus_free(struct bench_corpus *c)
{
    for (size_t i = 0; i < c->count; i++)
        free(c->texts[i]);
    free(c->texts);
    free(c->lens);
}

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double bench_icu_seconds(const struct bench_corpus *c, size_t *tokens)
{
    struct tg_text_segmenter *seg;
    if (tg_text_segmenter_new(TG_TEXT_ICU_ONLY, &seg) != TG_OK)
        bench_die("bench", "cannot open a segmenter");
    *tokens = 0;
    double start = bench_now();
    for (size_t i = 0; i < c->count; i++) {
        const struct tg_text_token *toks;
        size_t count;
        if (tg_text_segment(seg, c->texts[i], c->lens[i], &toks, &count) == TG_OK)
            *tokens += count;
    }
    double seconds = bench_now() - start;
    tg_text_segmenter_free(seg);
    return seconds;
}
