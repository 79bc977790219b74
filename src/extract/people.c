/*
 * People: an honorific or rank, a given name and a family name; later partial mentions resolve
 * to the full person of the document; a position title after the name gives a position.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "thaigraph/utf8.h"

struct pcand {
    size_t b, e;
    size_t given_b, given_e;
    size_t family_b, family_e; /* equal when the mention has no family name */
    const struct tg_gazetteer_entry *honorific;
    long person;
};

struct pcands {
    struct pcand *c;
    size_t n, cap;
    unsigned char *claimed; /* one mark per byte of the text */
};

static size_t gazetteer_len(const struct xdoc *d, size_t b, enum tg_gazetteer_type type,
                            const struct tg_gazetteer_entry **entry)
{
    const struct tg_gazetteer_entry *e;
    size_t n;
    if (tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b, TG_GAZETTEER_MASK(type), &e,
                              &n) != TG_OK)
        return 0;
    if (entry)
        *entry = e;
    return n;
}

/* A word that can be part of a name: Thai, two to thirty characters, and not a word that
 * starts a clause, a title or an organisation. */
static size_t name_word(const struct xdoc *d, size_t b)
{
    size_t e = xd_thai_run(d, b);
    /* ดร.สาธิตกล่าวว่า: the name ends where a glued verb starts. */
    for (size_t p = xd_token_after(d, b); p > b && p < e;) {
        size_t next = xd_token_after(d, p);
        if (xd_stop_word_at(d, p) || next == p) {
            e = xd_stop_word_at(d, p) ? p : e;
            break;
        }
        p = next;
    }
    size_t cps = tg_utf8_count(d->text + b, e - b);
    if (cps < 2 || cps > 30 || xd_stop_word_at(d, b) || xd_has(d, b, "ผู้") ||
        gazetteer_len(d, b, TG_GAZETTEER_POSITION, NULL) ||
        gazetteer_len(d, b, TG_GAZETTEER_HONORIFIC, NULL) ||
        gazetteer_len(d, b, TG_GAZETTEER_ORGANISATION, NULL) ||
        gazetteer_len(d, b, TG_GAZETTEER_PROVINCE, NULL))
        return b;
    return e;
}

static bool taken(const struct xdoc *d, const struct pcands *cs, size_t b, size_t e)
{
    return xd_claimed(cs->claimed, b, e) || xd_overlap(d, b, e) >= 0 || xd_excluded(d, b, e);
}

/* Given and family name from b; false when no given name starts there. */
static bool read_name(const struct xdoc *d, size_t b, struct pcand *c)
{
    c->given_b = b;
    c->given_e = name_word(d, b);
    if (c->given_e == b)
        return false;
    c->family_b = c->family_e = c->given_e;
    size_t w;
    if (xd_is_space(xd_cp(d, c->given_e, &w))) {
        size_t f = c->given_e + w;
        size_t fe = name_word(d, f);
        if (fe > f) {
            c->family_b = f;
            c->family_e = fe;
        }
    }
    c->e = c->family_e;
    return true;
}

static enum tg_status push(struct pcands *cs, struct pcand c)
{
    struct pcand *grown = xd_claim(cs->c, &cs->n, &cs->cap, &c, sizeof c, cs->claimed, c.b, c.e);
    if (grown)
        cs->c = grown;
    return grown ? TG_OK : TG_ERR_NOMEM;
}

/* Honorific-led names; a title that reads like one (นายแพทย์สาธารณสุขจังหวัด) is a position. */
static enum tg_status scan_honorifics(struct xdoc *d, struct pcands *cs)
{
    for (size_t t = 0; t < d->n_tokens; t++) {
        size_t b = d->tokens[t].byte_start;
        const struct tg_gazetteer_entry *hon;
        size_t hn = gazetteer_len(d, b, TG_GAZETTEER_HONORIFIC, &hon);
        if (!hn || gazetteer_len(d, b, TG_GAZETTEER_POSITION, NULL) > hn)
            continue;
        if (d->text[b + hn - 1] != '.' && !xd_token_end(d, b + hn) &&
            !xd_is_space(xd_cp(d, b + hn, NULL)))
            continue;
        struct pcand c = {.b = b, .honorific = hon, .person = -1};
        if (!read_name(d, xd_skip_spaces(d, b + hn), &c) || taken(d, cs, c.b, c.e))
            continue;
        enum tg_status st = push(cs, c);
        if (st != TG_OK)
            return st;
    }
    return TG_OK;
}

