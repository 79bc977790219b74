/*
 * snapshot: hands the current graph to request threads without locks and swaps in a reloaded
 * one without stopping them.
 *
 * Readers announce themselves in one of two counters chosen by the current epoch, then read the
 * graph pointer. A swap publishes the new graph, flips the epoch and waits only for readers
 * counted under the old epoch; those are the only ones that can still hold the old graph, and
 * no new reader can join them, so the wait is bounded by the longest request in flight. Swaps
 * must come from one thread at a time (thaigraphd's signal thread).
 *
 * A ticket is for the length of one request; a response that outlives its handler (a streamed
 * export, read by a client at its own pace) retains the graph instead. A retained graph does not
 * hold up swaps: the swap that replaces it leaves it to the last tg_snapshot_drop to free.
 *
 * Memory: the holder owns every graph handed to it and frees the old one after a swap (or, when
 * retained, at its last drop) and the last one in tg_snapshot_holder_free.
 */
#ifndef THAIGRAPH_SNAPSHOT_H
#define THAIGRAPH_SNAPSHOT_H

#include "thaigraph/graph.h"

struct tg_snapshot_holder;

/* A reader's pass; give it back with tg_snapshot_release. */
struct tg_snapshot_ticket {
    unsigned epoch_slot;
};

enum tg_status tg_snapshot_holder_new(struct tg_graph *initial, struct tg_snapshot_holder **out);

/* Frees the holder and its graph; no reader may be active and no graph retained. NULL is a
 * no-op. */
void tg_snapshot_holder_free(struct tg_snapshot_holder *holder);

/* The current graph, valid until the matching release. */
const struct tg_graph *tg_snapshot_acquire(struct tg_snapshot_holder *holder,
                                           struct tg_snapshot_ticket *ticket);

void tg_snapshot_release(struct tg_snapshot_holder *holder,
                         const struct tg_snapshot_ticket *ticket);

/* The current graph, valid until the matching tg_snapshot_drop (from any thread); NULL when out
 * of memory. */
const struct tg_graph *tg_snapshot_retain(struct tg_snapshot_holder *holder);

void tg_snapshot_drop(struct tg_snapshot_holder *holder, const struct tg_graph *graph);

/* Makes next current, waits until no reader holds the previous graph, then frees it (or leaves
 * it to its last drop while it is retained). */
void tg_snapshot_swap(struct tg_snapshot_holder *holder, struct tg_graph *next);

#endif
