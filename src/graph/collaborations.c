/*
 * Collaborations: which organisations act together in an event. Only parties count (roles that
 * tg_extract_role_collaborates accepts), and never an organisation with its own parent or child
 * unit, so a list of attendees or a ministry's notice to its department gives no pair.
 */
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "thaigraph/extract.h"

/* An organisation's units nest a few levels at most; the bound keeps a cycle in bad claims from
 * looping. */
#define MAX_ANCESTRY 8

int graph_role_rank(const char *role)
{
    enum tg_extract_role r;
    return tg_extract_role_from_name(role, &r) ? tg_extract_role_rank(r) : -1;
}

static bool collaborating_role(const char *role)
{
    enum tg_extract_role r;
    return tg_extract_role_from_name(role, &r) && tg_extract_role_collaborates(r);
}

static bool ancestor_or_self(const struct tg_graph_entity *a, const struct tg_graph_entity *b)
{
    for (int depth = 0; b && depth < MAX_ANCESTRY; depth++, b = b->parent)
        if (a == b)
            return true;
    return false;
}

static const struct tg_graph_participant *party(const struct tg_graph_event *ev,
                                                const struct tg_graph_entity *e)
{
    for (size_t i = 0; i < ev->participant_count; i++)
        if (ev->participants[i].entity == e)
            return collaborating_role(ev->participants[i].role) ? &ev->participants[i] : NULL;
    return NULL;
}

bool tg_graph_collaborates(const struct tg_graph_event *ev, const struct tg_graph_entity *a,
                           const struct tg_graph_entity *b)
{
    return a != b && a->type == TG_GRAPH_ORGANISATION && b->type == TG_GRAPH_ORGANISATION &&
           party(ev, a) && party(ev, b) && !ancestor_or_self(a, b) && !ancestor_or_self(b, a);
}

bool graph_event_is_collaboration(const struct tg_graph_event *ev)
{
    for (size_t i = 0; i < ev->participant_count; i++)
        for (size_t k = i + 1; k < ev->participant_count; k++)
            if (tg_graph_collaborates(ev, ev->participants[i].entity, ev->participants[k].entity))
                return true;
    return false;
}

void tg_graph_collaboration(const struct tg_graph_entity *a, const struct tg_graph_entity *b,
                            const struct tg_graph_event **events, size_t cap, size_t *count)
{
    *count = 0;
    for (size_t i = 0; i < a->event_count; i++) {
        const struct tg_graph_event *ev = a->events[i];
        if (!ev->collaboration || !tg_graph_collaborates(ev, a, b))
            continue;
        if (*count < cap)
            events[*count] = ev;
        (*count)++;
    }
}

static int compare_partners(const void *x, const void *y)
{
    const struct tg_graph_partner *a = x, *b = y;
    if (a->event_count != b->event_count)
        return a->event_count < b->event_count ? 1 : -1;
    return strcmp(a->organisation->id, b->organisation->id);
}

enum tg_status tg_graph_partners(const struct tg_graph_entity *a,
                                 struct tg_graph_partner **partners, size_t *count)
{
    size_t cap = 0;
    for (size_t i = 0; i < a->event_count; i++)
        cap += a->events[i]->participant_count;
    struct tg_graph_partner *list = calloc(cap ? cap : 1, sizeof *list);
    if (!list)
        return TG_ERR_NOMEM;
    size_t n = 0;
    /* a's events are oldest first, so the first sighting is the first event. */
    for (size_t i = 0; i < a->event_count; i++) {
        const struct tg_graph_event *ev = a->events[i];
        for (size_t k = 0; ev->collaboration && k < ev->participant_count; k++) {
            const struct tg_graph_entity *o = ev->participants[k].entity;
            if (!tg_graph_collaborates(ev, a, o))
                continue;
            size_t at = 0;
            while (at < n && list[at].organisation != o)
                at++;
            if (at == n)
                list[n++] = (struct tg_graph_partner){o, 0, ev, ev};
            list[at].event_count++;
            list[at].last = ev;
        }
    }
    if (n > 1)
        qsort(list, n, sizeof *list, compare_partners);
    *partners = list;
    *count = n;
    return TG_OK;
}
