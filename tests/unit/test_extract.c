/* tg_extract: what one article says, checked against values read off the articles by hand. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thaigraph/extract.h"
#include "thaigraph/text.h"

#include "suite.h"

enum check {
    ORG,         /* a name, b abbreviation, c kind, d parent, e alias */
    NO_ORG,      /* a is no organisation's name */
    PERSON,      /* a name, b honorific, c title, d title's organisation, e as_of, n mentions */
    NO_PERSON,   /* a is nobody's name */
    NO_POSITION, /* person a holds no position c at d (NULL: at any organisation or none; "-": at
                    none) */
    PLACE,       /* a name, b kind, c the venue it is within */
    PROGRAMME,   /* a name, b alias */
    EVENT,       /* a kind, b date, c place, d and e organisations, n collaboration */
    NO_EVENT,    /* no event of kind a (on date b, when given) */
    ROLE,        /* in the first event of kind a, organisation b has role c ("none": takes no
                    part), and n says whether the event is a collaboration; the bytes of e,
                    when given, are page furniture excluded as ingest excludes them */
    MENTION,     /* a type, b surface, c entity name or value */
    NO_MENTION,  /* no mention of type a has the surface b */
    EXCLUDED,    /* with the bytes of b excluded, a is no organisation */
    STATUS,      /* n the status */
};

struct extract_case {
    const char *label;
    const char *source; /* "seed:NNN" names seeds/NNN_*.txt; anything else is the text */
    const char *context;
    enum check check;
    const char *a, *b, *c, *d, *e;
    int n;
};

#define MOPH       "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"
#define THAIHEALTH "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ"
#define DCY        "สำนักงานส่งเสริมสวัสดิภาพและพิทักษ์เด็ก เยาวชน ผู้ด้อยโอกาส และผู้สูงอายุ"
#define PMJ        "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"

/* A release that tells of a stop of a trip, and the paragraph of that stop (issue 9, class 7). */
#define RELEASE_THEN_STOP                                                                                                                                                                                                                                                                                   \
    "วันที่ 14 มีนาคม 2567 นายชัย วัชรงค์ โฆษกประจำสำนักนายกรัฐมนตรี เผยว่า นายกรัฐมนตรีจะเปิดงานโครงการ"                         \
    "กระตุ้นเศรษฐกิจและส่งเสริมการท่องเที่ยวกิจกรรมวิถีชีวิต ณ จังหวัดเชียงใหม่ ซึ่งมีผู้ร่วมงานจำนวนมาก\n" \
    "วันเสาร์ที่ 16 มีนาคม 2567 เวลาประมาณ 19.00 น. ณ สวนเฉลิมพระเกียรติ นายกรัฐมนตรีเป็นประธานในพิธีเปิดงาน"                           \
    "โครงการกระตุ้นเศรษฐกิจและส่งเสริมการท่องเที่ยว"

/* The site's name before a title line, page furniture ingest excludes, and a report of a
 * press conference for the title to name the holders of (issue 9, class 8). */
#define SITE "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-"
#define PRESS_CONFERENCE                                                                           \
    "วันนี้ (9 พ.ค. 67) นายสมชาย ใจดี อธิบดีกรมอนามัย เป็นประธานการแถลงข่าว เรื่อง มาตรการป้องกันโรค"

/* A release out four days after the day its lead tells in brackets, past a speaker (issue 9,
 * class 7). */
#define WRITERS_DAY                                                                                                                                                                                            \
    "พลตรี ธนาธิป สว่างแสง โฆษกกระทรวงกลาโหม กล่าวว่า วันนี้ (24 ต.ค.67) เวลา 13.30 น. ณ " \
    "กองบัญชาการกองทัพบก "                                                                                                                                               \
    "นายภูมิธรรม เวชยชัย รองนายกรัฐมนตรี ได้ตรวจเยี่ยมกองบัญชาการกองทัพบก\n" \
    "จากนั้น นายภูมิธรรม เวชยชัย ได้ร่วมพิธีวางพวงมาลาอนุสาวรีย์\n"                            \
    "โดยในวันพรุ่งนี้จะเดินทางไปตรวจเยี่ยมกองทัพเรือ"

/* Activities within a period, with the given blanks between its cue and its days. */
#define PERIOD_AFTER(blanks)                                                                       \
    "ได้มีการลงพื้นที่รับฟังปัญหาของประชาชน ในช่วงระหว่างวันที่" blanks "27 - 28 เมษายน 2568 "       \
    "ได้แก่ 1) การลงพื้นที่ส่งมอบโครงการจัดหาแหล่งน้ำบาดาล จังหวัดสกลนคร"

/* Activities reported within a period, no day given to any (issue 9, class 7). */
#define PERIOD                                                                                                                                                                                                                                                                                 \
    "ซึ่งในส่วนของ ทส. ได้มีการสรุปผลการลงพื้นที่รับฟังปัญหาของประชาชน ในช่วงระหว่างวันที่ 27 - 28 เมษายน 2568 " \
    "ได้แก่ 1) การลงพื้นที่ส่งมอบโครงการจัดหาแหล่งน้ำบาดาล จังหวัดสกลนคร และ 2) การส่งมอบโครงการอนุรักษ์ฟื้นฟูแหล่งน้ำ"

