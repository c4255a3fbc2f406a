#!/usr/bin/env python3
"""Side-by-side timing of izhsim and Brian2 2.5.1 on the Izhikevich 2003 network.

Question: on this machine, same network, dt and duration, how do izhsim's simulation time,
whole-process time and peak memory compare with Brian2's (cython and cpp_standalone)?

Method: each configuration runs REPEATS times as a fresh process, alternating peers so that
machine noise hits both alike; reported are medians. Simulation time is each tool's own
timer of its simulation loop (izhsim run_s, Brian2 run_s); whole-process time is measured
here around the subprocess; peak memory is the child's ru_maxrss (peak RSS).
izhsim runs with --figures none (Brian2's runner draws nothing) but still writes spikes.npz,
spikes.csv and run.json. Brian2 runs izhsim-bench/scripts/brian2_net2003.py (what it does:
docs/reference/brian2-peer.md) with Debian's /usr/bin/python3; run one untimed cython warm-up
first (compiles its extensions once).

Usage: compare_brian2.py [--repeats 3] [--only NAME] [--out results.jsonl]
       compare_brian2.py --targets none --baseline ../wt-base/izhsim --repeats 5   (A/B of two builds only)
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
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
BRIAN = os.path.join(HERE, "brian2_net2003.py")
IZHSIM = os.path.join(ROOT, "izhsim")

# name, ne, ni, connectivity, K, brian2 targets (cython, and cpp_standalone with 2 threads)
NETWORKS = [
    ("1k-dense", 800, 200, "dense", 1000, ["cython", "cpp_standalone"]),
    ("10k-K1000", 8000, 2000, "sparse", 1000, ["cython", "cpp_standalone"]),
    ("100k-K100", 80000, 20000, "sparse", 100, ["cython", "cpp_standalone"]),
    ("100k-K1000", 80000, 20000, "sparse", 1000, ["cython", "cpp_standalone"]),
]


def run_measured(cmd, env=None):
    """Runs cmd (with extra environment variables env) with os.wait4 to get this child's own peak RSS."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as so, tempfile.TemporaryFile() as se:
        pid = os.fork()
        if pid == 0:
            os.dup2(so.fileno(), 1)
            os.dup2(se.fileno(), 2)
            try:
                os.execvpe(cmd[0], cmd, {**os.environ, **(env or {})})
            finally:
                os._exit(127)
        _, status, ru = os.wait4(pid, 0)
        wall = time.perf_counter() - t0
        so.seek(0)
        se.seek(0)
        out, err = so.read().decode(), se.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("failed: %s\n%s" % (" ".join(cmd), err[-2000:]))
    return out, wall, ru.ru_maxrss / 1024.0


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON in output:\n" + text[-1000:])


def izhsim_cmd(net, threads, outdir, launcher=IZHSIM):
    name, ne, ni, conn, k, _ = net
    cmd = [launcher, "net2003", "--ne", str(ne), "--ni", str(ni), "--connectivity", conn, "--duration", "1000",
           "--dt", "1", "--scheme", "euler", "--seed", "1", "--threads", str(threads), "--json", "--quiet",
           "--figures", "none", "--out", outdir]
    if conn == "sparse":
        cmd += ["--k", str(k)]
    return cmd


