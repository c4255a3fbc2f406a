package org.izhsim.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads numeric arrays from a numpy {@code .npz} archive, as {@code numpy.savez} and
 * {@code savez_compressed} write it: zip entries stored or deflated, each an {@code .npy} file
 * of format 1.0, 2.0 or 3.0 holding a little-endian, C-order array of int8/16/32/64, uint8/16/32
 * or float32/64 ({@code <i4}, {@code |i1}, {@code <f8}, …), of any shape (read flattened).
 * Anything else (big-endian, Fortran order of a multi-dimensional array, object or string
 * arrays, a truncated entry, more than {@link #MAX_ELEMENTS} elements) is refused with one line
 * naming the file and the array. Arrays are read on request, one at a time.
 */
public final class NpzReader implements AutoCloseable {
    /** Most elements one array may have (a Java array's limit). */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final Path file;
    private final ZipFile zip;

    private NpzReader(Path file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
    }

    /** Opens {@code file}; a missing file or one that is not a zip archive is an IllegalArgumentException. */
    public static NpzReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such file");
        try {
            return new NpzReader(file, new ZipFile(file.toFile()));
        } catch (ZipException e) {
            throw new IllegalArgumentException(file + " is not an .npz archive (not a zip file: " + e.getMessage() + ")");
        }
    }

    /** The array names, without ".npy", in archive order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (e.getName().endsWith(".npy")) names.add(e.getName().substring(0, e.getName().length() - 4));
        }
        return names;
    }

    public boolean has(String name) {
        return zip.getEntry(name + ".npy") != null;
    }

    /** The array as ints; it must hold integers that fit in an int. */
    public int[] ints(String name) throws IOException {
        Header h = header(name);
        if (h.kind == 'f') throw bad(name, "holds floats (" + h.descr + "); integers are needed");
        int[] out = new int[(int) h.count];
        try (DataInputStream in = data(name, h)) {
            ByteBuffer buf = ByteBuffer.allocate(h.itemSize * 8192).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < out.length; ) {
                int batch = fill(in, buf, h, out.length - i, name);
                for (int j = 0; j < batch; j++, i++) {
                    long x = integer(buf, h);
                    if (x != (int) x) throw bad(name, "has value " + x + " at index " + i + ", beyond the int range");
                    out[i] = (int) x;
                }
            }
        }
        return out;
    }

    /** The array as doubles (integers converted exactly up to 2^53). */
    public double[] doubles(String name) throws IOException {
        Header h = header(name);
        double[] out = new double[(int) h.count];
        try (DataInputStream in = data(name, h)) {
            ByteBuffer buf = ByteBuffer.allocate(h.itemSize * 8192).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < out.length; ) {
                int batch = fill(in, buf, h, out.length - i, name);
                for (int j = 0; j < batch; j++, i++) {
                    out[i] = h.kind == 'f' ? (h.itemSize == 4 ? buf.getFloat() : buf.getDouble()) : integer(buf, h);
                }
            }
        }
        return out;
    }

    /** A scalar: a 0-d array or an array of one element. */
    public double scalar(String name) throws IOException {
        Header h = header(name);
        if (h.count != 1) throw bad(name, "has " + h.count + " elements; a single number is needed");
        return doubles(name)[0];
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private record Header(String descr, char kind, int itemSize, long count, long dataOffset) {}

    private Header header(String name) throws IOException {
        ZipEntry e = zip.getEntry(name + ".npy");
        if (e == null) throw new IllegalArgumentException(file + " has no array '" + name + "'; it has: " + String.join(", ", names()));
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(zip.getInputStream(e)))) {
            byte[] magic = new byte[8];
            in.readFully(magic);
            if ((magic[0] & 0xff) != 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
                throw bad(name, "is not an .npy array (no NUMPY magic)");
            }
            int major = magic[6];
            long len;
            if (major == 1) {
                len = in.readUnsignedByte() | in.readUnsignedByte() << 8;
            } else if (major == 2 || major == 3) {
                len = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            } else {
                throw bad(name, "has .npy format version " + major + "; known: 1, 2, 3");
            }
            if (len > 1 << 20) throw bad(name, "has a header of " + len + " bytes");
            byte[] hb = new byte[(int) len];
            in.readFully(hb);
            String text = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            return parse(name, text, (major == 1 ? 10 : 12) + len);
        } catch (EOFException ex) {
            throw bad(name, "is truncated in its header");
        }
    }

    private Header parse(String name, String text, long offset) {
        Matcher d = DESCR.matcher(text), f = FORTRAN.matcher(text), s = SHAPE.matcher(text);
        if (!d.find() || !f.find() || !s.find()) throw bad(name, "has an unreadable .npy header: " + text.trim());
        String descr = d.group(1);
        if (descr.length() < 3 || "<|".indexOf(descr.charAt(0)) < 0) {
            throw bad(name, "has dtype '" + descr + "'; only little-endian numbers are read (save it with .astype('<i4') or '<f8')");
        }
        char kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            size = -1;
        }
        boolean known = switch (kind) {
            case 'i' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'u' -> size == 1 || size == 2 || size == 4;
            case 'f' -> size == 4 || size == 8;
            default -> false;
        };
        if (!known) throw bad(name, "has dtype '" + descr + "'; known: int8/16/32/64, uint8/16/32, float32/64");
        long count = 1;
        int dims = 0;
        for (String part : s.group(1).split(",")) {
            if (part.isBlank()) continue;
            long dim;
            try {
                dim = Long.parseLong(part.trim());
            } catch (NumberFormatException e) {
                throw bad(name, "has an unreadable shape (" + s.group(1) + ")");
            }
            dims++;
            count *= dim;
            if (dim < 0 || count > MAX_ELEMENTS) throw bad(name, "has shape (" + s.group(1) + "), more than " + MAX_ELEMENTS + " elements");
        }
        if (f.group(1).equals("True") && dims > 1) throw bad(name, "is stored in Fortran order; save it C-ordered (np.ascontiguousarray)");
        return new Header(descr, kind, size, count, offset);
    }

    private DataInputStream data(String name, Header h) throws IOException {
        InputStream raw = zip.getInputStream(zip.getEntry(name + ".npy"));
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        in.skipNBytes(h.dataOffset);
        return in;
    }

    /** Reads up to {@code left} elements into {@code buf} (flipped for reading); returns how many. */
    private int fill(DataInputStream in, ByteBuffer buf, Header h, int left, String name) throws IOException {
        int n = Math.min(left, buf.capacity() / h.itemSize);
        buf.clear();
        try {
            in.readFully(buf.array(), 0, n * h.itemSize);
        } catch (EOFException e) {
            throw bad(name, "is truncated: fewer than the " + h.count + " elements its header declares");
        }
        buf.limit(n * h.itemSize);
        return n;
    }

    private static long integer(ByteBuffer buf, Header h) {
        return switch (h.itemSize) {
            case 1 -> h.kind == 'u' ? buf.get() & 0xffL : buf.get();
            case 2 -> h.kind == 'u' ? buf.getShort() & 0xffffL : buf.getShort();
            case 4 -> h.kind == 'u' ? buf.getInt() & 0xffffffffL : buf.getInt();
            default -> buf.getLong();
        };
    }

    private IllegalArgumentException bad(String name, String problem) {
        return new IllegalArgumentException(file + ": array '" + name + "' " + problem);
    }
}
