/* tg_snapshot: readers never see a freed graph while another thread swaps graphs under them.
 * Meant to run under AddressSanitizer (CI's sanitizer build), which turns a use-after-free into
 * a failure. */
#include <check.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thaigraph/build.h"
#include "thaigraph/snapshot.h"
#include "thaigraph/store.h"
#include "suite.h"

#define READERS 4
#define SWAPS   200

static char path[] = "/tmp/tg-snapshot-test-XXXXXX";
static struct tg_snapshot_holder *holder;
static atomic_bool stop;
static atomic_size_t reads;

static void make_database(void)
{
    strcpy(path, "/tmp/tg-snapshot-test-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    struct tg_store_writer *w = NULL;
    struct tg_error err;
    ck_assert_int_eq(tg_store_writer_open(path, true, &w, &err), TG_OK);
    static const struct tg_store_document doc = {
        "only", "หัวข้อ", "เนื้อหา", sizeof "เนื้อหา" - 1, NULL, NULL, NULL, NULL, "test"};
    enum tg_store_put_outcome outcome;
    ck_assert_int_eq(tg_store_writer_put(w, &doc, &outcome, &err), TG_OK);
    ck_assert_int_eq(tg_build_snapshot(w, NULL, NULL, &err), TG_OK);
    ck_assert_int_eq(tg_store_writer_commit(w, NULL, &err), TG_OK);
}

static void *reader(void *arg)
{
    (void)arg;
    while (!atomic_load(&stop)) {
        struct tg_snapshot_ticket ticket;
        const struct tg_graph *graph = tg_snapshot_acquire(holder, &ticket);
        const struct tg_graph_document *doc = tg_graph_document_find(graph, "only");
        if (!doc || strcmp(doc->title, "หัวข้อ") != 0)
            abort();
        tg_snapshot_release(holder, &ticket);
        atomic_fetch_add(&reads, 1);
    }
    return NULL;
}

START_TEST(test_swaps_under_concurrent_readers)
{
    make_database();
    struct tg_graph *graph = NULL;
    ck_assert_int_eq(tg_graph_load(path, &graph, NULL), TG_OK);
    ck_assert_int_eq(tg_snapshot_holder_new(graph, &holder), TG_OK);
    pthread_t threads[READERS];
    for (int i = 0; i < READERS; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, reader, NULL), 0);
    for (int i = 0; i < SWAPS; i++) {
        struct tg_graph *next = NULL;
        ck_assert_int_eq(tg_graph_load(path, &next, NULL), TG_OK);
        tg_snapshot_swap(holder, next);
    }
    atomic_store(&stop, true);
    for (int i = 0; i < READERS; i++)
        pthread_join(threads[i], NULL);
    ck_assert_uint_gt(atomic_load(&reads), 0);
    tg_snapshot_holder_free(holder);
    unlink(path);
}
END_TEST

/* issue 12: a streamed export retains its graph; swaps go on without waiting for it, and the
 * graph it retains stays readable until its last drop frees it (ASan reports a use after free
 * or a leak otherwise). */
START_TEST(test_retained_graph_outlives_swaps)
{
    make_database();
    struct tg_graph *graph = NULL;
    ck_assert_int_eq(tg_graph_load(path, &graph, NULL), TG_OK);
    ck_assert_int_eq(tg_snapshot_holder_new(graph, &holder), TG_OK);
    const struct tg_graph *first = tg_snapshot_retain(holder);
    const struct tg_graph *again = tg_snapshot_retain(holder);
    ck_assert_ptr_eq(first, graph);
    ck_assert_ptr_eq(again, graph);
    for (int i = 0; i < 3; i++) {
        struct tg_graph *next = NULL;
        ck_assert_int_eq(tg_graph_load(path, &next, NULL), TG_OK);
        tg_snapshot_swap(holder, next);
    }
    tg_snapshot_drop(holder, first);
    ck_assert_str_eq(tg_graph_document_find(again, "only")->title, "หัวข้อ");
    tg_snapshot_drop(holder, again);
    /* The current graph retained and dropped without a swap stays current. */
    const struct tg_graph *current = tg_snapshot_retain(holder);
    tg_snapshot_drop(holder, current);
    struct tg_snapshot_ticket ticket;
    ck_assert_ptr_eq(tg_snapshot_acquire(holder, &ticket), current);
    tg_snapshot_release(holder, &ticket);
    tg_snapshot_holder_free(holder);
    unlink(path);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("snapshot");
    TCase *tc = tcase_create("snapshot");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_swaps_under_concurrent_readers);
    tcase_add_test(tc, test_retained_graph_outlives_swaps);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
