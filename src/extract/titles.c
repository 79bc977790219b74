/*
 * Position titles as news writes them (issue 9, error class 5): not one gazetteer entry but a
 * run of them, ที่ปรึกษา + รัฐมนตรีว่าการกระทรวง, รอง + โฆษก + ประจำ + สำนักนายกรัฐมนตรี, with the
 * organisation glued on (ปลัดกระทรวงอุตสาหกรรม), abbreviated (รมว.มหาดไทย, ปลัด พม.) or left to
 * the title itself (นายกรัฐมนตรี). Every title of the text is read once, before people, so that a
 * name can take the title after it and the one before it (รองนายกรัฐมนตรีอนุทิน ชาญวีรกูล).
 */
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "thaigraph/grow.h"

/* Words that make a title of the title after them. */
static const char *const modifiers[] = {"รอง", "ผู้ช่วย"};

/* Between two titles, these join them into one post (ผู้ช่วยรัฐมนตรีประจำกระทรวง). */
static const char *const links[] = {"ประจำ"};

/* Titles that serve another post and may stand a space apart from it (เลขานุการ รมว.มหาดไทย). */
static const char *const serving[] = {"เลขานุการ", "ที่ปรึกษา", "โฆษก", "ผู้ช่วย", "หัวหน้า"};

static size_t position_at(const struct xdoc *d, size_t b, const struct tg_gazetteer_entry **entry)
{
    size_t n;
    if (b >= d->len ||
        tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b,
                              TG_GAZETTEER_MASK(TG_GAZETTEER_POSITION), entry, &n) != TG_OK)
        return 0;
    return n;
}

static size_t word_at(const struct xdoc *d, size_t b, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (xd_has(d, b, words[i]))
            return strlen(words[i]);
    return 0;
}

/* A growing title string. */
struct text {
    char *s;
    size_t len, cap;
};

static bool append(struct text *t, const char *s, size_t n)
{
    char *grown = tg_grow(t->s, &t->cap, t->len + n + 1, 1);
    if (!grown)
        return false;
    t->s = grown;
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
    return true;
}

static bool ends_with(const struct text *t, const char *word)
{
    size_t n = strlen(word);
    return t->len >= n && memcmp(t->s + t->len - n, word, n) == 0;
}

/* The organisation a title names: the mention that starts inside its last word or right after
 * it, or a ministry written short after a title ending in กระทรวง (รมว.มหาดไทย). */
static long title_organisation(struct xdoc *d, size_t from, size_t to, const struct text *title,
                               size_t *end)
{
    /* รมว.กระทรวง อว.: the abbreviated title is followed by the word it abbreviates. */
    if (ends_with(title, "กระทรวง") && xd_has(d, to, "กระทรวง") &&
        xd_mention_at(d, to, TG_EXTRACT_ORGANISATION) < 0)
        to = xd_skip_spaces(d, to + strlen("กระทรวง"));
    size_t last = xd_skip_spaces(d, to);
    for (size_t p = from; p <= last && p < d->len; p++) {
        long m = xd_mention_at(d, p, TG_EXTRACT_ORGANISATION);
        if (m >= 0) {
            *end = d->m[m].e;
            return d->m[m].entity;
        }
    }
    if (!ends_with(title, "กระทรวง") || xd_has(d, to, "กระทรวง"))
        return -1;
    size_t b = xd_skip_spaces(d, to), e = xd_thai_run(d, b);
    if (e == b || e - b > 60)
        return -1;
    char name[96];
    size_t pl = strlen("กระทรวง");
    memcpy(name, "กระทรวง", pl);
    memcpy(name + pl, d->text + b, e - b);
    const struct tg_gazetteer_entry *entry;
    size_t count;
    long org;
    if (tg_gazetteer_find(d->ex->gazetteer, name, pl + e - b,
                          TG_GAZETTEER_MASK(TG_GAZETTEER_ORGANISATION), &entry, 1,
                          &count) != TG_OK ||
        xd_org_from_entry(d, entry, &org) != TG_OK)
        return -1;
    /* The short form is a mention of the ministry, and one of its names (issue 9, class 9). */
    if (xd_overlap(d, b, e) < 0 && !xd_excluded(d, b, e)) {
        struct tg_extract_organisation *o = &d->r->organisations[org];
        if (xd_push_string(&o->aliases, &o->alias_count, d->text + b, e - b) != TG_OK ||
            xd_add_mention(d, TG_EXTRACT_ORGANISATION, b, e, org) != TG_OK)
            return -1;
        o->mention_count++;
    }
    *end = e;
    return org;
}

