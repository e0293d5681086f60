/* The machine's own floor for bench/gil's convoy section: the same pipe round trip (an 8-byte
 * request, a 1-byte answer, answered by another thread) in C with pthreads, no interpreter and no
 * GIL; alone, then while CPU-bound threads spin (they compete with the two I/O threads for the
 * cores only through the OS scheduler). Round trips over 1 ms here are the OS's, not a GIL's.
 *
 * Usage: pipe_echo DURATION_S SPINNERS... ; prints one line `RESULT {json}`:
 * {"points": [{"cpu_threads": n, "n": .., "median_us": .., "p99_us": .., "max_us": ..,
 *              "mean_us": .., "over_1ms": ..}, ...]}
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int request_pipe[2];
static int reply_pipe[2];
static atomic_int spinning;

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void* echo(void* unused) {
    (void)unused;
    char request[8];
    for (;;) {
        ssize_t got = read(request_pipe[0], request, sizeof request);
        if (got <= 0 || memcmp(request, "quit", 4) == 0)
            return NULL;
        if (write(reply_pipe[1], "k", 1) != 1)
            return NULL;
    }
}

static void* spin(void* unused) {
    (void)unused;
    volatile uint64_t x = 0;
    while (atomic_load_explicit(&spinning, memory_order_relaxed))
        for (int i = 0; i < 1000; ++i)
            x = (x * 7 + (uint64_t)i) % 1000003;
    return NULL;
}

static int compare(const void* a, const void* b) {
    int64_t x = *(const int64_t*)a, y = *(const int64_t*)b;
    return (x > y) - (x < y);
}

static void measure(double duration, int spinners, int first) {
    enum { limit = 2000000 };
    static int64_t samples[limit];
    pthread_t threads[64];
    if (spinners > 64)
        spinners = 64;
    atomic_store(&spinning, 1);
    for (int i = 0; i < spinners; ++i)
        pthread_create(&threads[i], NULL, spin, NULL);
    usleep(20000);
    size_t n = 0;
    int64_t end = now_ns() + (int64_t)(duration * 1e9);
    char answer;
    while (n < limit) {
        int64_t start = now_ns();
        if (write(request_pipe[1], "ping0000", 8) != 8 || read(reply_pipe[0], &answer, 1) != 1)
            exit(1);
        int64_t stop = now_ns();
        samples[n++] = stop - start;
        if (stop >= end)
            break;
    }
    atomic_store(&spinning, 0);
    for (int i = 0; i < spinners; ++i)
        pthread_join(threads[i], NULL);
    qsort(samples, n, sizeof samples[0], compare);
    size_t over = 0;
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
        over += samples[i] > 1000000;
        total += (double)samples[i];
    }
    size_t p99 = (size_t)(0.99 * (double)n + 0.999999999);
    p99 = p99 < 1 ? 1 : p99 > n ? n : p99;
    size_t median = (size_t)(0.5 * (double)n + 0.999999999);
    median = median < 1 ? 1 : median;
    printf("%s{\"cpu_threads\": %d, \"n\": %zu, \"median_us\": %.3f, \"p99_us\": %.3f, "
           "\"max_us\": %.3f, \"mean_us\": %.3f, \"over_1ms\": %zu}",
           first ? "" : ", ", spinners, n, (double)samples[median - 1] / 1e3,
           (double)samples[p99 - 1] / 1e3, (double)samples[n - 1] / 1e3, total / (double)n / 1e3, over);
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s DURATION_S SPINNERS...\n", argv[0]);
        return 2;
    }
    double duration = atof(argv[1]);
    if (pipe(request_pipe) != 0 || pipe(reply_pipe) != 0)
        return 1;
    pthread_t echo_thread;
    pthread_create(&echo_thread, NULL, echo, NULL);
    printf("RESULT {\"workload\": \"pipe_echo_c\", \"points\": [");
    for (int arg = 2; arg < argc; ++arg)
        measure(duration, atoi(argv[arg]), arg == 2);
    printf("]}\n");
    if (write(request_pipe[1], "quit0000", 8) != 8)
        return 1;
    pthread_join(echo_thread, NULL);
    return 0;
}
