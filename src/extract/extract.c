/* The document driver of tg_extract: runs the recognisers in order and builds the result. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_internal.h"
#include "thaigraph/grow.h"
#include "thaigraph/text.h"
#include "thaigraph/numbers.h"
#include "thaigraph/utf8.h"

const char *tg_extract_type_name(enum tg_extract_type type)
{
    static const char *const names[] = {"organisation", "person", "place",
                                        "programme",    "date",   "number"};
    return (unsigned)type < sizeof names / sizeof names[0] ? names[type] : "unknown";
}

static char *member(const void *array, size_t i, size_t elem, size_t offset)
{
    char *s;
    memcpy(&s, (const char *)array + i * elem + offset, sizeof s);
    return s;
}

enum tg_status xd_entity_get(void *array, size_t *count, size_t *cap,
                             const struct xentity_layout *layout, const char *name, size_t len,
                             void **grown, long *index, bool *created)
{
    char *key;
    enum tg_status st = tg_text_make_key(name, len, &key);
    if (st != TG_OK)
        return st;
    *created = false;
    *grown = array;
    for (size_t i = 0; i < *count; i++)
        if (strcmp(member(array, i, layout->elem, layout->key), key) == 0) {
            free(key);
            *index = (long)i;
            return TG_OK;
        }
    char *copy = xd_dup(name, len);
    char *moved = copy ? tg_grow(array, cap, *count + 1, layout->elem) : NULL;
    if (!moved) {
        free(key);
        free(copy);
        return TG_ERR_NOMEM;
    }
    char *slot = moved + *count * layout->elem;
    memset(slot, 0, layout->elem);
    memcpy(slot + layout->key, &key, sizeof key);
    memcpy(slot + layout->name, &copy, sizeof copy);
    *index = (long)(*count)++;
    *created = true;
    *grown = moved;
    return TG_OK;
}

void *xd_entity(void *array, size_t *count, size_t *cap, const struct xentity_layout *layout,
                const char *name, size_t len, long *index, bool *created)
{
    void *grown;
    return xd_entity_get(array, count, cap, layout, name, len, &grown, index, created) == TG_OK
               ? grown
               : NULL;
}

char *xd_dup(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (out) {
        memcpy(out, s, len);
        out[len] = '\0';
    }
    return out;
}

const char *xd_find(const char *hay, size_t n, const char *needle, size_t nl)
{
    if (nl == 0 || nl > n)
        return NULL;
    /* Thai letters share their first byte, so look for the last one, which tells them apart. */
    char last = needle[nl - 1];
    for (const char *p = hay + nl - 1; p < hay + n; p++) {
        if (!(p = memchr(p, last, (size_t)(hay + n - p))))
            return NULL;
        if (memcmp(p - (nl - 1), needle, nl) == 0)
            return p - (nl - 1);
    }
    return NULL;
}

/* Appends a copy of s unless the list already holds it. */
enum tg_status xd_push_string(char ***list, size_t *count, const char *s, size_t len)
{
    for (size_t i = 0; i < *count; i++)
        if (strlen((*list)[i]) == len && memcmp((*list)[i], s, len) == 0)
            return TG_OK;
    char **grown = realloc(*list, (*count + 1) * sizeof **list);
    if (!grown)
        return TG_ERR_NOMEM;
    *list = grown;
    if (!(grown[*count] = xd_dup(s, len)))
        return TG_ERR_NOMEM;
    (*count)++;
    return TG_OK;
}

bool xd_excluded(const struct xdoc *d, size_t b, size_t e)
{
    return xd_claimed(d->excluded, b, e < d->len ? e : d->len);
}

bool xd_claimed(const unsigned char *map, size_t b, size_t e)
{
    for (size_t p = b; p < e; p++)
        if (map[p])
            return true;
    return false;
}

void *xd_claim(void *array, size_t *count, size_t *cap, const void *item, size_t elem,
               unsigned char *map, size_t b, size_t e)
{
    char *grown = tg_grow(array, cap, *count + 1, elem);
    if (grown) {
        memcpy(grown + (*count)++ * elem, item, elem);
        memset(map + b, 1, e - b);
    }
    return grown;
}

