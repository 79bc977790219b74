/*
 * Snippets: the window with the most matches, centred, then narrowed to cut points a reader
 * will not trip over. The only word boundaries known without a segmenter are whitespace and the
 * matches' own edges (a match is a whole token), so the window is cut there; only a window with
 * neither (a long unspaced run and no match) falls back to a character boundary, never inside a
 * UTF-8 sequence nor before a Thai vowel or tone mark.
 */
#include <stdlib.h>
#include <string.h>

#include "search_internal.h"
#include "thaigraph/utf8.h"

#define ELLIPSIS "\xE2\x80\xA6"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Copied into a snippet as it is: no space and nothing markup would read. */
static bool is_plain(char c)
{
    return !is_space(c) && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

static bool is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* True when the code point at text[b] would be torn from the syllable before it. */
static bool leans_back(const char *text, size_t len, size_t b)
{
    size_t pos = b;
    uint32_t c = tg_utf8_next(text, len, &pos);
    return c == 0x0E30 || (c >= 0x0E31 && c <= 0x0E3A) || c == 0x0E45 ||
           (c >= 0x0E47 && c <= 0x0E4E);
}

static int compare_spans(const void *a, const void *b)
{
    const struct tg_search_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Sorted, overlaps merged, empty spans dropped; false for a span that does not fit the text. */
static bool tidy(const char *text, size_t len, struct tg_search_span *m, size_t *count)
{
    size_t n = 0;
    for (size_t i = 0; i < *count; i++) {
        struct tg_search_span s = m[i];
        if (s.start > s.end || s.end > len || (s.start < len && is_continuation(text[s.start])) ||
            (s.end < len && is_continuation(text[s.end])))
            return false;
        if (s.start < s.end)
            m[n++] = s;
    }
    /* A hit's spans come in text order; strictly increasing starts leave any sort nothing to do. */
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = m[i - 1].start < m[i].start;
    if (!sorted)
        qsort(m, n, sizeof *m, compare_spans);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k > 0 && m[i].start < m[k - 1].end) {
            if (m[i].end > m[k - 1].end)
                m[k - 1].end = m[i].end;
        } else {
            m[k++] = m[i];
        }
    }
    *count = k;
    return true;
}

/* The first match edge (start or end) at or after b, or SIZE_MAX; the last at or before b, or
 * SIZE_MAX. Matches are sorted and apart, so their edges ascend. */
static size_t edge_from(const struct tg_search_span *m, size_t n, size_t b)
{
    for (size_t i = 0; i < n; i++) {
        if (m[i].start >= b)
            return m[i].start;
        if (m[i].end >= b)
            return m[i].end;
    }
    return SIZE_MAX;
}

static size_t edge_upto(const struct tg_search_span *m, size_t n, size_t b)
{
    for (size_t i = n; i-- > 0;) {
        if (m[i].end <= b)
            return m[i].end;
        if (m[i].start <= b)
            return m[i].start;
    }
    return SIZE_MAX;
}

struct window {
    size_t start, end;  /* bytes */
    size_t first, last; /* matches [first, last) the window was chosen for */
};

/* Gives each match the index of the first match spelled the same (itself when none is). */
static void spellings(const char *text, const struct tg_search_span *m, size_t n, size_t *same)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = m[i].end - m[i].start;
        same[i] = i;
        for (size_t k = 0; k < i; k++)
            if (same[k] == k && m[k].end - m[k].start == len &&
                memcmp(text + m[k].start, text + m[i].start, len) == 0) {
                same[i] = k;
                break;
            }
    }
}

/* Matches [first, last) spelled differently from every earlier one in the range: a window
 * showing each query word once beats one repeating the commonest word. seen is scratch of one
 * entry per match, each below `stamp`. */
static size_t distinct(const size_t *same, size_t first, size_t last, size_t *seen, size_t stamp)
{
    size_t n = 0;
    for (size_t i = first; i < last; i++)
        if (seen[same[i]] != stamp) {
            seen[same[i]] = stamp;
            n++;
        }
    return n;
}

