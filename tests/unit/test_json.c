/*
 * Tests of http_json_dumps (issue 10: responses are written without jansson's dump): for every
 * document below the text equals what json_dumps(JSON_COMPACT | JSON_REAL_PRECISION(15)) gives,
 * byte for byte, so response bodies are unchanged (the API tests check those as served).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#include "suite.h"

#define TABLE_SIZE(t) (sizeof(t) / sizeof((t)[0]))

/* Documents as jansson reads them; loaded, then written both ways. */
static const char *const documents[] = {
    "{}",
    "[]",
    "null",
    "true",
    "false",
    "0",
    "-9223372036854775808",
    "9223372036854775807",
    "{\"a\":1,\"b\":[1,2,{}],\"c\":{\"d\":null,\"e\":[]}}",
    "{\"z\":1,\"a\":2,\"m\":3}",
    "[\"\",\"a\\\"b\",\"back\\\\slash\",\"sl/ash\",\"\\b\\f\\n\\r\\t\",\"\\u0001\\u001f\\u007f\"]",
    "[\"\\u0000 nul inside\", \"ทดสอบ <mark>ภาษาไทย</mark> & \\\"คำพูด\\\"\", \"😀 \\u2028 "
    "\\u2029\"]",
    "{\"ก\\\"ข\":\"key with a quote\",\"\\n\":\"key with a newline\"}",
    "[0.0,1.0,-1.0,0.5,1.5e300,-2.5e-300,1e21,1e-7,123456789012345.0,1234567890123456.0]",
    "[3.14159265358979,2.71828182845905,0.1,0.2,0.30000000000000004,1e+100,6.02e23]",
    "[1.97,12.5,0.001,100.0,1e15,1e16,1e-5,9.999999999999999e22]",
    "[[[[[[[[[[\"deep\"]]]]]]]]]]",
};

static void assert_same(const json_t *json)
{
    /* JSON_ENCODE_ANY only lets jansson write a scalar at the top, as responses never are. */
    char *expected = json_dumps(json, JSON_COMPACT | JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);
    size_t len = 0;
    char *got = http_json_dumps(json, &len);
    ck_assert_ptr_nonnull(expected);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, expected);
    ck_assert_uint_eq(len, strlen(expected));
    free(expected);
    free(got);
}

START_TEST(test_document)
{
    json_error_t error;
    json_t *json = json_loads(documents[_i], JSON_DECODE_ANY | JSON_ALLOW_NUL, &error);
    ck_assert_msg(json != NULL, "%s: %s", documents[_i], error.text);
    assert_same(json);
    json_decref(json);
}
END_TEST

/* Reals as the API makes them (http_score rounds), over many magnitudes. */
START_TEST(test_reals)
{
    json_t *array = json_array();
    double v = 1e-12;
    for (int i = 0; i < 400; i++, v *= 1.37)
        json_array_append_new(array, json_real(i % 2 ? v : -v));
    for (int i = 0; i < 200; i++)
        json_array_append_new(array, http_score(i * 0.0137));
    assert_same(array);
    json_decref(array);
}
END_TEST

/* Every byte value below 0x80 inside a string, and keys holding them. */
START_TEST(test_every_ascii)
{
    char text[128];
    for (int i = 0; i < 127; i++)
        text[i] = (char)(i + 1);
    text[127] = '\0';
    json_t *object = json_object();
    json_object_set_new(object, text, json_stringn(text, 127));
    json_object_set_new(object, "x", json_stringn("a\0b", 3));
    assert_same(object);
    json_decref(object);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("json");
    TCase *tc = tcase_create("json");
    tcase_add_loop_test(tc, test_document, 0, TABLE_SIZE(documents));
    tcase_add_test(tc, test_reals);
    tcase_add_test(tc, test_every_ascii);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
