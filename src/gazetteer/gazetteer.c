#include "thaigraph/gazetteer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "thaigraph/grow.h"
#include "thaigraph/text.h"
#include "thaigraph/utf8.h"

/* Generated at build time from src/gazetteer/data/ by tg-embed. */
#define DECLARE_EMBEDDED(list)                                                                     \
    extern const unsigned char tg_gazetteer_##list##_tsv[];                                        \
    extern const size_t tg_gazetteer_##list##_tsv_len
DECLARE_EMBEDDED(organisations);
DECLARE_EMBEDDED(provinces);
DECLARE_EMBEDDED(bangkok_districts);
DECLARE_EMBEDDED(countries);
DECLARE_EMBEDDED(positions);
DECLARE_EMBEDDED(place_cues);

/* The data and length fields of a schema. */
#define EMBEDDED(list) tg_gazetteer_##list##_tsv, &tg_gazetteer_##list##_tsv_len

/* What a column of a data file feeds; the files differ only in which columns they have. */
enum column {
    COL_NAME,
    COL_ABBREVIATIONS,
    COL_ALIASES,
    COL_KIND,
    COL_PARENT,
    COL_ENGLISH,
    COL_FLAG,
};

#define MAX_COLUMNS 5
#define NO_INDEX    UINT32_MAX

struct schema {
    const char *file;
    const char *header; /* the exact first non-comment line, so a column swap cannot slip in */
    enum column columns[MAX_COLUMNS];
    size_t column_count;
    const char *const *kinds; /* allowed values of COL_KIND, NULL-terminated */
    const unsigned char *data;
    const size_t *data_len;
};

static const char *const organisation_kinds[] = {
    "ministry",          "department",       "office", "agency", "fund", "council",
    "provincial_office", "local_government", "media",  "other",  NULL};
static const char *const regions[] = {"north", "northeast", "central", "east",
                                      "west",  "south",     NULL};
static const char *const honorific_kinds[] = {
    "civil", "academic", "professional", "military", "police", "royal", NULL};
static const char *const cue_kinds[] = {"venue",    "room",     "building",    "floor",
                                        "province", "district", "subdistrict", "village",
                                        "road",     "landmark", NULL};

static const struct schema schemas[TG_GAZETTEER_TYPE_COUNT] = {
    [TG_GAZETTEER_ORGANISATION] = {"organisations.tsv",
                                   "name\tabbreviations\tkind\tparent\taliases",
                                   {COL_NAME, COL_ABBREVIATIONS, COL_KIND, COL_PARENT, COL_ALIASES},
                                   5,
                                   organisation_kinds,
                                   EMBEDDED(organisations)},
    [TG_GAZETTEER_PROVINCE] = {"provinces.tsv",
                               "name\taliases\tregion\tenglish_name",
                               {COL_NAME, COL_ALIASES, COL_KIND, COL_ENGLISH},
                               4,
                               regions,
                               EMBEDDED(provinces)},
    [TG_GAZETTEER_DISTRICT] = {"bangkok_districts.tsv",
                               "name\taliases\tenglish_name",
                               {COL_NAME, COL_ALIASES, COL_ENGLISH},
                               3,
                               NULL,
                               EMBEDDED(bangkok_districts)},
    [TG_GAZETTEER_COUNTRY] = {"countries.tsv",
                              "name\taliases\tenglish_name",
                              {COL_NAME, COL_ALIASES, COL_ENGLISH},
                              3,
                              NULL,
                              EMBEDDED(countries)},
    [TG_GAZETTEER_HONORIFIC] = {"honorifics.tsv",
                                "form\tfull_form\tkind",
                                {COL_NAME, COL_PARENT, COL_KIND},
                                3,
                                honorific_kinds,
                                NULL,
                                NULL},
    [TG_GAZETTEER_POSITION] = {"positions.tsv",
                               "title\tabbreviations\ttakes_organisation\torganisation",
                               {COL_NAME, COL_ABBREVIATIONS, COL_FLAG, COL_PARENT},
                               4,
                               NULL,
                               EMBEDDED(positions)},
    [TG_GAZETTEER_PLACE_CUE] =
        {"place_cues.tsv", "cue\tkind", {COL_NAME, COL_KIND}, 2, cue_kinds, EMBEDDED(place_cues)},
};

