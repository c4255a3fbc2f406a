package org.izhsim.io.hdf5;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HDF5 writer that keeps its file readable while it grows (HDF5 file format
 * specification 3.0: version 2 superblock, version 2 object headers, compact groups of link
 * messages, contiguous or compact datasets, compact attributes).
 *
 * <p>Why our own: a simulation streams its recordings, and a killed run must leave a file
 * h5py can open. jhdf writes whole in-memory arrays at close, and a killed process leaves
 * nothing. Here every object header has a fixed place and a fixed reserved size, so growing a
 * dataset only rewrites its dimensions in place. {@link #flush()} writes the raw data first,
 * syncs, then rewrites every object header and the superblock (whose end-of-file address
 * covers all data) and syncs again; a process killed at any moment leaves at worst the state
 * of the previous flush, since headers never point at data that was not written before them.
 * (A reader that opens the file while a flush is under way may see a mix and fail; opening it
 * again succeeds.)
 *
 * <p>Space: headers and preallocated datasets are placed one after the other; one
 * {@link Group#growable growable} dataset may own the end of the file and grows without a
 * bound until anything else is allocated, which seals it. The writer is not a general HDF5
 * library: no chunking, compression or reuse of freed space; the only variable-length type is
 * the UTF-8 string, whose bytes live in global heap collections (the first, 64 KiB, is placed
 * at creation so that strings never need space while a growable dataset owns the file's end).
 *
 * <p>Thread safety: every public method locks the writer, so a shutdown hook may
 * {@link #flush()} or {@link #close()} while the simulation thread writes.
 */
public final class Hdf5Writer implements Closeable {
    static final long UNDEF = -1L;
    private static final int SUPERBLOCK = 48;

    private final FileChannel ch;
    private final List<Node> nodes = new ArrayList<>();
    private final Group root;
    private final List<GlobalHeap> heaps = new ArrayList<>();
    private long eof = SUPERBLOCK;
    private Dataset tail;
    private boolean closed;

    private Hdf5Writer(Path file) throws IOException {
        ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        root = new Group(8192);
        heaps.add(new GlobalHeap(1 << 16)); // room for every string of a run, so none is allocated mid-stream
    }

    /** Creates (or truncates) {@code file} holding an empty root group, already flushed. */
    public static Hdf5Writer create(Path file) throws IOException {
        Hdf5Writer w = new Hdf5Writer(file);
        w.flush();
        return w;
    }

    public Group root() {
        return root;
    }

    /** Makes everything written so far durable and visible to readers (see the class notes). */
    public synchronized void flush() throws IOException {
        open();
        // the file must reach the end-of-file address before the superblock claims it
        if (ch.size() < end()) writeAt(end() - 1, ByteBuffer.wrap(new byte[1]));
        ch.force(false);
        for (GlobalHeap hp : heaps) hp.write();
        for (Node n : nodes) n.writeHeader();
        ByteBuffer sb = le(SUPERBLOCK);
        sb.put(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'});
        sb.put((byte) 2).put((byte) 8).put((byte) 8).put((byte) 0);
        sb.putLong(0).putLong(UNDEF).putLong(end()).putLong(root.address);
        sb.putInt(Lookup3.hash(sb.array(), 0, SUPERBLOCK - 4));
        writeAt(0, sb.flip());
        ch.force(true);
    }

    /** Flushes and closes the file; later calls do nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        try {
            flush();
        } finally {
            closed = true;
            ch.close();
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private long end() {
        return tail == null ? eof : Math.max(eof, tail.dataAddress + tail.rows * tail.rowBytes);
    }

    private long allocate(long bytes) {
        if (tail != null) {
            eof = end();
            tail.sealed = true;
            tail = null;
        }
        long a = (eof + 7) & ~7L;
        eof = a + bytes;
        return a;
    }

    private void writeAt(long pos, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) pos += ch.write(b, pos);
    }

    private void open() throws IOException {
        if (closed) throw new IOException("the HDF5 file is closed");
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    // ---------------------------------------------------------------------------------------

    /** A group or dataset: an object header at a fixed address with room for attributes. */
    public abstract sealed class Node permits Group, Dataset {
        final long address;
        private final int reserve;
        private final Map<String, byte[]> attributes = new LinkedHashMap<>();

        Node(int reserve) {
            this.reserve = reserve;
            this.address = allocate(10L + reserve + 4);
            nodes.add(this);
        }

        /** Sets (or replaces) a scalar string attribute. */
        public Node attribute(String name, String value) {
            synchronized (Hdf5Writer.this) {
                return attribute(name, H5Type.VLEN_STRING, null, vlen(new String[] {value}));
            }
        }

        /** Sets (or replaces) a 1-d string array attribute. */
        public Node attribute(String name, String[] values) {
            synchronized (Hdf5Writer.this) {
                return attribute(name, H5Type.VLEN_STRING, new long[] {values.length}, vlen(values));
            }
        }

        public Node attribute(String name, double value) {
            return attribute(name, H5Type.F64, null, le(8).putDouble(value).array());
        }

        public Node attribute(String name, long value) {
            return attribute(name, H5Type.I64, null, le(8).putLong(value).array());
        }

        /** An object reference to {@code target} (h5py: {@code f[attrs[name]]}). */
        public Node reference(String name, Node target) {
            return attribute(name, H5Type.REFERENCE, null, le(8).putLong(target.address).array());
        }

        private Node attribute(String name, H5Type type, long[] dims, byte[] data) {
            synchronized (Hdf5Writer.this) {
                byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
                byte[] t = type.message(), s = dataspace(dims);
                ByteBuffer b = le(1 + 1 + 2 + 2 + 2 + 1 + n.length + t.length + s.length + data.length);
                b.put((byte) 3).put((byte) 0).putShort((short) n.length).putShort((short) t.length).putShort((short) s.length)
                        .put((byte) 1).put(n).put(t).put(s).put(data);
                attributes.put(name, b.array());
                return this;
            }
        }

        abstract void messages(List<byte[]> out, List<Integer> types);

        void writeHeader() throws IOException {
            List<byte[]> bodies = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            messages(bodies, types);
            for (byte[] a : attributes.values()) {
                bodies.add(a);
                types.add(12);
            }
            ByteBuffer h = le(10 + reserve + 4);
            h.put(new byte[] {'O', 'H', 'D', 'R', 2, 0x02}).putInt(reserve);
            for (int i = 0; i < bodies.size(); i++) {
                byte[] body = bodies.get(i);
                if (h.position() + 4 + body.length > 10 + reserve) {
                    throw new IllegalStateException("HDF5 object header full (" + reserve + " bytes); too many attributes or links");
                }
                h.put((byte) (int) types.get(i)).putShort((short) body.length).put((byte) 0).put(body);
            }
            int rem = 10 + reserve - h.position();
            if (rem >= 4) h.put((byte) 0).putShort((short) (rem - 4)).put((byte) 0); // a NIL message fills the rest
            h.position(10 + reserve);
            h.putInt(Lookup3.hash(h.array(), 0, 10 + reserve));
            writeAt(address, h.flip());
        }
    }

    /** A group: its children are hard links in its own object header (a "compact" group). */
    public final class Group extends Node {
        private final Map<String, Node> links = new LinkedHashMap<>();

        private Group(int reserve) {
            super(reserve);
        }

        /** A new subgroup with room for a few dozen links and attributes. */
        public Group group(String name) {
            return group(name, 4096);
        }

        /** A new subgroup whose header holds {@code headerBytes} of links and attributes. */
        public Group group(String name, int headerBytes) {
            if (headerBytes < 64 || headerBytes > 65000) throw new IllegalArgumentException("header size " + headerBytes + " not in 64..65000");
            synchronized (Hdf5Writer.this) {
                return link(name, new Group(headerBytes));
            }
        }

        /** A scalar string dataset, stored in its header. */
        public Dataset string(String name, String value) {
            synchronized (Hdf5Writer.this) {
                return link(name, new Dataset(H5Type.VLEN_STRING, null, vlen(new String[] {value})));
            }
        }

        /** A 1-d string dataset, stored in its header. */
        public Dataset strings(String name, String[] values) {
            synchronized (Hdf5Writer.this) {
                return link(name, new Dataset(H5Type.VLEN_STRING, new long[] {values.length}, vlen(values)));
            }
        }

        /** A scalar double dataset, stored in its header. */
        public Dataset scalar(String name, double value) {
            synchronized (Hdf5Writer.this) {
                return link(name, new Dataset(H5Type.F64, null, le(8).putDouble(value).array()));
            }
        }

        /**
         * A contiguous dataset of rows shaped {@code rowShape} (empty for a 1-d dataset), with
         * room for {@code capacityRows} rows reserved now; it starts with 0 rows and grows by
         * {@link Dataset#append}.
         */
        public Dataset dataset(String name, H5Type type, long capacityRows, long... rowShape) {
            synchronized (Hdf5Writer.this) {
                return link(name, new Dataset(type, rowShape, capacityRows));
            }
        }

        /**
         * Like {@link #dataset} but without a capacity: it takes the end of the file and grows
         * until anything else is created in the file.
         */
        public Dataset growable(String name, H5Type type, long... rowShape) {
            synchronized (Hdf5Writer.this) {
                Dataset d = link(name, new Dataset(type, rowShape, -1));
                tail = d;
                return d;
            }
        }

        /** Removes the link {@code name} (its space stays in the file, unreferenced). */
        public void unlink(String name) {
            synchronized (Hdf5Writer.this) {
                if (links.remove(name) == null) throw new IllegalArgumentException("no link '" + name + "'");
            }
        }

        private <N extends Node> N link(String name, N node) {
            if (links.containsKey(name)) throw new IllegalArgumentException("'" + name + "' exists");
            if (name.isEmpty() || name.contains("/") || name.length() > 255) throw new IllegalArgumentException("bad HDF5 name '" + name + "'");
            links.put(name, node);
            return node;
        }

        @Override
        void messages(List<byte[]> out, List<Integer> types) {
            // link info: no creation order, no fractal heap, no name index -> links live here
            out.add(le(18).put((byte) 0).put((byte) 0).putLong(UNDEF).putLong(UNDEF).array());
            types.add(2);
            out.add(new byte[] {0, 0}); // group info, defaults
            types.add(10);
            for (Map.Entry<String, Node> e : links.entrySet()) {
                byte[] n = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.add(le(3 + n.length + 8).put((byte) 1).put((byte) 0).put((byte) n.length).put(n).putLong(e.getValue().address).array());
                types.add(6);
            }
        }
    }

    /** A dataset: compact (small, written at once) or contiguous (rows appended in place). */
    public final class Dataset extends Node {
        private final H5Type type;
        private final long[] rowShape; // null: scalar
        private final byte[] compact;
        final long rowBytes;
        private final long capacityRows; // -1: growable tail
        long dataAddress;
        long rows;
        boolean sealed;

        /** Compact. */
        private Dataset(H5Type type, long[] dims, byte[] data) {
            super(256 + data.length);
            this.type = type;
            this.rowShape = dims == null ? null : new long[0];
            this.compact = data;
            this.rowBytes = type.size();
            this.rows = dims == null ? 1 : dims[0];
            this.capacityRows = rows;
        }

        /** Contiguous. */
        private Dataset(H5Type type, long[] rowShape, long capacityRows) {
            super(1024);
            this.type = type;
            this.rowShape = rowShape.clone();
            this.compact = null;
            long rb = type.size();
            for (long d : rowShape) rb *= d;
            this.rowBytes = rb;
            this.capacityRows = capacityRows;
            this.dataAddress = capacityRows < 0 ? allocate(0) : allocate(capacityRows * rb);
        }

        public H5Type type() {
            return type;
        }

        /** Rows written so far. */
        public long rows() {
            synchronized (Hdf5Writer.this) {
                return rows;
            }
        }

        /** Appends whole rows (the buffer's remaining bytes, little-endian); visible after the next flush. */
        public void append(ByteBuffer data) throws IOException {
            synchronized (Hdf5Writer.this) {
                open();
                if (compact != null) throw new IllegalStateException("compact datasets are written at once");
                if (sealed) throw new IllegalStateException("the growable dataset was sealed by a later allocation");
                int n = data.remaining();
                if (n % rowBytes != 0) throw new IllegalArgumentException(n + " bytes are not whole rows of " + rowBytes);
                long add = n / rowBytes;
                if (capacityRows >= 0 && rows + add > capacityRows) {
                    throw new IllegalStateException("dataset full: " + (rows + add) + " rows > capacity " + capacityRows);
                }
                writeAt(dataAddress + rows * rowBytes, data);
                rows += add;
            }
        }

        /** Appends {@code count} doubles from {@code a[off..]} (whole rows). */
        public void append(double[] a, int off, int count) throws IOException {
            if (type.size() != 8) throw new IllegalArgumentException("not an 8-byte float dataset");
            ByteBuffer b = le(count * 8);
            for (int i = 0; i < count; i++) b.putDouble(a[off + i]);
            append(b.flip());
        }

        /** Appends {@code count} ints from {@code a[off..]} as 4-byte integers (whole rows). */
        public void append(int[] a, int off, int count) throws IOException {
            if (type.size() != 4) throw new IllegalArgumentException("not a 4-byte dataset");
            ByteBuffer b = le(count * 4);
            for (int i = 0; i < count; i++) b.putInt(a[off + i]);
            append(b.flip());
        }

        /** Reads raw bytes back from rows already written (for a reorder pass). */
        public void read(long byteOffset, ByteBuffer into) throws IOException {
            synchronized (Hdf5Writer.this) {
                open();
                long pos = dataAddress + byteOffset;
                while (into.hasRemaining()) {
                    int r = ch.read(into, pos);
                    if (r < 0) throw new IOException("read past the end of the HDF5 file");
                    pos += r;
                }
            }
        }

        @Override
        void messages(List<byte[]> out, List<Integer> types) {
            long[] dims = null;
            if (rowShape != null) {
                dims = new long[1 + rowShape.length];
                dims[0] = rows;
                System.arraycopy(rowShape, 0, dims, 1, rowShape.length);
            }
            out.add(dataspace(dims));
            types.add(1);
            out.add(type.message());
            types.add(3);
            out.add(new byte[] {3, 0x09}); // fill value v3: allocation early, fill at allocation, default fill
            types.add(5);
            if (compact != null) {
                out.add(le(4 + compact.length).put((byte) 3).put((byte) 0).putShort((short) compact.length).put(compact).array());
            } else {
                out.add(le(18).put((byte) 3).put((byte) 1).putLong(dataAddress).putLong(rows * rowBytes).array());
            }
            types.add(8);
        }
    }

    /** A version 2 dataspace message; null dims means scalar. */
    static byte[] dataspace(long[] dims) {
        if (dims == null) return new byte[] {2, 0, 0, 0};
        ByteBuffer b = le(4 + 8 * dims.length);
        b.put((byte) 2).put((byte) dims.length).put((byte) 0).put((byte) 1);
        for (long d : dims) b.putLong(d);
        return b.array();
    }

    /** Puts each string into a global heap and returns the elements that point at them. */
    private byte[] vlen(String[] values) {
        ByteBuffer out = le(16 * values.length);
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            GlobalHeap hp = heaps.getLast();
            if (!hp.fits(b.length)) {
                hp = new GlobalHeap(Math.max(4096, 16 + 16 + (b.length + 7) / 8 * 8 + 16));
                heaps.add(hp);
            }
            out.putInt(b.length).putLong(hp.address).putInt(hp.add(b));
        }
        return out.array();
    }

    /**
     * A global heap collection (spec III.E): "GCOL", version 1, its size, then objects (index,
     * reference count, size, data padded to 8 bytes) and object 0, the free space, whose size
     * counts its own header. Kept in memory and rewritten whole at every flush.
     */
    private final class GlobalHeap {
        final long address;
        final byte[] buf;
        int used = 16;
        int next = 1;

        GlobalHeap(int size) {
            buf = new byte[size];
            address = allocate(size);
        }

        boolean fits(int bytes) {
            return used + 16 + (bytes + 7) / 8 * 8 + 16 <= buf.length && next < 0xffff;
        }

        int add(byte[] data) {
            ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            b.position(used);
            b.putShort((short) next).putShort((short) 1).putInt(0).putLong(data.length).put(data);
            used += 16 + (data.length + 7) / 8 * 8;
            return next++;
        }

        void write() throws IOException {
            ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            b.put(new byte[] {'G', 'C', 'O', 'L', 1, 0, 0, 0}).putLong(buf.length);
            b.position(used);
            b.putShort((short) 0).putShort((short) 0).putInt(0).putLong(buf.length - used);
            writeAt(address, ByteBuffer.wrap(buf));
        }
    }
}
