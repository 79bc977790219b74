/*
 * fuzz_params (issue 11): any bytes as a request target. The parser must answer with a status
 * and never crash; what it accepts must keep its promises: every name and value NUL-free valid
 * UTF-8, names distinct and sorted, and the canonical form printable ASCII.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "routes.h"
#include "thaigraph/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *target = malloc(size + 1);
    memcpy(target, data, size);
    target[size] = '\0';
    struct http_request request = {0};
    char *path = NULL;
    size_t path_len = 0;
    enum tg_status status = http_parse_target(&request, target, size, &path, &path_len);
    if (status == TG_OK) {
        for (size_t i = 0; i < request.param_count; i++) {
            const struct http_param *p = &request.params[i];
            if (tg_utf8_has_nul(p->name, p->name_len) || tg_utf8_has_nul(p->value, p->value_len) ||
                tg_utf8_validate(p->name, p->name_len, NULL) != TG_OK ||
                tg_utf8_validate(p->value, p->value_len, NULL) != TG_OK ||
                strlen(p->name) != p->name_len || strlen(p->value) != p->value_len ||
                (i > 0 && strcmp(request.params[i - 1].name, p->name) >= 0))
                abort();
        }
        char *id = malloc(path_len + 1);
        size_t id_len = 0;
        request.route = http_route_find(path, path_len, id, &id_len);
        if (request.route) {
            if (request.route->id != HTTP_ID_NONE)
                request.path_id = id;
            http_route_check_id(request.route, &request, id, id_len);
            char *canonical = NULL;
            size_t len = 0;
            FILE *out = open_memstream(&canonical, &len);
            http_canonical_request(&request, NULL, out);
            fclose(out);
            for (size_t i = 0; i < len; i++) {
                if (canonical[i] <= 0x20 || canonical[i] >= 0x7F)
                    abort();
            }
            free(canonical);
        }
        free(id);
    } else if (tg_utf8_validate(request.detail, strlen(request.detail), NULL) != TG_OK ||
               (request.bad_parameter &&
                tg_utf8_validate(request.bad_parameter, strlen(request.bad_parameter), NULL) !=
                    TG_OK)) {
        /* Problem bodies are JSON: what they quote must be valid UTF-8. */
        abort();
    }
    free(request.decoded);
    free(target);
    return 0;
}
