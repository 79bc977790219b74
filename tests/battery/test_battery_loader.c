/* issue 11: databases that lie. Claims that name rows which do not exist (SQLite's quick_check
 * passes) crashed the daemon at start-up, and the running daemon on SIGHUP. And flip-fuzz:
 * random bit flips in copies of a small database, half of them in the snapshot image with its
 * checksum restamped, each loaded and, when accepted, swept over every route. The daemon must
 * refuse a bad file (exit 1 at start-up with a message; on reload, keep the old snapshot) or serve
 * it; it must never crash or trip a sanitizer. */
#define _GNU_SOURCE /* memmem */
#include <check.h>
#include <fcntl.h>
#include <inttypes.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "battery.h"
#include "thaigraph/store.h"
#include "suite.h"

/* Flip-fuzz bounds: at most this many copies, and no more than this long in all. */
#define FLIP_COPIES  40
#define FLIP_SECONDS 90.0

static struct tgt_seeded fixture;

static void setup(void)
{
    fixture.workdir = tgt_tempdir();
    fixture.db = tgt_path(fixture.workdir, "graph.db");
    tgt_ingest(&fixture, tgt_env("TG_SEEDS_DIR"));
}

static void teardown(void)
{
    tgt_rmtree(fixture.workdir);
    free(fixture.workdir);
    free(fixture.db);
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void copy_file(const char *from, const char *to)
{
    size_t len = 0;
    char *bytes = tgt_read_file(from, &len);
    ck_assert_ptr_nonnull(bytes);
    char *tmp = malloc(strlen(to) + 8);
    sprintf(tmp, "%s.part", to);
    tgt_write_file(tmp, bytes, len);
    ck_assert_int_eq(rename(tmp, to), 0);
    free(tmp);
    free(bytes);
}

static void run_sql(const char *db, const char *sql)
{
    char command[2048];
    snprintf(command, sizeof command, "sqlite3 '%s' \"%s\"", db, sql);
    ck_assert_msg(system(command) == 0, "sqlite3 failed: %s", sql);
}

/* GETs path, asserting only that the daemon answered (any status but a bodiless one). */
static void touch(const struct tgt_daemon *d, const char *path)
{
    char url[1024];
    snprintf(url, sizeof url, "%s%s", d->base_url, path);
    int code = 0;
    if (waitpid(d->pid, &code, WNOHANG) == d->pid) {
        char *log = tgt_read_file(d->stderr_path, NULL);
        ck_abort_msg("the daemon died before GET %s: %.1200s", path, log ? log : "");
    }
    struct tgt_response r;
    tgt_http("GET", url, NULL, &r);
    ck_assert_msg(r.status >= 200 && r.status < 600 && (r.status == 304 || r.body_len > 0),
                  "GET %s: status %ld without a body", path, r.status);
    tgt_response_free(&r);
}

/* The ids of the first page of a list. */
static json_t *ids_of(const struct tgt_daemon *d, const char *path)
{
    char url[1024];
    snprintf(url, sizeof url, "%s%s", d->base_url, path);
    struct tgt_response r;
    tgt_http("GET", url, NULL, &r);
    json_t *ids = json_array();
    json_t *body = r.status == 200 ? json_loads(r.body, 0, NULL) : NULL;
    json_t *items = json_object_get(body, "items"), *item;
    size_t i;
    json_array_foreach(items, i, item)
    {
        if (json_is_string(json_object_get(item, "id")))
            json_array_append(ids, json_object_get(item, "id"));
    }
    json_decref(body);
    tgt_response_free(&r);
    return ids;
}

/* Every route, and every entity, event and document of the first pages. */
static void sweep(const struct tgt_daemon *d)
{
    static const char *const lists[] = {"/v1/documents?limit=100", "/v1/organisations?limit=100",
                                        "/v1/people?limit=100", "/v1/places?limit=100",
                                        "/v1/events?limit=100"};
    static const char *const bases[] = {"/v1/documents/", "/v1/organisations/", "/v1/people/",
                                        "/v1/places/", "/v1/events/"};
    static const char *const fixed[] = {
        "/healthz",
        "/metrics",
        "/v1/search?q=%E0%B8%AA%E0%B8%AA%E0%B8%AA&type=all",
        "/v1/search?q=%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%8A%E0%B8%B8%E0%B8%A1",
        "/v1/search/suggest?q=%E0%B8%AA",
        "/v1/collaborations?a=%E0%B8%9E%E0%B8%A1.",
        "/v1/collaborations?a=%E0%B8%9E%E0%B8%A1.&b=%E0%B8%AA%E0%B8%AA%E0%B8%AA.",
        "/v1/organisations?q=%E0%B8%9E%E0%B8%A1.",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        touch(d, fixed[i]);
    for (size_t l = 0; l < 5; l++) {
        touch(d, lists[l]);
        json_t *ids = ids_of(d, lists[l]), *id;
        size_t i;
        json_array_foreach(ids, i, id)
        {
            char path[512];
            snprintf(path, sizeof path, "%s%s", bases[l], json_string_value(id));
            touch(d, path);
            if (l == 1) {
                snprintf(path, sizeof path, "%s%s/timeline", bases[l], json_string_value(id));
                touch(d, path);
            }
            if (l > 0) {
                snprintf(path, sizeof path, "/v1/graph?focus=%s&depth=2", json_string_value(id));
                touch(d, path);
            }
        }
        json_decref(ids);
    }
}

/* Starts the daemon on db: true when it serves; false when it refused, asserting that it
 * exited 1 with a message (never a crash). */
static bool start_or_refuse(const char *db, struct tgt_daemon *d, const char *what)
{
    int code = 0;
    if (tgt_daemon_start(db, d, &code))
        return true;
    ck_assert_msg(code == 1, "%s: the daemon exited with %d (128+signal: a crash)", what, code);
    return false;
}

struct lie {
    const char *what;
    const char *sql;
};

static const struct lie lies[] = {
    {"an event naming a document that does not exist",
     "UPDATE event_claims SET document_id = 'ghost' WHERE rowid = (SELECT min(rowid) FROM "
     "event_claims)"},
    {"a participant that is no entity",
     "UPDATE participant_claims SET entity_id = 'org_ffffffffffff' WHERE rowid = (SELECT "
     "min(rowid) FROM participant_claims)"},
    {"a mention of an entity that does not exist",
     "UPDATE mentions SET entity_id = 'org_ffffffffffff' WHERE rowid = (SELECT min(rowid) FROM "
     "mentions WHERE entity_id IS NOT NULL)"},
    {"a mention of a document that does not exist",
     "UPDATE mentions SET document_id = 'ghost' WHERE rowid = (SELECT min(rowid) FROM mentions)"},
    {"mentions not contiguous per document (one moved past the text)",
     "UPDATE mentions SET start = start + 1000000, end = end + 1000000 WHERE rowid = (SELECT "
     "min(rowid) FROM mentions)"},
    {"a position held by no person",
     "UPDATE position_claims SET person_id = 'per_ffffffffffff' WHERE rowid = (SELECT "
     "min(rowid) FROM position_claims)"},
    {"an organisation whose parent does not exist",
     "UPDATE entity_claims SET parent_id = 'org_ffffffffffff' WHERE rowid = (SELECT min(rowid) "
     "FROM entity_claims)"},
    {"events of a document numbered with a gap",
     "UPDATE event_claims SET ordinal = ordinal + 50 WHERE rowid = (SELECT min(rowid) FROM "
     "event_claims)"},
};

/* At start-up: refused with exit 1 and a message, or served and swept, never a crash. Then the
 * same file on SIGHUP to a daemon serving a good one: it keeps serving. */
START_TEST(test_inconsistent_claims)
{
    const struct lie *lie = &lies[_i];
    char *bad = tgt_path(fixture.workdir, "bad.db");
    copy_file(fixture.db, bad);
    run_sql(bad, lie->sql);
    struct tgt_daemon d;
    if (start_or_refuse(bad, &d, lie->what)) {
        sweep(&d);
        tgb_stop(&d);
        printf("  %s: served\n", lie->what);
    } else {
        printf("  %s: refused at start-up\n", lie->what);
    }
    int code = 0;
    ck_assert(tgt_daemon_start(fixture.db, &d, &code));
    struct tgb_usage baseline = tgb_usage_of(d.pid);
    char *saved = tgt_path(fixture.workdir, "good.db");
    copy_file(fixture.db, saved);
    copy_file(bad, fixture.db);
    tgt_daemon_signal(&d, SIGHUP);
    for (int i = 0; i < 20; i++) {
        nanosleep(&(struct timespec){.tv_nsec = 100 * 1000 * 1000}, NULL);
        ck_assert_msg(waitpid(d.pid, &code, WNOHANG) == 0, "%s: the daemon died on SIGHUP",
                      lie->what);
    }
    sweep(&d);
    tgb_assert_recovered(&d, &baseline);
    tgb_stop(&d);
    copy_file(saved, fixture.db);
    free(saved);
    free(bad);
}
END_TEST

/* Where the file keeps its snapshot image, and the checksum ingest stored for it; false for a
 * file without one (the daemon then builds from the claims). */
static bool image_of(const char *path, struct tg_store_snapshot *image)
{
    struct tg_store_reader *reader = NULL;
    if (tg_store_reader_open(path, &reader, NULL) != TG_OK)
        return false;
    bool found = tg_store_reader_snapshot(reader, image, NULL) == TG_OK;
    tg_store_reader_close(reader);
    return found;
}

/*
 * A copy of the database with a few random bits flipped: anywhere in the file, or (restamp)
 * only in the snapshot image, whose stored checksum is then rewritten to match, in place, so the
 * loader's structural checks are what must catch the damage, not the checksum.
 */
static int restamped;

static void flip_bits(const char *from, const char *to, unsigned *seed, bool restamp, int *flipped)
{
    size_t len = 0;
    unsigned char *bytes = (unsigned char *)tgt_read_file(from, &len);
    ck_assert_ptr_nonnull(bytes);
    struct tg_store_snapshot image = {0};
    bool in_image = restamp && image_of(from, &image) && image.bytes > 0;
    size_t lo = in_image ? (size_t)image.offset : 0, span = in_image ? (size_t)image.bytes : len;
    *flipped = 1 + rand_r(seed) % 8;
    for (int i = 0; i < *flipped; i++) {
        size_t at = lo + (size_t)rand_r(seed) % span;
        bytes[at] ^= (unsigned char)(1u << (rand_r(seed) % 8));
    }
    tgt_write_file(to, bytes, len);
    if (in_image) {
        int fd = open(to, O_RDWR);
        uint64_t checksum = 0;
        ck_assert_int_eq(tg_store_checksum(fd, image.offset, image.bytes, &checksum), TG_OK);
        char old_hex[17], new_hex[17];
        snprintf(old_hex, sizeof old_hex, "%016" PRIx64, image.checksum);
        snprintf(new_hex, sizeof new_hex, "%016" PRIx64, checksum);
        /* The meta row holds the checksum as 16 hex digits among the SQLite pages. */
        unsigned char *hit = memmem(bytes, lo, old_hex, 16);
        ck_assert_msg(hit != NULL, "the stored checksum %s is not in the file", old_hex);
        ck_assert_int_eq(pwrite(fd, new_hex, 16, hit - bytes), 16);
        close(fd);
        restamped++;
    }
    free(bytes);
}

/* Random bit flips, loaded at start-up and on SIGHUP, bounded in count and time. */
START_TEST(test_flip_fuzz)
{
    unsigned seed = (unsigned)time(NULL);
    printf("  flip-fuzz seed %u\n", seed);
    char *bad = tgt_path(fixture.workdir, "flipped.db");
    double start = now_s();
    int refused = 0, served = 0, copies = 0;
    for (; copies < FLIP_COPIES && now_s() - start < FLIP_SECONDS; copies++) {
        int flipped = 0;
        bool restamp = copies % 2 == 1;
        flip_bits(fixture.db, bad, &seed, restamp, &flipped);
        struct tgt_daemon d;
        char what[64];
        snprintf(what, sizeof what, "copy %d (%d bits%s)", copies, flipped,
                 restamp ? " in the image, checksum restamped" : "");
        if (start_or_refuse(bad, &d, what)) {
            sweep(&d);
            tgb_stop(&d);
            served++;
        } else {
            refused++;
        }
    }
    /* The same on reload, on a daemon serving the good file. */
    struct tgt_daemon d;
    int code = 0;
    ck_assert(tgt_daemon_start(fixture.db, &d, &code));
    struct tgb_usage baseline = tgb_usage_of(d.pid);
    char *live = tgt_path(fixture.workdir, "live.db");
    copy_file(fixture.db, live);
    tgt_daemon_stop(&d, SIGTERM);
    ck_assert(tgt_daemon_start(live, &d, &code));
    int reloads = 0;
    for (; reloads < FLIP_COPIES / 2 && now_s() - start < FLIP_SECONDS + 30; reloads++) {
        int flipped = 0;
        flip_bits(fixture.db, bad, &seed, reloads % 2 == 1, &flipped);
        copy_file(bad, live);
        tgt_daemon_signal(&d, SIGHUP);
        nanosleep(&(struct timespec){.tv_nsec = 300 * 1000 * 1000}, NULL);
        ck_assert_msg(waitpid(d.pid, &code, WNOHANG) == 0, "the daemon died reloading copy %d",
                      reloads);
        sweep(&d);
    }
    tgb_assert_recovered(&d, &baseline);
    tgb_stop(&d);
    printf("  flip-fuzz: %d copies at start-up (%d refused, %d served and swept), %d reloads, "
           "%d of them flipped in the image with its checksum restamped, %.0f s\n",
           copies, refused, served, reloads, restamped, now_s() - start);
    free(live);
    free(bad);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("battery_loader");
    TCase *tc = tcase_create("loader");
    tcase_set_timeout(tc, 300);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_inconsistent_claims, 0, (int)(sizeof lies / sizeof lies[0]));
    tcase_add_test(tc, test_flip_fuzz);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
