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

/* Version of what extraction outputs (agreement 2 of the team): raised with every change to
 * it, so that the next ingest extracts every document again. */
#define TG_EXTRACT_VERSION 2

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

/* Where the document states something: the code-point span [start, end) of the sentence, with
 * the same span in bytes; the sentence text is the document's text over that span. */
struct tg_extract_evidence {
    size_t start, end;
    size_t byte_start, byte_end;
};

struct tg_extract_position {
    char *title; /* the full title as the gazetteer writes it (ปลัดกระทรวง) */
    long organisation; /* index into organisations, or -1 */
    /* When the person held it: the date of the event the sentence reports, else the
     * publication date passed as context; precision NONE when neither is known. */
    struct tg_date as_of;
    struct tg_extract_evidence evidence; /* the sentence naming the person with the title */
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
    /* room, venue, building, landmark, province, district, country, or other (a place the
     * tagger finds that no list names) */
    const char *kind;
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

/*
 * Roles (agreement 3 of the team): what an organisation or a person does in an event.
 * Organisations are signatory, host, co_host, partner, chair, attendee or witness; people
 * chair, signatory, speaker, host, attendee or witness. Two organisations collaborate in an
 * event only when both have a collaborating role (signatory, host, co_host, partner) in it and
 * neither is the other's parent or child; attendees, witnesses and chairs do not collaborate.
 */
enum tg_extract_role {
    TG_EXTRACT_ROLE_SIGNATORY, /* signs the agreement */
    TG_EXTRACT_ROLE_HOST,      /* the single organiser or convener */
    TG_EXTRACT_ROLE_CO_HOST,   /* one of several joint organisers: A with B organise */
    TG_EXTRACT_ROLE_PARTNER,   /* a named partner, supporter or sponsor */
    TG_EXTRACT_ROLE_CHAIR,     /* presides */
    TG_EXTRACT_ROLE_ATTENDEE,  /* takes part without organising */
    TG_EXTRACT_ROLE_WITNESS,   /* witnesses a signing */
    TG_EXTRACT_ROLE_SPEAKER,   /* people: speaks, lectures, reports */
    TG_EXTRACT_ROLE_COUNT
};

/* "signatory", "host", "co_host", "partner", "chair", "attendee", "witness", "speaker"; static.
 */
const char *tg_extract_role_name(enum tg_extract_role role);

/* The role named name (as tg_extract_role_name writes it); false when no role has that name. */
bool tg_extract_role_from_name(const char *name, enum tg_extract_role *role);

/* Whether the role makes its organisation a party acting with the others (signatory, host,
 * co_host, partner). */
bool tg_extract_role_collaborates(enum tg_extract_role role);

/* How much a role says, for keeping one role per participant when several sentences or reports
 * give different ones: a signatory or a joint host says more than an attendee. */
int tg_extract_role_rank(enum tg_extract_role role);

enum tg_extract_event_kind {
    TG_EXTRACT_EVENT_MEETING,      /* a meeting, a bilateral talk, a video call */
    TG_EXTRACT_EVENT_CONFERENCE,   /* a named conference, summit, forum or symposium */
    TG_EXTRACT_EVENT_AGREEMENT,    /* the signing of an agreement, MOU or contract */
    TG_EXTRACT_EVENT_TRAINING,     /* training, workshop, seminar, course */
    TG_EXTRACT_EVENT_CEREMONY,     /* opening, award, handover, merit-making, commemoration */
    TG_EXTRACT_EVENT_VISIT,        /* official, study or inspection visit, courtesy call */
    TG_EXTRACT_EVENT_PROGRAMME,    /* the launch of a programme, project or campaign */
    TG_EXTRACT_EVENT_ANNOUNCEMENT, /* a press conference or public statement event */
    TG_EXTRACT_EVENT_OTHER,        /* an exhibition, fair, festival, competition, election */
    TG_EXTRACT_EVENT_KIND_COUNT
};

/* "meeting", "conference", "agreement", "training", "ceremony", "visit", "programme",
 * "announcement", "other"; static. */
const char *tg_extract_event_kind_name(enum tg_extract_event_kind kind);

struct tg_extract_participant {
    long entity; /* index into organisations or people */
    enum tg_extract_role role;
    struct tg_extract_evidence evidence; /* the sentence the role is read from */
};

struct tg_extract_event {
    enum tg_extract_event_kind kind;
    char *title;
    struct tg_date date; /* precision NONE when neither text nor context dates it */
    bool date_from_text; /* false: the publication date passed as context */
    long place;          /* index into places, or -1 */
    long programme;      /* index into programmes, or -1 */
    struct tg_extract_participant *organisations;
    size_t organisation_count;
    struct tg_extract_participant *people;
    size_t person_count;
    /* Two organisations, neither the other's parent or child, both with a collaborating role:
     * a list of examples or of attendees in one sentence is not a collaboration. */
    bool collaboration;
    struct tg_extract_evidence evidence; /* the sentence that reports the event best */
    char *sentence;                      /* its text */
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
