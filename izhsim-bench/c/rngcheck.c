/*
 * rngcheck.c: prints counter_random.h's values for the (seed, stream, c2, c1, n) lines on stdin,
 * so that CounterRandomPortTest can compare them with org.izhsim.random.CounterRandom bit for bit.
 *
 * Input line:  SEED STREAM C2 C1 N   (SEED, C2, C1 signed 64-bit; STREAM a name without spaces; N >= 1)
 * Output line: NAMED KEY BITS UNIFORM BELOW   (the first four as 16 hex digits, UNIFORM its IEEE bits;
 *              NAMED = Streams.named(STREAM), KEY = key(Streams.key(SEED, STREAM), C2),
 *              BITS = bits(KEY, C1), UNIFORM = uniform(KEY, C1), BELOW = below(KEY, C1, N))
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "counter_random.h"

int main(void) {
    long long seed, c2, c1;
    int n;
    char name[256];
    while (scanf("%lld %255s %lld %lld %d", &seed, name, &c2, &c1, &n) == 5) {
        if (n < 1) {
            fprintf(stderr, "rngcheck: N must be >= 1, got %d\n", n);
            return 2;
        }
        uint64_t key = cr_key(cr_streams_key((uint64_t)seed, name), (uint64_t)c2);
        double u = cr_uniform(key, (uint64_t)c1);
        uint64_t ubits;
        memcpy(&ubits, &u, sizeof ubits);
        printf("%016" PRIx64 " %016" PRIx64 " %016" PRIx64 " %016" PRIx64 " %d\n", cr_named(name), key,
               cr_bits(key, (uint64_t)c1), ubits, cr_below(key, (uint64_t)c1, n));
    }
    return 0;
}
