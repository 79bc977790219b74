#include "thaigraph/http.h"

#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "internal.h"
#include "routes.h"
#include "thaigraph/hash.h"
#include "thaigraph/log.h"

/* How long a stop waits for requests in flight before closing their connections. */
#define DRAIN_SECONDS    5
#define CONNECTION_LIMIT 1024
#define ETAG_BYTES       64
/* Per-connection memory for the request line and headers: /v1/analyze accepts 4,096 Thai
 * characters, about 36 KB once percent-encoded, past libmicrohttpd's 32 KB default. No more than
 * that: libmicrohttpd clears the whole pool between the requests of a kept-alive connection,
 * and at 128 KB the clearing cost a memoised entity page about half its throughput. */
#define CONNECTION_MEMORY_BYTES (48u * 1024u)

struct tg_http_server {
    struct MHD_Daemon *daemon;
    struct tg_snapshot_holder *holder;
    uint16_t port;
    char cache_control[40];
};

static const char json_content_type[] = "application/json; charset=utf-8";
static const char problem_content_type[] = "application/problem+json; charset=utf-8";

/* Bodies smaller than this go out as they are: compressing them saves less than it costs. */
#define GZIP_MIN_BYTES 1024
static const char gzip_etag_suffix[] = "-gz";

/* Everything one request produced, before it becomes an MHD response. */
struct reply {
    unsigned code;
    char *body; /* NULL for no body */
    size_t len;
    bool body_is_static;
    const char *content_type;
    bool gzip;             /* the body is gzip-compressed */
    char etag[ETAG_BYTES]; /* empty when the response has none */
};

static void reply_free(struct reply *reply)
{
    if (!reply->body_is_static)
        free(reply->body);
}

/* Serialises a JSON document (consumed) into the reply. */
static bool reply_json(struct reply *reply, unsigned code, json_t *body, const char *content_type)
{
    reply->body = body ? json_dumps(body, JSON_COMPACT) : NULL;
    json_decref(body);
    if (!reply->body)
        return false;
    reply->code = code;
    reply->len = strlen(reply->body);
    reply->content_type = content_type;
    return true;
}

/* A problem body; extra (consumed, may be NULL) adds fields such as ambiguity candidates. */
static void reply_problem(struct reply *reply, const char *url, enum tg_status status,
                          const char *parameter, const char *detail, json_t *extra)
{
    char type[96];
    snprintf(type, sizeof type, "urn:thaigraph:problem:%s", tg_status_name(status));
    unsigned code = tg_status_http_code(status);
    json_t *body = json_pack("{s:s, s:s, s:I, s:s, s:s}", "type", type, "title",
                             tg_status_title(status), "status", (json_int_t)code, "detail",
                             detail && *detail ? detail : tg_status_title(status), "instance", url);
    if (body && parameter)
        json_object_set_new(body, "parameter", json_string(parameter));
    if (body && extra)
        json_object_update(body, extra);
    json_decref(extra);
    reply->etag[0] = '\0';
    if (!reply_json(reply, code, body, problem_content_type)) {
        /* Out of memory while reporting: a bodiless 503 still tells the client to retry. */
        reply->code = MHD_HTTP_SERVICE_UNAVAILABLE;
        reply->body = NULL;
        reply->len = 0;
    }
}

static enum MHD_Result hash_argument(void *cls, enum MHD_ValueKind kind, const char *key,
                                     const char *value)
{
    (void)kind;
    uint64_t *h = cls;
    *h = tg_hash_update(*h, key, strlen(key) + 1);
    if (value)
        *h = tg_hash_update(*h, value, strlen(value) + 1);
    return MHD_YES;
}

/* Strong ETag from the snapshot's content fingerprint, the build and the full URL. */
static void make_etag(struct MHD_Connection *connection, const struct tg_graph *graph,
                      const char *url, char etag[ETAG_BYTES])
{
    uint64_t h = tg_hash_bytes(TG_VERSION, sizeof TG_VERSION);
    h = tg_hash_update(h, url, strlen(url) + 1);
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, hash_argument, &h);
    snprintf(etag, ETAG_BYTES, "\"%s-%016llx\"", tg_graph_fingerprint(graph),
             (unsigned long long)h);
}

/*
 * If-None-Match holds `*` or a list of tags; comparison is weak (RFC 9110 13.1.2), and the
 * gzip variant's tag (the identity tag with -gz before its closing quote) names the same
 * content, so either matches.
 */
