/*
 * Model file format, version 1, all integers little-endian:
 *
 *   offset  size  field
 *   0       8     magic "TGNERMDL"
 *   8       4     format version (2); bumped whenever features or layout change, because a
 *                 model is only meaningful with the feature code that trained it
 *   12      4     bucket bits B: the weight table has 2^B rows
 *   16      4     label count L (O plus B and I of each type, in enum tg_ner_type order)
 *   20      4     scale: IEEE-754 float, weight = stored int16 * scale
 *   24      4     payload length P
 *   28      P     zlib stream of int16 weights: 2^B * L emission weights row by row, then
 *                 (L + 1) * L transition weights (the last row is the sentence start)
 *   28 + P  4     CRC-32 (zlib) of bytes [0, 28 + P)
 *
 * Weights are quantised to 16 bits and compressed because most hashed rows are empty or tiny:
 * that keeps the committed model a few megabytes while the tagger still works in floats.
 */
#include "ner_internal.h"

#include <errno.h>
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <zlib.h>

#define MODEL_MAGIC   "TGNERMDL"
#define MODEL_VERSION 2u
#define HEADER_SIZE   28u
#define MIN_BITS      16u
#define MAX_BITS      24u
#define MAX_LABELS    31u

/* Generated from src/ner/data/ner-model.bin by tg-embed at build time. */
extern const unsigned char tg_ner_model_data[];
extern const size_t tg_ner_model_data_len;

