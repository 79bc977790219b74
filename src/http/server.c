#include "thaigraph/http.h"

#include <netdb.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "internal.h"
#include "routes.h"
#include "thaigraph/hash.h"
#include "thaigraph/log.h"
#include "limits.h"
#include "thaigraph/memo.h"

/* How long a stop waits for requests in flight before closing their connections. */
#define DRAIN_SECONDS 5
#define ETAG_BYTES    64
/* Per-connection memory for the request line and headers: well past HTTP_MAX_TARGET_BYTES, so
 * every target up to three times the daemon's own limit still gets its problem body (the query
 * is never stored there, see begin_request). No more than that: libmicrohttpd clears the whole
 * pool between the requests of a kept-alive connection, and at 128 KB the clearing cost a
 * memoised entity page about half its throughput. */
#define CONNECTION_MEMORY_BYTES (48u * 1024u)

/* A body sent to a route that reads none (a GET with Content-Length, a form POSTed to a
 * read-only route) is read and thrown away up to this much, so the request is answered once
 * and the connection stays usable; more is a 413. */
#define DISCARDED_BODY_BYTES (8u * 1024u)

/* Renders waiting for a worker, per worker thread, before requests are answered 503. */
#define QUEUED_PER_WORKER 64
/* Connections accepted past the limit only to be answered 503, so clients learn to retry
 * instead of waiting in the kernel's backlog. */
#define SHEDDING_SLACK 64
/* Descriptors kept for the database, logs and the listening socket. */
#define RESERVED_FDS 64

struct tg_http_server {
    struct MHD_Daemon *daemon;
    struct tg_snapshot_holder *holder;
    struct tg_memo *memo;
    struct http_limits *limits;
    struct http_workers *workers;
    atomic_bool draining;
    uint16_t port;
    char cache_control[40];
};

/* Everything one request produced, before it becomes an MHD response. */
struct reply {
    unsigned code;
    char *body; /* NULL for no body */
    size_t len;
    bool body_is_static;
    const char *content_type;
    bool gzip;                 /* the body is gzip-compressed */
    char etag[ETAG_BYTES];     /* empty when the response has none */
    const char *allow;         /* the methods of the route, for 204 and 405 */
    bool close;                /* the connection ends after this response */
    char *link;                /* the next page's URL for a Link header, malloc'd; or NULL */
    struct http_stream stream; /* a body produced as it is sent, instead of body */
    bool was_streamed;         /* the body was (would have been) a stream */
    bool cacheable;            /* clients and proxies may keep it (revalidating by ETag) */
    /* 304: the length of the 200 it stands for, when known. */
    size_t unsent_length;
    bool length_known;
};

/*
 * One request from its request line to its completion: the raw target as the client sent it
 * (every parameter is read from this copy, by length), what was decided once the headers were
 * in, and a body being read or discarded.
 */
struct http_call {
    struct http_job job; /* queued for a worker thread */
    struct tg_http_server *server;
    struct timespec start;
    struct http_request request;
    bool headers_seen;
    bool answered;        /* reply holds the answer a worker made */
    http_handler handler; /* what the worker runs */
    bool gzip;
    struct reply reply;
    enum tg_status early; /* a failure decided from the request line and headers */
    char *path;           /* decoded, in request.decoded */
    size_t path_len;
    char *id;        /* the {id} segment */
    size_t body_cap; /* bytes the request may send */
    size_t body_seen;
    char *body; /* kept only for a route that reads it */
    size_t target_len;
    char target[];
};

static const char json_content_type[] = HTTP_JSON_CONTENT_TYPE;
static const char problem_content_type[] = "application/problem+json; charset=utf-8";

/* Bodies smaller than this go out as they are: compressing them saves less than it costs. */
#define GZIP_MIN_BYTES 1024
static const char gzip_etag_suffix[] = "-gz";

static void reply_free(struct reply *reply)
{
    if (!reply->body_is_static)
        free(reply->body);
    reply->body = NULL;
    free(reply->link);
    reply->link = NULL;
    if (reply->stream.free)
        reply->stream.free(reply->stream.ctx);
    reply->stream = (struct http_stream){0};
}

/* Serialises a JSON document (consumed) into the reply. */
static bool reply_json(struct reply *reply, unsigned code, json_t *body, const char *content_type)
{
    reply->body = body ? json_dumps(body, HTTP_JSON_FLAGS) : NULL;
    json_decref(body);
    if (!reply->body)
        return false;
    reply->code = code;
    reply->len = strlen(reply->body);
    reply->content_type = content_type;
    return true;
}

/* The problem body used when even a small JSON document cannot be built: every error still
 * answers with a body a client can parse. */
static const char fallback_problem[] =
    "{\"type\":\"urn:thaigraph:problem:out_of_memory\",\"title\":\"Out of memory\","
    "\"status\":503,\"detail\":\"the server is short of memory; retry shortly\"}";