struct tg_gazetteer_entry {
    enum tg_gazetteer_type type;
    unsigned line;
    bool takes_organisation;
    const char *name;
    const char *kind;
    const char *english_name;
    const char *parent_name;
    const struct tg_gazetteer_entry *parent;
    const char *const *abbreviations;
    const char *const *aliases;
    size_t abbreviation_count;
    size_t alias_count;
    /* Positions in the item array while loading, when the array may still move. */
    size_t first_abbreviation;
    size_t first_alias;
};

/* One (key, entry) association; sorted by key, then by entry so that file order decides ties. */
struct pair {
    const char *bytes;
    size_t len;
    uint32_t entry;
};

/* A distinct key: its run of pairs and the types of the entries in that run. */
struct key {
    size_t len;
    uint32_t first_pair;
    uint32_t pair_count;
    unsigned types;
};

/*
 * A state of the double-array trie: the child of state s over byte c is state base(s) + c when
 * that state's check is s. One addition and one comparison per byte keep the scan of a large
 * corpus cheap whatever the fan-out (the state after a Thai lead byte pair has dozens of
 * children).
 */
struct state {
    uint32_t base;
    uint32_t check; /* the parent state, or FREE */
    uint32_t key;   /* NO_INDEX when no key ends here */
    unsigned types;
};

#define FREE UINT32_MAX

struct tg_gazetteer {
    char *texts[TG_GAZETTEER_TYPE_COUNT]; /* copies of the files, cut in place into strings */
    struct tg_gazetteer_entry *entries;
    size_t entry_count, entry_cap;
    const char **items; /* abbreviations and aliases of all entries */
    size_t item_count, item_cap;
    struct pair *pairs;
    size_t pair_count;
    struct key *keys;
    size_t key_count;
    struct state *states; /* state 0 is the root */
    size_t state_count, state_cap;
    size_t first_free; /* no state below this one is free */
};

/* Cuts s at its first sep and returns what follows, or NULL when s holds no sep. */
static char *cut(char *s, char sep)
{
    char *at = strchr(s, sep);
    if (!at)
        return NULL;
    *at = '\0';
    return at + 1;
}

/* Leading or trailing blanks are invisible in an editor and would make a key that never matches. */
static bool padded(const char *s)
{
    size_t n = strlen(s);
    return n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
}

static bool in_set(const char *const *set, const char *value)
{
    for (; *set; set++) {
        if (strcmp(*set, value) == 0)
            return true;
    }
    return false;
}

static enum tg_status add_list(struct tg_gazetteer *g, char *field, size_t *first, size_t *count,
                               const char *file, unsigned line, struct tg_error *err)
{
    *first = g->item_count;
    *count = 0;
    if (*field == '\0')
        return TG_OK;
    for (char *rest = field; rest;) {
        char *item = rest;
        rest = cut(rest, ',');
        if (*item == '\0' || padded(item))
            return tg_error_set(err, TG_ERR_PARSE, "%s:%u: empty or padded item in list '%s'", file,
                                line, field);
        const char **items = tg_grow(g->items, &g->item_cap, g->item_count + 1, sizeof *g->items);
        if (!items)
            return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
        g->items = items;
        g->items[g->item_count++] = item;
        (*count)++;
    }
    return TG_OK;
}

