/*
 * graph: the immutable snapshot that thaigraphd serves, read from the image `thaigraph ingest`
 * stores in the database file.
 *
 * A snapshot never changes once loaded, so any number of request threads read it without locks.
 * Documents sit in one array sorted by id; lookups are binary searches and list pages are index
 * ranges, so a cursor is simply the last id served.
 *
 * Entities and events were merged by the build stage (src/build) when ingest ran: one entity
 * per id (its attributes from the claims of all documents, gazetteer-backed claims first, then
 * the most frequent name), and one event per real-world event (claims of several documents that
 * share kind and organisations and whose dates agree, or that lack a date and have the same
 * title, are one event with several documents). Loading maps the image and checks it; it
 * segments, normalises and merges nothing. Relations are adjacency arrays of pointers, so every
 * query walks memory and never touches SQLite.
 *
 * Memory: tg_graph_load returns a snapshot the caller frees with tg_graph_free. Every pointer
 * reached through a snapshot (documents, strings, texts) belongs to it and lives exactly as long;
 * texts and strings point into the read-only mapping of the file, so they are shared with the
 * page cache rather than copied.
 */
#ifndef THAIGRAPH_GRAPH_H
#define THAIGRAPH_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "thaigraph/search.h"
#include "thaigraph/status.h"

struct tg_graph;
struct tg_graph_entity;
struct tg_graph_event;

struct tg_graph_mention {
    size_t start, end;                    /* code points in the document's text */
    const char *type;                     /* organisation, person, place, programme, date, number */
    const char *surface;                  /* as written */
    const char *value;                    /* dates and numbers: normalised value; else NULL */
    const struct tg_graph_entity *entity; /* NULL for dates and numbers */
};

struct tg_graph_document {
    const char *id;
    const char *title;
    const char *text;
    size_t text_bytes;
    size_t length;                              /* code points, as API offsets count them */
    const char *published;                      /* ISO date or NULL */
    const char *published_precision;            /* "day", "month", "year" or NULL */
    const char *source;                         /* NULL when unknown */
    const char *url;                            /* NULL when unknown */
    size_t mention_count;                       /* read them with tg_graph_document_mention */
    const struct tg_graph_event *const *events; /* oldest first */
    size_t event_count;
    size_t organisation_count; /* distinct organisations mentioned */
    size_t person_count;       /* distinct people mentioned */
};

enum tg_graph_type {
    TG_GRAPH_ORGANISATION,
    TG_GRAPH_PERSON,
    TG_GRAPH_PLACE,
    TG_GRAPH_PROGRAMME,
    TG_GRAPH_TYPE_COUNT
};

/* "organisation", "person", "place", "programme". */
const char *tg_graph_type_name(enum tg_graph_type type);

/* A sentence that states something (agreement 4 of the team): its document, its text and its
 * code-point span in the document's text. */
struct tg_graph_evidence {
    const struct tg_graph_document *document;
    const char *sentence;
    size_t start, end; /* the sentence in the document, code points */
};

struct tg_graph_position {
    const struct tg_graph_entity *person;
    const char *title;
    const struct tg_graph_entity *organisation; /* NULL when the text names none */
    const char *as_of;                          /* ISO date or NULL */
    const char *as_of_precision;                /* day, month, year or NULL */
    const struct tg_graph_document *document;   /* where it is stated */
    struct tg_graph_evidence evidence;          /* the sentence of document that states it */
};

struct tg_graph_entity {
    const char *id;
    enum tg_graph_type type;
    const char *name;      /* canonical: full name; people without honorific */
    const char *kind;      /* organisations and places; NULL otherwise or when unknown */
    const char *honorific; /* people; NULL when never written */
    const struct tg_graph_entity *parent; /* organisation's parent, place's venue; or NULL */
    const char *const *abbreviations;     /* sorted */
    size_t abbreviation_count;
    const char *const *aliases; /* other written names, sorted */
    size_t alias_count;
    const struct tg_graph_entity *const *children; /* organisations whose parent this is */
    size_t child_count;
    /* People: the positions they held, oldest first. Organisations: positions held in them. */
    const struct tg_graph_position *const *positions;
    size_t position_count;
    const struct tg_graph_event *const *events; /* taking part, oldest first */
    size_t event_count;
    const struct tg_graph_document *const *documents; /* mentioning it, in id order */
    size_t document_count;
    size_t mention_count;
};