/* The path of the request as a problem's `instance`: the bytes the client sent, with anything
 * outside printable ASCII percent-encoded so the JSON is always valid, and cut at 256 bytes. */
static void instance_of(const struct http_call *call, char *out, size_t size)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (size_t i = 0; i < call->target_len && call->target[i] != '?' && o + 4 < size; i++) {
        unsigned char c = (unsigned char)call->target[i];
        if (c > 0x20 && c < 0x7F) {
            out[o++] = (char)c;
        } else {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    out[o] = '\0';
}

/* A problem body; extra (consumed, may be NULL) adds fields such as ambiguity candidates. */
static void reply_problem(struct reply *reply, const struct http_call *call, enum tg_status status,
                          const char *parameter, const char *detail, json_t *extra)
{
    char type[96], instance[260] = "";
    snprintf(type, sizeof type, "urn:thaigraph:problem:%s", tg_status_name(status));
    if (call)
        instance_of(call, instance, sizeof instance);
    unsigned code = tg_status_http_code(status);
    json_t *body =
        json_pack("{s:s, s:s, s:I, s:s, s:s}", "type", type, "title", tg_status_title(status),
                  "status", (json_int_t)code, "detail",
                  detail && *detail ? detail : tg_status_title(status), "instance", instance);
    if (body && parameter && json_object_set_new(body, "parameter", json_string(parameter)))
        json_object_del(body, "parameter");
    if (body && extra)
        json_object_update(body, extra);
    json_decref(extra);
    reply->etag[0] = '\0';
    if (body && reply_json(reply, code, body, problem_content_type))
        return;
    /* Without the detail (which only the caller's text could have spoilt), then without
     * memory at all. */
    char *plain = malloc(256);
    if (plain) {
        snprintf(plain, 256, "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%u}", type,
                 tg_status_title(status), code);
        reply->code = code;
        reply->body = plain;
        reply->len = strlen(plain);
    } else {
        reply->code = MHD_HTTP_SERVICE_UNAVAILABLE;
        reply->body = (char *)fallback_problem;
        reply->len = sizeof fallback_problem - 1;
        reply->body_is_static = true;
    }
    reply->content_type = problem_content_type;
}

/* The request's failure as a problem. */
static void reply_request_problem(struct reply *reply, struct http_call *call,
                                  enum tg_status status)
{
    struct http_request *r = &call->request;
    reply_problem(reply, call, status, r->bad_parameter, r->detail, r->problem_extra);
    r->problem_extra = NULL;
}

/* The canonical request, as a string the caller frees; NULL when out of memory. */
static char *canonical(const struct http_request *request, const char *prefix, size_t *len)
{
    char *text = NULL;
    FILE *out = open_memstream(&text, len);
    if (!out)
        return NULL;
    fputs(prefix, out);
    http_canonical_request(request, NULL, out);
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* Strong ETag from the snapshot's content fingerprint, the build, the representation asked for
 * (CSV or JSON) and the canonical request. */
static void make_etag(const struct http_request *request, char etag[ETAG_BYTES])
{
    size_t len = 0;
    char *key = canonical(request, request->csv ? TG_VERSION " csv " : TG_VERSION " json ", &len);
    uint64_t h = key ? tg_hash_bytes(key, len) : 0;
    free(key);
    snprintf(etag, ETAG_BYTES, "\"%s-%016llx\"", tg_graph_fingerprint(request->graph),
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
    if (!reply->body_is_static)
        free(reply->body);
    reply->body = (char *)packed;
    reply->len = z.total_out;
    reply->body_is_static = false;
    reply->gzip = true;
}

/* The memo key of a response: the snapshot, the representation and the canonical request, so
 * no two requests that differ in any parameter the route reads can share an entry. */
static char *memo_key(const struct http_request *request, bool gzip, size_t *len)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%s %s ", tg_graph_fingerprint(request->graph),
             gzip ? "gzip" : "identity");
    return canonical(request, prefix, len);
}

/*
 * A remembered response is its body, preceded by the Link of the next page when it has one:
 * "\x01" LINK "\n" BODY. JSON never starts with \x01, so a body alone needs no marker.
 */
static void remember(struct tg_memo *memo, const char *key, size_t key_len,
                     const struct reply *reply)
{
    if (!reply->link) {
        tg_memo_put(memo, key, key_len, reply->body, reply->len);
        return;
    }
    size_t link_len = strlen(reply->link), len = 1 + link_len + 1 + reply->len;
    char *value = malloc(len);
    if (!value)
        return;
    value[0] = '\x01';
    memcpy(value + 1, reply->link, link_len);
    value[1 + link_len] = '\n';
    memcpy(value + 2 + link_len, reply->body, reply->len);
    tg_memo_put(memo, key, key_len, value, len);
    free(value);
}

/* Answers from the memo when an earlier request rendered the same representation. */
static bool reply_from_memo(struct tg_memo *memo, const char *key, size_t key_len, bool gzip,
                            struct reply *reply)
{
    char *value = NULL;
    size_t len = 0;
    if (!key || !tg_memo_get(memo, key, key_len, &value, &len))
        return false;
    if (len && value[0] == '\x01') {
        const char *end = memchr(value, '\n', len);
        size_t link_len = end ? (size_t)(end - value - 1) : 0;
        reply->link = end ? strndup(value + 1, link_len) : NULL;
        if (!reply->link) {
            free(value);
            return false;
        }
        len -= link_len + 2;
        memmove(value, end + 1, len);
    }
    reply->body = value;
    reply->len = len;
    reply->code = MHD_HTTP_OK;
    reply->content_type = json_content_type;
    reply->gzip = gzip;
    return true;
}

/* ---- CSV streamed a chunk at a time ---- */

/*
 * A CSV list longer than one chunk: the handler is run again for each next chunk, on the graph
 * retained for the purpose and a copy of the request, continuing from the cursor the previous
 * chunk ended at.
 */
struct csv_stream {
    struct http_request request; /* a copy: parameters of its own, no connection */
    http_handler handler;
    char *url, *path_id;
    char *cursor; /* of the rows after pending; NULL after the last chunk */
    char *pending;
    size_t pending_len, offset;
};

static void free_csv_stream(void *ctx)
{
    struct csv_stream *s = ctx;
    if (s->request.graph)
        tg_snapshot_drop(s->request.holder, s->request.graph);
    free(s->request.decoded);
    free(s->url);
    free(s->path_id);
    free(s->cursor);
    free(s->pending);
    free(s);
}

static ssize_t read_csv_stream(void *ctx, char *buf, size_t cap)
{
    struct csv_stream *s = ctx;
    while (s->offset == s->pending_len) {
        if (!s->cursor)
            return 0;
        struct http_request request = s->request;
        request.stream_cursor = s->cursor;
        struct http_output out = {0};
        enum tg_status status = s->handler(&request, &out);
        free(request.link);
        json_decref(request.problem_extra);
        json_decref(out.json);
        free(s->cursor);
        s->cursor = request.stream_next;
        free(s->pending);
        s->pending = out.text;
        s->pending_len = out.text ? out.text_len : 0;
        s->offset = 0;
        if (status != TG_OK || !out.text)
            return -1;
    }
    size_t n = s->pending_len - s->offset < cap ? s->pending_len - s->offset : cap;
    memcpy(buf, s->pending + s->offset, n);
    s->offset += n;
    return (ssize_t)n;
}

/* Turns a first CSV chunk with more to follow into a stream of the whole list. The stream
 * retains the request's snapshot; a reload in between cannot be streamed consistently. */
static enum tg_status stream_csv(struct http_request *request, http_handler handler,
                                 struct http_output *out)
{
    struct csv_stream *s = calloc(1, sizeof *s);
    if (!s)
        return TG_ERR_NOMEM;
    s->request =
        (struct http_request){.holder = request->holder, .route = request->route, .csv = true};
    s->handler = handler;
    s->request.graph = tg_snapshot_retain(request->holder);
    s->url = strdup(request->url);
    s->path_id = request->path_id ? strdup(request->path_id) : NULL;
    s->request.url = s->url;
    s->request.path_id = s->path_id;
    s->cursor = request->stream_next;
    request->stream_next = NULL;
    s->pending = out->text;
    s->pending_len = out->text_len;
    out->text = NULL;
    enum tg_status status = s->request.graph == request->graph ? TG_OK : TG_ERR_UNAVAILABLE;
    if (status == TG_OK && (!s->url || (request->path_id && !s->path_id) ||
                            http_params_clone(request, &s->request) != TG_OK))
        status = TG_ERR_NOMEM;
    if (status != TG_OK) {
        free_csv_stream(s);
        return status;
    }
    out->stream = (struct http_stream){read_csv_stream, free_csv_stream, s};
    return TG_OK;
}

/* Runs the route's handler; compresses what it produced when the client takes gzip. */
static void render(struct http_call *call, http_handler handler, bool gzip, struct reply *reply)
{
    struct http_request *request = &call->request;
    struct http_output out = {0};
    enum tg_status status = handler(request, &out);
    if (status == TG_OK && request->stream_next)
        status = stream_csv(request, handler, &out);
    if (status == TG_OK && out.stream.read) {
        reply->code = MHD_HTTP_OK;
        reply->stream = out.stream;
        reply->was_streamed = true;
        reply->content_type = out.content_type;
    } else if (status == TG_OK && out.text) {
        reply->code = MHD_HTTP_OK;
        reply->body = out.text;
        reply->len = out.text_len;
        reply->body_is_static = out.text_is_static;
        reply->content_type = out.content_type;
    } else if (status == TG_OK && reply_json(reply, MHD_HTTP_OK, out.json, json_content_type)) {
        out.json = NULL;
    } else {
        /* reply_json consumed the document when it was offered one. */
        if (status != TG_OK) {
            json_decref(out.json);
            if (!out.text_is_static)
                free(out.text);
        }
        reply_request_problem(reply, call, status == TG_OK ? TG_ERR_NOMEM : status);
        return;
    }
    reply->link = request->link;
    request->link = NULL;
    if (gzip && !reply->stream.read && reply->len >= GZIP_MIN_BYTES)
        compress_body(reply);
}

/*
 * Turns a 200 into the 304 the client's tag earns. RFC 9110 8.6 lets a 304 carry a
 * Content-Length only when it is the 200's, so a rendered body's length stays (the body is never
 * sent); a streamed one has none, and goes out without any (see make_response).
 */
static void not_modified(struct reply *reply)
{
    size_t len = reply->len;
    bool streamed = reply->was_streamed;
    reply_free(reply);
    reply->unsent_length = len;
    reply->length_known = !streamed;
    reply->len = 0;
    reply->code = MHD_HTTP_NOT_MODIFIED;
}

/* Whether the client asked for CSV: format=csv, or an Accept naming text/csv before any JSON.
 * Only list routes take `format`; json and csv are its values. */
static enum tg_status negotiate(struct http_request *request)
{
    const char *format = http_query(request, "format");
    if (format) {
        if (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)
            return http_fail(request, TG_ERR_BAD_PARAMETER, "format", "format must be json or csv");
        request->csv = strcmp(format, "csv") == 0;
        return TG_OK;
    }
    bool lists = false;
    for (const char *const *p = request->route->params; *p && !lists; p++)
        lists = strcmp(*p, "format") == 0;
    const char *accept =
        MHD_lookup_connection_value(request->connection, MHD_HEADER_KIND, "Accept");
    const char *csv = lists && accept ? strstr(accept, "text/csv") : NULL;
    const char *json = accept ? strstr(accept, "application/json") : NULL;
    request->csv = csv && (!json || csv < json);
    return TG_OK;
}

/*
 * Serves a route from the snapshot current when the request arrived: the memo when this
 * representation was rendered before, else the handler, whose 200 answer is then remembered;
 * a 304 instead when the client's copy is current. Everything that touches the snapshot happens
 * before it is released (a stream retains the snapshot it reads). Without may_render, a response
 * that needs the handler is left undone (false), for a worker thread to make.
 */
static bool serve_route(struct tg_http_server *server, struct http_call *call, http_handler handler,
                        bool gzip, bool may_render, struct reply *reply)
{
    struct http_request *request = &call->request;
    struct tg_snapshot_ticket ticket;
    bool answered = true;
    request->holder = server->holder;
    request->url = call->path;
    request->graph = tg_snapshot_acquire(server->holder, &ticket);
    reply->cacheable = request->route->cacheable;
    enum tg_status status = negotiate(request);
    if (status != TG_OK) {
        reply_request_problem(reply, call, status);
        goto done;
    }
    make_etag(request, reply->etag);
    size_t key_len = 0;
    char *key = request->route->remembered && handler == request->route->get && !request->csv
                    ? memo_key(request, gzip, &key_len)
                    : NULL;
    if (reply_from_memo(server->memo, key, key_len, gzip, reply)) {
        free(key);
    } else if (!may_render) {
        free(key);
        reply->etag[0] = '\0';
        answered = false;
        goto done;
    } else {
        render(call, handler, gzip, reply);
        if (key && reply->code == MHD_HTTP_OK && !reply->stream.read) {
            /* A small body is never compressed, so it is remembered as the identity one. */
            size_t final_len = key_len;
            char *final_key = reply->gzip == gzip ? key : memo_key(request, false, &final_len);
            if (final_key)
                remember(server->memo, final_key, final_len, reply);
            if (final_key != key)
                free(final_key);
        }
        free(key);
    }
    if (reply->code != MHD_HTTP_OK)
        reply->etag[0] = '\0';
    /* A strong tag names one representation; the compressed one gets its own. */
    if (reply->gzip) {
        size_t etag_len = strlen(reply->etag);
        snprintf(reply->etag + etag_len - 1, ETAG_BYTES - etag_len + 1, "%s\"", gzip_etag_suffix);
    }
    const char *if_none_match = MHD_lookup_connection_value(request->connection, MHD_HEADER_KIND,
                                                            MHD_HTTP_HEADER_IF_NONE_MATCH);
    if (reply->code == MHD_HTTP_OK && etag_matches(if_none_match, reply->etag))
        not_modified(reply);
done:
    free(request->link);
    request->link = NULL;
    free(request->stream_next);
    request->stream_next = NULL;
    request->graph = NULL;
    tg_snapshot_release(server->holder, &ticket);
    return answered;
}

static ssize_t read_stream(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    const struct http_stream *stream = cls;
    ssize_t n = stream->read(stream->ctx, buf, max);
    if (n < 0)
        return MHD_CONTENT_READER_END_WITH_ERROR;
    return n == 0 ? MHD_CONTENT_READER_END_OF_STREAM : n;
}

static void free_stream(void *cls)
{
    struct http_stream *stream = cls;
    stream->free(stream->ctx);
    free(stream);
}

/* A 304's body is never read; should it be, the response ends in error rather than lie. */
static ssize_t read_nothing(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)cls;
    (void)pos;
    (void)buf;
    (void)max;
    return MHD_CONTENT_READER_END_WITH_ERROR;
}

