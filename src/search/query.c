/*
 * Answering a query: the query is read into words and groups of words that must stand together,
 * the rarest term's postings drive the walk and every other term's postings follow with a
 * forward-only cursor, so each list is decoded at most once. Only the hits a page returns have
 * their positions turned into spans of the original text.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search_internal.h"

#define BM25_K1 1.2
#define BM25_B  0.75

/* A distinct term of the query with its cursor over the postings. */
struct qterm {
    const char *key;
    size_t len;
    size_t id;
    double idf;
    const uint8_t *next;    /* the record after the current one */
    const uint8_t *next_at; /* its positions */
    uint32_t remaining;     /* records after the current one */
    uint32_t df, ordinal, tf;
    const uint8_t *records, *positions_start; /* the term's, where seek entries count from */
    const uint32_t *seeks;                    /* the term's seek entries (search_internal.h) */
    size_t seek_count, seek_next;             /* entries before seek_next are passed */
    const uint8_t *positions;                 /* the current record's */
    uint32_t *decoded;
    size_t decoded_cap;
};

/* A word of the query: which term it is and which group it stands in. */
struct word {
    size_t term, group;
};

struct query {
    const struct tg_search_index *index;
    struct qterm terms[TG_SEARCH_MAX_QUERY_WORDS];
    struct word words[TG_SEARCH_MAX_QUERY_WORDS];
    size_t term_count, word_count;
    double max_boost; /* every pair of neighbours boosted */
    struct tg_search_heap heap;
    const uint8_t **kept_positions; /* heap slot * term_count + term */
    uint32_t *kept_tfs;
    uint32_t *kept_ordinals;
};

struct tg_search_result {
    size_t total, count;
    bool truncated, more;
    struct tg_search_hit *hits;
    struct tg_search_span *spans;
    struct tg_search_token *tokens;
    size_t token_count;
    char *token_text;
};

void tg_search_cursor_encode(const struct tg_search_cursor *cursor, char out[TG_SEARCH_CURSOR_SIZE])
{
    uint64_t bits;
    memcpy(&bits, &cursor->score, sizeof bits);
    snprintf(out, TG_SEARCH_CURSOR_SIZE, "%016" PRIx64 "-%08" PRIx32, bits, cursor->item);
}

static bool hex_digits(const char *text, size_t len, uint64_t *out)
{
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else
            return false;
        v = v << 4 | d;
    }
    *out = v;
    return true;
}

enum tg_status tg_search_cursor_decode(const char *text, size_t len, struct tg_search_cursor *out)
{
    uint64_t bits, item;
    if (!text || !out || len != TG_SEARCH_CURSOR_SIZE - 1 || text[16] != '-' ||
        !hex_digits(text, 16, &bits) || !hex_digits(text + 17, 8, &item))
        return TG_ERR_BAD_PARAMETER;
    double score;
    memcpy(&score, &bits, sizeof score);
    if (!isfinite(score))
        return TG_ERR_BAD_PARAMETER;
    *out = (struct tg_search_cursor){score, (uint32_t)item};
    return TG_OK;
}

/* Moves to the next posting record; false past the last. */
static bool step(struct qterm *t)
{
    if (!t->remaining)
        return false;
    t->remaining--;
    t->ordinal += tg_search_varint_get(&t->next);
    t->tf = tg_search_varint_get(&t->next);
    uint32_t bytes = tg_search_varint_get(&t->next);
    t->positions = t->next_at;
    t->next_at += bytes;
    return true;
}

static void open_cursor(const struct tg_search_index *x, struct qterm *t)
{
    t->records = t->next = x->postings + x->posting_offsets[t->id];
    t->positions_start = t->next_at = x->positions + x->position_offsets[t->id];
    t->seeks = x->seeks + 3 * x->seek_offsets[t->id];
    t->seek_count = x->seek_offsets[t->id + 1] - x->seek_offsets[t->id];
    t->seek_next = 0;
    t->df = t->remaining = x->dfs[t->id];
    t->ordinal = 0;
    step(t);
}

/* Moves to the first record at or after ordinal; false when there is none. The last seek entry
 * whose record comes before ordinal, if it lies ahead, puts the cursor on the record before it
 * as stepping there would have. */
