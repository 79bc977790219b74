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

/* The memo remembers the first value put under a key, ignores oversized ones, and loses
 * nothing when threads put different keys at once. */
static struct tg_graph *memo_graph;

static void *put_keys(void *arg)
{
    int thread = *(int *)arg;
    for (int i = 0; i < 200; i++) {
        char key[32], value[32];
        snprintf(key, sizeof key, "key-%d-%d", thread, i);
        snprintf(value, sizeof value, "value-%d-%d", thread, i);
        tg_graph_memo_put(memo_graph, key, value, strlen(value));
    }
    return NULL;
}

START_TEST(test_memo)
{
    make_database();
    ck_assert_int_eq(tg_graph_load(path, &memo_graph, NULL), TG_OK);
    const char *value = NULL;
    size_t len = 0;
    ck_assert(!tg_graph_memo_get(memo_graph, "missing", &value, &len));
    tg_graph_memo_put(memo_graph, "k", "first", 5);
    tg_graph_memo_put(memo_graph, "k", "second", 6);
    ck_assert(tg_graph_memo_get(memo_graph, "k", &value, &len));
    ck_assert_uint_eq(len, 5);
    ck_assert(memcmp(value, "first", 5) == 0);

    char *big = calloc(1, TG_GRAPH_MEMO_MAX_VALUE + 1);
    tg_graph_memo_put(memo_graph, "big", big, TG_GRAPH_MEMO_MAX_VALUE + 1);
    ck_assert(!tg_graph_memo_get(memo_graph, "big", &value, &len));
    free(big);

    pthread_t threads[READERS];
    int ids[READERS];
    for (int i = 0; i < READERS; i++) {
        ids[i] = i;
        ck_assert_int_eq(pthread_create(&threads[i], NULL, put_keys, &ids[i]), 0);
    }
    for (int i = 0; i < READERS; i++)
        pthread_join(threads[i], NULL);
    for (int t = 0; t < READERS; t++) {
        for (int i = 0; i < 200; i++) {
            char key[32], expected[32];
            snprintf(key, sizeof key, "key-%d-%d", t, i);
            snprintf(expected, sizeof expected, "value-%d-%d", t, i);
            ck_assert_msg(tg_graph_memo_get(memo_graph, key, &value, &len), "%s lost", key);
            ck_assert_str_eq(value, expected);
        }
    }
    tg_graph_free(memo_graph);
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
    tcase_add_test(tc, test_memo);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