long xd_overlap(const struct xdoc *d, size_t b, size_t e)
{
    for (size_t p = b; p < e && p < d->len; p++)
        if (d->owner[p])
            return (long)d->owner[p] - 1;
    return -1;
}

long xd_mention_at(const struct xdoc *d, size_t b, enum tg_extract_type type)
{
    if (b >= d->len || !d->owner[b])
        return -1;
    long i = (long)d->owner[b] - 1;
    return d->m[i].b == b && d->m[i].type == type ? i : -1;
}

/* The next entity mention starting in [*p, e) and ending by e, with *p moved past its start;
 * -1 when there is none. */
long xd_next_mention(const struct xdoc *d, size_t *p, size_t e)
{
    for (; *p < e; (*p)++) {
        uint32_t o = d->owner[*p];
        if (o && d->m[o - 1].b == *p && d->m[o - 1].e <= e) {
            (*p)++;
            return (long)o - 1;
        }
    }
    return -1;
}

/* Number of leading elements of a sorted array whose size_t member at offset is <= b. */
static size_t count_up_to(const void *array, size_t n, size_t elem, size_t offset, size_t b)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, v;
        memcpy(&v, (const char *)array + mid * elem + offset, sizeof v);
        if (v <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t xd_first_date(const struct xdoc *d, size_t b)
{
    return count_up_to(d->dates, d->n_dates, sizeof *d->dates,
                       offsetof(struct tg_date_match, byte_end), b);
}

bool xd_date_overlaps(const struct xdoc *d, size_t b, size_t e)
{
    size_t i = xd_first_date(d, b);
    return i < d->n_dates && d->dates[i].byte_start < e;
}

enum tg_status xd_add_mention(struct xdoc *d, enum tg_extract_type type, size_t b, size_t e,
                              long entity)
{
    struct xmention *grown = tg_grow(d->m, &d->cap_m, d->n_m + 1, sizeof *d->m);
    if (!grown)
        return TG_ERR_NOMEM;
    d->m = grown;
    if (type < TG_EXTRACT_DATE)
        for (size_t p = b; p < e; p++)
            d->owner[p] = (uint32_t)d->n_m + 1;
    d->m[d->n_m++] = (struct xmention){.type = type, .b = b, .e = e, .entity = entity};
    return TG_OK;
}

uint32_t xd_cp(const struct xdoc *d, size_t b, size_t *width)
{
    if (b >= d->len) {
        if (width)
            *width = 0;
        return 0;
    }
    size_t pos = b;
    uint32_t cp = tg_utf8_next(d->text, d->len, &pos);
    if (width)
        *width = pos - b;
    return cp;
}

/* Where the code point ending at b starts (b > 0). */
static size_t cp_start_before(const struct xdoc *d, size_t b)
{
    size_t s = b - 1;
    while (s > 0 && ((unsigned char)d->text[s] & 0xC0) == 0x80)
        s--;
    return s;
}

uint32_t xd_cp_before(const struct xdoc *d, size_t b)
{
    return b == 0 ? 0 : xd_cp(d, cp_start_before(d, b), NULL);
}

size_t xd_skip_spaces_back(const struct xdoc *d, size_t floor, size_t b)
{
    while (b > floor && tg_text_is_blank(xd_cp_before(d, b))) {
        size_t s = cp_start_before(d, b);
        if (s < floor)
            break;
        b = s;
    }
    return b;
}

bool xd_digit_at(const struct xdoc *d, size_t b)
{
    return tg_numbers_digit_value(xd_cp(d, b, NULL)) >= 0;
}

bool xd_is_thai(uint32_t cp)
{
    return cp >= 0x0E01 && cp <= 0x0E4E && cp != 0x0E2F && cp != 0x0E3F && cp != 0x0E46;
}

size_t xd_skip_spaces(const struct xdoc *d, size_t b)
{
    size_t w;
    while (b < d->len && tg_text_is_blank(xd_cp(d, b, &w)))
        b += w;
    return b;
}

/* Asked at nearly every byte by the scanning loops and nearly always false within a few bytes,
 * so it compares as it goes instead of calling strlen and memcmp (issue 10). */
bool xd_has(const struct xdoc *d, size_t b, const char *word)
{
    size_t n = 0;
    while (word[n] && b + n < d->len && d->text[b + n] == word[n])
        n++;
    return !word[n];
}

/* Index of the last token starting at or before b, or -1. */
static long token_before(const struct xdoc *d, size_t b)
{
    return b < d->len ? (long)d->token_at[b] - 1 : (long)d->n_tokens - 1;
}

/* Fills d->token_at from the tokens, which are sorted by start. */
static void map_tokens(struct xdoc *d)
{
    size_t t = 0;
    for (size_t p = 0; p < d->len; p++) {
        while (t < d->n_tokens && d->tokens[t].byte_start <= p)
            t++;
        d->token_at[p] = (uint32_t)t;
    }
}

bool xd_token_start(const struct xdoc *d, size_t b)
{
    long t = token_before(d, b);
    return t >= 0 && d->tokens[t].byte_start == b;
}

bool xd_token_end(const struct xdoc *d, size_t b)
{
    if (b >= d->len || b == 0)
        return true;
    long t = token_before(d, b - 1);
    return t < 0 || d->tokens[t].byte_end <= b;
}

size_t xd_token_after(const struct xdoc *d, size_t b)
{
    long t = token_before(d, b);
    return t >= 0 && d->tokens[t].byte_start == b ? d->tokens[t].byte_end : b;
}

size_t xd_thai_run(const struct xdoc *d, size_t b)
{
    size_t w;
    while (b < d->len) {
        uint32_t cp = xd_cp(d, b, &w);
        if (!xd_is_thai(cp) && cp != 0x0E46)
            break;
        b += w;
    }
    return b;
}

/* Function words and reporting verbs: a name never starts with one, so a prefix word followed
 * by one (กระทรวงที่…, โครงการทั้งหมด, นายไมตรี กล่าว) is no name. */
static const char *const stop_words[] = {
    "กล่าว", "เผย",  "เป็น",   "ได้",    "และ",  "หรือ",  "ที่",    "ซึ่ง",     "โดย",  "เพื่อ",  "จะ",
    "ให้",   "ใน",   "ของ",   "กับ",    "แต่",   "ว่า",   "มี",    "ทั้งหมด",  "ทั้ง",   "ตั้งแต่", "ดังกล่าว",
    "นี้",    "ต่างๆ", "กว่า",   "จำนวน", "ครั้ง",  "ร่วม",  "จับมือ", "ระหว่าง", "ทุก",   "แต่ละ", "สำหรับ",
    "ไป",   "มา",   "คือ",    "ได้แก่",  "อาทิ",  "เช่น",  "ด้วย",  "แล้ว",    "อย่าง", "ยัง",   "จึง",
    "ก็",    "ไม่",   "แบ่ง",   "ฯ",     "พร้อม", "ต่อ",   "เข้า",  "ขอ",     "จัด",   "นำ",   "แนะ",
    "ระบุ",  "ชี้",    "ทั่ว",    "รวม",   "เพิ่ม",  "เน้น",  "ลง",   "ตน",     "เรา",  "ขณะ",  "ผ่าน",
    "เมื่อ",  "ณ",    "ภายใต้", "ถึง",    "ทาง",  "กลาง", "ต่าง",
};

bool xd_word_at(const struct xdoc *d, size_t b, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (xd_has(d, b, words[i]) && xd_token_end(d, b + strlen(words[i])))
            return true;
    return false;
}

bool xd_stop_word_at(const struct xdoc *d, size_t b)
{
    return xd_word_at(d, b, stop_words, sizeof stop_words / sizeof stop_words[0]);
}

bool xd_latin_upper_at(const struct xdoc *d, size_t b)
{
    return b < d->len && d->text[b] >= 'A' && d->text[b] <= 'Z';
}

bool xd_is_latin_letter(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x1E00 && cp <= 0x1EFF);
}

