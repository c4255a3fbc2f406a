package org.izhsim.network;

import java.util.Arrays;

/** A growable int array without boxing. */
final class GrowableInts {
    int[] a;
    int size;

    GrowableInts(int capacity) {
        a = new int[Math.max(4, capacity)];
    }

    void add(int x) {
        if (size == a.length) a = Arrays.copyOf(a, grow(a.length, size + 1));
        a[size++] = x;
    }

    void ensure(int capacity) {
        if (capacity > a.length) a = Arrays.copyOf(a, grow(a.length, capacity));
    }

    int[] toArray() {
        return Arrays.copyOf(a, size);
    }

    static int grow(int current, int needed) {
        long n = Math.max((long) needed, current + (current >> 1) + 16L);
        if (needed < 0 || n > Integer.MAX_VALUE - 16) {
            if (needed >= 0 && needed <= Integer.MAX_VALUE - 16) return Integer.MAX_VALUE - 16;
            throw new OutOfMemoryError("recording too large for one Java array");
        }
        return (int) n;
    }
}