/* The MHD response for a reply: a stream, a buffer, or (304) nothing at all. */
static struct MHD_Response *make_response(struct reply *reply)
{
    /* libmicrohttpd gives a 304 the Content-Length of its response's size, so a 304 is sized as
     * the 200 it stands for. A stream has no size: libmicrohttpd 0.9.75 would then send the
     * 304 chunked, terminator and all, so it goes out as HTTP/1.0 (no length, no chunks; the
     * connection closes). */
    if (reply->code == MHD_HTTP_NOT_MODIFIED) {
        struct MHD_Response *r = MHD_create_response_from_callback(
            reply->length_known ? reply->unsent_length : MHD_SIZE_UNKNOWN, 64, read_nothing, NULL,
            NULL);
        if (r && !reply->length_known)
            MHD_set_response_options(r, MHD_RF_HTTP_1_0_SERVER, MHD_RO_END);
        return r;
    }
    if (reply->stream.read) {
        struct http_stream *stream = malloc(sizeof *stream);
        if (!stream)
            return NULL;
        *stream = reply->stream;
        struct MHD_Response *response = MHD_create_response_from_callback(
            MHD_SIZE_UNKNOWN, 64 * 1024, read_stream, stream, free_stream);
        if (!response)
            free(stream);
        else
            reply->stream = (struct http_stream){0};
        return response;
    }
    enum MHD_ResponseMemoryMode mode =
        reply->body_is_static || !reply->body ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_FREE;
    struct MHD_Response *response = MHD_create_response_from_buffer(reply->len, reply->body, mode);
    if (response && mode == MHD_RESPMEM_MUST_FREE)
        reply->body = NULL;
    return response;
}

