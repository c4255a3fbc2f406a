#!/usr/bin/env python3
"""2 MPI ranks x 1 thread against 1 rank x 2 threads on the same 2 cores (issue #17).

Question: what does splitting a network over ranks cost against splitting it over threads of
one process, in run time (target: 2 ranks within 1.25x of 1 rank x 2 threads), per-rank peak
memory (target at 10^8 synapses: 2 ranks <= 0.55 of 1 rank) and spike traffic?

Method: Izhikevich's 2003 network (`net2003 --connectivity sparse`), each configuration a fresh
`mpirun` job, the two configurations alternating round by round so that machine noise hits both
alike; medians over the rounds. Both run under mpirun (`-np 1` too), so that both processes
carry the MPI library and the launcher's heap policy for ranks. `--figures none --data none`:
only run.json is written. Read from run.json: run_s (the slowest rank's simulation loop),
peak_rss_mb or peak_rss_mb_per_rank (the largest rank's), exchange_bytes_received_per_rank and
the spike count, divided by the steps (dt = 1 ms; with net2003's delays of 0 under netm the
ranks exchange every step; every spike goes to every rank).
Nothing else should run on the machine meanwhile.

Usage: mpi_ranks_vs_threads.py [--rounds 5] [--duration 1000] [--only 10k-K1000] [--memory]
                               [--yield] [--out results.jsonl]
  --memory adds 100k-K1000 (10^8 synapses, 100 ms): the per-rank memory comparison.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
IZHSIM = os.path.abspath(os.path.join(HERE, "..", "..", "izhsim"))

# name, ne, ni, K, duration override [ms] (None: --duration)
NETWORKS = [("10k-K1000", 8000, 2000, 1000, None), ("100k-K100", 80000, 20000, 100, None)]
MEMORY = ("100k-K1000", 80000, 20000, 1000, 100)
# net2003's default step [ms]; with its delays of 0 under netm, ranks exchange every step
DT_MS = 1.0
# (ranks, threads per rank)
CONFIGS = [(2, 1), (1, 2)]


def die(message, code=2):
    print("mpi_ranks_vs_threads: " + message, file=sys.stderr)
    sys.exit(code)


def run(net, ranks, threads, duration, yield_idle, workdir):
    name, ne, ni, k, _ = net
    out = os.path.join(workdir, f"{name}-{ranks}x{threads}")
    cmd = ["mpirun", "-np", str(ranks), "--oversubscribe", "--bind-to", "none"]
    if yield_idle:
        cmd += ["--mca", "mpi_yield_when_idle", "1"]
    cmd += [IZHSIM, "net2003", "--ne", str(ne), "--ni", str(ni), "--connectivity", "sparse", "--k", str(k),
            "--duration", str(duration), "--threads", str(threads), "--figures", "none", "--data", "none",
            "--quiet", "--out", out]
    env = dict(os.environ)
    if os.geteuid() == 0:  # containers and CI run as root; mpirun refuses that unless told
        env.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
        env.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        die(f"{' '.join(cmd)} failed (exit {p.returncode}): {p.stderr.strip()}", 1)
    with open(os.path.join(out, "run.json")) as f:
        r = json.load(f)
    rss = max(r["peak_rss_mb_per_rank"]) if "peak_rss_mb_per_rank" in r else r["peak_rss_mb"]
    steps = round(duration / DT_MS)
    received = max(r["exchange_bytes_received_per_rank"]) / steps if ranks > 1 else 0.0
    return {"network": name, "ranks": ranks, "threads": threads, "duration_ms": duration, "run_s": r["run_s"],
            "build_s": r["build_s"], "peak_rss_mb": rss, "spikes": r["spikes"],
            "exchange_bytes_received_per_rank_per_step": received, "steps": steps,
            "exchange_intervals": r.get("exchange_intervals", 0)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--duration", type=float, default=1000, help="simulated time [ms] (default: 1000)")
    ap.add_argument("--only", help="one network: " + ", ".join(n[0] for n in NETWORKS + [MEMORY]))
    ap.add_argument("--memory", action="store_true", help="add the 10^8-synapse network (memory per rank)")
    ap.add_argument("--yield", dest="yield_idle", action="store_true", help="mpirun --mca mpi_yield_when_idle 1")
    ap.add_argument("--out", help="append every run as one JSON line")
    a = ap.parse_args()
    if a.rounds < 1:
        die(f"--rounds must be at least 1, got {a.rounds}")
    nets = NETWORKS + ([MEMORY] if a.memory or a.only == MEMORY[0] else [])
    if a.only:
        nets = [n for n in nets if n[0] == a.only]
        if not nets:
            die(f"unknown network '{a.only}'; known: " + ", ".join(n[0] for n in NETWORKS + [MEMORY]))
    subprocess.run([IZHSIM, "--version"], check=True, capture_output=True)  # builds the jar outside mpirun
    rows = []
    with tempfile.TemporaryDirectory(prefix="izhsim-mpi-bench-") as work:
        for net in nets:
            duration = net[4] if net[4] is not None else a.duration
            runs = {c: [] for c in CONFIGS}
            for rnd in range(a.rounds):
                order = CONFIGS if rnd % 2 == 0 else CONFIGS[::-1]
                for ranks, threads in order:
                    r = run(net, ranks, threads, duration, a.yield_idle, work)
                    r["round"] = rnd
                    runs[(ranks, threads)].append(r)
                    if a.out:
                        with open(a.out, "a") as f:
                            f.write(json.dumps(r) + "\n")
            counts = {r["spikes"] for rs in runs.values() for r in rs}
            if len(counts) != 1:  # the same seed must give the same spikes for any ranks x threads
                die(f"{net[0]}: spike counts differ between runs: {sorted(counts)}", 1)
            rows.append((net[0], duration, runs))
    print("| network | ranks x threads | run s (median) | run s (range) | peak RSS MiB per rank (median) "
          "| spikes exchanged per step | bytes received per rank per step |")
    print("|---|---|---|---|---|---|---|")
    for name, duration, runs in rows:
        for (ranks, threads), rs in runs.items():
            t = [r["run_s"] for r in rs]
            per = [r["spikes"] / r["steps"] for r in rs if r["exchange_intervals"]]
            got = [r["exchange_bytes_received_per_rank_per_step"] for r in rs]
            spikes = f"{statistics.median(per):.1f}" if per else "-"
            received = f"{statistics.median(got):.0f}" if per else "-"
            print(f"| {name} | {ranks} x {threads} | {statistics.median(t):.3f} | {min(t):.3f}-{max(t):.3f} "
                  f"| {statistics.median(r['peak_rss_mb'] for r in rs):.0f} | {spikes} | {received} |")
        two, one = runs[(2, 1)], runs[(1, 2)]
        print(f"\n{name}, {duration:g} ms: run time 2x1 / 1x2 = "
              f"{statistics.median(r['run_s'] for r in two) / statistics.median(r['run_s'] for r in one):.3f} (target <= 1.25); "
              f"peak RSS per rank 2x1 / 1x2 = "
              f"{statistics.median(r['peak_rss_mb'] for r in two) / statistics.median(r['peak_rss_mb'] for r in one):.3f}\n")


if __name__ == "__main__":
    main()
