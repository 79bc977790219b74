#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The `type` values of the contract and the graph's search scopes they stand for. */
static const struct {
    const char *name;
    unsigned scope;
} search_types[] = {
    {"document", TG_GRAPH_SEARCH_DOCUMENTS},
    {"organisation", TG_GRAPH_SEARCH_ORGANISATIONS},
    {"person", TG_GRAPH_SEARCH_PEOPLE},
    {"place", TG_GRAPH_SEARCH_PLACES},
    {"programme", TG_GRAPH_SEARCH_PROGRAMMES},
    {"event", TG_GRAPH_SEARCH_EVENTS},
    {"all", TG_GRAPH_SEARCH_ALL},
};

static enum tg_status param_scope(struct http_request *request, unsigned *scope)
{
    const char *type = http_query(request, "type");
    if (!type) {
        *scope = TG_GRAPH_SEARCH_DOCUMENTS;
        return TG_OK;
    }
    for (size_t i = 0; i < sizeof search_types / sizeof search_types[0]; i++) {
        if (strcmp(type, search_types[i].name) == 0) {
            *scope = search_types[i].scope;
            return TG_OK;
        }
    }
    return http_fail(request, TG_ERR_BAD_PARAMETER, "type",
                     "type must be one of document, organisation, person, place, programme, "
                     "event, all");
}

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

static json_t *hits_json(const struct tg_graph_search_result *result)
{
    json_t *items = json_array();
    for (size_t i = 0; items && i < result->hit_count; i++) {
        const struct tg_graph_hit *hit = &result->hits[i];
        json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:f, s:s, s:o}", "type", hit->type,
                                               "id", hit->id, "title", hit->title, "score",
                                               hit->score, "snippet", hit->snippet, "published",
                                               http_string_or_null(hit->published)));
    }
    return items;
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

enum tg_status http_search_get(struct http_request *request, struct http_output *out)
{
    struct tg_graph_search_request search = {.source = http_query(request, "source")};
    struct tg_search_cursor after;
    char position[TG_SEARCH_CURSOR_SIZE];
    const char *cursor = NULL;
    enum tg_status status = param_query(request, &search.query);
    if (status == TG_OK)
        status = param_scope(request, &search.scope);
    if (status == TG_OK)
        status = http_param_limit(request, &search.limit);
    if (status == TG_OK)
        status = http_param_date(request, "from", &search.from);
    if (status == TG_OK)
        status = http_param_date(request, "to", &search.to);
    /* The codec binds the cursor to the query and filters; what it carries is the search's
     * own position. */
    if (status == TG_OK)
        status = http_param_cursor(request, position, sizeof position, &cursor);
    if (status == TG_OK && cursor) {
        if (tg_search_cursor_decode(cursor, strlen(cursor), &after) != TG_OK)
            return http_fail(request, TG_ERR_BAD_PARAMETER, "cursor",
                             "cursor is not one this search returned");
        search.after = &after;
    }
    if (status != TG_OK)
        return status;
    http_query_n(request, "q", &search.query_len);

    struct tg_graph_search_result *result = NULL;
    status = tg_graph_search(request->graph, &search, &result);
    if (status != TG_OK)
        return query_problem(request, status);
    char *next = result->next_cursor
                     ? http_cursor_encode(request, result->next_cursor, strlen(result->next_cursor))
                     : NULL;
    out->json = json_pack("{s:s, s:o, s:I, s:b, s:o, s:o}", "query", search.query, "tokens",
                          tokens_json(result), "total", (json_int_t)result->total, "truncated",
                          result->truncated, "items", hits_json(result), "next_cursor",
                          http_string_or_null(next));
    free(next);
    tg_graph_search_result_free(result);
    return out->json ? TG_OK : TG_ERR_NOMEM;
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
    out->json = json_array();
    for (size_t i = 0; out->json && i < count; i++) {
        const struct tg_graph_entity *e = suggestions[i].entity;
        json_array_append_new(
            out->json, json_pack("{s:s, s:s, s:s, s:s}", "type", tg_graph_type_name(e->type), "id",
                                 e->id, "label", e->name, "matched", suggestions[i].matched));
    }
    return out->json ? TG_OK : TG_ERR_NOMEM;
}
