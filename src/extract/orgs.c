/*
 * Organisations: candidates from the gazetteer, prefix words, `ฯ` truncations, learnt and known
 * abbreviations and the NER tagger, then one entity per canonical full name.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

enum cand_source { FROM_GAZETTEER, FROM_PREFIX, FROM_LEARNT, FROM_NER };

struct cand {
    size_t b, e;
    enum cand_source source;
    const struct tg_gazetteer_entry *entry;
    const char *kind;
    size_t stem_end; /* a provincial office stem ends here and a province name follows */
    bool truncated;
    bool after_position;
    long org;
};

struct cands {
    struct cand *c;
    size_t n, cap;
    unsigned char *claimed; /* one mark per byte of the text */
};

/* Words that open an organisation's name, with the kind such a name usually has. Longer
 * prefixes come before the shorter ones they start with. */
static const struct {
    const char *word;
    const char *kind;
    bool whole; /* the prefix is itself a (generic) name */
} prefixes[] = {
    {"กระทรวง", "ministry", false},
    {"กรม", "department", false},
    {"สำนักงานกองทุน", "fund", false},
    {"สำนักงาน", "office", false},
    {"สำนักข่าว", "media", false},
    {"สำนัก", "office", false},
    {"สภา", "council", false},
    {"กองทุน", "fund", false},
    {"มูลนิธิ", "other", false},
    {"องค์การบริหารส่วน", "local_government", false},
    {"องค์การปกครองส่วนท้องถิ่น", "local_government", true},
    {"องค์การ", "agency", false},
    {"องค์กร", "other", false},
    {"สถาบัน", "agency", false},
    {"บริษัท", "other", false},
    {"ศูนย์", "office", false},
    {"สมาคม", "other", false},
    {"เทศบาล", "local_government", false},
    {"ธนาคาร", "agency", false},
    {"บรรษัท", "agency", false},
    {"คณะกรรมการ", "council", false},
    {"สถานีโทรทัศน์", "media", false},
    {"หนังสือพิมพ์", "media", false},
    {"มหาวิทยาลัย", "other", false},
};

/* Verbs that news glues to the subject's name (ธนาคารต้องขออภัย, กรมชลประทานนั้น). */
static const char *const name_enders[] = {
    "ต้อง",    "นั้น",      "มอบ",    "เปิด",   "รับ",  "เดินหน้า", "พิจารณา", "ร้อง", "คำนึง",
    "ดำเนิน",  "แจ้ง",     "ประกาศ", "เตรียม", "สั่ง",  "ลงนาม",  "แถลง",   "เชิญ", "อยู่",
    "พยากรณ์", "ขับเคลื่อน", "ชี้แจง",   "ยืนยัน",  "เร่ง", "ห่วง",    "ขอ",     "เผย"};

/* Royal ranks written after กรม (กรมสมเด็จพระ…, กรมหลวง…) make a title, not a department. */
static const char *const royal_ranks[] = {"สมเด็จ", "หลวง", "หมื่น", "ขุน"};

/* Words a Thai abbreviation may be glued to without a space (ระหว่างพม. และสสส.). */
static const char *const glue_words[] = {"ระหว่าง", "และ", "กับ", "ของ", "โดย", "จาก", "แก่", "ต่อ"};

static bool ends_with(const struct xdoc *d, size_t b, const char *word)
{
    size_t n = strlen(word);
    return b >= n && memcmp(d->text + b - n, word, n) == 0;
}

/* An abbreviation must not continue a Thai word: พม. inside ปพม. is another abbreviation. */
static bool abbreviation_may_start(const struct xdoc *d, size_t b)
{
    if (!xd_is_thai(xd_cp_before(d, b)))
        return true;
    for (size_t i = 0; i < sizeof glue_words / sizeof glue_words[0]; i++)
        if (ends_with(d, b, glue_words[i]))
            return true;
    return false;
}

static bool covered(const struct cands *cs, size_t b, size_t e)
{
    return xd_claimed(cs->claimed, b, e);
}

static enum tg_status push(struct cands *cs, struct cand c)
{
    struct cand *grown = xd_claim(cs->c, &cs->n, &cs->cap, &c, sizeof c, cs->claimed, c.b, c.e);
    if (grown)
        cs->c = grown;
    return grown ? TG_OK : TG_ERR_NOMEM;
}

