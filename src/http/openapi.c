#include "internal.h"

extern const unsigned char tg_openapi_yaml[];
extern const size_t tg_openapi_yaml_len;

/* The spec is compiled in from api/openapi.yaml, so the daemon serves the one it was built
 * with. */
enum tg_status http_openapi_get(struct http_request *request, struct http_output *out)
{
    (void)request;
    out->text = (char *)tg_openapi_yaml;
    out->text_len = tg_openapi_yaml_len;
    out->text_is_static = true;
    out->content_type = "application/yaml; charset=utf-8";
    return TG_OK;
}
