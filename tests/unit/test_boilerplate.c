#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/boilerplate.h"
#include "suite.h"

#define SEED_000 "seeds/000_2304adfd9e82273a.txt"
#define SEED_001 "seeds/001_728345b0fb86cf7d.txt"
#define SEED_002 "seeds/002_4301d2a2d545386e.txt"
#define SEED_003 "seeds/003_5d58ccc2649354b1.txt"
#define SEED_004 "seeds/004_6bbdc058e895814a.txt"

static const char *const seeds[] = {SEED_000, SEED_001, SEED_002, SEED_003, SEED_004};

/* A seed line (1-based) that must be covered with this reason. When part is set, only that
 * leading part of the line is boilerplate and the rest of the line must stay unmarked. */
struct seed_case {
    const char *path;
    size_t line;
    enum tg_boilerplate_reason reason;
    const char *part;
};

/* Decided by hand from the seed files; every line not listed here must stay unmarked. */
static const struct seed_case seed_cases[] = {
    {SEED_000, 7, TG_BOILERPLATE_COOKIE_NOTICE, NULL},
    {SEED_001, 38, TG_BOILERPLATE_SHARE_BUTTONS, NULL}, /* Shares: */
    {SEED_001, 39, TG_BOILERPLATE_SHARE_BUTTONS, NULL}, /* QR Code : */
    {SEED_001, 40, TG_BOILERPLATE_SHARE_BUTTONS, NULL}, /* QR Code */
    {SEED_002, 3, TG_BOILERPLATE_BYLINE_PLACEHOLDER, NULL},
    {SEED_002, 4, TG_BOILERPLATE_BYLINE_PLACEHOLDER, NULL},
    {SEED_002, 5, TG_BOILERPLATE_VIEW_COUNTER, NULL},
    {SEED_002, 27, TG_BOILERPLATE_OTHER, NULL}, /* comment prompt opening the sidebar */
    {SEED_002, 29, TG_BOILERPLATE_OTHER, NULL}, /* loading message */
    {SEED_002, 30, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 31, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 32, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 33, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 34, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 35, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 36, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 37, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 38, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 40, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 42, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 44, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_002, 46, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
    {SEED_003, 1, TG_BOILERPLATE_OTHER, "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-"},
    {SEED_003, 15, TG_BOILERPLATE_VIEW_COUNTER, NULL},
    {SEED_003, 29, TG_BOILERPLATE_DUPLICATE_TITLE, NULL},
    {SEED_004, 3, TG_BOILERPLATE_DUPLICATE_TITLE, NULL},
    {SEED_004, 5, TG_BOILERPLATE_VIEW_COUNTER, NULL},
    {SEED_004, 13, TG_BOILERPLATE_OTHER, NULL}, /* image file name */
    {SEED_004, 22, TG_BOILERPLATE_OTHER, NULL},
    {SEED_004, 30, TG_BOILERPLATE_SHARE_BUTTONS, NULL},
    {SEED_004, 31, TG_BOILERPLATE_SHARE_BUTTONS, NULL},
    {SEED_004, 32, TG_BOILERPLATE_SHARE_BUTTONS, NULL},
    {SEED_004, 34, TG_BOILERPLATE_RELATED_HEADLINES, NULL},
};

struct found {
    char *text;
    size_t len;
    struct tg_boilerplate_range *ranges;
    size_t count;
};

static struct found find_in_seed(const char *path)
{
    struct found f = {0};
    FILE *in = fopen(path, "rb");
    ck_assert_msg(in != NULL, "cannot open %s", path);
    f.text = malloc(1 << 20);
    ck_assert_ptr_nonnull(f.text);
    f.len = fread(f.text, 1, (1 << 20) - 1, in);
    f.text[f.len] = '\0';
    fclose(in);
    ck_assert_int_eq(tg_boilerplate_find(f.text, f.len, &f.ranges, &f.count), TG_OK);
    return f;
}

static void found_free(struct found *f)
{
    free(f->text);
    free(f->ranges);
}

/* Byte bounds of a 1-based line, without its newline. */
static void line_bounds(const struct found *f, size_t line, size_t *start, size_t *end)
{
    size_t pos = 0;
    for (size_t i = 1; i < line; i++) {
        const char *nl = memchr(f->text + pos, '\n', f->len - pos);
        ck_assert_ptr_nonnull(nl);
        pos = (size_t)(nl - f->text) + 1;
    }
    const char *nl = memchr(f->text + pos, '\n', f->len - pos);
    *start = pos;
    *end = nl ? (size_t)(nl - f->text) : f->len;
}

static bool covered(const struct found *f, size_t start, size_t end,
                    enum tg_boilerplate_reason reason)
{
    for (size_t i = 0; i < f->count; i++)
        if (f->ranges[i].start <= start && end <= f->ranges[i].end && f->ranges[i].reason == reason)
            return true;
    return false;
}

static bool touched(const struct found *f, size_t start, size_t end)
{
    for (size_t i = 0; i < f->count; i++)
        if (f->ranges[i].start < end && start < f->ranges[i].end)
            return true;
    return false;
}

static bool listed(const char *path, size_t line)
{
    for (size_t i = 0; i < sizeof seed_cases / sizeof *seed_cases; i++)
        if (strcmp(seed_cases[i].path, path) == 0 && seed_cases[i].line == line)
            return true;
    return false;
}

START_TEST(test_seed_line_marked)
{
    const struct seed_case *c = &seed_cases[_i];
    struct found f = find_in_seed(c->path);
    size_t start, end;
    line_bounds(&f, c->line, &start, &end);
    while (start < end && strchr(" \t", f.text[start]))
        start++;
    while (end > start && strchr(" \t", f.text[end - 1]))
        end--;
    if (c->part) {
        size_t n = strlen(c->part);
        ck_assert(end - start > n && memcmp(f.text + start, c->part, n) == 0);
        ck_assert(!touched(&f, start + n, end));
        end = start + n;
    }
    ck_assert_msg(covered(&f, start, end, c->reason), "%s:%zu not marked %s", c->path, c->line,
                  tg_boilerplate_reason_name(c->reason));
    found_free(&f);
}
END_TEST

/* Everything not listed above is article text, so no range may reach into it. Blank lines may
 * be covered, as neighbouring ranges merge across them. */
START_TEST(test_seed_rest_unmarked)
{
    const char *path = seeds[_i];
    struct found f = find_in_seed(path);
    size_t lines = 1;
    for (size_t i = 0; i + 1 < f.len; i++)
        lines += f.text[i] == '\n';
    for (size_t line = 1; line <= lines; line++) {
        size_t start, end;
        line_bounds(&f, line, &start, &end);
        size_t blank = strspn(f.text + start, " \t\xC2\xA0");
        if (!listed(path, line) && start + blank < end)
            ck_assert_msg(!touched(&f, start, end), "%s:%zu marked", path, line);
    }
    found_free(&f);
}
END_TEST

/* The brief's own check: lines quoting someone or naming สสส. are body text. The only exception
 * is seed 002's sidebar, which lists another article's headline that names สสส. */
START_TEST(test_seed_speech_unmarked)
{
    const char *path = seeds[_i];
    struct found f = find_in_seed(path);
    size_t pos = 0, line = 1;
    while (pos < f.len) {
        const char *nl = memchr(f.text + pos, '\n', f.len - pos);
        size_t end = nl ? (size_t)(nl - f.text) : f.len;
        char *copy = strndup(f.text + pos, end - pos);
        ck_assert_ptr_nonnull(copy);
        bool body = strstr(copy, "กล่าว") || strstr(copy, "สสส.");
        if (body && !listed(path, line))
            ck_assert_msg(!touched(&f, pos, end), "%s:%zu marked", path, line);
        free(copy);
        pos = end + 1;
        line++;
    }
    found_free(&f);
}
END_TEST

#define PROSE                                                                                                                                                                                                                                                                                           \
    "นายกรัฐมนตรีกล่าวว่า รัฐบาลจะเร่งดำเนินการช่วยเหลือประชาชนที่ได้รับผลกระทบจากอุทกภัยในพื้นที่"             \
    "ภาคเหนือและภาคตะวันออกเฉียงเหนืออย่างต่อเนื่อง พร้อมสั่งการให้หน่วยงานที่เกี่ยวข้องลงพื้นที่สำรวจ" \
    "ความเสียหาย เพื่อจัดสรรงบประมาณเยียวยาให้ทั่วถึงและรวดเร็วที่สุด โดยให้รายงานผลภายในสัปดาห์นี้\n"

/* Inline texts: the first range expected (its text and reason), or none. */
struct inline_case {
    const char *text;
    const char *marked; /* NULL: nothing may be marked */
    enum tg_boilerplate_reason reason;
};

static const struct inline_case inline_cases[] = {
    {"ข่าวเด่น\nผู้เชี่ยวชาญแนะนำให้ผู้ใช้ลบคุกกี้ในเบราว์เซอร์เป็นประจำ\n", NULL, 0},
    {"ข่าวเด่น\nเว็บไซต์นี้มีการใช้งานคุกกี้เพื่อวิเคราะห์การเข้าชม ซึ่งผู้ใช้ทุกคนควรรับทราบ "
     "ตามกฎหมายคุ้มครองข้อมูลส่วนบุคคล\n",
     NULL, 0},
    {"ข่าวเด่น\nยอดผู้ติดเชื้อรายใหม่ 528 ราย\n", NULL, 0},
    {"ข่าวเด่น\n" PROSE "528\n", NULL, 0},
    {"ข่าวเด่น\nอ่าน 3 ครั้งแล้วยังไม่เข้าใจ\n", NULL, 0},
    {"ข่าวเด่น\nโดยนายกรัฐมนตรีกล่าวเปิดงาน\n", NULL, 0},
    {"ข่าวเด่น\nพิมพ์เขียวของโครงการ\n", NULL, 0},
    {"ข่าวเด่น\nข่าวเด่นประจำวัน\n", NULL, 0},
    {"ข่าวเด่น\nข่าวที่เกี่ยวข้องกับอุทกภัยถูกเผยแพร่\n", NULL, 0},
    {"ข่าวเด่น\n" PROSE "ข่าวที่เกี่ยวข้อง\n" PROSE, "ข่าวที่เกี่ยวข้อง", TG_BOILERPLATE_RELATED_HEADLINES},
    {"ข่าวเด่น\nพิมพ์\n" PROSE, "พิมพ์", TG_BOILERPLATE_PRINT_BUTTON},
    {"ข่าวเด่น\n\xC2\xA0Shares: 12\xC2\xA0\n", "Shares: 12", TG_BOILERPLATE_SHARE_BUTTONS},
    {"ข่าวเด่น\nเข้าชม 1,024\n", "เข้าชม 1,024", TG_BOILERPLATE_VIEW_COUNTER},
    {"ข่าวเด่น\r\n  ข่าวเด่น  \r\n", "ข่าวเด่น", TG_BOILERPLATE_DUPLICATE_TITLE},
    {"ข่าวเด่น\nWe use cookies to improve your experience. Accept\n",
     "We use cookies to improve your experience. Accept", TG_BOILERPLATE_COOKIE_NOTICE},
    {"ข่าวเด่น\nข่าวที่น่าสนใจ :\nหัวข้อข่าวอื่น\n\nที่มา : https://example.org\n", "ข่าวที่น่าสนใจ :\nหัวข้อข่าวอื่น",
     TG_BOILERPLATE_RELATED_HEADLINES},
};

START_TEST(test_inline)
{
    const struct inline_case *c = &inline_cases[_i];
    struct tg_boilerplate_range *ranges = NULL;
    size_t count = 99;
    size_t len = strlen(c->text);
    ck_assert_int_eq(tg_boilerplate_find(c->text, len, &ranges, &count), TG_OK);
    if (!c->marked) {
        ck_assert_uint_eq(count, 0);
        ck_assert_ptr_null(ranges);
        return;
    }
    ck_assert_uint_ge(count, 1);
    const char *at = strstr(c->text + 1, c->marked);
    ck_assert_ptr_nonnull(at);
    ck_assert_uint_eq(ranges[0].start, (size_t)(at - c->text));
    ck_assert_uint_eq(ranges[0].end - ranges[0].start, strlen(c->marked));
    ck_assert_int_eq(ranges[0].reason, c->reason);
    for (size_t i = 0; i < count; i++) {
        ck_assert(i == 0 || ranges[i].start >= ranges[i - 1].end);
        char *range = strndup(c->text + ranges[i].start, ranges[i].end - ranges[i].start);
        ck_assert_ptr_nonnull(range);
        ck_assert_msg(!strstr(range, "กล่าว"), "body prose marked: %s", range);
        free(range);
    }
    free(ranges);
}
END_TEST

START_TEST(test_code_points_and_merging)
{
    /* "ข่าวเด่น" is 8 code points in 24 bytes; the two share lines merge into one range. */
    const char *text = "ข่าวเด่น\nแชร์ข่าว :\nเพิ่มเพื่อน\n";
    struct tg_boilerplate_range *ranges = NULL;
    size_t count = 0;
    ck_assert_int_eq(tg_boilerplate_find(text, strlen(text), &ranges, &count), TG_OK);
    ck_assert_uint_eq(count, 1);
    ck_assert_uint_eq(ranges[0].start, 25);
    ck_assert_uint_eq(ranges[0].end, strlen(text) - 1);
    ck_assert_uint_eq(ranges[0].cp_start, 9);
    ck_assert_uint_eq(ranges[0].cp_end, 9 + 10 + 1 + 11);
    ck_assert_int_eq(ranges[0].reason, TG_BOILERPLATE_SHARE_BUTTONS);
    free(ranges);
}
END_TEST

START_TEST(test_errors)
{
    struct tg_boilerplate_range *ranges = (void *)1;
    size_t count = 7;
    ck_assert_int_eq(tg_boilerplate_find("ab\xFF\n", 4, &ranges, &count), TG_ERR_INVALID_UTF8);
    ck_assert_int_eq(tg_boilerplate_find("x\xE0\xB8", 3, &ranges, &count), TG_ERR_INVALID_UTF8);
    ck_assert_int_eq(tg_boilerplate_find("a\0b", 3, &ranges, &count), TG_ERR_INVALID_UTF8);
    ck_assert_ptr_eq(ranges, (void *)1);
    ck_assert_uint_eq(count, 7);
    ck_assert_int_eq(tg_boilerplate_find(NULL, 1, &ranges, &count), TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_boilerplate_find("a", 1, NULL, &count), TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_boilerplate_find("a", 1, &ranges, NULL), TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_boilerplate_find("", 0, &ranges, &count), TG_OK);
    ck_assert_uint_eq(count, 0);
    ck_assert_ptr_null(ranges);
    ck_assert_int_eq(tg_boilerplate_find(NULL, 0, &ranges, &count), TG_OK);
    ck_assert_uint_eq(count, 0);
}
END_TEST

START_TEST(test_reason_names)
{
    static const char *const names[] = {
        "cookie_notice", "share_buttons",      "view_counter",    "related_headlines",
        "print_button",  "byline_placeholder", "duplicate_title", "other",
    };
    for (int r = 0; r < TG_BOILERPLATE_REASON_COUNT; r++)
        ck_assert_str_eq(tg_boilerplate_reason_name((enum tg_boilerplate_reason)r), names[r]);
    ck_assert_ptr_null(tg_boilerplate_reason_name(TG_BOILERPLATE_REASON_COUNT));
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("boilerplate");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_seed_line_marked, 0, sizeof seed_cases / sizeof *seed_cases);
    tcase_add_loop_test(tc, test_seed_rest_unmarked, 0, sizeof seeds / sizeof *seeds);
    tcase_add_loop_test(tc, test_seed_speech_unmarked, 0, sizeof seeds / sizeof *seeds);
    tcase_add_loop_test(tc, test_inline, 0, sizeof inline_cases / sizeof *inline_cases);
    tcase_add_test(tc, test_code_points_and_merging);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_reason_names);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
