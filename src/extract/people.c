/*
 * People: a given and a family name after an honorific or rank (นาย, พลเอก, ดร.), after a
 * position title (รองนายกรัฐมนตรีอนุทิน ชาญวีรกูล), or where the tagger finds a two-word name;
 * later partial mentions resolve to the full person of the document; the titles written before
 * and after a name give positions.
 *
 * Where a name ends is the hard part, because Thai glues the next word on (พลเอก อนุพงษ์
 * เผ่าจินดารัฐมนตรีว่าการ..., ดร.สาธิตกล่าวว่า) and family names are made of ordinary words
 * (โต๊ะมีนา holds มี). A name word ends at whitespace, at a position title, an organisation or a
 * verb that opens a clause; verbs that also make up names cut it only where the tagger's person
 * span agrees (issue 9, error class 6).
 */
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "thaigraph/text.h"
#include "thaigraph/grow.h"
#include "thaigraph/numbers.h"
#include "thaigraph/utf8.h"

struct pcand {
    size_t b, e;
    size_t given_b, given_e;
    size_t family_b, family_e; /* equal when the mention has no family name */
    const struct tg_gazetteer_entry *honorific;
    const struct xtitle *before; /* the title written right before the name, or NULL */
    bool alone;                  /* a person even without a family name */
    long person;
};

struct pcands {
    struct pcand *c;
    size_t n, cap;
    unsigned char *claimed; /* one mark per byte of the text */
};

/* Verbs that open the clause after a name and never make part of one. */
static const char *const clause_verbs[] = {"กล่าว", "เปิดเผย", "เผย", "ได้รับ", "ได้",   "เป็น", "จะ",
                                           "ต้อง",  "และ",    "ว่า",  "ซึ่ง",   "โดย",  "เพื่อ", "ให้",
                                           "ที่",    "หรือ",    "กับ",  "ของ",  "แถลง", "ย้ำ"};

/* Verbs that open a clause after a name but also make up names (นำชัย, มีชัย, รับขวัญ): they cut a
 * name only where the tagger's person span ends there too. */
static const char *const name_verbs[] = {
    "มอบ",  "สั่ง",   "ตรวจ", "นำ",   "ลง", "เดินทาง", "ประชุม", "เข้า",  "ชี้",   "แนะ",
    "เร่ง",  "ยืนยัน", "ระบุ",  "กำชับ", "รับ", "ขอ",     "ห่วง",   "เยี่ยม", "พบ",  "ชื่นชม",
    "หารือ", "ร่วม",  "พร้อม", "มี",    "ไป", "มา",     "เปิด",   "สร้าง", "เน้น", "ชวน"};

/* Words that describe the person named just before them (อายุ 45 ปี, อดีต ส.ส., ว่าที่
 * ผู้สมัคร): text written without spaces glues them to the family name, so they cut a name where
 * the tagger's person span ends too. */
static const char *const describing_words[] = {"อายุ", "อดีต", "ว่าที่", "สมาชิก", "ทนายความ"};

/* Words that open a post the title list does not hold (รอง ผกก., พนักงานสอบสวน, ครูสอน...):
 * glued to a family name, they end it where the tagger's person span ends too (issue 9, error
 * class 6: นางกัลยา ผกากรองรักษาการ, พ.ต.อ.สังวรณ์ ภู่ไพจิตกุลรอง). */
static const char *const post_openers[] = {"รอง", "พนักงาน", "ครู", "หัวหน้า", "ผู้"};

static size_t gazetteer_len(const struct xdoc *d, size_t b, unsigned types,
                            const struct tg_gazetteer_entry **entry)
{
    const struct tg_gazetteer_entry *e;
    size_t n;
    if (b >= d->len ||
        tg_gazetteer_match_at(d->ex->gazetteer, d->text, d->len, b, types, &e, &n) != TG_OK)
        return 0;
    if (entry)
        *entry = e;
    return n;
}

#define POSITION     TG_GAZETTEER_MASK(TG_GAZETTEER_POSITION)
#define HONORIFIC    TG_GAZETTEER_MASK(TG_GAZETTEER_HONORIFIC)
#define ORGANISATION TG_GAZETTEER_MASK(TG_GAZETTEER_ORGANISATION)
#define PROVINCE     TG_GAZETTEER_MASK(TG_GAZETTEER_PROVINCE)

static bool verb_at(const struct xdoc *d, size_t b, const char *const *verbs, size_t n)
{
    return xd_word_at(d, b, verbs, n);
}

/* End of the tagger's person span holding b, or 0. */
static size_t ner_person_end(const struct xdoc *d, size_t b)
{
    for (size_t i = 0; i < d->n_ner; i++)
        if (d->ner[i].type == TG_NER_PERSON && d->ner[i].byte_start <= b && b < d->ner[i].byte_end)
            return d->ner[i].byte_end;
    return 0;
}

/* Whether the tagger reads a place starting at b (อ.แม่สาย is a district, not อาจารย์ แม่สาย). */
static bool ner_place_at(const struct xdoc *d, size_t b)
{
    for (size_t i = 0; i < d->n_ner; i++)
        if (d->ner[i].type == TG_NER_PLACE && d->ner[i].byte_start == b)
            return true;
    return false;
}

/* Tokens from p to the end of the run at run_end, counting at most three. */
static int tokens_until(const struct xdoc *d, size_t p, size_t run_end)
{
    int n = 0;
    for (size_t q = p; q < run_end && n < 3; n++) {
        size_t next = xd_token_after(d, q);
        if (next == q)
            break;
        q = next;
    }
    return n;
}

