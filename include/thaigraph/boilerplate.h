/*
 * boilerplate: finds the page furniture a scraper carried into an article's text (cookie
 * banners, share widgets, view counters, print buttons, empty bylines, repeated titles and
 * sidebars of other headlines), so search and entity extraction can skip it.
 *
 * Design: the text is read once, line by line. A line is furniture when, ignoring surrounding
 * whitespace, it matches a cue from the embedded list src/boilerplate/data/cues.txt, or when one
 * of a few structural rules holds: it repeats the title line; it is a short number in the header
 * (before the first prose paragraph), which is a view counter; it is a bare run of ten or more
 * digits (an image file name); it follows a "related news" heading, up to a long prose paragraph
 * or a source line. The cues and rules match whole lines only, and a line of body prose is never
 * marked by a sidebar, because precision matters more than recall here: a body sentence marked
 * as boilerplate would vanish from search and extraction.
 *
 * Ranges cover a line's text without its surrounding whitespace; neighbouring ranges with the
 * same reason and only whitespace between them are merged. Runs in time linear in the text.
 *
 * Memory: tg_boilerplate_find allocates the range array; the caller frees it with free(). Reason
 * names are static strings.
 */
#ifndef THAIGRAPH_BOILERPLATE_H
#define THAIGRAPH_BOILERPLATE_H

#include <stddef.h>
#include <stdint.h>

#include "thaigraph/status.h"

enum tg_boilerplate_reason {
    TG_BOILERPLATE_COOKIE_NOTICE,
    TG_BOILERPLATE_SHARE_BUTTONS,
    TG_BOILERPLATE_VIEW_COUNTER,
    TG_BOILERPLATE_RELATED_HEADLINES,
    TG_BOILERPLATE_PRINT_BUTTON,
    TG_BOILERPLATE_BYLINE_PLACEHOLDER,
    TG_BOILERPLATE_DUPLICATE_TITLE,
    TG_BOILERPLATE_OTHER, /* players, galleries, loading messages, site signatures, image ids */
    TG_BOILERPLATE_REASON_COUNT
};

/* One stretch of boilerplate, as half-open byte and code-point ranges of the input. */
struct tg_boilerplate_range {
    size_t start;
    size_t end;
    size_t cp_start;
    size_t cp_end;
    enum tg_boilerplate_reason reason;
};

/*
 * Finds the boilerplate of text[0..len). On TG_OK, *out holds *count ranges sorted by start and
 * not overlapping (NULL when *count is 0), to be freed by the caller with free(). Fails with
 * TG_ERR_INVALID_ARGUMENT on NULL pointers, TG_ERR_INVALID_UTF8 when the text is not well-formed
 * UTF-8 or contains a NUL byte, TG_ERR_NOMEM; *out and *count are untouched on failure.
 */
enum tg_status tg_boilerplate_find(const char *text, size_t len, struct tg_boilerplate_range **out,
                                   size_t *count);

/* A hash of the built-in cues: a new cue changes what the search indexes leave out, so a build
 * that reuses indexed words records it with them (issue 10). */
uint64_t tg_boilerplate_cues_hash(void);

/* Stable identifier of a reason ("cookie_notice", "share_buttons", ...); NULL when out of range. */
const char *tg_boilerplate_reason_name(enum tg_boilerplate_reason reason);

#endif
