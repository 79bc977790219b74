/*
 * Position titles as news writes them (issue 9, error class 5): not one gazetteer entry but a
 * run of them, ที่ปรึกษา + รัฐมนตรีว่าการกระทรวง, รอง + โฆษก + ประจำ + สำนักนายกรัฐมนตรี, with the
 * organisation glued on (ปลัดกระทรวงอุตสาหกรรม), abbreviated (รมว.มหาดไทย, ปลัด พม.) or left to
 * the title itself (นายกรัฐมนตรี). Every title of the text is read once, before people, so that a
 * name can take the title after it and the one before it (รองนายกรัฐมนตรีอนุทิน ชาญวีรกูล).
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "extract_internal.h"
#include "thaigraph/grow.h"

/* Words that make a title of the title after them. */
static const char *const modifiers[] = {"รอง", "ผู้ช่วย"};

/* Between two titles, these join them into one post (ผู้ช่วยรัฐมนตรีประจำกระทรวง,
 * ประธานที่ปรึกษาของนายกรัฐมนตรี: the post serves the other, issue 9). */
static const char *const links[] = {"ประจำ", "ของ"};

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

/* The ministry the letters [b, e) after a title ending in กระทรวง name short (มหาดไทย), as
 * org; returns where the short form ends, b when it names none. A title joined on after it
 * may be glued to it (รมว.มหาดไทยและโฆษกกระทรวงมหาดไทย, issue 9, class 5): then the form ends
 * at the last และ or acting word before which it names a ministry (the names have และ of
 * their own: เกษตรและสหกรณ์). The words of a long name may stand a space apart
 * (รมว.การอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม), as they do in the name. */
static size_t ministry_short(struct xdoc *d, size_t b, size_t e, long *org)
{
    const size_t pl = strlen("กระทรวง");
    char name[160];
    memcpy(name, "กระทรวง", pl);
    for (size_t end = e; end > b;) {
        const struct tg_gazetteer_entry *entry;
        size_t count;
        if (end - b <= sizeof name - pl) {
            memcpy(name + pl, d->text + b, end - b);
            if (tg_gazetteer_find(d->ex->gazetteer, name, pl + end - b,
                                  TG_GAZETTEER_MASK(TG_GAZETTEER_ORGANISATION), &entry, 1,
                                  &count) == TG_OK &&
                xd_org_from_entry(d, entry, org) == TG_OK)
                return end;
        }
        do
            end--;
        while (end > b && !xd_has(d, end, "และ") && !xd_acting_at(d, end) && d->text[end] != ' ');
    }
    return b;
}

/* End of the words from b that may write a ministry short: runs of letters a space apart, at
 * most four of them. */
static size_t spaced_run(const struct xdoc *d, size_t b)
{
    size_t e = xd_thai_run(d, b);
    for (int words = 1; words < 4 && e + 1 < d->len && d->text[e] == ' '; words++) {
        size_t next = xd_thai_run(d, e + 1);
        if (next == e + 1)
            break;
        e = next;
    }
    return e;
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
    size_t b = xd_skip_spaces(d, to), e = spaced_run(d, b);
    long org;
    if (e == b || (e = ministry_short(d, b, e, &org)) == b)
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

/* The head of a provincial office is titled by the office's field and the province
 * (อุตสาหกรรมจังหวัดเพชรบุรี heads สำนักงานอุตสาหกรรมจังหวัดเพชรบุรี, issue 9, class 5): the
 * office, where the text names it, is the post's organisation. The province is at [b, e).
 * False when out of memory. */
static bool provincial_office(struct xdoc *d, const struct text *title, size_t b, size_t e,
                              long *org)
{
    struct text office = {0};
    bool ok = append(&office, "สำนักงาน", strlen("สำนักงาน")) &&
              append(&office, title->s, title->len) && append(&office, d->text + b, e - b);
    for (size_t i = 0; ok && i < d->r->organisation_count; i++)
        if (strcmp(d->r->organisations[i].name, office.s) == 0)
            *org = (long)i;
    free(office.s);
    return ok;
}

/* End of the field a title names after ด้าน, from b: the run of letters up to an organisation,
 * a country or province, or another title. */
static size_t field_end(const struct xdoc *d, size_t b)
{
    size_t e = xd_thai_run(d, b);
    for (size_t p = b + 1; p < e; p++) {
        const struct tg_gazetteer_entry *entry;
        size_t n;
        if (!xd_token_start(d, p))
            continue;
        if (xd_mention_at(d, p, TG_EXTRACT_ORGANISATION) >= 0 || position_at(d, p, &entry) ||
            tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, p,
                                  TG_GAZETTEER_MASK(TG_GAZETTEER_COUNTRY) |
                                      TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE),
                                  &entry, &n) == TG_OK)
            return p;
    }
    return e;
}

