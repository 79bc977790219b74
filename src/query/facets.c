/*
 * Facet counts: per facet, a hash table from value (bytes borrowed from the snapshot: a date's
 * first four or seven characters, a source, a kind, an organisation's id) to its count. Values
 * are sorted only when read.
 */
#include <stdlib.h>
#include <string.h>

#include "thaigraph/grow.h"
#include "thaigraph/hash.h"
#include "thaigraph/query.h"

static const char *const facet_names[TG_QUERY_FACET_COUNT] = {
    [TG_QUERY_FACET_TYPE] = "type",   [TG_QUERY_FACET_YEAR] = "year",
    [TG_QUERY_FACET_MONTH] = "month", [TG_QUERY_FACET_SOURCE] = "source",
    [TG_QUERY_FACET_KIND] = "kind",   [TG_QUERY_FACET_ORGANISATION] = "organisation",
};

const char *tg_query_facet_name(enum tg_query_facet facet)
{
    return (unsigned)facet < TG_QUERY_FACET_COUNT ? facet_names[facet] : NULL;
}

bool tg_query_facet_parse(const char *name, size_t len, enum tg_query_facet *facet)
{
    for (int f = 0; f < TG_QUERY_FACET_COUNT; f++) {
        if (strlen(facet_names[f]) == len && memcmp(facet_names[f], name, len) == 0) {
            *facet = (enum tg_query_facet)f;
            return true;
        }
    }
    return false;
}

struct table {
    struct tg_query_facet_value *values; /* in insertion order until sorted for reading */
    size_t count, cap;
    size_t *slots; /* open addressing: index + 1 into values, 0 for empty */
    size_t slot_count;
    bool sorted;
};

struct tg_query_facets {
    const struct tg_graph *graph;
    unsigned mask;
    bool ok;
    struct table tables[TG_QUERY_FACET_COUNT];
    const struct tg_graph_entity **seen; /* one thing's organisations, to count each once */
    size_t seen_count, seen_cap;
};

enum tg_status tg_query_facets_new(const struct tg_graph *graph, unsigned mask,
                                   struct tg_query_facets **out)
{
    struct tg_query_facets *f = calloc(1, sizeof *f);
    if (!f)
        return TG_ERR_NOMEM;
    f->graph = graph;
    f->mask = mask;
    f->ok = true;
    *out = f;
    return TG_OK;
}

void tg_query_facets_free(struct tg_query_facets *f)
{
    if (!f)
        return;
    for (int i = 0; i < TG_QUERY_FACET_COUNT; i++) {
        free(f->tables[i].values);
        free(f->tables[i].slots);
    }
    free(f->seen);
    free(f);
}

bool tg_query_facets_ok(const struct tg_query_facets *f)
{
    return f->ok;
}

/* Rebuilds the slots for slot_count (a power of two): when growing, and after sorting moved
 * the values. */
