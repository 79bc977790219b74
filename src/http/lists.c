/*
 * Lists: every list the API serves, top level or nested, goes through here, so they all page,
 * sort, count facets and render CSV the same way and answer one envelope
 * {items, total, next_cursor, next}. A cursor is the key of the last item of a page; the next
 * page is what follows that item in the list's order (tg_query_select), so cursors stay valid
 * across sorts' ties and need no server state.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "routes.h"

#define CURSOR_KEY_BYTES (HTTP_MAX_ID_BYTES + 32)

/* base?<the request's parameters but cursor>&cursor=next (top level), or base?cursor=next. */
static char *next_url(const struct http_request *request, const char *base, const char *cursor,
                      bool top)
{
    char *url = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&url, &len);
    if (!out)
        return NULL;
    fputs(base, out);
    char sep = '?';
    for (size_t i = 0; top && i < request->param_count; i++) {
        const struct http_param *p = &request->params[i];
        if (strcmp(p->name, "cursor") == 0)
            continue;
        fputc(sep, out);
        http_percent_encode(p->name, p->name_len, out);
        fputc('=', out);
        http_percent_encode(p->value, p->value_len, out);
        sep = '&';
    }
    fprintf(out, "%ccursor=", sep);
    http_percent_encode(cursor, strlen(cursor), out);
    if (fclose(out) != 0) {
        free(url);
        return NULL;
    }
    return url;
}

const char *http_next_page(struct http_request *request, const char *base_url,
                           const char *next_cursor)
{
    free(request->link);
    request->link = next_url(request, base_url, next_cursor, true);
    return request->link;
}

json_t *http_envelope(struct http_request *request, json_t *items, size_t total,
                      const char *next_cursor, const char *base_url, bool top)
{
    char *nested = next_cursor && !top ? next_url(request, base_url, next_cursor, false) : NULL;
    const char *next = next_cursor && top ? http_next_page(request, base_url, next_cursor) : nested;
    json_t *body =
        json_pack("{s:o, s:I, s:o, s:o}", "items", items, "total", (json_int_t)total, "next_cursor",
                  http_string_or_null(next_cursor), "next", http_string_or_null(next));
    free(nested);
    return body;
}

/* The list and the facets a selection counts into, as tg_query_list's context. */
struct selection {
    const struct http_list *list;
    const struct http_order *order;
    struct tg_query_facets *facets;
};

static bool accept_item(const void *item, void *ctx)
{
    const struct selection *s = ctx;
    return !s->list->accept || s->list->accept(item, s->list->ctx);
}

static void visit_item(const void *item, void *ctx)
{
    const struct selection *s = ctx;
    s->list->facet(s->facets, item);
}

static int compare_items(const void *a, const void *b, void *ctx)
{
    const struct selection *s = ctx;
    return s->order->compare(a, b, s->list->ctx);
}

/* The accepted item whose key is key, or NULL. */
static const void *find_key(const struct http_list *list, const char *key)
{
    char buf[CURSOR_KEY_BYTES];
    for (size_t i = 0; i < list->count; i++) {
        const void *item = list->at(list->source, i);
        if (item && (!list->accept || list->accept(item, list->ctx)) &&
            strcmp(list->key(item, buf, sizeof buf), key) == 0)
            return item;
    }
    return NULL;
}

/* Selects one page; on TG_OK the caller frees *page. */
static enum tg_status select_page(struct selection *s, const void *after, size_t limit,
                                  const void ***page, size_t *count, size_t *total, bool *more)
{
    const struct http_list *l = s->list;
    struct tg_query_list query = {
        l->count, l->at, l->source, accept_item, s->facets ? visit_item : NULL, s, compare_items};
    *page = malloc(limit * sizeof **page);
    if (!*page)
        return TG_ERR_NOMEM;
    enum tg_status status = tg_query_select(&query, after, limit, *page, count, total, more);
    if (status != TG_OK) {
        free(*page);
        *page = NULL;
    }
    return status;
}

