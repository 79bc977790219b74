#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/gazetteer.h"
#include "suite.h"

#define ORG       TG_GAZETTEER_MASK(TG_GAZETTEER_ORGANISATION)
#define PROVINCE  TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE)
#define DISTRICT  TG_GAZETTEER_MASK(TG_GAZETTEER_DISTRICT)
#define COUNTRY   TG_GAZETTEER_MASK(TG_GAZETTEER_COUNTRY)
#define HONORIFIC TG_GAZETTEER_MASK(TG_GAZETTEER_HONORIFIC)
#define POSITION  TG_GAZETTEER_MASK(TG_GAZETTEER_POSITION)
#define CUE       TG_GAZETTEER_MASK(TG_GAZETTEER_PLACE_CUE)

#define MSD        "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"
#define THAIHEALTH "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ"

#define ADD_TABLE_TEST(tcase, test, table)                                                         \
    tcase_add_loop_test(tcase, test, 0, (int)(sizeof table / sizeof table[0]))

static struct tg_gazetteer *gazetteer;

static void load_builtin(void)
{
    struct tg_error err = {{0}};
    enum tg_status status = tg_gazetteer_load_builtin(&gazetteer, &err);
    ck_assert_msg(status == TG_OK, "built-in gazetteer: %s", err.message);
}

static void free_builtin(void)
{
    tg_gazetteer_free(gazetteer);
    gazetteer = NULL;
}

/* Returns the file's bytes (NUL-terminated, caller frees) or NULL when it cannot be read. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        text = size >= 0 ? malloc((size_t)size + 1) : NULL;
        if (text &&
            (fseek(f, 0, SEEK_SET) != 0 || fread(text, 1, (size_t)size, f) != (size_t)size)) {
            free(text);
            text = NULL;
        }
        if (text) {
            text[size] = '\0';
            *len = (size_t)size;
        }
    }
    fclose(f);
    return text;
}

struct count_case {
    unsigned types;
    const char *kind;
    size_t min, max;
};

static const struct count_case count_cases[] = {
    {PROVINCE, NULL, 77, 77},   {DISTRICT, NULL, 50, 50},        {ORG, "ministry", 20, 20},
    {PROVINCE, "north", 9, 9},  {PROVINCE, "northeast", 20, 20}, {PROVINCE, "central", 22, 22},
    {PROVINCE, "east", 7, 7},   {PROVINCE, "west", 5, 5},        {PROVINCE, "south", 14, 14},
    {COUNTRY, NULL, 60, 1000},  {ORG, "department", 100, 1000},  {HONORIFIC, "police", 20, 1000},
    {POSITION, NULL, 40, 1000},
};

START_TEST(test_counts)
{
    const struct count_case *c = &count_cases[_i];
    size_t n = tg_gazetteer_count(gazetteer, c->types, c->kind);
    ck_assert_msg(n >= c->min && n <= c->max, "%s: %zu outside %zu..%zu", c->kind ? c->kind : "all",
                  n, c->min, c->max);
}
END_TEST

struct find_case {
    const char *query;
    unsigned types;
    const char *name; /* NULL: not found */
    enum tg_gazetteer_type type;
    const char *kind;
};

