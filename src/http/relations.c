/*
 * The nested lists of entity, event and document pages, each also a paged sub-resource
 * (/v1/organisations/{id}/events, /v1/events/{id}/documents, ...): what the list holds, its
 * orders, its cursor key and how an item renders, in one table-like place so a page's embedded
 * first 20 and the sub-resource's pages are always the same list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "thaigraph/export.h"

/* Whose partners a collaborators list renders. */
struct partner_context {
    const struct tg_graph_entity *organisation;
};

/* What a relation's list points into, beyond the snapshot. */
struct http_relation_state {
    const void **items;
    size_t count;
    struct tg_query_tenures *tenures;
    struct tg_graph_partner *partners;
    struct partner_context partner;
    struct tg_graph_mention *mentions;
};

void http_relation_free(struct http_relation_state *s)
{
    if (!s)
        return;
    free(s->items);
    tg_query_tenures_free(s->tenures);
    free(s->partners);
    free(s->mentions);
    free(s);
}

static const void *pointer_at(const void *source, size_t index)
{
    return ((const void *const *)source)[index];
}

/* ---- Orders ---- */

int http_compare_dated(const char *date_a, const char *id_a, const char *date_b, const char *id_b,
                       bool newest)
{
    /* Undated things come last in either direction. */
    if (!date_a != !date_b)
        return date_a ? -1 : 1;
    int c = date_a ? strcmp(date_a, date_b) : 0;
    if (newest)
        c = -c;
    return c ? c : strcmp(id_a, id_b);
}

int http_event_oldest(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_event *x = a, *y = b;
    return http_compare_dated(x->date, x->id, y->date, y->id, false);
}

int http_event_newest(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_event *x = a, *y = b;
    return http_compare_dated(x->date, x->id, y->date, y->id, true);
}

const struct http_order http_event_orders[HTTP_EVENT_ORDERS] = {{"date", http_event_oldest},
                                                                {"-date", http_event_newest}};

static int document_by_id(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return strcmp(((const struct tg_graph_document *)a)->id,
                  ((const struct tg_graph_document *)b)->id);
}

static int document_oldest(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_document *x = a, *y = b;
    return http_compare_dated(x->published, x->id, y->published, y->id, false);
}

static int document_newest(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_document *x = a, *y = b;
    return http_compare_dated(x->published, x->id, y->published, y->id, true);
}

const struct http_order http_document_orders[HTTP_DOCUMENT_ORDERS] = {
    {"id", document_by_id}, {"date", document_oldest}, {"-date", document_newest}};

static int tenure_oldest(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_query_tenure *x = a, *y = b;
    return http_compare_dated(x->first_seen, x->id, y->first_seen, y->id, false);
}

static int tenure_newest(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_query_tenure *x = a, *y = b;
    return http_compare_dated(x->last_seen, x->id, y->last_seen, y->id, true);
}

static const struct http_order tenure_orders[] = {{"date", tenure_oldest},
                                                  {"-date", tenure_newest}};

static int partner_most(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_partner *x = a, *y = b;
    if (x->event_count != y->event_count)
        return x->event_count < y->event_count ? 1 : -1;
    return strcmp(x->organisation->id, y->organisation->id);
}

static int partner_name(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_partner *x = a, *y = b;
    int c = strcmp(x->organisation->name, y->organisation->name);
    return c ? c : strcmp(x->organisation->id, y->organisation->id);
}

static int partner_oldest(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_partner *x = a, *y = b;
    return http_compare_dated(x->first->date, x->organisation->id, y->first->date,
                              y->organisation->id, false);
}

static const struct http_order partner_orders[] = {
    {"-events", partner_most}, {"name", partner_name}, {"date", partner_oldest}};

static int entity_by_id(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return strcmp(((const struct tg_graph_entity *)a)->id, ((const struct tg_graph_entity *)b)->id);
}

static int entity_by_name(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_entity *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->id, y->id);
}

static const struct http_order child_orders[] = {{"id", entity_by_id}, {"name", entity_by_name}};

/* Items of one array in the order they are stored in it (mentions in text order, participants
 * organisations first, evidence by document). */
static int stored_order(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return (a > b) - (a < b);
}

static const struct http_order stored_orders[] = {{"position", stored_order}};

/* ---- Keys ---- */

const char *http_event_key(const void *item, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    return ((const struct tg_graph_event *)item)->id;
}

const char *http_document_key(const void *item, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    return ((const struct tg_graph_document *)item)->id;
}

const char *http_tenure_key(const void *item, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    return ((const struct tg_query_tenure *)item)->id;
}

