package org.izhsim.io.hdf5;

/**
 * Bob Jenkins' lookup3 {@code hashlittle}, the checksum HDF5 puts at the end of its version 2
 * superblock and object headers (H5checksum.c). Written from the published algorithm.
 */
final class Lookup3 {
    private Lookup3() {}

    static int hash(byte[] k, int off, int length) {
        int a, b, c;
        a = b = c = 0xdeadbeef + length;
        int i = off;
        while (length > 12) {
            a += word(k, i);
            b += word(k, i + 4);
            c += word(k, i + 8);
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            length -= 12;
            i += 12;
        }
        if (length == 0) return c;
        // the tail: bytes 0..3 into a, 4..7 into b, 8..11 into c, little-endian
        int[] abc = {a, b, c};
        for (int j = 0; j < length; j++) abc[j / 4] += (k[i + j] & 0xff) << (8 * (j % 4));
        a = abc[0];
        b = abc[1];
        c = abc[2];
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return c;
    }

    private static int word(byte[] k, int i) {
        return (k[i] & 0xff) | (k[i + 1] & 0xff) << 8 | (k[i + 2] & 0xff) << 16 | (k[i + 3] & 0xff) << 24;
    }
}
