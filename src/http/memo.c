/*
 * The response memo: shards of a chained hash table, each with its own least-recently-used list
 * and byte budget, so eviction is exact per shard and a lookup holds one shard's lock for one
 * copy.
 */
#include "thaigraph/memo.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/hash.h"

#define SHARDS  16u   /* a power of two */
#define BUCKETS 1024u /* per shard, a power of two */

struct entry {
    struct entry *chain; /* next in the bucket */
    struct entry *newer, *older;
    uint64_t hash;
    size_t key_len, len;
    char bytes[]; /* key, then value and a NUL */
};

struct shard {
    pthread_mutex_t lock;
    struct entry *buckets[BUCKETS];
    struct entry *newest, *oldest;
    size_t bytes, entries, budget;
};

struct tg_memo {
    struct shard shards[SHARDS];
};

static size_t entry_cost(size_t key_len, size_t len)
{
    return sizeof(struct entry) + key_len + len + 1;
}

enum tg_status tg_memo_new(size_t budget, struct tg_memo **out)
{
    struct tg_memo *memo = calloc(1, sizeof *memo);
    if (!memo)
        return TG_ERR_NOMEM;
    for (size_t i = 0; i < SHARDS; i++) {
        pthread_mutex_init(&memo->shards[i].lock, NULL);
        memo->shards[i].budget = budget / SHARDS;
    }
    *out = memo;
    return TG_OK;
}

void tg_memo_free(struct tg_memo *memo)
{
    if (!memo)
        return;
    for (size_t i = 0; i < SHARDS; i++) {
        struct shard *s = &memo->shards[i];
        for (struct entry *e = s->newest, *next; e; e = next) {
            next = e->older;
            free(e);
        }
        pthread_mutex_destroy(&s->lock);
    }
    free(memo);
}

static struct shard *shard_of(struct tg_memo *memo, uint64_t hash)
{
    return &memo->shards[(hash >> 56) & (SHARDS - 1)];
}

static struct entry **bucket_of(struct shard *s, uint64_t hash)
{
    return &s->buckets[hash & (BUCKETS - 1)];
}

static struct entry *find(struct shard *s, uint64_t hash, const char *key, size_t key_len)
{
    for (struct entry *e = *bucket_of(s, hash); e; e = e->chain) {
        if (e->hash == hash && e->key_len == key_len && memcmp(e->bytes, key, key_len) == 0)
            return e;
    }
    return NULL;
}

static void unlink_lru(struct shard *s, struct entry *e)
{
    if (e->newer)
        e->newer->older = e->older;
    else
        s->newest = e->older;
    if (e->older)
        e->older->newer = e->newer;
    else
        s->oldest = e->newer;
}

static void push_newest(struct shard *s, struct entry *e)
{
    e->newer = NULL;
    e->older = s->newest;
    if (s->newest)
        s->newest->newer = e;
    s->newest = e;
    if (!s->oldest)
        s->oldest = e;
}

static void evict_oldest(struct shard *s)
{
    struct entry *e = s->oldest;
    unlink_lru(s, e);
    struct entry **p = bucket_of(s, e->hash);
    while (*p != e)
        p = &(*p)->chain;
    *p = e->chain;
    s->bytes -= entry_cost(e->key_len, e->len);
    s->entries--;
    free(e);
}

bool tg_memo_get(struct tg_memo *memo, const char *key, size_t key_len, char **value, size_t *len)
{
    uint64_t hash = tg_hash_bytes(key, key_len);
    struct shard *s = shard_of(memo, hash);
    char *copy = NULL;
    pthread_mutex_lock(&s->lock);
    struct entry *e = find(s, hash, key, key_len);
    if (e && (copy = malloc(e->len + 1))) {
        memcpy(copy, e->bytes + e->key_len, e->len + 1);
        *len = e->len;
        unlink_lru(s, e);
        push_newest(s, e);
    }
    pthread_mutex_unlock(&s->lock);
    *value = copy;
    return copy != NULL;
}

void tg_memo_put(struct tg_memo *memo, const char *key, size_t key_len, const char *value,
                 size_t len)
{
    uint64_t hash = tg_hash_bytes(key, key_len);
    struct shard *s = shard_of(memo, hash);
    size_t cost = entry_cost(key_len, len);
    if (len > TG_MEMO_MAX_VALUE || cost > s->budget)
        return;
    /* Built outside the lock; thrown away when another thread remembered the key first. */
    struct entry *e = malloc(cost);
    if (!e)
        return;
    e->hash = hash;
    e->key_len = key_len;
    e->len = len;
    memcpy(e->bytes, key, key_len);
    memcpy(e->bytes + key_len, value, len);
    e->bytes[key_len + len] = '\0';
    pthread_mutex_lock(&s->lock);
    if (find(s, hash, key, key_len)) {
        pthread_mutex_unlock(&s->lock);
        free(e);
        return;
    }
    while (s->oldest && s->bytes + cost > s->budget)
        evict_oldest(s);
    struct entry **bucket = bucket_of(s, hash);
    e->chain = *bucket;
    *bucket = e;
    push_newest(s, e);
    s->bytes += cost;
    s->entries++;
    pthread_mutex_unlock(&s->lock);
}

static size_t total(struct tg_memo *memo, bool bytes)
{
    size_t sum = 0;
    for (size_t i = 0; i < SHARDS; i++) {
        struct shard *s = &memo->shards[i];
        pthread_mutex_lock(&s->lock);
        sum += bytes ? s->bytes : s->entries;
        pthread_mutex_unlock(&s->lock);
    }
    return sum;
}

size_t tg_memo_bytes(struct tg_memo *memo)
{
    return total(memo, true);
}

size_t tg_memo_entries(struct tg_memo *memo)
{
    return total(memo, false);
}
