/* issue 11: load and faults against a running daemon. Slow clients, idle floods and shedding,
 * /healthz while every worker is busy, SIGTERM with kept-alive clients, and 20 reloads under
 * wrk with bad files among them. Each case ends with the daemon recovered (battery.h). */
#include <check.h>
#include <errno.h>
#include <jansson.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "battery.h"
#include "suite.h"

#define SLOW_CLIENTS 1100
#define IDLE_CLIENTS 1500
#define PROBES       200

static struct tgt_seeded fixture;
static struct tgb_usage baseline;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void sleep_ms(long ms)
{
    nanosleep(&(struct timespec){.tv_sec = ms / 1000, .tv_nsec = ms % 1000 * 1000000L}, NULL);
}

/* A seeded daemon with short deadlines, so the cases stay short. */
static void start_with(const char *const *args)
{
    fixture.workdir = tgt_tempdir();
    fixture.db = tgt_path(fixture.workdir, "graph.db");
    tgt_ingest(&fixture, tgt_env("TG_SEEDS_DIR"));
    int code = 0;
    ck_assert_msg(tgt_daemon_start_with(fixture.db, args, &fixture.daemon, &code),
                  "daemon exited with %d", code);
    json_decref(tgt_get_json(&fixture.daemon, "/healthz", 200, TGT_JSON));
    baseline = tgb_usage_of(fixture.daemon.pid);
}

static void start_default(void)
{
    static const char *const args[] = {"--header-timeout", "3", "--timeout", "4", NULL};
    tgb_raise_fd_limit();
    start_with(args);
}

static void stop(void)
{
    tgb_assert_recovered(&fixture.daemon, &baseline);
    tgb_stop(&fixture.daemon);
    tgt_rmtree(fixture.workdir);
    free(fixture.workdir);
    free(fixture.db);
}

/* The p99 a probe must stay under: the 50 ms, more under the sanitizers' slowdown. */
static double probe_budget_ms(void)
{
    return tgb_sanitized() ? 250.0 : 50.0;
}

/* PROBES requests to path, 10 ms apart; the p99 of their times. */
static double probe_p99(const char *path, const char *what)
{
    double ms[PROBES];
    for (int i = 0; i < PROBES; i++) {
        ms[i] = tgb_probe_ms(fixture.daemon.port, path);
        ck_assert_msg(ms[i] >= 0, "probe %d of %s failed %s", i, path, what);
        sleep_ms(10);
    }
    double p99 = tgb_percentile(ms, PROBES, 99), p50 = tgb_percentile(ms, PROBES, 50);
    printf("  %s: %d probes of %s, p50 %.1f ms, p99 %.1f ms\n", what, PROBES, path, p50, p99);
    ck_assert_msg(p99 < probe_budget_ms(), "p99 %.1f ms %s", p99, what);
    return p99;
}

/* Opens n connections; each sends the start of a request, `trickle` bytes of it. */
static int *open_clients(size_t n, size_t trickle)
{
    int *fds = malloc(n * sizeof *fds);
    for (size_t i = 0; i < n; i++) {
        fds[i] = tgb_connect(fixture.daemon.port);
        ck_assert_msg(fds[i] >= 0, "connection %zu refused", i);
        if (trickle)
            ck_assert_int_eq(send(fds[i], "GET /healthz HTTP/1.1\r\n", trickle, MSG_NOSIGNAL),
                             (ssize_t)trickle);
    }
    return fds;
}

/* Waits up to seconds for the server to close every one of them; how many it closed. */
static size_t await_closed(int *fds, size_t n, double seconds)
{
    size_t closed = 0;
    double until = now_s() + seconds;
    bool *done = calloc(n, 1);
    while (closed < n && now_s() < until) {
        for (size_t i = 0; i < n; i++) {
            if (done[i])
                continue;
            struct pollfd p = {.fd = fds[i], .events = POLLIN};
            char c[256];
            if (poll(&p, 1, 0) == 1 && recv(fds[i], c, sizeof c, MSG_DONTWAIT) <= 0) {
                done[i] = true;
                closed++;
            }
        }
        sleep_ms(50);
    }
    for (size_t i = 0; i < n; i++)
        close(fds[i]);
    free(done);
    free(fds);
    return closed;
}

/* 1,100 connections sending a byte at a time: libmicrohttpd's idle timeout restarts with each
 * byte, and they once took every slot. Probes stay fast, and the header deadline ends them. */
