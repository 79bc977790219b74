#include "thaigraph/text.h"
#include "thaigraph/article.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/dates.h"
#include "thaigraph/utf8.h"

/* A dateline stands near the top: only this many non-blank lines after the title are read. */
#define HEADER_LINES 12
/* A dateline is short; a long line with a date in it is a body sentence reporting an event. */
#define DATELINE_MAX_CODEPOINTS 80
#define SOURCE_MAX_CODEPOINTS   200

/* Site names that scrapers glue in front of the headline. */
static const char *const title_site_prefixes[] = {
    "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-",
};

static const char credit_label[] = "ที่มา";

struct line {
    const char *start;
    size_t len;
};

static bool next_line(const char *text, size_t len, size_t *pos, struct line *line)
{
    if (*pos >= len)
        return false;
    const char *start = text + *pos;
    const char *nl = memchr(start, '\n', len - *pos);
    size_t line_len = nl ? (size_t)(nl - start) : len - *pos;
    *pos += line_len + (nl != NULL);
    line->start = start;
    line->len = line_len;
    return true;
}

/* Copies a span with every run of blanks turned into one space and no blanks at either end,
 * keeping at most max_cp code points. Returns NULL for an all-blank span or on allocation
 * failure; *nomem tells the two apart. */
static char *collapse_blanks(const char *s, size_t len, size_t max_cp, bool *nomem)
{
    char *out = malloc(len + 1);
    *nomem = out == NULL;
    if (!out)
        return NULL;
    size_t used = 0, kept = 0, pos = 0;
    bool pending_space = false;
    while (pos < len && kept < max_cp) {
        size_t before = pos;
        uint32_t cp = tg_utf8_next(s, len, &pos);
        if (tg_text_is_space(cp)) {
            pending_space = used > 0;
            continue;
        }
        if (pending_space) {
            out[used++] = ' ';
            kept++;
            pending_space = false;
        }
        memcpy(out + used, s + before, pos - before);
        used += pos - before;
        kept++;
    }
    if (used == 0) {
        free(out);
        return NULL;
    }
    out[used] = '\0';
    return out;
}

static size_t visible_length(const char *s, size_t len)
{
    size_t count = 0, pos = 0;
    while (pos < len)
        count += !tg_text_is_space(tg_utf8_next(s, len, &pos));
    return count;
}

static void strip_site_prefix(char *title)
{
    for (size_t i = 0; i < sizeof title_site_prefixes / sizeof title_site_prefixes[0]; i++) {
        size_t n = strlen(title_site_prefixes[i]);
        if (strncmp(title, title_site_prefixes[i], n) == 0 && title[n] != '\0') {
            size_t skip = n + (title[n] == ' ');
            memmove(title, title + skip, strlen(title + skip) + 1);
            return;
        }
    }
}

static const char *precision_name(enum tg_date_precision precision)
{
    switch (precision) {
    case TG_DATE_PRECISION_DAY:
        return "day";
    case TG_DATE_PRECISION_MONTH:
        return "month";
    case TG_DATE_PRECISION_YEAR:
        return "year";
    case TG_DATE_PRECISION_NONE:
        break;
    }
    return NULL;
}

/* The first short header line that holds a complete date is the dateline. */
static enum tg_status find_dateline(const char *text, size_t len, size_t pos,
                                    struct tg_article_meta *meta)
{
    struct line line;
    for (int seen = 0; seen < HEADER_LINES && next_line(text, len, &pos, &line);) {
        size_t visible = visible_length(line.start, line.len);
        if (visible == 0)
            continue;
        seen++;
        if (visible > DATELINE_MAX_CODEPOINTS)
            continue;
        struct tg_date_match *matches = NULL;
        size_t count = 0;
        enum tg_status status = tg_dates_find(line.start, line.len, 0, &matches, &count);
        if (status != TG_OK)
            return status;
        for (size_t i = 0; i < count; i++) {
            if (matches[i].first.precision != TG_DATE_PRECISION_DAY)
                continue;
            char iso[11];
            tg_date_format_iso(&matches[i].first, iso);
            meta->published = strdup(iso);
            meta->published_precision = precision_name(matches[i].first.precision);
            free(matches);
            return meta->published ? TG_OK : TG_ERR_NOMEM;
        }
        free(matches);
    }
    return TG_OK;
}

static bool starts_with_url(const char *s, size_t len)
{
    return (len > 7 && strncmp(s, "http://", 7) == 0) ||
           (len > 8 && strncmp(s, "https://", 8) == 0);
}

