#include "ner_internal.h"

#include <pthread.h>
#include <string.h>

#include "thaigraph/text.h"
#include "thaigraph/utf8.h"

/*
 * Short closed lists of words that announce an entity in Thai news. The tagger learns how much
 * to trust each list; the lists only have to be precise, not complete.
 */
static const char *const org_words[] = {
    "กระทรวง", "กรม",       "สำนักงาน",  "สำนัก",     "บริษัท",     "บจก.",       "บมจ.",  "มูลนิธิ",
    "สถาบัน",   "มหาวิทยาลัย", "ม.",       "ธนาคาร",   "สมาคม",    "สภา",        "คณะ",   "องค์การ",
    "องค์กร",   "พรรค",      "ศาล",      "กอง",      "ศูนย์",      "ชมรม",       "สหกรณ์", "กองทัพ",
    "สโมสร",   "การไฟฟ้า",   "การประปา", "การท่าเรือ", "การรถไฟ",  "การท่องเที่ยว", "กลุ่ม",   "หน่วย",
    "โรงเรียน", "วิทยาลัย",    "สหภาพ",    "สถานี",     "หนังสือพิมพ์", "ตำรวจ",
};

static const char *const place_words[] = {
    "จังหวัด", "จ.",   "อำเภอ", "อ.",         "ตำบล",   "ต.",     "หมู่บ้าน", "ถนน",
    "ถ.",    "ซอย",  "ซ.",    "เขต",        "แขวง",   "ประเทศ", "เมือง",  "กรุง",
    "ภาค",   "เกาะ", "แม่น้ำ",  "ทะเล",       "หมู่",     "บ้าน",    "วัด",    "โรงพยาบาล",
    "รพ.",   "สนาม", "สะพาน", "ท่าอากาศยาน", "สนามบิน", "อุทยาน",  "ห้าง",   "โรงแรม",
    "ตลาด",  "ภูเขา", "ดอย",   "คลอง",       "บึง",
};

static const char *const date_words[] = {
    "วันที่",      "วัน",     "เดือน",    "ปี",      "พ.ศ.",    "ค.ศ.",   "มกราคม", "กุมภาพันธ์",
    "มีนาคม",    "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม",
    "พฤศจิกายน", "ธันวาคม", "ม.ค.",    "ก.พ.",   "มี.ค.",    "เม.ย.",  "พ.ค.",   "มิ.ย.",
    "ก.ค.",     "ส.ค.",   "ก.ย.",    "ต.ค.",   "พ.ย.",    "ธ.ค.",   "จันทร์",   "อังคาร",
    "พุธ",       "พฤหัสบดี", "ศุกร์",     "เสาร์",   "อาทิตย์",   "วันนี้",    "เมื่อวาน", "พรุ่งนี้",
};

struct word {
    const char *s;
    size_t len;
};

/* Words are bucketed by their first code point (for Thai) or first byte: a token is compared
 * only with the few words that can start it, not with every word of the list (issue 10). */
#define FIRST_KEYS 256

struct word_list {
    const struct word *words;
    size_t count;
    uint8_t cue;
    uint16_t bucket[FIRST_KEYS + 1]; /* bucket k is order[bucket[k] .. bucket[k + 1]) */
    uint16_t order[256];
};

/* The bucket of text[0..len), len > 0: a Thai letter's offset in its block, else 128 plus the
 * first byte's low seven bits. Equal first code points give equal keys. */
static unsigned first_key(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    if (len >= 3 && u[0] == 0xE0 && (u[1] == 0xB8 || u[1] == 0xB9))
        return (unsigned)(u[1] & 1) << 6 | (u[2] & 0x3F);
    return 128 + (u[0] & 0x7F);
}

/* The title list is the text module's honorifics (tg_text_honorifics), the one list of them;
 * the others are the short lists above. All are set up once per process. */
enum { LIST_TITLES, LIST_ORG, LIST_PLACE, LIST_DATE, LIST_COUNT };

static struct word titles[256];
static struct word org[sizeof org_words / sizeof *org_words];
static struct word place[sizeof place_words / sizeof *place_words];
static struct word date[sizeof date_words / sizeof *date_words];
static struct word_list word_lists[LIST_COUNT] = {
    [LIST_TITLES] = {.words = titles, .cue = NER_CUE_TITLE},
    [LIST_ORG] = {.words = org, .cue = NER_CUE_ORG},
    [LIST_PLACE] = {.words = place, .cue = NER_CUE_PLACE},
    [LIST_DATE] = {.words = date, .cue = NER_CUE_DATE},
};
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void fill(struct word_list *list, const char *const *words, size_t n)
{
    struct word *out = (struct word *)list->words;
    for (size_t i = 0; i < n; i++)
        out[i] = (struct word){words[i], strlen(words[i])};
    list->count = n;
}