static enum tg_status parse_field(struct tg_gazetteer *g, struct tg_gazetteer_entry *e,
                                  const struct schema *s, enum column column, char *field,
                                  struct tg_error *err)
{
    if (padded(field))
        return tg_error_set(err, TG_ERR_PARSE, "%s:%u: blank at the edge of field '%s'", s->file,
                            e->line, field);
    switch (column) {
    case COL_NAME:
    case COL_ENGLISH:
        if (*field == '\0')
            return tg_error_set(err, TG_ERR_PARSE, "%s:%u: empty %s", s->file, e->line,
                                column == COL_NAME ? "name" : "English name");
        *(column == COL_NAME ? &e->name : &e->english_name) = field;
        return TG_OK;
    case COL_KIND:
        if (!in_set(s->kinds, field))
            return tg_error_set(err, TG_ERR_PARSE, "%s:%u: unknown kind '%s'", s->file, e->line,
                                field);
        e->kind = field;
        return TG_OK;
    case COL_PARENT:
        e->parent_name = *field ? field : NULL;
        return TG_OK;
    case COL_FLAG:
        if (strcmp(field, "yes") != 0 && strcmp(field, "no") != 0)
            return tg_error_set(err, TG_ERR_PARSE, "%s:%u: '%s' is neither yes nor no", s->file,
                                e->line, field);
        e->takes_organisation = field[0] == 'y';
        return TG_OK;
    case COL_ABBREVIATIONS:
        return add_list(g, field, &e->first_abbreviation, &e->abbreviation_count, s->file, e->line,
                        err);
    case COL_ALIASES:
        return add_list(g, field, &e->first_alias, &e->alias_count, s->file, e->line, err);
    }
    return tg_error_set(err, TG_ERR_INTERNAL, "%s: column %d has no parser", s->file, (int)column);
}

static enum tg_status parse_row(struct tg_gazetteer *g, enum tg_gazetteer_type type, char *row,
                                unsigned line, struct tg_error *err)
{
    const struct schema *s = &schemas[type];
    char *fields[MAX_COLUMNS];
    size_t n = 0;
    for (char *rest = row; rest; n++) {
        if (n < MAX_COLUMNS)
            fields[n] = rest;
        rest = cut(rest, '\t');
    }
    if (n != s->column_count)
        return tg_error_set(err, TG_ERR_PARSE, "%s:%u: %zu columns where the header has %zu",
                            s->file, line, n, s->column_count);
    struct tg_gazetteer_entry *entries =
        tg_grow(g->entries, &g->entry_cap, g->entry_count + 1, sizeof *g->entries);
    if (!entries)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    g->entries = entries;
    struct tg_gazetteer_entry *e = &g->entries[g->entry_count];
    *e = (struct tg_gazetteer_entry){.type = type, .line = line};
    for (size_t i = 0; i < n; i++) {
        enum tg_status status = parse_field(g, e, s, s->columns[i], fields[i], err);
        if (status != TG_OK)
            return status;
    }
    g->entry_count++;
    return TG_OK;
}

static enum tg_status parse_file(struct tg_gazetteer *g, enum tg_gazetteer_type type,
                                 const char *text, size_t len, struct tg_error *err)
{
    const struct schema *s = &schemas[type];
    size_t bad = 0;
    if (tg_utf8_validate(text, len, &bad) != TG_OK)
        return tg_error_set(err, TG_ERR_INVALID_UTF8, "%s: invalid UTF-8 at byte %zu", s->file,
                            bad);
    if (tg_utf8_has_nul(text, len))
        return tg_error_set(err, TG_ERR_PARSE, "%s: contains a NUL byte", s->file);
    char *copy = malloc(len + 1);
    if (!copy)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    memcpy(copy, text, len);
    copy[len] = '\0';
    g->texts[type] = copy;

    bool header_seen = false;
    unsigned line = 0;
    for (char *rest = copy; rest;) {
        char *row = rest;
        rest = cut(rest, '\n');
        line++;
        size_t row_len = strlen(row);
        if (row_len > 0 && row[row_len - 1] == '\r')
            row[row_len - 1] = '\0';
        if (row[0] == '\0' || row[0] == '#')
            continue;
        if (!header_seen) {
            if (strcmp(row, s->header) != 0)
                return tg_error_set(err, TG_ERR_PARSE, "%s:%u: header is not the expected '%s'",
                                    s->file, line, s->header);
            header_seen = true;
            continue;
        }
        enum tg_status status = parse_row(g, type, row, line, err);
        if (status != TG_OK)
            return status;
    }
    if (!header_seen)
        return tg_error_set(err, TG_ERR_PARSE, "%s: no header line", s->file);
    return TG_OK;
}

