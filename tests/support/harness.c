#define _GNU_SOURCE /* memrchr, nftw */
#include "harness.h"

#include <check.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *tgt_env(const char *name)
{
    const char *value = getenv(name);
    ck_assert_msg(value && *value, "environment variable %s is not set (run under meson test)",
                  name);
    return value;
}

char *tgt_tempdir(void)
{
    const char *base = getenv("TMPDIR");
    char *dir = tgt_path(base && *base ? base : "/tmp", "thaigraph-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    return dir;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void tgt_rmtree(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

char *tgt_path(const char *dir, const char *name)
{
    size_t size = strlen(dir) + strlen(name) + 2;
    char *path = malloc(size);
    ck_assert_ptr_nonnull(path);
    snprintf(path, size, "%s/%s", dir, name);
    return path;
}

void tgt_write_file(const char *path, const void *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_msg(f != NULL, "cannot write %s: %s", path, strerror(errno));
    ck_assert_uint_eq(fwrite(bytes, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

char *tgt_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, used = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + used, 1, cap - used - 1, f)) > 0) {
        used += got;
        if (cap - used - 1 == 0) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    fclose(f);
    ck_assert_ptr_nonnull(buf);
    buf[used] = '\0';
    if (len)
        *len = used;
    return buf;
}

static int exit_code(int wstatus)
{
    if (WIFEXITED(wstatus))
        return WEXITSTATUS(wstatus);
    return 128 + WTERMSIG(wstatus);
}

int tgt_run(const char *const argv[], char **out, char **err)
{
    return tgt_run_with_input(argv, "/dev/null", out, err);
}

int tgt_run_with_input(const char *const argv[], const char *input_path, char **out, char **err)
{
    char *dir = tgt_tempdir();
    char *out_path = tgt_path(dir, "stdout");
    char *err_path = tgt_path(dir, "stderr");
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int in = open(input_path, O_RDONLY);
        int o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || o < 0 || e < 0)
            _exit(126);
        dup2(in, 0);
        dup2(o, 1);
        dup2(e, 2);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int wstatus = 0;
    ck_assert_int_eq(waitpid(pid, &wstatus, 0), pid);
    if (out)
        *out = tgt_read_file(out_path, NULL);
    if (err)
        *err = tgt_read_file(err_path, NULL);
    tgt_rmtree(dir);
    free(out_path);
    free(err_path);
    free(dir);
    return exit_code(wstatus);
}

/* Reads the daemon's stdout until it announces its port or exits. */
static bool await_port(struct tgt_daemon *d)
{
    char buf[512];
    size_t used = 0;
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        long elapsed_ms =
            (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
        if (elapsed_ms > 10000)
            return false;
        struct pollfd pfd = {.fd = d->stdout_fd, .events = POLLIN};
        if (poll(&pfd, 1, 100) <= 0)
            continue;
        ssize_t got = read(d->stdout_fd, buf + used, sizeof buf - used - 1);
        if (got <= 0)
            return false;
        used += (size_t)got;
        buf[used] = '\0';
        const char *marker = strstr(buf, "listening on http://");
        const char *newline = marker ? strchr(marker, '\n') : NULL;
        if (newline) {
            const char *colon = memrchr(marker, ':', (size_t)(newline - marker));
            d->port = (unsigned)strtoul(colon + 1, NULL, 10);
            snprintf(d->base_url, sizeof d->base_url, "http://127.0.0.1:%u", d->port);
            return d->port != 0;
        }
    }
}

bool tgt_daemon_start(const char *db, struct tgt_daemon *d, int *exit_status)
{
    return tgt_daemon_start_with(db, NULL, d, exit_status);
}

bool tgt_daemon_start_with(const char *db, const char *const *extra_args, struct tgt_daemon *d,
                           int *exit_status)
{
    memset(d, 0, sizeof *d);
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    char *dir = tgt_tempdir();
    d->stderr_path = tgt_path(dir, "daemon.log");
    free(dir);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int e = open(d->stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (e < 0)
            _exit(126);
        dup2(fds[1], 1);
        dup2(e, 2);
        close(fds[0]);
        /* A test that fails half-way leaves no daemon behind. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        const char *bin = getenv("THAIGRAPHD_BIN");
        const char *argv[32] = {bin, "--db", db, "--listen", "127.0.0.1:0", "--threads", "2"};
        size_t n = 7;
        for (size_t i = 0; extra_args && extra_args[i] && n < 31; i++)
            argv[n++] = extra_args[i];
        argv[n] = NULL;
        execv(bin, (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    d->pid = pid;
    d->stdout_fd = fds[0];
    if (await_port(d))
        return true;
    int wstatus = 0;
    kill(pid, SIGKILL);
    waitpid(pid, &wstatus, 0);
    if (exit_status)
        *exit_status = exit_code(wstatus);
    close(d->stdout_fd);
    *strrchr(d->stderr_path, '/') = '\0';
    tgt_rmtree(d->stderr_path);
    free(d->stderr_path);
    d->stderr_path = NULL;
    return false;
}

void tgt_daemon_signal(const struct tgt_daemon *d, int sig)
{
    kill(d->pid, sig);
}

/* A daemon that does not stop cleanly says why in its log, which stopping deletes: keep the
 * end of it in the test's output. */
static void print_log_tail(const char *path, int code)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char tail[4096];
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, size > (long)sizeof tail - 1 ? size - (long)sizeof tail + 1 : 0, SEEK_SET);
    size_t n = fread(tail, 1, sizeof tail - 1, f);
    tail[n] = '\0';
    fclose(f);
    fprintf(stderr, "daemon exited with %d; the end of its log:\n%s\n", code, tail);
}

void tgt_assert_log_clean(const struct tgt_daemon *daemon)
{
    char *log = tgt_read_file(daemon->stderr_path, NULL);
    ck_assert_ptr_nonnull(log);
    ck_assert_msg(!strstr(log, "Sanitizer") && !strstr(log, "runtime error:"),
                  "the sanitizers reported: %.1500s",
                  strstr(log, "Sanitizer") ? strstr(log, "Sanitizer")
                                           : strstr(log, "runtime error:"));
    free(log);
}

int tgt_daemon_stop(struct tgt_daemon *d, int sig)
{
    int wstatus = 0;
    kill(d->pid, sig);
    ck_assert_int_eq(waitpid(d->pid, &wstatus, 0), d->pid);
    close(d->stdout_fd);
    if (exit_code(wstatus) != 0)
        print_log_tail(d->stderr_path, exit_code(wstatus));
    /* Read here, since what the daemon did while shutting down is in no log after this. */
    tgt_assert_log_clean(d);
    char *slash = strrchr(d->stderr_path, '/');
    *slash = '\0';
    tgt_rmtree(d->stderr_path);
    free(d->stderr_path);
    return exit_code(wstatus);
}

struct buffer {
    char *data;
    size_t len;
};

static size_t append(char *ptr, size_t size, size_t nmemb, void *userdata)
{
    struct buffer *b = userdata;
    size_t n = size * nmemb;
    char *grown = realloc(b->data, b->len + n + 1);
    if (!grown)
        return 0;
    memcpy(grown + b->len, ptr, n);
    b->data = grown;
    b->len += n;
    b->data[b->len] = '\0';
    return n;
}

/*
 * With TG_RECORD_DIR set, every response is written there as JSON for api/validate-responses.mjs,
 * which checks it against the OpenAPI description: the API tests then validate every body they
 * receive without each assertion having to. Compressed bodies are recorded as absent.
 */
static void record_response(const char *method, const char *url, const struct tgt_response *r)
{
    static unsigned sequence;
    const char *dir = getenv("TG_RECORD_DIR");
    if (!dir || !*dir)
        return;
    const char *path = strchr(strstr(url, "://") + 3, '/');
    char *type = tgt_header(r, "Content-Type");
    char *encoding = tgt_header(r, "Content-Encoding");
    json_t *body = encoding ? NULL : json_stringn(r->body, r->body_len);
    /* The headers the spec documents per response (issue 12). */
    json_t *headers = json_object();
    static const char *const documented[] = {"ETag", "Link", "Cache-Control"};
    for (size_t i = 0; i < sizeof documented / sizeof documented[0]; i++) {
        char *value = tgt_header(r, documented[i]);
        if (value)
            json_object_set_new(headers, documented[i], json_string(value));
        free(value);
    }
    json_t *record =
        json_pack("{s:s, s:s, s:i, s:s?, s:o?, s:o}", "method", method, "path", path ? path : "/",
                  "status", (int)r->status, "content_type", type, "body", body, "headers", headers);
    char file[512];
    snprintf(file, sizeof file, "%s/%ld-%u.json", dir, (long)getpid(), sequence++);
    ck_assert_ptr_nonnull(record);
    ck_assert_int_eq(json_dump_file(record, file, JSON_COMPACT), 0);
    json_decref(record);
    free(type);
    free(encoding);
}

void tgt_http(const char *method, const char *url, const char *const *extra_headers,
              struct tgt_response *response)
{
    tgt_http_body(method, url, extra_headers, NULL, 0, response);
}

void tgt_http_body(const char *method, const char *url, const char *const *extra_headers,
                   const void *upload, size_t upload_len, struct tgt_response *response)
{
    memset(response, 0, sizeof *response);
    CURL *curl = curl_easy_init();
    ck_assert_ptr_nonnull(curl);
    struct buffer body = {0}, headers = {0};
    struct curl_slist *list = NULL;
    for (size_t i = 0; extra_headers && extra_headers[i]; i++)
        list = curl_slist_append(list, extra_headers[i]);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
    if (strcmp(method, "HEAD") == 0)
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    if (upload) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, upload);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)upload_len);
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, append);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    CURLcode rc = curl_easy_perform(curl);
    ck_assert_msg(rc == CURLE_OK, "%s %s: %s", method, url, curl_easy_strerror(rc));
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response->status);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    response->body = body.data ? body.data : strdup("");
    response->body_len = body.len;
    response->headers = headers.data ? headers.data : strdup("");
    record_response(method, url, response);
}

