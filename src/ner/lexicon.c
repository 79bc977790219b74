#include "ner_internal.h"

#include <string.h>

#include "thaigraph/utf8.h"

/*
 * Short closed lists of words that announce an entity in Thai news. The tagger learns how much
 * to trust each list; the lists only have to be precise, not complete.
 */
static const char *const titles[] = {
    "นาย",        "นาง",       "นางสาว",     "น.ส.",          "ด.ช.",
    "ด.ญ.",       "เด็กชาย",    "เด็กหญิง",     "ดร.",           "นพ.",
    "น.พ.",       "พญ.",       "พ.ญ.",       "ทพ.",           "ศ.",
    "รศ.",        "ผศ.",       "ศาสตราจารย์", "รองศาสตราจารย์", "ผู้ช่วยศาสตราจารย์",
    "พล.อ.",      "พล.ท.",     "พล.ต.",      "พ.อ.",          "พ.ท.",
    "พ.ต.",       "ร.อ.",      "ร.ท.",       "ร.ต.",          "จ.ส.อ.",
    "ส.อ.",       "พล.ต.อ.",   "พล.ต.ท.",    "พล.ต.ต.",       "พ.ต.อ.",
    "พ.ต.ท.",     "พ.ต.ต.",    "ร.ต.อ.",     "ร.ต.ท.",        "ร.ต.ต.",
    "ด.ต.",       "จ.ส.ต.",    "ส.ต.อ.",     "พล.ร.อ.",       "พล.อ.อ.",
    "ม.ร.ว.",     "ม.ล.",      "หม่อมราชวงศ์", "หม่อมหลวง",      "คุณหญิง",
    "ท่านผู้หญิง",    "พลเอก",     "พลตำรวจเอก", "พลตำรวจโท",     "พลตำรวจตรี",
    "พันตำรวจเอก", "พันตำรวจโท", "พันเอก",      "นายแพทย์",       "แพทย์หญิง",
    "Mr.",        "Mrs.",      "Ms.",        "Dr.",
};

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

struct word_list {
    const char *const *words;
    size_t count;
    uint8_t cue;
};

#define WORD_LIST(array, cue)                                                                      \
    {                                                                                              \
        array, sizeof array / sizeof array[0], cue                                                 \
    }

static const struct word_list word_lists[] = {
    WORD_LIST(titles, NER_CUE_TITLE),
    WORD_LIST(org_words, NER_CUE_ORG),
    WORD_LIST(place_words, NER_CUE_PLACE),
    WORD_LIST(date_words, NER_CUE_DATE),
};

/* Length of the longest word of the list that text[0..len) starts with, 0 when none. */
static size_t longest_prefix(const struct word_list *list, const char *text, size_t len)
{
    size_t best = 0;
    for (size_t i = 0; i < list->count; i++) {
        size_t n = strlen(list->words[i]);
        if (n > best && n <= len && memcmp(text, list->words[i], n) == 0)
            best = n;
    }
    return best;
}

void ner_mark_cues(const char *text, const struct ner_token *tokens, size_t count, uint8_t *cues)
{
    memset(cues, 0, count);
    size_t len = count ? tokens[count - 1].byte_end : 0;
    for (size_t i = 0; i < count; i++) {
        for (size_t l = 0; l < sizeof word_lists / sizeof word_lists[0]; l++) {
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
        size_t n = longest_prefix(&word_lists[0], utf8 + taken, len - taken);
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
