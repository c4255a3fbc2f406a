/*
 * stdp_net.c: the 100,000 x 100 pair-STDP benchmark network (izhsim-bench/models/
 * stdp100k-builtin.yaml, scripts/brian2_stdp_net.py) in plain C11, as "the limit to beat":
 * the algorithm of izhsim's built-in pair-STDP engine path, written for one or two cores.
 *
 * Build:  gcc -O3 -march=native -std=c11 -Wall -Wextra -pthread stdp_net.c -o stdp_net -lm
 * Run:    ./stdp_net [--ne 80000] [--ni 20000] [--k 100] [--seconds 1] [--seed 1]
 *                    [--threads 1|2] [--json]
 *
 * The model. Ne excitatory RS (a .02, b .2, c -65, d 8) + Ni inhibitory FS (a .1, b .2,
 * c -65, d 2) Izhikevich neurons, v0 = -65, u0 = b*v0, dt = 1 ms, Euler as Brian2's 'euler'
 * (u from the old v): v' = v + 0.04v^2 + 5v + 140 - u + I + sigma*N(0,1), u' = u + a(bv - u);
 * v' >= 30: v' = c, u' += d. Noise redrawn every step, sigma 4 (exc) / 2 (inh). Every neuron
 * receives exactly K distinct inputs drawn from all N neurons (self allowed). Excitatory
 * synapses: w ~ U(0, 5), delay uniform in 1..20 ms, additive all-to-all pair STDP
 * (tau_pre = tau_post = 20 ms, a_pre = 0.05, a_post = -0.0525, w in [0, 5]); inhibitory:
 * w = -10*U(0, 1), delay 1 ms, fixed. A spike is a pulse of height w for one step.
 *
 * Step k (izhsim's order; a spike of step k through delay d acts on the integration of step
 * k + 1 + d):
 *   A. (each thread, its own neurons) v, u from I (the arrivals of step k - 1) and the noise,
 *      I = 0; threshold/reset; pre trace X(k) = f X(k-1) (+ a_pre if it spiked) into column
 *      k of a ring of R >= D + 2 columns; post trace Y <- f Y (so Y = f Y(k-1) now); the
 *      spikes of step k go to the thread's list of history slot k.
 *   -- barrier --
 *   B. (each thread, arrivals onto its own posts, in a fixed order: inhibitory spikes of step
 *      k - 1, then d = 1..D excitatory spikes of step k - d, threads' lists in order, i.e.
 *      pre ascending) inhibitory: I[post] += w. Excitatory (delivery at arrival time):
 *      I[post] += w, then w = clip(w + f Y(k-1)[post]) (depression). Then each own post spike
 *      q of step k: for each incoming excitatory synapse (pre, d): w = clip(w + X_pre(k - d))
 *      (potentiation with the pre trace as it was at arrival time), and Y[q] += a_post.
 * Weights are float; each update is computed in double and clipped to [0, w_max]; traces,
 * v, u and I are double.
 *
 * Storage (per thread, for the synapses onto its own contiguous post range, so that threads
 * share no synapse data and need no cut search): excitatory synapses as CSR by presynaptic
 * neuron, each row grouped by delay (segment offsets seg[pre*D + d-1] .. seg[pre*D + d]),
 * post int32 + weight float, posts ascending within a segment; a post -> incoming index
 * (packed pre|delay, storage index) for potentiation; inhibitory synapses CSR by pre
 * (post int32 + weight float). Spikes of the last R steps are kept per thread (ascending).
 * Software prefetch hides the random accesses: arrivals prefetch the segment bounds PF_SEG
 * spikes ahead and the synapses PF_SYN spikes ahead; potentiation runs a prefetch cursor
 * PF_IN incoming synapses ahead (of X_pre and w). -DNO_PREFETCH turns it off.
 *
 * Threads (--threads 2): each owns a contiguous half of the neurons = posts (its neurons,
 * the arrivals onto its posts and the potentiation of its posts); one spin barrier per step
 * (spin, then sched_yield), between phases A and B. Nothing else is shared for writing:
 * X column k and spike slot k are written in phase A of step k, while the other thread may
 * still read columns/slots k-2 .. k-21 in phase B of step k-1, hence R = 24 >= DMAX + 2.
 * The order of every floating-point sum and update is independent of the split, so 1 and 2
 * threads give identical spikes and identical weights (mean_exc_w bits).
 *
 * Random numbers: own generators (not izhsim's streams, so only statistics compare):
 * wiring, weights and delays from xoshiro256** seeded by splitmix64(seed); the noise is
 * counter based, one splitmix64 word per (step, neuron) into a 128-layer ziggurat (fast path
 * vectorised, rare slow path scalar), so it does not depend on the number of threads:
 * 1 and 2 threads give bit-identical spikes and weights.
 *
 * Output: a summary, or with --json one line: build_s, run_s (CLOCK_MONOTONIC around the
 * simulation loop only), spikes, rate_hz, exc_rate_hz, inh_rate_hz, mean_exc_w0, mean_exc_w
 * (%.17g: equal strings mean equal bits) and the sizes. Bad input: one line on stderr, exit 2.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CPU_RELAX() _mm_pause()
#else
#define CPU_RELAX() ((void)0)
#endif

#define DMAX 20          /* largest excitatory delay, ms */
#define RING 24          /* columns of the pre trace ring and slots of the spike history (>= DMAX + 2) */
#define MAXT 2
#define BLOCK 256        /* neurons per noise block */
#define CACHE_LINE 64
#ifndef PF_SEG
#define PF_SEG 16        /* software prefetch distances (spikes, spikes, incoming synapses) */
#endif
#ifndef PF_SYN
#define PF_SYN 8
#endif
#ifndef PF_IN
#define PF_IN 32
#endif

