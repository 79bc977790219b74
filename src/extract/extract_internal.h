/*
 * Internal state of one tg_extract_document call, shared by the recognisers in src/extract/.
 * All offsets here are bytes of the input; code points are filled in once, at the end.
 */
#ifndef THAIGRAPH_EXTRACT_INTERNAL_H
#define THAIGRAPH_EXTRACT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "thaigraph/extract.h"
#include "thaigraph/gazetteer.h"
#include "thaigraph/ner.h"
#include "thaigraph/text.h"

struct tg_extract {
    struct tg_gazetteer *gazetteer;
    struct tg_ner_model *ner;
};

/* A mention before code points are known. */
struct xmention {
    enum tg_extract_type type;
    size_t b, e;
    long entity;
    char *value;
};

/* An abbreviation the document taught (`ชื่อเต็ม (ABBR.)`), pointing at its organisation. */
struct xpair {
    char *abbr;
    long org;
};

/* A position title as written, with the organisation it names (titles.c). */
struct xtitle {
    size_t b, e; /* the title's own words */
    size_t end;  /* past the organisation written with it, or e */
    char *title; /* in full (รมว. is รัฐมนตรีว่าการกระทรวง) */
    long org;       /* index into organisations, or -1 */
    bool wants_org; /* the title names an organisation (ปลัดกระทรวง), even when the text does not */
    bool latin;     /* an English title (Prime Minister), read by its own rules */
};

/* A sentence: the unit events and their evidence are read from. */
struct xsentence {
    size_t b, e;
};

struct xdoc {
    const struct tg_extract *ex;
    const char *text;
    size_t len;
    unsigned char *excluded; /* one mark per byte the caller excluded */
    struct tg_date context;
    const struct tg_text_token *tokens;
    size_t n_tokens;
    /* For every byte, 1 + the index of the last token starting at or before it, or 0: the
     * scanning loops ask about token boundaries at nearly every byte, and a binary search per
     * question was a sixth of ingest (issue 10). */
    uint32_t *token_at;
    struct tg_ner_span *ner;
    size_t n_ner;
    struct tg_date_match *dates;
    size_t n_dates;
    struct xmention *m;
    size_t n_m, cap_m;
    /* For every byte, 1 + the index of the entity mention covering it, or 0: overlap tests
     * stay constant-time however many mentions a long document has. */
    uint32_t *owner;
    struct xpair *pairs;
    size_t n_pairs, cap_pairs;
    struct xsentence *sentences;
    size_t n_sentences;
    struct xtitle *titles; /* in text order, never overlapping */
    size_t n_titles;
    struct tg_extract_result *r;
    size_t cap_orgs, cap_people, cap_places, cap_programmes;
};

/* Entities are structs with `char *name` and `char *key` members at these offsets. */
struct xentity_layout {
    size_t elem, name, key;
};
/* Finds the entity of array (count of them) whose key is name's, or appends a zeroed one with
 * name and key set; *index is its index, *created says which and *grown is the possibly moved
 * array. On an error nothing changed: TG_ERR_NOMEM, or TG_ERR_INVALID_UTF8 when name[0..len) is
 * not UTF-8 (the text is checked before extraction, so a recogniser cut a character in half). */
enum tg_status xd_entity_get(void *array, size_t *count, size_t *cap,
                             const struct xentity_layout *layout, const char *name, size_t len,
                             void **grown, long *index, bool *created);
/* xd_entity_get returning the array, or NULL on either error: orgs.c's form until it reports
 * the status. */
void *xd_entity(void *array, size_t *count, size_t *cap, const struct xentity_layout *layout,
                const char *name, size_t len, long *index, bool *created);
char *xd_dup(const char *s, size_t len);
/* First occurrence of needle[0..nl) in hay[0..n), or NULL (memmem is a GNU extension). */
const char *xd_find(const char *hay, size_t n, const char *needle, size_t nl);
enum tg_status xd_push_string(char ***list, size_t *count, const char *s, size_t len);
bool xd_excluded(const struct xdoc *d, size_t b, size_t e);
/* A pass marks the bytes of its candidates in a map of d->len bytes before they become
 * mentions; xd_claimed says whether any byte of [b, e) is marked. */
