/*
 * Indexes written into a snapshot and used in place from its mapping. The block an index was
 * built in is already position-independent (arrays of integers and bytes, offsets relative to
 * the arrays), so writing is a small header followed by the block, and opening points the
 * arrays back into the mapped bytes.
 *
 * Trust. Queries decode postings and span tables without bounds checks (search_internal.h), so
 * nothing is decoded before it is checked with bounds. Opening checks what every query relies on:
 * the counts against the block, the offset tables, the dictionary's order and the items. A
 * term's postings and an item's span table are checked the first time a query or a rebuild
 * reads them, and the answer is kept (one byte per term and per item): decoding all of them at
 * open was 290 MB and about 0.6 s of CPU of every full-corpus start-up and reload (issue 10),
 * for damage that the snapshot's checksum refuses before any index is opened. What is left to
 * these checks is a file damaged with its checksum forged to match: a damaged part then fails
 * its queries with TG_ERR_DB_CORRUPT, logged once, and never reads past its block.
 */
#include <math.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/mman.h>
#include <unistd.h>

#include "search_internal.h"
#include "thaigraph/log.h"

#define BLOCK_MAGIC 0x58444954u /* "TIDX" */

struct block_header {
    uint32_t magic;
    uint32_t names;
    double average_length;
    uint64_t items, terms, keys, postings, positions, seeks, spans, name_bytes;
};

size_t tg_search_index_block_bytes(const struct tg_search_index *x)
{
    struct tg_search_index scratch;
    return sizeof(struct block_header) + tg_search_lay_out(&scratch, NULL, &x->sizes, x->has_names);
}

enum tg_status tg_search_index_write(const struct tg_search_index *x, FILE *out)
{
    if (!x || !out)
        return TG_ERR_INVALID_ARGUMENT;
    const struct tg_search_sizes *n = &x->sizes;
    struct block_header h = {.magic = BLOCK_MAGIC,
                             .names = x->has_names,
                             .average_length = x->average_length,
                             .items = n->items,
                             .terms = n->terms,
                             .keys = n->keys,
                             .postings = n->postings,
                             .positions = n->positions,
                             .seeks = n->seeks,
                             .spans = n->spans,
                             .name_bytes = n->names};
    struct tg_search_index scratch;
    size_t bytes = tg_search_lay_out(&scratch, NULL, n, x->has_names);
    if (fwrite(&h, sizeof h, 1, out) != 1 || (bytes && fwrite(x->block, bytes, 1, out) != 1))
        return TG_ERR_IO;
    return TG_OK;
}

static enum tg_status refuse(char *why, size_t why_len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, why_len, fmt, ap);
    va_end(ap);
    return TG_ERR_DB_CORRUPT;
}

/* A varint of at most five bytes that ends before end. */
static bool varint(const uint8_t **p, const uint8_t *end, uint32_t *out)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < 5 && *p < end; i++) {
        uint8_t b = *(*p)++;
        if (i == 4 && b > 0x0f)
            return false;
        v |= (uint32_t)(b & 0x7f) << (7 * i);
        if (!(b & 0x80)) {
            *out = v;
            return true;
        }
    }
    return false;
}

/* Offsets of count + 1 entries that rise from 0 to total. */
static bool offsets_ok(const uint64_t *offsets, size_t count, size_t total)
{
    if (offsets[0] != 0 || offsets[count] != total)
        return false;
    for (size_t i = 0; i < count; i++)
        if (offsets[i] > offsets[i + 1])
            return false;
    return true;
}

/* Item i's span table: two varints per position, ending where the next table starts. */
static enum tg_status check_item(const struct tg_search_index *x, size_t i, char *why,
                                 size_t why_len)
{
    const uint8_t *p = x->spans + x->span_offsets[i], *end = x->spans + x->span_offsets[i + 1];
    for (uint32_t k = 0, v; k < 2 * x->lengths[i]; k++)
        if (!varint(&p, end, &v))
            return refuse(why, why_len, "item %zu: span table shorter than its %u positions", i,
                          x->lengths[i]);
    if (p != end)
        return refuse(why, why_len, "item %zu: span table longer than its positions", i);
    return TG_OK;
}

/* Term t's dfs[t] posting records, each naming an item in rising order with positions inside
 * it, ending where the next term's records and positions start. */