/* Reads the title at b; false when none starts there. */
static enum tg_status read_title(struct xdoc *d, size_t b, struct xtitle *out, bool *found)
{
    *found = false;
    struct text title = {0};
    size_t pos = b, last_start = b;
    bool takes_organisation = false;
    const struct tg_gazetteer_entry *own_body = NULL;
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
        own_body = tg_gazetteer_entry_parent(entry);
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
    /* ที่ปรึกษาด้านเศรษฐกิจการคลัง: the field is part of the post, up to the body or place
     * the post is in (ที่ปรึกษาด้านการสื่อสารกระทรวงดิจิทัล...) or the end of the word (issue 9). */
    if (xd_has(d, pos, "ด้าน")) {
        size_t from = pos + strlen("ด้าน"), e = field_end(d, from);
        if (e > from && !xd_stop_word_at(d, from)) {
            if (!append(&title, d->text + pos, e - pos))
                goto nomem;
            pos = e;
        }
    }
    out->b = b;
    out->e = pos;
    out->end = pos;
    out->wants_org = takes_organisation;
    out->latin = false;
    out->org =
        takes_organisation ? title_organisation(d, last_start + 1, pos, &title, &out->end) : -1;
    if (out->end < pos)
        out->end = pos;
    /* ผู้บัญชาการตำรวจแห่งชาติ heads สำนักงานตำรวจแห่งชาติ: the post is in the body where the
     * article names it, and in none where it does not (GUIDELINE.md, issue 9). */
    for (size_t i = 0; own_body && out->org < 0 && i < d->r->organisation_count; i++)
        if (strcmp(d->r->organisations[i].name, tg_gazetteer_entry_name(own_body)) == 0)
            out->org = (long)i;
    /* ผู้ว่าราชการจังหวัดเชียงใหม่: the province is a place, not the title's organisation, but
     * the title ends after it. */
    const struct tg_gazetteer_entry *province;
    size_t pn;
    size_t at = xd_skip_spaces(d, out->end);
    if ((ends_with(&title, "จังหวัด") || ends_with(&title, "อำเภอ")) && at - out->end <= 1 &&
        tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, at,
                              TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE), &province, &pn) == TG_OK) {
        if (out->org < 0 && !provincial_office(d, &title, at, at + pn, &out->org))
            goto nomem;
        out->end = at + pn;
    }
    out->title = title.s;
    *found = true;
    return TG_OK;
nomem:
    free(title.s);
    return TG_ERR_NOMEM;
}

/*
 * English titles, in the English releases (issue 9): Prime Minister Paetongtarn Shinawatra,
 * Mr. Charles H. Rivkin, chairman and chief executive officer of the Motion Picture
 * Association. A title is a run of words of a post ending in the word that names it (Minister,
 * Officer); "to the" joins a post to the one it serves (Deputy Secretary-General to the Prime
 * Minister), Acting before it is dropped (GUIDELINE.md counts the acting post as held), and
 * the organisation is the mention after of, at or for. Compared without case: such titles are
 * written capitalised before a name and in lowercase after it.
 */
