/* issue 12: an API frontends and scripts can build on, on the seed corpus. Ids wherever names are
 * taken; q= filters; one envelope with next and Link; bounded nested lists with sub-resources;
 * sort and facets; who held the office when, with the evidence of every article stating it;
 * evidence on participations and collaborations; scores without float noise. Values are read
 * off the seed articles by hand. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "suite.h"

static struct tgt_seeded fixture;

static void start_daemon(void)
{
    tgt_seeded_start(&fixture);
}

static void stop_daemon(void)
{
    tgt_seeded_stop(&fixture);
}

static const char *str(json_t *object, const char *key)
{
    return json_string_value(json_object_get(object, key));
}

static json_t *items(json_t *envelope)
{
    return json_object_get(envelope, "items");
}

static json_t *query(const char *path, long status, const char *const *pairs)
{
    return tgt_get_query(&fixture.daemon, path, status, pairs);
}

static const char ministry_id[] = "org_f6aa4ffaaeca", fund_id[] = "org_57201d4e8bbb";

/* a= with the id answers exactly what a= with the abbreviation does. */
START_TEST(test_ids_equal_names)
{
    const char *by_name[] = {"a", "พม.", "b", "สสส", NULL};
    const char *by_id[] = {"a", ministry_id, "b", fund_id, NULL};
    json_t *named = query("/v1/collaborations", 200, by_name);
    json_t *ided = query("/v1/collaborations", 200, by_id);
    ck_assert(json_equal(items(named), items(ided)));
    ck_assert_int_eq(json_integer_value(json_object_get(ided, "total")), 3);
    ck_assert_str_eq(str(json_object_get(ided, "a"), "id"), ministry_id);
    json_decref(named);
    json_decref(ided);
    /* Ids work in every entity parameter: filters, and the graph's focus by name. */
    const char *events[] = {"organisation", fund_id, NULL};
    const char *events_named[] = {"organisation", "สสส.", NULL};
    json_t *a = query("/v1/events", 200, events), *b = query("/v1/events", 200, events_named);
    ck_assert(json_equal(items(a), items(b)));
    json_decref(a);
    json_decref(b);
    const char *focus[] = {"focus", "สสส", NULL};
    json_t *view = query("/v1/graph", 200, focus);
    ck_assert_str_eq(str(json_array_get(json_object_get(view, "nodes"), 0), "id"), fund_id);
    json_decref(view);
}
END_TEST

/* q= filters: 200 with the matches, possibly none, possibly several. */
static const struct {
    const char *path;
    const char *q;
    size_t count;
} filter_cases[] = {
    {"/v1/organisations", "พม.", 1},
    {"/v1/organisations", "org_57201d4e8bbb", 1},
    {"/v1/organisations", "องค์กรที่ไม่มีอยู่จริง", 0},
    {"/v1/people", "วิเชียร ชวลิต", 1},
    {"/v1/places", "ไม่มีที่นี้", 0},
};

START_TEST(test_q_filters)
{
    const char *pairs[] = {"q", filter_cases[_i].q, NULL};
    json_t *body = query(filter_cases[_i].path, 200, pairs);
    ck_assert_uint_eq(json_array_size(items(body)), filter_cases[_i].count);
    ck_assert_int_eq(json_integer_value(json_object_get(body, "total")),
                     (json_int_t)filter_cases[_i].count);
    json_decref(body);
}
END_TEST

/* Every list has the envelope; next is the relative URL of the next page and Link says the same;
 * following next walks the list once. */