static const char *partner_key(const void *item, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    return ((const struct tg_graph_partner *)item)->organisation->id;
}

static const char *entity_key(const void *item, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    return ((const struct tg_graph_entity *)item)->id;
}

static const char *participant_key(const void *item, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    return ((const struct tg_graph_participant *)item)->entity->id;
}

static const char *mention_key(const void *item, char *buf, size_t size)
{
    snprintf(buf, size, "%zu", ((const struct tg_graph_mention *)item)->start);
    return buf;
}

static const char *evidence_key(const void *item, char *buf, size_t size)
{
    const struct tg_graph_evidence *e = item;
    snprintf(buf, size, "%s/%zu", e->document->id, e->start);
    return buf;
}

/* ---- Renderings ---- */

json_t *http_render_event(struct http_request *request, const void *item, void *ctx)
{
    (void)ctx;
    return http_event_summary(request, item);
}

json_t *http_render_document(struct http_request *request, const void *item, void *ctx)
{
    (void)request;
    (void)ctx;
    return http_document_summary(item);
}

json_t *http_render_tenure(struct http_request *request, const void *item, void *ctx)
{
    (void)request;
    (void)ctx;
    return http_tenure(item);
}

/* The sentences that state two organisations' work together: those of their joint events'
 * reports that name both. */
static json_t *joint_evidence(const struct tg_graph_entity *a, const struct tg_graph_entity *b)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < a->event_count; i++) {
        const struct tg_graph_event *ev = a->events[i];
        if (!tg_graph_collaborates(ev, a, b))
            continue;
        const struct tg_graph_participant *pa = NULL, *pb = NULL;
        for (size_t k = 0; k < ev->participant_count; k++) {
            if (ev->participants[k].entity == a)
                pa = &ev->participants[k];
            if (ev->participants[k].entity == b)
                pb = &ev->participants[k];
        }
        for (size_t k = 0; pa && pb && k < pa->evidence_count; k++) {
            const struct tg_graph_evidence *e = &pa->evidence[k];
            bool both = false;
            for (size_t j = 0; j < pb->evidence_count && !both; j++)
                both = pb->evidence[j].document == e->document && pb->evidence[j].start == e->start;
            if (!both)
                continue;
            if (json_array_size(list) == HTTP_EVIDENCE_MAX)
                return list;
            json_array_append_new(list, tg_export_evidence_json(e));
        }
    }
    return list;
}

static json_t *render_partner(struct http_request *request, const void *item, void *ctx)
{
    (void)request;
    const struct partner_context *c = ctx;
    const struct tg_graph_partner *p = item;
    return json_pack("{s:o, s:I, s:o, s:o, s:o}", "organisation", http_entity_ref(p->organisation),
                     "event_count", (json_int_t)p->event_count, "first",
                     http_string_or_null(p->first->date), "last",
                     http_string_or_null(p->last->date), "evidence",
                     joint_evidence(c->organisation, p->organisation));
}

static json_t *render_child(struct http_request *request, const void *item, void *ctx)
{
    (void)request;
    (void)ctx;
    return http_entity_ref(item);
}

static json_t *render_participant(struct http_request *request, const void *item, void *ctx)
{
    (void)request;
    (void)ctx;
    const struct tg_graph_participant *p = item;
    return json_pack("{s:s, s:s, s:s, s:o}", "id", p->entity->id, "name", p->entity->name, "role",
                     p->role, "evidence", http_evidence(p->evidence, p->evidence_count));
}

static json_t *render_mention(struct http_request *request, const void *item, void *ctx)
{
    (void)request;
    (void)ctx;
    const struct tg_graph_mention *m = item;
    return json_pack("{s:s, s:I, s:I, s:s, s:o, s:o}", "type", m->type, "start",
                     (json_int_t)m->start, "end", (json_int_t)m->end, "surface", m->surface,
                     "entity_id", http_string_or_null(m->entity ? m->entity->id : NULL), "value",
                     http_string_or_null(m->value));
}

static json_t *render_evidence(struct http_request *request, const void *item, void *ctx)
{
    (void)request;
    (void)ctx;
    return tg_export_evidence_json(item);
}

/* ---- CSV columns ---- */

const char *const http_event_columns[] = {"id",
                                          "kind",
                                          "title",
                                          "date",
                                          "date_precision",
                                          "place.name",
                                          "organisations.name",
                                          "people.name",
                                          "documents.id",
                                          "collaboration",
                                          NULL};
