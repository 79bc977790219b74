/* tg_store: round trips, idempotent puts, generations, and refusal of files it cannot read. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thaigraph/store.h"
#include "suite.h"

static char dir[] = "/tmp/tg-store-test-XXXXXX";
static char path[256];

static void setup(void)
{
    strcpy(dir, "/tmp/tg-store-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/graph.db", dir);
}

static void teardown(void)
{
    char command[512];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(command), 0);
}

static const struct tg_store_document docs[] = {
    {"b_doc", "หัวข้อ B", "เนื้อหา B", sizeof "เนื้อหา B" - 1, "2011-12-22", "day", "ThaiPR.net", NULL,
     "b.txt"},
    {"a_doc", "หัวข้อ A", "เนื้อหา A", sizeof "เนื้อหา A" - 1, NULL, NULL, NULL, NULL, "a.txt"},
    {"c_doc", "C", "ข้อความ\nสองบรรทัด", sizeof "ข้อความ\nสองบรรทัด" - 1, "2012", "year", "src",
     "http://example.org/c", "corpus.jsonl:7"},
};
#define DOC_COUNT (sizeof docs / sizeof docs[0])

static void write_docs(const struct tg_store_document *list, size_t count, bool start_empty,
                       enum tg_store_put_outcome expected, struct tg_store_meta *meta)
{
    struct tg_store_writer *w = NULL;
    struct tg_error err;
    ck_assert_int_eq(tg_store_writer_open(path, start_empty, &w, &err), TG_OK);
    for (size_t i = 0; i < count; i++) {
        enum tg_store_put_outcome outcome;
        ck_assert_int_eq(tg_store_writer_put(w, &list[i], &outcome, &err), TG_OK);
        ck_assert_int_eq(outcome, expected);
    }
    ck_assert_int_eq(tg_store_writer_commit(w, meta, &err), TG_OK);
}

static void assert_same_optional(const char *got, const char *want)
{
    if (want)
        ck_assert_str_eq(got, want);
    else
        ck_assert_ptr_null(got);
}

START_TEST(test_round_trip_in_id_order)
{
    struct tg_store_meta meta;
    write_docs(docs, DOC_COUNT, false, TG_STORE_INSERTED, &meta);
    ck_assert_uint_eq(meta.generation, 1);
    ck_assert_uint_eq(strlen(meta.fingerprint), 16);

    struct tg_store_reader *r = NULL;
    ck_assert_int_eq(tg_store_reader_open(path, &r, NULL), TG_OK);
    size_t count = 0;
    ck_assert_int_eq(tg_store_reader_document_count(r, &count, NULL), TG_OK);
    ck_assert_uint_eq(count, DOC_COUNT);
    static const size_t id_order[] = {1, 0, 2};
    for (size_t i = 0; i < DOC_COUNT; i++) {
        struct tg_store_document got;
        bool done = true;
        ck_assert_int_eq(tg_store_reader_next_document(r, &got, &done, NULL), TG_OK);
        ck_assert(!done);
        const struct tg_store_document *want = &docs[id_order[i]];
        ck_assert_str_eq(got.id, want->id);
        ck_assert_str_eq(got.title, want->title);
        ck_assert_uint_eq(got.text_len, want->text_len);
        ck_assert(memcmp(got.text, want->text, want->text_len) == 0);
        assert_same_optional(got.published, want->published);
        assert_same_optional(got.published_precision, want->published_precision);
        assert_same_optional(got.source, want->source);
        assert_same_optional(got.url, want->url);
        ck_assert_str_eq(got.origin, want->origin);
    }
    struct tg_store_document end;
    bool done = false;
    ck_assert_int_eq(tg_store_reader_next_document(r, &end, &done, NULL), TG_OK);
    ck_assert(done);
    struct tg_store_meta read_meta;
    tg_store_reader_meta(r, &read_meta);
    ck_assert_uint_eq(read_meta.generation, 1);
    ck_assert_str_eq(read_meta.fingerprint, meta.fingerprint);
    tg_store_reader_close(r);
}
END_TEST

START_TEST(test_generation_moves_only_on_change)
{
    struct tg_store_meta first, second, third, fourth;
    write_docs(docs, DOC_COUNT, false, TG_STORE_INSERTED, &first);
    write_docs(docs, DOC_COUNT, false, TG_STORE_UNCHANGED, &second);
    ck_assert_uint_eq(second.generation, 1);
    ck_assert_str_eq(second.fingerprint, first.fingerprint);

    struct tg_store_document changed = docs[0];
    changed.source = NULL;
    write_docs(&changed, 1, false, TG_STORE_UPDATED, &third);
    ck_assert_uint_eq(third.generation, 2);
    ck_assert_str_ne(third.fingerprint, first.fingerprint);

    /* Rebuilding from scratch with the original content returns to the original identity. */
    write_docs(docs, DOC_COUNT, true, TG_STORE_INSERTED, &fourth);
    ck_assert_str_eq(fourth.fingerprint, first.fingerprint);
    ck_assert_uint_eq(fourth.generation, 3);
}
END_TEST