static const double W_MAX = 5.0, A_PRE = 0.05, A_POST = -0.0525, TAU_PRE = 20.0, TAU_POST = 20.0;

/* ---------------------------------------------------------------- random numbers */

#define GOLDEN 0x9E3779B97F4A7C15ULL

static inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

typedef struct { uint64_t s[4]; } xoshiro;

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t xo_next(xoshiro *r) {
    uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
    return out;
}

static void xo_seed(xoshiro *r, uint64_t seed) {
    uint64_t z = seed;
    for (int i = 0; i < 4; i++) { z += GOLDEN; r->s[i] = mix64(z); }
}

static inline double xo_uniform(xoshiro *r) { return (double)(xo_next(r) >> 11) * 0x1.0p-53; }

/* integer in [0, n) by the multiply-high map */
static inline uint32_t xo_below(xoshiro *r, uint32_t n) {
    return (uint32_t)(((unsigned __int128)xo_next(r) * n) >> 64);
}

/* Ziggurat (Marsaglia & Tsang 2000) with 128 layers for N(0, 1). Layer i covers
 * |x| <= zx[i]; |x| < zx[i+1] lies under the curve. zx[0] = V / f(R) is the base layer's
 * virtual width (its part beyond R is the tail). */
#define ZN 128
static const double Z_R = 3.442619855899, Z_V = 9.91256303526217e-3;
static double zx[ZN + 1], zratio[ZN], zf[ZN + 1];

static void zig_init(void) {
    double f = exp(-0.5 * Z_R * Z_R);
    zx[0] = Z_V / f;
    zx[1] = Z_R;
    for (int i = 1; i < ZN - 1; i++) zx[i + 1] = sqrt(-2.0 * log(Z_V / zx[i] + exp(-0.5 * zx[i] * zx[i])));
    zx[ZN] = 0.0;
    for (int i = 0; i < ZN; i++) zratio[i] = zx[i + 1] / zx[i];
    for (int i = 0; i <= ZN; i++) zf[i] = exp(-0.5 * zx[i] * zx[i]);
}

/* The first try of a ziggurat draw from word w: layer = low 7 bits, u in (-1, 1) from the
 * top 53 bits. */
static inline double zig_u(uint64_t w) { return ((double)(w >> 11) + 0.5) * 0x1.0p-52 - 1.0; }

