#!/usr/bin/env python3
"""Issue #18's bound: PyNN's 2003 script (pynn_net2003.py) on izhsim in <= 1/5 of its time on pyNN.brian2.

Runs the same script on both backends in one benchmark run, alternating, each as a fresh
process timed from outside (interpreter start to exit: imports, JVM start, PyNN's description,
the run, reading the spikes back). pyNN.brian2 gets a time limit: a script that has not ended by
then is stopped and counts as "more than the limit", which bounds the ratio from above (PyNN's
common connector code calls Brian2 once per post cell, so at 10,000 x K1000 its description
alone runs past 20 minutes on a 2-core machine; BENCHMARKS.md §10).

  /usr/bin/python3 izhsim-bench/scripts/pynn_script_time.py --rounds 3 --brian2-limit 300
  /usr/bin/python3 izhsim-bench/scripts/pynn_script_time.py --ne 800 --ni 200 --k 100 --rounds 2

One JSON line per script run (to --out too), then a summary line: medians and the ratio, or its
upper bound when Brian2 hit the limit.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "pynn_net2003.py"


def run(backend, a, limit):
    cmd = ["/usr/bin/python3", str(SCRIPT), "--backend", backend, "--ne", str(a.ne), "--ni", str(a.ni),
           "--k", str(a.k), "--duration", str(a.duration), "--seed", str(a.seed)]
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return {"backend": backend, "wall_s": None, "stopped_after_s": limit}
    wall = time.perf_counter() - t
    if p.returncode != 0:
        last = (p.stderr.strip().splitlines() or ["no message"])[-1]
        sys.exit(f"pynn_script_time: {backend} failed (exit {p.returncode}): {last}")
    out = json.loads(p.stdout.strip().splitlines()[-1])
    out["wall_s"] = round(wall, 3)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ne", type=int, default=8000)
    p.add_argument("--ni", type=int, default=2000)
    p.add_argument("--k", type=int, default=1000)
    p.add_argument("--duration", type=float, default=1000.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--rounds", type=int, default=3, help="izhsim runs (alternating with Brian2's)")
    p.add_argument("--brian2-runs", type=int, default=1, help="Brian2 runs (each may take up to the limit)")
    p.add_argument("--brian2-limit", type=float, default=300.0, help="seconds before a Brian2 script is stopped")
    p.add_argument("--out", default=None, help="append the JSON lines to this file")
    a = p.parse_args()
    if a.rounds < 1 or a.brian2_runs < 0 or a.brian2_limit <= 0:
        p.error("need --rounds >= 1, --brian2-runs >= 0 and --brian2-limit > 0")
    sink = open(a.out, "a") if a.out else None
    rows = []
    for i in range(max(a.rounds, a.brian2_runs)):
        for backend in ("izhsim", "brian2"):
            if (backend == "izhsim" and i >= a.rounds) or (backend == "brian2" and i >= a.brian2_runs):
                continue
            r = run(backend, a, None if backend == "izhsim" else a.brian2_limit)
            r.update(round=i, time=time.strftime("%Y-%m-%dT%H:%M:%S"), size=f"{a.ne}+{a.ni}xK{a.k}")
            rows.append(r)
            line = json.dumps(r)
            print(line, flush=True)
            if sink:
                sink.write(line + "\n")
                sink.flush()
    iz = statistics.median(r["wall_s"] for r in rows if r["backend"] == "izhsim")
    done = [r["wall_s"] for r in rows if r["backend"] == "brian2" and r["wall_s"] is not None]
    stopped = [r for r in rows if r["backend"] == "brian2" and r["wall_s"] is None]
    summary = {"summary": True, "izhsim_script_s": iz, "izhsim_runs": sum(r["backend"] == "izhsim" for r in rows)}
    if done:
        summary.update(brian2_script_s=statistics.median(done), ratio=round(iz / statistics.median(done), 4))
    if stopped:
        summary.update(brian2_stopped_after_s=a.brian2_limit, brian2_stopped_runs=len(stopped),
                       ratio_below=round(iz / a.brian2_limit, 4))
    print(json.dumps(summary))
    if sink:
        sink.write(json.dumps(summary) + "\n")


if __name__ == "__main__":
    main()
