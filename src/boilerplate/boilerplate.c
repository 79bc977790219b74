#include "thaigraph/boilerplate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/grow.h"
#include "thaigraph/hash.h"
#include "thaigraph/utf8.h"

/* Generated from data/cues.txt by tg-embed. */
extern const unsigned char tg_boilerplate_cues[];
extern const size_t tg_boilerplate_cues_len;

/* A line at least this long (in code points) is prose: it ends the header and any sidebar.
 * Titles are excluded from the header test, and sidebar headlines in the corpus stay under 200. */
enum { HEADER_PROSE_CPS = 80, SIDEBAR_PROSE_CPS = 250 };
/* The header is at most this many non-blank lines, so a page without prose keeps no header. */
enum { HEADER_MAX_LINES = 12 };
/* A view counter is short ("3,910"); a bare run of this many digits is an image file name. */
enum { COUNTER_MAX_BYTES = 12, IMAGE_ID_MIN_DIGITS = 10 };
/* Cookie banners are a sentence or two; a longer line ending in "ยอมรับ" is prose. */
enum { NOTICE_MAX_BYTES = 2000 };

static const char *const reason_names[TG_BOILERPLATE_REASON_COUNT] = {
    [TG_BOILERPLATE_COOKIE_NOTICE] = "cookie_notice",
    [TG_BOILERPLATE_SHARE_BUTTONS] = "share_buttons",
    [TG_BOILERPLATE_VIEW_COUNTER] = "view_counter",
    [TG_BOILERPLATE_RELATED_HEADLINES] = "related_headlines",
    [TG_BOILERPLATE_PRINT_BUTTON] = "print_button",
    [TG_BOILERPLATE_BYLINE_PLACEHOLDER] = "byline_placeholder",
    [TG_BOILERPLATE_DUPLICATE_TITLE] = "duplicate_title",
    [TG_BOILERPLATE_OTHER] = "other",
};

const char *tg_boilerplate_reason_name(enum tg_boilerplate_reason reason)
{
    if ((unsigned)reason >= TG_BOILERPLATE_REASON_COUNT)
        return NULL;
    return reason_names[reason];
}

enum cue_kind { CUE_EXACT, CUE_LABEL, CUE_COUNTER, CUE_NOTICE, CUE_HEADING, CUE_KEEP, CUE_SITE };

static const char *const cue_kind_names[] = {
    [CUE_EXACT] = "exact",   [CUE_LABEL] = "label",     [CUE_COUNTER] = "counter",
    [CUE_NOTICE] = "notice", [CUE_HEADING] = "heading", [CUE_KEEP] = "keep",
    [CUE_SITE] = "site",
};

struct span {
    const char *p;
    size_t n;
};

struct cue {
    enum cue_kind kind;
    enum tg_boilerplate_reason reason;
    struct span text;
    struct span tail; /* only for CUE_NOTICE */
};

/* Byte length of the whitespace character at p, or 0. NBSP, zero-width space and BOM count
 * because scraped pages pad lines with them. */
static size_t space_at(const char *p, const char *end)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t left = (size_t)(end - p);
    if (*u == ' ' || *u == '\t' || *u == '\r' || *u == '\v' || *u == '\f')
        return 1;
    if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8B)
        return 3;
    if (left >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return 3;
    return 0;
}

static struct span skip_space(struct span s)
{
    size_t k;
    while (s.n > 0 && (k = space_at(s.p, s.p + s.n)) > 0) {
        s.p += k;
        s.n -= k;
    }
    return s;
}

static bool ends_with(struct span s, const char *suffix, size_t n)
{
    return s.n >= n && memcmp(s.p + s.n - n, suffix, n) == 0;
}

static struct span trim(struct span s)
{
    s = skip_space(s);
    for (;;) {
        if (s.n > 0 && strchr(" \t\r\v\f", s.p[s.n - 1]) != NULL)
            s.n -= 1;
        else if (ends_with(s, "\xC2\xA0", 2))
            s.n -= 2;
        else if (ends_with(s, "\xE2\x80\x8B", 3) || ends_with(s, "\xEF\xBB\xBF", 3))
            s.n -= 3;
        else
            return s;
    }
}

