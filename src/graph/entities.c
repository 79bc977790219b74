/*
 * Entities and events of a snapshot: lookups by id and name, and the relations queries walk.
 * The records were merged by the build stage (src/build/merge.c); nothing here changes them.
 */
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "thaigraph/text.h"
#include "thaigraph/utf8.h"

static const char *const type_names[TG_GRAPH_TYPE_COUNT] = {
    [TG_GRAPH_ORGANISATION] = "organisation",
    [TG_GRAPH_PERSON] = "person",
    [TG_GRAPH_PLACE] = "place",
    [TG_GRAPH_PROGRAMME] = "programme",
};

const char *tg_graph_type_name(enum tg_graph_type type)
{
    return (size_t)type < TG_GRAPH_TYPE_COUNT ? type_names[type] : NULL;
}

static int compare_entities(const void *a, const void *b)
{
    return strcmp(((const struct tg_graph_entity *)a)->id, ((const struct tg_graph_entity *)b)->id);
}

const struct tg_graph_entity *tg_graph_entity_find(const struct tg_graph *g, const char *id)
{
    struct tg_graph_entity key = {.id = id};
    return bsearch(&key, g->entities, g->entity_count, sizeof key, compare_entities);
}

/* The normalised form names are compared in: tg_text_key without a trailing dot. */
char *graph_name_key(const char *name)
{
    char *key = tg_text_key(name, strlen(name));
    size_t n = key ? strlen(key) : 0;
    if (n > 1 && key[n - 1] == '.')
        key[n - 1] = '\0';
    return key;
}

enum tg_status tg_graph_resolve(const struct tg_graph *g, enum tg_graph_type type, const char *name,
                                const struct tg_graph_entity **matches, size_t cap, size_t *count)
{
    *count = 0;
    if (tg_utf8_validate(name, strlen(name), NULL) != TG_OK)
        return TG_ERR_INVALID_UTF8;
    char *key = graph_name_key(name);
    if (!key)
        return TG_ERR_NOMEM;
    size_t lo = 0, hi = g->name_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(g->names[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < g->name_count && strcmp(g->names[i].key, key) == 0; i++) {
        const struct tg_graph_entity *e = g->names[i].entity;
        bool seen = false;
        for (size_t k = 0; k < *count && k < cap; k++)
            seen = seen || matches[k] == e;
        if (seen || (type != TG_GRAPH_TYPE_COUNT && e->type != type))
            continue;
        if (*count < cap)
            matches[*count] = e;
        (*count)++;
    }
    /* The entity more documents mention is the likelier meaning. */
    for (size_t i = 1; i < *count && i < cap; i++) {
        for (size_t k = i; k > 0 && matches[k]->document_count > matches[k - 1]->document_count;
             k--) {
            const struct tg_graph_entity *t = matches[k];
            matches[k] = matches[k - 1];
            matches[k - 1] = t;
        }
    }
    free(key);
    return TG_OK;
}

int graph_compare_event_ids(const void *a, const void *b)
{
    return strcmp((*(const struct tg_graph_event *const *)a)->id,
                  (*(const struct tg_graph_event *const *)b)->id);
}

size_t tg_graph_entity_count(const struct tg_graph *g, enum tg_graph_type type)
{
    return (size_t)type < TG_GRAPH_TYPE_COUNT ? g->type_count[type] : 0;
}

const struct tg_graph_entity *tg_graph_entity_at(const struct tg_graph *g, enum tg_graph_type type,
                                                 size_t index)
{
    return index < tg_graph_entity_count(g, type) ? g->by_type[type][index] : NULL;
}

size_t tg_graph_entity_after(const struct tg_graph *g, enum tg_graph_type type, const char *id)
{
    size_t lo = 0, hi = tg_graph_entity_count(g, type);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(g->by_type[type][mid]->id, id) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t tg_graph_event_count(const struct tg_graph *g)
{
    return g->event_count;
}

const struct tg_graph_event *tg_graph_event_at(const struct tg_graph *g, size_t index)
{
    return index < g->event_count ? &g->events[index] : NULL;
}

const struct tg_graph_event *tg_graph_event_find(const struct tg_graph *g, const char *id)
{
    struct tg_graph_event key = {.id = id};
    const struct tg_graph_event *key_ptr = &key;
    const struct tg_graph_event **found =
        bsearch(&key_ptr, g->events_by_id, g->event_count, sizeof key_ptr, graph_compare_event_ids);
    return found ? *found : NULL;
}

size_t tg_graph_event_index(const struct tg_graph *g, const char *id)
{
    const struct tg_graph_event *ev = tg_graph_event_find(g, id);
    return ev ? (size_t)(ev - g->events) : g->event_count;
}

bool tg_graph_event_has(const struct tg_graph_event *ev, const struct tg_graph_entity *e)
{
    for (size_t i = 0; i < ev->participant_count; i++) {
        if (ev->participants[i].entity == e)
            return true;
    }
    return false;
}

/* Every written name of an entity: canonical first, then aliases and abbreviations. */
static size_t entity_name_count(const struct tg_graph_entity *e)
{
    return 1 + e->alias_count + e->abbreviation_count;
}

static const char *entity_name(const struct tg_graph_entity *e, size_t i)
{
    if (i == 0)
        return e->name;
    if (i <= e->alias_count)
        return e->aliases[i - 1];
    return e->abbreviations[i - 1 - e->alias_count];
}

char *graph_thing_text(const struct tg_graph *g, size_t t, size_t *len)
{
    const struct tg_graph_entity *entity;
    const struct tg_graph_event *event;
    graph_thing(g, t, &entity, &event);
    size_t lines = entity ? entity_name_count(entity) : 1 + event->evidence_count;
    size_t total = 0;
    for (size_t i = 0; i < lines; i++) {
        const char *line = entity   ? entity_name(entity, i)
                           : i == 0 ? event->title
                                    : event->evidence[i - 1].sentence;
        total += strlen(line) + 1;
    }
    char *text = malloc(total + 1), *p = text;
    for (size_t i = 0; text && i < lines; i++) {
        const char *line = entity   ? entity_name(entity, i)
                           : i == 0 ? event->title
                                    : event->evidence[i - 1].sentence;
        size_t n = strlen(line);
        memcpy(p, line, n);
        p += n;
        *p++ = '\n';
    }
    if (text) {
        *len = total ? total - 1 : 0;
        text[*len] = '\0';
    }
    return text;
}
