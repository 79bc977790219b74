/*
 * Organisations: candidates from the gazetteer, prefix words, `ฯ` truncations, learnt and known
 * abbreviations and the NER tagger, then one entity per canonical full name.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_internal.h"
#include "thaigraph/text.h"
#include "thaigraph/grow.h"
#include "thaigraph/numbers.h"
#include "thaigraph/utf8.h"

enum cand_source { FROM_GAZETTEER, FROM_PREFIX, FROM_LEARNT, FROM_NER, FROM_LOCAL, FROM_FORM };

struct cand {
    size_t b, e;
    enum cand_source source;
    const struct tg_gazetteer_entry *entry;
    const char *kind;
    size_t stem_end; /* a provincial office stem ends here and a province name follows */
    size_t q;        /* where the name after a prefix word starts */
    size_t prov_b;   /* where the province after a provincial office stem starts */
    int local;       /* FROM_LOCAL: the index into local_stems; FROM_FORM: into legal_forms */
    size_t public_at; /* the name ends here before its " (องค์การมหาชน)", or 0 */
    size_t parent_b, parent_e; /* a unit's name goes on with its parent written short here */
    bool truncated;
    bool after_position;
    long org;
};

struct cands {
    struct cand *c;
    size_t n, cap;
    unsigned char *claimed; /* one mark per byte of the text */
};

/* The legal form a public organisation writes after its name. */
static const char public_form[] = "(องค์การมหาชน)";

/* Words that open an organisation's name, with the kind such a name usually has. Longer
 * prefixes come before the shorter ones they start with. A word that more often opens
 * something else (โครงการ, a programme) opens a name only when the name ends with tail: the
 * United Nations name their programmes as bodies (โครงการพัฒนาแห่งสหประชาชาติ is UNDP). */
static const struct {
    const char *word;
    const char *kind;
    const char *tail;
} prefixes[] = {
    {"โครงการ", "other", "แห่งสหประชาชาติ"},
    {"กระทรวง", "ministry", NULL},
    {"กรม", "department", NULL},
    {"สำนักงานกองทุน", "fund", NULL},
    {"สำนักงาน", "office", NULL},
    {"สำนักข่าว", "media", NULL},
    {"สำนัก", "office", NULL},
    {"สภา", "council", NULL},
    {"กองทุน", "fund", NULL},
    {"กองบังคับการ", "office", NULL},
    {"กองบัญชาการ", "office", NULL},
    {"กองพล", "office", NULL},
    {"กองพัน", "office", NULL},
    {"กองร้อย", "office", NULL},
    {"กองทัพ", "office", NULL},
    {"กอง", "office", NULL},
    {"มูลนิธิ", "other", NULL},
    {"องค์การบริหารส่วน", "local_government", NULL},
    {"องค์การ", "agency", NULL},
    {"องค์กร", "other", NULL},
    {"สถาบัน", "agency", NULL},
    {"บริษัท", "other", NULL},
    {"ศูนย์วิจัย", "office", NULL}, /* one word to the segmenter */
    {"ศูนย์", "office", NULL},
    {"สมาคม", "other", NULL},
    {"เทศบาล", "local_government", NULL},
    {"ธนาคาร", "agency", NULL},
    {"บรรษัท", "agency", NULL},
    {"คณะกรรมการ", "council", NULL},
    {"คณะอนุกรรมการ", "council", NULL},
    {"คณะกรรมาธิการ", "council", NULL},
    {"คณะอนุกรรมาธิการ", "council", NULL},
    {"คณะมนตรี", "council", NULL},
    {"คณะ", "other", NULL},
    {"สถานีโทรทัศน์", "media", NULL},
    {"หนังสือพิมพ์", "media", NULL},
    {"มหาวิทยาลัย", "other", NULL},
    {"โรงพยาบาล", "other", NULL},
    {"โรงเรียน", "other", NULL},
    {"พรรค", "other", NULL},
    {"ชมรม", "other", NULL},
    {"วิสาหกิจชุมชน", "other", NULL},
    {"สถานเอกอัครราชทูต", "office", NULL},
    {"ด่านศุลกากร", "office", NULL},
};

/* The length of the prefix word an organisation's name opens with, or 0. */
static size_t prefix_of(const char *name)
{
    /* Asked for many candidates and nearly always failing within a few bytes: compare as it
     * goes rather than strlen and strncmp per word (issue 10). */
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        const char *word = prefixes[i].word;
        size_t n = 0;
        while (word[n] && name[n] == word[n])
            n++;
        if (!word[n])
            return n;
    }
    return 0;
}

static size_t digits_end(const struct xdoc *d, size_t b)
{
    size_t w;
    while (b < d->len && xd_digit_at(d, b)) {
        xd_cp(d, b, &w);
        b += w;
    }
    return b;
}

/* Verbs and modals that news glues to the subject's name (ธนาคารต้องขออภัย, กรมชลประทานนั้น,
 * กองทุนน้ำมันเชื้อเพลิงควรพิจารณา, ธนาคารสมาชิกสามารถ…, บริษัทญี่ปุ่นเกี่ยวกับ…: issue 9). */
static const char *const name_enders[] = {
    "ต้อง",  "นั้น",    "มอบ",    "เปิด",     "รับ",     "เดินหน้า",  "พิจารณา", "ร้อง",
    "คำนึง", "ดำเนิน", "แจ้ง",    "ประกาศ",  "เตรียม",  "สั่ง",      "ลงนาม",  "แถลง",
    "เชิญ",  "อยู่",    "พยากรณ์", "ขับเคลื่อน", "ชี้แจง",   "ยืนยัน",    "เร่ง",    "ห่วง",
    "ขอ",   "เผย",   "ควร",    "สามารถ",  "เกี่ยวกับ", "เกี่ยวข้อง", "เกี่ยว",   "กำลัง"};

/* Function words that names hold when glued inside them: และ and ของ
 * (กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์), ทาง (สำนักก่อสร้างทางที่ 1, กรมการขนส่งทางราง),
 * กลาง (กองอำนวยการป้องกันและบรรเทาสาธารณภัยกลาง), ต่าง as the noun ต่างประเทศ
 * (องค์การส่งเสริมการค้าต่างประเทศของญี่ปุ่น), and ใน before a royal patronage
 * (สมาคมถ่ายภาพแห่งประเทศไทยในพระบรมราชูปถัมภ์): issue 9, error class 1. Other ใน glued to a run
 * opens the clause's place or purpose (ศูนย์กลางในการพัฒนา). */
static const char *const inner_words[] = {
    "และ",          "ของ",        "ทาง",        "กลาง", "ต่างประเทศ", "ในพระบรมราชูปถัมภ์",
    "ในพระราชูปถัมภ์", "ในพระอุปถัมภ์", "ในสมเด็จพระ", NULL};

static bool has_any(const struct xdoc *d, size_t b, const char *const *words)
{
    for (; *words; words++)
        if (xd_has(d, b, *words))
            return true;
    return false;
}

/* เพื่อ before a noun (การ…, ความ…, ผู้…) right after an opener states the body's purpose, which
 * is its name (กองทุนเพื่อความเสมอภาคทางการศึกษา, องค์การเพื่อความร่วมมือทางเศรษฐกิจและการพัฒนา);
 * before a verb it opens a clause (ศูนย์เพื่อรองรับ…): issue 9, error class 1. */
static bool purpose_at(const struct xdoc *d, size_t b)
{
    static const char *const nouns[] = {"การ", "ความ", "ผู้", NULL};
    return xd_has(d, b, "เพื่อ") && has_any(d, b + strlen("เพื่อ"), nouns);
}

/* Whether the token ending at e is a word that makes a noun of the word after it (การ, ความ)
 * or joins one on (เพื่อ, และ, ของ): a name never ends there, so a function word after it is
 * inside the name (องค์การเพื่อความร่วมมือ…) and a tagger's span ending there is cut short
 * (มูลนิธิเพื่อการ, ธนาคารเพื่อการส่งออกและ): issue 9, error class 1. */
static bool nominaliser_before(const struct xdoc *d, size_t e)
{
    static const char *const words[] = {"การ", "ความ", "เพื่อ", "และ", "ของ"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        if (e >= n && memcmp(d->text + e - n, words[i], n) == 0 && xd_token_start(d, e - n))
            return true;
    }
    return false;
}

/* Whether a nominaliser (การ, ความ) opens a noun at b: a clause's verb never starts so, so a
 * name the tagger ends just before it runs on (องค์การส่งเสริม|การค้าต่างประเทศ; issue 9,
 * error class 1). */
static bool noun_opens_at(const struct xdoc *d, size_t b)
{
    static const char *const nouns[] = {"การ", "ความ", NULL};
    return has_any(d, b, nouns);
}

/* Whether the token ending at e, after b, is the one word glued on after และ: the joined part
 * of a name is mostly a compound the tagger cuts after its first word
 * (สำนักพัฒนาและบำรุง|รักษาทางน้ำ; issue 9, error class 1). */
static bool joined_word_before(const struct xdoc *d, size_t b, size_t e)
{
    size_t n = strlen("และ"), p = e - 1;
    while (p > b && !xd_token_start(d, p))
        p--;
    return p >= b + n && memcmp(d->text + p - n, "และ", n) == 0 && xd_token_start(d, p - n);
}

/* Royal ranks written after กรม (กรมสมเด็จพระ…, กรมหลวง…) make a title, not a department. */
static const char *const royal_ranks[] = {"สมเด็จ", "หลวง", "หมื่น", "ขุน"};

/* Words a Thai abbreviation may be glued to without a space (ระหว่างพม. และสสส.). */
static const char *const glue_words[] = {"ระหว่าง", "และ", "กับ", "ของ", "โดย", "จาก", "แก่", "ต่อ"};

static bool ends_with(const struct xdoc *d, size_t b, const char *word)
{
    size_t n = strlen(word);
    return b >= n && memcmp(d->text + b - n, word, n) == 0;
}

/* An abbreviation must not continue a Thai word: พม. inside ปพม. is another abbreviation. */
static bool abbreviation_may_start(const struct xdoc *d, size_t b)
{
    if (!xd_is_thai(xd_cp_before(d, b)))
        return true;
    for (size_t i = 0; i < sizeof glue_words / sizeof glue_words[0]; i++)
        if (ends_with(d, b, glue_words[i]))
            return true;
    return false;
}

static bool covered(const struct cands *cs, size_t b, size_t e)
{
    return xd_claimed(cs->claimed, b, e);
}

static bool ascii_alnum(char c);

/* A hashtag is one phrase: a name glued inside it (#สื่อสารรัฐบาลไทย, #ประชุมสภา) is a word of
 * that phrase, not the body, while a name that opens it (#กระทรวงมหาดไทย) is written there
 * (issue 9). Whether b lies inside a hashtag past its first character. */
static bool inside_hashtag(const struct xdoc *d, size_t b)
{
    for (size_t p = b; p > 0;) {
        uint32_t cp = xd_cp_before(d, p);
        if (cp == '#')
            return p < b;
        if (!xd_is_thai(cp) && !(cp < 0x80 && (ascii_alnum((char)cp) || cp == '_')))
            return false;
        do
            p--;
        while (p > 0 && (d->text[p] & 0xC0) == 0x80);
    }
    return false;
}

static enum tg_status push(struct cands *cs, struct cand c)
{
    struct cand *grown = xd_claim(cs->c, &cs->n, &cs->cap, &c, sizeof c, cs->claimed, c.b, c.e);
    if (grown)
        cs->c = grown;
    return grown ? TG_OK : TG_ERR_NOMEM;
}

/* End of the token holding b, or the next code point when no token does. */
static size_t next_boundary(const struct xdoc *d, size_t b)
{
    size_t e = xd_token_after(d, b);
    if (e > b)
        return e;
    size_t w, s = b;
    xd_cp(d, s, &w);
    for (s += w; s < d->len; s += w)
        if (xd_token_start(d, s) || tg_text_is_blank(xd_cp(d, s, &w)))
            break;
    return s;
}

static bool ends_with_country(const struct xdoc *d, size_t b, size_t e);