static bool etag_matches(const char *header, const char *etag)
{
    if (!header)
        return false;
    size_t etag_len = strlen(etag);
    size_t suffix_len = sizeof gzip_etag_suffix - 1;
    const char *p = header;
    while (*p) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        if (*p == '*')
            return true;
        if (strncmp(p, "W/", 2) == 0)
            p += 2;
        size_t n = strcspn(p, ",");
        while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        bool identity = n == etag_len && strncmp(p, etag, n) == 0;
        bool gzip = n == etag_len + suffix_len && strncmp(p, etag, etag_len - 1) == 0 &&
                    strncmp(p + etag_len - 1, gzip_etag_suffix, suffix_len) == 0;
        if (identity || gzip)
            return true;
        p += strcspn(p, ",");
    }
    return false;
}

static bool accepts_gzip(struct MHD_Connection *connection)
{
    const char *accept =
        MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
    const char *gzip = accept ? strstr(accept, "gzip") : NULL;
    if (!gzip)
        return false;
    /* A quality of zero ("gzip;q=0", "gzip;q=0.000") refuses it; any other accepts it. */
    const char *q = gzip + 4;
    if (strncmp(q, ";q=0", 4) != 0)
        return true;
    q += 4;
    if (*q == '.')
        while (*++q == '0')
            ;
    return *q >= '1' && *q <= '9';
}

/* Replaces the body with its gzip form; keeps the original when compression does not help. */
static void compress_body(struct reply *reply)
{
    z_stream z = {0};
    if (deflateInit2(&z, 5, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return;
    uLong bound = deflateBound(&z, (uLong)reply->len);
    unsigned char *packed = malloc(bound);
    z.next_in = (unsigned char *)reply->body;
    z.avail_in = (uInt)reply->len;
    z.next_out = packed;
    z.avail_out = (uInt)bound;
    bool done = packed && deflate(&z, Z_FINISH) == Z_STREAM_END && z.total_out < reply->len;
    deflateEnd(&z);
    if (!done) {
        free(packed);
        return;
    }
    reply_free(reply);
    reply->body = (char *)packed;
    reply->len = z.total_out;
    reply->body_is_static = false;
    reply->gzip = true;
}

static enum MHD_Result add_argument(void *cls, enum MHD_ValueKind kind, const char *key,
                                    const char *value)
{
    (void)kind;
    FILE *out = cls;
    fprintf(out, "&%s=%s", key, value ? value : "");
    return MHD_YES;
}

/* The memo key of a response: its representation and the full URL with its arguments. */
static char *memo_key(struct MHD_Connection *connection, const char *url, bool gzip)
{
    char *key = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&key, &len);
    if (!out)
        return NULL;
    fprintf(out, "%s %s", gzip ? "gzip" : "identity", url);
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, add_argument, out);
    if (fclose(out) != 0) {
        free(key);
        return NULL;
    }
    return key;
}

/* Answers from the snapshot's memo when an earlier request rendered the same representation. */
static bool reply_from_memo(const struct tg_graph *graph, const char *key, bool gzip,
                            struct reply *reply)
{
    const char *value;
    size_t len;
    if (!key || !tg_graph_memo_get(graph, key, &value, &len))
        return false;
    reply->body = malloc(len ? len : 1);
    if (!reply->body)
        return false;
    memcpy(reply->body, value, len);
    reply->len = len;
    reply->code = MHD_HTTP_OK;
    reply->content_type = json_content_type;
    reply->gzip = gzip;
    return true;
}

/* Runs the route's handler; compresses what it produced when the client takes gzip. */
static void render(struct http_request *request, const char *url, const struct http_route *route,
                   bool gzip, struct reply *reply)
{
    struct http_output out = {0};
    enum tg_status status = route->get(request, &out);
    if (status == TG_OK && out.text) {
        reply->code = MHD_HTTP_OK;
        reply->body = out.text;
        reply->len = out.text_len;
        reply->body_is_static = out.text_is_static;
        reply->content_type = out.content_type;
    } else if (status == TG_OK && reply_json(reply, MHD_HTTP_OK, out.json, json_content_type)) {
        out.json = NULL;
    } else {
        /* reply_json consumed the document when it was offered one. */
        if (status != TG_OK)
            json_decref(out.json);
        reply_problem(reply, url, status == TG_OK ? TG_ERR_NOMEM : status, request->bad_parameter,
                      request->detail, request->problem_extra);
        return;
    }
    if (gzip && reply->len >= GZIP_MIN_BYTES)
        compress_body(reply);
}

/*
 * Serves a route from the snapshot current when the request arrived: 304 when the client's
 * copy is current, the memo when this representation was rendered before, else the handler,
 * whose 200 answer is then remembered. Everything that touches the snapshot happens before it
 * is released.
 */