/* Whether something that is no name starts at p, inside a run ending at run_end: a clause verb,
 * a title, an organisation, or a verb that also makes up names (โต๊ะมีนา) where the tagger ends
 * the name there, or, when it has no say, where a clause goes on after it
 * (ประวิตรมอบหมายให้หน่วยงาน). */
static bool name_stops_at(const struct xdoc *d, size_t p, size_t run_end, size_t ner_end)
{
    if (verb_at(d, p, clause_verbs, sizeof clause_verbs / sizeof *clause_verbs) ||
        gazetteer_len(d, p, POSITION, NULL) || gazetteer_len(d, p, ORGANISATION, NULL) ||
        xd_mention_at(d, p, TG_EXTRACT_ORGANISATION) >= 0)
        return true;
    /* The next person (สยามวาลานายบัญญัติ) or a title (ปริศนานันทกุลรองหัวหน้าพรรค) where the tagger
     * ends the name. */
    bool tagger_ends_here = ner_end && ner_end <= p;
    if (tagger_ends_here &&
        (gazetteer_len(d, p, HONORIFIC, NULL) || xd_title_starting(d, p) || xd_acting_at(d, p) ||
         verb_at(d, p, post_openers, sizeof post_openers / sizeof *post_openers) ||
         xd_stop_word_at(d, p)))
        return true;
    if (!verb_at(d, p, name_verbs, sizeof name_verbs / sizeof *name_verbs) &&
        !verb_at(d, p, describing_words, sizeof describing_words / sizeof *describing_words))
        return false;
    return ner_end ? ner_end <= p : tokens_until(d, p, run_end) >= 3;
}

/* A word that can be part of a name: Thai, two to thirty characters, up to whitespace or
 * wherever something that is no name starts inside it; a given name also ends where the
 * tagger's person span does (ทักษิณตอบ), a family name not (the tagger often ends one early:
 * วังบุญ|คงชนะ). *verb says whether a clause verb cut the word. b when none starts at b. */
static size_t name_word(const struct xdoc *d, size_t b, bool given, bool *verb)
{
    size_t run = xd_thai_run(d, b), ner_end = ner_person_end(d, b), e = run;
    /* A province's name is a given name too (ดร.สุรินทร์ พิศสุวรรณ) where the tagger says so, and
     * so is a verb that makes up names (นายชวน หลีกภัย, นายมีชัย ฤชุพันธุ์); after a given name
     * such a verb opens the clause (ภูมิธรรม หารือ), whatever the tagger reads. */
    if (run == b || xd_stop_word_at(d, b) || xd_has(d, b, "ผู้") ||
        verb_at(d, b, clause_verbs, sizeof clause_verbs / sizeof *clause_verbs) ||
        (!(given && ner_end) &&
         verb_at(d, b, name_verbs, sizeof name_verbs / sizeof *name_verbs)) ||
        gazetteer_len(d, b, POSITION | HONORIFIC | ORGANISATION, NULL) ||
        (!ner_end && gazetteer_len(d, b, PROVINCE, NULL)))
        return b;
    for (size_t p = xd_token_after(d, b); p > b && p < run; p = xd_token_after(d, p)) {
        if (name_stops_at(d, p, run, ner_end) || (given && p == ner_end)) {
            e = p;
            if (verb)
                *verb = verb_at(d, p, clause_verbs, sizeof clause_verbs / sizeof *clause_verbs) ||
                        verb_at(d, p, name_verbs, sizeof name_verbs / sizeof *name_verbs);
            break;
        }
        if (xd_token_after(d, p) == p)
            break;
    }
    size_t cps = tg_utf8_count(d->text + b, e - b);
    return cps < 2 || cps > 30 ? b : e;
}

static bool taken(const struct xdoc *d, const struct pcands *cs, size_t b, size_t e)
{
    return xd_claimed(cs->claimed, b, e) || xd_overlap(d, b, e) >= 0 || xd_excluded(d, b, e);
}

/* Skips up to three blanks within a line: news often puts two between the names. */
static size_t skip_name_gap(const struct xdoc *d, size_t b)
{
    size_t w;
    for (int i = 0; i < 3 && b < d->len && tg_text_is_blank(xd_cp(d, b, &w)); i++)
        b += w;
    return b;
}

/* ณ อยุธยา, ณ ระนอง: the particle opens a family name (often a province's name), unless a place
 * cue follows it, where ณ means "at" (ณ จังหวัดเชียงใหม่). Returns the end, or b. */
static size_t royal_family(const struct xdoc *d, size_t b)
{
    size_t n = strlen("ณ");
    if (!xd_has(d, b, "ณ") || !tg_text_is_blank(xd_cp(d, b + n, NULL)))
        return b;
    size_t w = skip_name_gap(d, b + n), e = xd_thai_run(d, w);
    if (e == w || gazetteer_len(d, w, TG_GAZETTEER_MASK(TG_GAZETTEER_PLACE_CUE), NULL) ||
        xd_stop_word_at(d, w))
        return b;
    return e;
}

/*
 * A family name whose first word would stop a name (ห่วงทรัพย์ opens with a verb, จึงรุ่งเรืองกิจ
 * with a function word, คุณาธรรมรักษ์ with an honorific, กองจันทร์ with an organisation's
 * prefix: issue 9, error class 6): the whole run at f is the family name where the tagger's
 * person span from b ends with it, or where a title follows it and it does not open with a
 * verb. Returns its end, or f.
 */
