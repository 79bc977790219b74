/*
 * The snapshot's in-memory form, shared by the loader (src/graph), the build stage that makes
 * the same form from claims before writing it (src/build) and search orchestration
 * (src/search/find.c). Not part of any public header.
 *
 * A loaded graph is small records (documents, entities, events and their pointer lists) in one
 * arena of anonymous memory, whose every string, text and index points into the read-only
 * mapping of the image; a built graph has the same records with everything in its arena.
 */
#ifndef THAIGRAPH_GRAPH_INTERNAL_H
#define THAIGRAPH_GRAPH_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "image.h"
#include "thaigraph/graph.h"
#include "thaigraph/search.h"
#include "thaigraph/store.h"

struct arena_block;

/* A name of an entity in normalised form, for tg_graph_resolve. */
struct graph_name {
    const char *key;
    const struct tg_graph_entity *entity;
};

/* One item of the names index: which entity, by which written name. */
struct graph_suggestion {
    const struct tg_graph_entity *entity;
    const char *name;
};

/*
 * The search side. Things are the items of the things index: entity t for t < entity_count,
 * then event t - entity_count.
 */
struct graph_search {
    struct tg_search_index *documents;
    struct tg_search_index *things;
    struct tg_search_index *names;
    const struct graph_suggestion *suggestions; /* names item -> entity and name */
    size_t suggestion_count;
    const char *const *abbreviations; /* every dotted or ฯ-ended name, for query segmenters */
    size_t abbreviation_count;
};

struct tg_graph {
    struct tg_graph_document *documents; /* sorted by id */
    size_t document_count;
    struct tg_graph_entity *entities; /* all types, sorted by id */
    size_t entity_count;
    /* Per type, pointers into entities, in id order. */
    const struct tg_graph_entity **by_type[TG_GRAPH_TYPE_COUNT];
    size_t type_count[TG_GRAPH_TYPE_COUNT];
    struct graph_name *names; /* sorted by key */
    size_t name_count;
    struct tg_graph_event *events; /* oldest first */
    size_t event_count;
    const struct tg_graph_event **events_by_id;
    struct graph_search search;
    /* Mentions: a built graph holds them decoded, a loaded one reads the image's records. */
    struct tg_graph_mention *mentions;         /* built: every document's, in document order */
    size_t *mention_first;                     /* built: document index -> its first mention */
    const struct img_mention *mention_records; /* loaded */
    const uint32_t *mention_first_record;      /* loaded: document index -> first record */
    const char *strings;                       /* loaded: the STRINGS section */
    size_t strings_bytes;
    struct arena_block *arena;
    void *map; /* the image's mapping (loaded graphs), or NULL */
    size_t map_bytes;
    uint64_t generation;
    char fingerprint[17];
    /* loaded: what made the search words, as the snapshot recorded it ("" when it did not);
     * the next build reuses them only when it makes words the same way (src/build/index.c) */
    char words[TG_STORE_WORDS_SIZE];
    time_t loaded_at;
};

/* Memory that lives as long as the snapshot, zeroed, aligned for any type; NULL when out of
 * memory. */
void *graph_alloc(struct tg_graph *g, size_t bytes);

/* A copy of s[0..len) in the arena, NUL-terminated. */
const char *graph_strndup(struct tg_graph *g, const char *s, size_t len);

/* A copy of an optional string: NULL stays NULL; *ok turns false when memory runs out. */
const char *graph_strdup_optional(struct tg_graph *g, const char *s, bool *ok);

/* The document with this id, or NULL (binary search). */
struct tg_graph_document *graph_document(const struct tg_graph *g, const char *id);

/* An empty graph to build into (src/build), freed with tg_graph_free. */
struct tg_graph *graph_new(void);

/* The things index's item t: *entity or *event is set, the other NULL. */
void graph_thing(const struct tg_graph *g, size_t t, const struct tg_graph_entity **entity,
                 const struct tg_graph_event **event);

/* The key tg_graph_resolve compares names by: tg_text_key without a trailing dot; malloc'd. */
char *graph_name_key(const char *name);

/* Orders pointers to events by id. */
int graph_compare_event_ids(const void *a, const void *b);

/* The text thing t is indexed by: an entity's written names (canonical, aliases,
 * abbreviations), or an event's title and evidence sentences, one a line. malloc'd, with its
 * length in *len; NULL when out of memory. */
char *graph_thing_text(const struct tg_graph *g, size_t t, size_t *len);

/* How much a participant's role (a name of extract.h's roles) says; -1 for an unknown name. */
int graph_role_rank(const char *role);

/* Whether two of the event's organisations collaborate (collaborations.c). */
bool graph_event_is_collaboration(const struct tg_graph_event *ev);

#endif
