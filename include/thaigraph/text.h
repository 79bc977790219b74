/*
 * text: the Thai text engine, normalisation and word segmentation.
 *
 * Normalisation turns text as published into the form every later stage compares: ICU NFC,
 * zero-width characters and soft hyphens removed, common Thai typing errors repaired (two SARA E
 * typed for SARA AE, NIKHAHIT + SARA AA typed for SARA AM, a vowel or tone mark typed twice), Thai
 * digits folded to ASCII, simple case folding, whitespace runs collapsed to one space and trimmed
 * at both ends. Every normalised code point remembers the span of original text it came from, so
 * mentions and snippets found in normalised text point back into the text as published.
 *
 * Segmentation splits text into words with ICU's dictionary BreakIterator for Thai and repairs
 * what ICU gets wrong in news text: Thai is split from digits and Latin, dotted abbreviations
 * (`พม.`, `ส.ค.`, `พล.ต.อ.`) stay one token with their dots, `ฯ` ends the word it truncates, and
 * runs of tokens that spell a name from the segmenter's dictionary merge into one token. The
 * segmenter works on raw or normalised text alike; a search engine gets identical tokens for a
 * query and a document as long as both are normalised first. Whitespace never becomes a token;
 * punctuation does, with kind TG_TEXT_PUNCT, so callers that only want words drop it.
 *
 * Threads: a segmenter holds an ICU break iterator (expensive to open, so it is reused) and its
 * token buffer, so each thread uses its own segmenter. Normalisation objects are immutable once
 * made and may be shared.
 *
 * Memory: tg_text_normalise hands the caller a tg_text_norm freed with tg_text_norm_free; the
 * bytes it lends stay valid until then. tg_text_segmenter_new hands the caller a segmenter freed
 * with tg_text_segmenter_free. The token array tg_text_segment lends belongs to the segmenter
 * and stays valid until the next call on the same segmenter or its free.
 */
#ifndef THAIGRAPH_TEXT_H
#define THAIGRAPH_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "thaigraph/status.h"

/* Longest input in bytes either stage accepts; ICU indexes text with 32-bit integers. */
#define TG_TEXT_MAX_BYTES ((size_t)1 << 30)

/* Normalised UTF-8 with its map back to the original text. */
struct tg_text_norm;

/*
 * Normalises utf8[0..len). Returns TG_ERR_INVALID_UTF8 for malformed input (NUL bytes are
 * rejected too), TG_ERR_TOO_LARGE past TG_TEXT_MAX_BYTES, TG_ERR_ICU or TG_ERR_NOMEM.
 * Empty input (or only whitespace) gives an empty result, not an error.
 */
enum tg_status tg_text_normalise(const char *utf8, size_t len, struct tg_text_norm **out);

/* The normalised text, NUL-terminated; its byte length goes to *len when len is not NULL. */
const char *tg_text_norm_bytes(const struct tg_text_norm *n, size_t *len);

/* Number of code points in the normalised text. */
size_t tg_text_norm_length(const struct tg_text_norm *n);

/*
 * Original code-point offset where normalised code point `index` came from. An index at or past
 * the end gives the original length, so the end of a span maps like its start.
 */
size_t tg_text_norm_original_offset(const struct tg_text_norm *n, size_t index);

/* Same as tg_text_norm_original_offset in bytes of the original text. */
size_t tg_text_norm_original_byte_offset(const struct tg_text_norm *n, size_t index);

/* A span of text in code points and in bytes, ends exclusive. */
struct tg_text_span {
    size_t start, end;
    size_t byte_start, byte_end;
};

/*
 * Maps the normalised code-point span [start, end) to the original text. The original span
 * covers every original character that produced the normalised ones (both halves of a repaired
 * `ํา`), but not the whitespace or zero-width characters dropped after its last one.
 */
void tg_text_norm_original_span(const struct tg_text_norm *n, size_t start, size_t end,
                                struct tg_text_span *out);

void tg_text_norm_free(struct tg_text_norm *n);

/*
 * The key a name is compared by wherever names meet: normalised as above with every space
 * removed, so `กระทรวง การคลัง` and `กระทรวงการคลัง` agree. Extraction keys its entities with
 * it and the graph looks names up with it, which is why it lives here and not in the
 * extractor. *key is malloc'd for the caller, NULL on an error: tg_text_normalise's status
 * (TG_ERR_INVALID_UTF8 for a name that is not well-formed UTF-8) or TG_ERR_NOMEM.
 */
enum tg_status tg_text_make_key(const char *name, size_t len, char **key);

/* tg_text_make_key for a lookup, where a name without a key matches nothing: the key, or NULL
 * on any error. */
char *tg_text_key(const char *name, size_t len);

enum tg_text_kind {
    TG_TEXT_THAI,         /* a Thai word from the dictionary breaker */
    TG_TEXT_LATIN,        /* a word in Latin or another non-Thai script */
    TG_TEXT_NUMBER,       /* digits, with `,` or `.` between digits */
    TG_TEXT_ABBREVIATION, /* a dotted abbreviation or a word truncated by `ฯ` */
    TG_TEXT_NAME,         /* several words merged because they spell a dictionary name */
    TG_TEXT_PUNCT,        /* punctuation or a symbol (emoji), one character with its marks */
};