/* End of the token holding b, or the next code point when no token does. */
static size_t next_boundary(const struct xdoc *d, size_t b)
{
    size_t e = xd_token_after(d, b);
    if (e > b)
        return e;
    size_t w, s = b;
    xd_cp(d, s, &w);
    for (s += w; s < d->len; s += w)
        if (xd_token_start(d, s) || xd_is_space(xd_cp(d, s, &w)))
            break;
    return s;
}

/* Reads a name opened by prefix word at b: the glued run of Thai words after it, up to a
 * function word other than the และ and ของ that names contain, or 20 words. A prefix alone
 * (ระดับกระทรวง กรม) or followed by a function word (กระทรวงที่…) is no name. */
static bool prefix_name(const struct xdoc *d, size_t b, bool inside_token, struct cand *out)
{
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        if (!xd_has(d, b, prefixes[i].word))
            continue;
        size_t q = b + strlen(prefixes[i].word);
        if (prefixes[i].whole) {
            *out = (struct cand){
                .b = b, .e = q, .source = FROM_PREFIX, .kind = prefixes[i].kind, .org = -1};
            return true;
        }
        if (!inside_token && !xd_token_end(d, q))
            continue;
        if (!xd_is_thai(xd_cp(d, q, NULL)) || xd_stop_word_at(d, q))
            return false;
        for (size_t k = 0; k < sizeof royal_ranks / sizeof *royal_ranks; k++)
            if (xd_has(d, q, royal_ranks[k]))
                return false;
        size_t e = q;
        bool truncated = false;
        for (unsigned words = 0; words < 20 && e < d->len; words++) {
            uint32_t cp = xd_cp(d, e, NULL);
            if (cp == 0x0E2F) {
                e += 3;
                truncated = true;
                break;
            }
            if (e > q && ((xd_stop_word_at(d, e) && !xd_has(d, e, "และ") && !xd_has(d, e, "ของ")) ||
                          xd_word_at(d, e, name_enders, sizeof name_enders / sizeof *name_enders)))
                break;
            if (!xd_is_thai(cp))
                break;
            size_t next = next_boundary(d, e);
            size_t run = xd_thai_run(d, e);
            e = next < run ? next : run;
        }
        if (e - q < 6)
            return false;
        *out = (struct cand){.b = b,
                             .e = e,
                             .source = FROM_PREFIX,
                             .kind = prefixes[i].kind,
                             .truncated = truncated,
                             .org = -1};
        return true;
    }
    return false;
}

static bool is_province_key(const struct xdoc *d, size_t b, size_t e)
{
    const struct tg_gazetteer_entry *entry;
    size_t n;
    return tg_gazetteer_find(d->ex->gazetteer, d->text + b, e - b,
                             TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE), &entry, 1, &n) == TG_OK;
}

/* A gazetteer organisation at b; a provincial office stem takes the province glued after it. */
static bool gazetteer_name(const struct xdoc *d, size_t b, struct cand *out)
{
    const struct tg_gazetteer *g = d->ex->gazetteer;
    const struct tg_gazetteer_entry *entry;
    size_t n;
    if (tg_gazetteer_match_at(g, d->text, d->len, b, TG_GAZETTEER_MASK(TG_GAZETTEER_ORGANISATION),
                              &entry, &n) != TG_OK)
        return false;
    if (d->text[b + n - 1] == '.' && !abbreviation_may_start(d, b))
        return false;
    if (is_province_key(d, b, b + n))
        return false;
    *out = (struct cand){.b = b, .e = b + n, .source = FROM_GAZETTEER, .entry = entry, .org = -1};
    const char *kind = tg_gazetteer_entry_kind(entry);
    const struct tg_gazetteer_entry *prov;
    size_t pn;
    if (kind && strcmp(kind, "provincial_office") == 0 && d->text[b + n - 1] != '.' &&
        tg_gazetteer_match_at(g, d->text, d->len, b + n, TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE),
                              &prov, &pn) == TG_OK &&
        xd_token_end(d, b + n + pn)) {
        out->stem_end = b + n;
        out->e = b + n + pn;
    }
    return true;
}

/* A position title at b (ปลัดกระทรวง) may swallow the start of the organisation that follows
 * it; returns where that organisation starts, or 0. */
