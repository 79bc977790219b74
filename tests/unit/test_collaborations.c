/*
 * issue 9 (error class 8): collaborations need parties. The graph counts two organisations as
 * collaborating in an event only when both have a collaborating role (signatory, host, co_host,
 * partner) and neither is the other's parent or child; attendees, witnesses and chairs are
 * present, not partners. The claims are written through the store as ingest writes them.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thaigraph/build.h"
#include "thaigraph/graph.h"
#include "thaigraph/store.h"
#include "suite.h"

static char path[] = "/tmp/tg-collab-test-XXXXXX";
static struct tg_graph *graph;

#define TEXT "กระทรวงก ลงนามกับ บริษัทข และ กรมค ของกระทรวงก โดยมี สมาคมง เป็นพยาน"

enum { MINISTRY, COMPANY, DEPARTMENT, ASSOCIATION, ORGS };

static char *copy_of(const char *s)
{
    char *copy = strdup(s);
    ck_assert_ptr_nonnull(copy);
    return copy;
}

/* One document whose only event is an agreement: the ministry and the company sign, the
 * ministry's own department signs too, and an association witnesses. */
static void setup(void)
{
    strcpy(path, "/tmp/tg-collab-test-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    static const char *const names[ORGS] = {"กระทรวงก", "บริษัทข", "กรมค", "สมาคมง"};
    struct tg_extract_result *r = calloc(1, sizeof *r);
    ck_assert_ptr_nonnull(r);
    r->organisations = calloc(ORGS, sizeof *r->organisations);
    r->organisation_count = ORGS;
    for (int i = 0; i < ORGS; i++) {
        r->organisations[i] = (struct tg_extract_organisation){
            .name = copy_of(names[i]), .key = copy_of(names[i]), .kind = "other", .parent = -1};
        r->organisations[i].mention_count = 1;
    }
    r->organisations[DEPARTMENT].parent = MINISTRY;
    r->organisations[DEPARTMENT].parent_name = copy_of(names[MINISTRY]);
    struct tg_extract_evidence sentence = {0, 60, 0, sizeof TEXT - 1};
    static const enum tg_extract_role roles[ORGS] = {
        TG_EXTRACT_ROLE_SIGNATORY, TG_EXTRACT_ROLE_SIGNATORY, TG_EXTRACT_ROLE_SIGNATORY,
        TG_EXTRACT_ROLE_WITNESS};
    r->events = calloc(1, sizeof *r->events);
    r->event_count = 1;
    struct tg_extract_event *ev = &r->events[0];
    *ev = (struct tg_extract_event){.kind = TG_EXTRACT_EVENT_AGREEMENT,
                                    .title = copy_of("ลงนาม"),
                                    .date = {2020, 8, 24, TG_DATE_PRECISION_DAY},
                                    .date_from_text = true,
                                    .place = -1,
                                    .programme = -1,
                                    .collaboration = true,
                                    .evidence = sentence,
                                    .sentence = copy_of(TEXT)};
    ev->organisations = calloc(ORGS, sizeof *ev->organisations);
    ev->organisation_count = ORGS;
    for (int i = 0; i < ORGS; i++)
        ev->organisations[i] = (struct tg_extract_participant){i, roles[i], sentence};

    struct tg_store_writer *w = NULL;
    struct tg_error err;
    ck_assert_int_eq(tg_store_writer_open(path, true, &w, &err), TG_OK);
    const struct tg_store_document doc = {"doc", "หัวข้อ", TEXT, sizeof TEXT - 1, "2020-08-24",
                                          "day", NULL,   NULL, "test"};
    enum tg_store_put_outcome outcome;
    ck_assert_int_eq(tg_store_writer_put(w, &doc, &outcome, &err), TG_OK);
    ck_assert_int_eq(tg_store_writer_put_claims(w, "doc", r, 1, &err), TG_OK);
    ck_assert_int_eq(tg_build_snapshot(w, NULL, NULL, &err), TG_OK);
    ck_assert_int_eq(tg_store_writer_commit(w, NULL, &err), TG_OK);
    tg_extract_result_free(r);
    ck_assert_int_eq(tg_graph_load(path, &graph, &err), TG_OK);
}

static void teardown(void)
{
    tg_graph_free(graph);
    graph = NULL;
    unlink(path);
}

static const struct tg_graph_entity *org(const char *name)
{
    const struct tg_graph_entity *e = NULL;
    size_t count = 0;
    ck_assert_int_eq(tg_graph_resolve(graph, TG_GRAPH_ORGANISATION, name, &e, 1, &count), TG_OK);
    ck_assert_uint_eq(count, 1);
    return e;
}

static const struct {
    const char *a, *b;
    bool collaborate;
} pairs[] = {
    {"กระทรวงก", "บริษัทข", true},   /* two signatories */
    {"บริษัทข", "กรมค", true},       /* the department signs with the company */
    {"กระทรวงก", "กรมค", false},   /* a ministry and its own department */
    {"กรมค", "กระทรวงก", false},   /* either way round */
    {"กระทรวงก", "สมาคมง", false}, /* a witness is no party */
    {"บริษัทข", "บริษัทข", false},     /* nobody collaborates with itself */
};

START_TEST(test_pairs)
{
    const struct tg_graph_event *ev = tg_graph_event_at(graph, 0);
    ck_assert_ptr_nonnull(ev);
    ck_assert(ev->collaboration);
    const struct tg_graph_entity *a = org(pairs[_i].a), *b = org(pairs[_i].b);
    ck_assert_msg(tg_graph_collaborates(ev, a, b) == pairs[_i].collaborate, "%s with %s",
                  pairs[_i].a, pairs[_i].b);
    size_t count = 0;
    tg_graph_collaboration(a, b, NULL, 0, &count);
    ck_assert_uint_eq(count, pairs[_i].collaborate ? 1 : 0);
}
END_TEST

START_TEST(test_partners_and_evidence)
{
    struct tg_graph_partner *partners = NULL;
    size_t count = 0;
    ck_assert_int_eq(tg_graph_partners(org("กระทรวงก"), &partners, &count), TG_OK);
    ck_assert_uint_eq(count, 1);
    ck_assert_str_eq(partners[0].organisation->name, "บริษัทข");
    free(partners);
    /* Every participation names its sentence (agreement 4). */
    const struct tg_graph_event *ev = tg_graph_event_at(graph, 0);
    ck_assert_uint_eq(ev->participant_count, ORGS);
    for (size_t i = 0; i < ev->participant_count; i++) {
        ck_assert_uint_eq(ev->participants[i].evidence_count, 1);
        ck_assert_str_eq(ev->participants[i].evidence[0].document->id, "doc");
        ck_assert_str_eq(ev->participants[i].evidence[0].sentence, TEXT);
    }
    const struct tg_graph_entity *witness = org("สมาคมง");
    for (size_t i = 0; i < ev->participant_count; i++)
        if (ev->participants[i].entity == witness)
            ck_assert_str_eq(ev->participants[i].role, "witness");
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("collaborations");
    TCase *tc = tcase_create("collaborations");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_pairs, 0, (int)(sizeof pairs / sizeof pairs[0]));
    tcase_add_test(tc, test_partners_and_evidence);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
