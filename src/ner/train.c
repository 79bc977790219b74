/*
 * Averaged structured perceptron (Collins 2002): decode each sentence with the current weights,
 * move weights towards the gold labels where the decoded ones differ, and return the average of
 * the weights over all steps, which generalises far better than the last weights. The average
 * is kept lazily: acc holds the sum of step * update, and average = weights - acc / steps.
 */
#include "ner_internal.h"

#include <stdlib.h>
#include <string.h>
#include "thaigraph/grow.h"

/*
 * Types the trainer labels: the four reported ones and TG_NER_OTHER, so times, sums of money
 * and laws are learnt as a class of their own instead of as plain text next to dates.
 */
#define TRAIN_TYPES (TG_NER_OTHER + 1)

struct sentence {
    uint32_t *rows;
    unsigned *gold;
    size_t count;
    /* Dev sentences only: the text, its tokens and gold spans, scored like ThaiNER val. */
    char *text;
    struct ner_token *tokens;
    struct tg_ner_span *spans;
    size_t span_count;
};

struct set {
    struct sentence *items;
    size_t count, cap;
};

struct tg_ner_trainer {
    unsigned bits;
    struct set train, dev;
    size_t longest;
    double dev_f1[TG_NER_MAX_EPOCHS];
    unsigned epochs_run, best_epoch;
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

static void sentence_free(struct sentence *s)
{
    free(s->rows);
    free(s->gold);
    free(s->text);
    free(s->tokens);
    free(s->spans);
}

void tg_ner_trainer_free(struct tg_ner_trainer *trainer)
{
    if (!trainer)
        return;
    for (size_t k = 0; k < trainer->train.count; k++)
        sentence_free(&trainer->train.items[k]);
    for (size_t k = 0; k < trainer->dev.count; k++)
        sentence_free(&trainer->dev.items[k]);
    free(trainer->train.items);
    free(trainer->dev.items);
    free(trainer);
}

static enum tg_status add_line(struct tg_ner_trainer *trainer, struct set *set, bool dev,
                               const char *line, size_t len)
{
    struct sentence s = {0};
    size_t text_len;
    enum tg_status status =
        tg_ner_parse_tagged(line, len, &s.text, &text_len, &s.spans, &s.span_count);
    if (status != TG_OK)
        return status;
    status = ner_tokenize(s.text, text_len, &s.tokens, &s.count);
    if (status != TG_OK || s.count == 0)
        goto cleanup;
    struct sentence *items = tg_grow(set->items, &set->cap, set->count + 1, sizeof *items);
    set->items = items ? items : set->items;
    s.rows = malloc(s.count * NER_FEATURES * sizeof *s.rows);
    s.gold = malloc(s.count * sizeof *s.gold);
    if (!items || !s.rows || !s.gold) {
        status = TG_ERR_NOMEM;
        goto cleanup;
    }
    if ((status = ner_sentence_features(s.text, s.tokens, s.count, trainer->bits, s.rows)) != TG_OK)
        goto cleanup;
    ner_spans_to_labels(s.tokens, s.count, s.spans, s.span_count, TRAIN_TYPES, s.gold);
    if (!dev) {
        /* Training needs only the features and labels. */
        free(s.text);
        free(s.tokens);
        free(s.spans);
        s.text = NULL;
        s.tokens = NULL;
        s.spans = NULL;
    }
    trainer->longest = s.count > trainer->longest ? s.count : trainer->longest;
    set->items[set->count++] = s;
    return TG_OK;
cleanup:
    sentence_free(&s);
    return status;
}

enum tg_status tg_ner_trainer_add(struct tg_ner_trainer *trainer, const char *line, size_t len)
{
    return add_line(trainer, &trainer->train, false, line, len);
}

enum tg_status tg_ner_trainer_add_dev(struct tg_ner_trainer *trainer, const char *line, size_t len)
{
    return add_line(trainer, &trainer->dev, true, line, len);
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

/* dst = the average of the weights so far: weights - acc / step. */
static void average_into(const struct averaged *a, struct tg_ner_model *dst)
{
    size_t n_weights = ((size_t)1 << a->model->bits) * a->model->labels;
    size_t n_transitions = (size_t)(a->model->labels + 1) * a->model->labels;
    for (size_t k = 0; k < n_weights; k++)
        dst->weights[k] = a->model->weights[k] - a->acc_weights[k] / a->step;
    for (size_t k = 0; k < n_transitions; k++)
        dst->transitions[k] = a->model->transitions[k] - a->acc_transitions[k] / a->step;
}

/* Scratch for decoding one sentence of up to `longest` tokens. */
struct decoder {
    float *emit, *work;
    unsigned *back, *path;
};

static void decode(const struct tg_ner_model *model, const struct sentence *s, struct decoder *d)
{
    ner_emissions(model, s->rows, s->count, d->emit);
    ner_viterbi(model, d->emit, s->count, d->work, d->back, d->path);
}

/* Strict micro F1 of model on the dev sentences, scored like thaigraph-eval-ner. */
static enum tg_status dev_f1(const struct tg_ner_trainer *trainer, const struct tg_ner_model *model,
                             struct decoder *d, double *f1)
{
    struct tg_ner_counts counts;
    memset(&counts, 0, sizeof counts);
    for (size_t k = 0; k < trainer->dev.count; k++) {
        const struct sentence *s = &trainer->dev.items[k];
        decode(model, s, d);
        struct tg_ner_span *found;
        size_t n;
        enum tg_status status = ner_labels_to_spans(s->tokens, s->count, d->path, &found, &n);
        if (status != TG_OK)
            return status;
        tg_ner_count(s->text, s->spans, s->span_count, found, n, &counts);
        free(found);
    }
    *f1 = tg_ner_counts_f1(&counts, -1, NULL, NULL);
    return TG_OK;
}

enum tg_status tg_ner_trainer_train(struct tg_ner_trainer *trainer, unsigned epochs, uint64_t seed,
                                    struct tg_ner_model **out)
{
    *out = NULL;
    if (epochs == 0 || epochs > TG_NER_MAX_EPOCHS)
        return TG_ERR_INVALID_ARGUMENT;
    unsigned labels = ner_label_count(TRAIN_TYPES);
    struct averaged a = {.step = 1.0f};
    struct tg_ner_model *best = NULL;
    struct decoder d = {0};
    size_t *order = NULL;
    enum tg_status status = ner_model_new(trainer->bits, labels, &a.model);
    if (status == TG_OK)
        status = ner_model_new(trainer->bits, labels, &best);
    if (status != TG_OK)
        goto cleanup;
    size_t n_weights = ((size_t)1 << trainer->bits) * labels;
    size_t n_transitions = (size_t)(labels + 1) * labels;
    size_t longest = trainer->longest ? trainer->longest : 1;
    a.acc_weights = calloc(n_weights, sizeof *a.acc_weights);
    a.acc_transitions = calloc(n_transitions, sizeof *a.acc_transitions);
    order = malloc((trainer->train.count + 1) * sizeof *order);
    d = (struct decoder){
        malloc(longest * labels * sizeof *d.emit), malloc(2 * labels * sizeof *d.work),
        malloc(longest * labels * sizeof *d.back), malloc(longest * sizeof *d.path)};
    if (!a.acc_weights || !a.acc_transitions || !order || !d.emit || !d.work || !d.back ||
        !d.path) {
        status = TG_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t k = 0; k < trainer->train.count; k++)
        order[k] = k;
    uint64_t random = seed;
    double best_f1 = -1.0;
    trainer->epochs_run = 0;
    for (unsigned epoch = 0; epoch < epochs; epoch++) {
        for (size_t k = trainer->train.count; k > 1; k--) {
            size_t j = (size_t)(next_random(&random) % k);
            size_t swap = order[k - 1];
            order[k - 1] = order[j];
            order[j] = swap;
        }
        for (size_t k = 0; k < trainer->train.count; k++) {
            const struct sentence *s = &trainer->train.items[order[k]];
            decode(a.model, s, &d);
            if (memcmp(d.path, s->gold, s->count * sizeof *d.path) != 0)
                update(&a, s, d.path);
            a.step += 1.0f;
        }
        trainer->epochs_run = epoch + 1;
        if (trainer->dev.count == 0)
            continue;
        /* The averaged model of this epoch, kept when the dev split likes it best. */
        double f1 = 0.0;
        struct tg_ner_model *candidate = NULL;
        if ((status = ner_model_new(trainer->bits, labels, &candidate)) != TG_OK)
            goto cleanup;
        average_into(&a, candidate);
        status = dev_f1(trainer, candidate, &d, &f1);
        trainer->dev_f1[epoch] = f1;
        if (status == TG_OK && f1 > best_f1) {
            best_f1 = f1;
            trainer->best_epoch = epoch + 1;
            tg_ner_model_free(best);
            best = candidate;
        } else {
            tg_ner_model_free(candidate);
        }
        if (status != TG_OK)
            goto cleanup;
    }
    if (trainer->dev.count == 0) {
        average_into(&a, best);
        trainer->best_epoch = epochs;
    }
    *out = best;
    best = NULL;
cleanup:
    tg_ner_model_free(a.model);
    tg_ner_model_free(best);
    free(a.acc_weights);
    free(a.acc_transitions);
    free(order);
    free(d.emit);
    free(d.work);
    free(d.back);
    free(d.path);
    return status;
}

unsigned tg_ner_trainer_epochs(const struct tg_ner_trainer *trainer, const double **dev_f1,
                               unsigned *best_epoch)
{
    if (dev_f1)
        *dev_f1 = trainer->dev.count ? trainer->dev_f1 : NULL;
    if (best_epoch)
        *best_epoch = trainer->best_epoch;
    return trainer->epochs_run;
}
