/*
 * thaigraph-score-gold: what the product reads out of the development gold articles, scored
 * against the hand annotations of tests/data/gold/ (issue 9; the rules are in GUIDELINE.md there).
 *
 * usage: thaigraph-score-gold [--floor TYPE=F1 ...] [--verbose] GOLD.json...
 *
 * Every gold article becomes a document of one JSON Lines file (id and text only, so the
 * product reads the title and publication date from the text, as it does for the corpus), that
 * tg_ingest_run reads into a fresh database; the loaded graph is then read the way the API
 * serves it. Per article, distinct items are compared as sets and the counts summed over all
 * articles (micro average):
 *   organisations  the names of the organisations the document's mentions resolve to
 *   people         the names of the people the document's mentions resolve to
 *   positions      (person, title, organisation or none) stated by the document
 *   events         (kind, date at its precision) of the events the document reports
 *   pairs          (organisation, organisation, date) that /v1/collaborations gives for the
 *                  events the document reports (tg_graph_collaboration); gold pairs are derived
 *                  from the event roles as GUIDELINE.md says; each organisation of the product
 *                  is scored under the gold organisation it is (pair_name(): the article writes
 *                  its name, or one of its abbreviations or aliases, for that organisation)
 *   pairs-undated  the same pairs without their date (for reading; no floor)
 *   dates          (surface, value) of the document's date mentions
 * Names compare by their normalised key (tg_text_key: NFC, case folded, spaces removed).
 *
 * Only tg_graph's read API is used, so the same source measures an older build too (the
 * "before" column of issue 9's report). Prints precision, recall and F1 per type; --verbose
 * lists every missed and spurious item per article. Exits 1 when a type's F1 is under its
 * --floor, 2 on bad usage or unreadable gold.
 */
#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thaigraph/extract.h"
#include "thaigraph/graph.h"
#include "thaigraph/ingest.h"
#include "thaigraph/text.h"

enum type { ORGS, PEOPLE, POSITIONS, EVENTS, PAIRS, PAIRS_UNDATED, DATES, TYPE_COUNT };

static const char *const type_names[TYPE_COUNT] = {
    "organisations", "people", "positions", "events", "pairs", "pairs-undated", "dates"};

struct counts {
    unsigned long gold, found, correct;
};

/* A set of items, each a string built from its compared fields. */
struct set {
    char **items;
    size_t count, cap;
};

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "thaigraph-score-gold: out of memory\n");
        exit(2);
    }
    return p;
}

static char *key_of(const char *name)
{
    if (!name)
        return strcpy(xmalloc(2), "-");
    char *key = tg_text_key(name, strlen(name));
    if (!key) {
        fprintf(stderr, "thaigraph-score-gold: out of memory\n");
        exit(2);
    }
    return key;
}

/* Adds the item unless the set holds it already; takes ownership of item. */
static void set_add(struct set *s, char *item)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->items[i], item) == 0) {
            free(item);
            return;
        }
    if (s->count == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        char **grown = realloc(s->items, s->cap * sizeof *grown);
        if (!grown) {
            fprintf(stderr, "thaigraph-score-gold: out of memory\n");
            exit(2);
        }
        s->items = grown;
    }
    s->items[s->count++] = item;
}

static bool set_has(const struct set *s, const char *item)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->items[i], item) == 0)
            return true;
    return false;
}

static void set_clear(struct set *s)
{
    for (size_t i = 0; i < s->count; i++)
        free(s->items[i]);
    free(s->items);
    *s = (struct set){0};
}

/* "a | b | c" of up to three fields; NULL fields print as "-". */
static char *join(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + (b ? strlen(b) : 1) + (c ? strlen(c) : 1) + 8;
    char *out = xmalloc(n);
    snprintf(out, n, "%s | %s | %s", a, b ? b : "-", c ? c : "-");
    return out;
}

/* Names keyed; the pair's two names in a fixed order so (a, b) and (b, a) are one pair. */
static char *pair_item(const char *a, const char *b, const char *date)
{
    char *ka = key_of(a), *kb = key_of(b);
    char *item = strcmp(ka, kb) < 0 ? join(ka, kb, date) : join(kb, ka, date);
    free(ka);
    free(kb);
    return item;
}

struct article {
    const char *id;
    json_t *gold;
    struct set gold_items[TYPE_COUNT];
    struct set found_items[TYPE_COUNT];
};

static const char *str(json_t *object, const char *key)
{
    return json_string_value(json_object_get(object, key));
}

/* The gold organisation named name, or NULL. */
static json_t *gold_org(json_t *gold, const char *name)
{
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(gold, "organisations"), i, o)
    {
        const char *n = str(o, "name");
        if (n && name && strcmp(n, name) == 0)
            return o;
    }
    return NULL;
}

