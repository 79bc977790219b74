/*
 * Loading a snapshot: map the image that ingest appended to the database file (image.h), check
 * it, and make the small records the read API hands out, pointing into the mapping.
 *
 * Cost. Nothing is segmented, normalised or merged here; the work is a pass over the records
 * (documents, entities, events, their lists), the strings' UTF-8 and each search index's
 * dictionary; postings and span tables are checked when first read (persist.c). Texts, postings,
 * spans and mention records stay in the mapping, so they
 * are file-backed memory shared with the page cache: two daemons serving one file, or one daemon
 * holding two snapshots while it reloads, hold one copy. Checking reads those pages, so the loader
 * drops them from its page tables as it goes (MADV_DONTNEED keeps the page cache and costs the
 * first request a minor fault per page): strings are validated a few MiB at a time and every
 * phase drops the sections it reads every TRIM_ROWS rows. The texts, half the image, are not mapped
 * in at all: the one byte of each that is checked is read from the file. The check then raises RSS
 * by tens of MiB whatever the corpus size, which matters most on a reload, when the old snapshot's
 * memory is still resident beside it.
 *
 * Trust. The file may be damaged or hostile. The checksum ingest stored catches accidents, and
 * the checks stand without it: every section is bounded by the image, every record by its
 * section, every reference (index into another section, string offset, list range, text range,
 * code-point offset) is checked before it becomes a pointer, and sorted sections are checked to be
 * sorted, since lookups binary-search them. A file that fails is refused with the section and row.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "graph_internal.h"
#include "thaigraph/store.h"
#include "thaigraph/utf8.h"

static const char *const section_names[IMG_SECTION_COUNT] = {
    [IMG_STRINGS] = "strings",
    [IMG_TEXTS] = "texts",
    [IMG_DOCUMENTS] = "documents",
    [IMG_MENTIONS] = "mentions",
    [IMG_ENTITIES] = "entities",
    [IMG_POSITIONS] = "positions",
    [IMG_EVENTS] = "events",
    [IMG_EVENTS_BY_ID] = "events by id",
    [IMG_PARTICIPANTS] = "participants",
    [IMG_EVIDENCE] = "evidence",
    [IMG_LISTS] = "lists",
    [IMG_NAMES] = "names",
    [IMG_SUGGEST] = "suggestions",
    [IMG_ABBREVIATIONS] = "abbreviations",
    [IMG_INDEX_DOCUMENTS] = "document index",
    [IMG_INDEX_THINGS] = "entity and event index",
    [IMG_INDEX_NAMES] = "name index",
};

const uint32_t img_record_sizes[IMG_SECTION_COUNT] = {
    [IMG_STRINGS] = 1,
    [IMG_TEXTS] = 1,
    [IMG_DOCUMENTS] = sizeof(struct img_document),
    [IMG_MENTIONS] = sizeof(struct img_mention),
    [IMG_ENTITIES] = sizeof(struct img_entity),
    [IMG_POSITIONS] = sizeof(struct img_position),
    [IMG_EVENTS] = sizeof(struct img_event),
    [IMG_EVENTS_BY_ID] = sizeof(uint32_t),
    [IMG_PARTICIPANTS] = sizeof(struct img_participant),
    [IMG_EVIDENCE] = sizeof(struct img_evidence),
    [IMG_LISTS] = sizeof(uint32_t),
    [IMG_NAMES] = sizeof(struct img_name),
    [IMG_SUGGEST] = sizeof(struct img_name),
    [IMG_ABBREVIATIONS] = sizeof(uint32_t),
    [IMG_INDEX_DOCUMENTS] = 1,
    [IMG_INDEX_THINGS] = 1,
    [IMG_INDEX_NAMES] = 1,
};

static const char *const mention_types[IMG_MENTION_TYPES] = {
    "organisation", "person", "place", "programme", "date", "number",
};

/* What the loader has learnt of the image so far. */
struct load {
    struct tg_graph *g;
    const char *path;
    struct tg_error *err;
    const unsigned char *image;
    int fd;                            /* the file the image is mapped from */
    uint64_t offset;                   /* of the image in it */
    const void *at[IMG_SECTION_COUNT]; /* each section's first byte */
    size_t count[IMG_SECTION_COUNT];   /* each section's records */
    bool failed;
    enum tg_status status; /* why it failed */
};

#define SEC(l, id, type) ((const type *)(l)->at[id])

/* Refuses the file: section and row (SIZE_MAX for the section as a whole), and what is wrong. */
static bool bad(struct load *l, enum img_section section, size_t row, const char *fmt, ...)
{
    if (l->failed)
        return false;
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (row == SIZE_MAX)
        tg_error_set(l->err, TG_ERR_DB_CORRUPT, "%s: snapshot section '%s': %s", l->path,
                     section_names[section], what);
    else
        tg_error_set(l->err, TG_ERR_DB_CORRUPT, "%s: snapshot section '%s', row %zu: %s", l->path,
                     section_names[section], row, what);
    l->failed = true;
    l->status = TG_ERR_DB_CORRUPT;
    return false;
}

