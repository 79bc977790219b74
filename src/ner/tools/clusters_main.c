/*
 * thaigraph-ner-clusters: learns the tagger's word clusters from unlabelled news.
 *
 * usage: thaigraph-ner-clusters --corpus FILE.jsonl.gz [--corpus ...] [--words N]
 *                               [--classes FINE,MID,COARSE] [--passes P] --out FILE
 *
 * Reads the `text` of every JSON Lines record (plain or gzip), splits it into the tagger's own
 * tokens (so the table is keyed exactly as tagging looks it up), keeps the N most frequent
 * cluster forms (default 30000, each seen at least 3 times) and clusters them with the exchange
 * algorithm into FINE classes (default 512), then clusters those classes into MID and COARSE
 * ones (128 and 32). Rarer words and the edges of documents share one fixed class that only
 * gives context. Everything runs in a fixed order from a fixed start, so the same corpus always
 * gives the same file. The shipped table comes from thaigov parts 00-02 only: parts 03-07 are
 * held out for measuring extraction and are never read here.
 *
 * Output: comment lines, then `form<TAB>coarse<TAB>mid<TAB>fine` per word, most frequent first.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "ner_internal.h"
#include "thaigraph/hash.h"

#define MAX_CORPORA 16
#define MIN_COUNT   3
#define LEVELS      NER_CLUSTER_LEVELS

struct options {
    const char *corpus[MAX_CORPORA];
    size_t corpus_count;
    const char *out;
    unsigned long words;
    unsigned classes[LEVELS]; /* fine first */
    unsigned long passes;
};

/* Interned cluster forms with their counts. */
struct vocab {
    uint64_t *hashes;
    uint32_t *slot_word; /* word id + 1, 0 for an empty slot */
    size_t mask;
    char **forms;
    uint64_t *counts;
    size_t count, cap;
};

/* The corpus as word ids, UINT32_MAX between documents. */
struct sequence {
    uint32_t *ids;
    size_t count, cap;
};

static void die(const char *what)
{
    fprintf(stderr, "thaigraph-ner-clusters: %s\n", what);
    exit(1);
}

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap : 1024;
    while (n < need)
        n *= 2;
    void *q = realloc(p, n * size);
    if (!q)
        die("out of memory");
    *cap = n;
    return q;
}

static void vocab_rehash(struct vocab *v)
{
    size_t slots = v->mask ? (v->mask + 1) * 2 : 1 << 16;
    free(v->hashes);
    free(v->slot_word);
    v->hashes = calloc(slots, sizeof *v->hashes);
    v->slot_word = calloc(slots, sizeof *v->slot_word);
    if (!v->hashes || !v->slot_word)
        die("out of memory");
    v->mask = slots - 1;
    for (size_t w = 0; w < v->count; w++) {
        uint64_t h = tg_hash_bytes(v->forms[w], strlen(v->forms[w]));
        size_t s = h & v->mask;
        while (v->slot_word[s])
            s = (s + 1) & v->mask;
        v->hashes[s] = h;
        v->slot_word[s] = (uint32_t)w + 1;
    }
}

static uint32_t vocab_id(struct vocab *v, const char *form, size_t len)
{
    if (2 * (v->count + 1) > v->mask)
        vocab_rehash(v);
    uint64_t h = tg_hash_bytes(form, len);
    size_t s = h & v->mask;
    for (; v->slot_word[s]; s = (s + 1) & v->mask) {
        const char *f = v->forms[v->slot_word[s] - 1];
        if (v->hashes[s] == h && strlen(f) == len && memcmp(f, form, len) == 0)
            return v->slot_word[s] - 1;
    }
    size_t cap = v->cap;
    v->forms = grow(v->forms, &cap, v->count + 1, sizeof *v->forms);
    v->counts = grow(v->counts, &v->cap, v->count + 1, sizeof *v->counts);
    if (!(v->forms[v->count] = malloc(len + 1)))
        die("out of memory");
    memcpy(v->forms[v->count], form, len);
    v->forms[v->count][len] = '\0';
    v->counts[v->count] = 0;
    v->hashes[s] = h;
    v->slot_word[s] = (uint32_t)v->count + 1;
    return (uint32_t)v->count++;
}

static void push(struct sequence *s, uint32_t id)
{
    s->ids = grow(s->ids, &s->cap, s->count + 1, sizeof *s->ids);
    s->ids[s->count++] = id;
}