static size_t family_despite_start(const struct xdoc *d, size_t b, size_t f)
{
    size_t run = xd_thai_run(d, f), cps = tg_utf8_count(d->text + f, run - f);
    if (run == f || cps < 2 || cps > 30 || xd_has(d, f, "ผู้"))
        return f;
    size_t ner_end = ner_person_end(d, b);
    if (ner_end == run)
        return run;
    size_t next = skip_name_gap(d, run);
    bool verb = verb_at(d, f, clause_verbs, sizeof clause_verbs / sizeof *clause_verbs) ||
                verb_at(d, f, name_verbs, sizeof name_verbs / sizeof *name_verbs);
    /* The word must be read whole: nothing inside it that stops a name. */
    for (size_t p = xd_token_after(d, f); !verb && p > f && p < run; p = xd_token_after(d, p))
        if (name_stops_at(d, p, run, ner_end) || xd_token_after(d, p) == p)
            return f;
    return !verb && next > run && xd_title_starting(d, next) ? run : f;
}

/* Latin letters as Thai news spells them out in the initials of foreign names. */
static const char *const thai_initials[] = {"เอ",  "บี",      "ซี",     "ดี",    "อี",   "เอฟ", "จี",
                                            "เอช", "ไอ",     "เจ",    "เค",   "แอล", "เอ็ม", "เอ็น",
                                            "โอ",  "พี",      "คิว",    "อาร์",  "เอส", "ที",   "ยู",
                                            "วี",   "ดับเบิลยู", "ดับบลิว", "เอ็กซ์", "วาย", "แซด"};

/* นายโรเบิร์ต เอฟ. โกเดค, นางจีนา เอ็ม. เรมอนโด: a foreign middle initial, a spelt-out letter and a
 * dot, opens the family name, as the gold guideline writes it (issue 9, error class 6). Returns
 * where the family name proper starts, or f. */
static size_t middle_initial(const struct xdoc *d, size_t f)
{
    for (size_t i = 0; i < sizeof thai_initials / sizeof *thai_initials; i++) {
        size_t n = strlen(thai_initials[i]);
        if (xd_has(d, f, thai_initials[i]) && f + n < d->len && d->text[f + n] == '.')
            return skip_name_gap(d, f + n + 1);
    }
    return f;
}

/*
 * A given name whose first word would stop a name (นายเพิ่มสุข opens with a function word,
 * นายมีชัย and นายนำชัย with a verb: issue 9, error class 6): the word and the name word after it
 * (นายให้ alone is no one), kept by read_name only where a family name follows or the tagger's
 * person span ends with it. Returns its end, or b.
 */
static size_t given_despite_start(const struct xdoc *d, size_t b)
{
    size_t run = xd_thai_run(d, b), next = xd_token_after(d, b);
    if (next <= b || next >= run || xd_has(d, b, "ผู้") ||
        gazetteer_len(d, b, POSITION | HONORIFIC | ORGANISATION | PROVINCE, NULL))
        return b;
    size_t e = name_word(d, next, true, NULL);
    return e > next && tg_utf8_count(d->text + b, e - b) <= 30 ? e : b;
}

/* Given and family name from b; false when no given name starts there. A family name that is
 * a verb (พลเอก ประวิตร มอบหมาย) is none, unless the tagger takes it into the name. */
static bool read_name(const struct xdoc *d, size_t b, struct pcand *c)
{
    c->given_b = b;
    c->given_e = name_word(d, b, true, NULL);
    bool despite = c->given_e == b;
    if (despite)
        c->given_e = given_despite_start(d, b);
    if (c->given_e == b)
        return false;
    c->family_b = c->family_e = c->given_e;
    size_t f = skip_name_gap(d, c->given_e);
    size_t ner_end = ner_person_end(d, b);
    if (f > c->given_e) {
        bool verb = false;
        size_t proper = middle_initial(d, f);
        size_t fe = name_word(d, proper, false, &verb);
        if (proper > f && fe == proper)
            fe = f;
        if (fe == f)
            fe = family_despite_start(d, b, f);
        /* นายบุญสม เชื่อว่า: a word a clause verb cuts short, which the tagger leaves out of the
         * name, is the clause's. */
        if (fe > f && verb && ner_end && ner_end <= f)
            fe = f;
        if (fe > f) {
            c->family_b = f;
            c->family_e = fe;
            size_t n = skip_name_gap(d, fe);
            size_t we = n > fe ? royal_family(d, n) : n;
            if (we > n)
                c->family_e = we;
        } else if ((fe = royal_family(d, f)) > f) {
            c->family_b = f;
            c->family_e = fe;
        }
    }
    c->e = c->family_e;
    return !despite || c->family_e > c->given_e || ner_end == c->given_e;
}

/* Capitalised words that open an English title after a name (Mr. Satoru Hagiwara Executive Vice
 * President) or before it (H.E. Federal Councillor Albert Rosti) and are no part of a name: the
 * words of titles (xd_latin_title_word) and these, which open one without being a post's. */
static const char *const latin_title_openers[] = {"Acting", "Federal", "Business", "Professor"};

/* Lowercase words inside a foreign name (Felipe de la Morena Casado, Khairy bin Jamaluddin). */
static const char *const latin_particles[] = {"de",  "la", "van", "von", "der", "da",   "dos",
                                              "del", "di", "du",  "le",  "bin", "binti"};

/* End of a word of a Latin-script name at b (Chan-o-cha, O'Brien); a dot stays on an initial
 * (Michael G. Heath) and on a word in capitals (PHEAK. DOEUM), which is how such names are
 * written, and ends any other word (Mr. Rak. For ...). *last says the name ends with it. */
