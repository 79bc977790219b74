/*
 * Normalisation in one pass over the input: each code point is decoded, zero-width characters
 * are dropped, the rest are gathered into NFC segments (a segment starts where ICU says
 * normalisation cannot reach back across) and each finished segment goes through the Thai repairs
 * and folds into the output, carrying the original span it came from.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "thaigraph/grow.h"
#include "thaigraph/numbers.h"
#include "thaigraph/text.h"
#include "thaigraph/utf8.h"
#include "text_internal.h"

/* Offsets fit 32 bits because inputs are capped at TG_TEXT_MAX_BYTES. */
struct origin {
    uint32_t start, end;           /* code points of the original text */
    uint32_t byte_start, byte_end; /* bytes of the original text */
};

struct tg_text_norm {
    char *bytes;
    size_t len, cap;
    struct origin *map; /* one per normalised code point, plus the end */
    size_t count, map_cap;
    UChar32 last;        /* last code point written, for the repairs that look back */
    unsigned last_width; /* its UTF-8 length */
    bool space_pending;  /* a whitespace run was read and not yet written */
    struct origin space; /* where that run was */
};

/* Code points gathered until the next NFC boundary. */
struct segment {
    UChar *units;
    size_t len, cap;
    struct origin *origins;
    size_t count, origin_cap;
    bool plain; /* already NFC without asking ICU, see segment_add */
    UChar *out; /* ICU's NFC of the segment */
    size_t out_cap;
};

/* Thai vowel and tone marks that sit above or below a consonant. */
static bool is_thai_mark(UChar32 c)
{
    return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
}

/*
 * The character that replaces `prev` when `c` follows it, or -1 when the pair is fine. Typists
 * without SARA AE or SARA AM on their layout type their look-alikes, and a doubled mark renders
 * as one, so none of these pairs is ever intended.
 */
static UChar32 repair(UChar32 prev, UChar32 c)
{
    if (prev == 0x0E40 && c == 0x0E40)
        return 0x0E41;
    if (prev == 0x0E4D && c == 0x0E32)
        return 0x0E33;
    if (prev == c && is_thai_mark(c))
        return prev;
    return -1;
}

/* Makes room for `bytes` more output bytes and `entries` more map entries. */
static enum tg_status make_room(struct tg_text_norm *n, size_t bytes, size_t entries)
{
    char *grown = tg_grow(n->bytes, &n->cap, n->len + bytes, 1);
    if (!grown)
        return TG_ERR_NOMEM;
    n->bytes = grown;
    struct origin *map = tg_grow(n->map, &n->map_cap, n->count + entries, sizeof *n->map);
    if (!map)
        return TG_ERR_NOMEM;
    n->map = map;
    return TG_OK;
}

/* Appends c; keeps room for the end-of-text map entry and the NUL, see finish. */
static enum tg_status append(struct tg_text_norm *n, UChar32 c, struct origin o)
{
    if (n->len + U8_MAX_LENGTH + 1 > n->cap || n->count + 2 > n->map_cap) {
        enum tg_status st = make_room(n, U8_MAX_LENGTH + 1, 2);
        if (st != TG_OK)
            return st;
    }
    size_t at = n->len;
    U8_APPEND_UNSAFE((uint8_t *)n->bytes, at, c);
    n->last_width = (unsigned)(at - n->len);
    n->len = at;
    n->last = c;
    n->map[n->count++] = o;
    return TG_OK;
}

/* Writes one NFC code point through the folds and repairs. */
static enum tg_status emit(struct tg_text_norm *n, UChar32 c, struct origin o)
{
    if (tg_text_is_white(c)) {
        if (n->space_pending) {
            n->space.end = o.end;
            n->space.byte_end = o.byte_end;
        } else {
            n->space = o;
            n->space_pending = true;
        }
        return TG_OK;
    }
    if (c >= 0x0E50 && c <= 0x0E59)
        c = '0' + (UChar32)tg_numbers_digit_value((uint32_t)c);
    else if (c < 0x0E00 || c > 0x0E7F) /* Thai has no case; most text is Thai */
        c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    if (n->space_pending) {
        n->space_pending = false;
        /* Leading whitespace is dropped; trailing whitespace never gets here. */
        if (n->count > 0) {
            enum tg_status st = append(n, ' ', n->space);
            if (st != TG_OK)
                return st;
        }
    }
    UChar32 fixed = n->count > 0 ? repair(n->last, c) : -1;
    if (fixed < 0)
        return append(n, c, o);
    struct origin merged = n->map[--n->count];
    merged.end = o.end;
    merged.byte_end = o.byte_end;
    n->len -= n->last_width;
    return append(n, fixed, merged);
}

