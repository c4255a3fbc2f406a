/*
 * spnet.c: Izhikevich's (2006) polychronization network, single-threaded, as the reference
 * that izhsim's `izhsim spnet` is checked and timed against.
 *
 * Written from a description of spnet.cpp's algorithm (its semantics: the per-ms order
 * input, spikes with potentiation, delivery with depression, integration, trace decay; the
 * once-per-second weight update), with izhsim's counter-based random streams instead of rand(),
 * so that the Java program can draw the same network and input. README.md in this directory
 * lists the streams, the options, the order of floating-point operations that must be kept for
 * bit-identical results, and the validation against the published behaviour.
 *
 * Two storage choices differ from spnet.cpp without changing any value: the LTP history is a
 * ring of D+1 time slots (time-major) instead of 1001+D columns shifted every second, and the
 * spike list grows instead of being reset when full.
 *
 * Build: gcc -O3 -march=native -std=c11 -ffp-contract=off [-DREAL=float] spnet.c -o spnet -lm
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "counter_random.h"

#ifndef REAL
#define REAL double
#endif
typedef REAL real;
#define STR2(x) #x
#define STR(x) STR2(x)

#define HIST_BINS 10

typedef struct {
    long seconds;
    uint64_t seed;
    int ne, ni, m, d;
    double sm;
    int uniform_delays;
    int json;
    const char *spikes_path, *weights_path;
} Options;

typedef struct {
    double rate, rate_exc, rate_inh, mean_w, frac9;
    long hist[HIST_BINS];
} Second;

typedef struct {
    int n, ne, m, d, draws;
    /* synapses of pre i are [i*m, (i+1)*m), sorted by delay index (stable in the drawn slot order) */
    int32_t *post;
    uint8_t *dd;        /* delay index: delay = dd + 1 ms */
    int32_t *dbeg;      /* synapses of pre i with delay index k: [dbeg[i*(d+1)+k], dbeg[i*(d+1)+k+1]) */
    real *s, *sd;
    /* excitatory synapses onto post i: pstart[i] .. pstart[i+1] into psyn, pj (pre), pdd */
    int32_t *pstart, *psyn, *pj;
    uint8_t *pdd;
    real *a, *dpar, *v, *u, *in, *ltd;
    real *ltp;          /* ring: time T of neuron i at ltp[(T mod (d+1))*n + i] */
    int32_t *ft, *fi;   /* spike list: time in ms relative to the current second, neuron */
    long nf, fcap;
} Net;

static const char *KNOWN = "--seconds --seed --ne --ni --m --d --sm --delays fixed|uniform --json "
                           "--spikes FILE --weights FILE[.bin] --help";
static const char *VALUED[] = {"--seconds", "--seed", "--ne", "--ni", "--m", "--d", "--sm", "--delays",
                               "--spikes", "--weights"};