static const char *const latin_heads[] = {
    "Minister",  "Spokesperson",  "Spokesman",  "Secretary-General", "Director-General",
    "Secretary", "President",     "Chairman",   "Chairwoman",        "Chairperson",
    "Chair",     "Director",      "Ambassador", "Governor",          "Officer",
    "Counsel",   "Head",          "Mayor",      "Commander",         "Consul",
    "Dean",      "Rector",        "CEO",        "Adviser",           "Advisor",
    "Founder",   "Councillor",    "Chancellor", "Premier",           "Manager",
    "Attaché",   "Representative"};
static const char *const latin_modifiers[] = {
    "Prime",     "Deputy",    "Vice",      "Senior",     "Executive", "Government",  "Defense",
    "Defence",   "Foreign",   "Finance",   "Assistant",  "Managing",  "Permanent",   "Chief",
    "Legal",     "Operating", "Financial", "Technology", "Special",   "Regional",    "Country",
    "General",   "Associate", "First",     "Second",     "Trade",     "Commerce",    "Interior",
    "Health",    "Education", "Labour",    "Labor",      "Tourism",   "Agriculture", "Energy",
    "Transport", "Justice",   "Industry",  "Culture",    "Economic",  "Political",   "Press",
    "Provincial"};
/* After these, General is the post's own word (Secretary General, Attorney General). */
static const char *const latin_before_general[] = {"Secretary", "Director", "Consul", "Attorney"};

/* Words of a ministry's remit after "Minister of" that no title list holds (Minister of Foreign
 * Affairs, of Digital Economy and Society, of Higher Education, Science, Research and
 * Innovation). */
static const char *const latin_remits[] = {
    "Affairs",   "Economy",     "Society",       "Digital",        "Sports",       "Sport",
    "Resources", "Environment", "Natural",       "Science",        "Research",     "Innovation",
    "Social",    "Development", "Human",         "Security",       "Cooperatives", "Higher",
    "Public",    "Information", "Communication", "Communications", "Welfare",      "Home",
    "National",  "Planning",    "Works",         "Investment"};
/* Words between the words of a remit. */
static const char *const latin_remit_joins[] = {"and", "&", "of"};
/* Words that open a state's name: the Prime Minister of the Kingdom of Cambodia. */
static const char *const latin_states[] = {"Kingdom", "Republic"};

bool xd_latin_title_word(const struct xdoc *d, size_t b, size_t e)
{
    return XD_LATIN_IS(d, b, e, latin_heads) || XD_LATIN_IS(d, b, e, latin_modifiers);
}

/* A title stops at a dot or an ampersand: Prime Minister. The ... */
static size_t latin_word_end(const struct xdoc *d, size_t b)
{
    return xd_latin_word_end(d, b, "");
}

/* The word after the blank at e, as [*b, return); e when there is none. */
static size_t latin_next(const struct xdoc *d, size_t e, size_t *b)
{
    if (e + 1 >= d->len || d->text[e] != ' ')
        return e;
    *b = e + 1;
    return latin_word_end(d, e + 1);
}

/* Whether [b, e) is the word (without case). */
static bool latin_is(const struct xdoc *d, size_t b, size_t e, const char *word)
{
    return xd_latin_word_is(d, b, e, &word, 1);
}

/* The body after of, at or for (the) from e, with *end past it: the organisation mention there,
 * or -1. *after is where the words after the link start, or 0 when no link word stands at e. */
static long latin_organisation(const struct xdoc *d, size_t e, size_t *end, size_t *after)
{
    static const char *const links[] = {"of", "at", "for"};
    size_t b = e, we = latin_next(d, e, &b);
    *after = 0;
    if (we == e || !XD_LATIN_IS(d, b, we, links) || we + 1 >= d->len)
        return -1;
    /* of the\u00a0X or of The Walt Disney Company: the word after the link is read as such. */
    size_t tb = we, te = latin_next(d, we, &tb);
    *after = te > tb && latin_is(d, tb, te, "the") ? xd_skip_spaces(d, te + (te < d->len)) : we + 1;
    long m = *after < d->len ? xd_mention_at(d, *after, TG_EXTRACT_ORGANISATION) : -1;
    if (m < 0)
        return -1;
    *end = d->m[m].e;
    return d->m[m].entity;
}

