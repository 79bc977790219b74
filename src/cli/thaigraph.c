/*
 * thaigraph: the command-line tool. `ingest` builds or updates a graph database from article
 * files; `analyze` shows how thaigraph reads a text; `export` writes the merged graph in formats
 * other tools read. See `thaigraph --help`.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thaigraph/analyze.h"
#include "thaigraph/export.h"
#include "thaigraph/ingest.h"
#include "thaigraph/log.h"

static const char usage_text[] =
    "usage: thaigraph ingest --db FILE [--strict] [--replace] [PATH...]\n"
    "       thaigraph analyze [--year YYYY] < TEXT\n"
    "       thaigraph export --db FILE --format FORMAT [--out PATH]\n"
    "\n"
    "  ingest   read Thai news articles and write them into the graph database FILE.\n"
    "           PATH is a .txt article, a .jsonl or .jsonl.gz file of {\"id\",\"text\",...}\n"
    "           objects, or a directory of them (searched recursively).\n"
    "           --strict   fail on the first bad record instead of skipping it\n"
    "           --replace  start from an empty database instead of adding to FILE\n"
    "           Without PATH, rebuilds the snapshot FILE serves from what it holds.\n"
    "  analyze  read UTF-8 text on standard input and print its tokens and mentions (dates,\n"
    "           numbers) as one JSON object. --year completes dates written without a year.\n"
    "  export   write the merged graph of FILE to PATH (default: standard output) as FORMAT:\n"
    "           ndjson   every entity and event, one JSON object a line\n"
    "           graphml  entities and events as nodes, their relations as edges\n"
    "           gexf     the same for Gephi, with the dates of events and edges\n"
    "           ftm      FollowTheMoney entities (Aleph, yente), one JSON object a line\n"
    "           opensearch          the documents as an OpenSearch/Elasticsearch _bulk body\n"
    "           opensearch-mapping  the index to create for them first (ICU tokenizer)\n"
    "\n"
    "Exit status: 0 on success, 1 when the run failed (FILE is then unchanged), 2 on usage "
    "errors.\n";

static int usage_error(const char *message)
{
    fprintf(stderr, "thaigraph: %s\n\n%s", message, usage_text);
    return 2;
}

static int run_ingest(int argc, char **argv)
{
    static const struct option long_options[] = {
        {"db", required_argument, NULL, 'd'},
        {"strict", no_argument, NULL, 's'},
        {"replace", no_argument, NULL, 'r'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL;
    struct tg_ingest_options options = {.progress = isatty(STDERR_FILENO)};
    int opt;
    while ((opt = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (opt) {
        case 'd':
            db = optarg;
            break;
        case 's':
            options.strict = true;
            break;
        case 'r':
            options.start_empty = true;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return usage_error("unknown option");
        }
    }
    if (!db)
        return usage_error("ingest needs --db FILE");
    if (optind >= argc && access(db, F_OK) != 0)
        return usage_error(
            "ingest needs a PATH to read (without one it rebuilds an existing FILE)");

    struct tg_ingest_report report;
    struct tg_error err = {{0}};
    enum tg_status status = tg_ingest_run(db, (const char *const *)argv + optind,
                                          (size_t)(argc - optind), &options, &report, &err);
    if (status != TG_OK) {
        fprintf(stderr, "thaigraph: ingest failed: %s\nthaigraph: %s was not changed\n",
                err.message[0] ? err.message : tg_status_title(status), db);
        return 1;
    }
    fprintf(stderr,
            "thaigraph: %zu documents (%zu new, %zu updated, %zu unchanged), %zu skipped; "
            "%s is at generation %llu\n",
            report.documents, report.inserted, report.updated, report.unchanged, report.skipped, db,
            (unsigned long long)report.meta.generation);
    const struct tg_build_report *b = &report.build;
    fprintf(
        stderr,
        "thaigraph: %.1f s: reading %.1f, extraction %.1f (%zu documents), snapshot %.1f "
        "(documents %.1f, merge %.1f, indexes %.1f with %zu documents' words reused, writing %.1f;"
        " %.1f MB), commit %.1f\n",
        report.read_seconds + report.extract_seconds + report.build_seconds + report.commit_seconds,
        report.read_seconds, report.extract_seconds, report.extracted, report.build_seconds,
        b->read, b->merge, b->index, b->reused, b->write, (double)b->image_bytes / 1e6,
        report.commit_seconds);
    return 0;
}

/* Largest text analyze reads, so a runaway pipe fails cleanly instead of exhausting memory. */
#define ANALYZE_MAX_BYTES (64u * 1024u * 1024u)

static int read_stdin(char **text, size_t *len)
{
    size_t capacity = 1 << 16, used = 0;
    char *buf = malloc(capacity);
    while (buf) {
        size_t got = fread(buf + used, 1, capacity - used, stdin);
        used += got;
        if (got == 0)
            break;
        if (used == capacity) {
            if (capacity >= ANALYZE_MAX_BYTES) {
                fprintf(stderr, "thaigraph: analyze: input exceeds %u bytes\n", ANALYZE_MAX_BYTES);
                free(buf);
                return 1;
            }
            char *grown = realloc(buf, capacity * 2);
            if (!grown)
                free(buf);
            buf = grown;
            capacity *= 2;
        }
    }
    if (!buf || ferror(stdin)) {
        fprintf(stderr, "thaigraph: analyze: cannot read standard input\n");
        free(buf);
        return 1;
    }
    *text = buf;
    *len = used;
    return 0;
}

