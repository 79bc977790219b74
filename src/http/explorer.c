/*
 * The explorer page at GET / and its files under /explorer/: HTML, CSS, plain JavaScript and
 * the Thai font, compiled in from src/http/explorer/ so the daemon serves the page it was
 * built with and needs nothing beside it. The page itself reads only the public API.
 */
#include <string.h>

#include "internal.h"
#include "routes.h"

#define EMBEDDED(symbol)                                                                           \
    extern const unsigned char symbol[];                                                           \
    extern const size_t symbol##_len;
EMBEDDED(tg_explorer_html)
EMBEDDED(tg_explorer_css)
EMBEDDED(tg_explorer_js)
EMBEDDED(tg_explorer_font_400)
EMBEDDED(tg_explorer_font_700)

struct asset {
    const char *name;
    const unsigned char *bytes;
    const size_t *len;
    const char *content_type;
};

static const struct asset assets[] = {
    {"explorer.css", tg_explorer_css, &tg_explorer_css_len, "text/css; charset=utf-8"},
    {"explorer.js", tg_explorer_js, &tg_explorer_js_len, "text/javascript; charset=utf-8"},
    {"noto-sans-thai-thai-400-normal.woff2", tg_explorer_font_400, &tg_explorer_font_400_len,
     "font/woff2"},
    {"noto-sans-thai-thai-700-normal.woff2", tg_explorer_font_700, &tg_explorer_font_700_len,
     "font/woff2"},
};

static void serve(struct http_output *out, const unsigned char *bytes, size_t len,
                  const char *content_type)
{
    out->text = (char *)bytes;
    out->text_len = len;
    out->text_is_static = true;
    out->content_type = content_type;
}

enum tg_status http_explorer_page(struct http_request *request, struct http_output *out)
{
    (void)request;
    serve(out, tg_explorer_html, tg_explorer_html_len, "text/html; charset=utf-8");
    return TG_OK;
}

/* Each file has a route of its own (routes.c); the route's path names the file. */
enum tg_status http_explorer_asset(struct http_request *request, struct http_output *out)
{
    const char *name = strrchr(request->route->pattern, '/') + 1;
    for (size_t i = 0; i < sizeof assets / sizeof assets[0]; i++) {
        if (strcmp(name, assets[i].name) == 0) {
            serve(out, assets[i].bytes, *assets[i].len, assets[i].content_type);
            return TG_OK;
        }
    }
    return TG_ERR_INTERNAL;
}