/* Whether the tagger's organisation span that starts at or before b reaches e. */
static bool ner_org_covers(const struct xdoc *d, size_t b, size_t e)
{
    for (size_t i = 0; i < d->n_ner; i++)
        if (d->ner[i].type == TG_NER_ORGANISATION && d->ner[i].byte_start <= b &&
            d->ner[i].byte_end >= e)
            return true;
    return false;
}

/* Whether the number at b opens a date (มหาวิทยาลัยขอนแก่น 20 ธันวาคม 2510, หนังสือพิมพ์ผู้จัดการ
 * 2/21/2004): it is the date's, not a number in the name before it (เขต 3; issue 9, class 1). */
static bool number_opens_date(const struct xdoc *d, size_t b)
{
    size_t e = digits_end(d, b);
    return xd_date_overlaps(d, b, e) ||
           (e + 1 < d->len && d->text[e] == '/' && xd_digit_at(d, e + 1));
}

/* ธนาคารกรุงไทยรายงาน, รพ.เด็กนำตัวไป: where the tagger's organisation span from b ends inside a
 * run read as a name, past lo and before e, at a word that is not a glued และ (a name holds it),
 * not the noun a nominaliser opens nor a nominaliser, and not just after the one word glued on
 * after และ, the rest of the run is the clause's verb. Returns that end, or e (issue 9, error
 * class 1). */
static size_t tagged_end_inside(const struct xdoc *d, size_t b, size_t lo, size_t e)
{
    for (size_t i = 0; i < d->n_ner; i++) {
        size_t end = d->ner[i].byte_end;
        if (d->ner[i].type == TG_NER_ORGANISATION && d->ner[i].byte_start == b && end > lo &&
            end < e && xd_token_start(d, end) && !xd_has(d, end, "และ") &&
            !nominaliser_before(d, end) && !noun_opens_at(d, end) && !joined_word_before(d, b, end))
            return end;
    }
    return e;
}

static bool inside_position(const struct xdoc *d, size_t b, size_t e);

static size_t latin_run(const struct xdoc *d, size_t b, bool *named);

/* The end of a Latin name ending at e with its Thai tail, when a space and a run of Thai words
 * ending with ประเทศไทย follow: the body's Thai chapter (ชมรม STRONG ต้านทุจริตประเทศไทย,
 * มูลนิธิ Chef Cares ประเทศไทย). A function word makes the run a clause (ศูนย์ RIC ในประเทศไทย,
 * กลุ่ม BRICS ของประเทศไทย): issue 9. */
static size_t latin_thai_tail(const struct xdoc *d, size_t e)
{
    if (e >= d->len || d->text[e] != ' ' || !xd_is_thai(xd_cp(d, e + 1, NULL)))
        return e;
    size_t run = xd_thai_run(d, e + 1);
    if (!ends_with(d, run, "ประเทศไทย"))
        return e;
    for (size_t p = e + 1; p < run; p++)
        if (xd_token_start(d, p) && xd_stop_word_at(d, p))
            return e;
    return run;
}

/* Where one blank at most, of any width, after e ends. */
static size_t one_blank(const struct xdoc *d, size_t e)
{
    size_t w = 0;
    if (e < d->len && tg_text_is_blank(xd_cp(d, e, &w)))
        return e + w;
    return e;
}

/*
 * The end of a disease's number or Latin name written after its Thai name, which ends at e,
 * or e: a body named after a disease keeps it whole (ศูนย์บริหารสถานการณ์โควิด-19, โควิด - 19,
 * …ไวรัสโคโรนา 2019, …ติดเชื้อไวรัส COVID-19), where the run of Thai words stops at the dash,
 * the digits or the space before them (issue 9, error class 1).
 */
static size_t disease_end(const struct xdoc *d, size_t e)
{
    size_t at = one_blank(d, e);
    if (ends_with(d, e, "ไวรัส") && at > e && xd_has(d, at, "COVID"))
        e = at + strlen("COVID");
    else if (!ends_with(d, e, "โควิด") && !ends_with(d, e, "COVID")) {
        /* โคโรนา 2019: the year the virus was found. */
        return ends_with(d, e, "โคโรนา") && xd_has(d, at, "2019") && !xd_digit_at(d, at + 4)
                   ? at + 4
                   : e;
    }
    size_t p = one_blank(d, e);
    if (p < d->len && d->text[p] == '-')
        p = one_blank(d, p + 1);
    return xd_has(d, p, "19") && !xd_digit_at(d, p + 2) ? p + 2 : e;
}

/* Reads a name opened by prefix word at b: the glued run of Thai words after it, up to a
 * function word other than the และ and ของ that names contain, or 20 words. A prefix alone
 * (ระดับกระทรวง กรม) or followed by a function word (กระทรวงที่…) is no name. */
static bool prefix_name(const struct xdoc *d, size_t b, bool inside_token, struct cand *out)
{
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        if (!xd_has(d, b, prefixes[i].word))
            continue;
        size_t q = b + strlen(prefixes[i].word);
        /* A bare opener + ฯ (สภาฯ, กระทรวงฯ), one token, is the body of that kind the text is
         * about (issue 9). */
        bool bare = xd_cp(d, q, NULL) == 0x0E2F && xd_token_end(d, q + 3);
        if (!inside_token && !xd_token_end(d, q) && !bare)
            continue;
        /* A Latin name a space after the opener is the body's (ศูนย์ AOC, บริษัท JJR Science and
         * Technology Group), and a company, a news outlet or a body whose Latin name says what
         * it is (สถาบัน Nuclear Research Institute) goes by that name alone (issue 9). Thai
         * words before a Latin name mostly describe (บริษัทผู้ผลิต PCB), so only the opener counts.
         * A board or a programme with a Latin name is the body's own (คณะกรรมการ UAI). */
        bool named = false, latin = !prefixes[i].tail && strcmp(prefixes[i].kind, "council") != 0 &&
                                    strcmp(prefixes[i].word, "คณะ") != 0;
        size_t le = latin && q < d->len && d->text[q] == ' ' && xd_latin_upper_at(d, q + 1)
                        ? latin_run(d, q + 1, &named)
                        : q;
        if (le >= q + 3) {
            bool firm = named || strcmp(prefixes[i].word, "บริษัท") == 0 ||
                        strcmp(prefixes[i].kind, "media") == 0;
            *out = (struct cand){.b = firm ? q + 1 : b,
                                 .e = latin_thai_tail(d, le),
                                 .q = q + 1,
                                 .source = FROM_PREFIX,
                                 .kind = prefixes[i].kind,
                                 .org = -1};
            return true;
        }
        /* A verb right after the opener (กระทรวงอยู่…) leaves it the common noun; so does การ
         * before it (การธนาคารเพื่อความยั่งยืน is banking, not a bank), unless it ends a title
         * (ผู้อำนวยการสำนักงาน…): issue 9. */
        if (!bare && (!xd_is_thai(xd_cp(d, q, NULL)) ||
                      (xd_stop_word_at(d, q) && !purpose_at(d, q) &&
                       !(ends_with(d, q, "วิจัย") && xd_has(d, q, "และ") &&
                         !tg_text_is_blank(xd_cp(d, q + strlen("และ"), NULL)))) ||
                      xd_word_at(d, q, name_enders, sizeof name_enders / sizeof *name_enders) ||
                      (ends_with(d, b, "การ") && xd_token_start(d, b - strlen("การ")) &&
                       !inside_position(d, b - strlen("การ"), b))))
            return false;
        /* คณะ opens a faculty (คณะแพทยศาสตร์); a delegation or a working group (คณะผู้แทน,
         * คณะทำงาน) is a kind of body, not one. */
        if (strcmp(prefixes[i].word, "คณะ") == 0 &&
            !xd_find(d->text + q, xd_thai_run(d, q) - q, "ศาสตร์", strlen("ศาสตร์")))
            return false;
        for (size_t k = 0; k < sizeof royal_ranks / sizeof *royal_ranks; k++)
            if (xd_has(d, q, royal_ranks[k]))
                return false;
        if (xd_venue_at(d, b))
            return false;
        size_t e = q;
        bool truncated = false;
        for (unsigned words = 0; words < 20 && e < d->len; words++) {
            uint32_t cp = xd_cp(d, e, NULL);
            if (cp == 0x0E2F) {
                e += 3;
                truncated = true;
                break;
            }
            /* A function word ends the name, unless names hold it or the tagger reads the name
             * on past it (คณะกรรมการเฉพาะกิจเพื่อบูรณาการด้านการแพทย์และสาธารณสุข). */
            /* กระทรวง A และกระทรวง B are two (issue 9, error class 1). */
            if (e > q && xd_has(d, e, "และ") && prefix_of(d->text + e + strlen("และ")))
                break;
            if (e > q && ((xd_stop_word_at(d, e) && !has_any(d, e, inner_words) &&
                           !ner_org_covers(d, b, e + 1) && !nominaliser_before(d, e)) ||
                          xd_word_at(d, e, name_enders, sizeof name_enders / sizeof *name_enders)))
                break;
            size_t sick = e > q ? disease_end(d, e) : e;
            if (sick > e) {
                e = sick;
                continue;
            }
            if (!xd_is_thai(cp))
                break;
            size_t next = next_boundary(d, e);
            size_t run = xd_thai_run(d, e);
            e = next < run ? next : run;
        }
        /* The tagger ends the name inside the run (tagged_end_inside), but a foreign body's
         * name runs to its country. */
        if (!ends_with_country(d, q, e))
            e = tagged_end_inside(d, b, q + 6, e);
        if ((e - q < 6 && !(bare && truncated)) ||
            (prefixes[i].tail && !ends_with(d, e, prefixes[i].tail)))
            return false;
        *out = (struct cand){.b = b,
                             .e = e,
                             .q = q,
                             .source = FROM_PREFIX,
                             .kind = prefixes[i].kind,
                             .truncated = truncated,
                             .org = -1};
        return true;
    }
    return false;
}

static bool is_province_key(const struct xdoc *d, size_t b, size_t e)
{
    const struct tg_gazetteer_entry *entry;
    size_t n;
    return tg_gazetteer_find(d->ex->gazetteer, d->text + b, e - b,
                             TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE), &entry, 1, &n) == TG_OK;
}

/* Whether the dotted abbreviation at [b, e) stands for an organisation where it is written
 * (issue 9, error class 3): right after a number it is a unit (5 กก. is kilograms, 500 มก.
 * milligrams), and glued to a name or a number it is a title (สท.สมชาย, a councillor; มท.1). A
 * verb or function word glued after it (พม.จับมือ) leaves it an organisation. */
static bool abbreviation_stands(const struct xdoc *d, size_t b, size_t e)
{
    size_t p = b;
    p = xd_skip_spaces_back(d, 0, p);
    uint32_t before = xd_cp_before(d, p);
    if (tg_numbers_digit_value(before) >= 0)
        return false;
    uint32_t after = xd_cp(d, e, NULL);
    if (tg_numbers_digit_value(after) >= 0)
        return false;
    return !xd_is_thai(after) || xd_stop_word_at(d, e) ||
           xd_word_at(d, e, name_enders, sizeof name_enders / sizeof *name_enders);
}

static bool province_at(const struct xdoc *d, size_t b)
{
    const struct tg_gazetteer_entry *entry;
    size_t n;
    return tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b,
                                 TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE), &entry, &n) == TG_OK;
}

/* The tagger's organisation span holding [b, e), or NULL. */
static const struct tg_ner_span *ner_org(const struct xdoc *d, size_t b, size_t e)
{
    for (size_t i = 0; i < d->n_ner; i++)
        if (d->ner[i].type == TG_NER_ORGANISATION && d->ner[i].byte_start <= b &&
            d->ner[i].byte_end >= e)
            return &d->ner[i];
    return NULL;
}

static bool tagged_exactly(const struct xdoc *d, size_t b, size_t e)
{
    const struct tg_ner_span *s = ner_org(d, b, e);
    return s && s->byte_start == b && s->byte_end == e;
}

