package org.izhsim.random;

import java.nio.charset.StandardCharsets;

/**
 * Named random streams. A stream id is a 64-bit hash of a name such as {@code "noise/exc"}, so
 * adding a group or an input to a network does not change the random numbers of the others
 * (ids do not depend on declaration order). The engine's names are listed in the
 * {@code org.izhsim.network} package documentation.
 */
public final class Streams {
    private Streams() {}

    /** FNV-1a over the UTF-8 bytes of the name, finished with {@link CounterRandom#mix64}. */
    public static long named(String name) {
        long h = 0xCBF29CE484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return CounterRandom.mix64(h);
    }

    /** {@code CounterRandom.streamKey(seed, named(name))}. */
    public static long key(long seed, String name) {
        return CounterRandom.streamKey(seed, named(name));
    }
}
