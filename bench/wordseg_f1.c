/*
 * wordseg_f1: word-level F1 of the segmenter against the human segmentation in
 * the .label files of ../shared/data/wisesight-wordseg (`|` between words), for plain ICU and for
 * tg_text, both on the raw lines and, for tg_text, through normalisation with spans mapped back.
 *
 * A predicted word counts when its code-point span equals a gold word's span; whitespace words
 * are skipped on both sides. Exits 1 when tg_text scores below plain ICU on a file, so it also
 * guards against regressions; exits 0 (77 under meson test, which sets TG_SHARED_DIR) with a
 * message when the data is absent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/text.h"
#include "thaigraph/utf8.h"

static const char *const label_files[] = {
    "wisesight-160-samples-tokenised.label",
    "wisesight-1000-samples-tokenised.label",
};

struct span {
    size_t start, end;
};

struct spans {
    struct span *items;
    size_t count, cap;
};

struct score {
    size_t gold, predicted, matched;
};

enum system { PLAIN_ICU, TG_TEXT_RAW, TG_TEXT_NORMALISED, SYSTEMS };

static const char *const system_names[SYSTEMS] = {
    "plain ICU",
    "tg_text (raw text)",
    "tg_text (normalise + segment, spans mapped back)",
};

static void spans_add(struct spans *s, size_t start, size_t end)
{
    if (s->count == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->items = realloc(s->items, s->cap * sizeof *s->items);
        if (!s->items) {
            perror("wordseg_f1");
            exit(2);
        }
    }
    s->items[s->count++] = (struct span){start, end};
}

/* Whitespace, counting the zero-width space the annotators sometimes left as a word. */
static int is_blank(const char *word, size_t len)
{
    size_t at = 0;
    while (at < len) {
        if (strchr(" \t\r\n", word[at]) && word[at] != '\0')
            at++;
        else if (len - at >= 3 && memcmp(word + at, "\xE2\x80\x8B", 3) == 0)
            at += 3;
        else
            return 0;
    }
    return 1;
}

/* Splits a label line at `|` into the plain text and the gold spans of its non-blank words. */
static void parse_line(const char *line, size_t len, char *text, size_t *text_len,
                       struct spans *gold)
{
    size_t at = 0;
    size_t code_points = 0;
    for (size_t start = 0; start <= len;) {
        const char *bar = memchr(line + start, '|', len - start);
        size_t end = bar ? (size_t)(bar - line) : len;
        size_t n = tg_utf8_count(line + start, end - start);
        if (!is_blank(line + start, end - start))
            spans_add(gold, code_points, code_points + n);
        memcpy(text + at, line + start, end - start);
        at += end - start;
        code_points += n;
        start = end + 1;
    }
    *text_len = at;
}

static size_t count_matches(const struct spans *a, const struct spans *b)
{
    size_t i = 0, j = 0, matched = 0;
    while (i < a->count && j < b->count) {
        if (a->items[i].start == b->items[j].start && a->items[i].end == b->items[j].end) {
            matched++;
            i++;
            j++;
        } else if (a->items[i].start < b->items[j].start ||
                   (a->items[i].start == b->items[j].start && a->items[i].end < b->items[j].end)) {
            i++;
        } else {
            j++;
        }
    }
    return matched;
}

/* Segments the line with one system and stores the predicted spans in original code points. */
static enum tg_status predict(struct tg_text_segmenter *seg, enum system sys, const char *text,
                              size_t len, struct spans *out)
{
    struct tg_text_norm *norm = NULL;
    const char *input = text;
    size_t input_len = len;
    if (sys == TG_TEXT_NORMALISED) {
        enum tg_status st = tg_text_normalise(text, len, &norm);
        if (st != TG_OK)
            return st;
        input = tg_text_norm_bytes(norm, &input_len);
    }
    const struct tg_text_token *tokens;
    size_t count;
    enum tg_status st = tg_text_segment(seg, input, input_len, &tokens, &count);
    for (size_t i = 0; st == TG_OK && i < count; i++) {
        struct tg_text_span span = {tokens[i].start, tokens[i].end, 0, 0};
        if (norm)
            tg_text_norm_original_span(norm, tokens[i].start, tokens[i].end, &span);
        spans_add(out, span.start, span.end);
    }
    tg_text_norm_free(norm);
    return st;
}