/* Whether gold organisation a is b or one of b's ancestors. */
static bool gold_ancestor_or_self(json_t *gold, const char *a, const char *b)
{
    for (int depth = 0; b && depth < 8; depth++) {
        if (strcmp(a, b) == 0)
            return true;
        json_t *o = gold_org(gold, b);
        b = o ? str(o, "parent") : NULL;
    }
    return false;
}

/* The guideline's collaborating roles, written out here so the gold is read by its own rules
 * rather than by the product's. */
static bool collaborating_role(const char *role)
{
    static const char *const roles[] = {"signatory", "host", "co_host", "partner"};
    for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
        if (strcmp(role, roles[i]) == 0)
            return true;
    return false;
}

static void gold_pairs(struct article *a, json_t *event)
{
    json_t *orgs = json_object_get(event, "organisations");
    const char *date = str(event, "date");
    size_t i, k;
    json_t *x, *y;
    json_array_foreach(orgs, i, x)
    {
        json_array_foreach(orgs, k, y)
        {
            const char *nx = str(x, "name"), *ny = str(y, "name");
            if (k <= i || !nx || !ny || !collaborating_role(str(x, "role")) ||
                !collaborating_role(str(y, "role")) || gold_ancestor_or_self(a->gold, nx, ny) ||
                gold_ancestor_or_self(a->gold, ny, nx))
                continue;
            set_add(&a->gold_items[PAIRS], pair_item(nx, ny, date));
            set_add(&a->gold_items[PAIRS_UNDATED], pair_item(nx, ny, NULL));
        }
    }
}

static void read_gold_items(struct article *a)
{
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(a->gold, "organisations"), i, v)
        set_add(&a->gold_items[ORGS], key_of(str(v, "name")));
    json_array_foreach(json_object_get(a->gold, "people"), i, v)
        set_add(&a->gold_items[PEOPLE], key_of(str(v, "name")));
    json_array_foreach(json_object_get(a->gold, "positions"), i, v)
    {
        char *person = key_of(str(v, "person"));
        const char *org_name = str(v, "organisation");
        char *org = org_name ? key_of(org_name) : NULL;
        set_add(&a->gold_items[POSITIONS], join(person, str(v, "title"), org));
        free(person);
        free(org);
    }
    json_array_foreach(json_object_get(a->gold, "events"), i, v)
    {
        set_add(&a->gold_items[EVENTS], join(str(v, "kind"), str(v, "date"), NULL));
        gold_pairs(a, v);
    }
    json_array_foreach(json_object_get(a->gold, "dates"), i, v)
        set_add(&a->gold_items[DATES], join(str(v, "surface"), str(v, "value"), NULL));
}

static bool reports(const struct tg_graph_event *ev, const struct tg_graph_document *doc)
{
    for (size_t i = 0; i < ev->evidence_count; i++)
        if (ev->evidence[i].document == doc)
            return true;
    return false;
}

/* Whether the key of one of the n names equals key. */
static bool names_have(const char *const *names, size_t n, const char *key)
{
    bool found = false;
    for (size_t i = 0; i < n && !found; i++) {
        char *k = key_of(names[i]);
        found = strcmp(k, key) == 0;
        free(k);
    }
    return found;
}

/* Whether the key of the gold organisation's name, one of its abbreviations or one of its
 * aliases equals key. */
static bool gold_writes(json_t *org, const char *key)
{
    const char *name = str(org, "name");
    if (names_have(&name, 1, key))
        return true;
    const char *const fields[] = {"abbreviations", "aliases"};
    for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
        size_t i;
        json_t *v;
        json_array_foreach(json_object_get(org, fields[f]), i, v)
        {
            const char *form = json_string_value(v);
            if (form && names_have(&form, 1, key))
                return true;
        }
    }
    return false;
}

/* The name a pair of the product is scored under: the gold organisation the entity is, else
 * its own name. The entity is the gold organisation when the gold article writes the entity's
 * name as that organisation's name, abbreviation or alias, or else when one of the entity's
 * own abbreviations or aliases (the product's alias table) is so written; an exact name wins
 * over an alias, and the first organisation of the file over a later one. So a pair found
 * under a short form the article itself uses (สภาพัฒนาฯ for สำนักงานสภาพัฒนาการเศรษฐกิจและ
 * สังคมแห่งชาติ) is the gold pair, and one found under a name the article never gives for it is
 * not (issue 9). */
