#!/usr/bin/env python3
"""Two builds of izhsim as 2 MPI ranks x 1 thread, alternating (issue #17): run, build, whole job.

Question: what does a change cost or save in a distributed run, in run_s, build_s and the
wall time of the whole mpirun job (which also holds what neither timer counts, such as the
exchange warm-up after the build)?

Method: net2003 --connectivity sparse on 10,000 x K1000 and 100,000 x K100 (the networks of
mpi_ranks_vs_threads.py), each run a fresh `mpirun -np 2 --bind-to none` job, the two builds
alternating (their order swapped every round); medians. Nothing else should run meanwhile.

Usage: mpi_ab_builds.py --baseline ../wt-prev/izhsim [--rounds 5] [--duration 1000]
                        [--only 10k-K1000] [--out results.jsonl]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
IZHSIM = os.path.abspath(os.path.join(HERE, "..", "..", "izhsim"))
NETWORKS = {"10k-K1000": (8000, 2000, 1000), "100k-K100": (80000, 20000, 100)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", required=True, help="the other build's ./izhsim launcher")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--duration", type=float, default=1000.0, help="model time [ms]")
    ap.add_argument("--only", choices=sorted(NETWORKS))
    ap.add_argument("--out", help="append one JSON record per run")
    a = ap.parse_args()
    if not os.access(a.baseline, os.X_OK):
        sys.exit(f"mpi_ab_builds: --baseline {a.baseline} is not an executable izhsim launcher")
    builds = {"baseline": os.path.abspath(a.baseline), "this": IZHSIM}
    nets = {a.only: NETWORKS[a.only]} if a.only else NETWORKS
    env = dict(os.environ)
    if os.geteuid() == 0:
        env.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
        env.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    records = []
    with tempfile.TemporaryDirectory() as work:
        for r in range(a.rounds):
            for name, (ne, ni, k) in nets.items():
                for b in (["baseline", "this"] if r % 2 == 0 else ["this", "baseline"]):
                    out = os.path.join(work, f"{name}-{b}-{r}")
                    cmd = ["mpirun", "-np", "2", "--oversubscribe", "--bind-to", "none", builds[b], "net2003",
                           "--ne", str(ne), "--ni", str(ni), "--connectivity", "sparse", "--k", str(k),
                           "--duration", str(a.duration), "--threads", "1", "--figures", "none", "--data", "none",
                           "--quiet", "--out", out]
                    t0 = time.monotonic()
                    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
                    wall = time.monotonic() - t0
                    if p.returncode != 0:
                        last = (p.stderr.strip().splitlines() or ["(no message)"])[-1]
                        sys.exit(f"mpi_ab_builds: {b} failed on {name} (exit {p.returncode}): {last}")
                    with open(os.path.join(out, "run.json")) as f:
                        d = json.load(f)
                    rec = {"round": r, "network": name, "build": b, "wall_s": wall, "run_s": d["run_s"],
                           "build_s": d["build_s"], "spikes": d.get("spikes"), "commit": d.get("izhsim_commit")}
                    records.append(rec)
                    if a.out:
                        with open(a.out, "a") as f:
                            f.write(json.dumps(rec) + "\n")
    print("| network | build | run s | build s | whole job s |")
    print("|---|---|---|---|---|")
    for name in nets:
        for b in builds:
            v = [x for x in records if x["network"] == name and x["build"] == b]
            med = lambda key: statistics.median(x[key] for x in v)
            print(f"| {name} | {b} | {med('run_s'):.3f} | {med('build_s'):.3f} | {med('wall_s'):.2f} |")


if __name__ == "__main__":
    main()