START_TEST(test_envelope_next_and_link)
{
    char path[512] = "/v1/events?limit=2&sort=-date";
    size_t seen = 0, pages = 0;
    const char *previous = NULL;
    char *previous_copy = NULL;
    for (;;) {
        char url[700];
        snprintf(url, sizeof url, "%s%s", fixture.daemon.base_url, path);
        struct tgt_response r;
        tgt_http("GET", url, NULL, &r);
        ck_assert_int_eq(r.status, 200);
        json_t *body = json_loadb(r.body, r.body_len, 0, NULL);
        json_t *list = items(body);
        for (size_t i = 0; i < json_array_size(list); i++) {
            const char *date = str(json_array_get(list, i), "date");
            if (previous && date)
                ck_assert_str_le(date, previous);
            free(previous_copy);
            previous_copy = date ? strdup(date) : NULL;
            previous = previous_copy;
        }
        seen += json_array_size(list);
        pages++;
        const char *next = str(body, "next");
        char *link = tgt_header(&r, "Link");
        if (!next) {
            ck_assert(json_is_null(json_object_get(body, "next_cursor")));
            ck_assert_ptr_null(link);
            ck_assert_int_eq(json_integer_value(json_object_get(body, "total")), (json_int_t)seen);
            json_decref(body);
            tgt_response_free(&r);
            break;
        }
        char expected[700];
        snprintf(expected, sizeof expected, "<%s>; rel=\"next\"", next);
        ck_assert_str_eq(link, expected);
        ck_assert(strncmp(next, "/v1/events?", 11) == 0);
        ck_assert_ptr_nonnull(strstr(next, "sort=-date"));
        snprintf(path, sizeof path, "%s", next);
        free(link);
        json_decref(body);
        tgt_response_free(&r);
    }
    free(previous_copy);
    ck_assert_uint_eq(pages, 3);
    ck_assert_uint_eq(seen, 5);
}
END_TEST

/* Entity pages embed at most 20 of each nested list with the total and the sub-resource. */
START_TEST(test_nested_lists_are_bounded)
{
    json_t *org =
        tgt_get_json(&fixture.daemon, "/v1/organisations/org_f6aa4ffaaeca", 200, TGT_JSON);
    static const char *const nested[] = {"children", "people", "collaborators", "events",
                                         "documents"};
    for (size_t i = 0; i < 5; i++) {
        json_t *list = json_object_get(org, nested[i]);
        ck_assert_msg(json_is_object(list), "%s is not an envelope", nested[i]);
        ck_assert_uint_le(json_array_size(items(list)), 20);
        ck_assert_int_eq(json_integer_value(json_object_get(list, "total")),
                         (json_int_t)json_array_size(items(list)));
        char sub[128];
        snprintf(sub, sizeof sub, "/v1/organisations/org_f6aa4ffaaeca/%s", nested[i]);
        json_t *page = tgt_get_json(&fixture.daemon, sub, 200, TGT_JSON);
        ck_assert(json_equal(json_object_get(page, "total"), json_object_get(list, "total")));
        json_decref(page);
    }
    json_decref(org);
    /* A document's 53 mentions: 20 embedded, the rest a page of the sub-resource away. */
    json_t *doc =
        tgt_get_json(&fixture.daemon, "/v1/documents/000_2304adfd9e82273a", 200, TGT_JSON);
    json_t *mentions = json_object_get(doc, "mentions");
    ck_assert_uint_eq(json_array_size(items(mentions)), 20);
    json_t *rest = tgt_get_json(&fixture.daemon, str(mentions, "next"), 200, TGT_JSON);
    ck_assert_uint_eq(json_array_size(items(rest)), 20);
    ck_assert(json_equal(json_object_get(rest, "total"), json_object_get(mentions, "total")));
    ck_assert_int_gt(
        json_integer_value(json_object_get(json_array_get(items(rest), 0), "start")),
        json_integer_value(json_object_get(json_array_get(items(mentions), 19), "start")));
    json_decref(rest);
    json_decref(doc);
}
END_TEST

