/*
 * Entities, events and their relations, merged from the per-document claims of the store.
 *
 * Loading reads each claim table once into temporary rows, sorts them, and folds them into the
 * snapshot's arena: entities by id, events by clustering the reports that describe one event,
 * then the adjacency arrays (documents, events and positions of each entity, events of each
 * document) that queries walk.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "thaigraph/extract.h"
#include "thaigraph/hash.h"
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

/* One claim row with its columns copied into the arena (strings outlive the callback). */
struct row {
    const char *col[13];
};

struct rows {
    struct tg_graph *g;
    struct row *rows;
    size_t count, cap;
    int columns;
};

static enum tg_status collect_row(void *ctx, const char *const *columns)
{
    struct rows *r = ctx;
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        struct row *grown = realloc(r->rows, cap * sizeof *grown);
        if (!grown)
            return TG_ERR_NOMEM;
        r->rows = grown;
        r->cap = cap;
    }
    bool ok = true;
    struct row *row = &r->rows[r->count];
    for (int c = 0; c < r->columns; c++)
        row->col[c] = graph_strdup_optional(r->g, columns[c], &ok);
    if (!ok)
        return TG_ERR_NOMEM;
    r->count++;
    return TG_OK;
}

static enum tg_status read_rows(struct tg_graph *g, struct tg_store_reader *reader,
                                enum tg_store_rows table, int columns, struct rows *out,
                                struct tg_error *err)
{
    *out = (struct rows){.g = g, .columns = columns};
    return tg_store_reader_rows(reader, table, collect_row, out, err);
}

static long to_long(const char *s)
{
    return s ? strtol(s, NULL, 10) : 0;
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

static struct tg_graph_entity *entity_mut(struct tg_graph *g, const char *id)
{
    return id ? (struct tg_graph_entity *)tg_graph_entity_find(g, id) : NULL;
}

static int compare_rows_by_entity(const void *a, const void *b)
{
    const struct row *x = a, *y = b;
    int c = strcmp(x->col[1], y->col[1]);
    return c ? c : strcmp(x->col[0], y->col[0]);
}

static enum tg_graph_type type_of(const char *name)
{
    for (int t = 0; t < TG_GRAPH_TYPE_COUNT; t++) {
        if (strcmp(type_names[t], name) == 0)
            return (enum tg_graph_type)t;
    }
    return TG_GRAPH_TYPE_COUNT;
}

/*
 * Folds the claims of one entity (rows[0..n), one per document) into it. Gazetteer-backed
 * claims decide first; otherwise the name most documents use wins, and the first non-empty
 * kind, honorific and parent in document order.
 */
static void merge_entity(struct tg_graph_entity *e, struct row *rows, size_t n, const char **parent)
{
    /* columns: document_id, entity_id, type, key, name, kind, honorific, parent_id, known,
     * mentions */
    size_t best = 0, best_votes = 0;
    for (size_t i = 0; i < n; i++) {
        size_t votes = 0;
        for (size_t k = 0; k < n; k++)
            votes += strcmp(rows[k].col[4], rows[i].col[4]) == 0;
        votes += to_long(rows[i].col[8]) ? n : 0;
        if (votes > best_votes) {
            best = i;
            best_votes = votes;
        }
    }
    e->id = rows[0].col[1];
    e->type = type_of(rows[0].col[2]);
    e->name = rows[best].col[4];
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            if ((to_long(rows[i].col[8]) != 0) != (pass == 0))
                continue;
            if (!e->kind)
                e->kind = rows[i].col[5];
            if (!e->honorific)
                e->honorific = rows[i].col[6];
            if (!*parent)
                *parent = rows[i].col[7];
        }
    }
    for (size_t i = 0; i < n; i++)
        e->mention_count += (size_t)to_long(rows[i].col[9]);
}

