/*
 * Segmentation. The text is scanned once, left to right, by character class. Thai letters go to
 * ICU's dictionary breaker one stretch at a time (a stretch ends at anything that is not a Thai
 * letter), which is what splits Thai from digits and Latin. Dots and `ฯ` are looked at before ICU
 * sees a stretch: an abbreviation from the dictionary is taken whole when it starts at the
 * beginning of a run, or, when it ends in the dot that closes a stretch, where ICU put a word
 * boundary at its first letter. Names are merged in a last pass over the finished tokens.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

#include "thaigraph/grow.h"
#include "thaigraph/hash.h"
#include "thaigraph/text.h"
#include "thaigraph/utf8.h"
#include "text_internal.h"

/* Built into the library from src/text/data/abbreviations.txt by tg-embed. */
extern const unsigned char tg_text_abbreviations[];
extern const size_t tg_text_abbreviations_len;

#define ABBREVIATION_MAX_BYTES 64
#define LEARNT_MAX_CODE_POINTS 12
#define PAIYANNOI              0x0E2F

/* Byte trie; node 0 is the root, and 0 as a child or sibling index means none. */
struct trie_node {
    uint32_t child, sibling;
    uint8_t byte;
    bool terminal;
};

struct trie {
    struct trie_node *nodes;
    size_t count, cap;
};

struct tg_text_segmenter {
    enum tg_text_mode mode;
    UBreakIterator *brk;
    UText *utext;
    struct trie abbreviations, names;
    struct tg_text_token *tokens;
    size_t count, cap;
    size_t *bounds; /* ICU boundaries of the stretch being segmented */
    size_t bound_count, bound_cap;
    const char *text; /* the text being segmented */
    size_t len;
    size_t counted_byte, counted; /* code points before byte counted_byte, for token offsets */
};

enum char_class {
    CLASS_SPACE,
    CLASS_THAI,      /* Thai letters, vowels and marks: what the dictionary breaker reads */
    CLASS_PAIYANNOI, /* ฯ */
    CLASS_DIGIT,
    CLASS_LETTER, /* letters of other scripts */
    CLASS_OTHER,  /* punctuation and symbols */
};

static enum char_class classify(UChar32 c)
{
    /* MAI YAMOK (ๆ, repeat the word) is left out: it stands apart whether or not a space
     * precedes it, so `ต่างๆ` and `ต่าง ๆ` give the same words. */
    if ((c >= 0x0E01 && c <= 0x0E2E) || (c >= 0x0E30 && c <= 0x0E3A) ||
        (c >= 0x0E40 && c <= 0x0E4E && c != 0x0E46))
        return CLASS_THAI;
    if (c == 0x0E46)
        return CLASS_OTHER;
    if (c == PAIYANNOI)
        return CLASS_PAIYANNOI;
    if (tg_text_is_space((uint32_t)c))
        return CLASS_SPACE;
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER)
        return CLASS_DIGIT;
    if (u_isalpha(c))
        return CLASS_LETTER;
    return CLASS_OTHER;
}

static UChar32 peek(const struct tg_text_segmenter *seg, size_t pos, size_t *next)
{
    *next = pos;
    return (UChar32)tg_utf8_next(seg->text, seg->len, next);
}

static enum char_class class_at(const struct tg_text_segmenter *seg, size_t pos)
{
    size_t next;
    return pos < seg->len ? classify(peek(seg, pos, &next)) : CLASS_SPACE;
}

static enum tg_status trie_insert(struct trie *t, const char *bytes, size_t len, bool *added)
{
    struct trie_node *nodes = tg_grow(t->nodes, &t->cap, t->count + len + 1, sizeof *nodes);
    if (!nodes)
        return TG_ERR_NOMEM;
    t->nodes = nodes;
    if (t->count == 0)
        t->nodes[t->count++] = (struct trie_node){0};
    uint32_t at = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t b = (uint8_t)bytes[i];
        uint32_t child = t->nodes[at].child;
        while (child && t->nodes[child].byte != b)
            child = t->nodes[child].sibling;
        if (!child) {
            child = (uint32_t)t->count++;
            t->nodes[child] = (struct trie_node){0, t->nodes[at].child, b, false};
            t->nodes[at].child = child;
        }
        at = child;
    }
    *added = !t->nodes[at].terminal;
    t->nodes[at].terminal = true;
    return TG_OK;
}