static enum MHD_Result send_reply(const struct tg_http_server *server,
                                  struct MHD_Connection *connection, struct reply *reply,
                                  const char *request_id)
{
    struct MHD_Response *response = make_response(reply);
    if (!response) {
        reply_free(reply);
        return MHD_NO;
    }
    MHD_add_response_header(response, "Access-Control-Allow-Origin", "*");
    MHD_add_response_header(response, "Access-Control-Expose-Headers", "ETag, Link, X-Request-Id");
    MHD_add_response_header(response, "X-Request-Id", request_id);
    MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
    /* Accept chooses CSV, Accept-Encoding gzip. */
    MHD_add_response_header(response, MHD_HTTP_HEADER_VARY, "Accept-Encoding, Accept");
    if (reply->content_type)
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, reply->content_type);
    if (reply->gzip)
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    if (reply->link) {
        size_t n = strlen(reply->link) + 16;
        char *link = malloc(n);
        if (link) {
            snprintf(link, n, "<%s>; rel=\"next\"", reply->link);
            MHD_add_response_header(response, "Link", link);
            free(link);
        }
    }
    if (reply->etag[0])
        MHD_add_response_header(response, MHD_HTTP_HEADER_ETAG, reply->etag);
    /* The snapshot only changes on reload: reuse for max-age, then revalidation by ETag. Live
     * answers (/healthz, /metrics) and errors are never to be reused. */
    MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL,
                            reply->etag[0] && reply->cacheable ? server->cache_control
                                                               : "no-store");
    const char *allow = reply->allow ? reply->allow : HTTP_ALLOWED_METHODS;
    if (reply->code == MHD_HTTP_METHOD_NOT_ALLOWED || reply->code == MHD_HTTP_NO_CONTENT)
        MHD_add_response_header(response, MHD_HTTP_HEADER_ALLOW, allow);
    if (reply->code == MHD_HTTP_SERVICE_UNAVAILABLE)
        MHD_add_response_header(response, MHD_HTTP_HEADER_RETRY_AFTER, "1");
    if (reply->close)
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONNECTION, "close");
    if (reply->code == MHD_HTTP_NO_CONTENT) {
        MHD_add_response_header(response, "Access-Control-Allow-Methods", allow);
        /* What frontends send: conditional and negotiating headers, JSON bodies, tokens and
         * request ids. */
        MHD_add_response_header(response, "Access-Control-Allow-Headers",
                                "Accept, Accept-Encoding, Authorization, Content-Type, "
                                "If-None-Match, X-Request-Id");
        MHD_add_response_header(response, "Access-Control-Max-Age", "86400");
    }
    enum MHD_Result result = MHD_queue_response(connection, reply->code, response);
    MHD_destroy_response(response);
    reply_free(reply);
    return result;
}

