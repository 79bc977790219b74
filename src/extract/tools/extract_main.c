/*
 * thaigraph-extract: prints what tg_extract reads from one article, as JSON, for inspecting
 * the extraction by eye. The publication date read from the article's own text (tg_article)
 * is the context that completes dates and dates events; page furniture found by
 * tg_boilerplate is excluded.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/article.h"
#include "thaigraph/boilerplate.h"
#include "thaigraph/extract.h"

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *grown = realloc(buf, cap *= 2);
        if (!grown)
            free(buf);
        buf = grown;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    *len = n;
    return buf;
}

static json_t *date_json(const struct tg_date *date)
{
    char iso[11];
    if (date->precision == TG_DATE_PRECISION_NONE)
        return json_null();
    tg_date_format_iso(date, iso);
    return json_string(iso);
}

static const char *precision_name(enum tg_date_precision p)
{
    static const char *const names[] = {NULL, "year", "month", "day"};
    return names[p];
}

static json_t *strings_json(char **list, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(list[i]));
    return a;
}

static json_t *evidence_json(const struct tg_extract_evidence *e)
{
    return json_pack("{s:I,s:I}", "start", (json_int_t)e->start, "end", (json_int_t)e->end);
}

static json_t *participants_json(const struct tg_extract_participant *p, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_pack("{s:I,s:s,s:o}", "entity", (json_int_t)p[i].entity,
                                           "role", tg_extract_role_name(p[i].role), "evidence",
                                           evidence_json(&p[i].evidence)));
    return a;
}

static json_t *organisations_json(const struct tg_extract_result *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < r->organisation_count; i++) {
        const struct tg_extract_organisation *o = &r->organisations[i];
        json_array_append_new(
            a, json_pack("{s:I,s:s,s:s,s:s,s:o,s:o,s:o,s:I,s:b,s:I}", "index", (json_int_t)i,
                         "name", o->name, "key", o->key, "kind", o->kind, "abbreviations",
                         strings_json(o->abbreviations, o->abbreviation_count), "aliases",
                         strings_json(o->aliases, o->alias_count), "parent_name",
                         o->parent_name ? json_string(o->parent_name) : json_null(), "parent",
                         (json_int_t)o->parent, "known", o->known, "mentions",
                         (json_int_t)o->mention_count));
    }
    return a;
}

static json_t *people_json(const struct tg_extract_result *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < r->person_count; i++) {
        const struct tg_extract_person *p = &r->people[i];
        json_t *positions = json_array();
        for (size_t k = 0; k < p->position_count; k++) {
            const struct tg_extract_position *pos = &p->positions[k];
            const char *prec = precision_name(pos->as_of.precision);
            json_array_append_new(
                positions,
                json_pack("{s:s,s:I,s:s?,s:o,s:s?,s:o}", "title", pos->title, "organisation",
                          (json_int_t)pos->organisation, "organisation_name",
                          pos->organisation >= 0 ? r->organisations[pos->organisation].name : NULL,
                          "as_of", date_json(&pos->as_of), "as_of_precision", prec, "evidence",
                          evidence_json(&pos->evidence)));
        }
        json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:s,s:s?,s:s?,s:o,s:I}", "index",
                                           (json_int_t)i, "name", p->name, "key", p->key, "given",
                                           p->given, "family", p->family, "honorific", p->honorific,
                                           "positions", positions, "mentions",
                                           (json_int_t)p->mention_count));
    }
    return a;
}

static json_t *places_json(const struct tg_extract_result *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < r->place_count; i++) {
        const struct tg_extract_place *p = &r->places[i];
        json_array_append_new(a,
                              json_pack("{s:I,s:s,s:s,s:I,s:I,s:I}", "index", (json_int_t)i, "name",
                                        p->name, "kind", p->kind, "within", (json_int_t)p->within,
                                        "within_organisation", (json_int_t)p->within_organisation,
                                        "mentions", (json_int_t)p->mention_count));
    }
    return a;
}

static json_t *programmes_json(const struct tg_extract_result *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < r->programme_count; i++) {
        const struct tg_extract_programme *p = &r->programmes[i];
        json_array_append_new(a, json_pack("{s:I,s:s,s:o,s:I}", "index", (json_int_t)i, "name",
                                           p->name, "aliases",
                                           strings_json(p->aliases, p->alias_count), "mentions",
                                           (json_int_t)p->mention_count));
    }
    return a;
}

static json_t *events_json(const struct tg_extract_result *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < r->event_count; i++) {
        const struct tg_extract_event *e = &r->events[i];
        json_array_append_new(
            a, json_pack("{s:s,s:s,s:o,s:s?,s:b,s:I,s:I,s:o,s:o,s:b,s:o,s:s}", "kind",
                         tg_extract_event_kind_name(e->kind), "title", e->title, "date",
                         date_json(&e->date), "date_precision", precision_name(e->date.precision),
                         "date_from_text", e->date_from_text, "place", (json_int_t)e->place,
                         "programme", (json_int_t)e->programme, "organisations",
                         participants_json(e->organisations, e->organisation_count), "people",
                         participants_json(e->people, e->person_count), "collaboration",
                         e->collaboration, "evidence", evidence_json(&e->evidence), "sentence",
                         e->sentence));
    }
    return a;
}

static json_t *mentions_json(const struct tg_extract_result *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < r->mention_count; i++) {
        const struct tg_extract_mention *m = &r->mentions[i];
        json_array_append_new(
            a, json_pack("{s:s,s:I,s:I,s:s,s:I,s:s?}", "type", tg_extract_type_name(m->type),
                         "start", (json_int_t)m->start, "end", (json_int_t)m->end, "surface",
                         m->surface, "entity", (json_int_t)m->entity, "value", m->value));
    }
    return a;
}

static enum tg_status context_of(const char *text, size_t len, struct tg_date *ctx, bool *known)
{
    struct tg_article_meta meta;
    enum tg_status st = tg_article_read(text, len, &meta);
    if (st != TG_OK)
        return st;
    *known = false;
    if (meta.published) {
        int y = 0, mo = 0, d = 0;
        if (sscanf(meta.published, "%d-%d-%d", &y, &mo, &d) >= 1) {
            *ctx = (struct tg_date){y, mo, d,
                                    d ? TG_DATE_PRECISION_DAY
                                      : (mo ? TG_DATE_PRECISION_MONTH : TG_DATE_PRECISION_YEAR)};
            *known = true;
        }
    }
    tg_article_meta_clear(&meta);
    return TG_OK;
}

static int run(const char *text, size_t len)
{
    struct tg_error err = {{0}};
    struct tg_extract *ex = NULL;
    enum tg_status st = tg_extract_new(&ex, &err);
    if (st != TG_OK) {
        fprintf(stderr, "thaigraph-extract: %s: %s\n", tg_status_title(st), err.message);
        return 1;
    }
    struct tg_date ctx = {0};
    bool known = false;
    struct tg_boilerplate_range *furniture = NULL;
    size_t n_furniture = 0;
    struct tg_extract_range *excluded = NULL;
    struct tg_extract_result *r = NULL;
    st = context_of(text, len, &ctx, &known);
    if (st == TG_OK)
        st = tg_boilerplate_find(text, len, &furniture, &n_furniture);
    if (st == TG_OK && n_furniture && !(excluded = calloc(n_furniture, sizeof *excluded)))
        st = TG_ERR_NOMEM;
    for (size_t i = 0; st == TG_OK && i < n_furniture; i++)
        excluded[i] = (struct tg_extract_range){furniture[i].start, furniture[i].end};
    if (st == TG_OK)
        st = tg_extract_document(ex, text, len, excluded, n_furniture, known ? &ctx : NULL, &r);
    int rc = 0;
    if (st != TG_OK) {
        fprintf(stderr, "thaigraph-extract: %s\n", tg_status_title(st));
        rc = 1;
    } else {
        json_t *root =
            json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "context",
                      known ? date_json(&ctx) : json_null(), "organisations", organisations_json(r),
                      "people", people_json(r), "places", places_json(r), "programmes",
                      programmes_json(r), "events", events_json(r), "mentions", mentions_json(r));
        json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', stdout);
        json_decref(root);
    }
    tg_extract_result_free(r);
    free(excluded);
    free(furniture);
    tg_extract_free(ex);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc > 2 || (argc == 2 && strcmp(argv[1], "--help") == 0)) {
        fprintf(stderr, "usage: thaigraph-extract [ARTICLE.txt]   (stdin without a path)\n");
        return 2;
    }
    FILE *f = argc == 2 ? fopen(argv[1], "rb") : stdin;
    if (!f) {
        fprintf(stderr, "thaigraph-extract: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    size_t len = 0;
    char *text = read_all(f, &len);
    if (f != stdin)
        fclose(f);
    if (!text) {
        fprintf(stderr, "thaigraph-extract: cannot read the article\n");
        return 1;
    }
    int rc = run(text, len);
    free(text);
    return rc;
}
