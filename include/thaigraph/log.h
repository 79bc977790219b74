/*
 * log: one line per event on stderr, with a UTC timestamp and a level, so that the daemon's
 * output reads well under systemd, docker logs and a terminal alike.
 */
#ifndef THAIGRAPH_LOG_H
#define THAIGRAPH_LOG_H

enum tg_log_level { TG_LOG_DEBUG, TG_LOG_INFO, TG_LOG_WARN, TG_LOG_ERROR };

/* Messages below this level are dropped; the default is TG_LOG_INFO. */
void tg_log_set_level(enum tg_log_level level);

void tg_log(enum tg_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Seconds on the monotonic clock, for the durations logs and reports state. */
double tg_log_seconds(void);

#endif
