package org.izhsim.network;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.izhsim.integrate.Scheme;

/**
 * Times the 2003 network at the sizes of the Brian2 comparison (docs/reference/brian2-peer.md):
 * prints one line per run with build_s, run_s, spikes, rate, events/s, neuron-steps/s, peak heap
 * and peak RSS.
 *
 * <pre>
 * java -Xmx1000m -cp izhsim-core/target/classes:izhsim-core/target/test-classes \
 *      org.izhsim.network.NetworkBenchMain NE NI K|dense [threads] [scheme] [repeats] [seed]
 * </pre>
 * The first run of a JVM includes JIT warm-up; later repeats continue the same simulation
 * for another second (warm). Add {@code -Dizhsim.profile=true} for the time per phase and worker.
 *
 * <p>Recorded on the shared 2-core VM (Xeon, 2.0 GHz, other builds running at times), euler,
 * dt 1 ms, 1000 ms per run, threads 2, -Xmx1000m; run_s of the first (cold) and of warm runs:
 * <pre>
 * network            build_s   run_s cold  run_s warm   events/s   peak RSS   Brian2 same day
 * 1,000 dense        0.04-0.1  0.10-0.25   0.012-0.025  ~4e8       66 MB      cython run 0.12 s
 * 10,000 K=1000      0.4-0.5   0.40-0.47   0.17-0.23    ~4e8       150 MB     cython run 1.33 s
 * 100,000 K=100      0.7-1.0   2.0-2.4     1.8-2.1      ~1.2e8     360 MB     cpp 2 thr run 6.13 s
 * 100,000 K=1000     3.5-4.5   2.5-3.2     2.0-2.7      ~3.5e8     960 MB     (README: cpp 8.1 s)
 * </pre>
 */
public final class NetworkBenchMain {
    private NetworkBenchMain() {}

    public static void main(String[] args) throws Exception {
        int ne = Integer.parseInt(args[0]), ni = Integer.parseInt(args[1]);
        String conn = args[2];
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Scheme scheme = args.length > 4 ? Scheme.byId(args[4]) : Scheme.EULER;
        int repeats = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        long seed = args.length > 6 ? Long.parseLong(args[6]) : 1;
        Izhikevich2003Network.Builder b = Izhikevich2003Network.builder().ne(ne).ni(ni).scheme(scheme).seed(seed);
        if (!conn.equals("dense")) b.sparse(Integer.parseInt(conn));
        Izhikevich2003Network.Built net = b.build();
        System.out.printf(Locale.ROOT, "# net2003 ne=%d ni=%d conn=%s scheme=%s threads=%d estimate=%.0f MB maxHeap=%.0f MB%n",
                ne, ni, conn, scheme, threads, net.network().estimateBytes(threads) / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        boolean prof = Boolean.getBoolean("izhsim.profile");
        try (Simulation sim = Simulation.builder(net.network()).threads(threads).profile(prof).build()) {
            TimingReport prev = sim.timing();
            for (int r = 0; r < repeats; r++) {
                sim.run(1000);
                TimingReport t = sim.timing();
                double runS = t.runSeconds() - prev.runSeconds();
                long spikes = t.spikes() - prev.spikes(), events = t.events() - prev.events();
                System.out.printf(Locale.ROOT,
                        "run %d: workers=%d build_s=%.3f run_s=%.4f spikes=%d rate_hz=%.3f events=%d events/s=%.3e neuron-steps/s=%.3e "
                                + "synapses=%d peak_heap_mb=%.0f peak_rss_mb=%.0f%n",
                        r, t.threads(), t.buildSeconds(), runS, spikes, spikes / (double) (ne + ni), events, events / runS,
                        (ne + ni) * 1000.0 / runS, t.synapses(), peakHeapMb(), peakRssMb());
                prev = t;
            }
            if (prof) {
                double[][] ph = sim.phaseSeconds();
                for (int w = 0; w < ph.length; w++) {
                    System.out.printf(Locale.ROOT, "worker %d: update %.3f s, propagate %.3f s, barrier %.3f s, cutoff %.3f s%n",
                            w, ph[w][0], ph[w][1], ph[w][2], ph[w][3]);
                }
            }
        }
    }

    static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum / 1048576.0;
    }

    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        } catch (Exception e) {
            // not Linux
        }
        return Double.NaN;
    }
}