static bool rehash(struct table *t, size_t count)
{
    size_t *slots = calloc(count, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < t->count; i++) {
        const struct tg_query_facet_value *v = &t->values[i];
        size_t s = tg_hash_bytes(v->value, v->len) & (count - 1);
        while (slots[s])
            s = (s + 1) & (count - 1);
        slots[s] = i + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->slot_count = count;
    return true;
}

static void count_value(struct tg_query_facets *f, enum tg_query_facet facet, const char *value,
                        size_t len, const struct tg_graph_entity *organisation)
{
    if (!(f->mask & (1u << facet)) || !value || !f->ok)
        return;
    struct table *t = &f->tables[facet];
    bool full = t->count * 2 >= t->slot_count;
    if ((full || t->sorted) &&
        !rehash(t, full ? (t->slot_count ? t->slot_count * 2 : 64) : t->slot_count)) {
        f->ok = false;
        return;
    }
    t->sorted = false;
    size_t s = tg_hash_bytes(value, len) & (t->slot_count - 1);
    for (; t->slots[s]; s = (s + 1) & (t->slot_count - 1)) {
        struct tg_query_facet_value *v = &t->values[t->slots[s] - 1];
        if (v->len == len && memcmp(v->value, value, len) == 0) {
            v->count++;
            return;
        }
    }
    struct tg_query_facet_value *grown = tg_grow(t->values, &t->cap, t->count + 1, sizeof *grown);
    if (!grown) {
        f->ok = false;
        return;
    }
    t->values = grown;
    t->values[t->count] = (struct tg_query_facet_value){value, len, organisation, 1};
    t->slots[s] = ++t->count;
}

static void count_string(struct tg_query_facets *f, enum tg_query_facet facet, const char *value)
{
    if (value)
        count_value(f, facet, value, strlen(value), NULL);
}

/* A date's year, and its month when the date is that precise. */
static void count_date(struct tg_query_facets *f, const char *date)
{
    size_t len = date ? strlen(date) : 0;
    if (len >= 4)
        count_value(f, TG_QUERY_FACET_YEAR, date, 4, NULL);
    if (len >= 7)
        count_value(f, TG_QUERY_FACET_MONTH, date, 7, NULL);
}

/* Counts an organisation once per thing however often the thing names it. */
static void count_organisation(struct tg_query_facets *f, const struct tg_graph_entity *e)
{
    if (!e || e->type != TG_GRAPH_ORGANISATION || !(f->mask & (1u << TG_QUERY_FACET_ORGANISATION)))
        return;
    for (size_t i = 0; i < f->seen_count; i++) {
        if (f->seen[i] == e)
            return;
    }
    const struct tg_graph_entity **grown =
        tg_grow(f->seen, &f->seen_cap, f->seen_count + 1, sizeof *grown);
    if (!grown) {
        f->ok = false;
        return;
    }
    f->seen = grown;
    f->seen[f->seen_count++] = e;
    count_value(f, TG_QUERY_FACET_ORGANISATION, e->id, strlen(e->id), e);
}

void tg_query_facets_add_document(struct tg_query_facets *f, const struct tg_graph_document *doc)
{
    count_string(f, TG_QUERY_FACET_TYPE, "document");
    count_date(f, doc->published);
    count_string(f, TG_QUERY_FACET_SOURCE, doc->source);
    f->seen_count = 0;
    for (size_t i = 0; (f->mask & (1u << TG_QUERY_FACET_ORGANISATION)) && i < doc->mention_count;
         i++) {
        struct tg_graph_mention m;
        tg_graph_document_mention(f->graph, doc, i, &m);
        count_organisation(f, m.entity);
    }
}

void tg_query_facets_add_event(struct tg_query_facets *f, const struct tg_graph_event *ev)
{
    count_string(f, TG_QUERY_FACET_TYPE, "event");
    count_date(f, ev->date);
    count_string(f, TG_QUERY_FACET_KIND, ev->kind);
    f->seen_count = 0;
    for (size_t i = 0; i < ev->participant_count; i++)
        count_organisation(f, ev->participants[i].entity);
}

void tg_query_facets_add_entity(struct tg_query_facets *f, const struct tg_graph_entity *e)
{
    count_string(f, TG_QUERY_FACET_TYPE, tg_graph_type_name(e->type));
    if (e->type == TG_GRAPH_ORGANISATION || e->type == TG_GRAPH_PLACE)
        count_string(f, TG_QUERY_FACET_KIND, e->kind ? e->kind : "other");
    f->seen_count = 0;
    count_organisation(f, e);
    for (size_t i = 0; e->type == TG_GRAPH_PERSON && i < e->position_count; i++)
        count_organisation(f, e->positions[i]->organisation);
}

static int compare_values(const struct tg_query_facet_value *a,
                          const struct tg_query_facet_value *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->value, b->value, n);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

static int by_value(const void *x, const void *y)
{
    return compare_values(x, y);
}

static int by_count(const void *x, const void *y)
{
    const struct tg_query_facet_value *a = x, *b = y;
    if (a->count != b->count)
        return a->count < b->count ? 1 : -1;
    return compare_values(a, b);
}

size_t tg_query_facets_values(struct tg_query_facets *f, enum tg_query_facet facet,
                              const struct tg_query_facet_value **values)
{
    *values = NULL;
    if ((unsigned)facet >= TG_QUERY_FACET_COUNT)
        return 0;
    /* Sorting moves values under their slots; counting again rehashes first. */
    struct table *t = &f->tables[facet];
    if (!t->sorted && t->count > 1) {
        bool chronological = facet == TG_QUERY_FACET_YEAR || facet == TG_QUERY_FACET_MONTH;
        qsort(t->values, t->count, sizeof *t->values, chronological ? by_value : by_count);
    }
    t->sorted = true;
    *values = t->values;
    size_t n = t->count;
    return facet == TG_QUERY_FACET_ORGANISATION && n > TG_QUERY_FACET_TOP ? TG_QUERY_FACET_TOP : n;
}
