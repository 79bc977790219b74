/*
 * search: the in-memory full-text index behind /v1/search and /v1/search/suggest.
 *
 * Texts are indexed the way queries are read: tg_text_normalise, then tg_text_segment, so a
 * query and a document agree on every token (Thai digits are ASCII, Latin is case-folded,
 * dotted abbreviations are one token). A term is a token's normalised text without a trailing
 * `.`, so `สสส.` and `สสส` are one term; punctuation is not indexed. Every token keeps the byte
 * span of the ORIGINAL text it came from, so hits point back into the text as published.
 *
 * The caller numbers its items (documents and entities go into separate indexes) and gets those
 * numbers back. Postings are ordered by the order items were added, delta- and varint-coded with
 * positions, and each item keeps a varint table of token spans that is only decoded for the hits
 * a page returns. An index is immutable once built: any number of threads query it without locks,
 * each with its own segmenter.
 *
 * Queries: every word must occur (AND). Words written together without a space (a Thai word the
 * segmenter splits, `covid-19`) and words between double quotes (`"` or the curly pair) must
 * occur in consecutive positions in order; punctuation between indexed words does not break
 * adjacency, a skipped range does. Hits are ranked by BM25 (k1 = 1.2, b = 0.75) plus
 * TG_SEARCH_ADJACENT_BOOST times the mean IDF of every pair of neighbouring query words found
 * next to each other in query order; ties go to the smaller item number. Pages continue from a
 * cursor, the (score, item) of the last hit seen, which the daemon passes through as a string.
 *
 * Bounds: a query holds at most TG_SEARCH_MAX_QUERY_CODEPOINTS code points and
 * TG_SEARCH_MAX_QUERY_WORDS words (TG_ERR_TOO_LARGE past either). The rarest term is walked first
 * and at most TG_SEARCH_MAX_CANDIDATES of its postings are examined; the other terms' posting
 * lists are each walked at most once, so a query costs at most the summed length of its terms'
 * posting lists. A result whose candidates were cut reports truncated = true and counts only
 * the matches among the examined candidates.
 *
 * Memory: tg_search_builder_new and tg_search_build hand the caller objects freed with
 * tg_search_builder_free and tg_search_index_free; tg_search_builder_finish consumes the builder
 * whatever it returns. Texts and skip ranges given to the builder are read during the call only.
 * tg_search_query hands the caller a result freed with tg_search_result_free; every pointer
 * read from a result lives as long as the result. tg_search_snippet hands the caller a
 * NUL-terminated string freed with free(). Nothing here keeps a pointer to a segmenter.
 */
#ifndef THAIGRAPH_SEARCH_H
#define THAIGRAPH_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "thaigraph/status.h"
#include "thaigraph/text.h"

#define TG_SEARCH_MAX_QUERY_WORDS      32
#define TG_SEARCH_MAX_QUERY_CODEPOINTS 256
#define TG_SEARCH_MAX_CANDIDATES       200000
#define TG_SEARCH_MAX_LIMIT            1000
#define TG_SEARCH_MAX_THREADS          64
#define TG_SEARCH_DEFAULT_LIMIT        20
/* Matched spans reported per hit; enough for a snippet, bounded for a page of hits. */
#define TG_SEARCH_MAX_SPANS      64
#define TG_SEARCH_ADJACENT_BOOST 0.5
/* Bytes of an encoded cursor, NUL included. */
#define TG_SEARCH_CURSOR_SIZE 26

/* Bytes [start, end) of an original text. */
struct tg_search_range {
    size_t start, end;
};

/* A matched token: bytes [start, end) of the original text of a hit. */
struct tg_search_span {
    size_t start, end;
};

struct tg_search_builder;
struct tg_search_index;
struct tg_search_result;

/*
 * Opens an empty builder. With names set, every item's normalised text is kept as its name for
 * tg_search_suggest (meant for an entity index, whose texts are names, not for documents).
 */
enum tg_status tg_search_builder_new(bool names, struct tg_search_builder **out);

/*
 * Indexes text[0..len) as `item`, leaving out every token whose original bytes overlap a skip
 * range (ranges may come in any order and overlap). weight ranks the item in tg_search_suggest.
 * seg is the caller's segmenter for this thread; it must know the same abbreviations as the
 * ones queries are segmented with. Returns TG_ERR_INVALID_UTF8, TG_ERR_TOO_LARGE (text past
 * TG_TEXT_MAX_BYTES, or more than 2^32 - 1 items), TG_ERR_INVALID_ARGUMENT (a skip range past
 * the text or reversed), TG_ERR_ICU or TG_ERR_NOMEM; a failed add leaves the builder as it was.
 */