/* Byte offset n code points before pos (or 0), and after it (or len); *moved gets how many. */
static size_t back(const char *text, size_t pos, size_t n, size_t *moved)
{
    size_t k = 0;
    for (; k < n && pos > 0; k++)
        do
            pos--;
        while (pos > 0 && is_continuation((unsigned char)text[pos]));
    *moved = k;
    return pos;
}

static size_t forward(const char *text, size_t len, size_t pos, size_t n, size_t *moved)
{
    size_t k = 0;
    for (; k < n && pos < len; k++)
        do
            pos++;
        while (pos < len && is_continuation((unsigned char)text[pos]));
    *moved = k;
    return pos;
}

/*
 * The code points of the gap text[0, len) between two matches, or, for a gap of more than
 * 4 * cap bytes, cap + 1: valid UTF-8 spends at most four bytes on a code point, so such a gap
 * holds more than cap of them and no window can span it, which is all the count decides. Bytes
 * that are not valid UTF-8 there are never shown either way (only a window is, and only a
 * window is checked), so the long gaps of a long text are not read at all.
 */
static size_t gap_codepoints(const char *text, size_t len, size_t cap)
{
    return len / 4 > cap ? cap + 1 : tg_utf8_count(text, len);
}

/*
 * The code-point window of max_cp with the most distinct matches in it, then the most matches,
 * in bytes; cp has room for the code-point offsets of both ends of every match, scratch for
 * two entries per match. Code points are counted from the first match and the window is
 * widened by walking from the matches, so a snippet costs the stretch of text around its
 * matches, not the whole text. A gap too long for any window is not counted (gap_codepoints):
 * every difference of offsets across it still exceeds max_cp, which is all that is asked.
 */
static struct window choose(const char *text, size_t len, const struct tg_search_span *m, size_t n,
                            size_t max_cp, size_t *cp, size_t *scratch)
{
    struct window w = {0, 0, 0, 0};
    size_t best = 0, best_distinct = 0;
    size_t at = n ? m[0].start : 0, count = 0;
    size_t *same = scratch, *seen = scratch + n;
    spellings(text, m, n, same);
    for (size_t i = 0; i < n; i++)
        seen[i] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        count += gap_codepoints(text + at, m[i].start - at, max_cp);
        cp[2 * i] = count;
        count += tg_utf8_count(text + m[i].start, m[i].end - m[i].start);
        cp[2 * i + 1] = count;
        at = m[i].end;
    }
    for (size_t i = 0, j = 0; i < n; i++) {
        if (j < i + 1)
            j = i + 1;
        while (j < n && cp[2 * j + 1] - cp[2 * i] <= max_cp)
            j++;
        size_t d = distinct(same, i, j, seen, i);
        if (d > best_distinct || (d == best_distinct && j - i > best)) {
            best = j - i;
            best_distinct = d;
            w.first = i;
            w.last = j;
        }
    }
    size_t start = best ? m[w.first].start : 0, end = best ? m[w.last - 1].end : 0;
    size_t span = best ? cp[2 * (w.last - 1) + 1] - cp[2 * w.first] : 0;
    w.start = start;
    w.end = end;
    if (span < max_cp) {
        /* Centred where the text allows: half the slack before, the rest after, and what the
         * end of the text leaves over goes before again. */
        size_t slack = max_cp - span, before, after, more;
        w.start = back(text, start, slack / 2, &before);
        w.end = forward(text, len, end, slack - before, &after);
        w.start = back(text, w.start, slack - before - after, &more);
    }
    return w;
}

/* Narrows the window to cut points: whitespace, match edges or the text's ends. */
static void cut(const char *text, size_t len, const struct tg_search_span *m, size_t n,
                struct window *w)
{
    for (size_t i = 0; i < n; i++) {
        if (m[i].start < w->start && w->start < m[i].end)
            w->start = m[i].end;
        if (m[i].start < w->end && w->end < m[i].end)
            w->end = m[i].start;
    }
    size_t lead = w->last > w->first ? m[w->first].start : w->end;
    size_t tail = w->last > w->first ? m[w->last - 1].end : w->start;
    /* b moves one byte at a time, so the nearest edge ahead is the only one it can meet. */
    size_t b = w->start, edge = edge_from(m, n, b);
    while (b < lead && b > 0 && !is_space(text[b - 1]) && b != edge)
        b++;
    w->start = b;
    b = w->end;
    edge = edge_upto(m, n, b);
    while (b > tail && b < len && !is_space(text[b]) && b != edge)
        b--;
    if (b == w->start && w->end > w->start) {
        b = w->end;
        while (b > w->start &&
               (is_continuation((unsigned char)text[b]) || leans_back(text, len, b)))
            b--;
    }
    w->end = b;
    while (w->start < w->end && is_space(text[w->start]))
        w->start++;
    while (w->end > w->start && is_space(text[w->end - 1]))
        w->end--;
}

