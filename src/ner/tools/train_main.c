/*
 * thaigraph-train-ner: trains the NER model from ThaiNER files.
 *
 * usage: thaigraph-train-ner --train FILE [--train FILE ...] [--exclude FILE] [--epochs N]
 *                            [--dev-every K] [--refit] [--bits B] [--seed S] --out MODEL
 * The seed is fixed by default, so training the same files again writes the same bytes.
 * --exclude drops every training line that also occurs in FILE: ThaiNER 1.5's val.txt is a
 * subset of its train.txt, and a model that has seen the validation lines cannot be measured
 * on them (nor may it be chosen on them).
 *
 * --dev-every K carves a dev split out of the training lines: every K-th line kept (after the
 * exclusion) is held out, and of the N epochs the one whose averaged model scores best on the
 * dev lines is kept. --refit then trains again on all the lines, dev ones included, for that
 * many epochs, and writes that model.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "thaigraph/hash.h"
#include "thaigraph/ner.h"

#define MAX_TRAIN_FILES 8

struct options {
    const char *train[MAX_TRAIN_FILES];
    size_t train_count;
    const char *exclude;
    const char *out;
    unsigned long epochs;
    unsigned long bits;
    unsigned long long seed;
    unsigned long dev_every; /* 0: no dev split */
    int refit;
};

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static int usage(void)
{
    fprintf(stderr, "usage: thaigraph-train-ner --train FILE [--train FILE ...] [--exclude FILE] "
                    "[--epochs N] [--dev-every K] [--refit] [--bits 16..24] [--seed S] "
                    "--out MODEL\n");
    return 2;
}

static int parse_number(const char *text, unsigned long long *value)
{
    char *end;
    errno = 0;
    *value = strtoull(text, &end, 10);
    return errno == 0 && end != text && *end == '\0';
}

static int parse_options(int argc, char **argv, struct options *o)
{
    for (int k = 1; k < argc; k += 2) {
        unsigned long long n = 0;
        if (strcmp(argv[k], "--refit") == 0) {
            o->refit = 1;
            k--;
            continue;
        }
        if (k + 1 >= argc)
            return 0;
        if (strcmp(argv[k], "--train") == 0 && o->train_count < MAX_TRAIN_FILES)
            o->train[o->train_count++] = argv[k + 1];
        else if (strcmp(argv[k], "--exclude") == 0)
            o->exclude = argv[k + 1];
        else if (strcmp(argv[k], "--out") == 0)
            o->out = argv[k + 1];
        else if (strcmp(argv[k], "--epochs") == 0 && parse_number(argv[k + 1], &n) && n > 0)
            o->epochs = (unsigned long)n;
        else if (strcmp(argv[k], "--bits") == 0 && parse_number(argv[k + 1], &n))
            o->bits = (unsigned long)n;
        else if (strcmp(argv[k], "--seed") == 0 && parse_number(argv[k + 1], &n))
            o->seed = n;
        else if (strcmp(argv[k], "--dev-every") == 0 && parse_number(argv[k + 1], &n) && n > 1)
            o->dev_every = (unsigned long)n;
        else
            return 0;
    }
    return o->train_count > 0 && o->out && (!o->refit || o->dev_every);
}

/* Hashes of the lines to leave out, sorted for bsearch. */
struct line_set {
    uint64_t *hashes;
    size_t count;
};

/* Lines compare without a byte-order mark or line ending, which differ between files. */
static uint64_t line_hash(const char *line, size_t len)
{
    if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3;
        len -= 3;
    }
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    return tg_hash_bytes(line, len);
}

