/*
 * The baseline for bench/http.sh: the least a libmicrohttpd server can do per request, answering
 * every GET with one fixed body held in memory, with the same threading as thaigraphd. What
 * thaigraphd achieves relative to it is the cost of routing, snapshot access, JSON and ETags.
 *
 * usage: fixed_server BODY_FILE THREADS   (prints "listening on http://127.0.0.1:PORT")
 */
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct MHD_Response *fixed;

static enum MHD_Result answer(void *cls, struct MHD_Connection *connection, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **state)
{
    (void)cls, (void)url, (void)method, (void)version, (void)upload_data, (void)upload_data_size;
    if (*state == NULL) {
        *state = connection;
        return MHD_YES;
    }
    return MHD_queue_response(connection, MHD_HTTP_OK, fixed);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: fixed_server BODY_FILE THREADS\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    static char body[1 << 20];
    size_t len = fread(body, 1, sizeof body, f);
    fclose(f);
    fixed = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(fixed, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json; charset=utf-8");
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, NULL);
    struct MHD_Daemon *daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO, 0, NULL, NULL, answer, NULL,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)atoi(argv[2]), MHD_OPTION_END);
    if (!daemon)
        return 1;
    printf("listening on http://127.0.0.1:%u\n",
           MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT)->port);
    fflush(stdout);
    int sig;
    sigwait(&signals, &sig);
    MHD_stop_daemon(daemon);
    MHD_destroy_response(fixed);
    return 0;
}
