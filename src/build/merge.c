/*
 * Entities, events and their relations, merged from the per-document claims of the store.
 *
 * The build reads each claim table once into typed rows, checks them, sorts them, and folds them
 * into the graph's arena: entities by id, events by clustering the reports that describe one event,
 * then the adjacency arrays (documents, events and positions of each entity, events of each
 * document) that queries walk.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_internal.h"
#include "thaigraph/grow.h"
#include "thaigraph/hash.h"
#include "thaigraph/text.h"
#include "thaigraph/utf8.h"

/* A growable array of pointers for the temporary lists loading builds. */
struct list {
    void **items;
    size_t count, cap;
};

static bool list_push(struct list *l, void *item)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        void **grown = realloc(l->items, cap * sizeof *grown);
        if (!grown)
            return false;
        l->items = grown;
        l->cap = cap;
    }
    l->items[l->count++] = item;
    return true;
}

/* qsort, except that an empty array may be NULL (which qsort itself does not allow). */
static void sort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *))
{
    if (count > 1)
        qsort(base, count, size, compare);
}

/* Copies a list of pointers into the arena. */
static const void **list_freeze(struct tg_graph *g, const struct list *l, bool *ok)
{
    const void **copy = graph_alloc(g, (l->count ? l->count : 1) * sizeof *copy);
    if (!copy) {
        *ok = false;
        return NULL;
    }
    if (l->count)
        memcpy(copy, l->items, l->count * sizeof *copy);
    return copy;
}

/*
 * The claim tables as typed rows, strings copied into the arena (they outlive the store's
 * callbacks). Each table is one growable array.
 */
#define TABLE(type)                                                                                \
    struct {                                                                                       \
        type *rows;                                                                                \
        size_t count, cap;                                                                         \
    }

struct claims {
    struct tg_graph *g;
    TABLE(struct tg_store_entity_claim) entities;
    TABLE(struct tg_store_name_claim) names;
    TABLE(struct tg_store_mention) mentions;
    TABLE(struct tg_store_position_claim) positions;
    TABLE(struct tg_store_event_claim) events;
    TABLE(struct tg_store_participant_claim) participants;
};

/* Room for one more row of size bytes in *rows; NULL when out of memory. */
static void *next_row(void **rows, size_t *count, size_t *cap, size_t size)
{
    if (*count == *cap) {
        size_t grown_cap = *cap ? *cap * 2 : 256;
        void *grown = realloc(*rows, grown_cap * size);
        if (!grown)
            return NULL;
        *rows = grown;
        *cap = grown_cap;
    }
    return (char *)*rows + (*count)++ * size;
}

#define PUSH(table)                                                                                \
    next_row((void **)&(table).rows, &(table).count, &(table).cap, sizeof *(table).rows)

/* Copies the strings of a row into the arena; false when out of memory. */
static bool keep(struct tg_graph *g, const char **fields[], size_t n)
{
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        *fields[i] = graph_strdup_optional(g, *fields[i], &ok);
    return ok;
}

#define KEEP(g, ...)                                                                               \
    keep((g), (const char **[]){__VA_ARGS__},                                                      \
         sizeof((const char **[]){__VA_ARGS__}) / sizeof(const char **))

static enum tg_status take_entity(void *ctx, const struct tg_store_entity_claim *row)
{
    struct claims *c = ctx;
    struct tg_store_entity_claim *r = PUSH(c->entities);
    if (!r)
        return TG_ERR_NOMEM;
    *r = *row;
    return KEEP(c->g, &r->document_id, &r->entity_id, &r->type, &r->key, &r->name, &r->kind,
                &r->honorific, &r->parent_id)
               ? TG_OK
               : TG_ERR_NOMEM;
}

static enum tg_status take_name(void *ctx, const struct tg_store_name_claim *row)
{
    struct claims *c = ctx;
    struct tg_store_name_claim *r = PUSH(c->names);
    if (!r)
        return TG_ERR_NOMEM;
    *r = *row;
    return KEEP(c->g, &r->document_id, &r->entity_id, &r->form, &r->name) ? TG_OK : TG_ERR_NOMEM;
}

static enum tg_status take_mention(void *ctx, const struct tg_store_mention *row)
{
    struct claims *c = ctx;
    struct tg_store_mention *r = PUSH(c->mentions);
    if (!r)
        return TG_ERR_NOMEM;
    *r = *row;
    return KEEP(c->g, &r->document_id, &r->type, &r->surface, &r->entity_id, &r->value)
               ? TG_OK
               : TG_ERR_NOMEM;
}

static enum tg_status take_position(void *ctx, const struct tg_store_position_claim *row)
{
    struct claims *c = ctx;
    struct tg_store_position_claim *r = PUSH(c->positions);
    if (!r)
        return TG_ERR_NOMEM;
    *r = *row;
    return KEEP(c->g, &r->document_id, &r->person_id, &r->title, &r->organisation_id, &r->as_of,
                &r->as_of_precision)
               ? TG_OK
               : TG_ERR_NOMEM;
}

static enum tg_status take_event(void *ctx, const struct tg_store_event_claim *row)
{
    struct claims *c = ctx;
    struct tg_store_event_claim *r = PUSH(c->events);
    if (!r)
        return TG_ERR_NOMEM;
    *r = *row;
    return KEEP(c->g, &r->document_id, &r->kind, &r->title, &r->date, &r->date_precision,
                &r->place_id, &r->programme_id, &r->sentence)
               ? TG_OK
               : TG_ERR_NOMEM;
}

