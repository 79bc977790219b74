/*
 * The access log, request ids, and the one call every answered request ends with
 * (http_request_done), which counts it for /metrics and writes its log line.
 */
#include "thaigraph/access_log.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "thaigraph/utf8.h"

#define MAX_PROXIES    32
#define PATH_LOG_BYTES 1024
#define XFF_LOG_BYTES  256

struct cidr {
    int family;
    unsigned char addr[16];
    unsigned prefix; /* bits that must match */
};

static struct {
    enum tg_access_log_format format;
    char *path; /* NULL for standard output */
    atomic_int fd;
    struct cidr proxies[MAX_PROXIES];
    size_t proxy_count;
} access_log = {.fd = -1};

/* Request ids: a random prefix per process and a counter, unique without coordination. */
static _Atomic uint64_t id_prefix;
static atomic_ullong id_counter;

enum tg_status tg_access_log_format_parse(const char *name, enum tg_access_log_format *out)
{
    static const struct {
        const char *name;
        enum tg_access_log_format format;
    } names[] = {
        {"json", TG_ACCESS_LOG_JSON}, {"common", TG_ACCESS_LOG_COMMON}, {"off", TG_ACCESS_LOG_OFF}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].format;
            return TG_OK;
        }
    }
    return TG_ERR_BAD_PARAMETER;
}

static bool parse_cidr(const char *text, size_t len, struct cidr *out)
{
    char buf[INET6_ADDRSTRLEN + 8];
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, text, len);
    buf[len] = '\0';
    char *slash = strchr(buf, '/');
    if (slash)
        *slash = '\0';
    out->family = strchr(buf, ':') ? AF_INET6 : AF_INET;
    if (inet_pton(out->family, buf, out->addr) != 1)
        return false;
    unsigned bits = out->family == AF_INET6 ? 128 : 32;
    out->prefix = bits;
    if (slash) {
        char *end = NULL;
        unsigned long prefix = strtoul(slash + 1, &end, 10);
        if (slash[1] == '\0' || *end != '\0' || prefix > bits)
            return false;
        out->prefix = (unsigned)prefix;
    }
    return true;
}

static enum tg_status parse_proxies(const char *list, struct tg_error *err)
{
    access_log.proxy_count = 0;
    for (const char *p = list; p && *p;) {
        size_t n = strcspn(p, ",");
        if (access_log.proxy_count == MAX_PROXIES ||
            !parse_cidr(p, n, &access_log.proxies[access_log.proxy_count]))
            return tg_error_set(err, TG_ERR_BAD_PARAMETER,
                                "trusted proxies '%s' must be at most %d addresses or CIDR "
                                "ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8",
                                list, MAX_PROXIES);
        access_log.proxy_count++;
        p += n;
        if (*p == ',')
            p++;
    }
    return TG_OK;
}

static int open_log_file(const char *path, struct tg_error *err)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0)
        tg_error_set(err, TG_ERR_IO, "cannot open access log %s: %s", path, strerror(errno));
    return fd;
}

enum tg_status tg_access_log_open(const struct tg_access_log_config *config, struct tg_error *err)
{
    enum tg_status status = parse_proxies(config->trusted_proxies, err);
    if (status != TG_OK || config->format == TG_ACCESS_LOG_OFF)
        return status;
    int fd = STDOUT_FILENO;
    if (config->path && strcmp(config->path, "-") != 0) {
        fd = open_log_file(config->path, err);
        if (fd < 0)
            return TG_ERR_IO;
        access_log.path = strdup(config->path);
        if (!access_log.path) {
            close(fd);
            return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
        }
    }
    access_log.format = config->format;
    atomic_store(&access_log.fd, fd);
    return TG_OK;
}

enum tg_status tg_access_log_reopen(struct tg_error *err)
{
    int fd = atomic_load(&access_log.fd);
    if (!access_log.path || fd < 0)
        return TG_OK;
    int fresh = open_log_file(access_log.path, err);
    if (fresh < 0)
        return TG_ERR_IO;
    /* dup2 swaps the file under the same descriptor atomically: a writer in flight writes
     * whole lines to either the old file or the new one. */
    int replaced = dup2(fresh, fd);
    close(fresh);
    if (replaced < 0)
        return tg_error_set(err, TG_ERR_IO, "cannot reopen access log %s: %s", access_log.path,
                            strerror(errno));
    return TG_OK;
}

void tg_access_log_close(void)
{
    int fd = atomic_exchange(&access_log.fd, -1);
    if (fd > STDERR_FILENO)
        close(fd);
    free(access_log.path);
    access_log.path = NULL;
    access_log.format = TG_ACCESS_LOG_OFF;
}

/* A client-supplied id is kept when it is short and plain enough to log and echo unchanged. */
static bool usable_request_id(const char *id)
{
    size_t n = strlen(id);
    return n >= 1 && n < HTTP_REQUEST_ID_BYTES &&
           strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-") == n;
}

void http_request_id(struct MHD_Connection *connection, char id[HTTP_REQUEST_ID_BYTES])
{
    const char *given = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "X-Request-Id");
    if (given && usable_request_id(given)) {
        strcpy(id, given);
        return;
    }
    uint64_t prefix = atomic_load_explicit(&id_prefix, memory_order_relaxed);
    if (prefix == 0) {
        /* Racing first requests may each draw a prefix; any of them is as good. */
        if (getrandom(&prefix, sizeof prefix, 0) != sizeof prefix)
            prefix = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
        prefix |= 1;
        atomic_store_explicit(&id_prefix, prefix, memory_order_relaxed);
    }
    unsigned long long n = atomic_fetch_add_explicit(&id_counter, 1, memory_order_relaxed);
    snprintf(id, HTTP_REQUEST_ID_BYTES, "%016llx%016llx", (unsigned long long)prefix, n);
}