static void bucket_words(struct word_list *list)
{
    memset(list->bucket, 0, sizeof list->bucket);
    for (size_t i = 0; i < list->count; i++)
        list->bucket[first_key(list->words[i].s, list->words[i].len) + 1]++;
    for (unsigned k = 0; k < FIRST_KEYS; k++)
        list->bucket[k + 1] += list->bucket[k];
    uint16_t fill_at[FIRST_KEYS];
    memcpy(fill_at, list->bucket, sizeof fill_at);
    for (size_t i = 0; i < list->count; i++)
        list->order[fill_at[first_key(list->words[i].s, list->words[i].len)]++] = (uint16_t)i;
}

static void set_up_lists(void)
{
    const char *form;
    size_t len, n = 0;
    for (size_t pos = 0;
         n < sizeof titles / sizeof *titles && tg_text_honorific_next(&pos, &form, &len);)
        titles[n++] = (struct word){form, len};
    word_lists[LIST_TITLES].count = n;
    fill(&word_lists[LIST_ORG], org_words, sizeof org_words / sizeof *org_words);
    fill(&word_lists[LIST_PLACE], place_words, sizeof place_words / sizeof *place_words);
    fill(&word_lists[LIST_DATE], date_words, sizeof date_words / sizeof *date_words);
    for (size_t l = 0; l < LIST_COUNT; l++)
        bucket_words(&word_lists[l]);
}

static const struct word_list *lists(void)
{
    pthread_once(&lists_once, set_up_lists);
    return word_lists;
}

/* Length of the longest word of the list that text[0..len) starts with, 0 when none. */
static size_t longest_prefix(const struct word_list *list, const char *text, size_t len)
{
    size_t best = 0;
    if (len == 0)
        return 0;
    unsigned key = first_key(text, len);
    for (size_t b = list->bucket[key]; b < list->bucket[key + 1]; b++) {
        size_t i = list->order[b];
        size_t n = list->words[i].len;
        /* Thai words share their leading bytes; their last byte mostly tells them apart, and
         * testing it first spares a memcmp call per word per token (issue 10). */
        if (n > best && n <= len && text[n - 1] == list->words[i].s[n - 1] &&
            memcmp(text, list->words[i].s, n) == 0)
            best = n;
    }
    return best;
}

void ner_mark_cues(const char *text, const struct ner_token *tokens, size_t count, uint8_t *cues)
{
    const struct word_list *word_lists = lists();
    memset(cues, 0, count);
    size_t len = count ? tokens[count - 1].byte_end : 0;
    for (size_t i = 0; i < count; i++) {
        for (size_t l = 0; l < LIST_COUNT; l++) {
            size_t at = tokens[i].byte_start;
            size_t n = longest_prefix(&word_lists[l], text + at, len - at);
            /* An entry counts only when it ends where a token ends, so จ. does not fire inside
             * จังหวัด's neighbours and กรม not at the start of กรมธรรม์. */
            size_t j = i;
            while (n && j < count && tokens[j].byte_end < at + n)
                j++;
            if (!n || j == count || tokens[j].byte_end != at + n)
                continue;
            for (size_t k = i; k <= j; k++)
                cues[k] |= word_lists[l].cue;
            cues[i] |= NER_CUE_BEGIN;
            cues[j] |= NER_CUE_END;
        }
    }
}

/* A dotted abbreviation such as พล. or ต. (one to three Thai letters and a point): Thai ranks
 * and degrees are written as runs of them, พล.ต.อ. or ศ.ดร., too many to list. */
static size_t dotted_abbreviation(const char *text, size_t len)
{
    size_t pos = 0;
    size_t letters = 0;
    while (pos < len) {
        uint32_t cp = tg_utf8_next(text, len, &pos);
        if (cp == '.')
            return letters >= 1 && letters <= 3 ? pos : 0;
        if (cp < 0x0E01 || cp > 0x0E4E || ++letters > 3)
            return 0;
    }
    return 0;
}

size_t tg_ner_title_length(const char *utf8, size_t len)
{
    size_t taken = 0;
    for (;;) {
        size_t n = longest_prefix(&lists()[LIST_TITLES], utf8 + taken, len - taken);
        if (!n)
            n = dotted_abbreviation(utf8 + taken, len - taken);
        if (!n)
            break;
        size_t next = taken + n;
        while (next < len && utf8[next] == ' ')
            next++;
        if (next >= len)
            break;
        taken = next;
    }
    return taken;
}