/* sort= orders, each a total order that pages. */
START_TEST(test_sort)
{
    json_t *by_mentions =
        tgt_get_json(&fixture.daemon, "/v1/organisations?sort=-mentions&limit=3", 200, TGT_JSON);
    json_t *first = json_array_get(items(by_mentions), 0);
    ck_assert_str_eq(str(first, "id"), ministry_id); /* 45 mentions across the five seeds */
    ck_assert_int_ge(json_integer_value(json_object_get(first, "mention_count")),
                     json_integer_value(
                         json_object_get(json_array_get(items(by_mentions), 1), "mention_count")));
    json_decref(by_mentions);
    json_t *newest = tgt_get_json(&fixture.daemon, "/v1/documents?sort=-date", 200, TGT_JSON);
    ck_assert_str_eq(str(json_array_get(items(newest), 0), "id"), "004_6bbdc058e895814a");
    /* Undated documents come last either way. */
    ck_assert(json_is_null(json_object_get(json_array_get(items(newest), 4), "published")));
    json_decref(newest);
    json_t *by_name = tgt_get_json(&fixture.daemon, "/v1/people?sort=name", 200, TGT_JSON);
    for (size_t i = 1; i < json_array_size(items(by_name)); i++)
        ck_assert_str_le(str(json_array_get(items(by_name), i - 1), "name"),
                         str(json_array_get(items(by_name), i), "name"));
    json_decref(by_name);
    /* Search by date: every match ordered by its date, undated last. */
    const char *dated[] = {"q", "สสส", "type", "all", "sort", "date", "limit", "100", NULL};
    json_t *hits = query("/v1/search", 200, dated);
    ck_assert_int_eq(json_integer_value(json_object_get(hits, "total")), 7);
    json_t *hit0 = json_array_get(items(hits), 0);
    ck_assert_str_eq(str(hit0, "date"), "2010-11-02");
    json_decref(hits);
    tgt_assert_problem(&fixture.daemon, "/v1/documents?sort=mentions", 400, "sort");
}
END_TEST

static long facet_count(json_t *facets, const char *facet, const char *value)
{
    json_t *list = json_object_get(facets, facet);
    for (size_t i = 0; i < json_array_size(list); i++) {
        if (strcmp(str(json_array_get(list, i), "value"), value) == 0)
            return (long)json_integer_value(json_object_get(json_array_get(list, i), "count"));
    }
    return 0;
}

/*
 * Facets count every match, whichever page is asked for. The example expects
 * facets=year on a search for สสส to count 2011, 2015 and 2020; on the seeds three documents
 * contain สสส: 000 (published 2011-12-22) and 001 and 002, which carry no publication date, and
 * the 2020 article (004) does not contain it. So documents count 2011 alone, and with events
 * (type=all) the years are 2010, 2011 and 2015 of the events reported.
 */
START_TEST(test_facets)
{
    const char *documents[] = {"q", "สสส", "facets", "year", "limit", "1", NULL};
    json_t *body = query("/v1/search", 200, documents);
    json_t *facets = json_object_get(body, "facets");
    ck_assert_int_eq(facet_count(facets, "year", "2011"), 1);
    ck_assert_uint_eq(json_array_size(json_object_get(facets, "year")), 1);
    json_decref(body);

    const char *all[] = {"q", "สสส", "type", "all", "facets", "year,type,organisation", NULL};
    body = query("/v1/search", 200, all);
    facets = json_object_get(body, "facets");
    ck_assert_int_eq(facet_count(facets, "year", "2010"), 1);
    ck_assert_int_eq(facet_count(facets, "year", "2011"), 2);
    ck_assert_int_eq(facet_count(facets, "year", "2015"), 1);
    ck_assert_int_eq(facet_count(facets, "type", "document"), 3);
    ck_assert_int_eq(facet_count(facets, "type", "event"), 3);
    ck_assert_int_eq(facet_count(facets, "type", "organisation"), 1);
    /* The fund is in every hit (its own entity hit among them), the ministry in all but that. */
    json_t *top = json_array_get(json_object_get(facets, "organisation"), 0);
    ck_assert_str_eq(str(top, "value"), fund_id);
    ck_assert_int_eq(facet_count(facets, "organisation", fund_id), 7);
    ck_assert_int_eq(facet_count(facets, "organisation", ministry_id), 6);
    json_decref(body);

    json_t *docs =
        tgt_get_json(&fixture.daemon, "/v1/documents?facets=year,source&limit=1", 200, TGT_JSON);
    facets = json_object_get(docs, "facets");
    ck_assert_int_eq(facet_count(facets, "year", "2011"), 1);
    ck_assert_int_eq(facet_count(facets, "year", "2017"), 1);
    ck_assert_int_eq(facet_count(facets, "year", "2020"), 1);
    ck_assert_int_eq(facet_count(facets, "source", "ThaiPR.net"), 1);
    json_decref(docs);
    json_t *kinds = tgt_get_json(&fixture.daemon, "/v1/events?facets=kind,year", 200, TGT_JSON);
    ck_assert_int_eq(facet_count(json_object_get(kinds, "facets"), "kind", "meeting"), 2);
    json_decref(kinds);
    tgt_assert_problem(&fixture.daemon, "/v1/documents?facets=kind", 400, "facets");
}
END_TEST