static enum tg_status check_term(const struct tg_search_index *x, size_t t, char *why,
                                 size_t why_len)
{
    const uint8_t *start = x->postings + x->posting_offsets[t], *p = start;
    const uint8_t *end = x->postings + x->posting_offsets[t + 1];
    const uint8_t *at_start = x->positions + x->position_offsets[t], *at = at_start;
    const uint8_t *at_end = x->positions + x->position_offsets[t + 1];
    const uint32_t *seek = x->seeks + 3 * x->seek_offsets[t];
    bool seeks = tg_search_seek_count(x->dfs[t]) > 0;
    uint64_t ordinal = 0;
    if (x->dfs[t] == 0)
        return refuse(why, why_len, "term %zu: no postings", t);
    for (uint32_t r = 0; r < x->dfs[t]; r++) {
        uint32_t gap, tf, bytes;
        /* An entry must leave a reader exactly where the walk to record r stands. */
        if (seeks && r > 0 && r % TG_SEARCH_SEEK_EVERY == 0) {
            if (seek[0] != ordinal || seek[1] != (uint64_t)(p - start) ||
                seek[2] != (uint64_t)(at - at_start))
                return refuse(why, why_len, "term %zu: seek entry of posting %u is wrong", t, r);
            seek += 3;
        }
        if (!varint(&p, end, &gap) || !varint(&p, end, &tf) || !varint(&p, end, &bytes) ||
            bytes > (size_t)(at_end - at))
            return refuse(why, why_len, "term %zu: posting %u runs past the term", t, r);
        ordinal = r == 0 ? gap : ordinal + gap;
        if ((r > 0 && gap == 0) || ordinal >= x->item_count || tf == 0)
            return refuse(why, why_len, "term %zu: posting %u names item %llu of %zu", t, r,
                          (unsigned long long)ordinal, x->item_count);
        const uint8_t *positions_end = at + bytes;
        uint64_t position = 0;
        for (uint32_t k = 0; k < tf; k++) {
            uint32_t step;
            if (!varint(&at, positions_end, &step) || (k > 0 && step == 0))
                return refuse(why, why_len, "term %zu: posting %u: bad positions", t, r);
            position += step;
            if (position >= x->lengths[ordinal])
                return refuse(why, why_len, "term %zu: posting %u: position past the item", t, r);
        }
        if (at != positions_end)
            return refuse(why, why_len, "term %zu: posting %u: positions overrun", t, r);
    }
    if (p != end || at != at_end)
        return refuse(why, why_len, "term %zu: more postings than its count", t);
    return TG_OK;
}

/* What a mapped index knows of each term's postings and each item's span table. */
enum { PART_UNCHECKED, PART_SOUND, PART_DAMAGED };

/* Checks part i (a term, or an item when items) once; the first failure is logged, since the
 * request that meets it only learns that the file is damaged. Two threads meeting an unchecked
 * part both check it and store the same answer. */
static bool part_sound(const struct tg_search_index *x, atomic_uchar *states, size_t i, bool items)
{
    if (!states)
        return true;
    unsigned char state = atomic_load_explicit(&states[i], memory_order_relaxed);
    if (state == PART_UNCHECKED) {
        char why[160];
        enum tg_status st =
            items ? check_item(x, i, why, sizeof why) : check_term(x, i, why, sizeof why);
        state = st == TG_OK ? PART_SOUND : PART_DAMAGED;
        if (state == PART_DAMAGED)
            tg_log(TG_LOG_ERROR,
                   "search index: %s; the snapshot is damaged, `thaigraph ingest` rebuilds it",
                   why);
        atomic_store_explicit(&states[i], state, memory_order_relaxed);
    }
    return state == PART_SOUND;
}

bool tg_search_term_sound(const struct tg_search_index *x, size_t t)
{
    return part_sound(x, x->term_states, t, false);
}

bool tg_search_item_sound(const struct tg_search_index *x, size_t ordinal)
{
    return part_sound(x, x->item_states, ordinal, true);
}

bool tg_search_index_sound(const struct tg_search_index *x)
{
    if (x && !x->term_states)
        return true; /* built here: nothing to check */
    bool sound = x != NULL;
    for (size_t t = 0; sound && t < x->term_count; t++)
        sound = tg_search_term_sound(x, t);
    for (size_t i = 0; sound && i < x->item_count; i++)
        sound = tg_search_item_sound(x, i);
    return sound;
}

/* The dictionary, binary-searched by every query, and the offsets every lazy check trusts. */
static enum tg_status check_terms(const struct tg_search_index *x, char *why, size_t why_len)
{
    if (!offsets_ok(x->span_offsets, x->item_count, x->sizes.spans))
        return refuse(why, why_len, "span offsets are out of order");
    if (!offsets_ok(x->key_offsets, x->term_count, x->sizes.keys) ||
        !offsets_ok(x->posting_offsets, x->term_count, x->sizes.postings) ||
        !offsets_ok(x->position_offsets, x->term_count, x->sizes.positions) ||
        !offsets_ok(x->seek_offsets, x->term_count, x->sizes.seeks))
        return refuse(why, why_len, "term offsets are out of order");
    for (size_t t = 0; t < x->term_count; t++) {
        if (x->seek_offsets[t + 1] - x->seek_offsets[t] != tg_search_seek_count(x->dfs[t]))
            return refuse(why, why_len, "term %zu: seek entries not its count's", t);
        size_t key_end = x->key_offsets[t + 1];
        if (key_end == x->key_offsets[t] || x->keys[key_end - 1] != '\0')
            return refuse(why, why_len, "term %zu: key not terminated", t);
        if (t > 0 && strcmp(x->keys + x->key_offsets[t - 1], x->keys + x->key_offsets[t]) >= 0)
            return refuse(why, why_len, "term %zu: keys out of order", t);
    }
    return TG_OK;
}

