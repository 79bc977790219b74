#include "thaigraph/snapshot.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

/* A graph some long-lived response retains; retired once a swap has replaced it. */
struct retained {
    const struct tg_graph *graph;
    size_t refs;
    bool retired;
};

struct tg_snapshot_holder {
    _Atomic(struct tg_graph *) current;
    atomic_uint epoch;
    atomic_size_t readers[2];
    /* Retaining is rare (exports), so a mutex and a short array serve it; readers with tickets
     * never touch them. */
    pthread_mutex_t lock;
    struct retained *retained;
    size_t retained_count, retained_cap;
};

enum tg_status tg_snapshot_holder_new(struct tg_graph *initial, struct tg_snapshot_holder **out)
{
    struct tg_snapshot_holder *holder = calloc(1, sizeof *holder);
    if (!holder)
        return TG_ERR_NOMEM;
    atomic_init(&holder->current, initial);
    atomic_init(&holder->epoch, 0);
    atomic_init(&holder->readers[0], 0);
    atomic_init(&holder->readers[1], 0);
    pthread_mutex_init(&holder->lock, NULL);
    *out = holder;
    return TG_OK;
}

void tg_snapshot_holder_free(struct tg_snapshot_holder *holder)
{
    if (!holder)
        return;
    tg_graph_free(atomic_load(&holder->current));
    pthread_mutex_destroy(&holder->lock);
    free(holder->retained);
    free(holder);
}

const struct tg_graph *tg_snapshot_acquire(struct tg_snapshot_holder *holder,
                                           struct tg_snapshot_ticket *ticket)
{
    /* Sequentially consistent throughout: the argument in snapshot.h relies on one total
     * order of the epoch flips, the counter updates and the pointer exchanges. The epoch is
     * read again after counting in: a reader that raced a flip retries, so every reader that
     * can still see a graph is counted in the slot its swap waits on. */
    for (;;) {
        unsigned epoch = atomic_load(&holder->epoch);
        ticket->epoch_slot = epoch & 1u;
        atomic_fetch_add(&holder->readers[ticket->epoch_slot], 1);
        if (atomic_load(&holder->epoch) == epoch)
            return atomic_load(&holder->current);
        atomic_fetch_sub(&holder->readers[ticket->epoch_slot], 1);
    }
}

void tg_snapshot_release(struct tg_snapshot_holder *holder, const struct tg_snapshot_ticket *ticket)
{
    atomic_fetch_sub(&holder->readers[ticket->epoch_slot], 1);
}

/* The entry of a retained graph, or NULL; the lock is held. */
static struct retained *find_retained(struct tg_snapshot_holder *holder,
                                      const struct tg_graph *graph)
{
    for (size_t i = 0; i < holder->retained_count; i++) {
        if (holder->retained[i].graph == graph)
            return &holder->retained[i];
    }
    return NULL;
}

/* Counted before the ticket is given back, so a swap that has just replaced the graph sees
 * the reference when it stops waiting for readers, and retires the graph instead of freeing. */
const struct tg_graph *tg_snapshot_retain(struct tg_snapshot_holder *holder)
{
    struct tg_snapshot_ticket ticket;
    const struct tg_graph *graph = tg_snapshot_acquire(holder, &ticket);
    pthread_mutex_lock(&holder->lock);
    struct retained *entry = find_retained(holder, graph);
    if (!entry && holder->retained_count == holder->retained_cap) {
        size_t cap = holder->retained_cap ? holder->retained_cap * 2 : 4;
        struct retained *grown = realloc(holder->retained, cap * sizeof *grown);
        if (grown) {
            holder->retained = grown;
            holder->retained_cap = cap;
        }
    }
    if (!entry && holder->retained_count < holder->retained_cap) {
        entry = &holder->retained[holder->retained_count++];
        *entry = (struct retained){graph, 0, false};
    }
    if (entry)
        entry->refs++;
    pthread_mutex_unlock(&holder->lock);
    tg_snapshot_release(holder, &ticket);
    return entry ? graph : NULL;
}

void tg_snapshot_drop(struct tg_snapshot_holder *holder, const struct tg_graph *graph)
{
    bool free_it = false;
    pthread_mutex_lock(&holder->lock);
    struct retained *entry = find_retained(holder, graph);
    if (entry && --entry->refs == 0) {
        free_it = entry->retired;
        *entry = holder->retained[--holder->retained_count];
    }
    pthread_mutex_unlock(&holder->lock);
    if (free_it)
        tg_graph_free((struct tg_graph *)graph);
}

void tg_snapshot_swap(struct tg_snapshot_holder *holder, struct tg_graph *next)
{
    struct tg_graph *old = atomic_exchange(&holder->current, next);
    unsigned old_slot = atomic_fetch_add(&holder->epoch, 1) & 1u;
    while (atomic_load(&holder->readers[old_slot]) != 0)
        sched_yield();
    pthread_mutex_lock(&holder->lock);
    struct retained *entry = find_retained(holder, old);
    if (entry)
        entry->retired = true;
    pthread_mutex_unlock(&holder->lock);
    if (!entry)
        tg_graph_free(old);
}
