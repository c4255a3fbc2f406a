/*
 * spnet_mt.c: spnet.c (Izhikevich's 2006 polychronization network) on 1 or 2 threads (pthreads),
 * bit-identical to spnet.c for any thread count: same spikes, same final weights, same --json
 * statistics. Written to answer whether a hand-written 2-thread C program can take <= 0.7 of the
 * single-threaded spnet's time on the 1000-neuron network (issue #15).
 *
 * Design (see also /tmp/helperB/notes.md at the time of writing):
 *  - Neurons are split by owner into two contiguous ranges [0, split) and [split, N). A thread
 *    owns its neurons' state (v, u, I, LTD) and every synapse onto its neurons (weight s, sd),
 *    stored privately: per presynaptic neuron j (all N), per delay index, the synapses of j onto
 *    the thread's posts in spnet.c's stored order. Potentiation, delivery/depression and the
 *    weight update of a synapse are always done by the owner of its post.
 *  - The LTP history (a pure function of the spike times) is kept as a private copy of all
 *    excitatory neurons by each thread (the decay of 800 floats per step is cheaper than reading
 *    the other thread's freshly written cache lines); the 1-per-ms input is a pure function of
 *    the step, so each thread draws it and keeps the hits on its own neurons.
 *  - One synchronisation per ms: each thread detects its spikes, publishes them (the list inline
 *    in one 64-byte line per thread and step parity, with the step number as a release flag),
 *    then does the work that does not need the other thread's spikes (potentiation of its posts,
 *    input, LTP decay, a slice of the statistics), then waits for the other's list of the same
 *    step (acquire) and delivers. Double buffering by step parity makes one sync per step
 *    enough. --sync barrier uses a split-phase sense-reversing counter barrier instead.
 *  - Delivery per post keeps spnet.c's order: spikes newest first, within one step descending
 *    neuron index (both threads keep the merged list in ascending order), each spike's
 *    synapses in stored order; potentiation precedes depression on a synapse in the same step.
 *  - The once-per-second weight update is split by synapse owner (no barrier: nobody else
 *    touches those synapses); the histogram counts are per thread; the mean weight, a double
 *    sum in stored order, is computed during the next second in 997 slices, half by each thread (the
 *    weights are constant during a second), so it never stalls a step.
 *
 * Build: gcc -O3 -march=native -std=c11 -ffp-contract=off [-DREAL=float] spnet_mt.c -o spnet_mt -lm -lpthread
 */
#define _GNU_SOURCE
#include <errno.h>
#include <immintrin.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
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
#define CACHE 64

/* pauses (about 25 ns each on this AMD EPYC) before a waiting thread yields its core: the
   machine may be oversubscribed, and a thread spinning for a descheduled partner wastes it */
static unsigned spin_limit = 200;

typedef struct {
    long seconds;
    uint64_t seed;
    int ne, ni, m, d;
    double sm;
    int uniform_delays;
    int json;
    const char *spikes_path, *weights_path;
    int threads;
    long split;      /* first neuron of thread 1; -1: automatic */
    int sync;        /* 0: per-thread step flags, 1: sense-reversing barrier */
    int pin;         /* pin thread k to CPU k */
    int summer;      /* thread that computes the stored-order weight sum; 2: both, half of the chain each */
    int profile;     /* print each thread's waiting time to stderr */
    int summer_th;
} Options;

typedef struct {
    double rate, rate_exc, rate_inh, mean_w, frac9;
    long hist[HIST_BINS];
} Second;

/* The global network, as spnet.c builds it (used to derive the per-thread storage and for output). */
typedef struct {
    int n, ne, m, d, draws;
    int32_t *post;
    uint8_t *dd;
    int32_t *dbeg;
    real *s;
    int32_t *pstart, *psyn, *pj;
    uint8_t *pdd;
} Net;

static const char *KNOWN = "--seconds --seed --ne --ni --m --d --sm --delays fixed|uniform --json "
                           "--spikes FILE --weights FILE[.bin] --threads 1|2 --split K --sync flags|barrier "
                           "--pin --summer 0|1|2 --spin PAUSES --profile --help";