/*
 * libmicrohttpd hands over the request target here, before it splits the query into its own
 * per-connection memory. The copy is what every parameter is read from, by length; ending the
 * query in libmicrohttpd's buffer keeps it from storing a record per parameter, where a few
 * thousand of them exhausted the connection's memory and the client got an empty reply.
 * (libmicrohttpd calls this "before we modify URI or args", so the buffer is still whole.)
 */
static void *begin_request(void *cls, const char *uri, struct MHD_Connection *connection)
{
    (void)cls;
    (void)connection;
    size_t len = strlen(uri);
    struct http_call *call = calloc(1, sizeof *call + len + 1);
    if (call) {
        clock_gettime(CLOCK_MONOTONIC, &call->start);
        memcpy(call->target, uri, len + 1);
        call->target_len = len;
    }
    char *query = strchr(uri, '?');
    if (query)
        query[1] = '\0';
    return call;
}

static void end_request(void *cls, struct MHD_Connection *connection, void **request_state,
                        enum MHD_RequestTerminationCode code)
{
    (void)cls;
    (void)code;
    http_limits_idle(connection);
    struct http_call *call = *request_state;
    if (!call)
        return;
    free(call->request.decoded);
    json_decref(call->request.problem_extra);
    free(call->id);
    free(call->body);
    free(call);
    *request_state = NULL;
}