static bool oom(struct load *l)
{
    if (!l->failed)
        tg_error_set(l->err, TG_ERR_NOMEM, "out of memory loading %s", l->path);
    l->failed = true;
    l->status = TG_ERR_NOMEM;
    return false;
}

static bool sections(struct load *l, size_t bytes)
{
    struct img_header h;
    if (bytes < sizeof h)
        return bad(l, IMG_STRINGS, SIZE_MAX, "the image is %zu bytes, too short for a header",
                   bytes);
    memcpy(&h, l->image, sizeof h);
    if (memcmp(h.magic, IMG_MAGIC, sizeof h.magic) != 0 || h.format != IMG_FORMAT ||
        h.section_count != IMG_SECTION_COUNT || h.bytes != bytes) {
        tg_error_set(l->err, TG_ERR_DB_CORRUPT,
                     "%s: the snapshot header is not one of format %d for an image of %zu bytes",
                     l->path, IMG_FORMAT, bytes);
        l->failed = true;
        l->status = TG_ERR_DB_CORRUPT;
        return false;
    }
    const struct img_section_entry *table = (const void *)(l->image + sizeof h);
    uint64_t end = sizeof h + sizeof *table * IMG_SECTION_COUNT;
    for (uint32_t i = 0; i < IMG_SECTION_COUNT; i++) {
        const struct img_section_entry *s = &table[i];
        if (s->id != i || s->record_size != img_record_sizes[i] || s->offset % 8 ||
            s->offset < end || s->offset > bytes || s->bytes > bytes - s->offset ||
            s->bytes % s->record_size)
            return bad(l, (enum img_section)i, SIZE_MAX,
                       "entry (id %u, %u-byte records, %llu bytes at %llu) does not fit the image",
                       s->id, s->record_size, (unsigned long long)s->bytes,
                       (unsigned long long)s->offset);
        l->at[i] = l->image + s->offset;
        l->count[i] = s->bytes / s->record_size;
        end = s->offset + s->bytes;
    }
    return true;
}

/* A string reference: NULL for IMG_NONE when optional. */
static const char *str(struct load *l, enum img_section section, size_t row, uint32_t ref,
                       bool optional)
{
    if (ref == IMG_NONE && optional)
        return NULL;
    if (ref >= l->count[IMG_STRINGS]) {
        bad(l, section, row, "string %u is past the %zu bytes of strings", ref,
            l->count[IMG_STRINGS]);
        return NULL;
    }
    return SEC(l, IMG_STRINGS, char) + ref;
}

/* An index into target: false unless below its count (or IMG_NONE when optional). */
static bool ref(struct load *l, enum img_section section, size_t row, uint32_t value,
                enum img_section target, bool optional)
{
    if ((value == IMG_NONE && optional) || value < l->count[target])
        return true;
    return bad(l, section, row, "refers to %s %u of %zu", section_names[target], value,
               l->count[target]);
}

/* A (first, count) range of target's records. */
static bool range(struct load *l, enum img_section section, size_t row, uint32_t first,
                  uint32_t count, enum img_section target)
{
    if (first <= l->count[target] && count <= l->count[target] - first)
        return true;
    return bad(l, section, row, "range %u+%u is past the %zu %s", first, count, l->count[target],
               section_names[target]);
}

/* A list of LISTS entries, each an index into target, made into an array of pointers to
 * base[index] (elem bytes apart), or of strings when target is IMG_STRINGS. */
static const void **list(struct load *l, enum img_section section, size_t row, uint32_t first,
                         uint32_t count, enum img_section target, const void *base, size_t elem)
{
    if (!range(l, section, row, first, count, IMG_LISTS))
        return NULL;
    const void **out = graph_alloc(l->g, (count ? count : 1) * sizeof *out);
    if (!out) {
        oom(l);
        return NULL;
    }
    const uint32_t *items = SEC(l, IMG_LISTS, uint32_t) + first;
    for (uint32_t i = 0; i < count; i++) {
        if (target == IMG_STRINGS) {
            out[i] = str(l, section, row, items[i], false);
        } else {
            if (!ref(l, section, row, items[i], target, false))
                return NULL;
            out[i] = (const char *)base + (size_t)items[i] * elem;
        }
    }
    return l->failed ? NULL : out;
}

/* Drops the whole pages of [from, to), part of the mapping, from the process (see the top). */
static void drop(const void *from, const void *to)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = ((uintptr_t)from + page - 1) & ~(page - 1);
    uintptr_t end = (uintptr_t)to & ~(page - 1);
    if (end > start)
        madvise((void *)start, end - start, MADV_DONTNEED);
}

/* Drops the pages of the sections a phase has checked. */
static void release(struct load *l, const enum img_section *sections, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const char *start = l->at[sections[i]];
        drop(start, start + l->count[sections[i]] * img_record_sizes[sections[i]]);
    }
}

