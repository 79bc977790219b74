/*
 * build: the stage of `thaigraph ingest` that turns documents and claims into the snapshot
 * thaigraphd serves.
 *
 * It reads every document and every claim of the version being written, merges entities and
 * events across documents (the rules are in graph.h), builds the search indexes (search.h) over
 * texts without their boilerplate, and writes the result as the image the store appends to the
 * file at commit (src/graph/image.h). The image is a pure function of the documents and claims:
 * one ingest of a corpus and several incremental ones that end with the same documents write the
 * same bytes, which tests/unit/test_build.c checks.
 *
 * Claims are checked before they are merged; a claim naming a document or event that does not
 * exist, mentions out of text order, or a span outside its text fail the build with
 * TG_ERR_DB_CORRUPT and the table and row named.
 *
 * Memory: nothing is retained after the call; the image goes to the writer's snapshot file.
 */
#ifndef THAIGRAPH_BUILD_H
#define THAIGRAPH_BUILD_H

#include "thaigraph/status.h"
#include "thaigraph/store.h"

/* Where the time of one build went, in seconds, for ingest's report. */
struct tg_build_report {
    double read, merge, index, write;
    size_t image_bytes;
    size_t reused; /* documents whose words came from the previous snapshot */
};

/*
 * previous, when not NULL, names a database whose snapshot the build may take the words of
 * unchanged documents from (the file the writer started as a copy of): segmenting every text
 * again was most of the time adding a hundred articles to a large corpus took (issue 10). Words
 * are reused only from a snapshot that recorded making them exactly as this build would (the
 * meta row 'snapshot_words': ICU and Unicode versions, TG_SEARCH_WORDS_VERSION, hashes of the
 * segmenter's lists and of the boilerplate cues, the image format; any difference, or no row,
 * and every text is segmented, which the ingest log says). Then a document is reused only when
 * its id and text are the previous snapshot's and no abbreviation written in it has come or
 * gone since, and a few reused documents are segmented again and compared term by term, as a
 * last guard against a change nobody versioned. A previous file that cannot be loaded, or whose
 * reuse cannot be decided, is simply not used. The image is the same either way.
 */
enum tg_status tg_build_snapshot(struct tg_store_writer *writer, const char *previous,
                                 struct tg_build_report *report, struct tg_error *err);

#endif
