/* The documents endpoints, health, errors and HTTP semantics, against a real thaigraphd on the
 * seed corpus (issue #2). */
#include <check.h>
#include <jansson.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static json_t *get_json(const char *path, long status, const char *content_type)
{
    return tgt_get_json(&fixture.daemon, path, status, content_type);
}

static void assert_problem(const char *path, long status, const char *parameter)
{
    tgt_assert_problem(&fixture.daemon, path, status, parameter);
}

START_TEST(test_health)
{
    json_t *body = get_json("/healthz", 200, TGT_JSON);
    ck_assert_str_eq(json_string_value(json_object_get(body, "status")), "ok");
    ck_assert_int_eq(json_integer_value(json_object_get(body, "documents")), 5);
    ck_assert_int_eq(json_integer_value(json_object_get(body, "generation")), 1);
    ck_assert(json_is_string(json_object_get(body, "loaded_at")));
    json_decref(body);
}
END_TEST

static const char *const seed_ids[] = {
    "000_2304adfd9e82273a", "001_728345b0fb86cf7d", "002_4301d2a2d545386e",
    "003_5d58ccc2649354b1", "004_6bbdc058e895814a",
};

START_TEST(test_list_all_seeds)
{
    json_t *body = get_json("/v1/documents", 200, TGT_JSON);
    json_t *items = json_object_get(body, "items");
    ck_assert_uint_eq(json_array_size(items), 5);
    ck_assert_int_eq(json_integer_value(json_object_get(body, "total")), 5);
    ck_assert(json_is_null(json_object_get(body, "next_cursor")));
    for (size_t i = 0; i < 5; i++) {
        json_t *item = json_array_get(items, i);
        ck_assert_str_eq(json_string_value(json_object_get(item, "id")), seed_ids[i]);
        ck_assert(json_string_length(json_object_get(item, "title")) > 0);
        ck_assert(json_integer_value(json_object_get(item, "length")) > 1000);
        ck_assert_ptr_null(json_object_get(item, "text"));
    }
    json_decref(body);
}
END_TEST

/* What each seed says about itself, read off the articles by hand. */
struct seed_meta {
    const char *id;
    const char *title;
    const char *published; /* NULL: the article states no publication date */
    const char *source;
    const char *url;
};

static const struct seed_meta seed_metas[] = {
    {"000_2304adfd9e82273a", "พม.จับมือ สสส. จัดประชุมหารือผู้บริหารระดับสูง (High Level Meeting)",
     "2011-12-22", "ThaiPR.net", NULL},
    {"001_728345b0fb86cf7d", "พม.ร่วมกับ สสส. แลกเปลี่ยนสร้างกลไกพัฒนาสังคม", NULL, "สำนักข่าวสร้างสุข", NULL},
    {"002_4301d2a2d545386e", "พม. จับมือ สสส. พัฒนาเด็กในชุมชน", NULL, "เว็บไซต์ไอเอ็นเอ็นนิวส์", NULL},
    {"003_5d58ccc2649354b1", "ปลัด พม. เป็นประธานประชุมการขับเคลื่อนนโยบายด้านการพัฒนาสังคมระดับพื้นที่",
     "2017-05-02", "www.thaigov.go.th", "http://www.thaigov.go.th/news/contents/details/3468"},
    {"004_6bbdc058e895814a", "รมว.พม. แนะ พมจ.ทั่วประเทศ ดึง One Team จังหวัด แก้ปัญหาระดับพื้นที่",
     "2020-09-24", NULL, NULL},
};

static void assert_optional_string(json_t *object, const char *key, const char *expected)
{
    json_t *value = json_object_get(object, key);
    ck_assert_msg(value != NULL, "field %s missing", key);
    if (expected)
        ck_assert_str_eq(json_string_value(value), expected);
    else
        ck_assert_msg(json_is_null(value), "field %s should be null", key);
}

START_TEST(test_document_metadata)
{
    const struct seed_meta *m = &seed_metas[_i];
    char path[128];
    snprintf(path, sizeof path, "/v1/documents/%s", m->id);
    json_t *body = get_json(path, 200, TGT_JSON);
    ck_assert_str_eq(json_string_value(json_object_get(body, "id")), m->id);
    ck_assert_str_eq(json_string_value(json_object_get(body, "title")), m->title);
    assert_optional_string(body, "published", m->published);
    assert_optional_string(body, "date_precision", m->published ? "day" : NULL);
    assert_optional_string(body, "source", m->source);
    assert_optional_string(body, "url", m->url);

    /* The text is served exactly as ingested. */
    char file[256];
    snprintf(file, sizeof file, "%s/%s.txt", tgt_env("TG_SEEDS_DIR"), m->id);
    size_t len = 0;
    char *original = tgt_read_file(file, &len);
    ck_assert_ptr_nonnull(original);
    ck_assert_str_eq(json_string_value(json_object_get(body, "text")), original);
    size_t code_points = 0;
    for (size_t i = 0; i < len; i++)
        code_points += ((unsigned char)original[i] & 0xC0) != 0x80;
    ck_assert_int_eq(json_integer_value(json_object_get(body, "length")), (long long)code_points);
    free(original);
    json_decref(body);
}
END_TEST