char *tgt_header(const struct tgt_response *response, const char *name)
{
    size_t n = strlen(name);
    for (const char *line = response->headers; line && *line;) {
        const char *end = strstr(line, "\r\n");
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len > n && line[n] == ':' && strncasecmp(line, name, n) == 0) {
            const char *value = line + n + 1;
            while (*value == ' ')
                value++;
            return strndup(value, (size_t)(line + len - value));
        }
        line = end ? end + 2 : NULL;
    }
    return NULL;
}

void tgt_response_free(struct tgt_response *response)
{
    free(response->body);
    free(response->headers);
    memset(response, 0, sizeof *response);
}

char *tgt_url_escape(const char *value)
{
    char *escaped = curl_easy_escape(NULL, value, 0);
    char *copy = strdup(escaped);
    curl_free(escaped);
    return copy;
}

void tgt_ingest(const struct tgt_seeded *fixture, const char *path)
{
    const char *argv[] = {tgt_env("THAIGRAPH_BIN"), "ingest", "--db", fixture->db, path, NULL};
    char *err = NULL;
    int code = tgt_run(argv, NULL, &err);
    ck_assert_msg(code == 0, "ingest %s failed (%d): %s", path, code, err);
    free(err);
}

void tgt_seeded_start(struct tgt_seeded *fixture)
{
    fixture->workdir = tgt_tempdir();
    fixture->db = tgt_path(fixture->workdir, "graph.db");
    tgt_ingest(fixture, tgt_env("TG_SEEDS_DIR"));
    int code = 0;
    ck_assert_msg(tgt_daemon_start(fixture->db, &fixture->daemon, &code), "daemon exited with %d",
                  code);
}

