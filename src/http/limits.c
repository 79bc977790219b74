#include "limits.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

/* How often the sweeper looks, and how soon it closes idle connections when slots run short. */
#define SWEEP_MS         200
#define DRAIN_SWEEP_MS   20
#define DRAIN_GRACE_SEC  0.1
#define CROWDED_IDLE_SEC 1.0

struct conn {
    struct conn *prev, *next;
    struct http_limits *limits;
    MHD_socket fd;
    bool busy;
    bool closed; /* shut down by the sweeper */
    double since, deadline;
};

struct http_limits {
    struct http_limits_config config;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    struct conn *head;
    atomic_size_t count;
    bool stopping, draining;
    double drain_started;
    pthread_t sweeper;
};

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Draining, a connection whose next request has arrived unread is let through: it turns busy
 * as soon as its thread reads it, and is answered. Its thread may also have read the request
 * already and not yet reached the handler that marks it busy (the request came just as the
 * signal did), so only a connection quiet for a grace since the drain began and since its last
 * answer is closed. */
static bool quiet_for_drain(const struct http_limits *limits, const struct conn *c, double now)
{
    double quiet_since = c->since > limits->drain_started ? c->since : limits->drain_started;
    if (now - quiet_since < DRAIN_GRACE_SEC)
        return false;
    int unread = 0;
    return ioctl(c->fd, FIONREAD, &unread) != 0 || unread == 0;
}

static void close_idle(struct http_limits *limits, double now)
{
    bool crowded = atomic_load(&limits->count) > limits->config.max_connections / 4 * 3;
    for (struct conn *c = limits->head; c; c = c->next) {
        if (c->busy || c->closed)
            continue;
        bool closing = limits->draining
                           ? quiet_for_drain(limits, c, now)
                           : now >= c->deadline || (crowded && now - c->since >= CROWDED_IDLE_SEC);
        if (closing) {
            shutdown(c->fd, SHUT_RDWR);
            c->closed = true;
        }
    }
}

static void *sweep(void *arg)
{
    struct http_limits *limits = arg;
    pthread_mutex_lock(&limits->lock);
    while (!limits->stopping) {
        close_idle(limits, now_seconds());
        long ms = limits->draining ? DRAIN_SWEEP_MS : SWEEP_MS;
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += ms * 1000000L;
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&limits->wake, &limits->lock, &until);
    }
    pthread_mutex_unlock(&limits->lock);
    return NULL;
}

enum tg_status http_limits_start(const struct http_limits_config *config, struct http_limits **out)
{
    struct http_limits *limits = calloc(1, sizeof *limits);
    if (!limits)
        return TG_ERR_NOMEM;
    limits->config = *config;
    pthread_mutex_init(&limits->lock, NULL);
    pthread_cond_init(&limits->wake, NULL);
    atomic_init(&limits->count, 0);
    if (pthread_create(&limits->sweeper, NULL, sweep, limits) != 0) {
        pthread_cond_destroy(&limits->wake);
        pthread_mutex_destroy(&limits->lock);
        free(limits);
        return TG_ERR_NOMEM;
    }
    *out = limits;
    return TG_OK;
}

void http_limits_stop(struct http_limits *limits)
{
    if (!limits)
        return;
    pthread_mutex_lock(&limits->lock);
    limits->stopping = true;
    pthread_cond_signal(&limits->wake);
    pthread_mutex_unlock(&limits->lock);
    pthread_join(limits->sweeper, NULL);
    /* libmicrohttpd has closed every connection by now, and told us of each. */
    pthread_cond_destroy(&limits->wake);
    pthread_mutex_destroy(&limits->lock);
    free(limits);
}

void http_limits_notify(void *cls, struct MHD_Connection *connection, void **socket_context,
                        enum MHD_ConnectionNotificationCode code)
{
    struct http_limits *limits = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        struct conn *c = info ? calloc(1, sizeof *c) : NULL;
        *socket_context = c;
        atomic_fetch_add(&limits->count, 1);
        if (!c)
            return;
        c->limits = limits;
        c->fd = info->connect_fd;
        c->since = now_seconds();
        c->deadline = c->since + limits->config.header_seconds;
        pthread_mutex_lock(&limits->lock);
        c->next = limits->head;
        if (c->next)
            c->next->prev = c;
        limits->head = c;
        pthread_mutex_unlock(&limits->lock);
        return;
    }
    struct conn *c = *socket_context;
    atomic_fetch_sub(&limits->count, 1);
    if (!c)
        return;
    /* Unlinked before libmicrohttpd closes the socket, so the sweeper never touches a
     * descriptor that may have been reused. */
    pthread_mutex_lock(&limits->lock);
    if (c->prev)
        c->prev->next = c->next;
    else
        limits->head = c->next;
    if (c->next)
        c->next->prev = c->prev;
    pthread_mutex_unlock(&limits->lock);
    free(c);
    *socket_context = NULL;
}