static enum tg_status check_names(const struct tg_search_index *x, char *why, size_t why_len)
{
    if (!offsets_ok(x->name_offsets, x->item_count, x->sizes.names))
        return refuse(why, why_len, "name offsets are out of order");
    unsigned char *seen = calloc(x->item_count + 1, 1);
    if (!seen)
        return TG_ERR_NOMEM;
    enum tg_status st = TG_OK;
    for (size_t i = 0; i < x->item_count && st == TG_OK; i++) {
        uint64_t end = x->name_offsets[i + 1];
        uint32_t o = x->name_order[i];
        if (end == x->name_offsets[i] || x->names[end - 1] != '\0')
            st = refuse(why, why_len, "item %zu: name not terminated", i);
        else if (o >= x->item_count || seen[o]++)
            st = refuse(why, why_len, "name order %zu is no permutation", i);
    }
    free(seen);
    return st;
}

void tg_search_index_map(const struct tg_search_index *x)
{
    if (!x || x->owns_block)
        return;
    struct tg_search_index scratch;
    size_t bytes = tg_search_lay_out(&scratch, NULL, &x->sizes, x->has_names);
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    /* The page the block starts in belongs to the same mapping, so rounding down stays in it. */
    uintptr_t start = (uintptr_t)x->block & ~(page - 1);
    size_t len = (size_t)((uintptr_t)x->block + bytes - start);
    if (len == 0 || madvise((void *)start, len, MADV_POPULATE_READ) == 0)
        return;
    /* Kernels before 5.14 lack it: one read a page does the same, a fault at a time. */
    for (size_t at = 0; at < len; at += page)
        (void)((const volatile unsigned char *)start)[at];
}

enum tg_status tg_search_index_open(const void *block, size_t len, uint32_t item_limit,
                                    struct tg_search_index **out, char *why, size_t why_len)
{
    struct block_header h;
    if (len < sizeof h || ((uintptr_t)block & 7))
        return refuse(why, why_len, "index block of %zu bytes is too short", len);
    memcpy(&h, block, sizeof h);
    if (h.magic != BLOCK_MAGIC || h.names > 1)
        return refuse(why, why_len, "not an index block");
    /* Every count is bounded by the block's size before any is multiplied, so the layout sum
     * below cannot wrap. */
    if (h.items > len || h.terms > len || h.keys > len || h.postings > len || h.positions > len ||
        h.seeks > len || h.spans > len || h.name_bytes > len || h.items >= UINT32_MAX)
        return refuse(why, why_len, "index block counts past its size");
    struct tg_search_sizes n = {.items = h.items,
                                .terms = h.terms,
                                .keys = h.keys,
                                .postings = h.postings,
                                .positions = h.positions,
                                .seeks = h.seeks,
                                .spans = h.spans,
                                .names = h.name_bytes};
    struct tg_search_index *x = calloc(1, sizeof *x);
    if (!x)
        return TG_ERR_NOMEM;
    char *bytes = (char *)block + sizeof h; /* read only: nothing writes a mapped index */
    size_t need = tg_search_lay_out(x, bytes, &n, h.names);
    enum tg_status st = TG_OK;
    if (need != len - sizeof h)
        st = refuse(why, why_len, "index block is %zu bytes, its counts need %zu", len - sizeof h,
                    need);
    x->block = bytes;
    x->sizes = n;
    x->has_names = h.names;
    x->item_count = n.items;
    x->term_count = n.terms;
    x->average_length = h.average_length;
    x->memory = sizeof *x;
    if (st == TG_OK &&
        (!isfinite(h.average_length) || h.average_length < 0 || (n.terms && h.average_length <= 0)))
        st = refuse(why, why_len, "bad average length");
    for (size_t i = 0; st == TG_OK && i < x->item_count; i++)
        if (x->items[i] >= item_limit)
            st =
                refuse(why, why_len, "item %zu stands for %u, past %u", i, x->items[i], item_limit);
    if (st == TG_OK)
        st = check_terms(x, why, why_len);
    if (st == TG_OK && x->has_names)
        st = check_names(x, why, why_len);
    if (st == TG_OK) {
        x->term_states = calloc(x->term_count + 1, sizeof *x->term_states);
        x->item_states = calloc(x->item_count + 1, sizeof *x->item_states);
        st = x->term_states && x->item_states ? TG_OK : TG_ERR_NOMEM;
        x->memory += x->term_count + x->item_count + 2;
    }
    if (st != TG_OK) {
        tg_search_index_free(x);
        return st;
    }
    *out = x;
    return TG_OK;
}