/* The whole draw from word w (first try from w, then from a splitmix stream seeded by w):
 * called when the first try fell outside its layer's inner rectangle. */
static double zig_slow(uint64_t w) {
    uint64_t s = w ^ 0xD1B54A32D192ED03ULL;
    for (;;) {
        int i = (int)(w & (ZN - 1));
        double u = zig_u(w);
        if (fabs(u) < zratio[i]) return u * zx[i];
        if (i == 0) { /* the tail beyond R */
            double x, y;
            do {
                s += GOLDEN; x = -log(((double)(mix64(s) >> 11) + 0.5) * 0x1.0p-53) / Z_R;
                s += GOLDEN; y = -log(((double)(mix64(s) >> 11) + 0.5) * 0x1.0p-53);
            } while (2.0 * y < x * x);
            return u < 0 ? -(Z_R + x) : Z_R + x;
        }
        double x = u * zx[i];
        s += GOLDEN;
        double y = zf[i] + ((double)(mix64(s) >> 11) * 0x1.0p-53) * (zf[i + 1] - zf[i]);
        if (y < exp(-0.5 * x * x)) return x;
        s += GOLDEN;
        w = mix64(s);
    }
}

/* ---------------------------------------------------------------- the network */

typedef struct {
    int lo, hi;              /* own neurons = own posts [lo, hi) */
    /* excitatory synapses onto own posts, by pre (Ne) and delay */
    uint32_t *seg;           /* Ne*DMAX + 1 offsets */
    int32_t *epost;
    float *ew;
    /* post -> incoming excitatory synapses, for posts lo..hi-1 */
    uint32_t *in_start;      /* hi - lo + 1 */
    uint32_t *in_pd;         /* pre * 32 + delay */
    uint32_t *in_idx;        /* index into epost/ew */
    /* inhibitory synapses onto own posts, by pre (Ni) */
    uint32_t *iseg;          /* Ni + 1 */
    int32_t *ipost;
    float *iw;
    /* spike history: slot s % RING, own neurons ascending */
    int32_t *hist[RING];
    int hcount[RING], hexc[RING];
    long spikes, exc_spikes;
    char pad[CACHE_LINE];
} Part;

typedef struct {
    int ne, ni, n, k, nthreads;
    long steps;
    uint64_t seed, noise_key;
    double *v, *u, *I, *Y;
    double *X;               /* RING columns of Ne */
    double fpre, fpost;
    Part part[MAXT];
    _Alignas(CACHE_LINE) atomic_int bar_count;
    _Alignas(CACHE_LINE) atomic_int bar_sense;
    char pad[CACHE_LINE];
} Sim;

static void die(const char *msg) {
    fprintf(stderr, "stdp_net: %s\n", msg);
    exit(2);
}

static void *xmalloc(size_t bytes) {
    void *p = NULL;
    if (bytes == 0) bytes = 1;
    if (posix_memalign(&p, CACHE_LINE, bytes) != 0) die("out of memory");
    return p;
}

static void *xcalloc(size_t bytes) {
    void *p = xmalloc(bytes);
    memset(p, 0, bytes);
    return p;
}

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* The wiring, weights and delays (independent of the number of threads), then each thread's
 * storage of the synapses onto its posts. */
