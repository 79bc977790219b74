#include <string.h>

#include "internal.h"

static const char *const event_kinds[] = {"meeting",   "conference",   "agreement", "training",
                                          "programme", "announcement", "other"};

enum tg_status http_events_list(struct http_request *request, struct http_output *out)
{
    size_t limit;
    const char *after, *from, *to;
    char cursor_buf[HTTP_MAX_ID_BYTES + 1];
    const struct tg_graph_entity *org = NULL;
    const char *kind = http_query(request, "kind");
    enum tg_status status = http_param_limit(request, &limit);
    if (status == TG_OK)
        status = http_param_cursor(request, cursor_buf, sizeof cursor_buf, &after);
    if (status == TG_OK)
        status = http_param_date(request, "from", &from);
    if (status == TG_OK)
        status = http_param_date(request, "to", &to);
    if (status == TG_OK)
        status = http_param_entity(request, "organisation", TG_GRAPH_ORGANISATION, &org);
    bool known_kind = !kind;
    for (size_t i = 0; kind && i < sizeof event_kinds / sizeof event_kinds[0]; i++)
        known_kind = known_kind || strcmp(kind, event_kinds[i]) == 0;
    if (status == TG_OK && !known_kind)
        status = http_fail(request, TG_ERR_BAD_PARAMETER, "kind",
                           "kind must be one of meeting, conference, agreement, training, "
                           "programme, announcement, other");
    if (status != TG_OK)
        return status;
    size_t count = tg_graph_event_count(request->graph);
    size_t start = after ? tg_graph_event_index(request->graph, after) + 1 : 0;
    json_t *items = json_array();
    const char *last = NULL;
    size_t total = 0;
    bool more = false;
    for (size_t i = 0; i < count; i++) {
        const struct tg_graph_event *ev = tg_graph_event_at(request->graph, i);
        if ((kind && strcmp(ev->kind, kind) != 0) || (org && !tg_graph_event_has(ev, org)) ||
            !tg_graph_date_in_range(ev->date, from, to))
            continue;
        total++;
        if (i < start)
            continue;
        if (json_array_size(items) < limit) {
            json_array_append_new(items, http_event_summary(ev));
            last = ev->id;
        } else {
            more = true;
        }
    }
    out->json = http_page_body(request, items, last, more, total);
    return out->json ? TG_OK : TG_ERR_NOMEM;
}

enum tg_status http_events_get(struct http_request *request, struct http_output *out)
{
    const struct tg_graph_event *ev = tg_graph_event_find(request->graph, request->path_id);
    if (!ev)
        return http_fail(request, TG_ERR_NOT_FOUND, NULL, "no event has the id '%s'",
                         request->path_id);
    out->json = http_event_summary(ev);
    return out->json ? TG_OK : TG_ERR_NOMEM;
}
