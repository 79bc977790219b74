#include "ner_internal.h"

#include <stdlib.h>
#include <string.h>

#include "thaigraph/numbers.h"
#include "thaigraph/hash.h"
#include "thaigraph/utf8.h"

/* Positions outside the text hash as these bytes, which no token can equal. */
static const char before_text[] = "\x01";
static const char after_text[] = "\x02";

struct view {
    const char *bytes;
    size_t len;
};

/* A token's collapsed shape (word_shape), made once: each token is a neighbour of five. */
struct shape {
    char letters[8];
    size_t len;
};

/* What every token's features read of the sentence, made once for all of them. */
struct context {
    const char *text;
    const struct ner_token *tokens;
    size_t count;
    const uint8_t *cues;
    const uint16_t (*clusters)[NER_CLUSTER_LEVELS];
    const struct shape *shapes;
    size_t i;
};

/* Cluster id of a neighbour at a level (0 unknown), 0xFFFF outside the text. */
static uint16_t cluster_at(const struct context *c, long offset, int level)
{
    long j = (long)c->i + offset;
    return j < 0 || (size_t)j >= c->count ? 0xFFFF : c->clusters[j][level];
}

static struct view word_at(const struct context *c, long offset)
{
    long j = (long)c->i + offset;
    if (j < 0)
        return (struct view){before_text, 1};
    if ((size_t)j >= c->count)
        return (struct view){after_text, 1};
    const struct ner_token *t = &c->tokens[j];
    return (struct view){c->text + t->byte_start, t->byte_end - t->byte_start};
}

/* Cue mask of a neighbour, with 0x80 (never a cue bit) for positions outside the text. */
static uint8_t cue_at(const struct context *c, long offset)
{
    long j = (long)c->i + offset;
    return j < 0 || (size_t)j >= c->count ? 0x80 : c->cues[j];
}

static char shape_class(uint32_t cp)
{
    if (tg_numbers_digit_value(cp) >= 0)
        return 'd';
    if (cp >= 0x0E00 && cp <= 0x0E7F)
        return 'T';
    if (cp >= 'A' && cp <= 'Z')
        return 'A';
    if (cp >= 'a' && cp <= 'z')
        return 'a';
    if (cp == '.')
        return '.';
    return cp > 0x7F ? 'u' : 'p';
}

/*
 * Shape of a word as a string of character classes. Collapsed, runs of one class become one
 * letter (ทักษิณ -> T); uncollapsed keeps up to 8 classes so a four-digit year reads dddd.
 */
static size_t word_shape(struct view w, bool collapse, char *out, size_t cap)
{
    size_t n = 0;
    size_t pos = 0;
    while (pos < w.len && n < cap) {
        char cls = shape_class(tg_utf8_next(w.bytes, w.len, &pos));
        if (!collapse || n == 0 || out[n - 1] != cls)
            out[n++] = cls;
    }
    return n;
}

/* First or last `chars` code points of a word of `total` (all of it when shorter). */
static struct view affix(struct view w, size_t total, size_t chars, bool suffix)
{
    if (total <= chars)
        return w;
    size_t cut = tg_utf8_offset_of(w.bytes, w.len, suffix ? total - chars : chars);
    return suffix ? (struct view){w.bytes + cut, w.len - cut} : (struct view){w.bytes, cut};
}

struct feature {
    uint64_t hash;
};

static struct feature feature_start(unsigned template_id)
{
    unsigned char id = (unsigned char)template_id;
    return (struct feature){tg_hash_update(TG_HASH_SEED, &id, 1)};
}

/* Parts are joined with a separator byte so (ab, c) and (a, bc) differ. */
static void feature_add(struct feature *f, struct view v)
{
    static const unsigned char separator = 0x1F;
    f->hash = tg_hash_update(f->hash, &separator, 1);
    f->hash = tg_hash_update(f->hash, v.bytes, v.len);
}

static void feature_add_byte(struct feature *f, uint8_t byte)
{
    f->hash = tg_hash_update(f->hash, &byte, 1);
}

