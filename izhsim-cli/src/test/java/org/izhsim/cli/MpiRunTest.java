package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntFunction;
import org.izhsim.network.InProcessRanks;
import org.junit.jupiter.api.Test;

/** The start-of-job version check, on in-process ranks (a real mismatch needs two builds on two nodes). */
class MpiRunTest {
    private static List<String> check(int ranks, IntFunction<String> build) throws Exception {
        return new InProcessRanks(ranks).run(c -> MpiRun.versionMismatch(c, build.apply(c.rank())));
    }

    @Test
    void sameBuildsPass() throws Exception {
        for (String s : check(3, r -> "0.1.0 abc")) assertNull(s);
    }

    @Test
    void aDifferentBuildOnOneRankStopsEveryRankAndRankZeroNamesEachBuild() throws Exception {
        List<String> got = check(3, r -> r == 2 ? "0.1.0 def" : "0.1.0 abc");
        for (String s : got) assertTrue(s != null && s.contains("different izhsim builds"), s);
        assertEquals("izhsim: the ranks run different izhsim builds (rank 0: 0.1.0 abc, rank 1: 0.1.0 abc, rank 2: 0.1.0 def); "
                + "install the same build on every node", got.get(0));
    }
}
