/*
 * memo: thaigraphd's response memo, a bounded cache of rendered bodies keyed by byte strings.
 *
 * Any client can make the daemon render (and so offer to remember) a response for every URL it
 * invents, so the memo must stay useful under a stream of one-off keys: it holds at most
 * TG_MEMO_BYTES in all (keys, values and bookkeeping), values up to TG_MEMO_MAX_VALUE, and past
 * that evicts the least recently used entries. It is split into shards, each behind its own
 * mutex, so request threads rarely wait on each other.
 *
 * Keys are whatever the caller makes them; the daemon puts the snapshot's fingerprint and the
 * canonical form of the request in them, so entries of an older snapshot are never served and
 * simply age out.
 *
 * Memory: tg_memo_put copies key and value; tg_memo_get hands back a malloc'd copy of the
 * value that the caller frees, because an entry may be evicted as soon as the lock is released.
 */
#ifndef THAIGRAPH_MEMO_H
#define THAIGRAPH_MEMO_H

#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/status.h"

#define TG_MEMO_BYTES     (64u * 1024u * 1024u)
#define TG_MEMO_MAX_VALUE (256u * 1024u)

struct tg_memo;

/* A memo holding at most budget bytes (TG_MEMO_BYTES for the daemon's). */
enum tg_status tg_memo_new(size_t budget, struct tg_memo **out);

/* Frees every entry and the memo; no other thread may be using it. NULL is a no-op. */
void tg_memo_free(struct tg_memo *memo);

/* A copy of the value remembered under key (NUL-terminated after len bytes), or false. */
bool tg_memo_get(struct tg_memo *memo, const char *key, size_t key_len, char **value, size_t *len);

/* Remembers value under key; a key already present keeps its first value. Values over
 * TG_MEMO_MAX_VALUE, and anything when memory runs out, are not remembered. */
void tg_memo_put(struct tg_memo *memo, const char *key, size_t key_len, const char *value,
                 size_t len);

/* Bytes and entries held now, for tests and /metrics. */
size_t tg_memo_bytes(struct tg_memo *memo);
size_t tg_memo_entries(struct tg_memo *memo);

#endif
