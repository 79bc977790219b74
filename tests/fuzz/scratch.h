/* The working directory of a fuzz target that runs ingest: made once per process under /tmp,
 * with the paths of the input file each run writes and of the database it ingests into. */
#ifndef THAIGRAPH_FUZZ_SCRATCH_H
#define THAIGRAPH_FUZZ_SCRATCH_H

#include <stdio.h>
#include <stdlib.h>

#include "thaigraph/log.h"

struct fuzz_scratch {
    char dir[64], input[96], db[96];
};

/* Makes the directory on the first call; only errors are logged from then on. */
static inline void fuzz_scratch_open(struct fuzz_scratch *s, const char *name)
{
    if (s->dir[0])
        return;
    snprintf(s->dir, sizeof s->dir, "/tmp/fuzz-%s-XXXXXX", name);
    if (!mkdtemp(s->dir))
        abort();
    snprintf(s->input, sizeof s->input, "%s/in.jsonl", s->dir);
    snprintf(s->db, sizeof s->db, "%s/graph.db", s->dir);
    tg_log_set_level(TG_LOG_ERROR);
}

#endif
