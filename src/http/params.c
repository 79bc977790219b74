/*
 * Reading a request: the raw target split and percent-decoded by length (so a %00 or a stray
 * byte can never shorten or corrupt a value unseen), parameters checked against the route's
 * declaration, one canonical form of the request for the memo and the ETag, and the one cursor
 * codec every list uses.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "routes.h"
#include "thaigraph/hash.h"
#include "thaigraph/utf8.h"

static const char base64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026 */

/* Cuts s (len bytes of valid UTF-8 in a buffer of size bytes) to fit, on a character boundary,
 * marking the cut with an ellipsis. */
static void truncate_utf8(char *s, size_t len, size_t size)
{
    if (len < size)
        return;
    size_t keep = size - sizeof ellipsis;
    while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
        keep--;
    memcpy(s + keep, ellipsis, sizeof ellipsis);
}

enum tg_status http_fail(struct http_request *request, enum tg_status status, const char *parameter,
                         const char *fmt, ...)
{
    request->bad_parameter = parameter;
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(request->detail, sizeof request->detail, fmt, args);
    va_end(args);
    if (n > 0)
        truncate_utf8(request->detail, (size_t)n, sizeof request->detail);
    return status;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes src[0..n) into dst (NUL-terminated, at most n bytes before it). In a query '+' is a
 * space. False for a '%' not followed by two hex digits. */
static bool percent_decode(const char *src, size_t n, bool query, char *dst, size_t *out_len)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '%') {
            int hi = i + 2 < n ? hex_value(src[i + 1]) : -1;
            int lo = hi >= 0 ? hex_value(src[i + 2]) : -1;
            if (lo < 0)
                return false;
            dst[o++] = (char)(hi << 4 | lo);
            i += 2;
        } else {
            dst[o++] = query && src[i] == '+' ? ' ' : src[i];
        }
    }
    dst[o] = '\0';
    *out_len = o;
    return true;
}

void http_percent_encode(const char *bytes, size_t len, FILE *out)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~')
            fputc(c, out);
        else
            fprintf(out, "%%%c%c", hex[c >> 4], hex[c & 15]);
    }
}

/* The bytes of a name the client sent, re-encoded so a problem body can show them. */
static const char *shown_name(struct http_request *request, const char *raw, size_t len)
{
    FILE *out = fmemopen(request->parameter_buf, sizeof request->parameter_buf, "w");
    if (!out)
        return "?";
    setvbuf(out, NULL, _IONBF, 0);
    http_percent_encode(raw, len < 24 ? len : 24, out);
    fclose(out);
    request->parameter_buf[sizeof request->parameter_buf - 1] = '\0';
    return request->parameter_buf;
}

/* A decoded string is usable when it holds no NUL and is valid UTF-8; says which is wrong. */
static const char *string_fault(const char *s, size_t len)
{
    if (tg_utf8_has_nul(s, len))
        return "holds a NUL byte";
    if (tg_utf8_validate(s, len, NULL) != TG_OK)
        return "is not valid UTF-8";
    return NULL;
}

static int compare_params(const void *a, const void *b)
{
    const struct http_param *x = a, *y = b;
    return strcmp(x->name, y->name);
}

/* Decodes one "name[=value]" of the query into the request. */
static enum tg_status parse_param(struct http_request *request, const char *raw, size_t len,
                                  char **cursor)
{
    const char *equals = memchr(raw, '=', len);
    size_t name_raw = equals ? (size_t)(equals - raw) : len;
    struct http_param *p = &request->params[request->param_count];
    char *name = *cursor;
    if (!percent_decode(raw, name_raw, true, name, &p->name_len))
        return http_fail(request, TG_ERR_BAD_PARAMETER, shown_name(request, raw, name_raw),
                         "a parameter name has a '%%' not followed by two hex digits");
    const char *fault = string_fault(name, p->name_len);
    if (fault || p->name_len == 0)
        return http_fail(request, TG_ERR_BAD_PARAMETER, shown_name(request, name, p->name_len),
                         "a parameter name %s", fault ? fault : "is empty");
    p->name = name;
    p->value = "";
    p->value_len = 0;
    *cursor = name + p->name_len + 1;
    if (equals) {
        char *value = *cursor;
        if (!percent_decode(equals + 1, len - name_raw - 1, true, value, &p->value_len))
            return http_fail(request, TG_ERR_BAD_PARAMETER, name,
                             "%s has a '%%' not followed by two hex digits", name);
        if ((fault = string_fault(value, p->value_len)))
            return http_fail(request, TG_ERR_BAD_PARAMETER, name, "%s %s", name, fault);
        p->value = value;
        *cursor = value + p->value_len + 1;
    }
    request->param_count++;
    return TG_OK;
}