static int compare_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c != 0)
        return c;
    return (alen > blen) - (alen < blen);
}

static int compare_pairs(const void *left, const void *right)
{
    const struct pair *a = left;
    const struct pair *b = right;
    int c = compare_bytes(a->bytes, a->len, b->bytes, b->len);
    if (c != 0)
        return c;
    return (a->entry > b->entry) - (a->entry < b->entry);
}

static enum tg_status collect_pairs(struct tg_gazetteer *g, struct tg_error *err)
{
    size_t total = g->entry_count + g->item_count;
    g->pairs = malloc((total ? total : 1) * sizeof *g->pairs);
    if (!g->pairs)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < g->entry_count; i++) {
        struct tg_gazetteer_entry *e = &g->entries[i];
        e->abbreviations = e->abbreviation_count ? g->items + e->first_abbreviation : NULL;
        e->aliases = e->alias_count ? g->items + e->first_alias : NULL;
        g->pairs[g->pair_count++] = (struct pair){e->name, strlen(e->name), (uint32_t)i};
        for (size_t j = 0; j < e->abbreviation_count; j++)
            g->pairs[g->pair_count++] =
                (struct pair){e->abbreviations[j], strlen(e->abbreviations[j]), (uint32_t)i};
        for (size_t j = 0; j < e->alias_count; j++)
            g->pairs[g->pair_count++] =
                (struct pair){e->aliases[j], strlen(e->aliases[j]), (uint32_t)i};
    }
    if (g->pair_count > 1)
        qsort(g->pairs, g->pair_count, sizeof *g->pairs, compare_pairs);
    return TG_OK;
}

/*
 * Within one file a key must mean one row, or lookups restricted to that file would have to
 * guess. Pairs of one key are ordered by entry and the files are loaded one after the other, so
 * two rows of one file sharing a key always end up next to each other.
 */
static enum tg_status check_duplicates(const struct tg_gazetteer *g, struct tg_error *err)
{
    for (size_t i = 1; i < g->pair_count; i++) {
        const struct pair *a = &g->pairs[i - 1];
        const struct pair *b = &g->pairs[i];
        const struct tg_gazetteer_entry *ea = &g->entries[a->entry];
        const struct tg_gazetteer_entry *eb = &g->entries[b->entry];
        if (ea->type == eb->type && compare_bytes(a->bytes, a->len, b->bytes, b->len) == 0)
            return tg_error_set(err, TG_ERR_DUPLICATE, "%s:%u: '%s' is already used at line %u",
                                schemas[eb->type].file, eb->line, b->bytes, ea->line);
    }
    return TG_OK;
}

