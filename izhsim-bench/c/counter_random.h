/*
 * counter_random.h: izhsim's counter-based random numbers in C.
 *
 * A port of org.izhsim.random.CounterRandom (mix64, streamKey, key, bits, uniform, below) and
 * org.izhsim.random.Streams (named, key), so that a C program draws exactly the numbers
 * izhsim's Java code draws for the same (seed, stream name, counters). Every value is a pure
 * function of its arguments: no state, no order of calls. CounterRandomPortTest (izhsim-bench)
 * checks the port bit for bit against the Java class through rngcheck.c.
 *
 * Java's long arithmetic wraps modulo 2^64 and >>> is a logical shift: uint64_t reproduces
 * both. Math.unsignedMultiplyHigh is the high word of the 128-bit product.
 */
#ifndef IZHSIM_COUNTER_RANDOM_H
#define IZHSIM_COUNTER_RANDOM_H

#include <stdint.h>
#include <string.h>

/* The SplitMix64 increment (golden ratio * 2^64, odd). */
#define CR_GAMMA 0x9E3779B97F4A7C15ULL

/* SplitMix64's finalizer (Stafford's variant 13). */
static inline uint64_t cr_mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* CounterRandom.streamKey(seed, stream). */
static inline uint64_t cr_stream_key(uint64_t seed, uint64_t stream) {
    return cr_mix64(cr_mix64(seed ^ 0x6A09E667F3BCC909ULL) ^ cr_mix64(stream + 0xBB67AE8584CAA73BULL));
}

/* CounterRandom.key(streamKey, c2): the slow counter (step, pre neuron, ...). */
static inline uint64_t cr_key(uint64_t stream_key, uint64_t c2) {
    return cr_mix64(stream_key ^ cr_mix64(c2 + 0x3C6EF372FE94F82BULL));
}

/* CounterRandom.bits(key, c1): the fast counter (draw, attempt, slot, ...). */
static inline uint64_t cr_bits(uint64_t key, uint64_t c1) {
    return cr_mix64(key + CR_GAMMA * (c1 + 1));
}

/* CounterRandom.uniform: [0, 1) with 53 random bits (the conversion is exact). */
static inline double cr_uniform(uint64_t key, uint64_t c1) {
    return (double)(cr_bits(key, c1) >> 11) * 0x1.0p-53;
}

/* CounterRandom.below: an integer in [0, n) by Lemire's multiply-high map (n >= 1). */
static inline int32_t cr_below(uint64_t key, uint64_t c1, int32_t n) {
    return (int32_t)(((unsigned __int128)cr_bits(key, c1) * (uint64_t)n) >> 64);
}

/* Streams.named: FNV-1a over the bytes of the name (UTF-8 in Java), finished with mix64. */
static inline uint64_t cr_named(const char *name) {
    uint64_t h = 0xCBF29CE484222325ULL;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h ^= *p;
        h *= 0x100000001B3ULL;
    }
    return cr_mix64(h);
}

/* Streams.key(seed, name) = streamKey(seed, named(name)). */
static inline uint64_t cr_streams_key(uint64_t seed, const char *name) {
    return cr_stream_key(seed, cr_named(name));
}

#endif
