package org.izhsim.io.hdf5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The HDF5 datatypes this writer knows, encoded as a datatype message (HDF5 file format spec,
 * IV.A.2.d): little-endian IEEE floats, little-endian integers, variable-length UTF-8 strings
 * (kept in a global heap, as h5py and pynwb write them) and object references.
 */
public final class H5Type {
    public static final H5Type F64 = floating(8);
    public static final H5Type F32 = floating(4);
    public static final H5Type I32 = fixed(4, true);
    public static final H5Type I64 = fixed(8, true);
    public static final H5Type U64 = fixed(8, false);
    /** An object reference (the address of the target's object header). */
    public static final H5Type REFERENCE = new H5Type(8, encode(7, 0, 0, 8, new byte[0]));

    private final int size;
    private final byte[] message;

    private H5Type(int size, byte[] message) {
        this.size = size;
        this.message = message;
    }

    /**
     * A variable-length UTF-8 string: each element is its length (4 bytes) and a global heap
     * id (collection address, 8 bytes; object index, 4 bytes). The base type is an unsigned byte.
     */
    static final H5Type VLEN_STRING = new H5Type(16, encode(9, 0x01, 0x01, 16, fixed(1, false).message));

    /** Size of one element [bytes]. */
    public int size() {
        return size;
    }

    byte[] message() {
        return message;
    }

    private static H5Type floating(int bytes) {
        boolean d = bytes == 8;
        ByteBuffer p = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        p.putShort((short) 0).putShort((short) (bytes * 8));
        p.put((byte) (d ? 52 : 23)).put((byte) (d ? 11 : 8)).put((byte) 0).put((byte) (d ? 52 : 23));
        p.putInt(d ? 1023 : 127);
        // bits 4-5 = 2: mantissa normalised with an implied leading 1; byte 1: sign bit position
        return new H5Type(bytes, encode(1, 0x20, bytes * 8 - 1, bytes, p.array()));
    }

    private static H5Type fixed(int bytes, boolean signed) {
        ByteBuffer p = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        p.putShort((short) 0).putShort((short) (bytes * 8));
        return new H5Type(bytes, encode(0, signed ? 0x08 : 0, 0, bytes, p.array()));
    }

    private static byte[] encode(int cls, int bits0, int bits1, int size, byte[] props) {
        ByteBuffer b = ByteBuffer.allocate(8 + props.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) (1 << 4 | cls)).put((byte) bits0).put((byte) bits1).put((byte) 0).putInt(size).put(props);
        return b.array();
    }
}
