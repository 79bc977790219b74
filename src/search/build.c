/*
 * Building an index: each builder owns a hash table of terms with growing posting buffers and
 * the span table of its items. Several builders fill in parallel over contiguous shares of the
 * items, sort their terms, and one k-way merge over the sorted terms lays out the immutable
 * index; because shares are contiguous, a term's postings from share b only need their first
 * ordinal rewritten to follow share b - 1, and its positions are copied as they are.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "search_internal.h"
#include "thaigraph/grow.h"
#include "thaigraph/hash.h"

struct buf {
    uint8_t *data;
    size_t len, cap;
};

static bool buf_reserve(struct buf *b, size_t more)
{
    if (b->cap - b->len >= more)
        return true;
    size_t cap = b->cap ? b->cap : 16;
    while (cap - b->len < more) {
        if (cap > SIZE_MAX / 2)
            return false;
        cap *= 2;
    }
    uint8_t *data = realloc(b->data, cap);
    if (!data)
        return false;
    b->data = data;
    b->cap = cap;
    return true;
}

struct term {
    uint64_t key; /* offset into the builder's keys */
    uint32_t key_len;
    uint32_t hash;
    uint32_t df;
    uint32_t last; /* local ordinal of the last record */
    struct buf postings, positions;
};

/* What the builder keeps of one item until the merge. */
struct record {
    uint32_t item, length, weight;
    uint64_t span_offset, name_offset;
};

struct sorted_term {
    const char *key;
    uint32_t len;
    uint32_t id;
};

struct occurrence {
    uint32_t term, position;
};

struct tg_search_builder {
    bool names;
    struct term *terms;
    size_t term_count, term_cap;
    uint32_t *slots; /* term id + 1, 0 for empty; slot_cap is a power of two */
    size_t slot_cap;
    struct buf keys;
    struct record *records;
    size_t count, cap;
    struct buf spans, name_bytes;
    struct occurrence *occurrences;
    size_t occurrence_cap;
    struct tg_search_range *skip;
    size_t skip_cap;
    struct sorted_term *sorted; /* terms in key order, made once adding is over */
    size_t sorted_count;
};

enum tg_status tg_search_builder_new(bool names, struct tg_search_builder **out)
{
    if (!out)
        return TG_ERR_INVALID_ARGUMENT;
    struct tg_search_builder *b = calloc(1, sizeof *b);
    if (!b)
        return TG_ERR_NOMEM;
    b->names = names;
    *out = b;
    return TG_OK;
}

void tg_search_builder_free(struct tg_search_builder *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->term_count; i++) {
        free(b->terms[i].postings.data);
        free(b->terms[i].positions.data);
    }
    free(b->terms);
    free(b->slots);
    free(b->keys.data);
    free(b->records);
    free(b->spans.data);
    free(b->name_bytes.data);
    free(b->occurrences);
    free(b->skip);
    free(b->sorted);
    free(b);
}

static bool rehash(struct tg_search_builder *b, size_t slot_cap)
{
    uint32_t *slots = calloc(slot_cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < b->term_count; i++) {
        size_t s = b->terms[i].hash & (slot_cap - 1);
        while (slots[s])
            s = (s + 1) & (slot_cap - 1);
        slots[s] = (uint32_t)i + 1;
    }
    free(b->slots);
    b->slots = slots;
    b->slot_cap = slot_cap;
    return true;
}

/* The id of key, added as a term without postings when new. */
static enum tg_status intern(struct tg_search_builder *b, const char *key, size_t len, uint32_t *id)
{
    if (len > UINT32_MAX || b->term_count >= UINT32_MAX - 1)
        return TG_ERR_TOO_LARGE;
    if ((b->term_count + 1) * 2 > b->slot_cap && !rehash(b, b->slot_cap ? b->slot_cap * 2 : 1024))
        return TG_ERR_NOMEM;
    uint32_t hash = (uint32_t)tg_hash_bytes(key, len);
    size_t s = hash & (b->slot_cap - 1);
    for (; b->slots[s]; s = (s + 1) & (b->slot_cap - 1)) {
        const struct term *t = &b->terms[b->slots[s] - 1];
        if (t->hash == hash && t->key_len == len && memcmp(b->keys.data + t->key, key, len) == 0) {
            *id = b->slots[s] - 1;
            return TG_OK;
        }
    }
    struct term *terms = tg_grow(b->terms, &b->term_cap, b->term_count + 1, sizeof *terms);
    if (!terms || !buf_reserve(&b->keys, len))
        return TG_ERR_NOMEM;
    b->terms = terms;
    struct term *t = &b->terms[b->term_count];
    *t = (struct term){.key = b->keys.len, .key_len = (uint32_t)len, .hash = hash};
    memcpy(b->keys.data + b->keys.len, key, len);
    b->keys.len += len;
    *id = (uint32_t)b->term_count;
    b->slots[s] = (uint32_t)++b->term_count;
    return TG_OK;
}

