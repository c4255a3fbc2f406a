package org.izhsim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvJsonTest {
    @TempDir
    Path dir;

    @Test
    void csvRoundTripsValuesExactly() throws IOException {
        double[] t = {0.0, 0.1 + 0.2, -1e-300};
        int[] n = {1, 2, 3};
        Path f = Csv.write(dir.resolve("a.csv"), Map.of("scheme", "euler"), List.of("t_ms", "n"), List.of(t, n));
        List<String> lines = Files.readAllLines(f);
        assertEquals("# scheme: euler", lines.get(0));
        assertEquals("t_ms,n", lines.get(1));
        for (int r = 0; r < 3; r++) {
            String[] parts = lines.get(2 + r).split(",");
            assertEquals(t[r], Double.parseDouble(parts[0]), 0.0);
            assertEquals(n[r], Integer.parseInt(parts[1]));
        }
    }

    @Test
    void csvNumbersAreJavasShortestRepresentation() throws IOException {
        double[] t = {0.0, -0.0, 1.0, -5.0, 123.0, 999_999.0, 9_999_999.0, 1e7, 2.5e7, 0.5, 1.0 / 3, -1e-300,
                Double.NaN, Double.POSITIVE_INFINITY, 4.9e-324, Double.MAX_VALUE, 1e16};
        int[] n = new int[t.length];
        for (int i = 0; i < n.length; i++) n[i] = i % 2 == 0 ? Integer.MIN_VALUE + i : Integer.MAX_VALUE - i;
        n[1] = 0;
        Path f = Csv.write(dir.resolve("c.csv"), Map.of(), List.of("t", "n"), List.of(t, n));
        List<String> lines = Files.readAllLines(f);
        for (int r = 0; r < t.length; r++) {
            assertEquals(Double.toString(t[r]) + "," + n[r], lines.get(1 + r), "row " + r);
        }
    }

    @Test
    void csvWritesWideRows() throws IOException {
        List<String> header = new java.util.ArrayList<>();
        List<Object> columns = new java.util.ArrayList<>();
        for (int c = 0; c < 3000; c++) {
            header.add("c" + c);
            columns.add(new double[] {-Double.MIN_NORMAL * (c + 1), 1.0 / (c + 3)});
        }
        List<String> lines = Files.readAllLines(Csv.write(dir.resolve("w.csv"), Map.of(), header, columns));
        for (int r = 0; r < 2; r++) {
            String[] parts = lines.get(1 + r).split(",");
            assertEquals(3000, parts.length);
            for (int c = 0; c < 3000; c++) assertEquals(Double.toString(((double[]) columns.get(c))[r]), parts[c]);
        }
    }

    @Test
    void csvRefusesRaggedColumnsAndWritesNothing() {
        assertThrows(IllegalArgumentException.class,
                () -> Csv.write(dir.resolve("b.csv"), Map.of(), List.of("a", "b"), List.of(new double[2], new double[3])));
        assertEquals(false, Files.exists(dir.resolve("b.csv")));
    }

    @Test
    void jsonShapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\n");
        m.put("x", 13.0);
        m.put("y", 0.25);
        m.put("nan", Double.NaN);
        m.put("arr", new double[] {1, 2.5});
        m.put("ints", new int[] {1, 2});
        m.put("list", List.of(1, "two"));
        m.put("nested", Map.of("k", true));
        assertEquals("{\"s\":\"a\\\"b\\n\",\"x\":13.0,\"y\":0.25,\"nan\":null,\"arr\":[1.0,2.5],\"ints\":[1,2],"
                + "\"list\":[1,\"two\"],\"nested\":{\"k\":true}}", Json.write(m));
    }

    /** Jackson writes the text; the numbers print as before (the built-in network's model hash is taken over this text). */
    @Test
    void jsonNumbersAndEscapesStayValid() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("big", 1e14);
        m.put("bigger", 1e15);
        m.put("neg", -0.0);
        m.put("tiny", 5.040380000000001E-4);
        m.put("inf", Double.NEGATIVE_INFINITY);
        m.put("f", 2.5f);
        m.put("long", Long.MAX_VALUE);
        m.put("longs", new long[] {-1, 2});
        m.put("ctl", "tab\tbell\u0007");
        m.put("path", Path.of("a", "b"));
        m.put("objs", new Object[] {null, 1.5});
        String text = Json.write(m);
        assertEquals("{\"big\":100000000000000.0,\"bigger\":1.0E15,\"neg\":0.0,\"tiny\":5.040380000000001E-4,\"inf\":null,"
                + "\"f\":2.5,\"long\":9223372036854775807,\"longs\":[-1,2],", text.substring(0, text.indexOf("\"ctl\"")));
        var back = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        assertEquals("tab\tbell\u0007", back.get("ctl").asText());
        assertEquals(Path.of("a", "b").toString(), back.get("path").asText());
        assertEquals(1.5, back.get("objs").get(1).asDouble());
    }
}