static bool is_method(const char *method, const char *name)
{
    return strcmp(method, name) == 0;
}

/* What can be decided once the request line and headers are in: the route, its id and
 * parameters, the method, and how much body the request may send. */
static enum tg_status prepare(struct http_call *call, struct MHD_Connection *connection,
                              const char *method)
{
    struct http_request *r = &call->request;
    r->connection = connection;
    call->body_cap = DISCARDED_BODY_BYTES;
    enum tg_status status =
        http_parse_target(r, call->target, call->target_len, &call->path, &call->path_len);
    if (status != TG_OK)
        return status;
    call->id = malloc(call->path_len + 1);
    if (!call->id)
        return TG_ERR_NOMEM;
    size_t id_len = 0;
    r->route = http_route_find(call->path, call->path_len, call->id, &id_len);
    if (!r->route) {
        char instance[260];
        instance_of(call, instance, sizeof instance);
        return http_fail(r, TG_ERR_NOT_FOUND, NULL, "no resource at %.200s", instance);
    }
    if (r->route->id != HTTP_ID_NONE) {
        r->path_id = call->id;
        if ((status = http_route_check_id(r->route, r, call->id, id_len)) != TG_OK)
            return status;
    }
    bool post = is_method(method, MHD_HTTP_METHOD_POST) && r->route->post;
    if (post)
        call->body_cap = r->route->post_body_bytes;
    if (!post && !is_method(method, MHD_HTTP_METHOD_GET) &&
        !is_method(method, MHD_HTTP_METHOD_HEAD) && !is_method(method, MHD_HTTP_METHOD_OPTIONS))
        return http_fail(r, TG_ERR_METHOD, NULL, "%.16s is not allowed here; use %s", method,
                         r->route->post ? "GET, HEAD or POST" : "GET or HEAD");
    if ((status = http_check_params(r, r->route->params)) != TG_OK)
        return status;
    const char *length =
        MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (length && strtoull(length, NULL, 10) > call->body_cap)
        return http_fail(r, TG_ERR_BODY_TOO_LARGE, NULL,
                         "this request may carry a body of at most %zu bytes", call->body_cap);
    return TG_OK;
}

/* Keeps the part of a body the route reads, counts the rest; false once past the cap. */
static bool take_body(struct http_call *call, const char *data, size_t size, bool keep)
{
    if (size > call->body_cap - call->body_seen) {
        call->body_seen = call->body_cap + 1;
        return false;
    }
    if (keep) {
        char *grown = realloc(call->body, call->body_seen + size + 1);
        if (!grown)
            return false;
        call->body = grown;
        memcpy(call->body + call->body_seen, data, size);
        call->body[call->body_seen + size] = '\0';
    }
    call->body_seen += size;
    return true;
}

/* A worker thread's part of a request: render, then hand the connection back to its
 * libmicrohttpd thread, which sends the reply. */
static void render_job(struct http_job *job)
{
    struct http_call *call = (struct http_call *)job;
    serve_route(call->server, call, call->handler, call->gzip, true, &call->reply);
    call->answered = true;
    MHD_resume_connection(call->request.connection);
}

/* A worker thread's start: its search state for the snapshot being served is made now, not by
 * the thread's first search, which it cost some 10 ms (a query segmenter that knows every
 * abbreviation of the snapshot). */
static void prepare_worker(void *ctx)
{
    struct tg_http_server *server = ctx;
    struct tg_snapshot_ticket ticket;
    tg_graph_search_prepare(tg_snapshot_acquire(server->holder, &ticket));
    tg_snapshot_release(server->holder, &ticket);
}