static void serve_route(struct tg_http_server *server, struct MHD_Connection *connection,
                        const char *url, const struct http_route *route, const char *id, bool gzip,
                        struct reply *reply)
{
    struct tg_snapshot_ticket ticket;
    struct http_request request = {
        .connection = connection,
        .graph = tg_snapshot_acquire(server->holder, &ticket),
        .path_id = id,
    };
    make_etag(connection, request.graph, url, reply->etag);
    const char *if_none_match =
        MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
    if (etag_matches(if_none_match, reply->etag)) {
        reply->code = MHD_HTTP_NOT_MODIFIED;
        goto done;
    }
    char *key = route->remembered ? memo_key(connection, url, gzip) : NULL;
    if (!reply_from_memo(request.graph, key, gzip, reply)) {
        render(&request, url, route, gzip, reply);
        if (key && reply->code == MHD_HTTP_OK) {
            /* A small body is never compressed, so it is remembered as the identity one. */
            char *final_key = reply->gzip == gzip ? key : memo_key(connection, url, false);
            if (final_key)
                tg_graph_memo_put(request.graph, final_key, reply->body, reply->len);
            if (final_key != key)
                free(final_key);
        }
    }
    free(key);
    /* A strong tag names one representation; the compressed one gets its own. */
    if (reply->gzip) {
        size_t etag_len = strlen(reply->etag);
        snprintf(reply->etag + etag_len - 1, ETAG_BYTES - etag_len + 1, "%s\"", gzip_etag_suffix);
    }
done:
    tg_snapshot_release(server->holder, &ticket);
}

static enum MHD_Result send_reply(const struct tg_http_server *server,
                                  struct MHD_Connection *connection, struct reply *reply,
                                  const char *request_id)
{
    enum MHD_ResponseMemoryMode mode =
        reply->body_is_static || !reply->body ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_FREE;
    struct MHD_Response *response = MHD_create_response_from_buffer(reply->len, reply->body, mode);
    if (!response) {
        reply_free(reply);
        return MHD_NO;
    }
    MHD_add_response_header(response, "Access-Control-Allow-Origin", "*");
    MHD_add_response_header(response, "Access-Control-Expose-Headers", "ETag, X-Request-Id");
    MHD_add_response_header(response, "X-Request-Id", request_id);
    MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(response, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
    if (reply->content_type)
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, reply->content_type);
    if (reply->gzip)
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    if (reply->etag[0]) {
        MHD_add_response_header(response, MHD_HTTP_HEADER_ETAG, reply->etag);
        /* The snapshot only changes on reload; reuse for max-age, then revalidation by ETag. */
        MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, server->cache_control);
    } else {
        MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    }
    if (reply->code == MHD_HTTP_METHOD_NOT_ALLOWED || reply->code == MHD_HTTP_NO_CONTENT)
        MHD_add_response_header(response, MHD_HTTP_HEADER_ALLOW, HTTP_ALLOWED_METHODS);
    if (reply->code == MHD_HTTP_NO_CONTENT) {
        MHD_add_response_header(response, "Access-Control-Allow-Methods", HTTP_ALLOWED_METHODS);
        MHD_add_response_header(response, "Access-Control-Allow-Headers",
                                "If-None-Match, Accept, Accept-Encoding");
        MHD_add_response_header(response, "Access-Control-Max-Age", "86400");
    }
    enum MHD_Result result = MHD_queue_response(connection, reply->code, response);
    MHD_destroy_response(response);
    return result;
}

static enum MHD_Result handle_request(void *cls, struct MHD_Connection *connection, const char *url,
                                      const char *method, const char *version,
                                      const char *upload_data, size_t *upload_data_size,
                                      void **request_state)
{
    (void)upload_data;
    struct tg_http_server *server = cls;
    /* The first call of a request only announces its headers. Bodies are never read: every
     * route is read-only, so a request with one is answered (405 or 404) and the rest of its
     * upload discarded. */
    if (*request_state == NULL) {
        *request_state = server;
        return MHD_YES;
    }
    *upload_data_size = 0;

    struct http_request_record record = {.method = method, .url = url, .version = version};
    clock_gettime(CLOCK_MONOTONIC, &record.start);
    char request_id[HTTP_REQUEST_ID_BYTES];
    http_request_id(connection, request_id);
    record.request_id = request_id;
    struct reply reply = {0};
    char id[HTTP_MAX_ID_BYTES + 1];
    char detail[160];
    const struct http_route *route = http_route_find(url, id, sizeof id);
    if (!route) {
        snprintf(detail, sizeof detail, "no resource at %.120s", url);
        reply_problem(&reply, url, TG_ERR_NOT_FOUND, NULL, detail, NULL);
    } else if (strcmp(method, MHD_HTTP_METHOD_OPTIONS) == 0) {
        reply.code = MHD_HTTP_NO_CONTENT;
    } else if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
               strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
        snprintf(detail, sizeof detail, "%.16s is not allowed here; use GET or HEAD", method);
        reply_problem(&reply, url, TG_ERR_METHOD, NULL, detail, NULL);
    } else {
        serve_route(server, connection, url, route, id, accepts_gzip(connection), &reply);
    }
    record.code = reply.code;
    record.bytes = reply.len;
    record.route_index = route ? http_route_index(route) : http_route_count();
    enum MHD_Result result = send_reply(server, connection, &reply, request_id);
    http_request_done(connection, &record);
    return result;
}