/* Capitalised Latin word [b, return) at b, or b. */
static size_t latin_capital_word(const struct xdoc *d, size_t b)
{
    return xd_latin_upper_at(d, b) ? latin_word_end(d, b) : b;
}

/*
 * Minister of Finance Srettha Thavisin, Prime Minister of Malaysia Anwar Ibrahim (issue 9): the
 * words after the link at b that name no mention but a post's remit or its state. A remit is a
 * run of the words of posts and remits (Foreign Affairs, Digital Economy and Society); a state
 * is a country or province the gazetteer names in English (after Kingdom of, Republic of).
 * Returns the end, or b when neither stands there (Head of Television at Amazon Studios: the
 * post goes on in words no list holds). *org is the ministry where the text names it in English
 * (the Ministry of Finance).
 */
static size_t latin_remit(const struct xdoc *d, size_t b, long *org)
{
    size_t end = b, at = b, e = latin_capital_word(d, b);
    for (int words = 0; words < 8 && e > at; words++) {
        if (xd_latin_title_word(d, at, e) || XD_LATIN_IS(d, at, e, latin_remits))
            end = e;
        else if (!XD_LATIN_IS(d, at, e, latin_remit_joins) || end == b)
            break;
        size_t nb = e, ne = latin_next(d, e + (e < d->len && d->text[e] == ','), &nb);
        if (ne == nb)
            break;
        at = nb;
        e = ne;
    }
    if (end > b) {
        char name[160];
        int n = snprintf(name, sizeof name, "Ministry of %.*s", (int)(end - b), d->text + b);
        for (size_t i = 0; n > 0 && (size_t)n < sizeof name && i < d->r->organisation_count; i++)
            if (strcasecmp(d->r->organisations[i].name, name) == 0)
                *org = (long)i;
        return end;
    }
    size_t from = b, nb = b;
    e = latin_capital_word(d, b);
    size_t ne = latin_next(d, e, &nb);
    if (XD_LATIN_IS(d, b, e, latin_states) && latin_is(d, nb, ne, "of"))
        from = ne + 1;
    /* The longest state name of up to three words: New Zealand, the United Arab Emirates. */
    size_t ends[3], n = 0;
    for (e = latin_capital_word(d, from); n < 3 && e > from; n++) {
        ends[n] = e;
        nb = e;
        ne = latin_next(d, e, &nb);
        e = latin_capital_word(d, nb) == ne && ne > nb ? ne : from;
    }
    const struct tg_gazetteer_entry *state;
    while (n-- > 0)
        /* President of Thailand Trade Representatives: a state that a post's word follows
         * opens a body's name. */
        if (!(ends[n] + 1 < d->len && d->text[ends[n]] == ' ' &&
              xd_latin_title_word(d, ends[n] + 1, latin_word_end(d, ends[n] + 1))) &&
            tg_gazetteer_find_english(d->ex->gazetteer, d->text + from, ends[n] - from,
                                      TG_GAZETTEER_MASK(TG_GAZETTEER_COUNTRY) |
                                          TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE),
                                      &state) == TG_OK)
            return ends[n];
    return b;
}

/* Whether the word [b, e) is General closing a post (Secretary General) after the word ending
 * at prev. */
static bool closing_general(const struct xdoc *d, size_t b, size_t e, size_t prev)
{
    if (e - b != strlen("General") || memcmp(d->text + b, "General", e - b) != 0 || prev + 1 != b)
        return false;
    size_t pb = prev;
    while (pb > 0 && d->text[pb - 1] != ' ')
        pb--;
    return XD_LATIN_IS(d, pb, prev, latin_before_general);
}

/* At most this many words make one English title (Deputy Secretary-General to the Prime
 * Minister is five), and this many titles one chain joined with and: both bound the work on a
 * line of crafted text, where each token would read the run again (issue 9). */
enum { LATIN_TITLE_WORDS = 8, LATIN_CHAIN = 4 };

