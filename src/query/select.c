/* Ordered pages of any list: one pass keeping the first limit + 1 items after the cursor. */
#include <stdlib.h>
#include <string.h>

#include "thaigraph/query.h"

/* Where item goes among the sorted kept[0..count): the first position it sorts before. */
static size_t insertion_point(const struct tg_query_list *list, const void **kept, size_t count,
                              const void *item)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (list->compare(kept[mid], item, list->ctx) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

enum tg_status tg_query_select(const struct tg_query_list *list, const void *after, size_t limit,
                               const void **page, size_t *page_count, size_t *total, bool *more)
{
    *page_count = 0;
    *total = 0;
    *more = false;
    if (limit == 0 || limit > TG_QUERY_MAX_PAGE)
        return TG_ERR_INVALID_ARGUMENT;
    /* One more than the page, to know whether another page follows. */
    size_t cap = limit + 1, kept_count = 0;
    const void **kept = malloc(cap * sizeof *kept);
    if (!kept)
        return TG_ERR_NOMEM;
    for (size_t i = 0; i < list->count; i++) {
        const void *item = list->at(list->source, i);
        if (!item || (list->accept && !list->accept(item, list->ctx)))
            continue;
        if (list->visit)
            list->visit(item, list->ctx);
        ++*total;
        if (after && list->compare(item, after, list->ctx) <= 0)
            continue;
        if (kept_count == cap && list->compare(item, kept[cap - 1], list->ctx) >= 0)
            continue;
        size_t at = insertion_point(list, kept, kept_count, item);
        size_t moved = (kept_count == cap ? cap - 1 : kept_count) - at;
        memmove(&kept[at + 1], &kept[at], moved * sizeof *kept);
        kept[at] = item;
        if (kept_count < cap)
            kept_count++;
    }
    *more = kept_count > limit;
    *page_count = *more ? limit : kept_count;
    memcpy(page, kept, *page_count * sizeof *page);
    free(kept);
    return TG_OK;
}

int tg_query_compare_dates(const char *a, const char *b)
{
    if (!a != !b)
        return a ? -1 : 1;
    return a ? strcmp(a, b) : 0;
}
