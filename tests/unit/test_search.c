/*
 * Tests of tg_search over the five seed articles plus small inline documents: matching (folds,
 * abbreviations, phrases, AND, skip ranges), ranking, paging, guard rails, snippets with exact
 * HTML, suggestions, a threaded build equal to a serial one, and queries from four threads.
 */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/search/search_internal.h"
#include "thaigraph/search.h"
#include "thaigraph/utf8.h"

#include "suite.h"

#define TABLE_SIZE(t) (sizeof(t) / sizeof((t)[0]))
#define END           -1

static const char *const seed_files[] = {
    "seeds/000_2304adfd9e82273a.txt", "seeds/001_728345b0fb86cf7d.txt",
    "seeds/002_4301d2a2d545386e.txt", "seeds/003_5d58ccc2649354b1.txt",
    "seeds/004_6bbdc058e895814a.txt",
};

/* Items 5 and up; a skip range leaves out the text between `[` and `]` of its document. */
static const char *const inline_docs[] = {
    "มีผู้เข้าร่วม ๔๐ คน ในงานนี้",                    /* 5 */
    "alpha [zebracorn beta] gamma unicornfish", /* 6 */
    "kiwi kiwi kiwi banana",                    /* 7 */
    "kiwi banana banana banana",                /* 8 */
    "papaya one two three guava",               /* 9 */
    "papaya guava one two three",               /* 10 */
    "durian",
    "durian",
    "durian",
    "durian",
    "durian",                          /* 11-15 */
    "ราคา <b>ทุเรียน</b> & \"มังคุด\" ปีนี้", /* 16 */
};

#define ITEM_COUNT (TABLE_SIZE(seed_files) + TABLE_SIZE(inline_docs))

struct doc {
    char *text;
    size_t len;
    struct tg_search_range skip;
    size_t skip_count;
};

static struct doc docs[ITEM_COUNT];
static struct tg_search_index *index_;
static struct tg_text_segmenter *seg;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char *buf = malloc(1 << 20);
    ck_assert_ptr_nonnull(buf);
    *len = fread(buf, 1, (1 << 20) - 1, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static enum tg_status get_doc(void *ctx, size_t i, struct tg_search_item *out)
{
    (void)ctx;
    *out = (struct tg_search_item){(uint32_t)i,   docs[i].text,       docs[i].len,
                                   &docs[i].skip, docs[i].skip_count, 0};
    return TG_OK;
}

static void setup(void)
{
    for (size_t i = 0; i < TABLE_SIZE(seed_files); i++)
        docs[i].text = read_file(seed_files[i], &docs[i].len);
    for (size_t i = 0; i < TABLE_SIZE(inline_docs); i++) {
        struct doc *d = &docs[TABLE_SIZE(seed_files) + i];
        d->text = strdup(inline_docs[i]);
        d->len = strlen(d->text);
        char *open = strchr(d->text, '['), *close = strchr(d->text, ']');
        if (open && close) {
            d->skip =
                (struct tg_search_range){(size_t)(open - d->text), (size_t)(close - d->text) + 1};
            d->skip_count = 1;
        }
    }
    struct tg_search_build_options opt = {.threads = 2};
    ck_assert_int_eq(tg_search_build(ITEM_COUNT, get_doc, NULL, &opt, &index_), TG_OK);
    ck_assert_int_eq(tg_text_segmenter_new(TG_TEXT_FULL, &seg), TG_OK);
}

static void teardown(void)
{
    tg_search_index_free(index_);
    tg_text_segmenter_free(seg);
    for (size_t i = 0; i < ITEM_COUNT; i++)
        free(docs[i].text);
}

/* Every matching item, in rank order, into items; returns the total. */
static size_t run_query(const struct tg_search_index *x, struct tg_text_segmenter *s, const char *q,
                        uint32_t *items, double *scores, size_t cap)
{
    struct tg_search_options opt = {.limit = cap};
    struct tg_search_result *r;
    ck_assert_int_eq(tg_search_query(x, s, q, strlen(q), &opt, &r), TG_OK);
    size_t n = tg_search_result_count(r);
    ck_assert_uint_eq(n, tg_search_result_total(r));
    for (size_t i = 0; i < n; i++) {
        const struct tg_search_hit *h = tg_search_result_hit(r, i);
        items[i] = h->item;
        if (scores)
            scores[i] = h->score;
        /* Spans point at whole characters of the original text, in order. */
        for (size_t k = 0; k < h->span_count; k++) {
            ck_assert_uint_lt(h->spans[k].start, h->spans[k].end);
            ck_assert_uint_le(h->spans[k].end, docs[h->item].len);
            ck_assert_int_eq(tg_utf8_validate(docs[h->item].text + h->spans[k].start,
                                              h->spans[k].end - h->spans[k].start, NULL),
                             TG_OK);
            if (k)
                ck_assert_uint_ge(h->spans[k].start, h->spans[k - 1].end);
        }
    }
    tg_search_result_free(r);
    return n;
}

struct match_case {
    const char *query;
    int expected[ITEM_COUNT + 1]; /* matching items, any order, END-terminated */
};

static const struct match_case match_cases[] = {
    {"ความร่วมมือ", {0, 1, 2, 3, END}},
    {"สสส.", {0, 1, 2, END}},
    {"สสส", {0, 1, 2, END}},
    {"40 คน", {0, 5, END}},
    {"๔๐ คน", {0, 5, END}},
    {"leadership program", {1, 2, END}},
    {"Leadership Program", {1, 2, END}},
    {"ONE TEAM", {4, END}},
    {"one team", {4, END}},
    {"\"พม. จับมือ\"", {0, 2, END}},
    {"\"จับมือ พม.\"", {END}},
    {"\xE2\x80\x9Cพม. จับมือ\xE2\x80\x9D", {0, 2, END}},
    {"high level meeting", {0, END}},
    {"xyzzy", {END}},
    {"ความร่วมมือ xyzzy", {END}},
    {"zebracorn", {END}},
    {"beta", {END}},
    {"unicornfish", {6, END}},
    {"alpha gamma", {6, END}},
    {"\"alpha gamma\"", {END}},
    {"kiwi", {7, 8, END}},
    {"KIWI banana", {7, 8, END}},
    {"\"banana kiwi\"", {END}},
    {"papaya guava", {9, 10, END}},
    {"ทุเรียน มังคุด", {16, END}},
    {"durian", {11, 12, 13, 14, 15, END}},
};

START_TEST(test_match)
{
    const struct match_case *c = &match_cases[_i];
    uint32_t items[ITEM_COUNT];
    size_t n = run_query(index_, seg, c->query, items, NULL, ITEM_COUNT);
    size_t expected = 0;
    while (c->expected[expected] != END)
        expected++;
    ck_assert_msg(n == expected, "%s: %zu hits, expected %zu", c->query, n, expected);
    for (size_t i = 0; i < n; i++) {
        bool found = false;
        for (size_t j = 0; j < expected; j++)
            found = found || (uint32_t)c->expected[j] == items[i];
        ck_assert_msg(found, "%s: unexpected item %u", c->query, items[i]);
    }
}
END_TEST

/* Pairs of queries that must give the same items with the same scores. */
static const char *const same_cases[][2] = {
    {"สสส.", "สสส"},
    {"40 คน", "๔๐ คน"},
    {"ONE TEAM", "one team"},
    {"leadership program", "LEADERSHIP  PROGRAM"},
};

START_TEST(test_same)
{
    uint32_t a[ITEM_COUNT], b[ITEM_COUNT];
    double sa[ITEM_COUNT], sb[ITEM_COUNT];
    size_t n = run_query(index_, seg, same_cases[_i][0], a, sa, ITEM_COUNT);
    ck_assert_uint_eq(run_query(index_, seg, same_cases[_i][1], b, sb, ITEM_COUNT), n);
    ck_assert_uint_gt(n, 0);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(a[i], b[i]);
        ck_assert_double_eq(sa[i], sb[i]);
    }
}
END_TEST

