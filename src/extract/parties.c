/*
 * Parties of events: which organisations and people take part in an event a sentence reports,
 * each with its role (signatory, host, co-host, chair, attendee, ...), and whether the event is a
 * collaboration. events.c finds the events and their dates; this file says who did what.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "thaigraph/text.h"
#include "thaigraph/numbers.h"

/* Words that open a list of examples: organisations after them are mentioned, not taking part. */
static const char *const list_cues[] = {"อาทิ", "เช่น", "ได้แก่", "ยกตัวอย่าง"};

/* The sentence as evidence; code points are filled in with the mentions'. */
struct tg_extract_evidence xd_sentence_evidence(const struct xsentence *s)
{
    return (struct tg_extract_evidence){.byte_start = s->b, .byte_end = s->e};
}

/* Adds entity with role, or gives an entity already there the role when it says more. */
static enum tg_status add_participant(struct tg_extract_participant **list, size_t *n, long entity,
                                      enum tg_extract_role role, const struct xsentence *s)
{
    for (size_t i = 0; i < *n; i++)
        if ((*list)[i].entity == entity) {
            if (tg_extract_role_rank(role) > tg_extract_role_rank((*list)[i].role)) {
                (*list)[i].role = role;
                (*list)[i].evidence = xd_sentence_evidence(s);
            }
            return TG_OK;
        }
    struct tg_extract_participant *grown = realloc(*list, (*n + 1) * sizeof *grown);
    if (!grown)
        return TG_ERR_NOMEM;
    *list = grown;
    grown[(*n)++] = (struct tg_extract_participant){entity, role, xd_sentence_evidence(s)};
    return TG_OK;
}

/* Whether b lies in a list of examples (อาทิ … เป็นต้น) of the sentence. */
static bool in_example_list(const struct xdoc *d, const struct xsentence *s, size_t b)
{
    for (size_t i = 0; i < sizeof list_cues / sizeof *list_cues; i++) {
        size_t n = strlen(list_cues[i]);
        const char *cue = xd_find(d->text + s->b, b - s->b, list_cues[i], n);
        if (!cue)
            continue;
        const char *end = xd_find(cue, (size_t)(d->text + s->e - cue), "เป็นต้น", strlen("เป็นต้น"));
        if (!end || end > d->text + b)
            return true;
    }
    return false;
}

/* Whether organisation a is b or one of b's ancestors in this document. */
static bool ancestor_or_self(const struct xdoc *d, long a, long b)
{
    for (int depth = 0; b >= 0 && depth < 8; depth++, b = d->r->organisations[b].parent)
        if (a == b)
            return true;
    return false;
}

/* Parties are read from lists around cue words, never from the mere presence of a name in the
 * sentence: a sentence naming an agreement also names its witnesses, venues and guests. */
#define MAX_PARTIES 48
/* How far a bracketed abbreviation or qualifier after a name reaches, in bytes. */
#define BRACKET_REACH 90
/* How far the `กับ` of `ลงนามความร่วมมือกับ X` may follow the signing word, in bytes. */
#define WITH_REACH 150
/* How far `ระหว่าง` may follow an agreement's trigger (บันทึกความเข้าใจว่าด้วยความร่วมมือระหว่าง). */
#define BETWEEN_REACH 300

/* The organisations of one list of parties, in text order; b and e bound the list. */
struct parties {
    long org[MAX_PARTIES];
    size_t n;
    size_t b, e;
};

/* A list as read, in text order, before it becomes parties. */
struct list_items {
    long org[MAX_PARTIES];
    bool joined[MAX_PARTIES]; /* a joiner stands between the item and the one before it */
    bool bare[MAX_PARTIES];   /* the item is an organisation's name, not a person or a title */
    size_t n;
};

/* Words that join the parties of one list. `โดย` joins a body and the unit acting for it
 * (กระทรวงสาธารณสุข โดยกรมการแพทย์), both parties. */
static const char *const joiners[] = {"และ",     "กับ", "โดย", "รวมทั้ง", "รวมถึง",
                                      "พร้อมด้วย", ",",  "/",   "-",     "–"};

static bool ends_with(const struct xdoc *d, size_t e, const char *w)
{
    size_t n = strlen(w);
    return e >= n && memcmp(d->text + e - n, w, n) == 0;
}

static void add_party(struct parties *ps, long org);

/* The parties of a list. A name written right after another without a joiner that is its own
 * parent (กรมราชทัณฑ์ กระทรวงยุติธรรม) says whose unit the first is: it is no party of its own. */
static bool ministry(const struct xdoc *d, long org)
{
    return strcmp(d->r->organisations[org].kind, "ministry") == 0;
}

/* Words that open the name of a university's faculty or department, and what คณะ opens other
 * than a faculty: a committee, the cabinet, a working group, a delegation. */
static const char *const faculty_words[] = {"คณะ", "ภาควิชา"};
static const char *const not_faculties[] = {"คณะกรรมการ", "คณะอนุกรรมการ", "คณะรัฐมนตรี",
                                            "คณะทำงาน",   "คณะผู้แทน",      "คณะผู้บริหาร"};

/* Past whichever of words key opens with, or NULL. */
static const char *past_word(const char *key, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strncmp(key, words[i], strlen(words[i])) == 0)
            return key + strlen(words[i]);
    return NULL;
}

/* Whether unit is a faculty or department and org a university (คณะอักษรศาสตร์
 * จุฬาลงกรณ์มหาวิทยาลัย, ภาควิชาวิศวกรรมนิวเคลียร์ ...): the university's own, which the text
 * names to say whose unit it is. */
static bool faculty_of(const struct xdoc *d, long unit, long org)
{
    const char *name = d->r->organisations[unit].name;
    return past_word(name, faculty_words, sizeof faculty_words / sizeof *faculty_words) &&
           !past_word(name, not_faculties, sizeof not_faculties / sizeof *not_faculties) &&
           strstr(d->r->organisations[org].name, "มหาวิทยาลัย");
}

/* Whether org, written right after unit without a joiner, names whose unit it is: its known
 * parent, or a ministry after a body that is none (กรมราชทัณฑ์ กระทรวงยุติธรรม, ศท.
 * กระทรวงดิจิทัลฯ). Bodies of one level side by side are a list (กรมชลประทาน กรมพัฒนาที่ดิน). */
static bool qualifies(const struct xdoc *d, long org, long unit)
{
    return ancestor_or_self(d, org, unit) || (ministry(d, org) && !ministry(d, unit)) ||
           faculty_of(d, unit, org);
}

/* A name written right after a person's title without a joiner says whose unit the title's
 * body is (รองผู้บัญชาการสำนักงานยุทธศาสตร์ตำรวจ สำนักงานตำรวจแห่งชาติ, อาจารย์ คณะอักษรศาสตร์
 * จุฬาลงกรณ์มหาวิทยาลัย): in a list of people each party opens with a person. */
static void take_items(const struct xdoc *d, const struct list_items *items, struct parties *ps)
{
    for (size_t i = 0; i < items->n; i++) {
        bool qualifier = i > 0 && !items->joined[i] && items->org[i] >= 0 &&
                         items->org[i - 1] >= 0 &&
                         (qualifies(d, items->org[i], items->org[i - 1]) ||
                          (items->bare[i] && !items->bare[i - 1]));
        if (!qualifier)
            add_party(ps, items->org[i]);
    }
}

static void add_party(struct parties *ps, long org)
{
    if (org < 0 || ps->n == MAX_PARTIES)
        return;
    for (size_t i = 0; i < ps->n; i++)
        if (ps->org[i] == org)
            return;
    ps->org[ps->n++] = org;
}

/* The organisation a person speaks for: that of the first position with one. */
static long person_org(const struct xdoc *d, long person)
{
    const struct tg_extract_person *p = &d->r->people[person];
    for (size_t k = 0; k < p->position_count; k++)
        if (p->positions[k].organisation >= 0)
            return p->positions[k].organisation;
    return -1;
}

/* The mention starting exactly at b, of any type, or -1. */
static long mention_starting(const struct xdoc *d, size_t b)
{
    uint32_t o = b < d->len ? d->owner[b] : 0;
    return o && d->m[o - 1].b == b ? (long)o - 1 : -1;
}

static long mention_ending(const struct xdoc *d, size_t e)
{
    uint32_t o = e > 0 ? d->owner[e - 1] : 0;
    return o && d->m[o - 1].e == e ? (long)o - 1 : -1;
}

/* Whether the party starting at b is an organisation's name alone. */
static bool bare_org_at(const struct xdoc *d, size_t b)
{
    long m = mention_starting(d, b);
    return !xd_title_starting(d, b) && m >= 0 && d->m[m].type == TG_EXTRACT_ORGANISATION;
}