/* Code points NFC leaves alone unless their marks are out of canonical order. */
static bool nfc_plain(UChar32 c)
{
    return c < 0x0300 || (c >= 0x0E01 && c <= 0x0E5B);
}

static enum tg_status segment_add(struct segment *s, UChar32 c, struct origin o)
{
    UChar *units = tg_grow(s->units, &s->cap, s->len + 2, sizeof *s->units);
    if (!units)
        return TG_ERR_NOMEM;
    s->units = units;
    struct origin *origins = tg_grow(s->origins, &s->origin_cap, s->count + 1, sizeof *s->origins);
    if (!origins)
        return TG_ERR_NOMEM;
    s->origins = origins;
    /*
     * Latin-1 and Thai have no canonical compositions, so a segment of them is already NFC when
     * its combining classes do not decrease; that spares an ICU call on nearly every syllable.
     */
    if (s->count == 0) {
        s->plain = nfc_plain(c);
    } else if (s->plain) {
        /* Plain so far means every unit before is a whole BMP code point. */
        UChar32 prev = s->units[s->len - 1];
        s->plain = nfc_plain(c) && u_getCombiningClass(c) >= u_getCombiningClass(prev);
    }
    U16_APPEND_UNSAFE(s->units, s->len, c);
    s->origins[s->count++] = o;
    return TG_OK;
}

/* NFC of the segment into s->out; returns its length in UTF-16 units. */
static enum tg_status segment_nfc(struct segment *s, const UNormalizer2 *nfc, int32_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    *out_len = unorm2_normalize(nfc, s->units, (int32_t)s->len, s->out, (int32_t)s->out_cap, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        UChar *out = tg_grow(s->out, &s->out_cap, (size_t)*out_len, sizeof *s->out);
        if (!out)
            return TG_ERR_NOMEM;
        s->out = out;
        err = U_ZERO_ERROR;
        *out_len =
            unorm2_normalize(nfc, s->units, (int32_t)s->len, s->out, (int32_t)s->out_cap, &err);
    }
    return U_FAILURE(err) ? TG_ERR_ICU : TG_OK;
}

/* Emits units[0..len), the NFC of segment s, with the origins of s. */
static enum tg_status emit_segment(struct tg_text_norm *n, const struct segment *s,
                                   const UChar *units, int32_t len)
{
    size_t out_count = (size_t)u_countChar32(units, len);
    /* When composition changed the count, no output character maps to one input character. */
    struct origin whole = s->origins[0];
    whole.end = s->origins[s->count - 1].end;
    whole.byte_end = s->origins[s->count - 1].byte_end;
    enum tg_status st = TG_OK;
    int32_t i = 0;
    for (size_t k = 0; i < len && st == TG_OK; k++) {
        UChar32 c;
        U16_NEXT_UNSAFE(units, i, c);
        st = emit(n, c, out_count == s->count ? s->origins[k] : whole);
    }
    return st;
}

/* Emits the gathered segment in NFC and empties it. */
static enum tg_status segment_flush(struct segment *s, const UNormalizer2 *nfc,
                                    struct tg_text_norm *n)
{
    if (s->count == 0)
        return TG_OK;
    enum tg_status st = TG_OK;
    if (s->plain) {
        st = emit_segment(n, s, s->units, (int32_t)s->len);
    } else {
        int32_t len;
        st = segment_nfc(s, nfc, &len);
        if (st == TG_OK)
            st = emit_segment(n, s, s->out, len);
    }
    s->len = 0;
    s->count = 0;
    return st;
}

/* Writes the end-of-text map entry and the NUL; the initial make_room and append left room. */
static void finish(struct tg_text_norm *n, uint32_t count, size_t len)
{
    n->map[n->count] = (struct origin){count, count, (uint32_t)len, (uint32_t)len};
    n->bytes[n->len] = '\0';
}