/* Bangkok's offices are several, one per numbered area (สำนักงานจัดหางานกรุงเทพมหานคร พื้นที่ 1,
 * สำนักงานประกันสังคมกรุงเทพมหานครพื้นที่ 3): where a name ending at e ends, or goes on, with
 * กรุงเทพมหานคร and an area, where the area's number starts; else 0 (issue 9, error class 1). */
static size_t bangkok_area(const struct xdoc *d, size_t e)
{
    static const char city[] = "กรุงเทพมหานคร", area[] = "พื้นที่";
    size_t p = e;
    if (xd_has(d, p, city))
        p += strlen(city);
    else if (!ends_with(d, e, city))
        return 0;
    size_t a = xd_skip_spaces(d, p);
    if (a - p > 1 || !xd_has(d, a, area))
        return 0;
    size_t n = xd_skip_spaces(d, a + strlen(area));
    return n - (a + strlen(area)) <= 1 && xd_digit_at(d, n) ? n : 0;
}

/* A range of areas (สำนักงานจัดหางานกรุงเทพมหานครพื้นที่ 1 - 10) is several offices, not one. */
static bool bangkok_areas(const struct xdoc *d, size_t e)
{
    size_t n = bangkok_area(d, e), r = n ? xd_skip_spaces(d, digits_end(d, n)) : 0;
    return n && r < d->len && d->text[r] == '-' && xd_digit_at(d, xd_skip_spaces(d, r + 1));
}

/* The end of one area's number after a name ending at e, or e. */
static size_t bangkok_area_end(const struct xdoc *d, size_t e)
{
    size_t n = bangkok_area(d, e);
    return n && !bangkok_areas(d, e) ? digits_end(d, n) : e;
}

/* A gazetteer organisation at b; a provincial office stem takes the province glued after it. */
static bool gazetteer_name(const struct xdoc *d, size_t b, struct cand *out)
{
    const struct tg_gazetteer *g = d->ex->gazetteer;
    const struct tg_gazetteer_entry *entry;
    size_t n;
    if (tg_gazetteer_match_at(g, d->text, d->len, b, TG_GAZETTEER_MASK(TG_GAZETTEER_ORGANISATION),
                              &entry, &n) != TG_OK)
        return false;
    /* A known abbreviation glued to the words around it (กกต.ได้มีมติ, text written without
     * spaces) is the organisation where the tagger reads exactly it as one, unless a province
     * is glued after it: สอจ.เพชรบุรี is that province's office, which the provincial stem
     * reads below, not the stem alone. */
    const char *kind = tg_gazetteer_entry_kind(entry);
    bool provincial = kind && strcmp(kind, "provincial_office") == 0;
    if (d->text[b + n - 1] == '.' &&
        !(provincial && abbreviation_may_start(d, b) && province_at(d, b + n)) &&
        (!abbreviation_may_start(d, b) || !abbreviation_stands(d, b, b + n)) &&
        (!tagged_exactly(d, b, b + n) || province_at(d, b + n)))
        return false;
    /* A name glued after แห่ง ends another's (ทศวรรษแห่งสหประชาชาติ, การแข่งขัน…แห่งอาเซียน):
     * that body is not itself the organisation written there (issue 9, error class 1). */
    if (is_province_key(d, b, b + n) || ends_with(d, b, "แห่ง"))
        return false;
    *out = (struct cand){.b = b, .e = b + n, .source = FROM_GAZETTEER, .entry = entry, .org = -1};
    const struct tg_gazetteer_entry *prov;
    size_t pn;
    if (provincial) {
        size_t at = xd_skip_spaces(d, b + n);
        bool short_form = d->text[b + n - 1] == '.';
        if (at - (b + n) > 1 ||
            tg_gazetteer_match_at(g, d->text, d->len, at, TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE),
                                  &prov, &pn) != TG_OK ||
            !xd_token_end(d, at + pn))
            /* The stem of any province's office (สำนักงานแรงงานจังหวัด) names none; written short
             * (พมจ.) it is the stem the article speaks of. */
            return short_form;
        /* พมจ.สงขลา is that province's office, named in full (issue 9, error class 9). */
        out->stem_end = b + n;
        out->prov_b = at;
        out->e = at + pn;
        out->e = bangkok_area_end(d, out->e);
    }
    return true;
}

/* A position title at b (ปลัดกระทรวง) may swallow the start of the organisation that follows
 * it; returns where that organisation starts, or 0. */
static size_t after_position(const struct xdoc *d, size_t b)
{
    const struct tg_gazetteer_entry *entry;
    size_t n;
    if (tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b,
                              TG_GAZETTEER_MASK(TG_GAZETTEER_POSITION), &entry, &n) != TG_OK)
        return 0;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (ends_with(d, b + n, prefixes[i].word))
            return b + n - strlen(prefixes[i].word);
    /* ผู้ว่าการรถไฟแห่งประเทศไทย: the title's การ opens a state enterprise the gazetteer knows. */
    const struct tg_gazetteer_entry *org;
    size_t on, k = strlen("การ");
    if (ends_with(d, b + n, "การ") &&
        tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b + n - k,
                              TG_GAZETTEER_MASK(TG_GAZETTEER_ORGANISATION), &org, &on) == TG_OK &&
        on > k)
        return b + n - k;
    return b + n;
}

/* The length of the country's name written at b (any country, glued or not), or 0. */
static size_t nation_len(const struct xdoc *d, size_t b, const struct tg_gazetteer_entry **entry)
{
    size_t n;
    return b < d->len && tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b,
                                               TG_GAZETTEER_MASK(TG_GAZETTEER_COUNTRY), entry,
                                               &n) == TG_OK
               ? n
               : 0;
}

static size_t country_at(const struct xdoc *d, size_t b)
{
    const struct tg_gazetteer_entry *entry;
    size_t n = nation_len(d, b, &entry);
    if (!n || !xd_token_end(d, b + n))
        return 0;
    /* ไทย glued after a name is an adjective (สถาบันอุดมศึกษาไทย), not a foreign country. */
    return strcmp(tg_gazetteer_entry_name(entry), "ประเทศไทย") == 0 ? 0 : n;
}

/* Whether a country's name ends [b, e) (at a token start within it). */
static bool ends_with_country(const struct xdoc *d, size_t b, size_t e)
{
    for (size_t p = b; p < e; p++) {
        size_t n = xd_token_start(d, p) ? country_at(d, p) : 0;
        if (n && p + n == e)
            return true;
    }
    return false;
}

/* Words that count what a number before them numbers (80 ล้านบาท, 10 แห่ง). */
static const char *const counters[] = {"แห่ง", "คน",    "ราย", "ไร่",   "ล้าน",    "พัน",
                                       "หมื่น", "แสน",   "บาท", "ปี",    "วัน",     "เดือน",
                                       "ครั้ง", "ภูมิภาค", "บัญชี", "หน่วย", "โรงเรียน"};

/* Units of the country that count when they stand alone (ศูนย์อพยพ 7 จังหวัด), but open a place's
 * name when one is glued after them (กองบิน 7 ตำบลมะลวน). */
static const char *const place_counters[] = {"จังหวัด", "อำเภอ", "ตำบล"};

/*
 * Whether the number at b counts or lists rather than numbers the name before it (issue 9,
 * error class 1): with thousands or decimals (ธนาคารระงับเอง 300,000 บัญชี), followed by a
 * counter (กองทุน… 80 ล้านบาท, ศูนย์ 10 แห่ง), or an item number of a list (… จังหวัดศรีสะเกษ 5.
 * ศูนย์…), whose dot ends a number glued to nothing.
 */
static bool quantity_at(const struct xdoc *d, size_t b)
{
    size_t e = digits_end(d, b);
    if (e < d->len && (d->text[e] == ',' || d->text[e] == '.') &&
        (xd_digit_at(d, e + 1) || e + 1 >= d->len || tg_text_is_blank(xd_cp(d, e + 1, NULL))))
        return true;
    size_t at = xd_skip_spaces(d, e);
    if (at - e > 1)
        return false;
    for (size_t i = 0; i < sizeof place_counters / sizeof *place_counters; i++)
        if (xd_has(d, at, place_counters[i]) &&
            !xd_is_thai(xd_cp(d, at + strlen(place_counters[i]), NULL)))
            return true;
    return xd_word_at(d, at, counters, sizeof counters / sizeof *counters);
}

/*
 * Where a name's written run stops short of the name (issue 9, error class 1): a number
 * belongs to it (ศูนย์บริหารสถานการณ์โควิด-19, กองบิน 6, สำนักก่อสร้างทางที่ 1), a company runs to its
 * legal form (บริษัท หัวเว่ย เทคโนโลยี่ (ประเทศไทย) จำกัด), a foreign body ends with its country
 * (กระทรวงการต่างประเทศจีน), and a name the tagger reads across a space takes the words it covers
 * (มหาวิทยาลัยจอนส์ ฮอปกินส์).
 */
static size_t extend_name(const struct xdoc *d, size_t b, size_t e, bool company)
{
    if (company) {
        /* The legal form closes a company's name within its line. */
        size_t limit = e + 240 < d->len ? e + 240 : d->len;
        const char *nl = memchr(d->text + e, '\n', limit - e);
        const char *form =
            xd_find(d->text + e, (size_t)((nl ? nl : d->text + limit) - (d->text + e)), "จำกัด",
                    strlen("จำกัด"));
        /* A clause between the opener and a จำกัด further on means the form is another's
         * (สหกรณ์โคนม จำนวน 6 แห่ง … บริษัท … จำกัด). */
        for (size_t p = e; form && p < (size_t)(form - d->text); p++)
            if (tg_text_is_blank(xd_cp_before(d, p)) && xd_stop_word_at(d, p) &&
                !xd_has(d, p, "และ") && !xd_has(d, p, "ของ"))
                form = NULL;
        if (form) {
            size_t f = (size_t)(form - d->text) + strlen("จำกัด");
            size_t m = xd_skip_spaces(d, f);
            if (xd_has(d, m, "(มหาชน)"))
                f = m + strlen("(มหาชน)");
            return f;
        }
    }
    size_t n;
    if (bangkok_area_end(d, e) > e)
        e = bangkok_area_end(d, e);
    else if (e < d->len && d->text[e] == '-' && xd_digit_at(d, e + 1))
        e = digits_end(d, e + 1);
    else if (xd_has(d, e, "ที่") && xd_digit_at(d, xd_skip_spaces(d, e + strlen("ที่"))))
        e = digits_end(d, xd_skip_spaces(d, e + strlen("ที่")));
    else if (xd_skip_spaces(d, e) - e <= 1 && xd_digit_at(d, xd_skip_spaces(d, e)) &&
             digits_end(d, xd_skip_spaces(d, e)) - xd_skip_spaces(d, e) <= 3 &&
             !xd_is_thai(xd_cp(d, digits_end(d, xd_skip_spaces(d, e)), NULL)) &&
             !quantity_at(d, xd_skip_spaces(d, e)) && !number_opens_date(d, xd_skip_spaces(d, e)))
        e = digits_end(d, xd_skip_spaces(d, e));
    else if ((n = country_at(d, xd_skip_spaces(d, e))) && xd_skip_spaces(d, e) - e <= 1)
        e = xd_skip_spaces(d, e) + n;
    const struct tg_ner_span *s = ner_org(d, b, e);
    /* A Latin name ends where its capitalised words do (ศูนย์ AOC ตร.: the police's). */
    if (s && s->byte_end > e && s->byte_end - e < 60 && tg_text_is_blank(xd_cp(d, e, NULL)) &&
        xd_is_thai(xd_cp_before(d, e)) && !memchr(d->text + e, '\n', s->byte_end - e) &&
        !xd_stop_word_at(d, xd_skip_spaces(d, e)))
        e = s->byte_end;
    return e;
}

/* Places and areas a stem names without a name of its own: สำนักงานแรงงานจังหวัด, ที่ว่าการ
 * อำเภอ and สำนักงานเขต are any province's, district's or area's. */
static const char *const generic_tails[] = {"จังหวัด", "อำเภอ", "ตำบล",   "เขต",  "พื้นที่",
                                            "ระดับ",  "ภาค",   "ประเทศ", "ชุมชน", "หมู่บ้าน"};

