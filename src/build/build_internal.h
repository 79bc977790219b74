/* Private to src/build: the stages tg_build_snapshot runs, in order. */
#ifndef THAIGRAPH_BUILD_INTERNAL_H
#define THAIGRAPH_BUILD_INTERNAL_H

#include <stdio.h>

#include "../graph/graph_internal.h"
#include "thaigraph/build.h"
#include "thaigraph/store.h"

/* Entities, names, mentions, events and positions of g (whose documents are in place) from the
 * writer's claims; refuses claims that name missing documents or events (merge.c). */
enum tg_status build_merge(struct tg_graph *g, struct tg_store_writer *writer,
                           struct tg_error *err);

/* What makes this build's search words: tg_search_words_fingerprint, the boilerplate cues the
 * documents are indexed without and the image format (index.c). */
void build_words_fingerprint(char out[TG_STORE_WORDS_SIZE]);

/* The three search indexes, the suggestions and the abbreviations of g (index.c), reusing the
 * indexes of before (the previous snapshot, or NULL) where it can, and only when before's words
 * were made as words (build_words_fingerprint) says this build makes them; *reused counts the
 * documents it was not segmented again for. */
enum tg_status build_index(struct tg_graph *g, const struct tg_graph *before, const char *words,
                           size_t *reused);

/* Writes g as an image (src/graph/image.h) to out (write.c). */
enum tg_status build_write(const struct tg_graph *g, FILE *out, struct tg_error *err);

#endif