static enum tg_status take_participant(void *ctx, const struct tg_store_participant_claim *row)
{
    struct claims *c = ctx;
    struct tg_store_participant_claim *r = PUSH(c->participants);
    if (!r)
        return TG_ERR_NOMEM;
    *r = *row;
    return KEEP(c->g, &r->document_id, &r->entity_id, &r->role) ? TG_OK : TG_ERR_NOMEM;
}

static struct tg_graph_entity *entity_mut(struct tg_graph *g, const char *id)
{
    return id ? (struct tg_graph_entity *)tg_graph_entity_find(g, id) : NULL;
}

static int compare_entity_claims(const void *a, const void *b)
{
    const struct tg_store_entity_claim *x = a, *y = b;
    int c = strcmp(x->entity_id, y->entity_id);
    return c ? c : strcmp(x->document_id, y->document_id);
}

static int compare_name_claims(const void *a, const void *b)
{
    const struct tg_store_name_claim *x = a, *y = b;
    int c = strcmp(x->entity_id, y->entity_id);
    return c ? c : strcmp(x->document_id, y->document_id);
}

static enum tg_graph_type type_of(const char *name)
{
    for (int t = 0; t < TG_GRAPH_TYPE_COUNT; t++) {
        if (strcmp(tg_graph_type_name((enum tg_graph_type)t), name) == 0)
            return (enum tg_graph_type)t;
    }
    return TG_GRAPH_TYPE_COUNT;
}

/* Claims of one entity ordered by name, then by place in the group, so equal names are runs. */
static int compare_claim_names(const void *a, const void *b)
{
    const struct tg_store_entity_claim *x = *(const struct tg_store_entity_claim *const *)a;
    const struct tg_store_entity_claim *y = *(const struct tg_store_entity_claim *const *)b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x > y) - (x < y);
}

/* Scratch of merge_entity, reused across entities: an organisation named by tens of thousands
 * of documents made counting each name's votes by comparing every pair the merge's slowest step
 * on the full corpus (issue 10). */
struct votes {
    const struct tg_store_entity_claim **by_name;
    size_t *count; /* per claim: how many claims of the group write its name */
    size_t cap_by_name, cap_count;
};

/*
 * Folds the claims of one entity (rows[0..n), one per document) into it. Gazetteer-backed
 * claims decide first; otherwise the name most documents use wins (the first in document order
 * among equals), and the first non-empty kind, honorific and parent in document order. False
 * when out of memory.
 */
static bool merge_entity(struct tg_graph_entity *e, const struct tg_store_entity_claim *rows,
                         size_t n, const char **parent, struct votes *v)
{
    const struct tg_store_entity_claim **by_name =
        tg_grow(v->by_name, &v->cap_by_name, n, sizeof *by_name);
    if (by_name)
        v->by_name = by_name;
    size_t *count = by_name ? tg_grow(v->count, &v->cap_count, n, sizeof *count) : NULL;
    if (!count)
        return false;
    v->count = count;
    for (size_t i = 0; i < n; i++)
        by_name[i] = &rows[i];
    sort(by_name, n, sizeof *by_name, compare_claim_names);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && strcmp(by_name[j]->name, by_name[i]->name) == 0; j++)
            ;
        for (size_t k = i; k < j; k++)
            count[by_name[k] - rows] = j - i;
    }
    size_t best = 0, best_votes = 0;
    for (size_t i = 0; i < n; i++) {
        size_t votes = count[i] + (rows[i].known ? n : 0);
        if (votes > best_votes) {
            best = i;
            best_votes = votes;
        }
    }
    e->id = rows[0].entity_id;
    e->type = type_of(rows[0].type);
    e->name = rows[best].name;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            if ((rows[i].known != 0) != (pass == 0))
                continue;
            if (!e->kind)
                e->kind = rows[i].kind;
            if (!e->honorific)
                e->honorific = rows[i].honorific;
            if (!*parent)
                *parent = rows[i].parent_id;
        }
    }
    for (size_t i = 0; i < n; i++)
        e->mention_count += rows[i].mentions;
    return true;
}

static enum tg_status load_entities(struct tg_graph *g, struct claims *c, const char ***parents)
{
    sort(c->entities.rows, c->entities.count, sizeof *c->entities.rows, compare_entity_claims);
    size_t groups = 0;
    for (size_t i = 0; i < c->entities.count; i++)
        groups +=
            i == 0 || strcmp(c->entities.rows[i].entity_id, c->entities.rows[i - 1].entity_id) != 0;
    g->entities = graph_alloc(g, (groups ? groups : 1) * sizeof *g->entities);
    *parents = calloc(groups ? groups : 1, sizeof **parents);
    if (!g->entities || !*parents)
        return TG_ERR_NOMEM;
    struct list docs = {0};
    struct votes votes = {0};
    bool ok = true;
    for (size_t i = 0; i < c->entities.count && ok;) {
        size_t j = i;
        docs.count = 0;
        while (j < c->entities.count &&
               strcmp(c->entities.rows[j].entity_id, c->entities.rows[i].entity_id) == 0) {
            struct tg_graph_document *doc = graph_document(g, c->entities.rows[j].document_id);
            ok = ok && (!doc || list_push(&docs, doc));
            j++;
        }
        struct tg_graph_entity *e = &g->entities[g->entity_count];
        ok = ok &&
             merge_entity(e, c->entities.rows + i, j - i, &(*parents)[g->entity_count], &votes);
        e->documents = (const struct tg_graph_document *const *)list_freeze(g, &docs, &ok);
        e->document_count = docs.count;
        if (e->type != TG_GRAPH_TYPE_COUNT)
            g->entity_count++;
        i = j;
    }
    free(docs.items);
    free(votes.by_name);
    free(votes.count);
    return ok ? TG_OK : TG_ERR_NOMEM;
}

