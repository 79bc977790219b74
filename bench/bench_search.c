/*
 * bench_search: tg_search against SQLite FTS5 with the trigram tokenizer over the same ThaiGov
 * articles in the same run. Reports build time and memory of both, the median latency of a
 * fixed list of 50 queries (first page of 20 ranked hits), the speed ratio (target: tg_search at
 * least 10 times faster) and, since the two match differently (whole words against substrings
 * of at least three characters), how far each one's set of matching documents covers the
 * other's. Reads ../shared/corpus/thaigov-v2/part-0*.jsonl.gz; prints a skip message and exits
 * 0 when they are absent.
 *
 * usage: bench_search [--parts N] [--limit-docs N] [--threads N]
 *        (N parts of 8, default all; at most N articles; build threads, default 2)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>
#include <zlib.h>

#include "thaigraph/search.h"
#include "thaigraph/utf8.h"

#define PARTS    8
#define PAGE     20
#define TG_RUNS  7
#define FTS_RUNS 3

/* Space-separated words are ANDed by both engines; every word has three characters or more so
 * the trigram tokenizer can match it. */
static const char *const queries[] = {
    "นายกรัฐมนตรี",
    "รัฐบาล",
    "กระทรวงสาธารณสุข",
    "กระทรวงมหาดไทย",
    "กระทรวงการคลัง",
    "กระทรวงศึกษาธิการ",
    "กระทรวงเกษตรและสหกรณ์",
    "กระทรวงการต่างประเทศ",
    "กระทรวงพาณิชย์",
    "กระทรวงคมนาคม",
    "สสส.",
    "ครม.",
    "ศบค.",
    "พม.",
    "อว.",
    "สธ.",
    "โควิด-19",
    "ประยุทธ์ จันทร์โอชา",
    "การประชุม คณะรัฐมนตรี",
    "เศรษฐกิจ ดิจิทัล",
    "การท่องเที่ยว",
    "ผู้สูงอายุ",
    "เกษตรกร",
    "น้ำท่วม",
    "ภัยแล้ง",
    "วัคซีน",
    "ความร่วมมือ",
    "การลงทุน",
    "ยาเสพติด",
    "ทุเรียน",
    "ยางพารา",
    "ข้าวหอมมะลิ",
    "สาธารณรัฐประชาชนจีน",
    "ญี่ปุ่น",
    "อาเซียน",
    "พลังงาน ทดแทน",
    "เด็กและเยาวชน",
    "โครงการ พระราชดำริ",
    "สมเด็จพระเจ้าอยู่หัว",
    "ทำเนียบรัฐบาล",
    "รองนายกรัฐมนตรี",
    "งบประมาณ",
    "การศึกษา",
    "สิ่งแวดล้อม",
    "EEC",
    "Thailand",
    "COVID",
    "SMEs",
    "BCG",
    "OTOP",
};

#define QUERY_COUNT (sizeof queries / sizeof queries[0])

struct article {
    char *text;
    size_t len;
};

struct corpus {
    struct article *articles;
    size_t count, cap, bytes;
};

/* The benchmark has nothing sensible to report after any failure, so it stops there. */
static _Noreturn void fail(const char *what)
{
    fprintf(stderr, "bench_search: %s\n", what);
    exit(EXIT_FAILURE);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A /proc/self/status field in MB (VmRSS, VmHWM), or 0 where there is no /proc. */
static double status_mb(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double kb = 0;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0 && line[n] == ':')
            kb = strtod(line + n + 1, NULL);
    if (f)
        fclose(f);
    return kb / 1024;
}

static void add_text(struct corpus *c, const char *text, size_t len)
{
    if (c->count == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 4096;
        if (!(c->articles = realloc(c->articles, c->cap * sizeof *c->articles)))
            fail("out of memory");
    }
    struct article *a = &c->articles[c->count++];
    if (!(a->text = strndup(text, len)))
        fail("out of memory");
    a->len = len;
    c->bytes += len;
}

/* Adds the "text" of every JSON line of one gzip file, up to limit articles in all. */
static void load_part(gzFile in, size_t limit, struct corpus *c)
{
    size_t cap = 1 << 20, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        fail("out of memory");
    for (;;) {
        if (cap - len < (1 << 16) && !(buf = realloc(buf, cap *= 2)))
            fail("out of memory");
        int got = gzread(in, buf + len, (unsigned)(cap - len));
        if (got <= 0)
            break;
        len += (size_t)got;
        char *start = buf, *nl;
        while (c->count < limit && (nl = memchr(start, '\n', len - (size_t)(start - buf)))) {
            json_t *doc = json_loadb(start, (size_t)(nl - start), 0, NULL);
            json_t *text = json_object_get(doc, "text");
            if (json_is_string(text))
                add_text(c, json_string_value(text), json_string_length(text));
            json_decref(doc);
            start = nl + 1;
        }
        len -= (size_t)(start - buf);
        memmove(buf, start, len);
        if (c->count >= limit)
            break;
    }
    free(buf);
}

static const struct corpus *items_of;