static bool seek(struct qterm *t, uint32_t ordinal)
{
    if (t->ordinal >= ordinal)
        return true;
    size_t j = t->seek_next;
    while (j < t->seek_count && t->seeks[3 * j] < ordinal)
        j++;
    if (j > t->seek_next) {
        const uint32_t *e = t->seeks + 3 * (j - 1);
        uint32_t record = (uint32_t)j * TG_SEARCH_SEEK_EVERY;
        /* Records read so far: record is the next one or later. */
        if (record >= t->df - t->remaining) {
            t->ordinal = e[0];
            t->next = t->records + e[1];
            t->next_at = t->positions_start + e[2];
            t->remaining = t->df - record;
            step(t);
        }
        t->seek_next = j;
    }
    while (t->ordinal < ordinal)
        if (!step(t))
            return false;
    return true;
}

static bool decode_positions(struct qterm *t, const uint8_t *p, uint32_t tf)
{
    if (tf > t->decoded_cap) {
        uint32_t *d = realloc(t->decoded, tf * sizeof *d);
        if (!d)
            return false;
        t->decoded = d;
        t->decoded_cap = tf;
    }
    uint32_t position = 0;
    for (uint32_t i = 0; i < tf; i++)
        t->decoded[i] = position += tg_search_varint_get(&p);
    return true;
}

/* A word's positions in the current item, read one at a time from the postings. */
struct positions {
    const uint8_t *next;
    uint32_t left; /* positions after the current one */
    uint32_t at;   /* the current position */
};

static void positions_open(struct positions *s, const struct qterm *t)
{
    s->next = t->positions;
    s->left = t->tf - 1; /* a posting holds its term at least once */
    s->at = tg_search_varint_get(&s->next);
}

static bool positions_step(struct positions *s)
{
    if (!s->left)
        return false;
    s->left--;
    s->at += tg_search_varint_get(&s->next);
    return true;
}

/*
 * True when words [first, first + n) occur at consecutive positions, in order. Every list is
 * sorted and the positions asked of each only grow with the lead's, so each list is read once,
 * and only as far as the first place the words stand together: most candidates of a phrase hold
 * it early, and a frequent word's hundred positions are then mostly never decoded.
 */
static bool together(const struct query *q, size_t first, size_t n)
{
    struct positions s[TG_SEARCH_MAX_QUERY_WORDS];
    for (size_t j = 0; j < n; j++)
        positions_open(&s[j], &q->terms[q->words[first + j].term]);
    do {
        size_t j = 1;
        while (j < n) {
            uint32_t want = s[0].at + (uint32_t)j;
            while (s[j].at < want)
                if (!positions_step(&s[j]))
                    return false;
            if (s[j].at != want)
                break;
            j++;
        }
        if (j == n)
            return true;
    } while (positions_step(&s[0]));
    return false;
}

static bool groups_hold(const struct query *q)
{
    for (size_t i = 0, j; i < q->word_count; i = j) {
        for (j = i + 1; j < q->word_count && q->words[j].group == q->words[i].group; j++)
            ;
        if (j - i > 1 && !together(q, i, j - i))
            return false;
    }
    return true;
}

/* BM25 of the candidate's terms: the part of its score that needs no positions. */
static double bm25(const struct query *q, uint32_t ordinal)
{
    const struct tg_search_index *x = q->index;
    double norm = 1 - BM25_B + BM25_B * x->lengths[ordinal] / x->average_length;
    double s = 0;
    for (size_t i = 0; i < q->term_count; i++) {
        double tf = q->terms[i].tf;
        s += q->terms[i].idf * tf * (BM25_K1 + 1) / (tf + BM25_K1 * norm);
    }
    return s;
}

static double boost(const struct query *q, size_t i)
{
    return TG_SEARCH_ADJACENT_BOOST *
           (q->terms[q->words[i].term].idf + q->terms[q->words[i + 1].term].idf) / 2;
}

/* s plus the boost of every pair of neighbours standing together. Called once the groups hold,
 * so neighbours within a group stand together already. */
static double boosted(const struct query *q, double s)
{
    for (size_t i = 0; i + 1 < q->word_count; i++)
        if (q->words[i].group == q->words[i + 1].group || together(q, i, 2))
            s += boost(q, i);
    return s;
}

