#include "thaigraph/utf8.h"

#include <string.h>

enum tg_status tg_utf8_validate(const char *bytes, size_t len, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t need;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xF0) == 0xE0 && len - i > 2) {
            /* Three bytes, the length of all Thai: the checks below, unrolled. E0 needs a second
             * byte of A0 or more (no overlong form), ED one below A0 (no surrogate). */
            unsigned char c1 = s[i + 1], c2 = s[i + 2];
            if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c == 0xE0 && c1 < 0xA0) ||
                (c == 0xED && c1 >= 0xA0))
                goto bad;
            i += 3;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            cp = c & 0x07u;
        } else {
            goto bad;
        }
        if (len - i <= need)
            goto bad;
        for (size_t k = 1; k <= need; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                goto bad;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        /* Overlong three- and four-byte forms, UTF-16 surrogates and values past U+10FFFF. */
        if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        i += need + 1;
    }
    return TG_OK;
bad:
    if (bad_offset)
        *bad_offset = i;
    return TG_ERR_INVALID_UTF8;
}

size_t tg_utf8_count(const char *bytes, size_t len)
{
    size_t count = 0, i = 0;
    /* Eight bytes at a time: a continuation byte (10xxxxxx) has its top bit set and the next
     * one clear; those top bits, moved to the bottom of each byte, are summed by one multiply. */
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, bytes + i, sizeof w);
        uint64_t continuation = (w & ~(w << 1) & 0x8080808080808080u) >> 7;
        count += 8 - (size_t)((continuation * 0x0101010101010101u) >> 56);
    }
    for (; i < len; i++)
        count += ((unsigned char)bytes[i] & 0xC0) != 0x80;
    return count;
}

uint32_t tg_utf8_next(const char *bytes, size_t len, size_t *pos)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = *pos;
    unsigned char c = s[i++];
    uint32_t cp;
    size_t extra;
    if (c < 0x80) {
        *pos = i;
        return c;
    } else if (c < 0xE0) {
        cp = c & 0x1Fu;
        extra = 1;
    } else if (c < 0xF0) {
        cp = c & 0x0Fu;
        extra = 2;
    } else {
        cp = c & 0x07u;
        extra = 3;
    }
    while (extra-- > 0 && i < len)
        cp = (cp << 6) | (s[i++] & 0x3Fu);
    *pos = i;
    return cp;
}

size_t tg_utf8_offset_of(const char *bytes, size_t len, size_t index)
{
    size_t seen = 0;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)bytes[i] & 0xC0) != 0x80) {
            if (seen == index)
                return i;
            seen++;
        }
    }
    return len;
}

bool tg_utf8_has_nul(const char *bytes, size_t len)
{
    return memchr(bytes, '\0', len) != NULL;
}