bool xd_latin_letter_at(const struct xdoc *d, size_t b, size_t *e)
{
    size_t w;
    uint32_t cp = xd_cp(d, b, &w);
    *e = b + w;
    return xd_is_latin_letter(cp);
}

size_t xd_latin_word_end(const struct xdoc *d, size_t b, const char *marks)
{
    for (size_t next; b < d->len; b = next)
        if (!xd_latin_letter_at(d, b, &next)) {
            if (d->text[b] != '-' && (!d->text[b] || !strchr(marks, d->text[b])))
                break;
            next = b + 1;
        }
    return b;
}

bool xd_latin_word_is(const struct xdoc *d, size_t b, size_t e, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(words[i]) == e - b && strncasecmp(d->text + b, words[i], e - b) == 0)
            return true;
    return false;
}

enum tg_status tg_extract_new(struct tg_extract **out, struct tg_error *err)
{
    if (!out)
        return TG_ERR_INVALID_ARGUMENT;
    struct tg_extract *ex = calloc(1, sizeof *ex);
    if (!ex)
        return TG_ERR_NOMEM;
    enum tg_status st = tg_gazetteer_load_builtin(&ex->gazetteer, err);
    if (st == TG_OK && (st = tg_ner_model_builtin(&ex->ner)) != TG_OK)
        tg_error_set(err, st, "loading the built-in NER model");
    if (st != TG_OK) {
        tg_extract_free(ex);
        return st;
    }
    *out = ex;
    return TG_OK;
}