#define RELEASE(l, ...)                                                                            \
    release((l), (const enum img_section[]){__VA_ARGS__},                                          \
            sizeof((const enum img_section[]){__VA_ARGS__}) / sizeof(enum img_section))

/* A row touches a few pages at most (its record, the strings it compares), and strings are
 * compared wherever they lie, so a phase drops what it reads by rows rather than behind a
 * cursor: at most TRIM_ROWS rows' pages are resident at once. Every drop has its price: the
 * kernel unmaps each page (and signals the loader's other threads to flush their TLBs), and the
 * strings the next rows compare fault back in, 64 KiB around each fault. At 1024 rows that was
 * about 1 s of the 4 s of CPU a full-corpus load took (issue 10); at 16384 rows a load of 63,242
 * articles holds at most ~60 MB of the image at once and VmHWM after start-up is unchanged,
 * at 65536 VmHWM rises by 130 MB. */
#define TRIM_ROWS 16384u
#define TRIM(l, row, ...)                                                                          \
    do {                                                                                           \
        if ((row) % TRIM_ROWS == TRIM_ROWS - 1)                                                    \
            RELEASE((l), __VA_ARGS__);                                                             \
    } while (0)

/* Strings are validated this many bytes at a time (to the next NUL), each part dropped after. */
#define VALIDATE_BYTES (4u << 20)

/* The strings section ends with NUL, so every offset inside it names a terminated string: what
 * the record checks rely on. Its UTF-8 is validated beside them (validate_strings). */
static bool strings(struct load *l)
{
    size_t n = l->count[IMG_STRINGS];
    const char *s = SEC(l, IMG_STRINGS, char);
    if (n == 0 || s[n - 1] != '\0')
        return bad(l, IMG_STRINGS, SIZE_MAX, "does not end with NUL");
    l->g->strings = s;
    l->g->strings_bytes = n;
    return true;
}

static bool validate_strings(struct load *l)
{
    size_t n = l->count[IMG_STRINGS];
    const char *s = SEC(l, IMG_STRINGS, char);
    /* Every part ends just after a NUL, a character boundary, so the parts validate as the
     * whole would; the last byte is NUL, so memchr always finds one. */
    for (size_t from = 0; from < n;) {
        size_t to = n - from > VALIDATE_BYTES ? from + VALIDATE_BYTES : n;
        to = (size_t)((const char *)memchr(s + to - 1, '\0', n - (to - 1)) - s) + 1;
        size_t at = 0;
        if (tg_utf8_validate(s + from, to - from, &at) != TG_OK)
            return bad(l, IMG_STRINGS, SIZE_MAX, "invalid UTF-8 at byte %zu", from + at);
        drop(s + from, s + to);
        from = to;
    }
    return true;
}

/* The byte at of a section, read from the file: checking one byte of each text through the
 * mapping would fault in and then drop every page around it, the whole texts section. */
static bool file_byte(const struct load *l, enum img_section section, uint64_t at, char *out)
{
    uint64_t from = l->offset + (uint64_t)((const unsigned char *)l->at[section] - l->image) + at;
    return pread(l->fd, out, 1, (off_t)from) == 1;
}

static bool documents(struct load *l)
{
    struct tg_graph *g = l->g;
    size_t n = l->count[IMG_DOCUMENTS];
    const struct img_document *rows = SEC(l, IMG_DOCUMENTS, struct img_document);
    const char *texts = SEC(l, IMG_TEXTS, char);
    g->documents = graph_alloc(g, (n ? n : 1) * sizeof *g->documents);
    uint32_t *first = graph_alloc(g, (n ? n : 1) * sizeof *first);
    if (!g->documents || !first)
        return oom(l);
    g->document_count = n;
    g->mention_first_record = first;
    for (size_t i = 0; i < n && !l->failed; i++) {
        const struct img_document *r = &rows[i];
        struct tg_graph_document *d = &g->documents[i];
        d->id = str(l, IMG_DOCUMENTS, i, r->id, false);
        d->title = str(l, IMG_DOCUMENTS, i, r->title, false);
        d->published = str(l, IMG_DOCUMENTS, i, r->published, true);
        d->published_precision = str(l, IMG_DOCUMENTS, i, r->published_precision, true);
        d->source = str(l, IMG_DOCUMENTS, i, r->source, true);
        d->url = str(l, IMG_DOCUMENTS, i, r->url, true);
        if (l->failed)
            break;
        if ((d->published == NULL) != (d->published_precision == NULL))
            return bad(l, IMG_DOCUMENTS, i, "a date without its precision");
        if (i > 0 && strcmp(g->documents[i - 1].id, d->id) >= 0)
            return bad(l, IMG_DOCUMENTS, i, "ids out of order");
        char end = 1;
        if (r->text >= l->count[IMG_TEXTS] || r->text_bytes >= l->count[IMG_TEXTS] - r->text ||
            !file_byte(l, IMG_TEXTS, r->text + r->text_bytes, &end) || end != '\0')
            return bad(l, IMG_DOCUMENTS, i, "text %llu+%u is not a terminated text",
                       (unsigned long long)r->text, r->text_bytes);
        d->text = texts + r->text;
        d->text_bytes = r->text_bytes;
        d->length = r->length;
        if (!range(l, IMG_DOCUMENTS, i, r->mention_first, r->mention_count, IMG_MENTIONS))
            return false;
        first[i] = r->mention_first;
        d->mention_count = r->mention_count;
        d->organisation_count = r->organisation_count;
        d->person_count = r->person_count;
        TRIM(l, i, IMG_DOCUMENTS, IMG_STRINGS);
    }
    return !l->failed;
}