/* Reads the English title at b, its body or remit included; false when none starts there. */
static enum tg_status read_latin_one(struct xdoc *d, size_t b, struct xtitle *out, bool *found)
{
    *found = false;
    size_t at = b, e = latin_word_end(d, b), head_end = 0, prev = 0;
    if (e == b)
        return TG_OK;
    if (latin_is(d, b, e, "Acting")) {
        size_t ne = latin_next(d, e, &at);
        if (ne == e)
            return TG_OK;
        e = ne;
    }
    size_t start = at;
    for (int words = 0; words < LATIN_TITLE_WORDS; words++) {
        bool head = XD_LATIN_IS(d, at, e, latin_heads) || closing_general(d, at, e, prev);
        if (head)
            head_end = e;
        else if (!XD_LATIN_IS(d, at, e, latin_modifiers))
            break;
        prev = e;
        size_t nb = e, ne = latin_next(d, e, &nb);
        /* Deputy Secretary-General to the Prime Minister: the post it serves is part of it. */
        if (head && latin_is(d, nb, ne, "to")) {
            size_t tb = ne, te = latin_next(d, ne, &tb);
            if (latin_is(d, tb, te, "the"))
                ne = latin_next(d, te, &nb);
        }
        if (ne == nb)
            break;
        at = nb;
        e = ne;
    }
    if (!head_end)
        return TG_OK;
    size_t end = head_end, after;
    long org = latin_organisation(d, head_end, &end, &after);
    /* Minister of Finance: the remit ends the title; where the words after the link name
     * neither a body nor a remit (Head of Television at Amazon Studios), the post goes on in
     * words no list holds, or its body is unread: the title read so far is not the post. */
    if (org < 0 && after && (end = latin_remit(d, after, &org)) == after)
        return TG_OK;
    /* Senior Vice President, Production Planning & Incentives: so also where a comma goes on
     * to capitalised words of no post. */
    if (head_end + 2 < d->len && d->text[head_end] == ',' && d->text[head_end + 1] == ' ') {
        size_t we = latin_capital_word(d, head_end + 2);
        if (we > head_end + 2 && !xd_latin_title_word(d, head_end + 2, we))
            return TG_OK;
    }
    char *title = xd_dup(d->text + start, head_end - start);
    if (!title)
        return TG_ERR_NOMEM;
    *out = (struct xtitle){.b = b,
                           .e = head_end,
                           .end = end,
                           .title = title,
                           .org = org,
                           .wants_org = true,
                           .latin = true};
    *found = true;
    return TG_OK;
}

/* Reads the English title at b. Executive Vice President and General Counsel for Sony Pictures
 * Entertainment: titles joined with and share the body, so where one after and is dropped, so
 * are those before it. The chain is read forward in one loop. */
static enum tg_status read_latin_title(struct xdoc *d, size_t b, struct xtitle *out, bool *found)
{
    enum tg_status st = read_latin_one(d, b, out, found);
    size_t e = *found ? out->end : 0;
    for (int k = 1; st == TG_OK && *found && out->org < 0 && k < LATIN_CHAIN; k++) {
        if (e + 5 >= d->len || memcmp(d->text + e, " and ", 5) != 0 ||
            !xd_latin_title_word(d, e + 5, latin_word_end(d, e + 5)))
            break;
        struct xtitle next;
        bool joined;
        st = read_latin_one(d, e + 5, &next, &joined);
        if (st != TG_OK || !joined) {
            free(out->title);
            *found = false;
            break;
        }
        free(next.title);
        if (next.org >= 0)
            break;
        e = next.end;
    }
    return st;
}

/* A title glued to the word of a body's name is that name, where no mention covers it
 * (สำนักงานอุตสาหกรรมจังหวัด, สภาวัฒนธรรมจังหวัด): no post is written there. */
static bool names_body(const struct xdoc *d, size_t b)
{
    static const char *const bodies[] = {"สำนักงาน", "สภา"};
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
        size_t n = strlen(bodies[i]);
        if (b >= n && memcmp(d->text + b - n, bodies[i], n) == 0)
            return true;
    }
    return false;
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
        if ((m >= 0 && d->m[m].b < b) || names_body(d, b))
            continue;
        struct xtitle title;
        bool found;
        enum tg_status st = read_title(d, b, &title, &found);
        if (st == TG_OK && !found && (b == 0 || latin_word_end(d, b - 1) == b - 1))
            st = read_latin_title(d, b, &title, &found);
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

