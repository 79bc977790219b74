#include "thaigraph/analyze.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "thaigraph/dates.h"
#include "thaigraph/numbers.h"
#include "thaigraph/utf8.h"

static const char *const kind_names[] = {
    [TG_TEXT_THAI] = "thai",     [TG_TEXT_LATIN] = "latin",
    [TG_TEXT_NUMBER] = "number", [TG_TEXT_ABBREVIATION] = "abbreviation",
    [TG_TEXT_NAME] = "name",     [TG_TEXT_PUNCT] = "punctuation",
};

static const char *const precision_names[] = {
    [TG_DATE_PRECISION_NONE] = NULL,
    [TG_DATE_PRECISION_YEAR] = "year",
    [TG_DATE_PRECISION_MONTH] = "month",
    [TG_DATE_PRECISION_DAY] = "day",
};

static json_t *tokens_json(const char *text, const struct tg_text_token *tokens, size_t count)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < count; i++) {
        const struct tg_text_token *t = &tokens[i];
        json_t *token = json_pack("{s:s%, s:I, s:I, s:s}", "text", text + t->byte_start,
                                  t->byte_end - t->byte_start, "start", (json_int_t)t->start, "end",
                                  (json_int_t)t->end, "kind", kind_names[t->kind]);
        if (json_array_append_new(array, token) != 0) {
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

static json_t *mention(const char *type, const char *text, size_t byte_start, size_t byte_end,
                       size_t start, size_t end, const char *value)
{
    return json_pack("{s:s, s:I, s:I, s:s%, s:n, s:s}", "type", type, "start", (json_int_t)start,
                     "end", (json_int_t)end, "surface", text + byte_start, byte_end - byte_start,
                     "entity_id", "value", value);
}

static json_t *date_mention(const char *text, const struct tg_date_match *m)
{
    char first[11], last[11], value[24];
    tg_date_format_iso(&m->first, first);
    tg_date_format_iso(&m->last, last);
    bool range = m->first.year != m->last.year || m->first.month != m->last.month ||
                 m->first.day != m->last.day || m->first.precision != m->last.precision;
    snprintf(value, sizeof value, range ? "%s/%s" : "%s", first, last);
    json_t *j = mention("date", text, m->byte_start, m->byte_end, m->start, m->end, value);
    if (j)
        json_object_set_new(j, "date_precision", json_string(precision_names[m->first.precision]));
    return j;
}

/* Dates and numbers merged in text order; numbers inside a date are dropped. */
static json_t *mentions_json(const char *text, const struct tg_date_match *dates, size_t date_count,
                             const struct tg_number_match *numbers, size_t number_count)
{
    json_t *array = json_array();
    size_t d = 0, n = 0;
    while (array && (d < date_count || n < number_count)) {
        json_t *item;
        if (n == number_count || (d < date_count && dates[d].byte_start <= numbers[n].byte_start)) {
            item = date_mention(text, &dates[d]);
            /* Skip the numbers this date contains. */
            while (n < number_count && numbers[n].byte_start < dates[d].byte_end)
                n++;
            d++;
        } else {
            const struct tg_number_match *m = &numbers[n++];
            char value[32];
            snprintf(value, sizeof value, "%.15g", m->value);
            item = mention("number", text, m->byte_start, m->byte_end, m->start, m->end, value);
        }
        if (json_array_append_new(array, item) != 0) {
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

enum tg_status tg_analyze_text(struct tg_text_segmenter *segmenter, const char *text, size_t len,
                               int context_year, json_t **out)
{
    struct tg_date_match *dates = NULL;
    struct tg_number_match *numbers = NULL;
    size_t date_count = 0, number_count = 0, token_count = 0;
    const struct tg_text_token *tokens = NULL;
    enum tg_status status = tg_utf8_validate(text, len, NULL);
    if (status == TG_OK)
        status = tg_text_segment(segmenter, text, len, &tokens, &token_count);
    if (status == TG_OK)
        status = tg_dates_find(text, len, context_year, &dates, &date_count);
    if (status == TG_OK)
        status = tg_numbers_find(text, len, &numbers, &number_count);
    if (status != TG_OK)
        goto done;
    json_t *result =
        json_pack("{s:o, s:o}", "tokens", tokens_json(text, tokens, token_count), "mentions",
                  mentions_json(text, dates, date_count, numbers, number_count));
    if (!result) {
        status = TG_ERR_NOMEM;
        goto done;
    }
    *out = result;
done:
    free(dates);
    free(numbers);
    return status;
}

static pthread_key_t segmenter_key;
static pthread_once_t segmenter_key_once = PTHREAD_ONCE_INIT;

static void free_segmenter(void *segmenter)
{
    tg_text_segmenter_free(segmenter);
}

static void make_segmenter_key(void)
{
    pthread_key_create(&segmenter_key, free_segmenter);
}

enum tg_status tg_analyze_text_on_thread(const char *text, size_t len, int context_year,
                                         json_t **out)
{
    pthread_once(&segmenter_key_once, make_segmenter_key);
    struct tg_text_segmenter *segmenter = pthread_getspecific(segmenter_key);
    if (!segmenter) {
        enum tg_status status = tg_text_segmenter_new(TG_TEXT_FULL, &segmenter);
        if (status != TG_OK)
            return status;
        pthread_setspecific(segmenter_key, segmenter);
    }
    return tg_analyze_text(segmenter, text, len, context_year, out);
}
