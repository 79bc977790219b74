#include "thaigraph/service.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

/* The sigqueue() value that marks a SIGHUP as a reload request expecting an answer. */
#define RELOAD_REQUEST 0x74677264 /* "tgrd" */
#define RELOAD_OK      SIGUSR1
#define RELOAD_FAILED  SIGUSR2
#define STATUS_MAX     256

static atomic_ullong reloads_succeeded;
static atomic_ullong reloads_failed;
static atomic_llong last_reload_at;
static atomic_bool last_reload_succeeded;

void tg_service_ready(const char *status_fmt, ...)
{
    char status[STATUS_MAX];
    va_list args;
    va_start(args, status_fmt);
    vsnprintf(status, sizeof status, status_fmt, args);
    va_end(args);
    sd_notifyf(0, "READY=1\nSTATUS=%s\nMAINPID=%ld", status, (long)getpid());
}

void tg_service_reloading(void)
{
    /* systemd 253 and later want the monotonic time with RELOADING=1; older ones ignore it. */
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    sd_notifyf(0, "RELOADING=1\nSTATUS=reloading\nMONOTONIC_USEC=%llu",
               (unsigned long long)now.tv_sec * 1000000ull +
                   (unsigned long long)now.tv_nsec / 1000);
}

void tg_service_reload_done(const siginfo_t *info, bool succeeded, const char *status)
{
    atomic_fetch_add(succeeded ? &reloads_succeeded : &reloads_failed, 1);
    atomic_store(&last_reload_at, (long long)time(NULL));
    atomic_store(&last_reload_succeeded, succeeded);
    sd_notifyf(0, "READY=1\nSTATUS=%s", status);
    if (info && info->si_code == SI_QUEUE && info->si_value.sival_int == RELOAD_REQUEST)
        kill(info->si_pid, succeeded ? RELOAD_OK : RELOAD_FAILED);
}

void tg_service_stopping(void)
{
    sd_notify(0, "STOPPING=1\nSTATUS=draining");
}

enum tg_status tg_service_request_reload(pid_t pid, struct tg_error *err)
{
    sigset_t answers;
    sigemptyset(&answers);
    sigaddset(&answers, RELOAD_OK);
    sigaddset(&answers, RELOAD_FAILED);
    /* Blocked before asking, so an answer that comes at once is queued rather than lost. */
    pthread_sigmask(SIG_BLOCK, &answers, NULL);
    if (sigqueue(pid, SIGHUP, (union sigval){.sival_int = RELOAD_REQUEST}) != 0)
        return tg_error_set(err, TG_ERR_UNAVAILABLE, "cannot signal process %ld: %s", (long)pid,
                            strerror(errno));
    for (;;) {
        siginfo_t info;
        int sig = sigtimedwait(&answers, &info, &(struct timespec){.tv_sec = 1});
        if (sig < 0) {
            /* A second without an answer: still loading, unless the daemon went away. */
            if (errno == EAGAIN && kill(pid, 0) != 0 && errno == ESRCH)
                return tg_error_set(err, TG_ERR_UNAVAILABLE, "process %ld exited before answering",
                                    (long)pid);
            continue;
        }
        if (info.si_pid != pid)
            continue;
        if (sig == RELOAD_OK)
            return TG_OK;
        return tg_error_set(err, TG_ERR_UNAVAILABLE,
                            "the reload failed; process %ld keeps serving its previous snapshot "
                            "(its log says why)",
                            (long)pid);
    }
}

void tg_service_reload_stats(struct tg_service_reload_stats *out)
{
    out->succeeded = atomic_load(&reloads_succeeded);
    out->failed = atomic_load(&reloads_failed);
    out->last_at = (time_t)atomic_load(&last_reload_at);
    out->last_succeeded = atomic_load(&last_reload_succeeded);
}
