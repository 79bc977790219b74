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
 * date, entities' name. Every string is valid UTF-8 already (the graph's strings were checked
 * when it was loaded, a snippet's window when it was made). */
static void write_hit(struct http_json_out *o, const struct tg_graph_hit *hit)
{
    bool document = strcmp(hit->type, "document") == 0, event = strcmp(hit->type, "event") == 0;
    http_json_text(o, "{\"type\":");
    http_json_string(o, hit->type);
    http_json_text(o, ",\"id\":");
    http_json_string(o, hit->id);
    http_json_text(o, ",\"score\":");
    http_json_real(o, http_score_rounded(hit->score));
    http_json_text(o, ",\"snippet\":");
    http_json_string(o, hit->snippet);
    if (hit->title) {
        http_json_text(o, document || event ? ",\"title\":" : ",\"name\":");
        http_json_string(o, hit->title);
    }
    if (document || event) {
        http_json_text(o, document ? ",\"published\":" : ",\"date\":");
        http_json_string(o, hit->published);
    }
    http_json_text(o, "}");
}

static void write_hits(struct http_json_out *o, const struct tg_graph_hit *const *hits,
                       size_t count)
{
    http_json_text(o, "[");
    for (size_t i = 0; i < count; i++) {
        if (i)
            http_json_text(o, ",");
        write_hit(o, hits[i]);
    }
    http_json_text(o, "]");
}

static void write_tokens(struct http_json_out *o, const struct tg_graph_search_result *result)
{
    http_json_text(o, "[");
    for (size_t i = 0; i < result->token_count; i++) {
        const struct tg_graph_query_token *t = &result->tokens[i];
        http_json_text(o, i ? ",{\"text\":" : "{\"text\":");
        http_json_string(o, t->text);
        http_json_text(o, ",\"start\":");
        http_json_integer(o, (long long)t->start);
        http_json_text(o, ",\"end\":");
        http_json_integer(o, (long long)t->end);
        http_json_text(o, "}");
    }
    http_json_text(o, "]");
}

/* The hits as the items of a CSV page: the JSON they are served as, read back, so that both
 * representations come from one rendering. */
static json_t *hits_json(const struct tg_graph_hit *const *hits, size_t count)
{
    struct http_json_out o = {0};
    write_hits(&o, hits, count);
    json_t *items = o.failed ? NULL : json_loadb(o.data, o.len, 0, NULL);
    free(o.data);
    return items;
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

/* The hits of a date-ordered page in the page's order, into hits (room for count). */
static size_t date_hits(const struct tg_graph_search_result *result,
                        const struct tg_graph_match *const *page, size_t count,
                        const struct tg_graph_hit **hits)
{
    size_t n = 0;
    char key[HTTP_MAX_ID_BYTES + 8];
    for (size_t i = 0; i < count; i++) {
        const struct tg_graph_match *m = page[i];
        const char *id = match_key(m, key, sizeof key) + 2;
        const char *type = m->document ? "document"
                           : m->event  ? "event"
                                       : tg_graph_type_name(m->entity->type);
        for (size_t k = 0; k < result->hit_count; k++) {
            const struct tg_graph_hit *hit = &result->hits[k];
            if (strcmp(hit->id, id) == 0 && strcmp(hit->type, type) == 0)
                hits[n++] = hit;
        }
    }
    return n;
}

/* The search's JSON body: the list envelope, then what the search read of the query. */
static enum tg_status write_page(struct http_request *request, const char *query,
                                 const struct tg_graph_search_result *result,
                                 const struct tg_graph_hit *const *hits, size_t count, size_t total,
                                 const char *next_cursor, const struct matches *matches,
                                 unsigned mask, struct http_output *out)
{
    struct http_json_out o = {0};
    http_json_text(&o, "{\"items\":");
    write_hits(&o, hits, count);
    http_json_text(&o, ",\"total\":");
    http_json_integer(&o, (long long)total);
    http_json_text(&o, ",\"next_cursor\":");
    http_json_string(&o, next_cursor);
    http_json_text(&o, ",\"next\":");
    http_json_string(&o, next_cursor ? http_next_page(request, request->url, next_cursor) : NULL);
    http_json_text(&o, ",\"query\":");
    http_json_string(&o, query);
    http_json_text(&o, ",\"tokens\":");
    write_tokens(&o, result);
    http_json_text(&o, result->truncated ? ",\"truncated\":true" : ",\"truncated\":false");
    if (matches->facets) {
        json_t *facets = http_facets_json(matches->facets, mask);
        http_json_text(&o, ",\"facets\":");
        http_json_value(&o, facets);
        json_decref(facets);
        if (!tg_query_facets_ok(matches->facets))
            o.failed = true;
    }
    http_json_text(&o, "}");
    return http_json_finish(&o, out);
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
    /* The page's hits in the page's order. */
    const struct tg_graph_hit **hits = NULL;
    size_t hit_count = 0;
    if (status == TG_OK && by_date) {
        hits = malloc((page_count + 1) * sizeof *hits);
        if (!hits)
            status = TG_ERR_NOMEM;
        else if (page_result)
            hit_count = date_hits(page_result, page, page_count, hits);
    } else if (status == TG_OK) {
        hits = malloc((result->hit_count + 1) * sizeof *hits);
        if (!hits)
            status = TG_ERR_NOMEM;
        for (size_t i = 0; hits && i < result->hit_count; i++)
            hits[hit_count++] = &result->hits[i];
        next = result->next_cursor
                   ? http_cursor_encode(request, result->next_cursor, strlen(result->next_cursor))
                   : NULL;
    }
    if (status == TG_OK && request->csv)
        status = http_csv_reply(request, hits_json(hits, hit_count), hit_columns, next, out);
    else if (status == TG_OK)
        status = write_page(request, search.query, result, hits, hit_count,
                            by_date ? matches.count : result->total, next, &matches, mask, out);
    free(hits);
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
