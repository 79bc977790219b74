/* tg_analyze: the tokens-and-mentions object behind `thaigraph analyze` and /v1/analyze. */
#include <check.h>
#include <jansson.h>
#include <string.h>

#include "thaigraph/analyze.h"
#include "suite.h"

static struct tg_text_segmenter *segmenter;

static void setup(void)
{
    ck_assert_int_eq(tg_text_segmenter_new(TG_TEXT_FULL, &segmenter), TG_OK);
}

static void teardown(void)
{
    tg_text_segmenter_free(segmenter);
}

struct analyze_case {
    const char *text;
    int year;
    size_t tokens;
    const char *mentions; /* "type=value@start-end" joined by ";" */
};

static const struct analyze_case cases[] = {
    {"", 0, 0, ""},
    {"   ", 0, 0, ""},
    {"พม.ร่วมกับ สสส.", 0, 4, ""},
    {"๔๐ คน", 0, 2, "number=40@0-2"},
    {"3,910 ครั้ง 1,234.5 บาท", 0, 4, "number=3910@0-5;number=1234.5@12-19"},
    /* The digits of a date belong to the date, not to number mentions. */
    {"30 มิ.ย. 58", 0, 3, "date=2015-06-30@0-11"},
    {"22 ธ.ค.", 0, 2, "number=22@0-2"},
    {"22 ธ.ค.", 2011, 2, "date=2011-12-22@0-7"},
    {"ตั้งแต่ปี 2554 จำนวน 160 คน", 0, 6, "date=2011@10-14;number=160@21-24"},
    {"Thursday December 22, 2011", 0, 5, "date=2011-12-22@9-26"},
};

START_TEST(test_analyze)
{
    const struct analyze_case *c = &cases[_i];
    json_t *out = NULL;
    ck_assert_int_eq(tg_analyze_text(segmenter, c->text, strlen(c->text), c->year, &out), TG_OK);
    ck_assert_uint_eq(json_array_size(json_object_get(out, "tokens")), c->tokens);
    char got[512] = "";
    json_t *mentions = json_object_get(out, "mentions");
    for (size_t i = 0; i < json_array_size(mentions); i++) {
        json_t *m = json_array_get(mentions, i);
        char one[128];
        snprintf(one, sizeof one, "%s%s=%s@%lld-%lld", i ? ";" : "",
                 json_string_value(json_object_get(m, "type")),
                 json_string_value(json_object_get(m, "value")),
                 json_integer_value(json_object_get(m, "start")),
                 json_integer_value(json_object_get(m, "end")));
        strcat(got, one);
    }
    ck_assert_str_eq(got, c->mentions);
    json_decref(out);
}
END_TEST

START_TEST(test_invalid_utf8)
{
    json_t *out = NULL;
    ck_assert_int_eq(tg_analyze_text(segmenter, "ab\xff", 3, 0, &out), TG_ERR_INVALID_UTF8);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(tg_analyze_text_on_thread("\xe0\xb8", 2, 0, &out), TG_ERR_INVALID_UTF8);
}
END_TEST

START_TEST(test_thread_segmenter_matches_callers)
{
    static const char text[] = "รมว.พม. แนะ พมจ.ทั่วประเทศ ๒๔ ก.ย. ๖๓";
    json_t *a = NULL, *b = NULL;
    ck_assert_int_eq(tg_analyze_text(segmenter, text, sizeof text - 1, 0, &a), TG_OK);
    ck_assert_int_eq(tg_analyze_text_on_thread(text, sizeof text - 1, 0, &b), TG_OK);
    ck_assert(json_equal(a, b));
    json_decref(a);
    json_decref(b);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("analyze");
    TCase *tc = tcase_create("analyze");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_analyze, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_invalid_utf8);
    tcase_add_test(tc, test_thread_segmenter_matches_callers);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
