/*
 * Writing a merged graph as an image (layout and rules: src/graph/image.h). Every section is
 * gathered in memory first, because strings are interned as records refer to them and the
 * strings section comes first; then header, section table and sections go out in one pass.
 * Interning gives each distinct string one offset, so the names, kinds and roles repeated across
 * records cost their bytes once.
 */
#include <stdlib.h>
#include <string.h>

#include "build_internal.h"
#include "thaigraph/hash.h"

/* A growable byte array. */
struct vec {
    unsigned char *data;
    size_t len, cap;
    bool failed;
};

static void *vec_add(struct vec *v, const void *bytes, size_t n)
{
    if (v->failed)
        return NULL;
    if (v->cap - v->len < n) {
        size_t cap = v->cap ? v->cap : 4096;
        while (cap - v->len < n)
            cap *= 2;
        unsigned char *grown = realloc(v->data, cap);
        if (!grown) {
            v->failed = true;
            return NULL;
        }
        v->data = grown;
        v->cap = cap;
    }
    void *at = v->data + v->len;
    if (bytes)
        memcpy(at, bytes, n);
    else
        memset(at, 0, n);
    v->len += n;
    return at;
}

#define VEC_PUSH(v, value) vec_add((v), &(value), sizeof(value))

/* Interned strings: an open-addressing table of offsets into the strings section. */
struct pool {
    struct vec bytes;
    uint32_t *slots; /* offset + 1, 0 for empty */
    size_t slot_cap, count;
};

static bool pool_grow(struct pool *p)
{
    size_t cap = p->slot_cap ? p->slot_cap * 2 : 1 << 16;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < p->slot_cap; i++) {
        if (!p->slots[i])
            continue;
        const char *s = (const char *)p->bytes.data + p->slots[i] - 1;
        size_t at = tg_hash_bytes(s, strlen(s)) & (cap - 1);
        while (slots[at])
            at = (at + 1) & (cap - 1);
        slots[at] = p->slots[i];
    }
    free(p->slots);
    p->slots = slots;
    p->slot_cap = cap;
    return true;
}

/* The offset of s in the strings section (IMG_NONE for NULL); sets failed when out of room. */
static uint32_t intern(struct pool *p, const char *s)
{
    if (!s)
        return IMG_NONE;
    if ((p->count + 1) * 2 > p->slot_cap && !pool_grow(p)) {
        p->bytes.failed = true;
        return IMG_NONE;
    }
    size_t n = strlen(s);
    size_t at = tg_hash_bytes(s, n) & (p->slot_cap - 1);
    for (; p->slots[at]; at = (at + 1) & (p->slot_cap - 1))
        if (strcmp((const char *)p->bytes.data + p->slots[at] - 1, s) == 0)
            return p->slots[at] - 1;
    if (p->bytes.len + n + 1 >= UINT32_MAX - 1) {
        p->bytes.failed = true;
        return IMG_NONE;
    }
    uint32_t offset = (uint32_t)p->bytes.len;
    vec_add(&p->bytes, s, n + 1);
    p->slots[at] = offset + 1;
    p->count++;
    return offset;
}

struct writer {
    const struct tg_graph *g;
    struct pool strings;
    struct vec sections[IMG_SECTION_COUNT];
};

static uint32_t index_of(const void *item, const void *base, size_t size)
{
    return item ? (uint32_t)(((const char *)item - (const char *)base) / size) : IMG_NONE;
}

#define ENTITY(w, e)   index_of((e), (w)->g->entities, sizeof *(w)->g->entities)
#define EVENT(w, e)    index_of((e), (w)->g->events, sizeof *(w)->g->events)
#define DOCUMENT(w, d) index_of((d), (w)->g->documents, sizeof *(w)->g->documents)

/* Appends a list to LISTS: each item's index, or interned string when strings is set. */
static uint32_t list(struct writer *w, const void *const *items, size_t count, const void *base,
                     size_t size, bool strings)
{
    struct vec *lists = &w->sections[IMG_LISTS];
    uint32_t first = (uint32_t)(lists->len / sizeof(uint32_t));
    for (size_t i = 0; i < count; i++) {
        uint32_t v = strings ? intern(&w->strings, items[i]) : index_of(items[i], base, size);
        VEC_PUSH(lists, v);
    }
    return first;
}