/* The row of the same file whose name is `name`, or NULL. */
static const struct tg_gazetteer_entry *find_named(const struct tg_gazetteer *g,
                                                   enum tg_gazetteer_type type, const char *name)
{
    size_t len = strlen(name);
    size_t lo = 0;
    size_t hi = g->pair_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_bytes(g->pairs[mid].bytes, g->pairs[mid].len, name, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (;
         lo < g->pair_count && compare_bytes(g->pairs[lo].bytes, g->pairs[lo].len, name, len) == 0;
         lo++) {
        const struct tg_gazetteer_entry *e = &g->entries[g->pairs[lo].entry];
        if (e->type == type && e->name == g->pairs[lo].bytes)
            return e;
    }
    return NULL;
}

static enum tg_status resolve_parents(struct tg_gazetteer *g, struct tg_error *err)
{
    for (size_t i = 0; i < g->entry_count; i++) {
        struct tg_gazetteer_entry *e = &g->entries[i];
        if (!e->parent_name)
            continue;
        /* A position's parent is the organisation its title names by itself (ผบ.ตร.). */
        e->parent =
            find_named(g, e->type == TG_GAZETTEER_POSITION ? TG_GAZETTEER_ORGANISATION : e->type,
                       e->parent_name);
        if (!e->parent)
            return tg_error_set(err, TG_ERR_NOT_FOUND, "%s:%u: '%s' names no row of the file",
                                schemas[e->type].file, e->line, e->parent_name);
    }
    /* A chain longer than the number of entries must loop; callers walk chains to the top. */
    for (size_t i = 0; i < g->entry_count; i++) {
        const struct tg_gazetteer_entry *up = g->entries[i].parent;
        for (size_t steps = 0; up; steps++, up = up->parent) {
            if (steps >= g->entry_count)
                return tg_error_set(err, TG_ERR_PARSE, "%s:%u: parent chain of '%s' loops",
                                    schemas[g->entries[i].type].file, g->entries[i].line,
                                    g->entries[i].name);
        }
    }
    return TG_OK;
}

static enum tg_status group_keys(struct tg_gazetteer *g, struct tg_error *err)
{
    g->keys = malloc((g->pair_count ? g->pair_count : 1) * sizeof *g->keys);
    if (!g->keys)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < g->pair_count; i++) {
        const struct pair *p = &g->pairs[i];
        struct key *last = g->key_count ? &g->keys[g->key_count - 1] : NULL;
        if (!last ||
            compare_bytes(g->pairs[last->first_pair].bytes, last->len, p->bytes, p->len) != 0) {
            last = &g->keys[g->key_count++];
            *last = (struct key){.len = p->len, .first_pair = (uint32_t)i};
        }
        last->pair_count++;
        last->types |= TG_GAZETTEER_MASK(g->entries[p->entry].type);
    }
    return TG_OK;
}

static const char *key_bytes(const struct tg_gazetteer *g, const struct key *k)
{
    return g->pairs[k->first_pair].bytes;
}

static bool base_fits(const struct tg_gazetteer *g, uint32_t base, const unsigned char *labels,
                      size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t t = (size_t)base + labels[i];
        if (t < g->state_count && g->states[t].check != FREE)
            return false;
    }
    return true;
}

/* Finds a base at which every label leads to a free state, growing the array to hold them;
 * returns 0 (never a valid base, the root lives there) when out of memory. */
static uint32_t claim_base(struct tg_gazetteer *g, const unsigned char *labels, size_t n)
{
    uint32_t base = g->first_free > labels[0] ? (uint32_t)(g->first_free - labels[0]) : 1;
    for (int tries = 0; tries < 64 && !base_fits(g, base, labels, n); tries++)
        base++;
    /* Past the end everything is free; giving up early there keeps loading linear in the keys at
     * the price of a few holes. */
    if (!base_fits(g, base, labels, n))
        base = g->state_count > labels[0] ? (uint32_t)(g->state_count - labels[0]) : 1;
    size_t need = (size_t)base + labels[n - 1] + 1;
    struct state *states = tg_grow(g->states, &g->state_cap, need, sizeof *g->states);
    if (!states)
        return 0;
    g->states = states;
    for (; g->state_count < need; g->state_count++)
        g->states[g->state_count] = (struct state){.check = FREE, .key = NO_INDEX};
    return base;
}

/*
 * Places the subtrie of keys[lo..hi), which share their first `depth` bytes, below state s. All
 * children are claimed before any is filled, so that a grandchild cannot take a child's slot.
 */