static const struct find_case find_cases[] = {
    {"พม.", ORG, MSD, TG_GAZETTEER_ORGANISATION, "ministry"},
    {"พม", ORG, MSD, TG_GAZETTEER_ORGANISATION, "ministry"},
    {MSD, TG_GAZETTEER_ANY, MSD, TG_GAZETTEER_ORGANISATION, "ministry"},
    {"กระทรวงการพัฒนาสังคมฯ", ORG, MSD, TG_GAZETTEER_ORGANISATION, "ministry"},
    {"สสส.", ORG, THAIHEALTH, TG_GAZETTEER_ORGANISATION, "fund"},
    {"สสส", ORG, THAIHEALTH, TG_GAZETTEER_ORGANISATION, "fund"},
    {"สธ.", ORG, "กระทรวงสาธารณสุข", TG_GAZETTEER_ORGANISATION, "ministry"},
    {"ศธ", ORG, "กระทรวงศึกษาธิการ", TG_GAZETTEER_ORGANISATION, "ministry"},
    {"มท.", ORG, "กระทรวงมหาดไทย", TG_GAZETTEER_ORGANISATION, "ministry"},
    {"ครม.", ORG, "คณะรัฐมนตรี", TG_GAZETTEER_ORGANISATION, "council"},
    {"ดย.", ORG, "กรมกิจการเด็กและเยาวชน", TG_GAZETTEER_ORGANISATION, "department"},
    {"สค.", ORG, "กรมกิจการสตรีและสถาบันครอบครัว", TG_GAZETTEER_ORGANISATION, "department"},
    {"พส.", ORG, "กรมพัฒนาสังคมและสวัสดิการ", TG_GAZETTEER_ORGANISATION, "department"},
    {"ผส", ORG, "กรมกิจการผู้สูงอายุ", TG_GAZETTEER_ORGANISATION, "department"},
    {"พก.", ORG, "กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ", TG_GAZETTEER_ORGANISATION, "department"},
    {"สป.พม.", ORG, "สำนักงานปลัด" MSD, TG_GAZETTEER_ORGANISATION, "office"},
    {"กคช.", ORG, "การเคหะแห่งชาติ", TG_GAZETTEER_ORGANISATION, "agency"},
    {"พอช.", ORG, "สถาบันพัฒนาองค์กรชุมชน", TG_GAZETTEER_ORGANISATION, "agency"},
    {"พมจ.", ORG, "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด", TG_GAZETTEER_ORGANISATION,
     "provincial_office"},
    {"สปสช.", ORG, "สำนักงานหลักประกันสุขภาพแห่งชาติ", TG_GAZETTEER_ORGANISATION, "agency"},
    {"กทม.", TG_GAZETTEER_ANY, "กรุงเทพมหานคร", TG_GAZETTEER_ORGANISATION, "local_government"},
    {"กทม.", PROVINCE, "กรุงเทพมหานคร", TG_GAZETTEER_PROVINCE, "central"},
    {"กรุงเทพฯ", TG_GAZETTEER_ANY, "กรุงเทพมหานคร", TG_GAZETTEER_PROVINCE, "central"},
    {"โคราช", TG_GAZETTEER_ANY, "นครราชสีมา", TG_GAZETTEER_PROVINCE, "northeast"},
    {"บางรัก", DISTRICT, "เขตบางรัก", TG_GAZETTEER_DISTRICT, NULL},
    {"พม่า", COUNTRY, "เมียนมา", TG_GAZETTEER_COUNTRY, NULL},
    {"สปป.ลาว", TG_GAZETTEER_ANY, "สาธารณรัฐประชาธิปไตยประชาชนลาว", TG_GAZETTEER_COUNTRY, NULL},
    {"น.ส.", HONORIFIC, "น.ส.", TG_GAZETTEER_HONORIFIC, "civil"},
    {"พล.ต.อ", TG_GAZETTEER_ANY, "พล.ต.อ.", TG_GAZETTEER_HONORIFIC, "police"},
    {"ทพญ.", TG_GAZETTEER_ANY, "ทพญ.", TG_GAZETTEER_HONORIFIC, "professional"},
    {"ม.ร.ว.", TG_GAZETTEER_ANY, "ม.ร.ว.", TG_GAZETTEER_HONORIFIC, "royal"},
    {"รมว.", TG_GAZETTEER_ANY, "รัฐมนตรีว่าการกระทรวง", TG_GAZETTEER_POSITION, NULL},
    {"ผวจ", POSITION, "ผู้ว่าราชการจังหวัด", TG_GAZETTEER_POSITION, NULL},
    {"ถ.", CUE, "ถ.", TG_GAZETTEER_PLACE_CUE, "road"},
    {"จ", CUE, "จ.", TG_GAZETTEER_PLACE_CUE, "province"},
    {"ทำเนียบรัฐบาล", TG_GAZETTEER_ANY, "ทำเนียบรัฐบาล", TG_GAZETTEER_PLACE_CUE, "landmark"},
    {"ไม่มีชื่อนี้", TG_GAZETTEER_ANY, NULL, TG_GAZETTEER_ORGANISATION, NULL},
    {"", TG_GAZETTEER_ANY, NULL, TG_GAZETTEER_ORGANISATION, NULL},
    {"พม.", PROVINCE | COUNTRY, NULL, TG_GAZETTEER_ORGANISATION, NULL},
    {"กระทรวง", ORG, NULL, TG_GAZETTEER_ORGANISATION, NULL},
    {"พม...", ORG, NULL, TG_GAZETTEER_ORGANISATION, NULL},
};