/* Bytes of the whitespace character at text[pos], or 0; names match spaces in raw text too. */
static size_t space_width(const char *text, size_t len, size_t pos)
{
    unsigned char b = (unsigned char)text[pos];
    if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v')
        return 1;
    if (b == 0xC2 && pos + 1 < len && (unsigned char)text[pos + 1] == 0xA0)
        return 2;
    return 0;
}

/* End of the longest entry of t that text[pos..) starts with, or 0 when none does. */
static size_t trie_match(const struct trie *t, const char *text, size_t len, size_t pos)
{
    size_t best = 0;
    uint32_t at = 0;
    while (t->count > 0 && pos < len) {
        size_t w = space_width(text, len, pos);
        uint8_t b = w ? ' ' : (uint8_t)text[pos];
        uint32_t child = t->nodes[at].child;
        while (child && t->nodes[child].byte != b)
            child = t->nodes[child].sibling;
        if (!child)
            break;
        if (w == 0)
            pos++;
        while (w > 0) {
            pos += w;
            w = pos < len ? space_width(text, len, pos) : 0;
        }
        at = child;
        if (t->nodes[at].terminal)
            best = pos;
    }
    return best;
}

/* Code-point offset of byte pos; tokens are asked for in increasing order, so counting is
 * incremental and the whole pass stays linear. */
static size_t code_points_to(struct tg_text_segmenter *seg, size_t pos)
{
    for (size_t i = seg->counted_byte; i < pos; i++)
        seg->counted += ((unsigned char)seg->text[i] & 0xC0) != 0x80;
    seg->counted_byte = pos;
    return seg->counted;
}

static enum tg_status push(struct tg_text_segmenter *seg, size_t start, size_t end,
                           enum tg_text_kind kind)
{
    struct tg_text_token *tokens = tg_grow(seg->tokens, &seg->cap, seg->count + 1, sizeof *tokens);
    if (!tokens)
        return TG_ERR_NOMEM;
    seg->tokens = tokens;
    struct tg_text_token *t = &seg->tokens[seg->count++];
    t->byte_start = start;
    t->start = code_points_to(seg, start);
    t->byte_end = end;
    t->end = code_points_to(seg, end);
    t->kind = kind;
    return TG_OK;
}

/* Runs the break iterator over text[start..end) and records its boundaries, both ends included. */
static enum tg_status icu_bounds(struct tg_text_segmenter *seg, size_t start, size_t end)
{
    UErrorCode err = U_ZERO_ERROR;
    seg->utext = utext_openUTF8(seg->utext, seg->text + start, (int64_t)(end - start), &err);
    ubrk_setUText(seg->brk, seg->utext, &err);
    if (U_FAILURE(err))
        return TG_ERR_ICU;
    seg->bound_count = 0;
    for (int32_t b = ubrk_first(seg->brk); b != UBRK_DONE; b = ubrk_next(seg->brk)) {
        size_t *bounds =
            tg_grow(seg->bounds, &seg->bound_cap, seg->bound_count + 1, sizeof *bounds);
        if (!bounds)
            return TG_ERR_NOMEM;
        seg->bounds = bounds;
        seg->bounds[seg->bound_count++] = start + (size_t)b;
    }
    return TG_OK;
}

/* Pushes the words between bounds[from] and bounds[to]. */
static enum tg_status push_bounds(struct tg_text_segmenter *seg, size_t from, size_t to,
                                  enum tg_text_kind kind)
{
    enum tg_status st = TG_OK;
    for (size_t i = from; i < to && st == TG_OK; i++)
        st = push(seg, seg->bounds[i], seg->bounds[i + 1], kind);
    return st;
}

/* First bound (index) where a dictionary abbreviation starts and runs past stop, or
 * seg->bound_count when there is none; *abbrev_end gets its end. */
static size_t abbreviation_at_bound(struct tg_text_segmenter *seg, size_t stop, size_t *abbrev_end)
{
    for (size_t at = 0; at < seg->bound_count; at++) {
        size_t end = trie_match(&seg->abbreviations, seg->text, seg->len, seg->bounds[at]);
        if (end > stop) {
            *abbrev_end = end;
            return at;
        }
    }
    return seg->bound_count;
}

