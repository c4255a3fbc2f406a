package org.izhsim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.izhsim.io.NeuroMl.Cell;
import org.izhsim.io.NeuroMl.Cell2003;
import org.izhsim.io.NeuroMl.Cell2007;
import org.izhsim.io.NmlUnits.Dimension;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NeuroML2 import: the shipped examples under examples/neuroml/ (RS is NeuroML2's
 * canonical izhikevich2007Cell, examples/NML2_AbstractCells.nml, reference §5.3), unit
 * conversion, and one-line refusals of bad files.
 */
class NeuroMlTest {
    static final Path EXAMPLES = Path.of("..", "examples", "neuroml");

    @TempDir
    Path tmp;

    @Test
    void readsTheCanonicalRsAsTheBookCell() throws IOException {
        Cell2007 rs = (Cell2007) NeuroMl.read(EXAMPLES.resolve("izhikevich2007_cells.nml"), "RS");
        Izhikevich2007Model book = Izhikevich2007Presets.byId("RS").model();
        Izhikevich2007Model m = rs.model();
        assertEquals(-60, rs.v0());
        assertEquals(List.of(book.C(), book.k(), book.vr(), book.vt(), book.vpeak(), book.a(), book.b(), book.c(), book.d()),
                List.of(m.C(), m.k(), m.vr(), m.vt(), m.vpeak(), m.a(), m.b(), m.c(), m.d()));
        assertTrue(m.strictCutoff(), "NeuroML spikes on v > vpeak");
    }

    @Test
    void siUnitsConvertExactly() throws IOException {
        Path f = EXAMPLES.resolve("izhikevich2007_cells.nml");
        Izhikevich2007Model rs = ((Cell2007) NeuroMl.read(f, "RS")).model();
        Cell2007 si = (Cell2007) NeuroMl.read(f, "RS_SI");
        assertEquals(rs, si.model().named("RS"));
        assertEquals(-60, si.v0());
        assertEquals(4, NeuroMl.read(f).size());
    }

    @Test
    void unitTable() {
        assertEquals(0.03, NmlUnits.parse("30 Hz", Dimension.PER_TIME, "a"));
        assertEquals(0.03, NmlUnits.parse("0.03per_ms", Dimension.PER_TIME, "a"));
        assertEquals(100, NmlUnits.parse("0.1nF", Dimension.CAPACITANCE, "C"));
        assertEquals(100, NmlUnits.parse("0.1 uF", Dimension.CAPACITANCE, "C") / 1e3);
        assertEquals(2, NmlUnits.parse("2e-3uS", Dimension.CONDUCTANCE, "b"));
        assertEquals(0.7, NmlUnits.parse("0.7e-6 S_per_V", Dimension.CONDUCTANCE_PER_VOLTAGE, "k"));
        assertEquals(100, NmlUnits.parse("0.1nA", Dimension.CURRENT, "d"));
        assertEquals(250, NmlUnits.parse("0.25 s", Dimension.TIME, "t"));
    }

    @Test
    void reads2003CellsWithNeuroMlsInitialU() throws IOException {
        Cell2003 c = (Cell2003) NeuroMl.read(EXAMPLES.resolve("izhikevich2003_cells.nml"), "RS03");
        assertEquals(-70, c.v0());
        assertEquals(30, c.model().vPeak());
        assertEquals(0.02, c.params().a());
        assertEquals(-65, c.params().c());
        assertEquals(-14, c.u0(), 1e-12);
        assertEquals("izhikevichCell", c.type());
    }

    static String error(String xml, String id) throws IOException {
        Path f = Files.writeString(Files.createTempFile("bad", ".nml"), xml);
        try {
            return assertThrows(IllegalArgumentException.class, () -> NeuroMl.read(f, id)).getMessage();
        } finally {
            Files.delete(f);
        }
    }

    static final String HEAD = "<neuroml xmlns=\"http://www.neuroml.org/schema/neuroml2\">";

    @Test
    void badFilesAreRefusedInOneLine() throws IOException {
        String cell = "<izhikevich2007Cell id=\"X\" v0=\"-60mV\" C=\"100pF\" k=\"0.7nS_per_mV\" vr=\"-60mV\" vt=\"-40mV\""
                + " vpeak=\"35mV\" a=\"0.03per_ms\" b=\"-2nS\" c=\"-50mV\" d=\"100pA\"/>";
        List<String> messages = List.of(
                error(HEAD + "<izhikevich2007Cell id=\"X\"", "X"),
                error(HEAD + cell.replace(" d=\"100pA\"", "") + "</neuroml>", "X"),
                error(HEAD + cell.replace("100pF", "100mV") + "</neuroml>", "X"),
                error(HEAD + cell.replace("100pF", "100furlong") + "</neuroml>", "X"),
                error(HEAD + cell + "</neuroml>", "Y"),
                error(HEAD + "</neuroml>", "X"),
                error(HEAD + "<izhikevichCell id=\"Z\" v0=\"-70mV\" thresh=\"30mV\" a=\"0.02\" b=\"0.2\" c=\"-65mV\" d=\"8\"/>"
                        + "</neuroml>", "Z"));
        for (String m : messages) assertEquals(1, m.lines().count(), m);
        assertTrue(messages.get(0).contains("malformed XML"), messages.get(0));
        assertTrue(messages.get(1).contains("no attribute 'd'"), messages.get(1));
        assertTrue(messages.get(2).contains("'100mV' is a voltage, expected a capacitance in F, uF, nF, pF"), messages.get(2));
        assertTrue(messages.get(3).contains("unknown unit 'furlong'"), messages.get(3));
        assertTrue(messages.get(4).contains("no cell 'Y'") && messages.get(4).endsWith("its cells: X"), messages.get(4));
        assertTrue(messages.get(5).contains("no izhikevichCell or izhikevich2007Cell"), messages.get(5));
        assertTrue(messages.get(6).contains("c of izhikevichCell 'Z'") && messages.get(6).contains("without a unit"),
                messages.get(6));
    }

    /** Found by the fuzz suite: a number beyond a double's range reached the model's own check, which cannot name the file. */
    @Test
    void numbersBeyondRangeNameTheFileAndAttribute() throws IOException {
        String m2003 = error(HEAD + "<izhikevichCell id=\"Z\" v0=\"-70mV\" thresh=\"30mV\" a=\"0.02\" b=\"0.2\" c=\"1e400\" d=\"8\"/>"
                + "</neuroml>", "Z");
        assertTrue(m2003.contains("c of izhikevichCell 'Z' in ") && m2003.contains("'1e400' is beyond the range of a number"), m2003);
        String m2007 = error(HEAD + "<izhikevich2007Cell id=\"X\" v0=\"-60mV\" C=\"1e400pF\" k=\"0.7nS_per_mV\" vr=\"-60mV\""
                + " vt=\"-40mV\" vpeak=\"35mV\" a=\"0.03per_ms\" b=\"-2nS\" c=\"-50mV\" d=\"100pA\"/></neuroml>", "X");
        assertTrue(m2007.contains("C of izhikevich2007Cell 'X' in ") && m2007.contains("beyond the range"), m2007);
    }

    @Test
    void externalEntitiesAreRefused() throws IOException {
        String m = error("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + HEAD
                + "</neuroml>", "X");
        assertTrue(m.contains("malformed XML") && m.contains("DOCTYPE"), m);
    }

    @Test
    void cellListIsTyped() throws IOException {
        for (Cell c : NeuroMl.read(EXAMPLES.resolve("izhikevich2007_cells.nml"))) {
            assertEquals("izhikevich2007Cell", c.type());
        }
    }
}