/* Naive search: needles are short cue words, so this stays linear in the line. */
static bool contains(struct span hay, struct span needle)
{
    for (size_t i = 0; i + needle.n <= hay.n; i++)
        if (memcmp(hay.p + i, needle.p, needle.n) == 0)
            return true;
    return false;
}

static bool span_eq(struct span a, struct span b)
{
    return a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
}

static bool starts_with(struct span s, struct span prefix)
{
    return s.n >= prefix.n && memcmp(s.p, prefix.p, prefix.n) == 0;
}

static struct span after(struct span s, size_t n)
{
    return (struct span){s.p + n, s.n - n};
}

static size_t count_cps(struct span s)
{
    size_t cps = 0;
    for (size_t i = 0; i < s.n; i++)
        cps += ((unsigned char)s.p[i] & 0xC0) != 0x80;
    return cps;
}

/* Digits with the thousands separators and spaces a counter is printed with. */
static bool is_number(struct span s)
{
    bool digit = false;
    for (size_t i = 0; i < s.n; i++) {
        if (s.p[i] >= '0' && s.p[i] <= '9')
            digit = true;
        else if (!strchr(",. ", s.p[i]))
            return false;
    }
    return digit;
}

static bool only_chars(struct span s, const char *set)
{
    for (size_t i = 0; i < s.n; i++)
        if (!strchr(set, s.p[i]))
            return false;
    return s.n > 0;
}

/* True when a and b hold the same words, however the runs of whitespace between them differ. */
static bool same_words(struct span a, struct span b)
{
    const char *pa = a.p, *ea = a.p + a.n, *pb = b.p, *eb = b.p + b.n;
    while (pa < ea && pb < eb) {
        size_t sa = space_at(pa, ea), sb = space_at(pb, eb);
        if (sa > 0 || sb > 0) {
            if (sa == 0 || sb == 0)
                return false;
            struct span ra = skip_space((struct span){pa, (size_t)(ea - pa)});
            struct span rb = skip_space((struct span){pb, (size_t)(eb - pb)});
            pa = ra.p;
            pb = rb.p;
        } else if (*pa++ != *pb++) {
            return false;
        }
    }
    return pa == ea && pb == eb;
}

/* Splits off the text up to the next tab (or the end). */
static struct span next_field(struct span *rest)
{
    const char *tab = memchr(rest->p, '\t', rest->n);
    size_t n = tab ? (size_t)(tab - rest->p) : rest->n;
    struct span field = {rest->p, n};
    *rest = tab ? after(*rest, n + 1) : after(*rest, n);
    return field;
}

static bool lookup(struct span name, const char *const *names, size_t count, size_t *index)
{
    for (size_t i = 0; i < count; i++) {
        if (names[i] && strlen(names[i]) == name.n && memcmp(names[i], name.p, name.n) == 0) {
            *index = i;
            return true;
        }
    }
    return false;
}

static enum tg_status parse_cue(struct span line, struct cue *cue)
{
    struct span kind = next_field(&line), reason = next_field(&line);
    cue->text = next_field(&line);
    cue->tail = next_field(&line);
    size_t k, r = TG_BOILERPLATE_OTHER;
    if (!lookup(kind, cue_kind_names, sizeof cue_kind_names / sizeof *cue_kind_names, &k))
        return TG_ERR_INTERNAL;
    cue->kind = (enum cue_kind)k;
    if (k != CUE_KEEP && !lookup(reason, reason_names, TG_BOILERPLATE_REASON_COUNT, &r))
        return TG_ERR_INTERNAL;
    cue->reason = (enum tg_boilerplate_reason)r;
    if (cue->text.n == 0 || (k == CUE_NOTICE) != (cue->tail.n > 0) || line.n > 0)
        return TG_ERR_INTERNAL;
    return TG_OK;
}

/* The cue list is tiny next to an article, so it is parsed per call instead of cached in
 * global state that would need locking. */
