/* Feeds arbitrary bytes to the date and number finders: they must reject bad UTF-8 cleanly and
 * report only spans that lie inside the input, in order, with dates they could print. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/dates.h"
#include "thaigraph/numbers.h"
#include "thaigraph/utf8.h"

static void check_dates(const char *text, size_t len, int context_year)
{
    struct tg_date_match *dates = NULL;
    size_t count = 0, cps = tg_utf8_count(text, len), previous_end = 0;
    if (tg_dates_find(text, len, context_year, &dates, &count) != TG_OK)
        return;
    for (size_t i = 0; i < count; i++) {
        const struct tg_date_match *m = &dates[i];
        char iso[11];
        if (m->byte_start < previous_end || m->byte_start >= m->byte_end || m->byte_end > len ||
            m->start >= m->end || m->end > cps ||
            m->end - m->start != tg_utf8_count(text + m->byte_start, m->byte_end - m->byte_start))
            abort();
        if (tg_date_format_iso(&m->first, iso) != strlen(iso) || m->first.year < 1900 ||
            m->last.year > 2100 || m->first.precision != m->last.precision)
            abort();
        previous_end = m->byte_end;
    }
    free(dates);
}

static void check_numbers(const char *text, size_t len)
{
    struct tg_number_match *numbers = NULL;
    size_t count = 0, previous_end = 0;
    if (tg_numbers_find(text, len, &numbers, &count) != TG_OK)
        return;
    for (size_t i = 0; i < count; i++) {
        if (numbers[i].byte_start < previous_end || numbers[i].byte_end > len ||
            numbers[i].start >= numbers[i].end || !(numbers[i].value >= 0))
            abort();
        previous_end = numbers[i].byte_end;
    }
    free(numbers);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    check_dates(text, size, 0);
    check_dates(text, size, 2011);
    check_numbers(text, size);
    return 0;
}
