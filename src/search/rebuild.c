/*
 * Rebuilding an index from the previous one (issue 10): items that did not change keep the
 * postings, positions and spans the old index holds for them, and only new or changed items are
 * segmented, into a small index of their own. One pass over both indexes' dictionaries, in key
 * order, then lays out the new index exactly as tg_search_build would have: items in their new
 * order, each term's records in ordinal order with their gaps recomputed and their positions
 * copied byte for byte, document frequencies and the average length counted afresh. Segmenting is
 * what costs (ICU's dictionary breaker); copying postings is a pass over memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search_internal.h"

/* An index the new one takes items from, with the new ordinal of each of its items. */
struct source {
    const struct tg_search_index *x;
    const uint32_t *to; /* ordinal here -> new ordinal, or TG_SEARCH_FRESH when dropped */
    size_t term;        /* the next term of the dictionary walk */
};

/* Where one source's postings of the current term have got to. */
struct cursor {
    const struct source *s;
    const uint8_t *p, *at; /* the next record and its positions */
    uint32_t left;         /* records not read yet */
    uint64_t ordinal;
    uint32_t next; /* new ordinal of the record read last, TG_SEARCH_FRESH at the end */
    const uint8_t *body, *positions;
    size_t body_len, positions_len; /* tf and byte length, then the positions: what is copied */
};

/* Reads records until one whose item the new index keeps, or the end. */
static void advance(struct cursor *c)
{
    c->next = TG_SEARCH_FRESH;
    while (c->next == TG_SEARCH_FRESH && c->left > 0) {
        uint32_t gap = tg_search_varint_get(&c->p);
        c->ordinal = c->left == c->s->x->dfs[c->s->term] ? gap : c->ordinal + gap;
        c->body = c->p;
        (void)tg_search_varint_get(&c->p);
        uint32_t bytes = tg_search_varint_get(&c->p);
        c->body_len = (size_t)(c->p - c->body);
        c->positions = c->at;
        c->positions_len = bytes;
        c->at += bytes;
        c->left--;
        c->next = c->s->to[c->ordinal];
    }
}

static const char *key_of(const struct tg_search_index *x, size_t t, size_t *len)
{
    *len = x->key_offsets[t + 1] - x->key_offsets[t] - 1;
    return x->keys + x->key_offsets[t];
}

/*
 * Walks the terms of the sources in key order and merges each term's records into new ordinal
 * order, dropping terms no kept item has. Without x it only measures; with x it writes.
 */
static void merge_terms(struct source *s, size_t count, struct tg_search_index *x,
                        struct tg_search_sizes *n)
{
    size_t t = 0, key_bytes = 0, posting_bytes = 0, position_bytes = 0, seeks = 0;
    for (size_t i = 0; i < count; i++)
        s[i].term = 0;
    struct cursor cursors[count];
    for (;;) {
        const char *best = NULL;
        size_t best_len = 0, members = 0;
        for (size_t i = 0; i < count; i++) {
            if (s[i].term == s[i].x->term_count)
                continue;
            size_t len;
            const char *key = key_of(s[i].x, s[i].term, &len);
            int c = best ? tg_search_compare_keys(key, len, best, best_len) : -1;
            if (c < 0) {
                best = key;
                best_len = len;
                members = 0;
            }
            if (c <= 0)
                cursors[members++] = (struct cursor){.s = &s[i]};
        }
        if (!best)
            break;
        for (size_t i = 0; i < members; i++) {
            const struct source *src = cursors[i].s;
            cursors[i].p = src->x->postings + src->x->posting_offsets[src->term];
            cursors[i].at = src->x->positions + src->x->position_offsets[src->term];
            cursors[i].left = src->x->dfs[src->term];
            advance(&cursors[i]);
        }
        uint32_t df = 0, last = 0;
        size_t term_start = posting_bytes, positions_start = position_bytes;
        for (;;) {
            struct cursor *c = NULL;
            for (size_t i = 0; i < members; i++)
                if (cursors[i].next != TG_SEARCH_FRESH && (!c || cursors[i].next < c->next))
                    c = &cursors[i];
            if (!c)
                break;
            uint32_t gap = df ? c->next - last : c->next;
            if (x) {
                uint8_t *out = x->postings + posting_bytes;
                size_t head = tg_search_varint_put(out, gap);
                memcpy(out + head, c->body, c->body_len);
                memcpy(x->positions + position_bytes, c->positions, c->positions_len);
            }
            posting_bytes += tg_search_varint_size(gap) + c->body_len;
            position_bytes += c->positions_len;
            last = c->next;
            df++;
            advance(c);
        }
        for (size_t i = 0; i < members; i++)
            ((struct source *)cursors[i].s)->term++;
        if (df == 0)
            continue;
        if (x) {
            x->key_offsets[t] = key_bytes;
            memcpy(x->keys + key_bytes, best, best_len);
            x->keys[key_bytes + best_len] = '\0';
            x->posting_offsets[t] = term_start;
            x->position_offsets[t] = positions_start;
            x->seek_offsets[t] = seeks;
            x->dfs[t] = df;
        }
        seeks += tg_search_seek_count(df);
        key_bytes += best_len + 1;
        t++;
    }
    tg_search_end_terms(x, n, t, key_bytes, posting_bytes, position_bytes, seeks);
}

