/*
 * ner: a statistical named-entity tagger for Thai news text.
 *
 * Thai has no spaces between words and no capital letters, so names cannot be found by
 * pattern alone. The tagger is an averaged structured perceptron over word tokens with Viterbi
 * decoding of BIO labels; its features are hashed into a fixed table so the model has a known
 * size whatever the training corpus. It is trained on ThaiNER 1.5 (CC BY 3.0, credited in
 * README.md) and reports four thaigraph entity types: organisation, person, place (ThaiNER LOCATION
 * and FACILITY) and date. Offsets are in code points, like everywhere else in the API, with byte
 * offsets beside them for slicing.
 *
 * A model is immutable once built, so any number of threads may call tg_ner_tag on one model at
 * the same time. Loaded, it holds 4 * 2^bits * labels bytes of float weights (46 MB for the
 * shipped model: 2^20 rows, 11 labels), so load it once and share it.
 *
 * Memory: every model comes from tg_ner_model_load, tg_ner_model_from_memory,
 * tg_ner_model_builtin or tg_ner_trainer_train and is released with tg_ner_model_free. Arrays
 * and strings handed back through out-parameters (spans, parsed text, serialised models) belong
 * to the caller, who releases them with free(). A struct tg_error passed in may be NULL.
 */
#ifndef THAIGRAPH_NER_H
#define THAIGRAPH_NER_H

#include <stddef.h>
#include <stdint.h>

#include "thaigraph/status.h"

enum tg_ner_type {
    TG_NER_ORGANISATION,
    TG_NER_PERSON,
    TG_NER_PLACE,
    TG_NER_DATE,
    /* A ThaiNER tag thaigraph has no type for (TIME, MONEY, LAW, ...). The corpus parser
     * reports it so training can learn what an entity is not; tg_ner_tag never does. */
    TG_NER_OTHER,
};

/* Number of types tg_ner_tag can report: the ones before TG_NER_OTHER. */
#define TG_NER_TYPE_COUNT 4

/* Stable lower-case name ("organisation", "person", "place", "date", "other"); static. */
const char *tg_ner_type_name(enum tg_ner_type type);

/* One entity mention: [start, end) in code points and [byte_start, byte_end) in bytes. */
struct tg_ner_span {
    enum tg_ner_type type;
    size_t start;
    size_t end;
    size_t byte_start;
    size_t byte_end;
};

struct tg_ner_model;

/*
 * Reads a model file. A missing file gives TG_ERR_NOT_FOUND, a failed read TG_ERR_IO; a file
 * that is not a model (wrong magic), is cut short, fails its checksum or was written by another
 * format version gives TG_ERR_PARSE with the reason in err.
 */
enum tg_status tg_ner_model_load(const char *path, struct tg_ner_model **out, struct tg_error *err);

/* The same from bytes already in memory; the bytes are not kept. */
enum tg_status tg_ner_model_from_memory(const void *bytes, size_t len, struct tg_ner_model **out,
                                        struct tg_error *err);

/* The model compiled into the library from src/ner/data/ner-model.bin; needs no file. */
enum tg_status tg_ner_model_builtin(struct tg_ner_model **out);

/* The model in its file format (see src/ner/model.c); *bytes is the caller's to free. */
enum tg_status tg_ner_model_serialize(const struct tg_ner_model *model, unsigned char **bytes,
                                      size_t *len);

/* Writes the serialised model to path, replacing the file only once it is complete. */
enum tg_status tg_ner_model_save(const struct tg_ner_model *model, const char *path,
                                 struct tg_error *err);

void tg_ner_model_free(struct tg_ner_model *model);

/*
 * Finds the entities in utf8[0..len), in text order and never overlapping. Empty or
 * all-whitespace text gives TG_OK and no spans (*out NULL); malformed UTF-8 gives
 * TG_ERR_INVALID_UTF8. On success *out holds *count spans for the caller to free().
 */
enum tg_status tg_ner_tag(const struct tg_ner_model *model, const char *utf8, size_t len,
                          struct tg_ner_span **out, size_t *count);