/* Past a bracket right after a name (`(สสส.)`, `(ประเทศไทย)`), or b. */
static size_t skip_bracket(const struct xdoc *d, size_t b, size_t limit)
{
    size_t p = xd_skip_spaces(d, b);
    if (p >= limit || d->text[p] != '(')
        return b;
    const char *close =
        memchr(d->text + p, ')', (limit - p < BRACKET_REACH ? limit - p : BRACKET_REACH));
    return close ? (size_t)(close - d->text) + 1 : b;
}

static size_t skip_bracket_back(const struct xdoc *d, size_t e, size_t floor)
{
    size_t p = xd_skip_spaces_back(d, floor, e);
    if (p == floor || d->text[p - 1] != ')')
        return e;
    for (size_t q = p - 1; q > floor && p - q < BRACKET_REACH; q--)
        if (d->text[q - 1] == '(')
            return q - 1;
    return e;
}

/* One party starting at b (an organisation, a title naming one, or a person with the title
 * that follows the name): its organisation in *org and its end, or b when none starts there. */
static size_t party_at(const struct xdoc *d, size_t b, size_t limit, long *org)
{
    *org = -1;
    const struct xtitle *t = xd_title_starting(d, b);
    if (t && t->end <= limit) {
        *org = t->org;
        return t->end;
    }
    long m = mention_starting(d, b);
    if (m < 0 || d->m[m].e > limit)
        return b;
    if (d->m[m].type == TG_EXTRACT_ORGANISATION) {
        *org = d->m[m].entity;
        return d->m[m].e;
    }
    if (d->m[m].type != TG_EXTRACT_PERSON)
        return b;
    size_t after = xd_skip_spaces(d, d->m[m].e);
    t = xd_title_starting(d, after);
    if (t && t->end <= limit && t->org >= 0) {
        *org = t->org;
        return t->end;
    }
    *org = person_org(d, d->m[m].entity);
    return d->m[m].e;
}

/* One party ending at e, as party_at: its organisation in *org and its start, or e. */
static size_t party_before(const struct xdoc *d, size_t e, size_t floor, long *org)
{
    *org = -1;
    const struct xtitle *t = xd_title_ending(d, e);
    if (t && t->b >= floor) {
        *org = t->org;
        size_t b = t->b;
        long m = mention_ending(d, xd_skip_spaces_back(d, floor, b));
        if (m >= 0 && d->m[m].type == TG_EXTRACT_PERSON && d->m[m].b >= floor) {
            if (*org < 0)
                *org = person_org(d, d->m[m].entity);
            b = d->m[m].b;
        }
        return b;
    }
    long m = mention_ending(d, e);
    if (m < 0 || d->m[m].b < floor)
        return e;
    if (d->m[m].type == TG_EXTRACT_ORGANISATION)
        *org = d->m[m].entity;
    else if (d->m[m].type == TG_EXTRACT_PERSON)
        *org = person_org(d, d->m[m].entity);
    else
        return e;
    return d->m[m].b;
}

/* A joiner or a list number (`2.`) starting at b: the offset past it, or b. */
static size_t joiner_at(const struct xdoc *d, size_t b, size_t limit)
{
    for (size_t i = 0; i < sizeof joiners / sizeof *joiners; i++)
        if (xd_has(d, b, joiners[i]) && b + strlen(joiners[i]) <= limit)
            return b + strlen(joiners[i]);
    size_t p = b, w;
    while (p < limit && tg_numbers_digit_at(d->text, limit, p, &w) >= 0)
        p += w;
    return p > b && p < limit && (d->text[p] == '.' || d->text[p] == ')') ? p + 1 : b;
}

static size_t joiner_before(const struct xdoc *d, size_t e, size_t floor)
{
    for (size_t i = 0; i < sizeof joiners / sizeof *joiners; i++)
        if (ends_with(d, e, joiners[i]) && e - strlen(joiners[i]) >= floor)
            return e - strlen(joiners[i]);
    return e;
}

/* The list of parties starting at b (past spaces): A, B และ C; A กับ B; A โดย B. */
static struct parties parties_after(const struct xdoc *d, size_t b, size_t limit)
{
    struct parties ps = {.n = 0, .b = xd_skip_spaces(d, b)};
    struct list_items items = {.n = 0};
    size_t p = ps.b;
    ps.e = p;
    while (items.n < MAX_PARTIES) {
        size_t q = xd_skip_spaces(d, p);
        size_t past = joiner_at(d, q, limit);
        p = xd_skip_spaces(d, past);
        long org;
        size_t e = party_at(d, p, limit, &org);
        if (e == p)
            break;
        items.joined[items.n] = past > q;
        items.bare[items.n] = bare_org_at(d, p);
        items.org[items.n++] = org;
        p = ps.e = skip_bracket(d, e, limit);
        /* A country or place written after the name (สวรส. ประเทศไทย) qualifies it. */
        long place = mention_starting(d, xd_skip_spaces(d, p));
        if (place >= 0 && d->m[place].type == TG_EXTRACT_PLACE && d->m[place].e <= limit)
            p = ps.e = d->m[place].e;
    }
    take_items(d, &items, &ps);
    return ps;
}

/* How many letters an abbreviation the recognisers did not read may have (ตร., กสทช.). */
#define ABBREVIATION_MIN 2
#define ABBREVIATION_MAX 6

/* The start of an abbreviation no mention holds ending at e, standing alone (ตร. in ดศ. ตร.
 * สคบ. กสทช. ปปง. ร่วมแถลง), or e. */
static size_t unread_abbreviation_before(const struct xdoc *d, size_t e, size_t floor)
{
    if (e <= floor || d->text[e - 1] != '.' || d->owner[e - 1])
        return e;
    size_t b = e - 1, letters = 0;
    while (b > floor && xd_is_thai(xd_cp_before(d, b)) && !d->owner[b - 1] &&
           letters <= ABBREVIATION_MAX) {
        b -= strlen("ก"); /* Thai letters are three bytes in UTF-8 */
        letters++;
    }
    bool alone = b == floor || tg_text_is_blank(xd_cp_before(d, b));
    return alone && letters >= ABBREVIATION_MIN && letters <= ABBREVIATION_MAX ? b : e;
}

/* The list of parties ending at e (past spaces), as parties_after. An abbreviation the
 * recognisers did not read between two parties (ดศ. ตร. สคบ.) does not end the list: the
 * bodies either side of it are parties all the same. */
static struct parties parties_before(const struct xdoc *d, size_t e, size_t floor)
{
    struct parties ps = {.n = 0, .e = xd_skip_spaces_back(d, floor, e)};
    long found[MAX_PARTIES];
    bool joined[MAX_PARTIES], bare[MAX_PARTIES];
    size_t n = 0, p = ps.e;
    ps.b = p;
    while (n < MAX_PARTIES) {
        p = xd_skip_spaces_back(d, floor, skip_bracket_back(d, p, floor));
        long org;
        size_t b = party_before(d, p, floor, &org);
        if (b == p)
            break;
        found[n] = org;
        bare[n] = bare_org_at(d, b);
        ps.b = b;
        size_t q = xd_skip_spaces_back(d, floor, b);
        p = joiner_before(d, q, floor);
        joined[n++] = p < q;
        size_t gap = p == q ? unread_abbreviation_before(d, q, floor) : q;
        long next;
        if (gap < q && party_before(d, xd_skip_spaces_back(d, floor, gap), floor, &next) <
                           xd_skip_spaces_back(d, floor, gap)) {
            p = gap;
            joined[n - 1] = true;
        }
    }
    /* Back into text order: an item is joined to the one before it by the joiner read after
     * it here. */
    struct list_items items = {.n = n};
    for (size_t i = 0; i < n; i++) {
        items.org[i] = found[n - 1 - i];
        items.bare[i] = bare[n - 1 - i];
        items.joined[i] = i > 0 && joined[n - 1 - i];
    }
    take_items(d, &items, &ps);
    return ps;
}

/* Whether another organisation than org hosts the event already. */
static bool hosted_by_other(const struct tg_extract_event *ev, long org)
{
    for (size_t i = 0; i < ev->organisation_count; i++)
        if (ev->organisations[i].role == TG_EXTRACT_ROLE_HOST && ev->organisations[i].entity != org)
            return true;
    return false;
}

/* Gives role to org. An event has one host: a second one named apart (by another sentence or
 * cue) is no co-organiser the text states, so it only takes part. */
static enum tg_status give_one(struct tg_extract_event *ev, long org, enum tg_extract_role role,
                               const struct xsentence *s)
{
    if (role == TG_EXTRACT_ROLE_HOST && hosted_by_other(ev, org))
        role = TG_EXTRACT_ROLE_ATTENDEE;
    return add_participant(&ev->organisations, &ev->organisation_count, org, role, s);
}