/* The example: on 2016-01-01 the permanent secretary of พม. was นายวิเชียร ชวลิต, as
 * seeds 001 and 002 both state. */
START_TEST(test_who_held_the_post)
{
    const char *on[] = {"title", "ปลัดกระทรวง", "organisation", "พม.", "on", "2016-01-01", NULL};
    json_t *body = query("/v1/positions", 200, on);
    ck_assert_int_eq(json_integer_value(json_object_get(body, "total")), 1);
    json_t *t = json_array_get(items(body), 0);
    ck_assert_str_eq(str(json_object_get(t, "person"), "name"), "วิเชียร ชวลิต");
    ck_assert_str_eq(str(t, "first_seen"), "2015-06-30");
    json_t *evidence = json_object_get(t, "evidence");
    ck_assert_uint_eq(json_array_size(evidence), 2);
    static const char *const stating[] = {"001_728345b0fb86cf7d", "002_4301d2a2d545386e"};
    for (size_t i = 0; i < 2; i++) {
        json_t *e = json_array_get(evidence, i);
        ck_assert_str_eq(str(e, "document_id"), stating[i]);
        ck_assert_ptr_nonnull(strstr(str(e, "sentence"), "วิเชียร ชวลิต"));
        /* The span is the sentence in the document's text. */
        char path[128];
        snprintf(path, sizeof path, "/v1/documents/%s", stating[i]);
        json_t *doc = tgt_get_json(&fixture.daemon, path, 200, TGT_JSON);
        const char *text = str(doc, "text");
        json_int_t start = json_integer_value(json_object_get(e, "start"));
        const char *p = text;
        for (json_int_t k = 0; k < start; k++) /* code points */
            for (p++; (*p & 0xC0) == 0x80; p++)
                ;
        ck_assert(strncmp(p, str(e, "sentence"), strlen(str(e, "sentence"))) == 0);
        json_decref(doc);
    }
    json_t *succession = json_object_get(t, "succession");
    ck_assert_int_eq(json_integer_value(json_object_get(succession, "order")), 1);
    ck_assert_str_eq(str(json_object_get(json_object_get(succession, "next"), "person"), "name"),
                     "ไมตรี อินทุสุต");
    char path[64];
    snprintf(path, sizeof path, "/v1/positions/%s", str(t, "id"));
    json_t *one = tgt_get_json(&fixture.daemon, path, 200, TGT_JSON);
    ck_assert(json_equal(one, t));
    json_decref(one);
    json_decref(body);

    const char *later[] = {"title", "ปลัดกระทรวง", "organisation", ministry_id, "on", "2017", NULL};
    body = query("/v1/positions", 200, later);
    ck_assert_str_eq(str(json_object_get(json_array_get(items(body), 0), "person"), "name"),
                     "ไมตรี อินทุสุต");
    json_decref(body);

    /* The ministry's office holders over time. */
    json_t *people =
        tgt_get_json(&fixture.daemon, "/v1/organisations/org_f6aa4ffaaeca/people", 200, TGT_JSON);
    ck_assert_int_eq(json_integer_value(json_object_get(people, "total")), 3);
    static const char *const holders[] = {"วิเชียร ชวลิต", "ไมตรี อินทุสุต", "จุติ ไกรฤกษ์"};
    for (size_t i = 0; i < 3; i++)
        ck_assert_str_eq(str(json_object_get(json_array_get(items(people), i), "person"), "name"),
                         holders[i]);
    json_decref(people);
    tgt_assert_problem(&fixture.daemon, "/v1/positions?on=2016-02-30", 400, "on");
}
END_TEST

