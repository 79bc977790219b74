/* Service routes and transport: /metrics, /openapi.yaml, gzip (issue #5); discovery, caching,
 * 304 and CORS (issue 12). */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

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

static void get(const char *path, const char *const *headers, struct tgt_response *r)
{
    char url[512];
    snprintf(url, sizeof url, "%s%s", fixture.daemon.base_url, path);
    tgt_http("GET", url, headers, r);
}

static void assert_header(const struct tgt_response *r, const char *name, const char *value)
{
    char *got = tgt_header(r, name);
    if (value)
        ck_assert_msg(got && strcmp(got, value) == 0, "%s is %s, wanted %s", name,
                      got ? got : "(none)", value);
    else
        ck_assert_msg(got == NULL, "%s is %s, wanted none", name, got);
    free(got);
}

START_TEST(test_metrics_count_requests)
{
    struct tgt_response r;
    get("/v1/documents", NULL, &r);
    tgt_response_free(&r);
    get("/v1/documents/none", NULL, &r);
    tgt_response_free(&r);
    get("/nowhere", NULL, &r);
    tgt_response_free(&r);
    get("/metrics", NULL, &r);
    ck_assert_int_eq(r.status, 200);
    assert_header(&r, "Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    static const char *const expected[] = {
        "# TYPE thaigraph_http_requests_total counter\n",
        "thaigraph_http_requests_total{route=\"documents\",code=\"200\"} 1\n",
        "thaigraph_http_requests_total{route=\"document\",code=\"404\"} 1\n",
        "thaigraph_http_requests_total{route=\"unmatched\",code=\"404\"} 1\n",
        "# TYPE thaigraph_http_request_duration_seconds histogram\n",
        "thaigraph_http_request_duration_seconds_count{route=\"documents\"} 1\n",
        "thaigraph_http_request_duration_seconds_bucket{route=\"documents\",le=\"+Inf\"} 1\n",
        "thaigraph_documents 5\n",
        "thaigraph_generation 1\n",
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        ck_assert_msg(strstr(r.body, expected[i]) != NULL, "metrics lack %s", expected[i]);
    tgt_response_free(&r);
}
END_TEST

START_TEST(test_openapi_is_served)
{
    struct tgt_response r;
    get("/openapi.yaml", NULL, &r);
    ck_assert_int_eq(r.status, 200);
    assert_header(&r, "Content-Type", "application/yaml; charset=utf-8");
    ck_assert(strncmp(r.body, "openapi: 3.1.0\n", 15) == 0);
    ck_assert_ptr_nonnull(strstr(r.body, "  /v1/documents/{id}:\n"));
    tgt_response_free(&r);
}
END_TEST

static char *gunzip(const char *bytes, size_t len, size_t *out_len)
{
    size_t cap = len * 20 + 1024;
    char *out = malloc(cap);
    z_stream z = {0};
    ck_assert_int_eq(inflateInit2(&z, 15 + 16), Z_OK);
    z.next_in = (unsigned char *)bytes;
    z.avail_in = (uInt)len;
    z.next_out = (unsigned char *)out;
    z.avail_out = (uInt)cap;
    ck_assert_int_eq(inflate(&z, Z_FINISH), Z_STREAM_END);
    *out_len = z.total_out;
    inflateEnd(&z);
    return out;
}

START_TEST(test_gzip_when_accepted)
{
    const char *path = "/v1/documents/000_2304adfd9e82273a";
    const char *gzip[] = {"Accept-Encoding: gzip, deflate", NULL};
    struct tgt_response plain, packed;
    get(path, NULL, &plain);
    get(path, gzip, &packed);
    ck_assert_int_eq(packed.status, 200);
    assert_header(&plain, "Content-Encoding", NULL);
    assert_header(&packed, "Content-Encoding", "gzip");
    assert_header(&packed, "Vary", "Accept-Encoding, Accept");
    ck_assert_uint_lt(packed.body_len, plain.body_len);
    /* Asked again, each representation comes from the snapshot's memo, byte for byte. */
    struct tgt_response plain_again, packed_again;
    get(path, NULL, &plain_again);
    get(path, gzip, &packed_again);
    ck_assert_uint_eq(plain_again.body_len, plain.body_len);
    ck_assert(memcmp(plain_again.body, plain.body, plain.body_len) == 0);
    ck_assert_uint_eq(packed_again.body_len, packed.body_len);
    ck_assert(memcmp(packed_again.body, packed.body, packed.body_len) == 0);
    assert_header(&packed_again, "Content-Encoding", "gzip");
    tgt_response_free(&plain_again);
    tgt_response_free(&packed_again);
    size_t len = 0;
    char *unpacked = gunzip(packed.body, packed.body_len, &len);
    ck_assert_uint_eq(len, plain.body_len);
    ck_assert(memcmp(unpacked, plain.body, len) == 0);

    /* Each representation has its own strong tag, and either revalidates. */
    char *plain_tag = tgt_header(&plain, "ETag");
    char *packed_tag = tgt_header(&packed, "ETag");
    ck_assert_str_ne(plain_tag, packed_tag);
    ck_assert_ptr_nonnull(strstr(packed_tag, "-gz\""));
    char header[160];
    snprintf(header, sizeof header, "If-None-Match: %s", packed_tag);
    const char *conditional[] = {header, "Accept-Encoding: gzip", NULL};
    struct tgt_response again;
    get(path, conditional, &again);
    ck_assert_int_eq(again.status, 304);

    free(unpacked);
    free(plain_tag);
    free(packed_tag);
    tgt_response_free(&again);
    tgt_response_free(&plain);
    tgt_response_free(&packed);
}
END_TEST

struct encoding_case {
    const char *path;
    const char *accept;
    const char *expected;
};

static const struct encoding_case encoding_cases[] = {
    {"/v1/documents", "Accept-Encoding: gzip;q=0", NULL},
    {"/v1/documents", "Accept-Encoding: gzip;q=0.000, identity", NULL},
    {"/v1/documents", "Accept-Encoding: gzip;q=0.5", "gzip"},
    {"/v1/documents", "Accept-Encoding: br", NULL},
    /* Too small to be worth compressing. */
    {"/healthz", "Accept-Encoding: gzip", NULL},
};

START_TEST(test_encoding_negotiation)
{
    const struct encoding_case *c = &encoding_cases[_i];
    const char *headers[] = {c->accept, NULL};
    struct tgt_response r;
    get(c->path, headers, &r);
    ck_assert_int_eq(r.status, 200);
    assert_header(&r, "Content-Encoding", c->expected);
    tgt_response_free(&r);
}
END_TEST

/* issue 12: GET /v1 lists every route with its URL template and parameters, and the version. */
START_TEST(test_discovery)
{
    json_t *body = tgt_get_json(&fixture.daemon, "/v1", 200, TGT_JSON);
    ck_assert_str_eq(json_string_value(json_object_get(body, "version")), "0.1.0");
    json_t *routes = json_object_get(body, "routes");
    bool positions = false, sub = false;
    for (size_t i = 0; i < json_array_size(routes); i++) {
        json_t *r = json_array_get(routes, i);
        const char *path = json_string_value(json_object_get(r, "path"));
        if (strcmp(path, "/v1/positions") == 0) {
            positions = true;
            json_t *params = json_object_get(r, "parameters");
            bool on = false;
            for (size_t k = 0; k < json_array_size(params); k++)
                on = on || strcmp(json_string_value(json_array_get(params, k)), "on") == 0;
            ck_assert(on);
        }
        sub = sub || strcmp(path, "/v1/organisations/{id}/collaborators") == 0;
    }
    ck_assert(positions && sub);
    json_decref(body);
}
END_TEST

/* issue 12: liveness and live figures are never cached; snapshot answers are, and revalidate. */
static const struct {
    const char *path;
    const char *cache_control;
} cache_cases[] = {
    {"/healthz", "no-store"},
    {"/metrics", "no-store"},
    {"/v1/documents", "public, max-age=60"},
    {"/v1/nowhere", "no-store"},
};

START_TEST(test_cache_control)
{
    struct tgt_response r;
    get(cache_cases[_i].path, NULL, &r);
    assert_header(&r, "Cache-Control", cache_cases[_i].cache_control);
    tgt_response_free(&r);
}
END_TEST

/* issue 12: a 304 never says Content-Length: 0 (RFC 9110 8.6): it gives the 200's length. */
START_TEST(test_not_modified_length)
{
    struct tgt_response first, again;
    get("/v1/documents", NULL, &first);
    char *etag = tgt_header(&first, "ETag");
    char header[160];
    snprintf(header, sizeof header, "If-None-Match: %s", etag);
    const char *conditional[] = {header, NULL};
    get("/v1/documents", conditional, &again);
    ck_assert_int_eq(again.status, 304);
    char *length = tgt_header(&again, "Content-Length");
    ck_assert_ptr_nonnull(length);
    ck_assert_uint_eq(strtoul(length, NULL, 10), first.body_len);
    ck_assert_uint_gt(first.body_len, 0);
    free(length);
    free(etag);
    tgt_response_free(&first);
    tgt_response_free(&again);
}
END_TEST

/* issue 12: preflight allows what frontends send; answers expose what they read. */
START_TEST(test_cors)
{
    struct tgt_response r;
    char url[256];
    snprintf(url, sizeof url, "%s/v1/documents", fixture.daemon.base_url);
    const char *preflight[] = {"Origin: http://example.test", "Access-Control-Request-Method: GET",
                               "Access-Control-Request-Headers: content-type, x-request-id", NULL};
    tgt_http("OPTIONS", url, preflight, &r);
    ck_assert_int_eq(r.status, 204);
    char *allowed = tgt_header(&r, "Access-Control-Allow-Headers");
    ck_assert_ptr_nonnull(allowed);
    static const char *const wanted[] = {"Content-Type", "Authorization", "X-Request-Id"};
    for (size_t i = 0; i < 3; i++)
        ck_assert_msg(strstr(allowed, wanted[i]), "%s not allowed: %s", wanted[i], allowed);
    free(allowed);
    tgt_response_free(&r);
    get("/v1/documents?limit=1", NULL, &r);
    assert_header(&r, "Access-Control-Expose-Headers", "ETag, Link, X-Request-Id");
    tgt_response_free(&r);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("api_service");
    TCase *tc = tcase_create("service");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, start_daemon, stop_daemon);
    tcase_add_test(tc, test_metrics_count_requests);
    tcase_add_test(tc, test_openapi_is_served);
    tcase_add_test(tc, test_gzip_when_accepted);
    tcase_add_test(tc, test_discovery);
    tcase_add_loop_test(tc, test_cache_control, 0,
                        (int)(sizeof cache_cases / sizeof cache_cases[0]));
    tcase_add_test(tc, test_not_modified_length);
    tcase_add_test(tc, test_cors);
    tcase_add_loop_test(tc, test_encoding_negotiation, 0,
                        (int)(sizeof encoding_cases / sizeof encoding_cases[0]));
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
