/* tg_article: what an article says about itself, and nothing it does not say. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/article.h"
#include "suite.h"

struct article_case {
    const char *label;
    const char *text;
    const char *title;
    const char *published;
    const char *source;
    const char *url;
};

static const struct article_case cases[] = {
    {"wire service dateline",
     "พม.จับมือ สสส. จัดประชุม (High Level Meeting)\n\nข่าวทั่วไป Thursday December 22, 2011 "
     "11:00 —ThaiPR.net\n\nกรุงเทพฯ--22 ธ.ค.--พม. พม.จับมือ สสส.\n",
     "พม.จับมือ สสส. จัดประชุม (High Level Meeting)", "2011-12-22", "ThaiPR.net", NULL},
    {"government site page",
     "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-นายกฯ ย้ำความร่วมมือ\n\n\nวันจันทร์ที่ 24 สิงหาคม 2563\nพิมพ์\n"
     "นายกฯ ย้ำความร่วมมือ\n\nที่มา : https://www.thaigov.go.th/news/contents/details/34466\n",
     "นายกฯ ย้ำความร่วมมือ", "2020-08-24", "www.thaigov.go.th",
     "https://www.thaigov.go.th/news/contents/details/34466"},
    {"padded title and dateline",
     "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-           ปลัด  พม. เป็นประธานประชุม\n\n\n"
     "                                วันอังคารที่ 2 พฤษภาคม 2560                    \n\n    528  \n",
     "ปลัด พม. เป็นประธานประชุม", "2017-05-02", NULL, NULL},
    {"date under the title",
     "รมว.พม. แนะ พมจ.ทั่วประเทศ\n\nรมว.พม. แนะ พมจ.ทั่วประเทศ\n24 กันยายน 2563\n120\n",
     "รมว.พม. แนะ พมจ.ทั่วประเทศ", "2020-09-24", NULL, NULL},
    {"Thai digits in the dateline", "หัวข้อข่าว\nวันที่ ๒๔ กันยายน ๒๕๖๓\nเนื้อหา\n", "หัวข้อข่าว", "2020-09-24",
     NULL, NULL},
    {"event date in a body sentence is not a publication date",
     "พม.ร่วมกับ สสส. แลกเปลี่ยน\n\nเมื่อวันที่ 30 มิ.ย. 58 ที่ ห้องประชุมรัตนโกสินทร์ ชั้น 1 โรงแรม "
     "เดอะสุโกศล ถนนศรีอยุธยา กรุงเทพฯ กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ (พม.) ร่วมกับ "
     "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ (สสส.) จัดการประชุม\n\nที่มา : สำนักข่าวสร้างสุข\n",
     "พม.ร่วมกับ สสส. แลกเปลี่ยน", NULL, "สำนักข่าวสร้างสุข", NULL},
    {"a dateline without a year says nothing", "หัวข้อ\nกรุงเทพฯ--22 ธ.ค.--พม.\n", "หัวข้อ", NULL, NULL,
     NULL},
    {"a month alone is no publication day", "หัวข้อ\nกันยายน 2563\n", "หัวข้อ", NULL, NULL, NULL},
    {"credit without space before the colon", "หัวข้อ\nเนื้อหา\nที่มา: เว็บไซต์ไอเอ็นเอ็นนิวส์\n", "หัวข้อ", NULL,
     "เว็บไซต์ไอเอ็นเอ็นนิวส์", NULL},
    {"the closing credit wins", "หัวข้อ\nที่มา : ต้นฉบับแรก\nเนื้อหา\n  ที่มา : สำนักข่าวจริง  \n", "หัวข้อ", NULL,
     "สำนักข่าวจริง", NULL},
    {"credit URL followed by words", "หัวข้อ\nที่มา : http://news.example.org:8080/a?b=1 ข่าวสด\n",
     "หัวข้อ", NULL, "news.example.org", "http://news.example.org:8080/a?b=1"},
    {"a word that starts like the credit label is not one", "หัวข้อ\nที่มาของปัญหา : ความยากจน\n",
     "หัวข้อ", NULL, NULL, NULL},
    {"dashes without a domain are not a wire signature", "หัวข้อ\nกรุงเทพฯ--พม.--\n", "หัวข้อ", NULL,
     NULL, NULL},
    {"blank lines, NBSP and zero-width space before the title",
     "\n \xc2\xa0\n\xe2\x80\x8b\n\tหัวข้อ\xc2\xa0\xc2\xa0ข่าว \n", "หัวข้อ ข่าว", NULL, NULL, NULL},
    {"title only", "หัวข้อเดียว", "หัวข้อเดียว", NULL, NULL, NULL},
    {"CRLF line ends", "Title line\r\n\r\nDecember 22, 2011\r\nbody\r\n", "Title line",
     "2011-12-22", NULL, NULL},
};

static void assert_optional(const char *label, const char *field, const char *got, const char *want)
{
    if (want)
        ck_assert_msg(got && strcmp(got, want) == 0, "%s: %s is '%s', wanted '%s'", label, field,
                      got ? got : "(null)", want);
    else
        ck_assert_msg(got == NULL, "%s: %s is '%s', wanted null", label, field, got);
}

START_TEST(test_article_metadata)
{
    const struct article_case *c = &cases[_i];
    struct tg_article_meta meta;
    ck_assert_int_eq(tg_article_read(c->text, strlen(c->text), &meta), TG_OK);
    ck_assert_msg(strcmp(meta.title, c->title) == 0, "%s: title '%s'", c->label, meta.title);
    assert_optional(c->label, "published", meta.published, c->published);
    assert_optional(c->label, "precision", meta.published_precision, c->published ? "day" : NULL);
    assert_optional(c->label, "source", meta.source, c->source);
    assert_optional(c->label, "url", meta.url, c->url);
    tg_article_meta_clear(&meta);
    ck_assert_ptr_null(meta.title);
}
END_TEST

struct failure_case {
    const char *text;
    size_t len;
    enum tg_status status;
};

#define BYTES(literal) literal, sizeof literal - 1

static const struct failure_case failures[] = {
    {BYTES(""), TG_ERR_EMPTY},
    {BYTES(" \n\t\r\n\xe2\x80\x8b\xc2\xa0"), TG_ERR_EMPTY},
    {BYTES("\xff\xfe"), TG_ERR_INVALID_UTF8},
    {BYTES("หัวข้อ\xe0\xb8"), TG_ERR_INVALID_UTF8},
};

START_TEST(test_article_failures)
{
    struct tg_article_meta meta;
    ck_assert_int_eq(tg_article_read(failures[_i].text, failures[_i].len, &meta),
                     failures[_i].status);
    ck_assert_ptr_null(meta.title);
}
END_TEST

START_TEST(test_long_title_is_cut_on_a_code_point)
{
    size_t repeats = TG_ARTICLE_MAX_TITLE + 50;
    char *text = malloc(repeats * 3 + 1);
    for (size_t i = 0; i < repeats; i++)
        memcpy(text + i * 3, "ก", 3);
    text[repeats * 3] = '\0';
    struct tg_article_meta meta;
    ck_assert_int_eq(tg_article_read(text, repeats * 3, &meta), TG_OK);
    ck_assert_uint_eq(strlen(meta.title), TG_ARTICLE_MAX_TITLE * 3);
    tg_article_meta_clear(&meta);
    free(text);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("article");
    TCase *tc = tcase_create("article");
    tcase_add_loop_test(tc, test_article_metadata, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_loop_test(tc, test_article_failures, 0, (int)(sizeof failures / sizeof failures[0]));
    tcase_add_test(tc, test_long_title_is_cut_on_a_code_point);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
