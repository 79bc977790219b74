#include <check.h>
#include <string.h>

#include "thaigraph/utf8.h"
#include "suite.h"

struct validate_case {
    const char *bytes;
    size_t len;
    enum tg_status expected;
    size_t bad_offset;
};

static const struct validate_case validate_cases[] = {
    {"", 0, TG_OK, 0},
    {"abc", 3, TG_OK, 0},
    {"พม.", 7, TG_OK, 0},
    {"\xF0\x9F\x98\xB0", 4, TG_OK, 0},               /* U+1F630 */
    {"ab\xFF", 3, TG_ERR_INVALID_UTF8, 2},           /* never valid */
    {"\xC0\xAF", 2, TG_ERR_INVALID_UTF8, 0},         /* overlong '/' */
    {"\xE0\x80\xAF", 3, TG_ERR_INVALID_UTF8, 0},     /* overlong three-byte */
    {"\xED\xA0\x80", 3, TG_ERR_INVALID_UTF8, 0},     /* surrogate U+D800 */
    {"\xF4\x90\x80\x80", 4, TG_ERR_INVALID_UTF8, 0}, /* past U+10FFFF */
    {"x\xE0\xB8", 3, TG_ERR_INVALID_UTF8, 1},        /* truncated Thai letter */
    {"\xE0\xB8\x81\x80", 4, TG_ERR_INVALID_UTF8, 3}, /* stray continuation byte */
};

START_TEST(test_validate)
{
    const struct validate_case *c = &validate_cases[_i];
    size_t bad = 12345;
    ck_assert_int_eq(tg_utf8_validate(c->bytes, c->len, &bad), c->expected);
    if (c->expected != TG_OK)
        ck_assert_uint_eq(bad, c->bad_offset);
}
END_TEST

START_TEST(test_count_and_offsets)
{
    const char *text = "ก1ข"; /* 3 code points, 7 bytes */
    size_t len = strlen(text);
    ck_assert_uint_eq(tg_utf8_count(text, len), 3);
    ck_assert_uint_eq(tg_utf8_offset_of(text, len, 0), 0);
    ck_assert_uint_eq(tg_utf8_offset_of(text, len, 1), 3);
    ck_assert_uint_eq(tg_utf8_offset_of(text, len, 2), 4);
    ck_assert_uint_eq(tg_utf8_offset_of(text, len, 3), len);
    size_t pos = 0;
    ck_assert_uint_eq(tg_utf8_next(text, len, &pos), 0x0E01);
    ck_assert_uint_eq(tg_utf8_next(text, len, &pos), '1');
    ck_assert_uint_eq(tg_utf8_next(text, len, &pos), 0x0E02);
    ck_assert_uint_eq(pos, len);
}
END_TEST

START_TEST(test_has_nul)
{
    ck_assert(!tg_utf8_has_nul("abc", 3));
    ck_assert(tg_utf8_has_nul("a\0c", 3));
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("utf8");
    TCase *tc = tcase_create("utf8");
    tcase_add_loop_test(tc, test_validate, 0,
                        (int)(sizeof validate_cases / sizeof validate_cases[0]));
    tcase_add_test(tc, test_count_and_offsets);
    tcase_add_test(tc, test_has_nul);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
