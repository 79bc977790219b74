#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thaigraph/ner.h"
#include "thaigraph/utf8.h"
#include "suite.h"

/* A corpus small enough to train in a moment; enough for determinism and file-format tests. */
static const char *const tiny_corpus[] = {
    "\xEF\xBB\xBF[PERSON]นายสมชาย ใจดี[/PERSON] เดินทางไป[LOCATION]จังหวัดเชียงใหม่[/LOCATION]",
    "[ORGANIZATION]กระทรวงสาธารณสุข[/ORGANIZATION]แถลงข่าวเมื่อ[DATE]5 ม.ค. 2550[/DATE]",
    "[PERSON]นางสาวมาลี สวยงาม[/PERSON] ทำงานที่[ORGANIZATION]บริษัทไทยพัฒนา[/ORGANIZATION]",
    "ประชุมที่[FACILITY]โรงแรมสยาม[/FACILITY] เวลา [TIME]10.00 น.[/TIME]\n",
};

static struct tg_ner_model *train_tiny(uint64_t seed)
{
    struct tg_ner_trainer *trainer;
    ck_assert_int_eq(tg_ner_trainer_new(16, &trainer), TG_OK);
    for (size_t k = 0; k < sizeof tiny_corpus / sizeof tiny_corpus[0]; k++)
        ck_assert_int_eq(tg_ner_trainer_add(trainer, tiny_corpus[k], strlen(tiny_corpus[k])),
                         TG_OK);
    struct tg_ner_model *model;
    ck_assert_int_eq(tg_ner_trainer_train(trainer, 5, seed, &model), TG_OK);
    tg_ner_trainer_free(trainer);
    return model;
}

static void serialize_tiny(unsigned char **bytes, size_t *len)
{
    struct tg_ner_model *model = train_tiny(7);
    ck_assert_int_eq(tg_ner_model_serialize(model, bytes, len), TG_OK);
    tg_ner_model_free(model);
}

START_TEST(test_training_is_deterministic)
{
    unsigned char *first, *second;
    size_t first_len, second_len;
    serialize_tiny(&first, &first_len);
    serialize_tiny(&second, &second_len);
    ck_assert_uint_eq(first_len, second_len);
    ck_assert(memcmp(first, second, first_len) == 0);

    struct tg_ner_model *model;
    ck_assert_int_eq(tg_ner_model_from_memory(first, first_len, &model, NULL), TG_OK);
    const char *text = "นายสมชาย ใจดี เดินทางไปจังหวัดเชียงใหม่";
    struct tg_ner_span *spans;
    size_t count;
    ck_assert_int_eq(tg_ner_tag(model, text, strlen(text), &spans, &count), TG_OK);
    ck_assert_uint_ge(count, 1);
    ck_assert_int_eq(spans[0].type, TG_NER_PERSON);
    ck_assert_uint_eq(spans[0].start, 0);
    ck_assert_uint_eq(spans[0].end, 13);
    free(spans);
    tg_ner_model_free(model);
    free(first);
    free(second);
}
END_TEST

/* How each broken file is made from a good one, and what loading it must report. */
enum damage { MISSING, EMPTY, BAD_MAGIC, WRONG_VERSION, HEADER_ONLY, HALF, FLIPPED_PAYLOAD };

struct load_case {
    enum damage damage;
    enum tg_status expected;
    const char *message;
};

static const struct load_case load_cases[] = {
    {MISSING, TG_ERR_NOT_FOUND, "No such file"}, {EMPTY, TG_ERR_PARSE, "bad magic"},
    {BAD_MAGIC, TG_ERR_PARSE, "bad magic"},      {WRONG_VERSION, TG_ERR_PARSE, "format version 3"},
    {HEADER_ONLY, TG_ERR_PARSE, "truncated"},    {HALF, TG_ERR_PARSE, "truncated"},
    {FLIPPED_PAYLOAD, TG_ERR_PARSE, "checksum"},
};

