/* The command-line contract of `thaigraph ingest` and of thaigraphd's start-up (issue #2): bad
 * input gets a message naming the file and a non-zero exit, and never changes the database. */
#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "harness.h"
#include "thaigraph/store.h"
#include "suite.h"

static char *workdir;
static char *db;

static void setup(void)
{
    workdir = tgt_tempdir();
    db = tgt_path(workdir, "graph.db");
}

static void teardown(void)
{
    tgt_rmtree(workdir);
    free(db);
    free(workdir);
}

static int ingest(const char *extra, const char *path, char **err)
{
    const char *argv[] = {tgt_env("THAIGRAPH_BIN"), "ingest", "--db", db, path, NULL, NULL};
    if (extra) {
        argv[4] = extra;
        argv[5] = path;
    }
    return tgt_run(argv, NULL, err);
}

static void ingest_ok(const char *path)
{
    char *err = NULL;
    int code = ingest(NULL, path, &err);
    ck_assert_msg(code == 0, "ingest %s: exit %d: %s", path, code, err);
    free(err);
}

/* Dumps every stored document field, in id order, as one string for comparisons. */
static char *dump_documents(const char *path)
{
    struct tg_store_reader *reader = NULL;
    ck_assert_int_eq(tg_store_reader_open(path, &reader, NULL), TG_OK);
    size_t cap = 1 << 20, used = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    for (;;) {
        struct tg_store_document d;
        bool done = false;
        ck_assert_int_eq(tg_store_reader_next_document(reader, &d, &done, NULL), TG_OK);
        if (done)
            break;
        const char *fields[] = {d.id,     d.title, d.published, d.published_precision,
                                d.source, d.url,   d.text};
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
            size_t n = fields[i] ? strlen(fields[i]) : 6;
            while (used + n + 2 > cap)
                out = realloc(out, cap *= 2);
            memcpy(out + used, fields[i] ? fields[i] : "(null)", n);
            used += n;
            out[used++] = '\x1f';
            out[used] = '\0';
        }
    }
    tg_store_reader_close(reader);
    return out;
}

START_TEST(test_ingest_is_idempotent)
{
    ingest_ok(tgt_env("TG_SEEDS_DIR"));
    char *first = dump_documents(db);
    char *err = NULL;
    ck_assert_int_eq(ingest(NULL, tgt_env("TG_SEEDS_DIR"), &err), 0);
    ck_assert_msg(strstr(err, "5 documents (0 new, 0 updated, 5 unchanged)") != NULL, "%s", err);
    ck_assert_msg(strstr(err, "generation 1") != NULL, "%s", err);
    char *second = dump_documents(db);
    ck_assert_str_eq(first, second);

    /* A second database built from the same input holds the same rows. */
    char *other = tgt_path(workdir, "other.db");
    const char *argv[] = {tgt_env("THAIGRAPH_BIN"), "ingest", "--db", other,
                          tgt_env("TG_SEEDS_DIR"),  NULL};
    ck_assert_int_eq(tgt_run(argv, NULL, NULL), 0);
    char *third = dump_documents(other);
    ck_assert_str_eq(first, third);
    free(other);
    free(first);
    free(second);
    free(third);
    free(err);
}
END_TEST

/* Bad input files: each must fail naming the file and leave the database byte-identical. */
struct bad_file_case {
    const char *name;
    const char *bytes;
    size_t len;
    const char *message;
};

#define BYTES(literal) literal, sizeof literal - 1

static const struct bad_file_case bad_files[] = {
    {"latin1.txt", BYTES("caf\xe9 \xe0 la carte\n"), "invalid UTF-8"},
    {"truncated.txt", BYTES("\xe0\xb8\x81\xe0\xb8"), "invalid UTF-8"},
    {"empty.txt", BYTES(""), "empty"},
    {"blank.txt", BYTES("  \n\t\n\xe2\x80\x8b\n"), "empty"},
    {"nul.txt", BYTES("\xe0\xb8\x81\0\xe0\xb8\x82"), "NUL"},
};

START_TEST(test_bad_input_file_leaves_database_untouched)
{
    const struct bad_file_case *c = &bad_files[_i];
    ingest_ok(tgt_env("TG_SEEDS_DIR"));
    size_t before_len = 0, after_len = 0;
    char *before = tgt_read_file(db, &before_len);
    char *bad = tgt_path(workdir, c->name);
    tgt_write_file(bad, c->bytes, c->len);
    char *err = NULL;
    ck_assert_int_eq(ingest(NULL, bad, &err), 1);
    ck_assert_msg(strstr(err, c->name) != NULL, "message does not name the file: %s", err);
    ck_assert_msg(strstr(err, c->message) != NULL, "message lacks '%s': %s", c->message, err);
    char *after = tgt_read_file(db, &after_len);
    ck_assert_uint_eq(after_len, before_len);
    ck_assert(memcmp(before, after, before_len) == 0);
    free(after);
    free(err);
    free(bad);
    free(before);
}
END_TEST

