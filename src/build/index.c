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
#include <stdlib.h>
#include <string.h>

#include "build_internal.h"
#include "thaigraph/boilerplate.h"

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
    build->skips[index] = skip;
    *out = (struct tg_search_item){(uint32_t)index, doc->text, doc->text_bytes, skip, count, 1};
    return TG_OK;
}

static enum tg_status build_documents(struct tg_graph *g)
{
    struct document_build build = {g, calloc(g->document_count + 1, sizeof *build.skips)};
    if (!build.skips)
        return TG_ERR_NOMEM;
    struct tg_search_build_options opt = {BUILD_THREADS, false, new_segmenter, &g->search};
    enum tg_status status =
        tg_search_build(g->document_count, document_item, &build, &opt, &g->search.documents);
    for (size_t i = 0; i < g->document_count; i++)
        free(build.skips[i]);
    free(build.skips);
    return status;
}

/* The things' texts, made before the build so that its threads only read them. */
struct thing_build {
    const struct tg_graph *graph;
    char **texts;
    size_t *lengths;
};

static enum tg_status thing_item(void *ctx, size_t index, struct tg_search_item *out)
{
    const struct thing_build *build = ctx;
    const struct tg_graph_entity *entity;
    const struct tg_graph_event *event;
    graph_thing(build->graph, index, &entity, &event);
    size_t weight = entity ? entity->mention_count : event->evidence_count;
    *out = (struct tg_search_item){
        (uint32_t)index, build->texts[index], build->lengths[index], NULL, 0, clamp_weight(weight)};
    return TG_OK;
}

static enum tg_status build_things(struct tg_graph *g)
{
    size_t n = g->entity_count + g->event_count;
    struct thing_build build = {g, calloc(n + 1, sizeof(char *)), calloc(n + 1, sizeof(size_t))};
    enum tg_status status = build.texts && build.lengths ? TG_OK : TG_ERR_NOMEM;
    for (size_t i = 0; i < n && status == TG_OK; i++)
        if (!(build.texts[i] = graph_thing_text(g, i, &build.lengths[i])))
            status = TG_ERR_NOMEM;
    struct tg_search_build_options opt = {1, false, new_segmenter, &g->search};
    if (status == TG_OK)
        status = tg_search_build(n, thing_item, &build, &opt, &g->search.things);
    for (size_t i = 0; build.texts && i < n; i++)
        free(build.texts[i]);
    free(build.texts);
    free(build.lengths);
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

enum tg_status build_index(struct tg_graph *g)
{
    if (!gather_names(g))
        return TG_ERR_NOMEM;
    enum tg_status status = build_documents(g);
    if (status == TG_OK)
        status = build_things(g);
    struct tg_search_build_options names = {1, true, new_segmenter, &g->search};
    if (status == TG_OK)
        status = tg_search_build(g->search.suggestion_count, name_item, &g->search, &names,
                                 &g->search.names);
    return status;
}
