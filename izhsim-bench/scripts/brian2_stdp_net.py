#!/usr/bin/env python3
"""The 100,000 x 100 STDP benchmark network (issues #15/#16) in Brian2 2.5.1, written with Synapses.

The peer of izhsim-bench/models/stdp100k-builtin.yaml and stdp100k-equations.yaml, as a Brian2
user would write it (NeuronGroup, Synapses with on_pre/on_post and per-synapse delays):

  * Ne excitatory RS (a 0.02, b 0.2, c -65, d 8) + Ni inhibitory FS (a 0.1, b 0.2, c -65, d 2)
    neurons, v0 = -65, u0 = b*v0;
      dv/dt = (0.04 v^2 + 5 v + 140 - u + I + I_noise) / ms,  du/dt = a (b v - u) / ms
    with method='euler' (u from the old v), threshold v >= 30, reset v = c; u += d; dt 1 ms.
  * thalamic input I_noise = sigma*randn(), sigma 4 (exc) / 2 (inh), redrawn every 1 ms.
  * every neuron receives exactly K distinct inputs from all Ne+Ni neurons (self allowed).
  * a spike is a current pulse of height w for 1 ms at its arrival: on_pre does I_post += w
    (Brian2's 'synapses' slot of the arrival step, after the integration), the next step's
    integration uses it, and I = 0 right after that integration ('after_groups'). This is
    izhsim's timing for the euler scheme (a spike of step k through delay d acts on the
    integration of step k + 1 + d).
  * excitatory synapses: w ~ U(0, 5), delays uniform whole ms in 1..20, pair STDP of Song,
    Miller & Abbott (2000) exactly as Brian2's examples/synapses/STDP.py (additive, all-to-all,
    event-driven traces, taupre = taupost = 20 ms, dApre = 0.01*wmax = 0.05,
    dApost = -1.05*dApre, w clipped to [0, wmax = 5]); inhibitory: w = -10*U(0, 1), 1 ms, fixed.

Randomness: wiring, weights and delays from numpy.random.default_rng(seed), the noise from
brian2.seed(seed): not izhsim's streams, so only statistics compare with izhsim
(izhsim-bench/scripts/check_stdp_agreement.py).

Output: one JSON line: build_s (construction, code generation and compilation; imports
excluded), run_s (Brian2's own timer of the simulation loop), wall_s, spikes, rate_hz,
exc_rate_hz, inh_rate_hz, mean_w (mean excitatory weight at the end), mean_w0 (at the start).
Run once untimed first so that the cython cache holds the compiled code (compare_stdp.py does).

Usage: /usr/bin/python3 brian2_stdp_net.py [--ne 80000] [--ni 20000] [--k 100] [--seconds 1]
           [--seed 1] [--target cython|numpy] [--cython-cache-dir DIR]
"""
import time

_T0 = time.perf_counter()

import json
import sys
import warnings

warnings.filterwarnings("ignore", category=FutureWarning)
warnings.filterwarnings("ignore", category=DeprecationWarning)

import numpy as np

from stdp_net_args import network_parser, parse_network_args

W_MAX = 5.0
A_PRE = 0.01 * W_MAX
MAX_DELAY_MS = 20


def parse_args(argv=None):
    p = network_parser(__doc__.split("\n")[0])
    p.add_argument("--target", choices=["cython", "numpy"], default="cython")
    p.add_argument("--cython-cache-dir", default=None, help="cython extension cache (default: Brian2's)")
    return parse_network_args(p, argv)


def indegree_pres(rng, n, k):
    """For each post neuron: k distinct pres in [0, n), sorted; shape (n, k)."""
    pre = rng.integers(0, n, size=(n, k), dtype=np.int64)
    pre.sort(axis=1)
    while True:
        dup = pre[:, 1:] == pre[:, :-1]
        ndup = int(dup.sum())
        if ndup == 0:
            return pre
        pre[:, 1:][dup] = rng.integers(0, n, size=ndup, dtype=np.int64)
        pre.sort(axis=1)


