/*
 * fuzz_loader (issue 11): a database built by ingest from fuzz input (up to 6 articles, the
 * input split at 0x1E bytes) must load, and every pointer of the snapshot must lead somewhere
 * valid: each document's mentions and events, each entity's documents, events, positions and
 * relatives, each event's participants and evidence, and each neighbourhood view.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thaigraph/graph.h"
#include "thaigraph/ingest.h"
#include "scratch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fuzz_scratch scratch;
static volatile size_t sink;

static void touch(const char *s)
{
    if (s)
        sink += strlen(s);
}

static void walk_event(const struct tg_graph_event *ev)
{
    touch(ev->id);
    touch(ev->title);
    touch(ev->date);
    for (size_t i = 0; i < ev->participant_count; i++)
        touch(ev->participants[i].entity->id);
    for (size_t i = 0; i < ev->evidence_count; i++) {
        touch(ev->evidence[i].document->id);
        touch(ev->evidence[i].sentence);
    }
    if (ev->place)
        touch(ev->place->id);
}

static void walk(const struct tg_graph *g)
{
    for (size_t i = 0; i < tg_graph_document_count(g); i++) {
        const struct tg_graph_document *d = tg_graph_document_at(g, i);
        touch(d->id);
        for (size_t m = 0; m < d->mention_count; m++) {
            struct tg_graph_mention mention;
            tg_graph_document_mention(g, d, m, &mention);
            touch(mention.surface);
            if (mention.entity)
                touch(mention.entity->id);
            if (mention.end > d->length || mention.start > mention.end)
                abort();
        }
        for (size_t e = 0; e < d->event_count; e++)
            walk_event(d->events[e]);
    }
    for (int t = 0; t < TG_GRAPH_TYPE_COUNT; t++) {
        for (size_t i = 0; i < tg_graph_entity_count(g, (enum tg_graph_type)t); i++) {
            const struct tg_graph_entity *e = tg_graph_entity_at(g, (enum tg_graph_type)t, i);
            touch(e->name);
            for (size_t k = 0; k < e->document_count; k++)
                touch(e->documents[k]->id);
            for (size_t k = 0; k < e->event_count; k++)
                touch(e->events[k]->id);
            for (size_t k = 0; k < e->position_count; k++) {
                touch(e->positions[k]->title);
                touch(e->positions[k]->document->id);
            }
            for (size_t k = 0; k < e->child_count; k++)
                touch(e->children[k]->id);
            if (e->parent)
                touch(e->parent->id);
            struct tg_graph_view view;
            if (tg_graph_view(g, e->id, 2, &view) == TG_OK)
                tg_graph_view_free(&view);
        }
    }
    for (size_t i = 0; i < tg_graph_event_count(g); i++)
        walk_event(tg_graph_event_at(g, i));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_scratch_open(&scratch, "loader");
    FILE *f = fopen(scratch.input, "w");
    if (!f)
        abort();
    const char *p = (const char *)data, *end = p + size;
    for (int n = 0; p < end && n < 6; n++) {
        const char *sep = memchr(p, 0x1E, (size_t)(end - p));
        size_t len = sep ? (size_t)(sep - p) : (size_t)(end - p);
        char id[16];
        snprintf(id, sizeof id, "d%d", n);
        json_t *text = json_stringn(p, len); /* NULL for invalid UTF-8: that article is left out */
        if (text && len > 0) {
            json_t *record = json_pack("{s:s, s:o}", "id", id, "text", text);
            char *line = json_dumps(record, JSON_COMPACT);
            fprintf(f, "%s\n", line);
            free(line);
            json_decref(record);
        } else {
            json_decref(text);
        }
        p += len + 1;
    }
    fclose(f);
    const char *paths[] = {scratch.input};
    struct tg_ingest_options options = {0};
    struct tg_ingest_report report;
    struct tg_error err;
    if (tg_ingest_run(scratch.db, paths, 1, &options, &report, &err) == TG_OK) {
        struct tg_graph *g = NULL;
        if (tg_graph_load(scratch.db, &g, &err) != TG_OK)
            abort(); /* ingest wrote it: the loader must take it */
        walk(g);
        tg_graph_free(g);
    }
    unlink(scratch.db);
    return 0;
}