START_TEST(test_find)
{
    const struct find_case *c = &find_cases[_i];
    const struct tg_gazetteer_entry *e = NULL;
    size_t count = 99;
    enum tg_status status =
        tg_gazetteer_find(gazetteer, c->query, strlen(c->query), c->types, &e, 1, &count);
    if (!c->name) {
        ck_assert_int_eq(status, TG_ERR_NOT_FOUND);
        ck_assert_uint_eq(count, 0);
        return;
    }
    ck_assert_msg(status == TG_OK, "'%s' not found", c->query);
    ck_assert_uint_ge(count, 1);
    ck_assert_str_eq(tg_gazetteer_entry_name(e), c->name);
    ck_assert_int_eq(tg_gazetteer_entry_type(e), c->type);
    if (c->kind)
        ck_assert_str_eq(tg_gazetteer_entry_kind(e), c->kind);
}
END_TEST

struct parent_case {
    const char *query;
    unsigned types;
    const char *parent; /* NULL: a root */
};

static const struct parent_case parent_cases[] = {
    {"กรมอนามัย", ORG, "กระทรวงสาธารณสุข"},
    {"ดย.", ORG, MSD},
    {"กคช.", ORG, MSD},
    {"พอช.", ORG, MSD},
    {"พมจ.", ORG, MSD},
    {"สป.พม.", ORG, MSD},
    {"กรมชลประทาน", ORG, "กระทรวงเกษตรและสหกรณ์"},
    {"สพฐ.", ORG, "กระทรวงศึกษาธิการ"},
    {"วุฒิสภา", ORG, "รัฐสภา"},
    {"บช.น.", ORG, "สำนักงานตำรวจแห่งชาติ"},
    {"มท.", ORG, NULL},
    {"สสส.", ORG, NULL},
    {"น.ส.", HONORIFIC, "นางสาว"},
    {"พล.ต.อ.", HONORIFIC, "พลตำรวจเอก"},
    {"นาย", HONORIFIC, NULL},
};

START_TEST(test_parent)
{
    const struct parent_case *c = &parent_cases[_i];
    const struct tg_gazetteer_entry *e = NULL;
    size_t count = 0;
    ck_assert_int_eq(
        tg_gazetteer_find(gazetteer, c->query, strlen(c->query), c->types, &e, 1, &count), TG_OK);
    const struct tg_gazetteer_entry *parent = tg_gazetteer_entry_parent(e);
    if (!c->parent) {
        ck_assert_ptr_null(parent);
        return;
    }
    ck_assert_ptr_nonnull(parent);
    ck_assert_str_eq(tg_gazetteer_entry_name(parent), c->parent);
}
END_TEST

struct match_case {
    const char *seed;   /* file under seeds/, or NULL to match in `needle` itself */
    const char *needle; /* matching starts where this first occurs in the seed */
    unsigned types;
    const char *match; /* expected matched bytes; NULL: nothing matches there */
    const char *name;  /* expected entry name */
};

#define SEED0 "000_2304adfd9e82273a.txt"
#define SEED1 "001_728345b0fb86cf7d.txt"
#define SEED2 "002_4301d2a2d545386e.txt"
#define SEED3 "003_5d58ccc2649354b1.txt"
#define SEED4 "004_6bbdc058e895814a.txt"