START_TEST(test_paging_with_cursor)
{
    char path[256] = "/v1/documents?limit=2";
    size_t seen = 0;
    for (int page = 0; page < 3; page++) {
        json_t *body = get_json(path, 200, TGT_JSON);
        json_t *items = json_object_get(body, "items");
        ck_assert_uint_eq(json_array_size(items), page < 2 ? 2 : 1);
        ck_assert_int_eq(json_integer_value(json_object_get(body, "total")), 5);
        for (size_t i = 0; i < json_array_size(items); i++)
            ck_assert_str_eq(json_string_value(json_object_get(json_array_get(items, i), "id")),
                             seed_ids[seen++]);
        json_t *cursor = json_object_get(body, "next_cursor");
        if (page < 2) {
            ck_assert(json_is_string(cursor));
            snprintf(path, sizeof path, "/v1/documents?limit=2&cursor=%s",
                     json_string_value(cursor));
        } else {
            ck_assert(json_is_null(cursor));
        }
        json_decref(body);
    }
    ck_assert_uint_eq(seen, 5);
}
END_TEST

struct filter_case {
    const char *query;
    size_t expected_count;
    const char *first_id;
};

static const struct filter_case filter_cases[] = {
    {"from=2017", 2, "003_5d58ccc2649354b1"},
    {"from=2012-01-01&to=2018", 1, "003_5d58ccc2649354b1"},
    {"to=2011-12", 1, "000_2304adfd9e82273a"},
    {"source=thaipr.net", 1, "000_2304adfd9e82273a"},
    {"from=2030", 0, NULL},
};

START_TEST(test_filters)
{
    const struct filter_case *c = &filter_cases[_i];
    char path[256];
    snprintf(path, sizeof path, "/v1/documents?%s", c->query);
    json_t *body = get_json(path, 200, TGT_JSON);
    json_t *items = json_object_get(body, "items");
    ck_assert_uint_eq(json_array_size(items), c->expected_count);
    ck_assert_int_eq(json_integer_value(json_object_get(body, "total")),
                     (long long)c->expected_count);
    if (c->first_id)
        ck_assert_str_eq(json_string_value(json_object_get(json_array_get(items, 0), "id")),
                         c->first_id);
    json_decref(body);
}
END_TEST

struct error_case {
    const char *path;
    long status;
    const char *parameter;
};

static const struct error_case error_cases[] = {
    {"/v1/documents/no_such_document", 404, NULL},
    {"/v1/documents?limit=0", 400, "limit"},
    {"/v1/documents?limit=101", 400, "limit"},
    {"/v1/documents?limit=ten", 400, "limit"},
    {"/v1/documents?limit=", 400, "limit"},
    {"/v1/documents?cursor=*not-base64*", 400, "cursor"},
    {"/v1/documents?from=2015-13", 400, "from"},
    {"/v1/documents?to=2015-02-30", 400, "to"},
    {"/v1/documents?from=yesterday", 400, "from"},
    {"/v2/documents", 404, NULL},
    {"/v1/documents/", 404, NULL},
    /* issue 13: "/" is the explorer page now; an unknown page beside it is still a 404. */
    {"/index.html", 404, NULL},
};

START_TEST(test_errors)
{
    assert_problem(error_cases[_i].path, error_cases[_i].status, error_cases[_i].parameter);
}
END_TEST

START_TEST(test_wrong_method)
{
    static const char *const methods[] = {"POST", "PUT", "DELETE", "PATCH"};
    char url[256];
    snprintf(url, sizeof url, "%s/v1/documents", fixture.daemon.base_url);
    for (size_t i = 0; i < 4; i++) {
        struct tgt_response r;
        tgt_http(methods[i], url, NULL, &r);
        ck_assert_int_eq(r.status, 405);
        char *allow = tgt_header(&r, "Allow");
        ck_assert_ptr_nonnull(allow);
        ck_assert_str_eq(allow, "GET, HEAD, OPTIONS");
        char *type = tgt_header(&r, "Content-Type");
        ck_assert_str_eq(type, TGT_PROBLEM);
        ck_assert_ptr_nonnull(strstr(r.body, "\"status\":405"));
        free(type);
        free(allow);
        tgt_response_free(&r);
    }
}
END_TEST