json_t *http_facets_json(struct tg_query_facets *facets, unsigned mask)
{
    json_t *out = json_object();
    for (int f = 0; out && f < TG_QUERY_FACET_COUNT; f++) {
        if (!(mask & (1u << f)))
            continue;
        const struct tg_query_facet_value *values;
        size_t n = tg_query_facets_values(facets, (enum tg_query_facet)f, &values);
        json_t *list = json_array();
        for (size_t i = 0; list && i < n; i++) {
            json_t *v = json_pack("{s:s%, s:I}", "value", values[i].value, values[i].len, "count",
                                  (json_int_t)values[i].count);
            if (v && values[i].organisation)
                json_object_set_new(v, "name", json_string(values[i].organisation->name));
            json_array_append_new(list, v);
        }
        json_object_set_new(out, tg_query_facet_name((enum tg_query_facet)f), list);
    }
    return out;
}

/* Renders a page (and frees it); *last is the key of its last item when more follow. */
static json_t *render_page(struct http_request *request, const struct http_list *list,
                           const void **page, size_t count, bool more, char key[CURSOR_KEY_BYTES],
                           const char **last)
{
    json_t *items = json_array();
    for (size_t i = 0; items && i < count; i++)
        json_array_append_new(items, list->render(request, page[i], list->ctx));
    *last = more && count ? list->key(page[count - 1], key, CURSOR_KEY_BYTES) : NULL;
    free(page);
    return items;
}

enum tg_status http_list_reply(struct http_request *request, const struct http_list *list,
                               json_t *extra, struct http_output *out)
{
    size_t limit;
    const char *cursor;
    char cursor_buf[CURSOR_KEY_BYTES];
    const char *names[16];
    for (size_t i = 0; i < list->order_count && i < 16; i++)
        names[i] = list->orders[i].name;
    int sort = -1;
    unsigned mask = 0;
    enum tg_status status = http_param_limit(request, &limit);
    if (status == TG_OK)
        status = http_param_cursor(request, cursor_buf, sizeof cursor_buf, &cursor);
    if (status == TG_OK)
        status = http_param_choice(request, "sort", names, list->order_count, &sort);
    if (status == TG_OK)
        status = http_param_facets(request, list->facet_mask, &mask);
    const void *after = NULL;
    if (status == TG_OK && cursor && !(after = find_key(list, cursor)))
        status = http_fail(request, TG_ERR_BAD_PARAMETER, "cursor",
                           "cursor names an item this list no longer holds; start again");
    /* Without an explicit limit, CSV is the whole list, streamed. */
    if (status == TG_OK && request->csv && !request->stream_cursor && !http_query(request, "limit"))
        limit = HTTP_CSV_CHUNK;
    struct selection s = {list, &list->orders[sort < 0 ? 0 : sort], NULL};
    if (status == TG_OK && mask && tg_query_facets_new(request->graph, mask, &s.facets) != TG_OK)
        status = TG_ERR_NOMEM;
    const void **page = NULL;
    size_t count = 0, total = 0;
    bool more = false;
    if (status == TG_OK)
        status = select_page(&s, after, limit, &page, &count, &total, &more);
    if (status != TG_OK) {
        tg_query_facets_free(s.facets);
        json_decref(extra);
        return status;
    }
    char key[CURSOR_KEY_BYTES];
    const char *last = NULL;
    json_t *items = render_page(request, list, page, count, more, key, &last);
    char *next = last ? http_cursor_encode(request, last, strlen(last)) : NULL;
    if (request->csv) {
        tg_query_facets_free(s.facets);
        json_decref(extra);
        status = http_csv_reply(request, items, list->csv_columns, next, out);
        free(next);
        return status;
    }
    json_t *body = http_envelope(request, items, total, next, request->url, true);
    free(next);
    if (body && s.facets)
        json_object_set_new(body, "facets", http_facets_json(s.facets, mask));
    if (body && s.facets && !tg_query_facets_ok(s.facets))
        status = TG_ERR_NOMEM;
    tg_query_facets_free(s.facets);
    if (body && extra)
        json_object_update(body, extra);
    json_decref(extra);
    out->json = body;
    return body && status == TG_OK ? TG_OK : TG_ERR_NOMEM;
}

/* The cursor of a sub-resource's second page. The codec binds a cursor to the route and
 * parameters of the request that will carry it: here the sub-resource itself, not the page
 * embedding it. */
static char *sub_cursor(const char *sub_url, const char *position)
{
    char id[HTTP_MAX_ID_BYTES + 64];
    size_t id_len = 0, len = strlen(sub_url);
    if (len >= sizeof id)
        return NULL;
    struct http_request sub = {.route = http_route_find(sub_url, len, id, &id_len)};
    if (!sub.route)
        return NULL;
    sub.path_id = sub.route->id != HTTP_ID_NONE ? id : NULL;
    return http_cursor_encode(&sub, position, strlen(position));
}

