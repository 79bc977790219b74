/*
 * issue 11: the hostile-client battery's shared checks. Every case ends by asserting that the
 * daemon it attacked still answers /healthz, that its file descriptors and resident memory are
 * back near what they were before, and that the sanitizers (the battery runs against the
 * ASan+UBSan build in CI) wrote nothing to its log. Plus raw-socket helpers for requests curl
 * will not send, and timing of probe requests.
 *
 * Memory: strings returned are malloc'd for the caller.
 */
#ifndef THAIGRAPH_TEST_BATTERY_H
#define THAIGRAPH_TEST_BATTERY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "harness.h"

struct tgb_usage {
    long fds;
    long rss_kb;
};

/* Open descriptors and resident memory of a process, from /proc. */
struct tgb_usage tgb_usage_of(pid_t pid);

/* Asserts /healthz answers 200, the sanitizers said nothing, and (waiting up to 10 s for
 * connections to wind down) fds and RSS are back near baseline. */
void tgb_assert_recovered(const struct tgt_daemon *daemon, const struct tgb_usage *baseline);

/* Stops the daemon with SIGTERM, asserting a clean exit (and, as every stop does, a clean log). */
void tgb_stop(struct tgt_daemon *daemon);

/* True when this build runs under AddressSanitizer (set by meson for the battery). */
bool tgb_sanitized(void);

/* A TCP connection to 127.0.0.1:port, blocking; -1 when refused. */
int tgb_connect(unsigned port);

/* Sends a raw request on a new connection and reads the response until the server closes it
 * or Content-Length is complete; returns the status (0: no response) and the raw response. */
int tgb_raw_request(unsigned port, const char *request, size_t len, char **response);

/* Milliseconds for GET path on a new connection, or a negative number when it failed. */
double tgb_probe_ms(unsigned port, const char *path);

/* The p-th percentile (0..100) of n values; sorts them. */
double tgb_percentile(double *values, size_t n, double p);

/* Raises this process's descriptor limit to its hard limit. */
void tgb_raise_fd_limit(void);

#endif