START_TEST(test_slow_clients)
{
    int *fds = open_clients(SLOW_CLIENTS, 1);
    double opened = now_s();
    /* A byte more each, while the probes run. */
    for (int round = 1; round < 3; round++) {
        for (size_t i = 0; i < SLOW_CLIENTS; i++)
            send(fds[i], &"GET /healthz HTTP/1.1\r\n"[round], 1, MSG_NOSIGNAL);
        sleep_ms(300);
    }
    probe_p99("/v1/documents?limit=5", "with 1,100 slow clients connected");
    size_t closed = await_closed(fds, SLOW_CLIENTS, 6.0);
    printf("  %zu of %d slow clients closed %.1f s after they connected\n", closed, SLOW_CLIENTS,
           now_s() - opened);
    ck_assert_uint_eq(closed, SLOW_CLIENTS);
}
END_TEST

/* 1,500 idle connections: new clients are still served, and the idle ones are closed. */
START_TEST(test_idle_flood)
{
    int *fds = open_clients(IDLE_CLIENTS, 0);
    probe_p99("/healthz", "with 1,500 idle connections");
    ck_assert_uint_eq(await_closed(fds, IDLE_CLIENTS, 8.0), IDLE_CLIENTS);
}
END_TEST

static atomic_bool busy_stop;

/* One client rendering something expensive again and again (a 4,096-character analysis). */
static void *busy_client(void *arg)
{
    (void)arg;
    size_t n = 4096 * 3;
    char *text = malloc(n + 1);
    for (size_t i = 0; i < 4096; i++)
        memcpy(text + 3 * i, "\xE0\xB8\x81", 3);
    text[n] = '\0';
    char *request = malloc(n + 256);
    while (!atomic_load(&busy_stop)) {
        int len = sprintf(request,
                          "POST /v1/analyze HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                          "Content-Type: text/plain\r\nContent-Length: %zu\r\n\r\n%s",
                          n, text);
        tgb_raw_request(fixture.daemon.port, request, (size_t)len, NULL);
    }
    free(request);
    free(text);
    return NULL;
}

/* 20 clients keep every render worker busy; /healthz and memoised pages are answered on the
 * connection threads at once (they once waited 1.2 s behind a 1.75 MB page). */
START_TEST(test_healthz_while_workers_busy)
{
    pthread_t threads[20];
    atomic_store(&busy_stop, false);
    for (int i = 0; i < 20; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, busy_client, NULL), 0);
    sleep_ms(300);
    probe_p99("/healthz", "while 20 clients keep the workers busy");
    atomic_store(&busy_stop, true);
    for (int i = 0; i < 20; i++)
        pthread_join(threads[i], NULL);
}
END_TEST

/* Past --max-connections, requests get a 503 problem with Retry-After at once instead of
 * waiting; idle connections are then closed within a second or two and service resumes. */
START_TEST(test_shedding)
{
    static const char *const args[] = {"--max-connections", "100", NULL};
    stop();
    start_with(args);
    int *fds = open_clients(140, 0);
    char *response = NULL;
    const char request[] = "GET /v1/documents?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n";
    int status = tgb_raw_request(fixture.daemon.port, request, sizeof request - 1, &response);
    ck_assert_int_eq(status, 503);
    ck_assert_ptr_nonnull(strstr(response, "Retry-After: 1"));
    ck_assert_ptr_nonnull(strstr(response, "urn:thaigraph:problem:overloaded"));
    free(response);
    ck_assert_uint_eq(await_closed(fds, 140, 5.0), 140);
    ck_assert_int_eq(tgb_raw_request(fixture.daemon.port, request, sizeof request - 1, NULL), 200);
}
END_TEST

#define DRAIN_KEPT   50
#define DRAIN_LATE   10
#define DRAIN_ROUNDS 8

static void send_request(int fd)
{
    static const char request[] = "GET /v1/documents?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n";
    ck_assert_int_eq(send(fd, request, sizeof request - 1, MSG_NOSIGNAL),
                     (ssize_t)(sizeof request - 1));
}

/* SIGTERM with DRAIN_KEPT kept-alive clients (behind nginx there always are) exits 0 within a
 * second, and the last DRAIN_LATE of them, which send a request just before the signal, get
 * their whole answer. Regression (CI of 2026-12-04): a request the connection's thread had read but
 * not yet handed to the handler looked idle to the drain and was cut off unanswered; the signal and
 * the request arrive together here, so it takes several rounds to see that. */
