/*
 * Word clusters for the tagger, learnt from unlabelled news (src/ner/data/clusters.tsv, built by
 * thaigraph-ner-clusters from thaigov parts 00-02).
 *
 * A name the 4,600 labelled ThaiNER sentences never show is still often a word the unlabelled
 * corpus uses in the same contexts as names the tagger has seen; a cluster id carries that over
 * (Miller et al. 2004, Turian et al. 2010). The clusters come from the exchange algorithm
 * (Kneser and Ney 1993; Martin, Liermann and Ney 1998): words move one at a time to the class
 * that most raises the likelihood of a class bigram model of the corpus, in a fixed order, so the
 * result depends only on the corpus. The finest classes are then clustered again, as units, into
 * coarser ones, which gives every word a path of ids from coarse to fine like the bit-string
 * prefixes of Brown clusters.
 */
#include "ner_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/numbers.h"
#include "thaigraph/hash.h"
#include "thaigraph/utf8.h"

/* Generated from src/ner/data/clusters.tsv by tg-embed at build time. */
extern const unsigned char tg_ner_clusters_data[];
extern const size_t tg_ner_clusters_data_len;

size_t ner_cluster_form(const char *text, const struct ner_token *t, char *buf, size_t cap)
{
    const char *w = text + t->byte_start;
    size_t len = t->byte_end - t->byte_start, pos = 0, n = 0;
    uint32_t first = tg_utf8_next(w, len, &pos);
    if (tg_numbers_digit_value(first) >= 0) {
        /* Numbers cluster by their number of digits: a year is not a day of the month. */
        size_t digits = tg_utf8_count(w, len);
        for (n = 0; n < digits && n < 6 && n < cap; n++)
            buf[n] = '0';
        return n;
    }
    if (len > cap)
        return 0;
    for (size_t k = 0; k < len; k++)
        buf[k] = w[k] >= 'A' && w[k] <= 'Z' ? (char)(w[k] - 'A' + 'a') : w[k];
    return len;
}

/* The lookup table: open addressing on the form's hash. */
struct ner_clusters {
    uint64_t *hashes; /* 0 for an empty slot */
    uint16_t (*ids)[NER_CLUSTER_LEVELS];
    size_t mask;
};

static struct ner_clusters *shared_clusters;

static bool parse_line(const char *line, size_t len, uint64_t *hash,
                       uint16_t ids[NER_CLUSTER_LEVELS])
{
    const char *tab = memchr(line, '\t', len);
    if (!tab || tab == line)
        return false;
    *hash = tg_hash_bytes(line, (size_t)(tab - line)) | 1u;
    const char *p = tab + 1, *end = line + len;
    for (int level = 0; level < NER_CLUSTER_LEVELS; level++) {
        unsigned long v = 0;
        if (p >= end || *p < '0' || *p > '9')
            return false;
        while (p < end && *p >= '0' && *p <= '9')
            v = v * 10 + (unsigned long)(*p++ - '0');
        if (v >= 65535)
            return false;
        ids[level] = (uint16_t)(v + 1);
        if (level + 1 < NER_CLUSTER_LEVELS && (p >= end || *p++ != '\t'))
            return false;
    }
    return p == end;
}

static struct ner_clusters *clusters_parse(const char *data, size_t len)
{
    size_t lines = 0;
    for (size_t k = 0; k < len; k++)
        lines += data[k] == '\n';
    size_t slots = 16;
    while (slots < 2 * lines)
        slots *= 2;
    struct ner_clusters *c = calloc(1, sizeof *c);
    if (!c || !(c->hashes = calloc(slots, sizeof *c->hashes)) ||
        !(c->ids = calloc(slots, sizeof *c->ids))) {
        ner_clusters_free(c);
        return NULL;
    }
    c->mask = slots - 1;
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(data + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - (data + at)) : len - at;
        uint64_t hash;
        uint16_t ids[NER_CLUSTER_LEVELS];
        if (n && data[at] != '#' && parse_line(data + at, n, &hash, ids)) {
            size_t slot = hash & c->mask;
            while (c->hashes[slot] && c->hashes[slot] != hash)
                slot = (slot + 1) & c->mask;
            c->hashes[slot] = hash;
            memcpy(c->ids[slot], ids, sizeof ids);
        }
        at += n + 1;
    }
    return c;
}

void ner_clusters_free(struct ner_clusters *c)
{
    if (!c)
        return;
    free(c->hashes);
    free(c->ids);
    free(c);
}

const struct ner_clusters *ner_clusters_builtin(void)
{
    /* Parsed once and kept for the process: every model shares the one table. */
    struct ner_clusters *c = __atomic_load_n(&shared_clusters, __ATOMIC_ACQUIRE);
    if (c)
        return c;
    c = clusters_parse((const char *)tg_ner_clusters_data, tg_ner_clusters_data_len);
    struct ner_clusters *expected = NULL;
    if (c && !__atomic_compare_exchange_n(&shared_clusters, &expected, c, false, __ATOMIC_ACQ_REL,
                                          __ATOMIC_ACQUIRE)) {
        ner_clusters_free(c);
        c = expected;
    }
    return c;
}