/* An organisation's children are the organisations whose parent it is. */
static bool is_child(const struct tg_graph_entity *e)
{
    return e->type == TG_GRAPH_ORGANISATION && e->parent &&
           e->parent->type == TG_GRAPH_ORGANISATION;
}

/*
 * Parents, children and the per-type indexes, once every entity exists. Children are gathered
 * in one pass, each parent's in entity order: scanning every entity for each organisation was
 * quadratic, the merge's slowest step on the full corpus (issue 10).
 */
static enum tg_status link_entities(struct tg_graph *g, const char **parents)
{
    size_t n = g->entity_count;
    size_t *first = calloc(n + 1, sizeof *first);
    if (!first)
        return TG_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        struct tg_graph_entity *e = &g->entities[i];
        e->parent = entity_mut(g, parents[i]);
        if (e->parent == e)
            e->parent = NULL;
        g->type_count[e->type]++;
    }
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        if (is_child(&g->entities[i]))
            g->entities[g->entities[i].parent - g->entities].child_count++;
    for (size_t i = 0; i < n; i++) {
        first[i] = total;
        total += g->entities[i].child_count;
        g->entities[i].child_count = 0;
    }
    const struct tg_graph_entity **children = graph_alloc(g, (total + 1) * sizeof *children);
    bool ok = children != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        struct tg_graph_entity *e = &g->entities[i];
        if (is_child(e)) {
            struct tg_graph_entity *p = &g->entities[e->parent - g->entities];
            children[first[p - g->entities] + p->child_count++] = e;
        }
    }
    for (size_t i = 0; ok && i < n; i++)
        g->entities[i].children = children + first[i];
    free(first);
    for (int t = 0; ok && t < TG_GRAPH_TYPE_COUNT; t++) {
        g->by_type[t] =
            graph_alloc(g, (g->type_count[t] ? g->type_count[t] : 1) * sizeof *g->by_type[t]);
        ok = ok && g->by_type[t];
        g->type_count[t] = 0;
    }
    for (size_t i = 0; ok && i < n; i++) {
        struct tg_graph_entity *e = &g->entities[i];
        g->by_type[e->type][g->type_count[e->type]++] = e;
    }
    return ok ? TG_OK : TG_ERR_NOMEM;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Abbreviations and aliases, each once and sorted. Rows are sorted by entity, form, name. */
static enum tg_status load_names(struct tg_graph *g, struct claims *c)
{
    sort(c->names.rows, c->names.count, sizeof *c->names.rows, compare_name_claims);
    struct list forms[2] = {{0}};
    bool ok = true;
    for (size_t i = 0; i < c->names.count && ok;) {
        struct tg_graph_entity *e = entity_mut(g, c->names.rows[i].entity_id);
        forms[0].count = forms[1].count = 0;
        size_t j = i;
        for (; j < c->names.count &&
               strcmp(c->names.rows[j].entity_id, c->names.rows[i].entity_id) == 0;
             j++)
            ok = ok && list_push(&forms[strcmp(c->names.rows[j].form, "alias") == 0],
                                 (void *)c->names.rows[j].name);
        for (int f = 0; f < 2 && e && ok; f++) {
            sort(forms[f].items, forms[f].count, sizeof *forms[f].items, compare_strings);
            size_t unique = 0;
            for (size_t k = 0; k < forms[f].count; k++) {
                bool repeat = unique && strcmp(forms[f].items[unique - 1], forms[f].items[k]) == 0;
                bool is_name = strcmp(forms[f].items[k], e->name) == 0;
                if (!repeat && !is_name)
                    forms[f].items[unique++] = forms[f].items[k];
            }
            forms[f].count = unique;
        }
        if (e && ok) {
            e->abbreviations = (const char *const *)list_freeze(g, &forms[0], &ok);
            e->abbreviation_count = forms[0].count;
            e->aliases = (const char *const *)list_freeze(g, &forms[1], &ok);
            e->alias_count = forms[1].count;
        }
        i = j;
    }
    free(forms[0].items);
    free(forms[1].items);
    return ok ? TG_OK : TG_ERR_NOMEM;
}

static int compare_names(const void *a, const void *b)
{
    const struct graph_name *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->entity->id, y->entity->id);
}

static bool add_name(struct tg_graph *g, struct list *names, const struct tg_graph_entity *e,
                     const char *name)
{
    char *key = graph_name_key(name);
    struct graph_name *entry = graph_alloc(g, sizeof *entry);
    bool ok = key && entry;
    if (ok) {
        entry->key = graph_strndup(g, key, strlen(key));
        entry->entity = e;
        ok = entry->key && list_push(names, entry);
    }
    free(key);
    return ok;
}

static enum tg_status index_names(struct tg_graph *g)
{
    struct list names = {0};
    bool ok = true;
    for (size_t i = 0; i < g->entity_count && ok; i++) {
        const struct tg_graph_entity *e = &g->entities[i];
        ok = add_name(g, &names, e, e->name);
        for (size_t k = 0; k < e->abbreviation_count && ok; k++)
            ok = add_name(g, &names, e, e->abbreviations[k]);
        for (size_t k = 0; k < e->alias_count && ok; k++)
            ok = add_name(g, &names, e, e->aliases[k]);
    }
    g->names = ok ? graph_alloc(g, (names.count ? names.count : 1) * sizeof *g->names) : NULL;
    ok = ok && g->names;
    for (size_t i = 0; ok && i < names.count; i++)
        g->names[i] = *(struct graph_name *)names.items[i];
    if (ok) {
        g->name_count = names.count;
        sort(g->names, g->name_count, sizeof *g->names, compare_names);
    }
    free(names.items);
    return ok ? TG_OK : TG_ERR_NOMEM;
}