enum tg_status http_parse_target(struct http_request *request, const char *target, size_t len,
                                 char **path, size_t *path_len)
{
    if (len > HTTP_MAX_TARGET_BYTES)
        return http_fail(request, TG_ERR_URI_TOO_LONG, NULL,
                         "the request target is %zu bytes long; at most %d are read (POST long "
                         "texts to /v1/analyze)",
                         len, HTTP_MAX_TARGET_BYTES);
    /* Decoding never lengthens, and each piece's NUL takes the place of its separator. */
    request->decoded = malloc(len + 2);
    if (!request->decoded)
        return TG_ERR_NOMEM;
    const char *query = memchr(target, '?', len);
    size_t path_raw = query ? (size_t)(query - target) : len;
    *path = request->decoded;
    if (!percent_decode(target, path_raw, false, *path, path_len)) {
        (*path)[0] = '\0';
        *path_len = 0;
    }
    /* A malformed escape or an encoded slash: no route has such a path (it is answered 404).
     * A NUL or invalid UTF-8 stays, by length, for the route's id check to refuse. */
    for (size_t i = 0; i + 2 < path_raw; i++) {
        if (target[i] == '%' && target[i + 1] == '2' && (target[i + 2] | 0x20) == 'f')
            *path_len = 0;
    }
    char *cursor = *path + path_raw + 1;
    const char *p = query ? query + 1 : NULL, *end = target + len;
    while (p && p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        size_t n = amp ? (size_t)(amp - p) : (size_t)(end - p);
        if (n > 0) {
            if (request->param_count == HTTP_MAX_PARAMS)
                return http_fail(request, TG_ERR_TOO_LARGE, NULL,
                                 "a request holds at most %d parameters", HTTP_MAX_PARAMS);
            enum tg_status status = parse_param(request, p, n, &cursor);
            if (status != TG_OK)
                return status;
        }
        p = amp ? amp + 1 : NULL;
    }
    qsort(request->params, request->param_count, sizeof request->params[0], compare_params);
    for (size_t i = 1; i < request->param_count; i++) {
        if (strcmp(request->params[i].name, request->params[i - 1].name) == 0)
            return http_fail(request, TG_ERR_BAD_PARAMETER, request->params[i].name,
                             "%s is given more than once", request->params[i].name);
    }
    return TG_OK;
}

enum tg_status http_check_params(struct http_request *request, const char *const *names)
{
    for (size_t i = 0; i < request->param_count; i++) {
        bool known = false;
        for (const char *const *n = names; n && *n && !known; n++)
            known = strcmp(*n, request->params[i].name) == 0;
        if (!known)
            return http_fail(request, TG_ERR_BAD_PARAMETER, request->params[i].name,
                             "%s is not a parameter of this resource", request->params[i].name);
    }
    return TG_OK;
}

const char *http_query_n(const struct http_request *request, const char *name, size_t *len)
{
    if (request->stream_cursor && strcmp(name, "cursor") == 0) {
        if (len)
            *len = strlen(request->stream_cursor);
        return request->stream_cursor;
    }
    for (size_t i = 0; i < request->param_count; i++) {
        if (strcmp(request->params[i].name, name) == 0) {
            if (len)
                *len = request->params[i].value_len;
            return request->params[i].value;
        }
    }
    return NULL;
}

