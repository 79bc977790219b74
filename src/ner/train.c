/*
 * Averaged structured perceptron (Collins 2002): decode each sentence with the current weights,
 * move weights towards the gold labels where the decoded ones differ, and return the average of
 * the weights over all steps, which generalises far better than the last weights. The average
 * is kept lazily: acc holds the sum of step * update, and average = weights - acc / steps.
 */
#include "ner_internal.h"

#include <stdlib.h>
#include <string.h>

/*
 * Types the trainer labels: the four reported ones and TG_NER_OTHER, so times, sums of money
 * and laws are learnt as a class of their own instead of as plain text next to dates.
 */
#define TRAIN_TYPES (TG_NER_OTHER + 1)

struct sentence {
    uint32_t *rows;
    unsigned *gold;
    size_t count;
};

struct tg_ner_trainer {
    unsigned bits;
    struct sentence *sentences;
    size_t count;
    size_t cap;
    size_t longest;
};

enum tg_status tg_ner_trainer_new(unsigned bucket_bits, struct tg_ner_trainer **out)
{
    *out = NULL;
    if (bucket_bits < 16 || bucket_bits > 24)
        return TG_ERR_INVALID_ARGUMENT;
    struct tg_ner_trainer *trainer = calloc(1, sizeof *trainer);
    if (!trainer)
        return TG_ERR_NOMEM;
    trainer->bits = bucket_bits;
    *out = trainer;
    return TG_OK;
}

void tg_ner_trainer_free(struct tg_ner_trainer *trainer)
{
    if (!trainer)
        return;
    for (size_t k = 0; k < trainer->count; k++) {
        free(trainer->sentences[k].rows);
        free(trainer->sentences[k].gold);
    }
    free(trainer->sentences);
    free(trainer);
}

enum tg_status tg_ner_trainer_add(struct tg_ner_trainer *trainer, const char *line, size_t len)
{
    char *text;
    size_t text_len;
    struct tg_ner_span *spans;
    size_t span_count;
    enum tg_status status = tg_ner_parse_tagged(line, len, &text, &text_len, &spans, &span_count);
    if (status != TG_OK)
        return status;
    struct ner_token *tokens = NULL;
    size_t n = 0;
    uint8_t *cues = NULL;
    struct sentence s = {0};
    status = ner_tokenize(text, text_len, &tokens, &n);
    if (status != TG_OK || n == 0)
        goto cleanup;
    struct sentence *sentences =
        ner_grow(trainer->sentences, &trainer->cap, trainer->count, sizeof *sentences, 256);
    trainer->sentences = sentences ? sentences : trainer->sentences;
    cues = malloc(n);
    s.rows = malloc(n * NER_FEATURES * sizeof *s.rows);
    s.gold = malloc(n * sizeof *s.gold);
    s.count = n;
    if (!sentences || !cues || !s.rows || !s.gold) {
        status = TG_ERR_NOMEM;
        goto cleanup;
    }
    ner_mark_cues(text, tokens, n, cues);
    for (size_t i = 0; i < n; i++)
        ner_features(text, tokens, n, cues, i, trainer->bits, s.rows + i * NER_FEATURES);
    ner_spans_to_labels(tokens, n, spans, span_count, TRAIN_TYPES, s.gold);
    trainer->sentences[trainer->count++] = s;
    trainer->longest = n > trainer->longest ? n : trainer->longest;
    s = (struct sentence){0};
cleanup:
    free(s.rows);
    free(s.gold);
    free(cues);
    free(tokens);
    free(text);
    free(spans);
    return status;
}

/* splitmix64: a fixed, portable generator, so the same seed gives the same model everywhere. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

struct averaged {
    struct tg_ner_model *model;
    float *acc_weights;
    float *acc_transitions;
    float step;
};

static void bump(float *weight, float *acc, float delta, float step)
{
    *weight += delta;
    *acc += step * delta;
}

static void update(struct averaged *a, const struct sentence *s, const unsigned *guess)
{
    unsigned labels = a->model->labels;
    for (size_t i = 0; i < s->count; i++) {
        unsigned g = s->gold[i];
        unsigned p = guess[i];
        size_t from_g = i ? s->gold[i - 1] : labels;
        size_t from_p = i ? guess[i - 1] : labels;
        bump(&a->model->transitions[from_g * labels + g], &a->acc_transitions[from_g * labels + g],
             1.0f, a->step);
        bump(&a->model->transitions[from_p * labels + p], &a->acc_transitions[from_p * labels + p],
             -1.0f, a->step);
        if (g == p)
            continue;
        for (size_t k = 0; k < NER_FEATURES; k++) {
            size_t row = (size_t)s->rows[i * NER_FEATURES + k] * labels;
            bump(&a->model->weights[row + g], &a->acc_weights[row + g], 1.0f, a->step);
            bump(&a->model->weights[row + p], &a->acc_weights[row + p], -1.0f, a->step);
        }
    }
}

static void finish_average(float *weights, const float *acc, size_t n, float step)
{
    for (size_t k = 0; k < n; k++)
        weights[k] -= acc[k] / step;
}

enum tg_status tg_ner_trainer_train(struct tg_ner_trainer *trainer, unsigned epochs, uint64_t seed,
                                    struct tg_ner_model **out)
{
    *out = NULL;
    unsigned labels = ner_label_count(TRAIN_TYPES);
    struct averaged a = {.step = 1.0f};
    enum tg_status status = ner_model_new(trainer->bits, labels, &a.model);
    if (status != TG_OK)
        return status;
    size_t n_weights = ((size_t)1 << trainer->bits) * labels;
    size_t n_transitions = (size_t)(labels + 1) * labels;
    size_t longest = trainer->longest ? trainer->longest : 1;
    a.acc_weights = calloc(n_weights, sizeof *a.acc_weights);
    a.acc_transitions = calloc(n_transitions, sizeof *a.acc_transitions);
    size_t *order = malloc((trainer->count + 1) * sizeof *order);
    float *emit = malloc(longest * labels * sizeof *emit);
    float *work = malloc(2 * labels * sizeof *work);
    unsigned *back = malloc(longest * labels * sizeof *back);
    unsigned *guess = malloc(longest * sizeof *guess);
    if (!a.acc_weights || !a.acc_transitions || !order || !emit || !work || !back || !guess) {
        status = TG_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t k = 0; k < trainer->count; k++)
        order[k] = k;
    uint64_t random = seed;
    for (unsigned epoch = 0; epoch < epochs; epoch++) {
        for (size_t k = trainer->count; k > 1; k--) {
            size_t j = (size_t)(next_random(&random) % k);
            size_t swap = order[k - 1];
            order[k - 1] = order[j];
            order[j] = swap;
        }
        for (size_t k = 0; k < trainer->count; k++) {
            const struct sentence *s = &trainer->sentences[order[k]];
            ner_emissions(a.model, s->rows, s->count, emit);
            ner_viterbi(a.model, emit, s->count, work, back, guess);
            if (memcmp(guess, s->gold, s->count * sizeof *guess) != 0)
                update(&a, s, guess);
            a.step += 1.0f;
        }
    }
    finish_average(a.model->weights, a.acc_weights, n_weights, a.step);
    finish_average(a.model->transitions, a.acc_transitions, n_transitions, a.step);
    *out = a.model;
    a.model = NULL;
cleanup:
    tg_ner_model_free(a.model);
    free(a.acc_weights);
    free(a.acc_transitions);
    free(order);
    free(emit);
    free(work);
    free(back);
    free(guess);
    return status;
}