static const struct match_case match_cases[] = {
    {SEED0, THAIHEALTH " (สสส.)", TG_GAZETTEER_ANY, THAIHEALTH, THAIHEALTH},
    {SEED0, "พม.จับมือ", TG_GAZETTEER_ANY, "พม.", MSD},
    {SEED0, MSD " เป็นประธาน", ORG, MSD, MSD},
    {SEED0, "กรุงเทพฯ--22", TG_GAZETTEER_ANY, "กรุงเทพฯ", "กรุงเทพมหานคร"},
    {SEED0, "นายปิ่นชาย", HONORIFIC, "นาย", "นาย"},
    {SEED0, "ผู้อำนวยการสำนักงาน", POSITION, "ผู้อำนวยการ", "ผู้อำนวยการ"},
    {SEED0, "สำนักงานส่งเสริมสวัสดิภาพและพิทักษ์เด็ก เยาวชน", ORG,
     "สำนักงานส่งเสริมสวัสดิภาพและพิทักษ์เด็ก เยาวชน ผู้ด้อยโอกาส และผู้สูงอายุ",
     "สำนักงานส่งเสริมสวัสดิภาพและพิทักษ์เด็ก เยาวชน ผู้ด้อยโอกาส และผู้สูงอายุ"},
    {SEED0, "ชั้น ๙", CUE, "ชั้น", "ชั้น"},
    {SEED0, "โรงแรมอมารี", CUE, "โรงแรม", "โรงแรม"},
    {SEED1, MSD " (พม.)", TG_GAZETTEER_ANY, MSD, MSD},
    {SEED1, "ห้องประชุมรัตนโกสินทร์", CUE, "ห้องประชุม", "ห้องประชุม"},
    {SEED1, "ถนนศรีอยุธยา", CUE, "ถนน", "ถนน"},
    {SEED1, "ปลัดกระทรวงการพัฒนา", POSITION, "ปลัดกระทรวง", "ปลัดกระทรวง"},
    {SEED1, "แลกเปลี่ยน", TG_GAZETTEER_ANY, NULL, NULL},
    {SEED2, "ทันตแพทย์กฤษดา", HONORIFIC, "ทันตแพทย์", "ทันตแพทย์"},
    {SEED2, "ผู้จัดการ สสส.", POSITION, "ผู้จัดการ", "ผู้จัดการ"},
    {SEED2, "สสส. พร้อมด้วย", ORG, "สสส.", THAIHEALTH},
    {SEED3, "พม. เป็นประธาน", ORG, "พม.", MSD},
    {SEED3, "รองผู้ว่าราชการจังหวัดที่", POSITION, "รองผู้ว่าราชการจังหวัด", "รองผู้ว่าราชการจังหวัด"},
    {SEED3, "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด (พมจ.)", ORG, "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
     "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"},
    {SEED4, "รมว.พม.", POSITION, "รมว.", "รัฐมนตรีว่าการกระทรวง"},
    {SEED4, "พมจ.ทั่วประเทศ", ORG, "พมจ.", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"},
    {SEED4, "กรุงเทพมหานคร นายจุติ", PROVINCE, "กรุงเทพมหานคร", "กรุงเทพมหานคร"},
    {SEED4, "กรุงเทพมหานคร นายจุติ", TG_GAZETTEER_ANY, "กรุงเทพมหานคร", "กรุงเทพมหานคร"},
    /* The longest key wins over its prefixes (นาย, นายก...). */
    {NULL, "นายกรัฐมนตรีกล่าว", TG_GAZETTEER_ANY, "นายกรัฐมนตรี", "นายกรัฐมนตรี"},
    {NULL, "นายกรัฐมนตรีกล่าว", HONORIFIC, "นาย", "นาย"},
    {NULL, "พล.ต.อ.สมชาย", HONORIFIC, "พล.ต.อ.", "พล.ต.อ."},
    /* A key never ends inside a grapheme cluster: "นาง" is not in "นางั". */
    {NULL, "นางั", HONORIFIC, NULL, NULL},
    {NULL, "จีนี่", COUNTRY, NULL, NULL},
    {NULL, "", TG_GAZETTEER_ANY, NULL, NULL},
};

START_TEST(test_match_at)
{
    const struct match_case *c = &match_cases[_i];
    char path[256];
    size_t len = strlen(c->needle);
    char *text = NULL;
    if (c->seed) {
        snprintf(path, sizeof path, "seeds/%s", c->seed);
        text = read_file(path, &len);
        ck_assert_msg(text != NULL, "cannot read %s", path);
    }
    const char *haystack = text ? text : c->needle;
    const char *at = strstr(haystack, c->needle);
    ck_assert_msg(at != NULL, "'%s' is not in %s", c->needle, c->seed ? c->seed : "the case");
    const struct tg_gazetteer_entry *e = NULL;
    size_t match_len = 0;
    enum tg_status status = tg_gazetteer_match_at(gazetteer, haystack, len, (size_t)(at - haystack),
                                                  c->types, &e, &match_len);
    if (!c->match) {
        ck_assert_int_eq(status, TG_ERR_NOT_FOUND);
    } else {
        ck_assert_msg(status == TG_OK, "nothing matched at '%s'", c->needle);
        ck_assert_uint_eq(match_len, strlen(c->match));
        ck_assert_int_eq(memcmp(at, c->match, match_len), 0);
        ck_assert_str_eq(tg_gazetteer_entry_name(e), c->name);
    }
    free(text);
}
END_TEST

struct bad_case {
    enum tg_gazetteer_type type;
    const char *text;
    enum tg_status status;
    const char *message; /* a part of the error detail, with the file:line */
};

#define ORG_HEADER "name\tabbreviations\tkind\tparent\taliases\n"
#define POS_HEADER "title\tabbreviations\ttakes_organisation\torganisation\n"

static const struct bad_case bad_cases[] = {
    {TG_GAZETTEER_ORGANISATION, "# ok\n" ORG_HEADER "ก\tก.\tministry\t\t\nข\t\tdepartment\tก\t\n",
     TG_OK, ""},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\t\tministry\t\t\r\n\n# note\nข\t\tfund\tก\t\r\n",
     TG_OK, ""},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\t\tministri\t\t\n", TG_ERR_PARSE,
     "organisations.tsv:2: unknown kind 'ministri'"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\t\tministry\t\t\nข\t\tdepartment\tค\t\n",
     TG_ERR_NOT_FOUND, "organisations.tsv:3: 'ค' names no row"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\t\tministry\t\t\n#\nก\t\tfund\t\t\n",
     TG_ERR_DUPLICATE, "organisations.tsv:4: 'ก' is already used at line 2"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\tก.\tministry\t\t\nข\tก.\tfund\t\t\n",
     TG_ERR_DUPLICATE, "organisations.tsv:3: 'ก.' is already used at line 2"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\t\tministry\t\n", TG_ERR_PARSE,
     "organisations.tsv:2: 4 columns"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\t\tministry\t\t\t\n", TG_ERR_PARSE,
     "organisations.tsv:2: 6 columns"},
    {TG_GAZETTEER_ORGANISATION, "name\tkind\n", TG_ERR_PARSE, "organisations.tsv:1: header"},
    {TG_GAZETTEER_ORGANISATION, "# only a comment\n", TG_ERR_PARSE, "no header line"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "\t\tministry\t\t\n", TG_ERR_PARSE,
     "organisations.tsv:2: empty name"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก \t\tministry\t\t\n", TG_ERR_PARSE,
     "organisations.tsv:2: blank"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\tก.,,ข.\tministry\t\t\n", TG_ERR_PARSE,
     "organisations.tsv:2: empty or padded item"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\t\tministry\tก\t\n", TG_ERR_PARSE,
     "organisations.tsv:2: parent chain"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\t\tministry\tข\t\nข\t\tministry\tก\t\n", TG_ERR_PARSE,
     "parent chain"},
    {TG_GAZETTEER_ORGANISATION, ORG_HEADER "ก\t\tministry\t\t\n\xE0\xB8\n", TG_ERR_INVALID_UTF8,
     "organisations.tsv: invalid UTF-8"},
    {TG_GAZETTEER_POSITION, POS_HEADER "อธิบดี\t\tmaybe\t\n", TG_ERR_PARSE,
     "positions.tsv:2: 'maybe' is neither yes nor no"},
    /* issue 9: the body a title names by itself must be an organisation of the lists. */
    {TG_GAZETTEER_POSITION, POS_HEADER "ผู้บัญชาการตำรวจแห่งชาติ\t\tno\tสำนักงานตำรวจแห่งชาติ\n",
     TG_ERR_NOT_FOUND, "positions.tsv:2: 'สำนักงานตำรวจแห่งชาติ' names no row"},
    {TG_GAZETTEER_PROVINCE, "name\taliases\tregion\tenglish_name\nตาก\t\twest\t\n", TG_ERR_PARSE,
     "provinces.tsv:2: empty English name"},
    {TG_GAZETTEER_HONORIFIC, "form\tfull_form\tkind\nน.ส.\tนางสาว\tcivil\n", TG_ERR_NOT_FOUND,
     "honorifics.tsv:2: 'นางสาว' names no row"},
    {TG_GAZETTEER_PLACE_CUE, "cue\tkind\nโรงแรม\thotel\n", TG_ERR_PARSE,
     "place_cues.tsv:2: unknown kind 'hotel'"},
    /* Aliases may hold dots and Thai letters alike. */
    {TG_GAZETTEER_COUNTRY, "name\taliases\tenglish_name\nลาว\tสปป.ลาว\tLaos\n", TG_OK, ""},
};

