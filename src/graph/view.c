/*
 * Neighbourhood views: a breadth-first walk from one entity or event over the relations the
 * snapshot already holds (participation, venue, positions, parents), then the edges among the
 * nodes it reached. Views are built per request and freed after it.
 */
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "thaigraph/grow.h"

/* A reached node: an entity or an event, and how far from the focus. */
struct reached {
    const struct tg_graph_entity *entity;
    const struct tg_graph_event *event;
    unsigned distance;
};

struct walk {
    struct reached *nodes;
    size_t count;
    bool truncated;
};

static bool seen(const struct walk *w, const struct tg_graph_entity *e,
                 const struct tg_graph_event *ev)
{
    for (size_t i = 0; i < w->count; i++) {
        if ((e && w->nodes[i].entity == e) || (ev && w->nodes[i].event == ev))
            return true;
    }
    return false;
}

static void reach(struct walk *w, const struct tg_graph_entity *e, const struct tg_graph_event *ev,
                  unsigned distance)
{
    if ((!e && !ev) || seen(w, e, ev))
        return;
    if (w->count == TG_GRAPH_VIEW_MAX_NODES) {
        w->truncated = true;
        return;
    }
    w->nodes[w->count++] = (struct reached){e, ev, distance};
}

/* Everything one step from a node. */
static void expand(struct walk *w, const struct reached *from)
{
    unsigned d = from->distance + 1;
    if (from->event) {
        const struct tg_graph_event *ev = from->event;
        for (size_t i = 0; i < ev->participant_count; i++)
            reach(w, ev->participants[i].entity, NULL, d);
        reach(w, ev->place, NULL, d);
        return;
    }
    const struct tg_graph_entity *e = from->entity;
    for (size_t i = 0; i < e->event_count; i++)
        reach(w, NULL, e->events[i], d);
    for (size_t i = 0; i < e->position_count; i++) {
        reach(w, e->positions[i]->person, NULL, d);
        reach(w, e->positions[i]->organisation, NULL, d);
    }
    reach(w, e->parent, NULL, d);
    for (size_t i = 0; i < e->child_count; i++)
        reach(w, e->children[i], NULL, d);
}

static long index_of(const struct walk *w, const struct tg_graph_entity *e,
                     const struct tg_graph_event *ev)
{
    for (size_t i = 0; i < w->count; i++) {
        if ((e && w->nodes[i].entity == e) || (ev && w->nodes[i].event == ev))
            return (long)i;
    }
    return -1;
}

/* Appends an edge, or when one of this type already joins the two nodes, adds to its weight
 * and documents. */
static bool add_edge(struct tg_graph_view *view, size_t *cap, const char *source,
                     const char *target, const char *type, const struct tg_graph_document *doc)
{
    struct tg_graph_edge *edge = NULL;
    for (size_t i = 0; i < view->edge_count && !edge; i++) {
        struct tg_graph_edge *x = &view->edges[i];
        if (x->source == source && x->target == target && strcmp(x->type, type) == 0)
            edge = x;
    }
    if (!edge) {
        struct tg_graph_edge *grown =
            tg_grow(view->edges, cap, view->edge_count + 1, sizeof *grown);
        if (!grown)
            return false;
        view->edges = grown;
        edge = &view->edges[view->edge_count++];
        *edge = (struct tg_graph_edge){source, target, type, 0, NULL, 0};
    }
    edge->weight++;
    for (size_t i = 0; doc && i < edge->document_count; i++) {
        if (edge->documents[i] == doc)
            return true;
    }
    if (!doc)
        return true;
    const struct tg_graph_document **docs =
        realloc(edge->documents, (edge->document_count + 1) * sizeof *docs);
    if (!docs)
        return false;
    docs[edge->document_count++] = doc;
    edge->documents = docs;
    return true;
}

