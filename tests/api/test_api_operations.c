/* issue 13: what an operator relies on: --version, request ids, the access log, process and
 * reload metrics, the synchronous reload systemd's ExecReload runs, and sd_notify messages. */
#include <check.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "harness.h"
#include "suite.h"

static struct tgt_seeded fixture;

static void start_seeded(void)
{
    tgt_seeded_start(&fixture);
}

static void stop_seeded(void)
{
    tgt_seeded_stop(&fixture);
}

static void get(const struct tgt_daemon *d, const char *path, const char *const *headers,
                struct tgt_response *r)
{
    char url[512];
    snprintf(url, sizeof url, "%s%s", d->base_url, path);
    tgt_http("GET", url, headers, r);
}

static char *pid_text(pid_t pid)
{
    char *text = malloc(24);
    snprintf(text, 24, "%ld", (long)pid);
    return text;
}

static const struct {
    const char *bin_env;
    const char *expected;
} version_cases[] = {
    {"THAIGRAPH_BIN", "thaigraph " TG_VERSION "\n"},
    {"THAIGRAPHD_BIN", "thaigraphd " TG_VERSION "\n"},
};

START_TEST(test_version)
{
    const char *argv[] = {tgt_env(version_cases[_i].bin_env), "--version", NULL};
    char *out = NULL;
    ck_assert_int_eq(tgt_run(argv, &out, NULL), 0);
    ck_assert_str_eq(out, version_cases[_i].expected);
    free(out);
}
END_TEST