static size_t after_position(const struct xdoc *d, size_t b)
{
    const struct tg_gazetteer_entry *entry;
    size_t n;
    if (tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b,
                              TG_GAZETTEER_MASK(TG_GAZETTEER_POSITION), &entry, &n) != TG_OK)
        return 0;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (ends_with(d, b + n, prefixes[i].word))
            return b + n - strlen(prefixes[i].word);
    /* ผู้ว่าการรถไฟแห่งประเทศไทย: the title's การ opens a state enterprise the gazetteer knows. */
    const struct tg_gazetteer_entry *org;
    size_t on, k = strlen("การ");
    if (ends_with(d, b + n, "การ") &&
        tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b + n - k,
                              TG_GAZETTEER_MASK(TG_GAZETTEER_ORGANISATION), &org, &on) == TG_OK &&
        on > k)
        return b + n - k;
    return b + n;
}

static enum tg_status scan(struct xdoc *d, struct cands *cs)
{
    for (size_t t = 0; t < d->n_tokens; t++) {
        size_t b = d->tokens[t].byte_start;
        size_t starts[2] = {b, after_position(d, b)};
        for (size_t k = 0; k < 2; k++) {
            size_t s = starts[k];
            if ((k == 1 && s == 0) || covered(cs, s, s + 1))
                continue;
            struct cand g, p;
            bool has_g = gazetteer_name(d, s, &g);
            bool has_p = prefix_name(d, s, k == 1, &p);
            if (!has_g && !has_p)
                continue;
            /* The gazetteer's name wins over a longer run, which has usually swallowed a verb
             * (กระทรวงแรงงานเปิด…). */
            struct cand c = has_g ? g : p;
            c.after_position = k == 1;
            if (xd_excluded(d, c.b, c.e) || covered(cs, c.b, c.e))
                continue;
            enum tg_status st = push(cs, c);
            if (st != TG_OK)
                return st;
        }
    }
    return TG_OK;
}

/* `(ABBR.)` after b: Thai letters and dots ending with a dot. */
static bool parenthesised_abbreviation(const struct xdoc *d, size_t b, size_t *ab, size_t *ae)
{
    size_t p = xd_skip_spaces(d, b);
    if (p >= d->len || d->text[p] != '(')
        return false;
    size_t s = p + 1, e = s, w;
    bool dot = false;
    while (e < d->len) {
        uint32_t cp = xd_cp(d, e, &w);
        if (cp == '.')
            dot = true;
        else if (!xd_is_thai(cp))
            break;
        e += w;
    }
    if (!dot || e == s || e - s > 40 || e >= d->len || d->text[e] != ')' || d->text[e - 1] != '.')
        return false;
    *ab = s;
    *ae = e;
    return true;
}

static long find_org(const struct xdoc *d, const char *key)
{
    for (size_t i = 0; i < d->r->organisation_count; i++)
        if (strcmp(d->r->organisations[i].key, key) == 0)
            return (long)i;
    return -1;
}

static enum tg_status copy_entry_lists(struct tg_extract_organisation *o,
                                       const struct tg_gazetteer_entry *entry)
{
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < tg_gazetteer_entry_abbreviation_count(entry); i++) {
        const char *a = tg_gazetteer_entry_abbreviation(entry, i);
        st = xd_push_string(&o->abbreviations, &o->abbreviation_count, a, strlen(a));
    }
    for (size_t i = 0; st == TG_OK && i < tg_gazetteer_entry_alias_count(entry); i++) {
        const char *a = tg_gazetteer_entry_alias(entry, i);
        st = xd_push_string(&o->aliases, &o->alias_count, a, strlen(a));
    }
    const struct tg_gazetteer_entry *parent = tg_gazetteer_entry_parent(entry);
    if (st == TG_OK && parent) {
        const char *pn = tg_gazetteer_entry_name(parent);
        if (!(o->parent_name = xd_dup(pn, strlen(pn))))
            st = TG_ERR_NOMEM;
    }
    return st;
}

/* The organisation named name[0..len) (the gazetteer's when entry is set), created on first
 * use. */