static bool event_edges(struct tg_graph_view *view, size_t *cap, const struct walk *w,
                        const struct tg_graph_event *ev)
{
    bool ok = true;
    for (size_t i = 0; ok && i < ev->participant_count; i++) {
        const struct tg_graph_entity *e = ev->participants[i].entity;
        for (size_t k = 0; ok && index_of(w, e, NULL) >= 0 && k < ev->evidence_count; k++)
            ok = add_edge(view, cap, e->id, ev->id, "participates", ev->evidence[k].document);
        /* Collaborating organisations are joined directly too, counted once per event. */
        for (size_t k = i + 1; ok && ev->collaboration && k < ev->participant_count; k++) {
            const struct tg_graph_entity *o = ev->participants[k].entity;
            if (tg_graph_collaborates(ev, e, o) && index_of(w, e, NULL) >= 0 &&
                index_of(w, o, NULL) >= 0)
                ok = add_edge(view, cap, e->id, o->id, "collaborates",
                              ev->evidence_count ? ev->evidence[0].document : NULL);
        }
    }
    if (ok && ev->place && index_of(w, ev->place, NULL) >= 0)
        ok = add_edge(view, cap, ev->id, ev->place->id, "held_at",
                      ev->evidence_count ? ev->evidence[0].document : NULL);
    return ok;
}

static bool entity_edges(struct tg_graph_view *view, size_t *cap, const struct walk *w,
                         const struct tg_graph_entity *e)
{
    bool ok = true;
    for (size_t i = 0; ok && e->type == TG_GRAPH_PERSON && i < e->position_count; i++) {
        const struct tg_graph_position *p = e->positions[i];
        if (p->organisation && index_of(w, p->organisation, NULL) >= 0)
            ok = add_edge(view, cap, e->id, p->organisation->id, "holds_position", p->document);
    }
    if (ok && e->parent && index_of(w, e->parent, NULL) >= 0)
        ok = add_edge(view, cap, e->id, e->parent->id, "part_of", NULL);
    return ok;
}

enum tg_status tg_graph_view(const struct tg_graph *g, const char *focus, unsigned depth,
                             struct tg_graph_view *view)
{
    memset(view, 0, sizeof *view);
    const struct tg_graph_entity *entity = tg_graph_entity_find(g, focus);
    const struct tg_graph_event *event = entity ? NULL : tg_graph_event_find(g, focus);
    if (!entity && !event)
        return TG_ERR_NOT_FOUND;
    if (depth < 1 || depth > TG_GRAPH_VIEW_MAX_DEPTH)
        return TG_ERR_INVALID_ARGUMENT;
    struct walk w = {.nodes = malloc(TG_GRAPH_VIEW_MAX_NODES * sizeof *w.nodes)};
    if (!w.nodes)
        return TG_ERR_NOMEM;
    reach(&w, entity, event, 0);
    for (size_t i = 0; i < w.count; i++) {
        if (w.nodes[i].distance < depth)
            expand(&w, &w.nodes[i]);
    }
    view->nodes = malloc(w.count * sizeof *view->nodes);
    bool ok = view->nodes != NULL;
    size_t cap = 0;
    for (size_t i = 0; ok && i < w.count; i++) {
        const struct reached *r = &w.nodes[i];
        view->nodes[i] =
            r->event ? (struct tg_graph_node){r->event->id, "event", r->event->title}
                     : (struct tg_graph_node){r->entity->id, tg_graph_type_name(r->entity->type),
                                              r->entity->name};
        ok = r->event ? event_edges(view, &cap, &w, r->event)
                      : entity_edges(view, &cap, &w, r->entity);
    }
    view->node_count = w.count;
    view->truncated = w.truncated;
    free(w.nodes);
    if (!ok) {
        tg_graph_view_free(view);
        return TG_ERR_NOMEM;
    }
    return TG_OK;
}

void tg_graph_view_free(struct tg_graph_view *view)
{
    for (size_t i = 0; i < view->edge_count; i++)
        free(view->edges[i].documents);
    free(view->edges);
    free(view->nodes);
    memset(view, 0, sizeof *view);
}