static struct conn *conn_of(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

void http_limits_busy(struct MHD_Connection *connection)
{
    struct conn *c = conn_of(connection);
    if (!c)
        return;
    pthread_mutex_lock(&c->limits->lock);
    c->busy = true;
    pthread_mutex_unlock(&c->limits->lock);
}

void http_limits_idle(struct MHD_Connection *connection)
{
    struct conn *c = conn_of(connection);
    if (!c)
        return;
    struct http_limits *limits = c->limits;
    pthread_mutex_lock(&limits->lock);
    c->busy = false;
    c->since = now_seconds();
    c->deadline = c->since + limits->config.idle_seconds;
    if (limits->draining)
        pthread_cond_signal(&limits->wake);
    pthread_mutex_unlock(&limits->lock);
}

bool http_limits_over(struct http_limits *limits)
{
    return atomic_load(&limits->count) > limits->config.max_connections;
}

size_t http_limits_connections(struct http_limits *limits)
{
    return atomic_load(&limits->count);
}

void http_limits_drain(struct http_limits *limits)
{
    pthread_mutex_lock(&limits->lock);
    limits->draining = true;
    limits->drain_started = now_seconds();
    pthread_cond_signal(&limits->wake);
    pthread_mutex_unlock(&limits->lock);
}

struct http_workers {
    pthread_mutex_t lock;
    pthread_cond_t work;
    struct http_job *head, *tail;
    size_t queued, running, max_queued;
    bool stopping;
    http_job_run run;
    void (*prepare)(void *ctx);
    void *prepare_ctx;
    unsigned thread_count;
    pthread_t threads[];
};

static void *work(void *arg)
{
    struct http_workers *w = arg;
    if (w->prepare)
        w->prepare(w->prepare_ctx);
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (!w->head && !w->stopping)
            pthread_cond_wait(&w->work, &w->lock);
        struct http_job *job = w->head;
        if (!job)
            break;
        w->head = job->next;
        if (!w->head)
            w->tail = NULL;
        w->queued--;
        w->running++;
        pthread_mutex_unlock(&w->lock);
        w->run(job);
        pthread_mutex_lock(&w->lock);
        w->running--;
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

enum tg_status http_workers_start(unsigned threads, size_t max_queued, http_job_run run,
                                  void (*prepare)(void *ctx), void *ctx, struct http_workers **out)
{
    struct http_workers *w = calloc(1, sizeof *w + threads * sizeof w->threads[0]);
    if (!w)
        return TG_ERR_NOMEM;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->work, NULL);
    w->max_queued = max_queued;
    w->run = run;
    w->prepare = prepare;
    w->prepare_ctx = ctx;
    for (; w->thread_count < threads; w->thread_count++) {
        if (pthread_create(&w->threads[w->thread_count], NULL, work, w) != 0) {
            http_workers_stop(w);
            return TG_ERR_NOMEM;
        }
    }
    *out = w;
    return TG_OK;
}

bool http_workers_submit(struct http_workers *w, struct http_job *job)
{
    pthread_mutex_lock(&w->lock);
    bool room = w->queued < w->max_queued && !w->stopping;
    if (room) {
        job->next = NULL;
        if (w->tail)
            w->tail->next = job;
        else
            w->head = job;
        w->tail = job;
        w->queued++;
        pthread_cond_signal(&w->work);
    }
    pthread_mutex_unlock(&w->lock);
    return room;
}

size_t http_workers_pending(struct http_workers *w)
{
    pthread_mutex_lock(&w->lock);
    size_t n = w->queued + w->running;
    pthread_mutex_unlock(&w->lock);
    return n;
}

void http_workers_stop(struct http_workers *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stopping = true;
    pthread_cond_broadcast(&w->work);
    pthread_mutex_unlock(&w->lock);
    for (unsigned i = 0; i < w->thread_count; i++)
        pthread_join(w->threads[i], NULL);
    pthread_cond_destroy(&w->work);
    pthread_mutex_destroy(&w->lock);
    free(w);
}