static enum tg_status give_role(struct tg_extract_event *ev, const struct parties *ps,
                                enum tg_extract_role role, const struct xsentence *s)
{
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < ps->n; i++)
        st = give_one(ev, ps->org[i], role, s);
    return st;
}

/* Past any of words at b, repeatedly (ได้ร่วม, เข้าร่วม, การ): the words between a party and
 * the act it performs. */
static size_t skip_words_back(const struct xdoc *d, size_t e, size_t floor,
                              const char *const *words, size_t n)
{
    for (bool more = true; more;) {
        more = false;
        e = xd_skip_spaces_back(d, floor, e);
        for (size_t i = 0; i < n && !more; i++)
            if (ends_with(d, e, words[i]) && e - strlen(words[i]) >= floor && !d->owner[e - 1]) {
                e -= strlen(words[i]);
                more = true;
            }
    }
    return e;
}

/* How far back a word glued to its ให้ may reach, in bytes. */
#define ORDERED_REACH 60

/* Cues whose parties either side act together: X ร่วมกับ Y, X จับมือ Y, X ผนึกกำลัง Y (joins
 * forces with). */
static const char *const joint_cues[] = {"ร่วมกับ", "จับมือ", "ผนึกกำลัง"};
#define N_JOINT_CUES (sizeof joint_cues / sizeof *joint_cues)

/* Whether the list starting at b is told to act (ให้ X ร่วมกับ Y ดำเนินการ, มอบหมายให้ X จัด...):
 * an instruction reports no event the parties held. */
static bool directed(const struct xdoc *d, size_t b, size_t floor)
{
    static const char *const orders[] = {"ให้", "สั่ง", "สั่งการ", "มอบหมาย"};
    size_t e = xd_skip_spaces_back(d, floor, b);
    for (size_t i = 0; i < sizeof orders / sizeof *orders; i++)
        if (ends_with(d, e, orders[i]))
            return true;
    /* โดยมอบหมายให้สศช. สำนักงบประมาณ และ...: the list opens with a name glued to its ให้
     * that the recognisers did not read. */
    size_t w = e;
    while (w > floor && e - w < ORDERED_REACH && !tg_text_is_blank(xd_cp_before(d, w)))
        w--;
    const char *order = w < e ? xd_find(d->text + w, e - w, "ให้", strlen("ให้")) : NULL;
    if (order && (size_t)(order - d->text) + strlen("ให้") < e)
        return true;
    /* ให้ X ร่วมกับ Y จัดอบรม: Y is told too. */
    for (size_t i = 0; i < N_JOINT_CUES; i++)
        if (ends_with(d, e, joint_cues[i]) && e - strlen(joint_cues[i]) >= floor) {
            size_t cue = e - strlen(joint_cues[i]);
            struct parties left = parties_before(d, cue, floor);
            if (left.n > 0)
                return left.b < b && directed(d, left.b, floor);
            /* ให้ สกพอ. ร่วมกับ ...: one word the recognisers did not read as a name. */
            size_t w = xd_skip_spaces_back(d, floor, cue);
            while (w > floor && !tg_text_is_blank(xd_cp_before(d, w)))
                w--;
            return w < cue && ends_with(d, xd_skip_spaces_back(d, floor, w), "ให้");
        }
    return false;
}

static bool has_any(const struct xdoc *d, size_t b, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (xd_has(d, b, words[i]))
            return true;
    return false;
}

/* Whether a preposition governs the list starting at b (พูดคุยกับสมาคมชาวนา ร่วมกับ..., ตามมติ
 * คณะรัฐมนตรีร่วมกับ...): the list is someone's object, not the subject acting together. */
static bool governed(const struct xdoc *d, size_t b, size_t floor)
{
    static const char *const prepositions[] = {"กับ", "ของ", "มติ", "แก่", "ต่อ", "จาก", "ถึง", "ตาม"};
    size_t e = xd_skip_spaces_back(d, floor, b);
    for (size_t i = 0; i < sizeof prepositions / sizeof *prepositions; i++)
        if (ends_with(d, e, prepositions[i]))
            return true;
    return false;
}

/* What follows จัด when it prepares or procures rather than organises (ร่วมกันจัดทำ, จัดหา). */
static const char *const not_organising[] = {"ทำ", "หา", "สรร", "ตั้ง", "ซื้อ", "เก็บ", "ส่ง", "เตรียม"};

/* Words between a party and its ร่วมกับ (บขส. ได้ร่วมกับ, ดศ. โดย สศด. จึงได้ร่วมกับ; working
 * with someone as one: ก บูรณาการร่วมกับ ข, ก โดยบูรณาการร่วมกับ ข). */
static const char *const before_joint[] = {"ได้", "จึง", "ยัง", "ก็", "บูรณาการ", "โดย"};

/* `X ร่วมกับ Y`, `X จับมือ Y`: X and Y organise it together. X ends right at the cue: after
 * `หารือร่วมกับ` or `ประชุมร่วมกับ` the two only meet. */
static enum tg_status joint_roles(const struct xdoc *d, const struct xsentence *s,
                                  struct tg_extract_event *ev)
{
    enum tg_status st = TG_OK;
    for (size_t j = 0; st == TG_OK && j < N_JOINT_CUES; j++) {
        size_t n = strlen(joint_cues[j]);
        for (const char *p = d->text + s->b;
             st == TG_OK && (p = xd_find(p, s->e - (size_t)(p - d->text), joint_cues[j], n));
             p += n) {
            size_t b = (size_t)(p - d->text);
            size_t before = skip_words_back(d, b, s->b, before_joint,
                                            sizeof before_joint / sizeof *before_joint);
            struct parties left = parties_before(d, before, s->b);
            struct parties right = parties_after(d, b + n, s->e);
            if (directed(d, left.b, s->b) || governed(d, left.b, s->b) || left.n == 0 ||
                right.n == 0 || (left.n == 1 && right.n == 1 && left.org[0] == right.org[0]))
                continue;
            st = give_role(ev, &left, TG_EXTRACT_ROLE_CO_HOST, s);
            if (st == TG_OK)
                st = give_role(ev, &right, TG_EXTRACT_ROLE_CO_HOST, s);
        }
    }
    return st;
}

/* Cues whose list of parties follows them, and the role it gives. */
static const struct {
    const char *cue;
    enum tg_extract_role role;
} cues_before_parties[] = {
    {"จัดขึ้นโดย", TG_EXTRACT_ROLE_HOST},           {"จัดโดย", TG_EXTRACT_ROLE_HOST},
    {"โดยการจัดของ", TG_EXTRACT_ROLE_HOST},       {"ความร่วมมือของ", TG_EXTRACT_ROLE_PARTNER},
    {"โดยความร่วมมือกับ", TG_EXTRACT_ROLE_PARTNER}, {"โดยร่วมมือกับ", TG_EXTRACT_ROLE_PARTNER},
    {"ได้ร่วมมือกับ", TG_EXTRACT_ROLE_PARTNER},      {"ความร่วมมือจาก", TG_EXTRACT_ROLE_PARTNER},
    {"การสนับสนุนจาก", TG_EXTRACT_ROLE_PARTNER},   {"การสนับสนุนของ", TG_EXTRACT_ROLE_PARTNER},
    {"สนับสนุนโดย", TG_EXTRACT_ROLE_PARTNER},
};

/* Cues of the partners of the programme or occasion named before them (issue 9, class 8: พิธี
 * มอบของขวัญวันเด็ก ... ภายใต้ความร่วมมือ กรมการแพทย์ กรมอนามัย ..., ภายใต้ความร่วมมือระหว่าง ก
 * และ ข, โดยความร่วมมือระหว่าง ก กับ ข). Before the trigger they tell of something else
 * (ศูนย์ ... จัดตั้งขึ้นภายใต้ความร่วมมือระหว่าง ก กับ ข ... พระราชพิธี...). */
static const char *const partner_cues[] = {"ภายใต้ความร่วมมือระหว่าง", "ภายใต้ความร่วมมือ",
                                           "โดยความร่วมมือระหว่าง"};

/* The partners the cues of s from from on name. */
static enum tg_status programme_partners(const struct xdoc *d, const struct xsentence *s,
                                         size_t from, struct tg_extract_event *ev)
{
    enum tg_status st = TG_OK;
    for (size_t c = 0; st == TG_OK && c < sizeof partner_cues / sizeof *partner_cues; c++) {
        size_t n = strlen(partner_cues[c]);
        for (const char *p = d->text + from;
             st == TG_OK && (p = xd_find(p, s->e - (size_t)(p - d->text), partner_cues[c], n));
             p += n) {
            struct parties ps = parties_after(d, (size_t)(p - d->text) + n, s->e);
            st = give_role(ev, &ps, TG_EXTRACT_ROLE_PARTNER, s);
        }
    }
    return st;
}

