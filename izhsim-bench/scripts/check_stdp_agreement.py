#!/usr/bin/env python3
"""Does izhsim run the same STDP benchmark network as Brian2? A statistical check (issues #15/#16).

izhsim (stdp100k-builtin.yaml through izhsim_stdp_net.py) and Brian2 (brian2_stdp_net.py) build
the same model from different random streams (wiring, weights, delays, noise), so their spikes
cannot be compared one by one; what must agree are the statistics. For --seeds seeds from --seed,
both run --seconds of model time at --ne + --ni neurons; compared are the means over seeds of

  * the firing rate (all neurons, excitatory, inhibitory): within --rate-tol (relative) of
    Brian2's;
  * the change of the mean excitatory weight over the run, mean_w - mean_w0 (the change, not
    the weight itself: the initial mean of U(0, 5) weights already differs between the streams
    by about 1.44/sqrt(synapses), as much as one second of STDP changes it at 10,000 neurons):
    within --dw-tol (relative) of Brian2's.

izhsim's mean_w0 comes from a run of 1 ms (nobody fires in the first step from v = -65, so no
weight has changed yet); Brian2 reports its own. The default tolerances, 2 % on the rates and
10 % on the weight change, are 5-6 standard deviations of the difference of two 3-seed means at
10,000 neurons and 1 s (the seed-to-seed spread is printed, so that the margin can be seen; it
was 0.4 % of the rate and 3 % of the weight change). They are for 10,000 neurons: the spread
grows about as 1/sqrt(neurons) (at 1,000, 1.5 % of the rate per seed), so widen them for smaller
networks (and narrow them for 100,000). What that catches, tried on Brian2's side
at seed 1: on_post before on_pre in a step (post-first pairing) doubles the weight change
(-0.022 against -0.011); dApost = -1.10 dApre instead of -1.05 makes it -0.016. What it does not
catch: delivering every spike one step later (all delays + 1 ms) moves the rates by at most
1.5 % and the weight change by 3 %; the noise-driven network hardly feels it. So the timing is
checked exactly, first: volleys from 10 spike sources through one plastic and one static
synapse each (delays 1-5 ms) onto two RS neurons for 100 ms, brian2_stdp_net.py's own neuron and
synapse builders (numpy target) against izhsim's `rule: stdp` with the same constants: the v
traces must agree to 1e-4 mV (they do to about 1e-6: float against double weights) and the
weights to 1e-6, with at least 2 post spikes so that both STDP pathways act. The built-in rule
and the equations are checked against each other in StdpBenchModelsTest.

Prints a table and one JSON line; exit 0 if both agree, 1 if not.

Usage: /usr/bin/python3 check_stdp_agreement.py [--ne 8000 --ni 2000 --k 100 --seconds 1] [--seeds 3]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

import numpy as np

from stdp_net_args import network_parser, parse_network_args

HERE = os.path.dirname(os.path.abspath(__file__))
RATES = ("rate_hz", "exc_rate_hz", "inh_rate_hz")

# the exact part: 10 spike sources, volleys at these times [ms], one plastic and one static synapse
# from each onto two RS neurons (post 0 and 1), weights exact in float, delays 1-5 ms
VOLLEYS_MS = (10, 14, 40, 43, 70)
SOURCES = 10
PULSE_W = [5.0, 4.5, 4.75, 5.0, 4.25, 5.0, 4.5, 3.75, 5.0, 4.0]
PULSE_DELAY = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]
PULSE_MS = 100
PULSE_MODEL = """izhsim: 1
name: pulse-check
simulation: {duration_ms: %(ms)d, dt_ms: 1, scheme: euler, seed: 1}
groups:
  src: {size: %(n)d, model: spike_generator, spikes: {indices: %(idx)s, times_ms: %(times)s}}
  post: {size: 2, params: {a: 0.02, b: 0.2, c: -65, d: 8}, initial: {v: -65}}
synapses:
  - {name: plastic, from: src, to: post, connectivity: {rule: list, pre: %(pre)s, post: %(zeros)s}, weight: %(w)s,
     delay_ms: %(d)s, plasticity: {rule: stdp, tau_pre_ms: 20, tau_post_ms: 20, a_pre: 0.05, a_post: -0.0525, w_max: 5}}
  - {name: static, from: src, to: post, connectivity: {rule: list, pre: %(pre)s, post: %(ones)s}, weight: %(w)s,
     delay_ms: %(d)s}
monitors:
  - {type: state, name: v, group: post, variables: [v], neurons: [0, 1]}