static const struct extract_case cases[] = {
    /* seed 000: a wire release dated by its dateline */
    {"000 ministry", "seed:000", "2011-12-22", ORG, MOPH, "พม.", "ministry", NULL, NULL, 0},
    {"000 fund taught by its pair", "seed:000", "2011-12-22", ORG, THAIHEALTH, "สสส.", "fund", NULL,
     NULL, 0},
    {"000 office with its parent", "seed:000", "2011-12-22", ORG, DCY, "สท.", "office", MOPH,
     "สำนักงานส่งเสริมสวัสดิภาพและพิทักษ์เด็กฯ", 0},
    {"000 council", "seed:000", "2011-12-22", ORG, "สภาเด็กและเยาวชนแห่งประเทศไทย", NULL, "council",
     NULL, NULL, 0},
    {"000 department of the interior", "seed:000", "2011-12-22", ORG, "กรมส่งเสริมการปกครองท้องถิ่น",
     NULL, "department", "กระทรวงมหาดไทย", NULL, 0},
    {"000 department of health", "seed:000", "2011-12-22", ORG, "กรมอนามัย", NULL, "department",
     "กระทรวงสาธารณสุข", NULL, 0},
    {"000 truncation is no organisation of its own", "seed:000", "2011-12-22", NO_ORG,
     "สำนักงานส่งเสริมสวัสดิภาพและพิทักษ์เด็กฯ", NULL, NULL, NULL, NULL, 0},
    {"000 director", "seed:000", "2011-12-22", PERSON, "ปิ่นชาย ปิ่นแก้ว", "นาย", "ผู้อำนวยการ", DCY,
     "2011-12-22", 3},
    {"000 room", "seed:000", "2011-12-22", PLACE, "ห้องคอนเน็ทชั่น ๑ ชั้น ๙", "room",
     "โรงแรมอมารี วอเตอร์เกท", NULL, NULL, 0},
    {"000 hotel", "seed:000", "2011-12-22", PLACE, "โรงแรมอมารี วอเตอร์เกท", "venue", NULL, NULL,
     NULL, 0},
    {"000 district", "seed:000", "2011-12-22", PLACE, "เขตลาดกระบัง", "district", NULL, NULL, NULL,
     0},
    {"000 province glued to และ", "seed:000", "2011-12-22", PLACE, "สตูล", "province", NULL, NULL,
     NULL, 0},
    {"000 Bangkok by its short form", "seed:000", "2011-12-22", PLACE, "กรุงเทพมหานคร", "province",
     NULL, NULL, NULL, 0},
    {"000 programme with its quoted name", "seed:000", "2011-12-22", PROGRAMME,
     "โครงการปฏิรูปการทำงานด้านเด็กและเยาวชนแนวทางใหม่“สานเสริมพลัง...พัฒนาเด็กและเยาวชน”", NULL, NULL, NULL,
     NULL, 0},
    {"000 meeting dated 22 ธ.ค. by the context year", "seed:000", "2011-12-22", EVENT, "meeting",
     "2011-12-22", "ห้องคอนเน็ทชั่น ๑ ชั้น ๙", MOPH, THAIHEALTH, 1},
    {"000 date without a year", "seed:000", "2011-12-22", MENTION, "date", "22 ธ.ค.", "2011-12-22",
     NULL, NULL, 0},
    {"000 month range", "seed:000", "2011-12-22", MENTION, "date", "มกราคมถึงกันยายน ๒๕๕๕",
     "2012-01/2012-09", NULL, NULL, 0},
    {"000 Thai digits", "seed:000", "2011-12-22", MENTION, "number", "๔๐", "40", NULL, NULL, 0},
    {"000 truncated ministry", "seed:000", "2011-12-22", MENTION, "organisation",
     "กระทรวงการพัฒนาสังคมฯ", MOPH, NULL, NULL, 0},
    {"000 partial name", "seed:000", "2011-12-22", MENTION, "person", "นายปิ่นชาย", "ปิ่นชาย ปิ่นแก้ว",
     NULL, NULL, 0},
    {"000 glued abbreviation", "seed:000", "2011-12-22", MENTION, "organisation", "พม.", MOPH, NULL,
     NULL, 0},

    /* seed 001: the Executive Conference of 30 June 2015 */
    {"001 ministry", "seed:001", NULL, ORG, MOPH, "พม.", "ministry", NULL, "กระทรวงการพัฒนาสังคมฯ",
     0},
    {"001 fund written short", "seed:001", NULL, ORG, THAIHEALTH, "สสส.", "fund", NULL,
     "กองทุนสนับสนุนการสร้างเสริมสุขภาพ", 0},
    {"001 short form is no organisation of its own", "seed:001", NULL, NO_ORG,
     "กองทุนสนับสนุนการสร้างเสริมสุขภาพ", NULL, NULL, NULL, NULL, 0},
    {"001 permanent secretary", "seed:001", NULL, PERSON, "วิเชียร ชวลิต", "นาย", "ปลัดกระทรวง", MOPH,
     "2015-06-30", 2},
    {"001 manager", "seed:001", NULL, PERSON, "กฤษดา เรืองอารีย์รัชต์", "ทันตแพทย์", "ผู้จัดการ", THAIHEALTH,
     "2015-06-30", 2},
    {"001 given name alone", "seed:001", NULL, MENTION, "person", "วิเชียร", "วิเชียร ชวลิต", NULL, NULL,
     0},
    {"001 honorific abbreviation", "seed:001", NULL, MENTION, "person", "ทพ.กฤษดา",
     "กฤษดา เรืองอารีย์รัชต์", NULL, NULL, 0},
    {"001 room in its hotel", "seed:001", NULL, PLACE, "ห้องประชุมรัตนโกสินทร์ ชั้น 1", "room",
     "โรงแรม เดอะสุโกศล", NULL, NULL, 0},
    {"001 hotel", "seed:001", NULL, PLACE, "โรงแรม เดอะสุโกศล", "venue", NULL, NULL, NULL, 0},
    {"001 Latin programme", "seed:001", NULL, PROGRAMME, "Leadership Program", NULL, NULL, NULL,
     NULL, 0},
    {"001 conference", "seed:001", NULL, EVENT, "conference", "2015-06-30",
     "ห้องประชุมรัตนโกสินทร์ ชั้น 1", MOPH, THAIHEALTH, 1},
    {"001 the MOU recalled", "seed:001", NULL, EVENT, "agreement", "2010-11-02", NULL, MOPH,
     THAIHEALTH, 1},
    {"001 two-digit Buddhist year", "seed:001", NULL, MENTION, "date", "30 มิ.ย. 58", "2015-06-30",
     NULL, NULL, 0},
    {"001 abbreviation glued to ระหว่าง", "seed:001", NULL, MENTION, "organisation", "พม.", MOPH,
     NULL, NULL, 0},
    {"001 a list of examples is no event", "seed:001", NULL, NO_ORG, "กระทรงศึกษาธิการ", NULL, NULL,
     NULL, NULL, 0},

    /* seed 002: the same conference, undated */
    {"002 chair", "seed:002", NULL, PERSON, "วิเชียร ชวลิต", "นาย", "ปลัดกระทรวง", MOPH, NULL, 3},
    {"002 full honorific", "seed:002", NULL, PERSON, "กฤษดา เรืองอารีย์รัชต์", "ทันตแพทย์", "ผู้จัดการ",
     THAIHEALTH, NULL, 1},
    {"002 position abbreviation is no organisation", "seed:002", NULL, NO_ORG, "ปพม.", NULL, NULL,
     NULL, NULL, 0},
    {"002 programme with its Latin alias", "seed:002", NULL, PROGRAMME,
     "โครงการพัฒนาศักยภาพผู้นำเพื่อการเปลี่ยนแปลงทางสังคม", "Leadership Program", NULL, NULL, NULL, 0},
    {"002 conference from the headline's จับมือ", "seed:002", NULL, EVENT, "conference", NULL, NULL,
     MOPH, THAIHEALTH, 1},
    {"002 MOU", "seed:002", NULL, EVENT, "agreement", "2010-11-02", NULL, MOPH, THAIHEALTH, 1},

    /* seed 003: a later permanent secretary */
    {"003 permanent secretary", "seed:003", "2017-05-02", PERSON, "ไมตรี อินทุสุต", "นาย", "ปลัดกระทรวง",
     MOPH, "2017-05-02", 5},
    {"003 provincial office", "seed:003", "2017-05-02", ORG, PMJ, "พมจ.", "provincial_office", MOPH,
     NULL, 0},
    {"003 room in a ministry", "seed:003", "2017-05-02", PLACE, "ห้องประชุม 2", "room", NULL, NULL,
     NULL, 0},
    {"003 meeting", "seed:003", "2017-05-02", EVENT, "meeting", "2017-05-02", "ห้องประชุม 2", MOPH,
     NULL, 0},
    {"003 position title is no person", "seed:003", "2017-05-02", NO_PERSON, "สาธารณสุขจังหวัด", NULL,
     NULL, NULL, NULL, 0},
    {"003 dated today", "seed:003", "2017-05-02", MENTION, "date", "2 พ.ค. 60", "2017-05-02", NULL,
     NULL, 0},

    /* seed 004: the minister opens a training course */
    {"004 minister", "seed:004", "2020-09-24", PERSON, "จุติ ไกรฤกษ์", "นาย", "รัฐมนตรีว่าการกระทรวง",
     MOPH, "2020-09-24", 4},
    {"004 provincial office named without จังหวัด", "seed:004", "2020-09-24", NO_ORG,
     "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์", NULL, NULL, NULL, NULL, 0},
    {"004 the document's pair wins over the gazetteer", "seed:004", "2020-09-24", ORG,
     "สำนักงานส่งเสริมและสนับสนุนวิชาการ", "สสว.", "office", NULL, NULL, 0},
    {"004 team programme", "seed:004", "2020-09-24", PROGRAMME, "One Team", NULL, NULL, NULL, NULL,
     0},
    {"004 training", "seed:004", "2020-09-24", EVENT, "training", "2020-09-24", "ห้องแม่น้ำแกรนด์",
     MOPH, NULL, 0},
    {"004 hotel", "seed:004", "2020-09-24", PLACE, "โรงแรมแม่น้ำ รามาดา", "venue", NULL, NULL, NULL,
     0},
    {"004 a wish is no event", "seed:004", "2020-09-24", NO_EVENT, "meeting", NULL, NULL, NULL,
     NULL, 0},
    {"004 minister's abbreviation", "seed:004", "2020-09-24", MENTION, "organisation", "พม.", MOPH,
     NULL, NULL, 0},

    /* inline sentences */
    {"rank before a name", "พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี กล่าวว่า", NULL, PERSON,
     "ประยุทธ์ จันทร์โอชา", "พลเอก", "นายกรัฐมนตรี", NULL, NULL, 1},
    {"position then abbreviation", "นายสมชาย ใจดี ผู้อำนวยการสำนักงานกองทุนสนับสนุนการวิจัย (สกว.) เปิดเผยว่า",
     NULL, PERSON, "สมชาย ใจดี", "นาย", "ผู้อำนวยการ", "สำนักงานกองทุนสนับสนุนการวิจัย", NULL, 1},
    {"unknown organisation teaches its abbreviation",
     "มูลนิธิเพื่อนหญิงบ้านสวน (มพส.) ร่วมกับ กรมอนามัย จัดอบรม ต่อมา มพส. แถลง", NULL, ORG,
     "มูลนิธิเพื่อนหญิงบ้านสวน", "มพส.", "other", NULL, NULL, 0},
    {"learnt abbreviation used bare",
     "มูลนิธิเพื่อนหญิงบ้านสวน (มพส.) ร่วมกับ กรมอนามัย จัดอบรม ต่อมา มพส. แถลง", NULL, MENTION, "organisation",
     "มพส.", "มูลนิธิเพื่อนหญิงบ้านสวน", NULL, NULL, 0},
    {"ร่วมกับ makes a collaboration", "มูลนิธิเพื่อนหญิงบ้านสวน (มพส.) ร่วมกับ กรมอนามัย จัดอบรมอาสาสมัคร",
     "2020-01-15", EVENT, "training", "2020-01-15", NULL, "มูลนิธิเพื่อนหญิงบ้านสวน", "กรมอนามัย", 1},
    {"a prefix alone is no organisation", "ความร่วมมือระดับกระทรวง กรม และจังหวัด", NULL, NO_ORG,
     "กระทรวง", NULL, NULL, NULL, NULL, 0},
    {"a prefix inside a word is no organisation", "สภาพอากาศวันนี้ดี", NULL, NO_ORG, "สภาพอากาศวันนี้ดี",
     NULL, NULL, NULL, NULL, 0},
    {"prefix name ends at a function word", "กรมการจัดหางานได้ประกาศรับสมัคร", NULL, ORG,
     "กรมการจัดหางาน", NULL, "department", NULL, NULL, 0},
    {"prefixes that share a start do not merge",
     "สำนักงานส่งเสริมการค้า และ สำนักงานส่งเสริมการลงทุนภาค ร่วมประชุม", NULL, ORG, "สำนักงานส่งเสริมการค้า",
     NULL, "office", NULL, NULL, 0},
    {"abbreviation inside another abbreviation", "ปลัดกระทรวง (ปพม.) กล่าว", NULL, NO_ORG, MOPH, NULL,
     NULL, NULL, NULL, 0},
    {"excluded furniture", "ข่าวหลัก\nกระทรวงมหาดไทยแถลง\n", NULL, EXCLUDED, "กระทรวงมหาดไทย",
     "กระทรวงมหาดไทยแถลง", NULL, NULL, NULL, 0},
    {"gazetteer name before a glued verb", "กระทรวงแรงงานเปิดรับสมัครงาน", NULL, ORG, "กระทรวงแรงงาน",
     NULL, "ministry", NULL, NULL, 0},
    {"a glued verb is no part of the name", "กระทรวงแรงงานเปิดรับสมัครงาน", NULL, NO_ORG,
     "กระทรวงแรงงานเปิด", NULL, NULL, NULL, NULL, 0},
    {"no-break space between the names", "นายวิษณุ\u00a0เครืองาม รองนายกรัฐมนตรี กล่าว", NULL, PERSON,
     "วิษณุ เครืองาม", "นาย", "รองนายกรัฐมนตรี", NULL, NULL, 1},
    {"royal rank after กรม", "กรมสมเด็จพระเทพรัตนราชสุดาฯ เสด็จ", NULL, NO_ORG,
     "กรมสมเด็จพระเทพรัตนราชสุดาฯ", NULL, NULL, NULL, NULL, 0},
    {"a title-like word alone names nobody", "คุณประโยชน์ของโครงการนี้มีมาก", NULL, NO_PERSON, "ประโยชน์",
     NULL, NULL, NULL, NULL, 0},
    {"issue 9, class 6: an untitled tagged name glued onto a noun is none",
     "ขอให้ชมขบวนรถเทพประทานพร มหาสงกรานต์", NULL, NO_PERSON, "เทพประทานพร มหาสงกรานต์", NULL, NULL,
     NULL, NULL, 0},
    {"verb glued to a given name",
     "ดร.สาธิต ปิตุเตชะ รัฐมนตรีช่วยว่าการกระทรวงสาธารณสุข เปิดงาน ดร.สาธิตกล่าวว่า", NULL, MENTION, "person",
     "ดร.สาธิต", "สาธิต ปิตุเตชะ", NULL, NULL, 0},
    {"deputy minister", "ดร.สาธิต ปิตุเตชะ รัฐมนตรีช่วยว่าการกระทรวงสาธารณสุข เปิดงาน", NULL, PERSON,
     "สาธิต ปิตุเตชะ", "ดร.", "รัฐมนตรีช่วยว่าการกระทรวง", "กระทรวงสาธารณสุข", NULL, 1},

    /* issue 9, error class 1: organisations outside the gazetteer, whole. */
    {"class 1: a company with its legal form", "บริษัท การบินไทย จำกัด (มหาชน) แถลงผลประกอบการ", NULL,
     ORG, "บริษัท การบินไทย จำกัด (มหาชน)", NULL, NULL, NULL, NULL, 0},
    {"class 1: a company whose name has spaces and brackets",
     "นายอาเบล เติ้ง ประธานกรรมการบริหาร บริษัท หัวเว่ย เทคโนโลยี่ (ประเทศไทย) จำกัด กล่าว", NULL, ORG,
     "บริษัท หัวเว่ย เทคโนโลยี่ (ประเทศไทย) จำกัด", NULL, NULL, NULL, NULL, 0},
    {"class 1: a number belongs to the name", "ศูนย์บริหารสถานการณ์โควิด-19 (ศบค.) รายงานว่า", NULL, ORG,
     "ศูนย์บริหารสถานการณ์โควิด-19", "ศบค.", NULL, NULL, NULL, 0},
    {"class 1: a foreign ministry ends with its country",
     "นายอิท สัมเฮง รัฐมนตรีว่าการกระทรวงแรงงานและการฝึกอบรมวิชาชีพกัมพูชา กล่าว", NULL, ORG,
     "กระทรวงแรงงานและการฝึกอบรมวิชาชีพกัมพูชา", NULL, NULL, NULL, NULL, 0},
    {"class 1: a government named by its country", "รัฐบาลญี่ปุ่นมอบเงินช่วยเหลือ", NULL, ORG, "รัฐบาลญี่ปุ่น",
     NULL, NULL, NULL, NULL, 0},
    {"class 1: a Latin-script name", "ผู้แทนจาก PMG Academy และ Fitch Ratings เข้าร่วม", NULL, ORG,
     "PMG Academy", NULL, NULL, NULL, NULL, 0},
    {"class 1: a hospital", "โรงพยาบาลศิริราชเปิดให้บริการ", NULL, ORG, "โรงพยาบาลศิริราช", NULL, NULL,
     NULL, NULL, 0},

    /* issue 9, error class 2: a kind of organisation is none. */
    {"class 2: a generic noun", "องค์กรใหญ่ต้องปรับตัว", NULL, NO_ORG, "องค์กรใหญ่", NULL, NULL, NULL,
     NULL, 0},
    {"class 2: a provincial stem without its province", "สำนักงานแรงงานจังหวัดทุกแห่งต้องรายงาน", NULL,
     NO_ORG, "สำนักงานแรงงานจังหวัด", NULL, NULL, NULL, NULL, 0},
    {"class 2: a provincial stem with its province", "สำนักงานแรงงานจังหวัดกระบี่จัดงาน", NULL, ORG,
     "สำนักงานแรงงานจังหวัดกระบี่", NULL, NULL, NULL, NULL, 0},

    /* issue 9, error class 1: legal forms, United Nations bodies, Latin abbreviations. */
    {"class 1: a cooperative runs to its legal form",
     "เป็นเงินที่ชุมนุมสหกรณ์โคนมภาคใต้และตะวันตก จำกัด สมทบ จำนวน 845,000 บาท", NULL, ORG,
     "ชุมนุมสหกรณ์โคนมภาคใต้และตะวันตก จำกัด", NULL, NULL, NULL, NULL, 0},
    {"class 1: a legal form after a clause is another's",
     "มีสหกรณ์โคนม จำนวน 6 แห่ง และบริษัท ไทยมิลค์ จำกัด", NULL, NO_ORG,
     "สหกรณ์โคนม จำนวน 6 แห่ง และบริษัท ไทยมิลค์ จำกัด", NULL, NULL, NULL, NULL, 0},
    {"class 1: a name holding a function word keeps its form",
     "ลงนามโดยบริษัท โชคนำชัย ไฮ-เทค เพรสซิ่ง จำกัด ในงบประมาณ", NULL, ORG,
     "บริษัท โชคนำชัย ไฮ-เทค เพรสซิ่ง จำกัด", NULL, NULL, NULL, NULL, 0},
    {"class 1: a partnership writes its form first", "ห้างหุ้นส่วนจำกัด กัญญาภัทรการโยธา ได้ก่อสร้างถนน",
     NULL, ORG, "ห้างหุ้นส่วนจำกัด กัญญาภัทรการโยธา", NULL, NULL, NULL, NULL, 0},
    {"class 1: a United Nations programme is a body",
     "ความร่วมมือกับโครงการพัฒนาแห่งสหประชาชาติ (UNDP) ในการ", NULL, ORG, "โครงการพัฒนาแห่งสหประชาชาติ",
     "UNDP", NULL, NULL, NULL, 0},
    {"class 1: a United Nations council is a body", "คณะมนตรีความมั่นคงแห่งสหประชาชาติมีมติ", NULL, ORG,
     "คณะมนตรีความมั่นคงแห่งสหประชาชาติ", NULL, NULL, NULL, NULL, 0},
    {"class 1: any other programme is none", "โครงการพัฒนาแหล่งน้ำขนาดเล็กของกรมชลประทาน", NULL, NO_ORG,
     "โครงการพัฒนาแหล่งน้ำขนาดเล็ก", NULL, NULL, NULL, NULL, 0},
    {"class 1: a name after แห่ง ends another's", "เปิดการประชุมทศวรรษแห่งสหประชาชาติ", NULL, NO_ORG,
     "องค์การสหประชาชาติ", NULL, NULL, NULL, NULL, 0},
    {"class 1: a Latin abbreviation in brackets",
     "ณ สนามกีฬาสถาบันเทคโนโลยีพระจอมเกล้าเจ้าคุณทหารลาดกระบัง (KMITL) กรุงเทพมหานคร", NULL, MENTION,
     "organisation", "KMITL", "สถาบันเทคโนโลยีพระจอมเกล้าเจ้าคุณทหารลาดกระบัง", NULL, NULL, 0},
    {"class 1: the English name in brackets names the body",
     "ประธานองค์การส่งเสริมการค้าต่างประเทศของญี่ปุ่น (Japan External Trade Organization: JETRO) "
     "กล่าวว่า JETRO พร้อม",
     NULL, MENTION, "organisation", "Japan External Trade Organization",
     "องค์การส่งเสริมการค้าต่างประเทศของญี่ปุ่น", NULL, NULL, 0},
    {"class 1: the Latin abbreviation written bare",
     "ประธานองค์การส่งเสริมการค้าต่างประเทศของญี่ปุ่น (Japan External Trade Organization: JETRO) "
     "กล่าวว่า JETRO พร้อม",
     NULL, ORG, "องค์การส่งเสริมการค้าต่างประเทศของญี่ปุ่น", "JETRO", NULL, NULL,
     "Japan External Trade Organization", 0},
    /* issue 9, class 1: where the tagger ends a name before a nominaliser, before ต่างประเทศ or
     * after the first word joined on with และ, the name runs on. */
    {"class 1: the tagger's end before การ and ต่างประเทศ inside a name",
     "ผู้อำนวยการกรมส่งเสริมการค้าต่างประเทศของเกาหลีใต้ กล่าวว่า", NULL, ORG,
     "กรมส่งเสริมการค้าต่างประเทศของเกาหลีใต้", NULL, NULL, NULL, NULL, 0},
    {"class 1: the tagger's end after the first word joined with และ",
     "เจ้าหน้าที่สำนักงานพัฒนาและบำรุงรักษาทางน้ำที่ 5 ได้ขุดลอกคลอง", NULL, ORG,
     "สำนักงานพัฒนาและบำรุงรักษาทางน้ำที่ 5", NULL, NULL, NULL, NULL, 0},
    {"class 1: ASEAN goes by its short name", "สมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้ หรืออาเซียน", NULL,
     ORG, "อาเซียน", NULL, NULL, NULL, "สมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้", 0},

    {"class 1: ทาง inside a name", "กรมทางหลวง กระทรวงคมนาคม โดยสำนักก่อสร้างทางที่ 1 ดำเนินการก่อสร้าง",
     NULL, ORG, "สำนักก่อสร้างทางที่ 1", NULL, NULL, NULL, NULL, 0},
    {"class 1: กลาง ending a name",
     "โดยกองบังคับการตำรวจน้ำ และกองอำนวยการป้องกันและบรรเทาสาธารณภัยกลาง ร่วมกัน", NULL, ORG,
     "กองอำนวยการป้องกันและบรรเทาสาธารณภัยกลาง", NULL, NULL, NULL, NULL, 0},
    {"class 1: a police division",
     "โดยกองบังคับการตำรวจน้ำ และกองอำนวยการป้องกันและบรรเทาสาธารณภัยกลาง ร่วมกัน", NULL, ORG,
     "กองบังคับการตำรวจน้ำ", NULL, NULL, NULL, NULL, 0},
    {"class 1: military units and their numbers", "กองพลทหารม้าที่ 1 โดย กองพันทหารม้าที่ 28 เดินทางเข้าพื้นที่",
     NULL, ORG, "กองพันทหารม้าที่ 28", NULL, NULL, NULL, NULL, 0},

    {"class 1: a glued และ inside one name", "คณะกรรมการกำกับหลักทรัพย์และตลาดหลักทรัพย์ แถลง", NULL, ORG,
     "คณะกรรมการกำกับหลักทรัพย์และตลาดหลักทรัพย์", NULL, NULL, NULL, NULL, 0},
    {"class 1: และ before another opener joins two names",
     "ศูนย์ฉีดวัคซีนสถานีกลางบางซื่อและกระทรวงสาธารณสุข ร่วมกัน", NULL, NO_ORG,
     "ศูนย์ฉีดวัคซีนสถานีกลางบางซื่อและกระทรวงสาธารณสุข", NULL, NULL, NULL, NULL, 0},
    {"class 1: a long opener leaves a short name", "ซึ่งกองบัญชาการทหารสูงสุดได้รับมอบหมาย", NULL, ORG,
     "กองบัญชาการทหารสูงสุด", NULL, NULL, NULL, NULL, 0},
    {"class 1: a subcommittee is named", "ที่ประชุมคณะอนุกรรมการสร้างเสริมภูมิคุ้มกันโรค เมื่อวันที่ 5", NULL, ORG,
     "คณะอนุกรรมการสร้างเสริมภูมิคุ้มกันโรค", NULL, "council", NULL, NULL, 0},
    {"class 1: a body named by its purpose",
     "การเข้าเป็นสมาชิกองค์การเพื่อความร่วมมือทางเศรษฐกิจและการพัฒนา ต่อไป", NULL, ORG,
     "องค์การเพื่อความร่วมมือทางเศรษฐกิจและการพัฒนา", NULL, NULL, NULL, NULL, 0},
    {"class 1: เพื่อ before a verb opens no name", "จัดตั้งศูนย์เพื่อรองรับผู้หนีภัยหลายแห่ง", NULL, NO_ORG,
     "ศูนย์เพื่อรองรับผู้หนีภัยหลายแห่ง", NULL, NULL, NULL, NULL, 0},
    {"class 1: a tagger's span does not end after การ",
     "นายเดโช ไชยภพ ผู้อำนวยการมูลนิธิเพื่อการพัฒนาที่ยั่งยืน (ภาคเหนือ) 6) บทบาท", NULL, NO_ORG, "มูลนิธิเพื่อการ",
     NULL, NULL, NULL, NULL, 0},
    {"class 1: a sum after a name is no part of it",
     "กระทรวงแรงงานจัดเตรียมงบประมาณกองทุนเพื่อผู้ใช้แรงงาน 80 ล้านบาท เพื่อเป็นเงิน", NULL, ORG,
     "กองทุนเพื่อผู้ใช้แรงงาน", NULL, NULL, NULL, NULL, 0},
    {"class 1: a list's item number is no part of a name",
     "3. สำนักการจราจรและขนส่ง กรุงเทพมหานคร 4. ศูนย์อำนวยการความปลอดภัยทางถนนจังหวัดศรีสะเกษ 5. "
     "ศูนย์ปฏิบัติการความปลอดภัยทางถนนอำเภอกมลาไสย 6. องค์การบริหารส่วนจังหวัดอุตรดิตถ์",
     NULL, ORG, "ศูนย์อำนวยการความปลอดภัยทางถนนจังหวัดศรีสะเกษ", NULL, NULL, NULL, NULL, 0},
    {"class 1: a unit's number before a place stays",
     "ไปยังท่าอากาศยานทหารกองบิน 7 ตำบลมะลวน อำเภอพุนพิน", NULL, ORG, "กองบิน 7", NULL, NULL, NULL, NULL,
     0},
    {"class 1: a Bangkok office of one area",
     "รายงานจากสำนักงานประกันสังคมกรุงเทพมหานครพื้นที่ 1 ว่า จากการตรวจสอบ", NULL, ORG,
     "สำนักงานประกันสังคมกรุงเทพมหานครพื้นที่ 1", NULL, NULL, NULL, NULL, 0},
    {"class 1: a legal form written short before the name",
     "3. บจก.ไทยยามาฮ่ามอเตอร์ 4. บมจ.ธนชาตประกันภัย 5. บจก.อาร์อาร์ที ออร์โตโมทีฟ (ประเทศไทย) 6. "
     "บจก.โตโยต้า",
     NULL, ORG, "บริษัท ธนชาตประกันภัย จำกัด (มหาชน)", NULL, NULL, NULL, "บมจ.ธนชาตประกันภัย", 0},
    {"class 1: a name spelt from another language holds its syllables",
     "3. บจก.ไทยยามาฮ่ามอเตอร์ 4. บมจ.ธนชาตประกันภัย 5. บจก.อาร์อาร์ที ออร์โตโมทีฟ (ประเทศไทย) 6. "
     "บจก.โตโยต้า",
     NULL, ORG, "บริษัท ไทยยามาฮ่ามอเตอร์ จำกัด", NULL, NULL, NULL, NULL, 0},
    {"class 1: a short legal form's name runs to the next in a list",
     "3. บจก.ไทยยามาฮ่ามอเตอร์ 4. บมจ.ธนชาตประกันภัย 5. บจก.อาร์อาร์ที ออร์โตโมทีฟ (ประเทศไทย) 6. "
     "บจก.โตโยต้า",
     NULL, ORG, "บริษัท อาร์อาร์ที ออร์โตโมทีฟ (ประเทศไทย) จำกัด", NULL, NULL, NULL, NULL, 0},
    {"class 1: a short legal form's name stops before the clause",
     "บมจ.ทิพยประกันภัย เบี้ยประกันตั้งแต่ 2,000 บาท", NULL, ORG, "บริษัท ทิพยประกันภัย จำกัด (มหาชน)", NULL, NULL,
     NULL, NULL, 0},
    {"class 1: a short legal form before a name with its own opener",
     "บมจ. ธนาคารกรุงไทย ณ สถานีกลาง", NULL, ORG, "ธนาคารกรุงไทย", NULL, NULL, NULL, NULL, 0},
    {"class 1: a Bangkok office's area a space after it", "ติดต่อสำนักงานจัดหางานกรุงเทพมหานคร พื้นที่ 5 ได้",
     NULL, ORG, "สำนักงานจัดหางานกรุงเทพมหานคร พื้นที่ 5", NULL, NULL, NULL, NULL, 0},
    /* issue 9, error class 2: a kind or a set of bodies is none. */
    {"class 2: an opener and a nationality", "ส่งผลให้มีบริษัทญี่ปุ่นเข้ามาลงทุนในไทย", NULL, NO_ORG,
     "บริษัทญี่ปุ่น", NULL, NULL, NULL, NULL, 0},
    {"class 2: Thai universities", "ให้ผู้เชี่ยวชาญของมหาวิทยาลัยไทยช่วยสร้างหลักสูตร", NULL, NO_ORG,
     "มหาวิทยาลัยไทย", NULL, NULL, NULL, NULL, 0},
    {"class 2: a country's embassy is one", "สถานเอกอัครราชทูตญี่ปุ่นประจำประเทศไทยแจ้งว่า", NULL, ORG,
     "สถานเอกอัครราชทูตญี่ปุ่น", NULL, NULL, NULL, NULL, 0},
    {"class 2: a word that describes a kind", "ร่วมกับบริษัทภาคเอกชน ให้การสนับสนุน", NULL, NO_ORG,
     "บริษัทภาคเอกชน", NULL, NULL, NULL, NULL, 0},
    {"class 2: local governments in general", "ผู้บริหารองค์กรปกครองส่วนท้องถิ่น เครือข่ายอาสาสมัคร", NULL,
     NO_ORG, "องค์กรปกครองส่วนท้องถิ่น", NULL, NULL, NULL, NULL, 0},
    {"class 2: a head office", "ขอบคุณที่ JETRO สำนักงานใหญ่ และ JETRO กรุงเทพฯ ได้ให้ความร่วมมือ", NULL,
     NO_ORG, "สำนักงานใหญ่", NULL, NULL, NULL, NULL, 0},
    {"class 2: a name counted in places is several",
     "เช่น มหาวิทยาลัยเทคโนโลยีราชมงคล ทั้ง 9 แห่ง และมหาวิทยาลัยเทคโนโลยีพระจอมเกล้าฯ ทั้ง 3 แห่ง", NULL, NO_ORG,
     "มหาวิทยาลัยเทคโนโลยีราชมงคล", NULL, NULL, NULL, NULL, 0},

    {"class 2: a range of Bangkok's areas is several offices",
     "สอบถามได้ที่สำนักงานจัดหางานกรุงเทพมหานครพื้นที่ 1 - 10 หรือลงทะเบียน", NULL, NO_ORG,
     "สำนักงานจัดหางานกรุงเทพมหานคร", NULL, NULL, NULL, NULL, 0},

    /* issue 9, error class 3: an abbreviation needs context. */
    {"class 3: kilograms are no ministry", "ปลาน้ำหนัก 5 กก. ต่อตัว", NULL, NO_ORG,
     "กระทรวงการท่องเที่ยวและกีฬา", NULL, NULL, NULL, NULL, 0},
    {"class 3: milligrams are no university", "ยาขนาด 500 มก. วันละครั้ง", NULL, NO_ORG,
     "มหาวิทยาลัยเกษตรศาสตร์", NULL, NULL, NULL, NULL, 0},
    {"class 3: a councillor is no office", "สท.สมชาย ใจดี ลงพื้นที่", NULL, NO_ORG,
     "สำนักงานส่งเสริมสวัสดิภาพและพิทักษ์เด็ก เยาวชน ผู้ด้อยโอกาส และผู้สูงอายุ", NULL, NULL, NULL, NULL, 0},
    {"class 3: an abbreviation with a verb glued on", "พม.จับมือ สสส. พัฒนาเด็ก", NULL, ORG, MOPH,
     "พม.", NULL, NULL, NULL, 0},

    /* issue 9, error class 4: one local government per place. */
    {"class 4: อบต. and its place", "อบต.บ้านดู่ ร่วมกับ อบต. ป่าตึง จัดงาน", NULL, ORG,
     "องค์การบริหารส่วนตำบลบ้านดู่", NULL, "local_government", NULL, "อบต.บ้านดู่", 0},
    {"class 4: the other อบต.", "อบต.บ้านดู่ ร่วมกับ อบต. ป่าตึง จัดงาน", NULL, ORG,
     "องค์การบริหารส่วนตำบลป่าตึง", NULL, "local_government", NULL, NULL, 0},
    {"class 4: a stem alone is no organisation", "อบต.ทุกแห่งต้องรายงานผล", NULL, NO_ORG,
     "องค์การบริหารส่วนตำบล", NULL, NULL, NULL, NULL, 0},
    {"class 4: a municipality", "เทศบาลนครเชียงใหม่จัดงาน", NULL, ORG, "เทศบาลนครเชียงใหม่", NULL,
     "local_government", NULL, NULL, 0},

    {"issue 9, prisons: a central prison and its province",
     "ผู้ต้องขังจากเรือนจำกลางขอนแก่นและทัณฑสถานหญิงพิษณุโลก ได้รับวัคซีนแล้ว", NULL, ORG, "เรือนจำกลางขอนแก่น",
     NULL, "office", NULL, NULL, 0},
    {"issue 9, prisons: a women's correctional institution",
     "ผู้ต้องขังจากเรือนจำกลางขอนแก่นและทัณฑสถานหญิงพิษณุโลก ได้รับวัคซีนแล้ว", NULL, ORG, "ทัณฑสถานหญิงพิษณุโลก",
     NULL, "office", NULL, NULL, 0},
    {"issue 9, prisons: the name ends with the province", "ส่งตัวไปเรือนจำกลางสุราษฎร์ธานีภายในวันนี้", NULL,
     ORG, "เรือนจำกลางสุราษฎร์ธานี", NULL, "office", NULL, NULL, 0},
    {"issue 9, prisons: a kind of prison is none", "ขณะที่เรือนจำสีแดงจำนวน 13 แห่ง ยังพบผู้ติดเชื้อ", NULL,
     NO_ORG, "เรือนจำสีแดง", NULL, NULL, NULL, NULL, 0},
    {"issue 9, glued modals: ควร ends the name", "ที่ประชุมเห็นว่ากองทุนประกันวินาศภัยควรเร่งจ่ายเงิน", NULL,
     ORG, "กองทุนประกันวินาศภัย", NULL, "fund", NULL, NULL, 0},
    {"issue 9, glued modals: สามารถ ends the name", "ธนาคารสมาชิกสามารถพักชำระหนี้ได้", NULL, NO_ORG,
     "ธนาคารสมาชิกสามารถ", NULL, NULL, NULL, NULL, 0},
    {"issue 9, glued verbs: a verb after the opener leaves the noun",
     "ดำเนินการผ่านกลไกของกระทรวงอยู่แล้ว", NULL, NO_ORG, "กระทรวงอยู่แล้ว", NULL, NULL, NULL, NULL, 0},
    {"issue 9, การ before an opener makes an activity", "ตามหลักการธนาคารเพื่อความยั่งยืน ของสมาคม", NULL,
     NO_ORG, "ธนาคารเพื่อความยั่งยืน", NULL, NULL, NULL, NULL, 0},
    {"issue 9, (องค์การมหาชน) is part of the name", "ผู้แทนสถาบันคุณวุฒิวิชาชีพ (องค์การมหาชน) เข้าร่วม", NULL,
     ORG, "สถาบันคุณวุฒิวิชาชีพ (องค์การมหาชน)", NULL, NULL, NULL, "สถาบันคุณวุฒิวิชาชีพ", 0},
    {"issue 9, (องค์การมหาชน) after a no-break space (part-00 row 2873 failed its ingest)",
     "สถาบันสารสนเทศทรัพยากรน้ำ\u00a0(องค์การมหาชน) หรือ สสน. ได้จัดทำแอปพลิเคชัน", NULL, ORG,
     "สถาบันสารสนเทศทรัพยากรน้ำ (องค์การมหาชน)", NULL, NULL, NULL, NULL, 0},
    {"issue 9, (องค์การมหาชน): the abbreviation names the same body",
     "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) หรือ สพร. จัดงาน", NULL, NO_ORG, "สำนักงานพัฒนารัฐบาลดิจิทัล",
     NULL, NULL, NULL, NULL, 0},
    {"issue 9, venues after ณ: an exhibition centre is no organisation",
     "จัดงานแสดงสินค้า ณ ศูนย์นิทรรศการและการประชุมไบเทค บางนา", NULL, NO_ORG,
     "ศูนย์นิทรรศการและการประชุมไบเทค", NULL, NULL, NULL, NULL, 0},
    {"issue 9, venues after ณ: a press centre is a venue",
     "เวลา 15.00 น. ณ ศูนย์แถลงข่าวรัฐบาล ตึกนารีสโมสร ทำเนียบรัฐบาล นายกรัฐมนตรีแถลง", NULL, PLACE,
     "ศูนย์แถลงข่าวรัฐบาล", "venue", NULL, NULL, NULL, 0},
    {"issue 9, venues: a landmark names the venue",
     "จัดงาน ณ อาคาร 5 ศูนย์แสดงสินค้าและการประชุมอิมแพ็ค เมืองทองธานี ตลอด 9 วัน", NULL, PLACE,
     "ศูนย์แสดงสินค้าและการประชุมอิมแพ็ค เมืองทองธานี", "venue", NULL, NULL, NULL, 0},

    {"issue 9, Latin names after a Thai opener: a centre", "ข้อมูลจากศูนย์ AOC ระบุว่ามีการระงับบัญชี", NULL,
     ORG, "ศูนย์ AOC", NULL, NULL, NULL, NULL, 0},
    {"issue 9, Latin names after a Thai opener: a company goes by its Latin name",
     "เยี่ยมชมการดำเนินงานของบริษัท Siam Robotics Group ซึ่งพัฒนาอุปกรณ์", NULL, ORG, "Siam Robotics Group",
     NULL, NULL, NULL, NULL, 0},
    {"issue 9, Latin names after a Thai opener: Thai words before it describe",
     "ความต้องการของบริษัทผู้ผลิต PCB ในไทยเพิ่มขึ้น", NULL, NO_ORG, "บริษัทผู้ผลิต PCB", NULL, NULL, NULL, NULL,
     0},
    {"issue 9, Latin names after a Thai opener: a Latin name that says what it is",
     "ร่วมกับสถาบัน Korea Automobile Testing & Research Institute จัดอบรม", NULL, ORG,
     "Korea Automobile Testing & Research Institute", NULL, NULL, NULL, NULL, 0},
    {"issue 9, Latin names after a Thai opener: a board's Latin name is its body's",
     "คณะกรรมการ UAI มีมติรับรอง", NULL, NO_ORG, "คณะกรรมการ UAI", NULL, NULL, NULL, NULL, 0},

    {"issue 9, Latin names after a Thai opener: a Thai tail ending with the country is the name's",
     "ผู้แทนชมรม STRONG ต้านทุจริตประเทศไทย ร่วมงาน", NULL, ORG, "ชมรม STRONG ต้านทุจริตประเทศไทย", NULL,
     NULL, NULL, NULL, 0},
    {"issue 9, Latin names after a Thai opener: a tail with a function word is a clause",
     "ข้อมูลจากศูนย์ RIC ในประเทศไทย ระบุว่า", NULL, ORG, "ศูนย์ RIC", NULL, NULL, NULL, NULL, 0},
    {"issue 9, a bare opener + ฯ is the body the text named",
     "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม จัดประชุมผู้บริหารกระทรวงฯ ครั้งที่ 1", NULL, MENTION, "organisation",
     "กระทรวงฯ", "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", NULL, NULL, 0},
    {"issue 9, a bare opener + ฯ names no new body", "นายกฯ แจงสภาฯ ยืนยันไม่มีการแบ่งแยกจัดสรรงบฯ", NULL,
     NO_ORG, "สภาฯ", NULL, NULL, NULL, NULL, 0},
    {"issue 9, a bare opener + ฯ of another kind names none", "ทำให้มีการตั้งศูนย์ฯ ขึ้น", NULL, NO_MENTION,
     "organisation", "ศูนย์ฯ", NULL, NULL, NULL, 0},
    {"issue 9, kinds: financial institutions with what describes them",
     "หลังพักชำระหนี้แล้ว สถาบันการเงินเฉพาะกิจจะไม่เรียกเก็บเงิน", NULL, NO_ORG, "สถาบันการเงินเฉพาะกิจจะ", NULL,
     NULL, NULL, NULL, 0},
    {"issue 9, kinds: a creditor institution", "ติดต่อกับสถาบันการเงินเจ้าหนี้เพื่อแสดงความประสงค์", NULL,
     NO_ORG, "สถาบันการเงินเจ้าหนี้", NULL, NULL, NULL, NULL, 0},
    {"issue 9, kinds: an association of them is one",
     "สมาคมสถาบันการเงินของรัฐ (สงร.) ออกมาตรการพักชำระหนี้", NULL, ORG, "สมาคมสถาบันการเงินของรัฐ", "สงร.",
     NULL, NULL, NULL, 0},

    {"issue 9, hashtags: a name glued inside a hashtag is a word of it",
     "ขอเชิญชวนประชาชนร่วมกิจกรรม\n#ไทยคู่ฟ้า #สื่อสารรัฐบาลไทย\n", NULL, NO_ORG, "รัฐบาลไทย", NULL, NULL,
     NULL, NULL, 0},
    {"issue 9, hashtags: a name that opens a hashtag is written there",
     "ขอเชิญชวนประชาชนร่วมกิจกรรม\n#วันดินโลก #กระทรวงมหาดไทย #บำบัดทุกข์บำรุงสุข\n", NULL, ORG,
     "กระทรวงมหาดไทย", NULL, NULL, NULL, NULL, 0},
    {"issue 9, names cut before COVID-19: the disease's year is the name's",
     "ติดต่อศูนย์บัญชาการแก้ไขปัญหาการแพร่ระบาดของโรคติดเชื้อไวรัสโคโรนา 2019 ได้ตลอดเวลา", NULL, ORG,
     "ศูนย์บัญชาการแก้ไขปัญหาการแพร่ระบาดของโรคติดเชื้อไวรัสโคโรนา 2019", NULL, NULL, NULL, NULL, 0},
    {"issue 9, names cut before COVID-19: the Latin name after ไวรัส",
     "ตามมติศูนย์บริหารสถานการณ์แพร่ระบาดของโรคติดเชื้อไวรัส COVID-19 (ศบค.) ให้ปิดบริการ", NULL, ORG,
     "ศูนย์บริหารสถานการณ์แพร่ระบาดของโรคติดเชื้อไวรัส COVID-19", "ศบค.", NULL, NULL, NULL, 0},
    {"issue 9, names cut before COVID-19: a dash between blanks",
     "จัดตั้งศูนย์บูรณาการสถานการณ์โควิด - 19 เพื่อแก้ไขปัญหา", NULL, ORG, "ศูนย์บูรณาการสถานการณ์โควิด - 19", NULL,
     NULL, NULL, NULL, 0},
    {"issue 9, a unit + a blank + its parent's abbreviation: a local government's centre",
     "3. ศูนย์ปฏิบัติการความปลอดภัยทางถนน อบต.กุดเสลา อ.กันทรลักษ์ จ.ศรีสะเกษ", NULL, ORG,
     "ศูนย์ปฏิบัติการความปลอดภัยทางถนน อบต.กุดเสลา", NULL, NULL, NULL, NULL, 0},
    {"issue 9, a unit + a blank + its parent's abbreviation: the parent keeps its mention",
     "3. ศูนย์ปฏิบัติการความปลอดภัยทางถนน อบต.กุดเสลา อ.กันทรลักษ์ จ.ศรีสะเกษ", NULL, ORG,
     "องค์การบริหารส่วนตำบลกุดเสลา", NULL, NULL, NULL, NULL, 0},
    {"issue 9, a unit + a blank + its parent's abbreviation: a bank's research centre",
     "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร (ธ.ก.ส.) เปิดเผยว่า ศูนย์วิจัยและพัฒนานวัตกรรม ธ.ก.ส. คาดการณ์ราคา",
     NULL, ORG, "ศูนย์วิจัยและพัฒนานวัตกรรม ธ.ก.ส.", NULL, NULL, NULL, NULL, 0},
    {"issue 9, a unit + a blank + a place's abbreviation is no parent",
     "ศูนย์ปฏิบัติการความปลอดภัยทางถนนประจำถิ่น จ.ศรีสะเกษ ได้รับรางวัล", NULL, NO_ORG,
     "ศูนย์ปฏิบัติการความปลอดภัยทางถนนประจำถิ่น จ.ศรีสะเกษ", NULL, NULL, NULL, NULL, 0},
    {"issue 9, short forms: a provincial office's abbreviation glued to its province",
     "เจ้าหน้าที่ พมจ.สงขลา ลงพื้นที่เยี่ยมบ้าน", NULL, ORG, PMJ "สงขลา", NULL, NULL, NULL, "พมจ.สงขลา", 0},
    {"issue 9, short forms: a provincial office's abbreviation a blank before its province",
     "เจ้าหน้าที่ พมจ. สระแก้ว ลงพื้นที่เยี่ยมบ้าน", NULL, ORG, PMJ "สระแก้ว", NULL, NULL, NULL, NULL, 0},
    {"issue 9, fragments ending inside a word: openers listing kinds of bodies name none",
     "ทั้งภาครัฐ ภาคเอกชน ภาคประชาสังคม องค์กร มูลนิธิ และเครือข่ายด้านความปลอดภัยทางถนน ที่ได้ร่วมกันจัดงาน", NULL,
     NO_MENTION, "organisation", "องค์กร มูลนิธิ และเครือ", NULL, NULL, NULL, 0},
    {"issue 9, Latin-only names: a unit, a comma and its parent are one name",
     "a kidney screening kit by the Department of Internal Medicine, Faculty of Medicine, "
     "Chulalongkorn "
     "University in collaboration with researchers",
     NULL, ORG, "Department of Internal Medicine, Faculty of Medicine, Chulalongkorn University",
     NULL, NULL, NULL, NULL, 0},
    {"issue 9, Latin-only names: the parent named with its own parent",
     "a kidney screening kit by the Department of Internal Medicine, Faculty of Medicine, "
     "Chulalongkorn "
     "University in collaboration with researchers",
     NULL, ORG, "Faculty of Medicine, Chulalongkorn University", NULL, NULL, NULL, NULL, 0},
    {"issue 9, Latin-only names: a legal form after a comma is the company's",
     "บริษัท Rating and Investment Information, Inc. หรือ R&I ซึ่งเป็นบริษัทจัดอันดับ", NULL, ORG,
     "Rating and Investment Information, Inc.", NULL, NULL, NULL, NULL, 0},
    {"issue 9, Latin-only names: a legal form alone is no company",
     "บริษัท Rating and Investment Information, Inc. หรือ R&I ซึ่งเป็นบริษัทจัดอันดับ", NULL, NO_ORG, "Inc.",
     NULL, NULL, NULL, NULL, 0},
    {"issue 9, Latin-only names: a post before of names no body",
     "4) Mr. Chris Miller (General Counsel of Universal Filmed Entertainment Group); 5) Mr. David",
     NULL, ORG, "Universal Filmed Entertainment Group", NULL, NULL, NULL, NULL, 0},
    {"issue 9, Latin-only names: the post is not the body's name",
     "4) Mr. Chris Miller (General Counsel of Universal Filmed Entertainment Group); 5) Mr. David",
     NULL, NO_ORG, "General Counsel of Universal Filmed Entertainment Group", NULL, NULL, NULL,
     NULL, 0},
    {"issue 9, Latin-only names: a comma after a bank lists banks",
     "arranged by Bangkok Bank, Bank of Ayudhya and Standard Chartered Bank as the lead managers",
     NULL, NO_ORG, "Bangkok Bank, Bank of Ayudhya", NULL, NULL, NULL, NULL, 0},
    {"issue 9, Latin-only names: a sentence's dot ends the name",
     "the Ministry of Energy. Should the plan pass, the Ministry will", NULL, ORG,
     "Ministry of Energy", NULL, NULL, NULL, NULL, 0},
    {"issue 9, ใน inside a name: a royal patronage",
     "นายกสมาคมสถาปนิกสยามในพระบรมราชูปถัมภ์ได้เข้าร่วมงาน", NULL, ORG, "สมาคมสถาปนิกสยามในพระบรมราชูปถัมภ์",
     NULL, NULL, NULL, NULL, 0},

    /* issue 9, error class 9: short forms name their organisation. */
    {"class 9: an abbreviation taught in brackets", "องค์การสะพานปลา (อสป.) รายงาน ต่อมา อสป. แถลง",
     NULL, ORG, "องค์การสะพานปลา", "อสป.", NULL, NULL, NULL, 0},
    {"class 9: a name without its opening word", "ธนาคารกรุงไทยรายงานว่า กรุงไทย จะลดดอกเบี้ย", NULL,
     ORG, "ธนาคารกรุงไทย", NULL, NULL, NULL, "กรุงไทย", 0},
    {"class 9: a truncation without the opening word", "กรมอุตุนิยมวิทยาเตือนว่า อุตุฯ คาดว่าฝนจะตกหนัก",
     NULL, ORG, "กรมอุตุนิยมวิทยา", NULL, NULL, NULL, "อุตุฯ", 0},
    {"class 9: UNESCO written short goes by its official name", "ขึ้นทะเบียนต่อยูเนสโก ในหัวข้อ", NULL,
     ORG, "องค์การการศึกษา วิทยาศาสตร์ และวัฒนธรรมแห่งสหประชาชาติ", NULL, NULL, NULL, "ยูเนสโก", 0},
    {"class 9: an abbreviated opening word", "ผู้แทนจาก ม.แม่ฟ้าหลวง เข้าร่วม", NULL, ORG,
     "มหาวิทยาลัยแม่ฟ้าหลวง", NULL, NULL, NULL, "ม.แม่ฟ้าหลวง", 0},
    {"class 9: a ministry written short after its title", "พลเอก อนุพงษ์ เผ่าจินดา รมว.มหาดไทย กล่าว",
     NULL, MENTION, "organisation", "มหาดไทย", "กระทรวงมหาดไทย", NULL, NULL, 0},

    /* issue 9, error class 5: titles outside the built-in list, in brackets, joined, cut short. */
    {"class 5: a head of state's title before the name", "ประธานาธิบดีสี จิ้นผิง ได้กล่าวต้อนรับ", NULL,
     PERSON, "สี จิ้นผิง", NULL, "ประธานาธิบดี", NULL, NULL, 1},
    {"class 5: the speaker of parliament heads it", "นายวันมูหะมัดนอร์ มะทา ประธานรัฐสภา กล่าวเปิดงาน",
     NULL, PERSON, "วันมูหะมัดนอร์ มะทา", "นาย", "ประธานรัฐสภา", "รัฐสภา", NULL, 1},
    {"class 5: a chargé d'affaires", "นายโรเบิร์ต โกเดค อุปทูตสหรัฐฯ ประจำประเทศไทย เข้าพบ", NULL, PERSON,
     "โรเบิร์ต โกเดค", "นาย", "อุปทูต", NULL, NULL, 1},
    {"class 5: a title that serves another", "นายสุเทพ ชิตยวงษ์ ที่ปรึกษารัฐมนตรีว่าการกระทรวงแรงงาน กล่าว",
     NULL, PERSON, "สุเทพ ชิตยวงษ์", "นาย", "ที่ปรึกษารัฐมนตรีว่าการกระทรวง", "กระทรวงแรงงาน", NULL, 1},
    {"class 5: a secretary a space before the minister",
     "น.ส.ไตรศุลี ไตรสรณกุล เลขานุการ รมว.มหาดไทย เปิดเผย", NULL, PERSON, "ไตรศุลี ไตรสรณกุล", "นางสาว",
     "เลขานุการรัฐมนตรีว่าการกระทรวง", "กระทรวงมหาดไทย", NULL, 1},
    {"class 5: the office is part of the title", "นายอนุชา บูรพชัยศรี โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า",
     NULL, PERSON, "อนุชา บูรพชัยศรี", "นาย", "โฆษกประจำสำนักนายกรัฐมนตรี", NULL, NULL, 1},
    {"class 5: joined titles, the first",
     "พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงกลาโหม กล่าว", NULL, PERSON,
     "ประยุทธ์ จันทร์โอชา", "พลเอก", "นายกรัฐมนตรี", NULL, NULL, 1},
    {"class 5: joined titles, the second",
     "พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงกลาโหม กล่าว", NULL, PERSON,
     "ประยุทธ์ จันทร์โอชา", "พลเอก", "รัฐมนตรีว่าการกระทรวง", "กระทรวงกลาโหม", NULL, 1},
    {"class 5: a title in brackets keeps its organisation",
     "นายนิรุฒ มณีพันธ์ (ผู้ว่าการรถไฟแห่งประเทศไทย) กล่าว", NULL, PERSON, "นิรุฒ มณีพันธ์", "นาย", "ผู้ว่าการ",
     "การรถไฟแห่งประเทศไทย", NULL, 1},
    {"class 5: two posts in one organisation",
     "นายสิทธิกร ดิเรกสุนทร กรรมการและผู้จัดการทั่วไป บรรษัทประกันสินเชื่ออุตสาหกรรมขนาดย่อม (บสย.) เปิดเผยว่า", NULL,
     PERSON, "สิทธิกร ดิเรกสุนทร", "นาย", "กรรมการ", "บรรษัทประกันสินเชื่ออุตสาหกรรมขนาดย่อม", NULL, 1},
    {"class 5: an abbreviated title with the ministry written short",
     "พลเอก อนุพงษ์ เผ่าจินดา รมว.มหาดไทย กล่าว", NULL, PERSON, "อนุพงษ์ เผ่าจินดา", "พลเอก",
     "รัฐมนตรีว่าการกระทรวง", "กระทรวงมหาดไทย", NULL, 1},
    {"class 5: names joined by และ share the title after them",
     "นางวรวรรณ ชิตอรุณ และนายภานุวัฒน์ ตริยางกูรศรี รองปลัดกระทรวงอุตสาหกรรม เข้าร่วมประชุม", NULL, PERSON,
     "วรวรรณ ชิตอรุณ", "นาง", "รองปลัดกระทรวง", "กระทรวงอุตสาหกรรม", NULL, 1},
    {"class 5: a title before the name", "วันนี้ รองนายกรัฐมนตรีอนุทิน ชาญวีรกูล เดินทางไปเชียงใหม่", NULL,
     PERSON, "อนุทิน ชาญวีรกูล", NULL, "รองนายกรัฐมนตรี", NULL, NULL, 1},
    {"class 5: a list of names and titles keeps each title with its name",
     "นายอนุทิน ชาญวีรกูล รัฐมนตรีว่าการกระทรวงมหาดไทย นายสุทิน คลังแสง รัฐมนตรีว่าการกระทรวงกลาโหม", NULL,
     PERSON, "สุทิน คลังแสง", "นาย", "รัฐมนตรีว่าการกระทรวง", "กระทรวงกลาโหม", NULL, 1},
    {"class 5: no title from the name before in a list",
     "นายอนุทิน ชาญวีรกูล รัฐมนตรีว่าการกระทรวงมหาดไทย นายสุทิน คลังแสง รัฐมนตรีว่าการกระทรวงกลาโหม", NULL,
     NO_POSITION, "สุทิน คลังแสง", NULL, "รัฐมนตรีว่าการกระทรวง", "กระทรวงมหาดไทย", NULL, 0},

    {"class 5: an acting post after a title is held too",
     "นายอนุชา บูรพชัยศรี รองเลขาธิการนายกรัฐมนตรีฝ่ายการเมือง ปฏิบัติหน้าที่โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า",
     NULL, PERSON, "อนุชา บูรพชัยศรี", "นาย", "โฆษกประจำสำนักนายกรัฐมนตรี", NULL, NULL, 1},
    {"class 5: an acting post keeps its own organisation",
     "นายใบน้อย สุวรรณชาตรี ผู้ตรวจราชการกระทรวงอุตสาหกรรม รักษาราชการแทนอธิบดีกรมส่งเสริมอุตสาหกรรม กล่าว",
     NULL, PERSON, "ใบน้อย สุวรรณชาตรี", "นาย", "อธิบดี", "กรมส่งเสริมอุตสาหกรรม", NULL, 1},
    {"class 5: an acting post right after the name", "นายสัญญา แสงพุ่มพงษ์ รักษาการอธิบดีกรมชลประทาน กล่าว",
     NULL, PERSON, "สัญญา แสงพุ่มพงษ์", "นาย", "อธิบดี", "กรมชลประทาน", NULL, 1},
    {"class 5: an acting word a space before its post",
     "นางสาวนฤดี ภู่รัตนรักษ์ รักษาการ ผู้อำนวยการสถาบันส่งเสริมศิลปหัตถกรรมไทย และคณะผู้บริหาร เข้าพบ", NULL, PERSON,
     "นฤดี ภู่รัตนรักษ์", "นางสาว", "ผู้อำนวยการ", "สถาบันส่งเสริมศิลปหัตถกรรมไทย", NULL, 1},
    {"class 5: the acting post is not the name's after it",
     "นายใบน้อย สุวรรณชาตรี ผู้ตรวจราชการกระทรวงอุตสาหกรรม รักษาราชการแทนอธิบดีกรมส่งเสริมอุตสาหกรรม "
     "นายภาสกร ชัยรัตน์ นางสาวณัฏฐิญา เนตยสุภา รองอธิบดีกรมส่งเสริมอุตสาหกรรม",
     NULL, NO_POSITION, "ภาสกร ชัยรัตน์", NULL, "อธิบดี", "กรมส่งเสริมอุตสาหกรรม", NULL, 0},
    {"class 5: a ministry written short before a joined title",
     "น.ส.ไตรศุลี ไตรสรณกุล เลขานุการ รมว.มหาดไทยและโฆษกกระทรวงมหาดไทย ร่วมกับ", NULL, PERSON,
     "ไตรศุลี ไตรสรณกุล", "นางสาว", "โฆษกกระทรวง", "กระทรวงมหาดไทย", NULL, 1},
    {"class 5: the first of them keeps the ministry written short",
     "น.ส.ไตรศุลี ไตรสรณกุล เลขานุการ รมว.มหาดไทยและโฆษกกระทรวงมหาดไทย ร่วมกับ", NULL, PERSON,
     "ไตรศุลี ไตรสรณกุล", "นางสาว", "เลขานุการรัฐมนตรีว่าการกระทรวง", "กระทรวงมหาดไทย", NULL, 1},
    {"class 5: the head of a provincial office is in the office",
     "สำนักงานอุตสาหกรรมจังหวัดเพชรบุรี โดยมีนางอทิตา กลิ่นสุวรรณ อุตสาหกรรมจังหวัดเพชรบุรี ให้การต้อนรับ", NULL,
     PERSON, "อทิตา กลิ่นสุวรรณ", "นาง", "อุตสาหกรรมจังหวัด", "สำนักงานอุตสาหกรรมจังหวัดเพชรบุรี", NULL, 1},
    {"class 5: a provincial post in the name of a body is no post",
     "นายสมชาย ใจดี ประธานสภาวัฒนธรรมจังหวัดเชียงราย นายสมศักดิ์ รักดี กล่าว", NULL, NO_POSITION, "สมศักดิ์ รักดี",
     NULL, "วัฒนธรรมจังหวัด", NULL, NULL, 0},
    {"class 5: a head of a department titled by it",
     "พลเอก ประชาพัฒน์ วัจนะรัตน์ เจ้ากรมพระธรรมนูญ เป็นผู้นำ", NULL, PERSON, "ประชาพัฒน์ วัจนะรัตน์", "พลเอก",
     "เจ้ากรม", "กรมพระธรรมนูญ", NULL, 1},
    {"issue 9: a title that names its body by itself is in it where the article names it",
     "สำนักงานตำรวจแห่งชาติ แถลงผลงาน โดยมี พล.ต.อ.สมชาย ใจดี ผู้บัญชาการตำรวจแห่งชาติ เป็นประธาน", NULL,
     PERSON, "สมชาย ใจดี", "พลตำรวจเอก", "ผู้บัญชาการตำรวจแห่งชาติ", "สำนักงานตำรวจแห่งชาติ", NULL, 1},
    {"issue 9: a deputy of such a title is in the body too",
     "สำนักงานตำรวจแห่งชาติ แถลงผลงาน โดยมี พล.ต.อ.สมชาย ใจดี รองผู้บัญชาการตำรวจแห่งชาติ เป็นประธาน", NULL,
     PERSON, "สมชาย ใจดี", "พลตำรวจเอก", "รองผู้บัญชาการตำรวจแห่งชาติ", "สำนักงานตำรวจแห่งชาติ", NULL, 1},
    {"issue 9: a title that names its body by itself is in none the article does not name",
     "พลเอก สมชาย ใจดี ผู้บัญชาการทหารสูงสุด ลงพื้นที่ชายแดน", NULL, PERSON, "สมชาย ใจดี", "พลเอก",
     "ผู้บัญชาการทหารสูงสุด", NULL, NULL, 1},
    {"issue 9: a standing post after ในฐานะ is held",
     "พลเอก สมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย ในฐานะผู้บัญชาการป้องกันและบรรเทาสาธารณภัยแห่งชาติ สั่งการ",
     NULL, PERSON, "สมชาย ใจดี", "พลเอก", "ผู้บัญชาการป้องกันและบรรเทาสาธารณภัยแห่งชาติ", NULL, NULL, 1},
    {"issue 9: a standing post after ในฐานะ keeps its body",
     "นายสมชาย ใจดี ปลัดกระทรวงยุติธรรม ในฐานะผู้อำนวยการกรมราชทัณฑ์ กล่าว", NULL, PERSON, "สมชาย ใจดี",
     "นาย", "ผู้อำนวยการ", "กรมราชทัณฑ์", NULL, 1},
    {"issue 9: a role for one occasion after ในฐานะ is no post",
     "นายสมชาย ใจดี ปลัดกระทรวงยุติธรรม ในฐานะประธานร่วม กล่าวเปิดงาน", NULL, NO_POSITION, "สมชาย ใจดี",
     NULL, "ประธาน", NULL, NULL, 0},
    {"issue 9: standing in for someone after ในฐานะ is no post",
     "นางสมหญิง ใจดี รองปลัดกระทรวงวัฒนธรรม ในฐานะผู้แทนรัฐมนตรีว่าการกระทรวงวัฒนธรรม เป็นประธานในพิธี", NULL,
     NO_POSITION, "สมหญิง ใจดี", NULL, "ผู้แทนรัฐมนตรีว่าการกระทรวง", NULL, NULL, 0},
    {"issue 9: a ministry written short in words a space apart",
     "น.ส.สมหญิง ใจดี รมว.การอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม (อว.) เปิดเผยว่า", NULL, PERSON,
     "สมหญิง ใจดี", "นางสาว", "รัฐมนตรีว่าการกระทรวง", "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", NULL,
     1},
    {"issue 9: a ministry written short stops before the words after it",
     "พลเอก สมชาย ใจดี รมว.มหาดไทย กล่าวว่า วันนี้ดี", NULL, PERSON, "สมชาย ใจดี", "พลเอก",
     "รัฐมนตรีว่าการกระทรวง", "กระทรวงมหาดไทย", NULL, 1},
    {"issue 9: a headline title without the ministry is the body's title with it",
     "รมว.สมชาย ลงพื้นที่\nนายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงแรงงาน กล่าว", NULL, NO_POSITION, "สมชาย ใจดี",
     NULL, "รัฐมนตรีว่าการกระทรวง", "-", NULL, 0},
    {"issue 9: an English title before a name without an honorific",
     "Prime Minister Paetongtarn Shinawatra hosted a networking reception.", NULL, PERSON,
     "Paetongtarn Shinawatra", NULL, "Prime Minister", NULL, NULL, 1},
    {"issue 9: an English title serving another post",
     "Deputy Secretary-General to the Prime Minister and Acting Government Spokesperson Anucha "
     "Burapachaisri disclosed that",
     NULL, PERSON, "Anucha Burapachaisri", NULL, "Deputy Secretary-General to the Prime Minister",
     NULL, NULL, 1},
    {"issue 9: an English acting post is held, without Acting",
     "Deputy Secretary-General to the Prime Minister and Acting Government Spokesperson Anucha "
     "Burapachaisri disclosed that",
     NULL, PERSON, "Anucha Burapachaisri", NULL, "Government Spokesperson", NULL, NULL, 1},
    {"issue 9: English titles joined before an honorific, the first",
     "Prime Minister and Defense Minister Gen. Prayut Chan-o-cha commends the research.", NULL,
     PERSON, "Prayut Chan-o-cha", "Gen.", "Prime Minister", NULL, NULL, 1},
    {"issue 9: English titles joined before an honorific, the second",
     "Prime Minister and Defense Minister Gen. Prayut Chan-o-cha commends the research.", NULL,
     PERSON, "Prayut Chan-o-cha", "Gen.", "Defense Minister", NULL, NULL, 1},
    {"issue 9: an English title of a portfolio, the first",
     "Prime Minister and Minister of Finance Srettha Thavisin said that", NULL, PERSON,
     "Srettha Thavisin", NULL, "Prime Minister", NULL, NULL, 1},
    {"issue 9: an English title of a portfolio, the second",
     "Prime Minister and Minister of Finance Srettha Thavisin said that", NULL, PERSON,
     "Srettha Thavisin", NULL, "Minister", NULL, NULL, 1},
    {"issue 9: an English title of a portfolio in words joined with and",
     "Minister of Digital Economy and Society Prasert Jantararuangtong opened the fair.", NULL,
     PERSON, "Prasert Jantararuangtong", NULL, "Minister", NULL, NULL, 1},
    {"issue 9: an English title of a portfolio after a name",
     "Mr. Maris Sangiampongsa, Minister of Foreign Affairs, met the delegation.", NULL, PERSON,
     "Maris Sangiampongsa", "Mr.", "Minister", NULL, NULL, 1},
    {"issue 9: an English title of a state", "Prime Minister of Malaysia Anwar Ibrahim said that",
     NULL, PERSON, "Anwar Ibrahim", NULL, "Prime Minister", NULL, NULL, 1},
    {"issue 9: an English title of a state named in two words",
     "Prime Minister of New Zealand Christopher Luxon said that", NULL, PERSON, "Christopher Luxon",
     NULL, "Prime Minister", NULL, NULL, 1},
    {"issue 9: an English title of a kingdom",
     "Prime Minister of the Kingdom of Cambodia Hun Manet said that", NULL, PERSON, "Hun Manet",
     NULL, "Prime Minister", NULL, NULL, 1},
    {"issue 9: a capitalised word after of that names no state is no name",
     "Ms. Jill Ratner (General Counsel for Zyxwv Pictures Entertainment) attended.", NULL,
     NO_PERSON, "Pictures Entertainment", NULL, NULL, NULL, NULL, 0},
    {"issue 9: an English title after a comma takes the organisation after of",
     "Mr. Charles H. Rivkin, chairman and chief executive officer of the Motion Picture "
     "Association (MPA), said that",
     NULL, PERSON, "Charles H. Rivkin", "Mr.", "chairman", "Motion Picture Association", NULL, 1},
    {"issue 9: a body named after an English title is no person",
     "Fellows of the Prime Minister Academy Programme met yesterday.", NULL, NO_PERSON,
     "Academy Programme", NULL, NULL, NULL, NULL, 0},
    {"issue 9: a post named after an English title is no person",
     "He received the Prime Minister Road Safety Award yesterday.", NULL, NO_PERSON,
     "Road Safety Award", NULL, NULL, NULL, NULL, 0},
    {"issue 9: an English title whose words go on past the list is no post",
     "Mr. Vernon Sanders (Head of Television at Amazon Studios) attended.", NULL, NO_POSITION,
     "Vernon Sanders", NULL, "Head", NULL, NULL, 0},
    {"issue 9: a title of another post is one post",
     "นายสมชาย ใจดี ประธานที่ปรึกษาของนายกรัฐมนตรี ร่วมคณะ", NULL, PERSON, "สมชาย ใจดี", "นาย",
     "ประธานที่ปรึกษาของนายกรัฐมนตรี", NULL, NULL, 1},
    {"issue 9: English titles sharing a body no list holds are no posts",
     "Ms. Jill Ratner (Executive Vice President and General Counsel for Zyxwv Qrstu) attended.",
     NULL, NO_POSITION, "Jill Ratner", NULL, "Executive Vice President", NULL, NULL, 0},
    {"issue 9: the field after ด้าน is part of the post", "นายสมชาย ใจดี ที่ปรึกษาด้านการลงทุน กล่าว", NULL,
     PERSON, "สมชาย ใจดี", "นาย", "ที่ปรึกษาด้านการลงทุน", NULL, NULL, 1},
    {"issue 9: the field after ด้าน ends where the body starts",
     "นายสมชาย ใจดี ที่ปรึกษาด้านการสื่อสารกระทรวงมหาดไทย กล่าว", NULL, PERSON, "สมชาย ใจดี", "นาย",
     "ที่ปรึกษาด้านการสื่อสาร", "กระทรวงมหาดไทย", NULL, 1},
    {"issue 9: diplomatic titles outside the first list",
     "นางสาวสมหญิง ใจดี อัครราชทูตที่ปรึกษา ประจำกรุงปักกิ่ง และนายสมชาย ใจดี กงสุล ประจำนครกว่างโจว", NULL,
     PERSON, "สมชาย ใจดี", "นาย", "กงสุล", NULL, NULL, 1},
    {"issue 9: diplomatic titles outside the first list, the second",
     "นางสาวสมหญิง ใจดี อัครราชทูตที่ปรึกษา ประจำกรุงปักกิ่ง และนายสมชาย ใจดี กงสุล ประจำนครกว่างโจว", NULL,
     PERSON, "สมหญิง ใจดี", "นางสาว", "อัครราชทูตที่ปรึกษา", NULL, NULL, 1},
    {"issue 9: Thai posts of two people before one name are not both his",
     "ผู้ว่าราชการจังหวัดเชียงใหม่และนายอำเภอเมืองเชียงใหม่ นายสมชาย ใจดี ร่วมงาน", NULL, NO_POSITION,
     "สมชาย ใจดี", NULL, "ผู้ว่าราชการจังหวัด", NULL, NULL, 0},
    {"issue 9: Thai posts of two people before one name, in a ministry and a department",
     "ปลัดกระทรวงมหาดไทยและอธิบดีกรมการปกครอง นายสมชาย ใจดี ร่วมงาน", NULL, NO_POSITION, "สมชาย ใจดี",
     NULL, "ปลัดกระทรวง", NULL, NULL, 0},
    {"issue 9: standing in for someone after ในฐานะ, ตัวแทน",
     "นางสมหญิง ใจดี รองปลัดกระทรวงวัฒนธรรม ในฐานะตัวแทนรัฐมนตรีว่าการกระทรวงวัฒนธรรม เป็นประธานในพิธี", NULL,
     NO_POSITION, "สมหญิง ใจดี", NULL, "รัฐมนตรีว่าการกระทรวง", NULL, NULL, 0},

    /* issue 9, error class 6: where a person's name ends. */
    {"class 6: two spaces between the names", "นายวิษณุ  เครืองาม รองนายกรัฐมนตรี กล่าว", NULL, PERSON,
     "วิษณุ เครืองาม", "นาย", "รองนายกรัฐมนตรี", NULL, NULL, 1},
    {"class 6: a title glued to the family name",
     "พลเอก อนุพงษ์ เผ่าจินดารัฐมนตรีว่าการกระทรวงมหาดไทย กล่าว", NULL, PERSON, "อนุพงษ์ เผ่าจินดา", "พลเอก",
     "รัฐมนตรีว่าการกระทรวง", "กระทรวงมหาดไทย", NULL, 1},
    {"class 6: a verb after the given name is no family name",
     "พลเอก ประวิตร วงษ์สุวรรณ รองนายกรัฐมนตรี เป็นประธาน ต่อมา พลเอก ประวิตร "
     "มอบหมายให้กรมชลประทานเร่งระบายน้ำ",
     NULL, NO_PERSON, "ประวิตร มอบหมายให้กรมชลประทานเร่งระบายน้ำ", NULL, NULL, NULL, NULL, 0},
    {"class 6: the given name alone is the full person",
     "พลเอก ประวิตร วงษ์สุวรรณ รองนายกรัฐมนตรี เป็นประธาน ต่อมา พลเอก ประวิตร "
     "มอบหมายให้กรมชลประทานเร่งระบายน้ำ",
     NULL, PERSON, "ประวิตร วงษ์สุวรรณ", "พลเอก", "รองนายกรัฐมนตรี", NULL, NULL, 2},
    /* A given name that is also a verb (ชวน, มี) is a name where the tagger reads a person. */
    {"class 6: a given name that is a verb", "กล่าวว่า นายชวน หลีกภัย อดีตนายกรัฐมนตรี ได้เดินทางมา", NULL,
     PERSON, "ชวน หลีกภัย", "นาย", NULL, NULL, NULL, 1},
    {"class 6: a verb after a title is no given name", "ต่อมา รัฐมนตรีมอบนโยบายแก่ผู้บริหาร", NULL,
     NO_PERSON, "มอบนโยบายแก่ผู้บริหาร", NULL, NULL, NULL, NULL, 0},
    /* ท่าน, the respectful pronoun, opens the tagger's span but is no part of the name. */
    {"class 6: the respectful pronoun before a name", "ซึ่งท่านสุชาติ ชมกลิ่น ได้มอบหมายให้กรมการจัดหางาน",
     NULL, PERSON, "สุชาติ ชมกลิ่น", NULL, NULL, NULL, NULL, 1},
    {"class 6: the pronoun is no given name", "ซึ่งท่านสุชาติ ชมกลิ่น ได้มอบหมายให้กรมการจัดหางาน", NULL,
     NO_PERSON, "ท่านสุชาติ ชมกลิ่น", NULL, NULL, NULL, NULL, 0},
    {"class 6: a family name opened by ณ", "นายกิตติรัตน์ ณ ระนอง รองนายกรัฐมนตรี กล่าว", NULL, PERSON,
     "กิตติรัตน์ ณ ระนอง", "นาย", "รองนายกรัฐมนตรี", NULL, NULL, 1},
    {"class 6: a verb inside a family name",
     "พญ.เพชรดาว โต๊ะมีนา ที่ปรึกษารัฐมนตรีว่าการกระทรวงแรงงาน กล่าว", NULL, PERSON, "เพชรดาว โต๊ะมีนา",
     "แพทย์หญิง", "ที่ปรึกษารัฐมนตรีว่าการกระทรวง", "กระทรวงแรงงาน", NULL, 1},
    {"class 6: the honorific glued to the given name",
     "นายกอบชัย สังสิทธิสวัสดิ์ ปลัดกระทรวงอุตสาหกรรม เป็นประธานการประชุม", NULL, PERSON, "กอบชัย สังสิทธิสวัสดิ์",
     "นาย", "ปลัดกระทรวง", "กระทรวงอุตสาหกรรม", NULL, 1},
    {"class 6: a family name opening with a verb",
     "นายจิรายุ ห่วงทรัพย์ โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า", NULL, PERSON, "จิรายุ ห่วงทรัพย์", "นาย",
     "โฆษกประจำสำนักนายกรัฐมนตรี", NULL, NULL, 1},
    {"class 6: a family name opening with a function word",
     "นายสุริยะ จึงรุ่งเรืองกิจ รัฐมนตรีว่าการกระทรวงอุตสาหกรรม ให้การต้อนรับ", NULL, PERSON, "สุริยะ จึงรุ่งเรืองกิจ",
     "นาย", "รัฐมนตรีว่าการกระทรวง", "กระทรวงอุตสาหกรรม", NULL, 1},
    {"class 6: a family name opening with an honorific",
     "นายพิเชฐ คุณาธรรมรักษ์ อธิบดีกรมการขนส่งทางราง กล่าวว่า", NULL, PERSON, "พิเชฐ คุณาธรรมรักษ์", "นาย",
     "อธิบดี", "กรมการขนส่งทางราง", NULL, 1},
    {"class 6: นาย making a trade is no honorific",
     "มีนายจรัญ ดำเนินผล นายช่างขุดลอกชำนาญงาน ปฏิบัติหน้าที่หัวหน้าหน่วย", NULL, NO_PERSON, "ช่าง", NULL, NULL,
     NULL, NULL, 0},
    {"class 6: นายก glued to a given name", "กล่าวในรายการ “โอกาสไทยกับนายกแพทองธาร” ออกอากาศ", NULL,
     NO_PERSON, "กแพทองธาร", NULL, NULL, NULL, NULL, 0},
    {"class 6: a name in Latin letters after a Thai honorific",
     "นาย Sergey Nazarov ประธาน Russia-Thailand Business Council ยืนยันถึงความต้องการ", NULL, PERSON,
     "Sergey Nazarov", "นาย", NULL, NULL, NULL, 1},
    {"class 6: a name in capitals with a dot", "รายที่สอง นาย KIM. SOPHEAP เป็นลูกจ้างสัญชาติกัมพูชา", NULL,
     PERSON, "KIM. SOPHEAP", "นาย", NULL, NULL, NULL, 1},
    {"class 6: English honorifics in a run before a Latin name",
     "โดยมี H.E. Mr. Tharman Shanmugaratnam ประธานาธิบดีสิงคโปร์ เข้าร่วม", NULL, PERSON,
     "Tharman Shanmugaratnam", "Mr.", NULL, NULL, NULL, 1},
    {"class 6: an English title ends a Latin name",
     "นาย Satoru Hagiwara Executive Vice President of Toray Industries กล่าว", NULL, PERSON,
     "Satoru Hagiwara", "นาย", NULL, NULL, NULL, 1},
    {"class 6: a hyphenated Latin family name", "Gen. Prayut Chan-o-cha commends the success", NULL,
     PERSON, "Prayut Chan-o-cha", "Gen.", NULL, NULL, NULL, 1},
    {"class 6: a foreign middle initial opens the family name",
     "นายชาร์ลส์ เอช. ริฟกิน ผู้ช่วยรัฐมนตรีว่าการกระทรวงการต่างประเทศสหรัฐฯ กล่าว", NULL, PERSON,
     "ชาร์ลส์ เอช. ริฟกิน", "นาย", NULL, NULL, NULL, 1},
    {"class 6: a Latin name in brackets spells out the Thai one",
     "นายรอเบิร์ต เอฟ. โกเด็ก (H.E. Mr. Robert F. Godec) เอกอัครราชทูตสหรัฐอเมริกา", NULL, NO_PERSON,
     "Robert F. Godec", NULL, NULL, NULL, NULL, 0},
    {"class 6: an abbreviated academic rank with its qualifier",
     "ศ.พิเศษ วิชา มหาคุณ ประธานกรรมการ กล่าวว่า", NULL, PERSON, "วิชา มหาคุณ", "ศาสตราจารย์พิเศษ", NULL,
     NULL, NULL, 1},
    {"class 6: the qualifier of a rank is no given name", "ศ.พิเศษ วิชา มหาคุณ ประธานกรรมการ กล่าวว่า",
     NULL, NO_PERSON, "พิเศษ วิชา", NULL, NULL, NULL, NULL, 0},
    {"class 6: a given name opening with a function word", "นายเพิ่มพูน ทองศรี ผู้อำนวยการสำนักงาน กล่าวว่า",
     NULL, PERSON, "เพิ่มพูน ทองศรี", "นาย", NULL, NULL, NULL, 1},
    {"class 6: a given name opening with a verb, named again alone",
     "นายมีชัย วีระไวทยะ ประธานมูลนิธิ กล่าวว่า ต่อมา นายมีชัย ได้มอบทุน", NULL, PERSON, "มีชัย วีระไวทยะ", "นาย",
     NULL, NULL, NULL, 2},
    {"class 6: a function word alone after นาย is no given name", "ทั้งนี้ นายเป็นทหาร", NULL, NO_PERSON,
     "เป็นทหาร", NULL, NULL, NULL, NULL, 0},
    {"class 6: อ. before a district is no honorific", "ชาวบ้านใน อ.ท่าอุเทน ริมน้ำโขงต่างเร่งขนของหนีน้ำ",
     NULL, MENTION, "place", "อ.ท่าอุเทน", "อ.ท่าอุเทน", NULL, NULL, 0},
    {"class 6: อ. and a district glued to a clause names nobody",
     "ผู้สื่อข่าวรายงานว่า อ.บ้านไผ่ ฝนตกหนักตลอดทั้งคืน", NULL, NO_MENTION, "person",
     "อ.บ้านไผ่ ฝนตกหนักตลอดทั้งคืน", NULL, NULL, NULL, 0},
    {"class 6: a function word glued to the family name ends it",
     "ส่วนพล.ต.ท.สมชาย ทองมากขณะนี้ยังไม่ได้ให้สัมภาษณ์", NULL, PERSON, "สมชาย ทองมาก", "พลตำรวจโท", NULL,
     NULL, NULL, 1},
    {"class 6: นาย after a number counts men", "เจ้าหน้าที่ตำรวจ 12 นายออกตรวจพื้นที่ชายแดน", NULL,
     NO_MENTION, "person", "นายออก", NULL, NULL, NULL, 0},
    {"class 6: นาย after a number and a blank counts men", "ทหารพราน 20 นาย เดินเท้าลาดตระเวนในพื้นที่",
     NULL, NO_PERSON, "เดินเท้าลาดตระเวนในพื้นที่", NULL, NULL, NULL, NULL, 0},
    {"class 6: a date before นาย is no count", "เมื่อวันที่ 3 มีนาคม 2567 นายพิจิตร ศรีสุข กล่าวว่า", NULL,
     PERSON, "พิจิตร ศรีสุข", "นาย", NULL, NULL, NULL, 1},
    {"class 6: a province's name as a given name", "ดร.พิจิตร รัตตกุล อดีตผู้ว่าราชการกรุงเทพมหานคร กล่าวว่า",
     NULL, PERSON, "พิจิตร รัตตกุล", "ดร.", NULL, NULL, NULL, 1},
    {"class 6: a headline quotes a person by one name", "“ประเสริฐ” ยืนยันเดินหน้าโครงการรถไฟฟ้าสายสีแดง",
     NULL, PERSON, "ประเสริฐ", NULL, NULL, NULL, NULL, 1},
    /* issue 9, "the product keeps what the model finds": ThaiNER's span conventions, and text
     * written without spaces between words, as its sentences are. */
    {"model spans: a country's mention takes ประเทศ", "ไทยพร้อมร่วมมือพัฒนาการค้ากับประเทศบราซิล", NULL,
     MENTION, "place", "ประเทศบราซิล", "บราซิล", NULL, NULL, 0},
    {"model spans: a family name ends where a describing word is glued",
     "นางสมศรี ทองดีอายุ 45 ปี เป็นผู้เสียหาย", NULL, PERSON, "สมศรี ทองดี", "นาง", NULL, NULL, NULL, 1},
    {"model spans: an honorific inside a place's name is no person",
     "นักท่องเที่ยวเข้าชมถ้ำหลวงขุนน้ำนางนอน จังหวัดเชียงราย", NULL, NO_PERSON, "นอน จังหวัดเชียงราย", NULL, NULL,
     NULL, NULL, 0},
    {"model spans: the place whose name holds that honorific",
     "นักท่องเที่ยวเข้าชมถ้ำหลวงขุนน้ำนางนอน จังหวัดเชียงราย", NULL, MENTION, "place", "ถ้ำหลวงขุนน้ำนางนอน",
     "ถ้ำหลวงขุนน้ำนางนอน", NULL, NULL, 0},
    {"model spans: a name glued after a function word is whole", "ข้อมูลที่เอฟเอโอเผยแพร่ระบุว่า", NULL,
     MENTION, "organisation", "เอฟเอโอ", "เอฟเอโอ", NULL, NULL, 0},
    {"model spans: a district ending an organisation's name is part of it",
     "ผลการสำรวจของสวนดุสิตโพลระบุว่า", NULL, MENTION, "organisation", "สวนดุสิตโพล", "สวนดุสิตโพล", NULL,
     NULL, 0},
    {"model spans: a country ending an organisation's name is part of it",
     "ธนาคารกลางออสเตรเลียประกาศขึ้นอัตราดอกเบี้ยนโยบาย", NULL, MENTION, "organisation",
     "ธนาคารกลางออสเตรเลีย", "ธนาคารกลางออสเตรเลีย", NULL, NULL, 0},
    {"model spans: a province ending a building's name is part of it",
     "ประชาชนรวมตัวกันที่หน้าศาลากลางจังหวัดลำปางเพื่อยื่นหนังสือ", NULL, MENTION, "place", "ศาลากลางจังหวัดลำปาง",
     "ศาลากลางจังหวัดลำปาง", NULL, NULL, 0},
    {"model spans: a known abbreviation glued to the verb after it", "ขณะที่สตง.ตรวจพบความผิดปกติ",
     NULL, MENTION, "organisation", "สตง.", "สำนักงานการตรวจเงินแผ่นดิน", NULL, NULL, 0},
    {"model spans: an office's abbreviation with its province glued on is no stem",
     "พร้อมสำรวจการปรับปรุงภูมิทัศน์ สอจ.เพชรบุรี รองรับการให้บริการผู้ประกอบการ", NULL, NO_ORG,
     "สำนักงานอุตสาหกรรมจังหวัด", NULL, NULL, NULL, NULL, 0},
    {"model spans: a venue's name ends where the tagger's does, not with the clause glued on",
     "ผู้โดยสารที่ท่าอากาศยานสุวรรณภูมิฝั่งทิศใต้กล่าวว่ารัฐบาลต้องช่วยเหลือ", NULL, MENTION, "place",
     "ท่าอากาศยานสุวรรณภูมิ", "ท่าอากาศยานสุวรรณภูมิ", NULL, NULL, 0},
    {"model spans: a hospital's name ends where the tagger's does",
     "ผู้ป่วยที่โรงพยาบาลนางรองได้รับการรักษา", NULL, MENTION, "place", "โรงพยาบาลนางรอง",
     "โรงพยาบาลนางรอง", NULL, NULL, 0},
    {"model spans: a short form's name ends where the tagger's does, not with the clause",
     "รพ.ศิริราชยืนยันความพร้อมรับผู้ป่วยทุกราย", NULL, NO_ORG, "โรงพยาบาลศิริราชยืนยันความพร้อมรับผู้ป่วยทุกราย", NULL,
     NULL, NULL, NULL, 0},
    {"model spans: a number that opens a date is no part of the name before it",
     "พิธีพระราชทานปริญญาบัตรของมหาวิทยาลัยขอนแก่น 20 ธันวาคม 2567 ณ หอประชุม", NULL, MENTION,
     "organisation", "มหาวิทยาลัยขอนแก่น", "มหาวิทยาลัยขอนแก่น", NULL, NULL, 0},
    {"model spans: the date keeps its day",
     "พิธีพระราชทานปริญญาบัตรของมหาวิทยาลัยขอนแก่น 20 ธันวาคม 2567 ณ หอประชุม", NULL, MENTION, "date",
     "20 ธันวาคม 2567", "2024-12-20", NULL, NULL, 0},
    {"class 6: a family name ends before an acting post glued to it",
     "ต่อมา นางวิไลวรรณ ทองประเสริฐรักษาการผู้อำนวยการโรงเรียนบ้านหนองบัว กล่าวว่า", NULL, PERSON,
     "วิไลวรรณ ทองประเสริฐ", "นาง", NULL, NULL, NULL, 1},
    {"class 6: a family name ends before a post glued to it",
     "เมื่อเวลา 10.00 น. พ.ต.ต.สมพงษ์ ศรีสว่างพนักงานสอบสวน สภ.เมืองลำปาง รับแจ้งเหตุ", NULL, PERSON,
     "สมพงษ์ ศรีสว่าง", "พันตำรวจตรี", NULL, NULL, NULL, 1},
    /* issue 9, class 8: a collaboration needs parties that act together, each with its role. */
    {"class 8: signatories between A and B, a witness apart",
     "วันนี้ พิธีลงนามบันทึกความเข้าใจ (MOU) ระหว่าง กรมอนามัย กับ สำนักงานกองทุนสนับสนุนการวิจัย "
     "โดยมี กรมการแพทย์ ร่วมเป็นสักขีพยาน",
     "2022-02-11", ROLE, "agreement", "สำนักงานกองทุนสนับสนุนการวิจัย", "signatory", NULL, NULL, 1},
    {"class 8: a witness signs nothing",
     "วันนี้ พิธีลงนามบันทึกความเข้าใจ (MOU) ระหว่าง กรมอนามัย กับ สำนักงานกองทุนสนับสนุนการวิจัย "
     "โดยมี กรมการแพทย์ ร่วมเป็นสักขีพยาน",
     "2022-02-11", ROLE, "agreement", "กรมการแพทย์", "witness", NULL, NULL, 1},
    {"class 8: the parties before the signing word",
     "กระทรวงแรงงาน และ กระทรวงศึกษาธิการ ร่วมลงนามบันทึกข้อตกลงความร่วมมือ ณ ทำเนียบรัฐบาล", "2022-08-05",
     ROLE, "agreement", "กระทรวงศึกษาธิการ", "signatory", NULL, NULL, 1},
    {"class 8: a body acting through its unit signs with the party after กับ",
     "กระทรวงแรงงาน โดยกรมการจัดหางาน ได้ลงนามความร่วมมือกับ สำนักงานกองทุนสนับสนุนการวิจัย ในการพัฒนาระบบ",
     "2021-09-22", ROLE, "agreement", "สำนักงานกองทุนสนับสนุนการวิจัย", "signatory", NULL, NULL, 1},
    {"class 8: organisations attending a signing are no parties to it",
     "นายกรัฐมนตรีเป็นประธานในพิธีลงนามบันทึกข้อตกลง โดยมีผู้แทนจากกระทรวงมหาดไทย กระทรวงการคลัง "
     "และกรมอนามัย เข้าร่วม",
     "2022-02-11", ROLE, "agreement", "กระทรวงการคลัง", "attendee", NULL, NULL, 0},
    {"class 8: parties a signing word counts and numbers are organisations",
     "สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม จัดพิธีลงนามบันทึกข้อตกลง โดยมีผู้ประกอบการตลาดเข้าร่วมลงนามรวม 3 ราย "
     "ได้แก่ 1. ตลาดวโรรส 2. ตลาดต้นลำไย 3. ตลาดบ้านท่อ เพื่อส่งเสริมสินค้ามาตรฐาน",
     "2022-02-11", ROLE, "agreement", "ตลาดต้นลำไย", "signatory", NULL, NULL, 1},
    {"class 8: the last numbered party ends at the space",
     "สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม จัดพิธีลงนามบันทึกข้อตกลง โดยมีผู้ประกอบการตลาดเข้าร่วมลงนามรวม 3 ราย "
     "ได้แก่ 1. ตลาดวโรรส 2. ตลาดต้นลำไย 3. ตลาดบ้านท่อ เพื่อส่งเสริมสินค้ามาตรฐาน",
     "2022-02-11", ORG, "ตลาดบ้านท่อ", NULL, "other", NULL, NULL, 0},
    {"class 8: the organiser of a signing is a party to it",
     "สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม จัดพิธีลงนามบันทึกข้อตกลง โดยมีผู้ประกอบการตลาดเข้าร่วมลงนามรวม 3 ราย "
     "ได้แก่ 1. ตลาดวโรรส 2. ตลาดต้นลำไย 3. ตลาดบ้านท่อ เพื่อส่งเสริมสินค้ามาตรฐาน",
     "2022-02-11", ROLE, "agreement", "สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม", "host", NULL, NULL, 1},
    {"class 8: a draft agreement has signed nothing",
     "คณะรัฐมนตรีเห็นชอบร่างบันทึกความเข้าใจระหว่างกระทรวงกลาโหม กับ กระทรวงการต่างประเทศ", "2022-02-11",
     ROLE, "agreement", "กระทรวงกลาโหม", "attendee", NULL, NULL, 0},
    {"class 8: bodies told to act together report no event they held",
     "ที่ประชุมมีมติให้กรมส่งเสริมสหกรณ์ ร่วมกับ กรมการจัดหางาน จัดอบรมเกษตรกร", "2024-03-19", ROLE, "training",
     "กรมการจัดหางาน", "attendee", NULL, NULL, 0},
    {"class 8: joint organisers listed after ร่วมกับ",
     "กรมอนามัย ร่วมกับ กรมการจัดหางาน และ สำนักงานกองทุนสนับสนุนการวิจัย จัดอบรมอาสาสมัคร", "2020-01-15", ROLE,
     "training", "สำนักงานกองทุนสนับสนุนการวิจัย", "co_host", NULL, NULL, 1},
    {"class 8: the presiding person's body is no extra host when the organisers are named",
     "กรมอนามัย ร่วมกับ กรมการจัดหางาน จัดการประชุมวิชาการ โดยมี นายสมชาย ใจดี "
     "ผู้อำนวยการสำนักงานกองทุนสนับสนุนการวิจัย เป็นประธาน",
     "2020-01-15", ROLE, "conference", "สำนักงานกองทุนสนับสนุนการวิจัย", "chair", NULL, NULL, 1},
    {"class 8: an organisation and its own unit are no pair",
     "กระทรวงสาธารณสุข ร่วมกับ กรมอนามัย จัดอบรมอาสาสมัคร", "2020-01-15", ROLE, "training", "กรมอนามัย",
     "co_host", NULL, NULL, 0},
    {"class 8: a named partner of the programme",
     "กรมอนามัย จัดอบรมอาสาสมัคร โดยความร่วมมือของ สำนักงานกองทุนสนับสนุนการวิจัย", "2020-01-15", ROLE,
     "training", "สำนักงานกองทุนสนับสนุนการวิจัย", "partner", NULL, NULL, 1},
    {"class 8: two people presiding together speak for their bodies",
     "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงแรงงาน ร่วมกับ นายสมศักดิ์ รักดี รัฐมนตรีว่าการกระทรวงศึกษาธิการ "
     "เป็นประธานการประชุมหารือ",
     "2024-06-13", ROLE, "meeting", "กระทรวงศึกษาธิการ", "co_host", NULL, NULL, 1},
    {"class 8: talks with another body are no joint organisation",
     "กระทรวงแรงงาน ประชุมหารือร่วมกับ กระทรวงศึกษาธิการ ที่ทำเนียบรัฐบาล", "2024-06-13", ROLE, "meeting",
     "กระทรวงศึกษาธิการ", "attendee", NULL, NULL, 0},
    {"class 8: bodies acting together (ร่วมกัน) are joint organisers",
     "กระทรวงคมนาคม และกระทรวงสาธารณสุข จึงได้ร่วมกันจัดการประชุมวิชาการ", "2021-12-24", ROLE, "conference",
     "กระทรวงสาธารณสุข", "co_host", NULL, NULL, 1},
    {"class 8: the body the host works with is a partner",
     "กรมอนามัย จัดอบรมอาสาสมัคร โดยได้ร่วมมือกับ สำนักงานกองทุนสนับสนุนการวิจัย", "2022-12-07", ROLE,
     "training", "สำนักงานกองทุนสนับสนุนการวิจัย", "partner", NULL, NULL, 1},
    {"class 8: signatories the agreement lists after ได้แก่",
     "กระทรวงเกษตรและสหกรณ์ เป็นประธานในพิธีลงนามบันทึกข้อตกลงความร่วมมือ 3 หน่วยงาน ได้แก่ กรมชลประทาน "
     "กรมพัฒนาที่ดิน และ กรมการจัดหางาน",
     "2016-07-05", ROLE, "agreement", "กรมการจัดหางาน", "signatory", NULL, NULL, 1},
    {"class 8: the presiding person's body hosts when no organiser is named",
     "นายสมชาย ใจดี ปลัดกระทรวงแรงงาน เป็นประธานการประชุมหารือ โดยมีผู้แทนกระทรวงศึกษาธิการ เข้าร่วม",
     "2024-06-13", ROLE, "meeting", "กระทรวงแรงงาน", "host", NULL, NULL, 0},
    {"class 8: the presiding minister's body joins no organisers named in another sentence",
     "นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงกลาโหม เป็นประธานเปิดโครงการอาสาพัฒนา\n"
     "กรมอนามัย ร่วมกับ กรมการจัดหางาน ดำเนินงานโครงการอาสาพัฒนา เพื่อชุมชน",
     "2021-10-20", ROLE, "programme", "กระทรวงกลาโหม", "chair", NULL, NULL, 1},
    {"class 8: a ministry written after its unit is no party of its own",
     "กรมราชทัณฑ์ กระทรวงยุติธรรม ร่วมกับ กรมการจัดหางาน จัดอบรมผู้ต้องขัง", "2025-04-10", ROLE, "training",
     "กระทรวงยุติธรรม", "attendee", NULL, NULL, 1},
    {"class 8: support asked for is no partner",
     "กรมอนามัย จัดประชุมพิจารณาโครงการที่ขอรับการสนับสนุนจาก สำนักงานกองทุนสนับสนุนการวิจัย", "2025-07-24", ROLE,
     "meeting", "สำนักงานกองทุนสนับสนุนการวิจัย", "attendee", NULL, NULL, 0},
    {"class 8: a party's ได้ before ร่วมกับ",
     "กรมอนามัย โดย กรมการจัดหางาน จึงได้ร่วมกับ สำนักงานกองทุนสนับสนุนการวิจัย จัดอบรมอาสาสมัคร", "2020-12-15",
     ROLE, "training", "สำนักงานกองทุนสนับสนุนการวิจัย", "co_host", NULL, NULL, 1},
    {"class 8: bodies ordered to act together report no event they held",
     "รัฐมนตรีสั่ง กรมอนามัย ร่วมกับ กรมการจัดหางาน จัดอบรมลูกจ้าง", "2020-12-15", ROLE, "training",
     "กรมการจัดหางาน", "attendee", NULL, NULL, 0},
    {"class 8: the object of a talk is no joint organiser",
     "นายกรัฐมนตรีเผยถึงการพูดคุยกับกรมอนามัย ร่วมกับกรมการจัดหางาน ในการประชุมหารือ", "2021-06-08", ROLE,
     "meeting", "กรมอนามัย", "attendee", NULL, NULL, 0},
    {"class 8: bodies told to act together, the first glued to its ให้",
     "ที่ประชุมมอบหมายให้สศช. กรมอนามัย และกรมการจัดหางาน ร่วมกันจัดการประชุมวิชาการ", "2021-04-05", ROLE,
     "conference", "กรมการจัดหางาน", "attendee", NULL, NULL, 0},
    /* issue 9, class 8, on the blind batch of seed 20261204: joint press conferences, the
     * title line, and one body named twice or with its unit. */
    {"class 8: people listed before ร่วมแถลงข่าว in the report are no joint hosts by that alone",
     "วันนี้ (9 พ.ค. 67) นายสมชาย ใจดี อธิบดีกรมอนามัย และนายสมศักดิ์ รักดี อธิบดีกรมการจัดหางาน "
     "ร่วมแถลงข่าวมาตรการป้องกันโรค",
     "2024-05-09", ROLE, "announcement", "กรมการจัดหางาน", "attendee", NULL, NULL, 0},
    {"class 8: bodies a title line says attend a press conference (เข้าร่วมแถลง) hold none",
     SITE "กรมอนามัย กรมการจัดหางาน เข้าร่วมแถลงมาตรการป้องกันโรค\n" PRESS_CONFERENCE, "2024-05-09", ROLE,
     "announcement", "กรมการจัดหางาน", "none", NULL, SITE, 0},
    {"class 8: the title line past the site's name says who holds the press conference",
     SITE "กรมอนามัย กรมการจัดหางาน ร่วมแถลงมาตรการป้องกันโรค\n" PRESS_CONFERENCE, "2024-05-09", ROLE,
     "announcement", "กรมการจัดหางาน", "co_host", NULL, SITE, 1},
    {"class 8: an abbreviation nobody read does not end a title's list of bodies",
     SITE "กรมอนามัย ขคง. กรมการจัดหางาน ร่วมแถลงมาตรการป้องกันโรค\n" PRESS_CONFERENCE, "2024-05-09",
     ROLE, "announcement", "กรมอนามัย", "co_host", NULL, SITE, 1},
    {"class 8: the title line's joint cue names the partners of the article's event",
     SITE "กรมอนามัย จับมือ กรมการจัดหางาน พัฒนาอาสาสมัคร\n"
          "วันนี้ (9 พ.ค. 67) นายสมชาย ใจดี อธิบดีกรมอนามัย เป็นประธานเปิดโครงการอาสาพัฒนา",
     "2024-05-09", ROLE, "programme", "กรมการจัดหางาน", "co_host", NULL, SITE, 1},
    {"class 8: a body's own name after a title's body says whose unit it is",
     "นายสมชาย ใจดี รองผู้บัญชาการสำนักงานยุทธศาสตร์ตำรวจ สำนักงานตำรวจแห่งชาติ ร่วมกับ นายสมศักดิ์ รักดี "
     "อธิบดีกรมอนามัย เป็นประธานการประชุมหารือ",
     "2024-06-13", ROLE, "meeting", "สำนักงานตำรวจแห่งชาติ", "attendee", NULL, NULL, 1},
    {"class 8: a university after its faculty says whose faculty it is",
     "คณะอักษรศาสตร์ จุฬาลงกรณ์มหาวิทยาลัย ร่วมกับ กรมอนามัย จัดอบรมอาสาสมัคร", "2020-01-15", ROLE, "training",
     "จุฬาลงกรณ์มหาวิทยาลัย", "attendee", NULL, NULL, 1},
    {"class 8: a department's unit by its name is no partner of the department",
     "กรมศุลกากร ร่วมกับ สำนักงานศุลกากรท่าเรือแหลมฉบัง จัดอบรมเจ้าหน้าที่", "2021-07-06", ROLE, "training",
     "สำนักงานศุลกากรท่าเรือแหลมฉบัง", "attendee", NULL, NULL, 0},
    {"class 8: a committee's office is no partner of the committee",
     "คณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ ร่วมกับ "
     "สำนักงานคณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ จัดอบรมเกษตรกร",
     "2021-07-06", ROLE, "training", "สำนักงานคณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ", "attendee",
     NULL, NULL, 0},
    /* issue 9, class 8, on the blind batch of seed 20261205: the organisers a thanks sentence
     * names for the occasion the article reports. */
    {"class 8: bodies thanked for organising this occasion are its joint organisers",
     "วันนี้ (20 พ.ย. 67) นายสมชาย ใจดี อธิบดีกรมอนามัย เป็นประธานเปิดสัมมนาวิชาการ เรื่อง ถนนปลอดภัย\n"
     "นายสมชาย กล่าวว่า ขอบคุณกรมการจัดหางาน ร่วมกับ สำนักงานกองทุนสนับสนุนการวิจัย "
     "ที่ได้ร่วมกันจัดงานครั้งนี้ โดยการสนับสนุนจาก " THAIHEALTH,
     "2024-11-20", ROLE, "training", "กรมการจัดหางาน", "co_host", NULL, NULL, 1},
    {"class 8: the supporter a thanks sentence names is a partner of the occasion",
     "วันนี้ (20 พ.ย. 67) นายสมชาย ใจดี อธิบดีกรมอนามัย เป็นประธานเปิดสัมมนาวิชาการ เรื่อง ถนนปลอดภัย\n"
     "นายสมชาย กล่าวว่า ขอบคุณกรมการจัดหางาน และสำนักงานกองทุนสนับสนุนการวิจัย "
     "ที่ช่วยกันจัดงานในครั้งนี้ โดยการสนับสนุนจาก " THAIHEALTH,
     "2024-11-20", ROLE, "training", THAIHEALTH, "partner", NULL, NULL, 1},
    {"class 8: bodies thanked for preparing a measure organised no occasion",
     "วันนี้ (20 พ.ย. 67) นายสมชาย ใจดี อธิบดีกรมอนามัย เป็นประธานเปิดสัมมนาวิชาการ เรื่อง ถนนปลอดภัย\n"
     "นายสมชาย กล่าวว่า ขอบคุณกรมการจัดหางาน และสำนักงานกองทุนสนับสนุนการวิจัย "
     "ที่ร่วมกันจัดทำมาตรการครั้งนี้",
     "2024-11-20", ROLE, "training", "กรมการจัดหางาน", "none", NULL, NULL, 0},
    {"class 8: an association and its members issuing a measure together are joint organisers",
     "สมาคมธนาคารไทย (สมท.) และธนาคารสมาชิกทุกแห่ง ประกอบด้วย ธนาคารออมสิน ธนาคารกรุงไทย "
     "และธนาคารอาคารสงเคราะห์ ตระหนักถึงความเดือดร้อนของลูกหนี้ จึงเห็นร่วมกันที่จะออกมาตรการพักชำระหนี้",
     "2021-07-15", ROLE, "programme", "ธนาคารกรุงไทย", "co_host", NULL, NULL, 1},
    {"class 7: a measure issued together is dated by the month it starts",
     "สมาคมธนาคารไทย และธนาคารออมสิน จึงเห็นร่วมกันที่จะออกมาตรการพักชำระหนี้ให้แก่ลูกหนี้ที่ได้รับผลกระทบ "
     "โดยเริ่มตั้งแต่งวดการชำระหนี้เดือนกรกฎาคม 2564",
     "2021-07-15", EVENT, "programme", "2021-07", NULL, NULL, NULL, 1},
    /* issue 9, class 8, on the blind batches of seeds 20261206 and 20261207: joint schemes,
     * the partners of a programme, sibling departments and lists of subjects. */
    {"issue 9: a joint scheme told in a speech is an undated programme of its own",
     "วันนี้ (4 ส.ค. 64) นายสมชาย ใจดี อธิบดีกรมอนามัย เป็นประธานในพิธีเปิดศูนย์ช่วยเหลือเกษตรกร\n"
     "นายสมชาย กล่าวว่า กรมอนามัย ร่วมกับกรมการจัดหางาน จัดทำโครงการ “เกษตรกรสุขใจ” เพื่อช่วยเหลือเกษตรกร",
     "2021-08-04", EVENT, "programme", NULL, NULL, "กรมอนามัย", "กรมการจัดหางาน", 1},
    {"issue 9: the day's occasion takes no part in a joint scheme told beside it",
     "วันนี้ (4 ส.ค. 64) นายสมชาย ใจดี อธิบดีกรมอนามัย เป็นประธานในพิธีเปิดศูนย์ช่วยเหลือเกษตรกร\n"
     "นายสมชาย กล่าวว่า กรมอนามัย ร่วมกับกรมการจัดหางาน จัดทำโครงการ “เกษตรกรสุขใจ” เพื่อช่วยเหลือเกษตรกร",
     "2021-08-04", ROLE, "ceremony", "กรมการจัดหางาน", "none", NULL, NULL, 0},
    {"issue 9: bodies thanked for cooperating are partners of the scheme",
     "นายสมชาย ใจดี กล่าวว่า กรมอนามัย ร่วมกับกรมการจัดหางาน จัดทำโครงการ “เกษตรกรสุขใจ” "
     "ซึ่งขอขอบคุณ" THAIHEALTH " (สสส.) ที่ร่วมมือ",
     "2021-08-04", ROLE, "programme", THAIHEALTH, "partner", NULL, NULL, 1},
    {"issue 9: a project under a cooperation between two bodies is a programme of both",
     "พร้อมขยายผลโครงการหนึ่งตำบลหนึ่งศูนย์ภายใต้ความร่วมมือระหว่างกรมอนามัย กับกรมการจัดหางาน "
     "เพื่อขยายบริการไปทั่วประเทศ",
     "2023-02-02", EVENT, "programme", NULL, NULL, "กรมอนามัย", "กรมการจัดหางาน", 1},
    {"issue 9: the body that opens a scheme under a cooperation with others is a party to it",
     "ธนาคารกรุงไทยเปิดบริการโอนเงินระหว่างประเทศ ภายใต้ความร่วมมือกับ ธนาคารแห่งประเทศไทย "
     "เพื่อยกระดับบริการ",
     "2021-04-30", ROLE, "programme", "ธนาคารกรุงไทย", "host", NULL, NULL, 1},
    {"issue 9: a scheme is dated by a day that closes its sentence",
     "กิจกรรมคัดเลือกสินค้า โดยความร่วมมือระหว่าง กรมอนามัย กับ กรมการจัดหางาน วันที่ 27 ม.ค. 66 "
     "13.30 - 16.30 น.",
     "2022-12-28", EVENT, "programme", "2023-01-27", NULL, "กรมอนามัย", "กรมการจัดหางาน", 1},
    {"issue 9: a scheme takes no date from an occasion its sentence names",
     "นายแพทย์สมชาย กล่าวว่า กรมอนามัย ร่วมกับ กรมการจัดหางาน จัดทำโครงการดูแลสุขภาพพระสงฆ์ "
     "เพื่อถวายเป็นพระราชกุศลเนื่องในโอกาสวันเฉลิมพระชนมพรรษา 28 กรกฎาคม 2567 ให้กับพระสงฆ์ทั่วประเทศ "
     "จำนวน 72,000 รูป",
     "2023-07-26", EVENT, "programme", NULL, NULL, "กรมอนามัย", "กรมการจัดหางาน", 1},
    {"issue 9: a scheme one body carries out alone is no event",
     "นายสมชาย ใจดี กล่าวว่า กรมอนามัย ดำเนินโครงการ “เกษตรกรสุขใจ” เพื่อช่วยเหลือเกษตรกร", "2021-08-04",
     NO_EVENT, "programme", NULL, NULL, NULL, NULL, 0},
    {"issue 9: a subject list before ร่วมกัน carries out a scheme together",
     "นายสมชาย ใจดี กล่าวว่า กรมอนามัย กรมการจัดหางาน และ" THAIHEALTH " ร่วมกันจัดทำโครงการ “เกษตรกรสุขใจ”",
     "2021-08-04", ROLE, "programme", THAIHEALTH, "co_host", NULL, NULL, 1},
    {"issue 9: a scheme whose launch the article reports gives its parties to the launch",
     "วันนี้ (20 ต.ค. 64) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงกลาโหม เป็นประธานเปิดโครงการอาสาพัฒนา\n"
     "กรมอนามัย ร่วมกับ กรมการจัดหางาน ดำเนินโครงการอาสาพัฒนา เพื่อชุมชน",
     "2021-10-20", EVENT, "programme", "2021-10-20", NULL, "กรมอนามัย", "กรมการจัดหางาน", 1},
    {"issue 9: sibling departments named under a cooperation are partners of the occasion",
     "วันนี้ (11 มกราคม 2567) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงสาธารณสุข เป็นประธานในพิธีมอบของขวัญวันเด็ก "
     "ภายใต้ความร่วมมือ กรมการแพทย์ กรมอนามัย กรมสุขภาพจิต",
     "2024-01-11", ROLE, "ceremony", "กรมสุขภาพจิต", "partner", NULL, NULL, 1},
    {"issue 9: a department under its own ministry's occasion is no partner of it",
     "วันนี้ (11 มกราคม 2567) นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงสาธารณสุข เป็นประธานในพิธีมอบของขวัญวันเด็ก "
     "ภายใต้ความร่วมมือ กรมการแพทย์",
     "2024-01-11", ROLE, "ceremony", "กรมการแพทย์", "partner", NULL, NULL, 0},
    {"issue 9: a cooperation told before the occasion's trigger is no partnership in it",
     "ศูนย์ศึกษาธรรมชาติจัดตั้งขึ้นภายใต้ความร่วมมือระหว่างกรมอนามัย กับกรมการจัดหางาน "
     "โดยวันนี้ (5 มี.ค. 67) มีพิธีเปิดอาคารใหม่",
     "2024-03-05", ROLE, "ceremony", "กรมการจัดหางาน", "attendee", NULL, NULL, 0},
    {"issue 9: bodies that join forces (ผนึกกำลัง) organise together",
     "วันนี้ (19 ก.พ. 67) กรมอนามัย ผนึกกำลัง กรมการจัดหางาน จัดการประชุมวิชาการนานาชาติ", "2024-02-19", ROLE,
     "conference", "กรมการจัดหางาน", "co_host", NULL, NULL, 1},
    {"issue 9: a body working as one with another (บูรณาการร่วมกับ) organises with it",
     "วันนี้ (19 ก.พ. 67) กรมอนามัย บูรณาการร่วมกับ กรมการจัดหางาน จัดอบรมอาสาสมัคร", "2024-02-19", ROLE,
     "training", "กรมอนามัย", "co_host", NULL, NULL, 1},
    {"issue 9: a subject list joined by รวมถึง",
     "กรมอนามัย กรมการจัดหางาน รวมถึง" THAIHEALTH " ร่วมกันจัดการประชุมวิชาการ", "2021-12-24", ROLE,
     "conference", THAIHEALTH, "co_host", NULL, NULL, 1},
    {"class 8: one body's own measure is no event",
     "ธนาคารออมสิน ออกมาตรการพักชำระหนี้ให้แก่ลูกหนี้ที่ได้รับผลกระทบ", "2021-07-15", NO_EVENT, "programme",
     NULL, NULL, NULL, NULL, 0},

    /* issue 9, class 7: the writer's day. A release out days after the วันนี้ (24 ต.ค.67) deep in
     * its lead dates what the text leaves undated, and its พรุ่งนี้, by that day. */
    {"issue 9, writer's day: an undated ceremony takes the lead's bracketed day", WRITERS_DAY,
     "2024-10-28", EVENT, "ceremony", "2024-10-24", NULL, NULL, NULL, 0},
    {"issue 9, writer's day: not the publication day", WRITERS_DAY, "2024-10-28", NO_EVENT,
     "ceremony", "2024-10-28", NULL, NULL, NULL, 0},
    {"issue 9, writer's day: tomorrow counts from it", WRITERS_DAY, "2024-10-28", EVENT, "visit",
     "2024-10-25", NULL, NULL, NULL, 0},
    /* issue 9, class 7: launches of a service, a route, a system, an enrolment or a scheme are
     * programmes; a service kept running or resumed is none. */
    {"issue 9, launches: a route opened",
     "องค์การขนส่งมวลชนกรุงเทพ (ขสมก.) เปิดเส้นทางเดินรถโดยสารปรับอากาศ สาย 132 เพื่ออำนวยความสะดวก",
     "2021-03-04", EVENT, "programme", "2021-03-04", NULL, NULL, NULL, 0},
    {"issue 9, launches: a service opened on a day the sentence gives",
     "ถือเป็นขบวนรถเส้นทางที่สองที่การรถไฟแห่งประเทศไทยเปิดให้บริการต่อจากเส้นทางแรก "
     "ที่เปิดให้บริการไปเมื่อวันที่ 1 มิถุนายน 2565 ที่ผ่านมา",
     "2022-12-20", EVENT, "programme", "2022-06-01", NULL, NULL, NULL, 0},
    {"issue 9, launches: an enrolment opened",
     "วิทยาลัยพยาบาลกองทัพเรือ เปิดรับสมัครบุคคลพลเรือนเข้าศึกษาต่อ ในหลักสูตรพยาบาลศาสตรบัณฑิต", "2024-02-15",
     EVENT, "programme", "2024-02-15", NULL, NULL, NULL, 0},
    {"issue 9, launches: a scheme run from a day",
     "กรมการปกครองจัดโครงการตรวจสารพันธุกรรม โดยเปิดให้ยื่นคำร้องตั้งแต่วันที่ 15 ธ.ค. 66 เป็นต้นมา", "2023-12-23",
     EVENT, "programme", "2023-12-15", NULL, NULL, NULL, 0},
    {"issue 9, launches: a service kept running is none",
     "ทั้งนี้ บขส. ยังคงเปิดให้บริการเดินรถในเส้นทางอื่นๆ ตามปกติ", "2022-01-18", NO_EVENT, "programme", NULL,
     NULL, NULL, NULL, 0},
    {"issue 9, launches: a service resumed is none",
     "ผู้ว่าการรถไฟแห่งประเทศไทย ได้สั่งการให้เร่งปรับปรุงเพื่อกลับมาเปิดให้บริการแก่ผู้โดยสารโดยเร็วที่สุด", "2023-08-28",
     NO_EVENT, "programme", NULL, NULL, NULL, NULL, 0},
    {"issue 9, launches: the running of schemes as a topic is none",
     "รัฐมนตรีว่าการกระทรวงการคลังได้เน้นย้ำจุดยืนของการจัดโครงการประกวดรางวัลเพชรวายุภักษ์อย่างต่อเนื่อง",
     "2021-12-01", NO_EVENT, "programme", NULL, NULL, NULL, NULL, 0},

    /* issue 9, class 7: ceremonies read as agreements or missed. */
    {"issue 9, ceremonies: signing good wishes to the King is a ceremony",
     "วันนี้ (28 กรกฎาคม 2565) นายแพทย์เกียรติภูมิ วงศ์รจิต ปลัดกระทรวงสาธารณสุข ร่วมลงนามถวายพระพรชัยมงคล",
     "2022-07-28", EVENT, "ceremony", "2022-07-28", NULL, NULL, NULL, 0},
    {"issue 9, ceremonies: signing good wishes is no agreement",
     "วันนี้ (28 กรกฎาคม 2565) นายแพทย์เกียรติภูมิ วงศ์รจิต ปลัดกระทรวงสาธารณสุข ร่วมลงนามถวายพระพรชัยมงคล",
     "2022-07-28", NO_EVENT, "agreement", NULL, NULL, NULL, NULL, 0},
    {"issue 9, ceremonies: a visitors' book signed is no agreement",
     "หลังเสร็จสิ้นการประชุม รองนายกรัฐมนตรี ได้ลงนามในสมุดตรวจเยี่ยม และพบปะสื่อมวลชน", "2024-10-24", NO_EVENT,
     "agreement", NULL, NULL, NULL, NULL, 0},
    {"issue 9, ceremonies: a handover someone presides over",
     "พลตำรวจเอก เพิ่มพูน ชิดชอบ รัฐมนตรีว่าการกระทรวงศึกษาธิการ เป็นประธานการรับมอบคอมพิวเตอร์ จากบริษัท",
     "2024-07-11", EVENT, "ceremony", "2024-07-11", NULL, NULL, NULL, 0},
    {"issue 9, ceremonies: handing over as an activity is none",
     "กรมบัญชีกลางกำหนดหลักเกณฑ์การส่งมอบพัสดุให้หน่วยงาน", "2024-07-11", NO_EVENT, "ceremony", NULL, NULL,
     NULL, NULL, 0},

    /* issue 9, class 7 (precision): policy given in a speech or alongside another activity is
     * said at that activity, no meeting of its own; a meeting to hand policy over is one. */
    {"issue 9, precision: policy given in a speech is no meeting",
     "ภายหลังรับฟังบรรยายสรุปฯ รองนายกรัฐมนตรีกล่าวมอบนโยบายตอนหนึ่งว่า จากสถานการณ์ฝนตกหนัก", "2022-09-05",
     NO_EVENT, "meeting", NULL, NULL, NULL, NULL, 0},
    {"issue 9, precision: policy given on a visit is no meeting",
     "จากนั้น รัฐมนตรีช่วยว่าการกระทรวงสาธารณสุข ได้ลงพื้นที่เยี่ยมเสริมพลัง อสม.จังหวัดตราด "
     "และมอบนโยบายในการปฏิบัติงาน",
     "2023-03-03", NO_EVENT, "meeting", NULL, NULL, NULL, NULL, 0},
    {"issue 9, precision: the visit that policy is given on stays",
     "จากนั้น รัฐมนตรีช่วยว่าการกระทรวงสาธารณสุข ได้ลงพื้นที่เยี่ยมเสริมพลัง อสม.จังหวัดตราด "
     "และมอบนโยบายในการปฏิบัติงาน",
     "2023-03-03", EVENT, "visit", "2023-03-03", NULL, NULL, NULL, 0},

    /* issue 9, class 7: statements made are announcements; written ones, a forum speech and
     * ones to come are not. */
    {"issue 9, statements: a statement made today",
     "นายอลงกรณ์ พลบุตร ที่ปรึกษารัฐมนตรีว่าการกระทรวงเกษตรและสหกรณ์แถลงวันนี้(7เม.ย)ว่า ภายใต้ยุทธศาสตร์",
     "2021-04-07", EVENT, "announcement", "2021-04-07", NULL, NULL, NULL, 0},
    {"issue 9, statements: one scheduled for a day",
     "ทั้งนี้ มีกำหนดการแถลงผลงานฯ ดังกล่าวในวันที่ 15 ธันวาคม 2566 นี้", "2023-11-08", EVENT, "announcement",
     "2023-12-15", NULL, NULL, NULL, 0},
    {"issue 9, statements: a written statement is none", "ฝ่ายค้านเก่งแต่ออกแถลงการณ์ แกล้งเมินไม่เห็นผลงาน",
     "2022-11-05", NO_EVENT, "announcement", NULL, NULL, NULL, NULL, 0},
    {"issue 9, statements: the text of a statement is none",
     "ถ้อยแถลง พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี ผ่านระบบการประชุมทางไกล", "2020-11-14", NO_EVENT,
     "announcement", NULL, NULL, NULL, NULL, 0},
    {"issue 9, statements: one awaited is none",
     "ในส่วนของรายละเอียดขอให้รอรัฐมนตรีว่าการกระทรวงคมนาคมแถลงอีกครั้ง", "2023-10-16", NO_EVENT,
     "announcement", NULL, NULL, NULL, NULL, 0},

    /* issue 9, class 7: activities in a period (ในช่วงระหว่างวันที่ 27 - 28 เมษายน) have its month,
     * the precision the text is sure of; a multi-day event named as such keeps its first day. */
    {"issue 9, period: a handover in a period has its month", PERIOD, "2025-04-29", EVENT,
     "ceremony", "2025-04", NULL, NULL, NULL, 0},
    {"issue 9, period: so does the visit of the same sentence", PERIOD, "2025-04-29", EVENT,
     "visit", "2025-04", NULL, NULL, NULL, 0},
    {"issue 9, period: not the period's first day", PERIOD, "2025-04-29", NO_EVENT, "visit",
     "2025-04-27", NULL, NULL, NULL, 0},
    /* review of the events branch, findings 4 and 7: blanks are skipped back whole code points
     * at a time, so a zero-width space or several spaces before the days still make a period. */
    {"issue 9, period: a zero-width space and a space before the days",
     PERIOD_AFTER("\xE2\x80\x8B "), "2025-04-29", EVENT, "visit", "2025-04", NULL, NULL, NULL, 0},
    {"issue 9, period: four spaces before the days", PERIOD_AFTER("    "), "2025-04-29", EVENT,
     "visit", "2025-04", NULL, NULL, NULL, 0},
    {"issue 9, period: a conference over days keeps its first day",
     "การประชุมสมัชชาสิ่งแวดล้อมแห่งสหประชาชาติ สมัยที่ 5 ระหว่างวันที่ 28 กุมภาพันธ์ – 2 มีนาคม 2565", "2022-02-22",
     EVENT, "conference", "2022-02-28", NULL, NULL, NULL, 0},

    /* issue 9, error class 7: events of every kind, dated by their own sentence or paragraph. */
    {"class 7: a ceremony, dated by the day in brackets",
     "วันนี้ (28 ธันวาคม 2563) นายพชร อนันตศิลป์ อธิบดีกรมศุลกากร เป็นประธานในพิธีปล่อยเรือตรวจการณ์ศุลกากร "
     "จำนวน 3 ลำ ลงน้ำ",
     "2020-12-29", EVENT, "ceremony", "2020-12-28", NULL, NULL, NULL, 0},
    {"class 7: a signing ceremony is the signing",
     "วันนี้ (11 ก.พ. 65) นายกอบชัย สังสิทธิสวัสดิ์ ปลัดกระทรวงอุตสาหกรรม "
     "เป็นประธานในพิธีลงนามบันทึกข้อตกลงความร่วมมือ",
     "2022-02-11", EVENT, "agreement", "2022-02-11", NULL, NULL, NULL, 0},
    {"class 7: a signing ceremony is no ceremony of its own",
     "วันนี้ (11 ก.พ. 65) นายกอบชัย สังสิทธิสวัสดิ์ ปลัดกระทรวงอุตสาหกรรม "
     "เป็นประธานในพิธีลงนามบันทึกข้อตกลงความร่วมมือ",
     "2022-02-11", NO_EVENT, "ceremony", NULL, NULL, NULL, NULL, 0},
    {"class 7: a protocol is no ceremony", "ไทยและจีนลงนามพิธีสารว่าด้วยการส่งออกผลไม้ เมื่อปี 2562",
     "2021-11-03", NO_EVENT, "ceremony", NULL, NULL, NULL, NULL, 0},
    {"class 7: a study visit", "เมื่อวันที่ 7 ก.พ. 65 คณะผู้บริหารกรมการพัฒนาชุมชน ศึกษาดูงาน ณ จังหวัดเชียงใหม่",
     "2022-02-11", EVENT, "visit", "2022-02-07", NULL, NULL, NULL, 0},
    {"class 7: an inspection visit",
     "วันนี้ (23 เม.ย. 67) นายอนุทิน ชาญวีรกูล รัฐมนตรีว่าการกระทรวงมหาดไทย ลงพื้นที่ ตรวจเยี่ยมด่านศุลกากรแม่สอด",
     "2024-04-23", EVENT, "visit", "2024-04-23", NULL, NULL, NULL, 0},
    {"class 7: a courtesy call with talks is one visit",
     "วันนี้ (26 ม.ค. 66) ประธานคณะกรรมการบริหาร UAI และคณะ เข้าเยี่ยมคารวะและหารือกับนายกรัฐมนตรี",
     "2023-01-26", EVENT, "visit", "2023-01-26", NULL, NULL, NULL, 0},
    {"class 7: the talks of a courtesy call are no meeting of their own",
     "วันนี้ (26 ม.ค. 66) ประธานคณะกรรมการบริหาร UAI และคณะ เข้าเยี่ยมคารวะและหารือกับนายกรัฐมนตรี",
     "2023-01-26", NO_EVENT, "meeting", NULL, NULL, NULL, NULL, 0},
    {"class 7: an inspector's title is no visit",
     "นายสมชาย ใจดี ผู้ตรวจราชการกระทรวงมหาดไทย เมื่อวันที่ 5 มีนาคม 2567 ได้รับแต่งตั้ง", "2024-03-06", NO_EVENT,
     "visit", NULL, NULL, NULL, NULL, 0},
    {"class 7: a seminar is a training",
     "เมื่อวันที่ 11 ก.พ. 65 สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม จัดการสัมมนาเชิงปฏิบัติการ", "2022-02-11", EVENT,
     "training", "2022-02-11", NULL, NULL, NULL, 0},
    {"class 7: a programme kicked off",
     "วันนี้ (12 ต.ค. 65) กระทรวงสาธารณสุข จัดกิจกรรมคิกออฟฉีดวัคซีนโควิด 19 สำหรับเด็ก", "2022-10-12", EVENT,
     "programme", "2022-10-12", NULL, NULL, NULL, 0},
    {"class 7: a competition",
     "การกีฬาแห่งประเทศไทย เป็นเจ้าภาพการแข่งขันวอลเลย์บอลหญิงชิงแชมป์โลก ระหว่างวันที่ 22 ส.ค. - 7 ก.ย. 2568",
     "2025-08-13", EVENT, "other", "2025-08-22", NULL, NULL, NULL, 0},
    {"class 7: a courtesy call is a visit",
     "วันนี้ (20 กันยายน 2565) นายสุริยะ จึงรุ่งเรืองกิจ รัฐมนตรีว่าการกระทรวงอุตสาหกรรม "
     "ให้เอกอัครราชทูตสเปนประจำประเทศไทย "
     "เข้าพบ เพื่อหารือเกี่ยวกับเศรษฐกิจหมุนเวียน",
     "2022-09-20", EVENT, "visit", "2022-09-20", NULL, NULL, NULL, 0},
    {"class 7: the talks of a courtesy call are no meeting",
     "วันนี้ (20 กันยายน 2565) นายสุริยะ จึงรุ่งเรืองกิจ รัฐมนตรีว่าการกระทรวงอุตสาหกรรม "
     "ให้เอกอัครราชทูตสเปนประจำประเทศไทย "
     "เข้าพบ เพื่อหารือเกี่ยวกับเศรษฐกิจหมุนเวียน",
     "2022-09-20", NO_EVENT, "meeting", NULL, NULL, NULL, NULL, 0},
    {"class 7: an assembly is a conference",
     "ครม. เห็นชอบกรอบท่าทีไทยสำหรับการประชุมสมัชชาสิ่งแวดล้อมแห่งสหประชาชาติ สมัยที่ 5 "
     "ระหว่างวันที่ 28 กุมภาพันธ์ – 2 มีนาคม 2565",
     "2022-02-22", EVENT, "conference", "2022-02-28", NULL, NULL, NULL, 0},
    {"class 7: a competition named by its sport",
     "การกีฬาแห่งประเทศไทย ให้การสนับสนุนในการแข่งขันรักบี้ 7 คนรอบชิงชนะเลิศแห่งอาเซียน "
     "ระหว่างวันที่ 20 - 21 พฤษภาคม 2566",
     "2023-05-22", EVENT, "other", "2023-05-20", NULL, NULL, NULL, 0},
    {"class 7: competitiveness is no competition",
     "เมื่อวันที่ 5 มีนาคม 2567 กระทรวงอุตสาหกรรมเร่งเพิ่มขีดความสามารถในการแข่งขันของประเทศ", "2024-03-06",
     NO_EVENT, "other", NULL, NULL, NULL, NULL, 0},
    {"class 7: policy handed to a body is an instruction",
     "นายศักดิ์สยาม ชิดชอบ รัฐมนตรีว่าการกระทรวงคมนาคม ได้มอบนโยบายให้การรถไฟแห่งประเทศไทยเร่งก่อสร้าง",
     "2023-03-03", NO_EVENT, "meeting", NULL, NULL, NULL, NULL, 0},
    {"class 7: handing policy over as an occasion",
     "วันนี้ (3 มีนาคม 2566) พลเอก อนุพงษ์ เผ่าจินดา รัฐมนตรีว่าการกระทรวงมหาดไทย "
     "เป็นประธานการมอบนโยบายให้ผู้ว่าราชการจังหวัด",
     "2023-03-03", EVENT, "meeting", "2023-03-03", NULL, NULL, NULL, 0},
    {"class 7: the year in a law's name is no date of the event",
     "คณะกรรมการโรคติดต่อแห่งชาติ ประชุมพิจารณามาตรการตาม พ.ร.บ.โรคติดต่อ พ.ศ. 2558", "2023-03-03", EVENT,
     "meeting", "2023-03-03", NULL, NULL, NULL, 0},
    {"class 7: the year in a law's name is no date mention",
     "ทุกอย่างเป็นไปตามหลักเกณฑ์และตาม พ.ร.บ.ตำรวจ พ.ศ.2547 และเปิดกว้างเสมอ", "2021-02-20", NO_MENTION,
     "date", "2547", NULL, NULL, NULL, 0},
    {"class 7: a year written with พ.ศ. elsewhere is a date",
     "กระทรวงแรงงานจัดอบรมแรงงานใหม่ ในปี พ.ศ. 2562", "2021-02-20", MENTION, "date", "2562", "2019",
     NULL, NULL, 0},
    {"class 7: the day of the release is not the trip's",
     "วันที่ 14 มีนาคม 2567 นายชัย วัชรงค์ โฆษกประจำสำนักนายกรัฐมนตรี เผยว่า นายเศรษฐา ทวีสิน นายกรัฐมนตรี "
     "เตรียมเดินทางไปตรวจราชการ ณ จังหวัดเชียงใหม่ ในวันที่ 15 - 17 มีนาคม 2567 เพื่อติดตามการแก้ไขปัญหาไฟป่า",
     "2024-03-14", EVENT, "visit", "2024-03-15", NULL, NULL, NULL, 0},
    {"class 7: a stop reported on the day of the release is the stop on its own day",
     RELEASE_THEN_STOP, "2024-03-14", EVENT, "programme", "2024-03-16", NULL, NULL, NULL, 0},
    {"class 7: the stop is no event of the day of the release", RELEASE_THEN_STOP, "2024-03-14",
     NO_EVENT, "programme", "2024-03-14", NULL, NULL, NULL, 0},
    {"class 7: the day of the release dates an event with no other",
     "วันที่ 14 มีนาคม 2567 นายชัย วัชรงค์ โฆษกประจำสำนักนายกรัฐมนตรี เผยว่า "
     "นายกรัฐมนตรีได้ประชุมหารือกับผู้ว่าราชการจังหวัด"
     "เชียงใหม่ เรื่องการแก้ไขปัญหาไฟป่าและหมอกควัน",
     "2024-03-15", EVENT, "meeting", "2024-03-14", NULL, NULL, NULL, 0},
    {"class 7: a month of its own", "กรมการแพทย์จัดอบรมแพทย์ประจำบ้าน ในเดือนสิงหาคม 2565", "2022-09-05",
     EVENT, "training", "2022-08", NULL, NULL, NULL, 0},
    {"class 7: a year of its own", "กรมการแพทย์ลงนามความร่วมมือกับมหาวิทยาลัยมหิดล ตั้งแต่ปี 2548",
     "2022-09-05", EVENT, "agreement", "2005", NULL, "กรมการแพทย์", "มหาวิทยาลัยมหิดล", 1},
    {"class 7: a budget year is no time of the event",
     "วันนี้ (29 เม.ย. 68) กรมทรัพยากรน้ำบาดาล จัดพิธีส่งมอบโครงการจัดหาแหล่งน้ำบาดาล ประจำปีงบประมาณ พ.ศ. 2567",
     "2025-04-29", EVENT, "ceremony", "2025-04-29", NULL, NULL, NULL, 0},
    {"class 7: last Tuesday", "เมื่อวันอังคารที่ผ่านมา กรมการจัดหางานจัดอบรมอาชีพให้ผู้ว่างงาน", "2024-03-14",
     EVENT, "training", "2024-03-12", NULL, NULL, NULL, 0},
    {"class 7: the 5th that has passed", "เมื่อวันที่ 5 ที่ผ่านมา กรมการจัดหางานจัดอบรมอาชีพให้ผู้ว่างงาน",
     "2024-03-03", EVENT, "training", "2024-02-05", NULL, NULL, NULL, 0},
    {"class 7: yesterday", "เมื่อวานนี้ กรมการจัดหางานจัดอบรมอาชีพให้ผู้ว่างงาน", "2024-03-01", EVENT,
     "training", "2024-02-29", NULL, NULL, NULL, 0},
    {"class 7: a date that closes a long sentence dates it",
     "นายอนุทิน ชาญวีรกูล รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงสาธารณสุข พร้อมด้วยนายแพทย์สมศักดิ์ อรรฆศิลป์ "
     "อธิบดีกรมการแพทย์ และนายแพทย์ธงชัย เลิศวิไลรัตนพงศ์ รองปลัดกระทรวงสาธารณสุข ตรวจเยี่ยมบริษัท หัวเว่ย "
     "เทคโนโลยี่ (ประเทศไทย) จำกัด เกี่ยวกับการนำเทคโนโลยี 5G มาใช้พัฒนาระบบบริการทางการแพทย์ ทั้งการดูแลรักษา"
     "แบบเรียลไทม์และแม่นยำ การส่งเสริมสุขภาพ รวมถึงการใช้ชีวิตประจำวัน โดยมีผู้บริหารของบริษัทให้การต้อนรับ "
     "ที่อาคาร G Tower ถนนพระราม 9 เมื่อวันที่ 27 ตุลาคม 2564 ที่ผ่านมา",
     "2021-10-28", EVENT, "visit", "2021-10-27", NULL, NULL, NULL, 0},
    {"class 7: the day that opens a paragraph dates its later sentences",
     "วันเสาร์ที่ 16 มีนาคม 2567 เวลาประมาณ 10.30 น. ณ อำเภอแม่แตง จังหวัดเชียงใหม่ นายกรัฐมนตรีติดตามการแก้ไข"
     "ปัญหาไฟป่า ทั้งนี้ นายกรัฐมนตรีพบปะเจ้าหน้าที่ผู้ปฏิบัติงานเฝ้าระวังและดับไฟป่า",
     "2024-03-14", EVENT, "visit", "2024-03-16", NULL, NULL, NULL, 0},
    {"class 7: the report's lead dates what no paragraph does",
     "เมื่อวันที่ 10 ก.ค. 66 นายวันชัย จันทร์พร ผู้ว่าราชการจังหวัดนครพนม เผยว่า กระทรวงมหาดไทยได้น้อมนำแนวทาง"
     "มาขับเคลื่อนในพื้นที่\nนายวันชัย จันทร์พร ผู้ว่าราชการจังหวัดนครพนม ลงพื้นที่ทำกิจกรรมลงแขกดำนา",
     "2023-07-11", EVENT, "visit", "2023-07-10", NULL, NULL, NULL, 0},
    {"class 7: the date after the trigger, not one told before it of something else",
     "ทั้งนี้ เรือตรวจการณ์ต่อสร้างตามสัญญาจ้าง ลงวันที่ 19 มิถุนายน 2563 โดยได้ประกอบพิธีวางกระดูกงู "
     "เมื่อวันที่ 20 สิงหาคม 2563 ที่ผ่านมา",
     "2020-12-29", EVENT, "ceremony", "2020-08-20", NULL, NULL, NULL, 0},
    {"class 7: a schedule's day dates the paragraphs that follow it",
     "วันเสาร์ที่ 16 มีนาคม 2567 เวลา 10.30 น. ณ อำเภอแม่แตง นายกรัฐมนตรีประชุมติดตามการแก้ไขปัญหาไฟป่า "
     "ร่วมกับหน่วยงานในพื้นที่จังหวัดเชียงใหม่\nสำหรับในช่วงบ่าย นายกรัฐมนตรีเยี่ยมชมสินค้าและผลิตภัณฑ์ผ้า",
     "2024-03-14", EVENT, "visit", "2024-03-16", NULL, NULL, NULL, 0},
    {"class 7: a day in the headline is the lead",
     "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-วันอังคารที่ 23 เมษายน 2567 ติดตามสถานการณ์แนวชายแดน\nวันพุธที่ 24 เมษายน "
     "2567\n"
     "นายอนุทิน ชาญวีรกูล รองนายกรัฐมนตรี ลงพื้นที่ ติดตามสถานการณ์แนวชายแดน อำเภอแม่สอด",
     "2024-04-24", EVENT, "visit", "2024-04-23", NULL, NULL, NULL, 0},
    {"class 7: a bare ceremony word is the ceremony of the sentence's event",
     "วันนี้ (3 เม.ย. 67) นายสุทธิพงษ์ จุลเจริญ ปลัดกระทรวงมหาดไทย เป็นประธานเปิดโครงการฝึกอบรมวิทยากร "
     "โดยมีผู้เข้ารับการอบรม รวมกว่า 200 คน ร่วมพิธี",
     "2024-04-03", NO_EVENT, "ceremony", NULL, NULL, NULL, NULL, 0},
    {"class 7: a bare ceremony word alone is a ceremony",
     "เมื่อวันที่ 17 พ.ค. 67 นายสุทธิพงษ์ จุลเจริญ ปลัดกระทรวงมหาดไทย เข้ารับพระราชทานแผ่นธรรมนาวา "
     "โดยมีข้าราชการ ร่วมในพิธี",
     "2024-05-18", EVENT, "ceremony", "2024-05-17", NULL, NULL, NULL, 0},
    {"class 7: a year that labels a course in a speaker's words dates no event",
     "นายสุทธิพงษ์ จุลเจริญ ปลัดกระทรวงมหาดไทย กล่าวว่า ผู้เข้ารับการฝึกอบรมหลักสูตรวิทยากร ปี 2567 รุ่นที่ 13 "
     "ทุกท่านเป็นความหวังของประเทศ",
     "2024-04-03", NO_EVENT, "training", NULL, NULL, NULL, NULL, 0},
    {"class 7: a panel discussion is a conference",
     "วันนี้ (26 ม.ค. 66) คณะกรรมการบริหาร UAI "
     "เข้าร่วมการประชุมเสวนาทางวิชาการด้านพระพุทธศาสนาและปรัชญาตะวันออก",
     "2023-01-26", EVENT, "conference", "2023-01-26", NULL, NULL, NULL, 0},
    {"class 7: a conference the visitors attend is not their courtesy call",
     "วันนี้ (26 ม.ค. 66) ประธานคณะกรรมการบริหาร UAI และคณะ เข้าเยี่ยมคารวะและหารือกับนายกรัฐมนตรี\n"
     "และในช่วงบ่ายทางคณะ UAI มีกำหนดการเข้าร่วมการประชุมเสวนาทางวิชาการด้านพระพุทธศาสนา",
     "2023-01-26", EVENT, "conference", "2023-01-26", NULL, NULL, NULL, 0},
    {"class 7: the courtesy call stays beside the conference",
     "วันนี้ (26 ม.ค. 66) ประธานคณะกรรมการบริหาร UAI และคณะ เข้าเยี่ยมคารวะและหารือกับนายกรัฐมนตรี\n"
     "และในช่วงบ่ายทางคณะ UAI มีกำหนดการเข้าร่วมการประชุมเสวนาทางวิชาการด้านพระพุทธศาสนา",
     "2023-01-26", EVENT, "visit", "2023-01-26", NULL, NULL, NULL, 0},
    {"class 7: an occasion's date does not date the event",
     "วันนี้ (3 เม.ย. 67) กรมการปกครองจัดการฝึกอบรมวิทยากร เป็นโครงการเฉลิมพระเกียรติ "
     "เนื่องในโอกาสพระราชพิธีมหามงคลเฉลิมพระชนมพรรษา 6 รอบ 28 กรกฎาคม 2567",
     "2024-04-03", EVENT, "training", "2024-04-03", NULL, NULL, NULL, 0},
    {"class 7: attending a music event",
     "เมื่อวันที่ 16 มี.ค. 67 นายกรัฐมนตรีร่วมงานดนตรีในสวน ณ สวนสาธารณะหนองบวกหาด", "2024-03-14", EVENT,
     "other", "2024-03-16", NULL, NULL, NULL, 0},
    {"class 7: attending an event named otherwise is that event",
     "วันนี้ (13 ก.ย. 63) นายสุทธิ สุโกศล ปลัดกระทรวงแรงงาน เป็นประธานเปิดการเสวนาเชิงนโยบาย และร่วมงาน",
     "2020-09-13", NO_EVENT, "other", NULL, NULL, NULL, NULL, 0},
    {"class 7: a royal reception is a ceremony",
     "วันนี้ (16 กุมภาพันธ์ 2565) นายจุลพงษ์ ทวีศรี รองปลัดกระทรวงอุตสาหกรรม "
     "ร่วมเข้าเฝ้ารับเสด็จพระบาทสมเด็จพระเจ้าอยู่หัว",
     "2022-02-17", EVENT, "ceremony", "2022-02-16", NULL, NULL, NULL, 0},
    {"class 7: organising events in general is no event",
     "วันนี้ (5 ม.ค. 64) การจัดงานต้องปฏิบัติตามมาตรการป้องกันโรค", "2021-01-05", NO_EVENT, "other", NULL,
     NULL, NULL, NULL, 0},
    {"class 7: working with someone is no event",
     "วันนี้ (5 ม.ค. 64) นายสมชาย ใจดี ร่วมงานกับกระทรวงแรงงานมานาน", "2021-01-05", NO_EVENT, "other",
     NULL, NULL, NULL, NULL, 0},
    {"class 7: a spokesperson's release reports the event",
     "นายอนุชา บูรพชัยศรี โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า นายกรัฐมนตรีได้เยี่ยมชมสถานีอัดประจุไฟฟ้า",
     "2022-11-15", EVENT, "visit", "2022-11-15", NULL, NULL, NULL, 0},
    {"class 7: an agreement in a speaker's words without a date is no event",
     "นายสุชาติ ชมกลิ่น กล่าวว่า กระทรวงแรงงานมีโครงการส่งเสริมการจ้างงาน และได้ลงนาม MOU กับภาคเอกชนหลายแห่ง",
     "2021-11-16", NO_EVENT, "agreement", NULL, NULL, NULL, NULL, 0},
    {"class 7: an agreement in a speaker's words with its date",
     "นายอนุทินกล่าวว่า กรมการแพทย์ ได้ลงนามความร่วมมือกับหัวเว่ย เมื่อวันที่ 22 กันยายน 2564 ที่ผ่านมา", "2021-10-28",
     EVENT, "agreement", "2021-09-22", NULL, "กรมการแพทย์", NULL, 0},
    /* issue 9, class 7: a cabinet decision the release reports is dated by its own sentence
     * or paragraph only, never by the publication day (thaigov-20231106-36dec23789). */
    {"class 7: a cabinet decision without a date of its own is undated",
     "ที่ประชุมคณะรัฐมนตรี มีมติลดภาระค่าใช้จ่ายด้านพลังงานให้แก่ประชาชนโดยตรึงราคาน้ำมันดีเซล", "2023-12-22", EVENT,
     "meeting", NULL, NULL, NULL, NULL, 0},
    {"class 7: a cabinet decision is not dated by the publication day",
     "ที่ประชุมคณะรัฐมนตรี มีมติลดภาระค่าใช้จ่ายด้านพลังงานให้แก่ประชาชนโดยตรึงราคาน้ำมันดีเซล", "2023-12-22",
     NO_EVENT, "meeting", "2023-12-22", NULL, NULL, NULL, 0},
    {"class 7: a cabinet decision keeps the date its sentence gives",
     "ที่ประชุม ครม. (25 ต.ค. 65) เห็นชอบขยายเวลาการยกเว้นภาษีเงินได้บุคคลธรรมดา สำหรับวิสาหกิจชุมชน",
     "2022-10-27", EVENT, "meeting", "2022-10-25", NULL, NULL, NULL, 0},
    {"class 7: a meeting without a date of its own is still the publication day's",
     "นายกรัฐมนตรี ประชุมหารือกับกระทรวงพาณิชย์ เรื่องราคาสินค้าเกษตร", "2023-12-22", EVENT, "meeting",
     "2023-12-22", NULL, NULL, NULL, 0},
    /* issue 9, class 7, read on the blind files of seed 20261204. */
    {"class 7: an order signed is no agreement",
     "วันนี้ (25 พฤศจิกายน 2567) นายกรัฐมนตรีได้ลงนามในคำสั่งสำนักนายกรัฐมนตรี ที่ 375/2567 "
     "เรื่อง แต่งตั้งคณะกรรมการอำนวยการศูนย์ราชการสะดวก",
     "2024-11-25", NO_EVENT, "agreement", NULL, NULL, NULL, NULL, 0},
    {"class 7: a notice signed is no agreement",
     "วันนี้ (5 ม.ค. 64) นายสุชาติ ชมกลิ่น รัฐมนตรีว่าการกระทรวงแรงงาน ลงนามประกาศกระทรวงแรงงาน "
     "เรื่อง การป้องกันโรคในสถานประกอบการ",
     "2021-01-05", NO_EVENT, "agreement", NULL, NULL, NULL, NULL, 0},
    {"class 7: a declaration of intent signed together is an agreement",
     "วันนี้ (5 ม.ค. 64) กระทรวงมหาดไทยและสำนักงานสหประชาชาติประจำประเทศไทย ร่วมลงนามประกาศเจตนารมณ์"
     "เพื่อประเทศไทยที่ยั่งยืน",
     "2021-01-05", EVENT, "agreement", "2021-01-05", NULL, NULL, NULL, 1},
    {"class 7: a document's date is no date of the meeting that notes it",
     "พร้อมกันนี้ที่ประชุมได้รับทราบคำสั่งสำนักนายกรัฐมนตรี ที่ 375/2567 ลงวันที่ 22 ตุลาคม 2567", "2024-11-25",
     NO_EVENT, "meeting", "2024-10-22", NULL, NULL, NULL, 0},
    {"class 7: goods received are a handover ceremony",
     "วันนี้ (26 ตุลาคม 2565) นางสาวณัฏฐิญา เนตยสุภา รองอธิบดีกรมส่งเสริมอุตสาหกรรม เข้ารับมอบสิ่งของอุปโภค "
     "บริโภค จากสำนักงานอุตสาหกรรมจังหวัดราชบุรี",
     "2022-10-27", EVENT, "ceremony", "2022-10-26", NULL, NULL, NULL, 0},
    {"class 7: goods handed over are a handover ceremony",
     "การรถไฟฟ้าขนส่งมวลชนแห่งประเทศไทย (รฟม.) ได้ส่งมอบหน้ากากผ้าและเจลแอลกอฮอล์ให้แก่โรงเรียนวัดบางไผ่",
     "2021-09-01", EVENT, "ceremony", "2021-09-01", NULL, NULL, NULL, 0},
    {"class 7: a task received is no handover",
     "วันนี้ (5 ม.ค. 64) นายสมชาย ใจดี ได้รับมอบหมายจากกระทรวงแรงงานให้ดูแลแรงงานต่างด้าว", "2021-01-05",
     NO_EVENT, "ceremony", NULL, NULL, NULL, NULL, 0},
    {"class 7: a handover to come is no handover held",
     "กรมควบคุมโรค เผยว่า บริษัทผู้ผลิตจะทยอยส่งมอบวัคซีนให้กระทรวงสาธารณสุขเดือนละ 5 ล้านโดส", "2021-01-05",
     NO_EVENT, "ceremony", NULL, NULL, NULL, NULL, 0},
    {"class 7: good wishes handed over are no handover",
     "วันนี้ (5 ม.ค. 64) นายกรัฐมนตรีในนามของรัฐบาลขอร่วมส่งมอบความปรารถนาดีให้แก่คนไทยทุกคน", "2021-01-05",
     NO_EVENT, "ceremony", NULL, NULL, NULL, NULL, 0},
    {"class 7: touring an exhibition is the exhibition, no visit",
     "วันนี้ (1 ธ.ค. 63) นายกรัฐมนตรีเยี่ยมชมนิทรรศการพระบารมีปกเกล้า ณ ตึกสันติไมตรี ทำเนียบรัฐบาล", "2020-12-01",
     NO_EVENT, "visit", NULL, NULL, NULL, NULL, 0},
    {"class 7: the exhibition toured",
     "วันนี้ (1 ธ.ค. 63) นายกรัฐมนตรีเยี่ยมชมนิทรรศการพระบารมีปกเกล้า ณ ตึกสันติไมตรี ทำเนียบรัฐบาล", "2020-12-01",
     EVENT, "other", "2020-12-01", NULL, NULL, NULL, 0},
    {"class 7: a training named as a field of work is no training",
     "วันนี้ (14 พ.ย. 63) นายกรัฐมนตรีเสนอให้อาเซียนกระชับความร่วมมือด้านการฝึกอบรมทางเทคนิคและการอาชีวศึกษา",
     "2020-11-14", NO_EVENT, "training", NULL, NULL, NULL, NULL, 0},
    {"class 7: the meeting that tells the time of a visit is no event",
     "วันนี้ (1 ธ.ค. 63) เวลา 08.30 น. ก่อนการประชุมคณะรัฐมนตรี นายกรัฐมนตรีเยี่ยมชมนิทรรศการ ณ ตึกสันติไมตรี",
     "2020-12-01", NO_EVENT, "meeting", NULL, NULL, NULL, NULL, 0},
    {"class 8: a company named in a party's place by its short name",
     "นายอนุทิน ตรวจเยี่ยมบริษัท หัวเว่ย เทคโนโลยี่ (ประเทศไทย) จำกัด\nกรมการแพทย์ ได้ลงนามความร่วมมือกับหัวเว่ย "
     "เมื่อวันที่ 22 กันยายน 2564",
     "2021-10-28", ROLE, "agreement", "บริษัท หัวเว่ย เทคโนโลยี่ (ประเทศไทย) จำกัด", "signatory", NULL,
     NULL, 1},
    {"empty text", "", NULL, STATUS, NULL, NULL, NULL, NULL, NULL, TG_ERR_EMPTY},
    {"blank text", " \n\t ", NULL, STATUS, NULL, NULL, NULL, NULL, NULL, TG_ERR_EMPTY},
    {"invalid UTF-8", "\xe0\xb8", NULL, STATUS, NULL, NULL, NULL, NULL, NULL, TG_ERR_INVALID_UTF8},
    {"overlong UTF-8", "\xc0\xaf", NULL, STATUS, NULL, NULL, NULL, NULL, NULL, TG_ERR_INVALID_UTF8},
};