static bool mentions(struct load *l)
{
    struct tg_graph *g = l->g;
    const struct img_mention *m = SEC(l, IMG_MENTIONS, struct img_mention);
    g->mention_records = m;
    for (size_t d = 0; d < g->document_count && !l->failed; d++) {
        size_t first = g->mention_first_record[d];
        for (size_t i = first; i < first + g->documents[d].mention_count && !l->failed; i++) {
            if (m[i].type >= IMG_MENTION_TYPES || m[i].start > m[i].end ||
                m[i].end > g->documents[d].length)
                return bad(l, IMG_MENTIONS, i, "type %u or span %u..%u is wrong for document %zu",
                           m[i].type, m[i].start, m[i].end, d);
            str(l, IMG_MENTIONS, i, m[i].surface, false);
            str(l, IMG_MENTIONS, i, m[i].value, true);
            ref(l, IMG_MENTIONS, i, m[i].entity, IMG_ENTITIES, true);
        }
        TRIM(l, d, IMG_MENTIONS);
    }
    return !l->failed;
}

static bool entities(struct load *l)
{
    struct tg_graph *g = l->g;
    size_t n = l->count[IMG_ENTITIES];
    const struct img_entity *rows = SEC(l, IMG_ENTITIES, struct img_entity);
    g->entity_count = n;
    for (size_t i = 0; i < n && !l->failed; i++) {
        const struct img_entity *r = &rows[i];
        struct tg_graph_entity *e = &g->entities[i];
        if (r->type >= TG_GRAPH_TYPE_COUNT)
            return bad(l, IMG_ENTITIES, i, "type %u", r->type);
        e->type = (enum tg_graph_type)r->type;
        e->id = str(l, IMG_ENTITIES, i, r->id, false);
        e->name = str(l, IMG_ENTITIES, i, r->name, false);
        e->kind = str(l, IMG_ENTITIES, i, r->kind, true);
        e->honorific = str(l, IMG_ENTITIES, i, r->honorific, true);
        if (l->failed)
            break;
        if (i > 0 && strcmp(g->entities[i - 1].id, e->id) >= 0)
            return bad(l, IMG_ENTITIES, i, "ids out of order");
        if (!ref(l, IMG_ENTITIES, i, r->parent, IMG_ENTITIES, true))
            break;
        e->parent = r->parent == IMG_NONE ? NULL : &g->entities[r->parent];
        e->abbreviations = (const char *const *)list(l, IMG_ENTITIES, i, r->abbreviations,
                                                     r->abbreviation_count, IMG_STRINGS, NULL, 0);
        e->abbreviation_count = r->abbreviation_count;
        e->aliases = (const char *const *)list(l, IMG_ENTITIES, i, r->aliases, r->alias_count,
                                               IMG_STRINGS, NULL, 0);
        e->alias_count = r->alias_count;
        e->children = (const struct tg_graph_entity *const *)list(l, IMG_ENTITIES, i, r->children,
                                                                  r->child_count, IMG_ENTITIES,
                                                                  g->entities, sizeof *g->entities);
        e->child_count = r->child_count;
        e->events = (const struct tg_graph_event *const *)list(l, IMG_ENTITIES, i, r->events,
                                                               r->event_count, IMG_EVENTS,
                                                               g->events, sizeof *g->events);
        e->event_count = r->event_count;
        e->documents = (const struct tg_graph_document *const *)list(
            l, IMG_ENTITIES, i, r->documents, r->document_count, IMG_DOCUMENTS, g->documents,
            sizeof *g->documents);
        e->document_count = r->document_count;
        e->mention_count = (size_t)r->mention_count;
        g->type_count[e->type]++;
        TRIM(l, i, IMG_ENTITIES, IMG_STRINGS, IMG_LISTS);
    }
    for (int t = 0; t < TG_GRAPH_TYPE_COUNT && !l->failed; t++) {
        g->by_type[t] = graph_alloc(g, (g->type_count[t] ? g->type_count[t] : 1) * sizeof(void *));
        if (!g->by_type[t])
            return oom(l);
        g->type_count[t] = 0;
    }
    for (size_t i = 0; i < n && !l->failed; i++) {
        const struct tg_graph_entity *e = &g->entities[i];
        g->by_type[e->type][g->type_count[e->type]++] = e;
    }
    return !l->failed;
}

