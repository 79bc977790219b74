#include "battery.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* What "back near baseline" allows: a few descriptors in passing, and memory the allocator
 * keeps (the memo alone may hold up to 64 MiB). AddressSanitizer holds freed memory in its
 * quarantine (256 MiB) and keeps its own allocator's pages; its leak checker at exit is the
 * check that counts there. */
#define FD_SLACK               6
#define RSS_SLACK_KB           (96L * 1024L)
#define SANITIZED_RSS_SLACK_KB (512L * 1024L)

struct tgb_usage tgb_usage_of(pid_t pid)
{
    struct tgb_usage u = {0, 0};
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/fd", (long)pid);
    DIR *d = opendir(path);
    ck_assert_msg(d != NULL, "%s: %s", path, strerror(errno));
    for (struct dirent *e; (e = readdir(d));)
        u.fds += e->d_name[0] != '.';
    closedir(d);
    snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    char line[256];
    while (fgets(line, sizeof line, f))
        sscanf(line, "VmRSS: %ld kB", &u.rss_kb);
    fclose(f);
    return u;
}

bool tgb_sanitized(void)
{
    const char *s = getenv("TG_SANITIZE");
    return s && *s && strcmp(s, "none") != 0;
}

void tgb_assert_recovered(const struct tgt_daemon *daemon, const struct tgb_usage *baseline)
{
    json_decref(tgt_get_json(daemon, "/healthz", 200, TGT_JSON));
    tgt_assert_log_clean(daemon);
    struct tgb_usage now = tgb_usage_of(daemon->pid);
    for (int i = 0; i < 100 && now.fds > baseline->fds + FD_SLACK; i++) {
        nanosleep(&(struct timespec){.tv_nsec = 100 * 1000 * 1000}, NULL);
        now = tgb_usage_of(daemon->pid);
    }
    ck_assert_msg(now.fds <= baseline->fds + FD_SLACK, "%ld descriptors open, %ld before", now.fds,
                  baseline->fds);
    long slack = tgb_sanitized() ? SANITIZED_RSS_SLACK_KB : RSS_SLACK_KB;
    ck_assert_msg(now.rss_kb <= baseline->rss_kb + slack + baseline->rss_kb / 2,
                  "resident memory %ld kB, %ld kB before", now.rss_kb, baseline->rss_kb);
    printf("  recovered: %ld fds (%ld before), %ld kB resident (%ld kB before)\n", now.fds,
           baseline->fds, now.rss_kb, baseline->rss_kb);
}

void tgb_stop(struct tgt_daemon *daemon)
{
    ck_assert_int_eq(tgt_daemon_stop(daemon, SIGTERM), 0);
}

int tgb_connect(unsigned port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ck_assert_int_ge(fd, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

/* The declared body length of a response whose headers are complete in r, or -1. */
static long content_length(const char *r)
{
    static const char name[] = "\r\ncontent-length:";
    for (const char *p = r; *p; p++) {
        if (strncasecmp(p, name, sizeof name - 1) == 0)
            return strtol(p + sizeof name - 1, NULL, 10);
    }
    return -1;
}

int tgb_raw_request(unsigned port, const char *request, size_t len, char **response)
{
    int fd = tgb_connect(port);
    ck_assert_int_ge(fd, 0);
    struct timeval timeout = {.tv_sec = 20};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    for (size_t sent = 0; sent < len;) {
        ssize_t n = send(fd, request + sent, len - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break; /* the server may answer (413, 414) before reading everything */
        sent += (size_t)n;
    }
    size_t cap = 65536, used = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (used == cap)
            buf = realloc(buf, (cap *= 2) + 1);
        ssize_t n = recv(fd, buf + used, cap - used, 0);
        if (n <= 0)
            break;
        used += (size_t)n;
        buf[used] = '\0';
        const char *end = strstr(buf, "\r\n\r\n");
        long length = end ? content_length(buf) : -1;
        if (end && length >= 0 && (size_t)(end + 4 - buf) + (size_t)length <= used)
            break;
    }
    buf[used] = '\0';
    close(fd);
    int status = 0;
    sscanf(buf, "HTTP/1.%*d %d", &status);
    if (response)
        *response = buf;
    else
        free(buf);
    return status;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

double tgb_probe_ms(unsigned port, const char *path)
{
    char request[512];
    int n = snprintf(request, sizeof request,
                     "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", path);
    double start = now_ms();
    int status = tgb_raw_request(port, request, (size_t)n, NULL);
    double ms = now_ms() - start;
    return status == 200 ? ms : -1;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double tgb_percentile(double *values, size_t n, double p)
{
    qsort(values, n, sizeof *values, compare_doubles);
    size_t i = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
    return values[i < n ? i : n - 1];
}

void tgb_raise_fd_limit(void)
{
    struct rlimit l;
    ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &l), 0);
    l.rlim_cur = l.rlim_max;
    ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &l), 0);
}
