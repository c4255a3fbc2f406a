package org.izhsim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatNpzWrites() throws IOException {
        Path f = new Npz().put("i", new int[] {0, -7, Integer.MAX_VALUE}).put("l", new long[] {5, -1})
                .put("f", new float[] {1.5f, -0.25f}).put("d", new double[] {Math.PI}).putScalar("sm", 10)
                .putString("scheme", "netm").write(dir.resolve("a.npz"));
        try (NpzReader r = NpzReader.open(f)) {
            assertEquals(List.of("i", "l", "f", "d", "sm", "scheme"), r.names());
            assertArrayEquals(new int[] {0, -7, Integer.MAX_VALUE}, r.ints("i"));
            assertArrayEquals(new int[] {5, -1}, r.ints("l"));
            assertArrayEquals(new double[] {1.5, -0.25}, r.doubles("f"));
            assertArrayEquals(new double[] {Math.PI}, r.doubles("d"));
            assertArrayEquals(new double[] {0, -7, Integer.MAX_VALUE}, r.doubles("i"));
            assertEquals(10, r.scalar("sm"));
            assertTrue(message(() -> r.ints("f")).contains("array 'f' holds floats (<f4)"));
            assertTrue(message(() -> r.ints("scheme")).contains("dtype '<U4'"));
            assertTrue(message(() -> r.ints("nothing")).contains("has no array 'nothing'; it has: i, l, f"));
            assertTrue(message(() -> r.scalar("l")).contains("has 2 elements"));
        }
    }

    @Test
    void readsDeflatedSmallIntegersAndNewerFormats() throws IOException {
        ByteBuffer i8 = ByteBuffer.allocate(3).put((byte) -1).put((byte) 20).put((byte) 1);
        ByteBuffer i16 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -300).putShort((short) 7);
        ByteBuffer u32 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(-1);
        Path f = zip("b.npz", entry("d8", 1, "|i1", "(3,)", i8.array()), entry("d16", 2, "<i2", "(2,)", i16.array()),
                entry("big", 3, "<u4", "(1,)", u32.array()), entry("m", 1, "<i2", "(1, 2)", i16.array()));
        try (NpzReader r = NpzReader.open(f)) {
            assertArrayEquals(new int[] {-1, 20, 1}, r.ints("d8"));
            assertArrayEquals(new int[] {-300, 7}, r.ints("d16"));
            assertArrayEquals(new int[] {-300, 7}, r.ints("m"));
            assertEquals(4294967295.0, r.doubles("big")[0]);
            assertTrue(message(() -> r.ints("big")).contains("value 4294967295 at index 0, beyond the int range"));
        }
    }

    @Test
    void refusesWhatItCannotReadInOneLine() throws IOException {
        byte[] four = new byte[4];
        Path f = zip("c.npz", entry("be", 1, ">i4", "(1,)", four), entry("short", 1, "<i4", "(3,)", four),
                entry("fortran", 1, "<i4", "(2, 2)", new byte[16]), entry("obj", 1, "|O", "(1,)", four),
                entry("neg", 1, "<i4", "(-1,)", four));
        try (NpzReader r = NpzReader.open(f)) {
            assertTrue(message(() -> r.ints("be")).contains("only little-endian"));
            assertTrue(message(() -> r.ints("short")).contains("is truncated"));
            assertTrue(message(() -> r.doubles("obj")).contains("dtype '|O'"));
            assertTrue(message(() -> r.ints("neg")).contains("shape (-1,)"));
        }
        Path fortran = zip("d.npz", entryFortran("x", new byte[16]));
        try (NpzReader r = NpzReader.open(fortran)) {
            assertTrue(message(() -> r.ints("x")).contains("Fortran order"));
        }
        Path text = Files.writeString(dir.resolve("t.npz"), "hello");
        assertTrue(message(() -> NpzReader.open(text)).contains("is not an .npz archive"));
        assertTrue(message(() -> NpzReader.open(dir.resolve("none.npz"))).contains("no such file"));
    }

    /** The real producer: numpy's savez_compressed with the dtypes a weight snapshot may use. */
    @Test
    void readsNumpysCompressedArchives() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        assumeTrue(new ProcessBuilder(python.toString(), "-c", "import numpy").start().waitFor() == 0, "numpy not installed");
        Path f = dir.resolve("np.npz");
        Process p = new ProcessBuilder(python.toString(), "-c", "import numpy as np,sys; np.savez_compressed(sys.argv[1], "
                + "pre=np.arange(1000, dtype=np.int32), delay_ms=(np.arange(1000) % 20 + 1).astype(np.int8), "
                + "w=np.linspace(0, 10, 1000, dtype=np.float32), ne=800, sm=10.0)", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        try (NpzReader r = NpzReader.open(f)) {
            int[] pre = r.ints("pre"), delay = r.ints("delay_ms");
            double[] w = r.doubles("w");
            assertEquals(1000, pre.length);
            assertEquals(999, pre[999]);
            assertEquals(20, delay[19]);
            assertEquals(1, delay[20]);
            assertEquals((double) (float) (10.0 * 500 / 999), w[500]);
            assertEquals(800, r.scalar("ne"));
            assertEquals(10, r.scalar("sm"));
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private static String message(Action a) {
        return assertThrows(IllegalArgumentException.class, a::run).getMessage();
    }

    private record Entry(String name, byte[] bytes) {}

    private static Entry entry(String name, int version, String descr, String shape, byte[] data) {
        return npy(name, version, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }", data);
    }

    private static Entry entryFortran(String name, byte[] data) {
        return npy(name, 1, "{'descr': '<i4', 'fortran_order': True, 'shape': (2, 2), }", data);
    }

    private static Entry npy(String name, int version, String dict, byte[] data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x93);
        b.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        b.write(version);
        b.write(0);
        byte[] h = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
        if (version == 1) {
            b.write(h.length & 0xff);
            b.write(h.length >>> 8);
        } else {
            b.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(h.length).array());
        }
        b.writeBytes(h);
        b.writeBytes(data);
        return new Entry(name, b.toByteArray());
    }

    /** A deflated archive (the Npz writer's stored entries are read in the first test). */
    private Path zip(String file, Entry... entries) throws IOException {
        Path f = dir.resolve(file);
        try (OutputStream os = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(os)) {
            z.setMethod(ZipOutputStream.DEFLATED);
            for (Entry e : entries) {
                z.putNextEntry(new ZipEntry(e.name() + ".npy"));
                z.write(e.bytes());
                z.closeEntry();
            }
        }
        return f;
    }
}
