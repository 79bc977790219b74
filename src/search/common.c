/*
 * What queries and suggestions share: the input checks, and the bounded heap both rank with (a
 * page of hits or of suggestions is small next to the matches, so keeping the best `cap` in a
 * min-heap costs O(matches log cap) and no sort of all).
 */
#include <string.h>

#include "search_internal.h"
#include "thaigraph/utf8.h"

int tg_search_compare_keys(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c)
        return c;
    return alen < blen ? -1 : alen > blen;
}

/* The term id of key, or false when no item has it. */
bool tg_search_find_term(const struct tg_search_index *x, const char *key, size_t len, size_t *id)
{
    size_t lo = 0, hi = x->term_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = x->keys + x->key_offsets[mid];
        int c =
            tg_search_compare_keys(k, x->key_offsets[mid + 1] - x->key_offsets[mid] - 1, key, len);
        if (c == 0) {
            *id = mid;
            return true;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

bool tg_search_seeks_fill(struct tg_search_index *x)
{
    for (size_t t = 0; t < x->term_count; t++) {
        uint32_t *e = x->seeks + 3 * x->seek_offsets[t];
        size_t entries = x->seek_offsets[t + 1] - x->seek_offsets[t];
        if (!entries)
            continue;
        if (x->posting_offsets[t + 1] - x->posting_offsets[t] > UINT32_MAX ||
            x->position_offsets[t + 1] - x->position_offsets[t] > UINT32_MAX)
            return false;
        const uint8_t *base = x->postings + x->posting_offsets[t], *p = base;
        uint32_t ordinal = 0, at = 0;
        for (uint32_t r = 0; r < x->dfs[t]; r++) {
            if (r > 0 && r % TG_SEARCH_SEEK_EVERY == 0) {
                e[0] = ordinal;
                e[1] = (uint32_t)(p - base);
                e[2] = at;
                e += 3;
            }
            ordinal += tg_search_varint_get(&p);
            (void)tg_search_varint_get(&p);
            at += tg_search_varint_get(&p);
        }
    }
    return true;
}

bool tg_search_next_word(const struct tg_text_norm *norm, const struct tg_text_token *tokens,
                         size_t count, size_t *i, struct tg_text_span *span)
{
    while (*i < count && tokens[*i].kind == TG_TEXT_PUNCT)
        ++*i;
    if (*i == count)
        return false;
    tg_text_norm_original_span(norm, tokens[*i].start, tokens[*i].end, span);
    return true;
}

enum tg_status tg_search_check_query(const char *text, size_t len)
{
    if (tg_utf8_validate(text, len, NULL) != TG_OK || tg_utf8_has_nul(text, len))
        return TG_ERR_INVALID_UTF8;
    if (tg_utf8_count(text, len) > TG_SEARCH_MAX_QUERY_CODEPOINTS)
        return TG_ERR_TOO_LARGE;
    return TG_OK;
}

bool tg_search_top_better(const struct tg_search_top *a, const struct tg_search_top *b)
{
    if (a->score != b->score)
        return a->score > b->score;
    return a->key < b->key;
}

static void swap(struct tg_search_top *a, struct tg_search_top *b)
{
    struct tg_search_top t = *a;
    *a = *b;
    *b = t;
}

static void sift_down(struct tg_search_top *e, size_t count, size_t i)
{
    for (;;) {
        size_t worst = i, l = 2 * i + 1, r = l + 1;
        if (l < count && tg_search_top_better(&e[worst], &e[l]))
            worst = l;
        if (r < count && tg_search_top_better(&e[worst], &e[r]))
            worst = r;
        if (worst == i)
            return;
        swap(&e[i], &e[worst]);
        i = worst;
    }
}

bool tg_search_heap_offer(struct tg_search_heap *h, struct tg_search_top *e)
{
    if (h->count < h->cap) {
        e->slot = (uint32_t)h->count;
        size_t i = h->count++;
        h->entries[i] = *e;
        while (i > 0 && tg_search_top_better(&h->entries[(i - 1) / 2], &h->entries[i])) {
            swap(&h->entries[(i - 1) / 2], &h->entries[i]);
            i = (i - 1) / 2;
        }
        return true;
    }
    if (h->cap == 0 || !tg_search_top_better(e, &h->entries[0]))
        return false;
    e->slot = h->entries[0].slot;
    h->entries[0] = *e;
    sift_down(h->entries, h->count, 0);
    return true;
}

void tg_search_heap_sort(struct tg_search_heap *h)
{
    /* Popping the worst to the back leaves the array best first. */
    for (size_t n = h->count; n > 1; n--) {
        swap(&h->entries[0], &h->entries[n - 1]);
        sift_down(h->entries, n - 1, 0);
    }
}

enum tg_status tg_search_segmenter_new(const char *const *abbreviations, size_t count,
                                       struct tg_text_segmenter **out)
{
    struct tg_text_segmenter *seg = NULL;
    enum tg_status status = tg_text_segmenter_new(TG_TEXT_FULL, &seg);
    for (size_t i = 0; status == TG_OK && i < count; i++) {
        status =
            tg_text_segmenter_add_abbreviation(seg, abbreviations[i], strlen(abbreviations[i]));
        /* Forms the segmenter cannot hold (too long) are read as ICU reads them, both in the
         * texts and in queries, so they still match. */
        if (status == TG_ERR_INVALID_ARGUMENT)
            status = TG_OK;
    }
    if (status != TG_OK) {
        tg_text_segmenter_free(seg);
        return status;
    }
    *out = seg;
    return TG_OK;
}