static void put_u32(unsigned char *p, uint32_t v)
{
    for (int k = 0; k < 4; k++)
        p[k] = (unsigned char)(v >> (8 * k));
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static size_t emission_count(unsigned bits, unsigned labels)
{
    return ((size_t)1 << bits) * labels;
}

static size_t transition_count(unsigned labels)
{
    return (size_t)(labels + 1) * labels;
}

enum tg_status ner_model_new(unsigned bits, unsigned labels, struct tg_ner_model **out)
{
    *out = NULL;
    if (bits < MIN_BITS || bits > MAX_BITS || labels < 3 || labels > MAX_LABELS)
        return TG_ERR_INVALID_ARGUMENT;
    struct tg_ner_model *model = calloc(1, sizeof *model);
    if (!model)
        return TG_ERR_NOMEM;
    model->bits = bits;
    model->labels = labels;
    model->weights = calloc(emission_count(bits, labels), sizeof *model->weights);
    model->transitions = calloc(transition_count(labels), sizeof *model->transitions);
    if (!model->weights || !model->transitions) {
        tg_ner_model_free(model);
        return TG_ERR_NOMEM;
    }
    *out = model;
    return TG_OK;
}

static void present_free(struct ner_present_rows *present)
{
    if (!present)
        return;
    free(present->present);
    free(present->rank);
    free(present->rows);
    free(present);
}

/*
 * Memory for a table read at random all through tagging: on 2 MB pages where the kernel offers
 * them, since with 4 KB pages nearly every row read is also a TLB miss.
 */
static void *huge_alloc(size_t size)
{
    const size_t huge = (size_t)2 << 20;
    void *p = NULL;
    size_t rounded = (size + huge - 1) / huge * huge;
    if (posix_memalign(&p, huge, rounded) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, rounded, MADV_HUGEPAGE);
#endif
    return p;
}

static int16_t quantum_at(const unsigned char *raw, size_t k)
{
    return (int16_t)(uint16_t)(raw[2 * k] | raw[2 * k + 1] << 8);
}

static bool row_is_zero(const unsigned char *raw, size_t row, unsigned labels)
{
    static const unsigned char zeros[2 * NER_ROW_SLOTS];
    return memcmp(raw + 2 * row * labels, zeros, 2 * labels) == 0;
}

/*
 * model->present from the file's int16 emission weights (raw, little-endian, row by row), read
 * straight from them so that loading a model costs little more than before (extractors load
 * one each, and the tests make hundreds).
 */
static enum tg_status freeze(struct tg_ner_model *model, const unsigned char *raw, float scale)
{
    size_t rows = (size_t)1 << model->bits, words = rows / 64, kept = 0;
    unsigned labels = model->labels;
    if (labels > NER_ROW_SLOTS)
        return TG_OK;
    for (size_t r = 0; r < rows; r++)
        kept += !row_is_zero(raw, r, labels);
    struct ner_present_rows *present = calloc(1, sizeof *present);
    if (!present)
        return TG_ERR_NOMEM;
    present->scale = scale;
    present->present = calloc(words, sizeof *present->present);
    present->rank = malloc(words * sizeof *present->rank);
    present->rows = huge_alloc((kept ? kept : 1) * NER_ROW_SLOTS * sizeof *present->rows);
    if (!present->present || !present->rank || !present->rows) {
        present_free(present);
        return TG_ERR_NOMEM;
    }
    size_t n = 0;
    for (size_t r = 0; r < rows; r++) {
        if (r % 64 == 0)
            present->rank[r / 64] = (uint32_t)n;
        if (row_is_zero(raw, r, labels))
            continue;
        present->present[r / 64] |= 1ULL << (r % 64);
        int16_t *q = present->rows + n++ * NER_ROW_SLOTS;
        memset(q, 0, NER_ROW_SLOTS * sizeof *q);
        for (unsigned y = 0; y < labels; y++)
            q[y] = quantum_at(raw, r * labels + y);
    }
    model->present = present;
    return TG_OK;
}

void tg_ner_model_free(struct tg_ner_model *model)
{
    if (!model)
        return;
    present_free(model->present);
    free(model->weights);
    free(model->transitions);
    free(model);
}

static float max_magnitude(const float *values, size_t n, float start)
{
    float max = start;
    for (size_t k = 0; k < n; k++)
        max = fabsf(values[k]) > max ? fabsf(values[k]) : max;
    return max;
}

static void quantise(const float *values, size_t n, float scale, unsigned char *out)
{
    for (size_t k = 0; k < n; k++) {
        long q = lrintf(values[k] / scale);
        uint16_t bits = (uint16_t)(int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
        out[2 * k] = (unsigned char)bits;
        out[2 * k + 1] = (unsigned char)(bits >> 8);
    }
}

static void dequantise(const unsigned char *in, size_t n, float scale, float *values)
{
    for (size_t k = 0; k < n; k++)
        values[k] = (float)quantum_at(in, k) * scale;
}

enum tg_status tg_ner_model_serialize(const struct tg_ner_model *model, unsigned char **bytes,
                                      size_t *len)
{
    *bytes = NULL;
    *len = 0;
    size_t emissions = emission_count(model->bits, model->labels);
    size_t transitions = transition_count(model->labels);
    size_t raw_len = 2 * (emissions + transitions);
    float max = max_magnitude(model->weights, emissions, 0.0f);
    max = max_magnitude(model->transitions, transitions, max);
    float scale = max > 0.0f ? max / 32767.0f : 1.0f;

    enum tg_status status = TG_ERR_NOMEM;
    unsigned char *raw = malloc(raw_len);
    uLongf packed_len = compressBound((uLong)raw_len);
    unsigned char *file = malloc(HEADER_SIZE + packed_len + 4);
    if (!raw || !file)
        goto cleanup;
    quantise(model->weights, emissions, scale, raw);
    quantise(model->transitions, transitions, scale, raw + 2 * emissions);
    if (compress2(file + HEADER_SIZE, &packed_len, raw, (uLong)raw_len, 9) != Z_OK) {
        status = TG_ERR_INTERNAL;
        goto cleanup;
    }
    uint32_t scale_bits;
    memcpy(&scale_bits, &scale, sizeof scale_bits);
    memcpy(file, MODEL_MAGIC, 8);
    put_u32(file + 8, MODEL_VERSION);
    put_u32(file + 12, model->bits);
    put_u32(file + 16, model->labels);
    put_u32(file + 20, scale_bits);
    put_u32(file + 24, (uint32_t)packed_len);
    size_t body = HEADER_SIZE + packed_len;
    put_u32(file + body, (uint32_t)crc32(0L, file, (uInt)body));
    *bytes = file;
    *len = body + 4;
    file = NULL;
    status = TG_OK;
cleanup:
    free(raw);
    free(file);
    return status;
}

enum tg_status tg_ner_model_from_memory(const void *bytes, size_t len, struct tg_ner_model **out,
                                        struct tg_error *err)
{
    *out = NULL;
    const unsigned char *p = bytes;
    if (len < 8 || memcmp(p, MODEL_MAGIC, 8) != 0)
        return tg_error_set(err, TG_ERR_PARSE, "not a thaigraph NER model (bad magic)");
    if (len < HEADER_SIZE + 4)
        return tg_error_set(err, TG_ERR_PARSE, "NER model truncated: %zu bytes", len);
    uint32_t version = get_u32(p + 8);
    if (version != MODEL_VERSION)
        return tg_error_set(err, TG_ERR_PARSE, "NER model format version %u, this build reads %u",
                            version, MODEL_VERSION);
    uint32_t packed_len = get_u32(p + 24);
    if (len - HEADER_SIZE - 4 < packed_len)
        return tg_error_set(err, TG_ERR_PARSE, "NER model truncated: %zu of %zu bytes", len,
                            (size_t)HEADER_SIZE + packed_len + 4);
    size_t body = HEADER_SIZE + packed_len;
    if (get_u32(p + body) != (uint32_t)crc32(0L, p, (uInt)body))
        return tg_error_set(err, TG_ERR_PARSE, "NER model checksum mismatch");
    float scale;
    uint32_t scale_bits = get_u32(p + 20);
    memcpy(&scale, &scale_bits, sizeof scale);
    if (!isfinite(scale))
        return tg_error_set(err, TG_ERR_PARSE, "NER model scale is not a number");
    struct tg_ner_model *model;
    enum tg_status status = ner_model_new(get_u32(p + 12), get_u32(p + 16), &model);
    if (status == TG_ERR_INVALID_ARGUMENT)
        return tg_error_set(err, TG_ERR_PARSE, "NER model shape out of range");
    if (status != TG_OK)
        return tg_error_set(err, status, "NER model: out of memory");
    size_t emissions = emission_count(model->bits, model->labels);
    size_t transitions = transition_count(model->labels);
    uLongf raw_len = (uLongf)(2 * (emissions + transitions));
    unsigned char *raw = malloc(raw_len);
    if (!raw) {
        status = tg_error_set(err, TG_ERR_NOMEM, "NER model: out of memory");
        goto cleanup;
    }
    uLongf got = raw_len;
    if (uncompress(raw, &got, p + HEADER_SIZE, packed_len) != Z_OK || got != raw_len) {
        status = tg_error_set(err, TG_ERR_PARSE, "NER model weights do not decompress");
        goto cleanup;
    }
    dequantise(raw, emissions, scale, model->weights);
    dequantise(raw + 2 * emissions, transitions, scale, model->transitions);
    if ((status = freeze(model, raw, scale)) != TG_OK) {
        status = tg_error_set(err, status, "NER model: out of memory");
        goto cleanup;
    }
    *out = model;
    model = NULL;
cleanup:
    free(raw);
    tg_ner_model_free(model);
    return status;
}

enum tg_status tg_ner_model_load(const char *path, struct tg_ner_model **out, struct tg_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return tg_error_set(err, errno == ENOENT ? TG_ERR_NOT_FOUND : TG_ERR_IO, "%s: %s", path,
                            strerror(errno));
    enum tg_status status = TG_OK;
    unsigned char *bytes = NULL;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0) {
        status = tg_error_set(err, TG_ERR_IO, "%s: cannot find its size", path);
        goto cleanup;
    }
    bytes = malloc(size ? (size_t)size : 1);
    if (!bytes) {
        status = tg_error_set(err, TG_ERR_NOMEM, "%s: out of memory", path);
        goto cleanup;
    }
    if (fread(bytes, 1, (size_t)size, f) != (size_t)size) {
        status = tg_error_set(err, TG_ERR_IO, "%s: read failed", path);
        goto cleanup;
    }
    status = tg_ner_model_from_memory(bytes, (size_t)size, out, err);
cleanup:
    free(bytes);
    fclose(f);
    return status;
}

enum tg_status tg_ner_model_builtin(struct tg_ner_model **out)
{
    return tg_ner_model_from_memory(tg_ner_model_data, tg_ner_model_data_len, out, NULL);
}

enum tg_status tg_ner_model_save(const struct tg_ner_model *model, const char *path,
                                 struct tg_error *err)
{
    unsigned char *bytes;
    size_t len;
    enum tg_status status = tg_ner_model_serialize(model, &bytes, &len);
    if (status != TG_OK)
        return tg_error_set(err, status, "%s: cannot serialise the model", path);
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        free(bytes);
        return tg_error_set(err, TG_ERR_INVALID_ARGUMENT, "%s: path too long", path);
    }
    FILE *f = fopen(tmp, "wb");
    bool failed = !f || fwrite(bytes, 1, len, f) != len;
    failed |= f && fclose(f) != 0;
    if (failed || rename(tmp, path) != 0) {
        status = tg_error_set(err, TG_ERR_IO, "%s: %s", path, strerror(errno));
        remove(tmp);
    }
    free(bytes);
    return status;
}
