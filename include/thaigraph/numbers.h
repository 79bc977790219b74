/*
 * numbers: finds the numbers written in UTF-8 Thai or English text.
 *
 * Thai news writes figures in ASCII digits or Thai digits (๐-๙), with commas between thousands
 * and a dot before decimals ("3,910", "๔๐", "1,234.5"). The extractor needs their values and
 * where they stand; it drops the ones that overlap a date itself, so digits inside dates are
 * reported here too. A digit run glued to Latin letters ("A4", "H5N1", "4G") names a thing,
 * not a quantity, and is not reported. Signs are not read: in this text a dash before digits is
 * far more often a range or a name ("โควิด-19") than a minus.
 *
 * The date module reads its digits with tg_numbers_digit_at so that both agree on what a digit
 * is.
 *
 * Memory: tg_numbers_find allocates *out with malloc; the caller frees it with free().
 */
#ifndef THAIGRAPH_NUMBERS_H
#define THAIGRAPH_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

#include "thaigraph/status.h"

struct tg_number_match {
    double value;
    size_t start, end;           /* code-point offsets of the number, end exclusive */
    size_t byte_start, byte_end; /* the same span in bytes */
};

/*
 * Finds every number in text[0..len), in text order. *out is malloc'd and *count set; with no
 * numbers *count is 0 and *out NULL. Numbers too large for a finite double are not reported.
 * Invalid UTF-8 gives TG_ERR_INVALID_UTF8, NULL out or count TG_ERR_INVALID_ARGUMENT.
 */
enum tg_status tg_numbers_find(const char *text, size_t len, struct tg_number_match **out,
                               size_t *count);

/*
 * Value 0..9 of the ASCII or Thai digit starting at byte text[pos], or -1 when there is none
 * (pos at or past len included). On a digit, *width receives its length in bytes.
 */
int tg_numbers_digit_at(const char *text, size_t len, size_t pos, size_t *width);

/* Value 0..9 of an ASCII or Thai digit, or -1 for any other code point: the one test of what a
 * digit is, for every module that asks. */
int tg_numbers_digit_value(uint32_t cp);

#endif
