/*
 * Events: sentences with a trigger word (ประชุม, Conference, ลงนาม, อบรม, เปิดโครงการ, ...) give
 * candidate events with the dates, places, organisations and people of the sentence; candidates
 * of one kind whose dates agree are one event of the document.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "thaigraph/text.h"
#include "thaigraph/grow.h"
#include "thaigraph/utf8.h"

/* A competition; alone the word is as often competitiveness (ความสามารถในการแข่งขัน): see
 * contests[]. */
#define CONTEST "การแข่งขัน"

/* A handover given or received (issue 9, class 7); after มอบนโยบาย in triggers[], so that
 * รับมอบนโยบาย stays the meeting it is. */
#define HAND_OVER "ส่งมอบ"
#define TAKE_OVER "รับมอบ"

/* Issuing a measure, an event only when parties issue it together (issue 9, class 8). */
#define MEASURE "ออกมาตรการ"
/* How far before the measure its ร่วมกัน may stand (ร่วมกันที่จะออกมาตรการ), in bytes (15 Thai
 * characters). */
#define TOGETHER_REACH 45

/* A scheme run (กรมการปกครองจัดโครงการตรวจสารพันธุกรรม...); the running of schemes as a topic
 * (การจัดโครงการ...อย่างต่อเนื่อง) is none, and drafting one (จัดทำโครงการ, a proposal as often as a
 * scheme) is not read. */
#define SCHEME "จัดโครงการ"

#define STATEMENT "แถลง"

/* Signing (ลงนาม) is an agreement unless what is signed is an order, a notice or an
 * appointment; see signs_order(). */
#define SIGN "ลงนาม"

/* Candidates of one group in one sentence are one event; the groups are the kinds that a
 * sentence can report side by side (a ceremony and the signing it holds are not: see
 * absorbed()). */
enum group {
    GROUP_MEETING,
    GROUP_AGREEMENT,
    GROUP_TRAINING,
    GROUP_ANNOUNCEMENT,
    GROUP_CEREMONY,
    GROUP_VISIT,
    GROUP_OTHER,
    GROUP_COUNT
};

/* Longer or more specific words first: a trigger never overlaps one listed before it. Within
 * a group a later rank names the kind more precisely (a conference is a meeting; a courtesy
 * call is a visit however much it is also a talk). */