def neurons(b2, ne, ni, sigma_exc=4.0, sigma_inh=2.0):
    """The neuron group (RS then FS), its noise and the end of each pulse: (group, noise, pulse_end)."""
    from brian2 import ms
    n = ne + ni
    exc = np.arange(n) < ne
    G = b2.NeuronGroup(n, """
        dv/dt = (0.04*v**2 + 5*v + 140 - u + I + I_noise)/ms : 1
        du/dt = a*(b*v - u)/ms : 1
        I : 1
        I_noise : 1
        a : 1 (constant)
        b : 1 (constant)
        c : 1 (constant)
        d : 1 (constant)
        sigma : 1 (constant)
        """, threshold="v >= 30", reset="v = c; u += d", method="euler", namespace={}, name="neurons")
    G.a = np.where(exc, 0.02, 0.1)
    G.b = 0.2
    G.c = -65.0
    G.d = np.where(exc, 8.0, 2.0)
    G.sigma = np.where(exc, sigma_exc, sigma_inh)
    G.v = -65.0
    G.u = 0.2 * -65.0
    noise = G.run_regularly("I_noise = sigma*randn()", dt=1 * ms, when="start", name="noise")
    # the pulse lasts one step: the integration that used it is over
    pulse_end = G.run_regularly("I = 0", when="after_groups", name="pulse_end")
    return G, noise, pulse_end


def stdp_synapses(b2, source, target):
    """Excitatory synapses with Brian2's STDP example's rule, delivering w as a current pulse (not connected yet)."""
    from brian2 import ms
    return b2.Synapses(source, target, """
        w : 1
        dapre/dt = -apre/taupre : 1 (event-driven)
        dapost/dt = -apost/taupost : 1 (event-driven)
        """, on_pre="""
        I_post += w
        apre += dApre
        w = clip(w + apost, 0, wmax)
        """, on_post="""
        apost += dApost
        w = clip(w + apre, 0, wmax)
        """, namespace={"taupre": 20 * ms, "taupost": 20 * ms, "wmax": W_MAX, "dApre": A_PRE,
                        "dApost": -1.05 * A_PRE}, name="exc")


def main(argv=None):
    a = parse_args(argv)
    import brian2 as b2
    from brian2 import ms, second

    b2.prefs.logging.console_log_level = "ERROR"
    b2.prefs.logging.file_log = False
    b2.prefs.logging.save_script = False
    b2.prefs.codegen.target = a.target
    if a.cython_cache_dir:
        b2.prefs.codegen.runtime.cython.cache_dir = a.cython_cache_dir

    t_build0 = time.perf_counter()
    ne, ni, k = a.ne, a.ni, a.k
    n = ne + ni
    rng = np.random.default_rng(a.seed)
    b2.seed(a.seed)
    b2.defaultclock.dt = 1 * ms

    G, noise, pulse_end = neurons(b2, ne, ni)

    pre = indegree_pres(rng, n, k)
    post = np.repeat(np.arange(n, dtype=np.int64), k)
    pre = pre.ravel()
    from_exc = pre < ne
    S_exc = stdp_synapses(b2, G[:ne], G)
    S_exc.connect(i=pre[from_exc].astype(np.int32), j=post[from_exc].astype(np.int32))
    n_exc = int(from_exc.sum())
    S_exc.delay = rng.integers(1, MAX_DELAY_MS + 1, size=n_exc) * ms
    w0 = rng.uniform(0.0, W_MAX, size=n_exc)
    S_exc.w = w0
    S_inh = b2.Synapses(G[ne:], G, "w : 1 (constant)", on_pre="I_post += w", delay=1 * ms, namespace={},
                        name="inh")
    S_inh.connect(i=(pre[~from_exc] - ne).astype(np.int32), j=post[~from_exc].astype(np.int32))
    S_inh.w = -10.0 * rng.uniform(size=n * k - n_exc)
    del pre, post, from_exc

    mon = b2.SpikeMonitor(G, name="spikes")
    net = b2.Network(G, noise, pulse_end, S_exc, S_inh, mon)
    t_run0 = time.perf_counter()
    net.run(a.seconds * second, namespace={})
    t_run1 = time.perf_counter()
    run_s = float(b2.get_device()._last_run_time)
    build_s = (t_run0 - t_build0) + ((t_run1 - t_run0) - run_s)

    idx = np.asarray(mon.i[:])
    spikes = int(idx.size)
    n_exc_spikes = int(np.count_nonzero(idx < ne))
    out = {"tool": "brian2-" + a.target, "ne": ne, "ni": ni, "k": k, "seconds": a.seconds, "seed": a.seed,
           "synapses": int(len(S_exc) + len(S_inh)), "spikes": spikes, "rate_hz": spikes / (n * a.seconds),
           "exc_rate_hz": n_exc_spikes / (ne * a.seconds), "inh_rate_hz": (spikes - n_exc_spikes) / (ni * a.seconds),
           "mean_w": float(np.mean(np.asarray(S_exc.w[:]))), "mean_w0": float(np.mean(w0)),
           "build_s": round(build_s, 4), "run_s": round(run_s, 4), "brian2": b2.__version__}
    out["wall_s"] = round(time.perf_counter() - _T0, 4)
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    sys.exit(main())
