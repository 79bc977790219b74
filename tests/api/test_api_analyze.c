/* GET /v1/analyze and `thaigraph analyze` return the same reading of a text (issue #3). */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "suite.h"

static struct tgt_seeded fixture;

static void start_daemon(void)
{
    tgt_seeded_start(&fixture);
}

static void stop_daemon(void)
{
    tgt_seeded_stop(&fixture);
}

static json_t *analyze(const char *text, const char *extra_query)
{
    char *escaped = tgt_url_escape(text);
    size_t size = strlen(escaped) + 64;
    char *path = malloc(size);
    snprintf(path, size, "/v1/analyze?text=%s%s", escaped, extra_query);
    json_t *body = tgt_get_json(&fixture.daemon, path, 200, TGT_JSON);
    free(path);
    free(escaped);
    return body;
}

struct token_case {
    const char *text;
    const char *tokens; /* expected token texts joined by | */
};

static const struct token_case token_cases[] = {
    {"พม.ร่วมกับ สสส.", "พม.|ร่วม|กับ|สสส."},
    {"รมว.พม. แนะ พมจ.ทั่วประเทศ", "รมว.|พม.|แนะ|พมจ.|ทั่ว|ประเทศ"},
    {"ใน7วัน", "ใน|7|วัน"},
    {"Leadership Program", "Leadership|Program"},
};

START_TEST(test_tokens)
{
    const struct token_case *c = &token_cases[_i];
    json_t *body = analyze(c->text, "");
    json_t *tokens = json_object_get(body, "tokens");
    char joined[512] = "";
    for (size_t i = 0; i < json_array_size(tokens); i++) {
        if (i)
            strcat(joined, "|");
        strcat(joined, json_string_value(json_object_get(json_array_get(tokens, i), "text")));
    }
    ck_assert_str_eq(joined, c->tokens);
    json_decref(body);
}
END_TEST

struct mention_case {
    const char *text;
    const char *query;
    const char *type;
    const char *value;
    long long start, end;
};

static const struct mention_case mention_cases[] = {
    {"มีผู้เข้าร่วม ๔๐ คน", "", "number", "40", 14, 16},
    {"อ่าน : 3,910", "", "number", "3910", 7, 12},
    {"เมื่อวันที่ 30 มิ.ย. 58 ที่ห้องประชุม", "", "date", "2015-06-30", 12, 23},
    {"กรุงเทพฯ--22 ธ.ค.--พม.", "&year=2011", "date", "2011-12-22", 10, 17},
    {"ระหว่างเดือนมกราคมถึงกันยายน ๒๕๕๕", "", "date", "2012-01/2012-09", 12, 33},
};

START_TEST(test_mentions)
{
    const struct mention_case *c = &mention_cases[_i];
    json_t *body = analyze(c->text, c->query);
    json_t *mentions = json_object_get(body, "mentions");
    ck_assert_uint_eq(json_array_size(mentions), 1);
    json_t *m = json_array_get(mentions, 0);
    ck_assert_str_eq(json_string_value(json_object_get(m, "type")), c->type);
    ck_assert_str_eq(json_string_value(json_object_get(m, "value")), c->value);
    ck_assert_int_eq(json_integer_value(json_object_get(m, "start")), c->start);
    ck_assert_int_eq(json_integer_value(json_object_get(m, "end")), c->end);
    ck_assert(json_is_null(json_object_get(m, "entity_id")));
    json_decref(body);
}
END_TEST

START_TEST(test_same_object_as_cli)
{
    static const char text[] = "เมื่อวันที่ 30 มิ.ย. 58 พม.ร่วมกับ สสส. มีผู้เข้าร่วม ๔๐ คน";
    char *input = tgt_path(fixture.workdir, "input.txt");
    tgt_write_file(input, text, sizeof text - 1);
    const char *argv[] = {tgt_env("THAIGRAPH_BIN"), "analyze", NULL};
    char *out = NULL;
    ck_assert_int_eq(tgt_run_with_input(argv, input, &out, NULL), 0);
    json_t *from_cli = json_loads(out, 0, NULL);
    json_t *from_api = analyze(text, "");
    ck_assert_ptr_nonnull(from_cli);
    ck_assert(json_equal(from_cli, from_api));
    json_decref(from_cli);
    json_decref(from_api);
    free(out);
    free(input);
}
END_TEST