outputs: {figures: [], data: [npz]}
"""


def pulse_timing():
    """The benchmark's pulse and STDP code in Brian2 against izhsim's model-file rule, step by step.

    The network check below compares statistics only; this one compares one small run exactly:
    volleys from 10 sources through the benchmark's Brian2 synapses (brian2_stdp_net.py's own
    builders) and izhsim's `rule: stdp` with the same constants. It returns the largest v
    difference [mV] over the run (izhsim samples after a step's update, Brian2's StateMonitor
    before the next: izhsim's sample k is Brian2's k + 1) and the largest weight difference
    (izhsim stores float weights, Brian2 double).
    """
    import brian2 as b2
    from brian2 import ms
    import brian2_stdp_net as net

    idx = [i for _ in VOLLEYS_MS for i in range(SOURCES)]
    times = [t for t in VOLLEYS_MS for _ in range(SOURCES)]
    with tempfile.TemporaryDirectory(prefix="stdp-pulse-") as tmp:
        model = os.path.join(tmp, "pulse.yaml")
        with open(model, "w") as f:
            f.write(PULSE_MODEL % {"ms": PULSE_MS, "n": SOURCES, "idx": idx, "times": times,
                                   "pre": list(range(SOURCES)), "zeros": [0] * SOURCES, "ones": [1] * SOURCES,
                                   "w": PULSE_W, "d": PULSE_DELAY})
        p = subprocess.run([os.path.join(HERE, "..", "..", "izhsim"), "run", model, "--quiet", "--figures", "none",
                            "--out", os.path.join(tmp, "out")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            raise SystemExit("check_stdp_agreement.py: izhsim failed on the pulse check: " + p.stderr.strip()[-1000:])
        v_iz = np.load(os.path.join(tmp, "out", "v.npz"))["v"]
        w_iz = np.load(os.path.join(tmp, "out", "weights.npz"))["w"].astype(float)
    b2.prefs.codegen.target = "numpy"
    b2.prefs.logging.console_log_level = "ERROR"
    b2.defaultclock.dt = 1 * ms
    G, noise, pulse_end = net.neurons(b2, 2, 0, 0.0, 0.0)
    src = b2.SpikeGeneratorGroup(SOURCES, idx, times * ms)
    plastic = net.stdp_synapses(b2, src, G)
    plastic.connect(i=np.arange(SOURCES), j=0)
    static = b2.Synapses(src, G, "w : 1 (constant)", on_pre="I_post += w", namespace={})
    static.connect(i=np.arange(SOURCES), j=1)
    for s in (plastic, static):
        s.delay = np.array(PULSE_DELAY) * ms
        s.w = PULSE_W
    mon = b2.StateMonitor(G, "v", record=[0, 1])
    b2.Network(G, noise, pulse_end, src, plastic, static, mon).run((PULSE_MS + 1) * ms, namespace={})
    v_br = np.asarray(mon.v)[:, 1:]
    dv = float(np.max(np.abs(v_iz - v_br)))
    dw = float(np.max(np.abs(w_iz - np.asarray(plastic.w[:]))))
    fired = int(np.count_nonzero(np.diff(v_br[0]) < -20))
    return dv, dw, fired


def run_json(script, args):
    p = subprocess.run(["/usr/bin/python3", os.path.join(HERE, script)] + args, stdout=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise SystemExit("check_stdp_agreement.py: %s failed (exit %d)" % (script, p.returncode))
    return json.loads(p.stdout.strip().splitlines()[-1])


def one_seed(a, seed):
    size = ["--ne", str(a.ne), "--ni", str(a.ni), "--k", str(a.k), "--seed", str(seed)]
    iz = run_json("izhsim_stdp_net.py", ["--form", "builtin", "--seconds", "%g" % a.seconds] + size)
    iz["mean_w0"] = run_json("izhsim_stdp_net.py", ["--form", "builtin", "--seconds", "0.001"] + size)["mean_w"]
    br = run_json("brian2_stdp_net.py", ["--seconds", "%g" % a.seconds] + size)
    for r in (iz, br):
        r["dw"] = r["mean_w"] - r["mean_w0"]
    return iz, br


def main(argv=None):
    ap = network_parser(__doc__.split("\n")[0])
    ap.set_defaults(ne=8000, ni=2000)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--rate-tol", type=float, default=0.02, help="relative tolerance on the rates")
    ap.add_argument("--dw-tol", type=float, default=0.10, help="relative tolerance on the mean weight change")
    a = parse_network_args(ap, argv)
    if a.seeds < 1:
        ap.error("--seeds must be >= 1")
    dv, dw, fired = pulse_timing()
    pulse_ok = dv <= 1e-4 and dw <= 1e-6 and fired >= 2
    print("pulse and STDP timing, izhsim against Brian2's code of this benchmark: largest |v difference| %.2g mV, "
          "|w difference| %.2g, %d post spikes: %s" % (dv, dw, fired, "ok" if pulse_ok else "FAIL"))
    print()
    runs = [one_seed(a, s) for s in range(a.seed, a.seed + a.seeds)]
    print("| seed | tool | rate Hz | exc Hz | inh Hz | mean w0 | mean w | change of mean w |")
    print("|---|---|---|---|---|---|---|---|")
    for s, (iz, br) in enumerate(runs, a.seed):
        for name, r in (("izhsim", iz), ("brian2", br)):
            print("| %d | %s | %.3f | %.3f | %.3f | %.5f | %.5f | %.5f |" % (s, name, r["rate_hz"], r["exc_rate_hz"],
                                                                        r["inh_rate_hz"], r["mean_w0"], r["mean_w"], r["dw"]))
    result = {"ne": a.ne, "ni": a.ni, "k": a.k, "seconds": a.seconds, "seeds": a.seeds, "ok": pulse_ok,
              "pulse": {"max_dv_mv": dv, "max_dw": dw, "post_spikes": fired, "ok": pulse_ok}}
    print()
    print("| quantity | izhsim (mean over seeds) | Brian2 | relative difference | tolerance | seed-to-seed sd (izhsim, Brian2) |")
    print("|---|---|---|---|---|---|")
    for key in RATES + ("dw",):
        xs, ys = [iz[key] for iz, _ in runs], [br[key] for _, br in runs]
        x, y = statistics.mean(xs), statistics.mean(ys)
        rel = abs(x - y) / abs(y)
        tol = a.dw_tol if key == "dw" else a.rate_tol
        sd = (statistics.stdev(xs), statistics.stdev(ys)) if a.seeds > 1 else (float("nan"), float("nan"))
        ok = rel <= tol
        result["ok"] &= ok
        result[key] = {"izhsim": x, "brian2": y, "rel": rel, "tol": tol, "ok": ok}
        print("| %s | %.5f | %.5f | %.3f | %.2f %s | %.5f, %.5f |" % (key, x, y, rel, tol, "ok" if ok else "FAIL", *sd))
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
