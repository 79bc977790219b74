/*
 * Internals shared by the tagger, the trainer and the model reader of the ner module: the token
 * stream, the lexical cues, feature hashing, the model layout and Viterbi decoding. Tagging and
 * training must see exactly the same tokens and features, which is why both live here once.
 */
#ifndef THAIGRAPH_NER_INTERNAL_H
#define THAIGRAPH_NER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "thaigraph/ner.h"

struct ner_token {
    size_t byte_start;
    size_t byte_end;
    size_t cp_start;
    size_t cp_end;
    bool space_before;
};

/*
 * The one tokenisation step of the tagger: ICU dictionary word breaks for Thai, cut again where
 * Thai meets digits or Latin letters. Whitespace is not a token; it shows as space_before on the
 * next token. The text must be valid UTF-8. *tokens is the caller's to free (NULL when none).
 */
enum tg_status ner_tokenize(const char *text, size_t len, struct ner_token **tokens, size_t *count);

/*
 * Word clusters (clusters.c). A token's cluster form is what the clusters are keyed by: the word
 * with ASCII letters lower-cased, or for a number one '0' per digit (up to six). Each form in the
 * table has NER_CLUSTER_LEVELS ids, coarse to fine; 0 means not in the table.
 */
#define NER_CLUSTER_LEVELS   3
#define NER_CLUSTER_FORM_MAX 96

/* Writes the form of token t into buf (cap bytes) and returns its length; 0 when too long. */
size_t ner_cluster_form(const char *text, const struct ner_token *t, char *buf, size_t cap);

struct ner_clusters;

/* The table built into the library from src/ner/data/clusters.tsv, parsed on first use and
 * shared by every model for the life of the process; NULL when out of memory. */
const struct ner_clusters *ner_clusters_builtin(void);

void ner_clusters_free(struct ner_clusters *clusters);

/* The ids of form[0..len) (zeros when unknown). */
void ner_cluster_ids(const struct ner_clusters *clusters, const char *form, size_t len,
                     uint16_t ids[NER_CLUSTER_LEVELS]);

/* A bigram of units (words or classes) with its count, and one side of it in CSR form. */
struct ner_bigram_pair {
    uint32_t first, second;
    int64_t count;
};
struct ner_bigram {
    uint32_t unit;
    int64_t count;
};

/*
 * Exchange clustering of n units into k classes from their bigram counts (pairs is reordered
 * but left with the same content). cls[0..n) holds the initial classes and receives the result;
 * with last_fixed, unit n-1 keeps class k-1 and no other unit may join it. Runs at most
 * `iterations` passes over the units in index order, fewer when a pass moves nothing; writes a
 * line per pass to log when it is not NULL.
 */
enum tg_status ner_exchange(struct ner_bigram_pair *pairs, size_t count, size_t n, unsigned k,
                            bool last_fixed, unsigned iterations, unsigned *cls, FILE *log);

/* Bits of the per-token cue mask: which word list a token belongs to, and where in the entry. */
enum {
    NER_CUE_TITLE = 1u << 0,
    NER_CUE_ORG = 1u << 1,
    NER_CUE_PLACE = 1u << 2,
    NER_CUE_DATE = 1u << 3,
    NER_CUE_BEGIN = 1u << 4, /* the token starts the matched entry */
    NER_CUE_END = 1u << 5,   /* the token ends it */
};

/* Fills cues[0..count) from the honorific, organisation, place and date word lists. */
void ner_mark_cues(const char *text, const struct ner_token *tokens, size_t count, uint8_t *cues);

/* Every token gets exactly this many hashed features, so feature rows index by position. */
#define NER_FEATURES 58

/*
 * The feature rows (each < 2^bits) of every token of a tokenised text: rows[i * NER_FEATURES ..]
 * for token i. The one place tagging and training get their features from, so the two always
 * agree. TG_ERR_NOMEM when its scratch memory cannot be had.
 */
enum tg_status ner_sentence_features(const char *text, const struct ner_token *tokens, size_t count,
                                     unsigned bits, uint32_t *rows);

/*
 * Labels are O, then the BILOU parts of each type in enum order: label 1 + 4t + part, where part
 * is NER_BEGIN, NER_INSIDE, NER_LAST (the last token of a longer mention) or NER_UNIT (a mention
 * of one token). Telling the edges apart lets the tagger learn how names end, not only how they
 * start (Ratinov and Roth 2009). A model knows how many types it was trained with.
 */
enum { NER_BEGIN, NER_INSIDE, NER_LAST, NER_UNIT, NER_PARTS };

static inline unsigned ner_label_count(unsigned types)
{
    return 1 + NER_PARTS * types;
}

/*
 * The emission rows of a model that hold a non-zero weight, as the file stores them: three rows
 * in four of a trained model are all zero, and a row of int16 weights fits one cache line, so
 * this is 16 MB where the dense table is 88 MB and each lookup is one line (issue 10). Row r is
 * present when bit r of `present` is set; it is then the rank-th present row, rank = rank[r / 64]
 * plus the present rows before it in its word, and its weight for label y is
 * rows[rank * NER_ROW_SLOTS + y] * scale, the very float the dense table holds.
 */
#define NER_ROW_SLOTS 32

struct ner_present_rows {
    uint64_t *present;
    uint32_t *rank;
    int16_t *rows;
    float scale;
};

struct tg_ner_model {
    unsigned bits;
    unsigned labels;
    float *weights;     /* (1 << bits) rows of `labels` floats */
    float *transitions; /* labels + 1 rows (the last is the sentence start) of `labels` */
    /* The same weights for tagging, for a model read from its file, which nothing changes
     * afterwards; NULL for a model being trained, whose weights move. */
    struct ner_present_rows *present;
};

/* A zeroed model with the given shape. */
enum tg_status ner_model_new(unsigned bits, unsigned labels, struct tg_ner_model **out);

/* emit[i * labels + y] = score of label y at token i, from feature rows[i * NER_FEATURES ..]:
 * the sum of the rows' weights in feature order, which is the same float whether or not the
 * zero weights are added. */
void ner_emissions(const struct tg_ner_model *model, const uint32_t *rows, size_t count,
                   float *emit);

/*
 * Best label sequence under emissions and the model's transitions into path[0..count).
 * work needs 2 * labels floats and back count * labels entries.
 */
void ner_viterbi(const struct tg_ner_model *model, const float *emit, size_t count, float *work,
                 unsigned *back, unsigned *path);

/* Spans (malloc'd, *out NULL when none) of the tokens labelled B/I of a reported type; a stray
 * I opens a span of its own. */
enum tg_status ner_labels_to_spans(const struct ner_token *tokens, size_t count,
                                   const unsigned *labels, struct tg_ner_span **out,
                                   size_t *span_count);

/* Token labels for the spans (spans sorted, non-overlapping) of a tokenised text; tokens that a
 * span only partly covers take the label of the span holding their first byte. */
void ner_spans_to_labels(const struct ner_token *tokens, size_t count,
                         const struct tg_ner_span *spans, size_t span_count, unsigned types,
                         unsigned *labels);

#endif
