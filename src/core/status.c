#include "thaigraph/status.h"

#include <stdarg.h>
#include <stdio.h>

struct status_row {
    const char *name;
    const char *title;
    unsigned http_code;
};

/* Indexed by enum tg_status; the static assert below keeps it in step with the enum. */
static const struct status_row status_table[] = {
    [TG_OK] = {"ok", "OK", 200},
    [TG_ERR_NOMEM] = {"out_of_memory", "Out of memory", 503},
    [TG_ERR_INVALID_ARGUMENT] = {"invalid_argument", "Invalid argument", 500},
    [TG_ERR_BAD_PARAMETER] = {"bad_parameter", "Bad parameter", 400},
    [TG_ERR_NOT_FOUND] = {"not_found", "Not found", 404},
    [TG_ERR_METHOD] = {"method_not_allowed", "Method not allowed", 405},
    [TG_ERR_AMBIGUOUS] = {"ambiguous", "Ambiguous name", 422},
    [TG_ERR_IO] = {"io_error", "Input/output error", 500},
    [TG_ERR_INVALID_UTF8] = {"invalid_utf8", "Invalid UTF-8", 400},
    [TG_ERR_EMPTY] = {"empty_input", "Empty input", 400},
    [TG_ERR_TOO_LARGE] = {"too_large", "Input too large", 400},
    [TG_ERR_PARSE] = {"parse_error", "Malformed input", 400},
    [TG_ERR_DUPLICATE] = {"duplicate_id", "Duplicate id", 409},
    [TG_ERR_DB] = {"database_error", "Database error", 500},
    [TG_ERR_DB_CORRUPT] = {"database_corrupt", "Not a thaigraph database", 500},
    [TG_ERR_DB_VERSION] = {"database_version", "Unsupported database version", 500},
    [TG_ERR_ICU] = {"icu_error", "Text processing error", 500},
    [TG_ERR_UNAVAILABLE] = {"unavailable", "Service unavailable", 503},
    [TG_ERR_INTERNAL] = {"internal_error", "Internal error", 500},
    [TG_ERR_URI_TOO_LONG] = {"uri_too_long", "URI too long", 414},
    [TG_ERR_BODY_TOO_LARGE] = {"body_too_large", "Request body too large", 413},
    [TG_ERR_OVERLOADED] = {"overloaded", "Too many connections", 503},
    [TG_ERR_BUSY] = {"busy", "In use by another process", 409},
};

_Static_assert(sizeof status_table / sizeof status_table[0] == TG_STATUS_COUNT,
               "status_table must have one row per enum tg_status value");

static const struct status_row *row_for(enum tg_status status)
{
    if ((unsigned)status >= TG_STATUS_COUNT)
        return &status_table[TG_ERR_INTERNAL];
    return &status_table[status];
}

const char *tg_status_name(enum tg_status status)
{
    return row_for(status)->name;
}

const char *tg_status_title(enum tg_status status)
{
    return row_for(status)->title;
}

unsigned tg_status_http_code(enum tg_status status)
{
    return row_for(status)->http_code;
}

enum tg_status tg_error_set(struct tg_error *err, enum tg_status status, const char *fmt, ...)
{
    if (err) {
        va_list args;
        va_start(args, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, args);
        va_end(args);
    }
    return status;
}
