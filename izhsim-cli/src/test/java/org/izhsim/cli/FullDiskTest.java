package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk during a run (issue #19, defect 4): one clear line, no partial file left filling
 * the disk, earlier results untouched. The disk is a 1 MiB tmpfs, which only root can mount;
 * elsewhere the test is skipped.
 */
class FullDiskTest {
    @TempDir
    Path dir;

    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mount() throws Exception {
        disk = Files.createDirectory(dir.resolve("disk"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        mounted = p.waitFor() == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root): " + new String(p.getInputStream().readAllBytes()));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) new ProcessBuilder("umount", disk.toString()).start().waitFor();
    }

    @Test
    void aFullDiskDuringAStreamedRecordingGivesOneLineAndLeavesEarlierFiles() throws Exception {
        Path out = Files.createDirectory(disk.resolve("out"));
        Files.writeString(out.resolve("run.json"), "{\"earlier\": true}\n");
        CliRunner r = CliRunner.run("net2003", "--ne", "80", "--ni", "20", "--duration", "20000", "--data", "nwb",
                "--record", "v", "--record-neurons", "0-49", "--figures", "none", "--quiet", "--threads", "1",
                "--out", out.toString());
        assertEquals(Main.EXIT_FAILURE, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("the disk is full"), r.err());
        assertEquals("{\"earlier\": true}\n", Files.readString(out.resolve("run.json")));
        assertEquals(java.util.List.of("run.json"), HostileInputTest.listing(out));
        assertFalse(Files.exists(out.resolve("run.nwb.partial")));
    }
}