bool xd_claimed(const unsigned char *map, size_t b, size_t e);
/* Appends the candidate at item (elem bytes, spanning [b, e)) to array, which holds *count of
 * *cap, and marks its bytes in map. Returns the possibly moved array, or NULL (nothing
 * changed) when out of memory. */
void *xd_claim(void *array, size_t *count, size_t *cap, const void *item, size_t elem,
               unsigned char *map, size_t b, size_t e);
/* Index of an entity mention overlapping [b, e), or -1. */
long xd_overlap(const struct xdoc *d, size_t b, size_t e);
/* Index of the first date ending after b (d->n_dates when none). */
size_t xd_first_date(const struct xdoc *d, size_t b);
bool xd_date_overlaps(const struct xdoc *d, size_t b, size_t e);
/* Whether a date is the year in the name of a law (พ.ร.บ.ตำรวจ พ.ศ.2547). */
bool xd_law_year(const struct xdoc *d, const struct tg_date_match *dm);
enum tg_status xd_add_mention(struct xdoc *d, enum tg_extract_type type, size_t b, size_t e,
                              long entity);
/* The entity mention of the given type starting exactly at b, or -1. */
long xd_mention_at(const struct xdoc *d, size_t b, enum tg_extract_type type);
uint32_t xd_cp(const struct xdoc *d, size_t b, size_t *width);
uint32_t xd_cp_before(const struct xdoc *d, size_t b);
/* b moved back over the blanks before it, whole code points at a time, never below floor. */
size_t xd_skip_spaces_back(const struct xdoc *d, size_t floor, size_t b);
/* Whether an ASCII or Thai digit starts at b. */
bool xd_digit_at(const struct xdoc *d, size_t b);
bool xd_is_thai(uint32_t cp);
/* Skips spaces and tabs (never a line break) and returns the next offset. */
size_t xd_skip_spaces(const struct xdoc *d, size_t b);
bool xd_has(const struct xdoc *d, size_t b, const char *word);
bool xd_token_start(const struct xdoc *d, size_t b);
bool xd_token_end(const struct xdoc *d, size_t b);
/* Byte end of the token starting at b, or b when none starts there. */
size_t xd_token_after(const struct xdoc *d, size_t b);
/* End of the run of letters and marks from b up to whitespace, punctuation or another script. */
size_t xd_thai_run(const struct xdoc *d, size_t b);
/* Whether one of words[0..n) starts at b and ends where a word ends. */
bool xd_word_at(const struct xdoc *d, size_t b, const char *const *words, size_t n);
/* Whether a function word or common verb starts at b: such a word never begins a name. */
bool xd_stop_word_at(const struct xdoc *d, size_t b);
/* Whether an ASCII capital letter stands at b: where a Latin name or title may start. */
bool xd_latin_upper_at(const struct xdoc *d, size_t b);
/* Whether cp is a letter of Latin script, accented ones (Müller, Đặng, Attaché) included and the
 * signs × and ÷ not. */
bool xd_is_latin_letter(uint32_t cp);
/* Whether a letter of Latin script starts at b, accented ones (Müller, Đặng, Attaché) included
 * and the signs × and ÷ not; *e is past it either way. */
bool xd_latin_letter_at(const struct xdoc *d, size_t b, size_t *e);
/* End of the Latin word at b: letters, hyphens and the characters of marks (orgs keep & and .
 * in AT&T or Co.; a title stops at them). b when no word starts there. */
size_t xd_latin_word_end(const struct xdoc *d, size_t b, const char *marks);
/* Whether [b, e) is the whole of one of words[0..n), compared without case. */
bool xd_latin_word_is(const struct xdoc *d, size_t b, size_t e, const char *const *words, size_t n);
#define XD_LATIN_IS(d, b, e, list) xd_latin_word_is(d, b, e, list, sizeof list / sizeof *list)
/* The next entity mention starting in [*p, e) and ending by e, with *p moved past its start;
 * -1 when there is none. */
long xd_next_mention(const struct xdoc *d, size_t *p, size_t e);

enum tg_status xd_orgs(struct xdoc *d);
/* Whether the Latin word [b, e) names a kind of body (Ministry, University, Foundation). */
bool xd_latin_body_word(const struct xdoc *d, size_t b, size_t e);
enum tg_status xd_orgs_from_model(struct xdoc *d);
/* Reads every position title of the text into d->titles; runs after organisations. */
enum tg_status xd_titles(struct xdoc *d);
/* The title whose words start at b, or the one whose organisation (or words) end at e; NULL
 * when there is none. */
