#include "thaigraph/hash.h"

uint64_t tg_hash_bytes(const void *bytes, size_t len)
{
    return tg_hash_update(TG_HASH_SEED, bytes, len);
}