static int compare_ranges(const void *a, const void *b)
{
    const struct tg_search_range *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int compare_occurrences(const void *a, const void *b)
{
    const struct occurrence *x = a, *y = b;
    if (x->term != y->term)
        return x->term < y->term ? -1 : 1;
    return x->position < y->position ? -1 : x->position > y->position;
}

/* Bytes of the positions of one record. */
static size_t positions_size(const struct occurrence *occ, size_t tf)
{
    size_t n = tg_search_varint_size(occ[0].position);
    for (size_t i = 1; i < tf; i++)
        n += tg_search_varint_size(occ[i].position - occ[i - 1].position);
    return n;
}

/* Encodes one posting record into record and its positions into positions, which have room. */
static void encode_record(struct buf *record, struct buf *positions, uint32_t gap,
                          const struct occurrence *occ, size_t tf, size_t bytes)
{
    uint8_t *p = record->data + record->len;
    p += tg_search_varint_put(p, gap);
    p += tg_search_varint_put(p, (uint32_t)tf);
    p += tg_search_varint_put(p, (uint32_t)bytes);
    record->len = (size_t)(p - record->data);
    p = positions->data + positions->len;
    p += tg_search_varint_put(p, occ[0].position);
    for (size_t i = 1; i < tf; i++)
        p += tg_search_varint_put(p, occ[i].position - occ[i - 1].position);
    positions->len = (size_t)(p - positions->data);
}

/*
 * Appends the sorted occurrences of item number b->count to their terms' postings: first every
 * buffer is reserved, then written, so running out of memory leaves all postings as they were.
 */
static enum tg_status post(struct tg_search_builder *b, const struct occurrence *occ, size_t n)
{
    for (int write = 0; write < 2; write++) {
        for (size_t i = 0, j; i < n; i = j) {
            for (j = i + 1; j < n && occ[j].term == occ[i].term; j++)
                ;
            struct term *t = &b->terms[occ[i].term];
            uint32_t ordinal = (uint32_t)b->count;
            uint32_t gap = t->df ? ordinal - t->last : ordinal;
            size_t bytes = positions_size(occ + i, j - i);
            if (!write) {
                size_t head = tg_search_varint_size(gap) +
                              tg_search_varint_size((uint32_t)(j - i)) +
                              tg_search_varint_size((uint32_t)bytes);
                if (!buf_reserve(&t->postings, head) || !buf_reserve(&t->positions, bytes))
                    return TG_ERR_NOMEM;
                continue;
            }
            encode_record(&t->postings, &t->positions, gap, occ + i, j - i, bytes);
            t->df++;
            t->last = ordinal;
        }
    }
    return TG_OK;
}

static void put_span(struct buf *spans, size_t gap, size_t length)
{
    spans->len += tg_search_varint_put(spans->data + spans->len, (uint32_t)gap);
    spans->len += tg_search_varint_put(spans->data + spans->len, (uint32_t)length);
}

static bool reserve_item(struct tg_search_builder *b, size_t tokens, size_t name_len)
{
    struct record *records = tg_grow(b->records, &b->cap, b->count + 1, sizeof *records);
    if (!records)
        return false;
    b->records = records;
    struct occurrence *occ = tg_grow(b->occurrences, &b->occurrence_cap, tokens + 1, sizeof *occ);
    if (!occ)
        return false;
    b->occurrences = occ;
    /* Two varints of at most 5 bytes per position, and as many gap positions as tokens. */
    return buf_reserve(&b->spans, tokens * 12) &&
           (!b->names || buf_reserve(&b->name_bytes, name_len + 1));
}

/*
 * The words of one normalised text that get indexed, in order: every token but punctuation and
 * the skipped ranges (skip sorted by start), with the trailing `.` of a word dropped. word gets
 * each with its position; a skipped range between words takes a position of its own (gap), so a
 * phrase never matches across it. Shared by the builder and tg_search_terms, so what other
 * engines are given to index is exactly what this one indexes.
 */
struct word_walk {
    enum tg_status (*word)(void *ctx, const char *term, size_t len, uint32_t position,
                           const struct tg_text_span *span);
    void (*gap)(void *ctx);
    void *ctx;
};

static enum tg_status walk_words(const struct tg_text_norm *norm,
                                 const struct tg_text_token *tokens, size_t count,
                                 const struct tg_search_range *skip, size_t skip_count,
                                 const struct word_walk *walk, uint32_t *positions)
{
    const char *bytes = tg_text_norm_bytes(norm, NULL);
    size_t k = 0;
    uint32_t position = 0;
    bool gap = false;
    struct tg_text_span span;
    for (size_t i = 0; tg_search_next_word(norm, tokens, count, &i, &span); i++) {
        const struct tg_text_token *t = &tokens[i];
        while (k < skip_count && skip[k].end <= span.byte_start)
            k++;
        if (k < skip_count && skip[k].start < span.byte_end) {
            gap = position > 0;
            continue;
        }
        if (gap) {
            if (walk->gap)
                walk->gap(walk->ctx);
            position++;
            gap = false;
        }
        size_t len = t->byte_end - t->byte_start;
        if (len > 1 && bytes[t->byte_end - 1] == '.')
            len--;
        enum tg_status st = walk->word(walk->ctx, bytes + t->byte_start, len, position++, &span);
        if (st != TG_OK)
            return st;
    }
    *positions = position;
    return TG_OK;
}

/* What collect keeps while it walks one item. */
struct collecting {
    struct tg_search_builder *b;
    size_t n, prev_end;
};

static enum tg_status collect_word(void *ctx, const char *term, size_t len, uint32_t position,
                                   const struct tg_text_span *span)
{
    struct collecting *c = ctx;
    uint32_t id;
    enum tg_status st = intern(c->b, term, len, &id);
    if (st != TG_OK)
        return st;
    c->b->occurrences[c->n++] = (struct occurrence){id, position};
    size_t start = span->byte_start < c->prev_end ? c->prev_end : span->byte_start;
    size_t end = span->byte_end < start ? start : span->byte_end;
    put_span(&c->b->spans, start - c->prev_end, end - start);
    c->prev_end = end;
    return TG_OK;
}

static void collect_gap(void *ctx)
{
    struct collecting *c = ctx;
    /* An empty span keeps a phrase from matching across the skipped text. */
    put_span(&c->b->spans, 0, 0);
}

/* Records the indexed tokens of one normalised text as occurrences and spans. */
static enum tg_status collect(struct tg_search_builder *b, const struct tg_text_norm *norm,
                              const struct tg_text_token *tokens, size_t count, size_t skip_count,
                              size_t *occurrences, uint32_t *positions)
{
    struct collecting c = {b, 0, 0};
    struct word_walk walk = {collect_word, collect_gap, &c};
    enum tg_status st = walk_words(norm, tokens, count, b->skip, skip_count, &walk, positions);
    *occurrences = c.n;
    return st;
}

/* Hands each indexed word to the caller of tg_search_terms. */
struct terms_call {
    void (*fn)(void *ctx, const char *term, size_t len, uint32_t position);
    void *ctx;
};

static enum tg_status terms_word(void *ctx, const char *term, size_t len, uint32_t position,
                                 const struct tg_text_span *span)
{
    (void)span;
    const struct terms_call *call = ctx;
    call->fn(call->ctx, term, len, position);
    return TG_OK;
}

enum tg_status
tg_search_terms(struct tg_text_segmenter *seg, const char *text, size_t len,
                const struct tg_search_range *skip, size_t skip_count,
                void (*fn)(void *ctx, const char *term, size_t len, uint32_t position), void *ctx)
{
    if (!seg || !fn || (!text && len) || (!skip && skip_count))
        return TG_ERR_INVALID_ARGUMENT;
    struct tg_search_range *sorted = malloc((skip_count ? skip_count : 1) * sizeof *sorted);
    if (!sorted)
        return TG_ERR_NOMEM;
    if (skip_count)
        memcpy(sorted, skip, skip_count * sizeof *sorted);
    if (skip_count > 1)
        qsort(sorted, skip_count, sizeof *sorted, compare_ranges);
    struct tg_text_norm *norm = NULL;
    enum tg_status st = tg_text_normalise(text ? text : "", len, &norm);
    size_t norm_len, count;
    const struct tg_text_token *tokens;
    uint32_t positions;
    struct terms_call call = {fn, ctx};
    struct word_walk walk = {terms_word, NULL, &call};
    const char *bytes = st == TG_OK ? tg_text_norm_bytes(norm, &norm_len) : NULL;
    if (st == TG_OK)
        st = tg_text_segment(seg, bytes, norm_len, &tokens, &count);
    if (st == TG_OK)
        st = walk_words(norm, tokens, count, sorted, skip_count, &walk, &positions);
    tg_text_norm_free(norm);
    free(sorted);
    return st;
}

enum tg_status tg_search_builder_add(struct tg_search_builder *b, struct tg_text_segmenter *seg,
                                     uint32_t item, const char *text, size_t len,
                                     const struct tg_search_range *skip, size_t skip_count,
                                     uint32_t weight)
{
    if (!b || !seg || (!text && len) || (!skip && skip_count) || b->sorted)
        return TG_ERR_INVALID_ARGUMENT;
    if (b->count >= UINT32_MAX - 1)
        return TG_ERR_TOO_LARGE;
    for (size_t i = 0; i < skip_count; i++)
        if (skip[i].start > skip[i].end || skip[i].end > len)
            return TG_ERR_INVALID_ARGUMENT;
    struct tg_search_range *copy = tg_grow(b->skip, &b->skip_cap, skip_count, sizeof *copy);
    if (!copy && skip_count)
        return TG_ERR_NOMEM;
    b->skip = copy;
    if (skip_count) {
        memcpy(b->skip, skip, skip_count * sizeof *skip);
        if (skip_count > 1)
            qsort(b->skip, skip_count, sizeof *b->skip, compare_ranges);
    }
    struct tg_text_norm *norm = NULL;
    enum tg_status st = tg_text_normalise(text ? text : "", len, &norm);
    if (st != TG_OK)
        return st;
    size_t norm_len, count, occurrences = 0;
    const char *bytes = tg_text_norm_bytes(norm, &norm_len);
    const struct tg_text_token *tokens;
    uint32_t positions = 0;
    size_t spans_start = b->spans.len;
    st = tg_text_segment(seg, bytes, norm_len, &tokens, &count);
    if (st != TG_OK)
        goto done;
    if (!reserve_item(b, count, norm_len)) {
        st = TG_ERR_NOMEM;
        goto done;
    }
    st = collect(b, norm, tokens, count, skip_count, &occurrences, &positions);
    if (st == TG_OK) {
        if (occurrences > 1)
            qsort(b->occurrences, occurrences, sizeof *b->occurrences, compare_occurrences);
        st = post(b, b->occurrences, occurrences);
    }
    if (st != TG_OK) {
        b->spans.len = spans_start;
        goto done;
    }
    b->records[b->count] = (struct record){item, positions, weight, spans_start, b->name_bytes.len};
    if (b->names) {
        memcpy(b->name_bytes.data + b->name_bytes.len, bytes, norm_len + 1);
        b->name_bytes.len += norm_len + 1;
    }
    b->count++;
done:
    tg_text_norm_free(norm);
    return st;
}

static int compare_sorted(const void *a, const void *b)
{
    const struct sorted_term *x = a, *y = b;
    return tg_search_compare_keys(x->key, x->len, y->key, y->len);
}

/* Ends adding: lists the terms that have postings in key order for the merge. */
static enum tg_status sort_terms(struct tg_search_builder *b)
{
    b->sorted = malloc((b->term_count + 1) * sizeof *b->sorted);
    if (!b->sorted)
        return TG_ERR_NOMEM;
    for (size_t i = 0; i < b->term_count; i++)
        if (b->terms[i].df)
            b->sorted[b->sorted_count++] = (struct sorted_term){
                (const char *)b->keys.data + b->terms[i].key, b->terms[i].key_len, (uint32_t)i};
    if (b->sorted_count > 1)
        qsort(b->sorted, b->sorted_count, sizeof *b->sorted, compare_sorted);
    free(b->slots);
    b->slots = NULL;
    return TG_OK;
}

struct merge {
    struct tg_search_builder **builders;
    size_t count;
    size_t *bases; /* first global ordinal of each builder */
    size_t *next;  /* each builder's next sorted term */
};

/* Builders whose next key is the smallest, into members; returns how many (0 at the end). */
static size_t smallest(const struct merge *m, size_t *members)
{
    size_t n = 0;
    const struct sorted_term *best = NULL;
    for (size_t b = 0; b < m->count; b++) {
        if (m->next[b] == m->builders[b]->sorted_count)
            continue;
        const struct sorted_term *t = &m->builders[b]->sorted[m->next[b]];
        int c = best ? compare_sorted(t, best) : -1;
        if (c < 0) {
            best = t;
            n = 0;
        }
        if (c <= 0)
            members[n++] = b;
    }
    return n;
}

/*
 * Walks the terms of all builders in key order. Without an index to write into it only sizes the
 * keys, postings, positions and seek entries; with one it lays them out (all but the entries'
 * contents, tg_search_seeks_fill's) and frees each builder's buffers once copied.
 */
static void merge_terms(struct merge *m, struct tg_search_index *x, struct tg_search_sizes *sizes)
{
    size_t members[m->count];
    size_t t = 0, key_bytes = 0, posting_bytes = 0, position_bytes = 0, seeks = 0;
    memset(m->next, 0, m->count * sizeof *m->next);
    for (size_t n; (n = smallest(m, members)) > 0; t++) {
        const struct sorted_term *first = &m->builders[members[0]]->sorted[m->next[members[0]]];
        if (x) {
            x->key_offsets[t] = key_bytes;
            memcpy(x->keys + key_bytes, first->key, first->len);
            x->keys[key_bytes + first->len] = '\0';
            x->posting_offsets[t] = posting_bytes;
            x->position_offsets[t] = position_bytes;
            x->seek_offsets[t] = seeks;
            x->dfs[t] = 0;
        }
        key_bytes += first->len + 1;
        size_t last = 0;
        uint32_t df = 0;
        for (size_t i = 0; i < n; i++) {
            struct tg_search_builder *b = m->builders[members[i]];
            struct term *term = &b->terms[b->sorted[m->next[members[i]]++].id];
            const uint8_t *p = term->postings.data;
            size_t ordinal = m->bases[members[i]] + tg_search_varint_get(&p);
            uint32_t gap = (uint32_t)(i ? ordinal - last : ordinal);
            size_t rest = term->postings.len - (size_t)(p - term->postings.data);
            size_t spread = term->positions.len;
            if (x) {
                uint8_t *out = x->postings + posting_bytes;
                size_t head = tg_search_varint_put(out, gap);
                memcpy(out + head, p, rest);
                memcpy(x->positions + position_bytes, term->positions.data, spread);
                x->dfs[t] += term->df;
                free(term->postings.data);
                term->postings = (struct buf){0};
                free(term->positions.data);
                term->positions = (struct buf){0};
            }
            posting_bytes += tg_search_varint_size(gap) + rest;
            position_bytes += spread;
            df += term->df;
            last = m->bases[members[i]] + term->last;
        }
        seeks += tg_search_seek_count(df);
    }
    tg_search_end_terms(x, sizes, t, key_bytes, posting_bytes, position_bytes, seeks);
}

/* Copies the per-item tables of every builder after one another. */
static void merge_items(struct merge *m, struct tg_search_index *x, bool names)
{
    size_t spans = 0, name_bytes = 0;
    double positions = 0;
    for (size_t b = 0; b < m->count; b++) {
        struct tg_search_builder *s = m->builders[b];
        size_t base = m->bases[b];
        for (size_t i = 0; i < s->count; i++) {
            const struct record *r = &s->records[i];
            x->items[base + i] = r->item;
            x->lengths[base + i] = r->length;
            x->weights[base + i] = r->weight;
            x->span_offsets[base + i] = spans + r->span_offset;
            positions += r->length;
            if (names)
                x->name_offsets[base + i] = name_bytes + r->name_offset;
        }
        if (s->spans.len)
            memcpy(x->spans + spans, s->spans.data, s->spans.len);
        spans += s->spans.len;
        free(s->spans.data);
        s->spans = (struct buf){0};
        if (names) {
            if (s->name_bytes.len)
                memcpy(x->names + name_bytes, s->name_bytes.data, s->name_bytes.len);
            name_bytes += s->name_bytes.len;
        }
    }
    x->span_offsets[x->item_count] = spans;
    if (names)
        x->name_offsets[x->item_count] = name_bytes;
    x->average_length = x->item_count ? positions / (double)x->item_count : 0;
}

struct named {
    const char *name;
    uint32_t ordinal;
};

static int compare_names(const void *a, const void *b)
{
    const struct named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->ordinal > y->ordinal) - (x->ordinal < y->ordinal);
}