static enum tg_status place(struct tg_gazetteer *g, uint32_t s, size_t lo, size_t hi, size_t depth)
{
    if (lo < hi && g->keys[lo].len == depth) {
        g->states[s].key = (uint32_t)lo;
        g->states[s].types = g->keys[lo].types;
        lo++;
    }
    unsigned char labels[256];
    size_t n = 0;
    for (size_t i = lo; i < hi; i++) {
        unsigned char c = (unsigned char)key_bytes(g, &g->keys[i])[depth];
        if (n == 0 || labels[n - 1] != c)
            labels[n++] = c;
    }
    if (n == 0)
        return TG_OK;
    uint32_t base = claim_base(g, labels, n);
    if (base == 0)
        return TG_ERR_NOMEM;
    g->states[s].base = base;
    for (size_t i = 0; i < n; i++)
        g->states[base + labels[i]].check = s;
    while (g->first_free < g->state_count && g->states[g->first_free].check != FREE)
        g->first_free++;
    size_t i = lo;
    for (size_t k = 0; k < n; k++) {
        size_t j = i;
        while (j < hi && (unsigned char)key_bytes(g, &g->keys[j])[depth] == labels[k])
            j++;
        enum tg_status status = place(g, base + labels[k], i, j, depth + 1);
        if (status != TG_OK)
            return status;
        i = j;
    }
    return TG_OK;
}

static enum tg_status build_trie(struct tg_gazetteer *g, struct tg_error *err)
{
    g->states = tg_grow(NULL, &g->state_cap, 1, sizeof *g->states);
    if (!g->states)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    g->states[0] = (struct state){.check = 0, .key = NO_INDEX};
    g->state_count = 1;
    g->first_free = 1;
    if (place(g, 0, 0, g->key_count, 0) != TG_OK)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    return TG_OK;
}

static enum tg_status finish(struct tg_gazetteer *g, struct tg_error *err)
{
    enum tg_status status = collect_pairs(g, err);
    if (status == TG_OK)
        status = check_duplicates(g, err);
    if (status == TG_OK)
        status = resolve_parents(g, err);
    if (status == TG_OK)
        status = group_keys(g, err);
    if (status == TG_OK)
        status = build_trie(g, err);
    return status;
}

/* Parses texts[type] for every type that has one, in type order, which is also lookup order. */
static enum tg_status load(const char *const texts[], const size_t lens[],
                           struct tg_gazetteer **out, struct tg_error *err)
{
    if (!out)
        return tg_error_set(err, TG_ERR_INVALID_ARGUMENT, "no place for the gazetteer");
    *out = NULL;
    struct tg_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    enum tg_status status = TG_OK;
    for (int type = 0; type < TG_GAZETTEER_TYPE_COUNT && status == TG_OK; type++) {
        if (texts[type])
            status = parse_file(g, (enum tg_gazetteer_type)type, texts[type], lens[type], err);
    }
    if (status == TG_OK)
        status = finish(g, err);
    if (status != TG_OK) {
        tg_gazetteer_free(g);
        return status;
    }
    *out = g;
    return TG_OK;
}

enum tg_status tg_gazetteer_load_builtin(struct tg_gazetteer **out, struct tg_error *err)
{
    const char *texts[TG_GAZETTEER_TYPE_COUNT];
    size_t lens[TG_GAZETTEER_TYPE_COUNT];
    for (int type = 0; type < TG_GAZETTEER_TYPE_COUNT; type++) {
        if (schemas[type].data) {
            texts[type] = (const char *)schemas[type].data;
            lens[type] = *schemas[type].data_len;
        }
    }
    /* The text module holds the one list of honorifics. */
    texts[TG_GAZETTEER_HONORIFIC] = tg_text_honorifics(&lens[TG_GAZETTEER_HONORIFIC]);
    return load(texts, lens, out, err);
}

