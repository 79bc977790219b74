/*
 * hash: the one non-cryptographic hash thaigraph uses for ids, ETags and hash tables.
 *
 * Entity and snapshot ids must stay the same across builds and machines (API.md: ids are stable
 * across re-ingesting the same corpus), so this is a fixed, documented function (64-bit FNV-1a)
 * rather than a seeded table hash.
 */
#ifndef THAIGRAPH_HASH_H
#define THAIGRAPH_HASH_H

#include <stddef.h>
#include <stdint.h>

#define TG_HASH_SEED 0xcbf29ce484222325ULL

/* Continues a hash over more bytes; start with TG_HASH_SEED. Inline because the tagger hashes
 * a few bytes at a time, dozens of times per token, and the call cost more than the hashing
 * (issue 10). */
static inline uint64_t tg_hash_update(uint64_t state, const void *bytes, size_t len)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < len; i++) {
        state ^= p[i];
        state *= 0x100000001b3ULL;
    }
    return state;
}

/* Hash of one byte string. */
uint64_t tg_hash_bytes(const void *bytes, size_t len);

#endif
