/*
 * Office holders over time. The snapshot holds positions as statements (a person, a title, an
 * organisation and the date an article states it for); a tenure gathers one person's statements
 * of one office, and the tenures of one office ordered by their first dates are its succession.
 * Everything is computed from the positions of the organisations concerned, so a question about
 * one ministry reads only that ministry's positions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/grow.h"
#include "thaigraph/text.h"
#include "thaigraph/hash.h"
#include "thaigraph/query.h"
#include "thaigraph/utf8.h"

struct tg_query_tenures {
    struct tg_query_tenure *all; /* every tenure of the offices examined */
    size_t all_count;
    const struct tg_query_tenure **kept; /* what the filter keeps, in answer order */
    size_t kept_count;
    const struct tg_graph_position **positions; /* grouped by tenure */
};

/* A growable set of positions, each once. */
struct positions {
    const struct tg_graph_position **items;
    size_t count, cap;
};

static bool push(struct positions *p, const struct tg_graph_position *position)
{
    const struct tg_graph_position **grown =
        tg_grow(p->items, &p->cap, p->count + 1, sizeof *grown);
    if (!grown)
        return false;
    p->items = grown;
    p->items[p->count++] = position;
    return true;
}

/* Whether a title is the one asked for: the same string, or the same once normalised. Titles
 * repeat a lot (every statement of one office), so verdicts are remembered per distinct title. */
struct title_match {
    const char *key; /* the filter's normalised title; NULL: every title matches */
    struct {
        const char *title;
        bool match;
    } seen[64];
    size_t seen_count;
};

static bool title_matches(struct title_match *m, const char *title, bool *ok)
{
    if (!m->key)
        return true;
    for (size_t i = 0; i < m->seen_count; i++) {
        if (strcmp(m->seen[i].title, title) == 0)
            return m->seen[i].match;
    }
    char *key = tg_text_key(title, strlen(title));
    if (!key) {
        *ok = false;
        return false;
    }
    bool match = strcmp(key, m->key) == 0;
    free(key);
    if (m->seen_count < sizeof m->seen / sizeof m->seen[0]) {
        m->seen[m->seen_count].title = title;
        m->seen[m->seen_count++].match = match;
    }
    return match;
}

static bool add_positions(struct positions *out, const struct tg_graph_position *const *list,
                          size_t count, const struct tg_graph_entity *organisation,
                          bool only_unnamed, struct title_match *titles, bool *ok)
{
    for (size_t i = 0; i < count && *ok; i++) {
        const struct tg_graph_position *p = list[i];
        if (organisation && p->organisation != organisation)
            continue;
        if (only_unnamed && p->organisation)
            continue;
        if (title_matches(titles, p->title, ok) && !push(out, p))
            *ok = false;
    }
    return *ok;
}

static bool listed(const struct tg_graph_entity *const *list, size_t count,
                   const struct tg_graph_entity *e)
{
    for (size_t i = 0; i < count; i++) {
        if (list[i] == e)
            return true;
    }
    return false;
}

/* Whether an earlier position of the filter's people (before person i's position k) is in org,
 * so its organisation's positions are already gathered. */
static bool office_seen(const struct tg_query_tenure_filter *f, size_t i, size_t k,
                        const struct tg_graph_entity *org)
{
    for (size_t a = 0; a <= i; a++) {
        const struct tg_graph_entity *person = f->people[a];
        size_t end = a == i ? k : person->position_count;
        for (size_t b = 0; b < end; b++) {
            if (person->positions[b]->organisation == org)
                return true;
        }
    }
    return false;
}

/*
 * Every statement of the offices the filter can concern. An office in an organisation is read
 * from the organisation's positions (they list every holder); offices without an organisation
 * only from a scan of everyone's.
 */