/* One word-initial step of thai_run: an abbreviation, or a stretch of letters and whatever
 * closes it. Returns where the next step starts in *next. */
static enum tg_status thai_step(struct tg_text_segmenter *seg, size_t pos, size_t *next)
{
    const char *text = seg->text;
    size_t end = trie_match(&seg->abbreviations, text, seg->len, pos);
    if (end) {
        *next = end;
        return push(seg, pos, end, TG_TEXT_ABBREVIATION);
    }
    size_t stop = pos;
    while (class_at(seg, stop) == CLASS_THAI)
        stop += 3; /* every Thai character takes three bytes */
    if (stop == pos) {
        /* A `ฯ` that no word precedes. */
        *next = pos + 3;
        return push(seg, pos, pos + 3, TG_TEXT_PUNCT);
    }
    enum tg_status st = icu_bounds(seg, pos, stop);
    if (st != TG_OK)
        return st;
    size_t last = seg->bound_count - 1;
    bool dot = stop < seg->len && text[stop] == '.';
    bool paiyannoi = class_at(seg, stop) == CLASS_PAIYANNOI;
    size_t at = dot || paiyannoi ? abbreviation_at_bound(seg, stop, &end) : seg->bound_count;
    if (at < seg->bound_count) {
        st = push_bounds(seg, 0, at, TG_TEXT_THAI);
        *next = end;
        return st == TG_OK ? push(seg, seg->bounds[at], end, TG_TEXT_ABBREVIATION) : st;
    }
    if (paiyannoi) {
        /* `ฯ` marks its word as truncated, so it belongs to that word. */
        st = push_bounds(seg, 0, last - 1, TG_TEXT_THAI);
        *next = stop + 3;
        return st == TG_OK ? push(seg, seg->bounds[last - 1], stop + 3, TG_TEXT_ABBREVIATION) : st;
    }
    *next = stop;
    return push_bounds(seg, 0, last, TG_TEXT_THAI);
}

/* Segments a run of Thai letters, dots and `ฯ` from pos; *end gets where it stopped. */
static enum tg_status thai_run(struct tg_text_segmenter *seg, size_t pos, size_t *end)
{
    enum tg_status st;
    enum char_class next;
    do {
        st = thai_step(seg, pos, &pos);
        next = class_at(seg, pos);
    } while (st == TG_OK && (next == CLASS_THAI || next == CLASS_PAIYANNOI));
    *end = pos;
    return st;
}

/* Digits, with single `,` `.` or `:` between digits as in 1,250.50 or 13:00. */
static size_t number_end(const struct tg_text_segmenter *seg, size_t pos)
{
    for (;;) {
        while (class_at(seg, pos) == CLASS_DIGIT)
            peek(seg, pos, &pos);
        bool separator = pos + 1 < seg->len && memchr(",.:", seg->text[pos], 3) &&
                         class_at(seg, pos + 1) == CLASS_DIGIT;
        if (!separator)
            return pos;
        pos++;
    }
}