static enum tg_status org_get(struct xdoc *d, const char *name, size_t len,
                              const struct tg_gazetteer_entry *entry, const char *kind, long *out)
{
    static const struct xentity_layout layout = {sizeof(struct tg_extract_organisation),
                                                 offsetof(struct tg_extract_organisation, name),
                                                 offsetof(struct tg_extract_organisation, key)};
    struct tg_extract_result *r = d->r;
    bool created;
    struct tg_extract_organisation *grown = xd_entity(
        r->organisations, &r->organisation_count, &d->cap_orgs, &layout, name, len, out, &created);
    if (!grown)
        return TG_ERR_NOMEM;
    r->organisations = grown;
    if (!created)
        return TG_OK;
    struct tg_extract_organisation *o = &grown[*out];
    o->parent = -1;
    o->kind = kind;
    enum tg_status st;
    if (entry) {
        o->known = true;
        o->kind = tg_gazetteer_entry_kind(entry);
        if ((st = copy_entry_lists(o, entry)) != TG_OK)
            return st;
    }
    if (!o->kind)
        o->kind = "other";
    return TG_OK;
}

enum tg_status xd_org_from_entry(struct xdoc *d, const struct tg_gazetteer_entry *entry, long *org)
{
    const char *name = tg_gazetteer_entry_name(entry);
    return org_get(d, name, strlen(name), entry, NULL, org);
}

static const struct tg_gazetteer_entry *find_entry(const struct xdoc *d, const char *s, size_t n)
{
    const struct tg_gazetteer_entry *entry;
    size_t count;
    if (tg_gazetteer_find(d->ex->gazetteer, s, n, TG_GAZETTEER_MASK(TG_GAZETTEER_ORGANISATION),
                          &entry, 1, &count) != TG_OK)
        return NULL;
    return entry;
}

static long learnt(const struct xdoc *d, const char *s, size_t n)
{
    for (size_t i = 0; i < d->n_pairs; i++)
        if (strlen(d->pairs[i].abbr) == n && memcmp(d->pairs[i].abbr, s, n) == 0)
            return d->pairs[i].org;
    return -1;
}

/* Resolves a candidate that is not a truncation. */
static enum tg_status resolve(struct xdoc *d, struct cand *c)
{
    const char *s = d->text + c->b;
    size_t n = c->e - c->b;
    if (c->source == FROM_LEARNT || (s[n - 1] == '.' && learnt(d, s, n) >= 0)) {
        c->org = learnt(d, s, n);
        return TG_OK;
    }
    const struct tg_gazetteer_entry *entry = c->entry ? c->entry : find_entry(d, s, n);
    if (entry && c->stem_end) {
        /* One office of a province: the stem's kind and parent, its own full name. */
        const char *stem = tg_gazetteer_entry_name(entry);
        size_t sl = strlen(stem), pl = c->e - c->stem_end;
        char *full = malloc(sl + pl + 1);
        if (!full)
            return TG_ERR_NOMEM;
        memcpy(full, stem, sl);
        memcpy(full + sl, d->text + c->stem_end, pl);
        full[sl + pl] = '\0';
        enum tg_status st = org_get(d, full, sl + pl, entry, NULL, &c->org);
        free(full);
        return st;
    }
    if (entry) {
        const char *name = tg_gazetteer_entry_name(entry);
        return org_get(d, name, strlen(name), entry, NULL, &c->org);
    }
    return org_get(d, s, n, NULL, c->kind, &c->org);
}

/* `X ฯ`: the organisation of this document whose name starts with X, else the gazetteer's
 * alias, else the truncation itself. */
static enum tg_status resolve_truncation(struct xdoc *d, struct cand *c)
{
    const char *s = d->text + c->b;
    size_t stem = c->e - c->b - 3;
    for (size_t i = 0; i < d->r->organisation_count; i++) {
        const char *name = d->r->organisations[i].name;
        if (strlen(name) > stem && memcmp(name, s, stem) == 0) {
            c->org = (long)i;
            return TG_OK;
        }
    }
    const struct tg_gazetteer_entry *entry = find_entry(d, s, c->e - c->b);
    if (entry) {
        const char *name = tg_gazetteer_entry_name(entry);
        return org_get(d, name, strlen(name), entry, NULL, &c->org);
    }
    return org_get(d, s, c->e - c->b, NULL, c->kind, &c->org);
}

/* `ชื่อเต็ม (ABBR.)` teaches ABBR for the document, even against the gazetteer when the name
 * is a known organisation (the document says what it means). A name the gazetteer does not
 * know, with an abbreviation it does, is that organisation written short (กองทุน… (สสส.)). An
 * unknown abbreviation after a position title abbreviates the title (ปลัดกระทรวง… (ปพม.)). */