START_TEST(test_sigterm_drain)
{
    for (int round = 0; round < DRAIN_ROUNDS; round++) {
        int fds[DRAIN_KEPT];
        for (int i = 0; i < DRAIN_KEPT; i++) {
            fds[i] = tgb_connect(fixture.daemon.port);
            ck_assert_int_ge(fds[i], 0);
            send_request(fds[i]);
            char buf[4096];
            ck_assert_int_gt(recv(fds[i], buf, sizeof buf, 0), 0);
        }
        for (int i = DRAIN_KEPT - DRAIN_LATE; i < DRAIN_KEPT; i++)
            send_request(fds[i]);
        double start = now_s();
        int code = tgt_daemon_stop(&fixture.daemon, SIGTERM);
        double took = now_s() - start;
        ck_assert_msg(code == 0, "round %d: the daemon exited with %d", round, code);
        ck_assert_msg(took < 1.0, "round %d took %.3f s to exit", round, took);
        for (int i = DRAIN_KEPT - DRAIN_LATE; i < DRAIN_KEPT; i++) {
            char buf[8192];
            ssize_t got = recv(fds[i], buf, sizeof buf - 1, 0);
            ck_assert_msg(got > 0, "round %d: a request sent before SIGTERM was not answered",
                          round);
            buf[got] = '\0';
            ck_assert_ptr_nonnull(strstr(buf, "HTTP/1.1 200"));
        }
        for (int i = 0; i < DRAIN_KEPT; i++)
            close(fds[i]);
        if (round == 0)
            printf("  exited %.3f s after SIGTERM with %d kept-alive connections\n", took,
                   DRAIN_KEPT);
        ck_assert_msg(tgt_daemon_start(fixture.db, &fixture.daemon, &code), "daemon exited with %d",
                      code);
    }
    baseline = tgb_usage_of(fixture.daemon.pid);
}
END_TEST

#define STOP_ROUNDS 25
#define KNOCKERS    4

static atomic_bool knock_stop;
static atomic_uint knock_port;

/* A client that opens a new connection for every /healthz, so that the connection threads
 * keep waking up while the daemon stops; refused connections (after the listener closed) are
 * retried until told to stop. */
static void *knocking_client(void *arg)
{
    (void)arg;
    const char request[] = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    char buf[1024];
    while (!atomic_load(&knock_stop)) {
        int fd = tgb_connect(atomic_load(&knock_port));
        if (fd < 0) {
            sleep_ms(1);
            continue;
        }
        if (send(fd, request, sizeof request - 1, MSG_NOSIGNAL) > 0)
            while (recv(fd, buf, sizeof buf, 0) > 0)
                ;
        close(fd);
    }
    return NULL;
}

/* Regression (found in issue 10's CI runs; the drain of issue 11): with epoll, libmicrohttpd
 * 0.9.75's MHD_quiesce_daemon and a connection thread's event loop both remove the listening
 * socket from the epoll set without a lock, and the loser aborts the process ("Failed to
 * remove listen FD from epoll set") -- a SIGTERM that crashed now and then under load. Every
 * one of STOP_ROUNDS stops while clients keep connecting must exit 0. */
START_TEST(test_sigterm_while_connecting)
{
    for (int round = 0; round < STOP_ROUNDS; round++) {
        atomic_store(&knock_port, fixture.daemon.port);
        atomic_store(&knock_stop, false);
        pthread_t threads[KNOCKERS];
        for (int i = 0; i < KNOCKERS; i++)
            ck_assert_int_eq(pthread_create(&threads[i], NULL, knocking_client, NULL), 0);
        sleep_ms(20 + round % 5 * 10);
        tgt_assert_log_clean(&fixture.daemon);
        int code = tgt_daemon_stop(&fixture.daemon, SIGTERM);
        atomic_store(&knock_stop, true);
        for (int i = 0; i < KNOCKERS; i++)
            pthread_join(threads[i], NULL);
        ck_assert_msg(code == 0, "stop %d of %d: the daemon exited with %d", round + 1, STOP_ROUNDS,
                      code);
        int status = 0;
        ck_assert_msg(tgt_daemon_start(fixture.db, &fixture.daemon, &status),
                      "daemon exited with %d", status);
    }
    baseline = tgb_usage_of(fixture.daemon.pid);
}
END_TEST

/* A copy of the database made bad in one of five ways, to reload while under load. */
static char *bad_copy(const char *good, int kind)
{
    char name[32];
    snprintf(name, sizeof name, "bad-%d.db", kind);
    char *path = tgt_path(fixture.workdir, name);
    size_t len = 0;
    char *bytes = tgt_read_file(good, &len);
    ck_assert_ptr_nonnull(bytes);
    char command[1024];
    switch (kind) {
    case 0: /* not a database */
        tgt_write_file(path, "this is not a database\n", 23);
        break;
    case 1: /* truncated */
        tgt_write_file(path, bytes, len / 3);
        break;
    case 2: /* empty */
        tgt_write_file(path, "", 0);
        break;
    case 3: /* a schema version from the future */
        tgt_write_file(path, bytes, len);
        snprintf(command, sizeof command, "sqlite3 '%s' 'PRAGMA user_version = 999'", path);
        ck_assert_int_eq(system(command), 0);
        break;
    default: /* an event naming a document that does not exist (quick_check passes) */
        tgt_write_file(path, bytes, len);
        snprintf(command, sizeof command,
                 "sqlite3 '%s' \"UPDATE event_claims SET document_id = 'ghost' WHERE rowid = "
                 "(SELECT min(rowid) FROM event_claims)\"",
                 path);
        ck_assert_int_eq(system(command), 0);
        break;
    }
    free(bytes);
    return path;
}