def brian_cmd(net, target):
    name, ne, ni, conn, k, _ = net
    cmd = ["/usr/bin/python3", BRIAN, "--target", target, "--ne", str(ne), "--ni", str(ni), "--connectivity", conn]
    if conn == "sparse":
        cmd += ["--syn-per-neuron", str(k)]
    if target == "cpp_standalone":
        cmd += ["--threads", "2"]
    return cmd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--only", default=None)
    ap.add_argument("--targets", default="cython,cpp_standalone")
    ap.add_argument("--no-warmup-too", action="store_true",
                    help="also run izhsim with IZHSIM_WARMUP_STEPS=0 (tool izhsim-2t-nowarmup): what the JIT warm-up costs and saves")
    ap.add_argument("--simd-too", action="store_true",
                    help="also run izhsim with IZHSIM_SIMD=1 (tool izhsim-2t-simd): the opt-in Vector API kernels")
    ap.add_argument("--baseline", default=None, metavar="LAUNCHER",
                    help="also run another build's launcher (tool izhsim-2t-baseline), e.g. a worktree of the previous commit")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench-results", "compare_brian2.jsonl"))
    a = ap.parse_args()
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    targets = a.targets.split(",")
    rows = []
    with open(a.out, "a") as log:
        for net in NETWORKS:
            if a.only and net[0] != a.only:
                continue
            samples = {}
            for rep in range(a.repeats):
                runs = [("izhsim-2t", izhsim_cmd(net, 2, tempfile.mkdtemp(prefix="izhsim-bench-")), None)]
                if a.no_warmup_too:
                    runs.append(("izhsim-2t-nowarmup", izhsim_cmd(net, 2, tempfile.mkdtemp(prefix="izhsim-bench-")),
                                 {"IZHSIM_WARMUP_STEPS": "0"}))
                if a.simd_too:
                    runs.append(("izhsim-2t-simd", izhsim_cmd(net, 2, tempfile.mkdtemp(prefix="izhsim-bench-")),
                                 {"IZHSIM_SIMD": "1"}))
                if a.baseline:
                    runs.append(("izhsim-2t-baseline", izhsim_cmd(net, 2, tempfile.mkdtemp(prefix="izhsim-bench-"), a.baseline), None))
                runs += [("brian2-" + t, brian_cmd(net, t), None) for t in net[5] if t in targets]
                for tool, cmd, env in runs:
                    out, wall, rss = run_measured(cmd, env)
                    j = last_json(out)
                    rec = {"net": net[0], "tool": tool, "rep": rep, "build_s": j.get("build_s"), "run_s": j.get("run_s"),
                           "wall_s": wall, "peak_rss_mib": rss, "spikes": j.get("spikes"),
                           "mean_rate_hz": j.get("mean_rate_hz"), "events_per_s": j.get("events_per_s"),
                           "time": time.strftime("%Y-%m-%dT%H:%M:%S")}
                    log.write(json.dumps(rec) + "\n")
                    log.flush()
                    samples.setdefault(tool, []).append(rec)
                    print(json.dumps(rec), file=sys.stderr, flush=True)
            for tool, recs in samples.items():
                med = {k: statistics.median(r[k] for r in recs) for k in ("build_s", "run_s", "wall_s", "peak_rss_mib", "mean_rate_hz")}
                ev = [r["events_per_s"] for r in recs if r.get("events_per_s")]
                med["events_per_s"] = statistics.median(ev) if ev else None
                rows.append((net[0], tool, len(recs), med))
    print("| network | tool | runs | build s | run s | whole process s | peak RSS MiB | mean rate Hz | events/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, tool, n, m in rows:
        print("| %s | %s | %d | %.3f | %.3f | %.2f | %.0f | %.2f | %s |" % (name, tool, n, m["build_s"], m["run_s"], m["wall_s"],
                                                                    m["peak_rss_mib"], m["mean_rate_hz"],
                                                                    "%.2g" % m["events_per_s"] if m["events_per_s"] else ""))
    # ratios izhsim / best Brian2 per network
    print()
    print("| network | run s: izhsim / best Brian2 | whole process: izhsim / fastest Brian2 | peak RSS: izhsim / Brian2 (same target as fastest run) |")
    print("|---|---|---|---|")
    by = {}
    for name, tool, n, m in rows:
        by.setdefault(name, {})[tool] = m
    for name, tools in by.items():
        br = {t: m for t, m in tools.items() if t.startswith("brian2")}
        for iz_tool in ("izhsim-2t", "izhsim-2t-nowarmup", "izhsim-2t-simd", "izhsim-2t-baseline"):
            iz = tools.get(iz_tool)
            if not iz or not br:
                continue
            best_run = min(m["run_s"] for m in br.values())
            best_wall_tool = min(br, key=lambda t: br[t]["wall_s"])
            print("| %s | %.3f / %.3f = %.2f | %.2f / %.2f = %.2f | %.0f / %.0f = %.2f |" % (
                name + {"izhsim-2t": "", "izhsim-2t-nowarmup": " (no warm-up)", "izhsim-2t-simd": " (SIMD)",
                        "izhsim-2t-baseline": " (baseline build)"}[iz_tool], iz["run_s"], best_run, iz["run_s"] / best_run, iz["wall_s"], br[best_wall_tool]["wall_s"],
                iz["wall_s"] / br[best_wall_tool]["wall_s"], iz["peak_rss_mib"], br[best_wall_tool]["peak_rss_mib"],
                iz["peak_rss_mib"] / br[best_wall_tool]["peak_rss_mib"]))
    # a same-run A/B of this build against --baseline (a change that must not cost speed or memory)
    if a.baseline:
        print()
        print("| network | run s: this / baseline | build s: this / baseline | peak RSS MiB: this / baseline |")
        print("|---|---|---|---|")
        for name, tools in by.items():
            new, base = tools.get("izhsim-2t"), tools.get("izhsim-2t-baseline")
            if new and base:
                print("| %s | %.3f / %.3f = %.3f | %.3f / %.3f = %.3f | %.0f / %.0f = %.3f |" % (
                    name, new["run_s"], base["run_s"], new["run_s"] / base["run_s"], new["build_s"], base["build_s"],
                    new["build_s"] / base["build_s"], new["peak_rss_mib"], base["peak_rss_mib"],
                    new["peak_rss_mib"] / base["peak_rss_mib"]))


if __name__ == "__main__":
    main()
