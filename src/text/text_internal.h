/*
 * text_internal: what the files of the tg_text module share and nothing outside it uses.
 */
#ifndef THAIGRAPH_TEXT_INTERNAL_H
#define THAIGRAPH_TEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <unicode/uchar.h>

/* Zero-width characters and the soft hyphen: invisible, so normalisation drops them and the
 * segmenter treats them as the word separators publishers use them for. */
static inline bool tg_text_is_zero_width(UChar32 c)
{
    return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

/* Whitespace, and control characters, which in published text are layout debris. */
static inline bool tg_text_is_white(UChar32 c)
{
    return c < 0x20 || c == 0x7F || u_isUWhiteSpace(c);
}

#endif