START_TEST(test_etag_and_not_modified)
{
    char url[256];
    snprintf(url, sizeof url, "%s/v1/documents/001_728345b0fb86cf7d", fixture.daemon.base_url);
    struct tgt_response first;
    tgt_http("GET", url, NULL, &first);
    ck_assert_int_eq(first.status, 200);
    char *etag = tgt_header(&first, "ETag");
    ck_assert_ptr_nonnull(etag);
    ck_assert_msg(etag[0] == '"', "strong ETag expected, got %s", etag);

    char header[160];
    snprintf(header, sizeof header, "If-None-Match: %s", etag);
    const char *headers[] = {header, NULL};
    struct tgt_response second;
    tgt_http("GET", url, headers, &second);
    ck_assert_int_eq(second.status, 304);
    ck_assert_uint_eq(second.body_len, 0);
    char *etag_again = tgt_header(&second, "ETag");
    ck_assert_str_eq(etag_again, etag);

    /* Another URL has another tag, so the old one does not match it. */
    char other[256];
    snprintf(other, sizeof other, "%s/v1/documents/002_4301d2a2d545386e", fixture.daemon.base_url);
    struct tgt_response third;
    tgt_http("GET", other, headers, &third);
    ck_assert_int_eq(third.status, 200);
    char *other_etag = tgt_header(&third, "ETag");
    ck_assert_str_ne(other_etag, etag);

    free(other_etag);
    free(etag_again);
    free(etag);
    tgt_response_free(&first);
    tgt_response_free(&second);
    tgt_response_free(&third);
}
END_TEST

START_TEST(test_head_and_options)
{
    char url[256];
    snprintf(url, sizeof url, "%s/v1/documents", fixture.daemon.base_url);
    struct tgt_response get, head, options;
    tgt_http("GET", url, NULL, &get);
    tgt_http("HEAD", url, NULL, &head);
    ck_assert_int_eq(head.status, 200);
    ck_assert_uint_eq(head.body_len, 0);
    char *get_length = tgt_header(&get, "Content-Length");
    char *head_length = tgt_header(&head, "Content-Length");
    ck_assert_str_eq(head_length, get_length);

    tgt_http("OPTIONS", url, NULL, &options);
    ck_assert_int_eq(options.status, 204);
    char *origin = tgt_header(&options, "Access-Control-Allow-Origin");
    char *methods = tgt_header(&options, "Access-Control-Allow-Methods");
    ck_assert_str_eq(origin, "*");
    ck_assert_str_eq(methods, "GET, HEAD, OPTIONS");
    char *get_origin = tgt_header(&get, "Access-Control-Allow-Origin");
    ck_assert_str_eq(get_origin, "*");

    free(get_origin);
    free(methods);
    free(origin);
    free(head_length);
    free(get_length);
    tgt_response_free(&get);
    tgt_response_free(&head);
    tgt_response_free(&options);
}
END_TEST

/* SIGHUP swaps in the re-ingested file while serving; the generation moves on. */
START_TEST(test_reload_on_sighup)
{
    char *extra_dir = tgt_path(fixture.workdir, "more");
    ck_assert_int_eq(mkdir(extra_dir, 0700), 0);
    char *article = tgt_path(extra_dir, "extra_article.txt");
    static const char text[] = "ข่าวเพิ่มเติม\n\nวันพุธที่ 26 สิงหาคม 2563\n\nเนื้อหาข่าว\n";
    tgt_write_file(article, text, sizeof text - 1);
    tgt_ingest(&fixture, extra_dir);
    tgt_daemon_signal(&fixture.daemon, SIGHUP);
    long long documents = 0;
    for (int attempt = 0; attempt < 100 && documents != 6; attempt++) {
        json_t *body = get_json("/healthz", 200, TGT_JSON);
        documents = json_integer_value(json_object_get(body, "documents"));
        if (documents == 6)
            ck_assert_int_eq(json_integer_value(json_object_get(body, "generation")), 2);
        json_decref(body);
        usleep(50000);
    }
    ck_assert_int_eq(documents, 6);
    json_t *doc = get_json("/v1/documents/extra_article", 200, TGT_JSON);
    ck_assert_str_eq(json_string_value(json_object_get(doc, "published")), "2020-08-26");
    json_decref(doc);
    free(article);
    free(extra_dir);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("api_documents");
    TCase *tc = tcase_create("documents");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, start_daemon, stop_daemon);
    tcase_add_test(tc, test_health);
    tcase_add_test(tc, test_list_all_seeds);
    tcase_add_loop_test(tc, test_document_metadata, 0,
                        (int)(sizeof seed_metas / sizeof seed_metas[0]));
    tcase_add_test(tc, test_paging_with_cursor);
    tcase_add_loop_test(tc, test_filters, 0, (int)(sizeof filter_cases / sizeof filter_cases[0]));
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof error_cases / sizeof error_cases[0]));
    tcase_add_test(tc, test_wrong_method);
    tcase_add_test(tc, test_etag_and_not_modified);
    tcase_add_test(tc, test_head_and_options);
    tcase_add_test(tc, test_reload_on_sighup);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