/* Cues whose list of parties precedes them. */
static const struct {
    const char *cue;
    enum tg_extract_role role;
} cues_after_parties[] = {
    {"เป็นเจ้าภาพร่วม", TG_EXTRACT_ROLE_CO_HOST},
    {"ร่วมเป็นเจ้าภาพ", TG_EXTRACT_ROLE_CO_HOST},
    {XD_TOGETHER, TG_EXTRACT_ROLE_CO_HOST},
    {"เป็นเจ้าภาพ", TG_EXTRACT_ROLE_HOST},
    {"จัดขึ้น", TG_EXTRACT_ROLE_HOST},
    {"จัดงาน", TG_EXTRACT_ROLE_HOST},
    {"จัดการประชุม", TG_EXTRACT_ROLE_HOST},
    {"จัดการสัมมนา", TG_EXTRACT_ROLE_HOST},
    {"จัดการอบรม", TG_EXTRACT_ROLE_HOST},
    {"จัดประชุม", TG_EXTRACT_ROLE_HOST},
    {"จัดสัมมนา", TG_EXTRACT_ROLE_HOST},
    {"จัดอบรม", TG_EXTRACT_ROLE_HOST},
    {"จัดกิจกรรม", TG_EXTRACT_ROLE_HOST},
    {"จัดพิธี", TG_EXTRACT_ROLE_HOST},
    {"จัดโครงการ", TG_EXTRACT_ROLE_HOST},
};

/* Words between a party and the act it performs. */
static const char *const between_party_and_act[] = {
    "ได้", "ร่วม", XD_TOGETHER, "เข้าร่วม", "จะ", "การ", "พิธี", "มีการ", "ทำ", "จัดทำ", "จึง"};

/* Gives role to the list of parties before each cue of the sentence. A list of one party
 * before a joint cue (ร่วมกันจัด) is no joint organisation. */
static enum tg_status roles_before_cue(const struct xdoc *d, const struct xsentence *s,
                                       const char *cue, enum tg_extract_role role,
                                       struct tg_extract_event *ev)
{
    size_t n = strlen(cue);
    enum tg_status st = TG_OK;
    for (const char *p = d->text + s->b;
         st == TG_OK && (p = xd_find(p, s->e - (size_t)(p - d->text), cue, n)); p += n) {
        size_t b = skip_words_back(d, (size_t)(p - d->text), s->b, between_party_and_act,
                                   sizeof between_party_and_act / sizeof *between_party_and_act);
        struct parties ps = parties_before(d, b, s->b);
        if (directed(d, ps.b, s->b) || (role == TG_EXTRACT_ROLE_CO_HOST && ps.n < 2) ||
            has_any(d, (size_t)(p - d->text) + n, not_organising,
                    sizeof not_organising / sizeof *not_organising))
            continue;
        bool joint = role == TG_EXTRACT_ROLE_HOST && ps.n > 1;
        st = give_role(ev, &ps, joint ? TG_EXTRACT_ROLE_CO_HOST : role, s);
    }
    return st;
}

/* The cue words of the organisers and partners a sentence names. */
static enum tg_status cue_roles(const struct xdoc *d, const struct xsentence *s,
                                struct tg_extract_event *ev)
{
    enum tg_status st = TG_OK;
    for (size_t c = 0; st == TG_OK && c < sizeof cues_before_parties / sizeof *cues_before_parties;
         c++) {
        size_t n = strlen(cues_before_parties[c].cue);
        for (const char *p = d->text + s->b;
             st == TG_OK &&
             (p = xd_find(p, s->e - (size_t)(p - d->text), cues_before_parties[c].cue, n));
             p += n) {
            /* ขอรับการสนับสนุนจาก: support asked for, not given. */
            if (ends_with(d, (size_t)(p - d->text), "ขอรับ") ||
                ends_with(d, (size_t)(p - d->text), "ขอ"))
                continue;
            struct parties ps = parties_after(d, (size_t)(p - d->text) + n, s->e);
            enum tg_extract_role role = cues_before_parties[c].role;
            if (role == TG_EXTRACT_ROLE_HOST && ps.n > 1)
                role = TG_EXTRACT_ROLE_CO_HOST;
            st = give_role(ev, &ps, role, s);
        }
    }
    for (size_t c = 0; st == TG_OK && c < sizeof cues_after_parties / sizeof *cues_after_parties;
         c++)
        st = roles_before_cue(d, s, cues_after_parties[c].cue, cues_after_parties[c].role, ev);
    return st;
}

/* How far a list of parties (ได้แก่ 1. ...) may follow its signing word, and how long one
 * numbered item may be, in bytes. */
#define LIST_REACH 240
#define ITEM_MAX   150
/* A company's short name is at least this many bytes (three Thai letters). */
#define SHORT_NAME_MIN 9

/* Whether [b, e) could be a name standing alone: no mention in it, no space, no digit. */
static bool bare_name(const struct xdoc *d, size_t b, size_t e)
{
    if (e <= b || e - b > ITEM_MAX)
        return false;
    for (size_t p = b, w = 1; p < e && w; p += w) {
        uint32_t cp = xd_cp(d, p, &w);
        if (d->owner[p] || tg_text_is_blank(cp) || tg_numbers_digit_value(cp) >= 0)
            return false;
    }
    return xd_is_thai(xd_cp(d, b, NULL));
}

/* The offset of list number k (` k.`) in [b, limit), or limit. */
static size_t number_at(const struct xdoc *d, size_t b, size_t limit, unsigned k)
{
    char mark[16];
    int n = snprintf(mark, sizeof mark, "%u.", k);
    for (const char *p = d->text + b;
         (p = xd_find(p, limit - (size_t)(p - d->text), mark, (size_t)n)); p += n) {
        size_t at = (size_t)(p - d->text);
        if (at == b || tg_text_is_blank(xd_cp_before(d, at)))
            return at;
    }
    return limit;
}

/* Words a list of signatories follows (ลงนาม ... ได้แก่, บันทึกข้อตกลง 16 หน่วยงาน ได้แก่). */
static const char *const signing_words[] = {"ลงนาม", "บันทึกข้อตกลง", "บันทึกความเข้าใจ", "MOU"};

static enum tg_status listed_after(struct xdoc *d, const char *sign);

/* Words that count parties (16 ราย, 3 หน่วยงาน). */
static const char *const party_counters[] = {"ราย", "หน่วยงาน", "องค์กร", "แห่ง", "ฝ่าย", "ภาคี"};

/* A numbered list of parties (ได้แก่ 1. ตลาดวโรรส 2. ตลาดต้นลำไย ...), read item by item. */
struct numbered {
    size_t p, limit;
    unsigned k;
};

/* Whether `ได้แก่ 1.` follows from (within LIST_REACH); *at is past ได้แก่ either way. */
static bool numbered_start(const struct xdoc *d, size_t from, size_t limit, struct numbered *it,
                           size_t *at)
{
    const char *cue = "ได้แก่";
    size_t reach = from + LIST_REACH < limit ? from + LIST_REACH : limit;
    const char *c = xd_find(d->text + from, reach - from, cue, strlen(cue));
    if (!c)
        return *at = limit, false;
    *at = xd_skip_spaces(d, (size_t)(c - d->text) + strlen(cue));
    /* The signing word counts its parties before listing them (ลงนามรวม 16 ราย ได้แก่): a list
     * of documents or of terms is no list of parties. */
    bool counted = false;
    for (size_t i = 0; i < sizeof party_counters / sizeof *party_counters && !counted; i++)
        counted = xd_find(d->text + from, (size_t)(c - d->text) - from, party_counters[i],
                          strlen(party_counters[i])) != NULL;
    if (!counted)
        return false;
    *it = (struct numbered){*at, limit, 1};
    return xd_has(d, *at, "1.");
}

/* The next item [*b, *e): up to the next number, the last one up to a space. */
static bool numbered_next(const struct xdoc *d, struct numbered *it, size_t *b, size_t *e)
{
    if (it->p >= it->limit || number_at(d, it->p, it->limit, it->k) != it->p)
        return false;
    *b = xd_skip_spaces(d, it->p + (it->k < 10 ? 2 : 3));
    size_t limit = *b + ITEM_MAX < it->limit ? *b + ITEM_MAX : it->limit;
    size_t next = number_at(d, *b, limit, it->k + 1);
    *e = next < limit ? xd_skip_spaces_back(d, *b, next) : *b;
    for (size_t w = 1; next == limit && *e < it->limit && w; *e += w)
        if (tg_text_is_blank(xd_cp(d, *e, &w)))
            break;
    it->p = next < limit ? next : it->limit;
    it->k++;
    return true;
}

