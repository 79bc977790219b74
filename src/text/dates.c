#include "thaigraph/dates.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/grow.h"
#include "thaigraph/numbers.h"
#include "thaigraph/text.h"
#include "thaigraph/utf8.h"

#define MIN_YEAR  1900
#define MAX_YEAR  2100
#define BE_OFFSET 543
/* Four-digit years above this are Buddhist era: no plausible Gregorian year is this high, and
 * BE 2400 is 1857, before anything the graph dates. */
#define BE_THRESHOLD 2400
/* Words of one date are at most this many spaces apart; the bound keeps look-ahead constant. */
#define MAX_GAP 4

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

enum month_form { FORM_FULL, FORM_SHORT, FORM_ABBR, FORM_ABBR_DOTLESS, FORM_ENGLISH };

struct thai_month {
    const char *name;
    int month;
    enum month_form form;
};

/* Full names come before the short spoken forms they begin with ("มกราคม" before "มกรา"). */
static const struct thai_month thai_months[] = {
    {"มกราคม", 1, FORM_FULL},   {"กุมภาพันธ์", 2, FORM_FULL}, {"มีนาคม", 3, FORM_FULL},
    {"เมษายน", 4, FORM_FULL},   {"พฤษภาคม", 5, FORM_FULL}, {"มิถุนายน", 6, FORM_FULL},
    {"กรกฎาคม", 7, FORM_FULL},  {"กรกฏาคม", 7, FORM_FULL}, {"สิงหาคม", 8, FORM_FULL},
    {"กันยายน", 9, FORM_FULL},   {"ตุลาคม", 10, FORM_FULL},  {"พฤศจิกายน", 11, FORM_FULL},
    {"ธันวาคม", 12, FORM_FULL},  {"มกรา", 1, FORM_SHORT},   {"กุมภา", 2, FORM_SHORT},
    {"มีนา", 3, FORM_SHORT},     {"เมษา", 4, FORM_SHORT},   {"พฤษภา", 5, FORM_SHORT},
    {"มิถุนา", 6, FORM_SHORT},    {"กรกฎา", 7, FORM_SHORT},  {"กรกฏา", 7, FORM_SHORT},
    {"สิงหา", 8, FORM_SHORT},    {"กันยา", 9, FORM_SHORT},   {"ตุลา", 10, FORM_SHORT},
    {"พฤศจิกา", 11, FORM_SHORT}, {"ธันวา", 12, FORM_SHORT},
};

/* Abbreviations split at their inner dot, so "ม.ค.", "ม.ค", "มค." and "มค" all read. */
static const char *const abbr_heads[12] = {"ม", "ก", "มี", "เม", "พ", "มิ",
                                           "ก", "ส", "ก", "ต",  "พ", "ธ"};
static const char *const abbr_tails[12] = {"ค", "พ", "ค", "ย", "ค", "ย",
                                           "ค", "ค", "ย", "ค", "ย", "ค"};

