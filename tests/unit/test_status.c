#include <check.h>
#include <string.h>

#include "thaigraph/status.h"
#include "suite.h"

struct status_case {
    enum tg_status status;
    const char *name;
    unsigned http_code;
};

static const struct status_case cases[] = {
    {TG_OK, "ok", 200},
    {TG_ERR_BAD_PARAMETER, "bad_parameter", 400},
    {TG_ERR_NOT_FOUND, "not_found", 404},
    {TG_ERR_METHOD, "method_not_allowed", 405},
    {TG_ERR_AMBIGUOUS, "ambiguous", 422}, /* issue 12: no 3xx from the API */
    {TG_ERR_INVALID_UTF8, "invalid_utf8", 400},
    {TG_ERR_DB_VERSION, "database_version", 500},
    {TG_ERR_UNAVAILABLE, "unavailable", 503},
    /* issue 11: limits answer with their own codes */
    {TG_ERR_URI_TOO_LONG, "uri_too_long", 414},
    {TG_ERR_BODY_TOO_LARGE, "body_too_large", 413},
    {TG_ERR_OVERLOADED, "overloaded", 503},
    /* Out-of-range values must not index past the table. */
    {(enum tg_status)999, "internal_error", 500},
};

START_TEST(test_status_table)
{
    const struct status_case *c = &cases[_i];
    ck_assert_str_eq(tg_status_name(c->status), c->name);
    ck_assert_uint_eq(tg_status_http_code(c->status), c->http_code);
    ck_assert_ptr_nonnull(tg_status_title(c->status));
}
END_TEST

START_TEST(test_every_status_has_distinct_name)
{
    for (int a = 0; a < TG_STATUS_COUNT; a++) {
        ck_assert_ptr_nonnull(tg_status_name((enum tg_status)a));
        for (int b = a + 1; b < TG_STATUS_COUNT; b++)
            ck_assert_str_ne(tg_status_name((enum tg_status)a), tg_status_name((enum tg_status)b));
    }
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("status");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, test_status_table, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_every_status_has_distinct_name);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