static void fail(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("spnet: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static long parse_long(const char *opt, const char *s, long lo, long hi) {
    char *end;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (errno || end == s || *end || x < lo || x > hi)
        fail("%s: expected an integer in [%ld, %ld], got '%s'", opt, lo, hi, s);
    return x;
}

static void usage(void) {
    printf("usage: spnet [--seconds 10] [--seed 1] [--ne 800] [--ni 200] [--m 100] [--d 20] [--sm 10]\n"
           "             [--delays fixed|uniform] [--json] [--spikes FILE] [--weights FILE[.bin]]\n"
           "Izhikevich's 2006 polychronization network (spnet.cpp semantics), REAL=%s.\n"
           "See README.md next to spnet.c for the random streams and the output formats.\n",
           STR(REAL));
}

static int valued(const char *opt) {
    for (size_t k = 0; k < sizeof VALUED / sizeof *VALUED; k++)
        if (!strcmp(opt, VALUED[k])) return 1;
    return 0;
}

static Options parse(int argc, char **argv) {
    Options o = {10, 1, 800, 200, 100, 20, 10.0, 0, 0, NULL, NULL};
    for (int k = 1; k < argc; k++) {
        const char *opt = argv[k];
        if (!strcmp(opt, "--help") || !strcmp(opt, "-h")) { usage(); exit(0); }
        if (!strcmp(opt, "--json")) { o.json = 1; continue; }
        if (!valued(opt)) fail("unknown option '%s'; known: %s", opt, KNOWN);
        if (k + 1 >= argc) fail("%s needs a value", opt);
        const char *val = argv[++k];
        if (!strcmp(opt, "--seconds")) o.seconds = parse_long(opt, val, 1, 1000000000L);
        else if (!strcmp(opt, "--seed")) {
            char *end;
            errno = 0;
            long long x = strtoll(val, &end, 10);
            if (errno || end == val || *end) fail("%s: expected a 64-bit integer, got '%s'", opt, val);
            o.seed = (uint64_t)x;
        } else if (!strcmp(opt, "--ne")) o.ne = (int)parse_long(opt, val, 1, 100000000L);
        else if (!strcmp(opt, "--ni")) o.ni = (int)parse_long(opt, val, 0, 100000000L);
        else if (!strcmp(opt, "--m")) o.m = (int)parse_long(opt, val, 1, 100000L);
        else if (!strcmp(opt, "--d")) o.d = (int)parse_long(opt, val, 1, 255);
        else if (!strcmp(opt, "--sm")) {
            char *end;
            o.sm = strtod(val, &end);
            if (end == val || *end || !isfinite(o.sm) || o.sm <= 0)
                fail("%s: expected a finite number > 0, got '%s'", opt, val);
        } else if (!strcmp(opt, "--delays")) {
            if (!strcmp(val, "fixed")) o.uniform_delays = 0;
            else if (!strcmp(val, "uniform")) o.uniform_delays = 1;
            else fail("--delays: unknown value '%s'; known: fixed, uniform", val);
        } else if (!strcmp(opt, "--spikes")) o.spikes_path = val;
        else o.weights_path = val;
    }
    if (o.m > o.ne + o.ni - 1)
        fail("--m %d is larger than the %d targets of an excitatory neuron (--ne + --ni - 1)", o.m, o.ne + o.ni - 1);
    if (o.ni > 0 && o.m > o.ne)
        fail("--m %d is larger than the %d targets of an inhibitory neuron (--ne)", o.m, o.ne);
    if (!o.uniform_delays && o.m % o.d != 0)
        fail("--m %d is not a multiple of --d %d, which --delays fixed (M/D synapses per delay) needs; "
             "use --delays uniform or another --m", o.m, o.d);
    if (((double)o.ne + o.ni) * o.m > INT32_MAX) fail("--ne, --ni, --m: more than 2^31 synapses");
    return o;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static void *alloc(size_t count, size_t size) {
    void *p = calloc(count ? count : 1, size);
    if (!p) {
        fprintf(stderr, "spnet: not enough memory (%.0f MB more needed); use smaller --ne, --ni or --m\n",
                (double)count * size / 1e6);
        exit(2);
    }
    return p;
}

/*
 * Targets by rejection sampling as spnet.cpp: stream connect/spnet, key = pre neuron, one
 * counter per attempt; an excitatory pre draws from all N, an inhibitory one from the Ne
 * excitatory neurons; self and repeated targets are rejected. Delays: spnet.cpp's M/D slots per
 * delay, or (--delays uniform, spnet.m of 2008) stream delays/spnet, key = pre, counter = slot.
 */
static void connect(Net *net, const Options *o) {
    int n = net->n, m = net->m, d = net->d, ne = net->ne;
    uint64_t kc = cr_streams_key(o->seed, "connect/spnet"), kd = cr_streams_key(o->seed, "delays/spnet");
    int32_t *seen = alloc((size_t)n, sizeof *seen); /* seen[r] == i + 1: r already a target of i */
    int32_t *drawn = alloc((size_t)m, sizeof *drawn);
    uint8_t *ddrawn = alloc((size_t)m, sizeof *ddrawn);
    int32_t count[256 + 1];
    for (int i = 0; i < n; i++) {
        uint64_t key = cr_key(kc, (uint64_t)i);
        int32_t range = i < ne ? n : ne;
        uint64_t attempt = 0;
        for (int j = 0; j < m;) {
            int32_t r = cr_below(key, attempt++, range);
            if (r == i || seen[r] == i + 1) continue;
            seen[r] = i + 1;
            drawn[j++] = r;
        }
        uint64_t dkey = cr_key(kd, (uint64_t)i);
        for (int j = 0; j < m; j++)
            ddrawn[j] = i >= ne ? 0 : o->uniform_delays ? (uint8_t)cr_below(dkey, (uint64_t)j, d) : (uint8_t)(j / (m / d));
        /* counting sort by delay index, stable in slot order (the order spnet delivers in) */
        memset(count, 0, (size_t)(d + 1) * sizeof *count);
        for (int j = 0; j < m; j++) count[ddrawn[j] + 1]++;
        int32_t *beg = net->dbeg + (size_t)i * (d + 1);
        size_t base = (size_t)i * m;
        for (int k = 0; k < d; k++) count[k + 1] += count[k];
        for (int k = 0; k <= d; k++) beg[k] = (int32_t)(base + count[k]);
        for (int j = 0; j < m; j++) {
            size_t q = base + count[ddrawn[j]]++;
            net->post[q] = drawn[j];
            net->dd[q] = ddrawn[j];
        }
    }
    free(seen);
    free(drawn);
    free(ddrawn);
    /* excitatory presynaptic lists per post (for potentiation), pre ascending */
    for (size_t q = 0; q < (size_t)ne * m; q++) net->pstart[net->post[q] + 1]++;
    for (int i = 0; i < n; i++) net->pstart[i + 1] += net->pstart[i];
    int32_t *fill = alloc((size_t)n, sizeof *fill);
    memcpy(fill, net->pstart, (size_t)n * sizeof *fill);
    for (int j = 0; j < ne; j++)
        for (size_t q = (size_t)j * m; q < (size_t)(j + 1) * m; q++) {
            int32_t p = fill[net->post[q]]++;
            net->psyn[p] = (int32_t)q;
            net->pj[p] = j;
            net->pdd[p] = net->dd[q];
        }
    free(fill);
}

/* calloc only reserves address space on Linux: refuse up front what physical memory cannot hold */
static void check_memory(const Options *o) {
    double n = (double)o->ne + o->ni, syn = n * o->m, exc = (double)o->ne * o->m;
    double need = syn * (4 + 1 + 2 * sizeof(real)) + exc * (4 + 4 + 1) + n * (4 * (o->d + 1) + 8 * sizeof(real))
                  + n * (o->d + 1) * sizeof(real);
    double have = (double)sysconf(_SC_PHYS_PAGES) * sysconf(_SC_PAGE_SIZE);
    if (have > 0 && need > have)
        fail("--ne %d --ni %d --m %d needs about %.1f GB, more than this machine's %.1f GB", o->ne, o->ni, o->m,
             need / 1e9, have / 1e9);
}

static void build(Net *net, const Options *o) {
    int n = o->ne + o->ni, m = o->m, d = o->d;
    size_t syn = (size_t)n * m;
    check_memory(o);
    net->n = n; net->ne = o->ne; net->m = m; net->d = d;
    net->draws = n / 1000 > 0 ? n / 1000 : 1;
    net->post = alloc(syn, sizeof *net->post);
    net->dd = alloc(syn, sizeof *net->dd);
    net->dbeg = alloc((size_t)n * (d + 1), sizeof *net->dbeg);
    net->s = alloc(syn, sizeof(real));
    net->sd = alloc(syn, sizeof(real));
    net->pstart = alloc((size_t)n + 1, sizeof *net->pstart);
    net->psyn = alloc((size_t)o->ne * m, sizeof *net->psyn);
    net->pj = alloc((size_t)o->ne * m, sizeof *net->pj);
    net->pdd = alloc((size_t)o->ne * m, sizeof *net->pdd);
    net->a = alloc(n, sizeof(real)); net->dpar = alloc(n, sizeof(real));
    net->v = alloc(n, sizeof(real)); net->u = alloc(n, sizeof(real));
    net->in = alloc(n, sizeof(real)); net->ltd = alloc(n, sizeof(real));
    net->ltp = alloc((size_t)(d + 1) * n, sizeof(real));
    net->fcap = 4L * n + 16;
    net->ft = alloc(net->fcap, sizeof *net->ft);
    net->fi = alloc(net->fcap, sizeof *net->fi);
    net->nf = 0;
    connect(net, o);
    for (size_t q = 0; q < syn; q++) net->s[q] = q < (size_t)o->ne * m ? 6.0 : -5.0;
    for (int i = 0; i < n; i++) {
        net->a[i] = i < o->ne ? 0.02 : 0.1;
        net->dpar[i] = i < o->ne ? 8.0 : 2.0;
        net->v[i] = -65;
        net->u[i] = 0.2 * net->v[i];
    }
}

static void add_spike(Net *net, int t, int i) {
    if (net->nf == net->fcap) {
        net->fcap *= 2;
        net->ft = realloc(net->ft, net->fcap * sizeof *net->ft);
        net->fi = realloc(net->fi, net->fcap * sizeof *net->fi);
        if (!net->ft || !net->fi) { fprintf(stderr, "spnet: not enough memory for the spike list\n"); exit(2); }
    }
    net->ft[net->nf] = t;
    net->fi[net->nf++] = i;
}

/* One model second: 1000 steps of 1 ms, then the weight update; fills the second's statistics. */
static void run_second(Net *net, long sec, uint64_t kin, real sm, FILE *spikes, Second *st) {
    const int n = net->n, ne = net->ne, d = net->d, r = d + 1;
    real *v = net->v, *u = net->u, *in = net->in, *ltd = net->ltd, *ltp = net->ltp, *s = net->s, *sd = net->sd;
    long exc = 0, inh = 0;
    size_t back[256];
    for (int t = 0; t < 1000; t++) {
        long tg = sec * 1000 + t;
        size_t cur = (size_t)(tg % r) * n, nxt = (size_t)((tg + 1) % r) * n;
        for (int k = 0; k < d; k++) back[k] = (size_t)(((tg - k - 1) % r + r) % r) * n;
        /* 1. input: one uniformly random neuron (N/1000 with replacement) gets 20 */
        memset(in, 0, (size_t)n * sizeof *in);
        uint64_t key = cr_key(kin, (uint64_t)tg);
        for (int k = 0; k < net->draws; k++) in[cr_below(key, (uint64_t)k, n)] = 20.0;
        /* 2. spikes: reset, set the traces, potentiate from the arrival-time LTP history */
        for (int i = 0; i < n; i++) {
            if (v[i] >= 30) {
                v[i] = -65;
                u[i] += net->dpar[i];
                ltp[cur + i] = 0.1;
                ltd[i] = 0.12;
                for (int32_t p = net->pstart[i]; p < net->pstart[i + 1]; p++)
                    sd[net->psyn[p]] += ltp[back[net->pdd[p]] + net->pj[p]];
                add_spike(net, t, i);
                if (i < ne) exc++; else inh++;
                if (spikes) fprintf(spikes, "%ld %d\n", tg, i);
            }
        }
        /* 3. delivery, newest spike first, of every spike of the last D ms (this step's too) */
        for (long k = net->nf - 1; k >= 0 && t - net->ft[k] < d; k--) {
            int j = net->fi[k], dd = t - net->ft[k];
            const int32_t *beg = net->dbeg + (size_t)j * r + dd;
            if (j < ne) {
                for (int32_t q = beg[0]; q < beg[1]; q++) {
                    int32_t i = net->post[q];
                    in[i] += s[q];
                    sd[q] -= ltd[i];
                }
            } else {
                for (int32_t q = beg[0]; q < beg[1]; q++) in[net->post[q]] += s[q];
            }
        }
        /* 4. integrate: two 0.5-ms half-steps of v, then u from the new v; 5. decay the traces */
        for (int i = 0; i < n; i++) {
            v[i] += 0.5 * ((0.04 * v[i] + 5) * v[i] + 140 - u[i] + in[i]);
            v[i] += 0.5 * ((0.04 * v[i] + 5) * v[i] + 140 - u[i] + in[i]);
            u[i] += net->a[i] * (0.2 * v[i] - u[i]);
            ltp[nxt + i] = 0.95 * ltp[cur + i];
            ltd[i] *= 0.95;
        }
    }
    /* end of second: keep the spikes that can still arrive, shifted by -1000 ms */
    long keep = 0;
    for (long k = 0; k < net->nf; k++)
        if (1000 - net->ft[k] < d) {
            net->ft[keep] = net->ft[k] - 1000;
            net->fi[keep++] = net->fi[k];
        }
    net->nf = keep;
    /* excitatory weights only: drift, sd, decay of sd, clip; the statistics after the update */
    size_t nexc = (size_t)ne * net->m;
    double sum = 0;
    long above9 = 0;
    memset(st->hist, 0, sizeof st->hist);
    for (size_t q = 0; q < nexc; q++) {
        s[q] += 0.01 + sd[q];
        sd[q] *= 0.9;
        if (s[q] > sm) s[q] = sm;
        if (s[q] < 0) s[q] = 0;
        sum += s[q];
        above9 += s[q] > 9;
        int b = (int)s[q];
        st->hist[b < HIST_BINS ? b : HIST_BINS - 1]++;
    }
    int ni = n - ne;
    st->rate = (double)(exc + inh) / n;
    st->rate_exc = (double)exc / ne;
    st->rate_inh = ni > 0 ? (double)inh / ni : 0.0;
    st->mean_w = nexc ? sum / nexc : 0.0;
    st->frac9 = nexc ? (double)above9 / nexc : 0.0;
}

/* Text: "pre post delay_ms w" per synapse; FILE.bin: packed little-endian records <i4 <i4 <i4 <f8. */
static int write_weights(const Net *net, FILE *f, int binary) {
    size_t syn = (size_t)net->n * net->m;
    for (size_t q = 0; q < syn; q++) {
        int32_t rec[3] = {(int32_t)(q / net->m), net->post[q], net->dd[q] + 1};
        double w = net->s[q];
        if (binary) {
            if (fwrite(rec, sizeof rec, 1, f) != 1 || fwrite(&w, sizeof w, 1, f) != 1) return -1;
        } else if (fprintf(f, "%d %d %d %.17g\n", rec[0], rec[1], rec[2], w) < 0) return -1;
    }
    return 0;
}

/* Outputs go to PATH.tmp and are renamed at the end, so a failed run leaves nothing half-written. */
static FILE *open_tmp(const char *path, char *tmp, size_t cap, const char *mode) {
    snprintf(tmp, cap, "%s.tmp", path);
    FILE *f = fopen(tmp, mode);
    if (!f) fail("cannot write '%s': %s", path, strerror(errno));
    return f;
}

static void finish(FILE *f, const char *tmp, const char *path) {
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        remove(tmp);
        fail("cannot write '%s': %s", path, strerror(errno));
    }
}

static void print_json(const Second *st, long seconds, double build_s, double run_s) {
    printf("{\"per_second\": [");
    for (long k = 0; k < seconds; k++) {
        const Second *x = st + k;
        printf("%s{\"t_s\": %ld, \"rate_hz\": %.17g, \"rate_exc_hz\": %.17g, \"rate_inh_hz\": %.17g, "
               "\"mean_exc_w\": %.17g, \"frac_exc_w_above_9\": %.17g, \"hist\": [",
               k ? ", " : "", k + 1, x->rate, x->rate_exc, x->rate_inh, x->mean_w, x->frac9);
        for (int b = 0; b < HIST_BINS; b++) printf("%s%ld", b ? ", " : "", x->hist[b]);
        printf("]}");
    }
    printf("], \"build_s\": %.6f, \"run_s\": %.6f}\n", build_s, run_s);
}

int main(int argc, char **argv) {
    Options o = parse(argc, argv);
    char stmp[4096], wtmp[4096];
    FILE *spikes = o.spikes_path ? open_tmp(o.spikes_path, stmp, sizeof stmp, "w") : NULL;
    if (spikes) setvbuf(spikes, NULL, _IOFBF, 1 << 20);
    int wbin = 0;
    FILE *weights = NULL;
    if (o.weights_path) {
        size_t len = strlen(o.weights_path);
        wbin = len > 4 && !strcmp(o.weights_path + len - 4, ".bin");
        weights = open_tmp(o.weights_path, wtmp, sizeof wtmp, wbin ? "wb" : "w");
    }
    Second *st = alloc((size_t)o.seconds, sizeof *st);

    double t0 = now();
    Net net;
    memset(&net, 0, sizeof net);
    build(&net, &o);
    double t1 = now();
    uint64_t kin = cr_streams_key(o.seed, "spnet/input");
    for (long sec = 0; sec < o.seconds; sec++) run_second(&net, sec, kin, (real)o.sm, spikes, st + sec);
    double t2 = now();

    if (spikes) finish(spikes, stmp, o.spikes_path);
    if (weights) {
        if (write_weights(&net, weights, wbin) != 0) {
            fclose(weights);
            remove(wtmp);
            fail("cannot write '%s': %s", o.weights_path, strerror(errno));
        }
        finish(weights, wtmp, o.weights_path);
    }
    if (o.json) {
        print_json(st, o.seconds, t1 - t0, t2 - t1);
    } else {
        const Second *last = st + o.seconds - 1;
        printf("spnet (REAL=%s): N=%d M=%d D=%d %s delays, seed %llu, %ld s; last second: rate %.2f Hz "
               "(exc %.2f, inh %.2f), mean exc w %.3f, frac > 9 %.3f; build %.3f s, run %.3f s\n",
               STR(REAL), net.n, net.m, net.d, o.uniform_delays ? "uniform" : "fixed",
               (long long)o.seed, o.seconds, last->rate, last->rate_exc, last->rate_inh,
               last->mean_w, last->frac9, t1 - t0, t2 - t1);
    }
    return 0;
}