/* Rankings reasoned out: more occurrences in a document of equal length rank first, and query
 * words found next to each other in query order beat the same words apart. */
static const struct {
    const char *query;
    uint32_t first, second;
} rank_cases[] = {
    {"kiwi", 7, 8},
    {"papaya guava", 10, 9},
    {"banana", 8, 7},
};

START_TEST(test_rank)
{
    uint32_t items[ITEM_COUNT];
    double scores[ITEM_COUNT];
    size_t n = run_query(index_, seg, rank_cases[_i].query, items, scores, ITEM_COUNT);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(items[0], rank_cases[_i].first);
    ck_assert_uint_eq(items[1], rank_cases[_i].second);
    ck_assert_double_gt(scores[0], scores[1]);
}
END_TEST

struct error_case {
    const char *query;
    size_t len; /* 0: strlen */
    size_t limit;
    enum tg_status expected;
};

static char words_32[65], words_33[66], chars_256[257], chars_257[258];

static const struct error_case error_cases[] = {
    {words_32, 0, 0, TG_OK},
    {words_33, 0, 0, TG_ERR_TOO_LARGE},
    {chars_256, 0, 0, TG_OK},
    {chars_257, 0, 0, TG_ERR_TOO_LARGE},
    {"", 0, 0, TG_ERR_BAD_PARAMETER},
    {"   \t ", 0, 0, TG_ERR_BAD_PARAMETER},
    {"... !!! ???", 0, 0, TG_ERR_BAD_PARAMETER},
    {"\"\"", 0, 0, TG_ERR_BAD_PARAMETER},
    {"\xFF", 0, 0, TG_ERR_INVALID_UTF8},
    {"สสส\xE0\xB8", 0, 0, TG_ERR_INVALID_UTF8},
    {"a\0b", 3, 0, TG_ERR_INVALID_UTF8},
    {"\xED\xA0\x80", 0, 0, TG_ERR_INVALID_UTF8},
    {"kiwi", 0, TG_SEARCH_MAX_LIMIT + 1, TG_ERR_BAD_PARAMETER},
    {"kiwi", 0, TG_SEARCH_MAX_LIMIT, TG_OK},
};

static void fill_guards(void)
{
    for (int i = 0; i < 32; i++)
        memcpy(words_32 + 2 * i, "a ", 2);
    memcpy(words_33, words_32, 64);
    memcpy(words_33 + 64, "a", 1);
    memset(chars_256, 'a', 256);
    memset(chars_257, 'a', 257);
}

START_TEST(test_errors)
{
    const struct error_case *c = &error_cases[_i];
    struct tg_search_options opt = {.limit = c->limit};
    struct tg_search_result *r = NULL;
    size_t len = c->len ? c->len : strlen(c->query);
    ck_assert_int_eq(tg_search_query(index_, seg, c->query, len, &opt, &r), c->expected);
    if (c->expected == TG_OK)
        ck_assert_ptr_nonnull(r);
    tg_search_result_free(r);
}
END_TEST

START_TEST(test_tokens)
{
    const char *q = "พม.จับมือ \"ONE team\"";
    struct tg_search_result *r;
    ck_assert_int_eq(tg_search_query(index_, seg, q, strlen(q), NULL, &r), TG_OK);
    static const char *const expected[] = {"พม.", "จับ", "มือ", "one", "team"};
    ck_assert_uint_eq(tg_search_result_token_count(r), TABLE_SIZE(expected));
    for (size_t i = 0; i < TABLE_SIZE(expected); i++)
        ck_assert_str_eq(tg_search_result_token(r, i)->text, expected[i]);
    const struct tg_search_token *one = tg_search_result_token(r, 3);
    ck_assert_uint_eq(one->end - one->start, 3);
    ck_assert_int_eq(memcmp(q + one->start, "ONE", 3), 0);
    ck_assert_uint_eq(tg_search_result_total(r), 0);
    tg_search_result_free(r);
}
END_TEST

/* Pages of every size walk all hits exactly once, ties included. */
static const char *const page_queries[] = {"durian", "กระทรวง", "ความร่วมมือ"};

START_TEST(test_paging)
{
    uint32_t all[ITEM_COUNT];
    size_t total = run_query(index_, seg, page_queries[_i], all, NULL, ITEM_COUNT);
    ck_assert_uint_gt(total, 2);
    for (size_t limit = 1; limit <= 3; limit++) {
        struct tg_search_cursor cursor;
        bool have_cursor = false;
        size_t seen = 0;
        for (;;) {
            struct tg_search_options opt = {.limit = limit, .after = have_cursor ? &cursor : NULL};
            struct tg_search_result *r;
            ck_assert_int_eq(
                tg_search_query(index_, seg, page_queries[_i], strlen(page_queries[_i]), &opt, &r),
                TG_OK);
            ck_assert_uint_eq(tg_search_result_total(r), total);
            for (size_t i = 0; i < tg_search_result_count(r); i++)
                ck_assert_uint_eq(tg_search_result_hit(r, i)->item, all[seen++]);
            struct tg_search_cursor next;
            bool more = tg_search_result_next(r, &next);
            tg_search_result_free(r);
            if (!more)
                break;
            char text[TG_SEARCH_CURSOR_SIZE];
            tg_search_cursor_encode(&next, text);
            ck_assert_int_eq(tg_search_cursor_decode(text, strlen(text), &cursor), TG_OK);
            ck_assert_uint_eq(cursor.item, next.item);
            ck_assert_double_eq(cursor.score, next.score);
            have_cursor = true;
        }
        ck_assert_uint_eq(seen, total);
    }
}
END_TEST

static const char *const bad_cursors[] = {
    "",
    "abc",
    "3ff0000000000000_00000001",
    "3ff000000000000g-00000001",
    "7ff8000000000000-00000001", /* NaN */
    "3FF0000000000000-00000001",
};