static bool sort_names(struct tg_search_index *x)
{
    struct named *named = malloc((x->item_count + 1) * sizeof *named);
    if (!named)
        return false;
    for (size_t i = 0; i < x->item_count; i++)
        named[i] = (struct named){x->names + x->name_offsets[i], (uint32_t)i};
    if (x->item_count > 1)
        qsort(named, x->item_count, sizeof *named, compare_names);
    for (size_t i = 0; i < x->item_count; i++)
        x->name_order[i] = named[i].ordinal;
    free(named);
    return true;
}

/* Hands out count elements of size from block (8-byte aligned), or only counts when block is
 * NULL, so one pass sizes the index and a second lays it out. */
static void *carve(char *block, size_t *used, size_t count, size_t size)
{
    void *p = block ? block + *used : NULL;
    *used += (count * size + 7) & ~(size_t)7;
    return p;
}

size_t tg_search_lay_out(struct tg_search_index *x, char *block, const struct tg_search_sizes *n,
                         bool names)
{
    size_t used = 0;
    x->items = carve(block, &used, n->items, sizeof *x->items);
    x->lengths = carve(block, &used, n->items, sizeof *x->lengths);
    x->weights = carve(block, &used, n->items, sizeof *x->weights);
    x->span_offsets = carve(block, &used, n->items + 1, sizeof *x->span_offsets);
    x->key_offsets = carve(block, &used, n->terms + 1, sizeof *x->key_offsets);
    x->posting_offsets = carve(block, &used, n->terms + 1, sizeof *x->posting_offsets);
    x->position_offsets = carve(block, &used, n->terms + 1, sizeof *x->position_offsets);
    x->seek_offsets = carve(block, &used, n->terms + 1, sizeof *x->seek_offsets);
    x->seeks = carve(block, &used, 3 * n->seeks, sizeof *x->seeks);
    x->dfs = carve(block, &used, n->terms, sizeof *x->dfs);
    x->spans = carve(block, &used, n->spans, 1);
    x->keys = carve(block, &used, n->keys, 1);
    x->postings = carve(block, &used, n->postings, 1);
    x->positions = carve(block, &used, n->positions, 1);
    if (names) {
        x->name_offsets = carve(block, &used, n->items + 1, sizeof *x->name_offsets);
        x->name_order = carve(block, &used, n->items, sizeof *x->name_order);
        x->names = carve(block, &used, n->names, 1);
    }
    return used;
}