static size_t latin_name_word(const struct xdoc *d, size_t b, bool *last)
{
    size_t e = b, next;
    bool lower = false;
    while (e < d->len &&
           (xd_latin_letter_at(d, e, &next) || d->text[e] == '-' || d->text[e] == '\'')) {
        lower = lower || !xd_latin_upper_at(d, e);
        e = next;
    }
    *last = lower && e - b > 1 && e < d->len && d->text[e] == '.';
    if (e > b && !*last && e < d->len && d->text[e] == '.')
        e++;
    /* Covid19 or A4 is no name. */
    return e < d->len && d->text[e] >= '0' && d->text[e] <= '9' ? b : e;
}

/*
 * A name in Latin letters after an honorific (นาย PHEAK. DOEUM, H.E. Chea Sereyvath, Gen. Prayut
 * Chan-o-cha): two to five capitalised words one blank apart within a line, with lowercase
 * particles between them, up to a lowercase word, an English title word or anything else; the
 * first word is the given name (issue 9, error class 6). False when there are fewer than two.
 */
static bool read_latin_name(const struct xdoc *d, size_t b, struct pcand *c)
{
    size_t words = 0, p = b, w;
    c->given_b = c->given_e = c->family_b = c->family_e = b;
    while (words < 5 && p < d->len) {
        bool last;
        size_t we = latin_name_word(d, p, &last);
        bool particle =
            xd_word_at(d, p, latin_particles, sizeof latin_particles / sizeof *latin_particles);
        if (we == p || (!particle && !xd_latin_upper_at(d, p)) || (particle && !words) ||
            xd_latin_title_word(d, p, xd_latin_word_end(d, p, "")) ||
            XD_LATIN_IS(d, p, xd_latin_word_end(d, p, ""), latin_title_openers))
            break;
        /* The family name starts at the second word, a particle (de la Morena) included. */
        if (words && c->family_b == b)
            c->family_b = p;
        if (!particle) {
            if (!words++)
                c->given_e = we;
            c->family_e = we;
        }
        if (last || we >= d->len || !tg_text_is_blank(xd_cp(d, we, &w)))
            break;
        p = we + w;
    }
    c->e = c->family_e;
    return words >= 2;
}

/* Whether an opening bracket stands before the honorific at b, past blanks and other Latin
 * honorifics: a Latin name there spells out in English the person just named in Thai
 * (นายรอเบิร์ต เอฟ. โกเด็ก (H.E. Mr. Robert F. Godec)). */
static bool in_brackets(const struct xdoc *d, size_t b)
{
    for (size_t stop = b > 24 ? b - 24 : 0; b > stop;) {
        uint32_t cp = xd_cp_before(d, b);
        if (!xd_is_latin_letter(cp) && cp != '.' && !tg_text_is_blank(cp))
            break;
        while (b > 0 && ((unsigned char)d->text[--b] & 0xC0) == 0x80)
            ;
    }
    return b > 0 && d->text[b - 1] == '(';
}

static enum tg_status push(struct pcands *cs, struct pcand c)
{
    struct pcand *grown = xd_claim(cs->c, &cs->n, &cs->cap, &c, sizeof c, cs->claimed, c.b, c.e);
    if (grown)
        cs->c = grown;
    return grown ? TG_OK : TG_ERR_NOMEM;
}

/* The title ending right before b (past blanks), or NULL. */
static const struct xtitle *title_before(const struct xdoc *d, size_t b)
{
    b = xd_skip_spaces_back(d, 0, b);
    return xd_title_ending(d, b);
}

static const char *const weak_honorifics[] = {"คุณ", "อ.", "อาจารย์", "ศ.", "น้อง"};

/* Words that นาย turns into an office or trade (นายช่าง, นายอำเภอ, นายทหาร, นายจ้าง, นายตรวจ): no
 * name follows the honorific there (issue 9, error class 6). */
static const char *const nai_trades[] = {"ช่าง", "อำเภอ", "ทหาร",  "ตำรวจ", "จ้าง", "หน้า", "ทุน",
                                         "ด่าน", "สถานี",  "ประกัน", "เวร",   "ท้าย", "ตรวจ"};

/* Whether the honorific at [b, e) is นาย making a trade with the word after it, or counting
 * the men before it (ทหาร 8 นายขี่รถ, ตชด. 132 นาย: the classifier of soldiers and police)
 * where the tagger reads no name after it (a date comes before names: 2555 นายวิรัตน์). */
static bool trade_after_nai(const struct xdoc *d, size_t b, size_t e)
{
    if (e - b != strlen("นาย") || !xd_has(d, b, "นาย"))
        return false;
    size_t p = b;
    p = xd_skip_spaces_back(d, 0, p);
    return xd_word_at(d, e, nai_trades, sizeof nai_trades / sizeof *nai_trades) ||
           (tg_numbers_digit_value(xd_cp_before(d, p)) >= 0 && !ner_person_end(d, e));
}

/* Honorific-led names; a title that reads like one (นายแพทย์สาธารณสุขจังหวัด, นายกรัฐมนตรี) is a
 * position. */