START_TEST(test_bad_cursor)
{
    struct tg_search_cursor c;
    ck_assert_int_eq(tg_search_cursor_decode(bad_cursors[_i], strlen(bad_cursors[_i]), &c),
                     TG_ERR_BAD_PARAMETER);
}
END_TEST

static bool only_odd(uint32_t item, void *ctx)
{
    ++*(int *)ctx;
    return item % 2 == 1;
}

START_TEST(test_filter)
{
    int calls = 0;
    struct tg_search_options opt = {.accept = only_odd, .accept_ctx = &calls};
    struct tg_search_result *r;
    ck_assert_int_eq(tg_search_query(index_, seg, "durian", 6, &opt, &r), TG_OK);
    ck_assert_int_eq(calls, 5);
    ck_assert_uint_eq(tg_search_result_total(r), 3);
    ck_assert_uint_eq(tg_search_result_hit(r, 0)->item, 11);
    ck_assert_uint_eq(tg_search_result_hit(r, 1)->item, 13);
    ck_assert_uint_eq(tg_search_result_hit(r, 2)->item, 15);
    tg_search_result_free(r);
}
END_TEST

/* The hits' spans cover exactly the matched words as published, Thai digits included. */
START_TEST(test_spans)
{
    struct tg_search_result *r;
    ck_assert_int_eq(tg_search_query(index_, seg, "40 คน", strlen("40 คน"), NULL, &r), TG_OK);
    ck_assert_uint_eq(tg_search_result_count(r), 2);
    /* Every occurrence of a query word is a span, not only the ones next to each other. */
    for (size_t i = 0; i < 2; i++) {
        const struct tg_search_hit *h = tg_search_result_hit(r, i);
        ck_assert_uint_ge(h->span_count, 2);
        ck_assert_uint_eq(h->span_count == 2, h->item == 5);
        for (size_t k = 0; k < h->span_count; k++) {
            const char *word = docs[h->item].text + h->spans[k].start;
            size_t len = h->spans[k].end - h->spans[k].start;
            ck_assert((len == strlen("๔๐") && memcmp(word, "๔๐", len) == 0) ||
                      (len == strlen("คน") && memcmp(word, "คน", len) == 0));
        }
    }
    tg_search_result_free(r);
}
END_TEST

/* Snippet input marks each match as [[word]]; the markers are removed before the call. */
struct snippet_case {
    const char *marked;
    size_t max;
    const char *expected;
};

static const struct snippet_case snippet_cases[] = {
    {"Hello [[world]]", 100, "Hello <mark>world</mark>"},
    {"<script>alert('x')</script> [[safe]] & \"q\"", 100,
     "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>safe</mark> &amp; &quot;q&quot;"},
    {"one two three four [[five]] six seven eight", 14, "…four <mark>five</mark> six…"},
    {"ข่าว [[สสส.]] จัดงาน", 100, "ข่าว <mark>สสส.</mark> จัดงาน"},
    {"abc def", 100, "abc def"},
    {"abc def ghi", 5, "abc…"},
    {"a\n\n  [[b]]\tc", 100, "a <mark>b</mark> c"},
    {"กขคงจฉชซฌญ[[ทดสอบ]]ฎฏฐฑฒ", 7, "…<mark>ทดสอบ</mark>…"},
    {"[[x]] a b c d e f g h i j k l m n o p q r s t u v w [[y]] [[y]] [[y]]", 12,
     "…u v w <mark>y</mark> <mark>y</mark> <mark>y</mark>"},
    {"[[พม.]]จับมือ[[สสส.]] จัดประชุม", 100, "<mark>พม.</mark>จับมือ<mark>สสส.</mark> จัดประชุม"},
    {"  lead [[x]]  ", 100, "lead <mark>x</mark>"},
    {"สวัสดีครับทุกคน", 4, "สวัส…"},
    {"ที่นี่ดีมาก", 3, "ที่…"},
    {"ที่นี่ดีมาก", 2, "…"},
    {"", 10, ""},
};

/* Builds the case's text and spans from its [[marked]] form and checks the snippet made of them. */
static void check_snippet_case(const struct snippet_case *c)
{
    char text[2048];
    struct tg_search_span spans[16];
    size_t len = 0, n = 0;
    for (const char *p = c->marked; *p;) {
        if (strncmp(p, "[[", 2) == 0) {
            ck_assert_uint_lt(n, sizeof spans / sizeof *spans);
            spans[n].start = len;
            p += 2;
        } else if (strncmp(p, "]]", 2) == 0) {
            spans[n++].end = len;
            p += 2;
        } else {
            ck_assert_uint_lt(len, sizeof text - 1);
            text[len++] = *p++;
        }
    }
    text[len] = '\0';
    char *html;
    ck_assert_int_eq(tg_search_snippet(text, len, spans, n, c->max, &html), TG_OK);
    ck_assert_str_eq(html, c->expected);
    ck_assert_int_eq(tg_utf8_validate(html, strlen(html), NULL), TG_OK);
    free(html);
}

START_TEST(test_snippet)
{
    check_snippet_case(&snippet_cases[_i]);
}
END_TEST

static const struct {
    const char *text;
    struct tg_search_span span;
    size_t max;
    enum tg_status expected;
} snippet_errors[] = {
    {"ทดสอบ", {1, 3}, 10, TG_ERR_INVALID_ARGUMENT}, /* inside a UTF-8 sequence */
    {"abc", {1, 9}, 10, TG_ERR_INVALID_ARGUMENT},   /* past the end */
    {"abc", {2, 1}, 10, TG_ERR_INVALID_ARGUMENT},   /* reversed */
    {"abc", {0, 1}, 0, TG_ERR_INVALID_ARGUMENT},    /* no room */
    {"ab\xC3", {0, 1}, 10, TG_ERR_INVALID_UTF8},
};

START_TEST(test_snippet_errors)
{
    char *html = NULL;
    ck_assert_int_eq(tg_search_snippet(snippet_errors[_i].text, strlen(snippet_errors[_i].text),
                                       &snippet_errors[_i].span, 1, snippet_errors[_i].max, &html),
                     snippet_errors[_i].expected);
    ck_assert_ptr_null(html);
}
END_TEST

/* Matches given out of order and overlapping are sorted and merged. */
START_TEST(test_snippet_overlap)
{
    const char *text = "abcdef ghi";
    struct tg_search_span spans[] = {{7, 10}, {2, 5}, {0, 3}};
    char *html;
    ck_assert_int_eq(tg_search_snippet(text, strlen(text), spans, 3, 100, &html), TG_OK);
    ck_assert_str_eq(html, "<mark>abcde</mark>f <mark>ghi</mark>");
    free(html);
}
END_TEST

