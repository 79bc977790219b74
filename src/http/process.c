/*
 * The process's own figures for /metrics, under the names Prometheus client libraries use
 * (process_*), so existing dashboards and alerts apply; the build; and the reloads.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "thaigraph/service.h"

/* The process's start as Unix time, taken when the program is loaded: reading it from /proc
 * would need /proc/stat, which the systemd unit's ProcSubset=pid hides. */
static double started_at;

__attribute__((constructor)) static void note_start(void)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    started_at = (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static size_t open_fds(void)
{
    DIR *dir = opendir("/proc/self/fd");
    size_t count = 0;
    for (struct dirent *entry; dir && (entry = readdir(dir)) != NULL;)
        count += entry->d_name[0] != '.';
    if (dir)
        closedir(dir);
    /* The directory's own descriptor was open while counting. */
    return count ? count - 1 : 0;
}

void http_metrics_process(FILE *out)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    double cpu = (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                 (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    unsigned long long pages_virtual = 0, pages_resident = 0;
    FILE *statm = fopen("/proc/self/statm", "r");
    if (statm) {
        if (fscanf(statm, "%llu %llu", &pages_virtual, &pages_resident) != 2)
            pages_virtual = pages_resident = 0;
        fclose(statm);
    }
    unsigned long long page = (unsigned long long)sysconf(_SC_PAGESIZE);
    struct rlimit files;
    getrlimit(RLIMIT_NOFILE, &files);
    struct tg_service_reload_stats reloads;
    tg_service_reload_stats(&reloads);
    fprintf(out,
            "# HELP thaigraph_build_info The running build; the value is always 1.\n"
            "# TYPE thaigraph_build_info gauge\n"
            "thaigraph_build_info{version=\"%s\"} 1\n"
            "# HELP process_cpu_seconds_total User and system CPU time spent.\n"
            "# TYPE process_cpu_seconds_total counter\n"
            "process_cpu_seconds_total %.3f\n"
            "# HELP process_start_time_seconds Start time of the process since the Unix epoch.\n"
            "# TYPE process_start_time_seconds gauge\n"
            "process_start_time_seconds %.2f\n"
            "# HELP process_resident_memory_bytes Resident memory size.\n"
            "# TYPE process_resident_memory_bytes gauge\n"
            "process_resident_memory_bytes %llu\n"
            "# HELP process_virtual_memory_bytes Virtual memory size.\n"
            "# TYPE process_virtual_memory_bytes gauge\n"
            "process_virtual_memory_bytes %llu\n"
            "# HELP process_open_fds Open file descriptors.\n"
            "# TYPE process_open_fds gauge\n"
            "process_open_fds %zu\n"
            "# HELP process_max_fds The limit on open file descriptors.\n"
            "# TYPE process_max_fds gauge\n"
            "process_max_fds %llu\n"
            "# HELP thaigraph_reloads_total Reloads of the database since start, by outcome.\n"
            "# TYPE thaigraph_reloads_total counter\n"
            "thaigraph_reloads_total{result=\"success\"} %llu\n"
            "thaigraph_reloads_total{result=\"failure\"} %llu\n"
            "# HELP thaigraph_last_reload_success Whether the last reload succeeded (1 before "
            "any).\n"
            "# TYPE thaigraph_last_reload_success gauge\n"
            "thaigraph_last_reload_success %d\n"
            "# HELP thaigraph_last_reload_timestamp_seconds When the last reload ended (0 "
            "before any).\n"
            "# TYPE thaigraph_last_reload_timestamp_seconds gauge\n"
            "thaigraph_last_reload_timestamp_seconds %lld\n",
            TG_VERSION, cpu, started_at, pages_resident * page, pages_virtual * page, open_fds(),
            (unsigned long long)files.rlim_cur, (unsigned long long)reloads.succeeded,
            (unsigned long long)reloads.failed, reloads.last_at == 0 || reloads.last_succeeded,
            (long long)reloads.last_at);
}
