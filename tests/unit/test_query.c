/* tg_query (issue 12): office holders over time with their succession and the date rules of
 * `on`, ordered pages with cursors, and facet counts, on a graph of the five seed articles. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suite.h"
#include "thaigraph/ingest.h"
#include "thaigraph/query.h"

static char path[] = "/tmp/tg-query-test-XXXXXX";
static struct tg_graph *graph;

static void load_seeds(void)
{
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    const char *seeds[] = {"seeds"};
    struct tg_ingest_options options = {.start_empty = true};
    struct tg_ingest_report report;
    struct tg_error err = {{0}};
    ck_assert_msg(tg_ingest_run(path, seeds, 1, &options, &report, &err) == TG_OK, "%s",
                  err.message);
    ck_assert_int_eq(tg_graph_load(path, &graph, &err), TG_OK);
}

static void free_seeds(void)
{
    tg_graph_free(graph);
    unlink(path);
}

static const struct tg_graph_entity *named(enum tg_graph_type type, const char *name)
{
    const struct tg_graph_entity *match = NULL;
    size_t count = 0;
    ck_assert_int_eq(tg_graph_resolve(graph, type, name, &match, 1, &count), TG_OK);
    ck_assert_msg(count == 1, "%s names %zu entities", name, count);
    return match;
}

static const char wichian[] = "วิเชียร ชวลิต", maitri[] = "ไมตรี อินทุสุต";

/* The ministry's permanent secretaries: who held the office on a date (any precision). */
struct holder_case {
    const char *title;
    const char *on;
    const char *holder; /* NULL: nobody */
};

static const struct holder_case holder_cases[] = {
    {"ปลัดกระทรวง", "2016-01-01", wichian}, /* the example */
    {"ปลัดกระทรวง", "2015-06-30", wichian},
    {"ปลัดกระทรวง", "2015", wichian},
    {"ปลัดกระทรวง", "2017-05-01", wichian}, /* the day before the successor is first seen */
    {"ปลัดกระทรวง", "2017-05-02", maitri},
    {"ปลัดกระทรวง", "2017", maitri}, /* a year covering the successor's first date */
    {"ปลัดกระทรวง", "2024-01", maitri},
    {"ปลัดกระทรวง", "2015-06-29", NULL},
    {" ปลัดกระทรวง ", "2016", wichian}, /* compared as names are */
    {"อธิบดี", "2016", NULL},
};

START_TEST(test_holders_on_a_date)
{
    const struct holder_case *c = &holder_cases[_i];
    const struct tg_graph_entity *ministry = named(TG_GRAPH_ORGANISATION, "พม.");
    struct tg_query_tenure_filter filter = {
        .title = c->title, .organisations = &ministry, .organisation_count = 1, .on = c->on};
    struct tg_query_tenures *tenures = NULL;
    ck_assert_int_eq(tg_query_tenures(graph, &filter, &tenures), TG_OK);
    ck_assert_uint_eq(tg_query_tenures_count(tenures), c->holder ? 1 : 0);
    if (c->holder)
        ck_assert_str_eq(tg_query_tenures_at(tenures, 0)->person->name, c->holder);
    tg_query_tenures_free(tenures);
}
END_TEST

START_TEST(test_succession)
{
    const struct tg_graph_entity *ministry = named(TG_GRAPH_ORGANISATION, "พม.");
    struct tg_query_tenure_filter filter = {
        .title = "ปลัดกระทรวง", .organisations = &ministry, .organisation_count = 1};
    struct tg_query_tenures *tenures = NULL;
    ck_assert_int_eq(tg_query_tenures(graph, &filter, &tenures), TG_OK);
    ck_assert_uint_eq(tg_query_tenures_count(tenures), 2);
    const struct tg_query_tenure *first = tg_query_tenures_at(tenures, 0);
    const struct tg_query_tenure *second = tg_query_tenures_at(tenures, 1);
    ck_assert_str_eq(first->person->name, wichian);
    ck_assert_str_eq(first->first_seen, "2015-06-30");
    ck_assert_str_eq(first->last_seen, "2015-06-30");
    /* Seeds 001 and 002 both state it. */
    ck_assert_uint_eq(first->position_count, 2);
    ck_assert_str_eq(first->positions[0]->evidence.document->id, "001_728345b0fb86cf7d");
    ck_assert_str_eq(first->positions[1]->evidence.document->id, "002_4301d2a2d545386e");
    ck_assert_uint_eq(first->order, 1);
    ck_assert_uint_eq(first->holders, 2);
    ck_assert_ptr_null(first->previous);
    ck_assert_ptr_eq(first->next, second);
    ck_assert_str_eq(second->person->name, maitri);
    ck_assert_uint_eq(second->order, 2);
    ck_assert_ptr_eq(second->previous, first);
    ck_assert_str_eq(second->organisation->id, ministry->id);
    ck_assert(strncmp(first->id, "pos_", 4) == 0 && strlen(first->id) == 16);
    tg_query_tenures_free(tenures);

    /* Asked about the successor alone, the succession still counts everyone. */
    const struct tg_graph_entity *person = named(TG_GRAPH_PERSON, maitri);
    struct tg_query_tenure_filter by_person = {.people = &person, .person_count = 1};
    ck_assert_int_eq(tg_query_tenures(graph, &by_person, &tenures), TG_OK);
    ck_assert_uint_eq(tg_query_tenures_count(tenures), 1);
    ck_assert_uint_eq(tg_query_tenures_at(tenures, 0)->order, 2);
    ck_assert_str_eq(tg_query_tenures_at(tenures, 0)->previous->person->name, wichian);
    char id[17];
    memcpy(id, tg_query_tenures_at(tenures, 0)->id, sizeof id);
    tg_query_tenures_free(tenures);

    struct tg_query_tenure_filter by_id = {.id = id};
    ck_assert_int_eq(tg_query_tenures(graph, &by_id, &tenures), TG_OK);
    ck_assert_uint_eq(tg_query_tenures_count(tenures), 1);
    ck_assert_str_eq(tg_query_tenures_at(tenures, 0)->person->name, maitri);
    tg_query_tenures_free(tenures);

    /* Every tenure of the seeds: five people, each holding one office. */
    struct tg_query_tenure_filter everything = {0};
    ck_assert_int_eq(tg_query_tenures(graph, &everything, &tenures), TG_OK);
    ck_assert_uint_eq(tg_query_tenures_count(tenures), 5);
    tg_query_tenures_free(tenures);

    struct tg_query_tenure_filter bad = {.title = "\xff"};
    ck_assert_int_eq(tg_query_tenures(graph, &bad, &tenures), TG_ERR_INVALID_UTF8);
}
END_TEST