/* A snippet of a real hit is valid UTF-8, marks something and fits its size. */
START_TEST(test_snippet_of_hit)
{
    struct tg_search_result *r;
    ck_assert_int_eq(tg_search_query(index_, seg, "สสส", strlen("สสส"), NULL, &r), TG_OK);
    for (size_t i = 0; i < tg_search_result_count(r); i++) {
        const struct tg_search_hit *h = tg_search_result_hit(r, i);
        char *html;
        ck_assert_int_eq(tg_search_snippet(docs[h->item].text, docs[h->item].len, h->spans,
                                           h->span_count, 160, &html),
                         TG_OK);
        ck_assert_int_eq(tg_utf8_validate(html, strlen(html), NULL), TG_OK);
        ck_assert_ptr_nonnull(strstr(html, "<mark>สสส"));
        free(html);
    }
    tg_search_result_free(r);
}
END_TEST

/* ---- issue 10: the faster query walk and snippets answer as before ---- */

/* A small index of its own, built from texts one by one. */
static struct tg_search_index *small_index(const char *const *texts, size_t count)
{
    struct tg_search_builder *b;
    ck_assert_int_eq(tg_search_builder_new(false, &b), TG_OK);
    for (size_t i = 0; i < count; i++)
        ck_assert_int_eq(
            tg_search_builder_add(b, seg, (uint32_t)i, texts[i], strlen(texts[i]), NULL, 0, 0),
            TG_OK);
    struct tg_search_index *x;
    ck_assert_int_eq(tg_search_builder_finish(b, &x), TG_OK);
    return x;
}

/* Phrases whose first word recurs, so a later occurrence is the one that holds (issue 10: each
 * position list is now read once, forward). */
static const char *const phrase_texts[] = {
    "ant bee ant cat ant bee cat",
    "ant bee dog cat ant dog bee cat",
    "cat bee ant",
    "bee cat bee cat",
};

static const struct match_case phrase_cases[] = {
    {"\"ant bee cat\"", {0, END}}, {"\"bee cat\"", {0, 1, 3, END}}, {"\"cat bee\"", {2, 3, END}},
    {"\"ant bee\"", {0, 1, END}},  {"\"bee ant\"", {0, 2, END}},    {"\"ant ant\"", {END}},
    {"\"cat ant bee\"", {0, END}}, {"bee cat", {0, 1, 2, 3, END}},
};

START_TEST(test_phrase_walk)
{
    struct tg_search_index *x = small_index(phrase_texts, TABLE_SIZE(phrase_texts));
    const struct match_case *c = &phrase_cases[_i];
    struct tg_search_options opt = {.limit = 10};
    struct tg_search_result *r;
    ck_assert_int_eq(tg_search_query(x, seg, c->query, strlen(c->query), &opt, &r), TG_OK);
    size_t expected = 0;
    while (c->expected[expected] != END)
        expected++;
    ck_assert_msg(tg_search_result_total(r) == expected, "%s: %zu hits, expected %zu", c->query,
                  tg_search_result_total(r), expected);
    for (size_t i = 0; i < tg_search_result_count(r); i++) {
        bool found = false;
        for (size_t j = 0; j < expected; j++)
            found = found || (uint32_t)c->expected[j] == tg_search_result_hit(r, i)->item;
        ck_assert_msg(found, "%s: unexpected item %u", c->query, tg_search_result_hit(r, i)->item);
    }
    tg_search_result_free(r);
    tg_search_index_free(x);
}
END_TEST

/* issue 10: once a page is full, a candidate that could not enter it even with every adjacency
 * boost skips its boosts' position walks, and a hit decodes only the positions its spans use. A
 * short page is still exactly the head of the long one (items and scores), and the long one
 * holds exactly the items that have every word: the first, the last few, runs of frequent words
 * and position lists of varying length between them. */
#define PAGE_ITEMS 1000

static bool has_fig(unsigned i)
{
    return i % 3 == 0;
}

static bool has_lime(unsigned i)
{
    return i % 250 == 7;
}

static bool has_plum(unsigned i)
{
    return i == 0 || i >= PAGE_ITEMS - 3;
}

static bool has_fig_lime(unsigned i)
{
    return has_fig(i) && has_lime(i);
}

static bool has_fig_plum(unsigned i)
{
    return has_fig(i) && has_plum(i);
}

static const struct {
    const char *query;
    bool (*holds)(unsigned item);
} page_cases[] = {
    {"kiwi lime", has_lime},         {"lime kiwi", has_lime},    {"kiwi plum", has_plum},
    {"fig lime", has_fig_lime},      {"fig kiwi", has_fig},      {"\"kiwi fig\"", has_fig},
    {"kiwi fig plum", has_fig_plum}, {"plum fig", has_fig_plum}, {"kiwi fig", has_fig},
    {"fig kiwi kiwi", has_fig},
};

static char page_texts[PAGE_ITEMS][64];

static const char *page_text(unsigned i)
{
    snprintf(page_texts[i], sizeof page_texts[i], "kiwi%s%s%s%s", has_fig(i) ? " fig" : "",
             has_lime(i) ? " lime" : "", has_plum(i) ? " plum" : "",
             i % 5 == 0 ? " kiwi kiwi kiwi" : "");
    return page_texts[i];
}

static enum tg_status page_item(void *ctx, size_t index, struct tg_search_item *out)
{
    (void)ctx;
    const char *text = page_text((unsigned)index);
    *out = (struct tg_search_item){.item = (uint32_t)index, .text = text, .len = strlen(text)};
    return TG_OK;
}

/* The three ways an index is had: built, opened from its written block (whose seek entries are
 * checked with their term's records) and rebuilt with every other item fresh (whose entries are
 * written anew). */
enum page_way { PAGE_BUILT, PAGE_OPENED, PAGE_REBUILT, PAGE_WAYS };

/* The page index made the given way; an opened one uses *block, which the caller frees after
 * the index. */
static struct tg_search_index *page_index(enum page_way way, char **block)
{
    const char *ptrs[PAGE_ITEMS];
    for (unsigned i = 0; i < PAGE_ITEMS; i++)
        ptrs[i] = page_text(i);
    struct tg_search_index *built = small_index(ptrs, PAGE_ITEMS), *x = NULL;
    *block = NULL;
    if (way == PAGE_BUILT)
        return built;
    if (way == PAGE_OPENED) {
        size_t len = 0;
        FILE *out = open_memstream(block, &len);
        ck_assert_ptr_nonnull(out);
        ck_assert_int_eq(tg_search_index_write(built, out), TG_OK);
        ck_assert_int_eq(fclose(out), 0);
        ck_assert_uint_eq(len, tg_search_index_block_bytes(built));
        char why[128] = "";
        ck_assert_msg(tg_search_index_open(*block, len, PAGE_ITEMS, &x, why, sizeof why) == TG_OK,
                      "%s", why);
    } else {
        uint32_t from[PAGE_ITEMS];
        for (unsigned i = 0; i < PAGE_ITEMS; i++)
            from[i] = i % 2 ? TG_SEARCH_FRESH : i;
        ck_assert_int_eq(tg_search_rebuild(built, from, PAGE_ITEMS, page_item, NULL, NULL, &x),
                         TG_OK);
    }
    tg_search_index_free(built);
    return x;
}

