/*
 * extract: what one Thai news article says about organisations, people, places, programmes and
 * events, read from its text alone.
 *
 * Design. Recognition is rule-based on top of the shared modules: the gazetteer (organisations
 * with kinds, parents and abbreviations, provinces, districts, countries, honorifics, position
 * titles, place cues), the word segmenter (which decides where a prefix word such as สภา ends,
 * so สภาพ is not a council) and the dates and numbers scanners. Organisations come first, from
 * gazetteer names, prefix words (กระทรวง กรม สำนักงาน สภา กองทุน มูลนิธิ ...) extended to the end
 * of their written run, `ฯ` truncations, a full name followed by `(ABBR.)` (which teaches the
 * pair for the rest of the document), bare abbreviations and, where the rules found nothing,
 * the NER tagger's multi-word organisation spans. People are an honorific or rank with a given
 * and a family name (or a two-word name the tagger finds right before a position title); later
 * partial mentions (นายวิเชียร, วิเชียร กล่าว) resolve to the full person of the same document,
 * and a partial mention with no full name in the document is dropped. Places, programmes, dates and
 * numbers fill the gaps that are left, so entity mentions never overlap. Events are read sentence
 * by sentence from trigger words (ประชุม, Conference, ลงนาม/MOU, อบรม, เปิดโครงการ, ...) and merged
 * within the document when they are of one kind and their dates agree.
 *
 * Every entity carries a key, its canonical name normalised by tg_text_key (NFC, case-folded,
 * whitespace removed), that is the same for the same entity in any document, so callers merge
 * across documents by key. Canonical names are full names (the gazetteer name when the gazetteer
 * knows the organisation), so abbreviations and truncations merge while different
 * organisations that share a prefix do not.
 *
 * Excluded ranges. Page furniture (cookie notices, sidebars) is not article text. The caller
 * finds it (tg_boilerplate_find) and passes its byte ranges; nothing that overlaps them becomes a
 * mention, an entity or an event, though offsets still count the whole text.
 *
 * Threads: an extractor is immutable once made (it owns the gazetteer and the NER model, about
 * 50 MB, so make one and share it); any number of threads may call tg_extract_document on it at
 * once. Each call opens its own word segmenter.
 *
 * Memory: tg_extract_new hands out an extractor freed with tg_extract_free. tg_extract_document
 * hands out a result freed with tg_extract_result_free; every string and array reached from the
 * result belongs to it. Strings typed `const char *` in the result (kinds) are static.
 */
#ifndef THAIGRAPH_EXTRACT_H
#define THAIGRAPH_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/dates.h"
#include "thaigraph/status.h"

enum tg_extract_type {
    TG_EXTRACT_ORGANISATION,
    TG_EXTRACT_PERSON,
    TG_EXTRACT_PLACE,
    TG_EXTRACT_PROGRAMME,
    TG_EXTRACT_DATE,
    TG_EXTRACT_NUMBER,
};

/* "organisation", "person", "place", "programme", "date", "number"; static. */
const char *tg_extract_type_name(enum tg_extract_type type);

/* A byte range of the input, end exclusive. */
struct tg_extract_range {
    size_t byte_start, byte_end;
};

struct tg_extract_mention {
    enum tg_extract_type type;
    size_t start, end;           /* code points, end exclusive */
    size_t byte_start, byte_end; /* the same span in bytes */
    char *surface;               /* the text as written */
    /* Index into the result's list for the type (organisations for an organisation mention,
     * ...), or -1 for dates and numbers. */
    long entity;
    /* Dates: ISO form, "first/last" for a range; numbers: the value as text; else NULL. */
    char *value;
};

struct tg_extract_organisation {
    char *name;           /* canonical full name */
    char *key;            /* normalised name for merging across documents */
    const char *kind;     /* ministry, department, office, agency, fund, council,
                             provincial_office, local_government, media, other */
    char **abbreviations; /* with their dots, from the gazetteer and learnt in the text */
    size_t abbreviation_count;
    char **aliases; /* other full names and truncations written for it */
    size_t alias_count;
    char *parent_name; /* parent organisation's canonical name, or NULL */
    long parent;       /* index of the parent in this result, or -1 when not mentioned */
    bool known;        /* the gazetteer lists it */
    size_t mention_count;
};

