#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char base64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

enum tg_status http_fail(struct http_request *request, enum tg_status status, const char *parameter,
                         const char *fmt, ...)
{
    request->bad_parameter = parameter;
    va_list args;
    va_start(args, fmt);
    vsnprintf(request->detail, sizeof request->detail, fmt, args);
    va_end(args);
    return status;
}

const char *http_query(const struct http_request *request, const char *name)
{
    return MHD_lookup_connection_value(request->connection, MHD_GET_ARGUMENT_KIND, name);
}

enum tg_status http_param_limit(struct http_request *request, size_t *limit)
{
    const char *raw = http_query(request, "limit");
    if (!raw) {
        *limit = HTTP_DEFAULT_LIMIT;
        return TG_OK;
    }
    char *end = NULL;
    long value = strtol(raw, &end, 10);
    if (*raw == '\0' || *end != '\0' || value < 1 || value > HTTP_MAX_LIMIT)
        return http_fail(request, TG_ERR_BAD_PARAMETER, "limit",
                         "limit must be a whole number from 1 to %d", HTTP_MAX_LIMIT);
    *limit = (size_t)value;
    return TG_OK;
}

char *http_cursor_encode(const char *key)
{
    size_t n = strlen(key);
    char *out = malloc(n / 3 * 4 + 5);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned char)key[i] << 16;
        if (i + 1 < n)
            v |= (unsigned char)key[i + 1] << 8;
        if (i + 2 < n)
            v |= (unsigned char)key[i + 2];
        out[o++] = base64url[(v >> 18) & 63];
        out[o++] = base64url[(v >> 12) & 63];
        if (i + 1 < n)
            out[o++] = base64url[(v >> 6) & 63];
        if (i + 2 < n)
            out[o++] = base64url[v & 63];
    }
    out[o] = '\0';
    return out;
}

/* Decodes unpadded base64url into buf; false for any malformed input. */
static bool cursor_decode(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s), o = 0;
    unsigned acc = 0;
    int bits = 0;
    if (n == 0 || n % 4 == 1)
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *p = strchr(base64url, s[i]);
        if (!p || s[i] == '\0')
            return false;
        acc = (acc << 6) | (unsigned)(p - base64url);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (o + 1 >= size)
                return false;
            buf[o++] = (char)((acc >> bits) & 0xFF);
        }
    }
    buf[o] = '\0';
    return strlen(buf) == o;
}

enum tg_status http_param_cursor(struct http_request *request, char *buf, size_t size,
                                 const char **key)
{
    const char *raw = http_query(request, "cursor");
    *key = NULL;
    if (!raw)
        return TG_OK;
    if (!cursor_decode(raw, buf, size))
        return http_fail(request, TG_ERR_BAD_PARAMETER, "cursor",
                         "cursor is not one this server handed out; start again without it");
    *key = buf;
    return TG_OK;
}

static bool is_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
    }
    return true;
}

enum tg_status http_param_date(struct http_request *request, const char *name, const char **value)
{
    static const int days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const char *raw = http_query(request, name);
    *value = raw;
    if (!raw)
        return TG_OK;
    size_t n = strlen(raw);
    bool shape = (n == 4 || n == 7 || n == 10) && is_digits(raw, 4) &&
                 (n < 7 || (raw[4] == '-' && is_digits(raw + 5, 2))) &&
                 (n < 10 || (raw[7] == '-' && is_digits(raw + 8, 2)));
    int month = n >= 7 ? atoi(raw + 5) : 1;
    int day = n == 10 ? atoi(raw + 8) : 1;
    if (!shape || month < 1 || month > 12 || day < 1 || day > days_in_month[month - 1])
        return http_fail(request, TG_ERR_BAD_PARAMETER, name,
                         "%s must be a date written YYYY, YYYY-MM or YYYY-MM-DD", name);
    return TG_OK;
}

json_t *http_string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *http_page_body(json_t *items, const char *last_key, bool more, size_t total)
{
    char *cursor = more && last_key ? http_cursor_encode(last_key) : NULL;
    json_t *body = json_pack("{s:o, s:o, s:I}", "items", items, "next_cursor",
                             http_string_or_null(cursor), "total", (json_int_t)total);
    free(cursor);
    return body;
}
