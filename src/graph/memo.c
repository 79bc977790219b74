/*
 * The memo of a snapshot: an open-addressing table whose slots only ever go from empty to
 * holding an entry, by compare-and-swap, so lookups are plain atomic loads and no entry is
 * ever freed before the snapshot is.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "thaigraph/hash.h"

#define MEMO_SLOTS  16384u /* a power of two */
#define MEMO_PROBES 16

struct memo_entry {
    uint64_t hash;
    size_t len;
    char *key;
    char value[];
};

struct graph_memo {
    _Atomic(struct memo_entry *) slots[MEMO_SLOTS];
    atomic_size_t bytes;
};

struct graph_memo *graph_memo_new(void)
{
    struct graph_memo *memo = calloc(1, sizeof *memo);
    for (size_t i = 0; memo && i < MEMO_SLOTS; i++)
        atomic_init(&memo->slots[i], NULL);
    if (memo)
        atomic_init(&memo->bytes, 0);
    return memo;
}

void graph_memo_free(struct graph_memo *memo)
{
    for (size_t i = 0; memo && i < MEMO_SLOTS; i++) {
        struct memo_entry *e = atomic_load(&memo->slots[i]);
        if (e)
            free(e->key);
        free(e);
    }
    free(memo);
}

bool tg_graph_memo_get(const struct tg_graph *g, const char *key, const char **value, size_t *len)
{
    uint64_t h = tg_hash_bytes(key, strlen(key));
    for (unsigned probe = 0; g->memo && probe < MEMO_PROBES; probe++) {
        struct memo_entry *e = atomic_load(&g->memo->slots[(h + probe) & (MEMO_SLOTS - 1)]);
        if (!e)
            return false;
        if (e->hash == h && strcmp(e->key, key) == 0) {
            *value = e->value;
            *len = e->len;
            return true;
        }
    }
    return false;
}

void tg_graph_memo_put(const struct tg_graph *g, const char *key, const char *value, size_t len)
{
    struct graph_memo *memo = g->memo;
    if (!memo || len > TG_GRAPH_MEMO_MAX_VALUE)
        return;
    size_t cost = sizeof(struct memo_entry) + len + strlen(key) + 2;
    if (atomic_fetch_add(&memo->bytes, cost) + cost > TG_GRAPH_MEMO_BYTES) {
        atomic_fetch_sub(&memo->bytes, cost);
        return;
    }
    struct memo_entry *entry = malloc(sizeof *entry + len + 1);
    char *key_copy = strdup(key);
    if (!entry || !key_copy)
        goto unused;
    entry->hash = tg_hash_bytes(key, strlen(key));
    entry->len = len;
    entry->key = key_copy;
    memcpy(entry->value, value, len);
    entry->value[len] = '\0';
    for (unsigned probe = 0; probe < MEMO_PROBES; probe++) {
        struct memo_entry *expected = NULL;
        _Atomic(struct memo_entry *) *slot = &memo->slots[(entry->hash + probe) & (MEMO_SLOTS - 1)];
        if (atomic_compare_exchange_strong(slot, &expected, entry))
            return;
        /* Another thread remembered the same key first: keep theirs. */
        if (expected->hash == entry->hash && strcmp(expected->key, key) == 0)
            break;
    }
unused:
    atomic_fetch_sub(&memo->bytes, cost);
    free(key_copy);
    free(entry);
}
