/*
 * http: thaigraphd's HTTP front, on libmicrohttpd.
 *
 * Requests are matched against one static route table; handlers are thin (validate parameters,
 * ask the snapshot, build JSON) and every failure becomes an RFC 9457 problem body through the
 * status table. Each request reads the snapshot current when it arrived, so a reload never
 * changes a response half-way.
 *
 * Memory: the server borrows the snapshot holder, which must outlive it; tg_http_server_stop
 * frees the server.
 */
#ifndef THAIGRAPH_HTTP_H
#define THAIGRAPH_HTTP_H

#include <stdint.h>

#include "thaigraph/snapshot.h"
#include "thaigraph/status.h"

struct tg_http_server;

struct tg_http_config {
    const char *listen;   /* "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0" (0: any free port) */
    unsigned threads;     /* connection threads and as many render threads, at least 1 */
    unsigned timeout_sec; /* a kept-alive connection's next request must be in by then */
    /* A new connection's request line and headers must be in by then, however slowly they
     * trickle in (0: TG_HTTP_HEADER_TIMEOUT_SEC). */
    unsigned header_timeout_sec;
    /* Open connections before requests are answered 503 (0: TG_HTTP_MAX_CONNECTIONS); lowered
     * to what the process's descriptor limit allows. */
    unsigned max_connections;
    unsigned cache_max_age; /* Cache-Control max-age of cacheable answers, in seconds */
};

#define TG_HTTP_HEADER_TIMEOUT_SEC 10
#define TG_HTTP_MAX_CONNECTIONS    4096

/* Binds and starts serving. TG_ERR_BAD_PARAMETER for a malformed address, TG_ERR_IO when the
 * address cannot be bound. */
enum tg_status tg_http_server_start(const struct tg_http_config *config,
                                    struct tg_snapshot_holder *holder, struct tg_http_server **out,
                                    struct tg_error *err);

/* The port actually bound, which differs from the configured one when that was 0. */
uint16_t tg_http_server_port(const struct tg_http_server *server);

/* Stops accepting, closes idle connections at once, finishes the requests in flight (for at
 * most 5 s) and frees the server. NULL is a no-op. */
void tg_http_server_stop(struct tg_http_server *server);

#endif