START_TEST(test_duplicate_id_in_one_run)
{
    struct tg_store_writer *w = NULL;
    struct tg_error err;
    enum tg_store_put_outcome outcome;
    ck_assert_int_eq(tg_store_writer_open(path, false, &w, &err), TG_OK);
    ck_assert_int_eq(tg_store_writer_put(w, &docs[0], &outcome, &err), TG_OK);
    ck_assert_int_eq(tg_store_writer_put(w, &docs[0], &outcome, &err), TG_ERR_DUPLICATE);
    ck_assert_ptr_nonnull(strstr(err.message, "b_doc"));
    tg_store_writer_abort(w);
    ck_assert_int_ne(access(path, F_OK), 0);
}
END_TEST

START_TEST(test_abort_leaves_target_and_no_temporary_files)
{
    struct tg_store_meta meta;
    write_docs(docs, 1, false, TG_STORE_INSERTED, &meta);
    struct tg_store_writer *w = NULL;
    enum tg_store_put_outcome outcome;
    ck_assert_int_eq(tg_store_writer_open(path, true, &w, NULL), TG_OK);
    ck_assert_int_eq(tg_store_writer_put(w, &docs[1], &outcome, NULL), TG_OK);
    tg_store_writer_abort(w);

    struct tg_store_reader *r = NULL;
    size_t count = 0;
    ck_assert_int_eq(tg_store_reader_open(path, &r, NULL), TG_OK);
    ck_assert_int_eq(tg_store_reader_document_count(r, &count, NULL), TG_OK);
    ck_assert_uint_eq(count, 1);
    tg_store_reader_close(r);

    char command[512];
    /* The target and its lock file (issue 11), nothing else. */
    snprintf(command, sizeof command, "test $(ls -A '%s' | grep -v '[.]lock$' | wc -l) -eq 1", dir);
    ck_assert_int_eq(system(command), 0);
}
END_TEST

/* Files a reader, and a writer adding to them, must refuse. */
struct bad_file {
    const char *sql;   /* run on a new SQLite file, or NULL to write raw bytes */
    const char *bytes; /* raw contents when sql is NULL; NULL for no file */
    enum tg_status status;
    enum tg_status writer_status;
};

static const struct bad_file bad_files[] = {
    {NULL, NULL, TG_ERR_NOT_FOUND, TG_ERR_NOT_FOUND},
    {NULL, "definitely not SQLite, but long enough to look like a header.........",
     TG_ERR_DB_CORRUPT, TG_ERR_DB_CORRUPT},
    {"CREATE TABLE t(x)", NULL, TG_ERR_DB_CORRUPT, TG_ERR_DB_CORRUPT},
    {"PRAGMA user_version = 99", NULL, TG_ERR_DB_VERSION, TG_ERR_DB_VERSION},
    /* Version 1 is upgradable by a writer, but this one lacks its documents table. */
    {"PRAGMA user_version = 1; CREATE TABLE meta(key, value)", NULL, TG_ERR_DB_VERSION,
     TG_ERR_DB_CORRUPT},
};

START_TEST(test_refuses_unreadable_files)
{
    const struct bad_file *c = &bad_files[_i];
    if (c->sql) {
        sqlite3 *db = NULL;
        ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
        ck_assert_int_eq(sqlite3_exec(db, c->sql, NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db);
    } else if (c->bytes) {
        FILE *f = fopen(path, "wb");
        fputs(c->bytes, f);
        fclose(f);
    }
    struct tg_store_reader *r = NULL;
    struct tg_error err = {{0}};
    ck_assert_int_eq(tg_store_reader_open(path, &r, &err), c->status);
    ck_assert_ptr_nonnull(strstr(err.message, path));
    ck_assert_ptr_null(r);

    if (c->status != TG_ERR_NOT_FOUND) {
        struct tg_store_writer *w = NULL;
        ck_assert_int_eq(tg_store_writer_open(path, false, &w, &err), c->writer_status);
        ck_assert_ptr_null(w);
    }
}
END_TEST

/* The version 1 layout as the first release wrote it (issue #4 added version 2). */
static const char version_1_sql[] =
    "PRAGMA user_version = 1;"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"
    "CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL,"
    " published TEXT, published_precision TEXT, source TEXT, url TEXT, origin TEXT NOT NULL,"
    " content_hash TEXT NOT NULL) STRICT;"
    "INSERT INTO meta VALUES ('generation', '4'), ('fingerprint', '0123456789abcdef');"
    "INSERT INTO documents VALUES ('old', 'หัวข้อ', 'เนื้อหา', NULL, NULL, NULL, NULL, 'old.txt',"
    " 'ffff');";

/* Writes sql into a new file at path, opens it with a writer, which upgrades it, and checks
 * that its one document is due for extraction and that the upgraded file commits with the next
 * generation. */
static void upgrade(const char *sql, uint64_t generation)
{
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);

    struct tg_store_writer *w = NULL;
    struct tg_error err;
    ck_assert_int_eq(tg_store_writer_open(path, false, &w, &err), TG_OK);
    /* Upgraded documents have no claims yet, so they are due for extraction. */
    char **ids = NULL;
    size_t count = 0;
    ck_assert_int_eq(tg_store_writer_stale_documents(w, 1, &ids, &count, &err), TG_OK);
    ck_assert_uint_eq(count, 1);
    ck_assert_str_eq(ids[0], "old");
    tg_store_ids_free(ids, count);
    static const struct tg_extract_result nothing;
    ck_assert_int_eq(tg_store_writer_put_claims(w, "old", &nothing, 1, &err), TG_OK);
    struct tg_store_meta meta;
    ck_assert_int_eq(tg_store_writer_commit(w, &meta, &err), TG_OK);
    ck_assert_uint_eq(meta.generation, generation);

    struct tg_store_reader *r = NULL;
    size_t documents = 0;
    ck_assert_int_eq(tg_store_reader_open(path, &r, &err), TG_OK);
    ck_assert_int_eq(tg_store_reader_document_count(r, &documents, NULL), TG_OK);
    ck_assert_uint_eq(documents, 1);
    tg_store_reader_close(r);
}