struct tg_text_token {
    size_t byte_start, byte_end; /* bytes of the segmented text, end exclusive */
    size_t start, end;           /* the same span in code points */
    enum tg_text_kind kind;
};

enum tg_text_mode {
    TG_TEXT_FULL,     /* ICU plus the abbreviation, script, `ฯ` and name repairs */
    TG_TEXT_ICU_ONLY, /* ICU's word boundaries as they are, the baseline the repairs are measured
                         against */
};

struct tg_text_segmenter;

/*
 * Opens a segmenter loaded with the built-in abbreviations and honorifics. Returns TG_ERR_ICU
 * when ICU has no Thai word break data, TG_ERR_NOMEM, or TG_ERR_INVALID_ARGUMENT for an unknown
 * mode.
 */
enum tg_status tg_text_segmenter_new(enum tg_text_mode mode, struct tg_text_segmenter **out);

void tg_text_segmenter_free(struct tg_text_segmenter *seg);

/*
 * Registers an abbreviation such as `ปพม.` or `นายกฯ`: it must end with `.` or `ฯ`, hold no
 * whitespace and be at most 64 bytes once normalised (TG_ERR_INVALID_ARGUMENT otherwise). It is
 * normalised before it is stored, so it matches normalised text.
 */
enum tg_status tg_text_segmenter_add_abbreviation(struct tg_text_segmenter *seg, const char *utf8,
                                                  size_t len);

/*
 * Registers a name (an organisation, a place, a person) whose tokens merge into one
 * TG_TEXT_NAME token; it may contain spaces, which match any whitespace run. It is normalised
 * before it is stored. A name must start where a token starts and end where a token ends or
 * between two Thai syllables.
 */
enum tg_status tg_text_segmenter_add_name(struct tg_text_segmenter *seg, const char *utf8,
                                          size_t len);

/*
 * Learns abbreviations the way news introduces them, a full name followed by the short form in
 * parentheses: `สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ (สสส.)`. Adds every Thai dotted form
 * found and, when learnt is not NULL, stores how many were new.
 */
enum tg_status tg_text_segmenter_learn(struct tg_text_segmenter *seg, const char *utf8, size_t len,
                                       size_t *learnt);

/*
 * Segments utf8[0..len) into *tokens (lent, see above) and *count. Returns TG_ERR_INVALID_UTF8
 * (NUL bytes included), TG_ERR_TOO_LARGE, TG_ERR_ICU or TG_ERR_NOMEM; on failure *tokens and
 * *count are untouched. A TG_TEXT_ICU_ONLY segmenter ignores its abbreviations and names.
 */
enum tg_status tg_text_segment(struct tg_text_segmenter *seg, const char *utf8, size_t len,
                               const struct tg_text_token **tokens, size_t *count);

/*
 * Honorifics and ranks (นาย, นางสาว, ดร., พล.ต.อ., Mr., ...): the one built-in list of the words
 * that stand before a person's name, src/text/data/honorifics.tsv, compiled into the library.
 * The segmenter keeps them whole, the gazetteer recognises people by them and the NER tagger
 * uses them as cues. tg_text_honorifics gives the file (NUL-terminated; comment lines start with
 * `#`, then a header line `form<TAB>full_form<TAB>kind`, then one row per form) and its length;
 * the bytes are static.
 */
const char *tg_text_honorifics(size_t *len);

/*
 * Steps through the forms of the list: start with *pos = 0; each call sets form[0..*len) to the
 * next form (first column, as written) and returns true, or returns false after the last.
 */
bool tg_text_honorific_next(size_t *pos, const char **form, size_t *len);

/*
 * What decides the tokens this build reads out of a text besides its own code: the versions of
 * ICU and of its Unicode data as loaded at run time (a library upgrade changes normalisation and
 * dictionary breaks without any change here) and a hash of the built-in lists the segmenter is
 * loaded with (abbreviations and honorifics), as one line such as
 * `icu 72.1 unicode 15.0 lists 0123456789abcdef` (it always fits). Whoever stores tokens for
 * later reuse records it next to them (issue 10); a change to the code of the normaliser or the
 * segmenter is the caller's to version (TG_SEARCH_WORDS_VERSION).
 */
#define TG_TEXT_FINGERPRINT_SIZE 80
void tg_text_fingerprint(char out[TG_TEXT_FINGERPRINT_SIZE]);

/*
 * The character classes every reader of the text shares, so that they agree on where words and
 * lines part. A blank separates words within a line: a horizontal space (Unicode's space
 * separators and the tab, by ICU's u_isblank) or one of the zero-width characters Thai web text
 * puts between words (zero-width space, non-joiner and joiner, word joiner, the byte-order mark);
 * never a line break. A space is a blank, any other white space (line breaks included), a
 * control character or the soft hyphen: what the segmenter separates words at.
 */
bool tg_text_is_blank(uint32_t cp);
bool tg_text_is_space(uint32_t cp);

#endif
