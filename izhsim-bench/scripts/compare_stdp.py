#!/usr/bin/env python3
"""Side-by-side timing of the STDP benchmark network (issues #15/#16): izhsim's built-in rule, izhsim's
synapse equations, Brian2 2.5.1 (cython) and the plain C program of the same algorithm
(izhsim-bench/c/stdp_net.c, the limit to beat) on the same model.

Question: on the 100,000 x 100 network with pair STDP on the excitatory synapses (the model:
izhsim-bench/models/stdp100k-builtin.yaml's header), how do the run times compare?
Issue #15 asks izhsim (built-in rule) <= 1/5 of Brian2; issue #16 equations <= 1.3x the
built-in rule and <= 1/5 of Brian2, all same-run ratios.

Method (as compare_brian2.py): every run is a fresh process; the three forms alternate in
each of REPEATS rounds so that machine noise hits them alike; medians are reported. One
untimed run of each form at 1,000 neurons comes first: it fills Brian2's cython cache
(compiling its extensions once) and lets the launcher build its jar and CDS archive.
Run time is each tool's own timer of its simulation loop (izhsim run_s, Brian2
_last_run_time); build_s each tool's setup; wall_s is measured here around the process
(for izhsim that includes izhsim_stdp_net.py's Python start and its reading of weights.npz);
peak RSS is the child's ru_maxrss (its waited-for children included: the JVM).
izhsim runs izhsim-bench/scripts/izhsim_stdp_net.py (2 threads by default), Brian2
izhsim-bench/scripts/brian2_stdp_net.py (one thread, as Brian2's cython target runs), the C
program izhsim-bench/c/stdp_net (built with make there) with izhsim's thread count; its random
numbers are its own, so it agrees with the others in statistics only.

Every record (one JSON line per run) goes to --out; at the end a table of medians and the
ratios: equations/builtin, builtin/Brian2, equations/Brian2 (medians, and the range of the
same ratio within each round). It also says whether the two izhsim forms fired the same
spikes in every round (they should: StdpBenchModelsTest).

Usage: compare_stdp.py [--repeats 3] [--ne 80000 --ni 20000 --k 100 --seconds 1] [--threads 2]
                       [--tools izhsim-builtin,izhsim-equations,brian2-cython,c-stdp] [--out results.jsonl]
"""
import json
import os
import statistics
import sys
import time

from compare_brian2 import last_json, run_measured
from stdp_net_args import network_parser, parse_network_args

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
IZHSIM_NET = os.path.join(HERE, "izhsim_stdp_net.py")
BRIAN_NET = os.path.join(HERE, "brian2_stdp_net.py")
C_NET = os.path.join(ROOT, "izhsim-bench", "c", "stdp_net")
TOOLS = ["izhsim-builtin", "izhsim-equations", "brian2-cython", "c-stdp"]
RATIOS = [("izhsim-equations", "izhsim-builtin", "equations / built-in (#16: <= 1.3)"),
          ("izhsim-builtin", "brian2-cython", "built-in / Brian2 (#15: <= 0.20)"),
          ("izhsim-equations", "brian2-cython", "equations / Brian2 (#16: <= 0.20)"),
          ("c-stdp", "brian2-cython", "C / Brian2 (what the limit reaches)"),
          ("izhsim-builtin", "c-stdp", "built-in / C (same threads)")]


def tool_cmd(tool, a, size):
    """The command of one run; size = (ne, ni, k, seconds)."""
    ne, ni, k, seconds = size
    common = ["--ne", str(ne), "--ni", str(ni), "--k", str(k), "--seconds", "%g" % seconds, "--seed", str(a.seed)]
    if tool.startswith("izhsim-"):
        return ["/usr/bin/python3", IZHSIM_NET, "--form", tool[len("izhsim-"):], "--threads", str(a.threads),
                "--launcher", a.launcher] + common
    if tool == "c-stdp":
        if not os.access(C_NET, os.X_OK):
            sys.exit("compare_stdp.py: %s is not built; run make in izhsim-bench/c" % C_NET)
        return [C_NET, "--threads", str(a.threads), "--json"] + common
    return ["/usr/bin/python3", BRIAN_NET, "--target", tool[len("brian2-"):]] + common


