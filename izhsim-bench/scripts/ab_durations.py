#!/usr/bin/env python3
"""A/B of two izhsim builds on one net2003 network at several run lengths (BENCHMARKS.md §7).

Question: is a run-time difference between two builds a cost per step (it grows with the
duration) or a fixed one (JIT, warm-up, output), and does it survive many alternating rounds?

Method: for each duration, ROUNDS rounds; in each round both launchers run the same net2003
command as fresh processes, alternating, so that machine noise hits both alike. Reported are
the medians of run_s and build_s (each build's own timers) and their ratio this / baseline.

  /usr/bin/python3 izhsim-bench/scripts/ab_durations.py --baseline ../other-worktree/izhsim \
      --durations 300,1000,3000 --rounds 10 [--threads 2] [--data none|default] [-- net2003 options]

Without options after "--" the network is 10,000 x K1000 (--ne 8000 --ni 2000 --connectivity
sparse --k 1000); dt 1 ms, euler, seed 1, --figures none always.
"""
import argparse
import os
import statistics
import sys
import tempfile

from compare_brian2 import last_json, run_measured

HERE = os.path.dirname(os.path.abspath(__file__))
THIS = os.path.abspath(os.path.join(HERE, "..", "..", "izhsim"))
NETWORK = ["--ne", "8000", "--ni", "2000", "--connectivity", "sparse", "--k", "1000"]


def one_run(launcher, duration, a, network):
    out = tempfile.mkdtemp(prefix="ab-")
    cmd = [launcher, "net2003"] + network + ["--duration", str(duration), "--dt", "1", "--scheme", "euler",
                                             "--seed", "1", "--threads", str(a.threads), "--json", "--quiet",
                                             "--figures", "none", "--out", out]
    if a.data == "none":
        cmd += ["--data", "none"]
    try:
        stdout, _, _ = run_measured(cmd)
    except RuntimeError as e:
        sys.exit(f"ab_durations: {e}")
    j = last_json(stdout)
    return j["run_s"], j["build_s"], j.get("spikes")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    network = NETWORK
    if "--" in argv:
        network = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--baseline", required=True, help="the other build's ./izhsim launcher")
    p.add_argument("--this", default=THIS, help="this build's launcher (default: this checkout's)")
    p.add_argument("--durations", default="1000", help="comma-separated run lengths [ms]")
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--data", choices=("none", "default"), default="none")
    a = p.parse_args(argv)
    builds = {"this": a.this, "baseline": a.baseline}
    print("| duration ms | run s: this / baseline | build s: this / baseline | rounds |")
    print("|---|---|---|---|")
    for duration in [int(d) for d in a.durations.split(",")]:
        got = {name: [] for name in builds}
        for _ in range(a.rounds):
            for name, launcher in builds.items():
                got[name].append(one_run(launcher, duration, a, network))
        spikes = {r[2] for runs in got.values() for r in runs}
        if len(spikes) > 1:
            sys.exit(f"ab_durations: the builds fired different spike counts at {duration} ms: {sorted(spikes)}")
        run = {n: statistics.median(r[0] for r in v) for n, v in got.items()}
        build = {n: statistics.median(r[1] for r in v) for n, v in got.items()}
        print(f"| {duration} | {run['this']:.4f} / {run['baseline']:.4f} = {run['this'] / run['baseline']:.3f} "
              f"| {build['this']:.3f} / {build['baseline']:.3f} = {build['this'] / build['baseline']:.3f} | {a.rounds} |",
              flush=True)


if __name__ == "__main__":
    main()