static enum img_mention_type mention_type(const char *type)
{
    static const char *const names[IMG_MENTION_TYPES] = {
        "organisation", "person", "place", "programme", "date", "number",
    };
    for (int t = 0; t < IMG_MENTION_TYPES; t++)
        if (strcmp(names[t], type) == 0)
            return (enum img_mention_type)t;
    return IMG_MENTION_NUMBER;
}

static void documents(struct writer *w)
{
    const struct tg_graph *g = w->g;
    struct vec *texts = &w->sections[IMG_TEXTS];
    for (size_t i = 0; i < g->document_count; i++) {
        const struct tg_graph_document *d = &g->documents[i];
        struct img_document r = {
            .id = intern(&w->strings, d->id),
            .title = intern(&w->strings, d->title),
            .published = intern(&w->strings, d->published),
            .published_precision = intern(&w->strings, d->published_precision),
            .source = intern(&w->strings, d->source),
            .url = intern(&w->strings, d->url),
            .text = texts->len,
            .text_bytes = (uint32_t)d->text_bytes,
            .length = (uint32_t)d->length,
            .mention_first = (uint32_t)g->mention_first[i],
            .mention_count = (uint32_t)d->mention_count,
            .events = list(w, (const void *const *)d->events, d->event_count, g->events,
                           sizeof *g->events, false),
            .event_count = (uint32_t)d->event_count,
            .organisation_count = (uint32_t)d->organisation_count,
            .person_count = (uint32_t)d->person_count,
        };
        vec_add(texts, d->text, d->text_bytes);
        vec_add(texts, "", 1);
        VEC_PUSH(&w->sections[IMG_DOCUMENTS], r);
        for (size_t k = 0; k < d->mention_count; k++) {
            const struct tg_graph_mention *m = &g->mentions[g->mention_first[i] + k];
            struct img_mention mr = {(uint32_t)m->start,
                                     (uint32_t)m->end,
                                     intern(&w->strings, m->surface),
                                     intern(&w->strings, m->value),
                                     ENTITY(w, m->entity),
                                     mention_type(m->type)};
            VEC_PUSH(&w->sections[IMG_MENTIONS], mr);
        }
    }
}

static int compare_pointers(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (const void *const *)a, y = (uintptr_t) * (const void *const *)b;
    return (x > y) - (x < y);
}

