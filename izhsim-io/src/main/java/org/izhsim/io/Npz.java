package org.izhsim.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes numpy {@code .npz} archives: a zip of {@code .npy} entries (format 1.0: magic, header
 * dict padded to a multiple of 64 bytes, little-endian C-order data). {@code numpy.load}
 * reads the result as is. Supported element types: double ({@code <f8}), float ({@code <f4}),
 * int ({@code <i4}), long ({@code <i8}), and 2-d double arrays (rows × columns, as Brian2's
 * {@code StateMonitor.v} is neurons × samples); scalar metadata is stored as 0-d arrays (integers
 * as {@code <i8}, so that a seed or a count stays an integer in numpy) or, for strings, as a 0-d
 * unicode array ({@code <U…}). Entries are stored uncompressed, as
 * {@code numpy.savez} writes them: deflating millions of spike times took longer than the
 * simulation that made them.
 */
public final class Npz {
    /** Each array's .npy header and its little-endian data, kept apart so the data is held once. */
    private record Entry(byte[] header, byte[] data) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public Npz put(String name, double[] data) {
        ByteBuffer bb = buffer(data.length * 8L);
        bb.asDoubleBuffer().put(data);
        return entry(name, "<f8", shape(data.length), bb);
    }

    public Npz put(String name, float[] data) {
        ByteBuffer bb = buffer(data.length * 4L);
        bb.asFloatBuffer().put(data);
        return entry(name, "<f4", shape(data.length), bb);
    }

    public Npz put(String name, int[] data) {
        ByteBuffer bb = buffer(data.length * 4L);
        bb.asIntBuffer().put(data);
        return entry(name, "<i4", shape(data.length), bb);
    }

    public Npz put(String name, long[] data) {
        ByteBuffer bb = buffer(data.length * 8L);
        bb.asLongBuffer().put(data);
        return entry(name, "<i8", shape(data.length), bb);
    }

    /** A 2-d array of {@code rows.length} rows of equal length, C order ({@code z['v'][j]} is row j). */
    public Npz put(String name, double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer bb = buffer((long) rows.length * cols * 8L);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException(name + ": row " + r + " has " + rows[r].length + " columns, row 0 " + cols);
            }
            bb.asDoubleBuffer().position(r * cols).put(rows[r]);
        }
        return entry(name, "<f8", "(" + rows.length + ", " + cols + ")", bb);
    }

    /** A 0-d int64 array ({@code int(np.load(f)['seed'])}). */
    public Npz putScalar(String name, long value) {
        ByteBuffer bb = buffer(8);
        bb.putLong(value);
        return entry(name, "<i8", "()", bb);
    }

    /** A 0-d double array ({@code np.load(f)['dt_ms'][()]}). */
    public Npz putScalar(String name, double value) {
        ByteBuffer bb = buffer(8);
        bb.putDouble(value);
        return entry(name, "<f8", "()", bb);
    }

    /** A 0-d unicode string array ({@code str(np.load(f)['scheme'])}). */
    public Npz putString(String name, String value) {
        int[] cps = value.codePoints().toArray();
        ByteBuffer bb = buffer(Math.max(1, cps.length) * 4L);
        for (int cp : cps) bb.putInt(cp);
        if (cps.length == 0) bb.putInt(0);
        return entry(name, "<U" + Math.max(1, cps.length), "()", bb);
    }

    /**
     * A run's provenance beside its arrays: strings as 0-d strings, integers (int, long) as 0-d
     * int64, other numbers as 0-d doubles, double[] as arrays; other values (maps, lists) are
     * left to run.json.
     */
    public Npz putMetadata(Map<String, ?> metadata) {
        for (Map.Entry<String, ?> e : metadata.entrySet()) {
            switch (e.getValue()) {
                case String s -> putString(e.getKey(), s);
                case Integer n -> putScalar(e.getKey(), n.longValue());
                case Long n -> putScalar(e.getKey(), n.longValue());
                case Number n -> putScalar(e.getKey(), n.doubleValue());
                case double[] arr -> put(e.getKey(), arr);
                case null, default -> { }
            }
        }
        return this;
    }

    /** Whether an array of this name has been put. */
    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** Writes the archive atomically. */
    public Path write(Path target) throws IOException {
        return AtomicFiles.write(target, this::writeTo);
    }

    public void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            byte[] header = e.getValue().header(), data = e.getValue().data();
            ZipEntry z = new ZipEntry(e.getKey() + ".npy");
            z.setMethod(ZipEntry.STORED);
            z.setSize(header.length + (long) data.length);
            z.setCompressedSize(header.length + (long) data.length);
            CRC32 crc = new CRC32();
            crc.update(header);
            crc.update(data);
            z.setCrc(crc.getValue());
            zip.putNextEntry(z);
            zip.write(header);
            zip.write(data);
            zip.closeEntry();
        }
        zip.finish();
    }

    private Npz entry(String name, String dtype, String shape, ByteBuffer data) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("bad npz array name '" + name + "'");
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(total);
        bytes.write(0x93);
        bytes.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        bytes.write(1);
        bytes.write(0);
        int len = header.length();
        bytes.write(len & 0xff);
        bytes.write((len >>> 8) & 0xff);
        bytes.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        entries.put(name, new Entry(bytes.toByteArray(), data.array()));
        return this;
    }

    private static String shape(int n) {
        return "(" + n + ",)";
    }

    private static ByteBuffer buffer(long bytes) {
        if (bytes > Integer.MAX_VALUE - 1024) throw new IllegalArgumentException("array too large for one npz entry");
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
