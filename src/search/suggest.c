/*
 * Prefix completion over an index built with names: the names sorted once at build time make
 * every completion a binary search for the first name at or after the prefix and a scan over
 * the names that share it, weighed with the same bounded heap as search hits.
 */
#include <stdlib.h>
#include <string.h>

#include "search_internal.h"

static const char *name_of(const struct tg_search_index *x, size_t rank)
{
    return x->names + x->name_offsets[x->name_order[rank]];
}

static size_t lower_bound(const struct tg_search_index *x, const char *prefix, size_t len)
{
    size_t lo = 0, hi = x->item_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *name = name_of(x, mid);
        size_t n = strlen(name);
        int c = memcmp(name, prefix, n < len ? n : len);
        if (c < 0 || (c == 0 && n < len))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static enum tg_status complete(const struct tg_search_index *x, const char *prefix, size_t len,
                               size_t limit, uint32_t *items, size_t *count)
{
    struct tg_search_heap heap = {calloc(limit, sizeof *heap.entries), 0, limit};
    if (!heap.entries)
        return TG_ERR_NOMEM;
    for (size_t rank = lower_bound(x, prefix, len);
         rank < x->item_count && strncmp(name_of(x, rank), prefix, len) == 0; rank++) {
        /* The rank in name order breaks weight ties by name, then by the order items came. */
        struct tg_search_top e = {x->weights[x->name_order[rank]], (uint32_t)rank, 0};
        tg_search_heap_offer(&heap, &e);
    }
    tg_search_heap_sort(&heap);
    for (size_t i = 0; i < heap.count; i++)
        items[i] = x->items[x->name_order[heap.entries[i].key]];
    *count = heap.count;
    free(heap.entries);
    return TG_OK;
}

enum tg_status tg_search_suggest(const struct tg_search_index *index, const char *prefix,
                                 size_t len, size_t limit, uint32_t *items, size_t *count)
{
    if (!index || !items || !count || (!prefix && len))
        return TG_ERR_INVALID_ARGUMENT;
    if (!index->names)
        return TG_ERR_INVALID_ARGUMENT;
    if (limit == 0 || limit > TG_SEARCH_MAX_LIMIT)
        return TG_ERR_BAD_PARAMETER;
    if (!prefix)
        prefix = "";
    struct tg_text_norm *norm;
    enum tg_status st = tg_search_check_query(prefix, len);
    if (st == TG_OK)
        st = tg_text_normalise(prefix, len, &norm);
    if (st != TG_OK)
        return st;
    size_t norm_len;
    const char *bytes = tg_text_norm_bytes(norm, &norm_len);
    st = norm_len ? complete(index, bytes, norm_len, limit, items, count) : TG_ERR_BAD_PARAMETER;
    tg_text_norm_free(norm);
    return st;
}