struct tg_graph_participant {
    const struct tg_graph_entity *entity;
    /* One of extract.h's roles: signatory, host, co_host, partner, chair, attendee, witness
     * (organisations); chair, signatory, speaker, host, attendee, witness (people). Where reports
     * differ, the one that says most (tg_extract_role_rank). */
    const char *role;
    /* The sentences that give the entity its part, one per reporting document that names it,
     * in document id order. */
    const struct tg_graph_evidence *evidence;
    size_t evidence_count;
};

struct tg_graph_event {
    const char *id;
    const char *kind; /* meeting, conference, agreement, training, programme, announcement, other */
    const char *title;
    const char *date;           /* ISO date, or NULL when no report dates it */
    const char *date_precision; /* day, month, year, or NULL */
    const struct tg_graph_entity *place;
    const struct tg_graph_entity *programme;
    /* Organisations first, then people; each entity once with its most specific role. */
    const struct tg_graph_participant *participants;
    size_t participant_count;
    const struct tg_graph_evidence *evidence; /* one per reporting document, in id order */
    size_t evidence_count;
    bool collaboration; /* two of its organisations collaborate (tg_graph_collaborates) */
};

/*
 * Loads the snapshot of the database at path. Fails with the store's statuses (see store.h):
 * TG_ERR_NOT_FOUND (no file, or no snapshot in it), TG_ERR_DB_VERSION, TG_ERR_DB_CORRUPT (the
 * checksum or any structural check failed; the message names the section and row), TG_ERR_IO,
 * TG_ERR_NOMEM. Start-up and reload call it alike: SQLite checks the b-trees the loader reads
 * (schema and meta, see tg_store_reader_check), the image is checked in full.
 */
enum tg_status tg_graph_load(const char *path, struct tg_graph **out, struct tg_error *err);

/* NULL is a no-op. */
void tg_graph_free(struct tg_graph *graph);

/*
 * Drops the pages of a loaded graph's mapped image from this process's page tables; they stay
 * in the page cache and fault back in when read, so lookups are unaffected (other threads may
 * go on reading the graph meanwhile). thaigraphd does it to the snapshot it serves before it
 * loads a reload's: without it, RSS counts every page the old snapshot had read beside the ones
 * the new one reads, twice for the same file. A built graph (no mapping) and NULL are no-ops.
 */
void tg_graph_drop_pages(const struct tg_graph *graph);

/*
 * Maps the pages of a loaded graph's search indexes into the process (tg_search_index_map), so
 * that the first request for a query takes no page fault on them: issue 10's cold searches
 * spent about a third of their time in faults. thaigraphd does it once a graph serves, after
 * start-up and after a reload's swap (when the old snapshot's pages are gone, so a reload's peak
 * RSS stays the steady one). The indexes are a quarter of the image (290 MB of 1.2 GB at 63,242
 * articles); texts and strings stay faulted in on demand. A built graph and NULL are no-ops.
 */
void tg_graph_map_search(const struct tg_graph *graph);

/*
 * Checks every posting list and span table of a loaded graph's search indexes that no query has
 * checked yet (tg_search_index_sound): false when one is damaged, which is then logged. Loading
 * leaves them to their first query (issue 10: decoding them all was most of a reload), so
 * thaigraphd calls this once a graph serves; a query that gets to a part first checks it itself.
 * A built graph and NULL are true.
 */
bool tg_graph_check_search(const struct tg_graph *graph);