void tg_extract_free(struct tg_extract *ex)
{
    if (!ex)
        return;
    tg_gazetteer_free(ex->gazetteer);
    tg_ner_model_free(ex->ner);
    free(ex);
}

static void free_strings(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void tg_extract_result_free(struct tg_extract_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->mention_count; i++) {
        free(r->mentions[i].surface);
        free(r->mentions[i].value);
    }
    for (size_t i = 0; i < r->organisation_count; i++) {
        struct tg_extract_organisation *o = &r->organisations[i];
        free(o->name);
        free(o->key);
        free(o->parent_name);
        free_strings(o->abbreviations, o->abbreviation_count);
        free_strings(o->aliases, o->alias_count);
    }
    for (size_t i = 0; i < r->person_count; i++) {
        struct tg_extract_person *p = &r->people[i];
        free(p->name);
        free(p->key);
        free(p->given);
        free(p->family);
        free(p->honorific);
        for (size_t j = 0; j < p->position_count; j++)
            free(p->positions[j].title);
        free(p->positions);
    }
    for (size_t i = 0; i < r->place_count; i++) {
        free(r->places[i].name);
        free(r->places[i].key);
    }
    for (size_t i = 0; i < r->programme_count; i++) {
        free(r->programmes[i].name);
        free(r->programmes[i].key);
        free_strings(r->programmes[i].aliases, r->programmes[i].alias_count);
    }
    for (size_t i = 0; i < r->event_count; i++) {
        free(r->events[i].title);
        free(r->events[i].sentence);
        free(r->events[i].organisations);
        free(r->events[i].people);
    }
    free(r->mentions);
    free(r->organisations);
    free(r->people);
    free(r->places);
    free(r->programmes);
    free(r->events);
    free(r);
}

/* Words that open the name of a law, whose year is part of the name (พ.ร.บ.โรคติดต่อ
 * พ.ศ. 2558): neither a date mention (GUIDELINE.md) nor the time of an event (issue 9, class 7).
 * A name runs up to about 80 Thai characters, never over a line. */
static const char *const law_words[] = {"พ.ร.บ.",       "พระราชบัญญัติ", "พ.ร.ก.",    "พระราชกำหนด",
                                        "ประมวลกฎหมาย", "รัฐธรรมนูญ",   "กฎกระทรวง", "ระเบียบ"};
#define LAW_REACH 240
#define LAW_ERA   "พ.ศ."

bool xd_law_year(const struct xdoc *d, const struct tg_date_match *dm)
{
    if (dm->first.precision != TG_DATE_PRECISION_YEAR)
        return false;
    size_t b = dm->byte_start;
    if (!xd_has(d, b, LAW_ERA)) {
        b = xd_skip_spaces_back(d, 0, b);
        size_t n = strlen(LAW_ERA);
        if (b < n || memcmp(d->text + b - n, LAW_ERA, n) != 0)
            return false;
        b -= n;
    }
    size_t from = b > LAW_REACH ? b - LAW_REACH : 0;
    for (size_t p = b; p > from; p--)
        if (d->text[p - 1] == '\n') {
            from = p;
            break;
        }
    for (size_t i = 0; i < sizeof law_words / sizeof *law_words; i++)
        if (xd_find(d->text + from, b - from, law_words[i], strlen(law_words[i])))
            return true;
    return false;
}