/* Openers after which a nationality alone makes a kind of body (มหาวิทยาลัยไทย, บริษัทญี่ปุ่น):
 * every country has many. An embassy or a government of a country is one. */
static const char *const many_per_country[] = {"บริษัท",  "มหาวิทยาลัย", "โรงเรียน", "โรงพยาบาล",
                                               "สถาบัน", "องค์กร",     "หน่วยงาน"};

/* What follows an opener to describe a kind of body rather than name one (บริษัทภาคเอกชน,
 * สำนักงานใหญ่, หน่วยงานรัฐ, สถาบันอุดมศึกษาไทย, องค์กรปกครองส่วนท้องถิ่น), with or without a
 * nationality after it. */
static const char *const kind_words[] = {"ภาคเอกชน", "เอกชน",   "ภาครัฐ",     "รัฐ",
                                         "ใหญ่",      "ต่างชาติ",  "ต่างประเทศ", "ชั้นนำ",
                                         "อุดมศึกษา",  "การศึกษา", "ท้องถิ่น",     "ปกครองส่วนท้องถิ่น",
                                         "ในสังกัด",   "ดังกล่าว"};

/* Openers with a sector that always make a kind of body, whatever describes it after them: the
 * thaigov corpus names no one body so (สถาบันการเงินเฉพาะกิจ, สถาบันการเงินเจ้าหนี้, สถาบันการศึกษา
 * และภาคเอกชน; issue 9, error class 2). */
static const char *const sector_kinds[] = {"สถาบันการเงิน", "สถาบันการศึกษา"};

/* Words after a name that make it several bodies or one already named (มหาวิทยาลัยเทคโนโลยีราชมงคล
 * ทั้ง 9 แห่ง, สำนักงานเขตทุกแห่ง, ศูนย์แห่งนี้). */
static const char *const set_words[] = {"ทุกแห่ง", "หลายแห่ง", "แห่งนี้", "ต่าง ๆ", "ต่างๆ", "เหล่านี้"};

/*
 * Whether [b, e), opened by a word that ends at q, stands for a kind or a set of bodies, not
 * one (issue 9, error class 2): the opener with only a nationality after it, where a country
 * has many such bodies; the opener with a word describing a kind, with or without a
 * nationality; or a name followed or ended by a word counting places (ทั้ง 9 แห่ง, ทุกแห่ง).
 */
static bool kind_of_body(const struct xdoc *d, size_t b, size_t q, size_t e)
{
    for (size_t i = 0; i < sizeof sector_kinds / sizeof *sector_kinds; i++)
        if (xd_has(d, b, sector_kinds[i]))
            return true;
    for (size_t p = q; p < e; p++)
        if (xd_token_start(d, p) &&
            xd_word_at(d, p, set_words, sizeof set_words / sizeof *set_words))
            return true;
    size_t after = xd_skip_spaces(d, e);
    if (after - e <= 1) {
        if (xd_word_at(d, after, set_words, sizeof set_words / sizeof *set_words))
            return true;
        if (xd_has(d, after, "ทั้ง"))
            after = xd_skip_spaces(d, after + strlen("ทั้ง"));
        if (xd_digit_at(d, after) && xd_has(d, xd_skip_spaces(d, digits_end(d, after)), "แห่ง"))
            return true;
    }
    size_t rest = e;
    const struct tg_gazetteer_entry *nation;
    for (size_t p = q; p < e; p++) {
        size_t n = xd_token_start(d, p) ? nation_len(d, p, &nation) : 0;
        if (n && p + n == e) {
            rest = ends_with(d, p, "ของ") ? p - strlen("ของ") : p;
            break;
        }
    }
    if (rest == q && rest < e)
        return xd_word_at(d, b, many_per_country,
                          sizeof many_per_country / sizeof *many_per_country);
    /* The tagger may run on past the words that describe (สำนักงานใหญ่ และ JETRO กรุงเทพฯ). */
    size_t w;
    for (size_t p = q; p < rest; p += w)
        if (tg_text_is_blank(xd_cp(d, p, &w)))
            rest = p;
    for (size_t i = 0; i < sizeof kind_words / sizeof *kind_words; i++)
        if (rest - q == strlen(kind_words[i]) && xd_has(d, q, kind_words[i]))
            return true;
    return false;
}

/* Whether a run opened by a prefix word names one organisation rather than a kind of them
 * (องค์กรใหญ่, ศูนย์พักพิง, สถาบันการเงิน: issue 9, error class 2). It names one when the tagger
 * sees an organisation there, when it carries a number, a country, a legal form or a Latin
 * name, or when what follows the prefix is long; never when it ends with a stem that waits for
 * a place's name. */
static bool names_one(const struct xdoc *d, size_t b, size_t q, size_t e)
{
    for (size_t i = 0; i < sizeof generic_tails / sizeof *generic_tails; i++)
        if (ends_with(d, e, generic_tails[i]))
            return false;
    if (kind_of_body(d, b, q, e))
        return false;
    if (ner_org(d, b + (e - b) / 4, e - (e - b) / 4) || xd_digit_at(d, e - 1) ||
        xd_find(d->text + b, e - b, "จำกัด", strlen("จำกัด")) || country_at(d, e) ||
        !xd_is_thai(xd_cp_before(d, e)))
        return true;
    /* Long openers (กองบัญชาการ) leave less to read after them. */
    return tg_utf8_count(d->text + q, e - q) >= 12 || tg_utf8_count(d->text + b, e - b) >= 20;
}

/* Words that open the name of a body with a legal form (issue 9, error class 1): a company or
 * a cooperative is named up to its จำกัด (without it, สหกรณ์โคนม is a kind of body, so these
 * are no prefixes); a partnership writes the form first
 * (ห้างหุ้นส่วนจำกัด กัญญาภัทรการโยธา) and its name is the word after it. */
static const char *const legal_openers[] = {"บริษัท", "ชุมนุมสหกรณ์", "สหกรณ์", "ห้างหุ้นส่วนจำกัด",
                                            "ห้างหุ้นส่วนสามัญ"};

static size_t legal_opener(const struct xdoc *d, size_t b)
{
    for (size_t i = 0; i < sizeof legal_openers / sizeof *legal_openers; i++)
        if (xd_has(d, b, legal_openers[i]))
            return strlen(legal_openers[i]);
    return 0;
}

/* บริษัท การบินไทย จำกัด (มหาชน), ชุมนุมสหกรณ์โคนมภาคใต้และตะวันตก จำกัด: the opener, a name of
 * words, spaces and brackets, and the legal form that closes it within the line. */
static bool company(const struct xdoc *d, size_t b, struct cand *out)
{
    size_t q = b + legal_opener(d, b), at = xd_skip_spaces(d, q);
    if (q == b || xd_stop_word_at(d, at))
        return false;
    size_t e;
    if (ends_with(d, q, "จำกัด") || ends_with(d, q, "สามัญ"))
        e = at - q <= 1 && xd_is_thai(xd_cp(d, at, NULL)) ? xd_thai_run(d, at) : q;
    else
        e = extend_name(d, b, q, true);
    /* Without its legal form, a company with a Latin name goes by that name (prefix_name). */
    bool form = xd_find(d->text + q, e - q, "จำกัด", strlen("จำกัด")) != NULL;
    if (e == q || e - q > 240 || kind_of_body(d, b, at, e) || (!form && xd_latin_upper_at(d, at)))
        return false;
    *out =
        (struct cand){.b = b, .e = e, .q = at, .source = FROM_PREFIX, .kind = "other", .org = -1};
    return true;
}

/* รัฐบาลจีน, รัฐบาลไทย: a government named by its country is an organisation (รัฐบาล alone, the
 * Thai government of the day, is not). */
static bool government(const struct xdoc *d, size_t b, struct cand *out)
{
    size_t q = b + strlen("รัฐบาล");
    if (!xd_has(d, b, "รัฐบาล"))
        return false;
    size_t at = xd_skip_spaces(d, q);
    const struct tg_gazetteer_entry *entry;
    size_t n;
    if (at - q > 1 ||
        tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, at,
                              TG_GAZETTEER_MASK(TG_GAZETTEER_COUNTRY), &entry, &n) != TG_OK ||
        !xd_token_end(d, at + n))
        return false;
    *out = (struct cand){
        .b = b, .e = at + n, .q = q, .source = FROM_PREFIX, .kind = "other", .org = -1};
    return true;
}

/* Local governments, health stations and prisons are one per place (issue 9, error classes 1
 * and 4): the stem, written out or abbreviated, and the place's name after it are one
 * organisation, named in full; the stem alone names none. A prison stem carries its class
 * (เรือนจำกลาง, ทัณฑสถานหญิง): เรือนจำ alone is followed by what describes one (เรือนจำสีแดง). */
static const struct {
    const char *written, *full, *kind;
} local_stems[] = {
    {"องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนตำบล", "local_government"},
    {"องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนจังหวัด", "local_government"},
    {"โรงพยาบาลส่งเสริมสุขภาพตำบล", "โรงพยาบาลส่งเสริมสุขภาพตำบล", "local_government"},
    {"เทศบาลนคร", "เทศบาลนคร", "local_government"},
    {"เทศบาลเมือง", "เทศบาลเมือง", "local_government"},
    {"เทศบาลตำบล", "เทศบาลตำบล", "local_government"},
    {"อบต.", "องค์การบริหารส่วนตำบล", "local_government"},
    {"อบจ.", "องค์การบริหารส่วนจังหวัด", "local_government"},
    {"รพ.สต.", "โรงพยาบาลส่งเสริมสุขภาพตำบล", "local_government"},
    {"ทน.", "เทศบาลนคร", "local_government"},
    {"ทม.", "เทศบาลเมือง", "local_government"},
    {"ทต.", "เทศบาลตำบล", "local_government"},
    {"เรือนจำกลาง", "เรือนจำกลาง", "office"},
    {"เรือนจำจังหวัด", "เรือนจำจังหวัด", "office"},
    {"เรือนจำอำเภอ", "เรือนจำอำเภอ", "office"},
    {"เรือนจำพิเศษ", "เรือนจำพิเศษ", "office"},
    {"เรือนจำชั่วคราว", "เรือนจำชั่วคราว", "office"},
    {"ทัณฑสถานหญิง", "ทัณฑสถานหญิง", "office"},
    {"ทัณฑสถานบำบัดพิเศษ", "ทัณฑสถานบำบัดพิเศษ", "office"},
    {"ทัณฑสถานวัยหนุ่ม", "ทัณฑสถานวัยหนุ่ม", "office"},
    {"ทัณฑสถานเปิด", "ทัณฑสถานเปิด", "office"},
    {"ทัณฑสถานเกษตรอุตสาหกรรม", "ทัณฑสถานเกษตรอุตสาหกรรม", "office"},
};

/* The stem of local_stems at b, as an index, with the place's name after it in [*nb, *ne);
 * -1 when none starts at b. *ne == *nb when the stem stands alone. */
static int local_stem(const struct xdoc *d, size_t b, size_t *nb, size_t *ne)
{
    for (size_t i = 0; i < sizeof local_stems / sizeof *local_stems; i++) {
        if (!xd_has(d, b, local_stems[i].written))
            continue;
        size_t q = b + strlen(local_stems[i].written);
        size_t at = xd_skip_spaces(d, q);
        *nb = *ne = at - q <= 1 ? at : q;
        if (at - q <= 1 && xd_is_thai(xd_cp(d, at, NULL)) && !xd_stop_word_at(d, at)) {
            size_t e = xd_thai_run(d, at), t = xd_token_after(d, at);
            /* The place's name is at most a few words, up to what the run glues on. */
            for (int words = 0; t > at && t < e && words < 4; words++) {
                if (xd_stop_word_at(d, t) ||
                    xd_word_at(d, t, name_enders, sizeof name_enders / sizeof *name_enders))
                    break;
                t = xd_token_after(d, t) > t ? xd_token_after(d, t) : e;
            }
            *ne = tagged_end_inside(d, b, at, t > at && t <= e ? t : e);
            /* A prison is named by its province where one is written (เรือนจำกลางสุราษฎร์ธานี
             * ภายใน…); a subdistrict's name may start with one (อบต.ลำปางหลวง). */
            const struct tg_gazetteer_entry *prov;
            size_t pn;
            if (strcmp(local_stems[i].kind, "office") == 0 &&
                tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, at,
                                      TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE), &prov,
                                      &pn) == TG_OK &&
                at + pn < *ne && xd_token_start(d, at + pn))
                *ne = at + pn;
        }
        return (int)i;
    }
    return -1;
}