/* Cues a party's name follows (ลงนามความร่วมมือกับหัวเว่ย, ร่วมกับ ไมโครซอฟท์). */
static const char *const party_slots[] = {"กับ", "จับมือ", "ระหว่าง"};

/* The company of this document whose name's first word after บริษัท is [b, e), or -1 (when
 * none or several are). */
static long company_named(const struct xdoc *d, size_t b, size_t e)
{
    const char *prefix = "บริษัท";
    size_t pl = strlen(prefix), n = e - b;
    long found = -1;
    for (size_t i = 0; i < d->r->organisation_count; i++) {
        const char *name = d->r->organisations[i].name;
        if (strncmp(name, prefix, pl) != 0)
            continue;
        const char *word = name + pl;
        while (*word == ' ')
            word++;
        if (strncmp(word, d->text + b, n) != 0 || (word[n] != ' ' && word[n] != '\0'))
            continue;
        if (found >= 0)
            return -1;
        found = (long)i;
    }
    return found;
}

/* A company named in a party's place by the first word of its name (บริษัท หัวเว่ย เทคโนโลยี่
 * (ประเทศไทย) จำกัด ... ลงนามความร่วมมือกับหัวเว่ย): that word is a mention of it. */
static enum tg_status short_parties(struct xdoc *d)
{
    enum tg_status st = TG_OK;
    for (size_t c = 0; c < sizeof party_slots / sizeof *party_slots; c++) {
        size_t cl = strlen(party_slots[c]);
        for (const char *p = d->text;
             st == TG_OK && (p = xd_find(p, d->len - (size_t)(p - d->text), party_slots[c], cl));
             p += cl) {
            size_t b = xd_skip_spaces(d, (size_t)(p - d->text) + cl), e = b, w = 1;
            while (e < d->len && w && !tg_text_is_blank(xd_cp(d, e, &w)) &&
                   xd_is_thai(xd_cp(d, e, NULL)))
                e += w;
            if (e - b < SHORT_NAME_MIN || e - b > ITEM_MAX || !bare_name(d, b, e) ||
                xd_excluded(d, b, e))
                continue;
            long org = company_named(d, b, e);
            if (org >= 0)
                st = xd_org_short(d, b, e, org);
        }
    }
    return st;
}

enum tg_status xd_listed_parties(struct xdoc *d)
{
    enum tg_status st = short_parties(d);
    for (size_t w = 0; st == TG_OK && w < sizeof signing_words / sizeof *signing_words; w++)
        st = listed_after(d, signing_words[w]);
    return st;
}

static enum tg_status listed_after(struct xdoc *d, const char *sign)
{
    size_t sl = strlen(sign);
    enum tg_status st = TG_OK;
    for (const char *p = d->text;
         st == TG_OK && (p = xd_find(p, d->len - (size_t)(p - d->text), sign, sl)); p += sl) {
        size_t from = (size_t)(p - d->text) + sl;
        const char *nl = memchr(d->text + from, '\n', d->len - from);
        size_t limit = nl ? (size_t)(nl - d->text) : d->len, at, b, e;
        struct numbered it;
        if (!numbered_start(d, from, limit, &it, &at))
            continue;
        while (st == TG_OK && numbered_next(d, &it, &b, &e)) {
            long org;
            if (bare_name(d, b, e) && !xd_excluded(d, b, e))
                st = xd_org_listed(d, b, e, &org);
        }
    }
    return st;
}

/* The parties a signing word at from lists after ได้แก่: numbered, or as a list of names. */
static void listed_parties(const struct xdoc *d, const struct xsentence *s, size_t from,
                           struct parties *ps)
{
    struct numbered it;
    size_t at, b, e;
    if (!numbered_start(d, from, s->e, &it, &at)) {
        if (at < s->e)
            *ps = parties_after(d, at, s->e);
        return;
    }
    while (numbered_next(d, &it, &b, &e)) {
        long org;
        party_at(d, b, e, &org);
        add_party(ps, org);
    }
}

/* Words before a list of witnesses' cue (ร่วมเป็นสักขีพยาน, เป็นประธานสักขีพยาน). */
static const char *const before_witness[] = {"ประธาน", "เป็น", "ร่วม", XD_TOGETHER, "ใน", "การ"};

/* The signatories of an agreement: the parties `ระหว่าง` lists, those before the signing word
 * and those after its `กับ`; and the witnesses before `สักขีพยาน`. */
static enum tg_status agreement_roles(const struct xdoc *d, const struct xreport *c,
                                      struct tg_extract_event *ev)
{
    const struct xsentence *s = &d->sentences[c->sentence];
    /* A draft (ร่างบันทึกความเข้าใจ ... ระหว่าง A กับ B) is not signed yet: its parties have
     * signed nothing. */
    if (ends_with(d, c->trigger_b, "ร่าง"))
        return TG_OK;
    enum tg_status st = TG_OK;
    size_t limit = c->trigger_e + BETWEEN_REACH < s->e ? c->trigger_e + BETWEEN_REACH : s->e;
    const char *between = "ระหว่าง";
    size_t bl = strlen(between);
    for (const char *p = d->text + c->trigger_b;
         st == TG_OK && (p = xd_find(p, limit - (size_t)(p - d->text), between, bl)); p += bl) {
        size_t b = (size_t)(p - d->text) + bl;
        if (xd_find(d->text + c->trigger_b, (size_t)(p - d->text) - c->trigger_b, "ร่าง",
                    strlen("ร่าง")))
            break;
        struct parties ps = parties_after(d, b, s->e);
        st = give_role(ev, &ps, TG_EXTRACT_ROLE_SIGNATORY, s);
        /* ระหว่างสององค์กร, ระหว่างทั้งสองหน่วยงาน: the two the sentence names. */
        if (ps.n == 0 && (xd_has(d, b, "สอง") || xd_has(d, b, "ทั้งสอง"))) {
            struct parties named = {.n = 0};
            size_t q = s->b;
            for (long i; (i = xd_next_mention(d, &q, s->e)) >= 0 && named.n < 2;)
                if (d->m[i].type == TG_EXTRACT_ORGANISATION)
                    add_party(&named, d->m[i].entity);
            if (named.n == 2)
                st = give_role(ev, &named, TG_EXTRACT_ROLE_SIGNATORY, s);
        }
    }
    size_t b = skip_words_back(d, c->trigger_b, s->b, between_party_and_act,
                               sizeof between_party_and_act / sizeof *between_party_and_act);
    struct parties subject = parties_before(d, b, s->b);
    if (st == TG_OK && !directed(d, subject.b, s->b))
        st = give_role(ev, &subject, TG_EXTRACT_ROLE_SIGNATORY, s);
    size_t reach = c->trigger_e + WITH_REACH < s->e ? c->trigger_e + WITH_REACH : s->e;
    const char *with = xd_find(d->text + c->trigger_e, reach - c->trigger_e, "กับ", strlen("กับ"));
    size_t q = c->trigger_e;
    if (st == TG_OK && with && xd_next_mention(d, &q, (size_t)(with - d->text)) < 0) {
        struct parties object = parties_after(d, (size_t)(with - d->text) + strlen("กับ"), s->e);
        st = give_role(ev, &object, TG_EXTRACT_ROLE_SIGNATORY, s);
    }
    for (size_t w = 0; w < sizeof signing_words / sizeof *signing_words; w++) {
        size_t sl = strlen(signing_words[w]);
        for (const char *p = d->text + s->b;
             st == TG_OK && (p = xd_find(p, s->e - (size_t)(p - d->text), signing_words[w], sl));
             p += sl) {
            struct parties listed = {.n = 0};
            listed_parties(d, s, (size_t)(p - d->text) + sl, &listed);
            st = give_role(ev, &listed, TG_EXTRACT_ROLE_SIGNATORY, s);
        }
    }
    const char *witness = "สักขีพยาน";
    size_t wl = strlen(witness);
    for (const char *p = d->text + s->b;
         st == TG_OK && (p = xd_find(p, s->e - (size_t)(p - d->text), witness, wl)); p += wl) {
        size_t e = skip_words_back(d, (size_t)(p - d->text), s->b, before_witness,
                                   sizeof before_witness / sizeof *before_witness);
        struct parties ps = parties_before(d, e, s->b);
        st = give_role(ev, &ps, TG_EXTRACT_ROLE_WITNESS, s);
    }
    return st;
}

/* The bodies a sentence opens with act together when a ร่วมกัน before the trigger says so,
 * however much the sentence tells of them in between (สมาคม ก (สงร.) และธนาคารสมาชิกทุกแห่ง
 * ประกอบด้วย ธนาคาร ข ... และบรรษัท ค ตระหนักถึง... จึงเห็นร่วมกันที่จะออกมาตรการ: an association
 * and its members issue the measure; membership is no parent relation): every organisation
 * named before that ร่วมกัน is a joint organiser (issue 9, class 8). */
