/*
 * /v1/search and /v1/search/suggest. A search ranks by score (BM25, see search.h) and pages by
 * the search's own cursor; sort=date or -date orders every match by date instead (a first pass
 * collects the matches, a second fetches the snippets of the page's). facets= counts every
 * match, whichever page is asked for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The `type` values of the contract and the graph's search scopes they stand for. */
static const char *const type_names[] = {"document",  "organisation", "person", "place",
                                         "programme", "event",        "all"};
static const unsigned type_scopes[] = {TG_GRAPH_SEARCH_DOCUMENTS,  TG_GRAPH_SEARCH_ORGANISATIONS,
                                       TG_GRAPH_SEARCH_PEOPLE,     TG_GRAPH_SEARCH_PLACES,
                                       TG_GRAPH_SEARCH_PROGRAMMES, TG_GRAPH_SEARCH_EVENTS,
                                       TG_GRAPH_SEARCH_ALL};

static const char *const sort_names[] = {"score", "date", "-date"};

static enum tg_status param_query(struct http_request *request, const char **query)
{
    *query = http_query(request, "q");
    if (!*query || !**query)
        return http_fail(request, TG_ERR_BAD_PARAMETER, "q", "q is required");
    return TG_OK;
}

/* Turns the search's statuses into problems that name the query. */
static enum tg_status query_problem(struct http_request *request, enum tg_status status)
{
    switch (status) {
    case TG_ERR_TOO_LARGE:
        return http_fail(request, status, "q", "q may hold at most %d words and %d characters",
                         TG_SEARCH_MAX_QUERY_WORDS, TG_SEARCH_MAX_QUERY_CODEPOINTS);
    case TG_ERR_INVALID_UTF8:
        return http_fail(request, status, "q", "q is not valid UTF-8");
    case TG_ERR_BAD_PARAMETER:
        return http_fail(request, status, "q", "q has no words to search for");
    default:
        return status;
    }
}

/* A hit as its resource names things: documents' title and published date, events' title and
 * date, entities' name. */
static json_t *hit_json(const struct tg_graph_hit *hit)
{
    /* Every string here is valid UTF-8 already (the graph's strings were checked when it was
     * loaded, a snippet's window when it was made), so jansson is spared checking them again:
     * a page's snippets and titles are most of its bytes. */
    json_t *out = json_object();
    if (!out || json_object_set_new_nocheck(out, "type", json_string_nocheck(hit->type)) ||
        json_object_set_new_nocheck(out, "id", json_string_nocheck(hit->id)) ||
        json_object_set_new_nocheck(out, "score", http_score(hit->score)) ||
        json_object_set_new_nocheck(out, "snippet", json_string_nocheck(hit->snippet))) {
        json_decref(out);
        return NULL;
    }
    bool document = strcmp(hit->type, "document") == 0, event = strcmp(hit->type, "event") == 0;
    json_object_set_new_nocheck(out, document || event ? "title" : "name",
                                json_string_nocheck(hit->title));
    if (document || event)
        json_object_set_new_nocheck(out, document ? "published" : "date",
                                    http_string_or_null(hit->published));
    return out;
}

static json_t *tokens_json(const struct tg_graph_search_result *result)
{
    json_t *tokens = json_array();
    for (size_t i = 0; tokens && i < result->token_count; i++) {
        const struct tg_graph_query_token *t = &result->tokens[i];
        json_array_append_new(tokens, json_pack("{s:s, s:I, s:I}", "text", t->text, "start",
                                                (json_int_t)t->start, "end", (json_int_t)t->end));
    }
    return tokens;
}

static const char *const hit_columns[] = {"type", "id",    "name",    "title", "published",
                                          "date", "score", "snippet", NULL};

/* ---- Matches, for facets and for ordering by date ---- */

struct matches {
    struct tg_query_facets *facets;
    bool collect;
    struct tg_graph_match *items;
    size_t count, cap;
    bool failed;
    /* The second pass of a date-ordered page keeps only these. */
    const struct tg_graph_match *const *page;
    size_t page_count;
};

static void count_match(const struct tg_graph_match *m, void *ctx)
{
    struct matches *s = ctx;
    if (s->facets) {
        if (m->document)
            tg_query_facets_add_document(s->facets, m->document);
        else if (m->event)
            tg_query_facets_add_event(s->facets, m->event);
        else
            tg_query_facets_add_entity(s->facets, m->entity);
    }
    if (!s->collect || s->failed)
        return;
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        struct tg_graph_match *grown = realloc(s->items, cap * sizeof *grown);
        if (!grown) {
            s->failed = true;
            return;
        }
        s->items = grown;
        s->cap = cap;
    }
    s->items[s->count++] = *m;
}

static bool same_match(const struct tg_graph_match *a, const struct tg_graph_match *b)
{
    return a->document == b->document && a->entity == b->entity && a->event == b->event;
}