def parse_args(argv=None):
    ap = network_parser(__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2, help="izhsim's worker threads")
    ap.add_argument("--launcher", default=os.path.join(ROOT, "izhsim"), help="the izhsim launcher")
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--no-warmup", action="store_true", help="skip the untimed first run of each tool")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench-results", "compare_stdp.jsonl"))
    a = parse_network_args(ap, argv)
    a.tools = a.tools.split(",")
    unknown = [t for t in a.tools if t not in TOOLS]
    if unknown:
        ap.error("unknown tool %s; allowed: %s" % (", ".join(unknown), ", ".join(TOOLS)))
    if a.repeats < 1 or a.threads < 1:
        ap.error("--repeats and --threads must be >= 1")
    return a


def main(argv=None):
    a = parse_args(argv)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    size = (a.ne, a.ni, a.k, a.seconds)
    net = "%dk-K%d-%gs" % ((a.ne + a.ni) // 1000, a.k, a.seconds)
    if not a.no_warmup:
        for tool in a.tools:
            run_measured(tool_cmd(tool, a, (800, 200, min(a.k, 1000), 0.05)))
    recs = {t: [] for t in a.tools}
    with open(a.out, "a") as log:
        for rep in range(a.repeats):
            for tool in a.tools:
                out, wall, rss = run_measured(tool_cmd(tool, a, size))
                j = last_json(out)
                rec = {"net": net, "tool": tool, "rep": rep, "build_s": j["build_s"], "run_s": j["run_s"],
                       "wall_s": wall, "peak_rss_mib": rss, "spikes": j["spikes"], "rate_hz": j["rate_hz"],
                       "mean_w": j["mean_w"] if "mean_w" in j else j["mean_exc_w"], "threads": j.get("threads", 1), "ne": a.ne, "ni": a.ni, "k": a.k,
                       "seconds": a.seconds, "seed": a.seed, "time": time.strftime("%Y-%m-%dT%H:%M:%S")}
                log.write(json.dumps(rec) + "\n")
                log.flush()
                recs[tool].append(rec)
                print(json.dumps(rec), file=sys.stderr, flush=True)
    report(net, recs, a.repeats)


def report(net, recs, repeats):
    med = {t: {k: statistics.median(r[k] for r in rs) for k in ("build_s", "run_s", "wall_s", "peak_rss_mib",
                                                              "rate_hz", "mean_w")} for t, rs in recs.items()}
    print("| network | tool | runs | build s | run s (median) | run s (range) | whole process s | peak RSS MiB | rate Hz | mean w |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for t, m in med.items():
        runs = [r["run_s"] for r in recs[t]]
        print("| %s | %s | %d | %.3f | %.3f | %.3f-%.3f | %.2f | %.0f | %.3f | %.5f |" % (
            net, t, len(runs), m["build_s"], m["run_s"], min(runs), max(runs), m["wall_s"], m["peak_rss_mib"],
            m["rate_hz"], m["mean_w"]))
    print()
    print("| ratio of run s | medians | per round |")
    print("|---|---|---|")
    for num, den, label in RATIOS:
        if num in recs and den in recs:
            per = [recs[num][i]["run_s"] / recs[den][i]["run_s"] for i in range(repeats)]
            print("| %s | %.3f / %.3f = %.2f | %.2f-%.2f |" % (label, med[num]["run_s"], med[den]["run_s"],
                                                               med[num]["run_s"] / med[den]["run_s"], min(per), max(per)))
    if "izhsim-builtin" in recs and "izhsim-equations" in recs:
        same = all(b["spikes"] == e["spikes"] for b, e in zip(recs["izhsim-builtin"], recs["izhsim-equations"]))
        print()
        print("izhsim built-in and equations: %s spike counts in every round" % ("the same" if same else "DIFFERENT"))


if __name__ == "__main__":
    sys.exit(main())
