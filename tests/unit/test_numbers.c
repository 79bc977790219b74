#include <check.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "thaigraph/numbers.h"
#include "thaigraph/utf8.h"
#include "suite.h"

/* A text and every number expected in it, in order, as "value@start-end" in code points. */
struct number_case {
    const char *text;
    const char *expected;
};

static const struct number_case number_cases[] = {
    {"3,910", "3910@0-5"},
    {"อ่าน : 3,910", "3910@7-12"},
    {"๔๐", "40@0-2"},
    {"รวม ๒๐๘ คน", "208@4-7"},
    {"1,234.5", "1234.5@0-7"},
    {"๑,๒๓๔", "1234@0-5"},
    {"1,234,567", "1234567@0-9"},
    {"1,000.25 บาท", "1000.25@0-8"},
    {"0.5", "0.5@0-3"},
    {"๓.๕", "3.5@0-3"},
    {"เวลา 10.00 น.", "10@5-10"},
    {"ครั้งที่ 7.", "7@9-10"},
    {"โควิด-19", "19@6-8"},
    {"ปี 2554", "2554@3-7"},
    {"22 ธ.ค. 2554", "22@0-2 2554@8-12"},
    {"30 มิ.ย. ๕๘", "30@0-2 58@9-11"},
    {"160094024314", "160094024314@0-12"},
    {"x 12 y 34", "12@2-4 34@7-9"},
    {"1234,567", "1234@0-4"},
    {"1,23", "1@0-1"},
    {"1.2.3", "1.2@0-3"},
    {"ห้อง 3 ชั้น 9", "3@5-6 9@12-13"},
    {"ราคา 25บาท", "25@5-7"},
    {"1 – 11 แห่ง", "1@0-1 11@4-6"},
    {"details/3468", "3468@8-12"},
    {"ร้อยละ 12.5%", "12.5@7-11"},
    {"A4", ""},
    {"H5N1", ""},
    {"4G", ""},
    {"COVID19", ""},
    {"3.14abc", ""},
    {"abc", ""},
    {"", ""},
    {"ไม่มีตัวเลข", ""},
};

START_TEST(test_find)
{
    const struct number_case *c = &number_cases[_i];
    size_t len = strlen(c->text), count = 99, used = 0;
    struct tg_number_match *matches = NULL;
    char found[256] = "";
    ck_assert_int_eq(tg_numbers_find(c->text, len, &matches, &count), TG_OK);
    ck_assert(count > 0 || matches == NULL);
    for (size_t i = 0; i < count; i++) {
        const struct tg_number_match *m = &matches[i];
        /* The byte span must cover exactly the code points the offsets name. */
        ck_assert_uint_eq(tg_utf8_count(c->text, m->byte_start), m->start);
        ck_assert_uint_eq(tg_utf8_count(c->text, m->byte_end), m->end);
        used += (size_t)snprintf(found + used, sizeof found - used, "%s%.15g@%zu-%zu", i ? " " : "",
                                 m->value, m->start, m->end);
        ck_assert_uint_lt(used, sizeof found);
    }
    ck_assert_str_eq(found, c->expected);
    free(matches);
}
END_TEST

struct digit_case {
    const char *text;
    int value;
    size_t width;
};

static const struct digit_case digit_cases[] = {
    {"0", 0, 1}, {"9", 9, 1}, {"๐", 0, 3}, {"๙", 9, 3}, {"ก", -1, 0}, {"a", -1, 0}, {"", -1, 0},
};

START_TEST(test_digit_at)
{
    const struct digit_case *c = &digit_cases[_i];
    size_t width = 0;
    ck_assert_int_eq(tg_numbers_digit_at(c->text, strlen(c->text), 0, &width), c->value);
    ck_assert_uint_eq(width, c->width);
}
END_TEST

START_TEST(test_errors)
{
    struct tg_number_match *matches = (struct tg_number_match *)1;
    size_t count = 99;
    ck_assert_int_eq(tg_numbers_find("12 \xFF", 4, &matches, &count), TG_ERR_INVALID_UTF8);
    ck_assert_ptr_null(matches);
    ck_assert_uint_eq(count, 0);
    ck_assert_int_eq(tg_numbers_find("\xE0\xB9", 2, &matches, &count), TG_ERR_INVALID_UTF8);
    ck_assert_int_eq(tg_numbers_find("", 0, &matches, &count), TG_OK);
    ck_assert_uint_eq(count, 0);
    ck_assert_int_eq(tg_numbers_find(NULL, 2, &matches, &count), TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_numbers_find("12", 2, NULL, &count), TG_ERR_INVALID_ARGUMENT);
}
END_TEST

/* Megabyte lines are checked in test_dates.c, which runs both finders over the same text. */

int main(void)
{
    Suite *suite = suite_create("numbers");
    TCase *tc = tcase_create("numbers");
    tcase_add_loop_test(tc, test_find, 0, (int)(sizeof number_cases / sizeof number_cases[0]));
    tcase_add_loop_test(tc, test_digit_at, 0, (int)(sizeof digit_cases / sizeof digit_cases[0]));
    tcase_add_test(tc, test_errors);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
