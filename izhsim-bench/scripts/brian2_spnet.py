#!/usr/bin/env python3
"""Izhikevich's (2006) polychronization network (spnet) with STDP, written for Brian2 2.5.1.

The peer of `izhsim spnet` for issue #15's performance goal (100,000 neurons x 100 synapses
with STDP), written as a Brian2 user would: NeuronGroup, Synapses with per-synapse delays,
on_pre/on_post code for the spnet rule, run_regularly for the integration and the per-second
weight update, a custom schedule for spnet.cpp's order of one millisecond. The model and its
order are those of izhsim-bench/c/spnet.c (see the README there):

  per 1-ms step:  input (max(1, N/1000) random neurons get I = 20)
                  -> spikes (v >= 30: v = -65, u += d, LTD = 0.12)
                  -> potentiation on the post spike from the arrival-time pre trace
                  -> delivery after delay-1 steps: I += w, sd -= LTD_post (depression)
                  -> v += 0.5*((0.04 v + 5) v + 140 - u + I) twice, u += a (0.2 v - u)
                  -> LTD *= 0.95
  each second:    w = clip(w + 0.01 + sd, 0, sm), sd *= 0.9 (excitatory synapses only)

How Brian2 expresses spnet.cpp's traces: spnet.cpp keeps per presynaptic neuron an LTP
history (0.1 at a spike, x0.95 per ms) and reads it at t - delay; here each excitatory synapse
has an event-driven trace Apre, set to 0.1 when a spike *arrives* (on_pre) and decaying with
tau = -1 ms / ln 0.95 (x0.95 per ms), so that at a post spike spnet's LTP(pre, t - delay) =
Apre / 0.95 (the arrival must be strictly earlier: the on_post pathway runs before on_pre in
the step). LTD is a neuron variable, set to 0.12 by the reset and decayed with the integration.
Brian2 delay = spnet delay - 1 ms (a 1-ms synapse delivers in its spike's step).

Schedule: start -> thresholds -> resets -> synapses -> groups -> end (Brian2's default runs the
integration first; spnet integrates after delivery).

Randomness: numpy.random.default_rng([seed, 0]) for targets (distinct, no self-synapses,
excitatory pre -> any neuron, inhibitory pre -> excitatory neurons; slot order random, M/D
synapses per delay 1..D) and default_rng([seed, 1]) for the driven neurons (a
SpikeGeneratorGroup with one-to-one synapses that set Iin = 20); not izhsim's streams, so only
statistics compare with spnet.c.

Output: one JSON line: build_s (network construction, code generation, compilation; imports
excluded), run_s (Brian2's own timer of the simulation loop), wall_s, spikes, rate_hz,
mean_exc_w and frac_exc_w_above_9 at the end; with --per-second also "per_second" in the shape
of spnet.c --json (its statistics are gathered by a network_operation once per second and cost
run time: leave it off when timing).

Usage: /usr/bin/python3 brian2_spnet.py [--ne 800] [--ni 200] [--m 100] [--d 20] [--sm 10]
           [--seconds 10] [--seed 1] [--target cython|numpy] [--per-second]
"""
import time

_T0 = time.perf_counter()

import argparse
import json
import math
import sys
import warnings

warnings.filterwarnings("ignore", category=FutureWarning)
warnings.filterwarnings("ignore", category=DeprecationWarning)

import numpy as np

HIST_BINS = 10


class OneLineErrors(argparse.ArgumentParser):
    """Bad input: one line naming the culprit, exit code 2 (no usage block)."""

    def error(self, message):
        sys.stderr.write("brian2_spnet.py: %s\n" % message)
        sys.exit(2)


