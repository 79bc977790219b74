/*
 * analyze: how thaigraph reads a piece of text, as one JSON object, so a user can see why a
 * search matched or an entity was found. `thaigraph analyze` and `GET /v1/analyze` return
 * exactly this object:
 *
 *   {"tokens":   [{"text","start","end","kind"}],
 *    "mentions": [{"type","start","end","surface","entity_id","value", ...}]}
 *
 * Offsets count code points of the input. Mentions are dates (value: ISO date at its precision,
 * or "first/last" for a range, plus date_precision) and numbers (value: the number written in
 * ASCII digits); a number inside a date is part of the date, not a mention of its own.
 *
 * Memory: *out is a new jansson reference the caller releases with json_decref.
 */
#ifndef THAIGRAPH_ANALYZE_H
#define THAIGRAPH_ANALYZE_H

#include <jansson.h>
#include <stddef.h>

#include "thaigraph/status.h"
#include "thaigraph/text.h"

/*
 * Analyses text with the caller's segmenter. context_year (Gregorian, 0 = unknown) completes
 * dates written without a year. TG_ERR_INVALID_UTF8 for text that is not UTF-8.
 */
enum tg_status tg_analyze_text(struct tg_text_segmenter *segmenter, const char *text, size_t len,
                               int context_year, json_t **out);

/* The same with a segmenter kept per calling thread, for servers; freed when the thread ends. */
enum tg_status tg_analyze_text_on_thread(const char *text, size_t len, int context_year,
                                         json_t **out);

#endif