/* Ranks a candidate holding every term. */
static void consider(struct query *q, const struct tg_search_options *opt, uint32_t ordinal,
                     size_t *total, size_t *after)
{
    uint32_t item = q->index->items[ordinal];
    if ((opt->accept && !opt->accept(item, opt->accept_ctx)) || !groups_hold(q))
        return;
    ++*total;
    if (opt->matched)
        opt->matched(item, opt->accept_ctx);
    double s = bm25(q, ordinal);
    /* Once the page is full, a candidate that could not enter it even with every boost is spared
     * the position walks of its boosts (issue 10); the slack covers the rounding of summing the
     * boosts in another order. A later page compares with its cursor first, so it is not cut. */
    if (!opt->after && q->heap.count == q->heap.cap &&
        (s + q->max_boost) * (1 + 1e-9) < q->heap.entries[0].score) {
        ++*after;
        return;
    }
    struct tg_search_top hit = {boosted(q, s), item, 0};
    if (opt->after) {
        struct tg_search_top last = {opt->after->score, opt->after->item, 0};
        if (!tg_search_top_better(&last, &hit))
            return;
    }
    ++*after;
    if (!tg_search_heap_offer(&q->heap, &hit))
        return;
    for (size_t i = 0; i < q->term_count; i++) {
        q->kept_positions[hit.slot * q->term_count + i] = q->terms[i].positions;
        q->kept_tfs[hit.slot * q->term_count + i] = q->terms[i].tf;
    }
    q->kept_ordinals[hit.slot] = ordinal;
}

/* Walks the postings, rarest term first. */
static void run(struct query *q, const struct tg_search_options *opt, struct tg_search_result *r,
                size_t *after)
{
    const struct tg_search_index *x = q->index;
    size_t order[TG_SEARCH_MAX_QUERY_WORDS];
    for (size_t i = 0; i < q->term_count; i++) {
        struct qterm *t = &q->terms[i];
        double df = x->dfs[t->id];
        t->idf = log(1 + ((double)x->item_count - df + 0.5) / (df + 0.5));
        open_cursor(x, t);
        size_t j = i;
        for (; j > 0 && x->dfs[q->terms[order[j - 1]].id] > df; j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
    for (size_t i = 0; i + 1 < q->word_count; i++)
        q->max_boost += boost(q, i);
    struct qterm *driver = &q->terms[order[0]];
    for (size_t examined = 1;; examined++) {
        size_t i = 1;
        for (; i < q->term_count; i++) {
            struct qterm *t = &q->terms[order[i]];
            if (!seek(t, driver->ordinal))
                return;
            if (t->ordinal != driver->ordinal)
                break;
        }
        if (i == q->term_count)
            consider(q, opt, driver->ordinal, &r->total, after);
        if (!step(driver))
            return;
        if (examined == TG_SEARCH_MAX_CANDIDATES) {
            r->truncated = true;
            return;
        }
    }
}

static enum tg_status parse(struct query *q, const char *bytes, const struct tg_text_token *tokens,
                            size_t count)
{
    bool join = false, quoted = false;
    size_t group = 0;
    for (size_t i = 0; i < count; i++) {
        const struct tg_text_token *t = &tokens[i];
        const char *text = bytes + t->byte_start;
        size_t len = t->byte_end - t->byte_start;
        if (i > 0 && t->byte_start > tokens[i - 1].byte_end && !quoted)
            join = false;
        if (t->kind == TG_TEXT_PUNCT) {
            bool straight = len == 1 && text[0] == '"';
            bool open = len == 3 && memcmp(text, "\xE2\x80\x9C", 3) == 0;
            bool close = len == 3 && memcmp(text, "\xE2\x80\x9D", 3) == 0;
            if (straight || open || close) {
                quoted = straight ? !quoted : open;
                join = false;
            }
            continue;
        }
        if (q->word_count == TG_SEARCH_MAX_QUERY_WORDS)
            return TG_ERR_TOO_LARGE;
        if (len > 1 && text[len - 1] == '.')
            len--;
        size_t term = 0;
        while (term < q->term_count &&
               tg_search_compare_keys(q->terms[term].key, q->terms[term].len, text, len) != 0)
            term++;
        if (term == q->term_count)
            q->terms[q->term_count++] = (struct qterm){.key = text, .len = len};
        if (!join && q->word_count > 0)
            group++;
        q->words[q->word_count++] = (struct word){term, group};
        join = true;
    }
    return q->word_count ? TG_OK : TG_ERR_BAD_PARAMETER;
}

/*
 * Moves p from the span record of position *from to that of `position`, adding the gaps and
 * lengths it passes to *end. Nearly every record is two one-byte varints, so four records whose
 * eight bytes all lack the continuation bit are summed at once; those bytes belong to the four
 * records passed (each takes two bytes or more), so nothing past the table is read.
 */
static void walk_spans(const uint8_t **p, uint32_t *from, size_t *end, uint32_t position)
{
    const uint64_t high = 0x8080808080808080u, low = 0x00FF00FF00FF00FFu;
    while (position - *from >= 4) {
        uint64_t w;
        memcpy(&w, *p, sizeof w);
        if (w & high)
            break;
        /* Byte pairs to 16-bit lanes, then the four lanes summed into the top one. */
        uint64_t pairs = (w & low) + ((w >> 8) & low);
        *end += (size_t)((pairs * 0x0001000100010001u) >> 48);
        *p += 8;
        *from += 4;
    }
    while (*from < position) {
        *end += tg_search_varint_get(p);
        *end += tg_search_varint_get(p);
        ++*from;
    }
}

/* Turns the kept positions of heap slot `slot` into spans of the original text. */
static bool hit_spans(struct query *q, uint32_t slot, struct tg_search_span *spans, size_t *count)
{
    /* Each term's first TG_SEARCH_MAX_SPANS positions, merged in order without repeats, up to
     * TG_SEARCH_MAX_SPANS in all. */
    const uint32_t *lists[TG_SEARCH_MAX_QUERY_WORDS];
    uint32_t lens[TG_SEARCH_MAX_QUERY_WORDS], at[TG_SEARCH_MAX_QUERY_WORDS] = {0};
    for (size_t i = 0; i < q->term_count; i++) {
        struct qterm *t = &q->terms[i];
        uint32_t tf = q->kept_tfs[slot * q->term_count + i];
        lens[i] = tf < TG_SEARCH_MAX_SPANS ? tf : TG_SEARCH_MAX_SPANS;
        if (!decode_positions(t, q->kept_positions[slot * q->term_count + i], lens[i]))
            return false;
        lists[i] = t->decoded;
    }
    uint32_t positions[TG_SEARCH_MAX_SPANS];
    size_t unique = 0;
    while (unique < TG_SEARCH_MAX_SPANS) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < q->term_count; i++)
            if (at[i] < lens[i] && (best == SIZE_MAX || lists[i][at[i]] < lists[best][at[best]]))
                best = i;
        if (best == SIZE_MAX)
            break;
        uint32_t v = lists[best][at[best]++];
        if (unique == 0 || positions[unique - 1] != v)
            positions[unique++] = v;
    }
    const uint8_t *p = q->index->spans + q->index->span_offsets[q->kept_ordinals[slot]];
    size_t end = 0;
    uint32_t from = 0;
    for (size_t k = 0; k < unique; k++) {
        walk_spans(&p, &from, &end, positions[k]);
        size_t start = end + tg_search_varint_get(&p);
        end = start + tg_search_varint_get(&p);
        from++;
        spans[k] = (struct tg_search_span){start, end};
    }
    *count = unique;
    return true;
}