/* Positions, then each entity's positions (which need them to exist). */
static bool positions(struct load *l, struct tg_graph_position *all)
{
    struct tg_graph *g = l->g;
    const struct img_position *rows = SEC(l, IMG_POSITIONS, struct img_position);
    for (size_t i = 0; i < l->count[IMG_POSITIONS] && !l->failed; i++) {
        const struct img_position *r = &rows[i];
        if (!ref(l, IMG_POSITIONS, i, r->person, IMG_ENTITIES, false) ||
            !ref(l, IMG_POSITIONS, i, r->organisation, IMG_ENTITIES, true) ||
            !ref(l, IMG_POSITIONS, i, r->document, IMG_DOCUMENTS, false))
            return false;
        const struct tg_graph_document *doc = &g->documents[r->document];
        if (r->start > r->end || r->end > doc->length)
            return bad(l, IMG_POSITIONS, i, "evidence %u..%u past document %u", r->start, r->end,
                       r->document);
        all[i] = (struct tg_graph_position){
            &g->entities[r->person],
            str(l, IMG_POSITIONS, i, r->title, false),
            r->organisation == IMG_NONE ? NULL : &g->entities[r->organisation],
            str(l, IMG_POSITIONS, i, r->as_of, true),
            str(l, IMG_POSITIONS, i, r->as_of_precision, true),
            doc,
            {doc, str(l, IMG_POSITIONS, i, r->sentence, false), r->start, r->end}};
        TRIM(l, i, IMG_POSITIONS);
    }
    const struct img_entity *entities = SEC(l, IMG_ENTITIES, struct img_entity);
    for (size_t i = 0; i < g->entity_count && !l->failed; i++) {
        g->entities[i].positions = (const struct tg_graph_position *const *)list(
            l, IMG_ENTITIES, i, entities[i].positions, entities[i].position_count, IMG_POSITIONS,
            all, sizeof *all);
        g->entities[i].position_count = entities[i].position_count;
        TRIM(l, i, IMG_ENTITIES, IMG_LISTS);
    }
    return !l->failed;
}

/* EVIDENCE records [first, first + count), checked by the caller's range, as evidence. */
static const struct tg_graph_evidence *evidence_list(struct load *l, uint32_t first, uint32_t count)
{
    struct tg_graph *g = l->g;
    const struct img_evidence *rows = SEC(l, IMG_EVIDENCE, struct img_evidence);
    struct tg_graph_evidence *out = graph_alloc(g, (count ? count : 1) * sizeof *out);
    if (!out) {
        oom(l);
        return NULL;
    }
    for (uint32_t k = 0; k < count && !l->failed; k++) {
        const struct img_evidence *q = &rows[first + k];
        if (!ref(l, IMG_EVIDENCE, first + k, q->document, IMG_DOCUMENTS, false))
            break;
        const struct tg_graph_document *doc = &g->documents[q->document];
        if (q->start > q->end || q->end > doc->length) {
            bad(l, IMG_EVIDENCE, first + k, "span %u..%u past document %u", q->start, q->end,
                q->document);
            break;
        }
        out[k] = (struct tg_graph_evidence){
            doc, str(l, IMG_EVIDENCE, first + k, q->sentence, false), q->start, q->end};
    }
    return out;
}

