/*
 * dates: finds the calendar dates written in UTF-8 Thai or English news text.
 *
 * Thai news dates events in many ways: "22 ธ.ค." (year left to the reader), "30 มิ.ย. 58" (a
 * two-digit Buddhist-era year), "วันอังคารที่ 2 พฤษภาคม 2560", "ระหว่างเดือนมกราคมถึงกันยายน
 * ๒๕๕๕" (a range of months), "ในปี 2554", "พ.ศ.2564", "22/12/2554", or in English "Thursday
 * December 22, 2011". The graph keeps every date as a Gregorian date plus how much of it the
 * text gave (year, month or day), so each match carries that precision and where it stands.
 *
 * Rules the scanner follows, chosen to keep false positives out of the graph:
 * - Buddhist-era years are converted (year - 543). Two-digit years after a Thai month are
 *   Buddhist-era 25yy. A four-digit year above 2400 is Buddhist era unless written after ค.ศ.;
 *   after พ.ศ. it always is. English month names take four-digit years only.
 * - A number is a year on its own only after a cue: ปี, ปีงบประมาณ, ปีงบ, ปีการศึกษา, พ.ศ. or
 *   ค.ศ. A month without a day is a date after เดือน, or when a year follows it (then only
 *   full Thai names, dotted abbreviations and English names count; "มกรา" or "มค" need a day or
 *   เดือน before them).
 * - A cue word that is part of the date (วันที่, วันอังคารที่, Thursday, เดือน, ปี, พ.ศ.) lies
 *   inside the span; prepositions before it (เมื่อ, ใน, ตั้งแต่, ระหว่าง) do not.
 * - Ranges ("1-5 ม.ค. 2560", "มกราคม - กันยายน 2555", "ปี 2554-2555", "30 ธ.ค. 2554 ถึง 2 ม.ค.
 *   2555") give one match whose first and last differ. An end without a year takes it from the
 *   other end; a start later in the year than the end falls in the year before.
 * - Dates without a year take context_year; with context_year 0 they are not reported.
 * - Impossible dates (31 ก.พ., day 32, month 13) and years outside Gregorian 1900..2100 are not
 *   reported at all rather than guessed.
 * - Not read: numeric dates with two-digit years ("22/12/54"), English day ranges ("December
 *   22-24, 2011"), times of day, relative dates ("เมื่อวานนี้", "last year"), Thai number words
 *   and dates across a line break.
 *
 * Scanning is linear in the text: every form is tried from a position with bounded look-ahead.
 *
 * Memory: tg_dates_find allocates *out with malloc; the caller frees it with free().
 */
#ifndef THAIGRAPH_DATES_H
#define THAIGRAPH_DATES_H

#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/status.h"

enum tg_date_precision {
    TG_DATE_PRECISION_NONE = 0,
    TG_DATE_PRECISION_YEAR,
    TG_DATE_PRECISION_MONTH,
    TG_DATE_PRECISION_DAY
};

/* A Gregorian date; month and day are 0 when the precision is coarser. */
struct tg_date {
    int year;
    int month;
    int day;
    enum tg_date_precision precision;
};

struct tg_date_match {
    struct tg_date first;        /* the date, or the start of a range */
    struct tg_date last;         /* equal to first unless the text names a range */
    size_t start, end;           /* code-point offsets of the matched text, end exclusive */
    size_t byte_start, byte_end; /* the same span in bytes */
};

/*
 * Finds every date in text[0..len), in text order and without overlaps. context_year is the
 * Gregorian year that completes dates written without one (the article's year), or 0 when
 * unknown; any other value outside 1900..2100 is TG_ERR_INVALID_ARGUMENT. *out is malloc'd and
 * *count set; with no dates *count is 0 and *out NULL. Invalid UTF-8 gives TG_ERR_INVALID_UTF8,
 * NULL out or count TG_ERR_INVALID_ARGUMENT.
 */
enum tg_status tg_dates_find(const char *text, size_t len, int context_year,
                             struct tg_date_match **out, size_t *count);

/*
 * Writes the ISO 8601 form of date at its precision ("2015-06-30", "2012-10", "2011") and
 * returns the number of characters written, not counting the NUL. A date of precision NONE
 * writes the empty string.
 */
size_t tg_date_format_iso(const struct tg_date *date, char buf[static 11]);

/* True when year/month/day (Gregorian) is a real calendar day. */
bool tg_date_is_valid_day(int year, int month, int day);

#endif