uint64_t tg_graph_generation(const struct tg_graph *graph);
const char *tg_graph_fingerprint(const struct tg_graph *graph);
time_t tg_graph_loaded_at(const struct tg_graph *graph);
/* What made a loaded snapshot's search words, as ingest recorded it (build.h), "" when it did
 * not: queries must be read the same way to find them. */
const char *tg_graph_words(const struct tg_graph *graph);

size_t tg_graph_document_count(const struct tg_graph *graph);
const struct tg_graph_document *tg_graph_document_at(const struct tg_graph *graph, size_t index);

/* The document with this id, or NULL. */
const struct tg_graph_document *tg_graph_document_find(const struct tg_graph *graph,
                                                       const char *id);

/* Mention i (< doc->mention_count) of a document of graph, in text order, decoded into *out;
 * its strings and entity belong to the graph. */
void tg_graph_document_mention(const struct tg_graph *graph, const struct tg_graph_document *doc,
                               size_t i, struct tg_graph_mention *out);

/* The entity with this id (any type), or NULL. */
const struct tg_graph_entity *tg_graph_entity_find(const struct tg_graph *graph, const char *id);

/* Entities of one type, in id order. */
size_t tg_graph_entity_count(const struct tg_graph *graph, enum tg_graph_type type);
const struct tg_graph_entity *tg_graph_entity_at(const struct tg_graph *graph,
                                                 enum tg_graph_type type, size_t index);

/* Index of the first entity of the type whose id sorts after id, for cursor paging. */
size_t tg_graph_entity_after(const struct tg_graph *graph, enum tg_graph_type type, const char *id);

/*
 * Entities of the type (or of any type, with TG_GRAPH_TYPE_COUNT) known by name: their
 * canonical name, an alias or an abbreviation, compared after normalisation (NFC, Latin case
 * folded, Thai digits as ASCII, whitespace ignored, a trailing dot optional). Writes up to cap
 * matches, best known first, and the number of matches to *count.
 */
enum tg_status tg_graph_resolve(const struct tg_graph *graph, enum tg_graph_type type,
                                const char *name, const struct tg_graph_entity **matches,
                                size_t cap, size_t *count);

/* Events, oldest first (undated ones last, by id). */
size_t tg_graph_event_count(const struct tg_graph *graph);
const struct tg_graph_event *tg_graph_event_at(const struct tg_graph *graph, size_t index);
const struct tg_graph_event *tg_graph_event_find(const struct tg_graph *graph, const char *id);
/* Position of an event in the oldest-first order, for cursors; count when not found. */
size_t tg_graph_event_index(const struct tg_graph *graph, const char *id);

/* Whether entity takes part in event. */
bool tg_graph_event_has(const struct tg_graph_event *event, const struct tg_graph_entity *entity);

/*
 * Whether organisations a and b collaborate in event: they are different, both take part with a
 * collaborating role (signatory, host, co_host, partner: tg_extract_role_collaborates) and
 * neither is the other's parent, nor its parent's parent. Attendees, witnesses and chairs are
 * present, not partners, and an organisation acting with its own unit is not a collaboration.
 */
bool tg_graph_collaborates(const struct tg_graph_event *event, const struct tg_graph_entity *a,
                           const struct tg_graph_entity *b);

/*
 * The collaboration of two organisations: the events in which they collaborate
 * (tg_graph_collaborates), oldest first. Writes up to cap events and the total to *count.
 */
void tg_graph_collaboration(const struct tg_graph_entity *a, const struct tg_graph_entity *b,
                            const struct tg_graph_event **events, size_t cap, size_t *count);

struct tg_graph_partner {
    const struct tg_graph_entity *organisation;
    size_t event_count;
    const struct tg_graph_event *first; /* oldest */
    const struct tg_graph_event *last;  /* newest */
};

/* Every organisation that collaborates with a (tg_graph_collaborates) in some event, most events
 * first. *partners is malloc'd; the caller frees it. */
enum tg_status tg_graph_partners(const struct tg_graph_entity *a,
                                 struct tg_graph_partner **partners, size_t *count);

