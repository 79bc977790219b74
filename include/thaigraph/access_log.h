/*
 * access_log: one line per answered request (time, client address, X-Forwarded-For when the
 * client is a trusted proxy, method, path, status, body bytes, duration, request id), as JSON
 * Lines or as the common log format with those fields appended.
 *
 * The log is process-wide: thaigraphd opens it once before serving and reopens it on SIGHUP
 * (so logrotate can move the file away). Each line goes out in one write(2), so lines from
 * different threads never interleave. Off by default, when it costs a request nothing.
 *
 * Memory: the configuration's strings are copied; nothing returned needs freeing.
 */
#ifndef THAIGRAPH_ACCESS_LOG_H
#define THAIGRAPH_ACCESS_LOG_H

#include <stdbool.h>

#include "thaigraph/status.h"

enum tg_access_log_format {
    TG_ACCESS_LOG_OFF,
    TG_ACCESS_LOG_JSON,   /* {"time","client","forwarded_for","method","path",...} per line */
    TG_ACCESS_LOG_COMMON, /* host - - [date] "METHOD path HTTP/1.1" status bytes + extras */
};

struct tg_access_log_config {
    enum tg_access_log_format format;
    const char *path; /* NULL or "-": standard output; otherwise appended to */
    /* Comma-separated addresses or CIDR ranges ("127.0.0.1,10.0.0.0/8,::1") whose
     * X-Forwarded-For is logged; NULL: none. */
    const char *trusted_proxies;
};

/* Parses a format name: "json", "common" or "off". */
enum tg_status tg_access_log_format_parse(const char *name, enum tg_access_log_format *out);

/* Checks the configuration and opens the log. TG_ERR_BAD_PARAMETER for a malformed proxy list,
 * TG_ERR_IO when the file cannot be opened. */
enum tg_status tg_access_log_open(const struct tg_access_log_config *config, struct tg_error *err);

/* Reopens the file by name (after logrotate moved it); a no-op for standard output. On failure
 * the old file stays in use. */
enum tg_status tg_access_log_reopen(struct tg_error *err);

/* Closes the file; later requests are not logged. */
void tg_access_log_close(void);

#endif