static const char *pair_name(json_t *gold, const struct tg_graph_entity *entity)
{
    json_t *orgs = json_object_get(gold, "organisations");
    char *key = key_of(entity->name);
    const char *resolved = NULL;
    size_t i;
    json_t *o;
    json_array_foreach(orgs, i, o)
    {
        const char *name = str(o, "name");
        if (!resolved && name && names_have(&name, 1, key))
            resolved = name;
    }
    json_array_foreach(orgs, i, o)
    {
        if (!resolved && str(o, "name") && gold_writes(o, key))
            resolved = str(o, "name");
    }
    free(key);
    for (size_t k = 0; !resolved && k < entity->abbreviation_count + entity->alias_count; k++) {
        const char *form = k < entity->abbreviation_count
                               ? entity->abbreviations[k]
                               : entity->aliases[k - entity->abbreviation_count];
        char *fk = key_of(form);
        json_array_foreach(orgs, i, o)
        {
            if (!resolved && str(o, "name") && gold_writes(o, fk))
                resolved = str(o, "name");
        }
        free(fk);
    }
    return resolved ? resolved : entity->name;
}

/* Whether /v1/collaborations?a=&b= lists the event. */
static bool collaborate_in(const struct tg_graph_entity *x, const struct tg_graph_entity *y,
                           const struct tg_graph_event *ev)
{
    size_t count = 0;
    tg_graph_collaboration(x, y, NULL, 0, &count);
    const struct tg_graph_event **events = xmalloc(count * sizeof *events);
    tg_graph_collaboration(x, y, events, count, &count);
    bool found = false;
    for (size_t i = 0; i < count && !found; i++)
        found = events[i] == ev;
    free(events);
    return found;
}

static void read_found_items(struct article *a, const struct tg_graph *graph,
                             const struct tg_graph_document *doc)
{
    for (size_t i = 0; doc && i < doc->mention_count; i++) {
        struct tg_graph_mention mention;
        tg_graph_document_mention(graph, doc, i, &mention);
        const struct tg_graph_mention *m = &mention;
        if (m->entity && m->entity->type == TG_GRAPH_ORGANISATION)
            set_add(&a->found_items[ORGS], key_of(m->entity->name));
        if (m->entity && m->entity->type == TG_GRAPH_PERSON) {
            const struct tg_graph_entity *p = m->entity;
            set_add(&a->found_items[PEOPLE], key_of(p->name));
            for (size_t k = 0; k < p->position_count; k++) {
                const struct tg_graph_position *pos = p->positions[k];
                if (pos->person != p || pos->document != doc)
                    continue;
                char *person = key_of(p->name);
                char *org = pos->organisation ? key_of(pos->organisation->name) : NULL;
                set_add(&a->found_items[POSITIONS], join(person, pos->title, org));
                free(person);
                free(org);
            }
        }
        if (strcmp(m->type, "date") == 0)
            set_add(&a->found_items[DATES], join(m->surface, m->value, NULL));
    }
    for (size_t e = 0; doc && e < doc->event_count; e++) {
        const struct tg_graph_event *ev = doc->events[e];
        if (!reports(ev, doc))
            continue;
        set_add(&a->found_items[EVENTS], join(ev->kind, ev->date, NULL));
        for (size_t i = 0; i < ev->participant_count; i++)
            for (size_t k = i + 1; k < ev->participant_count; k++) {
                const struct tg_graph_entity *x = ev->participants[i].entity;
                const struct tg_graph_entity *y = ev->participants[k].entity;
                if (x->type != TG_GRAPH_ORGANISATION || y->type != TG_GRAPH_ORGANISATION ||
                    !collaborate_in(x, y, ev))
                    continue;
                const char *nx = pair_name(a->gold, x);
                const char *ny = pair_name(a->gold, y);
                /* Two entities of the product that are one organisation of the article are no
                 * pair of it. */
                if (strcmp(nx, ny) == 0)
                    continue;
                set_add(&a->found_items[PAIRS], pair_item(nx, ny, ev->date));
                set_add(&a->found_items[PAIRS_UNDATED], pair_item(nx, ny, NULL));
            }
    }
}

/* Writes {"id", "text"} of every article to path. */
static bool write_corpus(const char *path, struct article *articles, size_t n)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        json_t *doc = json_pack("{s:s, s:O}", "id", articles[i].id, "text",
                                json_object_get(articles[i].gold, "text"));
        char *line = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
        ok = line && fprintf(f, "%s\n", line) > 0;
        free(line);
        json_decref(doc);
    }
    return fclose(f) == 0 && ok;
}

