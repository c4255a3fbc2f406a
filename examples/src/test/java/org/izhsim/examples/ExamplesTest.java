package org.izhsim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesTest {

    @Test
    void registryNamesAreUniqueAndDescribed() {
        Set<String> names = new HashSet<>();
        for (Example e : Examples.ALL) {
            assertTrue(names.add(e.name()), e.name());
            assertTrue(e.name().matches("[a-z0-9-]+"), e.name());
            assertTrue(!e.description().isBlank() && !e.description().contains("\n"));
            assertTrue(!e.reproduces().isBlank());
            assertEquals(e, Examples.byName(e.name()));
        }
        assertEquals("unknown example 'nope'; known: sornsim-izhikevich, homeostasis, stdp-song2000, dastdp-pair, dastdp-network",
                assertThrows(IllegalArgumentException.class, () -> Examples.byName("nope")).getMessage());
    }

    /** The homeostatic behaviour pulls net.m (≈ 7 Hz on its own) to its 3 Hz target. */
    @Test
    void homeostasisReachesItsTarget() {
        HomeostasisExample.Run plain = HomeostasisExample.simulate(4, 2, 0, null);
        HomeostasisExample.Run homeo = HomeostasisExample.simulate(4, 2, HomeostasisExample.ETA, null);
        double before = HomeostasisExample.rate(plain, 2500, 3000), after = HomeostasisExample.rate(homeo, 2500, 3000);
        assertTrue(before > 6 && before < 10, "net.m alone " + before + " Hz (izhikevich-2003-2004.md §2.3: 7.1-7.9 Hz)");
        assertTrue(Math.abs(after - HomeostasisExample.TARGET_HZ) < 0.75, "with homeostasis " + after + " Hz");
    }

    /** README's "Writing your own behaviour" shows Homeostasis.java as compiled here, to the letter. */
    @Test
    void readmeQuotesTheCompiledBehaviour() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String source = Files.readString(root.resolve("examples/src/main/java/org/izhsim/examples/Homeostasis.java"));
        String quoted = source.substring(source.indexOf("// README:begin\n") + 16, source.indexOf("// README:end"));
        String readme = Files.readString(root.resolve("README.md"));
        assertTrue(readme.contains("```java\n" + quoted + "```"), "README.md must quote Homeostasis.java between its README markers");
    }

    @Test
    void homeostasisWritesItsRaster(@TempDir Path dir) throws Exception {
        Example.Result r = new HomeostasisExample().run(dir, new Example.Options(1, 2, Set.of(org.izhsim.plot.ImageFormat.PNG), null));
        assertTrue(Files.size(dir.resolve("raster.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("run.json")).contains("\"target_hz\":3.0"));
        assertEquals(3.0, (double) r.summary().get("target_hz"));
    }
}