enum tg_status tg_search_builder_add(struct tg_search_builder *b, struct tg_text_segmenter *seg,
                                     uint32_t item, const char *text, size_t len,
                                     const struct tg_search_range *skip, size_t skip_count,
                                     uint32_t weight);

/*
 * The terms tg_search_builder_add indexes for text (normalised, punctuation and skipped ranges
 * left out, trailing dots dropped), each with its position, handed to fn in text order; term is
 * not NUL-terminated and lives until fn returns. For feeding another engine exactly the same
 * tokens (bench/bench_peers.cc). Fails like tg_search_builder_add.
 */
enum tg_status
tg_search_terms(struct tg_text_segmenter *seg, const char *text, size_t len,
                const struct tg_search_range *skip, size_t skip_count,
                void (*fn)(void *ctx, const char *term, size_t len, uint32_t position), void *ctx);

/* Turns the builder into an index (consuming it, even on failure). */
enum tg_status tg_search_builder_finish(struct tg_search_builder *b, struct tg_search_index **out);

void tg_search_builder_free(struct tg_search_builder *b);

/* One item handed to tg_search_build; text and skip must stay valid until the build returns. */
struct tg_search_item {
    uint32_t item;
    const char *text;
    size_t len;
    const struct tg_search_range *skip;
    size_t skip_count;
    uint32_t weight;
};

/* Fills *out with item number `index` (0 <= index < count); called from several threads. */
typedef enum tg_status (*tg_search_item_fn)(void *ctx, size_t index, struct tg_search_item *out);

/* Opens a segmenter for one build thread, for instance one that learnt the corpus's
 * abbreviations; the build frees it with tg_text_segmenter_free. */
typedef enum tg_status (*tg_search_segmenter_fn)(void *ctx, struct tg_text_segmenter **out);

struct tg_search_build_options {
    unsigned threads; /* 0 or 1: build in the calling thread; at most TG_SEARCH_MAX_THREADS */
    bool names;       /* as in tg_search_builder_new */
    tg_search_segmenter_fn new_segmenter; /* NULL: a plain TG_TEXT_FULL segmenter */
    void *segmenter_ctx;
};

/*
 * Indexes count items with opt->threads threads, each building a contiguous share, and merges
 * the shares; the index is the same as one built by adding the items in order. opt may be NULL.
 * Fails with the first error any thread met.
 */
enum tg_status tg_search_build(size_t count, tg_search_item_fn get, void *ctx,
                               const struct tg_search_build_options *opt,
                               struct tg_search_index **out);

/*
 * Builds the index tg_search_build(count, get, ctx, opt) would, byte for byte, reusing old for
 * the items that did not change (issue 10: adding a hundred articles to a large corpus
 * re-segments those hundred). Item n comes from old's ordinal from[n], with the length, weight,
 * positions and spans old gave it, or is handed to get when from[n] is TG_SEARCH_FRESH. Items are
 * numbered by ordinal in both indexes (get must give item n the number n), kept items keep their
 * order (from[] rises, no old ordinal twice) and neither index has names: TG_ERR_INVALID_ARGUMENT
 * otherwise. The caller promises that every reused item would be indexed now exactly as old
 * indexed it: same text, skip ranges and segmenter.
 */
#define TG_SEARCH_FRESH UINT32_MAX
enum tg_status tg_search_rebuild(const struct tg_search_index *old, const uint32_t *from,
                                 size_t count, tg_search_item_fn get, void *ctx,
                                 const struct tg_search_build_options *opt,
                                 struct tg_search_index **out);

/*
 * Whether item ka of a and item kb of b are indexed alike: the same length, weight and word
 * spans, and the same terms at the same positions. How a caller of tg_search_rebuild
 * spot-checks that its segmenter still reads a text as the old index's did; a segmenter that
 * keeps every span but spells a term differently (another case folding, say) differs here too.
 * b's dictionary is walked, so b should be small (the checked items alone); each of the item's
 * terms then costs a binary search of a's dictionary and a walk of a's postings of that term.
 */