static bool is_mark(UChar32 c)
{
    return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

/* A word in another script: letters, marks, ASCII digits, and apostrophes or dots between
 * letters (`don't`, `thaipr.net`).
 * *dictionary is set when the script needs ICU's dictionaries to find its words. */
static size_t letters_end(const struct tg_text_segmenter *seg, size_t pos, bool *dictionary)
{
    *dictionary = false;
    while (pos < seg->len) {
        size_t next;
        UChar32 c = peek(seg, pos, &next);
        enum char_class cls = classify(c);
        bool joiner = (c == '\'' || c == 0x2019 || c == '.') && class_at(seg, next) == CLASS_LETTER;
        if (!(cls == CLASS_LETTER || joiner || (cls != CLASS_THAI && is_mark(c)) ||
              (c >= '0' && c <= '9')))
            break;
        int lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
        if (lb == U_LB_COMPLEX_CONTEXT || lb == U_LB_IDEOGRAPHIC)
            *dictionary = true;
        pos = next;
    }
    return pos;
}

/* One symbol with what renders on it: marks, variation selectors, skin tones, and the
 * character after a zero-width joiner. A run of one ASCII punctuation character (`...`, `!!`)
 * is one token, as writers mean it. */
static size_t symbol_end(const struct tg_text_segmenter *seg, size_t pos)
{
    char first = seg->text[pos];
    if ((unsigned char)first < 0x80) {
        while (pos < seg->len && seg->text[pos] == first)
            pos++;
        return pos;
    }
    peek(seg, pos, &pos);
    while (pos < seg->len) {
        size_t next;
        UChar32 c = peek(seg, pos, &next);
        if (c == 0x200D && next < seg->len)
            peek(seg, next, &next);
        else if (!is_mark(c) && !(c >= 0x1F3FB && c <= 0x1F3FF))
            break;
        pos = next;
    }
    return pos;
}

static enum tg_status segment_full(struct tg_text_segmenter *seg)
{
    enum tg_status st = TG_OK;
    size_t pos = 0;
    while (pos < seg->len && st == TG_OK) {
        size_t end;
        bool dictionary;
        switch (class_at(seg, pos)) {
        case CLASS_SPACE:
            peek(seg, pos, &end);
            break;
        case CLASS_THAI:
        case CLASS_PAIYANNOI:
            st = thai_run(seg, pos, &end);
            break;
        case CLASS_DIGIT:
            end = number_end(seg, pos);
            st = push(seg, pos, end, TG_TEXT_NUMBER);
            break;
        case CLASS_LETTER:
            end = letters_end(seg, pos, &dictionary);
            if (!dictionary) {
                st = push(seg, pos, end, TG_TEXT_LATIN);
                break;
            }
            st = icu_bounds(seg, pos, end);
            if (st == TG_OK)
                st = push_bounds(seg, 0, seg->bound_count - 1, TG_TEXT_LATIN);
            break;
        default:
            end = symbol_end(seg, pos);
            st = push(seg, pos, end, TG_TEXT_PUNCT);
            break;
        }
        pos = end;
    }
    return st;
}

/* ICU's boundaries as they are, whitespace spans dropped, kinds from each span's first
 * character. */
static enum tg_status segment_icu(struct tg_text_segmenter *seg)
{
    static const enum tg_text_kind kinds[] = {
        [CLASS_THAI] = TG_TEXT_THAI,    [CLASS_PAIYANNOI] = TG_TEXT_PUNCT,
        [CLASS_DIGIT] = TG_TEXT_NUMBER, [CLASS_LETTER] = TG_TEXT_LATIN,
        [CLASS_OTHER] = TG_TEXT_PUNCT,
    };
    enum tg_status st = icu_bounds(seg, 0, seg->len);
    for (size_t i = 0; i + 1 < seg->bound_count && st == TG_OK; i++) {
        enum char_class cls = class_at(seg, seg->bounds[i]);
        if (cls != CLASS_SPACE)
            st = push(seg, seg->bounds[i], seg->bounds[i + 1], kinds[cls]);
    }
    return st;
}

/* True when a Thai syllable can start at text[pos]: a consonant, a leading vowel, or no Thai. */
static bool syllable_starts(const struct tg_text_segmenter *seg, size_t pos)
{
    size_t next;
    UChar32 c = pos < seg->len ? peek(seg, pos, &next) : ' ';
    return classify(c) != CLASS_THAI || (c >= 0x0E01 && c <= 0x0E2E) ||
           (c >= 0x0E40 && c <= 0x0E44);
}

/*
 * Merges tokens that spell a dictionary name. ICU often glues the end of an unknown name to the
 * next word, so a name spanning several tokens may also end inside the last one, at a syllable
 * start; that token keeps its rest. A name inside a single token never splits it: `นาย` is no
 * reason to cut `นายก`.
 */
static void merge_names(struct tg_text_segmenter *seg)
{
    struct tg_text_token *tokens = seg->tokens;
    size_t out = 0;
    size_t i = 0;
    while (i < seg->count) {
        size_t end = trie_match(&seg->names, seg->text, seg->len, tokens[i].byte_start);
        size_t j = i;
        while (j < seg->count && tokens[j].byte_end < end)
            j++;
        bool fits = end && j > i && j < seg->count && tokens[j].byte_start < end &&
                    (tokens[j].byte_end == end ||
                     (tokens[j].kind == TG_TEXT_THAI && syllable_starts(seg, end)));
        if (!fits) {
            tokens[out++] = tokens[i++];
            continue;
        }
        struct tg_text_token name = tokens[i];
        name.byte_end = end;
        name.end = tokens[j].start +
                   tg_utf8_count(seg->text + tokens[j].byte_start, end - tokens[j].byte_start);
        name.kind = TG_TEXT_NAME;
        if (tokens[j].byte_end == end) {
            i = j + 1;
        } else {
            tokens[j].byte_start = end;
            tokens[j].start = name.end;
            i = j;
        }
        tokens[out++] = name;
    }
    seg->count = out;
}

static bool ends_abbreviation(const char *bytes, size_t len)
{
    return len > 0 &&
           (bytes[len - 1] == '.' || (len >= 3 && memcmp(bytes + len - 3, "\xE0\xB8\xAF", 3) == 0));
}

/* Normalises an entry and stores it in t; abbreviations must pass ends_abbreviation. */
static enum tg_status add_entry(struct trie *t, const char *utf8, size_t len, bool abbreviation,
                                bool *added)
{
    if (!utf8 && len > 0)
        return TG_ERR_INVALID_ARGUMENT;
    struct tg_text_norm *norm;
    enum tg_status st = tg_text_normalise(utf8, len, &norm);
    if (st != TG_OK)
        return st;
    size_t n;
    const char *bytes = tg_text_norm_bytes(norm, &n);
    bool valid =
        n > 0 && (!abbreviation || (n <= ABBREVIATION_MAX_BYTES && ends_abbreviation(bytes, n) &&
                                    !memchr(bytes, ' ', n)));
    st = valid ? trie_insert(t, bytes, n, added) : TG_ERR_INVALID_ARGUMENT;
    tg_text_norm_free(norm);
    return st;
}

enum tg_status tg_text_segmenter_add_abbreviation(struct tg_text_segmenter *seg, const char *utf8,
                                                  size_t len)
{
    bool added;
    return seg ? add_entry(&seg->abbreviations, utf8, len, true, &added) : TG_ERR_INVALID_ARGUMENT;
}

enum tg_status tg_text_segmenter_add_name(struct tg_text_segmenter *seg, const char *utf8,
                                          size_t len)
{
    bool added;
    return seg ? add_entry(&seg->names, utf8, len, false, &added) : TG_ERR_INVALID_ARGUMENT;
}

/* The built-in list: one entry a line, `#` starts a comment line. Entries ending in `.` or `ฯ`
 * are abbreviations, the others names; then the honorifics, abbreviated or written out. */
static enum tg_status load_builtin(struct tg_text_segmenter *seg)
{
    const char *data = (const char *)tg_text_abbreviations;
    size_t len = tg_text_abbreviations_len;
    enum tg_status st = TG_OK;
    for (size_t pos = 0; pos < len && st == TG_OK;) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        const char *line = data + pos;
        size_t n = end - pos;
        if (n > 0 && line[0] != '#') {
            bool added;
            bool abbreviation = ends_abbreviation(line, n);
            st = add_entry(abbreviation ? &seg->abbreviations : &seg->names, line, n, abbreviation,
                           &added);
        }
        pos = end + 1;
    }
    const char *form;
    size_t n;
    for (size_t pos = 0; st == TG_OK && tg_text_honorific_next(&pos, &form, &n);) {
        bool added;
        /* ว่าที่ ร.ต. holds a space, which only names may. */
        bool abbreviation = ends_abbreviation(form, n) && !memchr(form, ' ', n);
        st = add_entry(abbreviation ? &seg->abbreviations : &seg->names, form, n, abbreviation,
                       &added);
    }
    return st;
}

