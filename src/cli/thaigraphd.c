/*
 * thaigraphd: serves a thaigraph database over HTTP. Loads the file before binding, so a bad
 * database fails fast without ever opening a port; SIGHUP reloads it (a failed reload keeps the
 * old snapshot) and reopens the access log; SIGTERM and SIGINT drain and exit 0. Under systemd
 * it reports readiness and reloads (Type=notify); `thaigraphd --reload PID` is the unit's
 * ExecReload, a reload that exits 1 when the daemon kept its old snapshot.
 */
#define _GNU_SOURCE /* SCHED_IDLE */
#include <getopt.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "thaigraph/access_log.h"
#include "thaigraph/graph.h"
#include "thaigraph/http.h"
#include "thaigraph/log.h"
#include "thaigraph/search.h"
#include "thaigraph/service.h"
#include "thaigraph/snapshot.h"

static const char usage_text[] =
    "usage: thaigraphd --db FILE [--listen ADDR:PORT] [--threads N] [--timeout SECONDS]\n"
    "                  [--header-timeout SECONDS] [--max-connections N]\n"
    "                  [--cache-max-age SECONDS] [--access-log json|common|off]\n"
    "                  [--access-log-file PATH] [--trusted-proxy LIST]\n"
    "       thaigraphd --reload PID\n"
    "       thaigraphd --version | --help\n"
    "\n"
    "  --db FILE          graph database written by `thaigraph ingest`\n"
    "  --listen ADDR:PORT address to serve on (default 127.0.0.1:8080; port 0 picks a free one)\n"
    "  --threads N        worker threads (default: the number of CPUs)\n"
    "  --timeout SECONDS  idle connection timeout (default 30)\n"
    "  --header-timeout SECONDS\n"
    "                     a new connection's request must be in by then (default 10)\n"
    "  --max-connections N\n"
    "                     open connections before requests are answered 503 (default 4096)\n"
    "  --cache-max-age SECONDS\n"
    "                     how long clients and proxies may reuse an answer before revalidating\n"
    "                     it by ETag (default 60)\n"
    "  --access-log FORMAT one line per request as JSON (json) or common log format (common);\n"
    "                     default off\n"
    "  --access-log-file PATH\n"
    "                     where the access log goes (default standard output); reopened on SIGHUP\n"
    "  --trusted-proxy LIST\n"
    "                     addresses or CIDR ranges, comma-separated, whose X-Forwarded-For is\n"
    "                     logged (e.g. 127.0.0.1 for a local nginx)\n"
    "  --reload PID       ask the daemon PID to reload its database and wait for the outcome:\n"
    "                     exit 0 when the new snapshot serves, 1 when the daemon kept the old one\n"
    "\n"
    "Prints `listening on http://ADDR:PORT` on stdout once ready. SIGHUP reloads FILE.\n"
    "Exit status: 0 after a clean stop, 1 when FILE cannot be served or the address cannot be\n"
    "bound, 2 on usage errors.\n";

struct daemon_options {
    const char *db;
    struct tg_http_config http;
    struct tg_access_log_config access_log;
    long reload_pid; /* --reload: the daemon to ask; 0 otherwise */
};

static int parse_unsigned(const char *text, const char *name, unsigned max, unsigned *out)
{
    char *end = NULL;
    unsigned long value = strtoul(text, &end, 10);
    if (*text == '\0' || *end != '\0' || value < 1 || value > max) {
        fprintf(stderr, "thaigraphd: %s must be a whole number from 1 to %u\n", name, max);
        return -1;
    }
    *out = (unsigned)value;
    return 0;
}