/* Words that make a Latin-script name an organisation's (PMG Academy, Fitch Ratings,
 * Chulalongkorn University); compared without regard to case. */
static const char *const latin_org_words[] = {
    "university",  "ministry",   "institute",  "academy",      "bank",         "company",
    "corporation", "co.",        "ltd",        "ltd.",         "group",        "association",
    "council",     "department", "faculty",    "organization", "organisation", "foundation",
    "center",      "centre",     "agency",     "authority",    "inc.",         "ratings",
    "news",        "union",      "federation", "committee",    "commission",   "office",
    "bureau",      "school",     "college",    "hospital",     "club",         "party",
    "airways",     "airlines",   "fund",       "forum",        "network",      "alliance"};

bool xd_latin_body_word(const struct xdoc *d, size_t b, size_t e)
{
    return XD_LATIN_IS(d, b, e, latin_org_words);
}

/* Inside a body's name: AT&T, Co., Ltd., Children's. */
#define ORG_MARKS "&.'"

static bool ascii_alnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Whether [b, e) is a whole Latin word: UNEP in "UNEP@50", not in "UNEPA". */
static bool latin_word_apart(const struct xdoc *d, size_t b, size_t e)
{
    return (b == 0 || !ascii_alnum(d->text[b - 1])) && (e >= d->len || !ascii_alnum(d->text[e]));
}

/* Capitalised Latin words at b one space apart, with of, and, for and the between them: the
 * end of the last that is no joining word, or b; *named says whether one names a kind of
 * organisation. */
static size_t latin_run(const struct xdoc *d, size_t b, bool *named)
{
    static const char *const joins[] = {"of", "and", "for", "the", "&"};
    size_t e = b, last = b;
    *named = false;
    for (int words = 0; words < 10; words++) {
        size_t we = xd_latin_word_end(d, e, ORG_MARKS);
        if (we == e)
            break;
        bool join = xd_latin_word_is(d, e, we, joins, sizeof joins / sizeof *joins);
        if (!join && !xd_latin_upper_at(d, e))
            break;
        /* A word's dot that is no abbreviation's ends the sentence, and the name (Ministry of
         * Energy. Should …; issue 9). */
        static const char *const short_words[] = {"co.", "inc.", "ltd.", "corp.", "bhd.", "plc."};
        bool stop = we - e > 4 && d->text[we - 1] == '.' && d->text[we - 2] >= 'a' &&
                    d->text[we - 2] <= 'z' && !XD_LATIN_IS(d, e, we, short_words);
        we -= stop;
        *named = *named || xd_latin_body_word(d, e, we);
        if (!join)
            last = we;
        if (stop || we >= d->len || d->text[we] != ' ' || !xd_latin_word_end(d, we + 1, ORG_MARKS))
            break;
        e = we + 1;
    }
    /* A company's legal form after a comma is its name's (Rating and Investment Information,
     * Inc.; issue 9, error class 1). */
    static const char *const forms[] = {", Inc.", ", Ltd.", ", Co., Ltd.", ", LLC"};
    for (size_t i = 0; last > b && i < sizeof forms / sizeof *forms; i++)
        if (xd_has(d, last, forms[i]) && !ascii_alnum(d->text[last + strlen(forms[i])]))
            return last + strlen(forms[i]);
    return last;
}

/* A Latin-script organisation at b: a run of capitalised words that includes a word naming a
 * kind of organisation. Returns its end, or b. */
static size_t latin_org(const struct xdoc *d, size_t b)
{
    if (!xd_latin_upper_at(d, b) || (b > 0 && xd_latin_word_end(d, b - 1, ORG_MARKS) > b - 1 &&
                                     d->text[b - 1] != ' ' && d->text[b - 1] != '('))
        return b;
    /* English writes a post before the body it is in (General Counsel of Universal Filmed
     * Entertainment Group, Secretary General of General Secretariat …): the post names no body,
     * the words after its of, at or for do (issue 9). */
    static const char *const posts[] = {
        "secretary",  "general",   "counsel",      "head",     "director", "president", "vice",
        "executive",  "chairman",  "chairperson",  "minister", "deputy",   "chief",     "officer",
        "ambassador", "governor",  "adviser",      "advisor",  "manager",  "managing",  "senior",
        "assistant",  "permanent", "spokesperson", "dean",     "rector"};
    static const char *const joins[] = {"of", "at", "for"};
    size_t w = b, we;
    while ((we = xd_latin_word_end(d, w, ORG_MARKS)) > w && XD_LATIN_IS(d, w, we, posts) &&
           we < d->len && d->text[we] == ' ')
        w = we + 1;
    we = xd_latin_word_end(d, w, ORG_MARKS);
    if (w > b && we > w && XD_LATIN_IS(d, w, we, joins))
        return b;
    bool named;
    size_t e = latin_run(d, b, &named);
    return named ? e : b;
}

/* Legal forms written short before the name (บมจ.ธนชาตประกันภัย, บจก.ไทยฮอนด้า, หจก.…), and the
 * name each stands for written out: one company, however the article writes it. */
static const struct {
    const char *written, *opener, *form;
} legal_forms[] = {
    {"บมจ.", "บริษัท ", " จำกัด (มหาชน)"}, {"บจก.", "บริษัท ", " จำกัด"}, {"หจก.", "ห้างหุ้นส่วนจำกัด ", ""}};

static const struct tg_gazetteer_entry *find_entry(const struct xdoc *d, const char *s, size_t n);

static int legal_form_at(const struct xdoc *d, size_t b)
{
    for (size_t i = 0; i < sizeof legal_forms / sizeof *legal_forms; i++)
        if (xd_has(d, b, legal_forms[i].written))
            return (int)i;
    return -1;
}

/* End of the word at b of a name after a legal form: a Latin word, or Thai up to a function
 * word or a verb glued on (บจก.สยามไบโอไซเอนซ์รับถ่ายทอด…); b when none starts there. Function
 * words of two letters (มา, ไป) are as often syllables of a name spelt from another language
 * (ไทยยามาฮ่ามอเตอร์), so they end nothing here. */
static size_t firm_word_end(const struct xdoc *d, size_t b)
{
    if (b < d->len && ascii_alnum(d->text[b]))
        return xd_latin_word_end(d, b, ORG_MARKS) > b ? xd_latin_word_end(d, b, ORG_MARKS) : b + 1;
    size_t e = b;
    while (e < d->len && xd_is_thai(xd_cp(d, e, NULL))) {
        if ((xd_stop_word_at(d, e) && tg_utf8_count(d->text + e, next_boundary(d, e) - e) > 2) ||
            xd_word_at(d, e, name_enders, sizeof name_enders / sizeof *name_enders))
            break;
        size_t next = next_boundary(d, e), run = xd_thai_run(d, e);
        e = next < run ? next : run;
    }
    return e;
}

/*
 * A company written with its legal form short (issue 9, error class 1): บจก., บมจ. or หจก., then
 * the name. The name is its first word, and (ประเทศไทย) after it; it takes more words a space
 * apart only where a list of such names goes on after them (… ออร์โตโมทีฟ (ประเทศไทย) 6. บจก.…,
 * บมจ.มิตซุย สุมิโตโม อินชัวรันส์ บมจ.…), since a single word after it is as often the clause's.
 * A name the gazetteer knows (บมจ.ปตท.) is left to it.
 */
static bool company_written_short(const struct xdoc *d, size_t b, struct cand *out)
{
    int form = legal_form_at(d, b);
    if (form < 0)
        return false;
    size_t q = b + strlen(legal_forms[form].written), at = xd_skip_spaces(d, q);
    size_t e = at - q <= 2 && !xd_stop_word_at(d, at) ? firm_word_end(d, at) : at;
    /* A name with its own opener (บมจ. ธนาคารกรุงไทย) is read by that opener. */
    if (tg_utf8_count(d->text + at, e - at) < 2 || find_entry(d, d->text + at, e - at) ||
        prefix_of(d->text + at) > 0 || legal_opener(d, at) > 0 ||
        (xd_skip_spaces(d, e) == e && e < d->len && d->text[e] == '.'))
        return false;
    static const char country[] = "(ประเทศไทย)";
    for (size_t p = e, words = 0; words < 5; words++) {
        size_t w = xd_skip_spaces(d, p);
        if (w - p > 2 || (w == p && p < d->len))
            break;
        if (xd_has(d, w, country)) {
            e = p = w + strlen(country);
            continue;
        }
        /* The list goes on: another legal form, an item number, a comma, an end of line. */
        if (w >= d->len || legal_form_at(d, w) >= 0 || d->text[w] == ',' || d->text[w] == '\n' ||
            (xd_digit_at(d, w) && digits_end(d, w) < d->len && d->text[digits_end(d, w)] == '.') ||
            (xd_has(d, w, "และ") && legal_form_at(d, xd_skip_spaces(d, w + strlen("และ"))) >= 0)) {
            e = p;
            break;
        }
        size_t we = xd_stop_word_at(d, w) ? w : firm_word_end(d, w);
        if (we == w || (we < d->len && !tg_text_is_blank(xd_cp(d, we, NULL)) &&
                        d->text[we] != ',' && d->text[we] != '\n'))
            break;
        p = we;
    }
    *out = (struct cand){
        .b = b, .e = e, .q = at, .source = FROM_FORM, .local = form, .kind = "other", .org = -1};
    return true;
}

/* A public organisation writes its legal form after its name (สำนักงานพัฒนารัฐบาลดิจิทัล
 * (องค์การมหาชน)), which is then part of the name (issue 9): the end of the form after a name
 * ending at e, or e. */
static size_t public_end(const struct xdoc *d, size_t e)
{
    /* One blank between them, of whatever width: news text often has a no-break space. */
    size_t at = xd_skip_spaces(d, e), blank = 0;
    if (at > e)
        xd_cp(d, e, &blank);
    return at - e == blank && xd_has(d, at, public_form) ? at + strlen(public_form) : e;
}