static int run_analyze(int argc, char **argv)
{
    static const struct option long_options[] = {
        {"year", required_argument, NULL, 'y'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int year = 0, opt;
    char *end = NULL;
    while ((opt = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (opt) {
        case 'y':
            year = (int)strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || year < 1900 || year > 2100)
                return usage_error("--year must be a Gregorian year from 1900 to 2100");
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return usage_error("unknown option");
        }
    }
    if (optind != argc)
        return usage_error("analyze reads its text from standard input, not arguments");
    char *text = NULL;
    size_t len = 0;
    if (read_stdin(&text, &len) != 0)
        return 1;
    struct tg_text_segmenter *segmenter = NULL;
    json_t *result = NULL;
    enum tg_status status = tg_text_segmenter_new(TG_TEXT_FULL, &segmenter);
    if (status == TG_OK)
        status = tg_analyze_text(segmenter, text, len, year, &result);
    tg_text_segmenter_free(segmenter);
    free(text);
    if (status != TG_OK) {
        fprintf(stderr, "thaigraph: analyze: %s\n", tg_status_title(status));
        return 1;
    }
    int failed = json_dumpf(result, stdout, JSON_COMPACT) != 0 || fputc('\n', stdout) == EOF;
    json_decref(result);
    return failed;
}

/* Streams the export into out; false (with a message) when writing or rendering fails. */
static bool write_export(struct tg_export *x, FILE *out, const char *name)
{
    char buf[1 << 16];
    for (;;) {
        size_t len = 0;
        enum tg_status status = tg_export_read(x, buf, sizeof buf, &len);
        if (status != TG_OK) {
            fprintf(stderr, "thaigraph: export: %s\n", tg_status_title(status));
            return false;
        }
        if (len == 0)
            return true;
        if (fwrite(buf, 1, len, out) != len) {
            fprintf(stderr, "thaigraph: export: cannot write %s\n", name);
            return false;
        }
    }
}

static int run_export(int argc, char **argv)
{
    static const struct option long_options[] = {
        {"db", required_argument, NULL, 'd'},
        {"format", required_argument, NULL, 'f'},
        {"out", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL, *format_name = NULL, *path = NULL;
    int opt;
    while ((opt = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (opt) {
        case 'd':
            db = optarg;
            break;
        case 'f':
            format_name = optarg;
            break;
        case 'o':
            path = optarg;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return usage_error("unknown option");
        }
    }
    enum tg_export_format format;
    if (!db)
        return usage_error("export needs --db FILE");
    if (!format_name || !tg_export_format_parse(format_name, &format))
        return usage_error(
            "export needs --format ndjson, graphml, gexf, ftm, opensearch or opensearch-mapping");
    if (optind != argc)
        return usage_error("export takes no arguments besides its options");

    struct tg_graph *graph = NULL;
    struct tg_error err = {{0}};
    enum tg_status status = tg_graph_load(db, &graph, &err);
    if (status != TG_OK) {
        fprintf(stderr, "thaigraph: export: %s\n",
                err.message[0] ? err.message : tg_status_title(status));
        return 1;
    }
    struct tg_export *x = NULL;
    if ((status = tg_export_open(graph, format, &x)) != TG_OK) {
        fprintf(stderr, "thaigraph: export: %s\n", tg_status_title(status));
        tg_graph_free(graph);
        return 1;
    }
    /* A file is written beside its final name and renamed once complete, so a failed export
     * never leaves a truncated file where a complete one was. */
    char *temp = NULL;
    FILE *out = stdout;
    if (path) {
        size_t n = strlen(path) + 16;
        temp = malloc(n);
        if (temp)
            snprintf(temp, n, "%s.partial", path);
        out = temp ? fopen(temp, "wb") : NULL;
        if (!out)
            fprintf(stderr, "thaigraph: export: cannot create %s\n", temp ? temp : path);
    }
    bool ok = out && write_export(x, out, path ? path : "standard output");
    if (out && out != stdout)
        ok = fclose(out) == 0 && ok;
    else if (out)
        ok = fflush(out) == 0 && ok;
    if (path && temp && ok && rename(temp, path) != 0) {
        fprintf(stderr, "thaigraph: export: cannot rename %s to %s\n", temp, path);
        ok = false;
    }
    if (path && temp && !ok)
        remove(temp);
    free(temp);
    tg_export_free(x);
    tg_graph_free(graph);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("missing command");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        puts("thaigraph " TG_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "ingest") == 0)
        return run_ingest(argc - 1, argv + 1);
    if (strcmp(argv[1], "analyze") == 0)
        return run_analyze(argc - 1, argv + 1);
    if (strcmp(argv[1], "export") == 0)
        return run_export(argc - 1, argv + 1);
    fprintf(stderr, "thaigraph: unknown command '%s'\n\n%s", argv[1], usage_text);
    return 2;
}