/* Two-word names the tagger found without an honorific, when a position title follows them:
 * the tagger alone takes too many noun pairs (พลังปัญญา พลังกาย) for names. */
static enum tg_status scan_ner(struct xdoc *d, struct pcands *cs)
{
    for (size_t i = 0; i < d->n_ner; i++) {
        const struct tg_ner_span *s = &d->ner[i];
        if (s->type != TG_NER_PERSON)
            continue;
        size_t b = s->byte_start +
                   tg_ner_title_length(d->text + s->byte_start, s->byte_end - s->byte_start);
        struct pcand c = {.b = s->byte_start, .person = -1};
        if (b != s->byte_start)
            continue;
        if (!read_name(d, b, &c) || c.family_e == c.family_b || c.e != s->byte_end ||
            taken(d, cs, c.b, c.e) ||
            !gazetteer_len(d, xd_skip_spaces(d, c.e), TG_GAZETTEER_POSITION, NULL))
            continue;
        enum tg_status st = push(cs, c);
        if (st != TG_OK)
            return st;
    }
    return TG_OK;
}

static long find_person(const struct xdoc *d, const char *given, size_t gn, bool need_family)
{
    for (size_t i = 0; i < d->r->person_count; i++) {
        const struct tg_extract_person *p = &d->r->people[i];
        if (strlen(p->given) == gn && memcmp(p->given, given, gn) == 0 &&
            (!need_family || p->family))
            return (long)i;
    }
    return -1;
}

static const char *honorific_form(const struct tg_gazetteer_entry *hon)
{
    const struct tg_gazetteer_entry *full = tg_gazetteer_entry_parent(hon);
    return tg_gazetteer_entry_name(full ? full : hon);
}

static enum tg_status new_person(struct xdoc *d, const struct pcand *c)
{
    struct tg_extract_result *r = d->r;
    struct tg_extract_person *grown =
        xd_grow(r->people, &d->cap_people, r->person_count + 1, sizeof *grown);
    if (!grown)
        return TG_ERR_NOMEM;
    r->people = grown;
    struct tg_extract_person *p = &r->people[r->person_count++];
    size_t gn = c->given_e - c->given_b, fn = c->family_e - c->family_b;
    /* One plain space between the names, whatever blank the text had there. */
    size_t sep = fn ? 1 : 0;
    if ((p->name = malloc(gn + sep + fn + 1))) {
        memcpy(p->name, d->text + c->given_b, gn);
        memset(p->name + gn, ' ', sep);
        memcpy(p->name + gn + sep, d->text + c->family_b, fn);
        p->name[gn + sep + fn] = '\0';
    }
    p->given = xd_dup(d->text + c->given_b, gn);
    if (fn)
        p->family = xd_dup(d->text + c->family_b, fn);
    if (c->honorific) {
        const char *h = honorific_form(c->honorific);
        p->honorific = xd_dup(h, strlen(h));
    }
    if (!p->name || !p->given || (c->family_e > c->family_b && !p->family) ||
        (c->honorific && !p->honorific))
        return TG_ERR_NOMEM;
    p->key = tg_text_key(p->name, strlen(p->name));
    return p->key ? TG_OK : TG_ERR_NOMEM;
}

/* Full names first, so that a partial mention anywhere in the text finds its person. */
static enum tg_status resolve(struct xdoc *d, struct pcands *cs)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < cs->n; i++) {
            struct pcand *c = &cs->c[i];
            bool full = c->family_e > c->family_b;
            if (full != (pass == 0))
                continue;
            const char *given = d->text + c->given_b;
            size_t gn = c->given_e - c->given_b;
            c->person = find_person(d, given, gn, true);
            if (c->person >= 0 && full) {
                const char *fam = d->r->people[c->person].family;
                if (strlen(fam) != c->family_e - c->family_b ||
                    memcmp(fam, d->text + c->family_b, strlen(fam)) != 0)
                    c->person = -1;
            }
            /* A given name alone names someone the document names in full; on its own it is
             * as likely a noun after a title-like word (คุณประโยชน์, อ.เมือง). */
            if (c->person < 0 && !full)
                continue;
            if (c->person < 0) {
                enum tg_status st = new_person(d, c);
                if (st != TG_OK)
                    return st;
                c->person = (long)d->r->person_count - 1;
            }
            struct tg_extract_person *p = &d->r->people[c->person];
            if (!p->honorific && c->honorific) {
                const char *h = honorific_form(c->honorific);
                if (!(p->honorific = xd_dup(h, strlen(h))))
                    return TG_ERR_NOMEM;
            }
        }
    }
    return TG_OK;
}

