/*
 * Prometheus metrics: request counts by route and status, a latency histogram by route, and the
 * size of the snapshot. Counters are plain atomics in fixed tables indexed by route, so
 * observing a request takes no lock and allocates nothing.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "routes.h"

/* The statuses the daemon answers with; anything else is counted as "other". */
static const unsigned tracked_codes[] = {200, 204, 304, 400, 404, 405, 422, 500, 503};
#define CODE_SLOTS (sizeof tracked_codes / sizeof tracked_codes[0] + 1)

/* Upper bounds in seconds: in-memory answers take microseconds, searches milliseconds. */
static const double bucket_bounds[] = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                       0.01,   0.025,   0.05,   0.1,   0.5,    1.0};
#define BUCKETS (sizeof bucket_bounds / sizeof bucket_bounds[0])

/* One row per route plus one for requests that matched none. */
#define MAX_ROUTES 64

struct route_metrics {
    atomic_ullong requests[CODE_SLOTS];
    atomic_ullong buckets[BUCKETS]; /* not cumulative; summed when rendered */
    atomic_ullong count;
    atomic_ullong micros;
};

static struct route_metrics metrics[MAX_ROUTES + 1];

_Static_assert(MAX_ROUTES >= 16, "room for every route");

void http_metrics_observe(size_t route_index, unsigned status_code, double seconds)
{
    if (route_index > MAX_ROUTES)
        route_index = MAX_ROUTES;
    struct route_metrics *m = &metrics[route_index];
    size_t slot = CODE_SLOTS - 1;
    for (size_t i = 0; i < CODE_SLOTS - 1; i++) {
        if (tracked_codes[i] == status_code)
            slot = i;
    }
    atomic_fetch_add_explicit(&m->requests[slot], 1, memory_order_relaxed);
    for (size_t b = 0; b < BUCKETS; b++) {
        if (seconds <= bucket_bounds[b]) {
            atomic_fetch_add_explicit(&m->buckets[b], 1, memory_order_relaxed);
            break;
        }
    }
    atomic_fetch_add_explicit(&m->count, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&m->micros, (unsigned long long)(seconds * 1e6),
                              memory_order_relaxed);
}

static unsigned long long load(atomic_ullong *counter)
{
    return atomic_load_explicit(counter, memory_order_relaxed);
}

static void render_route(FILE *out, const char *route, struct route_metrics *m, bool requests)
{
    if (requests) {
        for (size_t i = 0; i < CODE_SLOTS; i++) {
            unsigned long long n = load(&m->requests[i]);
            if (n == 0)
                continue;
            if (i < CODE_SLOTS - 1)
                fprintf(out, "thaigraph_http_requests_total{route=\"%s\",code=\"%u\"} %llu\n",
                        route, tracked_codes[i], n);
            else
                fprintf(out, "thaigraph_http_requests_total{route=\"%s\",code=\"other\"} %llu\n",
                        route, n);
        }
        return;
    }
    unsigned long long cumulative = 0;
    for (size_t b = 0; b < BUCKETS; b++) {
        cumulative += load(&m->buckets[b]);
        fprintf(out,
                "thaigraph_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
                route, bucket_bounds[b], cumulative);
    }
    unsigned long long count = load(&m->count);
    fprintf(out,
            "thaigraph_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n"
            "thaigraph_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
            "thaigraph_http_request_duration_seconds_count{route=\"%s\"} %llu\n",
            route, count, route, (double)load(&m->micros) / 1e6, route, count);
}

enum tg_status http_metrics_get(struct http_request *request, struct http_output *out)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return TG_ERR_NOMEM;
    size_t routes = http_route_count();
    fputs("# HELP thaigraph_http_requests_total HTTP requests answered, by route and status.\n"
          "# TYPE thaigraph_http_requests_total counter\n",
          f);
    for (size_t i = 0; i <= routes; i++)
        render_route(f, i < routes ? http_route_at(i)->name : "unmatched", &metrics[i], true);
    fputs("# HELP thaigraph_http_request_duration_seconds Time to answer, by route.\n"
          "# TYPE thaigraph_http_request_duration_seconds histogram\n",
          f);
    for (size_t i = 0; i <= routes; i++)
        render_route(f, i < routes ? http_route_at(i)->name : "unmatched", &metrics[i], false);
    fprintf(f,
            "# HELP thaigraph_documents Documents in the served snapshot.\n"
            "# TYPE thaigraph_documents gauge\n"
            "thaigraph_documents %zu\n"
            "# HELP thaigraph_generation Generation of the served snapshot.\n"
            "# TYPE thaigraph_generation gauge\n"
            "thaigraph_generation %llu\n"
            "# HELP thaigraph_snapshot_loaded_timestamp_seconds When the snapshot was loaded.\n"
            "# TYPE thaigraph_snapshot_loaded_timestamp_seconds gauge\n"
            "thaigraph_snapshot_loaded_timestamp_seconds %lld\n",
            tg_graph_document_count(request->graph),
            (unsigned long long)tg_graph_generation(request->graph),
            (long long)tg_graph_loaded_at(request->graph));
    http_metrics_process(f);
    if (fclose(f) != 0) {
        free(text);
        return TG_ERR_NOMEM;
    }
    out->text = text;
    out->text_len = len;
    out->content_type = "text/plain; version=0.0.4; charset=utf-8";
    return TG_OK;
}