static enum tg_status scan_honorifics(struct xdoc *d, struct pcands *cs)
{
    for (size_t t = 0; t < d->n_tokens; t++) {
        size_t b = d->tokens[t].byte_start;
        const struct tg_gazetteer_entry *hon;
        size_t hn = gazetteer_len(d, b, HONORIFIC, &hon);
        if (!hn || xd_title_starting(d, b))
            continue;
        /* Ranks come in runs (พลตำรวจเอก ดร.): the last one opens the name. */
        size_t next;
        const struct tg_gazetteer_entry *more;
        while ((next = xd_skip_spaces(d, b + hn)) < d->len &&
               gazetteer_len(d, next, HONORIFIC, &more) && !xd_title_starting(d, next)) {
            hn = next - b + gazetteer_len(d, next, HONORIFIC, NULL);
            hon = more;
        }
        /* นายกอบชัย: the word breaker glues the honorific to the name (นายก), as it does in
         * นายจ้าง or นางฟ้า; there the tagger decides, and since นายก, นายช่าง and นายอำเภอ are
         * titles too, only a given and a family name make a person (issue 9, error class 6). */
        bool glued = d->text[b + hn - 1] != '.' && !xd_token_end(d, b + hn) &&
                     !tg_text_is_blank(xd_cp(d, b + hn, NULL));
        /* อ. is also อำเภอ and ต. ตำบล: where the tagger reads a place from the honorific on,
         * it abbreviates a place cue (อ.เมือง, อ.แม่สาย จ.เชียงราย; issue 9, error class 6). */
        if ((glued && ner_person_end(d, b + hn) <= b + hn) || trade_after_nai(d, b, b + hn) ||
            (ner_place_at(d, b) && !ner_person_end(d, b)))
            continue;
        size_t name = xd_skip_spaces(d, b + hn);
        bool latin = xd_latin_upper_at(d, name);
        /* ถ้ำหลวงขุนน้ำนางนอน, ขอบคุณ Russell Crowe: an honorific glued to the word before it
         * is inside another word, unless the tagger reads a person from there (ของนายสมชาย). */
        if (xd_is_thai(xd_cp_before(d, b)) && ner_person_end(d, b) == 0 &&
            ner_person_end(d, name) == 0)
            continue;
        /* นายเนวิน, พ.ต.ท.ทักษิณ: an honorific that only stands before names makes a person of
         * a given name alone; คุณ and อ. also begin words (คุณประโยชน์, อ.เมือง). */
        struct pcand c = {.b = b,
                          .honorific = hon,
                          .person = -1,
                          .before = title_before(d, b),
                          .alone = !glued &&
                                   !xd_word_at(d, b, weak_honorifics,
                                               sizeof weak_honorifics / sizeof *weak_honorifics)};
        if (!(latin ? !in_brackets(d, b) && read_latin_name(d, name, &c)
                    : read_name(d, name, &c)) ||
            taken(d, cs, c.b, c.e))
            continue;
        enum tg_status st = push(cs, c);
        if (st != TG_OK)
            return st;
    }
    return TG_OK;
}

/* Whether capitalised words [b, e) after an English title name a thing named after the post
 * (the Prime Minister Road Safety Award) rather than its holder: a body (xd_latin_body_word:
 * the Prime Minister Office) or one of these. */
static bool names_thing(const struct xdoc *d, size_t b, size_t e)
{
    static const char *const things[] = {"Award",   "Awards",      "Road",      "Safety", "Policy",
                                         "Project", "Programme",   "Program",   "Day",    "House",
                                         "Hall",    "Government",  "Cup",       "Trophy", "Prize",
                                         "Meeting", "Scholarship", "Conference"};
    if (xd_overlap(d, b, e) >= 0)
        return true;
    for (size_t p = b; p < e; p++) {
        size_t we = p == b || d->text[p - 1] == ' ' ? xd_latin_word_end(d, p, "") : p;
        if (we > p && (XD_LATIN_IS(d, p, we, things) || xd_latin_body_word(d, p, we)))
            return true;
    }
    return false;
}

/* Names written right after a title without an honorific: รองนายกรัฐมนตรีอนุทิน ชาญวีรกูล,
 * รมช.ประภัตร. */
static enum tg_status scan_titled(struct xdoc *d, struct pcands *cs)
{
    for (size_t i = 0; i < d->n_titles; i++) {
        const struct xtitle *t = &d->titles[i];
        size_t b = xd_skip_spaces(d, t->end);
        if (b - t->end > 1 || gazetteer_len(d, b, HONORIFIC, NULL))
            continue;
        /* Without an honorific, only the tagger tells a name from the words of the clause
         * (นายกรัฐมนตรีติดตามการแก้ไข...). */
        struct pcand c = {.b = b, .person = -1, .before = t};
        /* Prime Minister Paetongtarn Shinawatra: an English title before capitalised words
         * names the person they spell. */
        bool latin = t->latin && xd_latin_upper_at(d, b);
        if (!(latin ? read_latin_name(d, b, &c) && !names_thing(d, c.b, c.e)
                    : ner_person_end(d, b) && read_name(d, b, &c)) ||
            taken(d, cs, c.b, c.e))
            continue;
        enum tg_status st = push(cs, c);
        if (st != TG_OK)
            return st;
    }
    return TG_OK;
}

/* Whether [b, e) stands alone inside quotation marks: a headline quotes the person it is
 * about by the one name it is known by ("สมคิด" ตั้งทีม..., “ทักษิณ” ใบที่ 5). A given name is
 * short; a longer quoted word names a thing (“พุทธบูชานาคสัมพัจฉร์”, an image of the Buddha). */
static bool quoted_alone(const struct xdoc *d, size_t b, size_t e)
{
    uint32_t open = xd_cp_before(d, b), close = xd_cp(d, e, NULL);
    return ((open == '"' && close == '"') || (open == 0x201C && close == 0x201D)) &&
           (memchr(d->text + b, ' ', e - b) || tg_utf8_count(d->text + b, e - b) <= 12);
}

