package org.izhsim.bench;

import java.util.concurrent.TimeUnit;
import org.izhsim.expr.Expression;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronSimulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does a whole single-neuron run cost, including evaluating the current
 * expression every step and recording the trace? Method: the RS class protocol (600 steps) and
 * a 1000 ms RS run at dt 0.1 ms (10,001 steps) under each scheme. Score: µs per run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SingleNeuronBenchmark {
    @Param({"figure1", "netm", "euler", "rk4"})
    public String scheme;

    NeuronSetup setup;

    @Setup
    public void setUp() {
        Preset rs = Presets.byId("RS");
        Expression current = Expression.parse("int(t>100*ms)*10");
        setup = NeuronSetup.of(rs, Scheme.byId(scheme), current::at).withDt(0.1).withDuration(1000);
    }

    @Benchmark
    public int run1000msAtDt01() {
        return NeuronSimulator.run(setup).spikeCount();
    }
}
