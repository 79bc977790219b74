/*
 * Private to src/http: what keeps one client from hanging or starving the daemon.
 *
 * Connections. libmicrohttpd's idle timeout restarts with every byte, so a client sending one
 * byte every few seconds keeps its slot for ever. The registry follows each connection through
 * its requests and a sweeper thread closes (shutdown(2); libmicrohttpd then cleans up as for any
 * peer that went away) every connection whose request is not in by its deadline: the header
 * deadline from the moment a connection opens, the idle timeout from the end of its previous
 * response. When more than three quarters of the slots are taken, idle connections are closed
 * after a second, and past the limit new requests are answered 503 with Retry-After.
 *
 * Work. Rendering a response happens on a pool of worker threads, with the connection
 * suspended meanwhile, so an expensive page never stalls the other connections of the
 * libmicrohttpd thread that owns it (/healthz, memo hits and 304s are answered at once on that
 * thread). The queue of renders is bounded; past it, requests are answered 503.
 *
 * Memory: http_limits_stop and http_workers_stop free what their start allocated.
 */
#ifndef THAIGRAPH_HTTP_LIMITS_H
#define THAIGRAPH_HTTP_LIMITS_H

#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/status.h"

struct http_limits;

struct http_limits_config {
    unsigned header_seconds; /* a new connection's request must be in by then */
    unsigned idle_seconds;   /* and a kept-alive connection's next one */
    size_t max_connections;
};

enum tg_status http_limits_start(const struct http_limits_config *config, struct http_limits **out);
void http_limits_stop(struct http_limits *limits);

/* MHD_OPTION_NOTIFY_CONNECTION; cls is the registry. */
void http_limits_notify(void *cls, struct MHD_Connection *connection, void **socket_context,
                        enum MHD_ConnectionNotificationCode code);

/* A request's line and headers are in: the connection is busy until http_limits_idle. */
void http_limits_busy(struct MHD_Connection *connection);
/* Its response went out: the next request must come by the idle deadline. */
void http_limits_idle(struct MHD_Connection *connection);

/* True when more connections are open than the limit allows. */
bool http_limits_over(struct http_limits *limits);
size_t http_limits_connections(struct http_limits *limits);

/* From now on, closes every connection as soon as it is not busy. */
void http_limits_drain(struct http_limits *limits);

struct http_workers;

/* A queued job; embed it in the job's own struct. */
struct http_job {
    struct http_job *next;
};

typedef void (*http_job_run)(struct http_job *job);

/* Each worker thread first runs prepare(ctx) (NULL: nothing), before it takes any job. */
enum tg_status http_workers_start(unsigned threads, size_t max_queued, http_job_run run,
                                  void (*prepare)(void *ctx), void *ctx, struct http_workers **out);

/* Queues a job; false when the queue is full (the caller answers 503). */
bool http_workers_submit(struct http_workers *workers, struct http_job *job);

/* Jobs queued or running. */
size_t http_workers_pending(struct http_workers *workers);

/* Runs what is queued, then ends the threads. */
void http_workers_stop(struct http_workers *workers);

#endif
