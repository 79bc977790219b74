/* issue 12: exports other tools read, each parsed back by a real consumer. `thaigraph export`
 * writes NDJSON, GraphML, GEXF and FollowTheMoney; the daemon streams the same bytes from
 * /v1/export/...; every list route answers CSV. The GraphML and GEXF go through xml.etree and
 * networkx (tests/export/check_graph.py), FtM through its schema (tests/export/check_ftm.py,
 * reading tests/data/followthemoney), CSV through Python's csv (tests/export/check_csv.py). */
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

static const char *str(json_t *object, const char *key)
{
    return json_string_value(json_object_get(object, key));
}

/* Runs a checker script of tests/export with Python, asserting it passes. */
static void check_with_python(const char *script, const char *const *args)
{
    char *path = tgt_path(tgt_env("TG_SOURCE_ROOT"), script);
    const char *argv[12] = {tgt_env("TG_PYTHON"), path};
    size_t n = 2;
    for (size_t i = 0; args[i] && n < 11; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    char *out = NULL, *err = NULL;
    int status = tgt_run(argv, &out, &err);
    ck_assert_msg(status == 0, "%s failed (%d): %s%s", script, status, out, err);
    free(out);
    free(err);
    free(path);
}

/* Exports the fixture's database in a format to a file of the work directory. */
static char *cli_export(const char *format)
{
    char name[32];
    snprintf(name, sizeof name, "export.%s", format);
    char *file = tgt_path(fixture.workdir, name);
    const char *argv[] = {tgt_env("THAIGRAPH_BIN"),
                          "export",
                          "--db",
                          fixture.db,
                          "--format",
                          format,
                          "--out",
                          file,
                          NULL};
    char *err = NULL;
    int status = tgt_run(argv, NULL, &err);
    ck_assert_msg(status == 0, "export --format %s: %s", format, err);
    free(err);
    return file;
}

static json_int_t total_of(const char *path)
{
    json_t *body = tgt_get_json(&fixture.daemon, path, 200, TGT_JSON);
    json_int_t total = json_integer_value(json_object_get(body, "total"));
    json_decref(body);
    return total;
}

/* Every entity and event once, as the lists count them. */
START_TEST(test_ndjson_holds_every_entity_and_event)
{
    char *file = cli_export("ndjson");
    size_t len = 0;
    char *text = tgt_read_file(file, &len);
    json_int_t organisations = 0, people = 0, places = 0, events = 0;
    for (char *line = text, *end; line < text + len; line = end + 1) {
        end = strchr(line, '\n');
        ck_assert_ptr_nonnull(end);
        json_error_t error;
        json_t *record = json_loadb(line, (size_t)(end - line), 0, &error);
        ck_assert_msg(record != NULL, "line is not JSON: %s", error.text);
        const char *type = str(record, "type");
        organisations += strcmp(type, "organisation") == 0;
        people += strcmp(type, "person") == 0;
        places += strcmp(type, "place") == 0;
        events += strcmp(type, "event") == 0;
        json_decref(record);
    }
    ck_assert_int_eq(organisations, total_of("/v1/organisations"));
    ck_assert_int_eq(people, total_of("/v1/people"));
    ck_assert_int_eq(places, total_of("/v1/places"));
    ck_assert_int_eq(events, total_of("/v1/events"));
    free(text);
    free(file);
}
END_TEST

START_TEST(test_graph_formats_read_back)
{
    char *ndjson = cli_export("ndjson");
    static const char *const formats[] = {"graphml", "gexf"};
    for (size_t i = 0; i < 2; i++) {
        char *file = cli_export(formats[i]);
        const char *args[] = {formats[i], file, ndjson, NULL};
        check_with_python("tests/export/check_graph.py", args);
        free(file);
    }
    free(ndjson);
}
END_TEST

/* The seeds hold five articles, five people each in one office of four, and five events. */
START_TEST(test_ftm_matches_its_schema)
{
    char *file = cli_export("ftm");
    char *schema = tgt_path(tgt_env("TG_SOURCE_ROOT"), "tests/data/followthemoney");
    const char *args[] = {schema,       file,          "Article=5", "Person=5",
                          "Position=4", "Occupancy=5", "Event=5",   NULL};
    check_with_python("tests/export/check_ftm.py", args);
    free(schema);
    free(file);
}
END_TEST

/* The daemon streams the bytes the CLI writes, with a strong tag that revalidates. */
static const struct {
    const char *route;
    const char *format;
    const char *content_type;
} streamed[] = {
    {"/v1/export/entities.ndjson", "ndjson", "application/x-ndjson"},
    {"/v1/export/graph.graphml", "graphml", "application/graphml+xml"},
    {"/v1/export/graph.gexf", "gexf", "application/gexf+xml"},
    {"/v1/export/entities.ftm.ndjson", "ftm", "application/x-ndjson"},
};

START_TEST(test_http_exports_stream_the_cli_bytes)
{
    char *file = cli_export(streamed[_i].format);
    size_t len = 0;
    char *expected = tgt_read_file(file, &len);
    char url[256];
    snprintf(url, sizeof url, "%s%s", fixture.daemon.base_url, streamed[_i].route);
    struct tgt_response r;
    tgt_http("GET", url, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    char *type = tgt_header(&r, "Content-Type");
    ck_assert_str_eq(type, streamed[_i].content_type);
    ck_assert_uint_eq(r.body_len, len);
    ck_assert(memcmp(r.body, expected, len) == 0);
    char *etag = tgt_header(&r, "ETag");
    ck_assert_ptr_nonnull(etag);
    char header[128];
    snprintf(header, sizeof header, "If-None-Match: %s", etag);
    const char *conditional[] = {header, NULL};
    struct tgt_response again;
    tgt_http("GET", url, conditional, &again);
    ck_assert_int_eq(again.status, 304);
    ck_assert_uint_eq(again.body_len, 0);
    tgt_response_free(&again);
    free(etag);
    free(type);
    tgt_response_free(&r);
    free(expected);
    free(file);
}
END_TEST

/* CSV of list routes, asked for by format=csv or Accept, read back with Python's csv and
 * compared with the same list in JSON. The first document's 53 mentions are more than one
 * streamed chunk. */
static const struct {
    const char *path;
    const char *accept;
} csv_cases[] = {
    {"/v1/documents", NULL},
    {"/v1/documents?sort=-date", "Accept: text/csv"},
    {"/v1/events", NULL},
    {"/v1/organisations?sort=-mentions", NULL},
    {"/v1/people", "Accept: text/csv, application/json;q=0.5"},
    {"/v1/positions", NULL},
    {"/v1/documents/000_2304adfd9e82273a/mentions", NULL},
    {"/v1/organisations/org_f6aa4ffaaeca/collaborators", NULL},
    {"/v1/search?q=%E0%B8%AA%E0%B8%AA%E0%B8%AA&type=all", NULL},
};

START_TEST(test_csv_reads_back)
{
    const char *path = csv_cases[_i].path;
    char url[512], json_path[512];
    char sep = strchr(path, '?') ? '&' : '?';
    snprintf(url, sizeof url, "%s%s%s", fixture.daemon.base_url, path,
             csv_cases[_i].accept ? "" : (sep == '?' ? "?format=csv" : "&format=csv"));
    snprintf(json_path, sizeof json_path, "%s%climit=100", path, sep);
    const char *headers[] = {csv_cases[_i].accept, NULL};
    struct tgt_response r;
    tgt_http("GET", url, csv_cases[_i].accept ? headers : NULL, &r);
    ck_assert_int_eq(r.status, 200);
    char *type = tgt_header(&r, "Content-Type");
    ck_assert_str_eq(type, "text/csv; charset=utf-8; header=present");
    char *csv = tgt_path(fixture.workdir, "list.csv"),
         *json = tgt_path(fixture.workdir, "list.json");
    tgt_write_file(csv, r.body, r.body_len);
    json_t *page = tgt_get_json(&fixture.daemon, json_path, 200, TGT_JSON);
    ck_assert(json_is_null(json_object_get(page, "next_cursor")));
    ck_assert_int_eq(json_dump_file(json_object_get(page, "items"), json, 0), 0);
    const char *args[] = {csv, json, NULL};
    check_with_python("tests/export/check_csv.py", args);
    json_decref(page);
    free(csv);
    free(json);
    free(type);
    tgt_response_free(&r);
}
END_TEST

/* With a limit, CSV is one page and links the next, as JSON does. */
START_TEST(test_csv_pages_with_a_limit)
{
    char url[256];
    snprintf(url, sizeof url, "%s/v1/documents?format=csv&limit=2", fixture.daemon.base_url);
    struct tgt_response r;
    tgt_http("GET", url, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    size_t lines = 0;
    for (size_t i = 0; i < r.body_len; i++)
        lines += r.body[i] == '\n';
    ck_assert_uint_eq(lines, 3);
    char *link = tgt_header(&r, "Link");
    ck_assert_ptr_nonnull(link);
    ck_assert_ptr_nonnull(strstr(link, "format=csv"));
    ck_assert_ptr_nonnull(strstr(link, "rel=\"next\""));
    free(link);
    tgt_response_free(&r);
    tgt_assert_problem(&fixture.daemon, "/v1/documents?format=xml", 400, "format");
}
END_TEST

/* A failed export leaves no file behind, and bad options are usage errors. */
START_TEST(test_cli_export_errors)
{
    char *missing = tgt_path(fixture.workdir, "missing.db");
    char *out = tgt_path(fixture.workdir, "never.ndjson");
    const char *bad_db[] = {tgt_env("THAIGRAPH_BIN"),
                            "export",
                            "--db",
                            missing,
                            "--format",
                            "ndjson",
                            "--out",
                            out,
                            NULL};
    char *err = NULL;
    ck_assert_int_eq(tgt_run(bad_db, NULL, &err), 1);
    ck_assert_ptr_null(tgt_read_file(out, NULL));
    free(err);
    const char *bad_format[] = {
        tgt_env("THAIGRAPH_BIN"), "export", "--db", fixture.db, "--format", "xlsx", NULL};
    ck_assert_int_eq(tgt_run(bad_format, NULL, &err), 2);
    ck_assert_ptr_nonnull(strstr(err, "--format"));
    free(err);
    free(out);
    free(missing);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("api_export");
    TCase *tc = tcase_create("export");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, start_daemon, stop_daemon);
    tcase_add_test(tc, test_ndjson_holds_every_entity_and_event);
    tcase_add_test(tc, test_graph_formats_read_back);
    tcase_add_test(tc, test_ftm_matches_its_schema);
    tcase_add_loop_test(tc, test_http_exports_stream_the_cli_bytes, 0,
                        (int)(sizeof streamed / sizeof streamed[0]));
    tcase_add_loop_test(tc, test_csv_reads_back, 0, (int)(sizeof csv_cases / sizeof csv_cases[0]));
    tcase_add_test(tc, test_csv_pages_with_a_limit);
    tcase_add_test(tc, test_cli_export_errors);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