def parse_args(argv=None):
    p = OneLineErrors(description=__doc__.split("\n")[0])
    p.add_argument("--ne", type=int, default=800, help="excitatory neurons")
    p.add_argument("--ni", type=int, default=200, help="inhibitory neurons")
    p.add_argument("--m", type=int, default=100, help="synapses per neuron")
    p.add_argument("--d", type=int, default=20, help="maximum delay [ms]")
    p.add_argument("--sm", type=float, default=10.0, help="maximum excitatory weight")
    p.add_argument("--seconds", type=int, default=10, help="model seconds")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--target", choices=["cython", "numpy"], default="cython")
    p.add_argument("--per-second", action="store_true", help="add per-second statistics (costs run time)")
    a = p.parse_args(argv)
    n = a.ne + a.ni
    if a.ne < 1 or a.ni < 0:
        p.error("--ne must be >= 1 and --ni >= 0")
    if a.seconds < 1:
        p.error("--seconds must be >= 1")
    if not 1 <= a.m <= n - 1 or (a.ni > 0 and a.m > a.ne):
        p.error("--m must be in 1..%d (the targets of an excitatory neuron) and <= --ne (of an inhibitory one)" % (n - 1))
    if a.d < 1 or a.m % a.d:
        p.error("--m must be a multiple of --d (M/D synapses per delay)")
    if not (math.isfinite(a.sm) and a.sm > 0):
        p.error("--sm must be a finite number > 0")
    return a


def distinct_targets(rng, pres, m, hi):
    """For each pre p: m distinct targets in [0, hi) other than p, in random slot order."""
    g = np.asarray(pres, dtype=np.int64)[:, None]
    excl = g < hi  # a pre inside the target range must skip itself
    span = hi - excl.astype(np.int64)
    x = (rng.random((len(pres), m)) * span).astype(np.int64)
    x += excl & (x >= g)
    while True:
        x.sort(axis=1)
        dup = np.zeros_like(x, dtype=bool)
        dup[:, 1:] = x[:, 1:] == x[:, :-1]
        k = int(dup.sum())
        if k == 0:
            break
        r = np.nonzero(dup)[0]
        y = (rng.random(k) * span[r, 0]).astype(np.int64)
        y += excl[r, 0] & (y >= g[r, 0])
        x[dup] = y
    return rng.permuted(x, axis=1)


