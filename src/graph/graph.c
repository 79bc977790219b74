#include "thaigraph/graph.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "graph_internal.h"

/*
 * Every record a snapshot holds lives in one arena, so loading makes a handful of allocations and
 * freeing is one call per block, whatever the corpus size.
 *
 * Blocks are mapped rather than malloc'd so that freeing a snapshot gives its memory back at
 * once. glibc raises its mmap threshold to the size of a freed mapped chunk, so after the first
 * reload it served 4 MiB blocks from its heap, which it does not return: measured at part-00,
 * RssAnon went 18 -> 37 MiB after some of five reloads in a row, the old snapshot's records
 * still resident beside the new one's. Fresh mappings are zeroed, which graph_alloc promises.
 */
struct arena_block {
    struct arena_block *next;
    size_t used;
    size_t size;
    _Alignas(max_align_t) char bytes[];
};

#define ARENA_BLOCK_BYTES (4u * 1024u * 1024u)

void *graph_alloc(struct tg_graph *g, size_t bytes)
{
    const size_t align = _Alignof(max_align_t);
    size_t need = (bytes + align - 1) / align * align;
    struct arena_block *block = g->arena;
    if (!block || block->size - block->used < need) {
        size_t size = need > ARENA_BLOCK_BYTES ? need : ARENA_BLOCK_BYTES;
        block = mmap(NULL, sizeof *block + size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (block == MAP_FAILED)
            return NULL;
        block->next = g->arena;
        block->used = 0;
        block->size = size;
        g->arena = block;
    }
    void *p = block->bytes + block->used;
    block->used += need;
    return p;
}

const char *graph_strndup(struct tg_graph *g, const char *s, size_t len)
{
    char *copy = graph_alloc(g, len + 1);
    if (copy)
        memcpy(copy, s, len);
    return copy;
}

const char *graph_strdup_optional(struct tg_graph *g, const char *s, bool *ok)
{
    if (!s)
        return NULL;
    const char *copy = graph_strndup(g, s, strlen(s));
    *ok = *ok && copy != NULL;
    return copy;
}

struct tg_graph *graph_new(void)
{
    return calloc(1, sizeof(struct tg_graph));
}

void tg_graph_free(struct tg_graph *g)
{
    if (!g)
        return;
    tg_search_index_free(g->search.documents);
    tg_search_index_free(g->search.things);
    tg_search_index_free(g->search.names);
    struct arena_block *block = g->arena;
    while (block) {
        struct arena_block *next = block->next;
        munmap(block, sizeof *block + block->size);
        block = next;
    }
    if (g->map)
        munmap(g->map, g->map_bytes);
    free(g);
}

void tg_graph_drop_pages(const struct tg_graph *g)
{
    /* A read-only shared file mapping: MADV_DONTNEED only unmaps, the file keeps the data. */
    if (g && g->map)
        madvise(g->map, g->map_bytes, MADV_DONTNEED);
}

void tg_graph_map_search(const struct tg_graph *g)
{
    if (!g || !g->map)
        return;
    tg_search_index_map(g->search.documents);
    tg_search_index_map(g->search.things);
    tg_search_index_map(g->search.names);
}

bool tg_graph_check_search(const struct tg_graph *g)
{
    if (!g || !g->map)
        return true;
    /* Each is checked even when one before it failed, so every damaged index is logged. */
    bool documents = tg_search_index_sound(g->search.documents);
    bool things = tg_search_index_sound(g->search.things);
    bool names = tg_search_index_sound(g->search.names);
    return documents && things && names;
}

void graph_thing(const struct tg_graph *g, size_t t, const struct tg_graph_entity **entity,
                 const struct tg_graph_event **event)
{
    *entity = t < g->entity_count ? &g->entities[t] : NULL;
    *event = t < g->entity_count ? NULL : &g->events[t - g->entity_count];
}

uint64_t tg_graph_generation(const struct tg_graph *g)
{
    return g->generation;
}

const char *tg_graph_words(const struct tg_graph *g)
{
    return g->words;
}

const char *tg_graph_fingerprint(const struct tg_graph *g)
{
    return g->fingerprint;
}

time_t tg_graph_loaded_at(const struct tg_graph *g)
{
    return g->loaded_at;
}

size_t tg_graph_document_count(const struct tg_graph *g)
{
    return g->document_count;
}

const struct tg_graph_document *tg_graph_document_at(const struct tg_graph *g, size_t index)
{
    return index < g->document_count ? &g->documents[index] : NULL;
}

/* Index of the first document whose id sorts after id (or at it, when inclusive). */
static size_t lower_bound(const struct tg_graph *g, const char *id, bool inclusive)
{
    size_t lo = 0, hi = g->document_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(g->documents[mid].id, id);
        if (cmp < 0 || (!inclusive && cmp == 0))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

struct tg_graph_document *graph_document(const struct tg_graph *g, const char *id)
{
    size_t i = lower_bound(g, id, true);
    return i < g->document_count && strcmp(g->documents[i].id, id) == 0 ? &g->documents[i] : NULL;
}

const struct tg_graph_document *tg_graph_document_find(const struct tg_graph *g, const char *id)
{
    return graph_document(g, id);
}

bool tg_graph_date_in_range(const char *date, const char *from, const char *to)
{
    if (!from && !to)
        return true;
    if (!date)
        return false;
    if (from && strcmp(date, from) < 0 && strncmp(date, from, strlen(date)) != 0)
        return false;
    return !to || strncmp(date, to, strlen(to)) <= 0;
}

static bool matches(const struct tg_graph_document *doc, const struct tg_graph_document_filter *f)
{
    if (f->source && (!doc->source || strcasecmp(doc->source, f->source) != 0))
        return false;
    return tg_graph_date_in_range(doc->published, f->from, f->to);
}

void tg_graph_document_page(const struct tg_graph *g, const struct tg_graph_document_filter *filter,
                            const char *after, size_t limit, size_t *page, size_t *page_count,
                            size_t *total, bool *more)
{
    size_t start = after ? lower_bound(g, after, false) : 0;
    *page_count = 0;
    *total = 0;
    *more = false;
    for (size_t i = 0; i < g->document_count; i++) {
        if (!matches(&g->documents[i], filter))
            continue;
        (*total)++;
        if (i < start)
            continue;
        if (*page_count < limit)
            page[(*page_count)++] = i;
        else
            *more = true;
    }
}
