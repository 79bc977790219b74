/*
 * grow: room in a growable array, the one way every module makes it.
 *
 * tg_grow returns array with room for at least `need` elements of `size` bytes: the same
 * pointer when *cap already holds them, else the array reallocated to a doubled capacity (so n
 * appends cost O(n) copies) with *cap updated and the new elements zeroed. It returns NULL when
 * memory runs out or need * size would overflow; array and *cap are then untouched and the
 * caller still owns array. array may be NULL with *cap 0. The caller frees the array with free().
 */
#ifndef THAIGRAPH_GROW_H
#define THAIGRAPH_GROW_H

#include <stddef.h>

void *tg_grow(void *array, size_t *cap, size_t need, size_t size);

#endif
