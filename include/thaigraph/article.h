/*
 * article: what a news article says about itself (title, publication date, source, URL), read
 * from its own text.
 *
 * Articles arrive as plain text scraped from news sites: a title line, sometimes a dateline
 * (`วันอังคารที่ 2 พฤษภาคม 2560`, `ข่าวทั่วไป Thursday December 22, 2011 11:00 —ThaiPR.net`),
 * the body, and often a credit line (`ที่มา : http://...`). Every field is NULL when the
 * article does not say it: a date in the body is an event date, not a publication date, so it
 * is never taken for one.
 *
 * Memory: tg_article_read fills a caller-owned struct whose strings it allocates; release them
 * with tg_article_meta_clear.
 */
#ifndef THAIGRAPH_ARTICLE_H
#define THAIGRAPH_ARTICLE_H

#include <stddef.h>

#include "thaigraph/status.h"

struct tg_article_meta {
    char *title;                     /* first non-blank line, whitespace collapsed; never NULL */
    char *published;                 /* ISO date, or NULL */
    const char *published_precision; /* "day", "month", "year" (static), or NULL */
    char *source;                    /* credit line, URL host or wire service, or NULL */
    char *url;                       /* URL of the original article, or NULL */
};

/* Longest title kept, in code points; longer first lines are cut at a code-point boundary. */
#define TG_ARTICLE_MAX_TITLE 300

/*
 * Reads the metadata of a UTF-8 article. TG_ERR_EMPTY when the text holds no visible
 * character, TG_ERR_INVALID_UTF8 when it is not UTF-8.
 */
enum tg_status tg_article_read(const char *text, size_t len, struct tg_article_meta *out);

/* Frees the strings of meta and resets it; safe on a zeroed struct. */
void tg_article_meta_clear(struct tg_article_meta *meta);

#endif
