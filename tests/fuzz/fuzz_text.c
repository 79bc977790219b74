/*
 * fuzz_text: normalisation and segmentation must accept any bytes without crashing: malformed
 * input is refused with a status, and for well-formed input the offset map runs forwards, tokens
 * stay inside the text in order, and segmenting the normalised text is as safe as the raw one.
 */
#include <stdint.h>
#include <stdlib.h>

#include "thaigraph/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reopened every so often, so abbreviations learnt from inputs cannot pile up without end. */
#define REOPEN_EVERY 256

static struct tg_text_segmenter *segmenter;
static unsigned runs;

static void check_tokens(const char *text, size_t len)
{
    const struct tg_text_token *tokens;
    size_t count;
    enum tg_status st = tg_text_segment(segmenter, text, len, &tokens, &count);
    if (st != TG_OK)
        return;
    size_t byte_end = 0, end = 0;
    for (size_t i = 0; i < count; i++) {
        if (tokens[i].byte_start < byte_end || tokens[i].byte_end <= tokens[i].byte_start ||
            tokens[i].byte_end > len || tokens[i].start < end || tokens[i].end <= tokens[i].start)
            abort();
        byte_end = tokens[i].byte_end;
        end = tokens[i].end;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (runs++ % REOPEN_EVERY == 0) {
        tg_text_segmenter_free(segmenter);
        if (tg_text_segmenter_new(TG_TEXT_FULL, &segmenter) != TG_OK)
            abort();
    }
    const char *text = (const char *)data;
    /* Inputs may teach the segmenter abbreviations; later ones then exercise them. */
    tg_text_segmenter_learn(segmenter, text, size, NULL);
    check_tokens(text, size);
    struct tg_text_norm *n;
    if (tg_text_normalise(text, size, &n) != TG_OK)
        return 0;
    size_t len;
    const char *bytes = tg_text_norm_bytes(n, &len);
    size_t count = tg_text_norm_length(n);
    for (size_t i = 0; i < count; i++) {
        struct tg_text_span span;
        tg_text_norm_original_span(n, i, i + 1, &span);
        if (span.start > span.end || span.byte_end > size ||
            tg_text_norm_original_offset(n, i + 1) < span.start)
            abort();
    }
    check_tokens(bytes, len);
    tg_text_norm_free(n);
    return 0;
}
