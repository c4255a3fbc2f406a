#!/usr/bin/env python3
"""Izhikevich's 2003 network (net.m, sparse: every neuron K inputs) as one PyNN script, on pyNN.izhsim or pyNN.brian2.

The same script for both backends (issue #18's benchmark: the script on izhsim in <= 1/5 of its time on brian2):
  * Ne excitatory, Ni inhibitory PyNN ``Izhikevich`` cells, r ~ U(0, 1) per cell from
    numpy.random.default_rng(seed): exc a = 0.02, b = 0.2, c = -65 + 15 r^2, d = 8 - 6 r^2;
    inh a = 0.02 + 0.08 r, b = 0.25 - 0.05 r, c = -65, d = 2; v0 = -65, u0 = b v0;
  * every cell gets K inputs, ``FixedNumberPreConnector`` from each side in net.m's 80/20 share
    (K*Ne/N from exc, the rest from inh; net.m's sparse variant draws all K from all N at once),
    weights 0.5 U(0, 1) (exc, receptor "excitatory") and -U(0, 1) (inh, "inhibitory"), each
    times 1000/K as ``izhsim net2003 --connectivity sparse`` scales them; delay one step.
    PyNN's Izhikevich synapse jumps v by the weight, net.m's is a 1 ms current pulse: at
    dt = 1 ms the two move v alike (Euler: v += dt*I);
  * thalamic input, --input poisson (default): per cell two SpikeSourcePoisson cells of 125 Hz,
    one-to-one, weights +w and -w with w = 10 (exc) and 4 (inh) mV: per ms a mean of 0 and a
    variance of 2 * 0.125 * w^2 = 25 and 4, net.m's sigma = 5 and 2 noise in its first two
    moments, native on both backends. --input noise: ``NoisyCurrentSource`` sigma 0.005 and
    0.002 nA (5 and 2 mV/ms in PyNN's Izhikevich units: i_offset in nA over 1 pF), redrawn every
    1 ms, net.m's own noise; pyNN.brian2 runs it as a Python operation per ms and per cell
    (its NoisyCurrentSource), so this measures that loop more than Brian2;
  * the rate is not net.m's: PyNN's Izhikevich synapse jumps v before the step's Euler update
    (net.m adds the input in the update; the quadratic term amplifies a jump above -62.5 mV) and
    the shortest PyNN delay is one step (net.m's is none); the script compares the backends on
    one script, not with net.m;
  * spikes of all cells recorded.

Output: one JSON line {backend, script_s, build_s, run_s, spikes, ...}: script_s is the whole
script (everything after the interpreter's own start: the imports, the JVM's start, PyNN's
description, the run, reading the spikes back and ``end``), build_s the PyNN description
(setup, populations, connectors: PyNN's own Python code on both backends), run_s the
``sim.run(duration)`` call (izhsim: its Java build, then the run; brian2: code generation,
compilation and the run). izhsim also reports the engine's own java_build_s and java_run_s, and
jvm_start_s, the JVM's start (with the launcher's check that the jar is fresh), paid once per
process before build_s as the imports are.

  /usr/bin/python3 izhsim-bench/scripts/pynn_net2003.py --backend izhsim            # 10,000 x K1000, 1 s
  /usr/bin/python3 izhsim-bench/scripts/pynn_net2003.py --backend brian2
  /usr/bin/python3 izhsim-bench/scripts/pynn_net2003.py --backend izhsim --ne 800 --ni 200 --k 100 --duration 200

Run from anywhere: the izhsim backend is imported from this checkout's python/ (its jar is built
by ./izhsim when stale).
"""
import argparse
import json
import sys
import time
from pathlib import Path

SCRIPT_START = time.perf_counter()  # script_s: the whole script from here (imports, JVM, description, run, spikes read)


def backend(name):
    if name == "izhsim":
        sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "python"))
        import izhsim.pynn as sim
    else:
        import pyNN.brian2 as sim
    return sim