const char *http_query(const struct http_request *request, const char *name)
{
    return http_query_n(request, name, NULL);
}

enum tg_status http_params_clone(const struct http_request *from, struct http_request *to)
{
    size_t bytes = 1;
    for (size_t i = 0; i < from->param_count; i++)
        bytes += from->params[i].name_len + from->params[i].value_len + 2;
    char *copy = malloc(bytes), *p = copy;
    if (!copy)
        return TG_ERR_NOMEM;
    to->decoded = copy;
    to->param_count = from->param_count;
    for (size_t i = 0; i < from->param_count; i++) {
        const struct http_param *src = &from->params[i];
        struct http_param *dst = &to->params[i];
        *dst = *src;
        memcpy(p, src->name, src->name_len + 1);
        dst->name = p;
        p += src->name_len + 1;
        memcpy(p, src->value, src->value_len + 1);
        dst->value = p;
        p += src->value_len + 1;
    }
    return TG_OK;
}

void http_canonical_request(const struct http_request *request, const char *const *skip, FILE *out)
{
    fputs(request->route->name, out);
    if (request->path_id) {
        fputc('/', out);
        http_percent_encode(request->path_id, strlen(request->path_id), out);
    }
    fputc('?', out);
    for (size_t i = 0; i < request->param_count; i++) {
        const struct http_param *p = &request->params[i];
        bool skipped = false;
        for (const char *const *s = skip; s && *s && !skipped; s++)
            skipped = strcmp(*s, p->name) == 0;
        if (skipped)
            continue;
        http_percent_encode(p->name, p->name_len, out);
        fputc('=', out);
        http_percent_encode(p->value, p->value_len, out);
        fputc('&', out);
    }
}

enum tg_status http_param_uint(struct http_request *request, const char *name, long min, long max,
                               long fallback, long *value)
{
    size_t len = 0;
    const char *raw = http_query_n(request, name, &len);
    if (!raw) {
        *value = fallback;
        return TG_OK;
    }
    long v = 0;
    bool ok = len > 0 && len <= 9 && (raw[0] != '0' || len == 1);
    for (size_t i = 0; ok && i < len; i++) {
        ok = raw[i] >= '0' && raw[i] <= '9';
        v = v * 10 + (raw[i] - '0');
    }
    if (!ok || v < min || v > max)
        return http_fail(request, TG_ERR_BAD_PARAMETER, name,
                         "%s must be a whole number from %ld to %ld, written in digits alone", name,
                         min, max);
    *value = v;
    return TG_OK;
}

enum tg_status http_param_limit(struct http_request *request, size_t *limit)
{
    if (request->stream_cursor) {
        *limit = HTTP_CSV_CHUNK;
        return TG_OK;
    }
    long value;
    enum tg_status status =
        http_param_uint(request, "limit", 1, HTTP_MAX_LIMIT, HTTP_DEFAULT_LIMIT, &value);
    *limit = (size_t)value;
    return status;
}

/* Cursor layout before base64url: version, the binding's hash (8 bytes, little-endian), the
 * position, then a checksum of all that (8 bytes). */
#define CURSOR_VERSION     1
#define CURSOR_HEADER      9
#define CURSOR_CHECKSUM    8
#define CURSOR_MAX_POS     (HTTP_MAX_ID_BYTES + 32) /* an id and a kind or an offset */
#define CURSOR_MAX_PAYLOAD (CURSOR_HEADER + CURSOR_MAX_POS + CURSOR_CHECKSUM)

static const char *const cursor_unbound[] = {"cursor", "limit", NULL};

static uint64_t cursor_binding(const struct http_request *request)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return 0;
    http_canonical_request(request, cursor_unbound, out);
    fclose(out);
    uint64_t h = tg_hash_bytes(text, len);
    free(text);
    return h;
}

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static uint64_t cursor_checksum(const unsigned char *payload, size_t len)
{
    static const char salt[] = "thaigraph cursor";
    return tg_hash_update(tg_hash_bytes(salt, sizeof salt), payload, len);
}