struct tg_search_index *tg_search_index_alloc(const struct tg_search_sizes *n, bool names)
{
    struct tg_search_index *x = calloc(1, sizeof *x);
    size_t bytes = x ? tg_search_lay_out(x, NULL, n, names) : 0;
    char *block = x ? calloc(1, bytes ? bytes : 1) : NULL;
    if (!block) {
        free(x);
        return NULL;
    }
    tg_search_lay_out(x, block, n, names);
    x->block = block;
    x->owns_block = true;
    x->sizes = *n;
    x->has_names = names;
    x->memory = sizeof *x + bytes;
    x->item_count = n->items;
    x->term_count = n->terms;
    return x;
}

static enum tg_status merge(struct tg_search_builder **builders, size_t count, bool names,
                            struct tg_search_index **out)
{
    size_t bases[count], next[count];
    struct tg_search_sizes n = {0};
    for (size_t b = 0; b < count; b++) {
        bases[b] = n.items;
        n.items += builders[b]->count;
        n.spans += builders[b]->spans.len;
        n.names += builders[b]->name_bytes.len;
    }
    if (n.items >= UINT32_MAX)
        return TG_ERR_TOO_LARGE;
    struct merge m = {builders, count, bases, next};
    merge_terms(&m, NULL, &n);
    struct tg_search_index *x = tg_search_index_alloc(&n, names);
    if (!x)
        return TG_ERR_NOMEM;
    merge_terms(&m, x, &n);
    merge_items(&m, x, names);
    if (!tg_search_seeks_fill(x)) {
        tg_search_index_free(x);
        return TG_ERR_TOO_LARGE;
    }
    if (names && !sort_names(x)) {
        tg_search_index_free(x);
        return TG_ERR_NOMEM;
    }
    *out = x;
    return TG_OK;
}

