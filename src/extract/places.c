/*
 * Places (rooms, venues, buildings, landmarks, provinces, districts, countries) and programmes
 * (โครงการ…, Leadership Program): the spans the organisation and people passes left free.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "thaigraph/text.h"
#include "thaigraph/numbers.h"
#include "thaigraph/utf8.h"

/* Province names that are also everyday words; only a cue (จังหวัด, จ.) makes them places. */
static const char *const ambiguous_provinces[] = {"เลย", "ตาก", "น่าน", "แพร่", "ตรัง", "พัง"};

/* Venue cues that name a venue whatever precedes them; other venue cues (ศูนย์, วัด) need ณ
 * or ที่ before them. The centres named for what is held in them (ศูนย์แสดงสินค้าและการประชุม
 * อิมแพ็ค, ศูนย์แถลงข่าวรัฐบาล) are places, not bodies that act (issue 9). */
static const char *const distinctive_venues[] = {"โรงแรม",
                                                 "ศูนย์ประชุม",
                                                 "ศูนย์การประชุม",
                                                 "สนามกีฬา",
                                                 "สนามบิน",
                                                 "ท่าอากาศยาน",
                                                 "ศูนย์แสดงสินค้าและการประชุม",
                                                 "ศูนย์นิทรรศการและการประชุม",
                                                 "ศูนย์แสดงสินค้า",
                                                 "ศูนย์นิทรรศการ",
                                                 "ศูนย์แถลงข่าว"};

bool xd_venue_at(const struct xdoc *d, size_t b)
{
    for (size_t i = 0; i < sizeof distinctive_venues / sizeof *distinctive_venues; i++)
        if (xd_has(d, b, distinctive_venues[i]))
            return true;
    return false;
}

static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return true;
    return false;
}

static size_t match(const struct xdoc *d, size_t b, enum tg_gazetteer_type type,
                    const struct tg_gazetteer_entry **entry)
{
    const struct tg_gazetteer_entry *e;
    size_t n;
    if (b >= d->len || tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b,
                                             TG_GAZETTEER_MASK(type), &e, &n) != TG_OK)
        return 0;
    if (entry)
        *entry = e;
    return n;
}

static enum tg_status place_get(struct xdoc *d, const char *name, size_t len, const char *kind,
                                long *out)
{
    static const struct xentity_layout layout = {sizeof(struct tg_extract_place),
                                                 offsetof(struct tg_extract_place, name),
                                                 offsetof(struct tg_extract_place, key)};
    struct tg_extract_result *r = d->r;
    bool created;
    void *grown;
    enum tg_status st = xd_entity_get(r->places, &r->place_count, &d->cap_places, &layout, name,
                                      len, &grown, out, &created);
    if (st != TG_OK)
        return st;
    r->places = grown;
    if (created) {
        r->places[*out].kind = kind;
        r->places[*out].within = -1;
        r->places[*out].within_organisation = -1;
    }
    return TG_OK;
}

static enum tg_status add_place(struct xdoc *d, size_t b, size_t e, const char *name, size_t len,
                                const char *kind)
{
    long idx;
    enum tg_status st = place_get(d, name, len, kind, &idx);
    if (st == TG_OK) {
        d->r->places[idx].mention_count++;
        st = xd_add_mention(d, TG_EXTRACT_PLACE, b, e, idx);
    }
    return st;
}

/* End of the word at b (up to whitespace or a bracket or quote). */
static size_t word_end(const struct xdoc *d, size_t b)
{
    size_t w;
    while (b < d->len) {
        uint32_t cp = xd_cp(d, b, &w);
        if (tg_text_is_blank(cp) || cp == '\n' || cp == '\r' || cp == '(' || cp == ')' ||
            cp == ',' || cp == 0x201C || cp == 0x201D || cp == '"')
            break;
        b += w;
    }
    return b;
}

/* A word of a venue's name: not a cue, an area, an organisation, a date or a function word. */
static size_t venue_word(const struct xdoc *d, size_t b)
{
    size_t e = word_end(d, b);
    uint32_t cp = xd_cp(d, b, NULL);
    if (e == b || tg_numbers_digit_value(cp) >= 0 || match(d, b, TG_GAZETTEER_PLACE_CUE, NULL) ||
        match(d, b, TG_GAZETTEER_PROVINCE, NULL) || match(d, b, TG_GAZETTEER_ORGANISATION, NULL) ||
        xd_stop_word_at(d, b) || xd_overlap(d, b, e) >= 0 || xd_date_overlaps(d, b, e))
        return b;
    return e;
}