#define RESPECTFUL_PRONOUN "ท่าน"

/* Royals are written with royal titles, not names (the gold guideline leaves them out). */
static const char *const royal_words[] = {"พระบาท", "สมเด็จ", "พระบรม", "พระราช", "พระเจ้า"};

/* Names the tagger finds that the rules did not, when the name reads exactly as its span: a
 * given name and a family name, or one word (ทักษิณ, ลิซ่า), which stands for the full person
 * when the document names one. */
static enum tg_status scan_ner(struct xdoc *d, struct pcands *cs)
{
    for (size_t i = 0; i < d->n_ner; i++) {
        const struct tg_ner_span *s = &d->ner[i];
        if (s->type != TG_NER_PERSON)
            continue;
        size_t title = tg_ner_title_length(d->text + s->byte_start, s->byte_end - s->byte_start);
        /* ท่าน, the respectful "he" or "she", opens the tagger's span before a name (ท่านสุชาติ
         * ชมกลิ่น): the person is the name after it, which the word is no part of. */
        bool pronoun = title == 0 && xd_has(d, s->byte_start, RESPECTFUL_PRONOUN);
        size_t from = s->byte_start + (pronoun ? strlen(RESPECTFUL_PRONOUN) : 0);
        size_t b = xd_skip_spaces(d, from + title);
        struct pcand c = {.b = from,
                          .person = -1,
                          .before = title_before(d, b),
                          .alone = title > 0 || quoted_alone(d, s->byte_start, s->byte_end)};
        /* Without a title or the pronoun before or inside it, a name is written after a blank or
         * a mark; a span glued onto the word before it is a noun phrase's tail (เกษตรอินทรีย์
         * วนเกษตร, คดีอุจฉกรรจ์ สะเทือนขวัญ; issue 9, error class 6). */
        if ((!title && !pronoun && !c.before && xd_is_thai(xd_cp_before(d, s->byte_start))) ||
            trade_after_nai(d, s->byte_start, s->byte_start + title) || !read_name(d, b, &c) ||
            c.e != s->byte_end || taken(d, cs, c.b, c.e) ||
            xd_word_at(d, b, royal_words, sizeof royal_words / sizeof *royal_words))
            continue;
        enum tg_status st = push(cs, c);
        if (st != TG_OK)
            return st;
    }
    return TG_OK;
}

static long find_person(const struct xdoc *d, const char *given, size_t gn, bool need_family)
{
    for (size_t i = 0; i < d->r->person_count; i++) {
        const struct tg_extract_person *p = &d->r->people[i];
        if (strlen(p->given) == gn && memcmp(p->given, given, gn) == 0 &&
            (!need_family || p->family))
            return (long)i;
    }
    return -1;
}

static const char *honorific_form(const struct tg_gazetteer_entry *hon)
{
    const struct tg_gazetteer_entry *full = tg_gazetteer_entry_parent(hon);
    return tg_gazetteer_entry_name(full ? full : hon);
}

/* Copies the family name, one plain space wherever the text had blanks (ณ  อยุธยา). */
static char *copy_collapsed(const struct xdoc *d, size_t b, size_t e)
{
    char *out = malloc(e - b + 1);
    size_t n = 0, w;
    bool blank = false;
    for (size_t p = b; out && p < e; p += w) {
        uint32_t cp = xd_cp(d, p, &w);
        if (tg_text_is_blank(cp)) {
            blank = true;
            continue;
        }
        if (blank)
            out[n++] = ' ';
        blank = false;
        memcpy(out + n, d->text + p, w);
        n += w;
    }
    if (out)
        out[n] = '\0';
    return out;
}

static enum tg_status new_person(struct xdoc *d, const struct pcand *c)
{
    struct tg_extract_result *r = d->r;
    struct tg_extract_person *grown =
        tg_grow(r->people, &d->cap_people, r->person_count + 1, sizeof *grown);
    if (!grown)
        return TG_ERR_NOMEM;
    r->people = grown;
    struct tg_extract_person *p = &r->people[r->person_count++];
    size_t gn = c->given_e - c->given_b;
    p->given = xd_dup(d->text + c->given_b, gn);
    if (c->family_e > c->family_b)
        p->family = copy_collapsed(d, c->family_b, c->family_e);
    size_t fn = p->family ? strlen(p->family) : 0;
    /* One plain space between the names, whatever blank the text had there. */
    if ((p->name = malloc(gn + 1 + fn + 1))) {
        memcpy(p->name, d->text + c->given_b, gn);
        p->name[gn] = ' ';
        memcpy(p->name + gn + 1, p->family ? p->family : "", fn);
        p->name[gn + (fn ? 1 : 0) + fn] = '\0';
    }
    if (c->honorific) {
        const char *h = honorific_form(c->honorific);
        p->honorific = xd_dup(h, strlen(h));
    }
    if (!p->name || !p->given || (c->family_e > c->family_b && !p->family) ||
        (c->honorific && !p->honorific))
        return TG_ERR_NOMEM;
    return tg_text_make_key(p->name, strlen(p->name), &p->key);
}

static bool same_family(const struct xdoc *d, const struct tg_extract_person *p,
                        const struct pcand *c)
{
    char *family = copy_collapsed(d, c->family_b, c->family_e);
    bool same = family && strcmp(family, p->family) == 0;
    free(family);
    return same;
}

