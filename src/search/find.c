/*
 * Search over a snapshot: the three tg_search indexes the build stage made (src/build/index.c)
 * and the snapshot carries.
 *
 * Documents and "things" (entities, then events) are separate indexes so that BM25's length
 * normalisation compares a document with documents and a name with names; a search of several
 * types merges the two ranked lists. Hits and cursors number items in one space: document i is
 * item i, thing t is item document_count + t, so a cursor is the (score, item) of the last hit
 * in the merged order (score descending, then item ascending) and resumes both lists.
 *
 * Suggestions use a third index with one item per written name (canonical, alias, abbreviation),
 * so a prefix of an abbreviation finds its organisation too.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../graph/graph_internal.h"
#include "thaigraph/search.h"
#include "thaigraph/utf8.h"

/* One segmenter per request thread, reopened when the thread meets another snapshot's data. */
struct thread_segmenter {
    char fingerprint[sizeof((struct tg_graph *)0)->fingerprint];
    struct tg_text_segmenter *seg;
};

static pthread_key_t segmenter_key;
static pthread_once_t segmenter_once = PTHREAD_ONCE_INIT;

static void free_thread_segmenter(void *p)
{
    struct thread_segmenter *ts = p;
    tg_text_segmenter_free(ts->seg);
    free(ts);
}

static void make_segmenter_key(void)
{
    pthread_key_create(&segmenter_key, free_thread_segmenter);
}

static enum tg_status thread_segmenter(const struct tg_graph *g, struct tg_text_segmenter **out)
{
    pthread_once(&segmenter_once, make_segmenter_key);
    struct thread_segmenter *ts = pthread_getspecific(segmenter_key);
    if (ts && strcmp(ts->fingerprint, g->fingerprint) == 0) {
        *out = ts->seg;
        return TG_OK;
    }
    struct tg_text_segmenter *seg = NULL;
    enum tg_status status =
        tg_search_segmenter_new(g->search.abbreviations, g->search.abbreviation_count, &seg);
    if (status != TG_OK)
        return status;
    if (!ts && !(ts = calloc(1, sizeof *ts))) {
        tg_text_segmenter_free(seg);
        return TG_ERR_NOMEM;
    }
    tg_text_segmenter_free(ts->seg);
    ts->seg = seg;
    memcpy(ts->fingerprint, g->fingerprint, sizeof ts->fingerprint);
    pthread_setspecific(segmenter_key, ts);
    *out = seg;
    return TG_OK;
}

enum tg_status tg_graph_search_prepare(const struct tg_graph *g)
{
    struct tg_text_segmenter *seg;
    return thread_segmenter(g, &seg);
}

/* What one query accepts; items are local to the index being asked. */
struct filter {
    const struct tg_graph *graph;
    const struct tg_graph_search_request *request;
};

/* What the caller's hooks see of document item, or of thing item. */
static struct tg_graph_match document_match(const struct filter *f, uint32_t item)
{
    return (struct tg_graph_match){.document = &f->graph->documents[item]};
}

static struct tg_graph_match thing_match(const struct filter *f, uint32_t item)
{
    struct tg_graph_match match = {0};
    graph_thing(f->graph, item, &match.entity, &match.event);
    return match;
}

static bool caller_accepts(const struct filter *f, struct tg_graph_match match)
{
    return !f->request->accept || f->request->accept(&match, f->request->match_ctx);
}

static void document_matched(uint32_t item, void *ctx)
{
    const struct filter *f = ctx;
    struct tg_graph_match match = document_match(f, item);
    f->request->matched(&match, f->request->match_ctx);
}

static void thing_matched(uint32_t item, void *ctx)
{
    const struct filter *f = ctx;
    struct tg_graph_match match = thing_match(f, item);
    f->request->matched(&match, f->request->match_ctx);
}