static enum tg_status load_entities(struct tg_graph *g, struct rows *claims, const char ***parents)
{
    sort(claims->rows, claims->count, sizeof *claims->rows, compare_rows_by_entity);
    size_t groups = 0;
    for (size_t i = 0; i < claims->count; i++)
        groups += i == 0 || strcmp(claims->rows[i].col[1], claims->rows[i - 1].col[1]) != 0;
    g->entities = graph_alloc(g, (groups ? groups : 1) * sizeof *g->entities);
    *parents = calloc(groups ? groups : 1, sizeof **parents);
    if (!g->entities || !*parents)
        return TG_ERR_NOMEM;
    struct list docs = {0};
    bool ok = true;
    for (size_t i = 0; i < claims->count && ok;) {
        size_t j = i;
        docs.count = 0;
        while (j < claims->count && strcmp(claims->rows[j].col[1], claims->rows[i].col[1]) == 0) {
            struct tg_graph_document *doc = graph_document(g, claims->rows[j].col[0]);
            ok = ok && (!doc || list_push(&docs, doc));
            j++;
        }
        struct tg_graph_entity *e = &g->entities[g->entity_count];
        merge_entity(e, claims->rows + i, j - i, &(*parents)[g->entity_count]);
        e->documents = (const struct tg_graph_document *const *)list_freeze(g, &docs, &ok);
        e->document_count = docs.count;
        if (e->type != TG_GRAPH_TYPE_COUNT)
            g->entity_count++;
        i = j;
    }
    free(docs.items);
    return ok ? TG_OK : TG_ERR_NOMEM;
}