/* Mentions in document order (check_claims made sure every one names a document, in order). */
static enum tg_status load_mentions(struct tg_graph *g, struct claims *c)
{
    size_t n = c->mentions.count;
    g->mentions = graph_alloc(g, (n ? n : 1) * sizeof *g->mentions);
    g->mention_first = graph_alloc(g, (g->document_count + 1) * sizeof *g->mention_first);
    if (!g->mentions || !g->mention_first)
        return TG_ERR_NOMEM;
    size_t d = 0;
    for (size_t i = 0; i < n; i++) {
        const struct tg_store_mention *r = &c->mentions.rows[i];
        while (strcmp(g->documents[d].id, r->document_id) != 0)
            g->mention_first[++d] = i;
        struct tg_graph_document *doc = &g->documents[d];
        g->mentions[i] = (struct tg_graph_mention){
            r->start,   r->end,   r->type,
            r->surface, r->value, tg_graph_entity_find(g, r->entity_id ? r->entity_id : "")};
        doc->mention_count++;
        const struct tg_graph_entity *e = g->mentions[i].entity;
        bool first = true;
        for (size_t k = g->mention_first[d]; e && k < i; k++)
            first = first && g->mentions[k].entity != e;
        if (e && first && e->type == TG_GRAPH_ORGANISATION)
            doc->organisation_count++;
        if (e && first && e->type == TG_GRAPH_PERSON)
            doc->person_count++;
    }
    while (d < g->document_count)
        g->mention_first[++d] = n;
    return TG_OK;
}

/* Event claims in the order the store reads them: document, then ordinal. */
static int compare_event_claims(const void *a, const void *b)
{
    const struct tg_store_event_claim *x = a, *y = b;
    int c = strcmp(x->document_id, y->document_id);
    return c ? c : (x->ordinal > y->ordinal) - (x->ordinal < y->ordinal);
}

/* Refuses claims the merge cannot trust, naming the table and row. */
static enum tg_status refuse(struct tg_error *err, const char *table, size_t row,
                             const char *document, const char *what)
{
    return tg_error_set(err, TG_ERR_DB_CORRUPT, "claims: %s row %zu (document '%s'): %s", table,
                        row, document ? document : "(null)", what);
}

/* The document a claim belongs to, which must exist. */
static const struct tg_graph_document *claim_document(const struct tg_graph *g, const char *id)
{
    return id ? graph_document(g, id) : NULL;
}

/*
 * What the merge relies on and the store's constraints do not promise (SQLite does not enforce
 * the foreign keys): every claim belongs to a stored document, mentions come in text order
 * within their document's text, evidence spans lie within theirs, and every participant belongs
 * to an event claim of its document.
 */
static enum tg_status check_claims(const struct tg_graph *g, const struct claims *c,
                                   struct tg_error *err)
{
    for (size_t i = 0; i < c->entities.count; i++)
        if (!claim_document(g, c->entities.rows[i].document_id))
            return refuse(err, "entity_claims", i, c->entities.rows[i].document_id,
                          "no such document");
    for (size_t i = 0; i < c->names.count; i++)
        if (!claim_document(g, c->names.rows[i].document_id))
            return refuse(err, "name_claims", i, c->names.rows[i].document_id, "no such document");
    for (size_t i = 0; i < c->positions.count; i++)
        if (!claim_document(g, c->positions.rows[i].document_id))
            return refuse(err, "position_claims", i, c->positions.rows[i].document_id,
                          "no such document");
    const struct tg_graph_document *previous = NULL;
    for (size_t i = 0; i < c->mentions.count; i++) {
        const struct tg_store_mention *m = &c->mentions.rows[i];
        const struct tg_graph_document *doc = claim_document(g, m->document_id);
        if (!doc)
            return refuse(err, "mentions", i, m->document_id, "no such document");
        if (previous && (doc < previous || (doc == previous && m->start <= m[-1].start)))
            return refuse(err, "mentions", i, m->document_id, "out of order");
        if (m->start > m->end || m->end > doc->length)
            return refuse(err, "mentions", i, m->document_id, "span outside the text");
        previous = doc;
    }
    for (size_t i = 0; i < c->events.count; i++) {
        const struct tg_store_event_claim *e = &c->events.rows[i];
        const struct tg_graph_document *doc = claim_document(g, e->document_id);
        if (!doc)
            return refuse(err, "event_claims", i, e->document_id, "no such document");
        if (e->start > e->end || e->end > doc->length)
            return refuse(err, "event_claims", i, e->document_id, "evidence outside the text");
    }
    for (size_t i = 0; i < c->participants.count; i++) {
        const struct tg_store_participant_claim *p = &c->participants.rows[i];
        struct tg_store_event_claim key = {.document_id = p->document_id, .ordinal = p->ordinal};
        if (!p->document_id || !bsearch(&key, c->events.rows, c->events.count,
                                        sizeof *c->events.rows, compare_event_claims))
            return refuse(err, "participant_claims", i, p->document_id, "no such event");
    }
    return TG_OK;
}

/* Oldest first; undated last; ties by a stable key so the order never depends on loading. */
static int compare_dated(const char *date_a, const char *key_a, const char *date_b,
                         const char *key_b)
{
    if (!date_a != !date_b)
        return date_a ? -1 : 1;
    int c = date_a ? strcmp(date_a, date_b) : 0;
    return c ? c : strcmp(key_a, key_b);
}

static int compare_positions(const void *a, const void *b)
{
    const struct tg_graph_position *x = *(const struct tg_graph_position *const *)a;
    const struct tg_graph_position *y = *(const struct tg_graph_position *const *)b;
    return compare_dated(x->as_of, x->document->id, y->as_of, y->document->id);
}