static int parse_options(int argc, char **argv, struct daemon_options *o)
{
    static const struct option long_options[] = {
        {"db", required_argument, NULL, 'd'},
        {"listen", required_argument, NULL, 'l'},
        {"threads", required_argument, NULL, 't'},
        {"timeout", required_argument, NULL, 'T'},
        {"header-timeout", required_argument, NULL, 'H'},
        {"max-connections", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"cache-max-age", required_argument, NULL, 'c'},
        {"access-log", required_argument, NULL, 'a'},
        {"access-log-file", required_argument, NULL, 'f'},
        {"trusted-proxy", required_argument, NULL, 'p'},
        {"reload", required_argument, NULL, 'r'},
        {NULL, 0, NULL, 0},
    };
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    o->http.listen = "127.0.0.1:8080";
    o->http.threads = cpus > 0 ? (unsigned)cpus : 1;
    o->http.timeout_sec = 30;
    o->http.cache_max_age = 60;
    unsigned pid = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (opt) {
        case 'd':
            o->db = optarg;
            break;
        case 'l':
            o->http.listen = optarg;
            break;
        case 't':
            if (parse_unsigned(optarg, "--threads", 256, &o->http.threads) != 0)
                return 2;
            break;
        case 'T':
            if (parse_unsigned(optarg, "--timeout", 3600, &o->http.timeout_sec) != 0)
                return 2;
            break;
        case 'H':
            if (parse_unsigned(optarg, "--header-timeout", 3600, &o->http.header_timeout_sec) != 0)
                return 2;
            break;
        case 'm':
            if (parse_unsigned(optarg, "--max-connections", 1000000, &o->http.max_connections) != 0)
                return 2;
            break;
        case 'c':
            if (parse_unsigned(optarg, "--cache-max-age", 86400, &o->http.cache_max_age) != 0)
                return 2;
            break;
        case 'a':
            if (tg_access_log_format_parse(optarg, &o->access_log.format) != TG_OK) {
                fprintf(stderr, "thaigraphd: --access-log must be json, common or off\n");
                return 2;
            }
            break;
        case 'f':
            o->access_log.path = optarg;
            break;
        case 'p':
            o->access_log.trusted_proxies = optarg;
            break;
        case 'r':
            if (parse_unsigned(optarg, "--reload", 1u << 22, &pid) != 0)
                return 2;
            o->reload_pid = (long)pid;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        case 'V':
            puts("thaigraphd " TG_VERSION);
            return 0;
        default:
            fputs(usage_text, stderr);
            return 2;
        }
    }
    if (o->reload_pid && !o->db && optind == argc)
        return -1;
    if (!o->db || optind != argc) {
        fprintf(stderr, "thaigraphd: %s\n\n%s", o->db ? "unexpected argument" : "--db is required",
                usage_text);
        return 2;
    }
    return -1;
}

/*
 * Queries find a snapshot's words only when this daemon reads them as ingest read the texts
 * (issue 10): after an upgrade of ICU or of the segmenter without a new ingest they would miss
 * words silently, so the daemon says so. It serves anyway: most queries still work.
 */
static void check_words(const struct tg_graph *g, const char *db)
{
    char words[TG_SEARCH_WORDS_FINGERPRINT_SIZE];
    tg_search_words_fingerprint(words);
    const char *made = tg_graph_words(g);
    size_t n = strlen(words);
    if (strncmp(made, words, n) != 0 || (made[n] != '\0' && made[n] != ' '))
        tg_log(TG_LOG_WARN,
               "%s: the snapshot's search words were made by '%s', this daemon reads queries as"
               " '%s'; queries may miss words until `thaigraph ingest --db %s` rebuilds them",
               db, made[0] ? made : "(not recorded)", words, db);
}

/* The postings and span tables no query has read yet, checked while the graph serves: damage a
 * forged checksum hid is then logged within a second of the load, not at the first query that
 * meets it (which checks its own parts meanwhile). */
static void check_search(const struct tg_graph *graph)
{
    double start = tg_log_seconds();
    if (tg_graph_check_search(graph))
        tg_log(TG_LOG_INFO, "search indexes checked in %.3f s", tg_log_seconds() - start);
    else
        tg_log(TG_LOG_ERROR, "the search indexes are damaged; queries that read the damage fail");
}

struct idle_work {
    void (*work)(const struct tg_graph *);
    const struct tg_graph *graph;
};

static void *run_idle(void *arg)
{
    const struct idle_work *w = arg;
    /* Refused, the work runs at the priority it had: slower first queries, nothing worse. */
    (void)pthread_setschedparam(pthread_self(), SCHED_IDLE, &(struct sched_param){0});
    w->work(w->graph);
    return NULL;
}

/*
 * Work done while graph serves (mapping the search indexes' pages, checking the parts no query
 * has read yet), on a thread of idle priority that this one waits for, so it takes only the CPU
 * requests leave: run beside them at their priority, it made the first cold queries after a start
 * or a reload wait for a core (issue 10: cold p95 2.5 -> 4.0 ms at the full corpus). This thread
 * alone swaps snapshots, so graph serves until it returns.
 */
static void idle(void (*work)(const struct tg_graph *), const struct tg_graph *graph)
{
    struct idle_work w = {work, graph};
    pthread_t thread;
    if (pthread_create(&thread, NULL, run_idle, &w) == 0)
        pthread_join(thread, NULL);
    else
        work(graph);
}