/* A node of a neighbourhood view: an entity or an event. */
struct tg_graph_node {
    const char *id;
    const char *type; /* organisation, person, place, programme, event */
    const char *label;
};

/*
 * An edge of a view. Types: participates (entity to event, weight = reports), held_at (event to
 * place), holds_position (person to organisation, weight = positions stated), part_of
 * (organisation to parent), collaborates (organisation to organisation, weight = events
 * together). documents are the articles that state it.
 */
struct tg_graph_edge {
    const char *source;
    const char *target;
    const char *type;
    size_t weight;
    const struct tg_graph_document **documents;
    size_t document_count;
};

struct tg_graph_view {
    struct tg_graph_node *nodes; /* the focus first */
    size_t node_count;
    struct tg_graph_edge *edges;
    size_t edge_count;
    bool truncated; /* TG_GRAPH_VIEW_MAX_NODES was reached */
};

#define TG_GRAPH_VIEW_MAX_DEPTH 3
#define TG_GRAPH_VIEW_MAX_NODES 500

/*
 * The neighbourhood of the entity or event with id focus: everything within depth steps
 * (1..TG_GRAPH_VIEW_MAX_DEPTH) and the edges among it, at most TG_GRAPH_VIEW_MAX_NODES nodes
 * so one request's work stays bounded. TG_ERR_NOT_FOUND for an unknown id. Free the view with
 * tg_graph_view_free.
 */
enum tg_status tg_graph_view(const struct tg_graph *graph, const char *focus, unsigned depth,
                             struct tg_graph_view *view);

void tg_graph_view_free(struct tg_graph_view *view);

/*
 * True when an ISO date of any precision falls within [from, to] (either bound NULL for open).
 * Dates of different precisions compare by their common prefix: the year "2011" is on or after
 * "2011-12-22" as a `from` bound and reaches it as a `to` bound. An undated thing (date NULL)
 * is in range only when both bounds are NULL.
 */
bool tg_graph_date_in_range(const char *date, const char *from, const char *to);

/* Which documents a list request wants. NULL fields do not filter. */
struct tg_graph_document_filter {
    const char *from;   /* ISO date; documents published on or after it */
    const char *to;     /* ISO date; documents published on or before it (at its precision) */
    const char *source; /* exact source, compared without regard to Latin letter case */
};

/*
 * One page of documents in id order: those matching filter whose id sorts after `after` (NULL
 * for the first page). Writes up to limit indexes into page, the number written to *page_count,
 * the number of matches on all pages to *total, and whether more follow to *more.
 */
void tg_graph_document_page(const struct tg_graph *graph,
                            const struct tg_graph_document_filter *filter, const char *after,
                            size_t limit, size_t *page, size_t *page_count, size_t *total,
                            bool *more);

/*
 * Search: full-text indexes that ingest built and the snapshot carries (see search.h for how words
 * match and rank); src/search/find.c runs these queries over them. Documents are indexed without
 * their boilerplate; entities by their name, aliases and abbreviations; events by their title and
 * evidence sentences. Queries are segmented with the same abbreviations as the texts were (the
 * graph's own, plus the built-in ones), with one segmenter per thread kept across requests.
 */
enum tg_graph_search_scope {
    TG_GRAPH_SEARCH_DOCUMENTS = 1u << 0,
    TG_GRAPH_SEARCH_ORGANISATIONS = 1u << 1,
    TG_GRAPH_SEARCH_PEOPLE = 1u << 2,
    TG_GRAPH_SEARCH_PLACES = 1u << 3,
    TG_GRAPH_SEARCH_PROGRAMMES = 1u << 4,
    TG_GRAPH_SEARCH_EVENTS = 1u << 5,
    TG_GRAPH_SEARCH_ALL = (1u << 6) - 1,
};

/* The abbreviations texts and queries are segmented with (see tg_search_segmenter_new), so
 * another engine can be given the very tokens the snapshot indexed; count to *count. */