START_TEST(test_upgrades_version_1)
{
    upgrade(version_1_sql, 5);
}
END_TEST

/* A version 2 file as ingest wrote it before issue 9 gave participants their roles and evidence:
 * its claims are derived, so the upgrade drops them and marks the document for extraction. */
static const char version_2_sql[] =
    "PRAGMA user_version = 2;"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"
    "CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL,"
    " published TEXT, published_precision TEXT, source TEXT, url TEXT, origin TEXT NOT NULL,"
    " content_hash TEXT NOT NULL, extracted INTEGER NOT NULL DEFAULT 0) STRICT;"
    "CREATE TABLE participant_claims (document_id TEXT NOT NULL, ordinal INTEGER NOT NULL,"
    " entity_id TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('participant', 'chair',"
    " 'host', 'partner')), PRIMARY KEY (document_id, ordinal, entity_id, role)) STRICT;"
    "CREATE TABLE position_claims (document_id TEXT NOT NULL, person_id TEXT NOT NULL,"
    " title TEXT NOT NULL, organisation_id TEXT, as_of TEXT, as_of_precision TEXT) STRICT;"
    "INSERT INTO meta VALUES ('generation', '7'), ('fingerprint', '0123456789abcdef');"
    "INSERT INTO documents VALUES ('old', 'หัวข้อ', 'เนื้อหา', NULL, NULL, NULL, NULL, 'old.txt',"
    " 'ffff', 1);"
    "INSERT INTO participant_claims VALUES ('old', 0, 'org_000000000000', 'participant');"
    "INSERT INTO position_claims VALUES ('old', 'per_000000000000', 'ปลัดกระทรวง', NULL, NULL,"
    " NULL);";

/* issue 9: roles and evidence changed the claims tables; upgrading version 2 keeps working. */
START_TEST(test_upgrades_version_2)
{
    upgrade(version_2_sql, 8);
    sqlite3 *db = NULL;
    /* The old claims are gone and the new tables take the new roles. */
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *stmt = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(db,
                                        "SELECT (SELECT count(*) FROM participant_claims) +"
                                        " (SELECT count(*) FROM position_claims),"
                                        " (SELECT user_version FROM pragma_user_version)",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(stmt, 0), 0);
    ck_assert_int_eq(sqlite3_column_int(stmt, 1), TG_STORE_SCHEMA_VERSION);
    sqlite3_finalize(stmt);
    ck_assert_int_eq(sqlite3_exec(db,
                                  "INSERT INTO participant_claims VALUES ('old', 0,"
                                  " 'org_000000000000', 'co_host', 0, 7)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    ck_assert_int_ne(sqlite3_exec(db,
                                  "INSERT INTO participant_claims VALUES ('old', 1,"
                                  " 'org_000000000000', 'participant', 0, 7)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
}
END_TEST

START_TEST(test_schema_version_matches_header)
{
    struct tg_store_meta meta;
    write_docs(docs, 1, false, TG_STORE_INSERTED, &meta);
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(stmt, 0), TG_STORE_SCHEMA_VERSION);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("store");
    TCase *tc = tcase_create("store");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_round_trip_in_id_order);
    tcase_add_test(tc, test_generation_moves_only_on_change);
    tcase_add_test(tc, test_duplicate_id_in_one_run);
    tcase_add_test(tc, test_abort_leaves_target_and_no_temporary_files);
    tcase_add_loop_test(tc, test_refuses_unreadable_files, 0,
                        (int)(sizeof bad_files / sizeof bad_files[0]));
    tcase_add_test(tc, test_schema_version_matches_header);
    tcase_add_test(tc, test_upgrades_version_1);
    tcase_add_test(tc, test_upgrades_version_2);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