static void read_text(const char *text, size_t len, struct vocab *v, struct sequence *seq)
{
    struct ner_token *tokens;
    size_t n;
    if (ner_tokenize(text, len, &tokens, &n) != TG_OK)
        die("tokenising failed");
    char form[NER_CLUSTER_FORM_MAX];
    for (size_t i = 0; i < n; i++) {
        size_t fl = ner_cluster_form(text, &tokens[i], form, sizeof form);
        if (!fl)
            continue;
        uint32_t id = vocab_id(v, form, fl);
        v->counts[id]++;
        push(seq, id);
    }
    push(seq, UINT32_MAX);
    free(tokens);
}

static void read_corpus(const char *path, struct vocab *v, struct sequence *seq)
{
    gzFile f = gzopen(path, "rb");
    if (!f) {
        fprintf(stderr, "thaigraph-ner-clusters: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    size_t cap = 1 << 20, len = 0, records = 0;
    char *line = malloc(cap);
    if (!line)
        die("out of memory");
    for (;;) {
        if (!gzgets(f, line + len, (int)(cap - len))) {
            if (len == 0)
                break;
        } else {
            len += strlen(line + len);
            if (len + 1 == cap && line[len - 1] != '\n') {
                line = grow(line, &cap, cap * 2, 1);
                continue;
            }
        }
        json_error_t error;
        json_t *record = json_loadb(line, len, 0, &error);
        json_t *text = record ? json_object_get(record, "text") : NULL;
        if (json_is_string(text)) {
            read_text(json_string_value(text), json_string_length(text), v, seq);
            records++;
        }
        json_decref(record);
        len = 0;
    }
    free(line);
    gzclose(f);
    fprintf(stderr, "%s: %zu articles; %zu tokens and %zu forms so far\n", path, records,
            seq->count, v->count);
}

static const struct vocab *sort_vocab;

static int by_frequency(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (sort_vocab->counts[x] != sort_vocab->counts[y])
        return sort_vocab->counts[x] < sort_vocab->counts[y] ? 1 : -1;
    return strcmp(sort_vocab->forms[x], sort_vocab->forms[y]);
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Bigram counts of units from 64-bit keys (first << 32 | second), sorted and run-length
 * counted. */
static struct ner_bigram_pair *count_pairs(uint64_t *keys, size_t n, size_t *count)
{
    qsort(keys, n, sizeof *keys, by_key);
    struct ner_bigram_pair *pairs = malloc((n ? n : 1) * sizeof *pairs);
    if (!pairs)
        die("out of memory");
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && keys[j] == keys[i])
            j++;
        pairs[m++] = (struct ner_bigram_pair){(uint32_t)(keys[i] >> 32), (uint32_t)keys[i],
                                              (int64_t)(j - i)};
        i = j;
    }
    *count = m;
    return pairs;
}

static int by_pair(const void *p, const void *q)
{
    const struct ner_bigram_pair *a = p, *b = q;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    return (a->second > b->second) - (a->second < b->second);
}

/* The bigram counts of the units' classes. */
static struct ner_bigram_pair *class_pairs(const struct ner_bigram_pair *pairs, size_t n,
                                           const unsigned *cls, size_t *count)
{
    struct ner_bigram_pair *out = malloc((n ? n : 1) * sizeof *out);
    if (!out)
        die("out of memory");
    for (size_t i = 0; i < n; i++)
        out[i] =
            (struct ner_bigram_pair){cls[pairs[i].first], cls[pairs[i].second], pairs[i].count};
    qsort(out, n, sizeof *out, by_pair);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && out[m - 1].first == out[i].first && out[m - 1].second == out[i].second)
            out[m - 1].count += out[i].count;
        else
            out[m++] = out[i];
    }
    *count = m;
    return out;
}

static int parse_options(int argc, char **argv, struct options *o)
{
    for (int k = 1; k + 1 < argc; k += 2) {
        char *end = NULL;
        if (strcmp(argv[k], "--corpus") == 0 && o->corpus_count < MAX_CORPORA) {
            o->corpus[o->corpus_count++] = argv[k + 1];
        } else if (strcmp(argv[k], "--out") == 0) {
            o->out = argv[k + 1];
        } else if (strcmp(argv[k], "--words") == 0) {
            o->words = strtoul(argv[k + 1], &end, 10);
        } else if (strcmp(argv[k], "--passes") == 0) {
            o->passes = strtoul(argv[k + 1], &end, 10);
        } else if (strcmp(argv[k], "--classes") == 0) {
            unsigned a, b, c;
            char tail;
            if (sscanf(argv[k + 1], "%u,%u,%u%c", &a, &b, &c, &tail) != 3 || a < 4 || b < 3 ||
                c < 2 || a >= 65535 || b >= a || c >= b)
                return 0;
            o->classes[0] = a;
            o->classes[1] = b;
            o->classes[2] = c;
        } else {
            return 0;
        }
        if (end && *end)
            return 0;
    }
    return argc % 2 == 1 && o->corpus_count && o->out && o->words >= 2 && o->passes >= 1;
}