/* POSTs body with content type to /v1/analyze, returning the status; *json gets the body. */
static long post(const char *content_type, const char *body, size_t len, json_t **json)
{
    char url[128], header[128];
    snprintf(url, sizeof url, "%s/v1/analyze", fixture.daemon.base_url);
    snprintf(header, sizeof header, "Content-Type: %s", content_type);
    const char *headers[] = {header, NULL};
    struct tgt_response r;
    tgt_http_body("POST", url, headers, body, len, &r);
    long status = r.status;
    *json = json_loads(r.body, 0, NULL);
    ck_assert_msg(*json != NULL, "POST answered %ld without a JSON body", status);
    tgt_response_free(&r);
    return status;
}

/* A text of n copies of a character. */
static char *repeated(const char *ch, size_t n)
{
    size_t len = strlen(ch);
    char *text = malloc(n * len + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * len, ch, len);
    text[n * len] = '\0';
    return text;
}

/* issue 11: the documented 4,096 characters are reachable (as a POST body; a URL that long is
 * past the daemon's target limit and gets a 414 problem, not bare HTML). */
START_TEST(test_long_text_by_post)
{
    json_t *body = NULL;
    /* 4,096 four-byte characters, as text and as JSON. */
    char *text = repeated("\xF0\x9F\x98\x80", 4096);
    ck_assert_int_eq(post("text/plain; charset=utf-8", text, strlen(text), &body), 200);
    ck_assert_uint_eq(json_array_size(json_object_get(body, "tokens")) > 0, 1);
    json_decref(body);
    json_t *doc = json_pack("{s:s, s:i}", "text", text, "year", 2015);
    char *encoded = json_dumps(doc, JSON_ENSURE_ASCII);
    ck_assert_int_eq(post("application/json", encoded, strlen(encoded), &body), 200);
    json_decref(body);
    free(encoded);
    json_decref(doc);
    free(text);
    text = repeated("\xE0\xB8\x81", 4097);
    ck_assert_int_eq(post("text/plain", text, strlen(text), &body), 400);
    ck_assert_str_eq(json_string_value(json_object_get(body, "parameter")), "text");
    json_decref(body);
    free(text);
    ck_assert_int_eq(post("application/json", "[1]", 3, &body), 400);
    json_decref(body);
    ck_assert_int_eq(post("application/x-www-form-urlencoded", "text=a", 6, &body), 400);
    ck_assert_str_eq(json_string_value(json_object_get(body, "parameter")), "Content-Type");
    json_decref(body);
}
END_TEST

START_TEST(test_errors)
{
    char *long_text = malloc(4097 * 9 + 64);
    strcpy(long_text, "/v1/analyze?text=");
    for (int i = 0; i < 4097; i++)
        strcat(long_text, "%E0%B8%81");
    tgt_assert_problem(&fixture.daemon, long_text, 414, NULL);
    /* The longest text a URL carries within the target limit is accepted. */
    long_text[1700 * 9 + 17] = '\0';
    json_decref(tgt_get_json(&fixture.daemon, long_text, 200, TGT_JSON));
    free(long_text);
    tgt_assert_problem(&fixture.daemon, "/v1/analyze", 400, "text");
    tgt_assert_problem(&fixture.daemon, "/v1/analyze?text=", 400, "text");
    tgt_assert_problem(&fixture.daemon, "/v1/analyze?text=%FF%FE", 400, "text");
    tgt_assert_problem(&fixture.daemon, "/v1/analyze?text=abc&year=2554x", 400, "year");
    tgt_assert_problem(&fixture.daemon, "/v1/analyze?text=abc&year=2554", 400, "year");
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("api_analyze");
    TCase *tc = tcase_create("analyze");
    tcase_set_timeout(tc, 60);
    tcase_add_unchecked_fixture(tc, start_daemon, stop_daemon);
    tcase_add_loop_test(tc, test_tokens, 0, (int)(sizeof token_cases / sizeof token_cases[0]));
    tcase_add_loop_test(tc, test_mentions, 0,
                        (int)(sizeof mention_cases / sizeof mention_cases[0]));
    tcase_add_test(tc, test_same_object_as_cli);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_long_text_by_post);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