START_TEST(test_parse)
{
    const struct bad_case *c = &bad_cases[_i];
    struct tg_gazetteer *g = NULL;
    struct tg_error err = {{0}};
    enum tg_status status = tg_gazetteer_parse(c->type, c->text, strlen(c->text), &g, &err);
    ck_assert_msg(status == c->status, "got %d (%s), want %d", status, err.message, c->status);
    ck_assert_msg(strstr(err.message, c->message) != NULL, "'%s' lacks '%s'", err.message,
                  c->message);
    if (status == TG_OK) {
        ck_assert_ptr_nonnull(g);
        ck_assert_uint_ge(tg_gazetteer_count(g, TG_GAZETTEER_ANY, NULL), 1);
    } else {
        ck_assert_ptr_null(g);
    }
    tg_gazetteer_free(g);
}
END_TEST

START_TEST(test_entry_accessors)
{
    const struct tg_gazetteer_entry *e = NULL;
    size_t count = 0;
    ck_assert_int_eq(
        tg_gazetteer_find(gazetteer, "โคราช", strlen("โคราช"), PROVINCE, &e, 1, &count), TG_OK);
    ck_assert_str_eq(tg_gazetteer_entry_english_name(e), "Nakhon Ratchasima");
    ck_assert_uint_eq(tg_gazetteer_entry_alias_count(e), 1);
    ck_assert_str_eq(tg_gazetteer_entry_alias(e, 0), "โคราช");
    ck_assert_ptr_null(tg_gazetteer_entry_alias(e, 1));
    ck_assert_str_eq(tg_gazetteer_entry_file(e), "provinces.tsv");
    ck_assert_uint_gt(tg_gazetteer_entry_line(e), 1);

    ck_assert_int_eq(tg_gazetteer_find(gazetteer, "พม", strlen("พม"), ORG, &e, 1, &count), TG_OK);
    ck_assert_uint_eq(tg_gazetteer_entry_abbreviation_count(e), 1);
    ck_assert_str_eq(tg_gazetteer_entry_abbreviation(e, 0), "พม.");
    ck_assert_ptr_null(tg_gazetteer_entry_english_name(e));

    ck_assert_int_eq(tg_gazetteer_find(gazetteer, "ปลัด", strlen("ปลัด"), POSITION, &e, 1, &count),
                     TG_OK);
    ck_assert_str_eq(tg_gazetteer_entry_name(e), "ปลัดกระทรวง");
    ck_assert(tg_gazetteer_entry_takes_organisation(e));
    ck_assert_int_eq(
        tg_gazetteer_find(gazetteer, "นายกฯ", strlen("นายกฯ"), POSITION, &e, 1, &count), TG_OK);
    ck_assert(!tg_gazetteer_entry_takes_organisation(e));
    ck_assert_ptr_null(tg_gazetteer_entry_parent(e));
    /* issue 9: ผบ.ตร. names its body by itself. */
    ck_assert_int_eq(
        tg_gazetteer_find(gazetteer, "ผบ.ตร.", strlen("ผบ.ตร."), POSITION, &e, 1, &count), TG_OK);
    ck_assert_str_eq(tg_gazetteer_entry_name(tg_gazetteer_entry_parent(e)), "สำนักงานตำรวจแห่งชาติ");

    /* กทม. is both the local government and the province: both come back, organisation first. */
    const struct tg_gazetteer_entry *both[4] = {NULL};
    ck_assert_int_eq(
        tg_gazetteer_find(gazetteer, "กทม.", strlen("กทม."), TG_GAZETTEER_ANY, both, 4, &count),
        TG_OK);
    ck_assert_uint_eq(count, 2);
    ck_assert_int_eq(tg_gazetteer_entry_type(both[0]), TG_GAZETTEER_ORGANISATION);
    ck_assert_int_eq(tg_gazetteer_entry_type(both[1]), TG_GAZETTEER_PROVINCE);
}
END_TEST

