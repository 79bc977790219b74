/*
 * utf8: validation and code-point arithmetic on UTF-8 byte strings.
 *
 * thaigraph keeps text as UTF-8 bytes everywhere and reports offsets to users in code points
 * (API.md), so these helpers sit between the two. Nothing here allocates.
 */
#ifndef THAIGRAPH_UTF8_H
#define THAIGRAPH_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "thaigraph/status.h"

/*
 * Checks that bytes[0..len) is well-formed UTF-8 (no overlongs, surrogates or code points past
 * U+10FFFF). Returns TG_OK or TG_ERR_INVALID_UTF8 and, on failure, the byte offset of the first
 * bad sequence in *bad_offset (which may be NULL).
 */
enum tg_status tg_utf8_validate(const char *bytes, size_t len, size_t *bad_offset);

/* Number of code points in a string already known to be valid UTF-8. */
size_t tg_utf8_count(const char *bytes, size_t len);

/*
 * Decodes the code point starting at bytes[*pos] of a valid UTF-8 string and advances *pos past
 * it. The caller guarantees *pos < len.
 */
uint32_t tg_utf8_next(const char *bytes, size_t len, size_t *pos);

/* Byte offset of code point number `index`, or len when the string is shorter. */
size_t tg_utf8_offset_of(const char *bytes, size_t len, size_t index);

/* True when the string contains a NUL byte (never valid in thaigraph's text). */
bool tg_utf8_has_nul(const char *bytes, size_t len);

#endif