/* A given name alone (วิเชียร กล่าว) is the person of this document who has it. */
struct given {
    const char *name;
    size_t len;
    long person;
};

static int by_given(const void *x, const void *y)
{
    const struct given *a = x, *b = y;
    int c = memcmp(a->name, b->name, a->len < b->len ? a->len : b->len);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* Looks every Thai run standing alone (a given name is never glued to other Thai letters) up
 * in the sorted given names, so the text is read once however many people it names. */
static enum tg_status scan_given_names(struct xdoc *d, struct pcands *cs)
{
    size_t n = d->r->person_count;
    struct given *names = calloc(n + 1, sizeof *names);
    if (!names)
        return TG_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        names[i] = (struct given){d->r->people[i].given, strlen(d->r->people[i].given), (long)i};
    if (n > 1)
        qsort(names, n, sizeof *names, by_given);
    enum tg_status st = TG_OK;
    size_t w;
    for (size_t b = 0; st == TG_OK && b < d->len; b += w) {
        if (!xd_is_thai(xd_cp(d, b, &w)) || xd_is_thai(xd_cp_before(d, b)))
            continue;
        size_t e = xd_thai_run(d, b);
        struct given key = {d->text + b, e - b, -1};
        const struct given *hit = bsearch(&key, names, n, sizeof *names, by_given);
        if (hit && !taken(d, cs, b, e))
            st = push(cs, (struct pcand){.b = b,
                                         .e = e,
                                         .given_b = b,
                                         .given_e = e,
                                         .family_b = e,
                                         .family_e = e,
                                         .person = hit->person});
        w = e - b;
    }
    free(names);
    return st;
}

/* `<person> <title><organisation>` or `<person> <title> <ABBR.>`. */
static enum tg_status read_position(struct xdoc *d, const struct pcand *c)
{
    size_t b = xd_skip_spaces(d, c->e);
    const struct tg_gazetteer_entry *title;
    size_t n = gazetteer_len(d, b, TG_GAZETTEER_POSITION, &title);
    if (!n || b - c->e > 3)
        return TG_OK;
    long org = -1;
    if (tg_gazetteer_entry_takes_organisation(title)) {
        size_t last = xd_skip_spaces(d, b + n);
        for (size_t p = b + 1; p <= last && org < 0; p++) {
            long m = xd_mention_at(d, p, TG_EXTRACT_ORGANISATION);
            org = m >= 0 ? d->m[m].entity : -1;
        }
    }
    struct tg_extract_person *p = &d->r->people[c->person];
    const char *name = tg_gazetteer_entry_name(title);
    for (size_t i = 0; i < p->position_count; i++)
        if (p->positions[i].organisation == org && strcmp(p->positions[i].title, name) == 0)
            return TG_OK;
    struct tg_extract_position *grown =
        realloc(p->positions, (p->position_count + 1) * sizeof *grown);
    if (!grown)
        return TG_ERR_NOMEM;
    p->positions = grown;
    /* The sentence is found once the text is split into sentences; until then the evidence
     * marks where the name stands. */
    grown[p->position_count] = (struct tg_extract_position){
        .organisation = org, .evidence = {.byte_start = c->b, .byte_end = c->b}};
    if (!(grown[p->position_count].title = xd_dup(name, strlen(name))))
        return TG_ERR_NOMEM;
    p->position_count++;
    return TG_OK;
}

/* Every resolved candidate becomes a mention, with the position written after it. */
static enum tg_status record(struct xdoc *d, struct pcands *cs)
{
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < cs->n; i++) {
        const struct pcand *c = &cs->c[i];
        if (c->person < 0)
            continue;
        d->r->people[c->person].mention_count++;
        st = xd_add_mention(d, TG_EXTRACT_PERSON, c->b, c->e, c->person);
        if (st == TG_OK)
            st = read_position(d, c);
    }
    return st;
}

enum tg_status xd_people(struct xdoc *d)
{
    static enum tg_status (*const steps[])(struct xdoc *, struct pcands *) = {
        scan_honorifics, scan_ner, resolve, scan_given_names, record};
    struct pcands cs = {.claimed = calloc(d->len, 1)};
    enum tg_status st = cs.claimed ? TG_OK : TG_ERR_NOMEM;
    for (size_t i = 0; st == TG_OK && i < sizeof steps / sizeof *steps; i++)
        st = steps[i](d, &cs);
    free(cs.c);
    free(cs.claimed);
    return st;
}