/* Every ministry is reachable by its abbreviation, with and without the dot. */
START_TEST(test_ministries_have_abbreviations)
{
    const struct tg_gazetteer_entry *e = NULL;
    size_t count = 0;
    size_t seen = 0;
    const char *names[] = {"กระทรวงกลาโหม",
                           "กระทรวงการคลัง",
                           "กระทรวงการต่างประเทศ",
                           "กระทรวงการท่องเที่ยวและกีฬา",
                           MSD,
                           "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม",
                           "กระทรวงเกษตรและสหกรณ์",
                           "กระทรวงคมนาคม",
                           "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
                           "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม",
                           "กระทรวงพลังงาน",
                           "กระทรวงพาณิชย์",
                           "กระทรวงมหาดไทย",
                           "กระทรวงยุติธรรม",
                           "กระทรวงแรงงาน",
                           "กระทรวงวัฒนธรรม",
                           "กระทรวงศึกษาธิการ",
                           "กระทรวงสาธารณสุข",
                           "กระทรวงอุตสาหกรรม",
                           "สำนักนายกรัฐมนตรี"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        ck_assert_int_eq(
            tg_gazetteer_find(gazetteer, names[i], strlen(names[i]), ORG, &e, 1, &count), TG_OK);
        ck_assert_str_eq(tg_gazetteer_entry_kind(e), "ministry");
        const char *abbreviation = tg_gazetteer_entry_abbreviation(e, 0);
        ck_assert_ptr_nonnull(abbreviation);
        const struct tg_gazetteer_entry *again = NULL;
        ck_assert_int_eq(tg_gazetteer_find(gazetteer, abbreviation, strlen(abbreviation) - 1, ORG,
                                           &again, 1, &count),
                         TG_OK);
        ck_assert_ptr_eq(again, e);
        seen++;
    }
    ck_assert_uint_eq(seen, 20);
}
END_TEST

