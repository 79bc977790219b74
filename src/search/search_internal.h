/*
 * Internals shared by the search sources: the index layout, varints and the top-k heap that
 * both queries and suggestions rank with.
 *
 * Postings of a term, one record per item in the order items were added:
 *   varint ordinal (absolute for the first record, then the gap from the previous one),
 *   varint tf, varint byte length of the item's positions.
 * Positions of a term, in a stream of their own beside the records and in the same order: for
 *   each record, tf varint positions (first absolute, then gaps), as many bytes as the record
 *   says. Intersections and the driver's walk read only the records, about three bytes an item,
 *   and add up the byte lengths to find an item's positions when its groups must be checked or
 *   it is kept (issue 10: with the positions inline, every step touched some 28 bytes).
 * Seek entries of a term of TG_SEARCH_SEEK_MIN_DF records or more, one for every
 *   TG_SEARCH_SEEK_EVERY-th record r (r = 16, 32, ...): the ordinal of record r - 1, and the byte
 *   offsets of record r and of its positions from the start of the term's records and positions.
 *   An intersection that follows a rarer term jumps to the last entry before the ordinal it
 *   wants instead of stepping over every record in between. They are written by the build, kept
 *   in the snapshot and checked with the term's records, never filled in by a reader.
 * Spans of an item, one record per position: varint gap from the previous span's end to this
 * span's start, varint span length, all in bytes of the original text.
 */
#ifndef THAIGRAPH_SEARCH_INTERNAL_H
#define THAIGRAPH_SEARCH_INTERNAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "thaigraph/search.h"

/* How many of each thing an index holds, which is all it takes to lay its arrays out. */
struct tg_search_sizes {
    size_t items, terms, keys, postings, positions, seeks, spans, names;
};

struct tg_search_index {
    char *block;     /* every array below lives in this one block */
    bool owns_block; /* built here (freed with the index), or a mapped one (see persist.c) */
    bool has_names;
    struct tg_search_sizes sizes;
    size_t item_count;
    uint32_t *items;        /* ordinal -> caller's item */
    uint32_t *lengths;      /* ordinal -> indexed positions, for BM25 */
    uint32_t *weights;      /* ordinal -> suggest weight */
    uint64_t *span_offsets; /* item_count + 1 offsets into spans */
    uint8_t *spans;
    double average_length;
    size_t term_count;
    char *keys;            /* NUL-terminated keys in byte order */
    uint64_t *key_offsets; /* term_count + 1 */
    uint32_t *dfs;
    uint64_t *posting_offsets;  /* term_count + 1 offsets into postings */
    uint64_t *position_offsets; /* term_count + 1 offsets into positions */
    uint64_t *seek_offsets;     /* term_count + 1 offsets into seeks, in entries */
    uint8_t *postings;
    uint8_t *positions;
    uint32_t *seeks;        /* 3 words an entry: ordinal before, record offset, positions offset */
    char *names;            /* with names: normalised texts, NUL-terminated */
    uint64_t *name_offsets; /* item_count + 1 */
    uint32_t *name_order;   /* ordinals sorted by name */
    /* A mapped index's parts checked at first use (persist.c); NULL for one built here. */
    atomic_uchar *term_states;
    atomic_uchar *item_states;
    size_t memory;
};

/* Whether term t's postings, item `ordinal`'s span table, may be decoded: always for an index
 * built here; for a mapped one, checked with bounds the first time (thread-safe), and false for
 * a damaged part, which the caller then refuses with TG_ERR_DB_CORRUPT. */
bool tg_search_term_sound(const struct tg_search_index *x, size_t t);
bool tg_search_item_sound(const struct tg_search_index *x, size_t ordinal);

#define TG_SEARCH_SEEK_EVERY  16
#define TG_SEARCH_SEEK_MIN_DF 64

/* The seek entries of a term of df records. */
static inline size_t tg_search_seek_count(uint32_t df)
{
    return df >= TG_SEARCH_SEEK_MIN_DF ? (df - 1) / TG_SEARCH_SEEK_EVERY : 0;
}