enum tg_status tg_search_builder_finish(struct tg_search_builder *b, struct tg_search_index **out)
{
    if (!b || !out) {
        tg_search_builder_free(b);
        return TG_ERR_INVALID_ARGUMENT;
    }
    enum tg_status st = b->sorted ? TG_OK : sort_terms(b);
    if (st == TG_OK)
        st = merge(&b, 1, b->names, out);
    tg_search_builder_free(b);
    return st;
}

struct share {
    size_t start, end;
    tg_search_item_fn get;
    void *ctx;
    const struct tg_search_build_options *opt;
    struct tg_search_builder *builder;
    enum tg_status status;
};

static enum tg_status build_share(struct share *s)
{
    struct tg_text_segmenter *seg = NULL;
    enum tg_status st = s->opt->new_segmenter ? s->opt->new_segmenter(s->opt->segmenter_ctx, &seg)
                                              : tg_text_segmenter_new(TG_TEXT_FULL, &seg);
    if (st != TG_OK)
        return st;
    for (size_t i = s->start; i < s->end && st == TG_OK; i++) {
        struct tg_search_item item = {0};
        st = s->get(s->ctx, i, &item);
        if (st == TG_OK)
            st = tg_search_builder_add(s->builder, seg, item.item, item.text, item.len, item.skip,
                                       item.skip_count, item.weight);
    }
    tg_text_segmenter_free(seg);
    /* Sorting here keeps the merge's only serial work linear. */
    return st == TG_OK ? sort_terms(s->builder) : st;
}

