package org.izhsim.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our HDF5 writer read back by an independent reader (jhdf), including mid-write states. */
class Hdf5WriterTest {
    @TempDir
    Path dir;

    @Test
    void lookup3MatchesTheReferenceValues() {
        // from lookup3.c's driver: hashlittle("", 0, 0) and hashlittle("Four score and seven years ago", 30, 0)
        assertEquals(0xdeadbeef, Lookup3.hash(new byte[0], 0, 0));
        byte[] s = "Four score and seven years ago".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x17770551, Lookup3.hash(s, 0, s.length));
    }

    @Test
    void everyKindOfObjectReadsBack() throws Exception {
        Path f = dir.resolve("t.h5");
        try (Hdf5Writer w = Hdf5Writer.create(f)) {
            var r = w.root();
            r.attribute("text", "2.7.0").attribute("x", 3.5).attribute("n", -7L).attribute("cols", new String[] {"spike_times", "ab"});
            var g = r.group("acquisition");
            var d = g.dataset("data", H5Type.F64, 10, 3);
            d.append(new double[] {1, 2, 3, 4, 5, 6}, 0, 6);
            d.attribute("unit", "volts");
            r.string("identifier", "abc");
            r.strings("dates", new String[] {"2020-01-01T00:00:00Z", "x"});
            r.scalar("start", 0.25);
            g.reference("target", d);
            var s = g.growable("stream", H5Type.I32, 2);
            s.append(new int[] {1, 2, 3, 4}, 0, 4);
            w.flush();
            s.append(new int[] {5, 6}, 0, 2);
        }
        try (HdfFile h = new HdfFile(f)) {
            assertEquals("2.7.0", h.getAttribute("text").getData());
            assertEquals(3.5, h.getAttribute("x").getData());
            assertEquals(-7L, h.getAttribute("n").getData());
            assertArrayEquals(new String[] {"spike_times", "ab"}, (String[]) h.getAttribute("cols").getData());
            Dataset d = h.getDatasetByPath("/acquisition/data");
            assertArrayEquals(new int[] {2, 3}, d.getDimensions());
            assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, (double[][]) d.getData());
            assertEquals("volts", d.getAttribute("unit").getData());
            assertEquals("abc", h.getDatasetByPath("/identifier").getData());
            assertArrayEquals(new String[] {"2020-01-01T00:00:00Z", "x"}, (String[]) h.getDatasetByPath("/dates").getData());
            assertEquals(0.25, h.getDatasetByPath("/start").getData());
            assertArrayEquals(new int[][] {{1, 2}, {3, 4}, {5, 6}}, (int[][]) h.getDatasetByPath("/acquisition/stream").getData());
        }
    }

    @Test
    void aFileKeptOpenReadsAsOfItsLastFlush() throws Exception {
        Path f = dir.resolve("grow.h5");
        Hdf5Writer w = Hdf5Writer.create(f);
        var d = w.root().dataset("v", H5Type.F64, 1000, 2);
        var s = w.root().growable("s", H5Type.I32, 2);
        for (int chunk = 1; chunk <= 3; chunk++) {
            d.append(new double[] {chunk, -chunk}, 0, 2);
            s.append(new int[] {chunk, chunk * 10}, 0, 2);
            w.flush();
            // written after the flush: not yet visible (a copy stands for a reader after kill -9)
            d.append(new double[] {99, 99}, 0, 2);
            Path copy = dir.resolve("copy" + chunk + ".h5");
            Files.copy(f, copy);
            try (HdfFile h = new HdfFile(copy)) {
                assertEquals(2 * chunk - 1, h.getDatasetByPath("/v").getDimensions()[0]);
                assertEquals(chunk, h.getDatasetByPath("/s").getDimensions()[0]);
                double[][] v = (double[][]) h.getDatasetByPath("/v").getData();
                assertArrayEquals(new double[] {chunk, -chunk}, v[2 * chunk - 2]);
                assertArrayEquals(new int[] {chunk, chunk * 10}, ((int[][]) h.getDatasetByPath("/s").getData())[chunk - 1]);
            }
        }
        w.close();
        assertThrows(java.io.IOException.class, () -> d.append(new double[] {1, 2}, 0, 2));
    }
}