/* The fresh items, handed to the caller's get under their new ordinals. */
struct fresh {
    tg_search_item_fn get;
    void *ctx;
    const uint32_t *ordinals;
};

static enum tg_status fresh_item(void *ctx, size_t index, struct tg_search_item *out)
{
    const struct fresh *f = ctx;
    return f->get(f->ctx, f->ordinals[index], out);
}

/* Item n's source and ordinal there. */
static const struct tg_search_index *item_source(const struct tg_search_index *old,
                                                 const struct tg_search_index *fresh,
                                                 const uint32_t *from, const uint32_t *fresh_index,
                                                 size_t n, size_t *ordinal)
{
    *ordinal = from[n] == TG_SEARCH_FRESH ? fresh_index[n] : from[n];
    return from[n] == TG_SEARCH_FRESH ? fresh : old;
}

static void copy_items(const struct tg_search_index *old, const struct tg_search_index *fresh,
                       const uint32_t *from, const uint32_t *fresh_index, struct tg_search_index *x)
{
    size_t spans = 0;
    double positions = 0;
    for (size_t n = 0; n < x->item_count; n++) {
        size_t k;
        const struct tg_search_index *s = item_source(old, fresh, from, fresh_index, n, &k);
        size_t bytes = s->span_offsets[k + 1] - s->span_offsets[k];
        x->items[n] = (uint32_t)n;
        x->lengths[n] = s->lengths[k];
        x->weights[n] = s->weights[k];
        x->span_offsets[n] = spans;
        if (bytes)
            memcpy(x->spans + spans, s->spans + s->span_offsets[k], bytes);
        spans += bytes;
        positions += s->lengths[k];
    }
    x->span_offsets[x->item_count] = spans;
    x->average_length = x->item_count ? positions / (double)x->item_count : 0;
}

/* The new index from old and fresh, once the maps are made. */
static enum tg_status lay_out(const struct tg_search_index *old,
                              const struct tg_search_index *fresh, const uint32_t *from,
                              const uint32_t *fresh_index, const uint32_t *old_to,
                              const uint32_t *fresh_to, size_t count, struct tg_search_index **out)
{
    struct source sources[2] = {{old, old_to, 0}, {fresh, fresh_to, 0}};
    struct tg_search_sizes n = {.items = count};
    for (size_t i = 0; i < count; i++) {
        size_t k;
        const struct tg_search_index *s = item_source(old, fresh, from, fresh_index, i, &k);
        n.spans += s->span_offsets[k + 1] - s->span_offsets[k];
    }
    merge_terms(sources, 2, NULL, &n);
    struct tg_search_index *x = tg_search_index_alloc(&n, false);
    if (!x)
        return TG_ERR_NOMEM;
    merge_terms(sources, 2, x, &n);
    copy_items(old, fresh, from, fresh_index, x);
    if (!tg_search_seeks_fill(x)) {
        tg_search_index_free(x);
        return TG_ERR_TOO_LARGE;
    }
    *out = x;
    return TG_OK;
}

enum tg_status tg_search_rebuild(const struct tg_search_index *old, const uint32_t *from,
                                 size_t count, tg_search_item_fn get, void *ctx,
                                 const struct tg_search_build_options *opt,
                                 struct tg_search_index **out)
{
    if (!old || !from || !get || !out || old->has_names || (opt && opt->names) ||
        count >= UINT32_MAX)
        return TG_ERR_INVALID_ARGUMENT;
    if (!tg_search_index_sound(old))
        return TG_ERR_DB_CORRUPT;
    for (size_t i = 0; i < old->item_count; i++)
        if (old->items[i] != i)
            return TG_ERR_INVALID_ARGUMENT;
    uint32_t *old_to = malloc((old->item_count + 1) * sizeof *old_to);
    uint32_t *fresh_index = malloc((count + 1) * sizeof *fresh_index);
    uint32_t *fresh_ordinals = malloc((count + 1) * sizeof *fresh_ordinals);
    enum tg_status st = old_to && fresh_index && fresh_ordinals ? TG_OK : TG_ERR_NOMEM;
    size_t fresh_count = 0;
    for (size_t i = 0; st == TG_OK && i < old->item_count; i++)
        old_to[i] = TG_SEARCH_FRESH;
    /* Kept items must keep their order, so each term's old records stay in ordinal order. */
    for (size_t n = 0, previous = 0; st == TG_OK && n < count; n++) {
        if (from[n] == TG_SEARCH_FRESH) {
            fresh_index[n] = (uint32_t)fresh_count;
            fresh_ordinals[fresh_count++] = (uint32_t)n;
        } else if (from[n] >= old->item_count || old_to[from[n]] != TG_SEARCH_FRESH ||
                   (previous && from[n] < previous)) {
            st = TG_ERR_INVALID_ARGUMENT;
        } else {
            old_to[from[n]] = (uint32_t)n;
            previous = from[n] + 1;
        }
    }
    struct fresh f = {get, ctx, fresh_ordinals};
    struct tg_search_index *fresh = NULL;
    if (st == TG_OK)
        st = tg_search_build(fresh_count, fresh_item, &f, opt, &fresh);
    /* The fresh index numbers its items as get did; the new index numbers them by ordinal. */
    for (size_t j = 0; st == TG_OK && j < fresh_count; j++)
        if (fresh->items[j] != fresh_ordinals[j])
            st = TG_ERR_INVALID_ARGUMENT;
    if (st == TG_OK)
        st = lay_out(old, fresh, from, fresh_index, old_to, fresh_ordinals, count, out);
    tg_search_index_free(fresh);
    free(old_to);
    free(fresh_index);
    free(fresh_ordinals);
    return st;
}