START_TEST(test_missing_path_fails)
{
    char *missing = tgt_path(workdir, "no-such-article.txt");
    char *err = NULL;
    ck_assert_int_eq(ingest(NULL, missing, &err), 1);
    ck_assert_ptr_nonnull(strstr(err, "no-such-article.txt"));
    ck_assert_int_ne(access(db, F_OK), 0);
    free(err);
    free(missing);
}
END_TEST

START_TEST(test_usage_errors)
{
    const char *no_db[] = {tgt_env("THAIGRAPH_BIN"), "ingest", "seeds", NULL};
    const char *no_path[] = {tgt_env("THAIGRAPH_BIN"), "ingest", "--db", "x.db", NULL};
    const char *unknown[] = {tgt_env("THAIGRAPH_BIN"), "frobnicate", NULL};
    char *err = NULL;
    ck_assert_int_eq(tgt_run(no_db, NULL, &err), 2);
    ck_assert_ptr_nonnull(strstr(err, "--db"));
    free(err);
    ck_assert_int_eq(tgt_run(no_path, NULL, &err), 2);
    free(err);
    ck_assert_int_eq(tgt_run(unknown, NULL, &err), 2);
    ck_assert_ptr_nonnull(strstr(err, "frobnicate"));
    free(err);
}
END_TEST

static void write_gzip(const char *path, const char *text)
{
    gzFile gz = gzopen(path, "wb");
    ck_assert_ptr_nonnull(gz);
    ck_assert_int_eq(gzputs(gz, text), (int)strlen(text));
    ck_assert_int_eq(gzclose(gz), Z_OK);
}

static const char jsonl_records[] =
    "{\"id\":\"a1\",\"text\":\"หัวข้อข่าว\\n\\nวันจันทร์ที่ 24 สิงหาคม 2563\\nเนื้อหา\"}\n"
    "\n"
    "[1,2,3]\n"
    "{\"id\":\"a2\"}\n"
    "{\"id\":\"bad id!\",\"text\":\"ข่าว\"}\n"
    "{\"id\":\"a3\",\"text\":\"\"}\n"
    "not json at all\n"
    "{\"id\":\"a4\",\"text\":\"มี\\u0000ศูนย์\"}\n"
    "{\"id\":\"a1\",\"text\":\"ซ้ำ\"}\n"
    "{\"id\":\"a5\",\"title\":\"ชื่อเรื่อง\",\"published\":\"2012-10\",\"source\":\"x\","
    "\"url\":\"https://example.org/a5\",\"text\":\"เนื้อหาข่าว\"}\n";

START_TEST(test_jsonl_bad_records_are_skipped_with_line_numbers)
{
    char *path = tgt_path(workdir, "corpus.jsonl.gz");
    write_gzip(path, jsonl_records);
    char *err = NULL;
    ck_assert_int_eq(ingest(NULL, path, &err), 0);
    /* Line 3 is not an object, 4 lacks text, 5 has a bad id, 6 is empty, 7 is not JSON,
     * 8 holds a NUL, 9 repeats an id. */
    static const char *const expected[] = {":3:", ":4:", ":5:", ":6:", ":7:", ":8:", ":9:"};
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        ck_assert_msg(strstr(err, expected[i]) != NULL, "no report for line %s: %s", expected[i],
                      err);
    ck_assert_msg(strstr(err, "2 documents") && strstr(err, "7 skipped"), "%s", err);
    char *dump = dump_documents(db);
    ck_assert_ptr_nonnull(strstr(dump, "a1\x1fหัวข้อข่าว\x1f"
                                       "2020-08-24\x1f"
                                       "day"));
    ck_assert_ptr_nonnull(strstr(dump, "a5\x1fชื่อเรื่อง\x1f"
                                       "2012-10\x1fmonth\x1fx\x1fhttps://example.org/a5"));
    free(dump);

    /* --strict fails on the first bad record and writes nothing. */
    char *strict_db = tgt_path(workdir, "strict.db");
    const char *argv[] = {
        tgt_env("THAIGRAPH_BIN"), "ingest", "--strict", "--db", strict_db, path, NULL};
    free(err);
    ck_assert_int_eq(tgt_run(argv, NULL, &err), 1);
    ck_assert_ptr_nonnull(strstr(err, "corpus.jsonl.gz:3"));
    ck_assert_int_ne(access(strict_db, F_OK), 0);
    free(strict_db);
    free(err);
    free(path);
}
END_TEST