START_TEST(test_load_errors)
{
    const struct load_case *c = &load_cases[_i];
    unsigned char *bytes;
    size_t len;
    serialize_tiny(&bytes, &len);
    switch (c->damage) {
    case EMPTY:
        len = 0;
        break;
    case BAD_MAGIC:
        bytes[0] = 'X';
        break;
    case WRONG_VERSION:
        bytes[8] = 3;
        break;
    case HEADER_ONLY:
        len = 20;
        break;
    case HALF:
        len /= 2;
        break;
    case FLIPPED_PAYLOAD:
        bytes[len / 2] ^= 0x40;
        break;
    case MISSING:
        break;
    }
    char dir[] = "/tmp/tg-ner-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/model.bin", dir);
    if (c->damage != MISSING) {
        FILE *f = fopen(path, "wb");
        ck_assert_ptr_nonnull(f);
        ck_assert_uint_eq(fwrite(bytes, 1, len, f), len);
        ck_assert_int_eq(fclose(f), 0);
    }
    struct tg_ner_model *model = (struct tg_ner_model *)&model;
    struct tg_error err = {""};
    ck_assert_int_eq(tg_ner_model_load(path, &model, &err), c->expected);
    ck_assert_ptr_null(model);
    ck_assert_msg(strstr(err.message, c->message), "message \"%s\" lacks \"%s\"", err.message,
                  c->message);
    remove(path);
    rmdir(dir);
    free(bytes);
}
END_TEST

START_TEST(test_save_and_load_round_trip)
{
    unsigned char *bytes, *again;
    size_t len, again_len;
    serialize_tiny(&bytes, &len);
    struct tg_ner_model *model;
    ck_assert_int_eq(tg_ner_model_from_memory(bytes, len, &model, NULL), TG_OK);
    char dir[] = "/tmp/tg-ner-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/model.bin", dir);
    ck_assert_int_eq(tg_ner_model_save(model, path, NULL), TG_OK);
    tg_ner_model_free(model);
    ck_assert_int_eq(tg_ner_model_load(path, &model, NULL), TG_OK);
    ck_assert_int_eq(tg_ner_model_serialize(model, &again, &again_len), TG_OK);
    ck_assert_uint_eq(again_len, len);
    ck_assert(memcmp(again, bytes, len) == 0);
    tg_ner_model_free(model);
    remove(path);
    rmdir(dir);
    free(bytes);
    free(again);
}
END_TEST

struct parse_case {
    const char *line;
    enum tg_status expected;
    const char *text;
    size_t count;
    struct tg_ner_span spans[3];
};

static const struct parse_case parse_cases[] = {
    {"\xEF\xBB\xBFตามที่[PERSON]นางประนอม ทองจันทร์[/PERSON] ป่วย\n",
     TG_OK,
     "ตามที่นางประนอม ทองจันทร์ ป่วย",
     1,
     {{TG_NER_PERSON, 6, 25, 18, 73}}},
    {"[ORGANIZATION]ธปท.[/ORGANIZATION] กับ [LOCATION]กทม.[/LOCATION]",
     TG_OK,
     "ธปท. กับ กทม.",
     2,
     {{TG_NER_ORGANISATION, 0, 4, 0, 10}, {TG_NER_PLACE, 9, 13, 21, 31}}},
    {"ที่[FACILITY] สนามหลวง [/FACILITY]", TG_OK, "ที่ สนามหลวง ", 1, {{TG_NER_PLACE, 4, 12, 10, 34}}},
    {"[DATE]3 ก.ย.[/DATE]", TG_OK, "3 ก.ย.", 1, {{TG_NER_DATE, 0, 6, 0, 10}}},
    /* The corpus closes one TIME with DATE; the opening tag decides the type. */
    {"เวลา [TIME]16.00 น.[/DATE]", TG_OK, "เวลา 16.00 น.", 1, {{TG_NER_OTHER, 5, 13, 13, 23}}},
    {"[T]70 องศา[/T]", TG_OK, "70 องศา", 1, {{TG_NER_OTHER, 0, 7, 0, 15}}},
    {"ราคา [abc] และ [1]", TG_OK, "ราคา [abc] และ [1]", 0, {{0}}},
    {"[PERSON] [/PERSON]ว่าง", TG_OK, " ว่าง", 0, {{0}}},
    {"", TG_OK, "", 0, {{0}}},
    {"[PERSON]นาย ก", TG_ERR_PARSE, NULL, 0, {{0}}},
    {"นาย ก[/PERSON]", TG_ERR_PARSE, NULL, 0, {{0}}},
    {"[PERSON]นาย[LOCATION]ก[/LOCATION][/PERSON]", TG_ERR_PARSE, NULL, 0, {{0}}},
    {"[PERSON]\xE0\xB8[/PERSON]", TG_ERR_INVALID_UTF8, NULL, 0, {{0}}},
};