/* Also issue 10: an intersection jumps over a frequent term's records by its seek entries (terms
 * of TG_SEARCH_SEEK_MIN_DF records and more, an entry every TG_SEARCH_SEEK_EVERY-th record; kiwi
 * has 1000, fig 334), so each case runs on every way of page_index, and the short page must be
 * the built index's, item for item and score for score. */
START_TEST(test_page_head)
{
    char *block;
    struct tg_search_index *x = page_index((enum page_way)(_i % PAGE_WAYS), &block);
    struct tg_search_options opt = {.limit = TG_SEARCH_MAX_LIMIT};
    struct tg_search_result *r;
    const char *q = page_cases[_i / PAGE_WAYS].query;
    bool (*holds)(unsigned item) = page_cases[_i / PAGE_WAYS].holds;
    ck_assert_int_eq(tg_search_query(x, seg, q, strlen(q), &opt, &r), TG_OK);
    bool seen[PAGE_ITEMS] = {false};
    for (size_t k = 0; k < tg_search_result_count(r); k++)
        seen[tg_search_result_hit(r, k)->item] = true;
    size_t expected = 0;
    for (unsigned i = 0; i < PAGE_ITEMS; i++) {
        expected += holds(i);
        ck_assert_msg(seen[i] == holds(i), "%s: item %u %s", q, i,
                      seen[i] ? "found, not expected" : "missed");
    }
    ck_assert_uint_eq(tg_search_result_total(r), expected);
    ck_assert_uint_eq(tg_search_result_count(r), expected);
    struct tg_search_options short_page = {.limit = 5};
    struct tg_search_result *head, *want;
    ck_assert_int_eq(tg_search_query(x, seg, q, strlen(q), &short_page, &head), TG_OK);
    ck_assert_uint_eq(tg_search_result_total(head), expected);
    for (size_t k = 0; k < tg_search_result_count(head); k++) {
        ck_assert_uint_eq(tg_search_result_hit(head, k)->item, tg_search_result_hit(r, k)->item);
        ck_assert(tg_search_result_hit(head, k)->score == tg_search_result_hit(r, k)->score);
    }
    char *none;
    struct tg_search_index *built = page_index(PAGE_BUILT, &none);
    ck_assert_int_eq(tg_search_query(built, seg, q, strlen(q), &short_page, &want), TG_OK);
    ck_assert_uint_eq(tg_search_result_count(head), tg_search_result_count(want));
    for (size_t k = 0; k < tg_search_result_count(want); k++) {
        ck_assert_uint_eq(tg_search_result_hit(head, k)->item, tg_search_result_hit(want, k)->item);
        ck_assert(tg_search_result_hit(head, k)->score == tg_search_result_hit(want, k)->score);
    }
    tg_search_result_free(want);
    tg_search_index_free(built);
    tg_search_result_free(head);
    tg_search_result_free(r);
    tg_search_index_free(x);
    free(block);
}
END_TEST

/* issue 10: a seek entry that would put a reader elsewhere than the walk to its record (the
 * file damaged, its checksum forged) fails the term's queries with TG_ERR_DB_CORRUPT before any
 * jump, and leaves the queries of other terms their answers. */
START_TEST(test_damaged_seek_entry)
{
    char *block;
    struct tg_search_index *x = page_index(PAGE_OPENED, &block);
    size_t t;
    ck_assert(tg_search_find_term(x, "kiwi", 4, &t));
    ck_assert_uint_gt(x->seek_offsets[t + 1], x->seek_offsets[t] + (size_t)_i);
    x->seeks[3 * (x->seek_offsets[t] + (size_t)_i) + (size_t)_i % 3] += 1;
    struct tg_search_options opt = {.limit = 5};
    struct tg_search_result *r = NULL;
    ck_assert_int_eq(tg_search_query(x, seg, "fig kiwi", strlen("fig kiwi"), &opt, &r),
                     TG_ERR_DB_CORRUPT);
    ck_assert_int_eq(tg_search_query(x, seg, "fig", strlen("fig"), &opt, &r), TG_OK);
    ck_assert_uint_eq(tg_search_result_total(r), (PAGE_ITEMS + 2) / 3);
    tg_search_result_free(r);
    ck_assert(!tg_search_index_sound(x));
    tg_search_index_free(x);
    free(block);
}
END_TEST

/* Neighbours in one group get the adjacency boost without being checked again (issue 10): a
 * phrase scores exactly as the same words ANDed where they stand together, and more than where
 * they do not (item 2 has both words, apart). */
START_TEST(test_phrase_boost)
{
    struct tg_search_index *x = small_index(phrase_texts, TABLE_SIZE(phrase_texts));
    struct tg_search_options opt = {.limit = 10};
    struct tg_search_result *phrase, *words;
    ck_assert_int_eq(tg_search_query(x, seg, "\"bee cat\"", strlen("\"bee cat\""), &opt, &phrase),
                     TG_OK);
    ck_assert_int_eq(tg_search_query(x, seg, "bee cat", strlen("bee cat"), &opt, &words), TG_OK);
    ck_assert_uint_eq(tg_search_result_count(phrase), 3);
    ck_assert_uint_eq(tg_search_result_count(words), 4);
    double apart = 0;
    for (size_t i = 0; i < tg_search_result_count(words); i++) {
        const struct tg_search_hit *w = tg_search_result_hit(words, i);
        if (w->item == 2)
            apart = w->score;
    }
    ck_assert_double_gt(apart, 0);
    for (size_t i = 0; i < tg_search_result_count(phrase); i++) {
        const struct tg_search_hit *p = tg_search_result_hit(phrase, i);
        bool same = false;
        for (size_t k = 0; k < tg_search_result_count(words); k++) {
            const struct tg_search_hit *w = tg_search_result_hit(words, k);
            same = same || (w->item == p->item && w->score == p->score);
        }
        ck_assert_msg(same, "item %u scores differently as a phrase", p->item);
    }
    /* The best of the neighbours outranks the pair apart. */
    ck_assert_double_gt(tg_search_result_hit(words, 0)->score, apart);
    tg_search_result_free(phrase);
    tg_search_result_free(words);
    tg_search_index_free(x);
}
END_TEST

#define KL5  "kiwi lime kiwi lime kiwi lime kiwi lime kiwi lime "
#define KL40 KL5 KL5 KL5 KL5 KL5 KL5 KL5 KL5
#define F10  "fig fig fig fig fig fig fig fig fig fig "
#define SP50 "                                                  "
#define W50  "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij"

/* Spans of several terms merge in text order, at most TG_SEARCH_MAX_SPANS of them from each
 * term's first TG_SEARCH_MAX_SPANS; the span table is walked right past gaps and words too long
 * for one varint byte (issue 10: four one-byte records are summed at once). */