static bool accept_document(uint32_t item, void *ctx)
{
    const struct filter *f = ctx;
    const struct tg_graph_document *doc = &f->graph->documents[item];
    const struct tg_graph_search_request *r = f->request;
    if (r->source && (!doc->source || strcasecmp(doc->source, r->source) != 0))
        return false;
    return tg_graph_date_in_range(doc->published, r->from, r->to) &&
           caller_accepts(f, document_match(f, item));
}

static unsigned entity_scope(enum tg_graph_type type)
{
    static const unsigned scopes[TG_GRAPH_TYPE_COUNT] = {
        [TG_GRAPH_ORGANISATION] = TG_GRAPH_SEARCH_ORGANISATIONS,
        [TG_GRAPH_PERSON] = TG_GRAPH_SEARCH_PEOPLE,
        [TG_GRAPH_PLACE] = TG_GRAPH_SEARCH_PLACES,
        [TG_GRAPH_PROGRAMME] = TG_GRAPH_SEARCH_PROGRAMMES,
    };
    return scopes[type];
}

/* Entities have no date or source, so those filters leave only what has them. */
static bool accept_thing(uint32_t item, void *ctx)
{
    const struct filter *f = ctx;
    const struct tg_graph_entity *entity;
    const struct tg_graph_event *event;
    graph_thing(f->graph, item, &entity, &event);
    const struct tg_graph_search_request *r = f->request;
    bool kept = entity ? (r->scope & entity_scope(entity->type)) && !r->from && !r->to && !r->source
                       : (r->scope & TG_GRAPH_SEARCH_EVENTS) && !r->source &&
                             tg_graph_date_in_range(event->date, r->from, r->to);
    return kept && caller_accepts(f, thing_match(f, item));
}

/* One index's ranked page, its items offset by base into the merged numbering. */
struct ranked {
    struct tg_search_result *result;
    uint32_t base;
    size_t taken;
};

/* Where a merged cursor resumes an index whose merged items are [base, base + count). */
static struct tg_search_cursor local_cursor(const struct tg_search_cursor *merged, uint32_t base,
                                            uint32_t count)
{
    if (merged->item >= base && merged->item - base < count)
        return (struct tg_search_cursor){merged->score, merged->item - base};
    /* Ties on the score go by merged item: an index wholly before the cursor's item has served
     * all of its ties, one wholly after it none of them. */
    if (merged->item >= base)
        return (struct tg_search_cursor){merged->score, UINT32_MAX};
    return (struct tg_search_cursor){nextafter(merged->score, INFINITY), UINT32_MAX};
}

static enum tg_status run_index(struct tg_text_segmenter *seg, const struct tg_search_index *index,
                                uint32_t base, uint32_t count, bool (*accept)(uint32_t, void *),
                                void (*matched)(uint32_t, void *), struct filter *filter,
                                const struct tg_search_cursor *after, struct ranked *out)
{
    const struct tg_graph_search_request *r = filter->request;
    struct tg_search_cursor local = {0, 0};
    if (after)
        local = local_cursor(after, base, count);
    struct tg_search_options opt = {r->limit, after ? &local : NULL, accept, filter,
                                    r->matched ? matched : NULL};
    out->base = base;
    out->taken = 0;
    return tg_search_query(index, seg, r->query, r->query_len, &opt, &out->result);
}

/* The list whose next hit ranks first in the merged order, or NULL when both are spent. */
static struct ranked *best_head(struct ranked *lists, size_t count)
{
    struct ranked *best = NULL;
    const struct tg_search_hit *best_hit = NULL;
    for (size_t i = 0; i < count; i++) {
        if (lists[i].taken >= tg_search_result_count(lists[i].result))
            continue;
        const struct tg_search_hit *hit = tg_search_result_hit(lists[i].result, lists[i].taken);
        if (!best || hit->score > best_hit->score ||
            (hit->score == best_hit->score &&
             hit->item + lists[i].base < best_hit->item + best->base)) {
            best = &lists[i];
            best_hit = hit;
        }
    }
    return best;
}

