/*
 * fuzz_cursor (issue 11): any bytes as a cursor must be refused or decoded, never crash; any
 * position encoded must decode to itself, and the same cursor with one character changed, or
 * presented to another list or query, must be refused.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "routes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A request to /v1/search with q and the cursor given. */
static void make_request(struct http_request *r, const char *q, const char *cursor)
{
    static char id[64];
    size_t id_len;
    *r = (struct http_request){0};
    r->route = http_route_find("/v1/search", 10, id, &id_len);
    r->params[0] = (struct http_param){"cursor", cursor, 6, strlen(cursor)};
    r->params[1] = (struct http_param){"q", q, 1, strlen(q)};
    r->param_count = 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *bytes = malloc(size + 1);
    memcpy(bytes, data, size);
    bytes[size] = '\0';
    struct http_request r;
    char buf[HTTP_MAX_ID_BYTES + 1];
    const char *position;
    /* As a cursor: refused or decoded into the buffer, NUL-terminated. */
    make_request(&r, "a", bytes);
    if (strlen(bytes) == size && http_param_cursor(&r, buf, sizeof buf, &position) == TG_OK &&
        strlen(position) > HTTP_MAX_ID_BYTES)
        abort();
    /* As a position: a round trip. */
    if (size > 0 && size <= HTTP_MAX_ID_BYTES && !memchr(bytes, '\0', size)) {
        make_request(&r, "a", "");
        char *cursor = http_cursor_encode(&r, bytes, size);
        if (!cursor)
            abort();
        make_request(&r, "a", cursor);
        if (http_param_cursor(&r, buf, sizeof buf, &position) != TG_OK ||
            strcmp(position, bytes) != 0)
            abort();
        make_request(&r, "b", cursor);
        if (http_param_cursor(&r, buf, sizeof buf, &position) == TG_OK)
            abort();
        size_t n = strlen(cursor);
        cursor[bytes[0] % n] = cursor[bytes[0] % n] == 'A' ? 'B' : 'A';
        make_request(&r, "a", cursor);
        if (http_param_cursor(&r, buf, sizeof buf, &position) == TG_OK)
            abort();
        free(cursor);
    }
    free(bytes);
    return 0;
}