/* The length of the landmark written at b, or 0: a venue's name may be one
 * (ศูนย์แสดงสินค้าและการประชุมอิมแพ็ค เมืองทองธานี), and then ends with it (issue 9). */
static size_t landmark_len(const struct xdoc *d, size_t b)
{
    const struct tg_gazetteer_entry *cue;
    size_t n = match(d, b, TG_GAZETTEER_PLACE_CUE, &cue);
    return n && strcmp(tg_gazetteer_entry_kind(cue), "landmark") == 0 ? n : 0;
}

/* End of the tagger's place or organisation span that starts at b, or 0. */
static size_t ner_name_end(const struct xdoc *d, size_t b)
{
    for (size_t i = 0; i < d->n_ner; i++)
        if (d->ner[i].byte_start == b &&
            (d->ner[i].type == TG_NER_PLACE || d->ner[i].type == TG_NER_ORGANISATION))
            return d->ner[i].byte_end;
    return 0;
}

/* Cue, then the glued word and up to two more separated by single spaces. Text written without
 * spaces glues the clause after a name to it (ท่าอากาศยานสุวรรณภูมิฝั่งทิศใต้กล่าวว่า…): where the
 * tagger reads a shorter name from the cue, the name ends with it. */
static size_t venue_name(const struct xdoc *d, size_t b, size_t n)
{
    size_t e = b + n;
    if (tg_text_is_blank(xd_cp(d, e, NULL)))
        e = xd_skip_spaces(d, e);
    size_t end = b + n;
    for (int words = 0; words < 3; words++) {
        if (landmark_len(d, e)) {
            end = e + landmark_len(d, e);
            break;
        }
        size_t we = venue_word(d, e);
        if (we == e)
            break;
        end = we;
        size_t w;
        if (!tg_text_is_blank(xd_cp(d, we, &w)))
            break;
        e = we + w;
    }
    size_t tagged = ner_name_end(d, b);
    return tagged > b + n && tagged < end ? tagged : end;
}

/* ห้องประชุมรัตนโกสินทร์, ห้องประชุม 2, ห้องคอนเน็ทชั่น ๑ ชั้น ๙: a room needs a name or a number. */
static size_t room_name(const struct xdoc *d, size_t b, size_t n)
{
    size_t e = word_end(d, b + n);
    bool named = e > b + n;
    size_t s = xd_skip_spaces(d, e);
    if (s > e && xd_digit_at(d, s)) {
        e = word_end(d, s);
        named = true;
    }
    if (!named)
        return b;
    s = xd_skip_spaces(d, e);
    const struct tg_gazetteer_entry *cue;
    size_t cn = match(d, s, TG_GAZETTEER_PLACE_CUE, &cue);
    if (cn && strcmp(tg_gazetteer_entry_kind(cue), "floor") == 0) {
        size_t f = xd_skip_spaces(d, s + cn);
        if (xd_digit_at(d, f))
            e = word_end(d, f);
    }
    return e;
}

static bool after_locative(const struct xdoc *d, size_t b)
{
    static const char *const cues[] = {"ณ", "ที่"};
    size_t p = b;
    p = xd_skip_spaces_back(d, 0, p);
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(cues[i]);
        if (p >= n && memcmp(d->text + p - n, cues[i], n) == 0)
            return true;
    }
    return false;
}

/* Whether [b, e) ends a longer name the tagger reads from further back: an organisation's
 * (ธนาคารกลางออสเตรเลีย, สถาบันวิจัย…แห่งประเทศไทย, ศาลจังหวัดกาญจนบุรี) or a building's
 * (ศาลากลางจังหวัดลำปาง). The place is then part of that name, and left to it. */
static bool inside_tagged_name(const struct xdoc *d, size_t b, size_t e)
{
    for (size_t i = 0; i < d->n_ner; i++)
        if ((d->ner[i].type == TG_NER_ORGANISATION || d->ner[i].type == TG_NER_PLACE) &&
            d->ner[i].byte_start < b && e <= d->ner[i].byte_end)
            return true;
    return false;
}