/* FNV-1a leaves its low bits poorly mixed; finish with a multiply-xorshift before masking. */
static uint32_t feature_row(struct feature f, unsigned bits)
{
    uint64_t h = f.hash;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (uint32_t)(h & ((1ULL << bits) - 1));
}

struct builder {
    unsigned bits;
    uint32_t *rows;
    unsigned next;
};

static void emit(struct builder *b, struct feature f)
{
    b->rows[b->next++] = feature_row(f, b->bits);
}

static void emit_views(struct builder *b, unsigned id, const struct view *parts, size_t n)
{
    struct feature f = feature_start(id);
    for (size_t k = 0; k < n; k++)
        feature_add(&f, parts[k]);
    emit(b, f);
}

static void emit_bytes(struct builder *b, unsigned id, const uint8_t *bytes, size_t n)
{
    struct feature f = feature_start(id);
    for (size_t k = 0; k < n; k++)
        feature_add_byte(&f, bytes[k]);
    emit(b, f);
}

static void emit_ids(struct builder *b, unsigned id, const uint16_t *ids, size_t n)
{
    struct feature f = feature_start(id);
    for (size_t k = 0; k < n; k++) {
        uint8_t bytes[2] = {(uint8_t)ids[k], (uint8_t)(ids[k] >> 8)};
        f.hash = tg_hash_update(f.hash, bytes, 2);
    }
    emit(b, f);
}

static void emit_word_with_byte(struct builder *b, unsigned id, struct view w, uint8_t byte)
{
    struct feature f = feature_start(id);
    feature_add(&f, w);
    feature_add_byte(&f, byte);
    emit(b, f);
}

static struct view shape_view(struct view w, bool collapse, char *buf, size_t cap)
{
    if (w.bytes == before_text || w.bytes == after_text)
        return w;
    return (struct view){buf, word_shape(w, collapse, buf, cap)};
}

/* Lower-cases ASCII only: Thai has no case and Latin names in Thai news are mostly ASCII. */
static struct view ascii_lower(struct view w, char *buf, size_t cap)
{
    if (w.len > cap)
        return w;
    for (size_t k = 0; k < w.len; k++) {
        char ch = w.bytes[k];
        buf[k] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
    }
    return (struct view){buf, w.len};
}

/* The collapsed shape of a neighbour; outside the text, the word_at marker itself. */
static struct view shape_at(const struct context *c, long offset, struct view w)
{
    long j = (long)c->i + offset;
    if (j < 0 || (size_t)j >= c->count)
        return w;
    return (struct view){c->shapes[j].letters, c->shapes[j].len};
}