static void build(Sim *S) {
    const int n = S->n, ne = S->ne, k = S->k;
    const size_t nk = (size_t)n * (size_t)k;
    int32_t *pre = xmalloc(nk * sizeof *pre);
    float *w = xmalloc(nk * sizeof *w);
    uint8_t *del = xmalloc(nk);
    int32_t *mark = xmalloc((size_t)n * sizeof *mark);
    for (int i = 0; i < n; i++) mark[i] = -1;
    xoshiro r;
    xo_seed(&r, S->seed);
    for (int q = 0; q < n; q++) {
        size_t o = (size_t)q * k;
        for (int j = 0; j < k; j++) {
            uint32_t p;
            do p = xo_below(&r, (uint32_t)n); while (mark[p] == q);
            mark[p] = q;
            pre[o + j] = (int32_t)p;
        }
        for (int j = 0; j < k; j++) {
            if (pre[o + j] < ne) {
                w[o + j] = (float)(W_MAX * xo_uniform(&r));
                del[o + j] = (uint8_t)(1 + xo_below(&r, DMAX));
            } else {
                w[o + j] = (float)(-10.0 * xo_uniform(&r));
                del[o + j] = 1;
            }
        }
    }
    free(mark);

    const size_t nseg = (size_t)ne * DMAX;
    uint32_t *cur = xmalloc((nseg + 1) * sizeof *cur);
    for (int t = 0; t < S->nthreads; t++) {
        Part *P = &S->part[t];
        const int np = P->hi - P->lo;
        P->seg = xcalloc((nseg + 1) * sizeof *P->seg);
        P->iseg = xcalloc(((size_t)S->ni + 1) * sizeof *P->iseg);
        size_t ne_syn = 0, ni_syn = 0;
        for (size_t e = (size_t)P->lo * k; e < (size_t)P->hi * k; e++) {
            int p = pre[e];
            if (p < ne) { P->seg[(size_t)p * DMAX + del[e]]++; ne_syn++; }
            else { P->iseg[p - ne + 1]++; ni_syn++; }
        }
        if (ne_syn > UINT32_MAX || ni_syn > UINT32_MAX) die("network too large");
        for (size_t i = 0; i < nseg; i++) P->seg[i + 1] += P->seg[i];
        for (int i = 0; i < S->ni; i++) P->iseg[i + 1] += P->iseg[i];
        P->epost = xmalloc(ne_syn * sizeof *P->epost);
        P->ew = xmalloc(ne_syn * sizeof *P->ew);
        P->in_start = xmalloc(((size_t)np + 1) * sizeof *P->in_start);
        P->in_pd = xmalloc(ne_syn * sizeof *P->in_pd);
        P->in_idx = xmalloc(ne_syn * sizeof *P->in_idx);
        P->ipost = xmalloc(ni_syn * sizeof *P->ipost);
        P->iw = xmalloc(ni_syn * sizeof *P->iw);
        memcpy(cur, P->seg, (nseg + 1) * sizeof *cur);
        uint32_t *icur = xmalloc(((size_t)S->ni + 1) * sizeof *icur);
        memcpy(icur, P->iseg, ((size_t)S->ni + 1) * sizeof *icur);
        uint32_t m = 0;
        for (int q = P->lo; q < P->hi; q++) {
            P->in_start[q - P->lo] = m;
            for (size_t e = (size_t)q * k; e < (size_t)(q + 1) * k; e++) {
                int p = pre[e];
                if (p < ne) {
                    uint32_t j = cur[(size_t)p * DMAX + del[e] - 1]++;
                    P->epost[j] = q;
                    P->ew[j] = w[e];
                    P->in_pd[m] = (uint32_t)p * 32u + del[e];
                    P->in_idx[m] = j;
                    m++;
                } else {
                    uint32_t j = icur[p - ne]++;
                    P->ipost[j] = q;
                    P->iw[j] = w[e];
                }
            }
        }
        P->in_start[np] = m;
        free(icur);
        for (int s = 0; s < RING; s++) {
            P->hist[s] = xmalloc(((size_t)np + 1) * sizeof(int32_t));
            P->hcount[s] = P->hexc[s] = 0;
        }
    }
    free(cur);
    free(pre);
    free(w);
    free(del);
}

/* Mean excitatory weight, summed in global post order (the same for any number of threads). */
static double mean_exc_w(const Sim *S) {
    double sum = 0;
    size_t cnt = 0;
    for (int t = 0; t < S->nthreads; t++) {
        const Part *P = &S->part[t];
        size_t m = P->in_start[P->hi - P->lo];
        for (size_t e = 0; e < m; e++) sum += P->ew[P->in_idx[e]];
        cnt += m;
    }
    return cnt ? sum / (double)cnt : 0.0;
}