/* Gives each entity the positions that name it (as holder or as organisation). */
static enum tg_status attach_positions(struct tg_graph *g, struct tg_graph_position *all,
                                       size_t count)
{
    struct list *lists = calloc(g->entity_count ? g->entity_count : 1, sizeof *lists);
    bool ok = lists != NULL;
    for (size_t i = 0; ok && i < count; i++) {
        const struct tg_graph_entity *holders[] = {all[i].person, all[i].organisation};
        for (int h = 0; h < 2 && ok; h++) {
            if (holders[h])
                ok = list_push(&lists[holders[h] - g->entities], &all[i]);
        }
    }
    for (size_t i = 0; ok && i < g->entity_count; i++) {
        struct tg_graph_entity *e = &g->entities[i];
        /* Every statement stays, each with its own article's sentence: several articles
         * stating one office on one date are all evidence of it (the API gathers them into
         * tenures, tg_query_tenures). */
        sort(lists[i].items, lists[i].count, sizeof *lists[i].items, compare_positions);
        e->positions = (const struct tg_graph_position *const *)list_freeze(g, &lists[i], &ok);
        e->position_count = lists[i].count;
    }
    for (size_t i = 0; lists && i < g->entity_count; i++)
        free(lists[i].items);
    free(lists);
    return ok ? TG_OK : TG_ERR_NOMEM;
}

/* An article often names the office beside an event it dates only through another report of
 * the same event (the seeds' second conference report); once events are merged, the holder's
 * earliest dated event reported by the same document dates the position. */
static void date_from_events(struct tg_graph_position *position)
{
    const struct tg_graph_entity *person = position->person;
    for (size_t i = 0; i < person->event_count && !position->as_of; i++) {
        const struct tg_graph_event *event = person->events[i];
        for (size_t k = 0; event->date && k < event->evidence_count; k++) {
            if (event->evidence[k].document == position->document) {
                position->as_of = event->date;
                position->as_of_precision = event->date_precision;
                break;
            }
        }
    }
}

/*
 * The sentence of doc over code points [start, end) (clipped to the text): one of the event's
 * own evidence sentences when it is one (participants are mostly read from the sentence that
 * reports the event), else a copy of the text. NULL only when out of memory.
 */
static const char *sentence_at(struct tg_graph *g, const struct tg_graph_event *ev,
                               const struct tg_graph_document *doc, size_t start, size_t end)
{
    for (size_t i = 0; ev && i < ev->evidence_count; i++) {
        const struct tg_graph_evidence *e = &ev->evidence[i];
        if (e->document == doc && e->start == start && e->end == end)
            return e->sentence;
    }
    size_t b = tg_utf8_offset_of(doc->text, doc->text_bytes, start);
    size_t e =
        end > start ? b + tg_utf8_offset_of(doc->text + b, doc->text_bytes - b, end - start) : b;
    return graph_strndup(g, doc->text + b, e - b);
}

/* Runs after the events are merged, so undated positions can take their events' dates. */
static enum tg_status load_positions(struct tg_graph *g, struct claims *c)
{
    struct tg_graph_position *all =
        graph_alloc(g, (c->positions.count ? c->positions.count : 1) * sizeof *all);
    if (!all)
        return TG_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < c->positions.count; i++) {
        const struct tg_store_position_claim *r = &c->positions.rows[i];
        const struct tg_graph_entity *person = tg_graph_entity_find(g, r->person_id);
        const struct tg_graph_document *doc = graph_document(g, r->document_id);
        if (!person || !doc)
            continue;
        const char *sentence = sentence_at(g, NULL, doc, r->start, r->end);
        if (!sentence)
            return TG_ERR_NOMEM;
        all[n] = (struct tg_graph_position){person,
                                            r->title,
                                            entity_mut(g, r->organisation_id),
                                            r->as_of,
                                            r->as_of_precision,
                                            doc,
                                            {doc, sentence, r->start, r->end}};
        if (!all[n].as_of)
            date_from_events(&all[n]);
        n++;
    }
    return attach_positions(g, all, n);
}

/* One document's report of an event, with the organisations it names, before merging. */
struct report {
    const struct tg_store_event_claim *row; /* the event claim */
    const struct tg_store_participant_claim **participants;
    size_t participant_count;
    const char **organisations; /* sorted entity ids */
    size_t organisation_count;
    uint64_t *bigrams; /* of the title's key, sorted */
    size_t bigram_count;
    long day;       /* the date as a day number, or -1 when undated */
    bool text_date; /* the report's own sentence dates it */
    bool undated;   /* no date though its document has one: the article knows of none */
    size_t cluster; /* union-find parent */
};

static size_t find_cluster(struct report *reports, size_t i)
{
    while (reports[i].cluster != i) {
        reports[i].cluster = reports[reports[i].cluster].cluster;
        i = reports[i].cluster;
    }
    return i;
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The code-point bigrams of a title's key, hashed and sorted, so two titles compare in one
 * merge-like pass. */
static bool title_bigrams(const char *title, struct report *r)
{
    char *key = tg_text_key(title, strlen(title));
    if (!key)
        return false;
    size_t len = strlen(key);
    r->bigrams = malloc((len + 1) * sizeof *r->bigrams);
    for (size_t p = 0, q; r->bigrams && p < len; p = q) {
        q = p;
        tg_utf8_next(key, len, &q);
        size_t after = q;
        if (q < len) {
            tg_utf8_next(key, len, &after);
            r->bigrams[r->bigram_count++] = tg_hash_bytes(key + p, after - p);
        }
    }
    free(key);
    if (r->bigrams)
        sort(r->bigrams, r->bigram_count, sizeof *r->bigrams, compare_u64);
    return r->bigrams != NULL;
}

/* Dice coefficient of two titles' bigrams: robust to the small differences in punctuation and
 * wording two outlets give one event. */
static double title_similarity(const struct report *a, const struct report *b)
{
    size_t i = 0, k = 0, shared = 0;
    while (i < a->bigram_count && k < b->bigram_count) {
        if (a->bigrams[i] == b->bigrams[k]) {
            shared++;
            i++;
            k++;
        } else if (a->bigrams[i] < b->bigrams[k]) {
            i++;
        } else {
            k++;
        }
    }
    size_t total = a->bigram_count + b->bigram_count;
    return total ? 2.0 * (double)shared / (double)total : 0;
}

/* A day number good for differences of a few days: month lengths need not be exact. */
static long day_number(const char *iso)
{
    int y = 0, m = 1, d = 1;
    if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) < 1)
        return -1;
    return (long)y * 372 + (m - 1) * 31 + (d - 1);
}