static enum tg_status cue_place(struct xdoc *d, size_t b)
{
    const struct tg_gazetteer_entry *cue;
    size_t n = match(d, b, TG_GAZETTEER_PLACE_CUE, &cue);
    if (!n)
        return TG_OK;
    const char *kind = tg_gazetteer_entry_kind(cue);
    size_t e = b;
    if (strcmp(kind, "landmark") == 0) {
        e = b + n;
    } else if (strcmp(kind, "venue") == 0) {
        if (in_list(distinctive_venues, sizeof distinctive_venues / sizeof *distinctive_venues,
                    d->text + b, n) ||
            after_locative(d, b))
            e = venue_name(d, b, n);
        if (e <= b + n)
            e = b;
    } else if (strcmp(kind, "room") == 0) {
        e = room_name(d, b, n);
    } else if (strcmp(kind, "building") == 0) {
        e = venue_name(d, b, n);
        if (e <= b + n)
            e = b;
    } else if (strcmp(kind, "province") == 0) {
        const struct tg_gazetteer_entry *prov;
        size_t s = xd_skip_spaces(d, b + n);
        size_t pn = match(d, s, TG_GAZETTEER_PROVINCE, &prov);
        if (pn && xd_token_end(d, s + pn) && s - (b + n) <= 1) {
            const char *name = tg_gazetteer_entry_name(prov);
            if (xd_overlap(d, b, s + pn) >= 0 || xd_excluded(d, b, s + pn) ||
                inside_tagged_name(d, b, s + pn))
                return TG_OK;
            return add_place(d, b, s + pn, name, strlen(name), "province");
        }
    }
    if (e == b || xd_overlap(d, b, e) >= 0 || xd_excluded(d, b, e))
        return TG_OK;
    return add_place(d, b, e, d->text + b, e - b, kind);
}

/* Where the mention of a place named at b starts: at the word for its kind written just before
 * it (ประเทศบราซิล, จ.สตูล, อำเภอ เมืองเชียงราย), which ThaiNER and the gold guideline count as
 * part of the name, when nothing else has taken that word; else b. */
static size_t kind_word_before(const struct xdoc *d, size_t b, enum tg_gazetteer_type type)
{
    static const struct {
        enum tg_gazetteer_type type;
        const char *word;
    } words[] = {{TG_GAZETTEER_COUNTRY, "ประเทศ"}, {TG_GAZETTEER_PROVINCE, "จังหวัด"},
                 {TG_GAZETTEER_PROVINCE, "จ."},    {TG_GAZETTEER_DISTRICT, "อำเภอ"},
                 {TG_GAZETTEER_DISTRICT, "อ."},    {TG_GAZETTEER_DISTRICT, "เขต"}};
    size_t at = b;
    if (at > 0 && d->text[at - 1] == ' ')
        at--;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i].word);
        if (words[i].type != type || at < n || memcmp(d->text + at - n, words[i].word, n) != 0)
            continue;
        size_t start = at - n;
        /* The word must be a word of its own, not the end of another (ต่างประเทศ). */
        if (!xd_token_end(d, start) || xd_overlap(d, start, b) >= 0 || xd_excluded(d, start, b))
            return b;
        return start;
    }
    return b;
}

/* Provinces, Bangkok districts and countries named on their own. */
static enum tg_status named_place(struct xdoc *d, size_t b)
{
    static const struct {
        enum tg_gazetteer_type type;
        const char *kind;
    } lists[] = {{TG_GAZETTEER_PROVINCE, "province"},
                 {TG_GAZETTEER_DISTRICT, "district"},
                 {TG_GAZETTEER_COUNTRY, "country"}};
    for (size_t i = 0; i < 3; i++) {
        const struct tg_gazetteer_entry *entry;
        size_t n = match(d, b, lists[i].type, &entry);
        if (!n || !xd_token_end(d, b + n) || xd_overlap(d, b, b + n) >= 0 ||
            xd_excluded(d, b, b + n))
            continue;
        size_t start = kind_word_before(d, b, lists[i].type);
        if (inside_tagged_name(d, start, b + n))
            continue;
        const char *name = tg_gazetteer_entry_name(entry);
        bool full = strlen(name) == n && memcmp(name, d->text + b, n) == 0;
        if (lists[i].type == TG_GAZETTEER_PROVINCE &&
            in_list(ambiguous_provinces, sizeof ambiguous_provinces / sizeof *ambiguous_provinces,
                    d->text + b, n))
            continue;
        if (lists[i].type != TG_GAZETTEER_PROVINCE && !full && tg_utf8_count(d->text + b, n) < 5)
            continue;
        return add_place(d, start, b + n, name, strlen(name), lists[i].kind);
    }
    return TG_OK;
}