static int compare_hashes(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a;
    uint64_t y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int in_set(const struct line_set *set, uint64_t hash)
{
    return set->count && bsearch(&hash, set->hashes, set->count, sizeof hash, compare_hashes);
}

/* Feeds every line of path either to the trainer or, without a trainer, into set. With
 * dev_every, every dev_every-th line the trainer gets (counted by *kept across files) goes to its
 * dev split. */
static int read_lines(const char *path, struct tg_ner_trainer *trainer, struct line_set *set,
                      unsigned long dev_every, unsigned long *kept)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "thaigraph-train-ner: %s: %s\n", path, strerror(errno));
        return 0;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long number = 0, skipped = 0;
    int ok = 1;
    while (ok && (len = getline(&line, &cap, f)) >= 0) {
        number++;
        uint64_t hash = line_hash(line, (size_t)len);
        enum tg_status status = TG_OK;
        if (!trainer) {
            uint64_t *grown = realloc(set->hashes, (set->count + 1) * sizeof *grown);
            status = grown ? TG_OK : TG_ERR_NOMEM;
            set->hashes = grown ? grown : set->hashes;
            set->count += grown != NULL;
            if (grown)
                grown[set->count - 1] = hash;
        } else if (in_set(set, hash)) {
            skipped++;
        } else if (dev_every && ++*kept % dev_every == 0) {
            status = tg_ner_trainer_add_dev(trainer, line, (size_t)len);
        } else {
            status = tg_ner_trainer_add(trainer, line, (size_t)len);
        }
        if (status != TG_OK) {
            fprintf(stderr, "thaigraph-train-ner: %s:%lu: %s\n", path, number,
                    tg_status_title(status));
            ok = 0;
        }
    }
    if (trainer && skipped)
        fprintf(stderr, "%s: left out %lu excluded lines\n", path, skipped);
    if (!trainer)
        qsort(set->hashes, set->count, sizeof *set->hashes, compare_hashes);
    free(line);
    fclose(f);
    return ok;
}

/* Reads the training files into a new trainer and trains it for epochs. */
static int train(const struct options *o, struct line_set *excluded, unsigned long dev_every,
                 unsigned long epochs, struct tg_ner_model **model, unsigned *best_epoch)
{
    struct tg_ner_trainer *trainer;
    enum tg_status status = tg_ner_trainer_new((unsigned)o->bits, &trainer);
    if (status != TG_OK) {
        fprintf(stderr, "thaigraph-train-ner: --bits %lu: %s\n", o->bits, tg_status_title(status));
        return 0;
    }
    unsigned long kept = 0;
    int ok = 1;
    for (size_t k = 0; ok && k < o->train_count; k++)
        ok = read_lines(o->train[k], trainer, excluded, dev_every, &kept);
    if (ok) {
        status = tg_ner_trainer_train(trainer, (unsigned)epochs, o->seed, model);
        ok = status == TG_OK;
        if (!ok)
            fprintf(stderr, "thaigraph-train-ner: training: %s\n", tg_status_title(status));
    }
    const double *dev_f1 = NULL;
    unsigned run = ok ? tg_ner_trainer_epochs(trainer, &dev_f1, best_epoch) : 0;
    for (unsigned e = 0; dev_f1 && e < run; e++)
        fprintf(stderr, "epoch %2u: dev micro F1 %.4f%s\n", e + 1, dev_f1[e],
                e + 1 == *best_epoch ? "  (kept)" : "");
    tg_ner_trainer_free(trainer);
    return ok;
}

int main(int argc, char **argv)
{
    struct options o = {.epochs = 12, .bits = 20, .seed = 20240601};
    if (!parse_options(argc, argv, &o))
        return usage();
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    struct line_set excluded = {0};
    unsigned long none = 0;
    int ok = !o.exclude || read_lines(o.exclude, NULL, &excluded, 0, &none);
    struct tg_ner_model *model = NULL;
    unsigned best = 0;
    ok = ok && train(&o, &excluded, o.dev_every, o.epochs, &model, &best);
    if (ok && o.refit) {
        fprintf(stderr, "refitting on every line for %u epochs\n", best);
        tg_ner_model_free(model);
        model = NULL;
        ok = train(&o, &excluded, 0, best, &model, &best);
    }
    free(excluded.hashes);
    struct tg_error err = {""};
    if (ok && tg_ner_model_save(model, o.out, &err) != TG_OK) {
        fprintf(stderr, "thaigraph-train-ner: %s\n", err.message);
        ok = 0;
    }
    if (ok)
        fprintf(stderr, "trained in %.1f s: %s\n", seconds_since(&start), o.out);
    tg_ner_model_free(model);
    return ok ? 0 : 1;
}