/* Answers the request into reply, or (false) leaves it to a worker thread, the connection
 * suspended until then. */
static bool answer(struct tg_http_server *server, struct http_call *call, const char *method,
                   struct reply *reply)
{
    const struct http_route *route = call->request.route;
    if (route)
        reply->allow = route->post ? HTTP_ALLOWED_METHODS_POST : HTTP_ALLOWED_METHODS;
    if (call->body_seen > call->body_cap) {
        http_fail(&call->request, TG_ERR_BODY_TOO_LARGE, NULL,
                  "this request may carry a body of at most %zu bytes", call->body_cap);
        reply_request_problem(reply, call, TG_ERR_BODY_TOO_LARGE);
        return true;
    }
    if (call->early != TG_OK) {
        reply_request_problem(reply, call, call->early);
        return true;
    }
    if (is_method(method, MHD_HTTP_METHOD_OPTIONS)) {
        reply->code = MHD_HTTP_NO_CONTENT;
        return true;
    }
    if (http_limits_over(server->limits)) {
        http_fail(&call->request, TG_ERR_OVERLOADED, NULL,
                  "every connection slot is taken; retry in a second");
        reply_request_problem(reply, call, TG_ERR_OVERLOADED);
        reply->close = true;
        return true;
    }
    bool post = is_method(method, MHD_HTTP_METHOD_POST);
    if (post) {
        call->request.body = call->body ? call->body : "";
        call->request.body_len = call->body_seen;
    }
    call->handler = post ? route->post : route->get;
    call->gzip = !post && accepts_gzip(call->request.connection);
    if (serve_route(server, call, call->handler, call->gzip, route->on_io_thread, reply))
        return true;
    /* Suspended before it is queued: the worker may resume it at once. */
    MHD_suspend_connection(call->request.connection);
    if (!http_workers_submit(server->workers, &call->job)) {
        http_fail(&call->request, TG_ERR_OVERLOADED, NULL,
                  "too many requests are waiting to be answered; retry in a second");
        reply_request_problem(&call->reply, call, TG_ERR_OVERLOADED);
        call->answered = true;
        MHD_resume_connection(call->request.connection);
    }
    return false;
}

/* Sends the reply under the request's id, then counts and logs the request (access_log.c). */
static enum MHD_Result reply_and_record(const struct tg_http_server *server,
                                        struct MHD_Connection *connection,
                                        const struct http_call *call, const char *method,
                                        const char *version, struct reply *reply)
{
    char request_id[HTTP_REQUEST_ID_BYTES];
    http_request_id(connection, request_id);
    const struct http_route *route = call->request.route;
    struct http_request_record record = {
        .method = method,
        .path = call->path ? call->path : call->target,
        .path_len = call->path ? call->path_len : strcspn(call->target, "?"),
        .version = version,
        .request_id = request_id,
        .route_index = route ? http_route_index(route) : http_route_count(),
        .code = reply->code,
        .bytes = reply->len,
        .start = call->start,
    };
    enum MHD_Result result = send_reply(server, connection, reply, request_id);
    http_request_done(connection, &record);
    return result;
}

/* Every answered request leaves here: marked to close while draining, then sent and recorded. */
static enum MHD_Result finish(struct tg_http_server *server, struct MHD_Connection *connection,
                              const struct http_call *call, const char *method, const char *version,
                              struct reply *reply)
{
    if (atomic_load(&server->draining))
        reply->close = true;
    return reply_and_record(server, connection, call, method, version, reply);
}

/* Once draining, a new connection is closed as soon as it is accepted. The listening socket
 * stays open until MHD_stop_daemon: MHD_quiesce_daemon would close it sooner, but in
 * libmicrohttpd 0.9.75 it races a connection thread's epoll loop over taking the socket out of
 * the epoll set (neither holds a lock), and the loser aborts the whole process. */
static enum MHD_Result accept_unless_draining(void *cls, const struct sockaddr *address,
                                              socklen_t address_len)
{
    (void)address;
    (void)address_len;
    const struct tg_http_server *server = cls;
    return atomic_load(&server->draining) ? MHD_NO : MHD_YES;
}

