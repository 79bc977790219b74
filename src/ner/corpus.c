#include "ner_internal.h"

#include <stdlib.h>
#include <string.h>

#include "thaigraph/utf8.h"

struct tag_name {
    const char *name;
    enum tg_ner_type type;
};

/* ThaiNER's own names; everything else (TIME, MONEY, LAW, URL, ...) is TG_NER_OTHER. */
static const struct tag_name tag_names[] = {
    {"ORGANIZATION", TG_NER_ORGANISATION},
    {"PERSON", TG_NER_PERSON},
    {"LOCATION", TG_NER_PLACE},
    {"FACILITY", TG_NER_PLACE},
    {"DATE", TG_NER_DATE},
};

static enum tg_ner_type tag_type(const char *name, size_t len)
{
    for (size_t k = 0; k < sizeof tag_names / sizeof tag_names[0]; k++) {
        if (strlen(tag_names[k].name) == len && memcmp(tag_names[k].name, name, len) == 0)
            return tag_names[k].type;
    }
    return TG_NER_OTHER;
}

/*
 * Length of the tag `[NAME]` or `[/NAME]` (NAME of capitals and underscores) at line[at], or 0
 * when the bracket there is ordinary text.
 */
static size_t tag_at(const char *line, size_t len, size_t at, bool *closing, size_t *name_at,
                     size_t *name_len)
{
    size_t k = at + 1;
    *closing = k < len && line[k] == '/';
    k += *closing;
    *name_at = k;
    while (k < len && ((line[k] >= 'A' && line[k] <= 'Z') || line[k] == '_'))
        k++;
    *name_len = k - *name_at;
    return *name_len > 0 && k < len && line[k] == ']' ? k + 1 - at : 0;
}

static bool is_edge_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Moves the span's edges inward past spaces; false when nothing is left. */
static bool trim_span(const char *text, struct tg_ner_span *span)
{
    while (span->byte_start < span->byte_end && is_edge_space(text[span->byte_start]))
        span->byte_start++;
    while (span->byte_end > span->byte_start && is_edge_space(text[span->byte_end - 1]))
        span->byte_end--;
    return span->byte_end > span->byte_start;
}

enum tg_status tg_ner_parse_tagged(const char *line, size_t len, char **text, size_t *text_len,
                                   struct tg_ner_span **spans, size_t *count)
{
    *text = NULL;
    *text_len = 0;
    *spans = NULL;
    *count = 0;
    if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3;
        len -= 3;
    }
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    enum tg_status status = tg_utf8_validate(line, len, NULL);
    if (status != TG_OK)
        return status;
    char *out = malloc(len + 1);
    /* Every tag is at least three bytes, so there are at most len / 3 opening tags. */
    struct tg_ner_span *found = malloc((len / 3 + 1) * sizeof *found);
    if (!out || !found) {
        status = TG_ERR_NOMEM;
        goto cleanup;
    }
    size_t n = 0;
    size_t o = 0;
    bool open = false;
    for (size_t i = 0; i < len;) {
        bool closing;
        size_t name_at, name_len;
        size_t tag_len = line[i] == '[' ? tag_at(line, len, i, &closing, &name_at, &name_len) : 0;
        if (!tag_len) {
            out[o++] = line[i++];
            continue;
        }
        if (closing != open) {
            status = TG_ERR_PARSE;
            goto cleanup;
        }
        if (closing) {
            found[n].byte_end = o;
            n += trim_span(out, &found[n]);
        } else {
            found[n] = (struct tg_ner_span){tag_type(line + name_at, name_len), 0, 0, o, 0};
        }
        open = !closing;
        i += tag_len;
    }
    if (open) {
        status = TG_ERR_PARSE;
        goto cleanup;
    }
    out[o] = '\0';
    for (size_t k = 0; k < n; k++) {
        found[k].start = tg_utf8_count(out, found[k].byte_start);
        found[k].end = found[k].start + tg_utf8_count(out + found[k].byte_start,
                                                      found[k].byte_end - found[k].byte_start);
    }
    *text = out;
    *text_len = o;
    *spans = found;
    *count = n;
    out = NULL;
    found = NULL;
cleanup:
    free(out);
    free(found);
    return status;
}