static void barrier(Sim *S, int *sense) {
    int s = !*sense;
    *sense = s;
    if (atomic_fetch_add_explicit(&S->bar_count, 1, memory_order_acq_rel) == S->nthreads - 1) {
        atomic_store_explicit(&S->bar_count, 0, memory_order_relaxed);
        atomic_store_explicit(&S->bar_sense, s, memory_order_release);
    } else {
        /* spin, then yield: on a loaded machine the other thread may need this core */
        for (unsigned spins = 0; atomic_load_explicit(&S->bar_sense, memory_order_acquire) != s; spins++) {
            if (spins < 20000) CPU_RELAX();
            else sched_yield();
        }
    }
}

/* Phase A for neurons [lo, hi) of one kind: noise, integration, reset, traces, spikes. */
static int update(Sim *S, long k, int lo, int hi, int exc, int32_t *list, int cnt) {
    const double a = exc ? 0.02 : 0.1, b = 0.2, c = -65.0, dd = exc ? 8.0 : 2.0, sigma = exc ? 4.0 : 2.0;
    const double fpre = S->fpre, fpost = S->fpost;
    const uint64_t key = mix64(S->noise_key ^ mix64((uint64_t)k + 0x3C6EF372FE94F82BULL));
    double *restrict v = S->v, *restrict u = S->u, *restrict I = S->I, *restrict Y = S->Y;
    double *restrict Xk = S->X + (size_t)(k % RING) * S->ne;
    const double *restrict Xp = S->X + (size_t)((k + RING - 1) % RING) * S->ne;
    uint64_t wd[BLOCK];
    double z[BLOCK];
    unsigned char bad[BLOCK], fired[BLOCK];
    for (int b0 = lo; b0 < hi; b0 += BLOCK) {
        const int m = hi - b0 < BLOCK ? hi - b0 : BLOCK;
        for (int j = 0; j < m; j++) wd[j] = mix64(key + GOLDEN * (uint64_t)(b0 + j + 1));
        for (int j = 0; j < m; j++) {
            int i = (int)(wd[j] & (ZN - 1));
            double uu = zig_u(wd[j]);
            z[j] = uu * zx[i];
            bad[j] = fabs(uu) >= zratio[i];
        }
        for (int j = 0; j < m; j++)
            if (bad[j]) z[j] = zig_slow(wd[j]);
        double *restrict vb = v + b0, *restrict ub = u + b0, *restrict Ib = I + b0, *restrict Yb = Y + b0;
        for (int j = 0; j < m; j++) {
            double vi = vb[j], ui = ub[j];
            double vn = vi + (0.04 * vi * vi + 5.0 * vi + 140.0 - ui + (Ib[j] + sigma * z[j]));
            double un = ui + a * (b * vi - ui);
            int f = vn >= 30.0;
            vb[j] = f ? c : vn;
            ub[j] = f ? un + dd : un;
            Ib[j] = 0.0;
            Yb[j] *= fpost;
            fired[j] = (unsigned char)f;
        }
        if (exc) {
            double *restrict xk = Xk + b0;
            const double *restrict xp = Xp + b0;
            for (int j = 0; j < m; j++) {
                double x = fpre * xp[j];
                xk[j] = fired[j] ? x + A_PRE : x;
            }
        }
        for (int j = 0; j < m; j++) {
            list[cnt] = b0 + j;
            cnt += fired[j];
        }
    }
    return cnt;
}

static inline float clipw(double w) {
    return (float)(w < 0.0 ? 0.0 : (w > W_MAX ? W_MAX : w));
}

#define NOINLINE __attribute__((noinline))

/* Inhibitory spikes of step k - 1 (delay 1, fixed weights) onto thread t's posts. */
static NOINLINE void deliver_inh(Sim *S, Part *P, long k) {
    double *restrict I = S->I;
    const int ne = S->ne;
    const int32_t *restrict po = P->ipost;
    const float *restrict wi = P->iw;
    const uint32_t *restrict iseg = P->iseg;
    const int slot = (int)((k - 1) % RING);
    for (int th = 0; th < S->nthreads; th++) {
        const Part *Q = &S->part[th];
        const int32_t *h = Q->hist[slot];
        for (int i = Q->hexc[slot], end = Q->hcount[slot]; i < end; i++) {
            const int p = h[i] - ne;
            for (uint32_t j = iseg[p], e = iseg[p + 1]; j < e; j++) I[po[j]] += wi[j];
        }
    }
}