static const struct {
    const char *word;
    enum tg_extract_event_kind kind;
    enum group group;
    int rank;
} triggers[] = {
    {"Video Conference", TG_EXTRACT_EVENT_MEETING, GROUP_MEETING, 0},
    {"ประชุมทางไกล", TG_EXTRACT_EVENT_MEETING, GROUP_MEETING, 0},
    {"ประชุมเชิงปฏิบัติการ", TG_EXTRACT_EVENT_TRAINING, GROUP_TRAINING, 1},
    {"ประชุมวิชาการ", TG_EXTRACT_EVENT_CONFERENCE, GROUP_MEETING, 1},
    {"ประชุมสุดยอด", TG_EXTRACT_EVENT_CONFERENCE, GROUP_MEETING, 1},
    {"ประชุมนานาชาติ", TG_EXTRACT_EVENT_CONFERENCE, GROUP_MEETING, 1},
    {"ประชุมผู้นำ", TG_EXTRACT_EVENT_CONFERENCE, GROUP_MEETING, 1},
    {"ประชุมเสวนา", TG_EXTRACT_EVENT_CONFERENCE, GROUP_MEETING, 1},
    {"เสวนา", TG_EXTRACT_EVENT_CONFERENCE, GROUP_MEETING, 1},
    {"Conference", TG_EXTRACT_EVENT_CONFERENCE, GROUP_MEETING, 1},
    {"Summit", TG_EXTRACT_EVENT_CONFERENCE, GROUP_MEETING, 1},
    {"Forum", TG_EXTRACT_EVENT_CONFERENCE, GROUP_MEETING, 1},
    {"ประชุมสมัชชา", TG_EXTRACT_EVENT_CONFERENCE, GROUP_MEETING, 1},
    {"เยี่ยมคารวะ", TG_EXTRACT_EVENT_VISIT, GROUP_MEETING, 2},
    /* A courtesy call (ให้เอกอัครราชทูต...เข้าพบ) is a visit, as เยี่ยมคารวะ is. */
    {"เข้าพบ", TG_EXTRACT_EVENT_VISIT, GROUP_MEETING, 2},
    {"ประชุม", TG_EXTRACT_EVENT_MEETING, GROUP_MEETING, 0},
    {"หารือ", TG_EXTRACT_EVENT_MEETING, GROUP_MEETING, 0},
    {"Meeting", TG_EXTRACT_EVENT_MEETING, GROUP_MEETING, 0},
    /* Policy handed to the heads of a body is given at a meeting of them. */
    {"มอบนโยบาย", TG_EXTRACT_EVENT_MEETING, GROUP_MEETING, 0},
    /* Signing the book of good wishes to the King is a ceremony, not an agreement (issue 9,
     * class 7: ceremonies read as agreements). */
    {"ลงนามถวายพระพร", TG_EXTRACT_EVENT_CEREMONY, GROUP_CEREMONY, 0},
    {"ลงนาม", TG_EXTRACT_EVENT_AGREEMENT, GROUP_AGREEMENT, 0},
    {"MOU", TG_EXTRACT_EVENT_AGREEMENT, GROUP_AGREEMENT, 0},
    {"บันทึกข้อตกลง", TG_EXTRACT_EVENT_AGREEMENT, GROUP_AGREEMENT, 0},
    {"บันทึกความเข้าใจ", TG_EXTRACT_EVENT_AGREEMENT, GROUP_AGREEMENT, 0},
    {"ฝึกอบรม", TG_EXTRACT_EVENT_TRAINING, GROUP_TRAINING, 1},
    {"อบรม", TG_EXTRACT_EVENT_TRAINING, GROUP_TRAINING, 1},
    {"สัมมนา", TG_EXTRACT_EVENT_TRAINING, GROUP_TRAINING, 1},
    {"Workshop", TG_EXTRACT_EVENT_TRAINING, GROUP_TRAINING, 1},
    {"workshop", TG_EXTRACT_EVENT_TRAINING, GROUP_TRAINING, 1},
    {"เปิดโครงการ", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"เปิดงานโครงการ", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"เปิดตัว", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"Kick off", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"Kick Off", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"คิกออฟ", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    /* A service, a route, a system or an enrolment opened, a scheme set up (issue 9, class 7:
     * launches); one kept running or resumed is no launch (see launch_refused()). */
    {"เปิดให้บริการ", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"เปิดรับสมัคร", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"เปิดจำหน่าย", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"เปิดระบบ", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"เปิดเส้นทาง", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"เปิดศูนย์", TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {SCHEME, TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    /* A measure issued together (สมาคม ก และธนาคารสมาชิก ... จึงเห็นร่วมกันที่จะออกมาตรการ): the
     * launch of a scheme by named parties; one body's own measure is no event (see
     * issued_together()). */
    {MEASURE, TG_EXTRACT_EVENT_PROGRAMME, GROUP_TRAINING, 0},
    {"แถลงข่าว", TG_EXTRACT_EVENT_ANNOUNCEMENT, GROUP_ANNOUNCEMENT, 0},
    /* A statement made (แถลงวันนี้ว่า, ร่วมแถลงมาตรการ, แถลงผลงาน: issue 9, class 7); not a written
     * one (แถลงการณ์, ถ้อยแถลง) nor a speech at a forum (ขึ้นแถลงบนเวที): see statement_refused(). */
    {STATEMENT, TG_EXTRACT_EVENT_ANNOUNCEMENT, GROUP_ANNOUNCEMENT, 0},
    {"กล่าวในรายการ", TG_EXTRACT_EVENT_ANNOUNCEMENT, GROUP_ANNOUNCEMENT, 0},
    {"ผ่านรายการ", TG_EXTRACT_EVENT_ANNOUNCEMENT, GROUP_ANNOUNCEMENT, 0},
    {"พิธี", TG_EXTRACT_EVENT_CEREMONY, GROUP_CEREMONY, 0},
    {"มอบรางวัล", TG_EXTRACT_EVENT_CEREMONY, GROUP_CEREMONY, 0},
    {"รับเสด็จ", TG_EXTRACT_EVENT_CEREMONY, GROUP_CEREMONY, 0},
    /* A handover (GUIDELINE.md): goods, a donation, a certificate given or received; see
     * handover_held(). */
    {HAND_OVER, TG_EXTRACT_EVENT_CEREMONY, GROUP_CEREMONY, 0},
    {TAKE_OVER, TG_EXTRACT_EVENT_CEREMONY, GROUP_CEREMONY, 0},
    {"ศึกษาดูงาน", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"ดูงาน", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"ลงพื้นที่", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"ตรวจเยี่ยม", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"เยี่ยมชม", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"ตรวจติดตาม", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"ตรวจราชการ", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    /* Bare เยือน is also a tourist's (นักท่องเที่ยวมาเยือน): an official visit is made. */
    {"การเยือน", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"เดินทางเยือน", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"ไปเยือน", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"เยือนอย่างเป็นทางการ", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"พบปะ", TG_EXTRACT_EVENT_VISIT, GROUP_VISIT, 0},
    {"นิทรรศการ", TG_EXTRACT_EVENT_OTHER, GROUP_OTHER, 0},
    {"มหกรรม", TG_EXTRACT_EVENT_OTHER, GROUP_OTHER, 0},
    {"ชิงแชมป์", TG_EXTRACT_EVENT_OTHER, GROUP_OTHER, 0},
    {"การแข่งขันกีฬา", TG_EXTRACT_EVENT_OTHER, GROUP_OTHER, 0},
    {CONTEST, TG_EXTRACT_EVENT_OTHER, GROUP_OTHER, 0},
    {"ปาฐกถา", TG_EXTRACT_EVENT_OTHER, GROUP_OTHER, 0},
    {"งานเลี้ยง", TG_EXTRACT_EVENT_OTHER, GROUP_OTHER, 0},
    /* Attending or holding an occasion the sentence names no better (ร่วมงานดนตรีในสวน). */
    {"ร่วมงาน", TG_EXTRACT_EVENT_OTHER, GROUP_OTHER, 0},
    {"จัดงาน", TG_EXTRACT_EVENT_OTHER, GROUP_OTHER, 0},
};
#define N_TRIGGERS (sizeof triggers / sizeof triggers[0])

/* Words that open the next sentence inside a paragraph Thai writes without full stops. */
static const char *const openers[] = {"ทั้งนี้", "นอกจากนี้", "อย่างไรก็ตาม", "ด้าน "};

/* A trigger that these words continue names something else: a protocol, formalities, a
 * master of ceremonies or a rite (พิธีสาร, พิธีการศุลกากร, พิธีกร, พิธีกรรม); working with
 * someone (ร่วมงานกับ); a tour of an exhibition, whose occasion is the exhibition (เยี่ยมชม
 * นิทรรศการ: issue 9, class 7). */
static const struct {
    const char *trigger, *next;
} not_after[] = {{"พิธี", "สาร"},    {"พิธี", "การ"},     {"พิธี", "กร"},          {"พิธี", "กรรม"},
                 {"ร่วมงาน", "กับ"}, {"ร่วมงาน", "ด้วย"}, {"เยี่ยมชม", "นิทรรศการ"}};
/* What makes การแข่งขัน one competition held (issue 9, class 7): a sport or a championship
 * after it (การแข่งขันฟุตบอล, การแข่งขันรักบี้ 7 คนรอบชิงชนะเลิศ, การแข่งขันหุ่นยนต์), or its
 * occasion pointed at (การแข่งขันครั้งนี้). */
static const char *const contests[] = {"ฟุตบอล", "ฟุตซอล", "วอลเลย์บอล", "บาสเกตบอล", "แบดมินตัน",
                                       "รักบี้",   "เทนนิส", "กอล์ฟ",      "มวย",       "ว่ายน้ำ",
                                       "กรีฑา",  "ตะกร้อ", "เซปักตะกร้อ", "จักรยาน",    "รถจักรยาน",
                                       "เรือ",   "ยิง",    "หุ่นยนต์",     "อีสปอร์ต",    "มหกรรมกีฬา",
                                       "ชิง",    "รอบ",   "ครั้งนี้",      "ในครั้งนี้",    "ครั้งที่"};

static bool contest_held(const struct xdoc *d, size_t e)
{
    size_t at = xd_skip_spaces(d, e);
    for (size_t i = 0; i < sizeof contests / sizeof *contests; i++)
        if (xd_has(d, at, contests[i]))
            return true;
    return false;
}

/* Policy handed to someone (มอบนโยบายให้กรมวิชาการเกษตร พัฒนา...) is an instruction, which is
 * no event (GUIDELINE.md); the handing over as an occasion (เป็นประธานการมอบนโยบายให้ผู้ว่าราชการ
 * จังหวัด) is one. */
#define POLICY      "มอบนโยบาย"
#define INSTRUCTION "ให้"
/* A trigger after ผู้ is the title of a person (ผู้ตรวจราชการ, ผู้ลงนาม). */
#define AGENT_PREFIX "ผู้"
/* An occasion after การ is the activity in general (การจัดงาน, การร่วมงาน), not one held. */
#define NOMINAL_PREFIX "การ"

/* A trigger after one of these names the occasion another event marks (เนื่องในโอกาสพระราช
 * พิธีมหามงคล...), not an event the report is about. */
static const char *const occasion_cues[] = {"เนื่องในโอกาส", "เนื่องใน", "เฉลิมพระเกียรติ"};
#define OCCASION_REACH  45
#define N_OCCASION_CUES (sizeof occasion_cues / sizeof *occasion_cues)

/* A trigger after one of these is wished for or planned, not reported. */
static const char *const modal_cues[] = {"อยากให้", "ขอให้", "ควร", "จะต้อง", "จะจัด", "จะมี"};
#define MODAL_REACH  90
#define N_MODAL_CUES (sizeof modal_cues / sizeof *modal_cues)

/* Words that end an event's title even when glued to it. */
static const char *const title_enders[] = {"สืบเนื่อง", "เพื่อ",   "โดย",  "เมื่อ", "ซึ่ง", "ภายใต้",
                                           "เข้าร่วม", "ร่วมกับ", "จับมือ", "ณ",   "ใน"};

/* A date further than this from its trigger (in bytes, about 200 Thai characters) dates
 * something else the sentence mentions. */
#define DATE_REACH 600

/* A date that opens a sentence (วันเสาร์ที่ 16 มีนาคม 2567 เวลา ... ณ ... นายกรัฐมนตรี...) or
 * closes it (... ที่อาคาร G Tower เมื่อวันที่ 27 ตุลาคม 2564 ที่ผ่านมา) frames the whole sentence
 * however long it is: bytes from the sentence's start to the date (room for เมื่อวันอาทิตย์ที่),
 * and from the date to the sentence's end (room for ที่ผ่านมา). */
#define OPEN_REACH  90
#define CLOSE_REACH 45

/* A paragraph without any other break is cut at the next space after this many bytes (about
 * 1,000 Thai characters), so the work per sentence stays bounded in a document of one line. */
#define SENTENCE_MAX_BYTES 3000

struct trig {
    size_t b, e;
    size_t t;
};
/* The most triggers one sentence is read for. */
#define SENTENCE_TRIGGERS 32

struct cand {
    enum group group;
    size_t sentence;
    size_t trigger_b, trigger_e;
    int rank;
    enum tg_extract_event_kind kind;
    long date;  /* index into d->dates */
    long place; /* index into places */
    long programme;
    long event;     /* the event it was merged into, or -1 */
    bool inherited; /* date is its paragraph's, not its sentence's */
    bool told;      /* date is the day of the statement that reports it (see told()) */
    int date_rank;  /* how well date dates it, while the sentence is read */
    bool shared;    /* its sentence reports an event of another kind too */
};

/* A speaker opens a sentence: a person whose กล่าว follows before the paragraph goes on to
 * report someone presiding. */
static bool speaker_at(const struct xdoc *d, size_t b)
{
    long m = xd_mention_at(d, b, TG_EXTRACT_PERSON);
    if (m < 0)
        return false;
    size_t limit = d->m[m].e + 600 < d->len ? d->m[m].e + 600 : d->len;
    const char *nl = memchr(d->text + d->m[m].e, '\n', limit - d->m[m].e);
    if (nl)
        limit = (size_t)(nl - d->text);
    const char *said = xd_find(d->text + d->m[m].e, limit - d->m[m].e, "กล่าว", strlen("กล่าว"));
    const char *chair =
        xd_find(d->text + d->m[m].e, limit - d->m[m].e, "เป็นประธาน", strlen("เป็นประธาน"));
    return said && (!chair || chair > said);
}

static bool opens_sentence(const struct xdoc *d, size_t b)
{
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
        if (xd_has(d, b, openers[i]))
            return true;
    return speaker_at(d, b);
}

static enum tg_status add_sentence(struct xdoc *d, size_t *cap, size_t b, size_t e)
{
    e = xd_skip_spaces_back(d, b, e);
    if (e == b || xd_excluded(d, b, e))
        return TG_OK;
    struct xsentence *grown = tg_grow(d->sentences, cap, d->n_sentences + 1, sizeof *grown);
    if (!grown)
        return TG_ERR_NOMEM;
    d->sentences = grown;
    d->sentences[d->n_sentences++] = (struct xsentence){b, e};
    return TG_OK;
}

static enum tg_status split_sentences(struct xdoc *d)
{
    size_t cap = 0, start = 0, w;
    for (size_t p = 0; p < d->len; p += w) {
        uint32_t cp = xd_cp(d, p, &w);
        if (cp == '\n' || cp == '\r') {
            enum tg_status st = add_sentence(d, &cap, xd_skip_spaces(d, start), p);
            if (st != TG_OK)
                return st;
            start = p + w;
        } else if (tg_text_is_blank(cp)) {
            size_t q = xd_skip_spaces(d, p);
            if (q > xd_skip_spaces(d, start) &&
                (opens_sentence(d, q) || p - start > SENTENCE_MAX_BYTES)) {
                enum tg_status st = add_sentence(d, &cap, xd_skip_spaces(d, start), p);
                if (st != TG_OK)
                    return st;
                start = q;
            }
            w = q - p;
        }
    }
    return add_sentence(d, &cap, xd_skip_spaces(d, start), d->len);
}

static int by_b(const void *x, const void *y)
{
    const struct trig *a = x, *b = y;
    return (a->b > b->b) - (a->b < b->b);
}

/* Words that name an occasion only with its name glued on (พิธีเปิด, พิธีวางกระดูกงู,
 * ร่วมงานดนตรีในสวน); bare (ร่วมพิธี, ในพิธี, เข้าร่วมงาน) they are the occasion of an event the
 * sentence names otherwise, if it does (see absorbed()). */
static const char *const generic_occasions[] = {"พิธี", "ร่วมงาน", "จัดงาน"};

static bool bare_occasion(const struct xdoc *d, size_t t, size_t e)
{
    bool generic = false;
    for (size_t i = 0; i < sizeof generic_occasions / sizeof *generic_occasions; i++)
        generic = generic || strcmp(triggers[t].word, generic_occasions[i]) == 0;
    return generic && (e >= d->len || !xd_is_thai(xd_cp(d, e, NULL)));
}

/* Whether a word that continues the trigger t ending at e makes it something else. */
static bool continued(const struct xdoc *d, size_t t, size_t e)
{
    for (size_t i = 0; i < sizeof not_after / sizeof *not_after; i++)
        if (strcmp(triggers[t].word, not_after[i].trigger) == 0 &&
            xd_word_at(d, e, &not_after[i].next, 1))
            return true;
    return false;
}

/* Whether one of cues stands in the reach bytes before b, inside the sentence from from. */
static bool cue_before(const struct xdoc *d, size_t from, size_t b, const char *const *cues,
                       size_t n, size_t reach)
{
    if (b - from > reach)
        from = b - reach;
    for (size_t i = 0; i < n; i++)
        if (xd_find(d->text + from, b - from, cues[i], strlen(cues[i])))
            return true;
    return false;
}

/* Whether word ends just at b, inside the sentence that starts at from. */
static bool preceded_by(const struct xdoc *d, size_t from, size_t b, const char *word)
{
    size_t n = strlen(word);
    return b - from >= n && memcmp(d->text + b - n, word, n) == 0;
}

/* What is handed over is a task, an authority, work or land in the course of a project, or a
 * feeling (ส่งมอบความสุข, ส่งมอบรอยยิ้ม), not an occasion (ได้รับมอบหมาย, ผู้ที่ได้รับมอบอำนาจ,
 * ส่งมอบงาน, การส่งมอบพื้นที่); and a handover that is a purpose or a prospect (เพื่อนำไปส่งมอบ,
 * จะส่งมอบ, ทยอยส่งมอบ, ที่ต้องส่งมอบ) is not one held. */
static const char *const handed_tasks[] = {"หมาย", "อำนาจ", "งาน",   "พื้นที่",
                                           "ความ", "รอยยิ้ม", "กำลังใจ"};
static const char *const handover_prospects[] = {"เพื่อ", "นำไป", "จะ", "ต้อง", "ทยอย", "เมื่อ"};

static bool handover_held(const struct xdoc *d, size_t from, size_t b, size_t e)
{
    for (size_t i = 0; i < sizeof handed_tasks / sizeof *handed_tasks; i++)
        if (xd_has(d, e, handed_tasks[i]))
            return false;
    size_t at = b;
    at = xd_skip_spaces_back(d, from, at);
    for (size_t i = 0; i < sizeof handover_prospects / sizeof *handover_prospects; i++)
        if (preceded_by(d, from, at, handover_prospects[i]))
            return false;
    return true;
}

/* An order, a notice or an appointment signed (ลงนามในคำสั่งสำนักนายกรัฐมนตรี, ลงนามประกาศกระทรวง,
 * ลงนามแต่งตั้ง, ลงนามรับสนองพระบรมราชโองการ) is an order, which is no event (GUIDELINE.md), and a
 * visitors' book signed (ลงนามในสมุดตรวจเยี่ยม) a courtesy of the visit it ends (issue 9, class
 * 7); a declaration of intent signed together (ลงนามประกาศเจตนารมณ์) is an agreement. */
static const char *const signed_orders[] = {"คำสั่ง", "ประกาศ", "แต่งตั้ง", "รับสนอง", "สมุด"};
#define SIGNED_IN   "ใน"
#define DECLARATION "ประกาศเจตนารมณ์"

static bool signs_order(const struct xdoc *d, size_t e)
{
    size_t at = xd_skip_spaces(d, e);
    if (xd_has(d, at, SIGNED_IN))
        at = xd_skip_spaces(d, at + strlen(SIGNED_IN));
    if (xd_has(d, at, DECLARATION))
        return false;
    for (size_t i = 0; i < sizeof signed_orders / sizeof *signed_orders; i++)
        if (xd_has(d, at, signed_orders[i]))
            return true;
    return false;
}

/* A trigger after ด้าน names a field of work (ความร่วมมือด้านการฝึกอบรม, ค่าใช้จ่ายด้านการประชุม);
 * one after ก่อน tells the time of something else (ก่อนการประชุมคณะรัฐมนตรี นายกรัฐมนตรี...
 * เยี่ยมชม...), the meeting itself being no occasion the report is about (issue 9, class 7). */
static const char *const scope_words[] = {"ด้าน", "ก่อน"};

static bool scoped(const struct xdoc *d, size_t from, size_t b)
{
    if (preceded_by(d, from, b, NOMINAL_PREFIX))
        b -= strlen(NOMINAL_PREFIX);
    for (size_t i = 0; i < sizeof scope_words / sizeof *scope_words; i++)
        if (preceded_by(d, from, b, scope_words[i]))
            return true;
    return false;
}

/* A ceremony word or an occasion that the name of another event follows in the same word
 * (พิธีลงนาม, พิธีเปิดการประชุม, พิธีเปิดโครงการ, จัดงานสัมมนา) is that event's form, not an
 * event of its own; so is a bare one in a sentence that names an event of another kind
 * (เป็นประธานเปิดโครงการฝึกอบรม ... ร่วมพิธี). */
#define ABSORB_REACH 45
static bool absorbed(const struct xdoc *d, const struct trig *tr, size_t n, size_t i)
{
    enum group g = triggers[tr[i].t].group;
    if (g != GROUP_CEREMONY && g != GROUP_OTHER)
        return false;
    if (bare_occasion(d, tr[i].t, tr[i].e)) {
        for (size_t k = 0; k < n; k++)
            if (triggers[tr[k].t].group != g)
                return true;
        return false;
    }
    if (i + 1 == n || tr[i + 1].b - tr[i].e > ABSORB_REACH)
        return false;
    size_t w;
    for (size_t p = tr[i].e; p < tr[i + 1].b; p += w)
        if (tg_text_is_blank(xd_cp(d, p, &w)))
            return false;
    return true;
}

/* Policy given in a speech or alongside another activity (กล่าวมอบนโยบายตอนหนึ่งว่า, ... พร้อมมอบ
 * นโยบาย, ลงพื้นที่เยี่ยม... และมอบนโยบาย) is said at the occasion the sentence reports, not a
 * meeting of its own (issue 9, class 7: precision). */
static const char *const policy_companions[] = {"กล่าว", "พร้อม", "และ"};

static bool policy_aside(const struct xdoc *d, size_t from, size_t b)
{
    b = xd_skip_spaces_back(d, from, b);
    for (size_t i = 0; i < sizeof policy_companions / sizeof *policy_companions; i++)
        if (preceded_by(d, from, b, policy_companions[i]))
            return true;
    return false;
}

/* A launch (a programme opened: เปิดให้บริการ, เปิดตัว, เปิดโครงการ, ...) kept running, resumed,
 * possible or opened bit by bit (ยังคงเปิดให้บริการ, กลับมาเปิดให้บริการ, สามารถเปิดให้บริการได้ใน
 * ปี 2571, ทยอยเปิด) is no launch held. */
#define LAUNCH "เปิด"
static const char *const launch_prospects[] = {"ยังคง", "กลับมา", "สามารถ", "ทยอย"};
#define LAUNCH_REACH 30

static bool launch_refused(const struct xdoc *d, size_t from, size_t t, size_t b)
{
    return triggers[t].kind == TG_EXTRACT_EVENT_PROGRAMME &&
           strncmp(triggers[t].word, LAUNCH, strlen(LAUNCH)) == 0 &&
           cue_before(d, from, b, launch_prospects,
                      sizeof launch_prospects / sizeof *launch_prospects, LAUNCH_REACH);
}

static bool issued_together(const struct xdoc *d, size_t from, size_t b)
{
    if (b - from > TOGETHER_REACH)
        from = b - TOGETHER_REACH;
    return xd_find(d->text + from, b - from, XD_TOGETHER, strlen(XD_TOGETHER)) != NULL;
}

/* An activity someone presides over is one held (เป็นประธานการรับมอบคอมพิวเตอร์, ประธานในการ
 * ส่งมอบ...), however general การ makes it (issue 9, class 7: handover ceremonies). */
static const char *const presiding[] = {"ประธานการ", "ประธานในการ"};

static bool presided(const struct xdoc *d, size_t from, size_t b)
{
    for (size_t i = 0; i < sizeof presiding / sizeof *presiding; i++)
        if (preceded_by(d, from, b, presiding[i]))
            return true;
    return false;
}

/* The text of a statement (ถ้อยแถลง, คำแถลง) and a speech from a forum's stage (ขึ้นแถลงบนเวที) are
 * no statement event; one to come (จะแถลงอย่างเป็นทางการ, ขอให้รอ...แถลงอีกครั้ง) is not one made. */
#define WRITTEN_STATEMENT "การณ์"
static const char *const statement_glued[] = {"ถ้อย", "คำ", "ขึ้น", "จะ"};
static const char *const statement_awaited[] = {"ให้รอ", "รอให้"};
#define STATEMENT_REACH 120

static bool statement_refused(const struct xdoc *d, const struct xsentence *s, size_t t, size_t b)
{
    if (strcmp(triggers[t].word, STATEMENT) != 0)
        return false;
    if (xd_has(d, b + strlen(STATEMENT), WRITTEN_STATEMENT))
        return true;
    for (size_t i = 0; i < sizeof statement_glued / sizeof *statement_glued; i++)
        if (preceded_by(d, s->b, b, statement_glued[i]))
            return true;
    return cue_before(d, s->b, b, statement_awaited,
                      sizeof statement_awaited / sizeof *statement_awaited, STATEMENT_REACH);
}

/* Whether trigger t at b in sentence s is no report of an event: planned, the occasion of
 * another, a title, a field of work, an order, ... (see the tables above); or inside an
 * organisation, place or person name (ห้องประชุม). */
static bool refuses(const struct xdoc *d, const struct xsentence *s, size_t t, size_t b)
{
    size_t wl = strlen(triggers[t].word);
    bool handover =
        strcmp(triggers[t].word, HAND_OVER) == 0 || strcmp(triggers[t].word, TAKE_OVER) == 0;
    if (cue_before(d, s->b, b, modal_cues, N_MODAL_CUES, MODAL_REACH) ||
        cue_before(d, s->b, b, occasion_cues, N_OCCASION_CUES, OCCASION_REACH) ||
        preceded_by(d, s->b, b, AGENT_PREFIX) || continued(d, t, b + wl) ||
        ((triggers[t].group == GROUP_OTHER || handover || strcmp(triggers[t].word, SCHEME) == 0) &&
         preceded_by(d, s->b, b, NOMINAL_PREFIX) && !presided(d, s->b, b)) ||
        (strcmp(triggers[t].word, CONTEST) == 0 && !contest_held(d, b + wl)) ||
        scoped(d, s->b, b) || (strcmp(triggers[t].word, SIGN) == 0 && signs_order(d, b + wl)) ||
        (handover && !handover_held(d, s->b, b, b + wl)) ||
        (strcmp(triggers[t].word, MEASURE) == 0 && !issued_together(d, s->b, b)) ||
        launch_refused(d, s->b, t, b) || statement_refused(d, s, t, b) ||
        (strcmp(triggers[t].word, POLICY) == 0 &&
         ((xd_has(d, b + wl, INSTRUCTION) && !preceded_by(d, s->b, b, NOMINAL_PREFIX)) ||
          policy_aside(d, s->b, b))))
        return true;
    long m = xd_overlap(d, b, b + wl);
    return m >= 0 && (d->m[m].type == TG_EXTRACT_ORGANISATION || d->m[m].type == TG_EXTRACT_PLACE ||
                      d->m[m].type == TG_EXTRACT_PERSON);
}

/* Triggers of a sentence in text order. */
static size_t find_triggers(const struct xdoc *d, const struct xsentence *s, struct trig *out,
                            size_t cap)
{
    size_t n = 0, nr = 0;
    struct trig refused[SENTENCE_TRIGGERS];
    for (size_t t = 0; t < N_TRIGGERS; t++) {
        size_t wl = strlen(triggers[t].word);
        for (const char *p = d->text + s->b;
             n < cap && (p = xd_find(p, s->e - (size_t)(p - d->text), triggers[t].word, wl));
             p += wl) {
            size_t b = (size_t)(p - d->text);
            bool clash = false;
            for (size_t i = 0; i < n; i++)
                clash = clash || (b < out[i].e && out[i].b < b + wl);
            /* The words inside a refused one are refused with it (ด้านการฝึกอบรม is no อบรม
             * either). */
            for (size_t i = 0; i < nr; i++)
                clash = clash || (b < refused[i].e && refused[i].b < b + wl);
            if (clash)
                continue;
            if (!refuses(d, s, t, b))
                out[n++] = (struct trig){b, b + wl, t};
            else if (nr < SENTENCE_TRIGGERS)
                refused[nr++] = (struct trig){b, b + wl, t};
        }
    }
    if (n > 1)
        qsort(out, n, sizeof *out, by_b);
    bool drop[SENTENCE_TRIGGERS];
    for (size_t i = 0; i < n; i++)
        drop[i] = absorbed(d, out, n, i);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!drop[i])
            out[kept++] = out[i];
    return kept;
}

/* Words before a year that make it the year of a budget, a school year or an annual
 * title (ปีงบประมาณ พ.ศ. 2567, ประจำปี 2565), not the time an event takes place. */
static const char *const year_labels[] = {"งบประมาณ", "ปีงบ", "การศึกษา", "ประจำปี"};
#define YEAR_LABEL_REACH 40

/* The date of the occasion an event marks (เนื่องในโอกาสพระราชพิธีมหามงคลเฉลิมพระชนมพรรษา
 * 6 รอบ 28 กรกฎาคม 2567) is not the event's. */
static const char *const occasion_dates[] = {"เนื่องในโอกาส", "เนื่องในวัน"};
#define N_OCCASION_DATES    (sizeof occasion_dates / sizeof *occasion_dates)
#define OCCASION_DATE_REACH 150

/* The date of a document (คำสั่ง ... ที่ 375/2567 ลงวันที่ 22 ตุลาคม 2567, สัญญาจ้าง ... ลงวันที่
 * 19 มิถุนายน 2563) is when it was signed, not when anything it tells of took place (issue 9,
 * class 7). */
#define DOCUMENT_DATED "ลงวันที่"

static bool document_date(const struct xdoc *d, const struct tg_date_match *dm)
{
    size_t at = dm->byte_start;
    at = xd_skip_spaces_back(d, 0, at);
    return preceded_by(d, 0, at, DOCUMENT_DATED);
}

/* Whether a date can date an event: a single date or a range (the event takes its first
 * day), of any precision the context could fix; a year only when it is not a label, and no
 * occasion's or document's date. */
static bool dates_events(const struct xdoc *d, const struct tg_date_match *dm)
{
    if (dm->first.precision == TG_DATE_PRECISION_NONE || xd_law_year(d, dm) ||
        document_date(d, dm) ||
        cue_before(d, 0, dm->byte_start, occasion_dates, N_OCCASION_DATES, OCCASION_DATE_REACH))
        return false;
    if (dm->first.precision == TG_DATE_PRECISION_DAY)
        return true;
    /* ปีนี้, เดือนที่แล้ว: the time of a state of affairs, not of one occurrence. */
    if (dm->relative)
        return false;
    if (dm->first.precision == TG_DATE_PRECISION_MONTH)
        return true;
    size_t from = dm->byte_start > YEAR_LABEL_REACH ? dm->byte_start - YEAR_LABEL_REACH : 0;
    for (size_t i = 0; i < sizeof year_labels / sizeof *year_labels; i++)
        if (xd_find(d->text + from, dm->byte_start - from, year_labels[i], strlen(year_labels[i])))
            return false;
    return true;
}

/* A speaker's words (กล่าวว่า ...) or a quotation tell of events the speaker recalls, wishes
 * for or plans as often as of the one the report is about: there a trigger counts only with
 * a date of its own. A spokesperson's เปิดเผยว่า (แจ้งว่า) is the release's own way of reporting
 * what was done, so it is no cue. */
static const char *const speech_cues[] = {"กล่าวว่า",   "ระบุว่า",    "ย้ำว่า",
                                          "กล่าวต่อว่า", "เพิ่มเติมว่า", "ยืนยันว่า"};

static bool reported_speech(const struct xdoc *d, const struct xsentence *s, size_t b)
{
    uint32_t first = xd_cp(d, s->b, NULL);
    if (first == 0x201C || first == '"')
        return true;
    for (size_t i = 0; i < sizeof speech_cues / sizeof *speech_cues; i++)
        if (xd_find(d->text + s->b, b - s->b, speech_cues[i], strlen(speech_cues[i])))
            return true;
    return false;
}

bool xd_reports_event(const struct xdoc *d, size_t sentence)
{
    struct trig tr[1];
    return find_triggers(d, &d->sentences[sentence], tr, 1) > 0;
}

/* Which trigger of the sentence an item at b belongs to: the last one before it, or the first
 * when the item opens the sentence (เมื่อวันที่ 30 มิ.ย. 58 ที่ ... จัดการประชุม). */
static size_t owner(const struct trig *tr, size_t n, size_t b)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (tr[i].b <= b)
            k = i;
    return k;
}

/* A date before the word that the report is made (วันที่ 14 มีนาคม 2567 นายชัย วัชรงค์ โฆษก...
 * เผยว่า นายกรัฐมนตรี...เตรียมเดินทางไปตรวจราชการ ... ในวันที่ 15 - 17 มีนาคม 2567) is the day it
 * was said, the event's own only when the text gives no other (issue 9, class 7: a trip and its
 * stops reported twice, once on the day of the release). */
static const char *const statement_cues[] = {"เผย", "แจ้งว่า", "กล่าวว่า", "ระบุว่า"};

static bool told(const struct xdoc *d, const struct tg_date_match *dm, size_t trigger)
{
    if (dm->byte_end > trigger)
        return false;
    for (size_t i = 0; i < sizeof statement_cues / sizeof *statement_cues; i++)
        if (xd_find(d->text + dm->byte_end, trigger - dm->byte_end, statement_cues[i],
                    strlen(statement_cues[i])))
            return true;
    return false;
}

static bool same_date(const struct tg_date *a, const struct tg_date *b)
{
    return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* A span of days within one month introduced as a period (ในช่วงวันที่ 27 - 28, ในช่วงระหว่างวันที่
 * ...): what took place in it took place on a day of it the text does not tell, so its events
 * have the month (issue 9, class 7: activities of a trip), where a multi-day event named as
 * such (ระหว่างวันที่ 19 - 21) takes its first day. */
static const char *const period_cues[] = {"ในช่วงระหว่างวันที่", "ในช่วงวันที่", "ในช่วงระหว่าง"};

static bool within_period(const struct xdoc *d, const struct tg_date_match *dm)
{
    if (dm->first.precision != TG_DATE_PRECISION_DAY || same_date(&dm->first, &dm->last) ||
        dm->first.year != dm->last.year || dm->first.month != dm->last.month)
        return false;
    size_t at = xd_skip_spaces_back(d, 0, dm->byte_start);
    for (size_t i = 0; i < sizeof period_cues / sizeof *period_cues; i++)
        if (preceded_by(d, 0, at, period_cues[i]))
            return true;
    return false;
}

/* The month of a date in a period (within_period()), else the date. */
static struct tg_date event_date(const struct xdoc *d, const struct tg_date *date)
{
    for (size_t i = 0; i < d->n_dates; i++)
        if (&d->dates[i].first == date && within_period(d, &d->dates[i]))
            return (struct tg_date){
                .year = date->year, .month = date->month, .precision = TG_DATE_PRECISION_MONTH};
    return *date;
}

static int place_rank(const char *kind)
{
    static const char *const order[] = {"room", "venue", "building", "landmark"};
    for (int i = 0; i < 4; i++)
        if (strcmp(kind, order[i]) == 0)
            return i;
    return 9;
}

static enum tg_status sentence_candidates(struct xdoc *d, size_t si, struct cand **cands, size_t *n,
                                          size_t *cap)
{
    const struct xsentence *s = &d->sentences[si];
    struct trig tr[SENTENCE_TRIGGERS];
    size_t nt = find_triggers(d, s, tr, SENTENCE_TRIGGERS);
    if (nt == 0)
        return TG_OK;
    struct cand per[GROUP_COUNT];
    bool have[GROUP_COUNT] = {false};
    size_t of_trigger[SENTENCE_TRIGGERS];
    for (size_t i = 0; i < nt; i++) {
        enum group g = triggers[tr[i].t].group;
        of_trigger[i] = g;
        if (!have[g]) {
            have[g] = true;
            per[g] = (struct cand){.group = g,
                                   .sentence = si,
                                   .trigger_b = tr[i].b,
                                   .trigger_e = tr[i].e,
                                   .rank = -1,
                                   .date = -1,
                                   .place = -1,
                                   .programme = -1,
                                   .event = -1};
        }
        if (triggers[tr[i].t].rank > per[g].rank) {
            per[g].rank = triggers[tr[i].t].rank;
            per[g].kind = triggers[tr[i].t].kind;
        }
    }
    for (size_t i = xd_first_date(d, s->b); i < d->n_dates && d->dates[i].byte_start < s->e; i++) {
        const struct tg_date_match *dm = &d->dates[i];
        if (dm->byte_start < s->b || dm->byte_end > s->e || !dates_events(d, dm))
            continue;
        size_t k = owner(tr, nt, dm->byte_start);
        size_t dist = dm->byte_start > tr[k].b ? dm->byte_start - tr[k].b : tr[k].b - dm->byte_end;
        struct cand *c = &per[of_trigger[k]];
        bool framing = dm->byte_start - s->b <= OPEN_REACH || s->e - dm->byte_end <= CLOSE_REACH;
        /* The more precise date wins; at one precision the first that frames the sentence or
         * follows the trigger (ลงนาม ... เมื่อวันที่ 5), not one told before it of something
         * else (สัญญาจ้าง ลงวันที่ 19 มิถุนายน 2563 ... พิธีวางกระดูกงู เมื่อวันที่ 20 สิงหาคม). */
        bool said = told(d, dm, tr[k].b);
        int rank = (int)dm->first.precision * 2 + ((framing && !said) || dm->byte_start > tr[k].b);
        if ((dist <= DATE_REACH || framing) && rank > c->date_rank) {
            c->date = (long)i;
            c->date_rank = rank;
            c->told = said;
        }
    }
    /* A period the sentence's activities took place in dates each of them (ในช่วงระหว่างวันที่
     * 27 - 28 เมษายน 2568 ... ได้แก่ 1) การลงพื้นที่ส่งมอบ... 2) การตรวจติดตาม...). */
    long period = -1;
    for (int g = 0; g < GROUP_COUNT; g++)
        if (have[g] && per[g].date >= 0 && within_period(d, &d->dates[per[g].date]))
            period = per[g].date;
    for (int g = 0; g < GROUP_COUNT && period >= 0; g++)
        if (have[g] && per[g].date < 0) {
            per[g].date = period;
            per[g].date_rank = 2 * TG_DATE_PRECISION_MONTH;
        }
    size_t p = s->b;
    for (long i; (i = xd_next_mention(d, &p, s->e)) >= 0;) {
        const struct xmention *m = &d->m[i];
        struct cand *c = &per[of_trigger[owner(tr, nt, m->b)]];
        if (m->type == TG_EXTRACT_PROGRAMME && c->programme < 0 && m->b >= c->trigger_b)
            c->programme = m->entity;
        if (m->type != TG_EXTRACT_PLACE)
            continue;
        int r = place_rank(d->r->places[m->entity].kind);
        if (r < 9 && (c->place < 0 || r < place_rank(d->r->places[c->place].kind)))
            c->place = m->entity;
    }
    int groups = 0;
    for (int g = 0; g < GROUP_COUNT; g++) {
        have[g] = have[g] && (per[g].date_rank >= 2 * TG_DATE_PRECISION_MONTH ||
                              !reported_speech(d, s, per[g].trigger_b));
        groups += have[g];
    }
    for (int g = 0; g < GROUP_COUNT; g++) {
        if (!have[g])
            continue;
        per[g].shared = groups > 1;
        struct cand *grown = tg_grow(*cands, cap, *n + 1, sizeof *grown);
        if (!grown)
            return TG_ERR_NOMEM;
        *cands = grown;
        grown[(*n)++] = per[g];
    }
    return TG_OK;
}

/* The trigger phrase up to a function word, a name or a date: การประชุม Executive Conference
 * “มิติใหม่…แห่งความร่วมมือ”. */
static char *event_title(const struct xdoc *d, const struct cand *c)
{
    size_t b = c->trigger_b;
    const char *nominal = "การ";
    size_t nl = strlen(nominal);
    if (b >= nl && memcmp(d->text + b - nl, nominal, nl) == 0)
        b -= nl;
    size_t e = c->trigger_e, limit = d->sentences[c->sentence].e, w;
    bool quoted = false;
    for (int cps = 0; e < limit && cps < 100; cps++, e += w) {
        uint32_t cp = xd_cp(d, e, &w);
        if (cp == 0x201C || cp == 0x201D || cp == '"')
            quoted = cp == '"' ? !quoted : cp == 0x201C;
        if (cp == '\n' || cp == ':')
            break;
        if (quoted || tg_text_is_blank(cp) || !xd_token_start(d, e))
            continue;
        bool ends = tg_text_is_blank(xd_cp_before(d, e)) && xd_stop_word_at(d, e);
        for (size_t i = 0; i < sizeof title_enders / sizeof *title_enders; i++)
            ends = ends || xd_has(d, e, title_enders[i]);
        long m = xd_overlap(d, e, e + w);
        ends = ends || (m >= 0 && d->m[m].b == e);
        size_t date = xd_first_date(d, e);
        ends = ends || (date < d->n_dates && d->dates[date].byte_start == e);
        if (ends)
            break;
    }
    e = xd_skip_spaces_back(d, b, e);
    return xd_dup(d->text + b, e - b);
}

static int score(const struct cand *c)
{
    return (c->date >= 0 && !c->inherited) * 4 + (c->place >= 0) * 2 + (c->programme >= 0);
}

/* An event being gathered: its group, its date so far, its best candidate and the most
 * precise kind a candidate gave it. */
struct gathering {
    enum group group;
    const struct tg_date *date, *told;
    size_t best;
    enum tg_extract_event_kind kind;
    int rank;
};

/* Whether candidate c can be part of gathering g: of its group, on its date (either may have
 * none), and not of another precise kind. A plain meeting word (ประชุม, หารือ) joins the
 * conference or the courtesy call the report is about, but a conference the visitors attend
 * in the afternoon is not their courtesy call. */
static bool joins(const struct gathering *g, const struct cand *c, const struct tg_date *date)
{
    return g->group == c->group && (!date || !g->date || same_date(date, g->date)) &&
           (c->rank == 0 || g->rank == 0 || c->kind == g->kind);
}

static const struct tg_date *cand_date(const struct xdoc *d, const struct cand *c)
{
    return c->date >= 0 ? &d->dates[c->date].first : NULL;
}

/* Gives every candidate its event: the first it joins, else a new one. */
static enum tg_status gather(struct xdoc *d, struct cand *cands, size_t n, struct gathering **out,
                             size_t *count)
{
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        /* A statement's day joins the event whatever its own date (told()). */
        const struct tg_date *date = cands[i].told ? NULL : cand_date(d, &cands[i]);
        size_t k = 0;
        while (k < *count && !joins(&(*out)[k], &cands[i], date))
            k++;
        if (k == *count) {
            struct gathering *grown = tg_grow(*out, &cap, *count + 1, sizeof *grown);
            if (!grown)
                return TG_ERR_NOMEM;
            *out = grown;
            grown[(*count)++] = (struct gathering){cands[i].group, NULL, NULL, i, cands[i].kind, 0};
        }
        struct gathering *g = &(*out)[k];
        if (cands[i].rank > g->rank) {
            g->rank = cands[i].rank;
            g->kind = cands[i].kind;
        }
        if (!g->date)
            g->date = date;
        if (!g->told && cands[i].told)
            g->told = cand_date(d, &cands[i]);
        if (score(&cands[i]) > score(&cands[g->best]))
            g->best = i;
        cands[i].event = (long)k;
    }
    return TG_OK;
}

/* A cabinet decision the release reports (ที่ประชุมคณะรัฐมนตรีรับทราบ..., ที่ประชุมครม. มีมติ...)
 * was taken at a meeting the release does not date unless its own sentence or paragraph does:
 * the release's lead and publication day date the statement, not the meeting (issue 9). */
static const char *const cabinet_seats[] = {"คณะรัฐมนตรี", "ครม"};

static bool cabinet_decision(const struct xdoc *d, const struct cand *c)
{
    if (c->kind != TG_EXTRACT_EVENT_MEETING ||
        !preceded_by(d, d->sentences[c->sentence].b, c->trigger_b, "ที่"))
        return false;
    for (size_t i = 0; i < sizeof cabinet_seats / sizeof *cabinet_seats; i++)
        if (xd_has(d, c->trigger_e, cabinet_seats[i]))
            return true;
    return false;
}

/* Merges candidates of one group whose dates agree into events, best evidence first. */
static enum tg_status build_events(struct xdoc *d, struct cand *cands, size_t n, long lead)
{
    struct tg_extract_result *r = d->r;
    struct gathering *gs = NULL;
    size_t ng = 0;
    enum tg_status st = gather(d, cands, n, &gs, &ng);
    if (st == TG_OK && ng && !(r->events = calloc(ng, sizeof *r->events)))
        st = TG_ERR_NOMEM;
    for (size_t k = 0; st == TG_OK && k < ng; k++) {
        struct tg_extract_event *ev = &r->events[r->event_count++];
        const struct cand *b = &cands[gs[k].best];
        const struct xsentence *s = &d->sentences[b->sentence];
        const struct tg_date *date = gs[k].date ? gs[k].date : gs[k].told;
        bool undated = !date && cabinet_decision(d, b);
        *ev = (struct tg_extract_event){.kind = b->kind,
                                        .date = date        ? event_date(d, date)
                                                : undated   ? (struct tg_date){0}
                                                : lead >= 0 ? d->dates[lead].first
                                                            : d->context,
                                        .date_from_text = date != NULL || (lead >= 0 && !undated),
                                        .place = b->place,
                                        .programme = -1,
                                        .evidence = xd_sentence_evidence(s)};
        if (!(ev->sentence = xd_dup(d->text + s->b, s->e - s->b)) ||
            !(ev->title = event_title(d, b)))
            st = TG_ERR_NOMEM;
    }
    for (size_t i = 0; st == TG_OK && i < n; i++) {
        const struct cand *c = &cands[i];
        struct tg_extract_event *ev = &r->events[c->event];
        if (c->rank > cands[gs[c->event].best].rank)
            ev->kind = c->kind;
        if (ev->place < 0)
            ev->place = c->place;
        if (ev->programme < 0)
            ev->programme = c->programme;
        const struct xreport report = {.sentence = c->sentence,
                                       .trigger_b = c->trigger_b,
                                       .trigger_e = c->trigger_e,
                                       .agreement = c->group == GROUP_AGREEMENT,
                                       .shared = c->shared};
        st = xd_sentence_parties(d, &report, ev);
    }
    free(gs);
    return st;
}

static void free_event(struct tg_extract_event *ev)
{
    free(ev->title);
    free(ev->sentence);
    free(ev->organisations);
    free(ev->people);
}

/* An event with nobody taking part, no date of its own and no place is a word, not a report. */
static void drop_empty(struct xdoc *d)
{
    struct tg_extract_result *r = d->r;
    size_t kept = 0;
    for (size_t i = 0; i < r->event_count; i++) {
        struct tg_extract_event *ev = &r->events[i];
        if (!ev->organisation_count && !ev->person_count && !ev->date_from_text && ev->place < 0)
            free_event(ev);
        else
            r->events[kept++] = *ev;
    }
    r->event_count = kept;
}

/* A position was held on the date of the first dated event its holder takes part in, else on
 * the publication date, else on the date of the first event (not a past agreement the
 * article recalls) the text dates. */
static enum tg_status date_positions(struct xdoc *d)
{
    struct tg_extract_result *r = d->r;
    struct tg_date fallback = d->context;
    for (size_t e = 0; e < r->event_count && fallback.precision == TG_DATE_PRECISION_NONE; e++)
        if (r->events[e].date_from_text && r->events[e].kind != TG_EXTRACT_EVENT_AGREEMENT)
            fallback = r->events[e].date;
    struct tg_date *when = calloc(r->person_count + 1, sizeof *when);
    if (!when)
        return TG_ERR_NOMEM;
    for (size_t e = 0; e < r->event_count; e++)
        for (size_t k = 0; k < r->events[e].person_count; k++) {
            struct tg_date *w = &when[r->events[e].people[k].entity];
            if (w->precision == TG_DATE_PRECISION_NONE)
                *w = r->events[e].date;
        }
    for (size_t i = 0; i < r->person_count; i++)
        for (size_t k = 0; k < r->people[i].position_count; k++)
            r->people[i].positions[k].as_of =
                when[i].precision != TG_DATE_PRECISION_NONE ? when[i] : fallback;
    free(when);
    return TG_OK;
}

/* Gives every position the sentence its holder's name stands in (the line, where page
 * furniture left it out of every sentence). */
static void locate_position_evidence(struct xdoc *d)
{
    for (size_t i = 0; i < d->r->person_count; i++)
        for (size_t k = 0; k < d->r->people[i].position_count; k++) {
            struct tg_extract_evidence *ev = &d->r->people[i].positions[k].evidence;
            size_t at = ev->byte_start, lo = 0, hi = d->n_sentences;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (d->sentences[mid].e <= at)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo < d->n_sentences && d->sentences[lo].b <= at) {
                *ev = xd_sentence_evidence(&d->sentences[lo]);
                continue;
            }
            size_t b = at, e = at;
            while (b > 0 && d->text[b - 1] != '\n')
                b--;
            while (e < d->len && d->text[e] != '\n')
                e++;
            *ev = (struct tg_extract_evidence){.byte_start = b, .byte_end = e};
        }
}

/* The date that opens the sentence starting at b, or -1: within OPEN_REACH of it, and with
 * more of the sentence after it than a dateline has. */
#define LEAD_MIN_REST 90
static long opening_date(const struct xdoc *d, const struct xsentence *s)
{
    for (size_t i = xd_first_date(d, s->b);
         i < d->n_dates && d->dates[i].byte_start <= s->b + OPEN_REACH; i++) {
        const struct tg_date_match *dm = &d->dates[i];
        if (dm->byte_start >= s->b && dm->byte_end + LEAD_MIN_REST <= s->e && dates_events(d, dm))
            return (long)i;
    }
    return -1;
}

/* Whether sentence si starts a line (a paragraph). */
static bool opens_paragraph(const struct xdoc *d, size_t si)
{
    return si == 0 || memchr(d->text + d->sentences[si - 1].e, '\n',
                             d->sentences[si].b - d->sentences[si - 1].e) != NULL;
}

/* A scheme is dated by the day or month it starts (ออกมาตรการ ... เริ่มตั้งแต่งวดการชำระหนี้เดือน
 * กรกฎาคม 2564), which its paragraph may give a thousand characters on, past the cut of a
 * paragraph too long for one sentence: the programme's own start before the publication
 * date (issue 9, class 7). -1 when the paragraph gives no start after the trigger. */
static const char *const start_cues[] = {"เริ่มตั้งแต่", "เริ่ม", "มีผลตั้งแต่"};
#define START_REACH 120

static long programme_start(const struct xdoc *d, const struct cand *c)
{
    if (c->kind != TG_EXTRACT_EVENT_PROGRAMME)
        return -1;
    size_t e = c->trigger_e;
    while (e < d->len && d->text[e] != '\n')
        e++;
    for (size_t i = xd_first_date(d, c->trigger_e); i < d->n_dates && d->dates[i].byte_end <= e;
         i++) {
        const struct tg_date_match *dm = &d->dates[i];
        if (dm->byte_start >= c->trigger_e && dm->first.precision >= TG_DATE_PRECISION_MONTH &&
            dates_events(d, dm) &&
            cue_before(d, c->trigger_e, dm->byte_start, start_cues,
                       sizeof start_cues / sizeof *start_cues, START_REACH))
            return (long)i;
    }
    return -1;
}

/* A sentence without a date of its own is dated by the last paragraph before it, its own
 * included, that opens with a day or a month: a schedule gives the day once and lists what
 * follows in paragraphs of their own (วันเสาร์ที่ 16 มีนาคม 2567 ... ประชุม / จากนั้น ... พบปะ /
 * ในช่วงค่ำ ... พิธีเปิด...). The report's lead, the first paragraph that opens with a day
 * (เมื่อวันที่ 10 ก.ค. 66 นายวันชัย ... เผยว่า), dates what comes before any such paragraph (the
 * headline), before the publication date: a release often goes out a day after. */
static long date_by_paragraph(struct xdoc *d, struct cand *cands, size_t n)
{
    long lead = -1, carry = -1;
    for (size_t i = 0; i < d->n_sentences && lead < 0; i++) {
        long o = opens_paragraph(d, i) ? opening_date(d, &d->sentences[i]) : -1;
        if (o >= 0 && d->dates[o].first.precision == TG_DATE_PRECISION_DAY)
            lead = o;
    }
    /* The writer's day, a relative day given its date in brackets however deep in its sentence
     * (พลตรี ... โฆษกกระทรวงกลาโหม กล่าวว่า วันนี้ (24 ต.ค.67) ...) as the date finder marks it, is
     * the lead when it comes
     * first: a later paragraph that opens with a day (โดยในวันพรุ่งนี้จะเดินทาง...) tells of
     * something else, and the release may go out days after (issue 9, class 7). */
    for (size_t i = 0; i < d->n_dates && (lead < 0 || (long)i < lead); i++)
        if (d->dates[i].writers_day) {
            lead = (long)i;
            break;
        }
    /* Without either, a day the headline names (ข่าวทำเนียบรัฐบาล-วันอังคารที่ 23
     * เมษายน 2567 ติดตามสถานการณ์...) is the lead, though the headline is no sentence of its
     * own when page furniture repeats it. */
    const char *nl = memchr(d->text, '\n', d->len);
    size_t headline_end = nl ? (size_t)(nl - d->text) : d->len;
    for (size_t i = 0; lead < 0 && i < d->n_dates && d->dates[i].byte_end <= headline_end; i++)
        if (d->dates[i].first.precision == TG_DATE_PRECISION_DAY && dates_events(d, &d->dates[i]))
            lead = (long)i;
    for (size_t i = 0, si = 0; i < n; i++) {
        for (; si <= cands[i].sentence; si++) {
            long o = opens_paragraph(d, si) ? opening_date(d, &d->sentences[si]) : -1;
            if (o >= 0 && d->dates[o].first.precision >= TG_DATE_PRECISION_MONTH)
                carry = o;
        }
        if (cands[i].date < 0 && carry >= 0) {
            cands[i].date = carry;
            cands[i].inherited = true;
            cands[i].told = d->dates[carry].byte_start >= d->sentences[cands[i].sentence].b &&
                            told(d, &d->dates[carry], cands[i].trigger_b);
        } else if (cands[i].date < 0) {
            cands[i].date = programme_start(d, &cands[i]);
            cands[i].inherited = cands[i].date >= 0;
        }
    }
    return lead;
}

enum tg_status xd_events(struct xdoc *d)
{
    enum tg_status st = split_sentences(d);
    if (st == TG_OK)
        locate_position_evidence(d);
    struct cand *cands = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; st == TG_OK && i < d->n_sentences; i++)
        st = sentence_candidates(d, i, &cands, &n, &cap);
    if (st == TG_OK)
        st = build_events(d, cands, n, date_by_paragraph(d, cands, n));
    free(cands);
    if (st == TG_OK) {
        drop_empty(d);
        st = xd_headline_roles(d);
        if (st == TG_OK)
            st = date_positions(d);
        xd_mark_collaborations(d);
    }
    return st;
}
