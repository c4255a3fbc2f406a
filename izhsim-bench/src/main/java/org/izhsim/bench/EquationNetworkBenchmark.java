package org.izhsim.bench;

import java.util.concurrent.TimeUnit;
import org.izhsim.codegen.KernelCompiler;
import org.izhsim.equations.BuiltinEquations;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Simulation;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: how much slower is the 2003 network (net.m: 800 + 200 neurons, all-to-all, noise)
 * when both groups run the model written as equations and compiled at run time, against the
 * built-in model (whose euler and netm steps use the vectorised fast path)? The target
 * is within 1.2×. Method: one simulation built per trial, each benchmark call advances it by
 * 100 ms (100 steps at dt 1 ms); one worker thread so the two sides see the same machine.
 * Score: ms per 100 ms of simulated time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC"})
public class EquationNetworkBenchmark {
    @Param({"netm", "euler"})
    public String scheme;

    @Param({"builtin", "equations"})
    public String model;

    Simulation sim;

    @Setup(Level.Trial)
    public void setUp() {
        Scheme s = Scheme.byId(scheme);
        Izhikevich2003Network.Builder b = Izhikevich2003Network.builder().scheme(s).seed(1).spikeMonitor(false);
        if (model.equals("equations")) b.equations(BuiltinEquations.model(IzhikevichModel.STANDARD, s), KernelCompiler.INSTANCE);
        sim = Simulation.builder(b.build().network()).threads(1).build();
    }

    @Benchmark
    public long run100ms() {
        sim.run(100);
        return sim.step();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sim.close();
    }
}