/* Counts every match over every seed, the way the recogniser scans text. */
static size_t scan_seeds(void)
{
    static const char *const seeds[] = {SEED0, SEED1, SEED2, SEED3, SEED4};
    size_t matches = 0;
    for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        char path[256];
        size_t len = 0;
        snprintf(path, sizeof path, "seeds/%s", seeds[s]);
        char *text = read_file(path, &len);
        if (!text)
            return 0;
        for (size_t at = 0; at < len; at++) {
            const struct tg_gazetteer_entry *e = NULL;
            size_t match_len = 0;
            if ((text[at] & 0xC0) != 0x80 &&
                tg_gazetteer_match_at(gazetteer, text, len, at, TG_GAZETTEER_ANY, &e, &match_len) ==
                    TG_OK)
                matches++;
        }
        free(text);
    }
    return matches;
}

static void *scan_thread(void *result)
{
    *(size_t *)result = scan_seeds();
    return NULL;
}

/* A loaded gazetteer is read-only, so threads scanning at once see what one thread sees. */
START_TEST(test_concurrent_scans)
{
    size_t alone = scan_seeds();
    ck_assert_uint_gt(alone, 100);
    pthread_t threads[4];
    size_t results[4] = {0};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, scan_thread, &results[i]), 0);
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
        ck_assert_uint_eq(results[i], alone);
    }
}
END_TEST