static enum tg_status joint_subjects(const struct xdoc *d, const struct xsentence *s,
                                     const struct xreport *c, struct tg_extract_event *ev)
{
    size_t n = strlen(XD_TOGETHER);
    if (xd_mention_at(d, s->b, TG_EXTRACT_ORGANISATION) < 0)
        return TG_OK;
    const char *joint = NULL;
    for (const char *p = d->text + s->b;
         (p = xd_find(p, c->trigger_b - (size_t)(p - d->text), XD_TOGETHER, n)); p += n)
        joint = p;
    if (!joint)
        return TG_OK;
    struct parties ps = {.b = s->b, .e = (size_t)(joint - d->text)};
    size_t pos = s->b;
    for (long i; (i = xd_next_mention(d, &pos, ps.e)) >= 0;)
        if (d->m[i].type == TG_EXTRACT_ORGANISATION)
            add_party(&ps, d->m[i].entity);
    return ps.n > 1 ? give_role(ev, &ps, TG_EXTRACT_ROLE_CO_HOST, s) : TG_OK;
}

/* Whether the sentence is quoted speech: what someone says, not what the article reports. */
static bool quoted(const struct xdoc *d, const struct xsentence *s)
{
    uint32_t first = xd_cp(d, s->b, NULL);
    return first == 0x201C || first == '"';
}

enum tg_status xd_sentence_parties(struct xdoc *d, const struct xreport *c,
                                   struct tg_extract_event *ev)
{
    const struct xsentence *s = &d->sentences[c->sentence];
    if (quoted(d, s))
        return TG_OK;
    enum tg_status st = joint_roles(d, s, ev);
    if (st == TG_OK)
        st = cue_roles(d, s, ev);
    if (st == TG_OK)
        st = programme_partners(d, s, c->trigger_e, ev);
    if (st == TG_OK && c->agreement)
        st = agreement_roles(d, c, ev);
    if (st == TG_OK)
        st = joint_subjects(d, s, c, ev);
    const char *chair = xd_find(d->text + s->b, s->e - s->b, "เป็นประธาน", strlen("เป็นประธาน"));
    long chair_person = -1;
    size_t pos = s->b;
    for (long i; st == TG_OK && (i = xd_next_mention(d, &pos, s->e)) >= 0;) {
        const struct xmention *m = &d->m[i];
        if (in_example_list(d, s, m->b))
            continue;
        if (m->type == TG_EXTRACT_ORGANISATION)
            st = add_participant(&ev->organisations, &ev->organisation_count, m->entity,
                                 TG_EXTRACT_ROLE_ATTENDEE, s);
        else if (m->type == TG_EXTRACT_PERSON && (!c->agreement || !c->shared)) {
            st = add_participant(&ev->people, &ev->person_count, m->entity,
                                 TG_EXTRACT_ROLE_ATTENDEE, s);
            if (chair && m->b < (size_t)(chair - d->text))
                chair_person = m->entity;
        }
    }
    if (c->agreement)
        chair_person = -1;
    if (st != TG_OK || chair_person < 0)
        return st;
    st = add_participant(&ev->people, &ev->person_count, chair_person, TG_EXTRACT_ROLE_CHAIR, s);
    /* The presiding person's body presides; settle_roles makes it the host when the event names
     * no organiser, whichever sentence names them. */
    long org = person_org(d, chair_person);
    if (st == TG_OK && org >= 0)
        st = add_participant(&ev->organisations, &ev->organisation_count, org,
                             TG_EXTRACT_ROLE_CHAIR, s);
    return st;
}

/* The title line past the site's name the page furniture marks (รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-...):
 * no sentence of its own, since sentences hold no furniture, yet the line that says most
 * plainly who acted with whom. False when no such line is left. */
static bool title_line(const struct xdoc *d, struct xsentence *title)
{
    const char *nl = memchr(d->text, '\n', d->len);
    size_t b = 0, e = nl ? (size_t)(nl - d->text) : d->len;
    while (b < e && xd_excluded(d, b, b + 1))
        b++;
    b = xd_skip_spaces(d, b);
    *title = (struct xsentence){b, e};
    return b > 0 && b < e && !xd_excluded(d, b, e);
}

/* Thanks for organising the occasion the article reports (นายอนุทินได้ขอบคุณและชื่นชม
 * คณะกรรมการ ก และคณะกรรมการ ข ... ร่วมกับ ศูนย์ ค มูลนิธิ ง ... ที่ได้ร่วมกันจัดงานครั้งนี้ โดย
 * การสนับสนุนจาก สสส. และกองทุน จ; ขอบคุณ ... ที่ช่วยกันจัดงานในครั้งนี้): the bodies thanked
 * organised it, those it names as supporting it are its partners (issue 9, class 8). The
 * occasion is pointed at by a word glued to its จัด (จัดงานครั้งนี้, จัดงานนี้). */
static const char *const thanks_words[] = {"ขอบคุณ", "ขอขอบคุณ"};
static const char *const this_occasion[] = {"ครั้งนี้", "งานนี้"};
#define ORGANISE "จัด"

/* The start of the word at e's end that organises this occasion, or 0. */
static size_t organises_this(const struct xdoc *d, size_t floor, size_t e)
{
    size_t w = e;
    while (w > floor && !tg_text_is_blank(xd_cp_before(d, w)))
        w--;
    const char *org = xd_find(d->text + w, e - w, ORGANISE, strlen(ORGANISE));
    if (!org || has_any(d, (size_t)(org - d->text) + strlen(ORGANISE), not_organising,
                        sizeof not_organising / sizeof *not_organising))
        return 0;
    return (size_t)(org - d->text);
}

static enum tg_status thanked_organisers(const struct xdoc *d, const struct xsentence *s,
                                         struct tg_extract_event *main)
{
    const char *thanks = NULL;
    for (size_t i = 0; !thanks && i < sizeof thanks_words / sizeof *thanks_words; i++)
        thanks = xd_find(d->text + s->b, s->e - s->b, thanks_words[i], strlen(thanks_words[i]));
    if (!thanks)
        return TG_OK;
    size_t from = (size_t)(thanks - d->text), cue = 0, cue_e = 0;
    for (size_t i = 0; !cue && i < sizeof this_occasion / sizeof *this_occasion; i++) {
        size_t n = strlen(this_occasion[i]);
        for (const char *p = d->text + from;
             !cue && (p = xd_find(p, s->e - (size_t)(p - d->text), this_occasion[i], n)); p += n)
            if ((cue = organises_this(d, from, (size_t)(p - d->text))))
                cue_e = (size_t)(p - d->text) + n;
    }
    if (!cue)
        return TG_OK;
    struct parties ps = {.b = from, .e = cue};
    size_t pos = from;
    for (long i; (i = xd_next_mention(d, &pos, cue)) >= 0;)
        if (d->m[i].type == TG_EXTRACT_ORGANISATION)
            add_party(&ps, d->m[i].entity);
    enum tg_status st =
        give_role(main, &ps, ps.n > 1 ? TG_EXTRACT_ROLE_CO_HOST : TG_EXTRACT_ROLE_HOST, s);
    const struct xsentence rest = {cue_e, s->e};
    return st == TG_OK ? cue_roles(d, &rest, main) : st;
}

/* What parties named around a joint cue carry out when it is a scheme: a programme or plan
 * that runs over time, not an occasion of one day (กระทรวง ก ร่วมกับกระทรวง ข จัดทำโครงการ
 * “...”, กรม ค ร่วมกับบริษัท ง สนับสนุนกล่องไปรษณีย์ ...), and the words between the parties
 * and it. */
static const char *const scheme_acts[] = {"จัดทำโครงการ", "ดำเนินโครงการ",   "ดำเนินการโครงการ",
                                          "จัดโครงการ",   "ขับเคลื่อนโครงการ", "จัดทำแผน",
                                          "สนับสนุน"};
static const char *const before_scheme[] = {"ได้", "ร่วม", XD_TOGETHER, "จะ", "ยัง"};
/* Words that name a scheme's partners without a joint cue (โครงการ ... ภายใต้ความร่วมมือระหว่าง
 * ก และ ข); their lists are read by cue_roles. */
static const char *const scheme_cues[] = {"ภายใต้ความร่วมมือ", "โดยความร่วมมือ"};