/* Excitatory spikes of step k - d arriving now onto thread t's posts: deliver, then depress
 * with f Y(k-1) of the post (Y holds it during phase B). */
static NOINLINE void arrivals(Sim *S, Part *P, long k) {
    double *restrict I = S->I;
    const double *restrict Y = S->Y;
    int32_t *restrict po = P->epost;
    float *restrict ew = P->ew;
    const uint32_t *restrict seg = P->seg;
    for (int d = 1; d <= DMAX; d++) {
        const long s = k - d;
        if (s < 0) break;
        const int slot = (int)(s % RING);
        for (int th = 0; th < S->nthreads; th++) {
            const Part *Q = &S->part[th];
            const int32_t *h = Q->hist[slot];
            for (int i = 0, end = Q->hexc[slot]; i < end; i++) {
#ifndef NO_PREFETCH
                /* two-stage prefetch: the segment bounds PF_SEG spikes ahead, the synapses PF_SYN ahead */
                if (i + PF_SEG < end) __builtin_prefetch(&seg[(size_t)h[i + PF_SEG] * DMAX + (size_t)d - 1]);
                if (i + PF_SYN < end) {
                    const uint32_t j0 = seg[(size_t)h[i + PF_SYN] * DMAX + (size_t)d - 1];
                    __builtin_prefetch(&po[j0]);
                    __builtin_prefetch(&ew[j0], 1);
                }
#endif
                const size_t o = (size_t)h[i] * DMAX + (size_t)d;
                for (uint32_t j = seg[o - 1], e = seg[o]; j < e; j++) {
                    const int q = po[j];
                    const float w = ew[j];
                    I[q] += w;
                    ew[j] = clipw((double)w + Y[q]);
                }
            }
        }
    }
}

/* Thread t's post spikes of step k: potentiate each incoming excitatory synapse (pre, d) with
 * X_pre(k - d), then add a_post to the post trace. A prefetch cursor runs PF_IN incoming
 * synapses ahead through the concatenated lists of all the step's post spikes. */
static NOINLINE void potentiate(Sim *S, Part *P, long k) {
    const int ne = S->ne, lo = P->lo;
    float *restrict ew = P->ew;
    const uint32_t *restrict in_pd = P->in_pd, *restrict in_idx = P->in_idx, *restrict in_start = P->in_start;
    const int slot = (int)(k % RING);
    const int32_t *h = P->hist[slot];
    const int nsp = P->hcount[slot];
    const double *restrict X = S->X;
    double *restrict Y = S->Y;
    const size_t ring = (size_t)RING * ne, base = (size_t)(k % RING) * ne + ring;
    if (nsp == 0) return;
#ifndef NO_PREFETCH
    int pi = 0;
    uint32_t pe = in_start[h[0] - lo], pend = in_start[h[0] - lo + 1];
#define PF_ADVANCE()                                                                     \
    do {                                                                                 \
        while (pe == pend && ++pi < nsp) { pe = in_start[h[pi] - lo]; pend = in_start[h[pi] - lo + 1]; } \
        if (pe < pend) {                                                                 \
            const uint32_t pf = in_pd[pe];                                               \
            size_t of = base - (size_t)(pf & 31u) * ne + (pf >> 5);                      \
            if (of >= ring) of -= ring;                                                  \
            __builtin_prefetch(&X[of]);                                                  \
            __builtin_prefetch(&ew[in_idx[pe]], 1);                                      \
            pe++;                                                                        \
        }                                                                                \
    } while (0)
    for (int n = 0; n < PF_IN; n++) PF_ADVANCE();
#endif
    for (int i = 0; i < nsp; i++) {
        const int q = h[i];
        for (uint32_t e = in_start[q - lo], to = in_start[q - lo + 1]; e < to; e++) {
#ifndef NO_PREFETCH
            PF_ADVANCE();
#endif
            const uint32_t pd = in_pd[e];
            size_t o = base - (size_t)(pd & 31u) * ne + (pd >> 5);
            if (o >= ring) o -= ring;
            const uint32_t j = in_idx[e];
            ew[j] = clipw((double)ew[j] + X[o]);
        }
        Y[q] += A_POST;
    }
}