const char *const http_document_columns[] = {"id",
                                             "title",
                                             "published",
                                             "date_precision",
                                             "source",
                                             "url",
                                             "length",
                                             "counts.organisations",
                                             "counts.people",
                                             "counts.events",
                                             NULL};
const char *const http_tenure_columns[] = {"id",
                                           "person.id",
                                           "person.name",
                                           "title",
                                           "organisation.id",
                                           "organisation.name",
                                           "first_seen",
                                           "last_seen",
                                           "succession.order",
                                           "succession.holders",
                                           "evidence.document_id",
                                           NULL};
static const char *const partner_columns[] = {
    "organisation.id", "organisation.name", "event_count", "first", "last", NULL};
static const char *const ref_columns[] = {"id", "name", NULL};
static const char *const participant_columns[] = {"id", "name", "role", NULL};
static const char *const mention_columns[] = {"type",      "start", "end", "surface",
                                              "entity_id", "value", NULL};
static const char *const evidence_columns[] = {"document_id", "start", "end", "sentence", NULL};

/* ---- The relations ---- */

static bool participant_is_organisation(const void *item, void *ctx)
{
    (void)ctx;
    return ((const struct tg_graph_participant *)item)->entity->type == TG_GRAPH_ORGANISATION;
}

static bool participant_is_person(const void *item, void *ctx)
{
    (void)ctx;
    return ((const struct tg_graph_participant *)item)->entity->type == TG_GRAPH_PERSON;
}

static const void *participant_at(const void *source, size_t index)
{
    return &((const struct tg_graph_event *)source)->participants[index];
}

static const void *mention_at(const void *source, size_t index)
{
    return &((const struct tg_graph_mention *)source)[index];
}

static const void *evidence_at(const void *source, size_t index)
{
    return &((const struct tg_graph_event *)source)->evidence[index];
}

const void *http_tenure_at(const void *source, size_t index)
{
    return tg_query_tenures_at(source, index);
}

static const void *partner_at(const void *source, size_t index)
{
    return &((const struct tg_graph_partner *)source)[index];
}

/* The distinct documents of an event's reports, in id order. */
static bool event_documents(const struct tg_graph_event *ev, struct http_relation_state *s)
{
    s->items = malloc((ev->evidence_count + 1) * sizeof *s->items);
    if (!s->items)
        return false;
    for (size_t i = 0; i < ev->evidence_count; i++) {
        if (i == 0 || ev->evidence[i].document != ev->evidence[i - 1].document)
            s->items[s->count++] = ev->evidence[i].document;
    }
    return true;
}

/* The evidence of a tenure's statements, in their order. */
static bool tenure_evidence(const struct tg_query_tenure *t, struct http_relation_state *s)
{
    s->items = malloc((t->position_count + 1) * sizeof *s->items);
    if (!s->items)
        return false;
    for (size_t i = 0; i < t->position_count; i++)
        s->items[s->count++] = &t->positions[i]->evidence;
    return true;
}

/* A document's mentions, decoded (the snapshot stores them packed). */
static bool document_mentions(const struct tg_graph *g, const struct tg_graph_document *doc,
                              struct http_relation_state *s)
{
    s->mentions = malloc((doc->mention_count + 1) * sizeof *s->mentions);
    if (!s->mentions)
        return false;
    for (size_t i = 0; i < doc->mention_count; i++)
        tg_graph_document_mention(g, doc, i, &s->mentions[i]);
    s->count = doc->mention_count;
    return true;
}

#define LIST(orders_, key_, render_, columns_)                                                     \
    .orders = orders_, .order_count = sizeof orders_ / sizeof *orders_, .key = key_,               \
    .render = render_, .csv_columns = columns_