/* Whether the scheme's act follows at (past the words before_scheme lists). */
static bool scheme_act_at(const struct xdoc *d, size_t at)
{
    at = xd_skip_spaces(d, at);
    for (bool more = true; more;) {
        more = false;
        for (size_t i = 0; i < sizeof before_scheme / sizeof *before_scheme && !more; i++)
            if (xd_has(d, at, before_scheme[i]) &&
                !has_any(d, at, scheme_acts, sizeof scheme_acts / sizeof *scheme_acts)) {
                at = xd_skip_spaces(d, at + strlen(before_scheme[i]));
                more = true;
            }
    }
    return has_any(d, at, scheme_acts, sizeof scheme_acts / sizeof *scheme_acts);
}

/* Whether parties of s carry out a scheme together: the list after a joint cue (ก ร่วมกับ ข
 * จัดทำโครงการ) or the list before ร่วมกัน (ก ข และ ค ร่วมกันจัดทำโครงการ) goes on to its act. */
static bool joint_scheme(const struct xdoc *d, const struct xsentence *s)
{
    for (size_t j = 0; j <= N_JOINT_CUES; j++) {
        const char *cue = j < N_JOINT_CUES ? joint_cues[j] : XD_TOGETHER;
        size_t n = strlen(cue);
        for (const char *p = d->text + s->b; (p = xd_find(p, s->e - (size_t)(p - d->text), cue, n));
             p += n) {
            size_t at = (size_t)(p - d->text) + n;
            if (j < N_JOINT_CUES) {
                struct parties right = parties_after(d, at, s->e);
                if (right.n == 0)
                    continue;
                at = right.e;
            }
            if (scheme_act_at(d, at))
                return true;
        }
    }
    return false;
}

/* Thanks for cooperating (ขอขอบคุณบริษัท ก และกระทรวง ข (ดีอีเอส) ที่ร่วมมือ, ที่ให้ความร่วมมือ):
 * the bodies thanked are partners of the scheme the sentence tells of. */
static const char *const before_cooperation[] = {"ที่", "ได้", "ให้", "ความ"};

static enum tg_status thanked_partners(const struct xdoc *d, const struct xsentence *s,
                                       struct tg_extract_event *ev)
{
    const char *cooperate = "ร่วมมือ";
    size_t cl = strlen(cooperate);
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < sizeof thanks_words / sizeof *thanks_words; i++) {
        size_t tl = strlen(thanks_words[i]);
        for (const char *p = d->text + s->b;
             st == TG_OK && (p = xd_find(p, s->e - (size_t)(p - d->text), thanks_words[i], tl));
             p += tl) {
            size_t from = (size_t)(p - d->text) + tl;
            const char *c = xd_find(d->text + from, s->e - from, cooperate, cl);
            if (!c)
                continue;
            size_t e = skip_words_back(d, (size_t)(c - d->text), from, before_cooperation,
                                       sizeof before_cooperation / sizeof *before_cooperation);
            struct parties ps = parties_before(d, e, from);
            if (ps.b == xd_skip_spaces(d, from))
                st = give_role(ev, &ps, TG_EXTRACT_ROLE_PARTNER, s);
        }
    }
    return st;
}

static size_t collaborating(const struct tg_extract_event *ev)
{
    size_t n = 0;
    for (size_t i = 0; i < ev->organisation_count; i++)
        n += tg_extract_role_collaborates(ev->organisations[i].role);
    return n;
}

/* A day dates a scheme when it opens its sentence (room for เมื่อวันอาทิตย์ที่) or closes it
 * (room for a clock time), in bytes, as events.c frames a sentence by its date. */
#define SCHEME_OPEN_REACH  90
#define SCHEME_CLOSE_REACH 45

/* How many code points a scheme's title may have. */
#define SCHEME_TITLE_MAX 100

/* The scheme's words as its title: from its first act or cue (จัดทำโครงการ “เกษตรกร Happy”) to
 * the first blank outside quotation marks that no quoted name follows. */
static char *scheme_title(const struct xdoc *d, const struct xsentence *s)
{
    size_t b = s->e;
    const char *const *lists[] = {scheme_acts, scheme_cues};
    const size_t sizes[] = {sizeof scheme_acts / sizeof *scheme_acts,
                            sizeof scheme_cues / sizeof *scheme_cues};
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i < sizes[l]; i++) {
            const char *p = xd_find(d->text + s->b, s->e - s->b, lists[l][i], strlen(lists[l][i]));
            if (p && (size_t)(p - d->text) < b)
                b = (size_t)(p - d->text);
        }
    size_t e = b, w;
    bool quoted = false;
    for (int cps = 0; e < s->e && cps < SCHEME_TITLE_MAX; cps++, e += w) {
        uint32_t cp = xd_cp(d, e, &w);
        if (cp == 0x201C || cp == 0x201D || cp == '"')
            quoted = cp == '"' ? !quoted : cp == 0x201C;
        else if (tg_text_is_blank(cp) && !quoted && xd_cp(d, xd_skip_spaces(d, e), NULL) != 0x201C)
            break;
    }
    return xd_dup(d->text + b, e - b);
}

/* A scheme that a sentence reporting no occasion tells of (issue 9, class 8: กระทรวงเกษตรและ
 * สหกรณ์ ร่วมกับกระทรวงพาณิชย์จัดทำโครงการ “เกษตรกร Happy” ..., a programme ภายใต้ความร่วมมือ
 * ของ ...) is a programme of its own, its parties partners of one another, not of the day's
 * occasion the article reports. It is dated by a day that frames its sentence (SME D Success ...
 * โดยความร่วมมือระหว่าง SME D Bank กับ ... CP ALL วันที่ 27 ม.ค.66 13.30 น.), else undated: the
 * release dates the statement, not a scheme that runs over time, and a day inside the sentence
 * is as often an occasion the scheme marks (ถวายเป็นพระราชกุศล ... 28 กรกฎาคม 2567). *made is
 * whether the sentence gave one. */
static enum tg_status scheme_event(struct xdoc *d, const struct xsentence *s, bool *made)
{
    *made = false;
    bool cued = false;
    for (size_t i = 0; !cued && i < sizeof scheme_cues / sizeof *scheme_cues; i++)
        cued = xd_find(d->text + s->b, s->e - s->b, scheme_cues[i], strlen(scheme_cues[i]));
    if (!cued && !joint_scheme(d, s))
        return TG_OK;
    struct tg_extract_event ev = {.kind = TG_EXTRACT_EVENT_PROGRAMME,
                                  .place = -1,
                                  .programme = -1,
                                  .evidence = xd_sentence_evidence(s)};
    enum tg_status st = joint_roles(d, s, &ev);
    if (st == TG_OK)
        st = cue_roles(d, s, &ev);
    if (st == TG_OK)
        st = programme_partners(d, s, s->b, &ev);
    /* Under a cooperation with others (ธ.กรุงไทยเปิดบริการ ... ภายใต้ความร่วมมือกับ ธปท.และธนาคาร
     * กลางสิงคโปร์) the body the sentence opens with is a party too. */
    const char *with = "ความร่วมมือกับ";
    if (st == TG_OK && xd_find(d->text + s->b, s->e - s->b, with, strlen(with))) {
        struct parties subject = parties_after(d, s->b, s->e);
        if (subject.b == s->b && !directed(d, s->b, s->b))
            st = give_role(&ev, &subject, TG_EXTRACT_ROLE_HOST, s);
    }
    for (size_t i = 0; st == TG_OK && i < sizeof scheme_acts / sizeof *scheme_acts; i++)
        st = roles_before_cue(d, s, scheme_acts[i], TG_EXTRACT_ROLE_HOST, &ev);
    if (st == TG_OK)
        st = thanked_partners(d, s, &ev);
    size_t pos = s->b;
    for (long i; st == TG_OK && (i = xd_next_mention(d, &pos, s->e)) >= 0;)
        if (d->m[i].type == TG_EXTRACT_PROGRAMME && ev.programme < 0)
            ev.programme = d->m[i].entity;
    for (size_t i = xd_first_date(d, s->b); i < d->n_dates && d->dates[i].byte_end <= s->e; i++)
        if (d->dates[i].first.precision == TG_DATE_PRECISION_DAY &&
            (d->dates[i].byte_start - s->b <= SCHEME_OPEN_REACH ||
             s->e - d->dates[i].byte_end <= SCHEME_CLOSE_REACH)) {
            ev.date = d->dates[i].first;
            ev.date_from_text = true;
            break;
        }
    struct tg_extract_result *r = d->r;
    /* A scheme whose launch the article reports (เปิดโครงการอาสาพัฒนา ... ก ร่วมกับ ข ดำเนิน
     * โครงการอาสาพัฒนา) is that event: its parties are the launch's. */
    struct tg_extract_event *launch = NULL;
    for (size_t i = 0; ev.programme >= 0 && !launch && i < r->event_count; i++)
        if (r->events[i].programme == ev.programme)
            launch = &r->events[i];
    for (size_t i = 0; launch && st == TG_OK && collaborating(&ev) > 1 && i < ev.organisation_count;
         i++)
        st = add_participant(&launch->organisations, &launch->organisation_count,
                             ev.organisations[i].entity, ev.organisations[i].role, s);
    *made = launch && collaborating(&ev) > 1;
    struct tg_extract_event *grown = NULL;
    if (st == TG_OK && !launch && collaborating(&ev) > 1) {
        if (!(ev.sentence = xd_dup(d->text + s->b, s->e - s->b)) ||
            !(ev.title = scheme_title(d, s)) ||
            !(grown = realloc(r->events, (r->event_count + 1) * sizeof *grown)))
            st = TG_ERR_NOMEM;
    }
    if (grown) {
        r->events = grown;
        r->events[r->event_count++] = ev;
        *made = true;
        return TG_OK;
    }
    free(ev.title);
    free(ev.sentence);
    free(ev.organisations);
    free(ev.people);
    return st;
}