static enum tg_status load_cues(struct cue **out, size_t *count)
{
    struct span data = {(const char *)tg_boilerplate_cues, tg_boilerplate_cues_len};
    size_t lines = 1;
    for (size_t i = 0; i < data.n; i++)
        lines += data.p[i] == '\n';
    struct cue *cues = malloc(lines * sizeof *cues);
    if (!cues)
        return TG_ERR_NOMEM;
    size_t n = 0;
    while (data.n > 0) {
        const char *nl = memchr(data.p, '\n', data.n);
        size_t len = nl ? (size_t)(nl - data.p) : data.n;
        struct span line = {data.p, len};
        data = nl ? after(data, len + 1) : after(data, len);
        if (len == 0 || line.p[0] == '#')
            continue;
        if (parse_cue(line, &cues[n]) != TG_OK) {
            free(cues);
            return TG_ERR_INTERNAL;
        }
        n++;
    }
    *out = cues;
    *count = n;
    return TG_OK;
}

/* A label cue may be followed by a colon and a count; a counter cue needs the count. */
static bool matches_label(struct span line, const struct cue *cue)
{
    if (!starts_with(line, cue->text))
        return false;
    struct span rest = skip_space(after(line, cue->text.n));
    if (rest.n > 0 && rest.p[0] == ':')
        rest = skip_space(after(rest, 1));
    if (rest.n == 0)
        return cue->kind != CUE_COUNTER;
    return cue->kind != CUE_HEADING && is_number(rest);
}

static bool matches(struct span line, const struct cue *cue)
{
    switch (cue->kind) {
    case CUE_EXACT:
        return span_eq(line, cue->text);
    case CUE_LABEL:
    case CUE_COUNTER:
    case CUE_HEADING:
        return matches_label(line, cue);
    case CUE_NOTICE:
        return line.n <= NOTICE_MAX_BYTES && ends_with(line, cue->tail.p, cue->tail.n) &&
               contains(line, cue->text);
    case CUE_KEEP:
    case CUE_SITE:
        return starts_with(line, cue->text);
    }
    return false;
}

struct scan {
    const char *text;
    const struct cue *cues;
    size_t cue_count;
    struct tg_boilerplate_range *ranges;
    size_t count;
    size_t cap;
    bool have_title;
    struct span title;
    bool in_header;
    size_t header_lines;
    bool in_sidebar;
};

static bool only_space_between(const struct scan *s, size_t from, size_t to)
{
    const char *p = s->text + from, *end = s->text + to;
    while (p < end) {
        size_t k = *p == '\n' ? 1 : space_at(p, end);
        if (k == 0)
            return false;
        p += k;
    }
    return true;
}

static enum tg_status mark(struct scan *s, struct span part, enum tg_boilerplate_reason reason)
{
    size_t start = (size_t)(part.p - s->text), end = start + part.n;
    struct tg_boilerplate_range *last = s->count > 0 ? &s->ranges[s->count - 1] : NULL;
    if (last && last->reason == reason && only_space_between(s, last->end, start)) {
        last->end = end;
        return TG_OK;
    }
    struct tg_boilerplate_range *grown = tg_grow(s->ranges, &s->cap, s->count + 1, sizeof *grown);
    if (!grown)
        return TG_ERR_NOMEM;
    s->ranges = grown;
    s->ranges[s->count++] =
        (struct tg_boilerplate_range){.start = start, .end = end, .reason = reason};
    return TG_OK;
}

static const struct cue *find_cue(const struct scan *s, struct span line, bool site)
{
    for (size_t i = 0; i < s->cue_count; i++)
        if ((s->cues[i].kind == CUE_SITE) == site && matches(line, &s->cues[i]))
            return &s->cues[i];
    return NULL;
}

/* The first line that is not furniture is the title; a site signature in front of it is
 * furniture, and what follows is the title later lines are compared with. */