/* Copies the query's words into the result for the API's `tokens`. */
static enum tg_status copy_tokens(struct tg_search_result *r, const struct tg_text_norm *norm,
                                  const struct tg_text_token *tokens, size_t count)
{
    size_t bytes_len;
    const char *bytes = tg_text_norm_bytes(norm, &bytes_len);
    r->tokens = calloc(count + 1, sizeof *r->tokens);
    r->token_text = malloc(bytes_len + count + 1);
    if (!r->tokens || !r->token_text)
        return TG_ERR_NOMEM;
    char *text = r->token_text;
    struct tg_text_span span;
    for (size_t i = 0; tg_search_next_word(norm, tokens, count, &i, &span); i++) {
        const struct tg_text_token *t = &tokens[i];
        size_t len = t->byte_end - t->byte_start;
        memcpy(text, bytes + t->byte_start, len);
        text[len] = '\0';
        r->tokens[r->token_count++] =
            (struct tg_search_token){text, span.byte_start, span.byte_end};
        text += len + 1;
    }
    return TG_OK;
}

/* Looks the terms up and, when all exist, fills the page of hits. */
static enum tg_status search(struct query *q, const struct tg_search_options *opt, size_t limit,
                             struct tg_search_result *r)
{
    for (size_t i = 0; i < q->term_count; i++)
        if (!tg_search_find_term(q->index, q->terms[i].key, q->terms[i].len, &q->terms[i].id))
            return TG_OK;
    for (size_t i = 0; i < q->term_count; i++)
        if (!tg_search_term_sound(q->index, q->terms[i].id))
            return TG_ERR_DB_CORRUPT;
    q->heap = (struct tg_search_heap){calloc(limit, sizeof *q->heap.entries), 0, limit};
    q->kept_positions = calloc(limit * q->term_count, sizeof *q->kept_positions);
    q->kept_tfs = calloc(limit * q->term_count, sizeof *q->kept_tfs);
    q->kept_ordinals = calloc(limit, sizeof *q->kept_ordinals);
    if (!q->heap.entries || !q->kept_positions || !q->kept_tfs || !q->kept_ordinals)
        return TG_ERR_NOMEM;
    size_t after = 0;
    run(q, opt, r, &after);
    tg_search_heap_sort(&q->heap);
    r->more = after > q->heap.count;
    r->hits = calloc(q->heap.count + 1, sizeof *r->hits);
    /* Each hit fills the first span_count of its share. */
    r->spans = malloc((q->heap.count * TG_SEARCH_MAX_SPANS + 1) * sizeof *r->spans);
    if (!r->hits || !r->spans)
        return TG_ERR_NOMEM;
    for (size_t i = 0; i < q->heap.count; i++) {
        const struct tg_search_top *e = &q->heap.entries[i];
        struct tg_search_hit *h = &r->hits[i];
        *h = (struct tg_search_hit){e->key, e->score, r->spans + i * TG_SEARCH_MAX_SPANS, 0};
        if (!tg_search_item_sound(q->index, q->kept_ordinals[e->slot]))
            return TG_ERR_DB_CORRUPT;
        if (!hit_spans(q, e->slot, r->spans + i * TG_SEARCH_MAX_SPANS, &h->span_count))
            return TG_ERR_NOMEM;
        r->count++;
    }
    return TG_OK;
}