/* The roles a sentence that reports no event gives the events the article reports: a joint
 * cue (พม. จับมือ สสส. พัฒนาเด็กในชุมชน) to its main event, a joint statement (ดศ. ตร. สคบ. กสทช.
 * ปปง. ร่วมแถลงมาตรการ...) to its press conference. */
static enum tg_status headline_sentence_roles(const struct xdoc *d, const struct xsentence *s,
                                              struct tg_extract_event *main,
                                              struct tg_extract_event *statement)
{
    enum tg_status st = joint_roles(d, s, main);
    if (st == TG_OK && statement)
        st = roles_before_cue(d, s, "ร่วมแถลง", TG_EXTRACT_ROLE_CO_HOST, statement);
    return st;
}

/* A headline or lead without a trigger word still says who works with whom in the event the
 * article reports: its first event other than a recalled agreement. */
enum tg_status xd_headline_roles(struct xdoc *d)
{
    struct tg_extract_result *r = d->r;
    size_t reported = r->event_count;
    enum tg_status st = TG_OK;
    bool *scheme = calloc(d->n_sentences + 1, sizeof *scheme);
    if (!scheme)
        return TG_ERR_NOMEM;
    /* Schemes first: they add events, which would move the events pointed at below. */
    for (size_t i = 0; st == TG_OK && i < d->n_sentences; i++)
        if (!xd_reports_event(d, i) && !quoted(d, &d->sentences[i]))
            st = scheme_event(d, &d->sentences[i], &scheme[i]);
    if (st != TG_OK || reported == 0) {
        free(scheme);
        return st;
    }
    struct tg_extract_event *main = &r->events[0], *statement = NULL;
    for (size_t i = reported; i-- > 0;) {
        if (r->events[i].kind != TG_EXTRACT_EVENT_AGREEMENT)
            main = &r->events[i];
        if (r->events[i].kind == TG_EXTRACT_EVENT_ANNOUNCEMENT)
            statement = &r->events[i];
    }
    struct xsentence title;
    if (title_line(d, &title) && !quoted(d, &title))
        st = headline_sentence_roles(d, &title, main, statement);
    for (size_t i = 0; st == TG_OK && i < d->n_sentences; i++)
        if (!scheme[i] && !xd_reports_event(d, i) && !quoted(d, &d->sentences[i]))
            st = headline_sentence_roles(d, &d->sentences[i], main, statement);
    for (size_t i = 0; st == TG_OK && i < d->n_sentences; i++)
        st = thanked_organisers(d, &d->sentences[i], main);
    free(scheme);
    return st;
}

static bool has_role(const struct tg_extract_event *ev, enum tg_extract_role role)
{
    for (size_t i = 0; i < ev->organisation_count; i++)
        if (ev->organisations[i].role == role)
            return true;
    return false;
}

/* Roles that depend on the whole event rather than on one sentence. The body of the person
 * presiding hosts an event that names no organiser. A host one sentence names beside joint
 * organisers another sentence names is not one of them (กระทรวงแรงงานจัดโครงการ... in one
 * sentence, สมาคม ก และ ศูนย์ ข จัดการอบรม in the next): it only takes part. */
static void settle_roles(struct tg_extract_event *ev)
{
    bool organised = has_role(ev, TG_EXTRACT_ROLE_HOST) || has_role(ev, TG_EXTRACT_ROLE_CO_HOST) ||
                     has_role(ev, TG_EXTRACT_ROLE_SIGNATORY);
    for (size_t i = 0; !organised && i < ev->organisation_count; i++)
        if (ev->organisations[i].role == TG_EXTRACT_ROLE_CHAIR) {
            ev->organisations[i].role = TG_EXTRACT_ROLE_HOST;
            organised = true;
        }
    for (size_t i = 0; i < ev->organisation_count; i++) {
        struct tg_extract_participant *host = &ev->organisations[i];
        if (host->role != TG_EXTRACT_ROLE_HOST)
            continue;
        bool apart = false, beside = false;
        for (size_t k = 0; k < ev->organisation_count; k++)
            if (ev->organisations[k].role == TG_EXTRACT_ROLE_CO_HOST) {
                bool same = ev->organisations[k].evidence.byte_start == host->evidence.byte_start;
                beside = beside || same;
                apart = apart || !same;
            }
        if (apart && !beside)
            host->role = TG_EXTRACT_ROLE_ATTENDEE;
    }
}

/* Words that open the name of a unit, and of the bodies whose units take their name. */
static const char *const unit_words[] = {"สำนักงาน", "สำนัก", "กอง", "ศูนย์"};
static const char *const body_words[] = {"กระทรวง", "กรม"};
/* The shortest part of a body's name a unit's name must repeat (four Thai letters). */
#define STEM_MIN 12

/* Of organisations a and b, the one that is no party beside the other, or -1: b's name holds
 * a's whole name, so b is a written in full (ศูนย์คุณธรรม (องค์การมหาชน) for ศูนย์คุณธรรม, SME D
 * Bank for D Bank: a gives way) or, when a unit word opens it, a's unit
 * (สำนักงานคณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ, สำนักงานปลัดกระทรวงสาธารณสุข: b gives
 * way); or b opens with a unit word and a's name past its กรม or กระทรวง
 * (สำนักงานศุลกากรท่าเรือแหลมฉบัง of กรมศุลกากร, สำนักงานอุตสาหกรรมจังหวัดราชบุรี of
 * กระทรวงอุตสาหกรรม: b gives way). */
static long lesser_namesake(const struct xdoc *d, long a, long b)
{
    const char *ka = d->r->organisations[a].key, *kb = d->r->organisations[b].key;
    const char *rest = past_word(kb, unit_words, sizeof unit_words / sizeof *unit_words);
    const char *within = strstr(kb, ka);
    if (within)
        return within > kb && rest && rest <= within ? b : a;
    const char *stem = past_word(ka, body_words, sizeof body_words / sizeof *body_words);
    bool unit = stem && rest && strlen(stem) >= STEM_MIN && strncmp(rest, stem, strlen(stem)) == 0;
    return unit ? b : -1;
}

/* A body named twice, or a body and its unit by name, are one party (issue 9, class 8): the
 * namesake or unit takes part without a role of its own. */
static void demote_namesakes(const struct xdoc *d, struct tg_extract_event *ev)
{
    for (size_t i = 0; i < ev->organisation_count; i++)
        for (size_t k = 0; k < ev->organisation_count; k++) {
            struct tg_extract_participant *a = &ev->organisations[i], *b = &ev->organisations[k];
            if (i == k || a->entity == b->entity || !tg_extract_role_collaborates(a->role) ||
                !tg_extract_role_collaborates(b->role))
                continue;
            long lesser = lesser_namesake(d, a->entity, b->entity);
            if (lesser >= 0)
                (lesser == a->entity ? a : b)->role = TG_EXTRACT_ROLE_ATTENDEE;
        }
}

/* An event is a collaboration when two of its organisations with collaborating roles are not
 * one another's parent or child: a minister's notice to his own department is none. */
void xd_mark_collaborations(struct xdoc *d)
{
    for (size_t e = 0; e < d->r->event_count; e++) {
        struct tg_extract_event *ev = &d->r->events[e];
        settle_roles(ev);
        demote_namesakes(d, ev);
        ev->collaboration = false;
        for (size_t i = 0; i < ev->organisation_count && !ev->collaboration; i++)
            for (size_t k = i + 1; k < ev->organisation_count && !ev->collaboration; k++) {
                const struct tg_extract_participant *a = &ev->organisations[i];
                const struct tg_extract_participant *b = &ev->organisations[k];
                ev->collaboration = tg_extract_role_collaborates(a->role) &&
                                    tg_extract_role_collaborates(b->role) &&
                                    !ancestor_or_self(d, a->entity, b->entity) &&
                                    !ancestor_or_self(d, b->entity, a->entity);
            }
    }
}