/* Words that put the holder of one post in another as well, acting (รองปลัดกระทรวง อว.
 * รักษาราชการแทนปลัดกระทรวง อว.) or performing its duties (รองเลขาธิการนายกรัฐมนตรีฝ่ายการเมือง
 * ปฏิบัติหน้าที่โฆษกประจำสำนักนายกรัฐมนตรี): GUIDELINE.md counts the acting post as held (issue 9,
 * class 5). Longer first: รักษาการ opens the other two. */
static const char *const acting[] = {"รักษาราชการแทน", "รักษาการในตำแหน่ง", "รักษาการแทน", "รักษาการ",
                                     "ปฏิบัติหน้าที่"};

size_t xd_acting_at(const struct xdoc *d, size_t b)
{
    return word_at(d, b, acting, sizeof acting / sizeof *acting);
}

/* Words joining two posts of one holder: นายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงกลาโหม, chairman and
 * chief executive officer. */
static const char *const joins[] = {"และ", "and"};

/* Standing in for someone at one occasion (ในฐานะผู้แทนรัฐมนตรีว่าการกระทรวง..., ในฐานะผู้แทน
 * พระองค์, ในฐานะตัวแทน...) holds no post (issue 9); acting in a post (รักษาราชการแทน) holds it,
 * and is read with the acting words. */
static const char *const stand_in[] = {"ผู้แทน", "ตัวแทน"};

/* Length of the join word at b, the blank after and included, or 0. */
static size_t join_at(const struct xdoc *d, size_t b)
{
    size_t n = word_at(d, b, joins, sizeof joins / sizeof *joins);
    return n && d->text[b] == 'a' ? (b + n < d->len && d->text[b + n] == ' ' ? n + 1 : 0) : n;
}

const struct xtitle *xd_title_joined(const struct xdoc *d, const struct xtitle *t,
                                     bool *shares_organisation)
{
    size_t at = xd_skip_spaces(d, t->end), n = join_at(d, at);
    *shares_organisation = n > 0;
    if (!n && xd_has(d, at, "ในฐานะ")) {
        /* ปลัดกระทรวงยุติธรรม ในฐานะผู้อำนวยการศูนย์...: a standing post held with the first
         * counts (GUIDELINE.md); a role for one occasion (ในฐานะประธานร่วม) names no body of its
         * own, so a title that wants one and has none is no post. */
        size_t from = xd_skip_spaces(d, at + strlen("ในฐานะ"));
        const struct xtitle *post = xd_title_starting(d, from);
        return post && (post->org >= 0 || !post->wants_org) &&
                       !word_at(d, from, stand_in, sizeof stand_in / sizeof *stand_in)
                   ? post
                   : NULL;
    }
    if (!n && !(n = xd_acting_at(d, at)))
        return NULL;
    return xd_title_starting(d, xd_skip_spaces(d, at + n));
}

const struct xtitle *xd_title_joined_before(const struct xdoc *d, const struct xtitle *t)
{
    /* Only in English: ผู้ว่าราชการจังหวัดและนายอำเภอเมือง นายสมชาย writes two people's posts
     * before one name, where Prime Minister and Defense Minister Gen. Prayut is one man's. */
    if (!t->latin)
        return NULL;
    size_t b = t->b;
    b = xd_skip_spaces_back(d, 0, b);
    if (b < strlen(" and") || memcmp(d->text + b - strlen(" and"), " and", strlen(" and")) != 0)
        return NULL;
    b -= strlen("and");
    b = xd_skip_spaces_back(d, 0, b);
    const struct xtitle *before = xd_title_ending(d, b);
    return before && before->latin ? before : NULL;
}

const struct xtitle *xd_title_ending(const struct xdoc *d, size_t e)
{
    for (size_t i = 0; i < d->n_titles; i++)
        if (d->titles[i].end == e || d->titles[i].e == e)
            return &d->titles[i];
    return NULL;
}