static const char *const span_texts[] = {
    KL40,
    F10 F10 F10 F10 F10 F10 F10 "yam",
    "a b c d e f g h i j" SP50 SP50 SP50 "plum k l m n o p " W50 W50 W50 " q r s t u v plum w",
};

static const struct {
    const char *query;
    uint32_t item;
    size_t spans;
    const char *words[3]; /* what the spans hold, in turn (cycled) */
} span_cases[] = {
    {"kiwi lime", 0, TG_SEARCH_MAX_SPANS, {"kiwi", "lime", NULL}},
    {"fig yam", 1, TG_SEARCH_MAX_SPANS, {"fig", NULL}},
    {"plum", 2, 2, {"plum", NULL}},
};

START_TEST(test_span_walk)
{
    struct tg_search_index *x = small_index(span_texts, TABLE_SIZE(span_texts));
    const char *q = span_cases[_i].query;
    struct tg_search_result *r;
    ck_assert_int_eq(tg_search_query(x, seg, q, strlen(q), NULL, &r), TG_OK);
    ck_assert_uint_eq(tg_search_result_count(r), 1);
    const struct tg_search_hit *h = tg_search_result_hit(r, 0);
    ck_assert_uint_eq(h->item, span_cases[_i].item);
    ck_assert_uint_eq(h->span_count, span_cases[_i].spans);
    const char *text = span_texts[h->item];
    size_t cycle = 0;
    while (span_cases[_i].words[cycle])
        cycle++;
    for (size_t k = 0; k < h->span_count; k++) {
        const char *word = span_cases[_i].words[k % cycle];
        ck_assert_uint_eq(h->spans[k].end - h->spans[k].start, strlen(word));
        ck_assert_int_eq(memcmp(text + h->spans[k].start, word, strlen(word)), 0);
        if (k)
            ck_assert_uint_gt(h->spans[k].start, h->spans[k - 1].end);
    }
    tg_search_result_free(r);
    tg_search_index_free(x);
}
END_TEST

#define T10 "กขค กขค กขค กขค กขค กขค กขค กขค กขค กขค "
#define T40 T10 T10 T10 T10
#define U10 "กขคงกขคงกขคงกขคงกขคงกขคงกขคงกขคงกขคงกขคง"
#define U30 U10 U10 U10

/* Snippets of long texts, where gaps too long for any window are not counted and the window is
 * cut between runs of plain bytes (issue 10); outputs as the snippets before those changes
 * gave. */
static const struct snippet_case long_snippet_cases[] = {
    {"[[x]] " T40 "[[x]] [[y]] ok", 20, "…กขค กขค กขค <mark>x</mark> <mark>y</mark> ok"},
    {"[[x]] " U30 " [[y]] [[x]] " U30 " [[x]]", 12, "…<mark>y</mark> <mark>x</mark>…"},
    {"a [[x]] b [[x]] c [[y]] d " T40 "[[x]] [[y]] [[x]] e", 16,
     "a <mark>x</mark> b <mark>x</mark> c <mark>y</mark> d…"},
    {"[[k]] [[k]] [[k]] [[l]] [[k]] [[k]] [[l]] [[l]] [[l]]", 9,
     "<mark>k</mark> <mark>k</mark> <mark>k</mark> <mark>l</mark> <mark>k</mark>…"},
    {"[[x]] " T40 T40 "[[x]]", 30, "<mark>x</mark> กขค กขค กขค กขค กขค กขค กขค…"},
    {U30 "[[y]]" U30, 5, "…<mark>y</mark>…"},
};

START_TEST(test_long_snippet)
{
    check_snippet_case(&long_snippet_cases[_i]);
}
END_TEST

static const struct {
    const char *name;
    uint32_t weight;
} entities[] = {
    {"กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", 10},
    {"กระทรวงสาธารณสุข", 50},
    {"กรมอนามัย", 5},
    {"Leadership Program", 3},
    {"LINE Corp", 7},
    {"สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ", 20},
};

static const struct {
    const char *prefix;
    size_t limit;
    enum tg_status status;
    int expected[8];
} suggest_cases[] = {
    {"กระทรวง", 10, TG_OK, {1, 0, END}},
    {"กร", 10, TG_OK, {1, 0, 2, END}},
    {"กร", 1, TG_OK, {1, END}},
    {"lea", 10, TG_OK, {3, END}},
    {"L", 10, TG_OK, {4, 3, END}},
    {"  LEADERSHIP  p", 10, TG_OK, {3, END}},
    {"สำนัก", 10, TG_OK, {5, END}},
    {"xyz", 10, TG_OK, {END}},
    {"", 10, TG_ERR_BAD_PARAMETER, {END}},
    {"กร", 0, TG_ERR_BAD_PARAMETER, {END}},
    {"\xFF", 10, TG_ERR_INVALID_UTF8, {END}},
};

START_TEST(test_suggest)
{
    struct tg_search_builder *b;
    ck_assert_int_eq(tg_search_builder_new(true, &b), TG_OK);
    for (size_t i = 0; i < TABLE_SIZE(entities); i++)
        ck_assert_int_eq(tg_search_builder_add(b, seg, (uint32_t)i, entities[i].name,
                                               strlen(entities[i].name), NULL, 0,
                                               entities[i].weight),
                         TG_OK);
    struct tg_search_index *x;
    ck_assert_int_eq(tg_search_builder_finish(b, &x), TG_OK);
    uint32_t items[16];
    size_t count = 0;
    ck_assert_int_eq(tg_search_suggest(x, suggest_cases[_i].prefix,
                                       strlen(suggest_cases[_i].prefix), suggest_cases[_i].limit,
                                       items, &count),
                     suggest_cases[_i].status);
    if (suggest_cases[_i].status == TG_OK) {
        size_t n = 0;
        for (; suggest_cases[_i].expected[n] != END; n++)
            ck_assert_uint_eq(items[n], (uint32_t)suggest_cases[_i].expected[n]);
        ck_assert_uint_eq(count, n);
    }
    tg_search_index_free(x);
}
END_TEST

START_TEST(test_suggest_needs_names)
{
    uint32_t items[4];
    size_t count;
    ck_assert_int_eq(tg_search_suggest(index_, "ก", strlen("ก"), 4, items, &count),
                     TG_ERR_INVALID_ARGUMENT);
}
END_TEST

static const struct {
    struct tg_search_range skip;
    enum tg_status expected;
} add_errors[] = {
    {{2, 1}, TG_ERR_INVALID_ARGUMENT},
    {{0, 99}, TG_ERR_INVALID_ARGUMENT},
    {{0, 0}, TG_OK},
};