json_t *http_list_embed(struct http_request *request, const struct http_list *list,
                        const char *sub_url)
{
    struct selection s = {list, &list->orders[0], NULL};
    const void **page = NULL;
    size_t count = 0, total = 0;
    bool more = false;
    if (select_page(&s, NULL, HTTP_EMBEDDED, &page, &count, &total, &more) != TG_OK)
        return NULL;
    char key[CURSOR_KEY_BYTES];
    const char *last = NULL;
    json_t *items = render_page(request, list, page, count, more, key, &last);
    char *next = last ? sub_cursor(sub_url, last) : NULL;
    json_t *body = http_envelope(request, items, total, next, sub_url, false);
    free(next);
    return body;
}

bool http_wants_csv(const struct http_request *request)
{
    return request->csv;
}

/* ---- CSV ---- */

/* The value at a dotted path; an envelope on the way is looked through to its items, and an
 * array maps the rest of the path over its elements. */
static void flatten(json_t *value, const char *path, FILE *out, bool *first)
{
    if (json_is_object(value) && *path) {
        size_t n = strcspn(path, ".");
        char key[64];
        snprintf(key, sizeof key, "%.*s", (int)(n < 63 ? n : 63), path);
        json_t *child = json_object_get(value, key);
        if (!child && json_is_array(json_object_get(value, "items"))) {
            flatten(json_object_get(value, "items"), path, out, first);
            return;
        }
        flatten(child, path[n] ? path + n + 1 : "", out, first);
        return;
    }
    if (json_is_array(value)) {
        size_t i;
        json_t *element;
        json_array_foreach(value, i, element) flatten(element, path, out, first);
        return;
    }
    if (!value || json_is_null(value) || json_is_object(value))
        return;
    if (!*first)
        fputs(" | ", out);
    *first = false;
    if (json_is_string(value))
        fputs(json_string_value(value), out);
    else if (json_is_integer(value))
        fprintf(out, "%lld", (long long)json_integer_value(value));
    else if (json_is_real(value))
        fprintf(out, "%.4g", json_real_value(value));
    else
        fputs(json_is_true(value) ? "true" : "false", out);
}

/* One field, quoted as RFC 4180 asks when it holds a separator, a quote or a line break. */
static void write_field(FILE *out, const char *text, size_t len)
{
    bool quote = strpbrk(text, ",\"\r\n") != NULL;
    if (!quote) {
        fwrite(text, 1, len, out);
        return;
    }
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '"')
            fputc('"', out);
        fputc(text[i], out);
    }
    fputc('"', out);
}

enum tg_status http_csv_reply(struct http_request *request, json_t *items,
                              const char *const *columns, const char *next_cursor,
                              struct http_output *out)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = items ? open_memstream(&text, &len) : NULL;
    if (!f) {
        json_decref(items);
        return TG_ERR_NOMEM;
    }
    if (!request->stream_cursor) {
        for (size_t c = 0; columns[c]; c++) {
            if (c)
                fputc(',', f);
            write_field(f, columns[c], strlen(columns[c]));
        }
        fputs("\r\n", f);
    }
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item)
    {
        for (size_t c = 0; columns[c]; c++) {
            char *field = NULL;
            size_t field_len = 0;
            FILE *cell = open_memstream(&field, &field_len);
            bool first = true;
            if (cell) {
                flatten(item, columns[c], cell, &first);
                fclose(cell);
            }
            if (c)
                fputc(',', f);
            if (field)
                write_field(f, field, field_len);
            free(field);
        }
        fputs("\r\n", f);
    }
    json_decref(items);
    if (fclose(f) != 0) {
        free(text);
        return TG_ERR_NOMEM;
    }
    out->text = text;
    out->text_len = len;
    out->content_type = "text/csv; charset=utf-8; header=present";
    /* An explicit limit asks for one page: the next is linked, not streamed. */
    if (next_cursor && http_query(request, "limit") && !request->stream_cursor) {
        free(request->link);
        request->link = next_url(request, request->url, next_cursor, true);
    } else if (next_cursor) {
        request->stream_next = strdup(next_cursor);
        if (!request->stream_next)
            return TG_ERR_NOMEM;
    }
    return TG_OK;
}