/* Item k's record in the postings of term t: its tf and byte length, with its positions in
 * *positions (what the rebuild copies), or NULL when the item has not the term. */
static const uint8_t *record_of(const struct tg_search_index *x, size_t t, size_t k, size_t *len,
                                const uint8_t **positions)
{
    const uint8_t *p = x->postings + x->posting_offsets[t];
    const uint8_t *at = x->positions + x->position_offsets[t];
    size_t ordinal = 0;
    for (uint32_t left = x->dfs[t]; left > 0; left--) {
        uint32_t gap = tg_search_varint_get(&p);
        ordinal = left == x->dfs[t] ? gap : ordinal + gap;
        const uint8_t *body = p;
        (void)tg_search_varint_get(&p);
        uint32_t bytes = tg_search_varint_get(&p);
        if (ordinal >= k) {
            *len = (size_t)(p - body);
            *positions = at;
            return ordinal == k ? body : NULL;
        }
        at += bytes;
    }
    return NULL;
}

/* The bytes of a record's positions, from its tf and byte length. */
static uint32_t positions_bytes(const uint8_t *body)
{
    (void)tg_search_varint_get(&body);
    return tg_search_varint_get(&body);
}

bool tg_search_same_item(const struct tg_search_index *a, size_t ka,
                         const struct tg_search_index *b, size_t kb)
{
    /* Only the parts compared are checked: a spot check of a few items must not sweep two
     * whole indexes each time. */
    if (!a || !b || ka >= a->item_count || kb >= b->item_count || !tg_search_item_sound(a, ka) ||
        !tg_search_item_sound(b, kb))
        return false;
    size_t bytes = a->span_offsets[ka + 1] - a->span_offsets[ka];
    if (a->lengths[ka] != b->lengths[kb] || a->weights[ka] != b->weights[kb] ||
        bytes != b->span_offsets[kb + 1] - b->span_offsets[kb] ||
        memcmp(a->spans + a->span_offsets[ka], b->spans + b->span_offsets[kb], bytes) != 0)
        return false;
    /* Every term of b's item is a's item's with the same positions. Both items hold lengths[]
     * positions, each a word's or a skipped range's (an empty span, as the spans agree); when
     * b's words and empty spans fill them all, a's item has no other word. (A word whose span
     * is empty counts twice and fails the check: the safe way, segmenting again.) */
    uint64_t positions = 0;
    for (const uint8_t *p = b->spans + b->span_offsets[kb], *end = p + bytes; p < end;) {
        uint32_t gap = tg_search_varint_get(&p);
        uint32_t length = tg_search_varint_get(&p);
        positions += gap == 0 && length == 0;
    }
    for (size_t t = 0; t < b->term_count; t++) {
        size_t len = 0, at = 0, a_len = 0;
        const uint8_t *my_positions, *their_positions;
        if (!tg_search_term_sound(b, t))
            return false;
        const uint8_t *mine = record_of(b, t, kb, &len, &my_positions);
        if (!mine)
            continue;
        const char *key = key_of(b, t, &at);
        const uint8_t *theirs = tg_search_find_term(a, key, at, &at) && tg_search_term_sound(a, at)
                                    ? record_of(a, at, ka, &a_len, &their_positions)
                                    : NULL;
        if (!theirs || a_len != len || memcmp(mine, theirs, len) != 0 ||
            memcmp(my_positions, their_positions, positions_bytes(mine)) != 0)
            return false;
        positions += tg_search_varint_get(&mine);
    }
    return positions == a->lengths[ka];
}

void tg_search_words_fingerprint(char out[TG_SEARCH_WORDS_FINGERPRINT_SIZE])
{
    char text[TG_TEXT_FINGERPRINT_SIZE];
    tg_text_fingerprint(text);
    snprintf(out, TG_SEARCH_WORDS_FINGERPRINT_SIZE, "words %d %s", TG_SEARCH_WORDS_VERSION, text);
}
