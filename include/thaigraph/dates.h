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
 * - Spans follow ThaiNER's DATE tags (and the gold guideline of tests/data/gold/): the words that
 *   introduce a date (วันที่, วันอังคารที่, Thursday, เดือน, ปี, ปีงบประมาณ, พ.ศ., and the
 *   prepositions เมื่อ, ใน, ตั้งแต่, ระหว่าง) lie outside it, so "วันจันทร์ที่ 24 สิงหาคม 2563"
 *   covers "24 สิงหาคม 2563" and "ปี 62" covers "62"; a พ.ศ. inside a date stays ("10 มิถุนายน
 *   พ.ศ. 2561"), and so do the words of a relative date and of a part of a month (วันนี้,
 *   เมื่อวานนี้, วันอังคารที่ผ่านมา, สิ้นเดือนกันยายน).
 * - Ranges ("1-5 ม.ค. 2560", "มกราคม - กันยายน 2555", "ปี 2554-2555", "30 ธ.ค. 2554 ถึง 2 ม.ค.
 *   2555") give one match whose first and last differ. An end without a year takes it from the
 *   other end; a start later in the year than the end falls in the year before.
 * - Dates without a year take the year of the context date that puts them nearest it
 *   (published 5 January 2020, "28 ธ.ค." is 2019); a two-digit year after ปี is Buddhist era.
 * - Relative dates are resolved against the context date (usually the publication date):
 *   วันนี้, เมื่อวานนี้, พรุ่งนี้, เดือนนี้/เดือนที่แล้ว/เดือนหน้า, ปีนี้/ปีที่แล้ว/ปีที่ผ่านมา/ปีหน้า,
 *   วัน<weekday>ที่ผ่านมา (the last such day before it), วัน<weekday>นี้ (the coming one), วันที่ 5
 *   ที่ผ่านมา (the most recent 5th: of its month, or of the month before when that is still to
 *   come, skipping a month without that day), each at the precision it has; สิ้นเดือน X dates
 *   the last day of X. A day told so and followed by the
 *   date in brackets ("วันนี้ (28 ธ.ค. 63)", a report written the day before it went out) takes
 *   the bracketed date, and the relative dates after it count from that writer's day (within
 *   62 days of the context day; further off the bracket is taken for a slip).
 * - Impossible dates (31 ก.พ., day 32, month 13) and years outside Gregorian 1900..2100 are not
 *   reported at all rather than guessed.
 * - Not read: numeric dates with two-digit years ("22/12/54"), English day ranges ("December
 *   22-24, 2011"), times of day, English relative dates ("last year"), quarters and halves of a
 *   year, Thai number words and dates across a line break.
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
    bool relative; /* told from the context date (วันนี้, ปีที่แล้ว), not written out */
    /* A relative day dated by the day in brackets after it (วันนี้ (24 ต.ค.67)), near enough to
     * the context day to be the writer's own: the relative dates after it count from the
     * writer's day it implies, and callers may take it for the day the text was written. */
    bool writers_day;
};

/*
 * Finds every date in text[0..len), in text order and without overlaps, reading it against
 * context (may be NULL): the date the text was written (its publication date), of any
 * precision, which gives years to dates written without one and resolves relative dates. A date
 * the context cannot fix (no year written and none known, วันนี้ without a day) is still
 * reported, with precision NONE in first and last (and the month and day it names, when it names
 * them), so that callers know a date stands there. An invalid context is
 * TG_ERR_INVALID_ARGUMENT; otherwise as tg_dates_find.
 */
enum tg_status tg_dates_find_in_context(const char *text, size_t len, const struct tg_date *context,
                                        struct tg_date_match **out, size_t *count);

/*
 * Finds every date in text[0..len), in text order and without overlaps. context_year is the
 * Gregorian year that completes dates written without one (the article's year), or 0 when
 * unknown; any other value outside 1900..2100 is TG_ERR_INVALID_ARGUMENT. Dates it cannot fix
 * with the year alone are left out (relative days; dates without a year when context_year is
 * 0). *out is malloc'd and
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