enum tg_status tg_search_query(const struct tg_search_index *index, struct tg_text_segmenter *seg,
                               const char *query, size_t len, const struct tg_search_options *opt,
                               struct tg_search_result **out)
{
    static const struct tg_search_options defaults = {0};
    if (!index || !seg || !out || (!query && len))
        return TG_ERR_INVALID_ARGUMENT;
    if (!opt)
        opt = &defaults;
    if (!query)
        query = "";
    enum tg_status st = tg_search_check_query(query, len);
    if (st != TG_OK)
        return st;
    if (opt->limit > TG_SEARCH_MAX_LIMIT)
        return TG_ERR_BAD_PARAMETER;
    size_t limit = opt->limit ? opt->limit : TG_SEARCH_DEFAULT_LIMIT;
    struct tg_text_norm *norm = NULL;
    if ((st = tg_text_normalise(query, len, &norm)) != TG_OK)
        return st;
    struct query *q = calloc(1, sizeof *q);
    struct tg_search_result *r = calloc(1, sizeof *r);
    const struct tg_text_token *tokens;
    size_t count, norm_len;
    const char *bytes = tg_text_norm_bytes(norm, &norm_len);
    if (!q || !r) {
        st = TG_ERR_NOMEM;
        goto done;
    }
    q->index = index;
    st = tg_text_segment(seg, bytes, norm_len, &tokens, &count);
    if (st == TG_OK)
        st = parse(q, bytes, tokens, count);
    if (st == TG_OK)
        st = copy_tokens(r, norm, tokens, count);
    if (st == TG_OK)
        st = search(q, opt, limit, r);
done:
    for (size_t i = 0; q && i < q->term_count; i++)
        free(q->terms[i].decoded);
    if (q) {
        free(q->heap.entries);
        free(q->kept_positions);
        free(q->kept_tfs);
        free(q->kept_ordinals);
    }
    free(q);
    tg_text_norm_free(norm);
    if (st != TG_OK) {
        tg_search_result_free(r);
        return st;
    }
    *out = r;
    return TG_OK;
}

size_t tg_search_result_total(const struct tg_search_result *r)
{
    return r->total;
}

bool tg_search_result_truncated(const struct tg_search_result *r)
{
    return r->truncated;
}

size_t tg_search_result_count(const struct tg_search_result *r)
{
    return r->count;
}

const struct tg_search_hit *tg_search_result_hit(const struct tg_search_result *r, size_t i)
{
    return i < r->count ? &r->hits[i] : NULL;
}

size_t tg_search_result_token_count(const struct tg_search_result *r)
{
    return r->token_count;
}

const struct tg_search_token *tg_search_result_token(const struct tg_search_result *r, size_t i)
{
    return i < r->token_count ? &r->tokens[i] : NULL;
}

bool tg_search_result_next(const struct tg_search_result *r, struct tg_search_cursor *next)
{
    if (!r->more || r->count == 0)
        return false;
    *next = (struct tg_search_cursor){r->hits[r->count - 1].score, r->hits[r->count - 1].item};
    return true;
}

void tg_search_result_free(struct tg_search_result *r)
{
    if (!r)
        return;
    free(r->hits);
    free(r->spans);
    free(r->tokens);
    free(r->token_text);
    free(r);
}