def driven_neurons(rng, n, seconds):
    """(indices, step) of the driven neurons: max(1, n // 1000) draws per ms, duplicates in a ms merged."""
    draws = max(1, n // 1000)
    steps = seconds * 1000
    key = np.arange(steps, dtype=np.int64)[:, None] * n + rng.integers(0, n, size=(steps, draws))
    key = np.unique(key.ravel())
    return (key % n).astype(np.int32), key // n


def weight_stats(w, t_s, counts, ne, ni):
    n = ne + ni
    hist = np.bincount(np.minimum(w.astype(np.int64), HIST_BINS - 1), minlength=HIST_BINS)
    return {"t_s": t_s, "rate_hz": float(counts[0] + counts[1]) / n, "rate_exc_hz": float(counts[0]) / ne,
            "rate_inh_hz": float(counts[1]) / ni if ni else 0.0, "mean_exc_w": float(np.mean(w)),
            "frac_exc_w_above_9": float(np.mean(w > 9)), "hist": [int(h) for h in hist]}


def main(argv=None):
    a = parse_args(argv)
    import brian2 as b2
    from brian2 import ms, second

    b2.prefs.logging.console_log_level = "ERROR"
    b2.prefs.logging.file_log = False
    b2.prefs.logging.save_script = False
    b2.prefs.codegen.target = a.target

    t_build0 = time.perf_counter()
    # (the groups and the run get explicit namespaces: Brian2 would otherwise also look at these locals)
    ne, ni, m, d = a.ne, a.ni, a.m, a.d
    n = ne + ni
    # separate streams, so that the network does not depend on --seconds
    rng, rng_input = np.random.default_rng([a.seed, 0]), np.random.default_rng([a.seed, 1])
    b2.seed(a.seed)
    b2.defaultclock.dt = 1 * ms

    G = b2.NeuronGroup(n, """
        v : 1
        u : 1
        I : 1
        Iin : 1
        LTD : 1
        a : 1 (constant)
        d : 1 (constant)
        """, threshold="v >= 30", reset="v = -65; u += d; LTD = 0.12", namespace={}, name="neurons")
    G.a = np.where(np.arange(n) < ne, 0.02, 0.1)
    G.d = np.where(np.arange(n) < ne, 8.0, 2.0)
    G.v = -65.0
    G.u = 0.2 * -65.0
    integrate = G.run_regularly("""
        v += 0.5*((0.04*v + 5)*v + 140 - u + I + Iin)
        v += 0.5*((0.04*v + 5)*v + 140 - u + I + Iin)
        u += a*(0.2*v - u)
        LTD *= 0.95
        I = 0
        Iin = 0
        """, when="groups", name="integrate")

    idx, step = driven_neurons(rng_input, n, a.seconds)
    inp = b2.SpikeGeneratorGroup(n, idx, step * ms, name="input")
    S_in = b2.Synapses(inp, G, on_pre="Iin_post = 20", namespace={}, name="input_syn")
    S_in.connect(j="i")
    del idx, step

    tau = -1.0 / math.log(0.95) * ms  # exp(-1 ms / tau) = 0.95
    S_exc = b2.Synapses(G, G, """
        w : 1
        sd : 1
        dApre/dt = -Apre/tau : 1 (event-driven)
        """, on_pre="""
        I_post += w
        sd -= LTD_post
        Apre = 0.1
        """, on_post="sd += Apre/0.95", namespace={"tau": tau, "sm": a.sm}, name="exc")
    post = distinct_targets(rng, np.arange(ne), m, n)
    S_exc.connect(i=np.repeat(np.arange(ne, dtype=np.int32), m), j=post.ravel().astype(np.int32))
    # synapses were created in (pre, slot) order: slot j has delay 1 + j // (m/d) ms
    S_exc.delay = np.tile(np.arange(m) // (m // d), ne) * ms
    S_exc.w = 6.0
    S_exc.sd = 0.0
    S_exc.post.order = -2  # potentiation before this step's arrivals (S_exc.pre has order -1)
    update = S_exc.run_regularly("""
        w = clip(w + int(t > 0*ms)*(0.01 + sd), 0, sm)
        sd *= 1 - 0.1*int(t > 0*ms)
        """, dt=1 * second, when="start", name="weight_update")
    del post

    objs = [G, integrate, inp, S_in, S_exc, update]
    if ni:
        S_inh = b2.Synapses(G[ne:], G[:ne], "w : 1 (constant)", on_pre="I_post += w", namespace={}, name="inh")
        post = distinct_targets(rng, np.arange(ne, n), m, ne)
        S_inh.connect(i=np.repeat(np.arange(ni, dtype=np.int32), m), j=post.ravel().astype(np.int32))
        S_inh.w = -5.0
        objs.append(S_inh)
        del post

    mon = b2.SpikeMonitor(G, record=a.per_second, name="spikes")
    objs.append(mon)
    snaps = []
    if a.per_second:
        @b2.network_operation(dt=1 * second, when="start", order=1)
        def snapshot(t):
            if t > 0 * ms:
                snaps.append(np.array(S_exc.w[:], copy=True))  # w[:] may be a view
        objs.append(snapshot)

    net = b2.Network(*objs)
    net.schedule = ["start", "thresholds", "resets", "synapses", "groups", "end"]
    t_run0 = time.perf_counter()
    net.run(a.seconds * second, namespace={})
    t_run1 = time.perf_counter()
    run_s = float(b2.get_device()._last_run_time)
    build_s = (t_run0 - t_build0) + ((t_run1 - t_run0) - run_s)

    # the update at the end of the last second (run_regularly would do it at t = seconds)
    w = np.clip(np.asarray(S_exc.w[:]) + 0.01 + np.asarray(S_exc.sd[:]), 0, a.sm)
    spikes = int(mon.num_spikes)
    out = {"target": a.target, "ne": ne, "ni": ni, "m": m, "d": d, "sm": a.sm, "seconds": a.seconds,
           "seed": a.seed, "synapses": int(len(S_exc) + (len(S_inh) if ni else 0)), "spikes": spikes,
           "rate_hz": spikes / (n * a.seconds), "mean_exc_w": float(np.mean(w)),
           "frac_exc_w_above_9": float(np.mean(w > 9)), "build_s": round(build_s, 4), "run_s": round(run_s, 4),
           "brian2": b2.__version__}
    if a.per_second:
        snaps.append(w)
        i_arr = np.asarray(mon.i[:])
        sec = (np.asarray(mon.t[:] / ms) // 1000).astype(np.int64)
        exc = np.bincount(sec[i_arr < ne], minlength=a.seconds)
        inh = np.bincount(sec[i_arr >= ne], minlength=a.seconds)
        out["per_second"] = [weight_stats(snaps[k], k + 1, (exc[k], inh[k]), ne, ni) for k in range(a.seconds)]
    out["wall_s"] = round(time.perf_counter() - _T0, 4)
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    sys.exit(main())