static struct tg_graph *ingest(struct article *articles, size_t n)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096], corpus[4200], db[4200];
    snprintf(dir, sizeof dir, "%s/tg-score-gold-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "thaigraph-score-gold: %s: %s\n", dir, strerror(errno));
        return NULL;
    }
    snprintf(corpus, sizeof corpus, "%s/gold.jsonl", dir);
    snprintf(db, sizeof db, "%s/graph.db", dir);
    struct tg_ingest_options options = {.strict = true, .start_empty = true};
    struct tg_ingest_report report = {0};
    struct tg_error err = {""};
    const char *paths[] = {corpus};
    struct tg_graph *graph = NULL;
    if (!write_corpus(corpus, articles, n))
        fprintf(stderr, "thaigraph-score-gold: %s: cannot write the corpus\n", corpus);
    else if (tg_ingest_run(db, paths, 1, &options, &report, &err) != TG_OK ||
             tg_graph_load(db, &graph, &err) != TG_OK)
        fprintf(stderr, "thaigraph-score-gold: %s\n", err.message);
    unlink(corpus);
    unlink(db);
    rmdir(dir);
    return graph;
}

static double f1(const struct counts *c, double *p, double *r)
{
    *p = c->found ? (double)c->correct / (double)c->found : 0.0;
    *r = c->gold ? (double)c->correct / (double)c->gold : 0.0;
    return *p + *r > 0.0 ? 2.0 * *p * *r / (*p + *r) : 0.0;
}

static void compare(struct article *a, struct counts *c, bool verbose)
{
    for (int t = 0; t < TYPE_COUNT; t++) {
        const struct set *g = &a->gold_items[t], *f = &a->found_items[t];
        c[t].gold += g->count;
        c[t].found += f->count;
        for (size_t i = 0; i < g->count; i++) {
            bool hit = set_has(f, g->items[i]);
            c[t].correct += hit;
            if (verbose && !hit)
                printf("%s\t%s\tmissed\t%s\n", a->id, type_names[t], g->items[i]);
        }
        for (size_t i = 0; verbose && i < f->count; i++)
            if (!set_has(g, f->items[i]))
                printf("%s\t%s\tspurious\t%s\n", a->id, type_names[t], f->items[i]);
    }
}

static int usage(void)
{
    fprintf(stderr, "usage: thaigraph-score-gold [--floor TYPE=F1 ...] [--verbose] GOLD.json...\n");
    return 2;
}

int main(int argc, char **argv)
{
    double floors[TYPE_COUNT];
    for (int t = 0; t < TYPE_COUNT; t++)
        floors[t] = -1.0;
    bool verbose = false;
    struct article *articles = xmalloc((size_t)argc * sizeof *articles);
    size_t n = 0;
    for (int k = 1; k < argc; k++) {
        if (strcmp(argv[k], "--verbose") == 0) {
            verbose = true;
            continue;
        }
        if (strcmp(argv[k], "--floor") == 0 && k + 1 < argc) {
            const char *spec = argv[++k], *eq = strchr(spec, '=');
            int t = 0;
            while (eq && t < TYPE_COUNT &&
                   (strlen(type_names[t]) != (size_t)(eq - spec) ||
                    strncmp(type_names[t], spec, (size_t)(eq - spec)) != 0))
                t++;
            char *end;
            if (!eq || t == TYPE_COUNT || (floors[t] = strtod(eq + 1, &end), *end))
                return usage();
            continue;
        }
        json_error_t error;
        json_t *gold = json_load_file(argv[k], 0, &error);
        if (!gold || !str(gold, "id") || !str(gold, "text")) {
            fprintf(stderr, "thaigraph-score-gold: %s: %s\n", argv[k],
                    gold ? "no id or text" : error.text);
            return 2;
        }
        articles[n] = (struct article){.id = str(gold, "id"), .gold = gold};
        read_gold_items(&articles[n++]);
    }
    if (n == 0)
        return usage();
    struct tg_graph *graph = ingest(articles, n);
    if (!graph)
        return 2;
    struct counts c[TYPE_COUNT] = {{0}};
    for (size_t i = 0; i < n; i++) {
        read_found_items(&articles[i], graph, tg_graph_document_find(graph, articles[i].id));
        compare(&articles[i], c, verbose);
    }
    tg_graph_free(graph);
    printf("%zu articles\n%-14s %6s %6s %7s   %-6s   %-6s   %-6s\n", n, "type", "gold", "found",
           "correct", "prec", "recall", "F1");
    int status = 0;
    for (int t = 0; t < TYPE_COUNT; t++) {
        double p, r, f = f1(&c[t], &p, &r);
        printf("%-14s %6lu %6lu %7lu   %.4f   %.4f   %.4f\n", type_names[t], c[t].gold, c[t].found,
               c[t].correct, p, r, f);
        if (f < floors[t]) {
            printf("%s: F1 %.4f is under the floor %.4f\n", type_names[t], f, floors[t]);
            status = 1;
        }
    }
    for (size_t i = 0; i < n; i++) {
        for (int t = 0; t < TYPE_COUNT; t++) {
            set_clear(&articles[i].gold_items[t]);
            set_clear(&articles[i].found_items[t]);
        }
        json_decref(articles[i].gold);
    }
    free(articles);
    return status;
}