static void entities(struct writer *w)
{
    const struct tg_graph *g = w->g;
    /* Positions are shared by a person and an organisation: each is written once, numbered in
     * address order, and found again by address. */
    size_t total = 0;
    for (size_t i = 0; i < g->entity_count; i++)
        total += g->entities[i].position_count;
    const struct tg_graph_position **all = malloc((total + 1) * sizeof *all);
    if (!all) {
        w->strings.bytes.failed = true;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < g->entity_count; i++)
        for (size_t k = 0; k < g->entities[i].position_count; k++)
            all[n++] = g->entities[i].positions[k];
    if (n > 1)
        qsort(all, n, sizeof *all, compare_pointers);
    size_t unique = 0;
    for (size_t i = 0; i < n; i++)
        if (unique == 0 || all[unique - 1] != all[i])
            all[unique++] = all[i];
    for (size_t i = 0; i < unique; i++) {
        const struct tg_graph_position *p = all[i];
        struct img_position r = {ENTITY(w, p->person),
                                 intern(&w->strings, p->title),
                                 ENTITY(w, p->organisation),
                                 intern(&w->strings, p->as_of),
                                 intern(&w->strings, p->as_of_precision),
                                 DOCUMENT(w, p->document),
                                 intern(&w->strings, p->evidence.sentence),
                                 (uint32_t)p->evidence.start,
                                 (uint32_t)p->evidence.end};
        VEC_PUSH(&w->sections[IMG_POSITIONS], r);
    }
    for (size_t i = 0; i < g->entity_count; i++) {
        const struct tg_graph_entity *e = &g->entities[i];
        struct vec *lists = &w->sections[IMG_LISTS];
        uint32_t positions = (uint32_t)(lists->len / sizeof(uint32_t));
        for (size_t k = 0; k < e->position_count; k++) {
            const struct tg_graph_position **at =
                bsearch(&e->positions[k], all, unique, sizeof *all, compare_pointers);
            uint32_t v = (uint32_t)(at - all);
            VEC_PUSH(lists, v);
        }
        struct img_entity r = {
            .id = intern(&w->strings, e->id),
            .name = intern(&w->strings, e->name),
            .kind = intern(&w->strings, e->kind),
            .honorific = intern(&w->strings, e->honorific),
            .parent = ENTITY(w, e->parent),
            .type = (uint32_t)e->type,
            .abbreviations = list(w, (const void *const *)e->abbreviations, e->abbreviation_count,
                                  NULL, 1, true),
            .abbreviation_count = (uint32_t)e->abbreviation_count,
            .aliases = list(w, (const void *const *)e->aliases, e->alias_count, NULL, 1, true),
            .alias_count = (uint32_t)e->alias_count,
            .children = list(w, (const void *const *)e->children, e->child_count, g->entities,
                             sizeof *g->entities, false),
            .child_count = (uint32_t)e->child_count,
            .positions = positions,
            .position_count = (uint32_t)e->position_count,
            .events = list(w, (const void *const *)e->events, e->event_count, g->events,
                           sizeof *g->events, false),
            .event_count = (uint32_t)e->event_count,
            .documents = list(w, (const void *const *)e->documents, e->document_count, g->documents,
                              sizeof *g->documents, false),
            .document_count = (uint32_t)e->document_count,
            .mention_count = e->mention_count,
        };
        VEC_PUSH(&w->sections[IMG_ENTITIES], r);
    }
    free(all);
}

static void evidence(struct writer *w, const struct tg_graph_evidence *e)
{
    struct img_evidence r = {DOCUMENT(w, e->document), intern(&w->strings, e->sentence),
                             (uint32_t)e->start, (uint32_t)e->end};
    VEC_PUSH(&w->sections[IMG_EVIDENCE], r);
}

/* Each event's participants with their evidence, then its own evidence: every evidence list is
 * one range of EVIDENCE, so the event's range is taken after its participants'. */
static void events(struct writer *w)
{
    const struct tg_graph *g = w->g;
    for (size_t i = 0; i < g->event_count; i++) {
        const struct tg_graph_event *ev = &g->events[i];
        struct img_event r = {
            intern(&w->strings, ev->id),
            intern(&w->strings, ev->kind),
            intern(&w->strings, ev->title),
            intern(&w->strings, ev->date),
            intern(&w->strings, ev->date_precision),
            ENTITY(w, ev->place),
            ENTITY(w, ev->programme),
            (uint32_t)(w->sections[IMG_PARTICIPANTS].len / sizeof(struct img_participant)),
            (uint32_t)ev->participant_count,
            0,
            (uint32_t)ev->evidence_count,
            ev->collaboration,
        };
        for (size_t k = 0; k < ev->participant_count; k++) {
            const struct tg_graph_participant *part = &ev->participants[k];
            struct img_participant p = {
                ENTITY(w, part->entity), intern(&w->strings, part->role),
                (uint32_t)(w->sections[IMG_EVIDENCE].len / sizeof(struct img_evidence)),
                (uint32_t)part->evidence_count};
            VEC_PUSH(&w->sections[IMG_PARTICIPANTS], p);
            for (size_t e = 0; e < part->evidence_count; e++)
                evidence(w, &part->evidence[e]);
        }
        r.evidence = (uint32_t)(w->sections[IMG_EVIDENCE].len / sizeof(struct img_evidence));
        for (size_t k = 0; k < ev->evidence_count; k++)
            evidence(w, &ev->evidence[k]);
        VEC_PUSH(&w->sections[IMG_EVENTS], r);
        uint32_t by_id = EVENT(w, g->events_by_id[i]);
        VEC_PUSH(&w->sections[IMG_EVENTS_BY_ID], by_id);
    }
}

