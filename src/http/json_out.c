/*
 * JSON written straight into a buffer, for a response of a fixed shape (a search page) where
 * building a jansson tree and then serialising it cost more than the search itself (issue 10).
 * The bytes are the ones json_dumps writes for the same values with HTTP_JSON_FLAGS, so a client
 * cannot tell the two apart: strings escape exactly what jansson escapes (quote, backslash and
 * control characters, with jansson's short forms and upper-case \u00XX, nothing else), reals
 * follow jansson's %.15g with ".0" added to whole numbers and exponents without '+' or leading
 * zeros.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "thaigraph/grow.h"

/* Where most search pages fit without growing. */
#define INITIAL_BYTES (16u * 1024u)

/* Makes room for n more bytes and the final NUL; false (and the writer failed) when out of
 * memory. */
static bool reserve(struct http_json_out *o, size_t n)
{
    if (o->failed)
        return false;
    size_t need = o->len + n + 1;
    char *grown = tg_grow(o->data, &o->cap, need < INITIAL_BYTES ? INITIAL_BYTES : need, 1);
    if (!grown) {
        o->failed = true;
        return false;
    }
    o->data = grown;
    return true;
}

void http_json_raw(struct http_json_out *o, const char *bytes, size_t len)
{
    if (!reserve(o, len))
        return;
    memcpy(o->data + o->len, bytes, len);
    o->len += len;
}

void http_json_text(struct http_json_out *o, const char *text)
{
    http_json_raw(o, text, strlen(text));
}

/* Bytes a JSON string cannot hold as they are (NUL included, where a C string ends). */
#define CONTROLS(x)                                                                                \
    [x] = true, [x + 1] = true, [x + 2] = true, [x + 3] = true, [x + 4] = true, [x + 5] = true,    \
    [x + 6] = true, [x + 7] = true
static const bool escaped[256] = {CONTROLS(0),  CONTROLS(8),  CONTROLS(16),
                                  CONTROLS(24), ['"'] = true, ['\\'] = true};

/* How jansson writes a byte of escaped[] other than NUL. */
static void put_escape(struct http_json_out *o, unsigned char c)
{
    static const char short_forms[][3] = {
        ['"'] = "\\\"", ['\\'] = "\\\\", ['\b'] = "\\b", ['\f'] = "\\f",
        ['\n'] = "\\n", ['\r'] = "\\r",  ['\t'] = "\\t",
    };
    if (short_forms[c][0]) {
        http_json_raw(o, short_forms[c], 2);
        return;
    }
    char buf[8];
    snprintf(buf, sizeof buf, "\\u%04X", c);
    http_json_raw(o, buf, 6);
}

void http_json_string(struct http_json_out *o, const char *s)
{
    if (!s) {
        http_json_raw(o, "null", 4);
        return;
    }
    http_json_raw(o, "\"", 1);
    /* Runs of bytes that stand for themselves go out in one copy; UTF-8 sequences are among
     * them, every byte of one being 0x80 or more. */
    for (;;) {
        const char *run = s;
        while (!escaped[(unsigned char)*s])
            s++;
        http_json_raw(o, run, (size_t)(s - run));
        if (!*s)
            break;
        put_escape(o, (unsigned char)*s++);
    }
    http_json_raw(o, "\"", 1);
}

void http_json_integer(struct http_json_out *o, long long v)
{
    char buf[24];
    int n = snprintf(buf, sizeof buf, "%lld", v);
    http_json_raw(o, buf, (size_t)n);
}

void http_json_real(struct http_json_out *o, double v)
{
    char buf[40];
    int n = snprintf(buf, sizeof buf - 3, "%.*g", HTTP_JSON_REAL_DIGITS, v);
    if (n < 0 || (size_t)n >= sizeof buf - 3) {
        o->failed = true;
        return;
    }
    size_t len = (size_t)n;
    /* A whole number keeps a fraction, so that it reads back as a real. */
    if (!strchr(buf, '.') && !strchr(buf, 'e')) {
        memcpy(buf + len, ".0", 3);
        len += 2;
    }
    char *e = strchr(buf, 'e');
    if (e) {
        char *digits = e + 1 + (e[1] == '-');
        char *kept = e + 2;
        while (*kept == '0')
            kept++;
        memmove(digits, kept, len + 1 - (size_t)(kept - buf));
        len -= (size_t)(kept - digits);
    }
    http_json_raw(o, buf, len);
}

void http_json_value(struct http_json_out *o, json_t *value)
{
    char *text = value ? json_dumps(value, HTTP_JSON_FLAGS | JSON_ENCODE_ANY) : NULL;
    if (!text) {
        o->failed = true;
        return;
    }
    http_json_text(o, text);
    free(text);
}

enum tg_status http_json_finish(struct http_json_out *o, struct http_output *out)
{
    if (o->failed || !reserve(o, 0)) {
        free(o->data);
        *o = (struct http_json_out){0};
        return TG_ERR_NOMEM;
    }
    o->data[o->len] = '\0';
    out->text = o->data;
    out->text_len = o->len;
    out->content_type = HTTP_JSON_CONTENT_TYPE;
    *o = (struct http_json_out){0};
    return TG_OK;
}