/* Dates keep their place even over an entity mention (a date is never a name); numbers give way
 * to dates and names, whose digits they would repeat. */
static enum tg_status add_dates_and_numbers(struct xdoc *d)
{
    for (size_t i = 0; i < d->n_dates; i++) {
        const struct tg_date_match *dm = &d->dates[i];
        if (xd_excluded(d, dm->byte_start, dm->byte_end) || xd_law_year(d, dm))
            continue;
        char first[11], last[11], buf[24];
        tg_date_format_iso(&dm->first, first);
        tg_date_format_iso(&dm->last, last);
        if (strcmp(first, last) == 0)
            snprintf(buf, sizeof buf, "%s", first);
        else
            snprintf(buf, sizeof buf, "%s/%s", first, last);
        enum tg_status st = xd_add_mention(d, TG_EXTRACT_DATE, dm->byte_start, dm->byte_end, -1);
        if (st != TG_OK)
            return st;
        /* A date the text does not fix (no year, no publication date) has no value. */
        if (buf[0] && !(d->m[d->n_m - 1].value = xd_dup(buf, strlen(buf))))
            return TG_ERR_NOMEM;
    }
    struct tg_number_match *nums = NULL;
    size_t n_nums = 0;
    enum tg_status st = tg_numbers_find(d->text, d->len, &nums, &n_nums);
    for (size_t i = 0; st == TG_OK && i < n_nums; i++) {
        size_t b = nums[i].byte_start, e = nums[i].byte_end;
        if (xd_excluded(d, b, e) || xd_overlap(d, b, e) >= 0 || xd_date_overlaps(d, b, e))
            continue;
        char buf[40];
        snprintf(buf, sizeof buf, "%.15g", nums[i].value);
        if ((st = xd_add_mention(d, TG_EXTRACT_NUMBER, b, e, -1)) == TG_OK &&
            !(d->m[d->n_m - 1].value = xd_dup(buf, strlen(buf))))
            st = TG_ERR_NOMEM;
    }
    free(nums);
    return st;
}

static int by_start(const void *a, const void *b)
{
    const struct xmention *x = a, *y = b;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return x->type < y->type ? -1 : x->type > y->type;
}

static void evidence_code_points(const struct xdoc *d, struct tg_extract_evidence *ev)
{
    ev->start = tg_utf8_count(d->text, ev->byte_start);
    ev->end = ev->start + tg_utf8_count(d->text + ev->byte_start, ev->byte_end - ev->byte_start);
}

/* Sorts the mentions and converts them in one walk over the text, which gives code points. */
static enum tg_status finish_mentions(struct xdoc *d)
{
    if (d->n_m > 1)
        qsort(d->m, d->n_m, sizeof *d->m, by_start);
    struct tg_extract_result *r = d->r;
    if (d->n_m && !(r->mentions = calloc(d->n_m, sizeof *r->mentions)))
        return TG_ERR_NOMEM;
    size_t pos = 0, cp = 0;
    for (size_t i = 0; i < d->n_m; i++) {
        const struct xmention *x = &d->m[i];
        struct tg_extract_mention *m = &r->mentions[r->mention_count++];
        cp += tg_utf8_count(d->text + pos, x->b - pos);
        m->type = x->type;
        m->byte_start = x->b;
        m->byte_end = x->e;
        m->start = cp;
        m->end = cp + tg_utf8_count(d->text + x->b, x->e - x->b);
        m->entity = x->entity;
        m->value = x->value;
        d->m[i].value = NULL;
        pos = x->b;
        if (!(m->surface = xd_dup(d->text + x->b, x->e - x->b)))
            return TG_ERR_NOMEM;
    }
    for (size_t i = 0; i < r->event_count; i++) {
        struct tg_extract_event *ev = &r->events[i];
        evidence_code_points(d, &ev->evidence);
        for (size_t k = 0; k < ev->organisation_count; k++)
            evidence_code_points(d, &ev->organisations[k].evidence);
        for (size_t k = 0; k < ev->person_count; k++)
            evidence_code_points(d, &ev->people[k].evidence);
    }
    for (size_t i = 0; i < r->person_count; i++)
        for (size_t k = 0; k < r->people[i].position_count; k++)
            evidence_code_points(d, &r->people[i].positions[k].evidence);
    return TG_OK;
}