static bool only_space(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (!is_space(text[i]))
            return false;
    return true;
}

static char *put(char *out, const char *s)
{
    size_t n = strlen(s);
    memcpy(out, s, n);
    return out + n;
}

static char *escape(char *out, char c)
{
    switch (c) {
    case '&':
        return put(out, "&amp;");
    case '<':
        return put(out, "&lt;");
    case '>':
        return put(out, "&gt;");
    case '"':
        return put(out, "&quot;");
    case '\'':
        return put(out, "&#39;");
    default:
        *out = c;
        return out + 1;
    }
}

static char *render(const char *text, size_t len, const struct tg_search_span *m, size_t n,
                    const struct window *w)
{
    char *html = malloc((w->end - w->start) * 6 + n * 13 + 2 * sizeof ELLIPSIS + 1);
    if (!html)
        return NULL;
    char *out = html;
    if (!only_space(text, 0, w->start))
        out = put(out, ELLIPSIS);
    size_t k = 0;
    while (k < n && m[k].start < w->start)
        k++;
    bool open = false;
    for (size_t b = w->start;;) {
        if (open && b == m[k].end) {
            out = put(out, "</mark>");
            open = false;
            k++;
        }
        if (b >= w->end)
            break;
        if (!open && k < n && m[k].start == b && m[k].end <= w->end) {
            out = put(out, "<mark>");
            open = true;
        }
        if (is_space(text[b])) {
            *out++ = ' ';
            size_t stop = open ? m[k].end : k < n ? m[k].start : w->end;
            while (b < w->end && b < stop && is_space(text[b]))
                b++;
        } else {
            out = escape(out, text[b++]);
            /* Up to the next place a mark could open or close, bytes that are neither space nor
             * markup are copied as they are, without the checks above. */
            size_t limit = open ? m[k].end : k < n && m[k].start >= b ? m[k].start : SIZE_MAX;
            if (limit > w->end)
                limit = w->end;
            while (b < limit && is_plain(text[b]))
                *out++ = text[b++];
        }
    }
    if (!only_space(text, w->end, len))
        out = put(out, ELLIPSIS);
    *out = '\0';
    return html;
}

enum tg_status tg_search_snippet(const char *text, size_t len, const struct tg_search_span *matches,
                                 size_t match_count, size_t max_codepoints, char **html)
{
    if (!html || (!text && len) || (!matches && match_count) || max_codepoints == 0)
        return TG_ERR_INVALID_ARGUMENT;
    if (!text)
        text = "";
    struct tg_search_span *m = malloc((match_count + 1) * sizeof *m);
    size_t *cp = malloc((4 * match_count + 1) * sizeof *cp);
    enum tg_status st = m && cp ? TG_OK : TG_ERR_NOMEM;
    size_t n = match_count;
    if (st == TG_OK && match_count)
        memcpy(m, matches, match_count * sizeof *m);
    if (st == TG_OK && !tidy(text, len, m, &n))
        st = TG_ERR_INVALID_ARGUMENT;
    if (st == TG_OK) {
        struct window w = choose(text, len, m, n, max_codepoints, cp, cp + 2 * n);
        /* Only the window is shown, so only it must be valid text. */
        if (tg_utf8_validate(text + w.start, w.end - w.start, NULL) != TG_OK ||
            tg_utf8_has_nul(text + w.start, w.end - w.start))
            st = TG_ERR_INVALID_UTF8;
        cut(text, len, m, n, &w);
        if (st == TG_OK && !(*html = render(text, len, m, n, &w)))
            st = TG_ERR_NOMEM;
    }
    free(m);
    free(cp);
    return st;
}