/* Phase B for thread t: arrivals onto its posts, then its posts' spikes. */
static void learn(Sim *S, int t, long k) {
    Part *P = &S->part[t];
    if (k >= 1) deliver_inh(S, P, k);
    arrivals(S, P, k);
    potentiate(S, P, k);
}

typedef struct { Sim *S; int t; } Job;

static void *run_thread(void *arg) {
    Job *J = arg;
    Sim *S = J->S;
    const int t = J->t;
    Part *P = &S->part[t];
    int sense = 0;
    const int ne = S->ne;
    for (long k = 0; k < S->steps; k++) {
        const int slot = (int)(k % RING);
        int32_t *list = P->hist[slot];
        int cnt = 0;
        const int elo = P->lo, ehi = P->hi < ne ? P->hi : ne;
        if (elo < ehi) cnt = update(S, k, elo, ehi, 1, list, cnt);
        P->hexc[slot] = cnt;
        const int ilo = P->lo > ne ? P->lo : ne, ihi = P->hi;
        if (ilo < ihi) cnt = update(S, k, ilo, ihi, 0, list, cnt);
        P->hcount[slot] = cnt;
        P->spikes += cnt;
        P->exc_spikes += P->hexc[slot];
        if (S->nthreads > 1) barrier(S, &sense);
        learn(S, t, k);
    }
    return NULL;
}

static long parse_long(const char *opt, const char *s, long lo, long hi) {
    char *end;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (errno || *s == '\0' || *end != '\0' || x < lo || x > hi) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s must be an integer in %ld..%ld, got '%s'", opt, lo, hi, s);
        die(msg);
    }
    return x;
}