static bool has_visible(const char *text, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        uint32_t cp = tg_utf8_next(text, len, &pos);
        if (!tg_text_is_space(cp))
            return true;
    }
    return false;
}

static enum tg_status run(struct xdoc *d, struct tg_text_segmenter *seg)
{
    enum tg_status st = tg_text_segment(seg, d->text, d->len, &d->tokens, &d->n_tokens);
    if (st == TG_OK && !(d->token_at = malloc(d->len * sizeof *d->token_at)))
        st = TG_ERR_NOMEM;
    if (st == TG_OK) {
        map_tokens(d);
        st = tg_ner_tag(d->ex->ner, d->text, d->len, &d->ner, &d->n_ner);
    }
    if (st == TG_OK)
        st = tg_dates_find_in_context(d->text, d->len, &d->context, &d->dates, &d->n_dates);
    if (st == TG_OK)
        st = xd_orgs(d);
    if (st == TG_OK)
        st = xd_people(d);
    if (st == TG_OK)
        st = xd_listed_parties(d);
    if (st == TG_OK)
        st = xd_places(d);
    if (st == TG_OK)
        st = xd_programmes(d);
    if (st == TG_OK)
        st = xd_orgs_from_model(d);
    if (st == TG_OK)
        st = xd_places_from_model(d);
    if (st == TG_OK) {
        xd_link_rooms(d);
        st = add_dates_and_numbers(d);
    }
    if (st == TG_OK)
        st = xd_events(d);
    if (st == TG_OK)
        st = finish_mentions(d);
    return st;
}

enum tg_status tg_extract_document(const struct tg_extract *ex, const char *text, size_t len,
                                   const struct tg_extract_range *excluded, size_t n_excluded,
                                   const struct tg_date *context, struct tg_extract_result **out)
{
    if (!ex || (!text && len) || !out || (n_excluded && !excluded))
        return TG_ERR_INVALID_ARGUMENT;
    for (size_t i = 0; i < n_excluded; i++)
        if (excluded[i].byte_start > excluded[i].byte_end || excluded[i].byte_end > len)
            return TG_ERR_INVALID_ARGUMENT;
    if (len > TG_TEXT_MAX_BYTES)
        return TG_ERR_TOO_LARGE;
    if (tg_utf8_validate(text, len, NULL) != TG_OK || tg_utf8_has_nul(text, len))
        return TG_ERR_INVALID_UTF8;
    if (!has_visible(text, len))
        return TG_ERR_EMPTY;
    struct xdoc d = {.ex = ex, .text = text, .len = len};
    if (context)
        d.context = *context;
    struct tg_text_segmenter *seg = NULL;
    enum tg_status st = tg_text_segmenter_new(TG_TEXT_FULL, &seg);
    if (st == TG_OK &&
        (!(d.r = calloc(1, sizeof *d.r)) || !(d.owner = calloc(len, sizeof *d.owner)) ||
         !(d.excluded = calloc(len, 1))))
        st = TG_ERR_NOMEM;
    for (size_t i = 0; st == TG_OK && i < n_excluded; i++)
        memset(d.excluded + excluded[i].byte_start, 1,
               excluded[i].byte_end - excluded[i].byte_start);
    if (st == TG_OK)
        st = tg_text_segmenter_learn(seg, text, len, NULL);
    if (st == TG_OK)
        st = run(&d, seg);
    for (size_t i = 0; i < d.n_m; i++)
        free(d.m[i].value);
    for (size_t i = 0; i < d.n_pairs; i++)
        free(d.pairs[i].abbr);
    for (size_t i = 0; i < d.n_titles; i++)
        free(d.titles[i].title);
    free(d.titles);
    free(d.m);
    free(d.owner);
    free(d.token_at);
    free(d.excluded);
    free(d.pairs);
    free(d.sentences);
    free(d.ner);
    free(d.dates);
    tg_text_segmenter_free(seg);
    if (st != TG_OK) {
        tg_extract_result_free(d.r);
        return st;
    }
    *out = d.r;
    return TG_OK;
}
