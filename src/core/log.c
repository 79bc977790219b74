#include "thaigraph/log.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

static atomic_int min_level = TG_LOG_INFO;

void tg_log_set_level(enum tg_log_level level)
{
    atomic_store(&min_level, (int)level);
}

void tg_log(enum tg_log_level level, const char *fmt, ...)
{
    static const char *const names[] = {"debug", "info", "warn", "error"};
    if ((int)level < atomic_load(&min_level))
        return;
    char stamp[32];
    time_t now = time(NULL);
    struct tm utc;
    gmtime_r(&now, &utc);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);

    /* Format into one buffer and write it with one call so lines from threads never interleave. */
    char line[2048];
    int used = snprintf(line, sizeof line, "%s %s ", stamp, names[level]);
    va_list args;
    va_start(args, fmt);
    vsnprintf(line + used, sizeof line - (size_t)used, fmt, args);
    va_end(args);
    fprintf(stderr, "%s\n", line);
}

double tg_log_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