static enum tg_status get_item(void *ctx, size_t i, struct tg_search_item *out)
{
    (void)ctx;
    const struct article *a = &items_of->articles[i];
    *out = (struct tg_search_item){(uint32_t)i, a->text, a->len, NULL, 0, 0};
    return TG_OK;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, compare_doubles);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Every document tg_search matches, walked page by page, as flags in set. */
static size_t tg_all(const struct tg_search_index *x, struct tg_text_segmenter *seg, const char *q,
                     unsigned char *set)
{
    struct tg_search_cursor cursor;
    struct tg_search_options opt = {.limit = TG_SEARCH_MAX_LIMIT};
    size_t n = 0;
    for (;;) {
        struct tg_search_result *r;
        if (tg_search_query(x, seg, q, strlen(q), &opt, &r) != TG_OK)
            fail("query failed");
        for (size_t i = 0; i < tg_search_result_count(r); i++, n++)
            set[tg_search_result_hit(r, i)->item] = 1;
        bool more = tg_search_result_next(r, &cursor);
        tg_search_result_free(r);
        if (!more)
            return n;
        opt.after = &cursor;
    }
}

/* The query as FTS5 syntax: each word a quoted string, so `.` and `-` are plain text. */
static void fts_query(const char *q, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = q; *p && n + 4 < cap;) {
        size_t len = strcspn(p, " ");
        if (len && n + len + 4 < cap) {
            n += (size_t)snprintf(out + n, cap - n, "%s\"%.*s\"", n ? " " : "", (int)len, p);
        }
        p += len;
        p += strspn(p, " ");
    }
    out[n] = '\0';
}

static size_t fts_run(sqlite3_stmt *st, const char *match, unsigned char *set)
{
    size_t n = 0;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (set)
            set[sqlite3_column_int64(st, 0)] = 1;
        n++;
    }
    return n;
}

static sqlite3 *fts_build(const struct corpus *c, const char *path, double *took)
{
    sqlite3 *db;
    sqlite3_stmt *ins;
    if (sqlite3_open(path, &db) != SQLITE_OK ||
        sqlite3_exec(db,
                     "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
                     "CREATE VIRTUAL TABLE docs USING fts5(text, tokenize='trigram');"
                     "BEGIN",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "INSERT INTO docs(rowid, text) VALUES (?, ?)", -1, &ins, NULL) !=
            SQLITE_OK)
        fail(sqlite3_errmsg(db));
    double start = seconds();
    for (size_t i = 0; i < c->count; i++) {
        sqlite3_bind_int64(ins, 1, (sqlite3_int64)i);
        sqlite3_bind_text(ins, 2, c->articles[i].text, (int)c->articles[i].len, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE)
            fail(sqlite3_errmsg(db));
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    if (sqlite3_exec(db, "COMMIT; INSERT INTO docs(docs) VALUES('optimize')", NULL, NULL, NULL) !=
        SQLITE_OK)
        fail(sqlite3_errmsg(db));
    *took = seconds() - start;
    return db;
}

static size_t parse_count(const char *arg, const char *name)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(arg, &end, 10);
    if (errno || *end || n == 0) {
        fprintf(stderr, "bench_search: %s needs a positive number\n", name);
        exit(2);
    }
    return (size_t)n;
}