const struct xtitle *xd_title_starting(const struct xdoc *d, size_t b);
const struct xtitle *xd_title_ending(const struct xdoc *d, size_t e);
/* Length of the word at b that makes the title after it an acting post (รักษาราชการแทน,
 * ปฏิบัติหน้าที่), or 0. */
size_t xd_acting_at(const struct xdoc *d, size_t b);
/* Whether the Latin word [b, e) is a word of an English title (Minister, Prime, Deputy). */
bool xd_latin_title_word(const struct xdoc *d, size_t b, size_t e);
/* The title joined on after t with และ (then *shares_organisation: กรรมการและผู้จัดการทั่วไป
 * บรรษัท... are posts in the one organisation) or as an acting post (ปฏิบัติหน้าที่โฆษก...: its
 * organisation is its own), or NULL. */
const struct xtitle *xd_title_joined(const struct xdoc *d, const struct xtitle *t,
                                     bool *shares_organisation);
/* The English title joined on with and before t (Prime Minister and Defense Minister Gen.
 * Prayut), or NULL. */
const struct xtitle *xd_title_joined_before(const struct xdoc *d, const struct xtitle *t);
/* The organisation of a gazetteer entry in this result, created on first use. */
enum tg_status xd_org_from_entry(struct xdoc *d, const struct tg_gazetteer_entry *entry, long *org);
/* The organisation [b, e) names by its place in a list of parties (parties.c), not by a pattern
 * of its own; with a mention there, where no mention stood. */
enum tg_status xd_org_listed(struct xdoc *d, size_t b, size_t e, long *org);
/* A mention of org written short at [b, e), the form kept as one of its names. */
enum tg_status xd_org_short(struct xdoc *d, size_t b, size_t e, long org);
/* Names the numbered list of a signing word gives (ลงนาม ... ได้แก่ 1. X 2. Y) are organisations
 * by their place there; runs after people and before places (parties.c). */
enum tg_status xd_listed_parties(struct xdoc *d);
enum tg_status xd_people(struct xdoc *d);
/* Whether a cue that always names a venue starts at b (ศูนย์ประชุม, ศูนย์แถลงข่าว, โรงแรม):
 * the organisation finder leaves such names to places (places.c). */
bool xd_venue_at(const struct xdoc *d, size_t b);
enum tg_status xd_places(struct xdoc *d);
enum tg_status xd_places_from_model(struct xdoc *d);
enum tg_status xd_programmes(struct xdoc *d);
enum tg_status xd_events(struct xdoc *d);
/* Whether a sentence has a trigger word of an event (events.c). */
bool xd_reports_event(const struct xdoc *d, size_t sentence);

/* The word of parties acting together (A และ B ร่วมกันจัด..., ร่วมกันที่จะออกมาตรการ): a joint cue
 * of the party reader (parties.c) and what makes a measure an event (events.c). */
#define XD_TOGETHER "ร่วมกัน"

/* A sentence reporting an event, as the event finder (events.c) hands it to parties.c. */
struct xreport {
    size_t sentence;             /* index into d->sentences */
    size_t trigger_b, trigger_e; /* the trigger word the event was found by */
    bool agreement; /* the trigger names an agreement (ลงนาม, MOU, บันทึกข้อตกลง) */
    bool shared; /* the sentence reports an event of another kind too */
};
/* The sentence as evidence; code points are filled in with the mentions'. */
struct tg_extract_evidence xd_sentence_evidence(const struct xsentence *s);
/* Adds the organisations and people of a reporting sentence to ev, each with its role. */
enum tg_status xd_sentence_parties(struct xdoc *d, const struct xreport *report,
                                   struct tg_extract_event *ev);
/* Roles from sentences without a trigger word (a headline: พม. จับมือ สสส. ...), given to the
 * article's main event. */
enum tg_status xd_headline_roles(struct xdoc *d);
/* Sets every event's collaboration flag from its parties' roles. */
void xd_mark_collaborations(struct xdoc *d);
void xd_link_rooms(struct xdoc *d);

#endif
