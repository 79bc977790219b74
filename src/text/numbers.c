#include "thaigraph/numbers.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "thaigraph/utf8.h"

int tg_numbers_digit_at(const char *text, size_t len, size_t pos, size_t *width)
{
    if (pos >= len)
        return -1;
    const unsigned char *s = (const unsigned char *)text + pos;
    if (s[0] >= '0' && s[0] <= '9') {
        *width = 1;
        return s[0] - '0';
    }
    /* Thai digits U+0E50..U+0E59 are the bytes E0 B9 90..99, so no decoding is needed. */
    if (len - pos >= 3 && s[0] == 0xE0 && s[1] == 0xB9 && s[2] >= 0x90 && s[2] <= 0x99) {
        *width = 3;
        return s[2] - 0x90;
    }
    return -1;
}

static bool is_latin(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

int tg_numbers_digit_value(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0x0E50 && cp <= 0x0E59)
        return (int)(cp - 0x0E50);
    return -1;
}

/* Position in the text with the two code points before it, which decide where numbers start. */
struct walker {
    const char *text;
    size_t len;
    size_t pos, cp;
    uint32_t prev1, prev2;
};

static void step(struct walker *w)
{
    w->prev2 = w->prev1;
    w->prev1 = tg_utf8_next(w->text, w->len, &w->pos);
    w->cp++;
}

/* Reads the digit run at *pos into *value (continuing it) and returns how many digits it had. */
static size_t read_run(const char *text, size_t len, size_t *pos, double *value)
{
    size_t n = 0, width = 0;
    int digit;
    while ((digit = tg_numbers_digit_at(text, len, *pos, &width)) >= 0) {
        *value = *value * 10 + digit;
        *pos += width;
        n++;
    }
    return n;
}

/* Reads the number whose first digit is at text[pos] and returns the byte offset after it. */
static size_t read_number(const char *text, size_t len, size_t pos, double *value)
{
    size_t end = pos, width = 0;
    double v = 0;
    size_t lead = read_run(text, len, &end, &v);
    /* "12,345" groups thousands, but "1234,567" and "1,23" are two numbers side by side. */
    while (lead <= 3 && end < len && text[end] == ',') {
        size_t p = end + 1;
        double group = 0;
        if (read_run(text, len, &p, &group) != 3)
            break;
        v = v * 1000 + group;
        end = p;
    }
    if (end < len && text[end] == '.' && tg_numbers_digit_at(text, len, end + 1, &width) >= 0) {
        size_t p = end + 1;
        double fraction = 0;
        size_t places = read_run(text, len, &p, &fraction);
        v += fraction / pow(10, (double)places);
        end = p;
    }
    *value = v;
    return end;
}

/* Finds the numbers and stores them in out when it is not NULL; returns how many there are. */
static size_t scan(const char *text, size_t len, struct tg_number_match *out)
{
    struct walker w = {.text = text, .len = len};
    size_t found = 0, width = 0;
    while (w.pos < len) {
        /* A digit right after "3," or "2." continues a number that did not parse as one. */
        bool continues = (w.prev1 == '.' || w.prev1 == ',') && tg_numbers_digit_value(w.prev2) >= 0;
        if (tg_numbers_digit_at(text, len, w.pos, &width) < 0 ||
            tg_numbers_digit_value(w.prev1) >= 0 || is_latin(w.prev1) || continues) {
            step(&w);
            continue;
        }
        size_t byte_start = w.pos, start = w.cp;
        double value;
        size_t end = read_number(text, len, w.pos, &value);
        while (w.pos < end)
            step(&w);
        if (end < len && is_latin((unsigned char)text[end]))
            continue;
        if (!isfinite(value))
            continue;
        if (out)
            out[found] = (struct tg_number_match){value, start, w.cp, byte_start, end};
        found++;
    }
    return found;
}

enum tg_status tg_numbers_find(const char *text, size_t len, struct tg_number_match **out,
                               size_t *count)
{
    if (!out || !count || (!text && len > 0))
        return TG_ERR_INVALID_ARGUMENT;
    *out = NULL;
    *count = 0;
    if (tg_utf8_validate(text, len, NULL) != TG_OK)
        return TG_ERR_INVALID_UTF8;
    /* Counting first costs a second pass over the text but allocates exactly once. */
    size_t n = scan(text, len, NULL);
    if (n == 0)
        return TG_OK;
    struct tg_number_match *matches = malloc(n * sizeof *matches);
    if (!matches)
        return TG_ERR_NOMEM;
    scan(text, len, matches);
    *out = matches;
    *count = n;
    return TG_OK;
}