int main(int argc, char **argv)
{
    size_t parts = PARTS, limit = (size_t)-1, threads = 2;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--parts") == 0 && i + 1 < argc)
            parts = parse_count(argv[++i], "--parts");
        else if (strcmp(argv[i], "--limit-docs") == 0 && i + 1 < argc)
            limit = parse_count(argv[++i], "--limit-docs");
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            threads = parse_count(argv[++i], "--threads");
        else {
            fprintf(stderr, "usage: bench_search [--parts N] [--limit-docs N] [--threads N]\n");
            return 2;
        }
    }
    if (parts > PARTS)
        parts = PARTS;
    const char *shared = getenv("TG_SHARED_DIR");
    struct corpus c = {0};
    for (size_t p = 0; p < parts && c.count < limit; p++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/corpus/thaigov-v2/part-%02zu.jsonl.gz",
                 shared ? shared : "../shared", p);
        gzFile in = gzopen(path, "rb");
        if (!in) {
            if (p == 0) {
                printf("bench_search: skipped: %s not found (needs ../shared)\n", path);
                return 0;
            }
            break;
        }
        gzbuffer(in, 1 << 17);
        load_part(in, limit, &c);
        gzclose(in);
    }
    printf("bench_search: %zu articles, %.1f MB of UTF-8 from %zu part(s)\n", c.count,
           (double)c.bytes / 1e6, parts);

    double rss = status_mb("VmRSS"), start = seconds();
    struct tg_search_index *x;
    struct tg_search_build_options bopt = {.threads = (unsigned)threads};
    items_of = &c;
    if (tg_search_build(c.count, get_item, NULL, &bopt, &x) != TG_OK)
        fail("tg_search_build failed");
    double tg_build = seconds() - start;
    printf("  tg_search build:   %8.2f s with %zu threads, index %.1f MB (%zu terms), RSS +%.1f "
           "MB, peak RSS %.1f MB\n",
           tg_build, threads, (double)tg_search_index_memory(x) / 1e6, tg_search_index_terms(x),
           status_mb("VmRSS") - rss, status_mb("VmHWM"));

    char db_path[] = "/tmp/bench_search_XXXXXX";
    int fd = mkstemp(db_path);
    if (fd < 0)
        fail("cannot make a temporary file");
    close(fd);
    double fts_build_s;
    sqlite3 *db = fts_build(&c, db_path, &fts_build_s);
    sqlite3_stmt *size;
    double fts_mb = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                           -1, &size, NULL) == SQLITE_OK &&
        sqlite3_step(size) == SQLITE_ROW)
        fts_mb = (double)sqlite3_column_int64(size, 0) / 1e6;
    sqlite3_finalize(size);
    printf("  FTS5 trigram build: %7.2f s, database %.1f MB\n", fts_build_s, fts_mb);
    printf("  build ratio FTS5 / tg_search: %.2f\n\n", fts_build_s / tg_build);

    struct tg_text_segmenter *seg;
    sqlite3_stmt *top, *all;
    if (tg_text_segmenter_new(TG_TEXT_FULL, &seg) != TG_OK ||
        sqlite3_prepare_v2(db, "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20",
                           -1, &top, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT rowid FROM docs WHERE docs MATCH ?", -1, &all, NULL) !=
            SQLITE_OK)
        fail("cannot prepare the queries");
    unsigned char *tg_set = malloc(c.count + 1), *fts_set = malloc(c.count + 1);
    if (!tg_set || !fts_set)
        fail("out of memory");
    double tg_medians[QUERY_COUNT], fts_medians[QUERY_COUNT], tg_sum = 0, fts_sum = 0;
    size_t both_total = 0, tg_total = 0, fts_total = 0;
    printf("  %-34s %9s %9s %7s %9s %9s\n", "query", "tg hits", "fts hits", "both", "tg ms",
           "fts ms");
    for (size_t q = 0; q < QUERY_COUNT; q++) {
        double runs[TG_RUNS];
        for (int r = 0; r < TG_RUNS; r++) {
            struct tg_search_options opt = {.limit = PAGE};
            struct tg_search_result *res;
            double t0 = seconds();
            if (tg_search_query(x, seg, queries[q], strlen(queries[q]), &opt, &res) != TG_OK)
                fail("query failed");
            runs[r] = seconds() - t0;
            tg_search_result_free(res);
        }
        tg_medians[q] = median(runs, TG_RUNS) * 1e3;
        char match[512];
        fts_query(queries[q], match, sizeof match);
        for (int r = 0; r < FTS_RUNS; r++) {
            double t0 = seconds();
            fts_run(top, match, NULL);
            runs[r] = seconds() - t0;
        }
        fts_medians[q] = median(runs, FTS_RUNS) * 1e3;
        memset(tg_set, 0, c.count);
        memset(fts_set, 0, c.count);
        size_t tg_n = tg_all(x, seg, queries[q], tg_set);
        size_t fts_n = fts_run(all, match, fts_set), both = 0;
        for (size_t i = 0; i < c.count; i++)
            both += tg_set[i] && fts_set[i];
        printf("  %-*s %9zu %9zu %7zu %9.3f %9.3f\n",
               (int)(34 + strlen(queries[q]) - tg_utf8_count(queries[q], strlen(queries[q]))),
               queries[q], tg_n, fts_n, both, tg_medians[q], fts_medians[q]);
        tg_sum += tg_medians[q];
        fts_sum += fts_medians[q];
        both_total += both;
        tg_total += tg_n;
        fts_total += fts_n;
    }
    double tg_med = median(tg_medians, QUERY_COUNT), fts_med = median(fts_medians, QUERY_COUNT);
    printf("\n  median query latency: tg_search %.3f ms, FTS5 trigram %.3f ms\n", tg_med, fts_med);
    printf("  total over %zu queries: tg_search %.1f ms, FTS5 trigram %.1f ms\n", QUERY_COUNT,
           tg_sum, fts_sum);
    printf("  speed ratio FTS5 / tg_search: %.1fx by median, %.1fx by total (target >= 10)\n",
           fts_med / tg_med, fts_sum / tg_sum);
    printf("  recall of tg_search against FTS5's documents: %.3f (%zu of %zu)\n",
           fts_total ? (double)both_total / (double)fts_total : 1.0, both_total, fts_total);
    printf("  recall of FTS5 against tg_search's documents: %.3f (%zu of %zu)\n",
           tg_total ? (double)both_total / (double)tg_total : 1.0, both_total, tg_total);

    sqlite3_finalize(top);
    sqlite3_finalize(all);
    sqlite3_close(db);
    unlink(db_path);
    tg_text_segmenter_free(seg);
    tg_search_index_free(x);
    free(tg_set);
    free(fts_set);
    for (size_t i = 0; i < c.count; i++)
        free(c.articles[i].text);
    free(c.articles);
    return 0;
}
