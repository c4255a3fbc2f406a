package org.izhsim.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak memory of this process, for the timing reports. */
public final class Memory {
    private Memory() {}

    /** Sum of the peak usage of the heap pools since start [MB]. */
    public static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum / 1048576.0;
    }

    /** Peak resident set size (VmHWM) [MB], comparable to the peer's peak RSS; NaN where /proc is missing. */
    public static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the report says NaN rather than guess
        }
        return Double.NaN;
    }
}
