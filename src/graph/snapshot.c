#include "thaigraph/snapshot.h"

#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

struct tg_snapshot_holder {
    _Atomic(struct tg_graph *) current;
    atomic_uint epoch;
    atomic_size_t readers[2];
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
    *out = holder;
    return TG_OK;
}

void tg_snapshot_holder_free(struct tg_snapshot_holder *holder)
{
    if (!holder)
        return;
    tg_graph_free(atomic_load(&holder->current));
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

void tg_snapshot_swap(struct tg_snapshot_holder *holder, struct tg_graph *next)
{
    struct tg_graph *old = atomic_exchange(&holder->current, next);
    unsigned old_slot = atomic_fetch_add(&holder->epoch, 1) & 1u;
    while (atomic_load(&holder->readers[old_slot]) != 0)
        sched_yield();
    tg_graph_free(old);
}