START_TEST(test_parse_tagged)
{
    const struct parse_case *c = &parse_cases[_i];
    char *text;
    size_t text_len, count;
    struct tg_ner_span *spans;
    ck_assert_int_eq(
        tg_ner_parse_tagged(c->line, strlen(c->line), &text, &text_len, &spans, &count),
        c->expected);
    if (c->expected != TG_OK) {
        ck_assert_ptr_null(text);
        ck_assert_ptr_null(spans);
        return;
    }
    ck_assert_str_eq(text, c->text);
    ck_assert_uint_eq(text_len, strlen(c->text));
    ck_assert_uint_eq(count, c->count);
    for (size_t k = 0; k < count; k++) {
        ck_assert_int_eq(spans[k].type, c->spans[k].type);
        ck_assert_uint_eq(spans[k].start, c->spans[k].start);
        ck_assert_uint_eq(spans[k].end, c->spans[k].end);
        ck_assert_uint_eq(spans[k].byte_start, c->spans[k].byte_start);
        ck_assert_uint_eq(spans[k].byte_end, c->spans[k].byte_end);
    }
    free(text);
    free(spans);
}
END_TEST

struct title_case {
    const char *name;
    const char *without_title;
};

static const struct title_case title_cases[] = {
    {"นายวิเชียร ชวลิต", "วิเชียร ชวลิต"},
    {"นางสาวมาลี", "มาลี"},
    {"นางประนอม ทองจันทร์", "ประนอม ทองจันทร์"},
    {"ดร. สมชาย", "สมชาย"},
    {"พล.ต.อ.อดุลย์ แสงสิงแก้ว", "อดุลย์ แสงสิงแก้ว"},
    {"ศ.ดร.นพ.ประเวศ วะสี", "ประเวศ วะสี"},
    {"ทพ.กฤษดา", "กฤษดา"},
    {"Dr. John Smith", "John Smith"},
    {"ทักษิณ ชินวัตร", "ทักษิณ ชินวัตร"},
    {"นาย", "นาย"},
    {"", ""},
};

START_TEST(test_title_length)
{
    const struct title_case *c = &title_cases[_i];
    size_t len = strlen(c->name);
    size_t title = tg_ner_title_length(c->name, len);
    ck_assert_str_eq(c->name + title, c->without_title);
}
END_TEST

static struct tg_ner_model *builtin(void)
{
    struct tg_ner_model *model;
    ck_assert_int_eq(tg_ner_model_builtin(&model), TG_OK);
    return model;
}