/* The result and the storage its pointers lend. */
struct search_result {
    struct tg_graph_search_result public;
    char cursor[TG_SEARCH_CURSOR_SIZE];
};

static enum tg_status describe_hit(const struct tg_graph *g, const struct tg_search_hit *hit,
                                   uint32_t merged_item, struct tg_graph_hit *out)
{
    if (merged_item < g->document_count) {
        const struct tg_graph_document *doc = &g->documents[merged_item];
        *out = (struct tg_graph_hit){"document",     doc->id,    doc->title,
                                     doc->published, hit->score, NULL};
        return tg_search_snippet(doc->text, doc->text_bytes, hit->spans, hit->span_count,
                                 TG_GRAPH_SNIPPET_CODEPOINTS, &out->snippet);
    }
    size_t thing = merged_item - g->document_count;
    const struct tg_graph_entity *entity;
    const struct tg_graph_event *event;
    graph_thing(g, thing, &entity, &event);
    if (entity)
        *out = (struct tg_graph_hit){
            tg_graph_type_name(entity->type), entity->id, entity->name, NULL, hit->score, NULL};
    else
        *out =
            (struct tg_graph_hit){"event", event->id, event->title, event->date, hit->score, NULL};
    /* The text a thing was indexed by is made again for the few hits a page shows. */
    size_t len;
    char *text = graph_thing_text(g, thing, &len);
    if (!text)
        return TG_ERR_NOMEM;
    enum tg_status st = tg_search_snippet(text, len, hit->spans, hit->span_count,
                                          TG_GRAPH_SNIPPET_CODEPOINTS, &out->snippet);
    free(text);
    return st;
}

static enum tg_status copy_tokens(const struct tg_graph_search_request *r,
                                  const struct tg_search_result *from,
                                  struct tg_graph_search_result *to)
{
    size_t n = tg_search_result_token_count(from);
    to->tokens = calloc(n ? n : 1, sizeof *to->tokens);
    if (!to->tokens)
        return TG_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const struct tg_search_token *t = tg_search_result_token(from, i);
        char *text = strdup(t->text);
        if (!text)
            return TG_ERR_NOMEM;
        to->tokens[to->token_count++] = (struct tg_graph_query_token){
            text, tg_utf8_count(r->query, t->start), tg_utf8_count(r->query, t->end)};
    }
    return TG_OK;
}

/* Takes the best `limit` hits of the lists in merged order; notes whether any remain. */
static enum tg_status merge(const struct tg_graph *g, const struct tg_graph_search_request *r,
                            struct ranked *lists, size_t list_count, struct search_result *out)
{
    struct tg_graph_search_result *res = &out->public;
    res->hits = calloc(r->limit, sizeof *res->hits);
    if (!res->hits)
        return TG_ERR_NOMEM;
    struct tg_search_cursor last = {0, 0};
    struct ranked *from;
    while (res->hit_count < r->limit && (from = best_head(lists, list_count))) {
        const struct tg_search_hit *hit = tg_search_result_hit(from->result, from->taken++);
        last = (struct tg_search_cursor){hit->score, hit->item + from->base};
        enum tg_status status = describe_hit(g, hit, last.item, &res->hits[res->hit_count]);
        if (status != TG_OK)
            return status;
        res->hit_count++;
    }
    bool more = false;
    for (size_t i = 0; i < list_count; i++) {
        struct tg_search_cursor ignored;
        more = more || lists[i].taken < tg_search_result_count(lists[i].result) ||
               tg_search_result_next(lists[i].result, &ignored);
        res->total += tg_search_result_total(lists[i].result);
        res->truncated = res->truncated || tg_search_result_truncated(lists[i].result);
    }
    if (more && res->hit_count) {
        tg_search_cursor_encode(&last, out->cursor);
        res->next_cursor = out->cursor;
    }
    return TG_OK;
}