/* Parents, children and the per-type indexes, once every entity exists. */
static enum tg_status link_entities(struct tg_graph *g, const char **parents)
{
    bool ok = true;
    struct list children = {0};
    for (size_t i = 0; i < g->entity_count; i++) {
        struct tg_graph_entity *e = &g->entities[i];
        e->parent = entity_mut(g, parents[i]);
        if (e->parent == e)
            e->parent = NULL;
        g->type_count[e->type]++;
    }
    for (int t = 0; t < TG_GRAPH_TYPE_COUNT; t++) {
        g->by_type[t] =
            graph_alloc(g, (g->type_count[t] ? g->type_count[t] : 1) * sizeof *g->by_type[t]);
        ok = ok && g->by_type[t];
        g->type_count[t] = 0;
    }
    for (size_t i = 0; ok && i < g->entity_count; i++) {
        struct tg_graph_entity *e = &g->entities[i];
        g->by_type[e->type][g->type_count[e->type]++] = e;
        children.count = 0;
        /* Children are few per parent; a scan per organisation keeps loading simple. */
        if (e->type == TG_GRAPH_ORGANISATION) {
            for (size_t k = 0; k < g->entity_count && ok; k++) {
                if (g->entities[k].parent == e && g->entities[k].type == TG_GRAPH_ORGANISATION)
                    ok = list_push(&children, &g->entities[k]);
            }
        }
        e->children = (const struct tg_graph_entity *const *)list_freeze(g, &children, &ok);
        e->child_count = children.count;
    }
    free(children.items);
    return ok ? TG_OK : TG_ERR_NOMEM;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Abbreviations and aliases, each once and sorted. Rows are sorted by entity, form, name. */
static enum tg_status load_names(struct tg_graph *g, struct rows *names)
{
    /* columns: document_id, entity_id, form, name */
    sort(names->rows, names->count, sizeof *names->rows, compare_rows_by_entity);
    struct list forms[2] = {{0}};
    bool ok = true;
    for (size_t i = 0; i < names->count && ok;) {
        struct tg_graph_entity *e = entity_mut(g, names->rows[i].col[1]);
        forms[0].count = forms[1].count = 0;
        size_t j = i;
        for (; j < names->count && strcmp(names->rows[j].col[1], names->rows[i].col[1]) == 0; j++)
            ok = ok && list_push(&forms[strcmp(names->rows[j].col[2], "alias") == 0],
                                 (void *)names->rows[j].col[3]);
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

/* The normalised form names are compared in: the extractor's key without a trailing dot. */
static char *name_key(const char *name)
{
    char *key = tg_extract_key(name, strlen(name));
    size_t n = key ? strlen(key) : 0;
    if (n > 1 && key[n - 1] == '.')
        key[n - 1] = '\0';
    return key;
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
    char *key = name_key(name);
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

enum tg_status tg_graph_resolve(const struct tg_graph *g, enum tg_graph_type type, const char *name,
                                const struct tg_graph_entity **matches, size_t cap, size_t *count)
{
    *count = 0;
    if (tg_utf8_validate(name, strlen(name), NULL) != TG_OK)
        return TG_ERR_INVALID_UTF8;
    char *key = name_key(name);
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

static enum tg_status load_mentions(struct tg_graph *g, struct rows *rows)
{
    /* columns: document_id, start, end, type, surface, entity_id, value; by document, start */
    struct tg_graph_mention *all = graph_alloc(g, (rows->count ? rows->count : 1) * sizeof *all);
    if (!all)
        return TG_ERR_NOMEM;
    struct tg_graph_document *doc = NULL;
    for (size_t i = 0; i < rows->count; i++) {
        const struct row *r = &rows->rows[i];
        if (!doc || strcmp(doc->id, r->col[0]) != 0) {
            doc = graph_document(g, r->col[0]);
            if (doc)
                doc->mentions = &all[i];
        }
        if (!doc)
            continue;
        all[i] = (struct tg_graph_mention){(size_t)to_long(r->col[1]),
                                           (size_t)to_long(r->col[2]),
                                           r->col[3],
                                           r->col[4],
                                           r->col[6],
                                           tg_graph_entity_find(g, r->col[5] ? r->col[5] : "")};
        doc->mention_count++;
        const struct tg_graph_entity *e = all[i].entity;
        bool first = true;
        for (size_t k = 0; e && k + 1 < doc->mention_count; k++)
            first = first && doc->mentions[k].entity != e;
        if (e && first && e->type == TG_GRAPH_ORGANISATION)
            doc->organisation_count++;
        if (e && first && e->type == TG_GRAPH_PERSON)
            doc->person_count++;
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

static bool optional_equal(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Several articles stating one office on one date are one position (the first, oldest
 * document's); keeps the list's order. */
static void drop_restated_positions(struct list *l)
{
    size_t kept = 0;
    for (size_t i = 0; i < l->count; i++) {
        const struct tg_graph_position *p = l->items[i];
        bool restated = false;
        for (size_t k = 0; k < kept && !restated; k++) {
            const struct tg_graph_position *q = l->items[k];
            restated = q->person == p->person && q->organisation == p->organisation &&
                       strcmp(q->title, p->title) == 0 && optional_equal(q->as_of, p->as_of);
        }
        if (!restated)
            l->items[kept++] = l->items[i];
    }
    l->count = kept;
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
        sort(lists[i].items, lists[i].count, sizeof *lists[i].items, compare_positions);
        drop_restated_positions(&lists[i]);
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
static enum tg_status load_positions(struct tg_graph *g, struct rows *rows)
{
    /* columns: document_id, person_id, title, organisation_id, as_of, as_of_precision, start,
     * end */
    struct tg_graph_position *all = graph_alloc(g, (rows->count ? rows->count : 1) * sizeof *all);
    if (!all)
        return TG_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < rows->count; i++) {
        const struct row *r = &rows->rows[i];
        const struct tg_graph_entity *person = tg_graph_entity_find(g, r->col[1]);
        const struct tg_graph_document *doc = graph_document(g, r->col[0]);
        if (!person || !doc)
            continue;
        size_t start = (size_t)to_long(r->col[6]), end = (size_t)to_long(r->col[7]);
        const char *sentence = sentence_at(g, NULL, doc, start, end);
        if (!sentence)
            return TG_ERR_NOMEM;
        all[n] =
            (struct tg_graph_position){person,    r->col[2], entity_mut(g, r->col[3]),   r->col[4],
                                       r->col[5], doc,       {doc, sentence, start, end}};
        if (!all[n].as_of)
            date_from_events(&all[n]);
        n++;
    }
    return attach_positions(g, all, n);
}

/* One document's report of an event, with the organisations it names, before merging. */
struct report {
    const struct row *row; /* the event claim */
    const struct row **participants;
    size_t participant_count;
    const char **organisations; /* sorted entity ids */
    size_t organisation_count;
    uint64_t *bigrams; /* of the title's key, sorted */
    size_t bigram_count;
    long day;       /* the date as a day number, or -1 when undated */
    bool text_date; /* the report's own sentence dates it */
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
    char *key = tg_extract_key(title, strlen(title));
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
 */
static bool same_event(const struct report *a, const struct report *b)
{
    /* event columns: document_id, ordinal, kind, title, ... */
    if (strcmp(a->row->col[0], b->row->col[0]) == 0 || strcmp(a->row->col[2], b->row->col[2]))
        return false;
    size_t fewest = a->organisation_count < b->organisation_count ? a->organisation_count
                                                                  : b->organisation_count;
    size_t needed = fewest < 2 ? fewest : 2;
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
    int c = strcmp(a->row->col[2], b->row->col[2]);
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
 * false when out of memory. participant columns: document_id, ordinal, entity_id, role, start,
 * end. */
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
                const struct row *p = members[i]->participants[j];
                if (strcmp(p->col[2], parts[k].entity->id) != 0)
                    continue;
                const struct tg_graph_document *doc = graph_document(g, p->col[0]);
                size_t start = (size_t)to_long(p->col[4]), end = (size_t)to_long(p->col[5]);
                const char *sentence = doc ? sentence_at(g, ev, doc, start, end) : NULL;
                if (doc && !sentence)
                    return false;
                if (!doc)
                    continue;
                cited[used++] = (struct tg_graph_evidence){doc, sentence, start, end};
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
    const struct row *lead = members[0]->row;
    for (size_t i = 0; i < n; i++) {
        if (to_long(members[i]->row->col[6]) && members[i]->row->col[4]) {
            lead = members[i]->row;
            break;
        }
    }
    char id[24];
    uint64_t h = tg_hash_bytes(members[0]->row->col[0], strlen(members[0]->row->col[0]) + 1);
    h = tg_hash_update(h, members[0]->row->col[1], strlen(members[0]->row->col[1]));
    snprintf(id, sizeof id, "evt_%012llx", (unsigned long long)(h & 0xffffffffffffULL));
    ev->id = graph_strndup(g, id, strlen(id));
    ok = ev->id != NULL;
    ev->kind = lead->col[2];
    ev->title = lead->col[3];
    ev->date = lead->col[4];
    ev->date_precision = lead->col[5];
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
        const struct row *r = members[i]->row;
        if (!ev->place)
            ev->place = tg_graph_entity_find(g, r->col[7] ? r->col[7] : "");
        if (!ev->programme)
            ev->programme = tg_graph_entity_find(g, r->col[8] ? r->col[8] : "");
        evidence[i] =
            (struct tg_graph_evidence){graph_document(g, r->col[0]), r->col[10],
                                       (size_t)to_long(r->col[11]), (size_t)to_long(r->col[12])};
    }
    sort(evidence, n, sizeof *evidence, compare_evidence);
    ev->evidence = evidence;
    ev->evidence_count = n;
    /* Organisations first, then people; each once with its highest role. */
    for (int people = 0; people < 2; people++) {
        for (size_t i = 0; i < n; i++) {
            for (size_t k = 0; k < members[i]->participant_count; k++) {
                const struct row *p = members[i]->participants[k];
                const struct tg_graph_entity *e = tg_graph_entity_find(g, p->col[2]);
                if (!e || (e->type == TG_GRAPH_PERSON) != (people == 1))
                    continue;
                size_t at = 0;
                while (at < ev->participant_count && parts[at].entity != e)
                    at++;
                if (at == ev->participant_count)
                    parts[ev->participant_count++] =
                        (struct tg_graph_participant){.entity = e, .role = p->col[3]};
                else if (graph_role_rank(p->col[3]) > graph_role_rank(parts[at].role))
                    parts[at].role = p->col[3];
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

static int compare_event_ids(const void *a, const void *b)
{
    return strcmp((*(const struct tg_graph_event *const *)a)->id,
                  (*(const struct tg_graph_event *const *)b)->id);
}

static int compare_strings_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Gathers each report's participants and sorted organisation ids. Rows of both tables are
 * ordered by document and ordinal, so one forward walk pairs them. */
static bool gather_reports(struct rows *events, struct rows *participants, struct report *reports)
{
    size_t p = 0;
    for (size_t i = 0; i < events->count; i++) {
        struct report *r = &reports[i];
        r->row = &events->rows[i];
        r->cluster = i;
        while (p < participants->count &&
               (strcmp(participants->rows[p].col[0], r->row->col[0]) < 0 ||
                (strcmp(participants->rows[p].col[0], r->row->col[0]) == 0 &&
                 to_long(participants->rows[p].col[1]) < to_long(r->row->col[1]))))
            p++;
        size_t start = p;
        while (p < participants->count &&
               strcmp(participants->rows[p].col[0], r->row->col[0]) == 0 &&
               to_long(participants->rows[p].col[1]) == to_long(r->row->col[1]))
            p++;
        r->participant_count = p - start;
        r->participants = malloc((r->participant_count + 1) * sizeof *r->participants);
        r->organisations = malloc((r->participant_count + 1) * sizeof *r->organisations);
        if (!r->participants || !r->organisations)
            return false;
        for (size_t k = 0; k < r->participant_count; k++) {
            const struct row *part = &participants->rows[start + k];
            r->participants[k] = part;
            bool is_org = strncmp(part->col[2], "org_", 4) == 0;
            bool repeat = r->organisation_count &&
                          strcmp(r->organisations[r->organisation_count - 1], part->col[2]) == 0;
            if (is_org && !repeat)
                r->organisations[r->organisation_count++] = part->col[2];
        }
        sort(r->organisations, r->organisation_count, sizeof *r->organisations,
             compare_strings_ptr);
        r->day = day_number(r->row->col[4]);
        r->text_date = to_long(r->row->col[6]) != 0 && r->day >= 0;
        if (!title_bigrams(r->row->col[3], r))
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

static enum tg_status load_events(struct tg_graph *g, struct rows *events,
                                  struct rows *participants)
{
    struct report *reports = calloc(events->count + 1, sizeof *reports);
    struct report **members = calloc(events->count + 1, sizeof *members);
    bool ok = reports && members && gather_reports(events, participants, reports);
    /* Candidates for one event share a kind and lie within days of each other, so after
     * sorting by both each report is compared only with its neighbours in time (and undated
     * reports with their whole kind, which real corpora rarely have). */
    for (size_t i = 0; ok && i < events->count; i++)
        members[i] = &reports[i];
    if (ok)
        sort(members, events->count, sizeof *members, compare_kind_day);
    for (size_t i = 0; ok && i < events->count; i++) {
        for (size_t k = i + 1; k < events->count; k++) {
            const struct report *a = members[i], *b = members[k];
            if (strcmp(a->row->col[2], b->row->col[2]) != 0 ||
                (a->day >= 0 && b->day - a->day > SAME_EVENT_DAYS))
                break;
            size_t x = find_cluster(reports, (size_t)(a - reports));
            size_t y = find_cluster(reports, (size_t)(b - reports));
            if (x != y && same_event(a, b))
                reports[x > y ? x : y].cluster = x < y ? x : y;
        }
    }
    size_t clusters = 0;
    for (size_t i = 0; ok && i < events->count; i++)
        clusters += find_cluster(reports, i) == i;
    g->events = ok ? graph_alloc(g, (clusters ? clusters : 1) * sizeof *g->events) : NULL;
    ok = ok && g->events;
    for (size_t i = 0; ok && i < events->count; i++) {
        if (find_cluster(reports, i) != i)
            continue;
        size_t n = 0;
        for (size_t k = i; k < events->count; k++) {
            if (find_cluster(reports, k) == i)
                members[n++] = &reports[k];
        }
        ok = build_event(g, &g->events[g->event_count++], members, n);
    }
    for (size_t i = 0; reports && i < events->count; i++) {
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
    sort(g->events_by_id, g->event_count, sizeof *g->events_by_id, compare_event_ids);
    return attach_events(g);
}

enum tg_status graph_load_claims(struct tg_graph *g, struct tg_store_reader *reader,
                                 struct tg_error *err)
{
    struct rows tables[6] = {{0}};
    static const struct {
        enum tg_store_rows table;
        int columns;
    } wanted[6] = {
        {TG_STORE_ENTITY_CLAIMS, 10}, {TG_STORE_NAME_CLAIMS, 4},
        {TG_STORE_MENTIONS, 7},       {TG_STORE_POSITION_CLAIMS, 8},
        {TG_STORE_EVENT_CLAIMS, 13},  {TG_STORE_PARTICIPANT_CLAIMS, 6},
    };
    const char **parents = NULL;
    enum tg_status status = TG_OK;
    for (int t = 0; t < 6 && status == TG_OK; t++)
        status = read_rows(g, reader, wanted[t].table, wanted[t].columns, &tables[t], err);
    if (status == TG_OK)
        status = load_entities(g, &tables[0], &parents);
    if (status == TG_OK)
        status = link_entities(g, parents);
    if (status == TG_OK)
        status = load_names(g, &tables[1]);
    if (status == TG_OK)
        status = index_names(g);
    if (status == TG_OK)
        status = load_mentions(g, &tables[2]);
    if (status == TG_OK)
        status = load_events(g, &tables[4], &tables[5]);
    if (status == TG_OK)
        status = load_positions(g, &tables[3]);
    for (int t = 0; t < 6; t++)
        free(tables[t].rows);
    free(parents);
    if (status == TG_ERR_NOMEM)
        tg_error_set(err, status, "out of memory loading the graph");
    return status;
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
        bsearch(&key_ptr, g->events_by_id, g->event_count, sizeof key_ptr, compare_event_ids);
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
