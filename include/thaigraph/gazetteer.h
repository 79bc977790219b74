/*
 * gazetteer: the built-in lists of Thai names that entity extraction starts from.
 *
 * The lists (organisations with their abbreviations and parents, the 77 provinces, the 50 Bangkok
 * districts, countries, position titles, place cue words) live as UTF-8 TSV files in
 * src/gazetteer/data/, and the honorifics and ranks in the text module's one list of them
 * (tg_text_honorifics); all are compiled into the binary, so a deployment never looks for them
 * on disk. Loading parses and validates them: a row that names an unknown kind, a parent
 * that is no row of its file, or a name given twice fails the load with the file and line in the
 * error detail, so a bad edit to the data breaks the unit tests rather than the extraction.
 *
 * Every name, abbreviation and alias is a key of one byte trie. tg_gazetteer_match_at walks it
 * from a byte offset of the text, which costs a few byte comparisons at most offsets, because it
 * runs at every token of a corpus of hundreds of megabytes. A key may belong to several entries
 * (กทม. is both Bangkok the province and Bangkok the local government); callers narrow the
 * entries with a mask of types, and entries of one key come in file order (organisations first).
 *
 * Memory and threads: tg_gazetteer_load_builtin and tg_gazetteer_parse allocate a gazetteer that
 * the caller releases with tg_gazetteer_free. Entries and every string reached through them
 * belong to the gazetteer and stay valid until it is freed. A loaded gazetteer is never modified,
 * so any number of threads may query it at once without locking.
 */
#ifndef THAIGRAPH_GAZETTEER_H
#define THAIGRAPH_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/status.h"

/* Which list an entry comes from; one data file each. */
enum tg_gazetteer_type {
    TG_GAZETTEER_ORGANISATION,
    TG_GAZETTEER_PROVINCE,
    TG_GAZETTEER_DISTRICT, /* a district (เขต) of Bangkok */
    TG_GAZETTEER_COUNTRY,
    TG_GAZETTEER_HONORIFIC,
    TG_GAZETTEER_POSITION,
    TG_GAZETTEER_PLACE_CUE,
    TG_GAZETTEER_TYPE_COUNT
};

/* Masks of types for queries: TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE) | ..., or all of them. */
#define TG_GAZETTEER_MASK(type) (1u << (type))
#define TG_GAZETTEER_ANY        ((1u << TG_GAZETTEER_TYPE_COUNT) - 1u)

struct tg_gazetteer;
struct tg_gazetteer_entry;

/* Parses and validates the built-in lists into *out. err (may be NULL) says file:line on failure.
 */
enum tg_status tg_gazetteer_load_builtin(struct tg_gazetteer **out, struct tg_error *err);

/*
 * Builds a gazetteer from one TSV text in the format of the built-in file for `type`, with the
 * same validation; for tests of the validator and for site-specific lists. The text is copied.
 * Errors: TG_ERR_INVALID_UTF8, TG_ERR_PARSE (header, column count, empty or padded field,
 * unknown kind, bad yes/no, parent cycle), TG_ERR_NOT_FOUND (a parent that names no row),
 * TG_ERR_DUPLICATE (a name given twice), TG_ERR_NOMEM.
 */
enum tg_status tg_gazetteer_parse(enum tg_gazetteer_type type, const char *text, size_t len,
                                  struct tg_gazetteer **out, struct tg_error *err);

/* Accepts NULL. */
void tg_gazetteer_free(struct tg_gazetteer *g);

/* Number of entries of the types in `types` whose kind is `kind` (NULL: any kind). */
size_t tg_gazetteer_count(const struct tg_gazetteer *g, unsigned types, const char *kind);

/*
 * Finds entries whose name, abbreviation or alias is exactly name[0..len). When none of the
 * wanted types has that key, a name ending in a dot is retried without it and any other name with
 * one, so "พม" finds the ministry listed as พม. . Writes up to `cap` entries of the types in
 * `types`, in file order, to entries[] and their total number to *count; TG_ERR_NOT_FOUND when
 * there is none.
 */
enum tg_status tg_gazetteer_find(const struct tg_gazetteer *g, const char *name, size_t len,
                                 unsigned types, const struct tg_gazetteer_entry **entries,
                                 size_t cap, size_t *count);

/*
 * Finds the first entry of the types in `types` whose English name is name[0..len), compared
 * without case (Malaysia, New Zealand); TG_ERR_NOT_FOUND when there is none. English names are
 * no keys of the text matcher, so Latin words of a Thai text never match a place. The entry is
 * the gazetteer's.
 */
enum tg_status tg_gazetteer_find_english(const struct tg_gazetteer *g, const char *name, size_t len,
                                         unsigned types, const struct tg_gazetteer_entry **entry);

/*
 * Finds the longest key of an entry of the types in `types` that starts at text[offset] and
 * stops at a character boundary (never before a Thai vowel or tone mark that belongs to the
 * previous letter). Sets *entry to the first such entry and *match_len to the key's length in
 * bytes; TG_ERR_NOT_FOUND when no key starts there. Keys are matched byte for byte as written,
 * so abbreviations match only with their dot. text must be valid UTF-8.
 */
enum tg_status tg_gazetteer_match_at(const struct tg_gazetteer *g, const char *text, size_t len,
                                     size_t offset, unsigned types,
                                     const struct tg_gazetteer_entry **entry, size_t *match_len);

enum tg_gazetteer_type tg_gazetteer_entry_type(const struct tg_gazetteer_entry *e);

/* The canonical name: the first column of the row. */
const char *tg_gazetteer_entry_name(const struct tg_gazetteer_entry *e);

/* The kind column (organisation kind, province region, honorific or cue kind); NULL if none. */
const char *tg_gazetteer_entry_kind(const struct tg_gazetteer_entry *e);

/* English name of a province, district or country; NULL for other types. */
const char *tg_gazetteer_entry_english_name(const struct tg_gazetteer_entry *e);

/* The parent organisation, for an abbreviated honorific its full form, for a position the
 * organisation its title names by itself (ผบ.ตร. heads สำนักงานตำรวจแห่งชาติ); NULL if none. */
const struct tg_gazetteer_entry *tg_gazetteer_entry_parent(const struct tg_gazetteer_entry *e);

/* For positions: whether an organisation (or place) name normally follows the title. */
bool tg_gazetteer_entry_takes_organisation(const struct tg_gazetteer_entry *e);

size_t tg_gazetteer_entry_abbreviation_count(const struct tg_gazetteer_entry *e);

/* Abbreviation number i (< the count), as written, with its dot. */
const char *tg_gazetteer_entry_abbreviation(const struct tg_gazetteer_entry *e, size_t i);

size_t tg_gazetteer_entry_alias_count(const struct tg_gazetteer_entry *e);

const char *tg_gazetteer_entry_alias(const struct tg_gazetteer_entry *e, size_t i);

/* The data file and 1-based line the entry was read from, for messages about the data. */
const char *tg_gazetteer_entry_file(const struct tg_gazetteer_entry *e);
unsigned tg_gazetteer_entry_line(const struct tg_gazetteer_entry *e);

#endif
