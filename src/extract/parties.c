/*
 * Parties of events: which organisations and people take part in an event a sentence reports,
 * each with its role (signatory, host, co-host, chair, attendee, ...), and whether the event is a
 * collaboration. events.c finds the events and their dates; this file says who did what.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

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

/* The organisation mention ending just before b (past spaces and closing brackets), or -1. */
static long org_before(const struct xdoc *d, size_t b)
{
    while (b > 0 && (xd_is_space(xd_cp_before(d, b)) || d->text[b - 1] == ')'))
        b--;
    long m = b > 0 ? xd_overlap(d, b - 1, b) : -1;
    return m >= 0 && d->m[m].type == TG_EXTRACT_ORGANISATION && d->m[m].e == b ? d->m[m].entity
                                                                               : -1;
}

static long org_after(const struct xdoc *d, size_t b)
{
    b = xd_skip_spaces(d, b);
    long m = xd_mention_at(d, b, TG_EXTRACT_ORGANISATION);
    return m >= 0 ? d->m[m].entity : -1;
}

/* `X ร่วมกับ Y`, `X จับมือ Y`: X and Y organise it together. */
static enum tg_status joint_roles(const struct xdoc *d, const struct xsentence *s,
                                  struct tg_extract_event *ev)
{
    static const char *const joint[] = {"ร่วมกับ", "จับมือ"};
    enum tg_status st = TG_OK;
    for (size_t j = 0; st == TG_OK && j < 2; j++) {
        size_t n = strlen(joint[j]);
        for (const char *p = d->text + s->b;
             st == TG_OK && (p = xd_find(p, s->e - (size_t)(p - d->text), joint[j], n)); p += n) {
            size_t b = (size_t)(p - d->text);
            long host = org_before(d, b), partner = org_after(d, b + n);
            if (host < 0 || partner < 0 || host == partner)
                continue;
            st = add_participant(&ev->organisations, &ev->organisation_count, host,
                                 TG_EXTRACT_ROLE_CO_HOST, s);
            if (st == TG_OK)
                st = add_participant(&ev->organisations, &ev->organisation_count, partner,
                                     TG_EXTRACT_ROLE_CO_HOST, s);
        }
    }
    return st;
}

enum tg_status xd_sentence_parties(struct xdoc *d, const struct xreport *c,
                                   struct tg_extract_event *ev)
{
    const struct xsentence *s = &d->sentences[c->sentence];
    uint32_t first = xd_cp(d, s->b, NULL);
    if (first == 0x201C || first == '"')
        return TG_OK;
    enum tg_status st = joint_roles(d, s, ev);
    const char *chair = xd_find(d->text + s->b, s->e - s->b, "เป็นประธาน", strlen("เป็นประธาน"));
    long chair_person = -1;
    size_t pos = s->b;
    for (long i; st == TG_OK && (i = xd_next_mention(d, &pos, s->e)) >= 0;) {
        const struct xmention *m = &d->m[i];
        if (in_example_list(d, s, m->b))
            continue;
        if (m->type == TG_EXTRACT_ORGANISATION)
            st = add_participant(
                &ev->organisations, &ev->organisation_count, m->entity,
                c->agreement ? TG_EXTRACT_ROLE_SIGNATORY : TG_EXTRACT_ROLE_ATTENDEE, s);
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
    const struct tg_extract_person *p = &d->r->people[chair_person];
    if (st == TG_OK && p->position_count && p->positions[0].organisation >= 0)
        st = add_participant(&ev->organisations, &ev->organisation_count,
                             p->positions[0].organisation, TG_EXTRACT_ROLE_HOST, s);
    return st;
}

/* A headline or lead without a trigger word (พม. จับมือ สสส. พัฒนาเด็กในชุมชน) still says who
 * works with whom in the event the article reports: its first event other than a recalled
 * agreement. */
enum tg_status xd_headline_roles(struct xdoc *d)
{
    struct tg_extract_result *r = d->r;
    if (r->event_count == 0)
        return TG_OK;
    struct tg_extract_event *main = &r->events[0];
    for (size_t i = r->event_count; i-- > 0;)
        if (r->events[i].kind != TG_EXTRACT_EVENT_AGREEMENT)
            main = &r->events[i];
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < d->n_sentences; i++) {
        if (!xd_reports_event(d, i))
            st = joint_roles(d, &d->sentences[i], main);
    }
    return st;
}

/* Whether organisation a is b or one of b's ancestors in this document. */
static bool ancestor_or_self(const struct xdoc *d, long a, long b)
{
    for (int depth = 0; b >= 0 && depth < 8; depth++, b = d->r->organisations[b].parent)
        if (a == b)
            return true;
    return false;
}

/* An event is a collaboration when two of its organisations with collaborating roles are not
 * one another's parent or child: a minister's notice to his own department is none. */
void xd_mark_collaborations(struct xdoc *d)
{
    for (size_t e = 0; e < d->r->event_count; e++) {
        struct tg_extract_event *ev = &d->r->events[e];
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