static char *read_seed(const char *prefix, size_t *len)
{
    DIR *dir = opendir("seeds");
    ck_assert_msg(dir != NULL, "seeds/ not found (run from the project root)");
    char path[512] = "";
    for (struct dirent *de; (de = readdir(dir));)
        if (strncmp(de->d_name, prefix, strlen(prefix)) == 0 && de->d_name[3] == '_')
            snprintf(path, sizeof path, "seeds/%s", de->d_name);
    closedir(dir);
    ck_assert_msg(path[0], "no seed %s", prefix);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(fread(text, 1, (size_t)n, f), n);
    fclose(f);
    *len = (size_t)n;
    return text;
}

static struct tg_date parse_context(const char *iso)
{
    struct tg_date d = {0, 0, 0, TG_DATE_PRECISION_NONE};
    if (iso && sscanf(iso, "%d-%d-%d", &d.year, &d.month, &d.day) == 3)
        d.precision = TG_DATE_PRECISION_DAY;
    return d;
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static long find_org(const struct tg_extract_result *r, const char *name)
{
    for (size_t i = 0; i < r->organisation_count; i++)
        if (same(r->organisations[i].name, name))
            return (long)i;
    return -1;
}

static bool in_list(char **list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (same(list[i], s))
            return true;
    return false;
}

static void check_org(const struct extract_case *c, const struct tg_extract_result *r)
{
    long i = find_org(r, c->a);
    ck_assert_msg(i >= 0, "%s: no organisation %s", c->label, c->a);
    const struct tg_extract_organisation *o = &r->organisations[i];
    ck_assert_msg(!c->b || in_list(o->abbreviations, o->abbreviation_count, c->b),
                  "%s: %s lacks abbreviation %s", c->label, c->a, c->b);
    ck_assert_msg(!c->c || same(o->kind, c->c), "%s: kind %s", c->label, o->kind);
    ck_assert_msg(!c->d || same(o->parent_name, c->d), "%s: parent %s", c->label,
                  o->parent_name ? o->parent_name : "(none)");
    ck_assert_msg(!c->e || in_list(o->aliases, o->alias_count, c->e), "%s: no alias %s", c->label,
                  c->e);
}

static void check_no_position(const struct extract_case *c, const struct tg_extract_result *r)
{
    for (size_t i = 0; i < r->person_count; i++) {
        const struct tg_extract_person *p = &r->people[i];
        for (size_t k = 0; same(p->name, c->a) && k < p->position_count; k++) {
            long o = p->positions[k].organisation;
            bool bare = same(c->d, "-");
            ck_assert_msg(
                !same(p->positions[k].title, c->c) ||
                    (bare ? o >= 0 : c->d && !same(o >= 0 ? r->organisations[o].name : NULL, c->d)),
                "%s: %s holds %s at %s", c->label, c->a, c->c, c->d);
        }
    }
}

static void check_person(const struct extract_case *c, const struct tg_extract_result *r)
{
    const struct tg_extract_person *p = NULL;
    for (size_t i = 0; i < r->person_count; i++)
        if (same(r->people[i].name, c->a))
            p = &r->people[i];
    ck_assert_msg(p != NULL, "%s: no person %s", c->label, c->a);
    ck_assert_msg(c->b ? same(p->honorific, c->b) : !p->honorific, "%s: honorific %s", c->label,
                  p->honorific ? p->honorific : "(none)");
    ck_assert_msg((int)p->mention_count >= c->n, "%s: %zu mentions", c->label, p->mention_count);
    if (!c->c)
        return;
    bool found = false;
    for (size_t k = 0; k < p->position_count; k++) {
        const struct tg_extract_position *pos = &p->positions[k];
        if (!same(pos->title, c->c))
            continue;
        const char *org = pos->organisation >= 0 ? r->organisations[pos->organisation].name : NULL;
        if (c->d ? !same(org, c->d) : org != NULL)
            continue;
        char iso[11];
        tg_date_format_iso(&pos->as_of, iso);
        ck_assert_msg(!c->e || strcmp(iso, c->e) == 0, "%s: as of %s", c->label, iso);
        found = true;
    }
    ck_assert_msg(found, "%s: no position %s at %s", c->label, c->c, c->d ? c->d : "-");
}

static const char *place_name(const struct tg_extract_result *r, long i)
{
    return i >= 0 ? r->places[i].name : NULL;
}

static void check_place(const struct extract_case *c, const struct tg_extract_result *r)
{
    for (size_t i = 0; i < r->place_count; i++)
        if (same(r->places[i].name, c->a)) {
            ck_assert_msg(same(r->places[i].kind, c->b), "%s: kind %s", c->label,
                          r->places[i].kind);
            ck_assert_msg(!c->c || same(place_name(r, r->places[i].within), c->c),
                          "%s: not within %s", c->label, c->c);
            return;
        }
    ck_abort_msg("%s: no place %s", c->label, c->a);
}

static void check_programme(const struct extract_case *c, const struct tg_extract_result *r)
{
    for (size_t i = 0; i < r->programme_count; i++)
        if (same(r->programmes[i].name, c->a)) {
            ck_assert_msg(!c->b ||
                              in_list(r->programmes[i].aliases, r->programmes[i].alias_count, c->b),
                          "%s: no alias %s", c->label, c->b);
            return;
        }
    ck_abort_msg("%s: no programme %s", c->label, c->a);
}

static bool takes_part(const struct tg_extract_result *r, const struct tg_extract_event *e,
                       const char *org)
{
    for (size_t k = 0; k < e->organisation_count; k++)
        if (same(r->organisations[e->organisations[k].entity].name, org))
            return true;
    return false;
}

static void check_event(const struct extract_case *c, const struct tg_extract_result *r)
{
    for (size_t i = 0; i < r->event_count; i++) {
        const struct tg_extract_event *e = &r->events[i];
        char iso[11];
        tg_date_format_iso(&e->date, iso);
        if (!same(tg_extract_event_kind_name(e->kind), c->a) ||
            (c->b ? strcmp(iso, c->b) != 0 : iso[0] != '\0'))
            continue;
        ck_assert_msg(!c->c || same(place_name(r, e->place), c->c), "%s: place %s", c->label,
                      place_name(r, e->place) ? place_name(r, e->place) : "(none)");
        ck_assert_msg(!c->d || takes_part(r, e, c->d), "%s: %s takes no part", c->label, c->d);
        ck_assert_msg(!c->e || takes_part(r, e, c->e), "%s: %s takes no part", c->label, c->e);
        ck_assert_msg(e->collaboration == (c->n != 0), "%s: collaboration %d", c->label,
                      e->collaboration);
        ck_assert_msg(e->sentence && e->evidence.end > e->evidence.start, "%s: no evidence",
                      c->label);
        return;
    }
    ck_abort_msg("%s: no %s event on %s", c->label, c->a, c->b ? c->b : "(no date)");
}

static void check_role(const struct extract_case *c, const struct tg_extract_result *r)
{
    for (size_t i = 0; i < r->event_count; i++) {
        const struct tg_extract_event *e = &r->events[i];
        if (!same(tg_extract_event_kind_name(e->kind), c->a))
            continue;
        const char *role = "none";
        for (size_t k = 0; k < e->organisation_count; k++)
            if (same(r->organisations[e->organisations[k].entity].name, c->b))
                role = tg_extract_role_name(e->organisations[k].role);
        ck_assert_msg(same(role, c->c), "%s: %s is %s", c->label, c->b, role);
        ck_assert_msg(e->collaboration == (c->n != 0), "%s: collaboration %d", c->label,
                      e->collaboration);
        return;
    }
    ck_abort_msg("%s: no %s event", c->label, c->a);
}

static void check_mention(const struct extract_case *c, const struct tg_extract_result *r)
{
    for (size_t i = 0; i < r->mention_count; i++) {
        const struct tg_extract_mention *m = &r->mentions[i];
        if (!same(tg_extract_type_name(m->type), c->a) || !same(m->surface, c->b))
            continue;
        const char *target = m->value;
        if (m->type == TG_EXTRACT_ORGANISATION)
            target = r->organisations[m->entity].name;
        else if (m->type == TG_EXTRACT_PERSON)
            target = r->people[m->entity].name;
        else if (m->type == TG_EXTRACT_PLACE)
            target = r->places[m->entity].name;
        if (same(target, c->c)) {
            ck_assert_int_lt(m->start, m->end);
            ck_assert_int_lt(m->byte_start, m->byte_end);
            return;
        }
    }
    ck_abort_msg("%s: no %s mention %s of %s", c->label, c->a, c->b, c->c);
}

/* Made once, before the cases fork: loading the tagger and the gazetteer costs more than most
 * cases, and a loaded machine otherwise runs the table past its time limit. */
static struct tg_extract *shared_ex;

START_TEST(test_extract_cases)
{
    const struct extract_case *c = &cases[_i];
    struct tg_extract *ex = shared_ex;
    ck_assert_ptr_nonnull(ex);
    size_t len = strlen(c->source);
    char *text =
        strncmp(c->source, "seed:", 5) == 0 ? read_seed(c->source + 5, &len) : strdup(c->source);
    struct tg_date ctx = parse_context(c->context);
    struct tg_extract_range range = {0, 0};
    const char *furniture = c->check == EXCLUDED ? c->b : c->check == ROLE ? c->e : NULL;
    if (furniture) {
        const char *hit = strstr(text, furniture);
        ck_assert_ptr_nonnull(hit);
        range = (struct tg_extract_range){(size_t)(hit - text),
                                          (size_t)(hit - text) + strlen(furniture)};
    }
    struct tg_extract_result *r = NULL;
    enum tg_status st = tg_extract_document(ex, text, len, furniture ? &range : NULL,
                                            furniture != NULL, c->context ? &ctx : NULL, &r);
    if (c->check == STATUS) {
        ck_assert_msg(st == (enum tg_status)c->n, "%s: status %s", c->label, tg_status_name(st));
        ck_assert_ptr_null(r);
    } else {
        ck_assert_msg(st == TG_OK, "%s: status %s", c->label, tg_status_name(st));
        for (size_t i = 1; i < r->mention_count; i++)
            ck_assert_int_le(r->mentions[i - 1].start, r->mentions[i].start);
        bool found = false;
        switch (c->check) {
        case ORG:
            check_org(c, r);
            break;
        case NO_ORG:
        case EXCLUDED:
            ck_assert_msg(find_org(r, c->a) < 0, "%s: %s is an organisation", c->label, c->a);
            break;
        case PERSON:
            check_person(c, r);
            break;
        case NO_PERSON:
            for (size_t i = 0; i < r->person_count; i++)
                ck_assert_msg(!same(r->people[i].name, c->a), "%s: %s is a person", c->label, c->a);
            break;
        case NO_POSITION:
            check_no_position(c, r);
            break;
        case PLACE:
            check_place(c, r);
            break;
        case PROGRAMME:
            check_programme(c, r);
            break;
        case EVENT:
            check_event(c, r);
            break;
        case ROLE:
            check_role(c, r);
            break;
        case NO_EVENT:
            for (size_t i = 0; i < r->event_count; i++) {
                char iso[11];
                tg_date_format_iso(&r->events[i].date, iso);
                found = found || (same(tg_extract_event_kind_name(r->events[i].kind), c->a) &&
                                  (!c->b || same(iso, c->b)));
            }
            ck_assert_msg(!found, "%s: a %s event", c->label, c->a);
            break;
        case MENTION:
            check_mention(c, r);
            break;
        case NO_MENTION:
            for (size_t i = 0; i < r->mention_count; i++)
                ck_assert_msg(!same(tg_extract_type_name(r->mentions[i].type), c->a) ||
                                  !same(r->mentions[i].surface, c->b),
                              "%s: a %s mention %s", c->label, c->a, c->b);
            break;
        case STATUS:
            break;
        }
    }
    tg_extract_result_free(r);
    free(text);
}
END_TEST

START_TEST(test_mentions_never_overlap)
{
    static const char *const seeds[] = {"000", "001", "002", "003", "004"};
    struct tg_extract *ex = NULL;
    ck_assert_int_eq(tg_extract_new(&ex, NULL), TG_OK);
    size_t len;
    char *text = read_seed(seeds[_i], &len);
    struct tg_extract_result *r = NULL;
    ck_assert_int_eq(tg_extract_document(ex, text, len, NULL, 0, NULL, &r), TG_OK);
    size_t last_end = 0;
    for (size_t i = 0; i < r->mention_count; i++) {
        const struct tg_extract_mention *m = &r->mentions[i];
        ck_assert_int_eq(memcmp(text + m->byte_start, m->surface, m->byte_end - m->byte_start), 0);
        if (m->type > TG_EXTRACT_PROGRAMME)
            continue;
        ck_assert_msg(m->byte_start >= last_end, "seed %s: %s overlaps", seeds[_i], m->surface);
        last_end = m->byte_end;
    }
    for (size_t i = 0; i < r->organisation_count; i++) {
        char *key = tg_text_key(r->organisations[i].name, strlen(r->organisations[i].name));
        ck_assert_str_eq(key, r->organisations[i].key);
        free(key);
    }
    tg_extract_result_free(r);
    free(text);
    tg_extract_free(ex);
}
END_TEST

/* issue 9: a long chain of English titles joined with and, none with a body, is read in a
 * bounded loop: the read once recursed per and (a crafted line could overflow a worker's stack)
 * and was retried at every token. */
START_TEST(test_long_title_chain)
{
    static const char link[] = "Minister and ";
    static const char tail[] = "Minister of Zyxwv at Qrstu said.";
    enum { REPEATS = 20000 };
    size_t len = REPEATS * (sizeof link - 1) + sizeof tail - 1;
    char *text = malloc(len + 1);
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < REPEATS; i++)
        memcpy(text + i * (sizeof link - 1), link, sizeof link - 1);
    memcpy(text + REPEATS * (sizeof link - 1), tail, sizeof tail);
    struct tg_extract_result *r = NULL;
    ck_assert_int_eq(tg_extract_document(shared_ex, text, len, NULL, 0, NULL, &r), TG_OK);
    for (size_t i = 0; i < r->person_count; i++)
        ck_assert_uint_eq(r->people[i].position_count, 0);
    tg_extract_result_free(r);
    free(text);
}
END_TEST

