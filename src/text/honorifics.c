/* The built-in honorifics list (text.h): one file for every module that needs it. */
#include <string.h>

#include "thaigraph/text.h"

/* Built into the library from src/text/data/honorifics.tsv by tg-embed. */
extern const unsigned char tg_text_honorifics_tsv[];
extern const size_t tg_text_honorifics_tsv_len;

const char *tg_text_honorifics(size_t *len)
{
    if (len)
        *len = tg_text_honorifics_tsv_len;
    return (const char *)tg_text_honorifics_tsv;
}

bool tg_text_honorific_next(size_t *pos, const char **form, size_t *len)
{
    const char *data = (const char *)tg_text_honorifics_tsv;
    size_t n = tg_text_honorifics_tsv_len;
    while (*pos < n) {
        const char *line = data + *pos;
        const char *nl = memchr(line, '\n', n - *pos);
        size_t line_len = nl ? (size_t)(nl - line) : n - *pos;
        *pos += line_len + (nl != NULL);
        if (line_len == 0 || line[0] == '#')
            continue;
        size_t cut = 0;
        while (cut < line_len && line[cut] != '\t')
            cut++;
        /* The header line names the columns; no honorific is spelt "form". */
        if (cut == 4 && memcmp(line, "form", 4) == 0)
            continue;
        *form = line;
        *len = cut;
        return true;
    }
    return false;
}