const char *const *tg_graph_abbreviations(const struct tg_graph *graph, size_t *count);

/* Code points of text a hit's snippet shows at most. */
#define TG_GRAPH_SNIPPET_CODEPOINTS 200

/* A thing a search matched: exactly one of document, entity and event is set. */
struct tg_graph_match {
    const struct tg_graph_document *document;
    const struct tg_graph_entity *entity;
    const struct tg_graph_event *event;
};

struct tg_graph_search_request {
    const char *query;
    size_t query_len;
    unsigned scope;     /* TG_GRAPH_SEARCH_* bits */
    const char *from;   /* ISO date or NULL: documents published, events held, on or after it */
    const char *to;     /* ISO date or NULL */
    const char *source; /* NULL or a document source; keeps documents only */
    size_t limit;       /* 1..TG_SEARCH_MAX_LIMIT */
    const struct tg_search_cursor *after; /* a previous page's next_cursor, decoded; or NULL */
    /* NULL: none. accept keeps only the matches it returns true for (after the filters above);
     * matched sees every match counted in total, whichever page is asked for. */
    bool (*accept)(const struct tg_graph_match *match, void *ctx);
    void (*matched)(const struct tg_graph_match *match, void *ctx);
    void *match_ctx;
};

struct tg_graph_hit {
    const char *type; /* document, organisation, person, place, programme, event */
    const char *id;
    const char *title;     /* document title, entity name, event title */
    const char *published; /* documents: published; events: their date; else NULL */
    double score;
    char *snippet; /* HTML, owned by the result */
};

struct tg_graph_query_token {
    const char *text;  /* normalised, as matched; owned by the result */
    size_t start, end; /* code points of the query */
};

struct tg_graph_search_result {
    struct tg_graph_hit *hits; /* best first */
    size_t hit_count;
    size_t total;   /* matches on all pages together */
    bool truncated; /* the work bound cut the candidates: total is a lower bound */
    struct tg_graph_query_token *tokens;
    size_t token_count;
    const char *next_cursor; /* NULL on the last page; tg_search_cursor_decode reads it */
};

/*
 * Runs a search. On TG_OK *out is a result the caller frees with tg_graph_search_result_free
 * (strings it lends from the graph live as long as the graph). Fails with TG_ERR_BAD_PARAMETER
 * (a query without words, an empty scope, a bad limit), TG_ERR_TOO_LARGE (more
 * than TG_SEARCH_MAX_QUERY_WORDS words or TG_SEARCH_MAX_QUERY_CODEPOINTS code points),
 * TG_ERR_INVALID_UTF8, TG_ERR_ICU or TG_ERR_NOMEM.
 */
enum tg_status tg_graph_search(const struct tg_graph *graph,
                               const struct tg_graph_search_request *request,
                               struct tg_graph_search_result **out);

void tg_graph_search_result_free(struct tg_graph_search_result *result);

/*
 * Makes the calling thread's search state for graph now (a query segmenter that knows the
 * snapshot's abbreviations, some 10 ms of work), which its first tg_graph_search would
 * otherwise make. Fails with TG_ERR_ICU or TG_ERR_NOMEM; a search then tries again.
 */
enum tg_status tg_graph_search_prepare(const struct tg_graph *graph);

/* An entity whose name, alias or abbreviation starts with a prefix. */
struct tg_graph_suggestion {
    const struct tg_graph_entity *entity;
    const char *matched; /* the name that starts with the prefix */
};

#define TG_GRAPH_SUGGEST_MAX 100

/*
 * Up to limit (1..TG_GRAPH_SUGGEST_MAX) entities with a name starting with prefix (normalised like
 * the texts), most mentioned first, each once, into suggestions[0..*count). Fails like
 * tg_search_suggest.
 */
enum tg_status tg_graph_suggest(const struct tg_graph *graph, const char *prefix, size_t len,
                                size_t limit, struct tg_graph_suggestion *suggestions,
                                size_t *count);

#endif
