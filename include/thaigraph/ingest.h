/*
 * ingest: turns files of Thai news into documents in a thaigraph database.
 *
 * Inputs are `.txt` files (one article each; the id is the file name without its extension),
 * directories (walked recursively for `.txt`, `.jsonl` and `.jsonl.gz`, in name order so runs
 * are reproducible) and JSON Lines files, plain or gzip, whose objects carry at least `id` and
 * `text` and optionally `title`, `published`, `source` and `url`.
 *
 * Failure policy. A file that cannot be used as a whole (missing, unreadable, not UTF-8, empty,
 * corrupt gzip) stops the run: nothing is written and the existing database stays as it was.
 * A bad record inside a JSON Lines file (not an object, no id or text, invalid id, NUL bytes,
 * empty or oversized text) and a duplicate id are reported with file and line and skipped;
 * with `strict` they stop the run too. Data after the last gzip member, a file past the caps
 * below, and more than TG_INGEST_MAX_SKIPPED bad records stop the run.
 *
 * Concurrency. A run holds an exclusive lock on the target for its whole length: a second run
 * into the same file waits for it, and then adds to its result. Temporary files left by runs
 * that were killed are removed by the next one. Either way the database only ever changes by a
 * complete, committed run (see store.h).
 *
 * Extraction. Once every input is stored, each document whose claims are stale (new, changed,
 * or upgraded from an older schema) is read by the extractor (extract.h) with its boilerplate
 * (boilerplate.h) left out and its publication date as context, and its claims replaced. An
 * unchanged document keeps its claims, so re-ingesting the same corpus changes nothing.
 *
 * Snapshot. Then the build stage (build.h) merges the claims of every document and indexes every
 * text into the snapshot image the daemon serves, and the commit stores it with the database. With
 * no paths at all, an existing database is only rebuilt: stale documents extracted, image made
 * anew.
 *
 * Memory: the caller owns options, report and paths; nothing is retained after the call.
 */
#ifndef THAIGRAPH_INGEST_H
#define THAIGRAPH_INGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "thaigraph/build.h"
#include "thaigraph/status.h"
#include "thaigraph/store.h"

/* Version of the extraction rules (extract.h); raising it makes the next ingest re-extract every
 * document. */
#define TG_INGEST_EXTRACTION_VERSION TG_EXTRACT_VERSION

/* Longest document id: 1 to this many letters, digits, '.', '_' or '-', so every id is usable
 * in a URL as it is (the daemon refuses any other in a path). */
#define TG_INGEST_MAX_ID_BYTES 128

/* True when id[0..len) is a valid document id. */
bool tg_ingest_id_is_valid(const char *id, size_t len);

/* Longest document text accepted, in bytes; real articles are far below it. */
#define TG_INGEST_MAX_DOCUMENT_BYTES (8u * 1024u * 1024u)

/* Caps on what one run reads, so a hostile file costs seconds, not hours: text bytes in one
 * file once decompressed, lines in one file, and bad records skipped (past it the run fails). */
#define TG_INGEST_MAX_FILE_BYTES (4ull * 1024u * 1024u * 1024u)
#define TG_INGEST_MAX_LINES      10000000u
#define TG_INGEST_MAX_SKIPPED    1000u

struct tg_ingest_options {
    bool strict;      /* a bad record or duplicate id fails the run instead of being skipped */
    bool start_empty; /* replace the database's documents instead of adding to them */
    bool progress;    /* draw a progress line on stderr */
};

struct tg_ingest_report {
    size_t documents; /* documents read successfully */
    size_t inserted;
    size_t updated;
    size_t unchanged;
    size_t skipped;   /* bad records and duplicates skipped (always 0 with strict) */
    size_t extracted; /* documents whose claims were (re)made by this run */
    size_t bytes;     /* text bytes read */
    /* Where the time went, in seconds: reading and storing the inputs (with the copy of the
     * existing database), extraction, the build stage, the commit (appending the image, fsync). */
    double read_seconds, extract_seconds, build_seconds, commit_seconds;
    struct tg_build_report build;
    struct tg_store_meta meta;
};

/* Ingests every path into the database at db_path. */
enum tg_status tg_ingest_run(const char *db_path, const char *const *paths, size_t path_count,
                             const struct tg_ingest_options *options,
                             struct tg_ingest_report *report, struct tg_error *err);

#endif