void tgt_seeded_stop(struct tgt_seeded *fixture)
{
    ck_assert_int_eq(tgt_daemon_stop(&fixture->daemon, SIGTERM), 0);
    tgt_rmtree(fixture->workdir);
    free(fixture->db);
    free(fixture->workdir);
}

json_t *tgt_get_json(const struct tgt_daemon *daemon, const char *path, long status,
                     const char *content_type)
{
    size_t size = strlen(daemon->base_url) + strlen(path) + 1;
    char *url = malloc(size);
    snprintf(url, size, "%s%s", daemon->base_url, path);
    struct tgt_response r;
    tgt_http("GET", url, NULL, &r);
    free(url);
    ck_assert_msg(r.status == status, "GET %s: status %ld, wanted %ld: %s", path, r.status, status,
                  r.body);
    char *type = tgt_header(&r, "Content-Type");
    ck_assert_msg(type && strcmp(type, content_type) == 0, "GET %s: content type %s", path,
                  type ? type : "(none)");
    free(type);
    json_error_t error;
    json_t *body = json_loads(r.body, 0, &error);
    ck_assert_msg(body != NULL, "GET %s: body is not JSON: %s", path, error.text);
    tgt_response_free(&r);
    return body;
}

void tgt_assert_problem(const struct tgt_daemon *daemon, const char *path, long status,
                        const char *parameter)
{
    json_t *body = tgt_get_json(daemon, path, status, TGT_PROBLEM);
    ck_assert_int_eq(json_integer_value(json_object_get(body, "status")), status);
    ck_assert(json_is_string(json_object_get(body, "type")));
    ck_assert(json_is_string(json_object_get(body, "title")));
    ck_assert(json_string_length(json_object_get(body, "detail")) > 0);
    if (parameter)
        ck_assert_msg(
            json_is_string(json_object_get(body, "parameter")) &&
                strcmp(json_string_value(json_object_get(body, "parameter")), parameter) == 0,
            "GET %s: problem does not name parameter %s", path, parameter);
    json_decref(body);
}

json_t *tgt_get_query(const struct tgt_daemon *daemon, const char *path, long status,
                      const char *const *pairs)
{
    char url[4096];
    snprintf(url, sizeof url, "%s", path);
    for (size_t i = 0; pairs && pairs[i]; i += 2) {
        char *escaped = tgt_url_escape(pairs[i + 1]);
        size_t used = strlen(url);
        char separator = i || strchr(path, '?') ? '&' : '?';
        snprintf(url + used, sizeof url - used, "%c%s=%s", separator, pairs[i], escaped);
        free(escaped);
    }
    return tgt_get_json(daemon, url, status, status < 300 ? TGT_JSON : TGT_PROBLEM);
}