static bool events(struct load *l)
{
    struct tg_graph *g = l->g;
    const struct img_event *rows = SEC(l, IMG_EVENTS, struct img_event);
    const struct img_participant *parts = SEC(l, IMG_PARTICIPANTS, struct img_participant);
    g->event_count = l->count[IMG_EVENTS];
    for (size_t i = 0; i < g->event_count && !l->failed; i++) {
        const struct img_event *r = &rows[i];
        struct tg_graph_event *ev = &g->events[i];
        ev->id = str(l, IMG_EVENTS, i, r->id, false);
        ev->kind = str(l, IMG_EVENTS, i, r->kind, false);
        ev->title = str(l, IMG_EVENTS, i, r->title, false);
        ev->date = str(l, IMG_EVENTS, i, r->date, true);
        ev->date_precision = str(l, IMG_EVENTS, i, r->date_precision, true);
        if (!ref(l, IMG_EVENTS, i, r->place, IMG_ENTITIES, true) ||
            !ref(l, IMG_EVENTS, i, r->programme, IMG_ENTITIES, true) ||
            !range(l, IMG_EVENTS, i, r->participants, r->participant_count, IMG_PARTICIPANTS) ||
            !range(l, IMG_EVENTS, i, r->evidence, r->evidence_count, IMG_EVIDENCE))
            return false;
        ev->place = r->place == IMG_NONE ? NULL : &g->entities[r->place];
        ev->programme = r->programme == IMG_NONE ? NULL : &g->entities[r->programme];
        ev->collaboration = r->collaboration != 0;
        struct tg_graph_participant *p =
            graph_alloc(g, (r->participant_count ? r->participant_count : 1) * sizeof *p);
        if (!p)
            return oom(l);
        for (uint32_t k = 0; k < r->participant_count && !l->failed; k++) {
            size_t row = r->participants + k;
            const struct img_participant *q = &parts[row];
            if (!ref(l, IMG_PARTICIPANTS, row, q->entity, IMG_ENTITIES, false) ||
                !range(l, IMG_PARTICIPANTS, row, q->evidence, q->evidence_count, IMG_EVIDENCE))
                break;
            p[k] = (struct tg_graph_participant){
                &g->entities[q->entity], str(l, IMG_PARTICIPANTS, row, q->role, false),
                evidence_list(l, q->evidence, q->evidence_count), q->evidence_count};
        }
        ev->participants = p;
        ev->participant_count = r->participant_count;
        ev->evidence = evidence_list(l, r->evidence, r->evidence_count);
        ev->evidence_count = r->evidence_count;
        TRIM(l, i, IMG_EVENTS, IMG_PARTICIPANTS, IMG_EVIDENCE);
    }
    const uint32_t *by_id = SEC(l, IMG_EVENTS_BY_ID, uint32_t);
    if (l->count[IMG_EVENTS_BY_ID] != g->event_count)
        return bad(l, IMG_EVENTS_BY_ID, SIZE_MAX, "%zu entries for %zu events",
                   l->count[IMG_EVENTS_BY_ID], g->event_count);
    g->events_by_id = graph_alloc(g, (g->event_count ? g->event_count : 1) * sizeof(void *));
    if (!g->events_by_id)
        return oom(l);
    for (size_t i = 0; i < g->event_count && !l->failed; i++) {
        if (!ref(l, IMG_EVENTS_BY_ID, i, by_id[i], IMG_EVENTS, false))
            break;
        g->events_by_id[i] = &g->events[by_id[i]];
        /* Strictly rising ids also make the entries a permutation. */
        if (i > 0 && strcmp(g->events_by_id[i - 1]->id, g->events_by_id[i]->id) >= 0)
            return bad(l, IMG_EVENTS_BY_ID, i, "ids out of order");
        TRIM(l, i, IMG_EVENTS_BY_ID, IMG_STRINGS);
    }
    const struct img_document *docs = SEC(l, IMG_DOCUMENTS, struct img_document);
    for (size_t i = 0; i < g->document_count && !l->failed; i++) {
        g->documents[i].events = (const struct tg_graph_event *const *)list(
            l, IMG_DOCUMENTS, i, docs[i].events, docs[i].event_count, IMG_EVENTS, g->events,
            sizeof *g->events);
        g->documents[i].event_count = docs[i].event_count;
        TRIM(l, i, IMG_DOCUMENTS, IMG_LISTS);
    }
    return !l->failed;
}

static bool names(struct load *l)
{
    struct tg_graph *g = l->g;
    const struct img_name *rows = SEC(l, IMG_NAMES, struct img_name);
    g->name_count = l->count[IMG_NAMES];
    g->names = graph_alloc(g, (g->name_count ? g->name_count : 1) * sizeof *g->names);
    if (!g->names)
        return oom(l);
    for (size_t i = 0; i < g->name_count && !l->failed; i++) {
        if (!ref(l, IMG_NAMES, i, rows[i].entity, IMG_ENTITIES, false))
            break;
        g->names[i] = (struct graph_name){str(l, IMG_NAMES, i, rows[i].name, false),
                                          &g->entities[rows[i].entity]};
        if (!l->failed && i > 0 && strcmp(g->names[i - 1].key, g->names[i].key) > 0)
            return bad(l, IMG_NAMES, i, "keys out of order");
        TRIM(l, i, IMG_NAMES, IMG_STRINGS);
    }
    const struct img_name *items = SEC(l, IMG_SUGGEST, struct img_name);
    size_t n = l->count[IMG_SUGGEST];
    struct graph_suggestion *s = graph_alloc(g, (n ? n : 1) * sizeof *s);
    if (!s)
        return oom(l);
    for (size_t i = 0; i < n && !l->failed; i++) {
        if (ref(l, IMG_SUGGEST, i, items[i].entity, IMG_ENTITIES, false))
            s[i] = (struct graph_suggestion){&g->entities[items[i].entity],
                                             str(l, IMG_SUGGEST, i, items[i].name, false)};
        TRIM(l, i, IMG_SUGGEST);
    }
    g->search.suggestions = s;
    g->search.suggestion_count = n;
    const uint32_t *abbreviations = SEC(l, IMG_ABBREVIATIONS, uint32_t);
    n = l->count[IMG_ABBREVIATIONS];
    const char **a = graph_alloc(g, (n ? n : 1) * sizeof *a);
    if (!a)
        return oom(l);
    for (size_t i = 0; i < n && !l->failed; i++)
        a[i] = str(l, IMG_ABBREVIATIONS, i, abbreviations[i], false);
    g->search.abbreviations = a;
    g->search.abbreviation_count = n;
    return !l->failed;
}

