#include "ner_internal.h"

#include <stdint.h>
#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "thaigraph/grow.h"
#include "thaigraph/utf8.h"

enum char_class { CLASS_SPACE, CLASS_THAI, CLASS_DIGIT, CLASS_LATIN, CLASS_OTHER };

static enum char_class classify(uint32_t cp)
{
    if (u_isUWhiteSpace((UChar32)cp) || cp == 0x200B)
        return CLASS_SPACE;
    if (u_isdigit((UChar32)cp))
        return CLASS_DIGIT;
    if (cp >= 0x0E00 && cp <= 0x0E7F)
        return CLASS_THAI;
    if (u_isalpha((UChar32)cp))
        return CLASS_LATIN;
    return CLASS_OTHER;
}

struct token_list {
    struct ner_token *items;
    size_t count;
    size_t cap;
};

static enum tg_status push_token(struct token_list *list, const struct ner_token *token)
{
    struct ner_token *items = tg_grow(list->items, &list->cap, list->count + 1, sizeof *items);
    if (!items)
        return TG_ERR_NOMEM;
    list->items = items;
    list->items[list->count++] = *token;
    return TG_OK;
}

/*
 * Splits one ICU word into tokens at every change between Thai, digits and Latin, and around
 * each punctuation mark, because ICU keeps `ปี2548` or `พ.ต.ท.` in one piece and entity edges in
 * the corpus fall inside such pieces. Whitespace ends a token and marks the next one.
 */
static enum tg_status split_word(const char *text, size_t start, size_t end, size_t *cp,
                                 bool *pending_space, struct token_list *list)
{
    struct ner_token token = {0};
    enum char_class open = CLASS_SPACE;
    size_t pos = start;
    while (pos < end) {
        size_t at = pos;
        uint32_t c = tg_utf8_next(text, end, &pos);
        enum char_class cls = classify(c);
        /* An abbreviation point stays on its word (ดร., จ., Co.) and closes it. */
        bool dot = c == '.' && (open == CLASS_THAI || open == CLASS_LATIN);
        bool joins = (cls == open && cls != CLASS_OTHER) || dot;
        if (open != CLASS_SPACE && !joins) {
            enum tg_status status = push_token(list, &token);
            if (status != TG_OK)
                return status;
            open = CLASS_SPACE;
        }
        if (cls == CLASS_SPACE) {
            *pending_space = true;
        } else if (open == CLASS_SPACE) {
            token.byte_start = at;
            token.cp_start = *cp;
            token.space_before = *pending_space;
            *pending_space = false;
            open = cls;
        }
        (*cp)++;
        token.byte_end = pos;
        token.cp_end = *cp;
        if (dot)
            open = CLASS_OTHER;
    }
    return open != CLASS_SPACE ? push_token(list, &token) : TG_OK;
}

enum tg_status ner_tokenize(const char *text, size_t len, struct ner_token **tokens, size_t *count)
{
    *tokens = NULL;
    *count = 0;
    if (len > INT32_MAX)
        return TG_ERR_TOO_LARGE;
    struct token_list list = {0};
    enum tg_status status = TG_OK;
    UErrorCode icu = U_ZERO_ERROR;
    UText *utext = utext_openUTF8(NULL, text ? text : "", (int64_t)len, &icu);
    UBreakIterator *breaks = ubrk_open(UBRK_WORD, "th", NULL, 0, &icu);
    ubrk_setUText(breaks, utext, &icu);
    if (U_FAILURE(icu)) {
        status = TG_ERR_ICU;
        goto cleanup;
    }
    size_t cp = 0;
    bool pending_space = false;
    int32_t start = ubrk_first(breaks);
    for (int32_t end = ubrk_next(breaks); end != UBRK_DONE; start = end, end = ubrk_next(breaks)) {
        status = split_word(text, (size_t)start, (size_t)end, &cp, &pending_space, &list);
        if (status != TG_OK)
            goto cleanup;
    }
    *tokens = list.items;
    *count = list.count;
    list.items = NULL;
cleanup:
    free(list.items);
    ubrk_close(breaks);
    utext_close(utext);
    return status;
}
