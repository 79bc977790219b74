/*
 * fuzz_search: any bytes as a query against a small index, as a suggestion prefix, and as a
 * text to index and snippet, must come back with a status and never crash; what succeeds must
 * keep its promises: hits and spans inside the text, snippets well-formed UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/search.h"
#include "thaigraph/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const corpus[] = {
    "พม.จับมือ สสส. จัดประชุมหารือผู้บริหารระดับสูง (High Level Meeting)",
    "ผู้เข้าร่วม ๔๐ คน ณ ห้องประชุม กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์",
    "Leadership Program \"One Team\" <b>&</b> ความร่วมมือ",
};

static struct tg_text_segmenter *segmenter;
static struct tg_search_index *fixed;

static void setup(void)
{
    struct tg_search_builder *b;
    if (tg_text_segmenter_new(TG_TEXT_FULL, &segmenter) != TG_OK ||
        tg_search_builder_new(true, &b) != TG_OK)
        abort();
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++)
        if (tg_search_builder_add(b, segmenter, (uint32_t)i, corpus[i], strlen(corpus[i]), NULL, 0,
                                  (uint32_t)i) != TG_OK)
            abort();
    if (tg_search_builder_finish(b, &fixed) != TG_OK)
        abort();
}

static void check_snippet(const char *text, size_t len, const struct tg_search_hit *h)
{
    char *html;
    if (tg_search_snippet(text, len, h->spans, h->span_count, 1 + len % 97, &html) != TG_OK)
        abort();
    if (tg_utf8_validate(html, strlen(html), NULL) != TG_OK)
        abort();
    free(html);
}

/* Queries idx with query; every hit must be an item of idx with spans inside its text. */
static void check_query(const struct tg_search_index *idx, const char *query, size_t len,
                        const char *const *texts, const size_t *lens, size_t count)
{
    struct tg_search_result *r;
    struct tg_search_options opt = {.limit = 3};
    if (tg_search_query(idx, segmenter, query, len, &opt, &r) != TG_OK)
        return;
    for (size_t i = 0; i < tg_search_result_count(r); i++) {
        const struct tg_search_hit *h = tg_search_result_hit(r, i);
        if (h->item >= count)
            abort();
        for (size_t k = 0; k < h->span_count; k++)
            if (h->spans[k].start >= h->spans[k].end || h->spans[k].end > lens[h->item])
                abort();
        check_snippet(texts[h->item], lens[h->item], h);
    }
    tg_search_result_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!segmenter)
        setup();
    const char *text = (const char *)data;
    size_t lens[3];
    for (size_t i = 0; i < 3; i++)
        lens[i] = strlen(corpus[i]);
    check_query(fixed, text, size, corpus, lens, 3);
    uint32_t items[4];
    size_t count;
    tg_search_suggest(fixed, text, size, 4, items, &count);

    /* The input as a document, with its middle third skipped, queried by its own first bytes. */
    struct tg_search_builder *b;
    struct tg_search_index *own;
    struct tg_search_range skip = {size / 3, 2 * size / 3};
    if (tg_search_builder_new(false, &b) != TG_OK)
        abort();
    if (tg_search_builder_add(b, segmenter, 0, text, size, &skip, 1, 0) != TG_OK) {
        tg_search_builder_free(b);
        return 0;
    }
    if (tg_search_builder_finish(b, &own) != TG_OK)
        abort();
    check_query(own, text, size < 40 ? size : 40, &text, &size, 1);
    tg_search_index_free(own);
    return 0;
}
