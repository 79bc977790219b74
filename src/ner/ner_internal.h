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

#include "thaigraph/ner.h"

/*
 * Room for one more item in a growing array: returns items when count < *cap, else the array
 * reallocated to twice the size (at least `first` items) with *cap updated, or NULL with the
 * old array untouched when memory runs out.
 */
void *ner_grow(void *items, size_t *cap, size_t count, size_t item_size, size_t first);

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
#define NER_FEATURES 43

/* Writes the NER_FEATURES table rows (< 2^bits) of token i into rows[0..NER_FEATURES). */
void ner_features(const char *text, const struct ner_token *tokens, size_t count,
                  const uint8_t *cues, size_t i, unsigned bits, uint32_t *rows);

/*
 * Labels are O, then B and I of each type in enum order: label 1 + 2t begins type t and 2 + 2t
 * continues it. A model knows how many types it was trained with.
 */
static inline unsigned ner_label_count(unsigned types)
{
    return 1 + 2 * types;
}

struct tg_ner_model {
    unsigned bits;
    unsigned labels;
    float *weights;     /* (1 << bits) rows of `labels` floats */
    float *transitions; /* labels + 1 rows (the last is the sentence start) of `labels` */
};

/* A zeroed model with the given shape. */
enum tg_status ner_model_new(unsigned bits, unsigned labels, struct tg_ner_model **out);

/* emit[i * labels + y] = score of label y at token i, from feature rows[i * NER_FEATURES ..]. */
void ner_emissions(const struct tg_ner_model *model, const uint32_t *rows, size_t count,
                   float *emit);

/*
 * Best label sequence under emissions and the model's transitions into path[0..count).
 * work needs 2 * labels floats and back count * labels entries.
 */
void ner_viterbi(const struct tg_ner_model *model, const float *emit, size_t count, float *work,
                 unsigned *back, unsigned *path);

/* Token labels for the spans (spans sorted, non-overlapping) of a tokenised text; tokens that a
 * span only partly covers take the label of the span holding their first byte. */
void ner_spans_to_labels(const struct ner_token *tokens, size_t count,
                         const struct tg_ner_span *spans, size_t span_count, unsigned types,
                         unsigned *labels);

#endif