static bool on_page(const struct tg_graph_match *m, void *ctx)
{
    const struct matches *s = ctx;
    for (size_t i = 0; i < s->page_count; i++) {
        if (same_match(m, s->page[i]))
            return true;
    }
    return false;
}

static const char *match_date(const struct tg_graph_match *m)
{
    return m->document ? m->document->published : m->event ? m->event->date : NULL;
}

/* Unique across kinds: a document's id could look like an entity's. */
static const char *match_key(const void *item, char *buf, size_t size)
{
    const struct tg_graph_match *m = item;
    const char *id = m->document ? m->document->id : m->event ? m->event->id : m->entity->id;
    snprintf(buf, size, "%c:%s", m->document ? 'd' : m->event ? 'v' : 'e', id);
    return buf;
}

static int by_date(const void *a, const void *b, void *ctx)
{
    bool newest = *(const bool *)ctx;
    char ka[HTTP_MAX_ID_BYTES + 4], kb[HTTP_MAX_ID_BYTES + 4];
    return http_compare_dated(match_date(a), match_key(a, ka, sizeof ka), match_date(b),
                              match_key(b, kb, sizeof kb), newest);
}

static const void *match_at(const void *source, size_t index)
{
    return &((const struct tg_graph_match *)source)[index];
}

/* Orders every match by date and keeps the page after the cursor's item; *next is the next
 * page's cursor (NULL on the last). */
static enum tg_status date_page(struct http_request *request, struct matches *all, bool newest,
                                size_t limit, const struct tg_graph_match ***page, size_t *count,
                                char **next)
{
    char buf[HTTP_MAX_ID_BYTES + 8];
    const char *after_key = NULL;
    enum tg_status status = http_param_cursor(request, buf, sizeof buf, &after_key);
    if (status != TG_OK)
        return status;
    const void *after = NULL;
    char key[HTTP_MAX_ID_BYTES + 8];
    for (size_t i = 0; after_key && i < all->count && !after; i++)
        if (strcmp(match_key(&all->items[i], key, sizeof key), after_key) == 0)
            after = &all->items[i];
    if (after_key && !after)
        return http_fail(request, TG_ERR_BAD_PARAMETER, "cursor",
                         "cursor names a match this search no longer has; start again");
    struct tg_query_list list = {all->count, match_at, all->items, NULL, NULL, &newest, by_date};
    *page = malloc(limit * sizeof **page);
    if (!*page)
        return TG_ERR_NOMEM;
    size_t total;
    bool more;
    status = tg_query_select(&list, after, limit, (const void **)*page, count, &total, &more);
    const char *last =
        status == TG_OK && more && *count ? match_key((*page)[*count - 1], key, sizeof key) : NULL;
    *next = last ? http_cursor_encode(request, last, strlen(last)) : NULL;
    return status;
}

/* The hits of a date-ordered page in the page's order. */
static json_t *date_hits(const struct tg_graph_search_result *result,
                         const struct tg_graph_match *const *page, size_t count)
{
    json_t *items = json_array();
    char key[HTTP_MAX_ID_BYTES + 8];
    for (size_t i = 0; items && i < count; i++) {
        const struct tg_graph_match *m = page[i];
        const char *id = match_key(m, key, sizeof key) + 2;
        const char *type = m->document ? "document"
                           : m->event  ? "event"
                                       : tg_graph_type_name(m->entity->type);
        for (size_t k = 0; k < result->hit_count; k++) {
            const struct tg_graph_hit *hit = &result->hits[k];
            if (strcmp(hit->id, id) == 0 && strcmp(hit->type, type) == 0)
                json_array_append_new(items, hit_json(hit));
        }
    }
    return items;
}

enum tg_status http_search_get(struct http_request *request, struct http_output *out)
{
    struct tg_graph_search_request search = {.source = http_query(request, "source")};
    struct tg_search_cursor after;
    int type = -1, sort = -1;
    unsigned mask = 0;
    enum tg_status status = param_query(request, &search.query);
    if (status == TG_OK)
        status = http_param_choice(request, "type", type_names,
                                   sizeof type_names / sizeof *type_names, &type);
    if (status == TG_OK)
        status = http_param_choice(request, "sort", sort_names, 3, &sort);
    if (status == TG_OK)
        status = http_param_limit(request, &search.limit);
    if (status == TG_OK)
        status = http_param_date(request, "from", &search.from);
    if (status == TG_OK)
        status = http_param_date(request, "to", &search.to);
    if (status == TG_OK)
        status = http_param_facets(request, (1u << TG_QUERY_FACET_COUNT) - 1, &mask);
    /* The codec binds a cursor to the query and filters; what it carries is the search's own
     * position, or (ordered by date) the key of the last match served. */
    bool by_date = sort > 0;
    char position[TG_SEARCH_CURSOR_SIZE];
    const char *cursor = NULL;
    if (status == TG_OK && !by_date)
        status = http_param_cursor(request, position, sizeof position, &cursor);
    if (status == TG_OK && cursor) {
        if (tg_search_cursor_decode(cursor, strlen(cursor), &after) != TG_OK)
            return http_fail(request, TG_ERR_BAD_PARAMETER, "cursor",
                             "cursor is not one this search returned");
        search.after = &after;
    }
    if (status != TG_OK)
        return status;
    if (request->csv && !request->stream_cursor && !http_query(request, "limit"))
        search.limit = HTTP_CSV_CHUNK;
    search.scope = type >= 0 ? type_scopes[type] : TG_GRAPH_SEARCH_DOCUMENTS;
    http_query_n(request, "q", &search.query_len);

