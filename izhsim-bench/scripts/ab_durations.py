#!/usr/bin/env python3
"""A/B of two izhsim builds on one net2003 network at several run lengths (BENCHMARKS.md §7).

Question: is a run-time difference between two builds a cost per step (it grows with the
duration) or a fixed one (JIT, warm-up, output), and does it survive many alternating rounds?

Method: for each duration, ROUNDS rounds; in each round both launchers run the same net2003
command as fresh processes, alternating, so that machine noise hits both alike. Reported are
the medians of run_s and build_s (each build's own timers) and their ratio this / baseline;
then the median of the rounds' own ratios (each round's two runs ran back to back, so drift
between periods cancels) with a 95 % bootstrap interval of that median, and the medians of
peak RSS (os.wait4 of each process).

  /usr/bin/python3 izhsim-bench/scripts/ab_durations.py --baseline ../other-worktree/izhsim \
      --durations 300,1000,3000 --rounds 10 [--threads 2] [--data none|default] [-- net2003 options]

Without options after "--" the network is 10,000 x K1000 (--ne 8000 --ni 2000 --connectivity
sparse --k 1000); dt 1 ms, euler, seed 1, --figures none always.
"""
import argparse
import os
import random
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
        stdout, _, rss = run_measured(cmd)
    except RuntimeError as e:
        sys.exit(f"ab_durations: {e}")
    j = last_json(stdout)
    return j["run_s"], j["build_s"], j.get("spikes"), rss


def paired(this, base, draws=2000, seed=1):
    """Median of the per-round ratios this[k] / base[k] and a 95 % percentile-bootstrap interval of it."""
    ratios = [t / b for t, b in zip(this, base)]
    rng = random.Random(seed)
    boot = sorted(statistics.median(rng.choices(ratios, k=len(ratios))) for _ in range(draws))
    return statistics.median(ratios), boot[int(0.025 * draws)], boot[int(0.975 * draws) - 1]


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
    p.add_argument("--raw", help="append every run (duration, round, build, times, peak RSS) to this file")
    a = p.parse_args(argv)
    builds = {"this": a.this, "baseline": a.baseline}
    print("| duration ms | run s: this / baseline | build s: this / baseline | run, per round (95 %) "
          "| build, per round (95 %) | peak RSS MiB | rounds |")
    print("|---|---|---|---|---|---|---|")
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
        rss = {n: statistics.median(r[3] for r in v) for n, v in got.items()}
        pr = paired([r[0] for r in got["this"]], [r[0] for r in got["baseline"]])
        pb = paired([r[1] for r in got["this"]], [r[1] for r in got["baseline"]])
        print(f"| {duration} | {run['this']:.4f} / {run['baseline']:.4f} = {run['this'] / run['baseline']:.3f} "
              f"| {build['this']:.3f} / {build['baseline']:.3f} = {build['this'] / build['baseline']:.3f} "
              f"| {pr[0]:.3f} ({pr[1]:.3f}–{pr[2]:.3f}) | {pb[0]:.3f} ({pb[1]:.3f}–{pb[2]:.3f}) "
              f"| {rss['this']:.1f} / {rss['baseline']:.1f} | {a.rounds} |", flush=True)
        if a.raw:
            with open(a.raw, "a") as f:
                for name, runs in got.items():
                    for k, r in enumerate(runs):
                        f.write(f"{duration} {k} {name} run_s={r[0]} build_s={r[1]} spikes={r[2]} rss_mib={r[3]:.1f} {' '.join(network)}\n")


if __name__ == "__main__":
    main()