char *http_cursor_encode(const struct http_request *request, const char *position, size_t len)
{
    if (len > CURSOR_MAX_POS)
        return NULL;
    unsigned char payload[CURSOR_MAX_PAYLOAD];
    payload[0] = CURSOR_VERSION;
    put_u64(payload + 1, cursor_binding(request));
    memcpy(payload + CURSOR_HEADER, position, len);
    size_t n = CURSOR_HEADER + len;
    put_u64(payload + n, cursor_checksum(payload, n));
    n += CURSOR_CHECKSUM;
    char *out = malloc(n / 3 * 4 + 5);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)payload[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)payload[i + 1] << 8;
        if (i + 2 < n)
            v |= payload[i + 2];
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

/* Decodes canonical unpadded base64url (unused trailing bits zero); false for anything else. */
static bool base64url_decode(const char *s, size_t n, unsigned char *buf, size_t size,
                             size_t *out_len)
{
    size_t o = 0;
    unsigned acc = 0;
    int bits = 0;
    if (n == 0 || n % 4 == 1)
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *p = s[i] ? strchr(base64url, s[i]) : NULL;
        if (!p)
            return false;
        acc = (acc << 6 | (unsigned)(p - base64url)) & 0xFFFFu;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (o == size)
                return false;
            buf[o++] = (unsigned char)(acc >> bits);
        }
    }
    *out_len = o;
    return (acc & ((1u << bits) - 1)) == 0;
}

enum tg_status http_param_cursor(struct http_request *request, char *buf, size_t size,
                                 const char **position)
{
    size_t raw_len = 0;
    const char *raw = http_query_n(request, "cursor", &raw_len);
    *position = NULL;
    if (!raw)
        return TG_OK;
    unsigned char payload[CURSOR_MAX_PAYLOAD];
    size_t n = 0;
    bool ok =
        base64url_decode(raw, raw_len, payload, sizeof payload, &n) &&
        n >= CURSOR_HEADER + CURSOR_CHECKSUM && payload[0] == CURSOR_VERSION &&
        get_u64(payload + n - CURSOR_CHECKSUM) == cursor_checksum(payload, n - CURSOR_CHECKSUM);
    if (!ok)
        return http_fail(request, TG_ERR_BAD_PARAMETER, "cursor",
                         "cursor is not one this server handed out; start again without it");
    if (get_u64(payload + 1) != cursor_binding(request))
        return http_fail(request, TG_ERR_BAD_PARAMETER, "cursor",
                         "cursor belongs to another list or query; start again without it");
    size_t len = n - CURSOR_HEADER - CURSOR_CHECKSUM;
    if (len + 1 > size || memchr(payload + CURSOR_HEADER, '\0', len))
        return http_fail(request, TG_ERR_BAD_PARAMETER, "cursor",
                         "cursor is not one this server handed out; start again without it");
    memcpy(buf, payload + CURSOR_HEADER, len);
    buf[len] = '\0';
    *position = buf;
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
    size_t n = 0;
    const char *raw = http_query_n(request, name, &n);
    *value = raw;
    if (!raw)
        return TG_OK;
    bool shape = (n == 4 || n == 7 || n == 10) && is_digits(raw, 4) &&
                 (n < 7 || (raw[4] == '-' && is_digits(raw + 5, 2))) &&
                 (n < 10 || (raw[7] == '-' && is_digits(raw + 8, 2)));
    int month = shape && n >= 7 ? atoi(raw + 5) : 1;
    int day = shape && n == 10 ? atoi(raw + 8) : 1;
    if (!shape || month < 1 || month > 12 || day < 1 || day > days_in_month[month - 1])
        return http_fail(request, TG_ERR_BAD_PARAMETER, name,
                         "%s must be a date written YYYY, YYYY-MM or YYYY-MM-DD", name);
    return TG_OK;
}

json_t *http_string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