bool tg_search_same_item(const struct tg_search_index *a, size_t ka,
                         const struct tg_search_index *b, size_t kb);

/*
 * The version of this build's rules for turning a text into indexed words, raised with ANY
 * change to what a text's terms, positions or spans come out as: the normaliser's or the
 * segmenter's code (src/text), the term rules and encoding here, the boilerplate rules a caller
 * skips with (src/boilerplate). Their data need no raise: tg_text_fingerprint hashes the
 * segmenter's lists, tg_boilerplate_cues_hash the cues.
 */
#define TG_SEARCH_WORDS_VERSION 1

/* Bytes a words fingerprint takes at most, NUL included: room for a text fingerprint. */
#define TG_SEARCH_WORDS_FINGERPRINT_SIZE (TG_TEXT_FINGERPRINT_SIZE + 32)

/*
 * What made the words of an index built now, as one line: TG_SEARCH_WORDS_VERSION and
 * tg_text_fingerprint (`words 1 icu 72.1 unicode 15.0 lists ...`). Words from an index whose
 * fingerprint differs must not be reused by tg_search_rebuild (issue 10: after an upgrade of ICU
 * or of the segmenter, old words would be mixed silently with new ones).
 */
void tg_search_words_fingerprint(char out[TG_SEARCH_WORDS_FINGERPRINT_SIZE]);

void tg_search_index_free(struct tg_search_index *index);

/*
 * Snapshots. tg_search_index_write appends the index to out as one block of
 * tg_search_index_block_bytes bytes (host byte order). tg_search_index_open makes an index that
 * uses such a block in place, for instance from a read-only mapping: the block must be 8-byte
 * aligned and outlive the index, which tg_search_index_free frees without touching the block.
 * Opening checks the block's counts, offsets and dictionary and that every item number is below
 * item_limit, and refuses anything inconsistent with TG_ERR_DB_CORRUPT and a reason in why;
 * TG_ERR_NOMEM otherwise on failure. It reads no posting or span table: each is checked with
 * bounds when first used, and a query that meets a damaged one fails with TG_ERR_DB_CORRUPT
 * (issue 10: the whole check was most of a reload). tg_search_index_sound checks every one not
 * yet checked: false when any is damaged (or index is NULL).
 */
size_t tg_search_index_block_bytes(const struct tg_search_index *index);
enum tg_status tg_search_index_write(const struct tg_search_index *index, FILE *out);
enum tg_status tg_search_index_open(const void *block, size_t len, uint32_t item_limit,
                                    struct tg_search_index **out, char *why, size_t why_len);
bool tg_search_index_sound(const struct tg_search_index *index);

/*
 * Maps every page of an opened index's block into the process (MADV_POPULATE_READ), so queries
 * take no page fault on it: a first query otherwise faults on the dictionary, postings and span
 * tables it reads, and each fault maps the 16 pages around it. The pages are the page cache's,
 * shared with every process mapping the file. A built index (its block in memory) is left as it
 * is; NULL is a no-op.
 */
void tg_search_index_map(const struct tg_search_index *index);

/*
 * A segmenter that keeps these abbreviations whole (besides the built-in ones). Texts and the
 * queries run against them must be segmented with the same list, so the build stage indexes
 * with it and thaigraphd reads queries with it. Freed with tg_text_segmenter_free.
 */
enum tg_status tg_search_segmenter_new(const char *const *abbreviations, size_t count,
                                       struct tg_text_segmenter **out);

/* Number of items, distinct terms and bytes of memory the index holds. */
size_t tg_search_index_items(const struct tg_search_index *index);
size_t tg_search_index_terms(const struct tg_search_index *index);
size_t tg_search_index_memory(const struct tg_search_index *index);

/* Where a page starts: after the hit with this score and item. */
struct tg_search_cursor {
    double score;
    uint32_t item;
};

/* Writes the cursor as an opaque ASCII string of TG_SEARCH_CURSOR_SIZE - 1 characters. */
void tg_search_cursor_encode(const struct tg_search_cursor *cursor,
                             char out[TG_SEARCH_CURSOR_SIZE]);

/* Reads a string from tg_search_cursor_encode; TG_ERR_BAD_PARAMETER for anything else. */
enum tg_status tg_search_cursor_decode(const char *text, size_t len, struct tg_search_cursor *out);