#define SAME_TITLE 0.5
/* Two outlets date one event within days of each other (event day, publication day). */
#define SAME_EVENT_DAYS 7

static size_t shared_organisations(const struct report *a, const struct report *b)
{
    size_t i = 0, k = 0, shared = 0;
    while (i < a->organisation_count && k < b->organisation_count) {
        int c = strcmp(a->organisations[i], b->organisations[k]);
        if (c == 0) {
            shared++;
            i++;
            k++;
        } else if (c < 0) {
            i++;
        } else {
            k++;
        }
    }
    return shared;
}

/*
 * Two reports from different documents describe one event when they are of one kind, share
 * its organisations (two, or the only one a report names), their dates agree (exactly when
 * both sentences date it; within a week, or unknown, otherwise) and their titles match.
 *
 * A report the article leaves undated (a cabinet decision, a scheme, in a dated release)
 * joins only another report without a date, and only when both name the same organisations:
 * nothing else tells one undated decision or scheme from the next. Letting it join dated
 * reports made it a bridge, since clusters are transitive: one undated cabinet report joined
 * the dated meetings of its kind across the corpus and they took one date (issue 9: events
 * 0.7168 -> 0.6814 when undated events were left undated). A report from a document with no
 * date at all is not undated but unknown, and still joins the dated report of its event (seed
 * 002's conference is seed 001's of 30 มิ.ย. 58).
 */
static bool same_event(const struct report *a, const struct report *b)
{
    if (strcmp(a->row->document_id, b->row->document_id) == 0 || strcmp(a->row->kind, b->row->kind))
        return false;
    bool undated = a->undated || b->undated;
    if (undated && (a->day >= 0 || b->day >= 0))
        return false;
    size_t fewest = a->organisation_count < b->organisation_count ? a->organisation_count
                                                                  : b->organisation_count;
    size_t needed = fewest < 2 ? fewest : 2;
    if (undated && a->organisation_count != b->organisation_count)
        return false;
    if (undated)
        needed = fewest;
    if (needed == 0 || shared_organisations(a, b) < needed)
        return false;
    if (a->text_date && b->text_date)
        return a->day == b->day;
    if (a->day >= 0 && b->day >= 0 && labs(a->day - b->day) > SAME_EVENT_DAYS)
        return false;
    return title_similarity(a, b) >= SAME_TITLE;
}

/* Orders reports by kind, then date (undated first), so candidates for one event are near. */
static int compare_kind_day(const void *x, const void *y)
{
    const struct report *a = *(const struct report *const *)x;
    const struct report *b = *(const struct report *const *)y;
    int c = strcmp(a->row->kind, b->row->kind);
    if (c)
        return c;
    return (a->day > b->day) - (a->day < b->day);
}

static int compare_evidence(const void *a, const void *b)
{
    const struct tg_graph_evidence *x = a, *y = b;
    int c = strcmp(x->document->id, y->document->id);
    return c ? c : (x->start > y->start) - (x->start < y->start);
}

/* Gives every participant the sentences of the reports that name it, in document order;
 * false when out of memory. */
static bool cite_participants(struct tg_graph *g, struct tg_graph_event *ev,
                              struct report **members, size_t n, struct tg_graph_evidence *cited)
{
    struct tg_graph_participant *parts = (struct tg_graph_participant *)ev->participants;
    size_t used = 0;
    for (size_t k = 0; k < ev->participant_count; k++) {
        size_t first = used;
        parts[k].evidence = cited + first;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < members[i]->participant_count; j++) {
                const struct tg_store_participant_claim *p = members[i]->participants[j];
                if (strcmp(p->entity_id, parts[k].entity->id) != 0)
                    continue;
                const struct tg_graph_document *doc = graph_document(g, p->document_id);
                const char *sentence = doc ? sentence_at(g, ev, doc, p->start, p->end) : NULL;
                if (doc && !sentence)
                    return false;
                if (!doc)
                    continue;
                cited[used++] = (struct tg_graph_evidence){doc, sentence, p->start, p->end};
                parts[k].evidence_count++;
            }
        sort(cited + first, used - first, sizeof *cited, compare_evidence);
    }
    return true;
}