/* Full names first, so that a partial mention anywhere in the text finds its person. */
static enum tg_status resolve(struct xdoc *d, struct pcands *cs)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < cs->n; i++) {
            struct pcand *c = &cs->c[i];
            bool full = c->family_e > c->family_b;
            if (full != (pass == 0))
                continue;
            const char *given = d->text + c->given_b;
            size_t gn = c->given_e - c->given_b;
            c->person = find_person(d, given, gn, true);
            if (c->person >= 0 && full && !same_family(d, &d->r->people[c->person], c))
                c->person = -1;
            /* A given name alone names someone the document names in full; on its own it is
             * as likely a noun after a title-like word (คุณประโยชน์, อ.เมือง). */
            if (c->person < 0 && !full && !c->alone)
                continue;
            if (c->person < 0) {
                enum tg_status st = new_person(d, c);
                if (st != TG_OK)
                    return st;
                c->person = (long)d->r->person_count - 1;
            }
            struct tg_extract_person *p = &d->r->people[c->person];
            if (!p->honorific && c->honorific) {
                const char *h = honorific_form(c->honorific);
                if (!(p->honorific = xd_dup(h, strlen(h))))
                    return TG_ERR_NOMEM;
            }
        }
    }
    return TG_OK;
}

/* A given name alone (วิเชียร กล่าว) is the person of this document who has it. */
struct given {
    const char *name;
    size_t len;
    long person;
};

static int by_given(const void *x, const void *y)
{
    const struct given *a = x, *b = y;
    int c = memcmp(a->name, b->name, a->len < b->len ? a->len : b->len);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* Looks every Thai run standing alone up in the sorted given names, so the text is read once
 * however many people it names; a run may carry a title or verb glued after the name. */
static enum tg_status scan_given_names(struct xdoc *d, struct pcands *cs)
{
    size_t n = d->r->person_count;
    struct given *names = calloc(n + 1, sizeof *names);
    if (!names)
        return TG_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        names[i] = (struct given){d->r->people[i].given, strlen(d->r->people[i].given), (long)i};
    if (n > 1)
        qsort(names, n, sizeof *names, by_given);
    enum tg_status st = TG_OK;
    size_t w;
    for (size_t b = 0; st == TG_OK && b < d->len; b += w) {
        if (!xd_is_thai(xd_cp(d, b, &w)) || xd_is_thai(xd_cp_before(d, b)))
            continue;
        size_t e = name_word(d, b, true, NULL);
        if (e == b)
            e = xd_thai_run(d, b);
        struct given key = {d->text + b, e - b, -1};
        const struct given *hit = bsearch(&key, names, n, sizeof *names, by_given);
        if (hit && !taken(d, cs, b, e))
            st = push(cs, (struct pcand){.b = b,
                                         .e = e,
                                         .given_b = b,
                                         .given_e = e,
                                         .family_b = e,
                                         .family_e = e,
                                         .before = title_before(d, b),
                                         .person = hit->person});
        w = xd_thai_run(d, b) - b;
    }
    free(names);
    return st;
}

static enum tg_status add_position(struct xdoc *d, long person, const struct xtitle *t, size_t at)
{
    struct tg_extract_person *p = &d->r->people[person];
    for (size_t i = 0; i < p->position_count; i++)
        if (p->positions[i].organisation == t->org && strcmp(p->positions[i].title, t->title) == 0)
            return TG_OK;
    struct tg_extract_position *grown =
        realloc(p->positions, (p->position_count + 1) * sizeof *grown);
    if (!grown)
        return TG_ERR_NOMEM;
    p->positions = grown;
    /* The sentence is found once the text is split into sentences; until then the evidence
     * marks where the name stands. */
    grown[p->position_count] = (struct tg_extract_position){
        .organisation = t->org, .evidence = {.byte_start = at, .byte_end = at}};
    if (!(grown[p->position_count].title = xd_dup(t->title, strlen(t->title))))
        return TG_ERR_NOMEM;
    p->position_count++;
    return TG_OK;
}

/* The titles written after a name: right after it or in brackets (นายนิรุฒ มณีพันธ์ (ผู้ว่าการ
 * การรถไฟฯ)), and any joined on with และ (นายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงกลาโหม is two). */
/* A nickname in brackets after a name, (อ.โจ้): short, and no title inside. */
static size_t skip_nickname(const struct xdoc *d, size_t b)
{
    if (b >= d->len || d->text[b] != '(' || xd_title_starting(d, xd_skip_spaces(d, b + 1)))
        return b;
    const char *close = memchr(d->text + b, ')', d->len - b < 40 ? d->len - b : 40);
    return close ? xd_skip_spaces(d, (size_t)(close - d->text) + 1) : b;
}

/* The title right after a name, past blanks, a bracket or a nickname; NULL when there is none.
 */
static const struct xtitle *title_after(const struct xdoc *d, size_t e)
{
    size_t b = xd_skip_spaces(d, e);
    if (b - e > 3)
        return NULL;
    b = skip_nickname(d, b);
    if (b < d->len && d->text[b] == '(')
        b = xd_skip_spaces(d, b + 1);
    /* Mr. Charles H. Rivkin, chairman of ...: English sets the title off with a comma. */
    if (b < d->len && d->text[b] == ',') {
        const struct xtitle *t = xd_title_starting(d, xd_skip_spaces(d, b + 1));
        /* ..., Minister of Foreign Affairs Maris Sangiampongsa, Deputy Minister of Defense
         * Gen. Nattaphon: a title a name follows is that name's. */
        size_t next = t ? xd_skip_spaces(d, t->end) : 0;
        return t && t->latin && !(next > t->end && xd_latin_upper_at(d, next)) ? t : NULL;
    }
    size_t acting = xd_acting_at(d, b);
    return xd_title_starting(d, acting ? xd_skip_spaces(d, b + acting) : b);
}

/* The titles written after a name: right after it or in brackets (นายนิรุฒ มณีพันธ์ (ผู้ว่าการ
 * การรถไฟฯ)), and any joined on with และ (นายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงกลาโหม is two; in
 * กรรมการและผู้จัดการทั่วไป บรรษัท... both are posts in the one organisation) or as an acting
 * post (xd_title_joined). */
static enum tg_status titles_after(struct xdoc *d, const struct pcand *c, unsigned char *used)
{
    const struct xtitle *joined[4];
    bool shares[4] = {false};
    size_t n = 0;
    for (const struct xtitle *t = title_after(d, c->e); t && n < 4;
         t = xd_title_joined(d, t, &shares[n - 1]))
        joined[n++] = t;
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < n; i++) {
        struct xtitle t = *joined[i];
        size_t last = i;
        while (shares[last] && last + 1 < n)
            last++;
        if (t.org < 0 && t.wants_org && t.end == t.e)
            t.org = joined[last]->org;
        st = add_position(d, c->person, &t, c->b);
        used[joined[i] - d->titles] = 1;
    }
    return st;
}