START_TEST(test_bad_arguments)
{
    struct tg_extract *ex = NULL;
    ck_assert_int_eq(tg_extract_new(&ex, NULL), TG_OK);
    struct tg_extract_result *r = NULL;
    struct tg_extract_range past = {0, 99};
    ck_assert_int_eq(tg_extract_document(ex, "กรม", 9, &past, 1, NULL, &r),
                     TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_extract_document(ex, "กรม", 9, NULL, 0, NULL, NULL),
                     TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_extract_document(ex, "a\0b", 3, NULL, 0, NULL, &r), TG_ERR_INVALID_UTF8);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(tg_extract_new(NULL, NULL), TG_ERR_INVALID_ARGUMENT);
    tg_extract_free(ex);
    tg_extract_free(NULL);
    tg_extract_result_free(NULL);
}
END_TEST

/* One test case per kind of check, so a failure report says which kind broke. */
static TCase *timed_case(Suite *suite, const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(suite, tc);
    return tc;
}

int main(void)
{
    if (tg_extract_new(&shared_ex, NULL) != TG_OK)
        return 1;
    Suite *suite = suite_create("extract");
    tcase_add_loop_test(timed_case(suite, "read off the articles"), test_extract_cases, 0,
                        (int)(sizeof cases / sizeof cases[0]));
    tcase_add_loop_test(timed_case(suite, "mention invariants"), test_mentions_never_overlap, 0, 5);
    tcase_add_test(timed_case(suite, "arguments"), test_bad_arguments);
    tcase_add_test(timed_case(suite, "long title chain"), test_long_title_chain);
    int status = tgt_run_suite(suite);
    tg_extract_free(shared_ex);
    return status;
}
