/* Private to src/graph: the snapshot's layout and its arena, shared by graph.c (documents and
 * loading) and entities.c (entities, events and their relations). */
#ifndef THAIGRAPH_GRAPH_INTERNAL_H
#define THAIGRAPH_GRAPH_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/graph.h"
#include "thaigraph/store.h"

struct arena_block;
struct graph_search;

/* A name of an entity in normalised form, for tg_graph_resolve. */
struct graph_name {
    const char *key;
    const struct tg_graph_entity *entity;
};

struct tg_graph {
    struct tg_graph_document *documents; /* sorted by id (the store reads them in id order) */
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
    struct arena_block *arena;
    struct graph_search *search; /* in the arena; its indexes are not */
    uint64_t generation;
    char fingerprint[17];
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

/* Loads entities, names, mentions, positions and events from the reader's claims. */
enum tg_status graph_load_claims(struct tg_graph *g, struct tg_store_reader *reader,
                                 struct tg_error *err);

/* How much a participant's role (a name of extract.h's roles) says; -1 for an unknown name. */
int graph_role_rank(const char *role);

/* Whether two of the event's organisations collaborate (collaborations.c). */
bool graph_event_is_collaboration(const struct tg_graph_event *ev);

/* Builds the search indexes (find.c); the graph must be complete. */
enum tg_status graph_search_build(struct tg_graph *g);
void graph_search_free(struct graph_search *search);

#endif