static enum tg_status scan(struct xdoc *d, struct cands *cs)
{
    for (size_t t = 0; t < d->n_tokens; t++) {
        size_t b = d->tokens[t].byte_start;
        struct cand gov;
        if (!covered(cs, b, b + 1) && government(d, b, &gov) && !xd_excluded(d, gov.b, gov.e)) {
            enum tg_status st = push(cs, gov);
            if (st != TG_OK)
                return st;
            continue;
        }
        struct cand firm;
        if (!covered(cs, b, b + 1) &&
            (company(d, b, &firm) || company_written_short(d, b, &firm)) &&
            !xd_excluded(d, firm.b, firm.e)) {
            enum tg_status st = push(cs, firm);
            if (st != TG_OK)
                return st;
            continue;
        }
        size_t le = covered(cs, b, b + 1) ? b : latin_org(d, b);
        if (le > b) {
            enum tg_status st = TG_OK;
            if (!xd_excluded(d, b, le) && !covered(cs, b, le))
                st = push(cs, (struct cand){.b = b,
                                            .e = le,
                                            .q = b,
                                            .source = FROM_PREFIX,
                                            .kind = "other",
                                            .org = -1});
            if (st != TG_OK)
                return st;
            continue;
        }
        size_t nb, ne;
        int stem = covered(cs, b, b + 1) ? -1 : local_stem(d, b, &nb, &ne);
        if (stem >= 0) {
            enum tg_status st = TG_OK;
            if (ne > nb && !xd_excluded(d, b, ne))
                st = push(cs, (struct cand){.b = b,
                                            .e = ne,
                                            .q = nb,
                                            .source = FROM_LOCAL,
                                            .local = stem,
                                            .kind = local_stems[stem].kind,
                                            .org = -1});
            if (st != TG_OK)
                return st;
            continue;
        }
        size_t starts[2] = {b, after_position(d, b)};
        for (size_t k = 0; k < 2; k++) {
            size_t s = starts[k];
            /* No name starts after a title that ends the text. */
            if ((k == 1 && (s == 0 || s >= d->len)) || covered(cs, s, s + 1))
                continue;
            struct cand g, p;
            bool has_g = gazetteer_name(d, s, &g);
            bool has_p = prefix_name(d, s, k == 1, &p);
            if (!has_g && !has_p)
                continue;
            /* The gazetteer's name wins over a longer run, which has usually swallowed a verb
             * (กระทรวงแรงงานเปิด…), unless the run ends with a country: a foreign ministry
             * (กระทรวงแรงงานและการฝึกอบรมวิชาชีพกัมพูชา). */
            if (has_g && has_p && !g.stem_end && p.e > g.e && ends_with_country(d, g.e, p.e))
                has_g = false;
            if (!has_g && has_p) {
                p.e = extend_name(d, p.b, p.e, legal_opener(d, p.b) > 0);
                if (!names_one(d, p.b, p.q, p.e))
                    continue;
            } else if (has_g && !g.stem_end && d->text[g.e - 1] != '.') {
                /* One area's office of a Bangkok body is an organisation of its own. */
                if (bangkok_area_end(d, g.e) > g.e) {
                    g.kind = tg_gazetteer_entry_kind(g.entry);
                    g.entry = NULL;
                    g.source = FROM_PREFIX;
                }
                g.e = extend_name(d, g.b, g.e, false);
            }
            struct cand c = has_g ? g : p;
            c.after_position = k == 1;
            size_t pub = c.stem_end ? c.e : public_end(d, c.e);
            if (pub > c.e) {
                c.public_at = c.e;
                c.e = pub;
            } else if (!c.stem_end && ends_with(d, c.e, public_form)) {
                /* The tagger's span took the form in already. */
                c.public_at = c.e - strlen(public_form);
                /* The whole blank before it: a no-break space is two bytes, and half of one
                 * left in the name is no UTF-8 (issue 9). */
                if (c.public_at > c.b && tg_text_is_blank(xd_cp_before(d, c.public_at)))
                    do
                        c.public_at--;
                    while ((d->text[c.public_at] & 0xC0) == 0x80);
            }
            if (xd_excluded(d, c.b, c.e) || covered(cs, c.b, c.e) || bangkok_areas(d, c.e))
                continue;
            enum tg_status st = push(cs, c);
            if (st != TG_OK)
                return st;
        }
    }
    return TG_OK;
}

/* End of a Latin abbreviation at b (UNEP, KMITL: two to ten capitals, digits after the
 * first), or b. */
static size_t latin_abbreviation_end(const struct xdoc *d, size_t b)
{
    size_t e = b;
    while (e < d->len && ((d->text[e] >= 'A' && d->text[e] <= 'Z') ||
                          (e > b && d->text[e] >= '0' && d->text[e] <= '9')))
        e++;
    return e - b >= 2 && e - b <= 10 ? e : b;
}

/* `(ABBR.)` after b: Thai letters and dots ending with a dot; or a Latin abbreviation, alone
 * (UNEP) or after the English name (Japan External Trade Organization: JETRO), which then goes
 * in [*nb, *ne) (empty when none). */
static bool parenthesised_abbreviation(const struct xdoc *d, size_t b, size_t *ab, size_t *ae,
                                       size_t *nb, size_t *ne)
{
    size_t p = xd_skip_spaces(d, b);
    if (p >= d->len || d->text[p] != '(')
        return false;
    size_t s = p + 1, e = s, w;
    *nb = *ne = s;
    size_t le = latin_org(d, s), at = le;
    if (le > s && le < d->len && (d->text[le] == ':' || d->text[le] == ','))
        at = xd_skip_spaces(d, le + 1);
    if (at > le) {
        *nb = s;
        *ne = le;
        s = at;
    }
    if ((e = latin_abbreviation_end(d, s)) > s && e < d->len && d->text[e] == ')') {
        *ab = s;
        *ae = e;
        return true;
    }
    if (at > le)
        return false;
    bool dot = false;
    while (e < d->len) {
        uint32_t cp = xd_cp(d, e, &w);
        if (cp == '.')
            dot = true;
        else if (!xd_is_thai(cp))
            break;
        e += w;
    }
    if (!dot || e == s || e - s > 40 || e >= d->len || d->text[e] != ')' || d->text[e - 1] != '.')
        return false;
    *ab = s;
    *ae = e;
    return true;
}

static long find_org(const struct xdoc *d, const char *key)
{
    for (size_t i = 0; i < d->r->organisation_count; i++)
        if (strcmp(d->r->organisations[i].key, key) == 0)
            return (long)i;
    return -1;
}

static enum tg_status copy_entry_lists(struct tg_extract_organisation *o,
                                       const struct tg_gazetteer_entry *entry)
{
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < tg_gazetteer_entry_abbreviation_count(entry); i++) {
        const char *a = tg_gazetteer_entry_abbreviation(entry, i);
        st = xd_push_string(&o->abbreviations, &o->abbreviation_count, a, strlen(a));
    }
    for (size_t i = 0; st == TG_OK && i < tg_gazetteer_entry_alias_count(entry); i++) {
        const char *a = tg_gazetteer_entry_alias(entry, i);
        st = xd_push_string(&o->aliases, &o->alias_count, a, strlen(a));
    }
    const struct tg_gazetteer_entry *parent = tg_gazetteer_entry_parent(entry);
    if (st == TG_OK && parent) {
        const char *pn = tg_gazetteer_entry_name(parent);
        if (!(o->parent_name = xd_dup(pn, strlen(pn))))
            st = TG_ERR_NOMEM;
    }
    return st;
}

/* The organisation named name[0..len) (the gazetteer's when entry is set), created on first
 * use. */
static enum tg_status org_get(struct xdoc *d, const char *name, size_t len,
                              const struct tg_gazetteer_entry *entry, const char *kind, long *out)
{
    static const struct xentity_layout layout = {sizeof(struct tg_extract_organisation),
                                                 offsetof(struct tg_extract_organisation, name),
                                                 offsetof(struct tg_extract_organisation, key)};
    struct tg_extract_result *r = d->r;
    if (entry && !xd_find(name, len, public_form, strlen(public_form))) {
        /* The document named it with its public form already: the same body. */
        char *full = malloc(len + strlen(public_form) + 1);
        char *key = full ? (memcpy(full, name, len), strcpy(full + len, public_form),
                            tg_text_key(full, len + strlen(public_form)))
                         : NULL;
        long found = key ? find_org(d, key) : -1;
        free(full);
        free(key);
        if (!key)
            return TG_ERR_NOMEM;
        if (found >= 0) {
            *out = found;
            return TG_OK;
        }
    }
    bool created;
    struct tg_extract_organisation *grown = xd_entity(
        r->organisations, &r->organisation_count, &d->cap_orgs, &layout, name, len, out, &created);
    if (!grown)
        return TG_ERR_NOMEM;
    r->organisations = grown;
    if (!created)
        return TG_OK;
    struct tg_extract_organisation *o = &grown[*out];
    o->parent = -1;
    o->kind = kind;
    enum tg_status st;
    if (entry) {
        o->known = true;
        o->kind = tg_gazetteer_entry_kind(entry);
        if ((st = copy_entry_lists(o, entry)) != TG_OK)
            return st;
    }
    if (!o->kind)
        o->kind = "other";
    return TG_OK;
}

enum tg_status xd_org_from_entry(struct xdoc *d, const struct tg_gazetteer_entry *entry, long *org)
{
    const char *name = tg_gazetteer_entry_name(entry);
    return org_get(d, name, strlen(name), entry, NULL, org);
}

static const struct tg_gazetteer_entry *find_entry(const struct xdoc *d, const char *s, size_t n)
{
    const struct tg_gazetteer_entry *entry;
    size_t count;
    if (tg_gazetteer_find(d->ex->gazetteer, s, n, TG_GAZETTEER_MASK(TG_GAZETTEER_ORGANISATION),
                          &entry, 1, &count) != TG_OK)
        return NULL;
    return entry;
}

/* A name written without the word that opens it (มหาดไทย, สาธารณสุข for the ministries; ก.แรงงาน
 * with the opening word abbreviated), when that gives a name the gazetteer knows (issue 9,
 * error class 9). */
static const struct tg_gazetteer_entry *short_form(const struct xdoc *d, const char *s, size_t n)
{
    static const struct {
        const char *written, *full;
    } openers[] = {{"", "กระทรวง"},     {"ก.", "กระทรวง"}, {"", "กรม"},     {"", "ธนาคาร"},
                   {"ม.", "มหาวิทยาลัย"}, {"", "มหาวิทยาลัย"}, {"ธ.", "ธนาคาร"}};
    char name[256];
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
        size_t wl = strlen(openers[i].written), fl = strlen(openers[i].full);
        if (n <= wl || memcmp(s, openers[i].written, wl) != 0 || fl + n - wl >= sizeof name)
            continue;
        memcpy(name, openers[i].full, fl);
        memcpy(name + fl, s + wl, n - wl);
        const struct tg_gazetteer_entry *entry = find_entry(d, name, fl + n - wl);
        if (entry)
            return entry;
    }
    return NULL;
}

static long learnt(const struct xdoc *d, const char *s, size_t n)
{
    for (size_t i = 0; i < d->n_pairs; i++)
        if (strlen(d->pairs[i].abbr) == n && memcmp(d->pairs[i].abbr, s, n) == 0)
            return d->pairs[i].org;
    return -1;
}

/* The organisation named head, the written text[0..len) and tail, one after the other. */
static enum tg_status org_composed(struct xdoc *d, const char *head, const char *text, size_t len,
                                   const char *tail, const struct tg_gazetteer_entry *entry,
                                   const char *kind, long *out)
{
    size_t hl = strlen(head), tl = strlen(tail);
    char *name = malloc(hl + len + tl + 1);
    if (!name)
        return TG_ERR_NOMEM;
    memcpy(name, head, hl);
    memcpy(name + hl, text, len);
    memcpy(name + hl + len, tail, tl + 1);
    enum tg_status st = org_get(d, name, hl + len + tl, entry, kind, out);
    free(name);
    return st;
}

/* Resolves a candidate that is not a truncation. */
static enum tg_status resolve(struct xdoc *d, struct cand *c)
{
    const char *s = d->text + c->b;
    size_t n = c->e - c->b;
    if (c->source == FROM_LEARNT ||
        ((s[n - 1] == '.' || xd_latin_upper_at(d, c->b)) && learnt(d, s, n) >= 0)) {
        c->org = learnt(d, s, n);
        return TG_OK;
    }
    const char *place = d->text + c->q;
    if (c->source == FROM_LOCAL)
        return org_composed(d, local_stems[c->local].full, place, c->e - c->q, "", NULL, c->kind,
                            &c->org);
    if (c->source == FROM_FORM)
        return org_composed(d, legal_forms[c->local].opener, place, c->e - c->q,
                            legal_forms[c->local].form, NULL, c->kind, &c->org);
    const struct tg_gazetteer_entry *entry = c->entry ? c->entry : find_entry(d, s, n);
    if (!entry && c->source == FROM_NER)
        entry = short_form(d, s, n);
    /* One office of a province: the stem's kind and parent, its own full name. */
    if (entry && c->stem_end)
        return org_composed(d, tg_gazetteer_entry_name(entry), d->text + c->prov_b,
                            c->e - c->prov_b, "", entry, NULL, &c->org);
    if (c->parent_e) {
        /* Its mention stays the unit's own words, so the parent keeps its mention. */
        char *name = malloc(n + 2 + c->parent_e - c->parent_b + 1);
        if (!name)
            return TG_ERR_NOMEM;
        memcpy(name, s, n);
        name[n] = d->text[c->e] == ',' ? ',' : ' ';
        memcpy(name + n + 1, d->text + c->parent_b, c->parent_e - c->parent_b);
        name[n + 1 + c->parent_e - c->parent_b] = '\0';
        if (name[n] == ',') {
            /* English writes the parent a comma and a space after: "Faculty of Medicine,
             * Chulalongkorn University". */
            memmove(name + n + 2, name + n + 1, c->parent_e - c->parent_b + 1);
            name[n + 1] = ' ';
        }
        enum tg_status st = org_get(d, name, strlen(name), NULL, c->kind, &c->org);
        free(name);
        return st;
    }
    if (c->public_at) {
        const char *base = entry ? tg_gazetteer_entry_name(entry) : s;
        size_t bn = entry ? strlen(base) : c->public_at - c->b;
        enum tg_status st =
            org_composed(d, "", base, bn, " (องค์การมหาชน)", entry, c->kind, &c->org);
        struct tg_extract_organisation *o = &d->r->organisations[c->org];
        /* Written without its form elsewhere, it is the same body. */
        return st == TG_OK ? xd_push_string(&o->aliases, &o->alias_count, base, bn) : st;
    }
    if (entry) {
        const char *name = tg_gazetteer_entry_name(entry);
        return org_get(d, name, strlen(name), entry, NULL, &c->org);
    }
    return org_get(d, s, n, NULL, c->kind, &c->org);
}