enum tg_status http_relation_list(struct http_request *request, enum http_relation relation,
                                  const void *owner, struct http_list *list,
                                  struct http_relation_state **state)
{
    struct http_relation_state *s = calloc(1, sizeof *s);
    if (!s)
        return TG_ERR_NOMEM;
    const struct tg_graph_entity *e = owner;
    const struct tg_graph_event *ev = owner;
    const struct tg_graph_document *doc = owner;
    struct tg_query_tenure_filter filter = {0};
    bool ok = true;
    switch (relation) {
    case HTTP_REL_ENTITY_EVENTS:
        *list = (struct http_list){
            .count = e->event_count,
            .at = pointer_at,
            .source = e->events,
            LIST(http_event_orders, http_event_key, http_render_event, http_event_columns)};
        break;
    case HTTP_REL_DOCUMENT_EVENTS:
        *list = (struct http_list){
            .count = doc->event_count,
            .at = pointer_at,
            .source = doc->events,
            LIST(http_event_orders, http_event_key, http_render_event, http_event_columns)};
        break;
    case HTTP_REL_ENTITY_DOCUMENTS:
        *list = (struct http_list){.count = e->document_count,
                                   .at = pointer_at,
                                   .source = e->documents,
                                   LIST(http_document_orders, http_document_key,
                                        http_render_document, http_document_columns)};
        break;
    case HTTP_REL_EVENT_DOCUMENTS:
        ok = event_documents(ev, s);
        *list = (struct http_list){.count = s->count,
                                   .at = pointer_at,
                                   .source = s->items,
                                   LIST(http_document_orders, http_document_key,
                                        http_render_document, http_document_columns)};
        break;
    case HTTP_REL_OFFICE_HOLDERS:
    case HTTP_REL_POSITIONS:
        if (relation == HTTP_REL_OFFICE_HOLDERS) {
            filter.organisations = &e;
            filter.organisation_count = 1;
        } else {
            filter.people = &e;
            filter.person_count = 1;
        }
        ok = tg_query_tenures(request->graph, &filter, &s->tenures) == TG_OK;
        *list = (struct http_list){
            .count = ok ? tg_query_tenures_count(s->tenures) : 0,
            .at = http_tenure_at,
            .source = s->tenures,
            LIST(tenure_orders, http_tenure_key, http_render_tenure, http_tenure_columns)};
        break;
    case HTTP_REL_COLLABORATORS:
        ok = tg_graph_partners(e, &s->partners, &s->count) == TG_OK;
        s->partner.organisation = e;
        *list =
            (struct http_list){.count = ok ? s->count : 0,
                               .at = partner_at,
                               .source = s->partners,
                               .ctx = &s->partner,
                               LIST(partner_orders, partner_key, render_partner, partner_columns)};
        break;
    case HTTP_REL_CHILDREN:
        *list = (struct http_list){.count = e->child_count,
                                   .at = pointer_at,
                                   .source = e->children,
                                   LIST(child_orders, entity_key, render_child, ref_columns)};
        break;
    case HTTP_REL_MENTIONS:
        ok = document_mentions(request->graph, doc, s);
        *list =
            (struct http_list){.count = s->count,
                               .at = mention_at,
                               .source = s->mentions,
                               LIST(stored_orders, mention_key, render_mention, mention_columns)};
        break;
    case HTTP_REL_EVENT_ORGANISATIONS:
    case HTTP_REL_EVENT_PEOPLE:
        *list = (struct http_list){
            .count = ev->participant_count,
            .at = participant_at,
            .source = ev,
            .accept = relation == HTTP_REL_EVENT_ORGANISATIONS ? participant_is_organisation
                                                               : participant_is_person,
            LIST(stored_orders, participant_key, render_participant, participant_columns)};
        break;
    case HTTP_REL_EVENT_EVIDENCE:
        *list = (struct http_list){
            .count = ev->evidence_count,
            .at = evidence_at,
            .source = ev,
            LIST(stored_orders, evidence_key, render_evidence, evidence_columns)};
        break;
    case HTTP_REL_TENURE_EVIDENCE:
        ok = tenure_evidence(owner, s);
        *list = (struct http_list){
            .count = s->count,
            .at = pointer_at,
            .source = s->items,
            LIST(stored_orders, evidence_key, render_evidence, evidence_columns)};
        break;
    }
    if (!ok) {
        http_relation_free(s);
        return TG_ERR_NOMEM;
    }
    *state = s;
    return TG_OK;
}

enum tg_status http_embed_relation(struct http_request *request, json_t *body, const char *name,
                                   enum http_relation relation, const void *owner, const char *base)
{
    struct http_list list;
    struct http_relation_state *state = NULL;
    enum tg_status status = http_relation_list(request, relation, owner, &list, &state);
    if (status != TG_OK)
        return status;
    char url[HTTP_MAX_ID_BYTES + 64];
    snprintf(url, sizeof url, "%s/%s", base, name);
    json_t *embedded = http_list_embed(request, &list, url);
    http_relation_free(state);
    if (!embedded || json_object_set_new(body, name, embedded) != 0)
        return TG_ERR_NOMEM;
    return TG_OK;
}

enum tg_status http_relation_reply(struct http_request *request, enum http_relation relation,
                                   const void *owner, struct http_output *out)
{
    struct http_list list;
    struct http_relation_state *state = NULL;
    enum tg_status status = http_relation_list(request, relation, owner, &list, &state);
    if (status == TG_OK)
        status = http_list_reply(request, &list, NULL, out);
    http_relation_free(state);
    return status;
}