static enum tg_status learn_pairs(struct xdoc *d, struct cands *cs)
{
    size_t n = cs->n;
    for (size_t i = 0; i < n; i++) {
        struct cand *c = &cs->c[i];
        size_t ab, ae;
        if (c->truncated || d->text[c->e - 1] == '.' ||
            !parenthesised_abbreviation(d, c->e, &ab, &ae))
            continue;
        const struct tg_gazetteer_entry *entry = find_entry(d, d->text + ab, ae - ab);
        if (c->after_position && !entry)
            continue;
        enum tg_status st;
        if (entry && !c->entry && !c->stem_end) {
            c->entry = entry;
            c->source = FROM_GAZETTEER;
        }
        if ((st = resolve(d, c)) != TG_OK)
            return st;
        struct xpair *pairs = xd_grow(d->pairs, &d->cap_pairs, d->n_pairs + 1, sizeof *pairs);
        if (!pairs)
            return TG_ERR_NOMEM;
        d->pairs = pairs;
        if (!(d->pairs[d->n_pairs].abbr = xd_dup(d->text + ab, ae - ab)))
            return TG_ERR_NOMEM;
        d->pairs[d->n_pairs++].org = c->org;
        struct tg_extract_organisation *o = &d->r->organisations[c->org];
        if ((st = xd_push_string(&o->abbreviations, &o->abbreviation_count, d->text + ab,
                                 ae - ab)) != TG_OK)
            return st;
        if (!covered(cs, ab, ae) &&
            (st = push(cs, (struct cand){.b = ab, .e = ae, .source = FROM_LEARNT, .org = -1})) !=
                TG_OK)
            return st;
    }
    return TG_OK;
}

/* Learnt abbreviations written elsewhere in the document (สสว. after สำนักงาน… (สสว.)). */
static enum tg_status scan_learnt(struct xdoc *d, struct cands *cs)
{
    for (size_t i = 0; i < d->n_pairs; i++) {
        const char *a = d->pairs[i].abbr;
        size_t n = strlen(a);
        for (const char *p = d->text; (p = xd_find(p, d->len - (size_t)(p - d->text), a, n));
             p += n) {
            size_t b = (size_t)(p - d->text);
            if (covered(cs, b, b + n) || xd_excluded(d, b, b + n) || !abbreviation_may_start(d, b))
                continue;
            enum tg_status st =
                push(cs, (struct cand){.b = b, .e = b + n, .source = FROM_LEARNT, .org = -1});
            if (st != TG_OK)
                return st;
        }
    }
    return TG_OK;
}

/* Whether [b, e) lies inside a position title that starts a few words earlier (the tagger
 * takes สาธารณสุขจังหวัด of นายแพทย์สาธารณสุขจังหวัด for an organisation). */
static bool inside_position(const struct xdoc *d, size_t b, size_t e)
{
    size_t from = b > 90 ? b - 90 : 0;
    for (size_t p = from; p < b; p++) {
        const struct tg_gazetteer_entry *entry;
        size_t n;
        if (xd_token_start(d, p) &&
            tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, p,
                                  TG_GAZETTEER_MASK(TG_GAZETTEER_POSITION), &entry, &n) == TG_OK &&
            p + n >= e)
            return true;
    }
    return false;
}

/* NER organisations the rules missed, when they look like a name rather than a fragment: more
 * than one word (a lone word such as แรงงาน is a topic), not a place (ที่ว่าการอำเภอ), and not a
 * dotted abbreviation, since the rules know every abbreviation the document or the gazetteer
 * explains. */
static enum tg_status scan_ner(struct xdoc *d, struct cands *cs)
{
    const struct tg_gazetteer_entry *cue;
    size_t cue_len;
    for (size_t i = 0; i < d->n_ner; i++) {
        const struct tg_ner_span *s = &d->ner[i];
        if (s->type != TG_NER_ORGANISATION || s->end - s->start < 4 ||
            d->text[s->byte_end - 1] == '.' || inside_position(d, s->byte_start, s->byte_end) ||
            covered(cs, s->byte_start, s->byte_end) ||
            xd_overlap(d, s->byte_start, s->byte_end) >= 0 ||
            xd_excluded(d, s->byte_start, s->byte_end) || xd_stop_word_at(d, s->byte_start) ||
            !xd_is_thai(xd_cp(d, s->byte_start, NULL)) ||
            xd_thai_run(d, s->byte_start) < s->byte_end ||
            xd_token_after(d, s->byte_start) >= s->byte_end ||
            tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, s->byte_start,
                                  TG_GAZETTEER_MASK(TG_GAZETTEER_PLACE_CUE), &cue,
                                  &cue_len) == TG_OK)
            continue;
        enum tg_status st = push(cs, (struct cand){.b = s->byte_start,
                                                   .e = s->byte_end,
                                                   .source = FROM_NER,
                                                   .kind = "other",
                                                   .org = -1});
        if (st != TG_OK)
            return st;
    }
    return TG_OK;
}

