#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "thaigraph/analyze.h"
#include "thaigraph/utf8.h"

/* The contract's cap: enough for a paragraph, small enough that one request stays cheap. */
#define ANALYZE_MAX_CODEPOINTS 4096

enum tg_status http_analyze_get(struct http_request *request, struct http_output *out)
{
    const char *text = http_query(request, "text");
    if (!text || !*text)
        return http_fail(request, TG_ERR_BAD_PARAMETER, "text", "text is required");
    size_t len = strlen(text);
    if (tg_utf8_validate(text, len, NULL) != TG_OK)
        return http_fail(request, TG_ERR_INVALID_UTF8, "text", "text is not valid UTF-8");
    if (tg_utf8_count(text, len) > ANALYZE_MAX_CODEPOINTS)
        return http_fail(request, TG_ERR_TOO_LARGE, "text", "text is longer than %d characters",
                         ANALYZE_MAX_CODEPOINTS);
    int year = 0;
    const char *raw_year = http_query(request, "year");
    if (raw_year) {
        char *end = NULL;
        long value = strtol(raw_year, &end, 10);
        if (*raw_year == '\0' || *end != '\0' || value < 1900 || value > 2100)
            return http_fail(request, TG_ERR_BAD_PARAMETER, "year",
                             "year must be a Gregorian year from 1900 to 2100");
        year = (int)value;
    }
    return tg_analyze_text_on_thread(text, len, year, &out->json);
}