static bool gather(const struct tg_graph *g, const struct tg_query_tenure_filter *f,
                   struct title_match *titles, struct positions *out)
{
    bool ok = true;
    bool scan_all = f->id || (!f->organisation_count && !f->person_count);
    bool scan_unnamed = false;
    if (f->organisation_count && !scan_all) {
        for (size_t i = 0; i < f->organisation_count && ok; i++) {
            const struct tg_graph_entity *org = f->organisations[i];
            if (!listed(f->organisations, i, org))
                add_positions(out, org->positions, org->position_count, org, false, titles, &ok);
        }
    } else if (!scan_all) {
        for (size_t i = 0; i < f->person_count && ok; i++) {
            const struct tg_graph_entity *person = f->people[i];
            for (size_t k = 0; k < person->position_count && ok; k++) {
                const struct tg_graph_entity *org = person->positions[k]->organisation;
                scan_unnamed = scan_unnamed || !org;
                if (org && !office_seen(f, i, k, org))
                    add_positions(out, org->positions, org->position_count, org, false, titles,
                                  &ok);
            }
        }
    }
    if (scan_all || scan_unnamed) {
        size_t people = tg_graph_entity_count(g, TG_GRAPH_PERSON);
        for (size_t i = 0; i < people && ok; i++) {
            const struct tg_graph_entity *person = tg_graph_entity_at(g, TG_GRAPH_PERSON, i);
            add_positions(out, person->positions, person->position_count, NULL, !scan_all, titles,
                          &ok);
        }
    }
    return ok;
}

static const char *id_of(const struct tg_graph_entity *e)
{
    return e ? e->id : "";
}

/* Statements of one office by one person are neighbours, oldest first. */
static int by_tenure(const void *a, const void *b)
{
    const struct tg_graph_position *x = *(const struct tg_graph_position *const *)a;
    const struct tg_graph_position *y = *(const struct tg_graph_position *const *)b;
    int c = strcmp(id_of(x->organisation), id_of(y->organisation));
    if (!c)
        c = strcmp(x->title, y->title);
    if (!c)
        c = strcmp(x->person->id, y->person->id);
    if (!c)
        c = tg_query_compare_dates(x->as_of, y->as_of);
    return c ? c : strcmp(x->document->id, y->document->id);
}

static bool same_office(const struct tg_graph_position *x, const struct tg_graph_position *y)
{
    return x->organisation == y->organisation && strcmp(x->title, y->title) == 0;
}

/* Whether period a ends after period b: a coarser date covering the other ends later. */
static bool ends_later(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n < m && strncmp(a, b, n) == 0)
        return true;
    if (m < n && strncmp(a, b, m) == 0)
        return false;
    return strcmp(a, b) > 0;
}

static void fill_tenure(struct tg_query_tenure *t, const struct tg_graph_position **statements,
                        size_t count)
{
    const struct tg_graph_position *first = statements[0];
    *t = (struct tg_query_tenure){.person = first->person,
                                  .title = first->title,
                                  .organisation = first->organisation,
                                  .positions = statements,
                                  .position_count = count};
    for (size_t i = 0; i < count; i++) {
        const struct tg_graph_position *p = statements[i];
        if (!p->as_of)
            continue;
        if (!t->first_seen || strcmp(p->as_of, t->first_seen) < 0) {
            t->first_seen = p->as_of;
            t->first_precision = p->as_of_precision;
        }
        if (!t->last_seen || ends_later(p->as_of, t->last_seen)) {
            t->last_seen = p->as_of;
            t->last_precision = p->as_of_precision;
        }
    }
    uint64_t h = tg_hash_bytes(t->person->id, strlen(t->person->id) + 1);
    h = tg_hash_update(h, id_of(t->organisation), strlen(id_of(t->organisation)) + 1);
    h = tg_hash_update(h, t->title, strlen(t->title));
    snprintf(t->id, sizeof t->id, "pos_%012llx", (unsigned long long)(h & 0xffffffffffffULL));
}

/* Holders of one office in the order they took it up; undated ones last. */
static int by_succession(const void *a, const void *b)
{
    const struct tg_query_tenure *x = a, *y = b;
    int c = strcmp(id_of(x->organisation), id_of(y->organisation));
    if (!c)
        c = strcmp(x->title, y->title);
    if (!c)
        c = tg_query_compare_dates(x->first_seen, y->first_seen);
    if (!c)
        c = tg_query_compare_dates(x->last_seen, y->last_seen);
    return c ? c : strcmp(x->person->id, y->person->id);
}

static void link_succession(struct tg_query_tenure *all, size_t count)
{
    for (size_t i = 0, j; i < count; i = j) {
        size_t dated = 0;
        for (j = i; j < count && all[j].organisation == all[i].organisation &&
                    strcmp(all[j].title, all[i].title) == 0;
             j++)
            dated += all[j].first_seen != NULL;
        for (size_t k = i; k < i + dated; k++) {
            all[k].order = k - i + 1;
            all[k].holders = dated;
            all[k].previous = k > i ? &all[k - 1] : NULL;
            all[k].next = k + 1 < i + dated ? &all[k + 1] : NULL;
        }
        for (size_t k = i + dated; k < j; k++)
            all[k].holders = dated;
        all[i].office_first = true;
    }
}