/* The NER_FEATURES rows of the context's token. */
static void token_features(const struct context *ctx, unsigned bits, uint32_t *rows)
{
    const struct context c = *ctx;
    const struct ner_token *tokens = c.tokens;
    size_t i = c.i, count = c.count;
    struct builder b = {bits, rows, 0};
    struct view w[7];
    for (long k = -3; k <= 3; k++)
        w[k + 3] = word_at(&c, k);
    const struct view *w0 = &w[3];
    char lower_buf[64];
    struct view shape[5];
    for (long k = -2; k <= 2; k++)
        shape[k + 2] = shape_at(&c, k, w[k + 3]);
    char full_buf[8];
    struct view full_shape = shape_view(*w0, false, full_buf, sizeof full_buf);
    uint8_t space_before = tokens[i].space_before;
    uint8_t space_after = i + 1 < count && tokens[i + 1].space_before;
    uint8_t cue[5];
    for (long k = -2; k <= 2; k++)
        cue[k + 2] = cue_at(&c, k);
    size_t length = tg_utf8_count(w0->bytes, w0->len);
    uint8_t length_class = (uint8_t)(length > 8 ? 8 : length);

    unsigned id = 0;
    emit_bytes(&b, id++, NULL, 0);
    for (long k = 0; k < 7; k++)
        emit_views(&b, id++, &w[k], 1);
    struct view lower = ascii_lower(*w0, lower_buf, sizeof lower_buf);
    emit_views(&b, id++, &lower, 1);
    emit_views(&b, id++, &w[2], 2);
    emit_views(&b, id++, &w[3], 2);
    emit_views(&b, id++, &w[1], 3);
    emit_views(&b, id++, &w[2], 3);
    emit_views(&b, id++, &w[3], 3);
    const struct view around[2] = {w[2], w[4]};
    emit_views(&b, id++, around, 2);
    for (long k = 0; k < 5; k++)
        emit_views(&b, id++, &shape[k], 1);
    emit_views(&b, id++, &shape[1], 3);
    emit_views(&b, id++, &full_shape, 1);
    for (size_t n = 1; n <= 4; n++) {
        struct view prefix = affix(*w0, length, n, false);
        struct view suffix = affix(*w0, length, n, true);
        emit_views(&b, id++, &prefix, 1);
        emit_views(&b, id++, &suffix, 1);
    }
    emit_bytes(&b, id++, &length_class, 1);
    for (long k = 0; k < 5; k++)
        emit_bytes(&b, id++, &cue[k], 1);
    emit_bytes(&b, id++, &cue[1], 3);
    emit_word_with_byte(&b, id++, *w0, cue[1]);
    emit_word_with_byte(&b, id++, *w0, cue[3]);
    emit_word_with_byte(&b, id++, *w0, space_before);
    emit_word_with_byte(&b, id++, w[2], space_before);
    const uint8_t spaces[2] = {space_before, space_after};
    emit_bytes(&b, id++, spaces, 2);
    emit_word_with_byte(&b, id++, shape[2], (uint8_t)(space_before | space_after << 1));
    emit_word_with_byte(&b, id++, shape[2], cue[2]);
    emit_word_with_byte(&b, id++, w[4], space_after);
    /* Word clusters: each level of the token and its neighbours, the fine ones two away, and
     * fine cluster pairs, so a name unseen in training still looks like names that were. */
    for (long k = -1; k <= 1; k++)
        for (int level = 0; level < NER_CLUSTER_LEVELS; level++) {
            uint16_t one = cluster_at(&c, k, level);
            emit_ids(&b, id++, &one, 1);
        }
    const int fine = NER_CLUSTER_LEVELS - 1;
    for (long k = -2; k <= 2; k += 4) {
        uint16_t one = cluster_at(&c, k, fine);
        emit_ids(&b, id++, &one, 1);
    }
    const uint16_t before[2] = {cluster_at(&c, -1, fine), cluster_at(&c, 0, fine)};
    const uint16_t after[2] = {cluster_at(&c, 0, fine), cluster_at(&c, 1, fine)};
    emit_ids(&b, id++, before, 2);
    emit_ids(&b, id, after, 2);
}

enum tg_status ner_sentence_features(const char *text, const struct ner_token *tokens, size_t count,
                                     unsigned bits, uint32_t *rows)
{
    uint8_t *cues = malloc(count ? count : 1);
    uint16_t(*clusters)[NER_CLUSTER_LEVELS] = malloc((count ? count : 1) * sizeof *clusters);
    struct shape *shapes = malloc((count ? count : 1) * sizeof *shapes);
    const struct ner_clusters *table = ner_clusters_builtin();
    if (!cues || !clusters || !shapes || !table) {
        free(cues);
        free(clusters);
        free(shapes);
        return TG_ERR_NOMEM;
    }
    ner_mark_cues(text, tokens, count, cues);
    char form[NER_CLUSTER_FORM_MAX];
    for (size_t i = 0; i < count; i++) {
        size_t n = ner_cluster_form(text, &tokens[i], form, sizeof form);
        ner_cluster_ids(table, form, n, clusters[i]);
        struct view w = {text + tokens[i].byte_start, tokens[i].byte_end - tokens[i].byte_start};
        shapes[i].len = word_shape(w, true, shapes[i].letters, sizeof shapes[i].letters);
    }
    struct context c = {.text = text,
                        .tokens = tokens,
                        .count = count,
                        .cues = cues,
                        .clusters = (const uint16_t(*)[NER_CLUSTER_LEVELS])clusters,
                        .shapes = shapes};
    for (c.i = 0; c.i < count; c.i++)
        token_features(&c, bits, rows + c.i * NER_FEATURES);
    free(cues);
    free(clusters);
    free(shapes);
    return TG_OK;
}
