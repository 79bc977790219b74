/*
 * Which strings are document ids. Apart from the rest of ingest because the daemon checks the
 * ids in its URLs with the same rule and links nothing else of ingest.
 */
#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/ingest.h"

bool tg_ingest_id_is_valid(const char *id, size_t n)
{
    if (n == 0 || n > TG_INGEST_MAX_ID_BYTES)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}
