package org.izhsim.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.izhsim.io.NeuroMl;

/**
 * NeuroML2 files: any text gives its cells or one line naming the file; a DOCTYPE, and with it
 * every external entity, is refused, so that a model file can never make izhsim read a file it
 * was not given. 300 tries, a few seconds (each input is a file).
 */
class NeuroMlFuzzTest {
    static final Path FILE;
    static final String VALID;

    static {
        try {
            FILE = Files.createTempFile("izhsim-fuzz-", ".nml");
            FILE.toFile().deleteOnExit();
            VALID = Files.readString(Path.of("..", "examples", "neuroml", "izhikevich2007_cells.nml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final List<String> FRAGMENTS = List.of("<", ">", "/>", "</neuroml>", "=\"", "\"", "mV", "pA", "nS", "per_ms",
            "1e400", "<izhikevichCell id=\"x\"/>", "<!-- ", " -->", "<![CDATA[", "]]>", "&amp;", "&lt;", "&xxe;",
            "<?xml version=\"1.0\"?>", "xmlns=\"\"", "id=\"RS\"");

    @Provide
    Arbitrary<String> mutated() {
        return Mutations.of(VALID, FRAGMENTS);
    }

    @Property(tries = 300)
    void mutatedNeuroMlReadsOrNamesTheFile(@ForAll("mutated") String text) throws IOException {
        // getBytes, not writeString: an edit may split a surrogate pair, and a file holds bytes, so
        // a lone surrogate becomes the '?' an editor would save rather than an exception here
        Files.write(FILE, text.getBytes(StandardCharsets.UTF_8));
        Outcome.parsesOrRefuses(() -> NeuroMl.read(FILE), List.of(IllegalArgumentException.class), false, text);
        try {
            NeuroMl.read(FILE);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains(FILE.toString()) || e.getMessage().contains("cell"), e.getMessage());
        }
    }

    @Example
    void bytesThatAreNotUtf8NameTheFile() throws IOException {
        byte[] head = VALID.substring(0, VALID.indexOf("<izhikevich")).getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3, '('}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            byte[] text = java.util.Arrays.copyOf(head, head.length + bad.length);
            System.arraycopy(bad, 0, text, head.length, bad.length);
            Files.write(FILE, text);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeuroMl.read(FILE));
            assertTrue(e.getMessage().contains(FILE.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Example
    void externalEntitiesAndDtdsAreRefusedWithoutReadingTheFile() throws IOException {
        Path secret = Files.createTempFile("izhsim-secret-", ".txt");
        try {
            Files.writeString(secret, "TOP-SECRET-CONTENT");
            String uri = secret.toUri().toString();
            for (String doctype : List.of(
                    "<!DOCTYPE neuroml [<!ENTITY xxe SYSTEM \"" + uri + "\">]>",
                    "<!DOCTYPE neuroml SYSTEM \"" + uri + "\">",
                    "<!DOCTYPE neuroml [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>",
                    "<!DOCTYPE neuroml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>")) {
                Files.writeString(FILE, "<?xml version=\"1.0\"?>\n" + doctype + "\n<neuroml xmlns=\"http://www.neuroml.org/schema/neuroml2\">"
                        + "<izhikevich2007Cell id=\"&xxe;\" C=\"100pF\" v0=\"-60mV\" k=\"0.7nS_per_mV\" vr=\"-60mV\" vt=\"-40mV\""
                        + " vpeak=\"35mV\" a=\"0.03per_ms\" b=\"-2nS\" c=\"-50mV\" d=\"100pA\"/></neuroml>\n");
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeuroMl.read(FILE));
                assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
                assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().contains("malformed"), e.getMessage());
            }
        } finally {
            Files.deleteIfExists(secret);
        }
    }
}