/* Folds the reports of one cluster into the event. */
static bool build_event(struct tg_graph *g, struct tg_graph_event *ev, struct report **members,
                        size_t n)
{
    bool ok = true;
    const struct tg_store_event_claim *lead = members[0]->row;
    for (size_t i = 0; i < n; i++) {
        if (members[i]->row->date_from_text && members[i]->row->date) {
            lead = members[i]->row;
            break;
        }
    }
    /* The id hashes the lead report's document id and its ordinal in decimal, as the store
     * wrote it, so ids stay what they were when claims were read as text. */
    char id[24], ordinal[24];
    snprintf(ordinal, sizeof ordinal, "%zu", members[0]->row->ordinal);
    uint64_t h =
        tg_hash_bytes(members[0]->row->document_id, strlen(members[0]->row->document_id) + 1);
    h = tg_hash_update(h, ordinal, strlen(ordinal));
    snprintf(id, sizeof id, "evt_%012llx", (unsigned long long)(h & 0xffffffffffffULL));
    ev->id = graph_strndup(g, id, strlen(id));
    ok = ev->id != NULL;
    ev->kind = lead->kind;
    ev->title = lead->title;
    ev->date = lead->date;
    ev->date_precision = lead->date_precision;
    struct tg_graph_evidence *evidence = graph_alloc(g, n * sizeof *evidence);
    size_t max_participants = 0;
    for (size_t i = 0; i < n; i++)
        max_participants += members[i]->participant_count;
    struct tg_graph_participant *parts =
        graph_alloc(g, (max_participants ? max_participants : 1) * sizeof *parts);
    struct tg_graph_evidence *cited =
        graph_alloc(g, (max_participants ? max_participants : 1) * sizeof *cited);
    if (!evidence || !parts || !cited)
        return false;
    for (size_t i = 0; i < n; i++) {
        const struct tg_store_event_claim *r = members[i]->row;
        if (!ev->place)
            ev->place = tg_graph_entity_find(g, r->place_id ? r->place_id : "");
        if (!ev->programme)
            ev->programme = tg_graph_entity_find(g, r->programme_id ? r->programme_id : "");
        evidence[i] = (struct tg_graph_evidence){graph_document(g, r->document_id), r->sentence,
                                                 r->start, r->end};
    }
    sort(evidence, n, sizeof *evidence, compare_evidence);
    ev->evidence = evidence;
    ev->evidence_count = n;
    /* Organisations first, then people; each once with its highest role. */
    for (int people = 0; people < 2; people++) {
        for (size_t i = 0; i < n; i++) {
            for (size_t k = 0; k < members[i]->participant_count; k++) {
                const struct tg_store_participant_claim *p = members[i]->participants[k];
                const struct tg_graph_entity *e = tg_graph_entity_find(g, p->entity_id);
                if (!e || (e->type == TG_GRAPH_PERSON) != (people == 1))
                    continue;
                size_t at = 0;
                while (at < ev->participant_count && parts[at].entity != e)
                    at++;
                if (at == ev->participant_count)
                    parts[ev->participant_count++] =
                        (struct tg_graph_participant){.entity = e, .role = p->role};
                else if (graph_role_rank(p->role) > graph_role_rank(parts[at].role))
                    parts[at].role = p->role;
            }
        }
    }
    ev->participants = parts;
    ok = ok && cite_participants(g, ev, members, n, cited);
    ev->collaboration = graph_event_is_collaboration(ev);
    return ok;
}

static int compare_events(const void *a, const void *b)
{
    const struct tg_graph_event *x = a, *y = b;
    return compare_dated(x->date, x->id, y->date, y->id);
}

static int compare_strings_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Gathers each report's participants and sorted organisation ids. Rows of both tables are
 * ordered by document and ordinal, so one forward walk pairs them. */
static bool gather_reports(const struct tg_graph *g, const struct claims *c, struct report *reports)
{
    size_t p = 0;
    const struct tg_store_participant_claim *parts = c->participants.rows;
    size_t count = c->participants.count;
    for (size_t i = 0; i < c->events.count; i++) {
        struct report *r = &reports[i];
        r->row = &c->events.rows[i];
        r->cluster = i;
        while (p < count && (strcmp(parts[p].document_id, r->row->document_id) < 0 ||
                             (strcmp(parts[p].document_id, r->row->document_id) == 0 &&
                              parts[p].ordinal < r->row->ordinal)))
            p++;
        size_t start = p;
        while (p < count && strcmp(parts[p].document_id, r->row->document_id) == 0 &&
               parts[p].ordinal == r->row->ordinal)
            p++;
        r->participant_count = p - start;
        r->participants = malloc((r->participant_count + 1) * sizeof *r->participants);
        r->organisations = malloc((r->participant_count + 1) * sizeof *r->organisations);
        if (!r->participants || !r->organisations)
            return false;
        for (size_t k = 0; k < r->participant_count; k++) {
            const struct tg_store_participant_claim *part = &parts[start + k];
            r->participants[k] = part;
            bool is_org = strncmp(part->entity_id, "org_", 4) == 0;
            bool repeat = r->organisation_count &&
                          strcmp(r->organisations[r->organisation_count - 1], part->entity_id) == 0;
            if (is_org && !repeat)
                r->organisations[r->organisation_count++] = part->entity_id;
        }
        sort(r->organisations, r->organisation_count, sizeof *r->organisations,
             compare_strings_ptr);
        r->day = day_number(r->row->date);
        r->text_date = r->row->date_from_text && r->day >= 0;
        const struct tg_graph_document *doc = graph_document(g, r->row->document_id);
        r->undated = r->day < 0 && doc && doc->published;
        if (!title_bigrams(r->row->title, r))
            return false;
    }
    return true;
}