/* Ends a walk over the terms: the counts into n and, with x, the end of its term offset tables
 * (past its last term). */
static inline void tg_search_end_terms(struct tg_search_index *x, struct tg_search_sizes *n,
                                       size_t terms, size_t keys, size_t postings, size_t positions,
                                       size_t seeks)
{
    n->terms = terms;
    n->keys = keys;
    n->postings = postings;
    n->positions = positions;
    n->seeks = seeks;
    if (x) {
        x->key_offsets[terms] = keys;
        x->posting_offsets[terms] = postings;
        x->position_offsets[terms] = positions;
        x->seek_offsets[terms] = seeks;
    }
}

/* Writes the seek entries of every term of x, whose records, positions and seek offsets are laid
 * out; false (TG_ERR_TOO_LARGE to the caller) when a term's records or positions pass 4 GiB. */
bool tg_search_seeks_fill(struct tg_search_index *x);

/* Points the arrays of x into block (8-byte aligned) and returns the bytes they take; with a
 * NULL block only measures. */
size_t tg_search_lay_out(struct tg_search_index *x, char *block, const struct tg_search_sizes *n,
                         bool names);

/* A new index with zeroed arrays laid out for n (so the padding between them is zero too and a
 * written index is reproducible) in a block it owns; NULL when out of memory. */
struct tg_search_index *tg_search_index_alloc(const struct tg_search_sizes *n, bool names);

/* Bytes a varint of v takes. */
static inline size_t tg_search_varint_size(uint32_t v)
{
    size_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        n++;
    }
    return n;
}

/* Writes v at out, which has room, and returns the bytes written. */
static inline size_t tg_search_varint_put(uint8_t *out, uint32_t v)
{
    size_t n = 0;
    while (v >= 0x80) {
        out[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    out[n++] = (uint8_t)v;
    return n;
}

/* Reads a varint the index wrote itself, so no bounds are checked. */
static inline uint32_t tg_search_varint_get(const uint8_t **p)
{
    uint32_t v = 0;
    unsigned shift = 0;
    const uint8_t *q = *p;
    while (*q & 0x80) {
        v |= (uint32_t)(*q++ & 0x7f) << shift;
        shift += 7;
    }
    v |= (uint32_t)*q++ << shift;
    *p = q;
    return v;
}

/* A ranked entry: higher score first, then smaller key. slot names the caller's payload. */
struct tg_search_top {
    double score;
    uint32_t key;
    uint32_t slot;
};

/* A bounded min-heap of the best `cap` entries seen (its root is the worst kept). */
struct tg_search_heap {
    struct tg_search_top *entries;
    size_t count, cap;
};

bool tg_search_top_better(const struct tg_search_top *a, const struct tg_search_top *b);

/*
 * Offers e to the heap. Returns false when it is not kept; otherwise true with the slot it may
 * fill in e->slot (a fresh slot number while the heap fills, then the slot of the entry it
 * pushed out).
 */
bool tg_search_heap_offer(struct tg_search_heap *h, struct tg_search_top *e);

/* Sorts the kept entries best first (the heap is no longer a heap afterwards). */
void tg_search_heap_sort(struct tg_search_heap *h);

/* Byte order of term keys, the order of the index's dictionary. */
int tg_search_compare_keys(const char *a, size_t alen, const char *b, size_t blen);

/* The term id of key in x's dictionary (a binary search), or false when no item has it. */
bool tg_search_find_term(const struct tg_search_index *x, const char *key, size_t len, size_t *id);

/*
 * Moves *i to the next token that is a word (punctuation is never indexed) and maps it to the
 * original text in *span; false past the last token.
 */
bool tg_search_next_word(const struct tg_text_norm *norm, const struct tg_text_token *tokens,
                         size_t count, size_t *i, struct tg_text_span *span);

/* Checks a query or prefix: TG_ERR_INVALID_UTF8 (NUL included) or TG_ERR_TOO_LARGE past
 * TG_SEARCH_MAX_QUERY_CODEPOINTS. */
enum tg_status tg_search_check_query(const char *text, size_t len);

#endif