static char *read_seed(const char *name, size_t *len)
{
    char path[256];
    snprintf(path, sizeof path, "seeds/%s", name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s (tests run from the project root)", path);
    char *text = malloc(1 << 20);
    ck_assert_ptr_nonnull(text);
    *len = fread(text, 1, 1 << 20, f);
    fclose(f);
    return text;
}

struct seed_case {
    const char *seed;
    enum tg_ner_type type;
    const char *mention; /* for persons, as compared: without the title */
};

static const struct seed_case seed_cases[] = {
    {"001_728345b0fb86cf7d.txt", TG_NER_PERSON, "วิเชียร ชวลิต"},
    {"000_2304adfd9e82273a.txt", TG_NER_PERSON, "ปิ่นชาย ปิ่นแก้ว"},
    {"000_2304adfd9e82273a.txt", TG_NER_ORGANISATION, "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ"},
    {"000_2304adfd9e82273a.txt", TG_NER_ORGANISATION, "กระทรวงสาธารณสุข"},
    {"001_728345b0fb86cf7d.txt", TG_NER_ORGANISATION, "กระทรวงแรงงาน"},
    {"001_728345b0fb86cf7d.txt", TG_NER_DATE, "2 พฤศจิกายน 2553"},
    {"000_2304adfd9e82273a.txt", TG_NER_PLACE, "เชียงใหม่"},
};

START_TEST(test_seed_mentions)
{
    const struct seed_case *c = &seed_cases[_i];
    struct tg_ner_model *model = builtin();
    size_t len;
    char *text = read_seed(c->seed, &len);
    struct tg_ner_span *spans;
    size_t count;
    ck_assert_int_eq(tg_ner_tag(model, text, len, &spans, &count), TG_OK);
    size_t want = strlen(c->mention);
    int found = 0;
    for (size_t k = 0; k < count && !found; k++) {
        const char *at = text + spans[k].byte_start;
        size_t n = spans[k].byte_end - spans[k].byte_start;
        size_t title = c->type == TG_NER_PERSON ? tg_ner_title_length(at, n) : 0;
        found = spans[k].type == c->type && n - title == want &&
                memcmp(at + title, c->mention, want) == 0;
        /* Code-point and byte offsets must describe the same span. */
        ck_assert_uint_eq(spans[k].byte_start, tg_utf8_offset_of(text, len, spans[k].start));
        ck_assert_uint_eq(spans[k].byte_end, tg_utf8_offset_of(text, len, spans[k].end));
    }
    ck_assert_msg(found, "%s: no %s span \"%s\"", c->seed, tg_ner_type_name(c->type), c->mention);
    free(spans);
    free(text);
    tg_ner_model_free(model);
}
END_TEST

struct input_case {
    const char *bytes;
    size_t len;
    enum tg_status expected;
};

static const struct input_case input_cases[] = {
    {"", 0, TG_OK},
    {NULL, 0, TG_OK},
    {"  \n\t ", 5, TG_OK},
    {"นาย\xFFสมชาย", 25, TG_ERR_INVALID_UTF8},
    {"\xE0\xB8", 2, TG_ERR_INVALID_UTF8},
    {"\xED\xA0\x80", 3, TG_ERR_INVALID_UTF8},
};

START_TEST(test_edge_inputs)
{
    const struct input_case *c = &input_cases[_i];
    struct tg_ner_model *model = builtin();
    struct tg_ner_span *spans = (struct tg_ner_span *)&spans;
    size_t count = 99;
    ck_assert_int_eq(tg_ner_tag(model, c->bytes, c->len, &spans, &count), c->expected);
    ck_assert_ptr_null(spans);
    ck_assert_uint_eq(count, 0);
    tg_ner_model_free(model);
}
END_TEST

struct tag_job {
    const struct tg_ner_model *model;
    const char *text;
    size_t len;
    size_t count;
    size_t checksum;
};

static void *tag_repeatedly(void *arg)
{
    struct tag_job *job = arg;
    for (int round = 0; round < 3; round++) {
        struct tg_ner_span *spans;
        size_t count;
        if (tg_ner_tag(job->model, job->text, job->len, &spans, &count) != TG_OK)
            return NULL;
        job->count = count;
        job->checksum = 0;
        for (size_t k = 0; k < count; k++)
            job->checksum = job->checksum * 31 + spans[k].start * 7 + spans[k].end + spans[k].type;
        free(spans);
    }
    return NULL;
}

START_TEST(test_concurrent_tagging)
{
    struct tg_ner_model *model = builtin();
    size_t len;
    char *text = read_seed("000_2304adfd9e82273a.txt", &len);
    struct tag_job alone = {model, text, len, 0, 0};
    tag_repeatedly(&alone);
    ck_assert_uint_gt(alone.count, 0);
    struct tag_job jobs[4];
    pthread_t threads[4];
    for (int t = 0; t < 4; t++) {
        jobs[t] = (struct tag_job){model, text, len, 0, 0};
        ck_assert_int_eq(pthread_create(&threads[t], NULL, tag_repeatedly, &jobs[t]), 0);
    }
    for (int t = 0; t < 4; t++) {
        ck_assert_int_eq(pthread_join(threads[t], NULL), 0);
        ck_assert_uint_eq(jobs[t].count, alone.count);
        ck_assert_uint_eq(jobs[t].checksum, alone.checksum);
    }
    free(text);
    tg_ner_model_free(model);
}
END_TEST

#define COUNT(array) ((int)(sizeof array / sizeof array[0]))

int main(void)
{
    Suite *suite = suite_create("ner");
    TCase *tc = tcase_create("ner");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_training_is_deterministic);
    tcase_add_loop_test(tc, test_load_errors, 0, COUNT(load_cases));
    tcase_add_test(tc, test_save_and_load_round_trip);
    tcase_add_loop_test(tc, test_parse_tagged, 0, COUNT(parse_cases));
    tcase_add_loop_test(tc, test_title_length, 0, COUNT(title_cases));
    tcase_add_loop_test(tc, test_seed_mentions, 0, COUNT(seed_cases));
    tcase_add_loop_test(tc, test_edge_inputs, 0, COUNT(input_cases));
    tcase_add_test(tc, test_concurrent_tagging);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