static double f1(const struct score *s)
{
    double p = s->predicted ? (double)s->matched / (double)s->predicted : 0;
    double r = s->gold ? (double)s->matched / (double)s->gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static int evaluate(FILE *in, struct tg_text_segmenter *const segs[SYSTEMS], struct score *scores)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    struct spans gold = {0}, predicted = {0};
    int failed = 0;
    while ((n = getline(&line, &cap, in)) > 0) {
        size_t len = (size_t)n;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        char *text = malloc(len + 1);
        if (!text) {
            perror("wordseg_f1");
            exit(2);
        }
        size_t text_len;
        gold.count = 0;
        parse_line(line, len, text, &text_len, &gold);
        for (int sys = 0; sys < SYSTEMS; sys++) {
            predicted.count = 0;
            enum tg_status st = predict(segs[sys], (enum system)sys, text, text_len, &predicted);
            if (st != TG_OK) {
                fprintf(stderr, "wordseg_f1: %s failed on a line: %s\n", system_names[sys],
                        tg_status_name(st));
                failed = 1;
            }
            scores[sys].gold += gold.count;
            scores[sys].predicted += predicted.count;
            scores[sys].matched += count_matches(&gold, &predicted);
        }
        free(text);
    }
    free(line);
    free(gold.items);
    free(predicted.items);
    return failed;
}

int main(void)
{
    const char *env = getenv("TG_SHARED_DIR");
    const char *shared = env ? env : "../shared";
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/data/wisesight-wordseg", shared);
    FILE *probe = NULL;
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, label_files[0]);
    if (!(probe = fopen(path, "r"))) {
        printf("wordseg_f1: skipped: %s not found (needs ../shared)\n", path);
        return env ? 77 : 0;
    }
    fclose(probe);
    struct tg_text_segmenter *segs[SYSTEMS];
    enum tg_status st = tg_text_segmenter_new(TG_TEXT_ICU_ONLY, &segs[PLAIN_ICU]);
    if (st == TG_OK)
        st = tg_text_segmenter_new(TG_TEXT_FULL, &segs[TG_TEXT_RAW]);
    if (st == TG_OK)
        st = tg_text_segmenter_new(TG_TEXT_FULL, &segs[TG_TEXT_NORMALISED]);
    if (st != TG_OK) {
        fprintf(stderr, "wordseg_f1: cannot open a segmenter: %s\n", tg_status_name(st));
        return 2;
    }
    int worse = 0;
    for (size_t f = 0; f < sizeof label_files / sizeof label_files[0]; f++) {
        snprintf(path, sizeof path, "%s/%s", dir, label_files[f]);
        FILE *in = fopen(path, "r");
        if (!in) {
            perror(path);
            return 2;
        }
        struct score scores[SYSTEMS] = {{0}};
        worse |= evaluate(in, segs, scores);
        fclose(in);
        printf("%s (%zu gold words)\n", label_files[f], scores[0].gold);
        for (int sys = 0; sys < SYSTEMS; sys++) {
            printf("  %-50s P %.4f  R %.4f  F1 %.4f\n", system_names[sys],
                   (double)scores[sys].matched /
                       (double)(scores[sys].predicted ? scores[sys].predicted : 1),
                   (double)scores[sys].matched / (double)(scores[sys].gold ? scores[sys].gold : 1),
                   f1(&scores[sys]));
        }
        if (f1(&scores[TG_TEXT_RAW]) < f1(&scores[PLAIN_ICU]) ||
            f1(&scores[TG_TEXT_NORMALISED]) < f1(&scores[PLAIN_ICU])) {
            printf("  tg_text scores below plain ICU\n");
            worse = 1;
        }
    }
    for (int sys = 0; sys < SYSTEMS; sys++)
        tg_text_segmenter_free(segs[sys]);
    return worse;
}