int main(int argc, char **argv)
{
    struct options o = {.words = 30000, .classes = {512, 128, 32}, .passes = 10};
    if (!parse_options(argc, argv, &o)) {
        fprintf(stderr, "usage: thaigraph-ner-clusters --corpus FILE.jsonl.gz [--corpus ...] "
                        "[--words N] [--classes FINE,MID,COARSE] [--passes P] --out FILE\n");
        return 2;
    }
    time_t started = time(NULL);
    struct vocab v = {0};
    struct sequence seq = {0};
    for (size_t i = 0; i < o.corpus_count; i++)
        read_corpus(o.corpus[i], &v, &seq);

    /* Units: the kept words by frequency, then one fixed unit for rare words and edges. */
    uint32_t *order = malloc((v.count + 1) * sizeof *order);
    uint32_t *unit_of = malloc((v.count + 1) * sizeof *unit_of);
    if (!order || !unit_of)
        die("out of memory");
    for (size_t w = 0; w < v.count; w++)
        order[w] = (uint32_t)w;
    sort_vocab = &v;
    qsort(order, v.count, sizeof *order, by_frequency);
    size_t kept = 0;
    while (kept < v.count && kept < o.words && v.counts[order[kept]] >= MIN_COUNT)
        kept++;
    for (size_t w = 0; w < v.count; w++)
        unit_of[w] = (uint32_t)kept;
    for (size_t r = 0; r < kept; r++)
        unit_of[order[r]] = (uint32_t)r;
    size_t units = kept + 1;

    uint64_t *keys = malloc((seq.count ? seq.count : 1) * sizeof *keys);
    if (!keys)
        die("out of memory");
    size_t n_keys = 0;
    for (size_t i = 0; i + 1 < seq.count; i++) {
        uint64_t a = seq.ids[i] == UINT32_MAX ? kept : unit_of[seq.ids[i]];
        uint64_t b = seq.ids[i + 1] == UINT32_MAX ? kept : unit_of[seq.ids[i + 1]];
        keys[n_keys++] = a << 32 | b;
    }
    size_t tokens = seq.count;
    free(seq.ids);
    seq.count = tokens;
    size_t n_pairs;
    struct ner_bigram_pair *pairs = count_pairs(keys, n_keys, &n_pairs);
    free(keys);
    fprintf(stderr, "%zu words kept, %zu distinct bigrams\n", kept, n_pairs);

    /* Level 0 clusters words; each further level clusters the classes of the one before. */
    unsigned *cls[LEVELS];
    size_t n_units = units;
    for (int level = 0; level < LEVELS; level++) {
        unsigned k = o.classes[level];
        cls[level] = malloc(n_units * sizeof **cls);
        if (!cls[level])
            die("out of memory");
        for (size_t u = 0; u + 1 < n_units; u++)
            cls[level][u] = (unsigned)(u % (k - 1));
        cls[level][n_units - 1] = k - 1;
        if (ner_exchange(pairs, n_pairs, n_units, k, true, (unsigned)o.passes, cls[level],
                         stderr) != TG_OK)
            die("out of memory");
        struct ner_bigram_pair *next = class_pairs(pairs, n_pairs, cls[level], &n_pairs);
        free(pairs);
        pairs = next;
        n_units = k;
    }
    free(pairs);

    FILE *out = fopen(o.out, "w");
    if (!out) {
        fprintf(stderr, "thaigraph-ner-clusters: %s: %s\n", o.out, strerror(errno));
        return 1;
    }
    fprintf(
        out,
        "# Word clusters of the NER tagger (src/ner/clusters.c), made by thaigraph-ner-clusters\n"
        "# from %zu tokens of unlabelled news: %zu words, %u/%u/%u classes, %lu passes.\n"
        "# form<TAB>coarse<TAB>mid<TAB>fine, most frequent first.\n",
        seq.count, kept, o.classes[2], o.classes[1], o.classes[0], o.passes);
    for (size_t r = 0; r < kept; r++) {
        unsigned fine = cls[0][r], mid = cls[1][fine], coarse = cls[2][mid];
        fprintf(out, "%s\t%u\t%u\t%u\n", v.forms[order[r]], coarse, mid, fine);
    }
    if (fclose(out) != 0)
        die("writing the output failed");
    fprintf(stderr, "wrote %s in %ld s\n", o.out, (long)(time(NULL) - started));
    for (int level = 0; level < LEVELS; level++)
        free(cls[level]);
    for (size_t w = 0; w < v.count; w++)
        free(v.forms[w]);
    free(v.forms);
    free(v.counts);
    free(v.hashes);
    free(v.slot_word);
    free(order);
    free(unit_of);
    return 0;
}