/* `X ฯ`: the organisation of this document whose name starts with X, else the gazetteer's
 * alias, else the truncation itself. A bare opener + ฯ (สภาฯ, ศูนย์ฯ) names only a body the
 * document has named: without one, which สภา or ศูนย์ is meant is not written (issue 9). */
static enum tg_status resolve_truncation(struct xdoc *d, struct cand *c)
{
    const char *s = d->text + c->b;
    size_t stem = c->e - c->b - 3;
    for (size_t i = 0; i < d->r->organisation_count; i++) {
        const char *name = d->r->organisations[i].name;
        if (strlen(name) > stem && memcmp(name, s, stem) == 0) {
            c->org = (long)i;
            return TG_OK;
        }
    }
    if (c->e - c->q == strlen("ฯ"))
        return TG_OK;
    const struct tg_gazetteer_entry *entry = find_entry(d, s, c->e - c->b);
    if (entry) {
        const char *name = tg_gazetteer_entry_name(entry);
        return org_get(d, name, strlen(name), entry, NULL, &c->org);
    }
    return org_get(d, s, c->e - c->b, NULL, c->kind, &c->org);
}

/* The document writes org as [b, e) too: an abbreviation or, in brackets after its name, its
 * English name (Japan External Trade Organization), both of which name it wherever written. */
static enum tg_status teach(struct xdoc *d, struct cands *cs, size_t b, size_t e, long org,
                            bool abbreviation)
{
    struct xpair *pairs = tg_grow(d->pairs, &d->cap_pairs, d->n_pairs + 1, sizeof *pairs);
    if (!pairs)
        return TG_ERR_NOMEM;
    d->pairs = pairs;
    if (!(d->pairs[d->n_pairs].abbr = xd_dup(d->text + b, e - b)))
        return TG_ERR_NOMEM;
    d->pairs[d->n_pairs++].org = org;
    struct tg_extract_organisation *o = &d->r->organisations[org];
    enum tg_status st =
        abbreviation ? xd_push_string(&o->abbreviations, &o->abbreviation_count, d->text + b, e - b)
                     : xd_push_string(&o->aliases, &o->alias_count, d->text + b, e - b);
    if (st == TG_OK && !covered(cs, b, e))
        st = push(cs, (struct cand){.b = b, .e = e, .source = FROM_LEARNT, .org = -1});
    return st;
}

/* `ชื่อเต็ม (ABBR.)` teaches ABBR for the document, even against the gazetteer when the name
 * is a known organisation (the document says what it means). A name the gazetteer does not
 * know, with an abbreviation it does, is that organisation written short (กองทุน… (สสส.)). An
 * unknown Thai abbreviation after a position title abbreviates the title (ปลัดกระทรวง… (ปพม.));
 * news does not abbreviate Thai titles in Latin letters. */
static enum tg_status learn_pairs(struct xdoc *d, struct cands *cs)
{
    size_t n = cs->n;
    for (size_t i = 0; i < n; i++) {
        struct cand *c = &cs->c[i];
        size_t ab, ae, nb, ne;
        if (c->truncated || d->text[c->e - 1] == '.' ||
            !parenthesised_abbreviation(d, c->e, &ab, &ae, &nb, &ne))
            continue;
        const struct tg_gazetteer_entry *entry = find_entry(d, d->text + ab, ae - ab);
        if (c->after_position && !entry && !xd_latin_upper_at(d, ab))
            continue;
        enum tg_status st;
        if (entry && !c->entry && !c->stem_end) {
            c->entry = entry;
            c->source = FROM_GAZETTEER;
        }
        if ((st = resolve(d, c)) != TG_OK)
            return st;
        /* teach may grow cs->c, which moves c: keep the organisation, not the pointer. */
        long org = c->org;
        if ((st = teach(d, cs, ab, ae, org, true)) != TG_OK ||
            (ne > nb && (st = teach(d, cs, nb, ne, org, false)) != TG_OK))
            return st;
    }
    return TG_OK;
}

/* Learnt abbreviations written elsewhere in the document (สสว. after สำนักงาน… (สสว.)). */
static enum tg_status scan_learnt(struct xdoc *d, struct cands *cs)
{
    for (size_t i = 0; i < d->n_pairs; i++) {
        const char *a = d->pairs[i].abbr;
        size_t n = strlen(a);
        for (const char *p = d->text; (p = xd_find(p, d->len - (size_t)(p - d->text), a, n));
             p += n) {
            size_t b = (size_t)(p - d->text);
            if (covered(cs, b, b + n) || xd_excluded(d, b, b + n) ||
                !abbreviation_may_start(d, b) ||
                (xd_latin_upper_at(d, b) && !latin_word_apart(d, b, b + n)))
                continue;
            enum tg_status st =
                push(cs, (struct cand){.b = b, .e = b + n, .source = FROM_LEARNT, .org = -1});
            if (st != TG_OK)
                return st;
        }
    }
    return TG_OK;
}

/* Whether [b, e) lies inside a position title that starts a few words earlier (the tagger
 * takes สาธารณสุขจังหวัด of นายแพทย์สาธารณสุขจังหวัด for an organisation). */
static bool inside_position(const struct xdoc *d, size_t b, size_t e)
{
    size_t from = b > 90 ? b - 90 : 0;
    for (size_t p = from; p < b; p++) {
        const struct tg_gazetteer_entry *entry;
        size_t n;
        if (xd_token_start(d, p) &&
            tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, p,
                                  TG_GAZETTEER_MASK(TG_GAZETTEER_POSITION), &entry, &n) == TG_OK &&
            p + n >= e)
            return true;
    }
    return false;
}

/* Function words after which text written without spaces glues a name, besides glue_words
 * (which abbreviation_may_start already lets a name follow). */
static bool name_may_follow(const struct xdoc *d, size_t b)
{
    static const char *const words[] = {"ที่", "ใน", "ถึง", "ว่า", "เป็น", "คือ"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (ends_with(d, b, words[i]))
            return true;
    return false;
}

static bool title_ends_at(const struct xdoc *d, size_t b)
{
    for (size_t i = 0; i < d->n_titles; i++)
        if (d->titles[i].e == b)
            return true;
    return false;
}

/* Whether a unit of measure stands at [b, e): an abbreviation right after a number (5 กก., 500
 * มก.) is kilograms or milligrams, not a ministry or a university (issue 9, error class 3). */
static bool unit_after_number(const struct xdoc *d, size_t b, size_t e)
{
    if (e == b || d->text[e - 1] != '.')
        return false;
    size_t p = b;
    p = xd_skip_spaces_back(d, 0, p);
    return p > 0 && xd_digit_at(d, p - 1 - (((unsigned char)d->text[p - 1] & 0x80) ? 2 : 0));
}

/* The tagger's organisations the rules missed, when they read as a name rather than a
 * fragment: at least two characters, not inside a position title (the tagger takes
 * สาธารณสุขจังหวัด of นายแพทย์สาธารณสุขจังหวัด), not a place (ที่ว่าการอำเภอ), not a unit, not a
 * stem that waits for a place's name, and within one line. */
static enum tg_status scan_ner(struct xdoc *d, struct cands *cs)
{
    const struct tg_gazetteer_entry *cue;
    size_t cue_len;
    for (size_t i = 0; i < d->n_ner; i++) {
        const struct tg_ner_span *s = &d->ner[i];
        size_t b = s->byte_start, e = s->byte_end;
        bool generic = false;
        for (size_t k = 0; k < sizeof generic_tails / sizeof *generic_tails; k++)
            generic = generic || ends_with(d, e, generic_tails[k]);
        uint32_t first = xd_cp(d, b, NULL);
        /* A span glued to the word before it is a fragment the tagger cut out of a name
         * (องค์การ|อนามัยโลก), unless that word is a function word or a title, after which text
         * written without spaces glues whole names (ของซีดีซี, อธิบดีกรมปศุสัตว์). */
        bool glued = xd_is_thai(xd_cp_before(d, b)) && !abbreviation_may_start(d, b) &&
                     !(xd_token_end(d, b) && (name_may_follow(d, b) || title_ends_at(d, b)));
        size_t q = b + prefix_of(d->text + b);
        if (q == b && xd_has(d, b, "หน่วยงาน"))
            q = b + strlen("หน่วยงาน");
        /* Openers standing apart, one after another (องค์กร มูลนิธิ และเครือข่าย…), list kinds of
         * bodies: the tagger's span over them, cut anywhere, names none (issue 9, class 2). */
        bool kinds = q > b && q < e && one_blank(d, q) > q && prefix_of(d->text + one_blank(d, q));
        if (s->type != TG_NER_ORGANISATION || s->end - s->start < 3 || generic || glued || kinds ||
            (q > b && q < e && kind_of_body(d, b, q, e)) ||
            !(xd_is_thai(first) || (first >= 'A' && first <= 'Z')) || d->text[e - 1] == '.' ||
            memchr(d->text + b, '(', e - b) || memchr(d->text + b, ')', e - b) ||
            memchr(d->text + b, '\n', e - b) || xd_venue_at(d, b) || inside_position(d, b, e) ||
            covered(cs, b, e) || xd_overlap(d, b, e) >= 0 || xd_excluded(d, b, e) ||
            xd_stop_word_at(d, b) || unit_after_number(d, b, e) || bangkok_areas(d, e) ||
            tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b,
                                  TG_GAZETTEER_MASK(TG_GAZETTEER_PLACE_CUE) |
                                      TG_GAZETTEER_MASK(TG_GAZETTEER_HONORIFIC) |
                                      TG_GAZETTEER_MASK(TG_GAZETTEER_POSITION),
                                  &cue, &cue_len) == TG_OK)
            continue;
        enum tg_status st = push(cs, (struct cand){.b = s->byte_start,
                                                   .e = s->byte_end,
                                                   .source = FROM_NER,
                                                   .kind = "other",
                                                   .org = -1});
        if (st != TG_OK)
            return st;
    }
    return TG_OK;
}

/* A department written just before its ministry (กรมอนามัย กระทรวงสาธารณสุข) belongs to it. */
static enum tg_status parents_from_text(struct xdoc *d, const struct cands *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        const struct cand *a = &cs->c[i];
        size_t next = xd_skip_spaces(d, a->e);
        long m = next > a->e ? xd_mention_at(d, next, TG_EXTRACT_ORGANISATION) : -1;
        if (m < 0 || a->org < 0 || d->m[m].entity == a->org)
            continue;
        struct tg_extract_organisation *oa = &d->r->organisations[a->org];
        const struct tg_extract_organisation *ob = &d->r->organisations[d->m[m].entity];
        if (oa->parent_name || strcmp(ob->kind, "ministry") != 0 ||
            strcmp(oa->kind, "ministry") == 0)
            continue;
        if (!(oa->parent_name = xd_dup(ob->name, strlen(ob->name))))
            return TG_ERR_NOMEM;
    }
    for (size_t i = 0; i < d->r->organisation_count; i++) {
        struct tg_extract_organisation *o = &d->r->organisations[i];
        if (!o->parent_name)
            continue;
        char *key = tg_text_key(o->parent_name, strlen(o->parent_name));
        if (!key)
            return TG_ERR_NOMEM;
        o->parent = find_org(d, key);
        free(key);
    }
    return TG_OK;
}

