/* Strict span scoring shared by the evaluation tool and the trainer's dev split. */
#include "thaigraph/ner.h"

#include "thaigraph/utf8.h"

static struct tg_ner_span comparable(const char *text, struct tg_ner_span span)
{
    if (span.type != TG_NER_PERSON)
        return span;
    size_t title = tg_ner_title_length(text + span.byte_start, span.byte_end - span.byte_start);
    span.start += tg_utf8_count(text + span.byte_start, title);
    span.byte_start += title;
    return span;
}

void tg_ner_count(const char *text, const struct tg_ner_span *gold, size_t gold_count,
                  const struct tg_ner_span *found, size_t found_count, struct tg_ner_counts *counts)
{
    for (size_t k = 0; k < found_count; k++)
        if (found[k].type < TG_NER_TYPE_COUNT)
            counts->found[found[k].type]++;
    for (size_t g = 0; g < gold_count; g++) {
        if (gold[g].type >= TG_NER_TYPE_COUNT)
            continue;
        counts->gold[gold[g].type]++;
        struct tg_ner_span want = comparable(text, gold[g]);
        for (size_t k = 0; k < found_count; k++) {
            struct tg_ner_span got = comparable(text, found[k]);
            if (got.type == want.type && got.start == want.start && got.end == want.end) {
                counts->correct[want.type]++;
                break;
            }
        }
    }
}

double tg_ner_counts_f1(const struct tg_ner_counts *c, int type, double *precision, double *recall)
{
    unsigned long gold = 0, found = 0, correct = 0;
    for (int t = 0; t < TG_NER_TYPE_COUNT; t++)
        if (type < 0 || t == type) {
            gold += c->gold[t];
            found += c->found[t];
            correct += c->correct[t];
        }
    double p = found ? (double)correct / (double)found : 0.0;
    double r = gold ? (double)correct / (double)gold : 0.0;
    if (precision)
        *precision = p;
    if (recall)
        *recall = r;
    return p + r > 0.0 ? 2.0 * p * r / (p + r) : 0.0;
}