/* Reads the title at b; false when none starts there. */
static enum tg_status read_title(struct xdoc *d, size_t b, struct xtitle *out, bool *found)
{
    *found = false;
    struct text title = {0};
    size_t pos = b, last_start = b;
    bool takes_organisation = false;
    for (;;) {
        size_t mod = word_at(d, pos, modifiers, sizeof modifiers / sizeof *modifiers);
        const struct tg_gazetteer_entry *entry;
        size_t n = position_at(d, pos, &entry);
        if (!n && mod && (n = position_at(d, pos + mod, &entry)) > 0) {
            if (!append(&title, d->text + pos, mod))
                goto nomem;
            pos += mod;
        } else if (!n) {
            break;
        }
        const char *name = tg_gazetteer_entry_name(entry);
        if (!append(&title, name, strlen(name)))
            goto nomem;
        last_start = pos;
        pos += n;
        takes_organisation = tg_gazetteer_entry_takes_organisation(entry);
        size_t link = word_at(d, pos, links, sizeof links / sizeof *links);
        const struct tg_gazetteer_entry *next;
        if (link && position_at(d, pos + link, &next)) {
            if (!append(&title, d->text + pos, link))
                goto nomem;
            pos += link;
        } else if (word_at(d, last_start, serving, sizeof serving / sizeof *serving) == n &&
                   xd_skip_spaces(d, pos) - pos == 1 &&
                   position_at(d, xd_skip_spaces(d, pos), &next)) {
            pos = xd_skip_spaces(d, pos);
        }
    }
    if (title.len == 0)
        return TG_OK;
    /* รองเลขาธิการนายกรัฐมนตรีฝ่ายการเมือง: the branch is part of the post. */
    if (xd_has(d, pos, "ฝ่าย")) {
        size_t e = xd_token_after(d, pos + strlen("ฝ่าย"));
        if (e > pos + strlen("ฝ่าย") && !xd_stop_word_at(d, pos + strlen("ฝ่าย"))) {
            if (!append(&title, d->text + pos, e - pos))
                goto nomem;
            pos = e;
        }
    }
    out->b = b;
    out->e = pos;
    out->end = pos;
    out->wants_org = takes_organisation;
    out->org =
        takes_organisation ? title_organisation(d, last_start + 1, pos, &title, &out->end) : -1;
    if (out->end < pos)
        out->end = pos;
    /* ผู้ว่าราชการจังหวัดเชียงใหม่: the province is a place, not the title's organisation, but
     * the title ends after it. */
    const struct tg_gazetteer_entry *province;
    size_t pn;
    size_t at = xd_skip_spaces(d, out->end);
    if ((ends_with(&title, "จังหวัด") || ends_with(&title, "อำเภอ")) && at - out->end <= 1 &&
        tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, at,
                              TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE), &province, &pn) == TG_OK)
        out->end = at + pn;
    out->title = title.s;
    *found = true;
    return TG_OK;
nomem:
    free(title.s);
    return TG_ERR_NOMEM;
}

enum tg_status xd_titles(struct xdoc *d)
{
    size_t cap = 0;
    size_t covered = 0;
    for (size_t t = 0; t < d->n_tokens; t++) {
        size_t b = d->tokens[t].byte_start;
        if (b < covered || xd_excluded(d, b, b + 1))
            continue;
        /* A title inside an organisation's name (สำนักงานผู้ว่าราชการจังหวัด) is part of the
         * name, unless the name starts inside the title (ปลัดกระทรวงอุตสาหกรรม). */
        long m = xd_overlap(d, b, b + 1);
        if (m >= 0 && d->m[m].b < b)
            continue;
        struct xtitle title;
        bool found;
        enum tg_status st = read_title(d, b, &title, &found);
        if (st != TG_OK)
            return st;
        if (!found)
            continue;
        struct xtitle *grown = tg_grow(d->titles, &cap, d->n_titles + 1, sizeof *grown);
        if (!grown) {
            free(title.title);
            return TG_ERR_NOMEM;
        }
        d->titles = grown;
        d->titles[d->n_titles++] = title;
        covered = title.e;
    }
    return TG_OK;
}

const struct xtitle *xd_title_starting(const struct xdoc *d, size_t b)
{
    for (size_t i = 0; i < d->n_titles; i++)
        if (d->titles[i].b == b)
            return &d->titles[i];
    return NULL;
}

const struct xtitle *xd_title_ending(const struct xdoc *d, size_t e)
{
    for (size_t i = 0; i < d->n_titles; i++)
        if (d->titles[i].end == e || d->titles[i].e == e)
            return &d->titles[i];
    return NULL;
}