enum tg_status tg_gazetteer_parse(enum tg_gazetteer_type type, const char *text, size_t len,
                                  struct tg_gazetteer **out, struct tg_error *err)
{
    if ((unsigned)type >= TG_GAZETTEER_TYPE_COUNT || (!text && len > 0))
        return tg_error_set(err, TG_ERR_INVALID_ARGUMENT, "no such gazetteer type or no text");
    const char *texts[TG_GAZETTEER_TYPE_COUNT] = {0};
    size_t lens[TG_GAZETTEER_TYPE_COUNT] = {0};
    texts[type] = text ? text : "";
    lens[type] = len;
    return load(texts, lens, out, err);
}

void tg_gazetteer_free(struct tg_gazetteer *g)
{
    if (!g)
        return;
    for (int type = 0; type < TG_GAZETTEER_TYPE_COUNT; type++)
        free(g->texts[type]);
    free(g->entries);
    free(g->items);
    free(g->pairs);
    free(g->keys);
    free(g->states);
    free(g);
}

size_t tg_gazetteer_count(const struct tg_gazetteer *g, unsigned types, const char *kind)
{
    size_t count = 0;
    for (size_t i = 0; i < g->entry_count; i++) {
        const struct tg_gazetteer_entry *e = &g->entries[i];
        if ((TG_GAZETTEER_MASK(e->type) & types) &&
            (!kind || (e->kind && strcmp(e->kind, kind) == 0)))
            count++;
    }
    return count;
}

/* The state reached from state s over byte c, or NO_INDEX. */
static uint32_t step(const struct tg_gazetteer *g, uint32_t s, unsigned char c)
{
    size_t t = (size_t)g->states[s].base + c;
    return t < g->state_count && g->states[t].check == s ? (uint32_t)t : NO_INDEX;
}

static uint32_t walk(const struct tg_gazetteer *g, const char *text, size_t n)
{
    uint32_t s = 0;
    for (size_t i = 0; i < n && s != NO_INDEX; i++)
        s = step(g, s, (unsigned char)text[i]);
    return s;
}

/* Writes the entries of the state's key that are of the wanted types; returns how many there are.
 */
static size_t collect(const struct tg_gazetteer *g, uint32_t s, unsigned types,
                      const struct tg_gazetteer_entry **entries, size_t cap)
{
    if (s == NO_INDEX || !(g->states[s].types & types))
        return 0;
    const struct key *k = &g->keys[g->states[s].key];
    size_t n = 0;
    for (uint32_t i = 0; i < k->pair_count; i++) {
        const struct tg_gazetteer_entry *e = &g->entries[g->pairs[k->first_pair + i].entry];
        if (!(TG_GAZETTEER_MASK(e->type) & types))
            continue;
        if (n < cap)
            entries[n] = e;
        n++;
    }
    return n;
}

enum tg_status tg_gazetteer_find(const struct tg_gazetteer *g, const char *name, size_t len,
                                 unsigned types, const struct tg_gazetteer_entry **entries,
                                 size_t cap, size_t *count)
{
    if (!g || (!name && len > 0) || (!entries && cap > 0) || !count)
        return TG_ERR_INVALID_ARGUMENT;
    uint32_t exact = walk(g, name, len);
    *count = collect(g, exact, types, entries, cap);
    if (*count == 0 && len > 0) {
        /* Thai writers drop and add the dot of abbreviations freely (พม / พม.). */
        uint32_t other = name[len - 1] == '.' ? walk(g, name, len - 1)
                         : exact != NO_INDEX  ? step(g, exact, '.')
                                              : NO_INDEX;
        *count = collect(g, other, types, entries, cap);
    }
    return *count ? TG_OK : TG_ERR_NOT_FOUND;
}

