#include "thaigraph/grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *tg_grow(void *array, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return array;
    size_t grown = *cap ? *cap : 8;
    while (grown < need) {
        if (grown > SIZE_MAX / 2)
            return NULL;
        grown *= 2;
    }
    if (size && grown > SIZE_MAX / size)
        return NULL;
    char *moved = realloc(array, grown * size);
    if (!moved)
        return NULL;
    memset(moved + *cap * size, 0, (grown - *cap) * size);
    *cap = grown;
    return moved;
}