static const void *document_at(const void *source, size_t index)
{
    return tg_graph_document_at(source, index);
}

/* Newest first, undated last, then by id: the order `sort=-date` asks for. */
static int newest_first(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const struct tg_graph_document *x = a, *y = b;
    if (!x->published != !y->published)
        return x->published ? -1 : 1;
    int c = x->published ? strcmp(y->published, x->published) : 0;
    return c ? c : strcmp(x->id, y->id);
}

static void count_document(const void *item, void *ctx)
{
    tg_query_facets_add_document(ctx, item);
}

START_TEST(test_pages_in_any_order)
{
    static const char *const expected[] = {"004_6bbdc058e895814a", "003_5d58ccc2649354b1",
                                           "000_2304adfd9e82273a", "001_728345b0fb86cf7d",
                                           "002_4301d2a2d545386e"};
    struct tg_query_list list = {
        tg_graph_document_count(graph), document_at, graph, NULL, NULL, NULL, newest_first};
    const void *page[2], *after = NULL;
    size_t seen = 0, count, total;
    bool more = true;
    while (more) {
        ck_assert_int_eq(tg_query_select(&list, after, 2, page, &count, &total, &more), TG_OK);
        ck_assert_uint_eq(total, 5);
        for (size_t i = 0; i < count; i++)
            ck_assert_str_eq(((const struct tg_graph_document *)page[i])->id, expected[seen++]);
        after = count ? page[count - 1] : NULL;
    }
    ck_assert_uint_eq(seen, 5);
    ck_assert_int_eq(tg_query_select(&list, NULL, 0, page, &count, &total, &more),
                     TG_ERR_INVALID_ARGUMENT);
}
END_TEST

START_TEST(test_facets)
{
    struct tg_query_facets *facets = NULL;
    unsigned mask =
        1u << TG_QUERY_FACET_YEAR | 1u << TG_QUERY_FACET_SOURCE | 1u << TG_QUERY_FACET_ORGANISATION;
    ck_assert_int_eq(tg_query_facets_new(graph, mask, &facets), TG_OK);
    struct tg_query_list list = {tg_graph_document_count(graph),
                                 document_at,
                                 graph,
                                 NULL,
                                 count_document,
                                 facets,
                                 newest_first};
    const void *page[1];
    size_t count, total;
    bool more;
    ck_assert_int_eq(tg_query_select(&list, NULL, 1, page, &count, &total, &more), TG_OK);
    ck_assert(tg_query_facets_ok(facets));
    const struct tg_query_facet_value *values;
    /* Two seeds carry no publication date, so three years count. */
    size_t n = tg_query_facets_values(facets, TG_QUERY_FACET_YEAR, &values);
    ck_assert_uint_eq(n, 3);
    static const char *const years[] = {"2011", "2017", "2020"};
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(values[i].len, 4);
        ck_assert(memcmp(values[i].value, years[i], 4) == 0);
        ck_assert_uint_eq(values[i].count, 1);
    }
    /* The ministry is mentioned by all five, each counted once however often. */
    n = tg_query_facets_values(facets, TG_QUERY_FACET_ORGANISATION, &values);
    ck_assert_uint_ge(n, 2);
    ck_assert_str_eq(values[0].organisation->name, "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์");
    ck_assert_uint_eq(values[0].count, 5);
    n = tg_query_facets_values(facets, TG_QUERY_FACET_SOURCE, &values);
    ck_assert_uint_eq(n, 4);
    ck_assert_uint_eq(tg_query_facets_values(facets, TG_QUERY_FACET_KIND, &values), 0);
    tg_query_facets_free(facets);

    enum tg_query_facet f;
    ck_assert(tg_query_facet_parse("month", 5, &f) && f == TG_QUERY_FACET_MONTH);
    ck_assert(!tg_query_facet_parse("months", 6, &f));
    ck_assert_str_eq(tg_query_facet_name(TG_QUERY_FACET_ORGANISATION), "organisation");
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("query");
    TCase *tc = tcase_create("query");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, load_seeds, free_seeds);
    tcase_add_loop_test(tc, test_holders_on_a_date, 0,
                        (int)(sizeof holder_cases / sizeof holder_cases[0]));
    tcase_add_test(tc, test_succession);
    tcase_add_test(tc, test_pages_in_any_order);
    tcase_add_test(tc, test_facets);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