enum tg_status xd_places(struct xdoc *d)
{
    enum tg_status st = TG_OK;
    for (size_t t = 0; st == TG_OK && t < d->n_tokens; t++) {
        size_t b = d->tokens[t].byte_start;
        if (xd_overlap(d, b, b + 1) >= 0)
            continue;
        size_t before = d->n_m;
        st = cue_place(d, b);
        if (st == TG_OK && d->n_m == before)
            st = named_place(d, b);
    }
    return st;
}

/* The tagger's places the rules left free (อ.บ้านไร่, สวนสัตว์เขาเขียว): named by the gazetteer
 * when it knows the span, else as written. */
enum tg_status xd_places_from_model(struct xdoc *d)
{
    static const struct {
        enum tg_gazetteer_type type;
        const char *kind;
    } lists[] = {{TG_GAZETTEER_PROVINCE, "province"},
                 {TG_GAZETTEER_DISTRICT, "district"},
                 {TG_GAZETTEER_COUNTRY, "country"}};
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < d->n_ner; i++) {
        const struct tg_ner_span *s = &d->ner[i];
        size_t b = s->byte_start, e = s->byte_end;
        if (s->type != TG_NER_PLACE || s->end - s->start < 2 || xd_overlap(d, b, e) >= 0 ||
            xd_excluded(d, b, e) || xd_stop_word_at(d, b))
            continue;
        const char *name = d->text + b, *kind = "other";
        size_t len = e - b;
        for (size_t k = 0; k < sizeof lists / sizeof *lists; k++) {
            const struct tg_gazetteer_entry *entry;
            size_t count;
            if (tg_gazetteer_find(d->ex->gazetteer, d->text + b, e - b,
                                  TG_GAZETTEER_MASK(lists[k].type), &entry, 1, &count) == TG_OK) {
                name = tg_gazetteer_entry_name(entry);
                len = strlen(name);
                kind = lists[k].kind;
                break;
            }
        }
        st = add_place(d, b, e, name, len, kind);
    }
    return st;
}

void xd_link_rooms(struct xdoc *d)
{
    for (size_t i = 0; i < d->n_m; i++) {
        const struct xmention *m = &d->m[i];
        if (m->type != TG_EXTRACT_PLACE || strcmp(d->r->places[m->entity].kind, "room") != 0)
            continue;
        struct tg_extract_place *room = &d->r->places[m->entity];
        size_t next = xd_skip_spaces(d, m->e);
        long org = xd_mention_at(d, next, TG_EXTRACT_ORGANISATION);
        long place = xd_mention_at(d, next, TG_EXTRACT_PLACE);
        if (org >= 0 && room->within_organisation < 0)
            room->within_organisation = d->m[org].entity;
        else if (place >= 0 && room->within < 0 &&
                 strcmp(d->r->places[d->m[place].entity].kind, "room") != 0)
            room->within = d->m[place].entity;
    }
}

static enum tg_status programme_get(struct xdoc *d, const char *name, size_t len, long *out)
{
    static const struct xentity_layout layout = {sizeof(struct tg_extract_programme),
                                                 offsetof(struct tg_extract_programme, name),
                                                 offsetof(struct tg_extract_programme, key)};
    struct tg_extract_result *r = d->r;
    bool created;
    void *grown;
    enum tg_status st = xd_entity_get(r->programmes, &r->programme_count, &d->cap_programmes,
                                      &layout, name, len, &grown, out, &created);
    if (st == TG_OK)
        r->programmes = grown;
    return st;
}

static enum tg_status add_programme(struct xdoc *d, size_t b, size_t e, long idx)
{
    d->r->programmes[idx].mention_count++;
    return xd_add_mention(d, TG_EXTRACT_PROGRAMME, b, e, idx);
}

/* Words that end a project name written as one run (…ตั้งแต่ปี 2554, …ครั้งนี้). */
static const char *const programme_enders[] = {"ตั้งแต่", "ครั้งนี้", "ดังกล่าว", "ทั้งหมด", "ในปี"};

static size_t closing_quote(const struct xdoc *d, size_t b)
{
    uint32_t open = xd_cp(d, b, NULL);
    if (open != 0x201C && open != '"')
        return b;
    uint32_t close = open == '"' ? '"' : 0x201D;
    size_t w, p = b;
    xd_cp(d, p, &w);
    p += w;
    for (int n = 0; p < d->len && n < 80; n++, p += w) {
        uint32_t cp = xd_cp(d, p, &w);
        if (cp == '\n')
            return b;
        if (cp == close)
            return p + w;
    }
    return b;
}