/* Copies text for a log line: bytes that are not printable UTF-8, quotes and backslashes become
 * %XX, so the line stays one valid line in either format; cut at limit bytes. */
static void log_safe(const char *text, size_t len, char *out, size_t limit)
{
    size_t used = 0;
    for (size_t pos = 0; pos < len && used + 4 < limit;) {
        size_t next = pos;
        uint32_t cp = tg_utf8_next(text, len, &next);
        bool plain = cp != 0xFFFD && cp >= 0x20 && cp != 0x7F && cp != '"' && cp != '\\';
        if (plain && used + (next - pos) < limit) {
            memcpy(out + used, text + pos, next - pos);
            used += next - pos;
            pos = next;
        } else {
            used += (size_t)snprintf(out + used, limit - used, "%%%02X", (unsigned char)text[pos]);
            pos++;
        }
    }
    out[used] = '\0';
}

static bool address_in(const struct sockaddr *sa, const struct cidr *range)
{
    const unsigned char *bytes;
    if (sa->sa_family == AF_INET && range->family == AF_INET)
        bytes = (const unsigned char *)&((const struct sockaddr_in *)sa)->sin_addr;
    else if (sa->sa_family == AF_INET6 && range->family == AF_INET6)
        bytes = ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr;
    else
        return false;
    unsigned full = range->prefix / 8, rest = range->prefix % 8;
    if (memcmp(bytes, range->addr, full) != 0)
        return false;
    unsigned char mask = (unsigned char)(0xFF << (8 - rest));
    return rest == 0 || (bytes[full] & mask) == (range->addr[full] & mask);
}

/* The peer's numeric address, and its X-Forwarded-For when the peer is a trusted proxy. */
static void client_of(struct MHD_Connection *connection, char *client, size_t client_size,
                      char *forwarded, size_t forwarded_size)
{
    strcpy(client, "-");
    forwarded[0] = '\0';
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr)
        return;
    const struct sockaddr *sa = info->client_addr;
    socklen_t len =
        sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
    if (getnameinfo(sa, len, client, (socklen_t)client_size, NULL, 0, NI_NUMERICHOST) != 0)
        strcpy(client, "-");
    for (size_t i = 0; i < access_log.proxy_count; i++) {
        if (address_in(sa, &access_log.proxies[i])) {
            const char *xff =
                MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "X-Forwarded-For");
            if (xff)
                log_safe(xff, strlen(xff), forwarded, forwarded_size);
            return;
        }
    }
}

static void write_line(int fd, const char *line, size_t len)
{
    /* One write per line; a short write to a full pipe or disk loses the rest of the line
     * rather than stalling the request thread in a retry loop. */
    ssize_t written = write(fd, line, len);
    (void)written;
}

static void log_request(int fd, struct MHD_Connection *connection,
                        const struct http_request_record *r, double seconds)
{
    char client[INET6_ADDRSTRLEN + 1], forwarded[XFF_LOG_BYTES], path[PATH_LOG_BYTES];
    client_of(connection, client, sizeof client, forwarded, sizeof forwarded);
    log_safe(r->path, r->path_len, path, sizeof path);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct tm utc;
    gmtime_r(&now.tv_sec, &utc);
    char line[PATH_LOG_BYTES + XFF_LOG_BYTES + 512];
    int n;
    if (access_log.format == TG_ACCESS_LOG_JSON) {
        char stamp[32];
        strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
        char xff[XFF_LOG_BYTES + 2] = "null";
        if (forwarded[0])
            snprintf(xff, sizeof xff, "\"%s\"", forwarded);
        /* Every string was made safe above (no quotes, backslashes or control bytes), so it
         * is a valid JSON string as it stands. */
        n = snprintf(line, sizeof line,
                     "{\"time\":\"%s.%03ldZ\",\"client\":\"%s\",\"forwarded_for\":%s,"
                     "\"method\":\"%.16s\",\"path\":\"%s\",\"status\":%u,\"bytes\":%zu,"
                     "\"duration_ms\":%.3f,\"request_id\":\"%s\"}\n",
                     stamp, now.tv_nsec / 1000000, client, xff, r->method, path, r->code, r->bytes,
                     seconds * 1e3, r->request_id);
    } else {
        char stamp[40];
        strftime(stamp, sizeof stamp, "%d/%b/%Y:%H:%M:%S +0000", &utc);
        n = snprintf(line, sizeof line,
                     "%s - - [%s] \"%.16s %s %.16s\" %u %zu request_id=%s duration_ms=%.3f "
                     "forwarded_for=\"%s\"\n",
                     client, stamp, r->method, path, r->version, r->code, r->bytes, r->request_id,
                     seconds * 1e3, forwarded[0] ? forwarded : "-");
    }
    if (n > 0)
        write_line(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

void http_request_done(struct MHD_Connection *connection, const struct http_request_record *r)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double seconds =
        (double)(now.tv_sec - r->start.tv_sec) + (double)(now.tv_nsec - r->start.tv_nsec) / 1e9;
    http_metrics_observe(r->route_index, r->code, seconds);
    int fd = atomic_load_explicit(&access_log.fd, memory_order_relaxed);
    if (fd >= 0)
        log_request(fd, connection, r, seconds);
}
