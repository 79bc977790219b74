/*
 * status: the one error vocabulary of thaigraph.
 *
 * Every fallible function returns an enum tg_status and hands results back through
 * out-parameters. The same table turns a status into a log message, a CLI exit message and an
 * HTTP problem body, so a failure reads the same wherever it surfaces.
 *
 * Memory: every string returned here is static; callers never free it.
 */
#ifndef THAIGRAPH_STATUS_H
#define THAIGRAPH_STATUS_H

enum tg_status {
    TG_OK = 0,
    TG_ERR_NOMEM,            /* allocation failed */
    TG_ERR_INVALID_ARGUMENT, /* a caller passed a value outside the documented domain */
    TG_ERR_BAD_PARAMETER,    /* a request or command-line parameter is malformed */
    TG_ERR_NOT_FOUND,        /* no such resource, file or name */
    TG_ERR_METHOD,           /* HTTP method not allowed on this route */
    TG_ERR_AMBIGUOUS,        /* a name matches several entities */
    TG_ERR_IO,               /* read, write or rename failed */
    TG_ERR_INVALID_UTF8,     /* input is not well-formed UTF-8 */
    TG_ERR_EMPTY,            /* input holds no text */
    TG_ERR_TOO_LARGE,        /* input exceeds a documented limit */
    TG_ERR_PARSE,            /* input does not have the expected syntax */
    TG_ERR_DUPLICATE,        /* an id occurs twice */
    TG_ERR_DB,               /* SQLite reported an error */
    TG_ERR_DB_CORRUPT,       /* the database file is not a usable thaigraph database */
    TG_ERR_DB_VERSION,       /* the database schema version is not the one this build reads */
    TG_ERR_ICU,              /* ICU reported an error */
    TG_ERR_UNAVAILABLE,      /* the service cannot answer right now (no snapshot loaded) */
    TG_ERR_INTERNAL,         /* a broken invariant; a bug in thaigraph */
    TG_ERR_URI_TOO_LONG,     /* a request target longer than the daemon reads */
    TG_ERR_BODY_TOO_LARGE,   /* a request body past the route's cap */
    TG_ERR_OVERLOADED,       /* every slot is taken; retry shortly */
    TG_ERR_BUSY,             /* another process holds the lock on the file */
    TG_STATUS_COUNT
};

/* Short stable identifier such as "not_found"; also the last segment of the problem type URI. */
const char *tg_status_name(enum tg_status status);

/* Human-readable title for messages and problem bodies ("Not found"). */
const char *tg_status_title(enum tg_status status);

/* HTTP status code a request failing with this status answers with. */
unsigned tg_status_http_code(enum tg_status status);

/*
 * Free-text detail of a failure (the file and line, the SQLite message) that travels beside the
 * status to the log line, CLI message or problem body. Callers own it, usually on the stack;
 * functions that take one accept NULL when the caller does not want the detail.
 */
struct tg_error {
    char message[512];
};

/* Formats the detail into err (truncating) and returns status, so failures read
 * `return tg_error_set(err, TG_ERR_IO, "%s: %s", path, strerror(errno));`. */
enum tg_status tg_error_set(struct tg_error *err, enum tg_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
