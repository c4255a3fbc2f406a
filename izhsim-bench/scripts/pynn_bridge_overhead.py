#!/usr/bin/env python3
"""The Python bridge's cost: one tiny model run in this process (izhsim.run_model) and by the ``./izhsim run`` CLI.

  bridge_s = python_run_s - (cli_wall_s - cli_jvm_s)

python_run_s is the wall time of ``izhsim.run_model(model)`` with the JVM already up (its start
is reported as jvm_start_s, paid once per process); cli_wall_s the wall time of
``./izhsim run model.json``, and cli_jvm_s that of ``./izhsim --version`` (JVM start and exit,
the launcher's own checks): what is left of the CLI's time is the model's parse, build, run and
output, which the in-process run also does (minus the figures and files, turned off on both
sides as far as the CLI allows: --figures none --data none). Issue #18 asks bridge_s <= 0.5 s.

It also checks, and exits 1 if not, that the bridge does no per-step Python work: the Python
function calls during a run (counted with sys.setprofile) must not grow with the number of
steps (100 vs 10,000 steps of the same model), and the progress callback runs once per block.

  /usr/bin/python3 izhsim-bench/scripts/pynn_bridge_overhead.py            # prints one JSON line
  /usr/bin/python3 izhsim-bench/scripts/pynn_bridge_overhead.py --repeat 5
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python"))


def tiny_model(duration_ms):
    from izhsim.network import Network

    net = Network(dt=1, scheme="netm", seed=1)
    exc = net.group("exc", 80, a=0.02, b=0.2, c="-65+15*r**2", d="8-6*r**2")
    inh = net.group("inh", 20, a="0.02+0.08*r", b="0.25-0.05*r", c=-65, d=2)
    for pre, w in ((exc, "0.5*r"), (inh, "-r")):
        for post in (exc, inh):
            net.synapses(pre, post, weight=w, connectivity="fixed_indegree", k=10)
    net.noise(exc, sigma=5)
    net.noise(inh, sigma=2)
    return net.to_dict(duration_ms)


def python_calls(model, blocks):
    """Python function calls made while run_model runs ``model`` (the bridge's own calls between blocks)."""
    import izhsim

    calls = [0]

    def count(frame, event, arg):
        if event == "call":
            calls[0] += 1

    reports = []
    sys.setprofile(count)
    try:
        izhsim.run_model(model, threads=1, blocks=blocks, report=lambda *a: reports.append(a))
    finally:
        sys.setprofile(None)
    return calls[0], len(reports)


def wall(cmd):
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {r.stderr.strip()}")
    return time.perf_counter() - t


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--duration", type=float, default=1000.0, help="ms of the timed run")
    p.add_argument("--repeat", type=int, default=3, help="runs of each kind; the minimum is reported")
    a = p.parse_args(argv)
    import izhsim
    from izhsim import _jvm

    t = time.perf_counter()
    _jvm.start()  # builds the jar if stale, as the CLI's launcher does
    jvm_start = time.perf_counter() - t
    model = tiny_model(a.duration)
    python_calls(tiny_model(100.0), 4)  # the first run imports and caches (JPype's class wrappers)
    short, long_ = python_calls(tiny_model(100.0), 4), python_calls(tiny_model(10000.0), 4)
    per_step_free = short[0] == long_[0] and short[1] == long_[1] == 4
    py = []
    for _ in range(a.repeat):
        t = time.perf_counter()
        run = izhsim.run_model(model, threads=1, blocks=1)
        py.append(time.perf_counter() - t)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tiny.json"
        path.write_text(json.dumps(model))
        launcher = str(ROOT / "izhsim")
        jvm = min(wall([launcher, "--version"]) for _ in range(a.repeat))
        cli = min(wall([launcher, "run", str(path), "--threads", "1", "--figures", "none", "--data", "none", "--quiet",
                        "--out", str(Path(tmp) / "out")]) for _ in range(a.repeat))
    out = {"python_run_s": round(min(py), 4), "cli_wall_s": round(cli, 4), "cli_jvm_s": round(jvm, 4),
           "bridge_s": round(min(py) - (cli - jvm), 4), "jvm_start_s": round(jvm_start, 4),
           "spikes": int(len(run.spikes["t_ms"])), "python_calls_100_steps": short[0],
           "python_calls_10000_steps": long_[0], "no_per_step_python": per_step_free}
    print(json.dumps(out))
    return 0 if per_step_free else 1


if __name__ == "__main__":
    sys.exit(main())