enum tg_status tg_gazetteer_find_english(const struct tg_gazetteer *g, const char *name, size_t len,
                                         unsigned types, const struct tg_gazetteer_entry **entry)
{
    if (!g || (!name && len > 0) || !entry)
        return TG_ERR_INVALID_ARGUMENT;
    /* About 160 entries have an English name, and English titles ask rarely: a scan will do. */
    for (size_t i = 0; i < g->entry_count; i++) {
        const struct tg_gazetteer_entry *e = &g->entries[i];
        if ((types & TG_GAZETTEER_MASK(e->type)) && e->english_name &&
            strlen(e->english_name) == len && strncasecmp(e->english_name, name, len) == 0) {
            *entry = e;
            return TG_OK;
        }
    }
    return TG_ERR_NOT_FOUND;
}

/*
 * True when a Thai mark that extends the previous letter's grapheme cluster (mai han-akat, sara
 * am, the vowels above and below, the tone marks) starts at text[at]: a key must not end there.
 */
static bool thai_mark_at(const char *text, size_t len, size_t at)
{
    if (len - at < 3 || (unsigned char)text[at] != 0xE0)
        return false;
    unsigned char b1 = (unsigned char)text[at + 1];
    unsigned char b2 = (unsigned char)text[at + 2];
    if (b1 == 0xB8)
        return b2 == 0xB1 || (b2 >= 0xB3 && b2 <= 0xBA);
    return b1 == 0xB9 && b2 >= 0x87 && b2 <= 0x8E;
}

enum tg_status tg_gazetteer_match_at(const struct tg_gazetteer *g, const char *text, size_t len,
                                     size_t offset, unsigned types,
                                     const struct tg_gazetteer_entry **entry, size_t *match_len)
{
    if (!g || (!text && len > 0) || offset > len || !entry || !match_len)
        return TG_ERR_INVALID_ARGUMENT;
    const struct state *states = g->states;
    uint32_t s = 0;
    uint32_t best = NO_INDEX;
    size_t best_end = offset;
    for (size_t i = offset; i < len; i++) {
        size_t t = (size_t)states[s].base + (unsigned char)text[i];
        if (t >= g->state_count || states[t].check != s)
            break;
        s = (uint32_t)t;
        if ((states[s].types & types) && !thai_mark_at(text, len, i + 1)) {
            best = s;
            best_end = i + 1;
        }
    }
    if (best == NO_INDEX)
        return TG_ERR_NOT_FOUND;
    collect(g, best, types, entry, 1);
    *match_len = best_end - offset;
    return TG_OK;
}

enum tg_gazetteer_type tg_gazetteer_entry_type(const struct tg_gazetteer_entry *e)
{
    return e->type;
}

const char *tg_gazetteer_entry_name(const struct tg_gazetteer_entry *e)
{
    return e->name;
}

const char *tg_gazetteer_entry_kind(const struct tg_gazetteer_entry *e)
{
    return e->kind;
}

const char *tg_gazetteer_entry_english_name(const struct tg_gazetteer_entry *e)
{
    return e->english_name;
}

const struct tg_gazetteer_entry *tg_gazetteer_entry_parent(const struct tg_gazetteer_entry *e)
{
    return e->parent;
}

bool tg_gazetteer_entry_takes_organisation(const struct tg_gazetteer_entry *e)
{
    return e->takes_organisation;
}

size_t tg_gazetteer_entry_abbreviation_count(const struct tg_gazetteer_entry *e)
{
    return e->abbreviation_count;
}

const char *tg_gazetteer_entry_abbreviation(const struct tg_gazetteer_entry *e, size_t i)
{
    return i < e->abbreviation_count ? e->abbreviations[i] : NULL;
}

size_t tg_gazetteer_entry_alias_count(const struct tg_gazetteer_entry *e)
{
    return e->alias_count;
}

const char *tg_gazetteer_entry_alias(const struct tg_gazetteer_entry *e, size_t i)
{
    return i < e->alias_count ? e->aliases[i] : NULL;
}

const char *tg_gazetteer_entry_file(const struct tg_gazetteer_entry *e)
{
    return schemas[e->type].file;
}

unsigned tg_gazetteer_entry_line(const struct tg_gazetteer_entry *e)
{
    return e->line;
}