static const char *VALUED[] = {"--seconds", "--seed", "--ne", "--ni", "--m", "--d", "--sm", "--delays",
                               "--spikes", "--weights", "--threads", "--split", "--sync", "--summer", "--spin"};

static void fail(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("spnet_mt: ", stderr);
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
    printf("usage: spnet_mt [--seconds 10] [--seed 1] [--ne 800] [--ni 200] [--m 100] [--d 20] [--sm 10]\n"
           "                [--delays fixed|uniform] [--json] [--spikes FILE] [--weights FILE[.bin]]\n"
           "                [--threads 1|2] [--split K] [--sync flags|barrier] [--pin] [--summer 0|1|2] [--spin PAUSES] [--profile]\n"
           "spnet.c on 1 or 2 threads, bit-identical results, REAL=%s.\n",
           STR(REAL));
}

static int valued(const char *opt) {
    for (size_t k = 0; k < sizeof VALUED / sizeof *VALUED; k++)
        if (!strcmp(opt, VALUED[k])) return 1;
    return 0;
}

static Options parse(int argc, char **argv) {
    Options o = {10, 1, 800, 200, 100, 20, 10.0, 0, 0, NULL, NULL, 1, -1, 0, 0, 2, 0, 0};
    for (int k = 1; k < argc; k++) {
        const char *opt = argv[k];
        if (!strcmp(opt, "--help") || !strcmp(opt, "-h")) { usage(); exit(0); }
        if (!strcmp(opt, "--json")) { o.json = 1; continue; }
        if (!strcmp(opt, "--pin")) { o.pin = 1; continue; }
        if (!strcmp(opt, "--profile")) { o.profile = 1; continue; }
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
        } else if (!strcmp(opt, "--threads")) o.threads = (int)parse_long(opt, val, 1, 2);
        else if (!strcmp(opt, "--split")) o.split = parse_long(opt, val, 0, 200000000L);
        else if (!strcmp(opt, "--summer")) o.summer = (int)parse_long(opt, val, 0, 2);
        else if (!strcmp(opt, "--spin")) spin_limit = (unsigned)parse_long(opt, val, 1, 1L << 30);
        else if (!strcmp(opt, "--sync")) {
            if (!strcmp(val, "flags")) o.sync = 0;
            else if (!strcmp(val, "barrier")) o.sync = 1;
            else fail("--sync: unknown value '%s'; known: flags, barrier", val);
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
    if (o.split > (long)o.ne + o.ni) fail("--split %ld is larger than the %d neurons", o.split, o.ne + o.ni);
    if (o.threads == 1) o.summer = 0;
    o.summer_th = o.summer == 2 ? 1 : o.summer; /* the thread that holds the finished sums */
    return o;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static void *alloc(size_t count, size_t size) {
    size_t bytes = (count ? count : 1) * size;
    bytes = (bytes + CACHE - 1) / CACHE * CACHE;
    void *p = aligned_alloc(CACHE, bytes);
    if (!p) {
        fprintf(stderr, "spnet_mt: not enough memory (%.0f MB more needed); use smaller --ne, --ni or --m\n",
                (double)count * size / 1e6);
        exit(2);
    }
    memset(p, 0, bytes);
    return p;
}

/* Exactly spnet.c's connect(): the same targets, delays and stored order. */
static void connect(Net *net, const Options *o) {
    int n = net->n, m = net->m, d = net->d, ne = net->ne;
    uint64_t kc = cr_streams_key(o->seed, "connect/spnet"), kd = cr_streams_key(o->seed, "delays/spnet");
    int32_t *seen = alloc((size_t)n, sizeof *seen);
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

static void check_memory(const Options *o) {
    double n = (double)o->ne + o->ni, syn = n * o->m, exc = (double)o->ne * o->m;
    double need = 2 * (syn * (4 + 1 + 2 * sizeof(real)) + exc * (4 + 4 + 1) + n * (4 * (o->d + 1) + 8 * sizeof(real))
                       + n * (o->d + 1) * sizeof(real)) + syn * 8;
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
    net->pstart = alloc((size_t)n + 1, sizeof *net->pstart);
    net->psyn = alloc((size_t)o->ne * m, sizeof *net->psyn);
    net->pj = alloc((size_t)o->ne * m, sizeof *net->pj);
    net->pdd = alloc((size_t)o->ne * m, sizeof *net->pdd);
    connect(net, o);
    for (size_t q = 0; q < syn; q++) net->s[q] = q < (size_t)o->ne * m ? 6.0 : -5.0;
}

/* ---- synchronisation ---- */

#define PUB_INLINE ((CACHE - 16) / 4)
/* One thread's spikes of one step (parity): the step number + 1 is the release flag. */
typedef struct {
    _Atomic long step;
    int32_t cnt, pad;
    int32_t idx[PUB_INLINE];
} __attribute__((aligned(CACHE))) Pub;

/* Sense-reversing counter barrier, split phase (arrive, then wait), count and sense on own lines. */
typedef struct {
    _Atomic int count;
    char pad1[CACHE - sizeof(int)];
    _Atomic int sense;
    char pad2[CACHE - sizeof(int)];
} __attribute__((aligned(CACHE))) Barrier;

static inline void cpu_relax(void) { _mm_pause(); }

static inline void barrier_arrive(Barrier *b, int parties, int *local_sense) {
    *local_sense = !*local_sense;
    if (atomic_fetch_add_explicit(&b->count, 1, memory_order_acq_rel) == parties - 1) {
        atomic_store_explicit(&b->count, 0, memory_order_relaxed);
        atomic_store_explicit(&b->sense, *local_sense, memory_order_release);
    }
}

static inline void barrier_wait(Barrier *b, int local_sense) {
    unsigned spins = 0;
    while (atomic_load_explicit(&b->sense, memory_order_acquire) != local_sense) {
        cpu_relax();
        if (++spins == spin_limit) { sched_yield(); spins = 0; }
    }
}

static inline void wait_step(_Atomic long *flag, long want) {
    unsigned spins = 0;
    while (atomic_load_explicit(flag, memory_order_acquire) < want) {
        cpu_relax();
        if (++spins == spin_limit) { sched_yield(); spins = 0; }
    }
}

/* ---- per-thread state ---- */

typedef struct Shared Shared;

typedef struct {
    int id, lo, hi, nl;
    Shared *sh;
    /* own neurons, local index i - lo */
    real *a, *dpar, *v, *u, *in, *ltd;
    /* synapses onto own posts: of pre j (all N) with delay index k: [lbeg[j*(d+1)+k], lbeg[j*(d+1)+k+1]) */
    int32_t *lbeg, *lpost;
    real *s, *sd;
    size_t nsyn, nexc;
    /* excitatory synapses onto own post li: [pstart[li], pstart[li+1]) of psyn (local synapse), pj, pdd */
    int32_t *pstart, *psyn, *pj;
    uint8_t *pdd;
    /* private LTP ring of all excitatory neurons: time T of j at ltp[(T mod (d+1))*lw + j] */
    real *ltp;
    int lw;
    /* merged spike list (both threads' spikes, ascending index within a step) */
    int32_t *ft, *fi;
    long nf, fcap;
    int32_t *mine;     /* own spikes of the current step (local index) */
    int32_t *cinh;     /* inhibitory spikes of the current step (both threads) */
    int32_t *ovf[2];   /* published spikes beyond PUB_INLINE, by step parity */
    /* per-second outputs */
    long *exc, *inh, *above9;
    long (*hist)[HIST_BINS];
    double *sums;      /* stored-order weight sum per second (summing thread) */
    uint64_t wait_cycles; /* TSC cycles spent waiting for the other thread (--profile) */
    char pad[CACHE];
} Th;

struct Shared {
    Pub pub[2][2]; /* [thread][step parity] */
    struct { double v; char pad[CACHE - sizeof(double)]; } __attribute__((aligned(CACHE))) handoff;
    Barrier bar;
    int n, ne, m, d, draws, nth, sync, summer, pin, profile;
    uint64_t kin;
    real sm;
    long seconds;
    FILE *spikes;
    real **gmap; /* global synapse q -> its weight in the owner's storage */
    Th th[2];
};

static void add_spike(Th *T, int t, int i) {
    if (T->nf == T->fcap) {
        T->fcap *= 2;
        T->ft = realloc(T->ft, T->fcap * sizeof *T->ft);
        T->fi = realloc(T->fi, T->fcap * sizeof *T->fi);
        if (!T->ft || !T->fi) { fprintf(stderr, "spnet_mt: not enough memory for the spike list\n"); exit(2); }
    }
    T->ft[T->nf] = t;
    T->fi[T->nf++] = i;
}

/* The storage of thread T for its range [lo, hi), derived from the global network. */
static void build_thread(Th *T, const Net *net, Shared *S, const Options *o, int32_t *loc) {
    int n = net->n, ne = net->ne, m = net->m, d = net->d, r = d + 1, lo = T->lo, hi = T->hi, nl = hi - lo;
    size_t syn = (size_t)n * m;
    T->nl = nl;
    size_t cnt = 0, cexc = 0;
    for (size_t q = 0; q < syn; q++)
        if (net->post[q] >= lo && net->post[q] < hi) { cnt++; if (q < (size_t)ne * m) cexc++; }
    T->nsyn = cnt;
    T->nexc = cexc;
    T->lbeg = alloc((size_t)n * r + 1, sizeof *T->lbeg);
    T->lpost = alloc(cnt, sizeof *T->lpost);
    T->s = alloc(cnt, sizeof(real));
    T->sd = alloc(cnt, sizeof(real));
    size_t c = 0;
    for (int j = 0; j < n; j++) {
        const int32_t *beg = net->dbeg + (size_t)j * r;
        for (int k = 0; k < d; k++) {
            T->lbeg[(size_t)j * r + k] = (int32_t)c;
            for (int32_t q = beg[k]; q < beg[k + 1]; q++) {
                int32_t p = net->post[q];
                if (p < lo || p >= hi) continue;
                T->lpost[c] = p - lo;
                T->s[c] = net->s[q];
                S->gmap[q] = T->s + c;
                loc[q] = (int32_t)c;
                c++;
            }
        }
        T->lbeg[(size_t)j * r + d] = (int32_t)c;
    }
    T->lbeg[(size_t)n * r] = (int32_t)c;
    size_t np = (size_t)(net->pstart[hi] - net->pstart[lo]);
    T->pstart = alloc((size_t)nl + 1, sizeof *T->pstart);
    T->psyn = alloc(np, sizeof *T->psyn);
    T->pj = alloc(np, sizeof *T->pj);
    T->pdd = alloc(np, sizeof *T->pdd);
    for (int i = lo; i <= hi; i++) T->pstart[i - lo] = net->pstart[i] - net->pstart[lo];
    for (size_t p = 0; p < np; p++) {
        size_t g = (size_t)net->pstart[lo] + p;
        T->psyn[p] = loc[net->psyn[g]];
        T->pj[p] = net->pj[g];
        T->pdd[p] = net->pdd[g];
    }
    T->a = alloc(nl, sizeof(real)); T->dpar = alloc(nl, sizeof(real));
    T->v = alloc(nl, sizeof(real)); T->u = alloc(nl, sizeof(real));
    T->in = alloc(nl, sizeof(real)); T->ltd = alloc(nl, sizeof(real));
    for (int i = lo; i < hi; i++) {
        T->a[i - lo] = i < ne ? 0.02 : 0.1;
        T->dpar[i - lo] = i < ne ? 8.0 : 2.0;
        T->v[i - lo] = -65;
        T->u[i - lo] = 0.2 * T->v[i - lo];
    }
    T->lw = (ne + 15) / 16 * 16;
    T->ltp = alloc((size_t)r * T->lw, sizeof(real));
    T->fcap = 4L * n + 16;
    T->ft = malloc(T->fcap * sizeof *T->ft);
    T->fi = malloc(T->fcap * sizeof *T->fi);
    if (!T->ft || !T->fi) fail("not enough memory");
    T->nf = 0;
    T->mine = alloc(nl, sizeof *T->mine);
    T->cinh = alloc((size_t)n - ne, sizeof *T->cinh);
    T->ovf[0] = alloc(nl, sizeof(int32_t));
    T->ovf[1] = alloc(nl, sizeof(int32_t));
    T->exc = alloc(o->seconds, sizeof(long));
    T->inh = alloc(o->seconds, sizeof(long));
    T->above9 = alloc(o->seconds, sizeof(long));
    T->hist = alloc(o->seconds, sizeof *T->hist);
    T->sums = alloc(o->seconds, sizeof(double));
}

/* The simulation loop of one thread (all seconds). */
static void *run_thread(void *arg) {
    Th *T = arg;
    Shared *S = T->sh;
    if (S->pin) {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(T->id, &set);
        pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    }
    const int n = S->n, ne = S->ne, d = S->d, r = d + 1, lo = T->lo, hi = T->hi, nl = T->nl, lw = T->lw;
    const int two = S->nth == 2, me = T->id, other = 1 - me;
    real *restrict v = T->v, *restrict u = T->u, *restrict in = T->in, *restrict ltd = T->ltd;
    real *restrict ltp = T->ltp, *s = T->s, *restrict sd = T->sd;
    const real *restrict a = T->a, *restrict dpar = T->dpar;
    const int32_t *restrict lbeg = T->lbeg, *restrict lpost = T->lpost;
    const int32_t *restrict pstart = T->pstart, *restrict psyn = T->psyn, *restrict pj = T->pj;
    const uint8_t *restrict pdd = T->pdd;
    int32_t *mine = T->mine;
    const real sm = S->sm;
    const size_t nexc_all = (size_t)ne * S->m;
    const size_t chunk = (nexc_all + 996) / 997;
    const int split_sum = two && S->summer == 2;
    real *const *gmap = S->gmap;
    const int summer = S->summer == me || (!two && S->summer == 2);
    int sense = 0;
    size_t back[256];
    int32_t *cinh = T->cinh; /* this step's inhibitory spikes (both threads), ascending */
    double acc = 0;
    for (long sec = 0; sec < S->seconds; sec++) {
        long exc = 0, inh = 0;
        int slot = (int)((sec * 1000) % r);
        for (int t = 0; t < 1000; t++, slot = slot + 1 == r ? 0 : slot + 1) {
            long tg = sec * 1000 + t;
            int par = (int)(tg & 1);
            /* ring rows of times tg, tg + 1 and tg - 1 ... tg - D, without divisions */
            int nslot = slot + 1 == r ? 0 : slot + 1;
            size_t cur = (size_t)slot * lw, nxt = (size_t)nslot * lw;
            for (int k = 0, b = slot - 1; k < d; k++, b--) back[k] = (size_t)(b < 0 ? b + r : b) * lw;
            /* spikes of own neurons: reset, LTD (LTP below); blocks of 32 are tested vectorised first */
            int nm = 0;
            for (int b0 = 0; b0 < nl; b0 += 32) {
                int b1 = b0 + 32 < nl ? b0 + 32 : nl, any = 0;
                for (int li = b0; li < b1; li++) any |= v[li] >= 30;
                if (!any) continue;
                for (int li = b0; li < b1; li++) {
                    if (v[li] >= 30) {
                        v[li] = -65;
                        u[li] += dpar[li];
                        ltd[li] = 0.12;
                        mine[nm++] = li;
                    }
                }
            }
            /* publish them */
            if (two) {
                Pub *p = &S->pub[me][par];
                p->cnt = nm;
                for (int k = 0; k < nm; k++) {
                    if (k < PUB_INLINE) p->idx[k] = mine[k] + lo;
                    else T->ovf[par][k - PUB_INLINE] = mine[k] + lo;
                }
                if (S->sync == 0) atomic_store_explicit(&p->step, tg + 1, memory_order_release);
                else barrier_arrive(&S->bar, 2, &sense);
            }
            /* work that does not need the other thread's spikes: potentiation of own posts ... */
            for (int k = 0; k < nm; k++) {
                int li = mine[k], i = li + lo;
                for (int32_t p = pstart[li]; p < pstart[li + 1]; p++) sd[psyn[p]] += ltp[back[pdd[p]] + pj[p]];
                if (i < ne) { ltp[cur + i] = 0.1; exc++; } else inh++;
            }
            /* ... input (a pure function of the step) ... */
            memset(in, 0, (size_t)nl * sizeof *in);
            uint64_t key = cr_key(S->kin, (uint64_t)tg);
            for (int k = 0; k < S->draws; k++) {
                int32_t x = cr_below(key, (uint64_t)k, n);
                if (x >= lo && x < hi) in[x - lo] = 20.0;
            }
            /* ... LTP decay of all excitatory neurons (the other's new spikes are patched below) ... */
            for (int j = 0; j < ne; j++) ltp[nxt + j] = 0.95 * ltp[cur + j];
            /* ... a slice of last second's stored-order weight sum (weights are constant within a second) */
            if (sec > 0) {
                /* slice k of the chain at step t: thread `summer` alone takes slices 0..996 at steps
                   1..997; split, thread 0 takes 0..498 at steps 1..499 and hands the running sum to
                   thread 1 (read at step 501, after the step-500 flag), which takes 499..996 at steps
                   501..998. No slice at step 999: the other thread may be updating its weights
                   once it has seen our flag of step 999. */
                long k = -1;
                if (split_sum) {
                    if (me == 0 && t >= 1 && t <= 499) k = t - 1;
                    if (me == 1 && t >= 501 && t <= 998) k = t - 2;
                    if (me == 1 && t == 501) acc = S->handoff.v;
                } else if (summer && t >= 1 && t <= 997) k = t - 1;
                if (k >= 0) {
                    size_t q0 = (size_t)k * chunk, q1 = q0 + chunk < nexc_all ? q0 + chunk : nexc_all;
                    for (size_t q = q0; q < q1; q++) acc += *gmap[q];
                }
                if (split_sum && me == 0 && t == 499) { S->handoff.v = acc; acc = 0; }
                if ((split_sum ? me == 1 && t == 998 : summer && t == 997)) { T->sums[sec - 1] = acc; acc = 0; }
            }
            /* the other thread's spikes of this step */
            int no = 0;
            const Pub *op = NULL;
            if (two) {
                op = &S->pub[other][par];
                uint64_t w0 = S->profile ? __rdtsc() : 0;
                if (S->sync == 0) wait_step((_Atomic long *)&op->step, tg + 1);
                else barrier_wait(&S->bar, sense);
                if (S->profile) T->wait_cycles += __rdtsc() - w0;
                no = op->cnt;
            }
            /*
             * Merge this step's spikes in ascending neuron index (thread 0's range first): the
             * excitatory ones into the private list of recent excitatory spikes, the inhibitory ones
             * (whose synapses all have delay index 0) into cinh. Delivery in spnet.c's order (newest
             * step first, descending index within a step) is then: cinh descending, then the
             * excitatory list from its end; older inhibitory spikes deliver nothing.
             */
            int ni_now = 0;
            for (int pass = 0; pass < 2; pass++) {
                if ((pass == 0) == (me == 0)) {
                    for (int k = 0; k < nm; k++) {
                        int j = mine[k] + lo;
                        if (j < ne) add_spike(T, t, j); else cinh[ni_now++] = j;
                    }
                } else {
                    for (int k = 0; k < no; k++) {
                        int j = k < PUB_INLINE ? op->idx[k] : S->th[other].ovf[par][k - PUB_INLINE];
                        if (j < ne) {
                            ltp[cur + j] = 0.1;
                            ltp[nxt + j] = 0.95 * ltp[cur + j];
                            add_spike(T, t, j);
                        } else cinh[ni_now++] = j;
                    }
                }
            }
            if (S->spikes && me == 0) {
                for (int pass = 0; pass < 2; pass++)
                    for (int k = 0; k < (pass ? no : nm); k++)
                        fprintf(S->spikes, "%ld %d\n", tg,
                                pass ? (k < PUB_INLINE ? op->idx[k] : S->th[other].ovf[par][k - PUB_INLINE]) : mine[k] + lo);
            }
            /* delivery onto own posts: this step's inhibitory spikes, descending ... */
            for (int k = ni_now - 1; k >= 0; k--) {
                const int32_t *beg = lbeg + (size_t)cinh[k] * r;
                for (int32_t q = beg[0]; q < beg[1]; q++) in[lpost[q]] += s[q];
            }
            /* ... then the excitatory spikes of the last D ms, newest first, with depression */
            for (long k = T->nf - 1; k >= 0 && t - T->ft[k] < d; k--) {
                int j = T->fi[k], dd = t - T->ft[k];
                const int32_t *beg = lbeg + (size_t)j * r + dd;
                for (int32_t q = beg[0]; q < beg[1]; q++) {
                    int32_t i = lpost[q];
                    in[i] += s[q];
                    sd[q] -= ltd[i];
                }
            }
            /* integrate own neurons */
            for (int i = 0; i < nl; i++) {
                v[i] += 0.5 * ((0.04 * v[i] + 5) * v[i] + 140 - u[i] + in[i]);
                v[i] += 0.5 * ((0.04 * v[i] + 5) * v[i] + 140 - u[i] + in[i]);
                u[i] += a[i] * (0.2 * v[i] - u[i]);
                ltd[i] *= 0.95;
            }
        }
        /* end of second: prune the private spike list; update own excitatory synapses */
        long keep = 0;
        for (long k = 0; k < T->nf; k++)
            if (1000 - T->ft[k] < d) {
                T->ft[keep] = T->ft[k] - 1000;
                T->fi[keep++] = T->fi[k];
            }
        T->nf = keep;
        long above9 = 0, *hist = T->hist[sec];
        for (size_t q = 0; q < T->nexc; q++) {
            s[q] += 0.01 + sd[q];
            sd[q] *= 0.9;
            if (s[q] > sm) s[q] = sm;
            if (s[q] < 0) s[q] = 0;
            above9 += s[q] > 9;
            int b = (int)s[q];
            hist[b < HIST_BINS ? b : HIST_BINS - 1]++;
        }
        T->above9[sec] = above9;
        T->exc[sec] = exc;
        T->inh[sec] = inh;
    }
    (void)hi;
    return NULL;
}

static int write_weights(const Net *net, real *const *gmap, FILE *f, int binary) {
    size_t syn = (size_t)net->n * net->m;
    for (size_t q = 0; q < syn; q++) {
        int32_t rec[3] = {(int32_t)(q / net->m), net->post[q], net->dd[q] + 1};
        double w = *gmap[q];
        if (binary) {
            if (fwrite(rec, sizeof rec, 1, f) != 1 || fwrite(&w, sizeof w, 1, f) != 1) return -1;
        } else if (fprintf(f, "%d %d %d %.17g\n", rec[0], rec[1], rec[2], w) < 0) return -1;
    }
    return 0;
}

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

/*
 * Automatic split: balance an estimate of each post's work per model second (integration,
 * delivery of its incoming synapses, potentiation at its own spikes) at typical rates.
 */
static long auto_split(const Net *net) {
    int n = net->n, ne = net->ne;
    double *cost = alloc(n, sizeof *cost);
    const double re = 4.5, ri = 33, c_int = 1000 * 1.0, c_del = 1.0, c_pot = 2.0; /* calibrated on this machine: equal waits at split ~ 620-640 */
    for (size_t q = 0; q < (size_t)n * net->m; q++) {
        size_t j = q / net->m;
        cost[net->post[q]] += c_del * (j < (size_t)ne ? re : ri);
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
        cost[i] += c_int + c_pot * (i < ne ? re : ri) * (net->pstart[i + 1] - net->pstart[i]);
        total += cost[i];
    }
    double acc = 0;
    long k = 0;
    while (k < n && acc + cost[k] / 2 < total / 2) acc += cost[k++];
    free(cost);
    return k;
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
    Shared *S = alloc(1, sizeof *S);
    S->n = net.n; S->ne = net.ne; S->m = net.m; S->d = net.d; S->draws = net.draws;
    S->nth = o.threads; S->sync = o.sync; S->summer = o.summer; S->pin = o.pin; S->profile = o.profile;
    S->kin = cr_streams_key(o.seed, "spnet/input");
    S->sm = (real)o.sm;
    S->seconds = o.seconds;
    S->spikes = spikes;
    S->gmap = alloc((size_t)net.n * net.m, sizeof *S->gmap);
    long split = o.threads == 1 ? net.n : o.split >= 0 ? o.split : auto_split(&net);
    int32_t *loc = alloc((size_t)net.n * net.m, sizeof *loc);
    for (int k = 0; k < o.threads; k++) {
        Th *T = &S->th[k];
        T->id = k;
        T->sh = S;
        T->lo = k == 0 ? 0 : (int)split;
        T->hi = k == o.threads - 1 ? net.n : (int)split;
        build_thread(T, &net, S, &o, loc);
    }
    free(loc);
    double t1 = now();
    pthread_t th1;
    if (o.threads == 2 && pthread_create(&th1, NULL, run_thread, &S->th[1]) != 0) fail("cannot start a thread");
    run_thread(&S->th[0]);
    if (o.threads == 2) pthread_join(th1, NULL);
    /* statistics; the last second's stored-order weight sum was not done during a next second */
    size_t nexc = (size_t)net.ne * net.m;
    {
        double sum = 0;
        for (size_t q = 0; q < nexc; q++) sum += *S->gmap[q];
        S->th[o.summer_th].sums[o.seconds - 1] = sum;
    }
    int ni = net.n - net.ne;
    for (long sec = 0; sec < o.seconds; sec++) {
        Second *x = st + sec;
        long exc = 0, inh = 0, above9 = 0;
        for (int k = 0; k < o.threads; k++) {
            Th *T = &S->th[k];
            exc += T->exc[sec];
            inh += T->inh[sec];
            above9 += T->above9[sec];
            for (int b = 0; b < HIST_BINS; b++) x->hist[b] += T->hist[sec][b];
        }
        x->rate = (double)(exc + inh) / net.n;
        x->rate_exc = (double)exc / net.ne;
        x->rate_inh = ni > 0 ? (double)inh / ni : 0.0;
        x->mean_w = nexc ? S->th[o.summer_th].sums[sec] / nexc : 0.0;
        x->frac9 = nexc ? (double)above9 / nexc : 0.0;
    }
    double t2 = now();
    if (o.profile) {
        uint64_t c0 = __rdtsc();
        double t3 = now();
        while (now() - t3 < 0.02) {}
        double ghz = (double)(__rdtsc() - c0) / (now() - t3) / 1e9;
        for (int k = 0; k < o.threads; k++)
            fprintf(stderr, "thread %d: neurons [%d, %d), %zu synapses, waited %.3f s of run %.3f s\n", k,
                    S->th[k].lo, S->th[k].hi, S->th[k].nsyn, S->th[k].wait_cycles / ghz / 1e9, t2 - t1);
    }

    if (spikes) finish(spikes, stmp, o.spikes_path);
    if (weights) {
        if (write_weights(&net, S->gmap, weights, wbin) != 0) {
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
        printf("spnet_mt (REAL=%s, %d thread%s, split %ld): N=%d M=%d D=%d %s delays, seed %llu, %ld s; last second: "
               "rate %.2f Hz (exc %.2f, inh %.2f), mean exc w %.3f, frac > 9 %.3f; build %.3f s, run %.3f s\n",
               STR(REAL), o.threads, o.threads == 1 ? "" : "s", split, net.n, net.m, net.d,
               o.uniform_delays ? "uniform" : "fixed", (long long)o.seed, o.seconds, last->rate, last->rate_exc,
               last->rate_inh, last->mean_w, last->frac9, t1 - t0, t2 - t1);
    }
    return 0;
}