static enum tg_status take_title(struct scan *s, struct span line)
{
    s->have_title = true;
    s->title = line;
    const struct cue *site = find_cue(s, line, true);
    if (!site)
        return TG_OK;
    s->title = skip_space(after(line, site->text.n));
    return mark(s, (struct span){line.p, site->text.n}, site->reason);
}

/* Rules that need no cue: repeated titles, image ids, and the bare numbers and pipes a page
 * prints in its header when a view count or byline field is filled in without a label. */
static bool structural_reason(const struct scan *s, struct span line,
                              enum tg_boilerplate_reason *reason)
{
    if (s->title.n > 0 && same_words(line, s->title))
        *reason = TG_BOILERPLATE_DUPLICATE_TITLE;
    else if (line.n >= IMAGE_ID_MIN_DIGITS && only_chars(line, "0123456789"))
        *reason = TG_BOILERPLATE_OTHER;
    else if (s->in_header && line.n <= COUNTER_MAX_BYTES && is_number(line))
        *reason = TG_BOILERPLATE_VIEW_COUNTER;
    else if (s->in_header && only_chars(line, "| "))
        *reason = TG_BOILERPLATE_BYLINE_PLACEHOLDER;
    else
        return false;
    return true;
}

static enum tg_status scan_line(struct scan *s, struct span line)
{
    if (++s->header_lines > HEADER_MAX_LINES)
        s->in_header = false;
    const struct cue *cue = find_cue(s, line, false);
    if (cue && cue->kind == CUE_KEEP) {
        s->in_sidebar = false;
        return TG_OK;
    }
    if (cue) {
        s->in_sidebar = s->in_sidebar || cue->kind == CUE_HEADING;
        return mark(s, line, cue->reason);
    }
    if (!s->have_title)
        return take_title(s, line);
    enum tg_boilerplate_reason reason;
    if (structural_reason(s, line, &reason))
        return mark(s, line, reason);
    size_t cps = count_cps(line);
    if (cps >= HEADER_PROSE_CPS)
        s->in_header = false;
    if (s->in_sidebar && cps < SIDEBAR_PROSE_CPS)
        return mark(s, line, TG_BOILERPLATE_RELATED_HEADLINES);
    s->in_sidebar = false;
    return TG_OK;
}

/* Fills the code-point offsets in one pass over the text, the ranges being sorted. */
static void add_code_points(const char *text, struct tg_boilerplate_range *ranges, size_t count)
{
    size_t byte = 0, cps = 0;
    for (size_t i = 0; i < count; i++) {
        cps += count_cps((struct span){text + byte, ranges[i].start - byte});
        ranges[i].cp_start = cps;
        cps += count_cps((struct span){text + ranges[i].start, ranges[i].end - ranges[i].start});
        ranges[i].cp_end = cps;
        byte = ranges[i].end;
    }
}

enum tg_status tg_boilerplate_find(const char *text, size_t len, struct tg_boilerplate_range **out,
                                   size_t *count)
{
    if ((!text && len > 0) || !out || !count)
        return TG_ERR_INVALID_ARGUMENT;
    if (len > 0 && (tg_utf8_validate(text, len, NULL) != TG_OK || tg_utf8_has_nul(text, len)))
        return TG_ERR_INVALID_UTF8;
    struct scan s = {.text = text, .in_header = true};
    struct cue *cues = NULL;
    enum tg_status status = load_cues(&cues, &s.cue_count);
    if (status != TG_OK)
        return status;
    s.cues = cues;
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        struct span line = trim((struct span){text + pos, end - pos});
        pos = end + 1;
        if (line.n == 0)
            continue;
        status = scan_line(&s, line);
        if (status != TG_OK)
            goto cleanup;
    }
    add_code_points(text, s.ranges, s.count);
    *out = s.count > 0 ? s.ranges : NULL;
    *count = s.count;
    s.ranges = s.count > 0 ? NULL : s.ranges;
cleanup:
    free(s.ranges);
    free(cues);
    return status;
}

uint64_t tg_boilerplate_cues_hash(void)
{
    return tg_hash_bytes(tg_boilerplate_cues, tg_boilerplate_cues_len);
}
