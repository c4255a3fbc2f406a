package org.izhsim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEveryTypeAndLeavesNoTemporaryFile() throws IOException {
        double[] t = {0.0, 1.5, -2.25, Math.PI, Double.MIN_VALUE};
        int[] i = {0, 7, -3, Integer.MAX_VALUE};
        Path f = new Npz().put("t_ms", t).put("i", i).putScalar("dt_ms", 0.25).putString("scheme", "netm")
                .write(dir.resolve("spikes.npz"));
        Map<String, byte[]> raw = new HashMap<>();
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(f))) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) raw.put(e.getName(), zin.readAllBytes());
        }
        assertEquals(4, raw.size());
        ByteBuffer bt = payload(raw.get("t_ms.npy"), "'descr': '<f8'", "'shape': (5,)");
        double[] tBack = new double[t.length];
        for (int k = 0; k < t.length; k++) tBack[k] = bt.getDouble();
        assertArrayEquals(t, tBack, 0.0);
        ByteBuffer bi = payload(raw.get("i.npy"), "'descr': '<i4'", "'shape': (4,)");
        int[] iBack = new int[i.length];
        for (int k = 0; k < i.length; k++) iBack[k] = bi.getInt();
        assertArrayEquals(i, iBack);
        assertEquals(0.25, payload(raw.get("dt_ms.npy"), "'descr': '<f8'", "'shape': ()").getDouble(), 0.0);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the final file remains");
        }
    }

    /** The real consumer: numpy reads the archive as is (Debian's python3-numpy; CI installs it). */
    @Test
    void numpyLoadsIt() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        Process probe = new ProcessBuilder(python.toString(), "-c", "import numpy").start();
        assumeTrue(probe.waitFor() == 0, "numpy not installed");
        Path f = new Npz().put("t_ms", new double[] {1.0, 2.5}).put("i", new int[] {3, 4})
                .put("v", new double[][] {{1, 2, 3}, {4, 5, 6}})
                .putMetadata(Map.of("seed", 42, "steps", 1L << 40, "dt_ms", 0.5))
                .putString("scheme", "figure1").write(dir.resolve("x.npz"));
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import numpy as np,sys; d=np.load(sys.argv[1]); "
                        + "print(d['t_ms'].tolist(), d['i'].tolist(), d['i'].dtype, str(d['scheme']), d['v'].shape, d['v'][1].tolist(),"
                        + " d['seed'].dtype, int(d['seed']), int(d['steps']), d['dt_ms'].dtype)", f.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        // a 2-d array rows x columns in C order; integer metadata stays integer
        assertEquals("[1.0, 2.5] [3, 4] int32 figure1 (2, 3) [4.0, 5.0, 6.0] int64 42 " + (1L << 40) + " float64", out);
    }

    private static ByteBuffer payload(byte[] npy, String... headerMust) {
        assertEquals((byte) 0x93, npy[0]);
        assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
        int len = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        assertEquals(0, (10 + len) % 64, "header padded to 64 bytes");
        String header = new String(npy, 10, len, StandardCharsets.US_ASCII);
        for (String s : headerMust) org.junit.jupiter.api.Assertions.assertTrue(header.contains(s), header);
        return ByteBuffer.wrap(npy, 10 + len, npy.length - 10 - len).order(ByteOrder.LITTLE_ENDIAN);
    }
}
