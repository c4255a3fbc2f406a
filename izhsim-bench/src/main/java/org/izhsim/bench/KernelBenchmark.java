package org.izhsim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.izhsim.integrate.IzhikevichKernel;
import org.izhsim.integrate.Scheme;
import org.izhsim.integrate.SpikeList;
import org.izhsim.model.IzhikevichModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: how many neuron-steps per second does the shared kernel do under each scheme, on
 * one thread? Method: one step of N heterogeneous neurons (net.m's parameter spread) driven by
 * a fixed random current that keeps them firing at a few Hz to a few tens of Hz, so the reset
 * branch is exercised as in a network. Score: µs per step of N neurons; neuron-steps/s =
 * N / score. See BENCHMARKS.md for recorded results.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC"})
public class KernelBenchmark {
    @Param({"figure1", "netm", "euler", "rk4"})
    public String scheme;

    @Param({"10000", "1000000"})
    public int n;

    IzhikevichKernel kernel;
    double[] v, u, current;
    SpikeList spikes;
    boolean before;
    double dt;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        v = new double[n];
        u = new double[n];
        double[] a = new double[n], b = new double[n], c = new double[n], d = new double[n];
        current = new double[n];
        for (int i = 0; i < n; i++) {
            double r = rnd.nextDouble();
            a[i] = 0.02;
            b[i] = 0.2;
            c[i] = -65 + 15 * r * r;
            d[i] = 8 - 6 * r * r;
            v[i] = -65;
            u[i] = b[i] * v[i];
            current[i] = 3 + 6 * rnd.nextDouble();
        }
        Scheme s = Scheme.byId(scheme);
        before = s.cutoffBeforeUpdate();
        dt = s == Scheme.NETM ? 1.0 : 0.25;
        kernel = new IzhikevichKernel(IzhikevichModel.STANDARD, s, v, u, a, b, c, d);
        spikes = new SpikeList(n);
    }

    @Benchmark
    public int step() {
        spikes.clear();
        if (before) kernel.detectAndReset(0, n, spikes);
        kernel.step(0, n, dt, current, current, current, spikes);
        return spikes.size();
    }
}