/* A reload loads and checks the file exactly as start-up does, and swaps only on success. */
static bool reload(struct tg_snapshot_holder *holder, const char *db)
{
    struct tg_graph *next = NULL;
    struct tg_error err = {{0}};
    double start = tg_log_seconds();
    /* Until the swap both snapshots are mapped; what requests read from the old one meanwhile
     * faults back in, the rest is not counted twice (see tg_graph_drop_pages). */
    struct tg_snapshot_ticket ticket;
    tg_graph_drop_pages(tg_snapshot_acquire(holder, &ticket));
    tg_snapshot_release(holder, &ticket);
    enum tg_status status = tg_graph_load(db, &next, &err);
    if (status != TG_OK) {
        tg_log(TG_LOG_ERROR, "reload failed, still serving the previous snapshot: %s", err.message);
        return false;
    }
    check_words(next, db);
    uint64_t generation = tg_graph_generation(next);
    size_t documents = tg_graph_document_count(next);
    tg_snapshot_swap(holder, next);
    idle(tg_graph_map_search, next);
    tg_log(TG_LOG_INFO, "reloaded %s in %.3f s: generation %llu, %zu documents", db,
           tg_log_seconds() - start, (unsigned long long)generation, documents);
    idle(check_search, next);
    return true;
}

/* SIGHUP: a reload framed for the supervisor, and the access log reopened after rotation. */
static void reload_and_report(struct tg_snapshot_holder *holder, const char *db,
                              const siginfo_t *info)
{
    tg_service_reloading();
    bool ok = reload(holder, db);
    tg_service_reload_done(info, ok,
                           ok ? "serving the reloaded snapshot"
                              : "reload failed; serving the previous snapshot");
    struct tg_error err = {{0}};
    if (tg_access_log_reopen(&err) != TG_OK)
        tg_log(TG_LOG_ERROR, "%s; still logging to the old file", err.message);
}

static int request_reload(long pid)
{
    struct tg_error err = {{0}};
    if (tg_service_request_reload((pid_t)pid, &err) != TG_OK) {
        fprintf(stderr, "thaigraphd: %s\n", err.message);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct daemon_options options = {0};
    int parsed = parse_options(argc, argv, &options);
    if (parsed >= 0)
        return parsed;
    if (options.reload_pid)
        return request_reload(options.reload_pid);

    /* Signals are taken synchronously by this thread alone; MHD's threads inherit the mask. */
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct tg_graph *graph = NULL;
    struct tg_error err = {{0}};
    enum tg_status opened = tg_access_log_open(&options.access_log, &err);
    if (opened == TG_ERR_BAD_PARAMETER) {
        fprintf(stderr, "thaigraphd: --trusted-proxy: %s\n", err.message);
        return 2;
    }
    if (opened != TG_OK) {
        tg_log(TG_LOG_ERROR, "cannot serve: %s", err.message);
        return 1;
    }
    double start = tg_log_seconds();
    if (tg_graph_load(options.db, &graph, &err) != TG_OK) {
        tg_log(TG_LOG_ERROR, "cannot serve: %s", err.message);
        return 1;
    }
    check_words(graph, options.db);
    struct tg_snapshot_holder *holder = NULL;
    if (tg_snapshot_holder_new(graph, &holder) != TG_OK) {
        tg_graph_free(graph);
        tg_log(TG_LOG_ERROR, "cannot serve: out of memory");
        return 1;
    }
    struct tg_http_server *server = NULL;
    if (tg_http_server_start(&options.http, holder, &server, &err) != TG_OK) {
        tg_log(TG_LOG_ERROR, "cannot serve: %s", err.message);
        tg_snapshot_holder_free(holder);
        return 1;
    }
    tg_log(TG_LOG_INFO,
           "serving %s (generation %llu, %zu documents, loaded in %.3f s) with %u threads",
           options.db, (unsigned long long)tg_graph_generation(graph),
           tg_graph_document_count(graph), tg_log_seconds() - start, options.http.threads);
    const char *listen = options.http.listen;
    int host_len = (int)(strrchr(listen, ':') - listen);
    printf("listening on http://%.*s:%u\n", host_len, listen, tg_http_server_port(server));
    fflush(stdout);
    tg_service_ready("serving %zu documents on port %u", tg_graph_document_count(graph),
                     tg_http_server_port(server));
    /* Mapping the search indexes' pages (a few hundred MB at the full corpus, read from disk when
     * the page cache lacks them) only spares the first queries their page faults, so it comes
     * once the daemon answers, not before (issue 10: exec to the first 200). */
    idle(tg_graph_map_search, graph);
    idle(check_search, graph);

    for (;;) {
        siginfo_t info;
        int sig = sigwaitinfo(&signals, &info);
        if (sig < 0)
            continue;
        if (sig == SIGHUP) {
            reload_and_report(holder, options.db, &info);
            continue;
        }
        tg_log(TG_LOG_INFO, "received %s, draining", sig == SIGTERM ? "SIGTERM" : "SIGINT");
        break;
    }
    tg_service_stopping();
    tg_http_server_stop(server);
    tg_snapshot_holder_free(holder);
    tg_access_log_close();
    return 0;
}