int main(int argc, char **argv) {
    long ne = 80000, ni = 20000, k = 100, threads = 1;
    double seconds = 1.0;
    long long seed = 1;
    int json = 0;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "--json")) { json = 1; continue; }
        if (i + 1 >= argc) {
            char msg[120];
            snprintf(msg, sizeof msg, "unknown option or missing value: '%s'", o);
            die(msg);
        }
        const char *val = argv[++i];
        if (!strcmp(o, "--ne")) ne = parse_long(o, val, 1, 1L << 26);
        else if (!strcmp(o, "--ni")) ni = parse_long(o, val, 1, 1L << 26);
        else if (!strcmp(o, "--k")) k = parse_long(o, val, 1, 1L << 20);
        else if (!strcmp(o, "--threads")) threads = parse_long(o, val, 1, MAXT);
        else if (!strcmp(o, "--seed")) {
            char *end;
            errno = 0;
            seed = strtoll(val, &end, 10);
            if (errno || *val == '\0' || *end != '\0') die("--seed must be a 64-bit integer");
        } else if (!strcmp(o, "--seconds")) {
            char *end;
            errno = 0;
            seconds = strtod(val, &end);
            if (errno || *val == '\0' || *end != '\0' || !(seconds > 0) || seconds > 1e6
                || seconds * 1000 != floor(seconds * 1000))
                die("--seconds must be > 0 and a whole number of ms");
        } else {
            char msg[120];
            snprintf(msg, sizeof msg, "unknown option '%s'", o);
            die(msg);
        }
    }
    if (ne + ni > (1L << 26)) die("--ne + --ni must be at most 2^26");
    if (k > ne + ni) die("--k must be at most --ne + --ni (the neurons)");
    if ((double)(ne + ni) * (double)k > 2e9) die("network too large (N*K above 2e9)");
    if (threads > ne + ni) die("--threads must not exceed the number of neurons");

    double t0 = now_s();
    Sim *S = xcalloc(sizeof *S);
    S->ne = (int)ne; S->ni = (int)ni; S->n = (int)(ne + ni); S->k = (int)k; S->nthreads = (int)threads;
    S->steps = (long)llround(seconds * 1000.0);
    S->seed = (uint64_t)seed;
    S->noise_key = mix64(mix64((uint64_t)seed ^ 0x6A09E667F3BCC909ULL) + 0xBB67AE8584CAA73BULL);
    S->fpre = exp(-1.0 / TAU_PRE);
    S->fpost = exp(-1.0 / TAU_POST);
    zig_init();
    for (int t = 0; t < S->nthreads; t++) {
        S->part[t].lo = (int)((long)S->n * t / S->nthreads);
        S->part[t].hi = (int)((long)S->n * (t + 1) / S->nthreads);
    }
    S->v = xmalloc((size_t)S->n * sizeof(double));
    S->u = xmalloc((size_t)S->n * sizeof(double));
    S->I = xcalloc((size_t)S->n * sizeof(double));
    S->Y = xcalloc((size_t)S->n * sizeof(double));
    S->X = xcalloc((size_t)RING * S->ne * sizeof(double));
    for (int i = 0; i < S->n; i++) { S->v[i] = -65.0; S->u[i] = 0.2 * -65.0; }
    build(S);
    const double w0 = mean_exc_w(S);
    double t1 = now_s();

    Job jobs[MAXT];
    pthread_t tid[MAXT];
    double t2 = now_s();
    for (int t = 1; t < S->nthreads; t++) {
        jobs[t] = (Job){S, t};
        if (pthread_create(&tid[t], NULL, run_thread, &jobs[t]) != 0) die("cannot start a thread");
    }
    jobs[0] = (Job){S, 0};
    run_thread(&jobs[0]);
    for (int t = 1; t < S->nthreads; t++) pthread_join(tid[t], NULL);
    double t3 = now_s();

    long spikes = 0, exc_spikes = 0;
    for (int t = 0; t < S->nthreads; t++) { spikes += S->part[t].spikes; exc_spikes += S->part[t].exc_spikes; }
    const double w1 = mean_exc_w(S);
    const double dur = (double)S->steps / 1000.0;
    size_t syn_exc = 0;
    for (int t = 0; t < S->nthreads; t++) syn_exc += S->part[t].in_start[S->part[t].hi - S->part[t].lo];
    if (json) {
        printf("{\"tool\": \"c-stdp_net\", \"ne\": %ld, \"ni\": %ld, \"k\": %ld, \"seconds\": %g, \"seed\": %lld, "
               "\"threads\": %ld, \"synapses\": %zu, \"exc_synapses\": %zu, \"build_s\": %.4f, \"run_s\": %.4f, "
               "\"spikes\": %ld, \"rate_hz\": %.6f, \"exc_rate_hz\": %.6f, \"inh_rate_hz\": %.6f, "
               "\"mean_exc_w0\": %.17g, \"mean_exc_w\": %.17g}\n",
               ne, ni, k, dur, seed, threads, (size_t)S->n * (size_t)k, syn_exc, t1 - t0, t3 - t2, spikes,
               spikes / ((double)S->n * dur), exc_spikes / ((double)ne * dur),
               (spikes - exc_spikes) / ((double)ni * dur), w0, w1);
    } else {
        printf("stdp_net: %ld exc + %ld inh neurons, K %ld, %g s, seed %lld, %ld thread(s)\n", ne, ni, k, dur, seed, threads);
        printf("build %.3f s, run %.3f s\n", t1 - t0, t3 - t2);
        printf("spikes %ld (%.4f Hz; exc %.4f Hz, inh %.4f Hz)\n", spikes, spikes / ((double)S->n * dur),
               exc_spikes / ((double)ne * dur), (spikes - exc_spikes) / ((double)ni * dur));
        printf("mean exc w %.6f -> %.6f\n", w0, w1);
    }
    return 0;
}