static size_t programme_name(const struct xdoc *d, size_t q)
{
    size_t e = q;
    while (e < d->len && xd_is_thai(xd_cp(d, e, NULL))) {
        bool ends = false;
        for (size_t i = 0; i < sizeof programme_enders / sizeof *programme_enders; i++)
            ends = ends || (e > q && xd_has(d, e, programme_enders[i]));
        if (ends)
            break;
        size_t next = xd_token_after(d, e);
        size_t run = xd_thai_run(d, e);
        e = next > e && next < run ? next : run;
    }
    if (tg_utf8_count(d->text + q, e - q) < 4)
        return q;
    size_t s = xd_skip_spaces(d, e);
    size_t quoted = closing_quote(d, s);
    if (s - e <= 1 && quoted > s)
        e = quoted;
    return e;
}

/* Capitalised Latin words ending in Program, Project, Team, ...; returns the end or b. */
static size_t latin_programme(const struct xdoc *d, size_t b, bool *team)
{
    static const char *const heads[] = {"Program",  "Programme",  "Project",
                                        "Campaign", "Initiative", "Team"};
    size_t p = b;
    for (int words = 0; words < 6 && xd_latin_upper_at(d, p); words++) {
        size_t s = p;
        p = xd_latin_word_end(d, p, "");
        for (size_t i = 0; words > 0 && i < sizeof heads / sizeof *heads; i++)
            if (p - s == strlen(heads[i]) && memcmp(d->text + s, heads[i], p - s) == 0) {
                *team = i == 5;
                return p;
            }
        if (p >= d->len || d->text[p] != ' ')
            break;
        p++;
    }
    return b;
}

static enum tg_status latin_programmes(struct xdoc *d)
{
    for (size_t t = 0; t < d->n_tokens; t++) {
        size_t b = d->tokens[t].byte_start;
        if (xd_is_latin_letter(xd_cp_before(d, b)) || xd_overlap(d, b, b + 1) >= 0)
            continue;
        bool team = false;
        size_t e = latin_programme(d, b, &team);
        /* A team in parentheses glosses a Thai word for a group of people. */
        if (e == b || xd_excluded(d, b, e) || xd_overlap(d, b, e) >= 0 ||
            (team && xd_cp_before(d, b) == '('))
            continue;
        long idx;
        enum tg_status st = programme_get(d, d->text + b, e - b, &idx);
        if (st == TG_OK)
            st = add_programme(d, b, e, idx);
        if (st != TG_OK)
            return st;
    }
    return TG_OK;
}

/* `โครงการ…` and `โครงการฯ` (the programme last named); a Latin name in parentheses right after
 * the Thai one is its alias. */
enum tg_status xd_programmes(struct xdoc *d)
{
    static const char cue[] = "โครงการ";
    long last = -1;
    for (size_t t = 0; t < d->n_tokens; t++) {
        size_t b = d->tokens[t].byte_start;
        if (!xd_has(d, b, cue) || xd_overlap(d, b, b + 1) >= 0)
            continue;
        size_t q = b + strlen(cue);
        enum tg_status st = TG_OK;
        if (xd_cp(d, q, NULL) == 0x0E2F) {
            if (last >= 0 && !xd_excluded(d, b, q + 3) && xd_overlap(d, b, q + 3) < 0)
                st = add_programme(d, b, q + 3, last);
            if (st != TG_OK)
                return st;
            continue;
        }
        if (xd_stop_word_at(d, q))
            continue;
        size_t e = programme_name(d, q);
        if (e == q || xd_excluded(d, b, e) || xd_overlap(d, b, e) >= 0)
            continue;
        if ((st = programme_get(d, d->text + b, e - b, &last)) == TG_OK)
            st = add_programme(d, b, e, last);
        size_t open = xd_skip_spaces(d, e);
        bool team = false;
        size_t le =
            open < d->len && d->text[open] == '(' ? latin_programme(d, open + 1, &team) : open + 1;
        if (st == TG_OK && le > open + 1 && le < d->len && d->text[le] == ')') {
            struct tg_extract_programme *p = &d->r->programmes[last];
            st = xd_push_string(&p->aliases, &p->alias_count, d->text + open + 1, le - open - 1);
            if (st == TG_OK)
                st = add_programme(d, open + 1, le, last);
        }
        if (st != TG_OK)
            return st;
    }
    return latin_programmes(d);
}
