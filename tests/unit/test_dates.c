#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "thaigraph/dates.h"
#include "thaigraph/numbers.h"
#include "suite.h"

/* One text and the match number `index` expected in it; count 0 means no date at all. Spans
 * are code-point offsets and the text they cover. */
struct date_case {
    const char *text;
    int context_year;
    size_t count;
    size_t index;
    const char *first;
    const char *last;
    enum tg_date_precision precision;
    size_t start, end;
    const char *span;
};

static const struct date_case date_cases[] = {
    /* issue 10 (throughput): a date glued to the Thai word before it is still read, whichever
     * of the two-letter openers the scan's filter lets through begins it. */
    {"จัดขึ้นม.ค. 2555", 0, 1, 0, "2012-01", "2012-01", TG_DATE_PRECISION_MONTH, 7, 16, "ม.ค. 2555"},
    {"ภายในสิ้นเดือนกันยายน 2555", 0, 1, 0, "2012-09-30", "2012-09-30", TG_DATE_PRECISION_DAY, 5, 26,
     "สิ้นเดือนกันยายน 2555"},
    {"ตั้งแต่มีนาคม 2555", 0, 1, 0, "2012-03", "2012-03", TG_DATE_PRECISION_MONTH, 7, 18, "มีนาคม 2555"},
    {"22 ธ.ค.", 2011, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 7, "22 ธ.ค."},
    {"22 ธ.ค.", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"30 มิ.ย. 58", 0, 1, 0, "2015-06-30", "2015-06-30", TG_DATE_PRECISION_DAY, 0, 11, "30 มิ.ย. 58"},
    {"24 ส.ค.63", 0, 1, 0, "2020-08-24", "2020-08-24", TG_DATE_PRECISION_DAY, 0, 9, "24 ส.ค.63"},
    {"2 พฤศจิกายน 2553", 0, 1, 0, "2010-11-02", "2010-11-02", TG_DATE_PRECISION_DAY, 0, 16,
     "2 พฤศจิกายน 2553"},
    {"วันอังคารที่ 2 พฤษภาคม 2560", 0, 1, 0, "2017-05-02", "2017-05-02", TG_DATE_PRECISION_DAY, 13, 27,
     "2 พฤษภาคม 2560"},
    {"วันนี้ (2 พ.ค. 60)", 0, 2, 1, "2017-05-02", "2017-05-02", TG_DATE_PRECISION_DAY, 8, 17,
     "2 พ.ค. 60"},
    {"ระหว่างเดือนมกราคมถึงกันยายน ๒๕๕๕", 0, 1, 0, "2012-01", "2012-09", TG_DATE_PRECISION_MONTH, 12,
     33, "มกราคมถึงกันยายน ๒๕๕๕"},
    {"ช่วงเดือนตุลาคม ๒๕๕๕", 0, 1, 0, "2012-10", "2012-10", TG_DATE_PRECISION_MONTH, 9, 20,
     "ตุลาคม ๒๕๕๕"},
    {"ตั้งแต่ปี 2554", 0, 1, 0, "2011", "2011", TG_DATE_PRECISION_YEAR, 10, 14, "2554"},
    {"ในปี 2554", 0, 1, 0, "2011", "2011", TG_DATE_PRECISION_YEAR, 5, 9, "2554"},
    {"ปีงบประมาณ พ.ศ.2564", 0, 1, 0, "2021", "2021", TG_DATE_PRECISION_YEAR, 15, 19, "2564"},
    {"พ.ศ. 2564", 0, 1, 0, "2021", "2021", TG_DATE_PRECISION_YEAR, 5, 9, "2564"},
    {"Thursday December 22, 2011", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 9,
     26, "December 22, 2011"},
    {"December 22, 2011", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 17,
     "December 22, 2011"},
    {"22/12/2554", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 10, "22/12/2554"},
    {"22/12/2011", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 10, "22/12/2011"},
    {"ค.ศ. 2011", 0, 1, 0, "2011", "2011", TG_DATE_PRECISION_YEAR, 5, 9, "2011"},
    {"22-12-2554", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 10, "22-12-2554"},
    {"22-12-2011", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 10, "22-12-2011"},
    {"๒๒ ธ.ค.", 2011, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 7, "๒๒ ธ.ค."},
    {"๓๐ มิ.ย. ๕๘", 0, 1, 0, "2015-06-30", "2015-06-30", TG_DATE_PRECISION_DAY, 0, 11, "๓๐ มิ.ย. ๕๘"},
    {"๒๔ ส.ค.๖๓", 0, 1, 0, "2020-08-24", "2020-08-24", TG_DATE_PRECISION_DAY, 0, 9, "๒๔ ส.ค.๖๓"},
    {"๒ พฤศจิกายน ๒๕๕๓", 0, 1, 0, "2010-11-02", "2010-11-02", TG_DATE_PRECISION_DAY, 0, 16,
     "๒ พฤศจิกายน ๒๕๕๓"},
    {"วันอังคารที่ ๒ พฤษภาคม ๒๕๖๐", 0, 1, 0, "2017-05-02", "2017-05-02", TG_DATE_PRECISION_DAY, 13, 27,
     "๒ พฤษภาคม ๒๕๖๐"},
    {"ในปี ๒๕๕๔", 0, 1, 0, "2011", "2011", TG_DATE_PRECISION_YEAR, 5, 9, "๒๕๕๔"},
    {"พ.ศ.๒๕๖๔", 0, 1, 0, "2021", "2021", TG_DATE_PRECISION_YEAR, 4, 8, "๒๕๖๔"},
    {"๒๒/๑๒/๒๕๕๔", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 10, "๒๒/๑๒/๒๕๕๔"},
    {"ค.ศ. ๒๐๑๑", 0, 1, 0, "2011", "2011", TG_DATE_PRECISION_YEAR, 5, 9, "๒๐๑๑"},
    {"๒๒-๑๒-๒๕๕๔", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 10, "๒๒-๑๒-๒๕๕๔"},
    {"31 มกราคม 2555", 0, 1, 0, "2012-01-31", "2012-01-31", TG_DATE_PRECISION_DAY, 0, 14,
     "31 มกราคม 2555"},
    {"29 กุมภาพันธ์ 2555", 0, 1, 0, "2012-02-29", "2012-02-29", TG_DATE_PRECISION_DAY, 0, 18,
     "29 กุมภาพันธ์ 2555"},
    {"31 มีนาคม 2555", 0, 1, 0, "2012-03-31", "2012-03-31", TG_DATE_PRECISION_DAY, 0, 14,
     "31 มีนาคม 2555"},
    {"30 เมษายน 2555", 0, 1, 0, "2012-04-30", "2012-04-30", TG_DATE_PRECISION_DAY, 0, 14,
     "30 เมษายน 2555"},
    {"31 พฤษภาคม 2555", 0, 1, 0, "2012-05-31", "2012-05-31", TG_DATE_PRECISION_DAY, 0, 15,
     "31 พฤษภาคม 2555"},
    {"30 มิถุนายน 2555", 0, 1, 0, "2012-06-30", "2012-06-30", TG_DATE_PRECISION_DAY, 0, 16,
     "30 มิถุนายน 2555"},
    {"31 กรกฎาคม 2555", 0, 1, 0, "2012-07-31", "2012-07-31", TG_DATE_PRECISION_DAY, 0, 15,
     "31 กรกฎาคม 2555"},
    {"31 สิงหาคม 2555", 0, 1, 0, "2012-08-31", "2012-08-31", TG_DATE_PRECISION_DAY, 0, 15,
     "31 สิงหาคม 2555"},
    {"30 กันยายน 2555", 0, 1, 0, "2012-09-30", "2012-09-30", TG_DATE_PRECISION_DAY, 0, 15,
     "30 กันยายน 2555"},
    {"31 ตุลาคม 2555", 0, 1, 0, "2012-10-31", "2012-10-31", TG_DATE_PRECISION_DAY, 0, 14,
     "31 ตุลาคม 2555"},
    {"30 พฤศจิกายน 2555", 0, 1, 0, "2012-11-30", "2012-11-30", TG_DATE_PRECISION_DAY, 0, 17,
     "30 พฤศจิกายน 2555"},
    {"31 ธันวาคม 2555", 0, 1, 0, "2012-12-31", "2012-12-31", TG_DATE_PRECISION_DAY, 0, 15,
     "31 ธันวาคม 2555"},
    {"1 ม.ค. 55", 0, 1, 0, "2012-01-01", "2012-01-01", TG_DATE_PRECISION_DAY, 0, 9, "1 ม.ค. 55"},
    {"2 ก.พ. 55", 0, 1, 0, "2012-02-02", "2012-02-02", TG_DATE_PRECISION_DAY, 0, 9, "2 ก.พ. 55"},
    {"3 มี.ค. 55", 0, 1, 0, "2012-03-03", "2012-03-03", TG_DATE_PRECISION_DAY, 0, 10, "3 มี.ค. 55"},
    {"4 เม.ย. 55", 0, 1, 0, "2012-04-04", "2012-04-04", TG_DATE_PRECISION_DAY, 0, 10, "4 เม.ย. 55"},
    {"5 พ.ค. 55", 0, 1, 0, "2012-05-05", "2012-05-05", TG_DATE_PRECISION_DAY, 0, 9, "5 พ.ค. 55"},
    {"6 มิ.ย. 55", 0, 1, 0, "2012-06-06", "2012-06-06", TG_DATE_PRECISION_DAY, 0, 10, "6 มิ.ย. 55"},
    {"7 ก.ค. 55", 0, 1, 0, "2012-07-07", "2012-07-07", TG_DATE_PRECISION_DAY, 0, 9, "7 ก.ค. 55"},
    {"8 ส.ค. 55", 0, 1, 0, "2012-08-08", "2012-08-08", TG_DATE_PRECISION_DAY, 0, 9, "8 ส.ค. 55"},
    {"9 ก.ย. 55", 0, 1, 0, "2012-09-09", "2012-09-09", TG_DATE_PRECISION_DAY, 0, 9, "9 ก.ย. 55"},
    {"10 ต.ค. 55", 0, 1, 0, "2012-10-10", "2012-10-10", TG_DATE_PRECISION_DAY, 0, 10, "10 ต.ค. 55"},
    {"11 พ.ย. 55", 0, 1, 0, "2012-11-11", "2012-11-11", TG_DATE_PRECISION_DAY, 0, 10, "11 พ.ย. 55"},
    {"12 ธ.ค. 55", 0, 1, 0, "2012-12-12", "2012-12-12", TG_DATE_PRECISION_DAY, 0, 10, "12 ธ.ค. 55"},
    {"1 ม.ค 2555", 0, 1, 0, "2012-01-01", "2012-01-01", TG_DATE_PRECISION_DAY, 0, 10, "1 ม.ค 2555"},
    {"1 มค. 2555", 0, 1, 0, "2012-01-01", "2012-01-01", TG_DATE_PRECISION_DAY, 0, 10, "1 มค. 2555"},
    {"1 มค 2555", 0, 1, 0, "2012-01-01", "2012-01-01", TG_DATE_PRECISION_DAY, 0, 9, "1 มค 2555"},
    {"1 ม. ค. 2555", 0, 1, 0, "2012-01-01", "2012-01-01", TG_DATE_PRECISION_DAY, 0, 12,
     "1 ม. ค. 2555"},
    {"January 5, 2012", 0, 1, 0, "2012-01-05", "2012-01-05", TG_DATE_PRECISION_DAY, 0, 15,
     "January 5, 2012"},
    {"Feb 29, 2012", 0, 1, 0, "2012-02-29", "2012-02-29", TG_DATE_PRECISION_DAY, 0, 12,
     "Feb 29, 2012"},
    {"March 2012", 0, 1, 0, "2012-03", "2012-03", TG_DATE_PRECISION_MONTH, 0, 10, "March 2012"},
    {"Apr 1, 2012", 0, 1, 0, "2012-04-01", "2012-04-01", TG_DATE_PRECISION_DAY, 0, 11,
     "Apr 1, 2012"},
    {"in May 2011.", 0, 1, 0, "2011-05", "2011-05", TG_DATE_PRECISION_MONTH, 3, 11, "May 2011"},
    {"June 30, 2015", 0, 1, 0, "2015-06-30", "2015-06-30", TG_DATE_PRECISION_DAY, 0, 13,
     "June 30, 2015"},
    {"Jul 4 2012", 0, 1, 0, "2012-07-04", "2012-07-04", TG_DATE_PRECISION_DAY, 0, 10, "Jul 4 2012"},
    {"August 8, 2012", 0, 1, 0, "2012-08-08", "2012-08-08", TG_DATE_PRECISION_DAY, 0, 14,
     "August 8, 2012"},
    {"Sept. 3rd, 2012", 0, 1, 0, "2012-09-03", "2012-09-03", TG_DATE_PRECISION_DAY, 0, 15,
     "Sept. 3rd, 2012"},
    {"Oct 10, 2012", 0, 1, 0, "2012-10-10", "2012-10-10", TG_DATE_PRECISION_DAY, 0, 12,
     "Oct 10, 2012"},
    {"November 2, 2010", 0, 1, 0, "2010-11-02", "2010-11-02", TG_DATE_PRECISION_DAY, 0, 16,
     "November 2, 2010"},
    {"Dec. 22, 2011", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 13,
     "Dec. 22, 2011"},
    {"22 December 2011", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 16,
     "22 December 2011"},
    {"Friday, January 13, 2017", 0, 1, 0, "2017-01-13", "2017-01-13", TG_DATE_PRECISION_DAY, 8, 24,
     "January 13, 2017"},
    {"เมื่อวันที่ 30 มิ.ย. 58 ที่ ห้องประชุมรัตนโกสินทร์", 0, 1, 0, "2015-06-30", "2015-06-30",
     TG_DATE_PRECISION_DAY, 12, 23, "30 มิ.ย. 58"},
    {"กรุงเทพฯ--22 ธ.ค.--พม. พม.จับมือ สสส.", 2011, 1, 0, "2011-12-22", "2011-12-22",
     TG_DATE_PRECISION_DAY, 10, 17, "22 ธ.ค."},
    {"ข่าวทั่วไป Thursday December 22, 2011 11:00 —ThaiPR.net", 0, 1, 0, "2011-12-22", "2011-12-22",
     TG_DATE_PRECISION_DAY, 20, 37, "December 22, 2011"},
    {"การลงนามความร่วมมือเมื่อวันที่ 2 พฤศจิกายน 2553 ในการขับเคลื่อน", 0, 1, 0, "2010-11-02", "2010-11-02",
     TG_DATE_PRECISION_DAY, 31, 47, "2 พฤศจิกายน 2553"},
    {"ชุมชน และท้องถิ่น ตั้งแต่ปี 2553 เป็นต้นมา", 0, 1, 0, "2010", "2010", TG_DATE_PRECISION_YEAR, 28, 32,
     "2553"},
    {"การดำเนินงานประจำปีงบประมาณ พ.ศ.2564 - หลักธรรมาภิบาล", 0, 1, 0, "2021", "2021",
     TG_DATE_PRECISION_YEAR, 32, 36, "2564"},
    {"วันนี้ (24 ก.ย. 63) เวลา 11.00 น. ที่ห้องแม่น้ำ", 0, 2, 1, "2020-09-24", "2020-09-24",
     TG_DATE_PRECISION_DAY, 8, 18, "24 ก.ย. 63"},
    {"24 กันยายน 2563\n120", 0, 1, 0, "2020-09-24", "2020-09-24", TG_DATE_PRECISION_DAY, 0, 15,
     "24 กันยายน 2563"},
    {"สำหรับในปี 2560 กระทรวงการพัฒนาสังคมฯ", 0, 1, 0, "2017", "2017", TG_DATE_PRECISION_YEAR, 11, 15,
     "2560"},
    {"ในปี 2554 และในปี 2555", 0, 2, 1, "2012", "2012", TG_DATE_PRECISION_YEAR, 18, 22, "2555"},
    {"ในปี 2554”นายวิเชียร เผย", 0, 1, 0, "2011", "2011", TG_DATE_PRECISION_YEAR, 5, 9, "2554"},
    {"เข้าร่วมประชุมรวม ๔๐ คน ณ ห้องคอนเน็ทชั่น ๑ ชั้น ๙", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0,
     NULL},
    {"โดยยึดยุทธศาสตร์ชาติ 20 ปี เป็นแนวทาง", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"การแพร่ระบาดของโรคไวรัสโคโรนา 2019", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"ภายใต้ภาวะปกติใหม่ของ พม. 2564", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"สนับสนุนวิชาการ 1 – 11 จากทั่วประเทศ", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"ครั้งที่ 7 เพื่อส่งเสริม", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"1-5 ม.ค. 2560", 0, 1, 0, "2017-01-01", "2017-01-05", TG_DATE_PRECISION_DAY, 0, 13,
     "1-5 ม.ค. 2560"},
    {"1 - 5 มกราคม 2560", 0, 1, 0, "2017-01-01", "2017-01-05", TG_DATE_PRECISION_DAY, 0, 17,
     "1 - 5 มกราคม 2560"},
    {"มกราคม - มีนาคม 2555", 0, 1, 0, "2012-01", "2012-03", TG_DATE_PRECISION_MONTH, 0, 20,
     "มกราคม - มีนาคม 2555"},
    {"ตุลาคม 2554 - กันยายน 2555", 0, 1, 0, "2011-10", "2012-09", TG_DATE_PRECISION_MONTH, 0, 26,
     "ตุลาคม 2554 - กันยายน 2555"},
    {"ตุลาคม - กันยายน 2555", 0, 1, 0, "2011-10", "2012-09", TG_DATE_PRECISION_MONTH, 0, 21,
     "ตุลาคม - กันยายน 2555"},
    {"ปี 2554-2555", 0, 1, 0, "2011", "2012", TG_DATE_PRECISION_YEAR, 3, 12, "2554-2555"},
    {"30 ธ.ค. 2554 ถึง 2 ม.ค. 2555", 0, 1, 0, "2011-12-30", "2012-01-02", TG_DATE_PRECISION_DAY, 0,
     28, "30 ธ.ค. 2554 ถึง 2 ม.ค. 2555"},
    {"1 ม.ค. - 31 มี.ค. 2555", 0, 1, 0, "2012-01-01", "2012-03-31", TG_DATE_PRECISION_DAY, 0, 22,
     "1 ม.ค. - 31 มี.ค. 2555"},
    {"ระหว่างวันที่ 1-3 ก.พ. 2555", 0, 1, 0, "2012-02-01", "2012-02-03", TG_DATE_PRECISION_DAY, 14, 27,
     "1-3 ก.พ. 2555"},
    {"5-1 ม.ค. 2560", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"2011-12-22", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 0, 10, "2011-12-22"},
    {"วันที่ 22/12/2554", 0, 1, 0, "2011-12-22", "2011-12-22", TG_DATE_PRECISION_DAY, 7, 17,
     "22/12/2554"},
    {"ปี พ.ศ. 2554", 0, 1, 0, "2011", "2011", TG_DATE_PRECISION_YEAR, 8, 12, "2554"},
    {"ปีการศึกษา 2564", 0, 1, 0, "2021", "2021", TG_DATE_PRECISION_YEAR, 11, 15, "2564"},
    {"เดือนมีนา 2555", 0, 1, 0, "2012-03", "2012-03", TG_DATE_PRECISION_MONTH, 5, 14, "มีนา 2555"},
    {"เดือนธันวาคม ปี 2554", 0, 1, 0, "2011-12", "2011-12", TG_DATE_PRECISION_MONTH, 5, 20,
     "ธันวาคม ปี 2554"},
    {"ในเดือนธันวาคม", 2011, 1, 0, "2011-12", "2011-12", TG_DATE_PRECISION_MONTH, 7, 14, "ธันวาคม"},
    {"ในเดือนธันวาคม", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"ธันวาคม 2554", 0, 1, 0, "2011-12", "2011-12", TG_DATE_PRECISION_MONTH, 0, 12, "ธันวาคม 2554"},
    {"พ.ย. 63", 0, 1, 0, "2020-11", "2020-11", TG_DATE_PRECISION_MONTH, 0, 7, "พ.ย. 63"},
    {"วันศุกร์ที่ 13 มกราคม 2560", 0, 1, 0, "2017-01-13", "2017-01-13", TG_DATE_PRECISION_DAY, 12, 26,
     "13 มกราคม 2560"},
    {"วันที่ 29 ก.พ.", 2012, 1, 0, "2012-02-29", "2012-02-29", TG_DATE_PRECISION_DAY, 7, 14,
     "29 ก.พ."},
    {"5 มีนา", 2011, 1, 0, "2011-03-05", "2011-03-05", TG_DATE_PRECISION_DAY, 0, 6, "5 มีนา"},
    {"2 พ.ค. พ.ศ. 2560", 0, 1, 0, "2017-05-02", "2017-05-02", TG_DATE_PRECISION_DAY, 0, 16,
     "2 พ.ค. พ.ศ. 2560"},
    {"12 ธ.ค. 99", 0, 1, 0, "2056-12-12", "2056-12-12", TG_DATE_PRECISION_DAY, 0, 10, "12 ธ.ค. 99"},
    {"ปี 2", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"3,910", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"อ่าน : 3,910", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"2554", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"31 ก.พ. 2555", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"30 ก.พ. 2555", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"29 ก.พ. 2554", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"29 ก.พ.", 2011, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"31 เมษายน 2555", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"32 ม.ค. 2555", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"22/13/2554", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"00/12/2554", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"พ.ศ. 2011", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"ปี 2300", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"22 ธ.ค. 1500", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"มีนา 2555", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"มค 2555", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"ตุลาการ 5 คน", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"1/2/3", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"H5N1 2554", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"Market 2011", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"December", 2011, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"details/3468", 0, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
    {"1,22 ธ.ค.", 2011, 0, 0, NULL, NULL, TG_DATE_PRECISION_NONE, 0, 0, NULL},
};

START_TEST(test_find)
{
    const struct date_case *c = &date_cases[_i];
    struct tg_date_match *matches = NULL;
    size_t count = 99;
    ck_assert_int_eq(tg_dates_find(c->text, strlen(c->text), c->context_year, &matches, &count),
                     TG_OK);
    ck_assert_msg(count == c->count, "%s: %zu dates, expected %zu", c->text, count, c->count);
    if (c->count == 0) {
        ck_assert_ptr_null(matches);
        return;
    }
    const struct tg_date_match *m = &matches[c->index];
    char first[11], last[11];
    ck_assert_uint_eq(tg_date_format_iso(&m->first, first), strlen(c->first));
    tg_date_format_iso(&m->last, last);
    ck_assert_str_eq(first, c->first);
    ck_assert_str_eq(last, c->last);
    ck_assert_int_eq(m->first.precision, c->precision);
    ck_assert_int_eq(m->last.precision, c->precision);
    ck_assert_uint_eq(m->start, c->start);
    ck_assert_uint_eq(m->end, c->end);
    ck_assert_uint_eq(m->byte_end - m->byte_start, strlen(c->span));
    ck_assert(memcmp(c->text + m->byte_start, c->span, strlen(c->span)) == 0);
    free(matches);
}
END_TEST

/*
 * issue 9 (error class 7): dates told from the publication date, and dates whose year the text
 * leaves out, read against the whole context date. Published Tuesday 24 August 2020 unless a
 * case says otherwise; value "" means the text names a date it does not fix.
 */
struct context_case {
    const char *text;
    const char *context; /* ISO, any precision; NULL for none */
    const char *span;    /* the match checked: the first one */
    const char *value;   /* first[/last], "" for precision NONE */
};

static const struct context_case context_cases[] = {
    {"วันนี้ (24 ส.ค.63) เวลา 8.30 น.", "2020-08-24", "วันนี้", "2020-08-24"},
    {"เมื่อวานนี้ นายกฯ ประชุม", "2020-08-24", "เมื่อวานนี้", "2020-08-23"},
    {"ส่วนวันพรุ่งนี้จะเดินทาง", "2020-08-24", "วันพรุ่งนี้", "2020-08-25"},
    {"เมื่อวันอังคารที่ผ่านมา", "2020-08-24", "วันอังคารที่ผ่านมา", "2020-08-18"},
    {"ในวันศุกร์นี้", "2020-08-24", "วันศุกร์นี้", "2020-08-28"},
    {"เมื่อวันที่ 5 ที่ผ่านมา", "2020-08-24", "5", "2020-08-05"},
    {"เมื่อวันที่ 28 ที่ผ่านมา", "2020-08-24", "28", "2020-07-28"},
    {"ในวันที่ 30 นี้", "2020-08-24", "30", "2020-08-30"},
    {"ตั้งแต่ปีที่แล้ว", "2020-08-24", "ปีที่แล้ว", "2019"},
    {"ปีนี้ตั้งเป้า", "2020", "ปีนี้", "2020"},
    {"เดือนที่ผ่านมา", "2020-01-10", "เดือนที่ผ่านมา", "2019-12"},
    {"ภายในสิ้นเดือนกันยายน", "2020-08-24", "สิ้นเดือนกันยายน", "2020-09-30"},
    {"เมื่อปี 62", "2020-08-24", "62", "2019"},
    /* The most recent such day before publication, across a month or a year. */
    {"เมื่อวันที่ 30 ที่ผ่านมา", "2024-03-01", "30", "2024-01-30"},
    {"เมื่อวันที่ 31 ที่ผ่านมา", "2021-01-05", "31", "2020-12-31"},
    {"เมื่อวันเสาร์ที่ผ่านมา", "2024-03-01", "วันเสาร์ที่ผ่านมา", "2024-02-24"},
    {"เมื่อวันศุกร์ที่ผ่านมา", "2024-03-01", "วันศุกร์ที่ผ่านมา", "2024-02-23"},
    {"เมื่อวานนี้", "2021-01-01", "เมื่อวานนี้", "2020-12-31"},
    {"ปี 62 ที่ผ่านมา", "2020-08-24", "62", "2019"},
    {"ในปี62", "2020-08-24", "62", "2019"},
    /* A year left out is the one that puts the date nearest the publication date. */
    {"เมื่อ 28 ธ.ค. มีการประชุม", "2020-01-05", "28 ธ.ค.", "2019-12-28"},
    {"จะจัดในวันที่ 5 ม.ค.", "2020-12-28", "5 ม.ค.", "2021-01-05"},
    {"วันที่ 3 ก.ย.", "2020-08-24", "3 ก.ย.", "2020-09-03"},
    /* The written day in brackets is what วันนี้ meant, a day before publication. */
    {"วันนี้ (28 ธ.ค. 63)", "2020-12-29", "วันนี้", "2020-12-28"},
    /* No publication date: the date is there, but not its value. */
    {"วันนี้ นายกฯ ประชุม", NULL, "วันนี้", ""},
    {"เมื่อ 3 ก.ย. นายกฯ", NULL, "3 ก.ย.", ""},
};

/* Spans of years or months, not dates. */
static const char *const no_date_in_context[] = {
    "ในช่วง 3 ปีที่ผ่านมา",
    "กว่า 6 เดือนที่ผ่านมา",
    "ปีที่ 3 ของโครงการ",
};

static struct tg_date parse_iso(const char *iso)
{
    struct tg_date d = {0};
    if (!iso)
        return d;
    int n = sscanf(iso, "%4d-%2d-%2d", &d.year, &d.month, &d.day);
    d.precision = n == 3   ? TG_DATE_PRECISION_DAY
                  : n == 2 ? TG_DATE_PRECISION_MONTH
                           : TG_DATE_PRECISION_YEAR;
    return d;
}

/* Checks match index of c's text against c's span and value. */
static void check_in_context(const struct context_case *c, size_t index)
{
    struct tg_date context = parse_iso(c->context);
    struct tg_date_match *m = NULL;
    size_t count = 0;
    ck_assert_int_eq(tg_dates_find_in_context(c->text, strlen(c->text),
                                              c->context ? &context : NULL, &m, &count),
                     TG_OK);
    ck_assert_msg(count > index, "%s: no date %zu", c->text, index);
    const struct tg_date_match *at = &m[index];
    ck_assert_msg(at->byte_end - at->byte_start == strlen(c->span) &&
                      memcmp(c->text + at->byte_start, c->span, strlen(c->span)) == 0,
                  "%s: span %.*s, expected %s", c->text, (int)(at->byte_end - at->byte_start),
                  c->text + at->byte_start, c->span);
    char first[11], last[11], value[24];
    tg_date_format_iso(&at->first, first);
    tg_date_format_iso(&at->last, last);
    snprintf(value, sizeof value, strcmp(first, last) ? "%s/%s" : "%s", first, last);
    ck_assert_msg(strcmp(value, c->value) == 0, "%s: value %s, expected %s", c->text, value,
                  c->value);
    free(m);
}

START_TEST(test_in_context)
{
    check_in_context(&context_cases[_i], 0);
}
END_TEST

/*
 * issue 9 (error class 7): the writer's day. A release that goes out days after its "วันนี้
 * (24 ต.ค.67)" tells the relative dates after it from that day, not from the publication day;
 * a bracket far from the publication day is a slip and moves nothing.
 */
struct writers_day_case {
    struct context_case c;
    size_t index; /* which match of the text is checked */
    bool writer;  /* whether the first match is marked as the writer's day */
};

static const struct writers_day_case writers_day_cases[] = {
    {{"วันนี้ (24 ต.ค.67) นายภูมิธรรม ตรวจเยี่ยมกองทัพบก โดยในวันพรุ่งนี้จะเดินทางไปตรวจเยี่ยมกองทัพเรือ",
      "2024-10-28", "วันพรุ่งนี้", "2024-10-25"},
     2,
     true},
    {{"วันนี้ (3 มี.ค. 66) นายกฯ กล่าวว่า เมื่อวานนี้ได้ประชุม", "2023-03-06", "เมื่อวานนี้", "2023-03-02"},
     2,
     true},
    {{"วันนี้ (24 ต.ค.67) นายกฯ กล่าวว่า เมื่อวันเสาร์ที่ผ่านมา ได้ประชุม", "2024-10-28", "วันเสาร์ที่ผ่านมา",
      "2024-10-19"},
     2,
     true},
    /* Another relative day in brackets gives the writer's day less its own shift. */
    {{"เมื่อวานนี้ (26 เม.ย.64) นายกฯ ประชุม และวันนี้ ตรวจเยี่ยม", "2021-04-28", "วันนี้", "2021-04-27"},
     2,
     true},
    {{"วันพรุ่งนี้ (25 ต.ค.67) นายกฯ จะประชุม เมื่อวานนี้ ได้ตรวจเยี่ยม", "2024-10-28", "เมื่อวานนี้", "2024-10-23"},
     2,
     true},
    /* Across a year's end. */
    {{"วันนี้ (31 ธ.ค. 66) นายกฯ กล่าวว่า พรุ่งนี้จะประชุม", "2024-01-02", "พรุ่งนี้", "2024-01-01"}, 2, true},
    /* Before the bracket, the publication day still counts. */
    {{"เมื่อวานนี้ นายกฯ ประชุม และวันนี้ (24 ต.ค.67) ตรวจเยี่ยม", "2024-10-28", "เมื่อวานนี้", "2024-10-27"},
     0,
     false},
    /* Seven months off the publication day: a slip, not the writer's day. */
    {{"วันนี้ (10 พ.ค. 66) นายกฯ กล่าวว่า เมื่อวานนี้ได้ประชุม", "2023-12-10", "เมื่อวานนี้", "2023-12-09"},
     2,
     false},
};

START_TEST(test_writers_day)
{
    const struct writers_day_case *w = &writers_day_cases[_i];
    check_in_context(&w->c, w->index);
    struct tg_date context = parse_iso(w->c.context);
    struct tg_date_match *m = NULL;
    size_t count = 0;
    ck_assert_int_eq(tg_dates_find_in_context(w->c.text, strlen(w->c.text), &context, &m, &count),
                     TG_OK);
    ck_assert_msg(count > 0 && m[0].writers_day == w->writer, "%s: writer's day %d, expected %d",
                  w->c.text, count > 0 && m[0].writers_day, w->writer);
    free(m);
}
END_TEST

START_TEST(test_no_date_in_context)
{
    const char *text = no_date_in_context[_i];
    struct tg_date context = parse_iso("2020-08-24");
    struct tg_date_match *m = NULL;
    size_t count = 0;
    ck_assert_int_eq(tg_dates_find_in_context(text, strlen(text), &context, &m, &count), TG_OK);
    ck_assert_msg(count == 0, "%s: %zu dates", text, count);
    free(m);
}
END_TEST

/* Malformed UTF-8 never contains a NUL, so strlen gives each case its length. */
static const char *const bad_cases[] = {
    "22 ธ.ค. \xFF",
    "\xE0\xB8",                      /* truncated Thai letter */
    "ปี 2554 \xC0\xAF",               /* overlong '/' */
    "\xED\xA0\x80 2554",             /* surrogate */
    "22 \xE0\xB9\x99\x80",           /* stray continuation byte after a Thai digit */
    "วันที่ 2 พ.ค. 60\xF4\x90\x80\x80", /* past U+10FFFF */
};

START_TEST(test_invalid_utf8)
{
    const char *bytes = bad_cases[_i];
    struct tg_date_match *matches = (struct tg_date_match *)1;
    size_t count = 99;
    ck_assert_int_eq(tg_dates_find(bytes, strlen(bytes), 2011, &matches, &count),
                     TG_ERR_INVALID_UTF8);
    ck_assert_ptr_null(matches);
    ck_assert_uint_eq(count, 0);
}
END_TEST

START_TEST(test_empty_and_arguments)
{
    struct tg_date_match *matches = (struct tg_date_match *)1;
    size_t count = 99;
    ck_assert_int_eq(tg_dates_find("", 0, 0, &matches, &count), TG_OK);
    ck_assert_ptr_null(matches);
    ck_assert_uint_eq(count, 0);
    ck_assert_int_eq(tg_dates_find(NULL, 0, 2011, &matches, &count), TG_OK);
    ck_assert_uint_eq(count, 0);
    ck_assert_int_eq(tg_dates_find(NULL, 3, 0, &matches, &count), TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_dates_find("ปี 2554", 10, 0, NULL, &count), TG_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(tg_dates_find("ปี 2554", 10, 0, &matches, NULL), TG_ERR_INVALID_ARGUMENT);
    /* A Buddhist-era context year is a caller's slip, not a year to trust. */
    ck_assert_int_eq(tg_dates_find("22 ธ.ค.", 10, 2554, &matches, &count), TG_ERR_INVALID_ARGUMENT);
}
END_TEST

struct format_case {
    struct tg_date date;
    const char *iso;
};

static const struct format_case format_cases[] = {
    {{2015, 6, 30, TG_DATE_PRECISION_DAY}, "2015-06-30"},
    {{2012, 10, 0, TG_DATE_PRECISION_MONTH}, "2012-10"},
    {{2011, 0, 0, TG_DATE_PRECISION_YEAR}, "2011"},
    {{2011, 12, 22, TG_DATE_PRECISION_NONE}, ""},
    {{1900, 1, 1, TG_DATE_PRECISION_DAY}, "1900-01-01"},
};

START_TEST(test_format_iso)
{
    const struct format_case *c = &format_cases[_i];
    char buf[11];
    ck_assert_uint_eq(tg_date_format_iso(&c->date, buf), strlen(c->iso));
    ck_assert_str_eq(buf, c->iso);
}
END_TEST

struct valid_case {
    int year, month, day;
    bool valid;
};

static const struct valid_case valid_cases[] = {
    {2012, 2, 29, true},  {2011, 2, 29, false}, {2000, 2, 29, true},  {1900, 2, 29, false},
    {2011, 4, 31, false}, {2011, 12, 31, true}, {2011, 13, 1, false}, {2011, 1, 0, false},
};

START_TEST(test_valid_day)
{
    const struct valid_case *c = &valid_cases[_i];
    ck_assert(tg_date_is_valid_day(c->year, c->month, c->day) == c->valid);
}
END_TEST

/* A megabyte line of one unit repeated, scanned for dates and numbers alike: linear scanning
 * keeps each well under a second, and a digit run that long is too large for a double. */
struct long_case {
    const char *unit;
    size_t dates_per_unit, numbers_per_unit;
};

static const struct long_case long_cases[] = {
    {"เมื่อวันที่ 22 ธ.ค. 2554 มีผู้ร่วม 3,910 คน ", 1, 3},
    {"1", 0, 0},
    {" ", 0, 0},
    {"ปีปีปี", 0, 0},
    {"1-", 0, 1},
    {"1/", 0, 1},
    {"1, ", 0, 1},
    {"๑ ", 0, 1},
    {"ม.ค.", 0, 0},
};

START_TEST(test_long_line)
{
    const struct long_case *c = &long_cases[_i];
    size_t unit = strlen(c->unit), reps = (1u << 20) / unit, len = reps * unit;
    char *text = malloc(len);
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * unit, c->unit, unit);
    struct tg_date_match *dates = NULL;
    struct tg_number_match *numbers = NULL;
    size_t date_count = 0, number_count = 0;
    clock_t started = clock();
    ck_assert_int_eq(tg_dates_find(text, len, 2011, &dates, &date_count), TG_OK);
    ck_assert_int_eq(tg_numbers_find(text, len, &numbers, &number_count), TG_OK);
    double seconds = (double)(clock() - started) / CLOCKS_PER_SEC;
    ck_assert_msg(seconds < 5.0, "%s: %.2f s", c->unit, seconds);
    ck_assert_uint_eq(date_count, reps * c->dates_per_unit);
    ck_assert_uint_eq(number_count, reps * c->numbers_per_unit);
    if (date_count > 0) {
        const struct tg_date_match *m = &dates[date_count - 1];
        ck_assert_uint_eq(m->byte_start, (reps - 1) * unit + strlen("เมื่อวันที่ "));
        ck_assert_int_eq(m->first.day, 22);
    }
    free(dates);
    free(numbers);
    free(text);
}
END_TEST

#define LOOP(tc, test, cases)                                                                      \
    tcase_add_loop_test(tc, test, 0, (int)(sizeof cases / sizeof cases[0]))

int main(void)
{
    Suite *suite = suite_create("dates");
    TCase *tc = tcase_create("dates");
    tcase_set_timeout(tc, 120);
    LOOP(tc, test_find, date_cases);
    LOOP(tc, test_in_context, context_cases);
    LOOP(tc, test_writers_day, writers_day_cases);
    LOOP(tc, test_no_date_in_context, no_date_in_context);
    LOOP(tc, test_invalid_utf8, bad_cases);
    LOOP(tc, test_format_iso, format_cases);
    LOOP(tc, test_valid_day, valid_cases);
    LOOP(tc, test_long_line, long_cases);
    tcase_add_test(tc, test_empty_and_arguments);
    suite_add_tcase(suite, tc);
    return tgt_run_suite(suite);
}