static void names(struct writer *w)
{
    const struct tg_graph *g = w->g;
    for (size_t i = 0; i < g->name_count; i++) {
        struct img_name r = {intern(&w->strings, g->names[i].key), ENTITY(w, g->names[i].entity)};
        VEC_PUSH(&w->sections[IMG_NAMES], r);
    }
    for (size_t i = 0; i < g->search.suggestion_count; i++) {
        const struct graph_suggestion *s = &g->search.suggestions[i];
        struct img_name r = {intern(&w->strings, s->name), ENTITY(w, s->entity)};
        VEC_PUSH(&w->sections[IMG_SUGGEST], r);
    }
    for (size_t i = 0; i < g->search.abbreviation_count; i++) {
        uint32_t r = intern(&w->strings, g->search.abbreviations[i]);
        VEC_PUSH(&w->sections[IMG_ABBREVIATIONS], r);
    }
}

static const struct tg_search_index *index_of_section(const struct tg_graph *g, int section)
{
    return section == IMG_INDEX_DOCUMENTS ? g->search.documents
           : section == IMG_INDEX_THINGS  ? g->search.things
                                          : g->search.names;
}

static bool pad(FILE *out, size_t *at)
{
    static const char zeros[8];
    size_t n = (8 - *at % 8) % 8;
    *at += n;
    return n == 0 || fwrite(zeros, 1, n, out) == n;
}

enum tg_status build_write(const struct tg_graph *g, FILE *out, struct tg_error *err)
{
    struct writer w = {.g = g};
    vec_add(&w.strings.bytes, "", 1); /* offset 0 is the empty string; the section ends in NUL */
    documents(&w);
    entities(&w);
    events(&w);
    names(&w);
    w.sections[IMG_STRINGS] = w.strings.bytes;
    bool failed = w.strings.bytes.failed;
    for (int i = 0; i < IMG_SECTION_COUNT; i++)
        failed = failed || w.sections[i].failed;
    enum tg_status status = TG_OK;
    if (failed) {
        status = tg_error_set(err, TG_ERR_NOMEM, "out of memory writing the snapshot");
        goto done;
    }
    struct img_section_entry table[IMG_SECTION_COUNT];
    size_t at = sizeof(struct img_header) + sizeof table;
    for (int i = 0; i < IMG_SECTION_COUNT; i++) {
        at += (8 - at % 8) % 8;
        size_t bytes = i >= IMG_INDEX_DOCUMENTS
                           ? tg_search_index_block_bytes(index_of_section(g, i))
                           : w.sections[i].len;
        table[i] = (struct img_section_entry){(uint32_t)i, img_record_sizes[i], at, bytes};
        at += bytes;
    }
    struct img_header h = {.format = IMG_FORMAT, .section_count = IMG_SECTION_COUNT, .bytes = at};
    memcpy(h.magic, IMG_MAGIC, sizeof h.magic);
    bool ok = fwrite(&h, sizeof h, 1, out) == 1 && fwrite(table, sizeof table, 1, out) == 1;
    size_t written = sizeof h + sizeof table;
    for (int i = 0; ok && i < IMG_SECTION_COUNT; i++) {
        ok = pad(out, &written);
        if (i >= IMG_INDEX_DOCUMENTS)
            ok = ok && tg_search_index_write(index_of_section(g, i), out) == TG_OK;
        else
            ok = ok && (w.sections[i].len == 0 ||
                        fwrite(w.sections[i].data, w.sections[i].len, 1, out) == 1);
        written += table[i].bytes;
    }
    if (!ok || fflush(out) != 0)
        status = tg_error_set(err, TG_ERR_IO, "writing the snapshot failed");
done:
    for (int i = 0; i < IMG_SECTION_COUNT; i++)
        if (i != IMG_STRINGS)
            free(w.sections[i].data);
    free(w.strings.bytes.data);
    free(w.strings.slots);
    return status;
}
