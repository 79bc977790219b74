#include "thaigraph/hash.h"

uint64_t tg_hash_update(uint64_t state, const void *bytes, size_t len)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < len; i++) {
        state ^= p[i];
        state *= 0x100000001b3ULL;
    }
    return state;
}

uint64_t tg_hash_bytes(const void *bytes, size_t len)
{
    return tg_hash_update(TG_HASH_SEED, bytes, len);
}