static const char *const english_months[12] = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
static const char *const english_weekdays[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
static const char *const thai_weekdays[] = {"จันทร์", "อังคาร", "พุธ",   "พฤหัสบดี", "พฤหัสฯ",
                                            "พฤหัส", "ศุกร์",   "เสาร์", "อาทิตย์"};

static const char *const year_cues[] = {"ปีงบประมาณ", "ปีงบฯ", "ปีงบ", "ปีการศึกษา", "ปี"};
static const char *const be_marks[] = {"พ.ศ.", "พ.ศ", "พศ."};
static const char *const ce_marks[] = {"ค.ศ.", "ค.ศ", "คศ."};
static const char *const separators[] = {"จนถึง", "ถึง", "-", "\u2013", "\u2014"};
/* Words that may open the far end of a range: "1 ม.ค. ถึงวันที่ 5 ม.ค.". */
static const char *const range_cues[] = {"วันที่", "เดือน"};

/* The part of a date read so far; day 0 means month precision. */
struct elem {
    int year, month, day;
    bool has_year;
};

struct cursor {
    const char *s;
    size_t len;
    size_t pos;
    size_t digits; /* where the digits of the last year read_year tried begin */
};

enum era { ERA_NONE, ERA_BE, ERA_CE };

enum year_read { YEAR_ABSENT, YEAR_FOUND, YEAR_IMPOSSIBLE };

/* Flags of read_year. */
enum {
    YEAR_TWO_DIGIT = 1, /* a Thai month or ปี precedes, so "58" is Buddhist era 2558 */
    YEAR_NEEDS_ERA = 2, /* no cue word precedes, so only "พ.ศ. 2564" makes a year */
};

static bool is_latin(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

static bool is_thai_letter(uint32_t cp)
{
    return cp >= 0x0E01 && cp <= 0x0E4E;
}

static bool is_digit_at(const struct cursor *c, size_t pos)
{
    size_t width;
    return tg_numbers_digit_at(c->s, c->len, pos, &width) >= 0;
}

static uint32_t peek(const struct cursor *c)
{
    size_t pos = c->pos;
    return pos < c->len ? tg_utf8_next(c->s, c->len, &pos) : 0;
}

/* Tried at nearly every position of a text, and nearly always failing within a few bytes:
 * comparing as it goes beats strlen and memcmp calls there (issue 10). */
static bool lit(struct cursor *c, const char *word)
{
    size_t n = 0;
    while (word[n] && c->pos + n < c->len && c->s[c->pos + n] == word[n])
        n++;
    if (word[n])
        return false;
    c->pos += n;
    return true;
}

static void skip_gap(struct cursor *c)
{
    for (int i = 0; i < MAX_GAP && c->pos < c->len && tg_text_is_blank(peek(c)); i++)
        tg_utf8_next(c->s, c->len, &c->pos);
}

/*
 * Reads an English word that is `name` or an abbreviation of at least three of its letters
 * ("Dec", "Sept", "Thurs"), any case, with an optional dot after an abbreviation. Returns
 * whether it did; the word must end where it stops matching.
 */
static bool read_english_word(struct cursor *c, const char *name)
{
    size_t n = 0;
    while (name[n] && c->pos + n < c->len && (c->s[c->pos + n] | 0x20) == name[n] &&
           is_latin((unsigned char)c->s[c->pos + n]))
        n++;
    if (n < 3 || (c->pos + n < c->len && is_latin((unsigned char)c->s[c->pos + n])))
        return false;
    c->pos += n;
    if (name[n])
        lit(c, ".");
    return true;
}

/* Consumes the first of words that read finds at the cursor and returns its index, or -1. */
static int read_any(struct cursor *c, bool (*read)(struct cursor *, const char *),
                    const char *const *words, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (read(c, words[i]))
            return (int)i;
    return -1;
}

/* A number ends the way a date's number must: not glued to letters, not a decimal or fraction
 * ("22.5", "3/4"), not a thousands group ("3,910"). */
static bool number_ends(const struct cursor *c)
{
    uint32_t next = peek(c);
    if (is_latin(next))
        return false;
    return !((next == '.' || next == ',' || next == '/') && is_digit_at(c, c->pos + 1));
}

/* Reads a run of 1..max digits; on none or a longer run it fails and consumes nothing. */
static bool read_digits(struct cursor *c, size_t max, int *value, size_t *ndigits)
{
    size_t pos = c->pos, n = 0, width = 0;
    int v = 0, digit;
    while ((digit = tg_numbers_digit_at(c->s, c->len, pos, &width)) >= 0) {
        if (n == max)
            return false;
        v = v * 10 + digit;
        pos += width;
        n++;
    }
    if (n == 0)
        return false;
    c->pos = pos;
    *value = v;
    *ndigits = n;
    return true;
}

/*
 * Reads a day of the month, with an English ordinal suffix if there is one ("22nd"). Days past
 * 31 are read too, so that "32 ม.ค. 2555" is rejected whole rather than read as "ม.ค. 2555".
 */
static bool read_day(struct cursor *c, int *day)
{
    static const char *const suffixes[] = {"st", "nd", "rd", "th"};
    size_t save = c->pos, n;
    if (!read_digits(c, 2, day, &n) || *day < 1)
        return false;
    size_t digits_end = c->pos;
    if (read_any(c, lit, suffixes, COUNT(suffixes)) < 0 || is_latin(peek(c)))
        c->pos = digits_end;
    if (number_ends(c))
        return true;
    c->pos = save;
    return false;
}

static enum era read_era(struct cursor *c)
{
    if (read_any(c, lit, be_marks, COUNT(be_marks)) >= 0)
        return ERA_BE;
    if (read_any(c, lit, ce_marks, COUNT(ce_marks)) >= 0)
        return ERA_CE;
    return ERA_NONE;
}

/*
 * Reads "[ปี] [พ.ศ.|ค.ศ.] digits" at the cursor, after an optional gap, and converts the year
 * to Gregorian. A number of the right length that is no plausible year is YEAR_IMPOSSIBLE, so
 * the caller rejects the date instead of guessing another year for it.
 */
static enum year_read read_year(struct cursor *c, unsigned flags, int *year)
{
    size_t save = c->pos, n;
    int value;
    skip_gap(c);
    if (lit(c, "ปี"))
        skip_gap(c);
    enum era era = read_era(c);
    skip_gap(c);
    c->digits = c->pos;
    bool two_digit = (flags & YEAR_TWO_DIGIT) && era != ERA_CE;
    if (((flags & YEAR_NEEDS_ERA) && era == ERA_NONE) || !read_digits(c, 4, &value, &n) ||
        !number_ends(c) || !(n == 4 || (n == 2 && two_digit))) {
        c->pos = save;
        return YEAR_ABSENT;
    }
    if (n == 2)
        value += 2500;
    if (era == ERA_BE || (era == ERA_NONE && value > BE_THRESHOLD))
        value -= BE_OFFSET;
    *year = value;
    return value >= MIN_YEAR && value <= MAX_YEAR ? YEAR_FOUND : YEAR_IMPOSSIBLE;
}

/* Reads the year that may follow a month; false when the number there is no plausible year. */
static bool read_elem_year(struct cursor *c, enum month_form form, struct elem *e)
{
    enum year_read read = read_year(c, form == FORM_ENGLISH ? 0 : YEAR_TWO_DIGIT, &e->year);
    e->has_year = read == YEAR_FOUND;
    return read != YEAR_IMPOSSIBLE;
}

static int read_abbreviation(struct cursor *c, enum month_form *form)
{
    size_t save = c->pos;
    for (int m = 0; m < 12; m++) {
        c->pos = save;
        if (!lit(c, abbr_heads[m]))
            continue;
        bool inner_dot = lit(c, ".");
        if (inner_dot && peek(c) == ' ')
            c->pos++;
        if (!lit(c, abbr_tails[m]))
            continue;
        /* Without a closing dot the letters could begin a word ("มคอ"), so one must not
         * follow. */
        if (!lit(c, ".") && is_thai_letter(peek(c)))
            continue;
        *form = inner_dot ? FORM_ABBR : FORM_ABBR_DOTLESS;
        return m + 1;
    }
    c->pos = save;
    return 0;
}

/*
 * Reads a month name and returns its number, or 0. Unless loose, only the forms that name a
 * month unambiguously on their own are read: full Thai names, dotted abbreviations, English.
 */
static int read_month(struct cursor *c, bool loose, enum month_form *form)
{
    size_t save = c->pos;
    int month = 0;
    for (size_t i = 0; i < COUNT(thai_months) && !month; i++) {
        if (!lit(c, thai_months[i].name))
            continue;
        /* "ตุลาการ" is a judge, not October. */
        if (thai_months[i].form == FORM_SHORT && is_thai_letter(peek(c))) {
            c->pos = save;
            continue;
        }
        month = thai_months[i].month;
        *form = thai_months[i].form;
    }
    if (!month)
        month = read_abbreviation(c, form);
    if (!month && (month = read_any(c, read_english_word, english_months, 12) + 1) > 0)
        *form = FORM_ENGLISH;
    if (month && !loose && (*form == FORM_SHORT || *form == FORM_ABBR_DOTLESS))
        month = 0;
    if (!month)
        c->pos = save;
    return month;
}

/* "22 ธ.ค.", "2 พฤศจิกายน 2553", "24 ส.ค.63", "22 December 2011". */
static bool read_day_month(struct cursor *c, struct elem *e)
{
    size_t save = c->pos;
    enum month_form form;
    if (read_day(c, &e->day)) {
        skip_gap(c);
        e->month = read_month(c, true, &form);
        if (e->month && read_elem_year(c, form, e))
            return true;
    }
    c->pos = save;
    return false;
}

/* "22/12/2554", "22-12-2011", "2011-12-22": four-digit years only, "1/2/54" is too often not a
 * date. */
static bool read_numeric(struct cursor *c, struct elem *e)
{
    size_t save = c->pos, n1, n2, n3;
    int a, b, y;
    if (read_digits(c, 4, &a, &n1) && c->pos < c->len &&
        (c->s[c->pos] == '/' || c->s[c->pos] == '-')) {
        char sep = c->s[c->pos++];
        char second[2] = {sep, '\0'};
        if (read_digits(c, 2, &b, &n2) && lit(c, second) && read_digits(c, 4, &y, &n3) &&
            number_ends(c) && (n1 == 4) != (n3 == 4)) {
            e->year = n1 == 4 ? a : y;
            e->month = b;
            e->day = n1 == 4 ? y : a;
            if (e->year > BE_THRESHOLD)
                e->year -= BE_OFFSET;
            e->has_year = true;
            if (n1 + n3 <= 6 && e->day > 0)
                return true;
        }
    }
    c->pos = save;
    return false;
}

/* "December 22, 2011", "Dec. 22nd 2011", "December 2011", "December 22" (year from context). */
static bool read_english_date(struct cursor *c, struct elem *e)
{
    size_t save = c->pos;
    int month = read_any(c, read_english_word, english_months, 12);
    if (month < 0)
        return false;
    e->month = month + 1;
    e->day = 0;
    enum year_read read = read_year(c, 0, &e->year);
    if (read == YEAR_ABSENT) {
        skip_gap(c);
        if (read_day(c, &e->day)) {
            lit(c, ",");
            read = read_year(c, 0, &e->year);
        }
    }
    e->has_year = read == YEAR_FOUND;
    if (read != YEAR_IMPOSSIBLE && (e->day || e->has_year))
        return true;
    c->pos = save;
    return false;
}

/* "ตุลาคม ๒๕๕๕", "มกราคม" (after เดือน), "พ.ย. 63". */
static bool read_month_year(struct cursor *c, bool loose, struct elem *e)
{
    size_t save = c->pos;
    enum month_form form;
    e->day = 0;
    e->month = read_month(c, loose, &form);
    if (e->month && read_elem_year(c, form, e))
        return true;
    c->pos = save;
    return false;
}

/* One date that is not a range; loose as for read_month. */
static bool read_elem(struct cursor *c, bool loose, struct elem *e)
{
    if (is_digit_at(c, c->pos))
        return read_numeric(c, e) || read_day_month(c, e);
    return read_english_date(c, e) || read_month_year(c, loose, e);
}

static bool read_separator(struct cursor *c)
{
    size_t save = c->pos;
    skip_gap(c);
    if (read_any(c, lit, separators, COUNT(separators)) < 0) {
        c->pos = save;
        return false;
    }
    skip_gap(c);
    return true;
}

/* Orders dates of one precision; a month-precision date has day 0 and sorts first. */
static int date_key(int year, int month, int day)
{
    return (year * 13 + month) * 32 + day;
}

static bool to_date(const struct elem *e, struct tg_date *out)
{
    if (e->year < MIN_YEAR || e->year > MAX_YEAR || e->month < 1 || e->month > 12)
        return false;
    if (e->day && !tg_date_is_valid_day(e->year, e->month, e->day))
        return false;
    *out = (struct tg_date){e->year, e->month, e->day,
                            e->day ? TG_DATE_PRECISION_DAY : TG_DATE_PRECISION_MONTH};
    return true;
}

/*
 * The year of a date written without one: the one that puts it nearest the context date
 * (published 5 January 2020, "28 ธ.ค." is 2019), or the context's year when only that is known.
 */
static int nearest_year(const struct tg_date *context, int month, int day)
{
    if (context->precision == TG_DATE_PRECISION_YEAR)
        return context->year;
    int here = date_key(0, context->month, context->day ? context->day : 15);
    int there = date_key(0, month, day ? day : 15);
    /* Six months either way, in date_key units (32 a month). */
    if (there - here > 6 * 32)
        return context->year - 1;
    if (here - there > 6 * 32)
        return context->year + 1;
    return context->year;
}

/* A date the text gives without its year, when nothing tells the year: precision NONE, with
 * the month and day it names (valid in some year). */
static bool unresolved(const struct elem *a, const struct elem *b, struct tg_date *first,
                       struct tg_date *last)
{
    const struct elem *ends[2] = {a, b};
    struct tg_date *out[2] = {first, last};
    for (int i = 0; i < 2; i++) {
        if (ends[i]->month < 1 || ends[i]->month > 12 ||
            (ends[i]->day && !tg_date_is_valid_day(2000, ends[i]->month, ends[i]->day)))
            return false;
        *out[i] = (struct tg_date){0, ends[i]->month, ends[i]->day, TG_DATE_PRECISION_NONE};
    }
    return true;
}

/*
 * Turns the ends a and b (the same element when there is no range) into dates: checks the
 * precision the cue asks for, gives years to the ends written without one, and checks both are
 * real dates in order. A bare month needs a year written in the text unless a cue came first.
 */
static bool complete(struct elem a, struct elem b, enum tg_date_precision want, bool cued,
                     const struct tg_date *context, struct tg_date *first, struct tg_date *last)
{
    enum tg_date_precision precision = a.day ? TG_DATE_PRECISION_DAY : TG_DATE_PRECISION_MONTH;
    if ((b.day != 0) != (a.day != 0) || (want && want != precision))
        return false;
    if (!cued && !a.day && !a.has_year && !b.has_year)
        return false;
    if (!a.has_year && !b.has_year) {
        if (context->precision == TG_DATE_PRECISION_NONE)
            return unresolved(&a, &b, first, last);
        a.year = b.year = nearest_year(context, a.month, a.day);
        if (date_key(0, b.month, b.day) < date_key(0, a.month, a.day))
            b.year++;
    } else if (!a.has_year) {
        a.year = b.year - (date_key(0, a.month, a.day) > date_key(0, b.month, b.day));
    } else if (!b.has_year) {
        b.year = a.year + (date_key(0, b.month, b.day) < date_key(0, a.month, a.day));
    }
    return to_date(&a, first) && to_date(&b, last) &&
           date_key(a.year, a.month, a.day) <= date_key(b.year, b.month, b.day);
}

/*
 * Reads a date or a range of dates at the cursor into first and last, leaving the cursor after
 * it. want and cued as for complete; a failed range falls back to its first end alone.
 */
static bool read_dates(struct cursor *c, enum tg_date_precision want, bool cued,
                       const struct tg_date *context, struct tg_date *first, struct tg_date *last)
{
    size_t start = c->pos;
    struct elem a = {0}, b = {0};
    /* "1-5 ม.ค. 2560": the first day takes the month and year of the second. Nothing else
     * begins "day, separator, day, month", so whether it completes decides the match. */
    if (read_day(c, &a.day) && read_separator(c) && read_day_month(c, &b)) {
        int day = a.day;
        a = b;
        a.day = day;
        return complete(a, b, want, cued, context, first, last);
    }
    c->pos = start;
    if (!read_elem(c, cued, &a))
        return false;
    size_t end = c->pos;
    if (read_separator(c)) {
        read_any(c, lit, range_cues, COUNT(range_cues));
        skip_gap(c);
        if (read_elem(c, true, &b) && complete(a, b, want, cued, context, first, last))
            return true;
    }
    c->pos = end;
    return complete(a, a, want, cued, context, first, last);
}

/* "ปี 2554", "ปีงบประมาณ พ.ศ.2564", "ค.ศ. 2011", "ปี 2554-2555", "ปี 62". The span is the
 * year's digits (and the far end of a range): the cue words stay outside, as ThaiNER writes. */
static bool read_year_only(struct cursor *c, struct tg_date *first, struct tg_date *last,
                           size_t *begin)
{
    size_t save = c->pos;
    bool cued = read_any(c, lit, year_cues, COUNT(year_cues)) >= 0;
    /* ปีที่ 3 counts years, it names none. */
    if (cued && lit(c, "ที่")) {
        c->pos = save;
        return false;
    }
    int year;
    if (read_year(c, cued ? YEAR_TWO_DIGIT : YEAR_NEEDS_ERA, &year) != YEAR_FOUND) {
        c->pos = save;
        return false;
    }
    *begin = c->digits;
    *first = (struct tg_date){year, 0, 0, TG_DATE_PRECISION_YEAR};
    *last = *first;
    size_t end = c->pos;
    if (read_separator(c)) {
        read_any(c, lit, year_cues, COUNT(year_cues));
        if (read_year(c, 0, &year) == YEAR_FOUND && year > first->year) {
            last->year = year;
            end = c->pos;
        }
    }
    c->pos = end;
    return true;
}

/* Reads a cue that belongs to the day after it: วันที่, วันอังคารที่, วันศุกร์, "Thursday,". */
static bool read_day_cue(struct cursor *c)
{
    size_t save = c->pos;
    if (lit(c, "วัน")) {
        bool weekday = read_any(c, lit, thai_weekdays, COUNT(thai_weekdays)) >= 0;
        skip_gap(c);
        if (lit(c, "ที่") || weekday)
            return true;
    } else if (read_any(c, read_english_word, english_weekdays, 7) >= 0) {
        lit(c, ",");
        return true;
    }
    c->pos = save;
    return false;
}

/* The code point before byte *pos, moving *pos back to its start; 0 at the start of text. */
static uint32_t step_back(const char *text, size_t len, size_t *pos)
{
    if (*pos == 0)
        return 0;
    size_t start = *pos - 1;
    while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80)
        start--;
    *pos = start;
    return tg_utf8_next(text, len, &start);
}

/* A date's first digit must begin a number: not the "12" of "3,12", "1.12", "A12" or "112". */
static bool digit_starts_number(const char *text, size_t len, size_t pos)
{
    uint32_t before = step_back(text, len, &pos);
    if (is_latin(before) || tg_numbers_digit_value(before) >= 0)
        return false;
    if (before == 0 || before >= 0x80 || !strchr(".,/:-", (int)before))
        return true;
    return tg_numbers_digit_value(step_back(text, len, &pos)) < 0;
}

/* Days since 1970-01-01 of a Gregorian date, and back (Howard Hinnant's civil-day algorithms). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static struct tg_date civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int y = (int)(yoe + era * 400 + (m <= 2));
    return (struct tg_date){y, m, d, TG_DATE_PRECISION_DAY};
}

/* Monday 0 .. Sunday 6. */
static int weekday_of(long days)
{
    return (int)(((days % 7) + 7 + 3) % 7);
}

/* Weekday numbers of thai_weekdays, Monday 0. */
static const int thai_weekday_numbers[] = {0, 1, 2, 3, 3, 3, 4, 5, 6};

/* The context's day shifted by a number of days; unresolved without a day to shift. */
static void shift_days(const struct tg_date *context, long days, struct tg_date *out)
{
    if (context->precision != TG_DATE_PRECISION_DAY) {
        *out = (struct tg_date){0};
        return;
    }
    *out = civil_from_days(days_from_civil(context->year, context->month, context->day) + days);
}

static void shift_months(const struct tg_date *context, int months, struct tg_date *out)
{
    if (context->precision < TG_DATE_PRECISION_MONTH) {
        *out = (struct tg_date){0};
        return;
    }
    int index = context->year * 12 + (context->month - 1) + months;
    *out = (struct tg_date){index / 12, index % 12 + 1, 0, TG_DATE_PRECISION_MONTH};
}

static void shift_years(const struct tg_date *context, int years, struct tg_date *out)
{
    *out = context->precision == TG_DATE_PRECISION_NONE
               ? (struct tg_date){0}
               : (struct tg_date){context->year + years, 0, 0, TG_DATE_PRECISION_YEAR};
}

/* Whether a number stands just before pos (past spaces): "3 ปีที่ผ่านมา" is a span of years,
 * not the last one. */
static bool number_before(const char *text, size_t len, size_t pos)
{
    uint32_t cp;
    do
        cp = step_back(text, len, &pos);
    while (cp && tg_text_is_blank(cp));
    return tg_numbers_digit_value(cp) >= 0;
}

enum unit { UNIT_DAY, UNIT_MONTH, UNIT_YEAR };

/* Words that date something from the publication day, with the shift they make. */
static const struct {
    const char *word;
    enum unit unit;
    int shift;
} relatives[] = {
    {"เมื่อวานซืน", UNIT_DAY, -2},  {"เมื่อวานนี้", UNIT_DAY, -1},      {"เมื่อวาน", UNIT_DAY, -1},
    {"วานนี้", UNIT_DAY, -1},      {"วันนี้", UNIT_DAY, 0},           {"วันพรุ่งนี้", UNIT_DAY, 1},
    {"พรุ่งนี้", UNIT_DAY, 1},       {"วันมะรืนนี้", UNIT_DAY, 2},       {"มะรืนนี้", UNIT_DAY, 2},
    {"เดือนนี้", UNIT_MONTH, 0},    {"เดือนที่แล้ว", UNIT_MONTH, -1},   {"เดือนก่อนหน้า", UNIT_MONTH, -1},
    {"เดือนก่อน", UNIT_MONTH, -1}, {"เดือนที่ผ่านมา", UNIT_MONTH, -1}, {"เดือนหน้า", UNIT_MONTH, 1},
    {"ปีนี้", UNIT_YEAR, 0},        {"ปีที่แล้ว", UNIT_YEAR, -1},       {"ปีก่อนหน้า", UNIT_YEAR, -1},
    {"ปีก่อน", UNIT_YEAR, -1},     {"ปีที่ผ่านมา", UNIT_YEAR, -1},     {"ปีหน้า", UNIT_YEAR, 1},
};

/*
 * Dates told from the publication day: วันนี้, เมื่อวานนี้, พรุ่งนี้, เดือนที่แล้ว, ปีนี้,
 * วันอังคารที่ผ่านมา (the last Tuesday before it), วันศุกร์นี้ (the coming Friday). The span is
 * the whole expression, as ThaiNER writes it; without a context date of the precision needed
 * the date stays unresolved (precision NONE).
 */
static bool read_relative(struct cursor *c, const struct tg_date *context, struct tg_date *first)
{
    size_t save = c->pos;
    for (size_t i = 0; i < COUNT(relatives); i++) {
        if (!lit(c, relatives[i].word))
            continue;
        /* วันนี้เอง and the like still date; a Thai letter glued on after เดือนนี้ or ปีนี้
         * rarely continues the word, but ปีก่อนๆ and ปีหน้าที่ do not date. */
        if (relatives[i].unit != UNIT_DAY && number_before(c->s, c->len, save)) {
            c->pos = save;
            return false;
        }
        if (relatives[i].unit == UNIT_DAY)
            shift_days(context, relatives[i].shift, first);
        else if (relatives[i].unit == UNIT_MONTH)
            shift_months(context, relatives[i].shift, first);
        else
            shift_years(context, relatives[i].shift, first);
        return true;
    }
    if (lit(c, "วัน")) {
        int w = read_any(c, lit, thai_weekdays, COUNT(thai_weekdays));
        if (w >= 0) {
            size_t after = c->pos;
            skip_gap(c);
            bool past = lit(c, "ที่ผ่านมา");
            if (past || lit(c, "นี้")) {
                long today = context->precision == TG_DATE_PRECISION_DAY
                                 ? days_from_civil(context->year, context->month, context->day)
                                 : 0;
                int delta = thai_weekday_numbers[w] - weekday_of(today);
                if (past)
                    delta = delta >= 0 ? delta - 7 : delta;
                else
                    delta = delta < 0 ? delta + 7 : delta;
                shift_days(context, delta, first);
                return true;
            }
            c->pos = after;
        }
    }
    c->pos = save;
    return false;
}

/* วันที่ 5 ที่ผ่านมา, วันที่ 25 นี้: a day of the month around the publication day. The span is
 * the day's number. */
static bool read_day_around(struct cursor *c, const struct tg_date *context, struct tg_date *first,
                            size_t *begin)
{
    size_t save = c->pos;
    int day;
    *begin = c->pos;
    if (!read_day(c, &day) || day > 31) {
        c->pos = save;
        return false;
    }
    size_t end = c->pos;
    skip_gap(c);
    bool past = lit(c, "ที่ผ่านมา");
    if (!past && !lit(c, "นี้")) {
        c->pos = save;
        return false;
    }
    c->pos = end;
    if (context->precision != TG_DATE_PRECISION_DAY) {
        *first = (struct tg_date){0, 0, day, TG_DATE_PRECISION_NONE};
        return true;
    }
    /* The nearest such day on the side the words say: a month without it (30 in February)
     * is skipped, so published 1 March "วันที่ 30 ที่ผ่านมา" is 30 January. */
    int index = context->year * 12 + context->month - 1, step = past ? -1 : 1;
    if ((past && day > context->day) || (!past && day < context->day))
        index += step;
    for (int tries = 0; tries < 2 && !tg_date_is_valid_day(index / 12, index % 12 + 1, day);
         tries++)
        index += step;
    int year = index / 12, month = index % 12 + 1;
    if (!tg_date_is_valid_day(year, month, day)) {
        c->pos = save;
        return false;
    }
    *first = (struct tg_date){year, month, day, TG_DATE_PRECISION_DAY};
    return true;
}

/* Words before a month that keep their place in the span (ThaiNER: สิ้นเดือนกันยายน,
 * กลางเดือนมิถุนายน); the end of a month dates its last day. */
static const char *const month_parts[] = {"สิ้นเดือน", "ปลายเดือน", "กลางเดือน", "ต้นเดือน"};

static int last_day(int year, int month)
{
    int d = 31;
    while (d > 28 && !tg_date_is_valid_day(year, month, d))
        d--;
    return d;
}

/*
 * Which pairs of code points can open a date at a Thai letter: bit [a][b] is set when some word
 * match_at tries first there begins with Thai letter a then code point b (slot 0x7F stands for
 * every code point outside the Thai block; a word of one letter sets the whole row). Most Thai
 * letters of a text open no date, and asking this first spares them the dozens of word
 * comparisons of match_at, which then fail having read nothing (issue 10). Every list of
 * words that match_at's letter branch reads at its start must be marked in set_up_openers.
 */
#define PAIR_OTHER 0x7Fu
static uint8_t opener_pairs[128][16];
static pthread_once_t openers_once = PTHREAD_ONCE_INIT;

static unsigned pair_slot(uint32_t cp)
{
    return cp >= 0x0E00 && cp < 0x0E00 + PAIR_OTHER ? cp - 0x0E00 : PAIR_OTHER;
}

static void mark_opener(const char *word)
{
    size_t len = strlen(word), pos = 0;
    uint32_t first = tg_utf8_next(word, len, &pos);
    if (!is_thai_letter(first))
        return;
    uint8_t *row = opener_pairs[first - 0x0E00];
    if (pos == len) {
        memset(row, 0xFF, sizeof opener_pairs[0]);
        return;
    }
    unsigned second = pair_slot(tg_utf8_next(word, len, &pos));
    row[second / 8] |= (uint8_t)(1u << (second % 8));
}

static void mark_openers(const char *const *words, size_t count)
{
    for (size_t i = 0; i < count; i++)
        mark_opener(words[i]);
}

static void set_up_openers(void)
{
    for (size_t i = 0; i < COUNT(relatives); i++)
        mark_opener(relatives[i].word);
    for (size_t i = 0; i < COUNT(thai_months); i++)
        mark_opener(thai_months[i].name);
    /* An abbreviation's head is followed by its inner dot or by its tail. */
    for (int m = 0; m < 12; m++) {
        char word[32];
        snprintf(word, sizeof word, "%s.", abbr_heads[m]);
        mark_opener(word);
        snprintf(word, sizeof word, "%s%s", abbr_heads[m], abbr_tails[m]);
        mark_opener(word);
    }
    static const char *const cues[] = {"วัน", "เดือน", "ปี"};
    mark_openers(cues, COUNT(cues));
    mark_openers(month_parts, COUNT(month_parts));
    mark_openers(year_cues, COUNT(year_cues));
    mark_openers(be_marks, COUNT(be_marks));
    mark_openers(ce_marks, COUNT(ce_marks));
}

/* Whether a date may begin at the cursor, which is on a Thai letter. */
static bool may_open_date(const struct cursor *c)
{
    pthread_once(&openers_once, set_up_openers);
    size_t pos = c->pos;
    uint32_t first = tg_utf8_next(c->s, c->len, &pos);
    if (pos >= c->len)
        return true;
    unsigned second = pair_slot(tg_utf8_next(c->s, c->len, &pos));
    return opener_pairs[first - 0x0E00][second / 8] & (1u << (second % 8));
}

/*
 * Tries every form of date at byte pos. Returns whether one was found, with the start of the
 * date proper in *begin (past the cue words that introduce it, which ThaiNER and the gold
 * guideline leave out: วันที่, วันอังคารที่, เดือน, ปี, พ.ศ.) and the end of its span in *end. A
 * form that was read but is no date (31 ก.พ.) also moves *end past itself, so that its tail
 * ("ก.พ. 2555") is not then taken for a coarser date.
 */
static bool match_at(const char *text, size_t len, size_t pos, const struct tg_date *context,
                     struct tg_date *first, struct tg_date *last, size_t *begin, size_t *end,
                     bool *relative)
{
    struct cursor c = {text, len, pos, pos};
    uint32_t cp = peek(&c);
    size_t before = pos;
    bool found = false;
    *begin = pos;
    *relative = false;
    if (is_digit_at(&c, pos)) {
        found = digit_starts_number(text, len, pos) &&
                read_dates(&c, TG_DATE_PRECISION_NONE, false, context, first, last);
    } else if ((is_thai_letter(cp) && may_open_date(&c)) ||
               (is_latin(cp) && !is_latin(step_back(text, len, &before)))) {
        int part;
        if (read_relative(&c, context, first)) {
            *last = *first;
            found = *relative = true;
        } else if ((part = read_any(&c, lit, month_parts, COUNT(month_parts))) >= 0) {
            skip_gap(&c);
            found = read_dates(&c, TG_DATE_PRECISION_MONTH, true, context, first, last);
            if (found && part == 0 && first->precision == TG_DATE_PRECISION_MONTH) {
                first->day = last_day(first->year, first->month);
                first->precision = TG_DATE_PRECISION_DAY;
                *last = *first;
            }
        } else if (read_day_cue(&c)) {
            skip_gap(&c);
            *begin = c.pos;
            found = read_dates(&c, TG_DATE_PRECISION_DAY, true, context, first, last);
            if (!found) {
                c.pos = *begin;
                found = *relative = read_day_around(&c, context, first, begin);
                *last = *first;
            }
        } else if (lit(&c, "เดือน")) {
            skip_gap(&c);
            *begin = c.pos;
            found = read_dates(&c, TG_DATE_PRECISION_MONTH, true, context, first, last);
        } else {
            found = read_year_only(&c, first, last, begin) ||
                    read_dates(&c, TG_DATE_PRECISION_NONE, false, context, first, last);
        }
    }
    *end = c.pos;
    return found;
}

struct match_list {
    struct tg_date_match *items;
    size_t count, capacity;
};

static enum tg_status push(struct match_list *list, const struct tg_date_match *match)
{
    struct tg_date_match *items =
        tg_grow(list->items, &list->capacity, list->count + 1, sizeof *items);
    if (!items)
        return TG_ERR_NOMEM;
    list->items = items;
    list->items[list->count++] = *match;
    return TG_OK;
}

/* How far the writer's day may stand from the context day and still be taken for it; further
 * off, the bracket more likely holds a slip of the pen. */
#define WRITERS_DAY_REACH 62

static long day_number(const struct tg_date *day)
{
    return days_from_civil(day->year, day->month, day->day);
}

static bool near_day(const struct tg_date *context, const struct tg_date *day)
{
    if (context->precision != TG_DATE_PRECISION_DAY)
        return true;
    long apart = day_number(day) - day_number(context);
    return apart <= WRITERS_DAY_REACH && apart >= -WRITERS_DAY_REACH;
}

/* "วันนี้ (28 ธ.ค. 63)": a relative day followed by a written day in brackets is that day, and
 * it tells the day the writer wrote on, which the relative dates after it (พรุ่งนี้, เมื่อวานนี้,
 * วันอังคารที่ผ่านมา) count from instead of the publication day (issue 9, class 7: a release
 * that goes out days after its วันนี้). The writer's day is the bracket less the relative word's
 * own shift, so "เมื่อวานนี้ (26 เม.ย.64)" makes the 27th the writer's day. Returns whether match
 * dates the relative day before it, after dating that day, and sets *writer when the writer's
 * day is known and near the context day. */
static bool bracketed_day(const char *text, size_t len, struct match_list *list,
                          const struct tg_date_match *match, const struct tg_date *here,
                          const struct tg_date *context, struct tg_date *writer)
{
    if (!list->count || match->first.precision != TG_DATE_PRECISION_DAY)
        return false;
    struct tg_date_match *m = &list->items[list->count - 1];
    if (!m->relative || m->first.precision == TG_DATE_PRECISION_MONTH ||
        m->first.precision == TG_DATE_PRECISION_YEAR)
        return false;
    struct cursor c = {text, len, m->byte_end, m->byte_end};
    skip_gap(&c);
    if (!lit(&c, "(") || match->byte_start != c.pos)
        return false;
    /* Without a day to count from, the shift is known only for วันนี้ itself. */
    bool shift_known =
        m->first.precision == TG_DATE_PRECISION_DAY && here->precision == TG_DATE_PRECISION_DAY;
    long shift = shift_known ? day_number(&m->first) - day_number(here) : 0;
    struct cursor today = {text, len, m->byte_start, m->byte_start};
    if (shift_known || (lit(&today, "วันนี้") && today.pos == m->byte_end)) {
        *writer = civil_from_days(day_number(&match->first) - shift);
        m->writers_day = near_day(context, writer);
    }
    m->first = match->first;
    m->last = match->first;
    return true;
}

enum tg_status tg_dates_find_in_context(const char *text, size_t len, const struct tg_date *context,
                                        struct tg_date_match **out, size_t *count)
{
    static const struct tg_date none;
    if (!context)
        context = &none;
    if (!out || !count || (!text && len > 0) ||
        (context->precision != TG_DATE_PRECISION_NONE &&
         (context->year < MIN_YEAR || context->year > MAX_YEAR ||
          (context->precision >= TG_DATE_PRECISION_MONTH &&
           (context->month < 1 || context->month > 12)) ||
          (context->precision == TG_DATE_PRECISION_DAY &&
           !tg_date_is_valid_day(context->year, context->month, context->day)))))
        return TG_ERR_INVALID_ARGUMENT;
    *out = NULL;
    *count = 0;
    if (tg_utf8_validate(text, len, NULL) != TG_OK)
        return TG_ERR_INVALID_UTF8;
    struct match_list list = {0};
    struct tg_date here = *context;
    size_t pos = 0, cp = 0;
    while (pos < len) {
        struct tg_date_match match;
        size_t begin, end;
        bool found = match_at(text, len, pos, &here, &match.first, &match.last, &begin, &end,
                              &match.relative);
        if (end == pos) {
            tg_utf8_next(text, len, &pos);
            cp++;
            continue;
        }
        size_t begin_cp = cp + tg_utf8_count(text + pos, begin - pos);
        size_t end_cp = begin_cp + tg_utf8_count(text + begin, end - begin);
        match.byte_start = begin;
        match.byte_end = end;
        match.start = begin_cp;
        match.end = end_cp;
        match.writers_day = false;
        struct tg_date writer;
        if (found && bracketed_day(text, len, &list, &match, &here, context, &writer) &&
            list.items[list.count - 1].writers_day)
            here = writer;
        if (found && push(&list, &match) != TG_OK) {
            free(list.items);
            return TG_ERR_NOMEM;
        }
        pos = end;
        cp = end_cp;
    }
    *out = list.items;
    *count = list.count;
    return TG_OK;
}

enum tg_status tg_dates_find(const char *text, size_t len, int context_year,
                             struct tg_date_match **out, size_t *count)
{
    if (context_year && (context_year < MIN_YEAR || context_year > MAX_YEAR))
        return TG_ERR_INVALID_ARGUMENT;
    struct tg_date context = {context_year, 0, 0,
                              context_year ? TG_DATE_PRECISION_YEAR : TG_DATE_PRECISION_NONE};
    enum tg_status status = tg_dates_find_in_context(text, len, &context, out, count);
    if (status != TG_OK)
        return status;
    /* This form reports only the dates it can fix. */
    size_t kept = 0;
    for (size_t i = 0; i < *count; i++)
        if ((*out)[i].first.precision != TG_DATE_PRECISION_NONE)
            (*out)[kept++] = (*out)[i];
    *count = kept;
    if (kept == 0) {
        free(*out);
        *out = NULL;
    }
    return TG_OK;
}

bool tg_date_is_valid_day(int year, int month, int day)
{
    static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1)
        return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= month_days[month - 1] + (month == 2 && leap);
}

size_t tg_date_format_iso(const struct tg_date *date, char buf[static 11])
{
    int n;
    switch (date->precision) {
    case TG_DATE_PRECISION_YEAR:
        n = snprintf(buf, 11, "%04d", date->year);
        break;
    case TG_DATE_PRECISION_MONTH:
        n = snprintf(buf, 11, "%04d-%02d", date->year, date->month);
        break;
    case TG_DATE_PRECISION_DAY:
        n = snprintf(buf, 11, "%04d-%02d-%02d", date->year, date->month, date->day);
        break;
    default:
        n = 0;
        buf[0] = '\0';
        break;
    }
    /* snprintf reports the untruncated length; only absurd years would be cut. */
    return n < 0 ? 0 : (size_t)n < 11 ? (size_t)n : 10;
}