/* Held on date `on`: taken up by then, and either still seen then or not yet succeeded. */
static bool holds_on(const struct tg_query_tenure *t, const char *on)
{
    if (!t->first_seen || !tg_graph_date_in_range(t->first_seen, NULL, on))
        return false;
    if (tg_graph_date_in_range(t->last_seen, on, NULL))
        return true;
    return !t->next || !tg_graph_date_in_range(t->next->first_seen, NULL, on);
}

static bool keep(const struct tg_query_tenure *t, const struct tg_query_tenure_filter *f)
{
    if (f->id && strcmp(t->id, f->id) != 0)
        return false;
    if (f->person_count && !listed(f->people, f->person_count, t->person))
        return false;
    if (f->organisation_count && !listed(f->organisations, f->organisation_count, t->organisation))
        return false;
    return !f->on || holds_on(t, f->on);
}

/* Answers oldest first: by first date, then office, then holder. */
static int by_answer(const void *a, const void *b)
{
    const struct tg_query_tenure *x = *(const struct tg_query_tenure *const *)a;
    const struct tg_query_tenure *y = *(const struct tg_query_tenure *const *)b;
    int c = tg_query_compare_dates(x->first_seen, y->first_seen);
    if (!c)
        c = strcmp(x->title, y->title);
    if (!c)
        c = strcmp(id_of(x->organisation), id_of(y->organisation));
    return c ? c : strcmp(x->person->id, y->person->id);
}

enum tg_status tg_query_tenures(const struct tg_graph *g, const struct tg_query_tenure_filter *f,
                                struct tg_query_tenures **out)
{
    struct title_match titles = {0};
    char *key = NULL;
    if (f->title) {
        if (tg_utf8_validate(f->title, strlen(f->title), NULL) != TG_OK)
            return TG_ERR_INVALID_UTF8;
        if (!(key = tg_text_key(f->title, strlen(f->title))))
            return TG_ERR_NOMEM;
        titles.key = key;
    }
    struct positions found = {0};
    struct tg_query_tenures *r = calloc(1, sizeof *r);
    bool ok = r && gather(g, f, &titles, &found);
    free(key);
    if (ok && found.count > 1)
        qsort(found.items, found.count, sizeof *found.items, by_tenure);
    if (ok) {
        r->positions = found.items;
        found.items = NULL;
        r->all = malloc((found.count ? found.count : 1) * sizeof *r->all);
        r->kept = malloc((found.count ? found.count : 1) * sizeof *r->kept);
        ok = r->all && r->kept;
    }
    for (size_t i = 0, j; ok && i < found.count; i = j) {
        for (j = i + 1; j < found.count && same_office(r->positions[i], r->positions[j]) &&
                        r->positions[i]->person == r->positions[j]->person;
             j++)
            ;
        fill_tenure(&r->all[r->all_count++], &r->positions[i], j - i);
    }
    free(found.items);
    if (!ok) {
        tg_query_tenures_free(r);
        return TG_ERR_NOMEM;
    }
    if (r->all_count > 1)
        qsort(r->all, r->all_count, sizeof *r->all, by_succession);
    link_succession(r->all, r->all_count);
    for (size_t i = 0; i < r->all_count; i++) {
        if (keep(&r->all[i], f))
            r->kept[r->kept_count++] = &r->all[i];
    }
    if (r->kept_count > 1)
        qsort(r->kept, r->kept_count, sizeof *r->kept, by_answer);
    *out = r;
    return TG_OK;
}

size_t tg_query_tenures_count(const struct tg_query_tenures *r)
{
    return r->kept_count;
}

const struct tg_query_tenure *tg_query_tenures_at(const struct tg_query_tenures *r, size_t index)
{
    return index < r->kept_count ? r->kept[index] : NULL;
}

void tg_query_tenures_free(struct tg_query_tenures *r)
{
    if (!r)
        return;
    free(r->all);
    free(r->kept);
    free(r->positions);
    free(r);
}
