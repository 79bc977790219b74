/*
 * service: thaigraphd's side of its supervisor (systemd's notify protocol) and the synchronous
 * reload that lets `systemctl reload` report a reload that failed.
 *
 * A plain SIGHUP reloads the database and, when the load fails, keeps serving the previous
 * snapshot: right for an operator's `kill -HUP`, but the sender never learns the outcome and
 * systemd's notify protocol has no word for "reload failed". So `thaigraphd --reload PID` sends
 * SIGHUP with sigqueue() and a marker value, and the daemon answers such a request (and only
 * such a request: a shell's `kill -HUP` is never signalled back) with SIGUSR1 when the new
 * snapshot serves and SIGUSR2 when it kept the old one. The unit's ExecReload runs that command,
 * so its exit status is the reload's.
 *
 * Without NOTIFY_SOCKET (not under systemd) the notifications do nothing.
 *
 * Memory: nothing here allocates; strings passed in are copied into the datagram.
 */
#ifndef THAIGRAPH_SERVICE_H
#define THAIGRAPH_SERVICE_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "thaigraph/status.h"

/* READY=1 with a STATUS= line: the first snapshot is loaded and the port is bound. */
void tg_service_ready(const char *status_fmt, ...) __attribute__((format(printf, 1, 2)));

/* RELOADING=1: a reload started; tg_service_reload_done ends it. */
void tg_service_reloading(void);

/* Records a reload's outcome (for metrics), tells the supervisor READY=1 with the outcome as
 * STATUS=, and, when the reload was asked for by tg_service_request_reload, answers the
 * requester (info is the SIGHUP's siginfo). */
void tg_service_reload_done(const siginfo_t *info, bool succeeded, const char *status);

/* STOPPING=1: draining after SIGTERM or SIGINT. */
void tg_service_stopping(void);

/* Asks the daemon pid to reload and waits for its answer. TG_OK when the new snapshot serves;
 * TG_ERR_UNAVAILABLE (with the reason in err) when the daemon kept its old snapshot, does not
 * exist, or exited before answering. */
enum tg_status tg_service_request_reload(pid_t pid, struct tg_error *err);

struct tg_service_reload_stats {
    uint64_t succeeded;
    uint64_t failed;
    time_t last_at;      /* 0 before the first reload */
    bool last_succeeded; /* meaningless before the first reload */
};

/* Reload counts since start; safe from any thread. */
void tg_service_reload_stats(struct tg_service_reload_stats *out);

#endif