enum tg_status tg_graph_search(const struct tg_graph *g, const struct tg_graph_search_request *r,
                               struct tg_graph_search_result **out)
{
    if (!r->query || r->limit == 0 || r->limit > TG_SEARCH_MAX_LIMIT ||
        !(r->scope & TG_GRAPH_SEARCH_ALL))
        return TG_ERR_BAD_PARAMETER;
    struct tg_text_segmenter *seg = NULL;
    enum tg_status status = thread_segmenter(g, &seg);
    if (status != TG_OK)
        return status;

    struct filter filter = {g, r};
    struct ranked lists[2] = {{0}};
    size_t list_count = 0;
    const struct graph_search *search = &g->search;
    uint32_t documents = (uint32_t)g->document_count;
    if (r->scope & TG_GRAPH_SEARCH_DOCUMENTS)
        /* Without filters, the caller's included, every document is accepted: no call per
         * candidate. (Leaving the caller's out here once lost the pages of sort=date.) */
        status = run_index(seg, search->documents, 0, documents,
                           r->source || r->from || r->to || r->accept ? accept_document : NULL,
                           document_matched, &filter, r->after, &lists[list_count++]);
    if (status == TG_OK && (r->scope & ~TG_GRAPH_SEARCH_DOCUMENTS & TG_GRAPH_SEARCH_ALL))
        status =
            run_index(seg, search->things, documents, (uint32_t)(g->entity_count + g->event_count),
                      accept_thing, thing_matched, &filter, r->after, &lists[list_count++]);

    struct search_result *result = NULL;
    if (status == TG_OK && !(result = calloc(1, sizeof *result)))
        status = TG_ERR_NOMEM;
    if (status == TG_OK)
        status = copy_tokens(r, lists[0].result, &result->public);
    if (status == TG_OK)
        status = merge(g, r, lists, list_count, result);
    for (size_t i = 0; i < list_count; i++)
        tg_search_result_free(lists[i].result);
    if (status != TG_OK) {
        tg_graph_search_result_free(result ? &result->public : NULL);
        return status;
    }
    *out = &result->public;
    return TG_OK;
}

void tg_graph_search_result_free(struct tg_graph_search_result *result)
{
    if (!result)
        return;
    for (size_t i = 0; i < result->hit_count; i++)
        free(result->hits[i].snippet);
    for (size_t i = 0; i < result->token_count; i++)
        free((char *)result->tokens[i].text);
    free(result->hits);
    free(result->tokens);
    free((struct search_result *)result);
}

enum tg_status tg_graph_suggest(const struct tg_graph *g, const char *prefix, size_t len,
                                size_t limit, struct tg_graph_suggestion *suggestions,
                                size_t *count)
{
    if (limit == 0 || limit > TG_GRAPH_SUGGEST_MAX)
        return TG_ERR_BAD_PARAMETER;
    /* An entity answers once however many of its names match, so ask for spares. */
    uint32_t items[TG_GRAPH_SUGGEST_MAX * 4];
    size_t found = 0;
    enum tg_status status =
        tg_search_suggest(g->search.names, prefix, len, limit * 4, items, &found);
    if (status != TG_OK)
        return status;
    *count = 0;
    for (size_t i = 0; i < found && *count < limit; i++) {
        const struct tg_graph_entity *e = g->search.suggestions[items[i]].entity;
        bool seen = false;
        for (size_t k = 0; k < *count && !seen; k++)
            seen = suggestions[k].entity == e;
        if (!seen)
            suggestions[(*count)++] =
                (struct tg_graph_suggestion){e, g->search.suggestions[items[i]].name};
    }
    return TG_OK;
}

const char *const *tg_graph_abbreviations(const struct tg_graph *g, size_t *count)
{
    *count = g->search.abbreviation_count;
    return g->search.abbreviations;
}