/* Gives every entity and document the events it takes part in or reports, oldest first. */
static enum tg_status attach_events(struct tg_graph *g)
{
    struct list *by_entity = calloc(g->entity_count + 1, sizeof *by_entity);
    struct list *by_doc = calloc(g->document_count + 1, sizeof *by_doc);
    bool ok = by_entity && by_doc;
    for (size_t i = 0; ok && i < g->event_count; i++) {
        const struct tg_graph_event *ev = &g->events[i];
        for (size_t k = 0; k < ev->participant_count && ok; k++)
            ok = list_push(&by_entity[ev->participants[k].entity - g->entities], (void *)ev);
        for (size_t k = 0; k < ev->evidence_count && ok; k++) {
            struct list *l = &by_doc[ev->evidence[k].document - g->documents];
            if (!l->count || l->items[l->count - 1] != ev)
                ok = list_push(l, (void *)ev);
        }
    }
    for (size_t i = 0; ok && i < g->entity_count; i++) {
        g->entities[i].events =
            (const struct tg_graph_event *const *)list_freeze(g, &by_entity[i], &ok);
        g->entities[i].event_count = by_entity[i].count;
    }
    for (size_t i = 0; ok && i < g->document_count; i++) {
        g->documents[i].events =
            (const struct tg_graph_event *const *)list_freeze(g, &by_doc[i], &ok);
        g->documents[i].event_count = by_doc[i].count;
    }
    for (size_t i = 0; by_entity && i < g->entity_count; i++)
        free(by_entity[i].items);
    for (size_t i = 0; by_doc && i < g->document_count; i++)
        free(by_doc[i].items);
    free(by_entity);
    free(by_doc);
    return ok ? TG_OK : TG_ERR_NOMEM;
}

static enum tg_status load_events(struct tg_graph *g, const struct claims *c)
{
    size_t count = c->events.count;
    struct report *reports = calloc(count + 1, sizeof *reports);
    struct report **members = calloc(count + 1, sizeof *members);
    bool ok = reports && members && gather_reports(g, c, reports);
    /* Candidates for one event share a kind and lie within days of each other, so after
     * sorting by both each report is compared only with its neighbours in time, an undated
     * report (sorted first) only with the others without a date (same_event()), and one of
     * unknown date with its whole kind (real corpora date their documents). */
    for (size_t i = 0; ok && i < count; i++)
        members[i] = &reports[i];
    if (ok)
        sort(members, count, sizeof *members, compare_kind_day);
    for (size_t i = 0; ok && i < count; i++) {
        for (size_t k = i + 1; k < count; k++) {
            const struct report *a = members[i], *b = members[k];
            if (strcmp(a->row->kind, b->row->kind) != 0 || (a->undated && b->day >= 0) ||
                (a->day >= 0 && b->day - a->day > SAME_EVENT_DAYS))
                break;
            size_t x = find_cluster(reports, (size_t)(a - reports));
            size_t y = find_cluster(reports, (size_t)(b - reports));
            if (x != y && same_event(a, b))
                reports[x > y ? x : y].cluster = x < y ? x : y;
        }
    }
    size_t clusters = 0;
    for (size_t i = 0; ok && i < count; i++)
        clusters += find_cluster(reports, i) == i;
    g->events = ok ? graph_alloc(g, (clusters ? clusters : 1) * sizeof *g->events) : NULL;
    ok = ok && g->events;
    /* Each cluster's reports in report order, gathered in one pass: scanning every report for
     * each cluster was quadratic (issue 10). A root is its cluster's first report. */
    size_t *first = ok ? calloc(count + 1, sizeof *first) : NULL;
    size_t *size = ok ? calloc(count + 1, sizeof *size) : NULL;
    ok = ok && first && size;
    for (size_t i = 0; ok && i < count; i++)
        size[find_cluster(reports, i)]++;
    for (size_t i = 0, at = 0; ok && i < count; i++) {
        first[i] = at;
        at += size[i];
        size[i] = 0;
    }
    for (size_t i = 0; ok && i < count; i++) {
        size_t root = find_cluster(reports, i);
        members[first[root] + size[root]++] = &reports[i];
    }
    for (size_t i = 0; ok && i < count; i++)
        if (find_cluster(reports, i) == i)
            ok = build_event(g, &g->events[g->event_count++], members + first[i], size[i]);
    free(first);
    free(size);
    for (size_t i = 0; reports && i < count; i++) {
        free(reports[i].participants);
        free(reports[i].organisations);
        free(reports[i].bigrams);
    }
    free(reports);
    free(members);
    if (!ok)
        return TG_ERR_NOMEM;
    sort(g->events, g->event_count, sizeof *g->events, compare_events);
    g->events_by_id = graph_alloc(g, (g->event_count + 1) * sizeof *g->events_by_id);
    if (!g->events_by_id)
        return TG_ERR_NOMEM;
    for (size_t i = 0; i < g->event_count; i++)
        g->events_by_id[i] = &g->events[i];
    sort(g->events_by_id, g->event_count, sizeof *g->events_by_id, graph_compare_event_ids);
    return attach_events(g);
}

enum tg_status build_merge(struct tg_graph *g, struct tg_store_writer *writer, struct tg_error *err)
{
    struct claims c = {.g = g};
    static const struct tg_store_claim_visitor visitor = {
        take_entity, take_name, take_mention, take_position, take_event, take_participant,
    };
    const char **parents = NULL;
    enum tg_status status = tg_store_writer_claims(writer, &visitor, &c, err);
    if (status == TG_OK)
        status = check_claims(g, &c, err);
    if (status == TG_OK)
        status = load_entities(g, &c, &parents);
    if (status == TG_OK)
        status = link_entities(g, parents);
    if (status == TG_OK)
        status = load_names(g, &c);
    if (status == TG_OK)
        status = index_names(g);
    if (status == TG_OK)
        status = load_mentions(g, &c);
    if (status == TG_OK)
        status = load_events(g, &c);
    if (status == TG_OK)
        status = load_positions(g, &c);
    free(c.entities.rows);
    free(c.names.rows);
    free(c.mentions.rows);
    free(c.positions.rows);
    free(c.events.rows);
    free(c.participants.rows);
    free(parents);
    if (status == TG_ERR_NOMEM)
        tg_error_set(err, status, "out of memory merging the claims");
    return status;
}
