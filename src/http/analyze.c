#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "thaigraph/analyze.h"
#include "thaigraph/utf8.h"

/* The contract's cap: enough for a paragraph, small enough that one request stays cheap. */
#define ANALYZE_MAX_CODEPOINTS 4096
#define MIN_YEAR               1900
#define MAX_YEAR               2100

static enum tg_status analyze(struct http_request *request, const char *text, size_t len, long year,
                              struct http_output *out)
{
    if (!text || len == 0)
        return http_fail(request, TG_ERR_BAD_PARAMETER, "text", "text is required");
    if (tg_utf8_has_nul(text, len))
        return http_fail(request, TG_ERR_BAD_PARAMETER, "text", "text holds a NUL byte");
    if (tg_utf8_validate(text, len, NULL) != TG_OK)
        return http_fail(request, TG_ERR_INVALID_UTF8, "text", "text is not valid UTF-8");
    if (tg_utf8_count(text, len) > ANALYZE_MAX_CODEPOINTS)
        return http_fail(request, TG_ERR_TOO_LARGE, "text", "text is longer than %d characters",
                         ANALYZE_MAX_CODEPOINTS);
    return tg_analyze_text_on_thread(text, len, (int)year, &out->json);
}

static enum tg_status param_year(struct http_request *request, long *year)
{
    return http_param_uint(request, "year", MIN_YEAR, MAX_YEAR, 0, year);
}

enum tg_status http_analyze_get(struct http_request *request, struct http_output *out)
{
    size_t len = 0;
    const char *text = http_query_n(request, "text", &len);
    long year;
    enum tg_status status = param_year(request, &year);
    return status == TG_OK ? analyze(request, text, len, year, out) : status;
}

/* True when the Content-Type names media type (parameters such as charset aside). */
static bool content_type_is(const char *header, const char *type)
{
    size_t n = strlen(type);
    return header && strncasecmp(header, type, n) == 0 &&
           (header[n] == '\0' || header[n] == ';' || header[n] == ' ');
}

/* A JSON body {"text": "...", "year": 2015}; year is optional and may also come in the query. */
static enum tg_status analyze_json(struct http_request *request, long year, struct http_output *out)
{
    json_error_t error;
    json_t *body = json_loadb(request->body, request->body_len, JSON_REJECT_DUPLICATES, &error);
    if (!json_is_object(body)) {
        json_decref(body);
        return http_fail(request, TG_ERR_PARSE, "body",
                         "the body must be a JSON object {\"text\": ..., \"year\": ...}");
    }
    const char *key;
    json_t *value;
    json_object_foreach(body, key, value)
    {
        if (strcmp(key, "text") != 0 && strcmp(key, "year") != 0) {
            json_decref(body);
            return http_fail(request, TG_ERR_BAD_PARAMETER, "body",
                             "the body may hold only text and year");
        }
    }
    json_t *text = json_object_get(body, "text"), *y = json_object_get(body, "year");
    enum tg_status status = TG_OK;
    if (y && (!json_is_integer(y) || json_integer_value(y) < MIN_YEAR ||
              json_integer_value(y) > MAX_YEAR))
        status = http_fail(request, TG_ERR_BAD_PARAMETER, "year",
                           "year must be a whole number from %d to %d", MIN_YEAR, MAX_YEAR);
    else if (text && !json_is_string(text))
        status = http_fail(request, TG_ERR_BAD_PARAMETER, "text", "text must be a string");
    if (status == TG_OK)
        status = analyze(request, json_string_value(text), text ? json_string_length(text) : 0,
                         y ? (long)json_integer_value(y) : year, out);
    json_decref(body);
    return status;
}

enum tg_status http_analyze_post(struct http_request *request, struct http_output *out)
{
    long year;
    enum tg_status status = param_year(request, &year);
    if (status != TG_OK)
        return status;
    if (http_query(request, "text"))
        return http_fail(request, TG_ERR_BAD_PARAMETER, "text",
                         "a POST carries its text in the body, not in the query");
    const char *type = MHD_lookup_connection_value(request->connection, MHD_HEADER_KIND,
                                                   MHD_HTTP_HEADER_CONTENT_TYPE);
    if (content_type_is(type, "application/json"))
        return analyze_json(request, year, out);
    if (content_type_is(type, "text/plain"))
        return analyze(request, request->body, request->body_len, year, out);
    return http_fail(request, TG_ERR_BAD_PARAMETER, "Content-Type",
                     "POST /v1/analyze takes application/json or text/plain");
}