static enum MHD_Result handle_request(void *cls, struct MHD_Connection *connection, const char *url,
                                      const char *method, const char *version,
                                      const char *upload_data, size_t *upload_data_size,
                                      void **request_state)
{
    (void)url; /* decoded by libmicrohttpd and cut at any %00: the call's target is read instead */
    struct tg_http_server *server = cls;
    struct http_call *call = *request_state;
    struct reply reply = {0};
    if (!call) {
        /* No memory for the call: answer at once, and close. */
        reply_problem(&reply, NULL, TG_ERR_NOMEM, NULL, NULL, NULL);
        reply.close = true;
        char request_id[HTTP_REQUEST_ID_BYTES];
        http_request_id(connection, request_id);
        return send_reply(server, connection, &reply, request_id);
    }
    if (call->answered) {
        call->answered = false;
        reply = call->reply;
        return finish(server, connection, call, method, version, &reply);
    }
    if (!call->headers_seen) {
        call->headers_seen = true;
        call->server = server;
        call->early = prepare(call, connection, method);
        if (call->early != TG_ERR_BODY_TOO_LARGE)
            return MHD_YES;
        /* Refused before reading any of it; the rest of the body is never read. */
        http_limits_busy(connection);
        reply_request_problem(&reply, call, call->early);
        reply.close = true;
        return finish(server, connection, call, method, version, &reply);
    }
    if (*upload_data_size) {
        bool keep = call->early == TG_OK && is_method(method, MHD_HTTP_METHOD_POST) &&
                    call->request.route->post;
        take_body(call, upload_data, *upload_data_size, keep);
        *upload_data_size = 0;
        return MHD_YES;
    }
    http_limits_busy(connection);
    if (!answer(server, call, method, &reply))
        return MHD_YES;
    return finish(server, connection, call, method, version, &reply);
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

/* Raises the soft descriptor limit to the hard one and returns how many connections fit. */
static size_t fd_budget(size_t wanted)
{
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return wanted;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    if (limit.rlim_cur == RLIM_INFINITY)
        return wanted;
    size_t room = limit.rlim_cur > RESERVED_FDS + SHEDDING_SLACK
                      ? (size_t)limit.rlim_cur - RESERVED_FDS - SHEDDING_SLACK
                      : 1;
    if (room < wanted)
        tg_log(TG_LOG_WARN, "http: %zu descriptors allow %zu connections, not %zu",
               (size_t)limit.rlim_cur, room, wanted);
    return room < wanted ? room : wanted;
}

static void server_free(struct tg_http_server *server)
{
    if (server->daemon)
        MHD_stop_daemon(server->daemon);
    http_workers_stop(server->workers);
    http_limits_stop(server->limits);
    tg_memo_free(server->memo);
    free(server);
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
    atomic_init(&server->draining, false);
    unsigned threads = config->threads ? config->threads : 1;
    struct http_limits_config limits = {
        .header_seconds =
            config->header_timeout_sec ? config->header_timeout_sec : TG_HTTP_HEADER_TIMEOUT_SEC,
        .idle_seconds = config->timeout_sec,
        .max_connections =
            fd_budget(config->max_connections ? config->max_connections : TG_HTTP_MAX_CONNECTIONS),
    };
    if (tg_memo_new(TG_MEMO_BYTES, &server->memo) != TG_OK ||
        http_limits_start(&limits, &server->limits) != TG_OK ||
        http_workers_start(threads, QUEUED_PER_WORKER * threads, render_job, prepare_worker, server,
                           &server->workers) != TG_OK) {
        freeaddrinfo(address);
        server_free(server);
        return tg_error_set(err, TG_ERR_NOMEM, "out of memory");
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
                     MHD_USE_ITC | MHD_ALLOW_SUSPEND_RESUME;
    if (address->ai_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    /* The logger comes first so that MHD reports nothing through its own; the port argument
     * only names the port in MHD's messages (the address comes from MHD_OPTION_SOCK_ADDR). */
    uint16_t port =
        ntohs(address->ai_family == AF_INET6 ? ((struct sockaddr_in6 *)address->ai_addr)->sin6_port
                                             : ((struct sockaddr_in *)address->ai_addr)->sin_port);
    server->daemon = MHD_start_daemon(
        flags, port, accept_unless_draining, server, handle_request, server,
        MHD_OPTION_EXTERNAL_LOGGER, log_from_mhd, NULL, MHD_OPTION_SOCK_ADDR, address->ai_addr,
        MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT, config->timeout_sec,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)(limits.max_connections + SHEDDING_SLACK),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY_BYTES,
        MHD_OPTION_URI_LOG_CALLBACK, begin_request, NULL, MHD_OPTION_NOTIFY_COMPLETED, end_request,
        NULL, MHD_OPTION_NOTIFY_CONNECTION, http_limits_notify, server->limits, MHD_OPTION_END);
    freeaddrinfo(address);
    if (!server->daemon) {
        server_free(server);
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
    /* Idle kept-alive connections (behind a proxy there always are some) are closed now, busy
     * ones as soon as their response is out, each of those marked Connection: close. */
    atomic_store(&server->draining, true);
    http_limits_drain(server->limits);
    for (int waited = 0; waited < DRAIN_SECONDS * 100; waited++) {
        if (http_limits_connections(server->limits) == 0 &&
            http_workers_pending(server->workers) == 0)
            break;
        nanosleep(&(struct timespec){.tv_nsec = 10 * 1000 * 1000}, NULL);
    }
    /* Every render resumes its connection before the workers end, and libmicrohttpd refuses
     * to stop with a connection still suspended. */
    http_workers_stop(server->workers);
    server->workers = NULL;
    MHD_stop_daemon(server->daemon);
    server->daemon = NULL;
    server_free(server);
}