enum tg_status http_param_choice(struct http_request *request, const char *name,
                                 const char *const *names, size_t count, int *index)
{
    const char *raw = http_query(request, name);
    *index = -1;
    if (!raw)
        return TG_OK;
    char allowed[192] = "";
    for (size_t i = 0; i < count; i++) {
        if (strcmp(raw, names[i]) == 0) {
            *index = (int)i;
            return TG_OK;
        }
        snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed), "%s%s", i ? ", " : "",
                 names[i]);
    }
    return http_fail(request, TG_ERR_BAD_PARAMETER, name, "%s must be one of %s", name, allowed);
}

enum tg_status http_param_facets(struct http_request *request, unsigned allowed, unsigned *mask)
{
    const char *raw = http_query(request, "facets");
    *mask = 0;
    if (!raw)
        return TG_OK;
    char offered[128] = "";
    for (int f = 0; f < TG_QUERY_FACET_COUNT; f++) {
        if (allowed & (1u << f))
            snprintf(offered + strlen(offered), sizeof offered - strlen(offered), "%s%s",
                     offered[0] ? ", " : "", tg_query_facet_name((enum tg_query_facet)f));
    }
    for (const char *p = raw;; p++) {
        size_t n = strcspn(p, ",");
        enum tg_query_facet facet;
        if (!tg_query_facet_parse(p, n, &facet) || !(allowed & (1u << facet)))
            return http_fail(request, TG_ERR_BAD_PARAMETER, "facets",
                             "facets is a comma-separated list of %s; '%.*s' is not one",
                             allowed ? offered : "(none here)", (int)n, p);
        *mask |= 1u << facet;
        p += n;
        if (!*p)
            return TG_OK;
    }
}

/* The entity an id names, when it is one of the type. */
static const struct tg_graph_entity *by_id(const struct tg_graph *graph, const char *value,
                                           enum tg_graph_type type)
{
    const struct tg_graph_entity *e = tg_graph_entity_find(graph, value);
    return e && (type == TG_GRAPH_TYPE_COUNT || e->type == type) ? e : NULL;
}

enum tg_status http_param_entities(struct http_request *request, const char *name,
                                   enum tg_graph_type type,
                                   const struct tg_graph_entity *matches[HTTP_MAX_MATCHES],
                                   size_t *count, bool *given)
{
    const char *value = http_query(request, name);
    *count = 0;
    *given = value != NULL;
    if (!value)
        return TG_OK;
    if ((matches[0] = by_id(request->graph, value, type))) {
        *count = 1;
        return TG_OK;
    }
    enum tg_status status =
        tg_graph_resolve(request->graph, type, value, matches, HTTP_MAX_MATCHES, count);
    if (*count > HTTP_MAX_MATCHES)
        *count = HTTP_MAX_MATCHES;
    if (status == TG_ERR_INVALID_UTF8)
        return http_fail(request, status, name, "%s is not valid UTF-8", name);
    return status;
}

#define MAX_CANDIDATES 10

enum tg_status http_param_entity(struct http_request *request, const char *name,
                                 enum tg_graph_type type, const struct tg_graph_entity **entity)
{
    const struct tg_graph_entity *matches[HTTP_MAX_MATCHES];
    size_t count = 0;
    bool given = false;
    *entity = NULL;
    enum tg_status status = http_param_entities(request, name, type, matches, &count, &given);
    if (status != TG_OK || !given)
        return status;
    const char *value = http_query(request, name);
    const char *what = type == TG_GRAPH_TYPE_COUNT ? "entity" : tg_graph_type_name(type);
    if (count == 0)
        return http_fail(request, TG_ERR_NOT_FOUND, name, "no %s is known as '%s'", what, value);
    if (count > 1) {
        json_t *candidates = json_array();
        for (size_t i = 0; i < count && i < MAX_CANDIDATES; i++)
            json_array_append_new(candidates, http_entity_ref(matches[i]));
        request->problem_extra = json_pack("{s:o}", "candidates", candidates);
        return http_fail(request, TG_ERR_AMBIGUOUS, name,
                         "'%s' names %zu %s entities; give one of their ids", value, count, what);
    }
    *entity = matches[0];
    return TG_OK;
}