/*
 * Parses one line of ThaiNER's inline markup, `ตามที่[PERSON]นางประนอม[/PERSON] ...`, into the
 * plain text and its entity spans (offsets into the plain text). A leading byte-order mark is
 * dropped, spaces at the edges of an entity are left outside it, and an entity ends at the next
 * closing tag whatever its name, because the corpus has a few mismatched pairs such as
 * `[TIME]16.00 น.[/DATE]`. Unknown tag names map to TG_NER_OTHER. A tag left open or a closing
 * tag with nothing open gives TG_ERR_PARSE. *text (NUL-terminated) and *spans are the caller's.
 */
enum tg_status tg_ner_parse_tagged(const char *line, size_t len, char **text, size_t *text_len,
                                   struct tg_ner_span **spans, size_t *count);

/*
 * Length in bytes of the honorifics and titles (นาย, นางสาว, ดร., พล.ต.อ., ...) that open a
 * person's name, with the spaces after them; 0 when there is none. Never the whole string, so a
 * mention that is only a title keeps it. Person mentions are compared without it, since ThaiNER
 * is inconsistent about including titles.
 */
size_t tg_ner_title_length(const char *utf8, size_t len);

/*
 * Strict evaluation, as thaigraph-eval-ner and the trainer's dev split score: a found mention
 * counts only when its type and exact code-point span equal a gold one; person mentions are
 * compared without their leading titles on both sides (tg_ner_title_length), since ThaiNER is
 * inconsistent about including them. Gold spans of TG_NER_OTHER are not counted.
 */
struct tg_ner_counts {
    unsigned long gold[TG_NER_TYPE_COUNT], found[TG_NER_TYPE_COUNT], correct[TG_NER_TYPE_COUNT];
};

/* Adds one text's gold and found spans (offsets into text) to counts. */
void tg_ner_count(const char *text, const struct tg_ner_span *gold, size_t gold_count,
                  const struct tg_ner_span *found, size_t found_count,
                  struct tg_ner_counts *counts);

/* F1 of one type, or with type -1 the micro average over all; precision and recall go to the
 * out-parameters when they are not NULL. */
double tg_ner_counts_f1(const struct tg_ner_counts *counts, int type, double *precision,
                        double *recall);

/* Training: add ThaiNER lines, then train; the result depends only on the lines and the seed. */
struct tg_ner_trainer;

/* bucket_bits (16..24) sets the feature table to 2^bucket_bits rows. */
enum tg_status tg_ner_trainer_new(unsigned bucket_bits, struct tg_ner_trainer **out);

/* Parses and tokenises one ThaiNER line (see tg_ner_parse_tagged) into the training set. */
enum tg_status tg_ner_trainer_add(struct tg_ner_trainer *trainer, const char *line, size_t len);

/*
 * A line of the dev split: never trained on, it selects the model. With dev lines, training keeps
 * the averaged model of the epoch that scores best on them (tg_ner_count's strict micro F1);
 * without, the model after the last epoch.
 */
enum tg_status tg_ner_trainer_add_dev(struct tg_ner_trainer *trainer, const char *line, size_t len);

#define TG_NER_MAX_EPOCHS 100

/* Runs `epochs` (1..TG_NER_MAX_EPOCHS) passes in an order shuffled from `seed` and returns the
 * averaged model (see tg_ner_trainer_add_dev for which epoch's). */
enum tg_status tg_ner_trainer_train(struct tg_ner_trainer *trainer, unsigned epochs, uint64_t seed,
                                    struct tg_ner_model **out);

/* After training: the epochs run, the dev F1 after each (*dev_f1 NULL without a dev split; the
 * array belongs to the trainer) and the epoch whose model was returned. */
unsigned tg_ner_trainer_epochs(const struct tg_ner_trainer *trainer, const double **dev_f1,
                               unsigned *best_epoch);

void tg_ner_trainer_free(struct tg_ner_trainer *trainer);

#endif