static size_t token_length(const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && !isspace((unsigned char)s[n]))
        n++;
    return n;
}

static char *copy_span(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (out) {
        memcpy(out, s, len);
        out[len] = '\0';
    }
    return out;
}

static enum tg_status set_from_url(const char *url, size_t len, struct tg_article_meta *meta)
{
    meta->url = copy_span(url, len);
    const char *host = strstr(meta->url ? meta->url : "", "//");
    if (!meta->url || !host)
        return meta->url ? TG_OK : TG_ERR_NOMEM;
    host += 2;
    size_t host_len = strcspn(host, "/?#:");
    meta->source = copy_span(host, host_len);
    return meta->source ? TG_OK : TG_ERR_NOMEM;
}

/* `ที่มา : X` credits the source; the last one wins because it closes the article. */
static bool find_credit(const char *text, size_t len, struct line *value)
{
    bool found = false;
    size_t pos = 0;
    struct line line;
    size_t label_len = sizeof credit_label - 1;
    while (next_line(text, len, &pos, &line)) {
        size_t i = 0;
        while (i < line.len && isspace((unsigned char)line.start[i]))
            i++;
        if (line.len - i < label_len || memcmp(line.start + i, credit_label, label_len) != 0)
            continue;
        i += label_len;
        while (i < line.len && isspace((unsigned char)line.start[i]))
            i++;
        if (i >= line.len || line.start[i] != ':')
            continue;
        i++;
        while (i < line.len && isspace((unsigned char)line.start[i]))
            i++;
        if (i < line.len) {
            value->start = line.start + i;
            value->len = line.len - i;
            found = true;
        }
    }
    return found;
}

static bool is_domain_char(char c)
{
    return isalnum((unsigned char)c) || c == '.' || c == '-';
}

/* A wire service signs its dateline as `—ThaiPR.net` or `--ThaiPR.net`. */
static bool find_wire_signature(const char *text, size_t len, struct line *value)
{
    static const char *const dashes[] = {"\xE2\x80\x94", "--"};
    size_t pos = 0;
    struct line line;
    for (int seen = 0; seen < HEADER_LINES && next_line(text, len, &pos, &line); seen++) {
        for (size_t d = 0; d < 2; d++) {
            size_t dash_len = strlen(dashes[d]);
            for (size_t i = 0; i + dash_len < line.len; i++) {
                if (memcmp(line.start + i, dashes[d], dash_len) != 0)
                    continue;
                const char *name = line.start + i + dash_len;
                size_t n = 0;
                while (i + dash_len + n < line.len && is_domain_char(name[n]))
                    n++;
                const char *dot = memchr(name, '.', n);
                if (dot && dot > name && (size_t)(dot - name) + 2 < n &&
                    isalpha((unsigned char)name[n - 1])) {
                    value->start = name;
                    value->len = n;
                    return true;
                }
            }
        }
    }
    return false;
}

static enum tg_status find_source(const char *text, size_t len, struct tg_article_meta *meta)
{
    struct line value;
    bool nomem = false;
    if (find_credit(text, len, &value)) {
        if (starts_with_url(value.start, value.len))
            return set_from_url(value.start, token_length(value.start, value.len), meta);
        meta->source = collapse_blanks(value.start, value.len, SOURCE_MAX_CODEPOINTS, &nomem);
    } else if (find_wire_signature(text, len, &value)) {
        meta->source = copy_span(value.start, value.len);
        nomem = meta->source == NULL;
    }
    return nomem ? TG_ERR_NOMEM : TG_OK;
}

enum tg_status tg_article_read(const char *text, size_t len, struct tg_article_meta *out)
{
    memset(out, 0, sizeof *out);
    enum tg_status status = tg_utf8_validate(text, len, NULL);
    if (status != TG_OK)
        return status;
    size_t pos = 0;
    struct line line;
    bool nomem = false;
    while (!out->title && !nomem && next_line(text, len, &pos, &line))
        out->title = collapse_blanks(line.start, line.len, TG_ARTICLE_MAX_TITLE, &nomem);
    if (!out->title)
        return nomem ? TG_ERR_NOMEM : TG_ERR_EMPTY;
    strip_site_prefix(out->title);

    status = find_dateline(text, len, pos, out);
    if (status == TG_OK)
        status = find_source(text, len, out);
    if (status != TG_OK)
        tg_article_meta_clear(out);
    return status;
}

void tg_article_meta_clear(struct tg_article_meta *meta)
{
    free(meta->title);
    free(meta->published);
    free(meta->source);
    free(meta->url);
    memset(meta, 0, sizeof *meta);
}
