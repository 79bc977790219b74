/*
 * The search indexes of a snapshot, built once by ingest over the merged graph.
 *
 * Documents and "things" (entities, then events) are separate indexes so that BM25's length
 * normalisation compares a document with documents and a name with names (src/search/find.c
 * merges their ranked lists). Suggestions use a third index with one item per written name
 * (canonical, alias, abbreviation), so a prefix of an abbreviation finds its organisation too.
 * Every text is segmented with the graph's own abbreviations, which the snapshot keeps so that
 * the daemon reads queries the same way.
 */
/* memmem, which glibc declares for GNU sources only. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_internal.h"
#include "thaigraph/boilerplate.h"
#include "thaigraph/log.h"

/* Threads that index the documents. */
#define BUILD_THREADS 2

static bool is_abbreviation(const char *name)
{
    size_t len = strlen(name);
    static const char paiyannoi[] = "ฯ";
    size_t p = sizeof paiyannoi - 1;
    bool dotted = len > 1 && name[len - 1] == '.';
    bool truncated = len > p && memcmp(name + len - p, paiyannoi, p) == 0;
    return (dotted || truncated) && !strpbrk(name, " \t\n");
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static enum tg_status new_segmenter(void *ctx, struct tg_text_segmenter **out)
{
    const struct graph_search *search = ctx;
    return tg_search_segmenter_new(search->abbreviations, search->abbreviation_count, out);
}

static uint32_t clamp_weight(size_t n)
{
    return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

/* The documents being indexed, and each one's boilerplate as skip ranges; a slot is written
 * only by the thread that indexes that document, and every slot lives until the build returns. */
struct document_build {
    const struct tg_graph *graph;
    struct tg_search_range **skips;
};

static enum tg_status document_item(void *ctx, size_t index, struct tg_search_item *out)
{
    struct document_build *build = ctx;
    const struct tg_graph_document *doc = &build->graph->documents[index];
    struct tg_boilerplate_range *ranges = NULL;
    size_t count = 0;
    enum tg_status status = tg_boilerplate_find(doc->text, doc->text_bytes, &ranges, &count);
    if (status != TG_OK)
        return status;
    struct tg_search_range *skip = malloc((count ? count : 1) * sizeof *skip);
    for (size_t i = 0; skip && i < count; i++)
        skip[i] = (struct tg_search_range){ranges[i].start, ranges[i].end};
    free(ranges);
    if (!skip)
        return TG_ERR_NOMEM;
    /* A failed reuse builds every item again: the first attempt's ranges go. */
    free(build->skips[index]);
    build->skips[index] = skip;
    *out = (struct tg_search_item){(uint32_t)index, doc->text, doc->text_bytes, skip, count, 1};
    return TG_OK;
}

/* Sorted copies of an abbreviation list, for comparing two. */
static const char **sorted_copy(const char *const *list, size_t count)
{
    const char **copy = malloc((count + 1) * sizeof *copy);
    if (copy && count)
        memcpy(copy, list, count * sizeof *copy);
    if (copy && count > 1)
        qsort(copy, count, sizeof *copy, compare_strings);
    return copy;
}

/*
 * The abbreviations one list has and the other has not, normalised as the segmenter stores them,
 * into *out and *count: only a text that holds one of them may be segmented differently now.
 * Fails with TG_ERR_NOMEM, or with what normalising one of them failed with.
 */
static enum tg_status changed_abbreviations(const struct graph_search *now,
                                            const struct graph_search *before,
                                            struct tg_text_norm ***out, size_t *count)
{
    const char **a = sorted_copy(now->abbreviations, now->abbreviation_count);
    const char **b = sorted_copy(before->abbreviations, before->abbreviation_count);
    struct tg_text_norm **changed =
        malloc((now->abbreviation_count + before->abbreviation_count + 1) * sizeof *changed);
    enum tg_status status = a && b && changed ? TG_OK : TG_ERR_NOMEM;
    size_t i = 0, k = 0, n = 0;
    while (status == TG_OK && (i < now->abbreviation_count || k < before->abbreviation_count)) {
        int c = i == now->abbreviation_count      ? 1
                : k == before->abbreviation_count ? -1
                                                  : strcmp(a[i], b[k]);
        const char *name = c < 0 ? a[i] : b[k];
        i += c <= 0;
        k += c >= 0;
        if (c != 0 && (status = tg_text_normalise(name, strlen(name), &changed[n])) == TG_OK)
            n++;
    }
    free(a);
    free(b);
    if (status != TG_OK) {
        for (size_t m = 0; m < n; m++)
            tg_text_norm_free(changed[m]);
        free(changed);
        return status;
    }
    *out = changed;
    *count = n;
    return TG_OK;
}

/* Whether the normalised text holds any of the changed abbreviations. */
static enum tg_status holds_any(const char *text, size_t len, struct tg_text_norm *const *changed,
                                size_t count, bool *holds)
{
    *holds = false;
    if (count == 0)
        return TG_OK;
    struct tg_text_norm *norm = NULL;
    enum tg_status status = tg_text_normalise(text, len, &norm);
    size_t norm_len = 0, n;
    const char *bytes = status == TG_OK ? tg_text_norm_bytes(norm, &norm_len) : NULL;
    for (size_t i = 0; bytes && i < count && !*holds; i++) {
        const char *abbreviation = tg_text_norm_bytes(changed[i], &n);
        *holds = n && memmem(bytes, norm_len, abbreviation, n) != NULL;
    }
    tg_text_norm_free(norm);
    return status;
}

/* Reused items the build segments again anyway, to check that the previous snapshot was made
 * by the segmenter of this build (a new binary may read texts differently). */
#define SPOT_CHECKS 8

/* What the rebuild of one index takes from the previous snapshot's. */
struct reuse {
    uint32_t *from; /* per item: the previous index's ordinal, or TG_SEARCH_FRESH */
    size_t count, reused;
    uint32_t checks[SPOT_CHECKS][2]; /* (item, previous ordinal), segmented again and compared */
    size_t check_count;
    struct tg_text_norm **changed; /* abbreviations that came or went */
    size_t changed_count;
};

/* The text of item i now (before false) or of ordinal i of the previous snapshot; *owned gets
 * what the caller frees, if anything. NULL when out of memory. */
typedef const char *(*text_fn)(void *ctx, size_t i, bool before, size_t *len, char **owned);

/*
 * Keeps a candidate from[i] only when the previous item's text is item i's, no abbreviation
 * that changed since is written in it (the segmenter keeps every abbreviation of the graph
 * whole, so a new one changes the words only where it is written) and the kept ordinals still
 * rise; then picks the spot checks, spread over the kept items.
 */
static enum tg_status settle(struct reuse *r, text_fn text, void *ctx)
{
    enum tg_status status = TG_OK;
    size_t last = 0;
    r->reused = 0;
    for (size_t i = 0; i < r->count && status == TG_OK; i++) {
        uint32_t k = r->from[i];
        r->from[i] = TG_SEARCH_FRESH;
        if (k == TG_SEARCH_FRESH || (r->reused && k < last))
            continue;
        size_t len, old_len;
        char *owned = NULL, *old_owned = NULL;
        const char *now = text(ctx, i, false, &len, &owned);
        const char *old = now ? text(ctx, k, true, &old_len, &old_owned) : NULL;
        bool holds = false;
        if (!old)
            status = TG_ERR_NOMEM;
        else if (len == old_len && memcmp(now, old, len) == 0)
            status = holds_any(now, len, r->changed, r->changed_count, &holds);
        else
            holds = true;
        if (status == TG_OK && !holds) {
            r->from[i] = k;
            last = k + 1;
            r->reused++;
        }
        free(owned);
        free(old_owned);
    }
    /* At most half of a few reused items, so that a small database still reuses some. */
    size_t seen = 0, step = r->reused / SPOT_CHECKS + 1;
    size_t checks = r->reused / 2 < SPOT_CHECKS ? r->reused / 2 : SPOT_CHECKS;
    checks = checks ? checks : r->reused;
    r->check_count = 0;
    for (size_t i = 0; i < r->count && r->check_count < checks; i++) {
        if (r->from[i] == TG_SEARCH_FRESH || seen++ % step != 0)
            continue;
        r->checks[r->check_count][0] = (uint32_t)i;
        r->checks[r->check_count++][1] = r->from[i];
        r->from[i] = TG_SEARCH_FRESH;
        r->reused--;
    }
    return status;
}

/*
 * Reuse that cannot be decided is no reason to fail an ingest (issue 10): with any failure but
 * running out of memory, r reuses nothing and every item is segmented, which fails on its own
 * if the failure was the text's.
 */
static enum tg_status reuse_nothing(struct reuse *r, enum tg_status status, const char *what)
{
    if (status == TG_OK || status == TG_ERR_NOMEM)
        return status;
    tg_log(TG_LOG_INFO, "build: %s failed (%s); segmenting every one of them", what,
           tg_status_title(status));
    for (size_t i = 0; i < r->count; i++)
        r->from[i] = TG_SEARCH_FRESH;
    r->reused = 0;
    r->check_count = 0;
    return TG_OK;
}

/* The spot-checked items, handed to the build's get under their rank among the checks. */
struct checked {
    const struct reuse *r;
    tg_search_item_fn get;
    void *ctx;
};

static enum tg_status checked_item(void *ctx, size_t index, struct tg_search_item *out)
{
    const struct checked *c = ctx;
    enum tg_status status = c->get(c->ctx, c->r->checks[index][0], out);
    out->item = (uint32_t)index;
    return status;
}

/*
 * Whether the spot-checked items read now as the previous snapshot read them: they are
 * segmented into an index of their own, small enough for tg_search_same_item to walk, and
 * compared with old's term by term.
 */
static enum tg_status same_as_before(const struct tg_search_index *old, const struct reuse *r,
                                     tg_search_item_fn get, void *ctx,
                                     const struct tg_search_build_options *opt, bool *same)
{
    struct checked c = {r, get, ctx};
    struct tg_search_build_options one = *opt;
    one.threads = 1;
    struct tg_search_index *checks = NULL;
    enum tg_status status = tg_search_build(r->check_count, checked_item, &c, &one, &checks);
    *same = status == TG_OK;
    for (size_t i = 0; *same && i < r->check_count; i++) {
        *same = tg_search_same_item(old, r->checks[i][1], checks, i);
        if (!*same)
            tg_log(TG_LOG_INFO,
                   "build: item %u is indexed differently from the previous snapshot's;"
                   " segmenting every item",
                   r->checks[i][0]);
    }
    tg_search_index_free(checks);
    return status;
}

/*
 * Builds one index, from the previous snapshot's where r allows (issue 10): items it indexed
 * the same way keep their postings and only the others are segmented. When a spot check finds
 * an item indexed differently from before, every item is segmented; the index is the same
 * either way.
 */
static enum tg_status build_reusing(const struct tg_search_index *old, struct reuse *r,
                                    tg_search_item_fn get, void *ctx, struct tg_graph *g,
                                    struct tg_search_index **out)
{
    struct tg_search_build_options opt = {BUILD_THREADS, false, new_segmenter, &g->search};
    bool same = false;
    enum tg_status status = TG_OK;
    /* The previous snapshot's postings are checked where they are read; damaged, they lend
     * nothing. */
    if (old && r->reused > 0 && !tg_search_index_sound(old)) {
        tg_log(TG_LOG_INFO, "build: the previous snapshot's index is damaged; segmenting every"
                            " item");
        old = NULL;
    }
    if (old && r->reused > 0)
        status = reuse_nothing(r, same_as_before(old, r, get, ctx, &opt, &same),
                               "segmenting the spot-checked items");
    if (status == TG_OK && same) {
        status = tg_search_rebuild(old, r->from, r->count, get, ctx, &opt, out);
        /* An old index the new one cannot be laid over (items out of order, names) is no error:
         * the build below makes the index afresh. */
        if (status == TG_ERR_INVALID_ARGUMENT) {
            same = false;
            status = TG_OK;
        }
    }
    if (status == TG_OK && !same) {
        r->reused = 0;
        status = tg_search_build(r->count, get, ctx, &opt, out);
    }
    return status;
}

static const char *document_text(void *ctx, size_t i, bool before, size_t *len, char **owned)
{
    const struct tg_graph *const *graphs = ctx;
    const struct tg_graph_document *doc = &graphs[before]->documents[i];
    *owned = NULL;
    *len = doc->text_bytes;
    return doc->text;
}

/* The id of item i of a graph's documents, entities or events_by_id. */
typedef const char *(*id_fn)(const struct tg_graph *g, size_t i);

static const char *document_id(const struct tg_graph *g, size_t i)
{
    return g->documents[i].id;
}

static const char *entity_id(const struct tg_graph *g, size_t i)
{
    return g->entities[i].id;
}

static const char *event_id(const struct tg_graph *g, size_t i)
{
    return g->events_by_id[i]->id;
}

/* Pairs count items of g with before_count of before by id, both lists in id order: from[i]
 * gets the index in before of item i's id, or TG_SEARCH_FRESH. */
static void match_ids(const struct tg_graph *g, size_t count, const struct tg_graph *before,
                      size_t before_count, id_fn id, uint32_t *from)
{
    for (size_t i = 0, k = 0; i < count; i++) {
        int c = -1;
        while (k < before_count && (c = strcmp(id(before, k), id(g, i))) < 0)
            k++;
        from[i] = c == 0 ? (uint32_t)k : TG_SEARCH_FRESH;
    }
}

static enum tg_status build_documents(struct tg_graph *g, const struct tg_graph *before,
                                      struct reuse *r)
{
    struct document_build build = {g, calloc(g->document_count + 1, sizeof *build.skips)};
    if (!build.skips)
        return TG_ERR_NOMEM;
    r->count = g->document_count;
    r->from = malloc((r->count + 1) * sizeof *r->from);
    enum tg_status status = r->from ? TG_OK : TG_ERR_NOMEM;
    const struct tg_graph *graphs[] = {g, before};
    if (status == TG_OK && before) {
        match_ids(g, g->document_count, before, before->document_count, document_id, r->from);
        status = reuse_nothing(r, settle(r, document_text, graphs), "comparing the documents");
    }
    if (status == TG_OK)
        status = build_reusing(before ? before->search.documents : NULL, r, document_item, &build,
                               g, &g->search.documents);
    for (size_t i = 0; i < g->document_count; i++)
        free(build.skips[i]);
    free(build.skips);
    free(r->from);
    return status;
}

/* The things' texts, made before the build so that its threads only read them. */
struct thing_build {
    const struct tg_graph *graph, *before;
    char **texts;
    size_t *lengths;
};

static size_t thing_weight(const struct tg_graph *g, size_t t)
{
    const struct tg_graph_entity *entity;
    const struct tg_graph_event *event;
    graph_thing(g, t, &entity, &event);
    return clamp_weight(entity ? entity->mention_count : event->evidence_count);
}

static enum tg_status thing_item(void *ctx, size_t index, struct tg_search_item *out)
{
    const struct thing_build *build = ctx;
    *out = (struct tg_search_item){(uint32_t)index,
                                   build->texts[index],
                                   build->lengths[index],
                                   NULL,
                                   0,
                                   (uint32_t)thing_weight(build->graph, index)};
    return TG_OK;
}

static const char *thing_text(void *ctx, size_t i, bool before, size_t *len, char **owned)
{
    const struct thing_build *build = ctx;
    if (!before) {
        *owned = NULL;
        *len = build->lengths[i];
        return build->texts[i];
    }
    return *owned = graph_thing_text(build->before, i, len);
}

/*
 * Candidates by id, with the same weight: entities of both snapshots are in id order, and so
 * are their events_by_id. Events are items in date order, so one whose date moved may be
 * settled as fresh to keep the ordinals rising.
 */
static enum tg_status match_things(const struct tg_graph *g, const struct tg_graph *before,
                                   uint32_t *from)
{
    uint32_t *events = malloc((g->event_count + 1) * sizeof *events);
    if (!events)
        return TG_ERR_NOMEM;
    match_ids(g, g->entity_count, before, before->entity_count, entity_id, from);
    match_ids(g, g->event_count, before, before->event_count, event_id, events);
    for (size_t i = 0; i < g->event_count; i++) {
        size_t at = g->entity_count + (size_t)(g->events_by_id[i] - g->events);
        from[at] = events[i] == TG_SEARCH_FRESH
                       ? TG_SEARCH_FRESH
                       : (uint32_t)(before->entity_count +
                                    (size_t)(before->events_by_id[events[i]] - before->events));
    }
    free(events);
    for (size_t i = 0; i < g->entity_count + g->event_count; i++)
        if (from[i] != TG_SEARCH_FRESH && thing_weight(g, i) != thing_weight(before, from[i]))
            from[i] = TG_SEARCH_FRESH;
    return TG_OK;
}

static enum tg_status build_things(struct tg_graph *g, const struct tg_graph *before,
                                   struct reuse *r)
{
    size_t n = g->entity_count + g->event_count;
    struct thing_build build = {g, before, calloc(n + 1, sizeof(char *)),
                                calloc(n + 1, sizeof(size_t))};
    r->count = n;
    r->from = malloc((n + 1) * sizeof *r->from);
    enum tg_status status = build.texts && build.lengths && r->from ? TG_OK : TG_ERR_NOMEM;
    for (size_t i = 0; i < n && status == TG_OK; i++)
        if (!(build.texts[i] = graph_thing_text(g, i, &build.lengths[i])))
            status = TG_ERR_NOMEM;
    if (status == TG_OK && before)
        status = match_things(g, before, r->from);
    if (status == TG_OK && before)
        status =
            reuse_nothing(r, settle(r, thing_text, &build), "comparing the entities and events");
    if (status == TG_OK)
        status = build_reusing(before ? before->search.things : NULL, r, thing_item, &build, g,
                               &g->search.things);
    for (size_t i = 0; build.texts && i < n; i++)
        free(build.texts[i]);
    free(build.texts);
    free(build.lengths);
    free(r->from);
    return status;
}

static enum tg_status name_item(void *ctx, size_t index, struct tg_search_item *out)
{
    const struct graph_search *search = ctx;
    const struct graph_suggestion *s = &search->suggestions[index];
    *out = (struct tg_search_item){
        (uint32_t)index, s->name, strlen(s->name), NULL, 0, clamp_weight(s->entity->mention_count)};
    return TG_OK;
}

/* Every written name becomes an item of the names index; dotted and ฯ-ended ones are also the
 * abbreviations texts and queries are segmented with. */
static bool gather_names(struct tg_graph *g)
{
    size_t names = 0;
    for (size_t i = 0; i < g->entity_count; i++)
        names += 1 + g->entities[i].alias_count + g->entities[i].abbreviation_count;
    struct graph_suggestion *suggestions = graph_alloc(g, (names + 1) * sizeof *suggestions);
    const char **abbreviations = graph_alloc(g, (names + 1) * sizeof *abbreviations);
    if (!suggestions || !abbreviations)
        return false;
    size_t n = 0, a = 0;
    for (size_t i = 0; i < g->entity_count; i++) {
        const struct tg_graph_entity *e = &g->entities[i];
        size_t count = 1 + e->alias_count + e->abbreviation_count;
        for (size_t k = 0; k < count; k++) {
            const char *name = k == 0                ? e->name
                               : k <= e->alias_count ? e->aliases[k - 1]
                                                     : e->abbreviations[k - 1 - e->alias_count];
            suggestions[n++] = (struct graph_suggestion){e, name};
            if (is_abbreviation(name))
                abbreviations[a++] = name;
        }
    }
    g->search.suggestions = suggestions;
    g->search.suggestion_count = n;
    g->search.abbreviations = abbreviations;
    g->search.abbreviation_count = a;
    return true;
}

/* The indexes built beside the documents', with a reuse of their own that shares the changed
 * abbreviations, which both only read. */
struct side_build {
    struct tg_graph *g;
    const struct tg_graph *before;
    struct reuse r;
    enum tg_status status;
};

static void *run_side(void *arg)
{
    struct side_build *s = arg;
    struct tg_search_build_options names = {1, true, new_segmenter, &s->g->search};
    s->status = build_things(s->g, s->before, &s->r);
    if (s->status == TG_OK)
        s->status = tg_search_build(s->g->search.suggestion_count, name_item, &s->g->search, &names,
                                    &s->g->search.names);
    return NULL;
}

void build_words_fingerprint(char out[TG_STORE_WORDS_SIZE])
{
    char search[TG_SEARCH_WORDS_FINGERPRINT_SIZE];
    tg_search_words_fingerprint(search);
    snprintf(out, TG_STORE_WORDS_SIZE, "%s boilerplate %016llx image %d", search,
             (unsigned long long)tg_boilerplate_cues_hash(), IMG_FORMAT);
}

enum tg_status build_index(struct tg_graph *g, const struct tg_graph *before, const char *words,
                           size_t *reused)
{
    if (!gather_names(g))
        return TG_ERR_NOMEM;
    /* Words made by another ICU, other rules or another image format are never mixed in. */
    if (before && strcmp(before->words, words) != 0) {
        tg_log(TG_LOG_INFO,
               "build: the previous snapshot's words were made by '%s', this build makes '%s';"
               " segmenting every text",
               before->words[0] ? before->words : "(not recorded)", words);
        before = NULL;
    }
    struct reuse r = {0};
    enum tg_status status = TG_OK;
    if (before)
        status = changed_abbreviations(&g->search, &before->search, &r.changed, &r.changed_count);
    if (status == TG_ERR_NOMEM)
        return status;
    if (status != TG_OK) {
        tg_log(TG_LOG_INFO,
               "build: comparing the abbreviations with the previous snapshot's failed (%s);"
               " segmenting every text",
               tg_status_title(status));
        before = NULL;
    }
    /* The things and names run beside the documents: each build ends in a serial merge, and
     * the other core would sit idle through it (issue 10). */
    struct side_build side = {.g = g, .before = before, .status = TG_OK};
    side.r.changed = r.changed;
    side.r.changed_count = r.changed_count;
    pthread_t thread;
    bool beside = pthread_create(&thread, NULL, run_side, &side) == 0;
    status = build_documents(g, before, &r);
    *reused = r.reused;
    if (beside)
        pthread_join(thread, NULL);
    else if (status == TG_OK)
        run_side(&side);
    if (status == TG_OK)
        status = side.status;
    for (size_t i = 0; i < r.changed_count; i++)
        tg_text_norm_free(r.changed[i]);
    free(r.changed);
    return status;
}
