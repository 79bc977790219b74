#include "ner_internal.h"

#include <float.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/grow.h"
#include "thaigraph/utf8.h"

const char *tg_ner_type_name(enum tg_ner_type type)
{
    static const char *const names[] = {
        [TG_NER_ORGANISATION] = "organisation",
        [TG_NER_PERSON] = "person",
        [TG_NER_PLACE] = "place",
        [TG_NER_DATE] = "date",
        [TG_NER_OTHER] = "other",
    };
    return (unsigned)type <= TG_NER_OTHER ? names[type] : "unknown";
}

/* Bits set in x, without a library call on CPUs built for without popcnt. */
static unsigned bit_count(uint64_t x)
{
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}

/* Where token i's feature rows are among the present rows, NULL for an all-zero row, with
 * each fetch started. The bitmap and ranks fit in the L2 cache; the rows do not. */
static void find_present(const struct tg_ner_model *model, const uint32_t *rows, size_t i,
                         const int16_t *found[NER_FEATURES])
{
    const struct ner_present_rows *p = model->present;
    for (size_t k = 0; k < NER_FEATURES; k++) {
        uint32_t r = rows[i * NER_FEATURES + k];
        uint64_t word = p->present[r / 64];
        found[k] = NULL;
        if (!(word >> (r % 64) & 1))
            continue;
        uint32_t rank = p->rank[r / 64] + bit_count(word & ((1ULL << (r % 64)) - 1));
        found[k] = p->rows + (size_t)rank * NER_ROW_SLOTS;
        __builtin_prefetch(found[k]);
    }
}

/*
 * The dense sum over the present rows only: an all-zero row adds nothing to a float sum (no sum
 * here is ever -0), so each label's sum is the dense one, term for term in the same order.
 * The next token's rows are fetched while this one's are summed.
 */
static void present_emissions(const struct tg_ner_model *model, const uint32_t *rows, size_t count,
                              float *emit)
{
    unsigned labels = model->labels;
    float scale = model->present->scale;
    const int16_t *found[2][NER_FEATURES];
    find_present(model, rows, 0, found[0]);
    for (size_t i = 0; i < count; i++) {
        const int16_t **here = found[i % 2];
        if (i + 1 < count)
            find_present(model, rows, i + 1, found[(i + 1) % 2]);
        float *scores = emit + i * labels;
        memset(scores, 0, labels * sizeof *scores);
        for (size_t k = 0; k < NER_FEATURES; k++) {
            const int16_t *q = here[k];
            for (unsigned y = 0; q && y < labels; y++) {
                /* The dense table's float, made the way the file reader made it. */
                float w = (float)q[y] * scale;
                scores[y] += w;
            }
        }
    }
}

void ner_emissions(const struct tg_ner_model *model, const uint32_t *rows, size_t count,
                   float *emit)
{
    if (model->present) {
        present_emissions(model, rows, count, emit);
        return;
    }
    unsigned labels = model->labels;
    for (size_t i = 0; i < count; i++) {
        /* The weight table is far larger than the caches and each feature row is a miss: ask
         * for the next token's rows while this one's are summed (issue 10). */
        for (size_t k = 0; i + 1 < count && k < NER_FEATURES; k++) {
            const float *w = model->weights + (size_t)rows[(i + 1) * NER_FEATURES + k] * labels;
            __builtin_prefetch(w);
            __builtin_prefetch(w + labels - 1);
        }
        float *scores = emit + i * labels;
        memset(scores, 0, labels * sizeof *scores);
        for (size_t k = 0; k < NER_FEATURES; k++) {
            const float *w = model->weights + (size_t)rows[i * NER_FEATURES + k] * labels;
            for (unsigned y = 0; y < labels; y++)
                scores[y] += w[y];
        }
    }
}

void ner_viterbi(const struct tg_ner_model *model, const float *emit, size_t count, float *work,
                 unsigned *back, unsigned *path)
{
    if (count == 0)
        return;
    unsigned labels = model->labels;
    const float *start = model->transitions + (size_t)labels * labels;
    float *prev = work;
    float *cur = work + labels;
    for (unsigned y = 0; y < labels; y++)
        prev[y] = start[y] + emit[y];
    for (size_t i = 1; i < count; i++) {
        for (unsigned y = 0; y < labels; y++) {
            float best = -FLT_MAX;
            unsigned arg = 0;
            for (unsigned x = 0; x < labels; x++) {
                float s = prev[x] + model->transitions[(size_t)x * labels + y];
                if (s > best) {
                    best = s;
                    arg = x;
                }
            }
            cur[y] = best + emit[i * labels + y];
            back[i * labels + y] = arg;
        }
        float *swap = prev;
        prev = cur;
        cur = swap;
    }
    unsigned last = 0;
    for (unsigned y = 1; y < labels; y++)
        last = prev[y] > prev[last] ? y : last;
    for (size_t i = count; i-- > 0;) {
        path[i] = last;
        last = back[i * labels + last];
    }
}