struct english_case {
    const char *query;
    unsigned types;
    const char *name; /* NULL: not found */
};

/* issue 9: English titles end at the state they are of (Prime Minister of Malaysia). */
static const struct english_case english_cases[] = {
    {"Malaysia", COUNTRY, "มาเลเซีย"},
    {"thailand", COUNTRY, "ประเทศไทย"},
    {"Japan", PROVINCE, NULL},
    {"Malaysian", TG_GAZETTEER_ANY, NULL},
    {"Bangkok", PROVINCE, "กรุงเทพมหานคร"},
};

START_TEST(test_find_english)
{
    const struct english_case *c = &english_cases[_i];
    const struct tg_gazetteer_entry *e = NULL;
    enum tg_status status =
        tg_gazetteer_find_english(gazetteer, c->query, strlen(c->query), c->types, &e);
    if (!c->name) {
        ck_assert_int_eq(status, TG_ERR_NOT_FOUND);
        return;
    }
    ck_assert_msg(status == TG_OK, "'%s' not found", c->query);
    ck_assert_str_eq(tg_gazetteer_entry_name(e), c->name);
}
END_TEST

START_TEST(test_bad_arguments)
{
    const struct tg_gazetteer_entry *e = NULL;
    size_t n = 0;
    struct tg_gazetteer *g = NULL;
    ck_assert_int_eq(tg_gazetteer_match_at(gazetteer, "ab", 2, 3, TG_GAZETTEER_ANY, &e, &n),
                     TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_gazetteer_find(gazetteer, "พม.", strlen("พม."), ORG, &e, 1, NULL),
                     TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_gazetteer_find_english(gazetteer, "Japan", 5, TG_GAZETTEER_ANY, NULL),
                     TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_gazetteer_parse(TG_GAZETTEER_TYPE_COUNT, "", 0, &g, NULL),
                     TG_ERR_INVALID_ARGUMENT);
    ck_assert_ptr_null(g);
    tg_gazetteer_free(NULL);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("gazetteer");
    TCase *builtin = tcase_create("builtin");
    tcase_add_checked_fixture(builtin, load_builtin, free_builtin);
    ADD_TABLE_TEST(builtin, test_counts, count_cases);
    ADD_TABLE_TEST(builtin, test_find, find_cases);
    ADD_TABLE_TEST(builtin, test_parent, parent_cases);
    ADD_TABLE_TEST(builtin, test_match_at, match_cases);
    ADD_TABLE_TEST(builtin, test_find_english, english_cases);
    tcase_add_test(builtin, test_entry_accessors);
    tcase_add_test(builtin, test_ministries_have_abbreviations);
    tcase_add_test(builtin, test_concurrent_scans);
    tcase_add_test(builtin, test_bad_arguments);
    suite_add_tcase(suite, builtin);
    TCase *parse = tcase_create("parse");
    ADD_TABLE_TEST(parse, test_parse, bad_cases);
    suite_add_tcase(suite, parse);
    return tgt_run_suite(suite);
}