START_TEST(test_add_errors)
{
    struct tg_search_builder *b;
    ck_assert_int_eq(tg_search_builder_new(false, &b), TG_OK);
    ck_assert_int_eq(tg_search_builder_add(b, seg, 0, "abc", 3, &add_errors[_i].skip, 1, 0),
                     add_errors[_i].expected);
    ck_assert_int_eq(tg_search_builder_add(b, seg, 1, "a\xFF", 2, NULL, 0, 0), TG_ERR_INVALID_UTF8);
    struct tg_search_index *x;
    ck_assert_int_eq(tg_search_builder_finish(b, &x), TG_OK);
    ck_assert_uint_eq(tg_search_index_items(x), add_errors[_i].expected == TG_OK);
    tg_search_index_free(x);
}
END_TEST

/*
 * issue 10, reuse of a previous snapshot's words: the spot check compares the terms and their
 * positions, not only lengths, weights and spans, which a segmenter or normaliser that spells
 * a word differently (another case folding, another ICU) leaves alike. Item 0 of a single-item
 * index against item 1 of another; a skipped range (bytes, {0, 0} for none) takes a position
 * without a word.
 */
static const struct {
    const char *a, *b;
    struct tg_search_range a_skip, b_skip;
    bool same;
} same_item_cases[] = {
    {"abc def", "abc def", {0, 0}, {0, 0}, true},
    {"กระทรวงการคลัง ๔๐ คน", "กระทรวงการคลัง ๔๐ คน", {0, 0}, {0, 0}, true},
    {"abc def", "abd def", {0, 0}, {0, 0}, false},         /* a key differs; spans agree */
    {"abc def", "def abc", {0, 0}, {0, 0}, false},         /* the same keys, other positions */
    {"abc abc def", "abc def def", {0, 0}, {0, 0}, false}, /* the same keys, other counts */
    {"abc", "abc def", {0, 0}, {0, 0}, false},             /* lengths differ */
    {"abc def", "abc  def", {0, 0}, {0, 0}, false},        /* spans differ */
    {"abc def ghi", "abc def ghi", {4, 7}, {4, 7}, true},  /* a skipped word's position */
    {"abc def ghi", "abc xyz ghi", {4, 7}, {4, 7}, true},  /* what is skipped is not a word */
    {"abc def ghi", "abc def ghi", {4, 7}, {0, 0}, false},
    {"abc def ghi", "abc dex ghi", {0, 0}, {4, 7}, false},
};

/* An index of count texts, the last one with skip (when not empty). */
static struct tg_search_index *index_skipping(const char *const *texts, size_t count,
                                              struct tg_search_range skip)
{
    struct tg_search_builder *b;
    ck_assert_int_eq(tg_search_builder_new(false, &b), TG_OK);
    for (size_t i = 0; i < count; i++) {
        bool skips = i + 1 == count && skip.end > skip.start;
        ck_assert_int_eq(tg_search_builder_add(b, seg, (uint32_t)i, texts[i], strlen(texts[i]),
                                               skips ? &skip : NULL, skips, 0),
                         TG_OK);
    }
    struct tg_search_index *x;
    ck_assert_int_eq(tg_search_builder_finish(b, &x), TG_OK);
    return x;
}

START_TEST(test_same_item)
{
    struct tg_search_index *a =
        index_skipping((const char *const[]){same_item_cases[_i].a}, 1, same_item_cases[_i].a_skip);
    struct tg_search_index *b =
        index_skipping((const char *const[]){"filler words", same_item_cases[_i].b}, 2,
                       same_item_cases[_i].b_skip);
    ck_assert_msg(tg_search_same_item(a, 0, b, 1) == same_item_cases[_i].same, "'%s' and '%s'",
                  same_item_cases[_i].a, same_item_cases[_i].b);
    ck_assert_msg(tg_search_same_item(b, 1, a, 0) == same_item_cases[_i].same, "'%s' and '%s'",
                  same_item_cases[_i].b, same_item_cases[_i].a);
    ck_assert(!tg_search_same_item(a, 0, b, 0));
    ck_assert(!tg_search_same_item(a, 1, b, 1));
    tg_search_index_free(a);
    tg_search_index_free(b);
}
END_TEST

/* A build over 1, 3 and 8 threads answers like items added one by one. */
START_TEST(test_threaded_build)
{
    struct tg_search_builder *b;
    ck_assert_int_eq(tg_search_builder_new(false, &b), TG_OK);
    for (size_t i = 0; i < ITEM_COUNT; i++)
        ck_assert_int_eq(tg_search_builder_add(b, seg, (uint32_t)i, docs[i].text, docs[i].len,
                                               &docs[i].skip, docs[i].skip_count, 0),
                         TG_OK);
    struct tg_search_index *serial, *threaded;
    ck_assert_int_eq(tg_search_builder_finish(b, &serial), TG_OK);
    struct tg_search_build_options opt = {.threads = _i == 0 ? 1 : _i == 1 ? 3 : 8};
    ck_assert_int_eq(tg_search_build(ITEM_COUNT, get_doc, NULL, &opt, &threaded), TG_OK);
    ck_assert_uint_eq(tg_search_index_terms(serial), tg_search_index_terms(threaded));
    ck_assert_uint_eq(tg_search_index_memory(serial), tg_search_index_memory(threaded));
    for (size_t q = 0; q < TABLE_SIZE(match_cases); q++) {
        uint32_t a[ITEM_COUNT], c[ITEM_COUNT];
        double sa[ITEM_COUNT], sc[ITEM_COUNT];
        size_t n = run_query(serial, seg, match_cases[q].query, a, sa, ITEM_COUNT);
        ck_assert_uint_eq(run_query(threaded, seg, match_cases[q].query, c, sc, ITEM_COUNT), n);
        for (size_t i = 0; i < n; i++) {
            ck_assert_uint_eq(a[i], c[i]);
            ck_assert_double_eq(sa[i], sc[i]);
        }
    }
    tg_search_index_free(serial);
    tg_search_index_free(threaded);
}
END_TEST

struct worker {
    size_t mismatches;
    enum tg_status status;
};

/* Each thread repeats every match case with its own segmenter and counts wrong answers. */
static void *query_worker(void *arg)
{
    struct worker *w = arg;
    struct tg_text_segmenter *s;
    if ((w->status = tg_text_segmenter_new(TG_TEXT_FULL, &s)) != TG_OK)
        return NULL;
    for (int round = 0; round < 20; round++) {
        for (size_t q = 0; q < TABLE_SIZE(match_cases); q++) {
            struct tg_search_result *r;
            const char *text = match_cases[q].query;
            if (tg_search_query(index_, s, text, strlen(text), NULL, &r) != TG_OK) {
                w->mismatches++;
                continue;
            }
            size_t expected = 0;
            while (match_cases[q].expected[expected] != END)
                expected++;
            w->mismatches += tg_search_result_total(r) != expected;
            tg_search_result_free(r);
        }
    }
    tg_text_segmenter_free(s);
    return NULL;
}

START_TEST(test_concurrent)
{
    pthread_t threads[4];
    struct worker workers[4] = {0};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, query_worker, &workers[i]), 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        ck_assert_int_eq(workers[i].status, TG_OK);
        ck_assert_uint_eq(workers[i].mismatches, 0);
    }
}
END_TEST