void ner_spans_to_labels(const struct ner_token *tokens, size_t count,
                         const struct tg_ner_span *spans, size_t span_count, unsigned types,
                         unsigned *labels)
{
    size_t s = 0;
    size_t open = SIZE_MAX;
    for (size_t i = 0; i < count; i++) {
        while (s < span_count && spans[s].byte_end <= tokens[i].byte_start)
            s++;
        labels[i] = 0;
        if (s == span_count || tokens[i].byte_start < spans[s].byte_start ||
            (unsigned)spans[s].type >= types)
            continue;
        bool first = open != s;
        bool last = i + 1 == count || tokens[i + 1].byte_start >= spans[s].byte_end;
        unsigned part = first ? (last ? NER_UNIT : NER_BEGIN) : (last ? NER_LAST : NER_INSIDE);
        labels[i] = 1u + NER_PARTS * (unsigned)spans[s].type + part;
        open = s;
    }
}

enum tg_status ner_labels_to_spans(const struct ner_token *tokens, size_t count,
                                   const unsigned *labels, struct tg_ner_span **out,
                                   size_t *span_count)
{
    struct tg_ner_span *spans = NULL;
    size_t n = 0;
    size_t cap = 0;
    for (size_t i = 0; i < count; i++) {
        unsigned y = labels[i];
        if (y == 0 || (y - 1) / NER_PARTS >= TG_NER_TYPE_COUNT)
            continue;
        unsigned type = (y - 1) / NER_PARTS, part = (y - 1) % NER_PARTS;
        unsigned prev = i > 0 ? labels[i - 1] : 0;
        /* An inside or last part continues a mention the previous token left open; one that
         * follows anything else opens a mention of its own. The open mention, of the same
         * reported type, is necessarily the last span. */
        bool continues =
            (part == NER_INSIDE || part == NER_LAST) && prev != 0 &&
            (prev - 1) / NER_PARTS == type &&
            ((prev - 1) % NER_PARTS == NER_BEGIN || (prev - 1) % NER_PARTS == NER_INSIDE);
        if (continues) {
            spans[n - 1].byte_end = tokens[i].byte_end;
            spans[n - 1].end = tokens[i].cp_end;
            continue;
        }
        struct tg_ner_span *grown = tg_grow(spans, &cap, n + 1, sizeof *grown);
        if (!grown) {
            free(spans);
            return TG_ERR_NOMEM;
        }
        spans = grown;
        spans[n++] =
            (struct tg_ner_span){(enum tg_ner_type)type, tokens[i].cp_start, tokens[i].cp_end,
                                 tokens[i].byte_start, tokens[i].byte_end};
    }
    *out = spans;
    *span_count = n;
    return TG_OK;
}

enum tg_status tg_ner_tag(const struct tg_ner_model *model, const char *utf8, size_t len,
                          struct tg_ner_span **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!model || (!utf8 && len))
        return TG_ERR_INVALID_ARGUMENT;
    if (len == 0)
        return TG_OK;
    enum tg_status status = tg_utf8_validate(utf8, len, NULL);
    if (status != TG_OK)
        return status;
    struct ner_token *tokens;
    size_t n;
    status = ner_tokenize(utf8, len, &tokens, &n);
    if (status != TG_OK || n == 0)
        return status;
    unsigned labels = model->labels;
    uint32_t *rows = malloc(n * NER_FEATURES * sizeof *rows);
    float *emit = malloc(n * labels * sizeof *emit);
    float *work = malloc(2 * labels * sizeof *work);
    unsigned *back = malloc(n * labels * sizeof *back);
    unsigned *path = malloc(n * sizeof *path);
    if (!rows || !emit || !work || !back || !path) {
        status = TG_ERR_NOMEM;
        goto cleanup;
    }
    if ((status = ner_sentence_features(utf8, tokens, n, model->bits, rows)) != TG_OK)
        goto cleanup;
    ner_emissions(model, rows, n, emit);
    ner_viterbi(model, emit, n, work, back, path);
    status = ner_labels_to_spans(tokens, n, path, out, count);
cleanup:
    free(tokens);
    free(rows);
    free(emit);
    free(work);
    free(back);
    free(path);
    return status;
}