static void replace_with(const char *from, const char *db)
{
    char *tmp = tgt_path(fixture.workdir, "next.db");
    size_t len = 0;
    char *bytes = tgt_read_file(from, &len);
    tgt_write_file(tmp, bytes, len);
    ck_assert_int_eq(rename(tmp, db), 0);
    free(bytes);
    free(tmp);
}

/* 20 SIGHUPs under wrk, 5 of them to a bad file: zero failed requests, the bad ones refused
 * (the old snapshot kept), the good ones served. */
START_TEST(test_reloads_under_wrk)
{
    char *good = tgt_path(fixture.workdir, "good.db");
    size_t len = 0;
    char *bytes = tgt_read_file(fixture.db, &len);
    tgt_write_file(good, bytes, len);
    free(bytes);
    char *bad[5];
    for (int i = 0; i < 5; i++)
        bad[i] = bad_copy(good, i);
    char url[128], out_path[512];
    snprintf(url, sizeof url, "%s/v1/documents?limit=5", fixture.daemon.base_url);
    snprintf(out_path, sizeof out_path, "%s/wrk.out", fixture.workdir);
    pid_t wrk = fork();
    ck_assert_int_ge(wrk, 0);
    if (wrk == 0) {
        freopen(out_path, "w", stdout);
        execlp("wrk", "wrk", "-t", "2", "-c", "16", "-d", "12s", "--latency", url, (char *)NULL);
        _exit(127);
    }
    sleep_ms(1000);
    json_t *before = tgt_get_json(&fixture.daemon, "/healthz", 200, TGT_JSON);
    json_int_t generation = json_integer_value(json_object_get(before, "generation"));
    json_decref(before);
    for (int i = 0; i < 20; i++) {
        bool bad_one = i % 4 == 3;
        replace_with(bad_one ? bad[i / 4] : good, fixture.db);
        kill(fixture.daemon.pid, SIGHUP);
        sleep_ms(450);
        int code = 0;
        ck_assert_msg(waitpid(fixture.daemon.pid, &code, WNOHANG) == 0,
                      "the daemon died on reload %d", i);
    }
    int wstatus = 0;
    ck_assert_int_eq(waitpid(wrk, &wstatus, 0), wrk);
    ck_assert_msg(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0, "wrk failed (installed?)");
    char *report = tgt_read_file(out_path, NULL);
    ck_assert_ptr_nonnull(report);
    long requests = 0;
    const char *line = strstr(report, " requests in ");
    while (line && line > report && line[-1] != '\n')
        line--;
    ck_assert_msg(line && sscanf(line, " %ld requests in", &requests) == 1, "wrk said: %s", report);
    ck_assert_msg(!strstr(report, "Non-2xx") && !strstr(report, "Socket errors"),
                  "requests failed across the reloads: %s", report);
    printf("  20 reloads (5 of bad files) under wrk: %ld requests, 0 failed\n", requests);
    ck_assert_int_gt(requests, 1000);
    free(report);
    /* Still serving a good snapshot: the bad files were refused, the old snapshot kept. */
    replace_with(good, fixture.db);
    json_t *after = tgt_get_json(&fixture.daemon, "/healthz", 200, TGT_JSON);
    ck_assert_int_ge(json_integer_value(json_object_get(after, "generation")), generation);
    ck_assert_int_eq(json_integer_value(json_object_get(after, "documents")), 5);
    json_decref(after);
    for (int i = 0; i < 5; i++)
        free(bad[i]);
    free(good);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("battery_load");
    TCase *tc = tcase_create("load");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, start_default, stop);
    tcase_add_test(tc, test_slow_clients);
    tcase_add_test(tc, test_idle_flood);
    tcase_add_test(tc, test_healthz_while_workers_busy);
    tcase_add_test(tc, test_shedding);
    tcase_add_test(tc, test_sigterm_drain);
    tcase_add_test(tc, test_reloads_under_wrk);
    suite_add_tcase(suite, tc);
    TCase *stops = tcase_create("stops");
    tcase_set_timeout(stops, 120);
    tcase_add_checked_fixture(stops, start_default, stop);
    tcase_add_test(stops, test_sigterm_while_connecting);
    suite_add_tcase(suite, stops);
    return tgt_run_suite(suite);
}