struct tg_extract_position {
    char *title; /* the full title as the gazetteer writes it (ปลัดกระทรวง) */
    long organisation; /* index into organisations, or -1 */
    /* When the person held it: the date of the event the sentence reports, else the
     * publication date passed as context; precision NONE when neither is known. */
    struct tg_date as_of;
};

struct tg_extract_person {
    char *name;      /* given and family name, without the honorific */
    char *key;       /* normalised name */
    char *given;     /* never NULL */
    char *family;    /* NULL when the document never writes it */
    char *honorific; /* full form (ทันตแพทย์ for ทพ.), or NULL */
    struct tg_extract_position *positions;
    size_t position_count;
    size_t mention_count;
};

struct tg_extract_place {
    char *name;
    char *key;
    const char *kind;         /* room, venue, building, landmark, province, district, country */
    long within;              /* a room's venue (index into places), or -1 */
    long within_organisation; /* a room in an organisation's building, or -1 */
    size_t mention_count;
};

struct tg_extract_programme {
    char *name;
    char *key;
    char **aliases; /* a Latin name given in parentheses after the Thai one */
    size_t alias_count;
    size_t mention_count;
};

enum tg_extract_role {
    TG_EXTRACT_ROLE_PARTICIPANT,
    TG_EXTRACT_ROLE_CHAIR, /* presides (เป็นประธาน) */
    TG_EXTRACT_ROLE_HOST, /* organises, or the first party of ร่วมกับ / จับมือ */
    TG_EXTRACT_ROLE_PARTNER, /* the other party of ร่วมกับ / จับมือ, or a signatory */
};

/* "participant", "chair", "host", "partner"; static. */
const char *tg_extract_role_name(enum tg_extract_role role);

struct tg_extract_participant {
    long entity; /* index into organisations or people */
    enum tg_extract_role role;
};

struct tg_extract_event {
    const char *kind; /* meeting, conference, agreement, training, programme, announcement,
                         other */
    char *title;
    struct tg_date date; /* precision NONE when neither text nor context dates it */
    bool date_from_text; /* false: the publication date passed as context */
    long place;          /* index into places, or -1 */
    long programme;      /* index into programmes, or -1 */
    struct tg_extract_participant *organisations;
    size_t organisation_count;
    struct tg_extract_participant *people;
    size_t person_count;
    /* Two or more organisations act together (joint hosts, ร่วมกับ/จับมือ, signatories); a
     * list of examples in one sentence is not a collaboration. */
    bool collaboration;
    size_t evidence_start, evidence_end; /* the evidence sentence in code points */
    size_t evidence_byte_start, evidence_byte_end;
    char *evidence; /* the sentence's text */
};

/* Everything read from one document. Mentions are in text order. */
struct tg_extract_result {
    struct tg_extract_mention *mentions;
    size_t mention_count;
    struct tg_extract_organisation *organisations;
    size_t organisation_count;
    struct tg_extract_person *people;
    size_t person_count;
    struct tg_extract_place *places;
    size_t place_count;
    struct tg_extract_programme *programmes;
    size_t programme_count;
    struct tg_extract_event *events;
    size_t event_count;
};

struct tg_extract;

/* Loads the built-in gazetteer and NER model. err (may be NULL) gets the detail on failure. */
enum tg_status tg_extract_new(struct tg_extract **out, struct tg_error *err);

/* Accepts NULL. */
void tg_extract_free(struct tg_extract *ex);

/*
 * Reads text[0..len). excluded (may be NULL when n_excluded is 0) lists byte ranges of page
 * furniture to ignore, in any order. context is the publication date (may be NULL): it
 * completes dates written without a year and dates events and positions the sentence does not
 * date. Errors: TG_ERR_INVALID_ARGUMENT (NULL pointers, a range past the text),
 * TG_ERR_INVALID_UTF8 (malformed or NUL bytes), TG_ERR_EMPTY (no visible character),
 * TG_ERR_TOO_LARGE, TG_ERR_ICU, TG_ERR_NOMEM; *out is untouched on failure.
 */
enum tg_status tg_extract_document(const struct tg_extract *ex, const char *text, size_t len,
                                   const struct tg_extract_range *excluded, size_t n_excluded,
                                   const struct tg_date *context, struct tg_extract_result **out);

/* Accepts NULL. */
void tg_extract_result_free(struct tg_extract_result *result);

#endif