static bool index_at(struct load *l, enum img_section section, size_t items,
                     struct tg_search_index **out)
{
    char why[160] = "";
    if (items >= UINT32_MAX)
        return bad(l, section, SIZE_MAX, "too many items");
    enum tg_status st = tg_search_index_open(l->at[section], l->count[section], (uint32_t)items,
                                             out, why, sizeof why);
    if (st == TG_ERR_NOMEM)
        return bad(l, section, SIZE_MAX, "out of memory");
    return st == TG_OK || bad(l, section, SIZE_MAX, "%s", why);
}

/*
 * The checks that need no record made: the strings' UTF-8 and the three search indexes, whose
 * items are bounded by the section counts alone. They are much of the loader's work, so they
 * run on a thread of their own beside the records' (a load then takes about the longer of the
 * two on two cores, not their sum), with their own error: a file bad in both places is refused
 * for its records, as when the checks ran one after the other.
 */
struct side_checks {
    struct load l;
    struct tg_error err;
    struct graph_search search; /* the indexes, handed to the graph once both sides pass */
};

static void *run_side_checks(void *arg)
{
    struct side_checks *c = arg;
    struct load *l = &c->l;
    struct graph_search *x = &c->search;
    (void)(validate_strings(l) &&
           index_at(l, IMG_INDEX_DOCUMENTS, l->count[IMG_DOCUMENTS], &x->documents) &&
           index_at(l, IMG_INDEX_THINGS, l->count[IMG_ENTITIES] + l->count[IMG_EVENTS],
                    &x->things) &&
           index_at(l, IMG_INDEX_NAMES, l->count[IMG_SUGGEST], &x->names));
    return NULL;
}

/* The records, each phase's pages dropped as it goes. */
static bool records(struct load *l)
{
    struct tg_graph *g = l->g;
    /* Records other records point at exist (zeroed) before any is filled in. */
    g->entities = graph_alloc(g, (l->count[IMG_ENTITIES] + 1) * sizeof *g->entities);
    g->events = graph_alloc(g, (l->count[IMG_EVENTS] + 1) * sizeof *g->events);
    struct tg_graph_position *all =
        graph_alloc(g, (l->count[IMG_POSITIONS] + 1) * sizeof(struct tg_graph_position));
    if (!g->entities || !g->events || !all)
        return oom(l);
    g->event_count = l->count[IMG_EVENTS];
    /* Each phase's last rows since its last TRIM, dropped the same way. */
    bool ok = documents(l);
    RELEASE(l, IMG_DOCUMENTS, IMG_STRINGS);
    ok = ok && entities(l);
    RELEASE(l, IMG_ENTITIES, IMG_STRINGS, IMG_LISTS);
    ok = ok && mentions(l);
    RELEASE(l, IMG_MENTIONS);
    ok = ok && positions(l, all);
    RELEASE(l, IMG_POSITIONS, IMG_ENTITIES, IMG_LISTS);
    ok = ok && events(l);
    RELEASE(l, IMG_EVENTS, IMG_PARTICIPANTS, IMG_EVIDENCE, IMG_EVENTS_BY_ID, IMG_STRINGS,
            IMG_DOCUMENTS, IMG_LISTS);
    ok = ok && names(l);
    RELEASE(l, IMG_NAMES, IMG_STRINGS, IMG_SUGGEST, IMG_ABBREVIATIONS);
    return ok;
}

/* Checks the image and makes the records; false with l->err set. */
static bool build(struct load *l, size_t bytes)
{
    if (!sections(l, bytes) || !strings(l))
        return false;
    struct side_checks side = {.l = *l};
    side.l.err = &side.err;
    pthread_t thread;
    bool threaded = pthread_create(&thread, NULL, run_side_checks, &side) == 0;
    if (!threaded)
        run_side_checks(&side);
    bool ok = records(l);
    if (threaded)
        pthread_join(thread, NULL);
    struct graph_search *x = &l->g->search;
    x->documents = side.search.documents;
    x->things = side.search.things;
    x->names = side.search.names;
    if (ok && side.l.failed) {
        if (l->err)
            *l->err = side.err;
        l->failed = true;
        l->status = side.l.status;
    }
    return ok && !side.l.failed;
}

static bool little_endian(void)
{
    const uint16_t probe = 1;
    unsigned char first;
    memcpy(&first, &probe, 1);
    return first == 1;
}

/* The checksum of the image, computed beside the structural checks: it reads the file with
 * pread, they read the mapping, and on two cores a load takes the longer of the two. */
struct checksum {
    const struct tg_store_snapshot *snap;
    uint64_t value;
    enum tg_status status;
};