START_TEST(test_corrupt_gzip_fails)
{
    char *path = tgt_path(workdir, "broken.jsonl.gz");
    char *good = tgt_path(workdir, "good.jsonl.gz");
    write_gzip(good, jsonl_records);
    size_t len = 0;
    char *bytes = tgt_read_file(good, &len);
    tgt_write_file(path, bytes, len / 2);
    char *err = NULL;
    ck_assert_int_eq(ingest(NULL, path, &err), 1);
    ck_assert_ptr_nonnull(strstr(err, "broken.jsonl.gz"));
    ck_assert_int_ne(access(db, F_OK), 0);
    free(err);
    free(bytes);
    free(good);
    free(path);
}
END_TEST

START_TEST(test_replace_starts_empty)
{
    ingest_ok(tgt_env("TG_SEEDS_DIR"));
    char *one = tgt_path(workdir, "only.txt");
    tgt_write_file(one, "หัวข้อ\nเนื้อหา\n", strlen("หัวข้อ\nเนื้อหา\n"));
    char *err = NULL;
    ck_assert_int_eq(ingest("--replace", one, &err), 0);
    ck_assert_msg(strstr(err, "1 documents (1 new") != NULL, "%s", err);
    ck_assert_msg(strstr(err, "generation 2") != NULL, "%s", err);
    free(err);
    free(one);
}
END_TEST

/* The daemon refuses a database it cannot serve: one log line, non-zero exit within a second,
 * and no port announced. */
struct bad_db_case {
    const char *label;
    const char *contents; /* NULL: the file does not exist */
    const char *message;
};

static const struct bad_db_case bad_dbs[] = {
    {"missing", NULL, "No such file"},
    {"corrupt", "this is not a database, just text that goes on for a while............", "not a"},
    {"wrong version", "", "schema version 99"},
};

START_TEST(test_daemon_refuses_bad_database)
{
    const struct bad_db_case *c = &bad_dbs[_i];
    if (c->contents && *c->contents) {
        tgt_write_file(db, c->contents, strlen(c->contents));
    } else if (c->contents) {
        ingest_ok(tgt_env("TG_SEEDS_DIR"));
        const char *argv[] = {"/usr/bin/sqlite3", db, "PRAGMA user_version = 99", NULL};
        ck_assert_int_eq(tgt_run(argv, NULL, NULL), 0);
    }
    const char *argv[] = {tgt_env("THAIGRAPHD_BIN"), "--db", db, "--listen", "127.0.0.1:0", NULL};
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    char *out = NULL, *err = NULL;
    int code = tgt_run(argv, &out, &err);
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds =
        (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    ck_assert_int_ne(code, 0);
    ck_assert_msg(seconds < 1.0, "took %.2f s to give up", seconds);
    ck_assert_msg(strstr(err, c->message) != NULL, "%s: log lacks '%s': %s", c->label, c->message,
                  err);
    ck_assert_msg(strchr(err, '\n') == strrchr(err, '\n'), "more than one log line: %s", err);
    ck_assert_ptr_null(strstr(out, "listening"));
    free(out);
    free(err);
}
END_TEST

START_TEST(test_daemon_rejects_bad_options)
{
    ingest_ok(tgt_env("TG_SEEDS_DIR"));
    const char *bad_listen[] = {
        tgt_env("THAIGRAPHD_BIN"), "--db", db, "--listen", "nonsense", NULL};
    const char *bad_threads[] = {tgt_env("THAIGRAPHD_BIN"), "--db", db, "--threads", "0", NULL};
    char *err = NULL;
    ck_assert_int_ne(tgt_run(bad_listen, NULL, &err), 0);
    ck_assert_ptr_nonnull(strstr(err, "nonsense"));
    free(err);
    ck_assert_int_eq(tgt_run(bad_threads, NULL, &err), 2);
    ck_assert_ptr_nonnull(strstr(err, "--threads"));
    free(err);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_ingest_is_idempotent);
    tcase_add_loop_test(tc, test_bad_input_file_leaves_database_untouched, 0,
                        (int)(sizeof bad_files / sizeof bad_files[0]));
    tcase_add_test(tc, test_missing_path_fails);
    tcase_add_test(tc, test_usage_errors);
    tcase_add_test(tc, test_jsonl_bad_records_are_skipped_with_line_numbers);
    tcase_add_test(tc, test_corrupt_gzip_fails);
    tcase_add_test(tc, test_replace_starts_empty);
    tcase_add_loop_test(tc, test_daemon_refuses_bad_database, 0,
                        (int)(sizeof bad_dbs / sizeof bad_dbs[0]));
    tcase_add_test(tc, test_daemon_rejects_bad_options);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