/* The index written as a snapshot block and opened in place from a copy the caller frees. */
static struct tg_search_index *reopened(void **block)
{
    size_t len = tg_search_index_block_bytes(index_);
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(tg_search_index_write(index_, f), TG_OK);
    rewind(f);
    *block = malloc(len); /* malloc's alignment is the 8 bytes the block needs */
    ck_assert_ptr_nonnull(*block);
    ck_assert_uint_eq(fread(*block, 1, len, f), len);
    fclose(f);
    struct tg_search_index *x = NULL;
    char why[160] = "";
    ck_assert_msg(tg_search_index_open(*block, len, ITEM_COUNT, &x, why, sizeof why) == TG_OK, "%s",
                  why);
    return x;
}

static enum tg_status query_status(const struct tg_search_index *x, const char *q)
{
    struct tg_search_options opt = {.limit = 20};
    struct tg_search_result *r = NULL;
    enum tg_status st = tg_search_query(x, seg, q, strlen(q), &opt, &r);
    tg_search_result_free(r);
    return st;
}

/* issue 10: an opened block's postings and span tables are checked when a query first reads
 * them, not at open. Damage there (past the checksum a snapshot has) fails the queries that
 * read it with TG_ERR_DB_CORRUPT, leaves the others their answers, and is read within bounds
 * (the block is a heap copy of its exact size, so ASan sees any overrun). */
enum damaged_part { POSTINGS, POSITIONS, SPANS };

static const struct {
    enum damaged_part part; /* the records or positions of "durian", or item 7's span table */
    const char *damaged;    /* a query that must fail */
    const char *intact;     /* one that must still answer */
    int intact_items[ITEM_COUNT + 1];
} lazy_cases[] = {
    {POSTINGS, "durian", "kiwi", {7, 8, END}},
    {POSTINGS, "durian papaya", "papaya guava", {9, 10, END}},
    {POSITIONS, "durian", "kiwi", {7, 8, END}},
    {POSITIONS, "durian papaya", "papaya guava", {9, 10, END}},
    {SPANS, "kiwi", "durian", {11, 12, 13, 14, 15, END}},
    {SPANS, "KIWI banana", "papaya", {9, 10, END}},
};

START_TEST(test_damage_found_at_first_use)
{
    void *block = NULL;
    struct tg_search_index *x = reopened(&block);
    ck_assert(tg_search_index_sound(x));
    uint32_t items[ITEM_COUNT];
    for (size_t i = 0; i < TABLE_SIZE(match_cases); i++) {
        uint32_t mine[ITEM_COUNT];
        const char *q = match_cases[i].query;
        ck_assert_uint_eq(run_query(x, seg, q, mine, NULL, ITEM_COUNT),
                          run_query(index_, seg, q, items, NULL, ITEM_COUNT));
    }
    tg_search_index_free(x);
    free(block);

    x = reopened(&block);
    uint8_t *from, *to;
    size_t t;
    ck_assert(tg_search_find_term(x, "durian", 6, &t));
    if (lazy_cases[_i].part == SPANS) {
        from = x->spans + x->span_offsets[7];
        to = x->spans + x->span_offsets[8];
    } else if (lazy_cases[_i].part == POSITIONS) {
        from = x->positions + x->position_offsets[t];
        to = x->positions + x->position_offsets[t + 1];
    } else {
        from = x->postings + x->posting_offsets[t];
        to = x->postings + x->posting_offsets[t + 1];
    }
    ck_assert(from < to);
    memset(from, 0x80, (size_t)(to - from)); /* every varint runs on past its table */
    ck_assert_int_eq(query_status(x, lazy_cases[_i].damaged), TG_ERR_DB_CORRUPT);
    ck_assert_int_eq(query_status(x, lazy_cases[_i].damaged), TG_ERR_DB_CORRUPT);
    size_t n = run_query(x, seg, lazy_cases[_i].intact, items, NULL, ITEM_COUNT);
    size_t expected = 0;
    while (lazy_cases[_i].intact_items[expected] != END)
        expected++;
    ck_assert_uint_eq(n, expected);
    for (size_t k = 0; k < n; k++) {
        bool listed = false;
        for (size_t e = 0; e < expected; e++)
            listed = listed || (int)items[k] == lazy_cases[_i].intact_items[e];
        ck_assert_msg(listed, "item %u", items[k]);
    }
    ck_assert(!tg_search_index_sound(x));
    tg_search_index_free(x);
    free(block);
}
END_TEST

int main(void)
{
    fill_guards();
    Suite *suite = suite_create("search");
    TCase *tc = tcase_create("search");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_match, 0, TABLE_SIZE(match_cases));
    tcase_add_loop_test(tc, test_same, 0, TABLE_SIZE(same_cases));
    tcase_add_loop_test(tc, test_rank, 0, TABLE_SIZE(rank_cases));
    tcase_add_loop_test(tc, test_errors, 0, TABLE_SIZE(error_cases));
    tcase_add_test(tc, test_tokens);
    tcase_add_loop_test(tc, test_paging, 0, TABLE_SIZE(page_queries));
    tcase_add_loop_test(tc, test_bad_cursor, 0, TABLE_SIZE(bad_cursors));
    tcase_add_test(tc, test_filter);
    tcase_add_test(tc, test_spans);
    tcase_add_loop_test(tc, test_snippet, 0, TABLE_SIZE(snippet_cases));
    tcase_add_loop_test(tc, test_snippet_errors, 0, TABLE_SIZE(snippet_errors));
    tcase_add_test(tc, test_snippet_overlap);
    tcase_add_test(tc, test_snippet_of_hit);
    tcase_add_loop_test(tc, test_phrase_walk, 0, TABLE_SIZE(phrase_cases));
    tcase_add_loop_test(tc, test_page_head, 0, TABLE_SIZE(page_cases) * PAGE_WAYS);
    tcase_add_test(tc, test_phrase_boost);
    tcase_add_loop_test(tc, test_damaged_seek_entry, 0, 4);
    tcase_add_loop_test(tc, test_span_walk, 0, TABLE_SIZE(span_cases));
    tcase_add_loop_test(tc, test_long_snippet, 0, TABLE_SIZE(long_snippet_cases));
    tcase_add_loop_test(tc, test_suggest, 0, TABLE_SIZE(suggest_cases));
    tcase_add_test(tc, test_suggest_needs_names);
    tcase_add_loop_test(tc, test_add_errors, 0, TABLE_SIZE(add_errors));
    tcase_add_loop_test(tc, test_same_item, 0, TABLE_SIZE(same_item_cases));
    tcase_add_loop_test(tc, test_threaded_build, 0, 3);
    tcase_add_test(tc, test_concurrent);
    tcase_add_loop_test(tc, test_damage_found_at_first_use, 0, TABLE_SIZE(lazy_cases));
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