    struct matches matches = {.collect = by_date};
    if (mask && tg_query_facets_new(request->graph, mask, &matches.facets) != TG_OK)
        return TG_ERR_NOMEM;
    search.matched = mask || by_date ? count_match : NULL;
    search.match_ctx = &matches;
    size_t page_limit = search.limit;
    if (by_date)
        search.limit = 1; /* the first pass only counts and collects */
    struct tg_graph_search_result *result = NULL, *page_result = NULL;
    status = tg_graph_search(request->graph, &search, &result);
    const struct tg_graph_match **page = NULL;
    size_t page_count = 0;
    char *next = NULL;
    if (status == TG_OK && by_date && matches.failed)
        status = TG_ERR_NOMEM;
    if (status == TG_OK && by_date)
        status = date_page(request, &matches, sort == 2, page_limit, &page, &page_count, &next);
    if (status == TG_OK && by_date && page_count) {
        /* The page's hits, with their scores and snippets. */
        struct tg_graph_search_request second = search;
        second.limit = page_count;
        second.after = NULL;
        second.matched = NULL;
        second.accept = on_page;
        matches.page = page;
        matches.page_count = page_count;
        status = tg_graph_search(request->graph, &second, &page_result);
    }
    json_t *items = NULL;
    if (status == TG_OK) {
        if (by_date) {
            items = page_result ? date_hits(page_result, page, page_count) : json_array();
        } else {
            items = json_array();
            for (size_t i = 0; items && i < result->hit_count; i++)
                json_array_append_new(items, hit_json(&result->hits[i]));
            next = result->next_cursor ? http_cursor_encode(request, result->next_cursor,
                                                            strlen(result->next_cursor))
                                       : NULL;
        }
    }
    if (status == TG_OK && request->csv) {
        status = http_csv_reply(request, items, hit_columns, next, out);
        items = NULL;
    } else if (status == TG_OK) {
        size_t total = by_date ? matches.count : result->total;
        out->json = http_envelope(request, items, total, next, request->url, true);
        items = NULL;
        if (out->json) {
            json_object_set_new(out->json, "query", json_string(search.query));
            json_object_set_new(out->json, "tokens", tokens_json(result));
            json_object_set_new(out->json, "truncated", json_boolean(result->truncated));
            if (matches.facets)
                json_object_set_new(out->json, "facets", http_facets_json(matches.facets, mask));
        }
        if (!out->json || (matches.facets && !tg_query_facets_ok(matches.facets)))
            status = TG_ERR_NOMEM;
    }
    json_decref(items);
    free(next);
    free(page);
    free(matches.items);
    tg_query_facets_free(matches.facets);
    tg_graph_search_result_free(result);
    tg_graph_search_result_free(page_result);
    return status == TG_OK ? TG_OK : query_problem(request, status);
}

enum tg_status http_search_suggest(struct http_request *request, struct http_output *out)
{
    const char *prefix;
    size_t limit;
    enum tg_status status = param_query(request, &prefix);
    if (status == TG_OK)
        status = http_param_limit(request, &limit);
    if (status != TG_OK)
        return status;
    struct tg_graph_suggestion suggestions[TG_GRAPH_SUGGEST_MAX];
    size_t count = 0;
    status = tg_graph_suggest(request->graph, prefix, strlen(prefix), limit, suggestions, &count);
    if (status != TG_OK)
        return query_problem(request, status);
    json_t *items = json_array();
    for (size_t i = 0; items && i < count; i++) {
        const struct tg_graph_entity *e = suggestions[i].entity;
        json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:s}", "type",
                                               tg_graph_type_name(e->type), "id", e->id, "name",
                                               e->name, "matched", suggestions[i].matched));
    }
    if (request->csv) {
        static const char *const columns[] = {"type", "id", "name", "matched", NULL};
        return http_csv_reply(request, items, columns, NULL, out);
    }
    out->json = http_envelope(request, items, count, NULL, request->url, true);
    return out->json ? TG_OK : TG_ERR_NOMEM;
}