static enum tg_status normalise_into(struct tg_text_norm *n, const char *utf8, size_t len)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err))
        return TG_ERR_ICU;
    struct segment seg = {0};
    enum tg_status st = TG_OK;
    size_t pos = 0;
    uint32_t index = 0;
    while (pos < len && st == TG_OK) {
        size_t start = pos;
        UChar32 c = (UChar32)tg_utf8_next(utf8, len, &pos);
        struct origin o = {index, index + 1, (uint32_t)start, (uint32_t)pos};
        index++;
        if (tg_text_is_zero_width(c))
            continue;
        if (unorm2_hasBoundaryBefore(nfc, c))
            st = segment_flush(&seg, nfc, n);
        if (st == TG_OK)
            st = segment_add(&seg, c, o);
    }
    if (st == TG_OK)
        st = segment_flush(&seg, nfc, n);
    if (st == TG_OK)
        finish(n, index, len);
    free(seg.units);
    free(seg.origins);
    free(seg.out);
    return st;
}

enum tg_status tg_text_normalise(const char *utf8, size_t len, struct tg_text_norm **out)
{
    if (!out || (!utf8 && len > 0))
        return TG_ERR_INVALID_ARGUMENT;
    if (len > TG_TEXT_MAX_BYTES)
        return TG_ERR_TOO_LARGE;
    if (len > 0 && (tg_utf8_validate(utf8, len, NULL) != TG_OK || tg_utf8_has_nul(utf8, len)))
        return TG_ERR_INVALID_UTF8;
    struct tg_text_norm *n = calloc(1, sizeof *n);
    if (!n)
        return TG_ERR_NOMEM;
    /* Thai takes three bytes a code point, so half the input length is a fair first guess. */
    enum tg_status st = make_room(n, len + 1, len / 2 + 1);
    if (st == TG_OK)
        st = normalise_into(n, utf8, len);
    if (st != TG_OK) {
        tg_text_norm_free(n);
        return st;
    }
    *out = n;
    return TG_OK;
}

const char *tg_text_norm_bytes(const struct tg_text_norm *n, size_t *len)
{
    if (len)
        *len = n->len;
    return n->bytes;
}

size_t tg_text_norm_length(const struct tg_text_norm *n)
{
    return n->count;
}

size_t tg_text_norm_original_offset(const struct tg_text_norm *n, size_t index)
{
    return n->map[index < n->count ? index : n->count].start;
}

size_t tg_text_norm_original_byte_offset(const struct tg_text_norm *n, size_t index)
{
    return n->map[index < n->count ? index : n->count].byte_start;
}

void tg_text_norm_original_span(const struct tg_text_norm *n, size_t start, size_t end,
                                struct tg_text_span *out)
{
    if (start > n->count)
        start = n->count;
    if (end > n->count)
        end = n->count;
    const struct origin *first = &n->map[start];
    out->start = first->start;
    out->byte_start = first->byte_start;
    if (end > start) {
        out->end = n->map[end - 1].end;
        out->byte_end = n->map[end - 1].byte_end;
    } else {
        out->end = first->start;
        out->byte_end = first->byte_start;
    }
}

void tg_text_norm_free(struct tg_text_norm *n)
{
    if (!n)
        return;
    free(n->bytes);
    free(n->map);
    free(n);
}

enum tg_status tg_text_make_key(const char *name, size_t len, char **key)
{
    *key = NULL;
    struct tg_text_norm *norm = NULL;
    enum tg_status st = tg_text_normalise(name, len, &norm);
    if (st != TG_OK)
        return st;
    size_t n;
    const char *bytes = tg_text_norm_bytes(norm, &n);
    char *out = malloc(n + 1);
    if (out) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (bytes[i] != ' ')
                out[k++] = bytes[i];
        out[k] = '\0';
    }
    tg_text_norm_free(norm);
    *key = out;
    return out ? TG_OK : TG_ERR_NOMEM;
}

char *tg_text_key(const char *name, size_t len)
{
    char *key;
    tg_text_make_key(name, len, &key);
    return key;
}

bool tg_text_is_blank(uint32_t cp)
{
    /* The soft hyphen is invisible too, but stands inside a word, not between two. */
    return u_isblank((UChar32)cp) || (tg_text_is_zero_width((UChar32)cp) && cp != 0x00AD);
}

bool tg_text_is_space(uint32_t cp)
{
    return tg_text_is_white((UChar32)cp) || tg_text_is_zero_width((UChar32)cp);
}