void tg_text_fingerprint(char out[TG_TEXT_FINGERPRINT_SIZE])
{
    UVersionInfo version;
    char icu[U_MAX_VERSION_STRING_LENGTH], unicode[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(version);
    u_versionToString(version, icu);
    u_getUnicodeVersion(version);
    u_versionToString(version, unicode);
    size_t honorifics_len;
    const char *honorifics = tg_text_honorifics(&honorifics_len);
    uint64_t lists = tg_hash_update(tg_hash_bytes(tg_text_abbreviations, tg_text_abbreviations_len),
                                    honorifics, honorifics_len);
    snprintf(out, TG_TEXT_FINGERPRINT_SIZE, "icu %s unicode %s lists %016" PRIx64, icu, unicode,
             lists);
}

enum tg_status tg_text_segmenter_new(enum tg_text_mode mode, struct tg_text_segmenter **out)
{
    if (!out || (mode != TG_TEXT_FULL && mode != TG_TEXT_ICU_ONLY))
        return TG_ERR_INVALID_ARGUMENT;
    struct tg_text_segmenter *seg = calloc(1, sizeof *seg);
    if (!seg)
        return TG_ERR_NOMEM;
    seg->mode = mode;
    UErrorCode err = U_ZERO_ERROR;
    seg->brk = ubrk_open(UBRK_WORD, "th", NULL, 0, &err);
    enum tg_status st = U_FAILURE(err) ? TG_ERR_ICU : load_builtin(seg);
    if (st != TG_OK) {
        tg_text_segmenter_free(seg);
        return st;
    }
    *out = seg;
    return TG_OK;
}

void tg_text_segmenter_free(struct tg_text_segmenter *seg)
{
    if (!seg)
        return;
    ubrk_close(seg->brk);
    utext_close(seg->utext);
    free(seg->abbreviations.nodes);
    free(seg->names.nodes);
    free(seg->tokens);
    free(seg->bounds);
    free(seg);
}

static enum tg_status check_input(const char *utf8, size_t len)
{
    if (!utf8 && len > 0)
        return TG_ERR_INVALID_ARGUMENT;
    if (len > TG_TEXT_MAX_BYTES)
        return TG_ERR_TOO_LARGE;
    if (len > 0 && (tg_utf8_validate(utf8, len, NULL) != TG_OK || tg_utf8_has_nul(utf8, len)))
        return TG_ERR_INVALID_UTF8;
    return TG_OK;
}

enum tg_status tg_text_segmenter_learn(struct tg_text_segmenter *seg, const char *utf8, size_t len,
                                       size_t *learnt)
{
    if (!seg)
        return TG_ERR_INVALID_ARGUMENT;
    enum tg_status st = check_input(utf8, len);
    size_t found = 0;
    seg->text = utf8;
    seg->len = len;
    for (size_t open = 0; open < len && st == TG_OK; open++) {
        if (utf8[open] != '(' || class_at(seg, open + 1) != CLASS_THAI)
            continue;
        size_t close = open + 1;
        size_t letters = 0;
        while (class_at(seg, close) == CLASS_THAI || (close < len && utf8[close] == '.')) {
            letters++;
            close += utf8[close] == '.' ? 1 : 3;
        }
        if (close >= len || utf8[close] != ')' || utf8[close - 1] != '.' ||
            letters > LEARNT_MAX_CODE_POINTS)
            continue;
        bool added;
        st = add_entry(&seg->abbreviations, utf8 + open + 1, close - open - 1, true, &added);
        found += added;
    }
    seg->text = NULL;
    if (st == TG_OK && learnt)
        *learnt = found;
    return st;
}

enum tg_status tg_text_segment(struct tg_text_segmenter *seg, const char *utf8, size_t len,
                               const struct tg_text_token **tokens, size_t *count)
{
    if (!seg || !tokens || !count)
        return TG_ERR_INVALID_ARGUMENT;
    enum tg_status st = check_input(utf8, len);
    if (st != TG_OK)
        return st;
    seg->text = len > 0 ? utf8 : "";
    seg->len = len;
    seg->count = 0;
    seg->counted = 0;
    seg->counted_byte = 0;
    if (seg->mode == TG_TEXT_ICU_ONLY) {
        st = segment_icu(seg);
    } else {
        st = segment_full(seg);
        if (st == TG_OK && seg->names.count > 0)
            merge_names(seg);
    }
    seg->text = NULL;
    if (st != TG_OK)
        return st;
    *tokens = seg->tokens;
    *count = seg->count;
    return TG_OK;
}