/* Participations and collaborations carry their evidence. */
START_TEST(test_evidence_everywhere)
{
    const char *pair[] = {"a", "พม.", "b", "สสส", NULL};
    json_t *body = query("/v1/collaborations", 200, pair);
    json_t *event = json_array_get(items(body), 0);
    json_t *orgs = items(json_object_get(event, "organisations"));
    ck_assert_uint_ge(json_array_size(orgs), 2);
    for (size_t i = 0; i < json_array_size(orgs); i++)
        ck_assert_uint_ge(json_array_size(json_object_get(json_array_get(orgs, i), "evidence")), 1);
    json_decref(body);
    const char *partners[] = {"a", "พม.", NULL};
    body = query("/v1/collaborations", 200, partners);
    json_t *fund = json_array_get(items(body), 0);
    ck_assert_str_eq(str(json_object_get(fund, "organisation"), "id"), fund_id);
    json_t *evidence = json_object_get(fund, "evidence");
    ck_assert_uint_ge(json_array_size(evidence), 3);
    ck_assert_ptr_nonnull(str(json_array_get(evidence, 0), "sentence"));
    json_decref(body);
}
END_TEST

/* Scores come with 4 significant digits, not 17. */
START_TEST(test_scores_rounded)
{
    char url[256];
    snprintf(url, sizeof url, "%s/v1/search?q=%%E0%%B8%%AA%%E0%%B8%%AA%%E0%%B8%%AA&type=all",
             fixture.daemon.base_url);
    struct tgt_response r;
    tgt_http("GET", url, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    for (const char *p = strstr(r.body, "\"score\":"); p; p = strstr(p + 1, "\"score\":")) {
        size_t digits = 0;
        for (const char *d = p + 8; *d && *d != ',' && *d != '}'; d++)
            digits += *d >= '0' && *d <= '9';
        ck_assert_msg(digits <= 5, "score %.24s", p); /* 4 significant, maybe a leading 0 */
    }
    tgt_response_free(&r);
}
END_TEST

/* Unknown parameters are a 400 naming them, everywhere. */
static const struct {
    const char *path;
    const char *parameter;
} unknown_cases[] = {
    {"/v1/documents?sortt=date", "sortt"},
    {"/v1/positions?titel=x", "titel"},
    {"/v1/organisations/org_f6aa4ffaaeca?limit=2", "limit"},
    {"/v1/export/graph.gexf?format=csv", "format"},
};

START_TEST(test_unknown_parameters)
{
    tgt_assert_problem(&fixture.daemon, unknown_cases[_i].path, 400, unknown_cases[_i].parameter);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("api_lists");
    TCase *tc = tcase_create("lists");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, start_daemon, stop_daemon);
    tcase_add_test(tc, test_ids_equal_names);
    tcase_add_loop_test(tc, test_q_filters, 0, (int)(sizeof filter_cases / sizeof filter_cases[0]));
    tcase_add_test(tc, test_envelope_next_and_link);
    tcase_add_test(tc, test_nested_lists_are_bounded);
    tcase_add_test(tc, test_sort);
    tcase_add_test(tc, test_facets);
    tcase_add_test(tc, test_who_held_the_post);
    tcase_add_test(tc, test_evidence_everywhere);
    tcase_add_test(tc, test_scores_rounded);
    tcase_add_loop_test(tc, test_unknown_parameters, 0,
                        (int)(sizeof unknown_cases / sizeof unknown_cases[0]));
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