static int by_b(const void *x, const void *y)
{
    const struct cand *a = x, *b = y;
    return (a->b > b->b) - (a->b < b->b);
}

/* Whether the Latin name at b has a word that says what kind of body it is. */
static bool latin_body(const struct xdoc *d, size_t b)
{
    bool named;
    latin_run(d, b, &named);
    return named;
}

/* Whether the Latin name [b, e) is a part of a body (a department, a faculty, a bureau): a
 * comma after any other (Bangkok Bank, Bank of Ayudhya …) lists bodies. */
static bool latin_unit(const struct xdoc *d, size_t b, size_t e)
{
    static const char *const units[] = {"department", "faculty",   "bureau", "office",
                                        "division",   "center",    "centre", "school",
                                        "college",    "institute", "unit",   "section"};
    for (size_t w = b, we; w < e && (we = xd_latin_word_end(d, w, ORG_MARKS)) > w; w = we + 1)
        if (XD_LATIN_IS(d, w, we, units))
            return true;
    return false;
}

/*
 * A centre written with its parent's short form a blank after it (ศูนย์วิจัยและพัฒนานวัตกรรม
 * ธ.ก.ส., ศูนย์ปฏิบัติการความปลอดภัยทางถนน อบต.กุดเสลา) is that body's unit, named with it: every
 * bank, agency and local government has centres of its own, and the bare centre names none
 * (issue 9, error class 1). The parent keeps its own mention. Sorts the candidates by start.
 */
static void units_of_parents(const struct xdoc *d, struct cands *cs)
{
    if (cs->n > 1)
        qsort(cs->c, cs->n, sizeof *cs->c, by_b);
    /* Right to left, so a parent named with its own parent passes the whole chain on. */
    for (size_t i = cs->n - (cs->n > 0); i-- > 0;) {
        struct cand *u = &cs->c[i];
        const struct cand *p = &cs->c[i + 1];
        /* English: a unit, a comma, its parent ("Department of Internal Medicine, Faculty of
         * Medicine, Chulalongkorn University"), each a Latin name that says what it is. */
        if (xd_latin_upper_at(d, u->b) && xd_latin_upper_at(d, p->b) && p->b == u->e + 2 &&
            d->text[u->e] == ',' && d->text[u->e + 1] == ' ' && latin_unit(d, u->b, u->e) &&
            latin_body(d, p->b)) {
            u->parent_b = p->b;
            u->parent_e = p->parent_e ? p->parent_e : p->e;
            continue;
        }
        if (u->source != FROM_PREFIX || u->truncated || u->public_at || !xd_has(d, u->b, "ศูนย์") ||
            u->q != u->b + prefix_of(d->text + u->b) || p->b == u->e || one_blank(d, u->e) != p->b)
            continue;
        /* A unit read up to a glued ของ (ศูนย์ข้อมูลข่าวสารของ รฟม.) was cut wrong already. */
        if (nominaliser_before(d, u->e))
            continue;
        const char *written = p->source == FROM_LOCAL ? local_stems[p->local].written : NULL;
        bool short_form = written ? written[strlen(written) - 1] == '.'
                                  : p->source != FROM_LOCAL && d->text[p->e - 1] == '.' &&
                                        !memchr(d->text + p->b, ' ', p->e - p->b);
        if (short_form) {
            u->parent_b = p->b;
            u->parent_e = p->e;
        }
    }
}

static enum tg_status record(struct xdoc *d, struct cands *cs)
{
    if (cs->n > 1)
        qsort(cs->c, cs->n, sizeof *cs->c, by_b);
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < cs->n; i++)
        if (!cs->c[i].truncated && cs->c[i].org < 0 && !inside_hashtag(d, cs->c[i].b))
            st = resolve(d, &cs->c[i]);
    for (size_t i = 0; st == TG_OK && i < cs->n; i++)
        if (cs->c[i].truncated && cs->c[i].org < 0 && !inside_hashtag(d, cs->c[i].b))
            st = resolve_truncation(d, &cs->c[i]);
    for (size_t i = 0; st == TG_OK && i < cs->n; i++) {
        struct cand *c = &cs->c[i];
        if (c->org < 0)
            continue;
        struct tg_extract_organisation *o = &d->r->organisations[c->org];
        o->mention_count++;
        const char *s = d->text + c->b;
        size_t n = c->e - c->b;
        bool is_abbr = s[n - 1] == '.' && !memchr(s, ' ', n);
        /* A bare opener + ฯ (กระทรวงฯ) would be every ministry's alias. */
        bool bare = c->truncated && c->e - c->q == strlen("ฯ");
        if (is_abbr)
            st = xd_push_string(&o->abbreviations, &o->abbreviation_count, s, n);
        else if (!bare && (strlen(o->name) != n || memcmp(o->name, s, n) != 0))
            st = xd_push_string(&o->aliases, &o->alias_count, s, n);
        if (st == TG_OK)
            st = xd_add_mention(d, TG_EXTRACT_ORGANISATION, c->b, c->e, c->org);
    }
    return st == TG_OK ? parents_from_text(d, cs) : st;
}

/* Adds a mention of org at [b, e), written short, with the form as one of its names. */
static enum tg_status short_mention(struct xdoc *d, size_t b, size_t e, long org)
{
    struct tg_extract_organisation *o = &d->r->organisations[org];
    enum tg_status st = xd_push_string(&o->aliases, &o->alias_count, d->text + b, e - b);
    if (st == TG_OK)
        st = xd_add_mention(d, TG_EXTRACT_ORGANISATION, b, e, org);
    o->mention_count += st == TG_OK;
    return st;
}

enum tg_status xd_org_short(struct xdoc *d, size_t b, size_t e, long org)
{
    return short_mention(d, b, e, org);
}

enum tg_status xd_org_listed(struct xdoc *d, size_t b, size_t e, long *org)
{
    enum tg_status st = org_get(d, d->text + b, e - b, NULL, "other", org);
    if (st == TG_OK)
        st = xd_add_mention(d, TG_EXTRACT_ORGANISATION, b, e, *org);
    d->r->organisations[*org].mention_count += st == TG_OK;
    return st;
}

static bool free_span(const struct xdoc *d, size_t b, size_t e)
{
    return e > b && xd_overlap(d, b, e) < 0 && !xd_excluded(d, b, e) && !xd_date_overlaps(d, b, e);
}

/* The organisation of this document whose name, or its name without the word that opens it,
 * starts with s[0..n) (whole when whole); -1 when none or several do. */
static long org_starting(const struct xdoc *d, const char *s, size_t n, bool whole)
{
    long found = -1;
    for (size_t i = 0; i < d->r->organisation_count; i++) {
        const char *name = d->r->organisations[i].name;
        const char *rest = name + prefix_of(name);
        const char *forms[2] = {name, rest};
        for (int k = 0; k < 2; k++) {
            size_t len = strlen(forms[k]);
            if (len >= n && memcmp(forms[k], s, n) == 0 && (!whole || len == n) &&
                (k == 1 || !whole)) {
                if (found >= 0 && found != (long)i)
                    return -1;
                found = (long)i;
            }
        }
    }
    return found;
}

/*
 * Short forms of the document's organisations (issue 9, error class 9): a name without its
 * opening word standing alone (กรุงไทย for ธนาคารกรุงไทย), the opening word abbreviated
 * (ม.แม่ฟ้าหลวง for มหาวิทยาลัยแม่ฟ้าหลวง, also when only the gazetteer knows the name), and a ฯ
 * truncation of the name without its opening word (อุตุฯ for กรมอุตุนิยมวิทยา).
 */
static enum tg_status scan_short_forms(struct xdoc *d)
{
    /* ม., รพ. and ร.ร. before a name only ever open a university's, hospital's or school's
     * name, so they need no list to know it; ก. and ธ. do. */
    static const struct {
        const char *written, *full;
        bool sure;
    } openers[] = {{"ม.", "มหาวิทยาลัย", true},
                   {"รพ.", "โรงพยาบาล", true},
                   {"ร.ร.", "โรงเรียน", true},
                   {"ธ.", "ธนาคาร", false},
                   {"ก.", "กระทรวง", false}};
    enum tg_status st = TG_OK;
    for (size_t t = 0; st == TG_OK && t < d->n_tokens; t++) {
        size_t b = d->tokens[t].byte_start, e = d->tokens[t].byte_end;
        if (xd_overlap(d, b, e) >= 0)
            continue;
        /* อุตุฯ */
        if (e - b > 3 && memcmp(d->text + e - 3, "\xE0\xB8\xAF", 3) == 0 && free_span(d, b, e)) {
            long org = org_starting(d, d->text + b, e - b - 3, false);
            if (org >= 0)
                st = short_mention(d, b, e, org);
            continue;
        }
        /* ม.แม่ฟ้าหลวง */
        for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
            size_t wl = strlen(openers[i].written);
            if (!xd_has(d, b, openers[i].written) || xd_stop_word_at(d, b + wl))
                continue;
            size_t r = b + wl, re = tagged_end_inside(d, b, r, xd_thai_run(d, r));
            if (re - r < 6 || (re < d->len && d->text[re] == '.') || !free_span(d, b, re))
                break;
            char name[256];
            size_t fl = strlen(openers[i].full);
            if (fl + re - r >= sizeof name)
                break;
            memcpy(name, openers[i].full, fl);
            memcpy(name + fl, d->text + r, re - r);
            long org = org_starting(d, name, fl + re - r, false);
            const struct tg_gazetteer_entry *entry =
                org < 0 ? find_entry(d, name, fl + re - r) : NULL;
            if (entry && (st = xd_org_from_entry(d, entry, &org)) != TG_OK)
                break;
            if (org < 0 && !entry && openers[i].sure &&
                (st = org_get(d, name, fl + re - r, NULL, "other", &org)) != TG_OK)
                break;
            if (org >= 0 && strlen(d->r->organisations[org].name) == fl + re - r)
                st = short_mention(d, b, re, org);
            break;
        }
    }
    /* กรุงไทย, standing apart from the words around it. */
    size_t w;
    for (size_t b = 0; st == TG_OK && b < d->len; b += w) {
        xd_cp(d, b, &w);
        if (!xd_is_thai(xd_cp(d, b, NULL)) || xd_is_thai(xd_cp_before(d, b)))
            continue;
        size_t e = xd_thai_run(d, b);
        w = e - b;
        if (tg_utf8_count(d->text + b, e - b) < 3 || !free_span(d, b, e))
            continue;
        long org = org_starting(d, d->text + b, e - b, true);
        if (org >= 0)
            st = short_mention(d, b, e, org);
    }
    return st;
}

enum tg_status xd_orgs(struct xdoc *d)
{
    struct cands cs = {.claimed = calloc(d->len, 1)};
    enum tg_status st = cs.claimed ? scan(d, &cs) : TG_ERR_NOMEM;
    if (st == TG_OK)
        st = learn_pairs(d, &cs);
    if (st == TG_OK)
        st = scan_learnt(d, &cs);
    if (st == TG_OK) {
        units_of_parents(d, &cs);
        st = record(d, &cs);
    }
    if (st == TG_OK)
        st = scan_short_forms(d);
    free(cs.c);
    free(cs.claimed);
    return st;
}

/* The tagger's organisations come last, once people, places and programmes have taken what the
 * rules know (a hotel's name is not an organisation because the tagger says so). */
enum tg_status xd_orgs_from_model(struct xdoc *d)
{
    struct cands cs = {.claimed = calloc(d->len, 1)};
    enum tg_status st = cs.claimed ? scan_ner(d, &cs) : TG_ERR_NOMEM;
    if (st == TG_OK)
        st = record(d, &cs);
    free(cs.c);
    free(cs.claimed);
    return st;
}