def build(sim, a):
    import numpy as np

    extra = {"threads": a.threads} if a.backend == "izhsim" and a.threads else {}
    sim.setup(timestep=a.dt, min_delay=a.dt, max_delay=10 * a.dt, **extra)
    rng = np.random.default_rng(a.seed)
    re, ri = rng.uniform(size=a.ne), rng.uniform(size=a.ni)
    ce, de = -65 + 15 * re ** 2, 8 - 6 * re ** 2
    if a.uniform_cd:  # what pyNN.brian2 0.10.1 simulates: its Izhikevich group takes the first cell's c and d for all
        ce, de = np.full(a.ne, ce[0]), np.full(a.ne, de[0])
    exc = sim.Population(a.ne, sim.Izhikevich(a=0.02, b=0.2, c=ce, d=de, i_offset=0.0),
                         label="exc")
    inh = sim.Population(a.ni, sim.Izhikevich(a=0.02 + 0.08 * ri, b=0.25 - 0.05 * ri, c=-65.0, d=2.0, i_offset=0.0),
                         label="inh")
    exc.initialize(v=-65.0, u=0.2 * -65.0)
    inh.initialize(v=-65.0, u=(0.25 - 0.05 * ri) * -65.0)
    s = 1000.0 / a.k
    k_exc = round(a.k * a.ne / (a.ne + a.ni))
    prng = sim.NumpyRNG(seed=a.seed + 1)
    for pre, k, w, receptor in ((exc, k_exc, (0.0, 0.5 * s), "excitatory"),
                                (inh, a.k - k_exc, (-s, 0.0), "inhibitory")):
        for post in (exc, inh) if k else ():  # PyNN's FixedNumberPreConnector fails on 0
            sim.Projection(pre, post, sim.FixedNumberPreConnector(k, with_replacement=False, rng=prng),
                           sim.StaticSynapse(weight=sim.RandomDistribution("uniform", w, rng=prng), delay=a.dt),
                           receptor_type=receptor)
    for pop, sigma in ((exc, 5.0), (inh, 2.0)):
        if a.input == "noise":
            sim.NoisyCurrentSource(mean=0.0, stdev=sigma / 1000.0, dt=1.0).inject_into(pop)
        else:
            for sign, receptor in ((1.0, "excitatory"), (-1.0, "inhibitory")):
                src = sim.Population(pop.size, sim.SpikeSourcePoisson(rate=125.0), label=f"{pop.label}{receptor[:3]}")
                sim.Projection(src, pop, sim.OneToOneConnector(), sim.StaticSynapse(weight=sign * 2 * sigma, delay=a.dt),
                               receptor_type=receptor)
        pop.record("spikes")
    return exc, inh


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--backend", choices=("izhsim", "brian2"), required=True)
    p.add_argument("--ne", type=int, default=8000)
    p.add_argument("--ni", type=int, default=2000)
    p.add_argument("--k", type=int, default=1000, help="inputs per cell")
    p.add_argument("--duration", type=float, default=1000.0, help="ms")
    p.add_argument("--dt", type=float, default=1.0, help="ms")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--input", choices=("poisson", "noise"), default="poisson", help="thalamic input (see above)")
    p.add_argument("--uniform-cd", action="store_true",
                   help="every excitatory cell gets the first one's c and d (pyNN.brian2 0.10.1 does this to any script)")
    p.add_argument("--threads", type=int, default=None, help="izhsim's worker threads (default: all cores)")
    a = p.parse_args(argv)
    if not 1 <= a.k <= a.ne + a.ni or a.ne < 1 or a.ni < 1:
        p.error(f"need ne, ni >= 1 and 1 <= k <= ne + ni, got ne={a.ne} ni={a.ni} k={a.k}")
    sim = backend(a.backend)
    jvm_s = None
    if a.backend == "izhsim":  # once per process, as importing Brian2 is: not part of build_s or run_s
        from izhsim import _jvm

        t = time.perf_counter()
        _jvm.start()
        jvm_s = time.perf_counter() - t
    t0 = time.perf_counter()
    exc, inh = build(sim, a)
    t1 = time.perf_counter()
    sim.run(a.duration)
    t2 = time.perf_counter()
    spikes = sum(len(st) for pop in (exc, inh) for st in pop.get_data().segments[-1].spiketrains)
    out = {"backend": a.backend, "build_s": round(t1 - t0, 3), "run_s": round(t2 - t1, 3), "spikes": spikes,
           "ne": a.ne, "ni": a.ni, "k": a.k, "duration_ms": a.duration, "dt_ms": a.dt, "seed": a.seed, "input": a.input, "uniform_cd": a.uniform_cd,
           "rate_hz": round(spikes / (a.ne + a.ni) / (a.duration / 1000.0), 3)}
    if a.backend == "izhsim":
        from izhsim.pynn import simulator

        timing = simulator.state.sim.timing()
        out.update(jvm_start_s=round(jvm_s, 3), java_build_s=round(float(timing.buildSeconds()), 3), java_run_s=round(float(timing.runSeconds()), 3),
                   threads=int(simulator.state.sim.threads()))
    sim.end()
    out["script_s"] = round(time.perf_counter() - SCRIPT_START, 3)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