void ner_cluster_ids(const struct ner_clusters *c, const char *form, size_t len,
                     uint16_t ids[NER_CLUSTER_LEVELS])
{
    memset(ids, 0, NER_CLUSTER_LEVELS * sizeof *ids);
    if (!c || !len)
        return;
    uint64_t hash = tg_hash_bytes(form, len) | 1u;
    for (size_t slot = hash & c->mask; c->hashes[slot]; slot = (slot + 1) & c->mask)
        if (c->hashes[slot] == hash) {
            memcpy(ids, c->ids[slot], NER_CLUSTER_LEVELS * sizeof *ids);
            return;
        }
}

/*
 * The exchange algorithm over a bigram table of units (words, or classes clustered again).
 * Units 0..n-1 move; unit n-1 may be a fixed class (the rare words and the text edge) that
 * keeps class k-1 and only gives context.
 */
struct exchange {
    size_t n;   /* units */
    unsigned k; /* classes */
    bool last_fixed;
    /* Bigrams by left unit: for unit a, right[ra[a]..ra[a+1]) of (b, count). */
    const size_t *ra, *la;
    const struct ner_bigram *right, *left;
    const uint64_t *nl, *nr; /* unit counts as left and right member of a bigram */
    unsigned *cls;
    int64_t *m;       /* k * k class bigram counts */
    int64_t *cl, *cr; /* class counts as left and right member */
};

static double xlogx(int64_t x)
{
    return x > 0 ? (double)x * log((double)x) : 0.0;
}

struct sparse {
    int64_t *count; /* per class, zero outside touched */
    unsigned *touched;
    unsigned n;
};

static void sparse_add(struct sparse *s, unsigned c, int64_t v)
{
    if (s->count[c] == 0)
        s->touched[s->n++] = c;
    s->count[c] += v;
}

static void sparse_clear(struct sparse *s)
{
    for (unsigned i = 0; i < s->n; i++)
        s->count[s->touched[i]] = 0;
    s->n = 0;
}

/* Moves unit w to the class that most raises the likelihood; returns whether it moved. */
static bool exchange_unit(struct exchange *x, size_t w, struct sparse *r, struct sparse *l,
                          double *gain)
{
    unsigned k = x->k, from = x->cls[w];
    int64_t self = 0;
    for (size_t i = x->ra[w]; i < x->ra[w + 1]; i++) {
        if (x->right[i].unit == w)
            self = x->right[i].count;
        else
            sparse_add(r, x->cls[x->right[i].unit], x->right[i].count);
    }
    for (size_t i = x->la[w]; i < x->la[w + 1]; i++)
        if (x->left[i].unit != w)
            sparse_add(l, x->cls[x->left[i].unit], x->left[i].count);
    int64_t *m = x->m;
    for (unsigned i = 0; i < r->n; i++)
        m[(size_t)from * k + r->touched[i]] -= r->count[r->touched[i]];
    for (unsigned i = 0; i < l->n; i++)
        m[(size_t)l->touched[i] * k + from] -= l->count[l->touched[i]];
    m[(size_t)from * k + from] -= self;
    x->cl[from] -= (int64_t)x->nl[w];
    x->cr[from] -= (int64_t)x->nr[w];
    unsigned movable = x->last_fixed ? k - 1 : k;
    unsigned best = from;
    double best_gain = -INFINITY;
    for (unsigned t = 0; t < movable; t++) {
        double g = 0.0;
        int64_t diagonal = self;
        for (unsigned i = 0; i < r->n; i++) {
            unsigned d = r->touched[i];
            if (d == t) {
                diagonal += r->count[d];
                continue;
            }
            int64_t old = m[(size_t)t * k + d];
            g += xlogx(old + r->count[d]) - xlogx(old);
        }
        for (unsigned i = 0; i < l->n; i++) {
            unsigned c = l->touched[i];
            if (c == t) {
                diagonal += l->count[c];
                continue;
            }
            int64_t old = m[(size_t)c * k + t];
            g += xlogx(old + l->count[c]) - xlogx(old);
        }
        int64_t old = m[(size_t)t * k + t];
        g += xlogx(old + diagonal) - xlogx(old);
        g -= xlogx(x->cl[t] + (int64_t)x->nl[w]) - xlogx(x->cl[t]);
        g -= xlogx(x->cr[t] + (int64_t)x->nr[w]) - xlogx(x->cr[t]);
        if (g > best_gain + 1e-9 || (t == from && g >= best_gain - 1e-9)) {
            best_gain = g;
            best = t;
        }
    }
    for (unsigned i = 0; i < r->n; i++)
        m[(size_t)best * k + r->touched[i]] += r->count[r->touched[i]];
    for (unsigned i = 0; i < l->n; i++)
        m[(size_t)l->touched[i] * k + best] += l->count[l->touched[i]];
    m[(size_t)best * k + best] += self;
    x->cl[best] += (int64_t)x->nl[w];
    x->cr[best] += (int64_t)x->nr[w];
    x->cls[w] = best;
    *gain += best_gain;
    sparse_clear(r);
    sparse_clear(l);
    return best != from;
}