/* นางวรวรรณ ชิตอรุณ และนายภานุวัฒน์ ตริยางกูรศรี รองปลัดกระทรวงอุตสาหกรรม: names joined with
 * และ share the title written after the last of them. */
static const struct xtitle *shared_title(const struct xdoc *d, const struct pcands *cs, size_t i)
{
    for (size_t k = i + 1; k < cs->n && k < i + 4; k++) {
        size_t at = xd_skip_spaces(d, cs->c[k - 1].e);
        if (!xd_has(d, at, "และ") || xd_skip_spaces(d, at + strlen("และ")) != cs->c[k].b)
            return NULL;
        const struct xtitle *t = title_after(d, cs->c[k].e);
        if (t)
            return t;
    }
    return NULL;
}

/* รมว.สุชาติ in a headline and นายสุชาติ ชมกลิ่น รัฐมนตรีว่าการกระทรวงแรงงาน in the body are one
 * post: a title without its organisation says no more than the same title with it (issue 9). */
static void drop_bare_repeats(struct tg_extract_person *p)
{
    size_t kept = 0;
    for (size_t i = 0; i < p->position_count; i++) {
        bool said = false;
        for (size_t k = 0; !said && p->positions[i].organisation < 0 && k < p->position_count; k++)
            said = p->positions[k].organisation >= 0 &&
                   strcmp(p->positions[k].title, p->positions[i].title) == 0;
        if (said)
            free(p->positions[i].title);
        else
            p->positions[kept++] = p->positions[i];
    }
    p->position_count = kept;
}

static int by_b(const void *x, const void *y)
{
    const struct pcand *a = x, *b = y;
    return (a->b > b->b) - (a->b < b->b);
}

/* Every resolved candidate becomes a mention, with the positions written around it. A title
 * after a name is that person's; one before a name is, unless it closes the name before it (in
 * "Name1 Title1 Name2 Title2" Title1 is Name1's). */
static enum tg_status record(struct xdoc *d, struct pcands *cs)
{
    if (cs->n > 1)
        qsort(cs->c, cs->n, sizeof *cs->c, by_b);
    unsigned char *used = calloc(d->n_titles + 1, 1);
    if (!used)
        return TG_ERR_NOMEM;
    enum tg_status st = TG_OK;
    for (size_t i = 0; st == TG_OK && i < cs->n; i++) {
        const struct pcand *c = &cs->c[i];
        if (c->person < 0)
            continue;
        d->r->people[c->person].mention_count++;
        st = xd_add_mention(d, TG_EXTRACT_PERSON, c->b, c->e, c->person);
        if (st == TG_OK)
            st = titles_after(d, c, used);
        const struct xtitle *shared = title_after(d, c->e) ? NULL : shared_title(d, cs, i);
        if (st == TG_OK && shared)
            st = add_position(d, c->person, shared, c->b);
    }
    /* A person introduced with a title after the name takes no title from before it. */
    for (size_t i = 0; st == TG_OK && i < cs->n; i++) {
        const struct pcand *c = &cs->c[i];
        if (c->person < 0 || !c->before || used[c->before - d->titles] || title_after(d, c->e))
            continue;
        st = add_position(d, c->person, c->before, c->b);
        /* Prime Minister and Defense Minister Gen. Prayut Chan-o-cha holds both; three titles
         * before are as many as a name is written with (titles_after reads four in all). */
        const struct xtitle *t = c->before;
        for (int k = 0;
             st == TG_OK && k < 3 && (t = xd_title_joined_before(d, t)) && !used[t - d->titles];
             k++)
            st = add_position(d, c->person, t, c->b);
    }
    for (size_t i = 0; st == TG_OK && i < d->r->person_count; i++)
        drop_bare_repeats(&d->r->people[i]);
    free(used);
    return st;
}

enum tg_status xd_people(struct xdoc *d)
{
    static enum tg_status (*const steps[])(struct xdoc *, struct pcands *) = {
        scan_honorifics, scan_titled, scan_ner, resolve, scan_given_names, record};
    struct pcands cs = {.claimed = calloc(d->len, 1)};
    enum tg_status st = cs.claimed ? xd_titles(d) : TG_ERR_NOMEM;
    for (size_t i = 0; st == TG_OK && i < sizeof steps / sizeof *steps; i++)
        st = steps[i](d, &cs);
    free(cs.c);
    free(cs.claimed);
    return st;
}