/* A department written just before its ministry (กรมอนามัย กระทรวงสาธารณสุข) belongs to it. */
static enum tg_status parents_from_text(struct xdoc *d, const struct cands *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        const struct cand *a = &cs->c[i];
        size_t next = xd_skip_spaces(d, a->e);
        long m = next > a->e ? xd_mention_at(d, next, TG_EXTRACT_ORGANISATION) : -1;
        if (m < 0 || a->org < 0 || d->m[m].entity == a->org)
            continue;
        struct tg_extract_organisation *oa = &d->r->organisations[a->org];
        const struct tg_extract_organisation *ob = &d->r->organisations[d->m[m].entity];
        if (oa->parent_name || strcmp(ob->kind, "ministry") != 0 ||
            strcmp(oa->kind, "ministry") == 0)
            continue;
        if (!(oa->parent_name = xd_dup(ob->name, strlen(ob->name))))
            return TG_ERR_NOMEM;
    }
    for (size_t i = 0; i < d->r->organisation_count; i++) {
        struct tg_extract_organisation *o = &d->r->organisations[i];
        if (!o->parent_name)
            continue;
        char *key = tg_text_key(o->parent_name, strlen(o->parent_name));
        if (!key)
            return TG_ERR_NOMEM;
        o->parent = find_org(d, key);
        free(key);
    }
    return TG_OK;
}

static int by_b(const void *x, const void *y)
{
    const struct cand *a = x, *b = y;
    return (a->b > b->b) - (a->b < b->b);
}

static enum tg_status record(struct xdoc *d, struct cands *cs)
{
    if (cs->n > 1)
        qsort(cs->c, cs->n, sizeof *cs->c, by_b);
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < cs->n; i++)
        if (!cs->c[i].truncated && cs->c[i].org < 0)
            st = resolve(d, &cs->c[i]);
    for (size_t i = 0; st == TG_OK && i < cs->n; i++)
        if (cs->c[i].truncated && cs->c[i].org < 0)
            st = resolve_truncation(d, &cs->c[i]);
    for (size_t i = 0; st == TG_OK && i < cs->n; i++) {
        struct cand *c = &cs->c[i];
        if (c->org < 0)
            continue;
        struct tg_extract_organisation *o = &d->r->organisations[c->org];
        o->mention_count++;
        const char *s = d->text + c->b;
        size_t n = c->e - c->b;
        bool is_abbr = s[n - 1] == '.' && !memchr(s, ' ', n);
        if (is_abbr)
            st = xd_push_string(&o->abbreviations, &o->abbreviation_count, s, n);
        else if (strlen(o->name) != n || memcmp(o->name, s, n) != 0)
            st = xd_push_string(&o->aliases, &o->alias_count, s, n);
        if (st == TG_OK)
            st = xd_add_mention(d, TG_EXTRACT_ORGANISATION, c->b, c->e, c->org);
    }
    return st == TG_OK ? parents_from_text(d, cs) : st;
}

enum tg_status xd_orgs(struct xdoc *d)
{
    struct cands cs = {.claimed = calloc(d->len, 1)};
    enum tg_status st = cs.claimed ? scan(d, &cs) : TG_ERR_NOMEM;
    if (st == TG_OK)
        st = learn_pairs(d, &cs);
    if (st == TG_OK)
        st = scan_learnt(d, &cs);
    if (st == TG_OK)
        st = record(d, &cs);
    free(cs.c);
    free(cs.claimed);
    return st;
}

/* The tagger's organisations come last, once people, places and programmes have taken what the
 * rules know (a hotel's name is not an organisation because the tagger says so). */
enum tg_status xd_orgs_from_model(struct xdoc *d)
{
    struct cands cs = {.claimed = calloc(d->len, 1)};
    enum tg_status st = cs.claimed ? scan_ner(d, &cs) : TG_ERR_NOMEM;
    if (st == TG_OK)
        st = record(d, &cs);
    free(cs.c);
    free(cs.claimed);
    return st;
}