static void exchange_counts(struct exchange *x)
{
    size_t k = x->k;
    memset(x->m, 0, k * k * sizeof *x->m);
    memset(x->cl, 0, k * sizeof *x->cl);
    memset(x->cr, 0, k * sizeof *x->cr);
    for (size_t a = 0; a < x->n; a++) {
        x->cl[x->cls[a]] += (int64_t)x->nl[a];
        x->cr[x->cls[a]] += (int64_t)x->nr[a];
        for (size_t i = x->ra[a]; i < x->ra[a + 1]; i++)
            x->m[(size_t)x->cls[a] * k + x->cls[x->right[i].unit]] += x->right[i].count;
    }
}

/* Sorts bigrams by left unit into CSR form (by right unit when by_right). */
static int compare_bigrams(const void *p, const void *q)
{
    const struct ner_bigram_pair *a = p, *b = q;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    return (a->second > b->second) - (a->second < b->second);
}

static bool to_csr(struct ner_bigram_pair *pairs, size_t count, size_t n, bool by_right,
                   size_t **offsets, struct ner_bigram **out)
{
    for (size_t i = 0; by_right && i < count; i++) {
        uint32_t swap = pairs[i].first;
        pairs[i].first = pairs[i].second;
        pairs[i].second = swap;
    }
    qsort(pairs, count, sizeof *pairs, compare_bigrams);
    *offsets = calloc(n + 1, sizeof **offsets);
    *out = malloc((count ? count : 1) * sizeof **out);
    if (!*offsets || !*out)
        return false;
    for (size_t i = 0; i < count; i++) {
        (*offsets)[pairs[i].first + 1]++;
        (*out)[i] = (struct ner_bigram){pairs[i].second, pairs[i].count};
    }
    for (size_t a = 0; a < n; a++)
        (*offsets)[a + 1] += (*offsets)[a];
    for (size_t i = 0; by_right && i < count; i++) {
        uint32_t swap = pairs[i].first;
        pairs[i].first = pairs[i].second;
        pairs[i].second = swap;
    }
    return true;
}

enum tg_status ner_exchange(struct ner_bigram_pair *pairs, size_t count, size_t n, unsigned k,
                            bool last_fixed, unsigned iterations, unsigned *cls, FILE *log)
{
    struct exchange x = {.n = n, .k = k, .last_fixed = last_fixed, .cls = cls};
    size_t *ra = NULL, *la = NULL;
    struct ner_bigram *right = NULL, *left = NULL;
    uint64_t *nl = calloc(n + 1, sizeof *nl), *nr = calloc(n + 1, sizeof *nr);
    x.m = calloc((size_t)k * k, sizeof *x.m);
    x.cl = calloc(k, sizeof *x.cl);
    x.cr = calloc(k, sizeof *x.cr);
    struct sparse r = {calloc(k, sizeof(int64_t)), calloc(k, sizeof(unsigned)), 0};
    struct sparse l = {calloc(k, sizeof(int64_t)), calloc(k, sizeof(unsigned)), 0};
    enum tg_status status = TG_ERR_NOMEM;
    if (!nl || !nr || !x.m || !x.cl || !x.cr || !r.count || !r.touched || !l.count || !l.touched ||
        !to_csr(pairs, count, n, false, &ra, &right) || !to_csr(pairs, count, n, true, &la, &left))
        goto cleanup;
    for (size_t i = 0; i < count; i++) {
        nl[pairs[i].first] += pairs[i].count;
        nr[pairs[i].second] += pairs[i].count;
    }
    x.ra = ra;
    x.la = la;
    x.right = right;
    x.left = left;
    x.nl = nl;
    x.nr = nr;
    exchange_counts(&x);
    size_t movable = last_fixed ? n - 1 : n;
    for (unsigned it = 0; it < iterations; it++) {
        size_t moved = 0;
        double gain = 0.0;
        for (size_t w = 0; w < movable; w++)
            moved += exchange_unit(&x, w, &r, &l, &gain);
        if (log)
            fprintf(log, "  %u classes, pass %u: %zu of %zu moved\n", k, it + 1, moved, movable);
        if (moved == 0)
            break;
    }
    status = TG_OK;
cleanup:
    free(ra);
    free(la);
    free(right);
    free(left);
    free(nl);
    free(nr);
    free(x.m);
    free(x.cl);
    free(x.cr);
    free(r.count);
    free(r.touched);
    free(l.count);
    free(l.touched);
    return status;
}
