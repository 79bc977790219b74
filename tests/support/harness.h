/*
 * Test harness shared by the suites that drive thaigraph's binaries: temporary directories,
 * running a command and capturing its output, a real daemon on an ephemeral loopback port, and
 * an HTTP client. Paths to the binaries come from the environment meson sets
 * (THAIGRAPH_BIN, THAIGRAPHD_BIN, TG_SEEDS_DIR).
 *
 * Memory: every char * returned is malloc'd and freed by the caller; responses are released
 * with tgt_response_free.
 */
#ifndef THAIGRAPH_TEST_HARNESS_H
#define THAIGRAPH_TEST_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The value of a required environment variable; aborts the test run when it is missing. */
const char *tgt_env(const char *name);

/* A new empty directory under $TMPDIR (or /tmp). */
char *tgt_tempdir(void);

/* Removes a directory tree made by tgt_tempdir. */
void tgt_rmtree(const char *dir);

/* dir + "/" + name. */
char *tgt_path(const char *dir, const char *name);

/* Writes bytes to a file, replacing it. */
void tgt_write_file(const char *path, const void *bytes, size_t len);

/* Reads a whole file; NULL when it cannot be read. *len may be NULL. */
char *tgt_read_file(const char *path, size_t *len);

/* Runs argv (NULL-terminated) to completion with stdin from /dev/null, capturing stdout and
 * stderr (either may be NULL). Returns the exit status, or 128+signal when killed. */
int tgt_run(const char *const argv[], char **out, char **err);

/* The same with stdin read from the file input_path. */
int tgt_run_with_input(const char *const argv[], const char *input_path, char **out, char **err);

struct tgt_daemon {
    pid_t pid;
    unsigned port;
    char base_url[64];
    int stdout_fd;
    char *stderr_path;
};

/* Starts thaigraphd on db at 127.0.0.1:0 and waits (up to 10 s) until it reports its port.
 * Returns false, with the daemon's exit status in *exit_status, when it exits instead. */
bool tgt_daemon_start(const char *db, struct tgt_daemon *daemon, int *exit_status);

/* The same with more arguments (NULL-terminated) after --db, --listen and --threads. */
bool tgt_daemon_start_with(const char *db, const char *const *extra_args, struct tgt_daemon *daemon,
                           int *exit_status);

/* Asserts the daemon's log holds no sanitizer report. */
void tgt_assert_log_clean(const struct tgt_daemon *daemon);

/* Sends sig and waits for the daemon; asserts its log holds no sanitizer report, then deletes
 * the log; returns its exit status (128+signal when killed). */
int tgt_daemon_stop(struct tgt_daemon *daemon, int sig);

/* Sends a signal without waiting, for reloads. */
void tgt_daemon_signal(const struct tgt_daemon *daemon, int sig);

struct tgt_response {
    long status;
    char *body;
    size_t body_len;
    char *headers; /* raw response header block, lower-cased names not guaranteed */
};

/* Performs one request; extra_headers is NULL or a NULL-terminated list of "Name: value". */
void tgt_http(const char *method, const char *url, const char *const *extra_headers,
              struct tgt_response *response);

/* The same with a request body (upload_len bytes; upload NULL for none), e.g. a POST. */
void tgt_http_body(const char *method, const char *url, const char *const *extra_headers,
                   const void *upload, size_t upload_len, struct tgt_response *response);

/* The value of a response header (case-insensitive name), or NULL; caller frees. */
char *tgt_header(const struct tgt_response *response, const char *name);

void tgt_response_free(struct tgt_response *response);

/* Percent-encodes a query value (Thai names in URLs). */
char *tgt_url_escape(const char *value);

/* The content types of the API's bodies. */
#define TGT_JSON    "application/json; charset=utf-8"
#define TGT_PROBLEM "application/problem+json; charset=utf-8"

/* A daemon serving the seed corpus from a database of its own in a fresh directory. */
struct tgt_seeded {
    char *workdir;
    char *db;
    struct tgt_daemon daemon;
};

/* Ingests path into the fixture's database, asserting success. */
void tgt_ingest(const struct tgt_seeded *fixture, const char *path);

/* Ingests seeds/ and starts a daemon on it; tgt_seeded_stop asserts a clean exit 0. */
void tgt_seeded_start(struct tgt_seeded *fixture);
void tgt_seeded_stop(struct tgt_seeded *fixture);

/* GETs path from the daemon, asserts status and content type, and returns the parsed body
 * (caller json_decref's it). */
struct json_t *tgt_get_json(const struct tgt_daemon *daemon, const char *path, long status,
                            const char *content_type);

/* tgt_get_json with query parameters percent-encoded (Thai text): pairs is name, value, ...,
 * NULL. A status of 300 or more expects a problem body. */
struct json_t *tgt_get_query(const struct tgt_daemon *daemon, const char *path, long status,
                             const char *const *pairs);

/* Asserts that GET path answers a problem body with this status (and names parameter, when
 * not NULL). */
void tgt_assert_problem(const struct tgt_daemon *daemon, const char *path, long status,
                        const char *parameter);

#endif