static void *run_share(void *arg)
{
    struct share *s = arg;
    s->status = build_share(s);
    return NULL;
}

enum tg_status tg_search_build(size_t count, tg_search_item_fn get, void *ctx,
                               const struct tg_search_build_options *opt,
                               struct tg_search_index **out)
{
    static const struct tg_search_build_options defaults = {0};
    if (!get || !out)
        return TG_ERR_INVALID_ARGUMENT;
    if (!opt)
        opt = &defaults;
    size_t n = opt->threads > TG_SEARCH_MAX_THREADS ? TG_SEARCH_MAX_THREADS
               : opt->threads > 1                   ? opt->threads
                                                    : 1;
    if (n > count)
        n = count ? count : 1;
    struct share *shares = calloc(n, sizeof *shares);
    struct tg_search_builder **builders = calloc(n, sizeof *builders);
    pthread_t *threads = calloc(n, sizeof *threads);
    enum tg_status st = shares && builders && threads ? TG_OK : TG_ERR_NOMEM;
    size_t started = 0;
    for (size_t i = 0; i < n && st == TG_OK; i++) {
        st = tg_search_builder_new(opt->names, &builders[i]);
        shares[i] =
            (struct share){count * i / n, count * (i + 1) / n, get, ctx, opt, builders[i], TG_OK};
    }
    /* Share 0 runs in this thread, so a one-thread build starts none. */
    for (size_t i = 1; i < n && st == TG_OK; i++) {
        if (pthread_create(&threads[i], NULL, run_share, &shares[i]) != 0)
            st = TG_ERR_NOMEM;
        else
            started++;
    }
    if (st == TG_OK)
        run_share(&shares[0]);
    for (size_t i = 1; i <= started; i++)
        pthread_join(threads[i], NULL);
    for (size_t i = 0; i < n && st == TG_OK; i++)
        st = shares[i].status;
    if (st == TG_OK)
        st = merge(builders, n, opt->names, out);
    for (size_t i = 0; builders && i < n; i++)
        tg_search_builder_free(builders[i]);
    free(shares);
    free(builders);
    free(threads);
    return st;
}

void tg_search_index_free(struct tg_search_index *x)
{
    if (!x)
        return;
    if (x->owns_block)
        free(x->block);
    free(x->term_states);
    free(x->item_states);
    free(x);
}

size_t tg_search_index_items(const struct tg_search_index *x)
{
    return x ? x->item_count : 0;
}

size_t tg_search_index_terms(const struct tg_search_index *x)
{
    return x ? x->term_count : 0;
}

size_t tg_search_index_memory(const struct tg_search_index *x)
{
    return x ? x->memory : 0;
}