START_TEST(test_version_served)
{
    json_t *health = tgt_get_json(&fixture.daemon, "/healthz", 200, TGT_JSON);
    ck_assert_str_eq(json_string_value(json_object_get(health, "version")), TG_VERSION);
    json_decref(health);
    struct tgt_response r;
    get(&fixture.daemon, "/metrics", NULL, &r);
    static const char *const expected[] = {
        "thaigraph_build_info{version=\"" TG_VERSION "\"} 1\n",
        "# TYPE process_cpu_seconds_total counter\n",
        "# TYPE process_resident_memory_bytes gauge\n",
        "# TYPE process_open_fds gauge\n",
        "# TYPE process_max_fds gauge\n",
        "# TYPE process_start_time_seconds gauge\n",
        "thaigraph_reloads_total{result=\"success\"} 0\n",
        "thaigraph_reloads_total{result=\"failure\"} 0\n",
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        ck_assert_msg(strstr(r.body, expected[i]) != NULL, "metrics lack %s", expected[i]);
    tgt_response_free(&r);
}
END_TEST

static const struct {
    const char *sent; /* X-Request-Id sent, or NULL */
    bool kept;
} request_id_cases[] = {
    {NULL, false},
    {"a1b2c3d4-e5f6.7890:zz_Z", true},
    {"has space", false},
    {"quote\"d", false},
    /* 129 characters: one past the limit. */
    {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     false},
};

START_TEST(test_request_id)
{
    char header[256];
    const char *headers[] = {header, NULL};
    if (request_id_cases[_i].sent)
        snprintf(header, sizeof header, "X-Request-Id: %s", request_id_cases[_i].sent);
    struct tgt_response first, second;
    get(&fixture.daemon, "/v1/documents/nope", request_id_cases[_i].sent ? headers : NULL, &first);
    get(&fixture.daemon, "/v1/documents/nope", request_id_cases[_i].sent ? headers : NULL, &second);
    char *id1 = tgt_header(&first, "X-Request-Id");
    char *id2 = tgt_header(&second, "X-Request-Id");
    ck_assert_ptr_nonnull(id1);
    ck_assert_ptr_nonnull(id2);
    if (request_id_cases[_i].kept) {
        ck_assert_str_eq(id1, request_id_cases[_i].sent);
        ck_assert_str_eq(id2, request_id_cases[_i].sent);
    } else {
        ck_assert_uint_eq(strlen(id1), 32);
        ck_assert_uint_eq(strspn(id1, "0123456789abcdef"), 32);
        ck_assert_str_ne(id1, id2);
    }
    free(id1);
    free(id2);
    tgt_response_free(&first);
    tgt_response_free(&second);
}
END_TEST

/* Starts a daemon on the fixture's database with an access log in a file of the fixture's. */
static char *start_logged(struct tgt_daemon *d, const char *format, const char *proxies)
{
    char *log = tgt_path(fixture.workdir, "access.log");
    unlink(log);
    const char *args[] = {"--access-log", format, "--access-log-file", log, "--trusted-proxy",
                          proxies,        NULL};
    int code = 0;
    ck_assert_msg(tgt_daemon_start_with(fixture.db, args, d, &code), "daemon exited with %d", code);
    return log;
}

static const struct {
    const char *proxies;
    bool forwarded_logged;
} proxy_cases[] = {
    {"127.0.0.1", true},
    {"10.0.0.0/8,::1", false},
    {"127.0.0.0/8", true},
};

START_TEST(test_access_log_json)
{
    struct tgt_daemon d;
    char *log = start_logged(&d, "json", proxy_cases[_i].proxies);
    const char *headers[] = {"X-Forwarded-For: 203.0.113.7, 10.1.2.3", "X-Request-Id: req-42",
                             NULL};
    struct tgt_response r;
    get(&d, "/v1/organisations?q=%E0%B8%AA%E0%B8%AA%E0%B8%AA", headers, &r);
    ck_assert_int_eq(r.status, 200);
    size_t body_len = r.body_len;
    tgt_response_free(&r);
    get(&d, "/nowhere", NULL, &r);
    tgt_response_free(&r);
    ck_assert_int_eq(tgt_daemon_stop(&d, SIGTERM), 0);

    char *text = tgt_read_file(log, NULL);
    ck_assert_ptr_nonnull(text);
    char *second_line = strchr(text, '\n');
    ck_assert_ptr_nonnull(second_line);
    *second_line++ = '\0';
    json_error_t error;
    json_t *first = json_loads(text, 0, &error);
    ck_assert_msg(first != NULL, "not JSON: %s (%s)", text, error.text);
    ck_assert_str_eq(json_string_value(json_object_get(first, "client")), "127.0.0.1");
    ck_assert_str_eq(json_string_value(json_object_get(first, "method")), "GET");
    ck_assert_str_eq(json_string_value(json_object_get(first, "path")), "/v1/organisations");
    ck_assert_int_eq(json_integer_value(json_object_get(first, "status")), 200);
    ck_assert_int_eq(json_integer_value(json_object_get(first, "bytes")), (json_int_t)body_len);
    ck_assert_str_eq(json_string_value(json_object_get(first, "request_id")), "req-42");
    ck_assert(json_real_value(json_object_get(first, "duration_ms")) > 0);
    const char *time = json_string_value(json_object_get(first, "time"));
    ck_assert_msg(time && strlen(time) == 24 && time[10] == 'T' && time[23] == 'Z', "time %s",
                  time);
    json_t *forwarded = json_object_get(first, "forwarded_for");
    if (proxy_cases[_i].forwarded_logged)
        ck_assert_str_eq(json_string_value(forwarded), "203.0.113.7, 10.1.2.3");
    else
        ck_assert(json_is_null(forwarded));
    json_t *second = json_loads(second_line, JSON_DISABLE_EOF_CHECK, &error);
    ck_assert_ptr_nonnull(second);
    ck_assert_int_eq(json_integer_value(json_object_get(second, "status")), 404);
    ck_assert_str_eq(json_string_value(json_object_get(second, "path")), "/nowhere");
    json_decref(first);
    json_decref(second);
    free(text);
    free(log);
}
END_TEST

START_TEST(test_access_log_common)
{
    struct tgt_daemon d;
    char *log = start_logged(&d, "common", "127.0.0.1");
    const char *headers[] = {"X-Request-Id: req-7", NULL};
    struct tgt_response r;
    /* A path with a quote and a control byte must not break the line's quoting. */
    get(&d, "/no%22such%01path", headers, &r);
    ck_assert_int_eq(r.status, 404);
    size_t body_len = r.body_len;
    tgt_response_free(&r);
    ck_assert_int_eq(tgt_daemon_stop(&d, SIGTERM), 0);
    char *text = tgt_read_file(log, NULL);
    char expected[160];
    snprintf(
        expected, sizeof expected,
        "\"GET /no%%22such%%01path HTTP/1.1\" 404 %zu request_id=req-7 duration_ms=", body_len);
    ck_assert_msg(strncmp(text, "127.0.0.1 - - [", 15) == 0, "line: %s", text);
    ck_assert_msg(strstr(text, expected) != NULL, "line %s lacks %s", text, expected);
    ck_assert_msg(strstr(text, " forwarded_for=\"-\"\n") != NULL, "line: %s", text);
    ck_assert_ptr_eq(strchr(text, '\n') + 1, text + strlen(text));
    free(text);
    free(log);
}
END_TEST

static const struct {
    const char *args[4];
} usage_cases[] = {
    {{"--access-log", "xml", NULL}},
    {{"--trusted-proxy", "not-an-address", NULL}},
    {{"--trusted-proxy", "10.0.0.0/33", NULL}},
    {{"--cache-max-age", "0", NULL}},
};

START_TEST(test_usage_errors)
{
    const char *argv[8] = {tgt_env("THAIGRAPHD_BIN"), "--db", fixture.db};
    size_t argc = 3;
    for (size_t i = 0; usage_cases[_i].args[i]; i++)
        argv[argc++] = usage_cases[_i].args[i];
    char *err = NULL;
    ck_assert_int_eq(tgt_run(argv, NULL, &err), 2);
    ck_assert_msg(strstr(err, "thaigraphd") != NULL, "stderr: %s", err);
    free(err);
}
END_TEST

START_TEST(test_port_in_use_is_named)
{
    char listen[32];
    snprintf(listen, sizeof listen, "127.0.0.1:%u", fixture.daemon.port);
    const char *argv[] = {tgt_env("THAIGRAPHD_BIN"), "--db", fixture.db, "--listen", listen, NULL};
    char *err = NULL;
    ck_assert_int_eq(tgt_run(argv, NULL, &err), 1);
    char port[16];
    snprintf(port, sizeof port, "port %u", fixture.daemon.port);
    ck_assert_msg(strstr(err, port) != NULL && strstr(err, "port 0") == NULL, "stderr: %s", err);
    ck_assert_msg(strstr(err, "not the first option") == NULL, "stderr: %s", err);
    free(err);
}
END_TEST

static int run_reload(pid_t pid)
{
    char *pid_arg = pid_text(pid);
    const char *argv[] = {tgt_env("THAIGRAPHD_BIN"), "--reload", pid_arg, NULL};
    int code = tgt_run(argv, NULL, NULL);
    free(pid_arg);
    return code;
}

START_TEST(test_reload_reports_outcome)
{
    ck_assert_int_eq(run_reload(fixture.daemon.pid), 0);
    /* A database that cannot be loaded: the reload fails and the old snapshot keeps serving. */
    char *saved = tgt_path(fixture.workdir, "saved.db");
    ck_assert_int_eq(rename(fixture.db, saved), 0);
    tgt_write_file(fixture.db, "not a database", 14);
    ck_assert_int_eq(run_reload(fixture.daemon.pid), 1);
    json_t *health = tgt_get_json(&fixture.daemon, "/healthz", 200, TGT_JSON);
    ck_assert_int_eq(json_integer_value(json_object_get(health, "documents")), 5);
    json_decref(health);
    ck_assert_int_eq(rename(saved, fixture.db), 0);
    free(saved);
    struct tgt_response r;
    get(&fixture.daemon, "/metrics", NULL, &r);
    ck_assert_ptr_nonnull(strstr(r.body, "thaigraph_reloads_total{result=\"success\"} 1\n"));
    ck_assert_ptr_nonnull(strstr(r.body, "thaigraph_reloads_total{result=\"failure\"} 1\n"));
    ck_assert_ptr_nonnull(strstr(r.body, "thaigraph_last_reload_success 0\n"));
    tgt_response_free(&r);
    /* No such process: a clear failure, not a hang. */
    ck_assert_int_eq(run_reload(4194304 - 1), 1);
}
END_TEST

/* Reads one notify datagram (up to 5 s). */
static char *notify_message(int fd)
{
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    ck_assert_int_eq(poll(&pfd, 1, 5000), 1);
    char *buf = calloc(1, 4096);
    ck_assert_int_gt(recv(fd, buf, 4095, 0), 0);
    return buf;
}

static void expect_notify(int fd, const char *first_line)
{
    char *message = notify_message(fd);
    ck_assert_msg(strncmp(message, first_line, strlen(first_line)) == 0, "got %s, wanted %s",
                  message, first_line);
    free(message);
}

static const struct {
    const char *path;
    const char *content_type;
    const char *contains; /* a string the body holds, or NULL for binary files */
} explorer_cases[] = {
    {"/", "text/html; charset=utf-8", "<script src=\"/explorer/explorer.js\" defer>"},
    {"/explorer/explorer.js", "text/javascript; charset=utf-8", "/v1/collaborations"},
    {"/explorer/explorer.css", "text/css; charset=utf-8", "Noto Sans Thai"},
    {"/explorer/noto-sans-thai-thai-400-normal.woff2", "font/woff2", NULL},
    {"/explorer/noto-sans-thai-thai-700-normal.woff2", "font/woff2", NULL},
};

START_TEST(test_explorer_files)
{
    struct tgt_response r;
    get(&fixture.daemon, explorer_cases[_i].path, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    char *type = tgt_header(&r, "Content-Type");
    ck_assert_str_eq(type, explorer_cases[_i].content_type);
    free(type);
    if (explorer_cases[_i].contains)
        ck_assert_msg(strstr(r.body, explorer_cases[_i].contains) != NULL, "%s lacks %s",
                      explorer_cases[_i].path, explorer_cases[_i].contains);
    else
        ck_assert(r.body_len > 4 && memcmp(r.body, "wOF2", 4) == 0);
    tgt_response_free(&r);
}
END_TEST

START_TEST(test_explorer_unknown_file)
{
    tgt_assert_problem(&fixture.daemon, "/explorer/secret.txt", 404, NULL);
}
END_TEST

START_TEST(test_notify_protocol)
{
    char *dir = tgt_tempdir();
    char *socket_path = tgt_path(dir, "notify");
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socket_path);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
    setenv("NOTIFY_SOCKET", socket_path, 1);
    struct tgt_daemon d;
    int code = 0;
    ck_assert_msg(tgt_daemon_start(fixture.db, &d, &code), "daemon exited with %d", code);
    unsetenv("NOTIFY_SOCKET");
    expect_notify(fd, "READY=1\nSTATUS=serving 5 documents on port");
    ck_assert_int_eq(run_reload(d.pid), 0);
    expect_notify(fd, "RELOADING=1\n");
    expect_notify(fd, "READY=1\nSTATUS=serving the reloaded snapshot");
    ck_assert_int_eq(tgt_daemon_stop(&d, SIGTERM), 0);
    expect_notify(fd, "STOPPING=1\n");
    close(fd);
    tgt_rmtree(dir);
    free(socket_path);
    free(dir);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("api_operations");
    TCase *tc = tcase_create("operations");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, start_seeded, stop_seeded);
    tcase_add_loop_test(tc, test_version, 0, (int)(sizeof version_cases / sizeof version_cases[0]));
    tcase_add_test(tc, test_version_served);
    tcase_add_loop_test(tc, test_request_id, 0,
                        (int)(sizeof request_id_cases / sizeof request_id_cases[0]));
    tcase_add_loop_test(tc, test_access_log_json, 0,
                        (int)(sizeof proxy_cases / sizeof proxy_cases[0]));
    tcase_add_test(tc, test_access_log_common);
    tcase_add_loop_test(tc, test_usage_errors, 0,
                        (int)(sizeof usage_cases / sizeof usage_cases[0]));
    tcase_add_test(tc, test_port_in_use_is_named);
    tcase_add_test(tc, test_reload_reports_outcome);
    tcase_add_test(tc, test_notify_protocol);
    tcase_add_loop_test(tc, test_explorer_files, 0,
                        (int)(sizeof explorer_cases / sizeof explorer_cases[0]));
    tcase_add_test(tc, test_explorer_unknown_file);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