static void *run_checksum(void *arg)
{
    struct checksum *c = arg;
    c->status = tg_store_checksum(c->snap->fd, c->snap->offset, c->snap->bytes, &c->value);
    return NULL;
}

/* Mapping and records of the located image, into g; the checksum is the caller's. */
static enum tg_status map_image(struct tg_graph *g, const char *path,
                                const struct tg_store_snapshot *snap, struct tg_error *err)
{
    if (snap->format != IMG_FORMAT)
        return tg_error_set(err, TG_ERR_DB_VERSION,
                            "%s: snapshot format %d, this build reads %d; run `thaigraph ingest "
                            "--db %s` to rebuild it",
                            path, snap->format, IMG_FORMAT, path);
    if (snap->bytes > SIZE_MAX)
        return tg_error_set(err, TG_ERR_TOO_LARGE, "%s: snapshot too large to map", path);
    g->map = mmap(NULL, (size_t)snap->bytes, PROT_READ, MAP_SHARED, snap->fd, (off_t)snap->offset);
    if (g->map == MAP_FAILED) {
        g->map = NULL;
        return tg_error_set(err, TG_ERR_IO, "%s: cannot map the snapshot: %s", path,
                            strerror(errno));
    }
    g->map_bytes = (size_t)snap->bytes;
    struct load l = {g, path, err, g->map, snap->fd, snap->offset, {0}, {0}, false, TG_OK};
    if (!build(&l, g->map_bytes))
        return l.status;
    /* The checks read every page; keep the page cache, drop them from this process. */
    tg_graph_drop_pages(g);
    return TG_OK;
}

/*
 * Start-up and reload load the same way, so a file is refused in both cases for the same
 * reasons. Of the SQLite pages the loader reads only the schema and the meta rows (generation,
 * fingerprint, the image's length, format and checksum); SQLite checks those b-trees, and the
 * image is checked by its checksum and structurally. The other tables (documents, claims) are
 * ingest's, never read here, so checking them (a full quick_check read 1.7 GB and took 3-4 s of
 * a 5 s reload at 63,242 articles) would refuse files the daemon serves correctly.
 */
enum tg_status tg_graph_load(const char *path, struct tg_graph **out, struct tg_error *err)
{
    if (!little_endian())
        return tg_error_set(err, TG_ERR_DB, "%s: snapshots are little-endian, this host is not",
                            path);
    struct tg_store_reader *reader = NULL;
    struct tg_graph *g = graph_new();
    if (!g)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    struct tg_store_snapshot snap;
    struct tg_store_meta meta;
    struct checksum sum = {&snap, 0, TG_OK};
    pthread_t summer;
    bool summing = false, summed = false;
    enum tg_status status = tg_store_reader_open(path, &reader, err);
    if (status == TG_OK)
        status = tg_store_reader_check(reader, err);
    if (status == TG_OK)
        status = tg_store_reader_snapshot(reader, &snap, err);
    if (status == TG_OK) {
        summed = true;
        summing = pthread_create(&summer, NULL, run_checksum, &sum) == 0;
        if (!summing)
            run_checksum(&sum);
        tg_store_reader_meta(reader, &meta);
        g->generation = meta.generation;
        memcpy(g->fingerprint, meta.fingerprint, sizeof g->fingerprint);
        snprintf(g->words, sizeof g->words, "%s", snap.words);
        status = map_image(g, path, &snap, err);
    }
    if (summing)
        pthread_join(summer, NULL);
    /* A damaged image is refused for its checksum first: that is what ingest can vouch for. */
    if (summed && (sum.status != TG_OK || (sum.value != snap.checksum &&
                                           (status == TG_OK || status == TG_ERR_DB_CORRUPT))))
        status = tg_error_set(err, sum.status == TG_OK ? TG_ERR_DB_CORRUPT : sum.status,
                              "%s: the snapshot's checksum is %016llx, ingest stored %016llx", path,
                              (unsigned long long)sum.value, (unsigned long long)snap.checksum);
    tg_store_reader_close(reader);
    if (status != TG_OK) {
        tg_graph_free(g);
        return status;
    }
    g->loaded_at = time(NULL);
    *out = g;
    return TG_OK;
}

void tg_graph_document_mention(const struct tg_graph *g, const struct tg_graph_document *doc,
                               size_t i, struct tg_graph_mention *out)
{
    size_t d = (size_t)(doc - g->documents);
    if (g->mentions) {
        *out = g->mentions[g->mention_first[d] + i];
        return;
    }
    const struct img_mention *m = &g->mention_records[g->mention_first_record[d] + i];
    *out = (struct tg_graph_mention){
        m->start,
        m->end,
        mention_types[m->type],
        g->strings + m->surface,
        m->value == IMG_NONE ? NULL : g->strings + m->value,
        m->entity == IMG_NONE ? NULL : &g->entities[m->entity],
    };
}
