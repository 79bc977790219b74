/*
 * The JSON text of a response: what json_dumps(JSON_COMPACT | JSON_REAL_PRECISION(15)) writes,
 * byte for byte (tests/unit/test_json.c holds the two side by side), written faster. jansson
 * decodes and checks every code point of every string again as it dumps it, which made the dump
 * of a page of search hits (20 snippets and titles, some 20 KB of Thai) cost about as much as
 * the search itself (issue 10). Strings in a jansson tree were checked when they were made, so
 * here they are copied in runs, and only the bytes JSON must escape are looked at: the quote,
 * the backslash and control characters, all ASCII, so never part of a multi-byte sequence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct text {
    char *bytes;
    size_t len, cap;
    bool failed;
};

static void reserve(struct text *t, size_t more)
{
    if (t->failed || t->len + more < t->cap)
        return;
    size_t cap = t->cap ? t->cap : 4096;
    while (cap <= t->len + more)
        cap *= 2;
    char *grown = realloc(t->bytes, cap);
    if (!grown) {
        t->failed = true;
        return;
    }
    t->bytes = grown;
    t->cap = cap;
}

static void put(struct text *t, const char *bytes, size_t len)
{
    reserve(t, len);
    if (t->failed)
        return;
    memcpy(t->bytes + t->len, bytes, len);
    t->len += len;
}

/* As jansson escapes: the two-character forms it knows, \u00XX (upper case) for the other
 * control characters, and '/' left alone (no JSON_ESCAPE_SLASH). */
static void put_string(struct text *t, const char *s, size_t len)
{
    put(t, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(t, s + run, i - run);
        run = i + 1;
        char seq[8];
        const char *escape = seq;
        switch (c) {
        case '"':
            escape = "\\\"";
            break;
        case '\\':
            escape = "\\\\";
            break;
        case '\b':
            escape = "\\b";
            break;
        case '\f':
            escape = "\\f";
            break;
        case '\n':
            escape = "\\n";
            break;
        case '\r':
            escape = "\\r";
            break;
        case '\t':
            escape = "\\t";
            break;
        default:
            snprintf(seq, sizeof seq, "\\u%04X", c);
        }
        put(t, escape, strlen(escape));
    }
    put(t, s + run, len - run);
    put(t, "\"", 1);
}

/* As jansson's jsonp_dtostr: %.15g, ".0" when that reads as an integer, and the exponent
 * without its '+' and leading zeros. */
static void put_real(struct text *t, double value)
{
    char s[64];
    int n = snprintf(s, sizeof s - 2, "%.15g", value);
    if (n < 0 || (size_t)n >= sizeof s - 2) {
        t->failed = true;
        return;
    }
    size_t len = (size_t)n;
    if (!strchr(s, '.') && !strchr(s, 'e')) {
        memcpy(s + len, ".0", 3);
        len += 2;
    }
    char *e = strchr(s, 'e');
    if (e) {
        char *start = e + 1, *end = e + 2;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, len - (size_t)(end - s) + 1);
            len -= (size_t)(end - start);
        }
    }
    put(t, s, len);
}

static void put_value(struct text *t, const json_t *json)
{
    switch (json_typeof(json)) {
    case JSON_OBJECT: {
        put(t, "{", 1);
        bool first = true;
        /* Insertion order, the order json_dumps uses without JSON_SORT_KEYS. */
        for (void *it = json_object_iter((json_t *)json); it;
             it = json_object_iter_next((json_t *)json, it)) {
            if (!first)
                put(t, ",", 1);
            first = false;
            const char *key = json_object_iter_key(it);
            put_string(t, key, strlen(key));
            put(t, ":", 1);
            put_value(t, json_object_iter_value(it));
        }
        put(t, "}", 1);
        break;
    }
    case JSON_ARRAY:
        put(t, "[", 1);
        for (size_t i = 0; i < json_array_size(json); i++) {
            if (i)
                put(t, ",", 1);
            put_value(t, json_array_get(json, i));
        }
        put(t, "]", 1);
        break;
    case JSON_STRING:
        put_string(t, json_string_value(json), json_string_length(json));
        break;
    case JSON_INTEGER: {
        char s[32];
        int n = snprintf(s, sizeof s, "%" JSON_INTEGER_FORMAT, json_integer_value(json));
        put(t, s, (size_t)n);
        break;
    }
    case JSON_REAL:
        put_real(t, json_real_value(json));
        break;
    case JSON_TRUE:
        put(t, "true", 4);
        break;
    case JSON_FALSE:
        put(t, "false", 5);
        break;
    case JSON_NULL:
        put(t, "null", 4);
        break;
    }
}

char *http_json_dumps(const json_t *json, size_t *len)
{
    struct text t = {0};
    put_value(&t, json);
    put(&t, "", 1); /* the NUL */
    if (t.failed) {
        free(t.bytes);
        return NULL;
    }
    if (len)
        *len = t.len - 1;
    return t.bytes;
}