struct tg_search_options {
    size_t limit;                         /* hits per page, 1..TG_SEARCH_MAX_LIMIT; 0: default */
    const struct tg_search_cursor *after; /* NULL: the first page */
    /* NULL: every item. Called in the query's thread for each item holding every word, before
       phrases are checked; items it refuses count nowhere. */
    bool (*accept)(uint32_t item, void *ctx);
    void *accept_ctx;
    /* NULL: none. Called with accept_ctx for every match counted in the total (accepted and
       holding the phrases), whichever page is asked for, so a caller can count them all. */
    void (*matched)(uint32_t item, void *ctx);
};

struct tg_search_hit {
    uint32_t item;
    double score;
    const struct tg_search_span *spans; /* matched tokens in text order, at most
                                           TG_SEARCH_MAX_SPANS */
    size_t span_count;
};

/* A word of the query as segmented: normalised text and its bytes in the query. */
struct tg_search_token {
    const char *text;
    size_t start, end;
};

/*
 * Runs query[0..len) against index with the caller's segmenter. opt may be NULL. Returns
 * TG_ERR_INVALID_UTF8 (NUL bytes included), TG_ERR_TOO_LARGE (see the bounds above),
 * TG_ERR_BAD_PARAMETER for a query without words (empty, only spaces or punctuation) or a limit
 * past TG_SEARCH_MAX_LIMIT, TG_ERR_ICU or TG_ERR_NOMEM.
 */
enum tg_status tg_search_query(const struct tg_search_index *index, struct tg_text_segmenter *seg,
                               const char *query, size_t len, const struct tg_search_options *opt,
                               struct tg_search_result **out);

/* Matching items the filter accepted, on every page together. */
size_t tg_search_result_total(const struct tg_search_result *r);
/* True when TG_SEARCH_MAX_CANDIDATES cut the candidates, so total is a lower bound. */
bool tg_search_result_truncated(const struct tg_search_result *r);
size_t tg_search_result_count(const struct tg_search_result *r);
/* Hit i of this page, best first; i < tg_search_result_count. */
const struct tg_search_hit *tg_search_result_hit(const struct tg_search_result *r, size_t i);
size_t tg_search_result_token_count(const struct tg_search_result *r);
const struct tg_search_token *tg_search_result_token(const struct tg_search_result *r, size_t i);
/* The cursor of the next page into *next, or false on the last page. */
bool tg_search_result_next(const struct tg_search_result *r, struct tg_search_cursor *next);

void tg_search_result_free(struct tg_search_result *r);

/*
 * HTML snippet of text[0..len) around the densest cluster of matches (spans of the original text,
 * any order, overlaps merged): at most max_codepoints code points of text, cut only at whitespace
 * or at a match's edge so no word or UTF-8 sequence is split, whitespace runs shown as one space,
 * `<mark>`/`</mark>` around every match inside, all else HTML-escaped (& < > " '), and `…` at each
 * end where text was cut away. Without matches, the start of the text. Only the stretch around
 * the matches is read, so its cost does not grow with the text. Returns TG_ERR_INVALID_UTF8 (in
 * the window the snippet shows), TG_ERR_INVALID_ARGUMENT (max_codepoints 0, a span past the text,
 * reversed or inside a UTF-8 sequence) or TG_ERR_NOMEM.
 */
enum tg_status tg_search_snippet(const char *text, size_t len, const struct tg_search_span *matches,
                                 size_t match_count, size_t max_codepoints, char **html);

/*
 * Up to `limit` items of an index built with names whose normalised name starts with the
 * normalised prefix, heaviest first (ties: smaller name, then smaller item), into items[0..*count).
 * Every name with the prefix is weighed, so a short prefix costs a pass over the names it
 * covers. Returns TG_ERR_INVALID_UTF8, TG_ERR_TOO_LARGE (prefix past
 * TG_SEARCH_MAX_QUERY_CODEPOINTS), TG_ERR_BAD_PARAMETER (empty prefix, limit 0 or past
 * TG_SEARCH_MAX_LIMIT), TG_ERR_INVALID_ARGUMENT (an index built without names) or TG_ERR_NOMEM.
 */
enum tg_status tg_search_suggest(const struct tg_search_index *index, const char *prefix,
                                 size_t len, size_t limit, uint32_t *items, size_t *count);

#endif
