/*
 * issue 10: `thaigraph export --format opensearch` writes a well-formed _bulk body (an index
 * action, then its document, for every document, one JSON object a line) and
 * opensearch-mapping an index whose every exported field is mapped, Thai text through ICU.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suite.h"
#include "thaigraph/export.h"
#include "thaigraph/graph.h"
#include "thaigraph/ingest.h"

static char dir[] = "/tmp/tg-opensearch-test-XXXXXX";
static char path[300];

static void setup(void)
{
    strcpy(dir, "/tmp/tg-opensearch-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/graph.db", dir);
    const char *seeds[] = {"seeds"};
    struct tg_ingest_options options = {0};
    struct tg_ingest_report report;
    struct tg_error err = {{0}};
    ck_assert_msg(tg_ingest_run(path, seeds, 1, &options, &report, &err) == TG_OK, "%s",
                  err.message);
}

static void teardown(void)
{
    char command[512];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(command), 0);
}

static char *export_to_string(const char *name, size_t *len)
{
    enum tg_export_format format;
    ck_assert(tg_export_format_parse(name, &format));
    struct tg_graph *g = NULL;
    ck_assert_int_eq(tg_graph_load(path, &g, NULL), TG_OK);
    struct tg_export *x = NULL;
    ck_assert_int_eq(tg_export_open(g, format, &x), TG_OK);
    char *text = NULL;
    FILE *out = open_memstream(&text, len);
    char buf[100]; /* small, so documents span several reads */
    for (size_t n; tg_export_read(x, buf, sizeof buf, &n) == TG_OK && n > 0;)
        ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
    fclose(out);
    tg_export_free(x);
    tg_graph_free(g);
    return text;
}

START_TEST(test_bulk_is_action_then_document_per_line)
{
    size_t len;
    char *text = export_to_string("opensearch-mapping", &len);
    json_error_t jerr;
    json_t *mapping = json_loads(text, 0, &jerr);
    ck_assert_msg(mapping, "mapping: %s", jerr.text);
    free(text);
    json_t *properties = json_object_get(json_object_get(mapping, "mappings"), "properties");
    ck_assert_str_eq(
        json_string_value(json_object_get(
            json_object_get(
                json_object_get(json_object_get(json_object_get(mapping, "settings"), "analysis"),
                                "analyzer"),
                "thai"),
            "tokenizer")),
        "icu_tokenizer");

    struct tg_graph *g = NULL;
    ck_assert_int_eq(tg_graph_load(path, &g, NULL), TG_OK);
    text = export_to_string("opensearch", &len);
    ck_assert_uint_gt(len, 0);
    ck_assert_int_eq(text[len - 1], '\n');
    size_t lines = 0;
    for (char *line = text, *nl; (nl = strchr(line, '\n')); line = nl + 1, lines++) {
        json_t *value = json_loadb(line, (size_t)(nl - line), 0, &jerr);
        ck_assert_msg(json_is_object(value), "line %zu: %s", lines + 1, jerr.text);
        const struct tg_graph_document *doc = tg_graph_document_at(g, lines / 2);
        if (lines % 2 == 0) {
            json_t *action = json_object_get(value, "index");
            ck_assert_str_eq(json_string_value(json_object_get(action, "_index")),
                             "thaigraph-documents");
            ck_assert_str_eq(json_string_value(json_object_get(action, "_id")), doc->id);
        } else {
            ck_assert_str_eq(json_string_value(json_object_get(value, "id")), doc->id);
            ck_assert_uint_eq(json_string_length(json_object_get(value, "text")), doc->text_bytes);
            const char *key;
            json_t *field;
            json_object_foreach(value, key, field)
            {
                ck_assert_msg(json_object_get(properties, key), "%s is not mapped", key);
                (void)field;
            }
        }
        json_decref(value);
    }
    ck_assert_uint_eq(lines, 2 * tg_graph_document_count(g));
    free(text);
    json_decref(mapping);
    tg_graph_free(g);
}
END_TEST

START_TEST(test_formats_are_named)
{
    enum tg_export_format format;
    ck_assert(tg_export_format_parse("opensearch", &format));
    ck_assert_str_eq(tg_export_content_type(format), "application/x-ndjson");
    ck_assert(tg_export_format_parse("opensearch-mapping", &format));
    ck_assert_str_eq(tg_export_format_name(format), "opensearch-mapping");
    ck_assert(!tg_export_format_parse("opensearch-", &format));
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("opensearch");
    TCase *tc = tcase_create("opensearch");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_bulk_is_action_then_document_per_line);
    tcase_add_test(tc, test_formats_are_named);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
