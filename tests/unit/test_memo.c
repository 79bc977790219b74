/* The response memo (issue 11: bounded with eviction so junk URLs cannot fill it). */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/memo.h"
#include "suite.h"

#define THREADS 4
#define KEYS    200

static bool get_string(struct tg_memo *memo, const char *key, char **value)
{
    size_t len = 0;
    bool found = tg_memo_get(memo, key, strlen(key), value, &len);
    if (found)
        ck_assert_uint_eq(len, strlen(*value));
    return found;
}

START_TEST(test_first_value_wins_and_oversize_is_ignored)
{
    struct tg_memo *memo = NULL;
    ck_assert_int_eq(tg_memo_new(TG_MEMO_BYTES, &memo), TG_OK);
    char *value = NULL;
    ck_assert(!get_string(memo, "missing", &value));
    tg_memo_put(memo, "k", 1, "first", 5);
    tg_memo_put(memo, "k", 1, "second", 6);
    ck_assert(get_string(memo, "k", &value));
    ck_assert_str_eq(value, "first");
    free(value);
    /* Keys are byte strings: a NUL inside is part of the key, not its end. */
    tg_memo_put(memo, "a\0b", 3, "nul", 3);
    size_t len = 0;
    ck_assert(!tg_memo_get(memo, "a", 1, &value, &len));
    ck_assert(tg_memo_get(memo, "a\0b", 3, &value, &len));
    free(value);

    char *big = calloc(1, TG_MEMO_MAX_VALUE + 1);
    tg_memo_put(memo, "big", 3, big, TG_MEMO_MAX_VALUE + 1);
    ck_assert(!tg_memo_get(memo, "big", 3, &value, &len));
    free(big);
    tg_memo_free(memo);
}
END_TEST

/* A stream of one-off keys never grows the memo past its budget, and the entries it keeps are
 * the ones used most recently. */
START_TEST(test_evicts_least_recently_used)
{
    const size_t budget = 64 * 1024;
    struct tg_memo *memo = NULL;
    ck_assert_int_eq(tg_memo_new(budget, &memo), TG_OK);
    char body[512];
    memset(body, 'x', sizeof body);
    tg_memo_put(memo, "hot", 3, body, sizeof body);
    for (int i = 0; i < 10000; i++) {
        char key[32];
        int n = snprintf(key, sizeof key, "junk-%d", i);
        tg_memo_put(memo, key, (size_t)n, body, sizeof body);
        char *value = NULL;
        size_t len = 0;
        /* Reading "hot" keeps it recent while junk pushes everything else out. */
        ck_assert_msg(tg_memo_get(memo, "hot", 3, &value, &len), "hot evicted at %d", i);
        free(value);
        ck_assert_uint_le(tg_memo_bytes(memo), budget);
    }
    ck_assert_uint_gt(tg_memo_entries(memo), 10);
    char *value = NULL;
    ck_assert(!get_string(memo, "junk-0", &value));
    tg_memo_free(memo);
}
END_TEST

static struct tg_memo *shared_memo;

static void *put_keys(void *arg)
{
    int thread = *(int *)arg;
    for (int i = 0; i < KEYS; i++) {
        char key[32], value[32];
        int n = snprintf(key, sizeof key, "key-%d-%d", thread, i);
        snprintf(value, sizeof value, "value-%d-%d", thread, i);
        tg_memo_put(shared_memo, key, (size_t)n, value, strlen(value));
    }
    return NULL;
}

/* Threads putting different keys at once lose nothing while the budget holds them all. */
START_TEST(test_concurrent_puts)
{
    ck_assert_int_eq(tg_memo_new(TG_MEMO_BYTES, &shared_memo), TG_OK);
    pthread_t threads[THREADS];
    int ids[THREADS];
    for (int i = 0; i < THREADS; i++) {
        ids[i] = i;
        ck_assert_int_eq(pthread_create(&threads[i], NULL, put_keys, &ids[i]), 0);
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
    for (int t = 0; t < THREADS; t++) {
        for (int i = 0; i < KEYS; i++) {
            char key[32], expected[32];
            snprintf(key, sizeof key, "key-%d-%d", t, i);
            snprintf(expected, sizeof expected, "value-%d-%d", t, i);
            char *value = NULL;
            ck_assert_msg(get_string(shared_memo, key, &value), "%s lost", key);
            ck_assert_str_eq(value, expected);
            free(value);
        }
    }
    ck_assert_uint_eq(tg_memo_entries(shared_memo), THREADS * KEYS);
    tg_memo_free(shared_memo);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("memo");
    TCase *tc = tcase_create("memo");
    tcase_add_test(tc, test_first_value_wins_and_oversize_is_ignored);
    tcase_add_test(tc, test_evicts_least_recently_used);
    tcase_add_test(tc, test_concurrent_puts);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