static void log_from_mhd(void *cls, const char *fmt, va_list args)
{
    (void)cls;
    char line[512];
    vsnprintf(line, sizeof line, fmt, args);
    line[strcspn(line, "\n")] = '\0';
    tg_log(TG_LOG_WARN, "http: %s", line);
}

/* Splits "host:port" or "[v6]:port" and resolves it without touching the network. */
static enum tg_status resolve_listen(const char *listen, struct addrinfo **out,
                                     struct tg_error *err)
{
    char host[256];
    const char *colon = strrchr(listen, ':');
    if (!colon || colon[1] == '\0' || (size_t)(colon - listen) >= sizeof host)
        return tg_error_set(err, TG_ERR_BAD_PARAMETER,
                            "listen address '%s' must be HOST:PORT, e.g. 127.0.0.1:8080", listen);
    const char *start = listen;
    size_t host_len = (size_t)(colon - listen);
    if (host_len >= 2 && listen[0] == '[' && colon[-1] == ']') {
        start++;
        host_len -= 2;
    }
    memcpy(host, start, host_len);
    host[host_len] = '\0';
    char *end = NULL;
    long port = strtol(colon + 1, &end, 10);
    if (*end != '\0' || port < 0 || port > 65535)
        return tg_error_set(err, TG_ERR_BAD_PARAMETER, "listen port '%s' is not 0..65535",
                            colon + 1);
    struct addrinfo hints = {.ai_family = AF_UNSPEC,
                             .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_NUMERICSERV | AI_PASSIVE};
    int rc = getaddrinfo(host_len ? host : NULL, colon + 1, &hints, out);
    if (rc != 0)
        return tg_error_set(err, TG_ERR_BAD_PARAMETER, "listen address '%s': %s", listen,
                            gai_strerror(rc));
    return TG_OK;
}

enum tg_status tg_http_server_start(const struct tg_http_config *config,
                                    struct tg_snapshot_holder *holder, struct tg_http_server **out,
                                    struct tg_error *err)
{
    struct addrinfo *address = NULL;
    enum tg_status status = resolve_listen(config->listen, &address, err);
    if (status != TG_OK)
        return status;
    struct tg_http_server *server = calloc(1, sizeof *server);
    if (!server) {
        freeaddrinfo(address);
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    }
    server->holder = holder;
    snprintf(server->cache_control, sizeof server->cache_control, "public, max-age=%u",
             config->cache_max_age);
    unsigned flags =
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG | MHD_USE_ITC;
    if (address->ai_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    unsigned threads = config->threads ? config->threads : 1;
    /* The logger comes first so that MHD reports nothing through its own; the port argument
     * only names the port in MHD's messages (the address comes from MHD_OPTION_SOCK_ADDR). */
    uint16_t port =
        ntohs(address->ai_family == AF_INET6 ? ((struct sockaddr_in6 *)address->ai_addr)->sin6_port
                                             : ((struct sockaddr_in *)address->ai_addr)->sin_port);
    server->daemon = MHD_start_daemon(
        flags, port, NULL, NULL, handle_request, server, MHD_OPTION_EXTERNAL_LOGGER, log_from_mhd,
        NULL, MHD_OPTION_SOCK_ADDR, address->ai_addr, MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_TIMEOUT, config->timeout_sec, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)CONNECTION_LIMIT, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)CONNECTION_MEMORY_BYTES, MHD_OPTION_END);
    freeaddrinfo(address);
    if (!server->daemon) {
        free(server);
        return tg_error_set(err, TG_ERR_IO, "cannot listen on %s (address in use or not local?)",
                            config->listen);
    }
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(server->daemon, MHD_DAEMON_INFO_BIND_PORT);
    server->port = info ? info->port : 0;
    *out = server;
    return TG_OK;
}

uint16_t tg_http_server_port(const struct tg_http_server *server)
{
    return server->port;
}

void tg_http_server_stop(struct tg_http_server *server)
{
    if (!server)
        return;
    MHD_socket listener = MHD_quiesce_daemon(server->daemon);
    if (listener != MHD_INVALID_SOCKET)
        close(listener);
    for (int waited = 0; waited < DRAIN_SECONDS * 20; waited++) {
        const union MHD_DaemonInfo *info =
            MHD_get_daemon_info(server->daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (!info || info->num_connections == 0)
            break;
        nanosleep(&(struct timespec){.tv_nsec = 50 * 1000 * 1000}, NULL);
    }
    MHD_stop_daemon(server->daemon);
    free(server);
}
