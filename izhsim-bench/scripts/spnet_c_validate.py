#!/usr/bin/env python3
"""Checks the C spnet (izhsim-bench/c) against the expected outcome of Izhikevich's spnet.

Question: do spnet.c's per-second statistics fall in the ranges that the original spnet.cpp
and an independent re-implementation give (izhsim-bench/c/README.md, "Validation")?

Method: runs each seed once, one run at a time under nice (no timing is taken from them),
with --json and --spikes; tabulates 10-s window means of rate, exc/inh rate, mean excitatory
weight and fraction of excitatory weights above 9, and the gamma share: the fraction of
seconds whose 1-s population spectrum (spike counts in 1-ms bins, mean removed, periodogram,
1 Hz resolution, DC excluded) peaks in 25-45 Hz, per block of seconds.

Usage: spnet_c_validate.py [--seeds 1,2,3,4,5] [--float-seeds 1] [--seconds 600] [--cache DIR]
Prints a Markdown table. Results are cached in DIR (default izhsim-bench/c/results/, ignored by
git) as one JSON per run, so a rerun only tabulates.
"""
import argparse
import json
import os
import subprocess
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CDIR = os.path.abspath(os.path.join(HERE, "..", "c"))
WINDOWS = [(1, 10), (91, 100), (291, 300), (591, 600)]
GAMMA_BLOCKS = [(1, 100), (101, 300), (301, 400), (401, 600)]
GAMMA_BAND = (25.0, 45.0)


def peak_per_second(t_ms, seconds):
    """Frequency (Hz) of the largest periodogram bin above 0 Hz of each second's 1-ms counts."""
    counts = np.zeros((seconds, 1000))
    t = t_ms.astype(np.int64)
    np.add.at(counts, (t // 1000, t % 1000), 1.0)
    x = counts - counts.mean(axis=1, keepdims=True)
    p = np.abs(np.fft.rfft(x, axis=1)) ** 2
    f = np.fft.rfftfreq(1000, d=1e-3)
    return f[1 + np.argmax(p[:, 1:], axis=1)]


def run(binary, seed, seconds, cache):
    path = os.path.join(cache, "%s-seed%d-%ds.json" % (os.path.basename(binary), seed, seconds))
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    with tempfile.TemporaryDirectory() as tmp:
        spikes = os.path.join(tmp, "spikes.txt")
        out = subprocess.run(["nice", binary, "--seconds", str(seconds), "--seed", str(seed), "--json",
                              "--spikes", spikes], check=True, capture_output=True, text=True).stdout
        res = json.loads(out)
        ti = np.fromfile(spikes, sep=" ").reshape(-1, 2)
    res["peak_hz"] = peak_per_second(ti[:, 0], seconds).tolist()
    os.makedirs(cache, exist_ok=True)
    with open(path + ".tmp", "w") as f:
        json.dump(res, f)
    os.replace(path + ".tmp", path)
    return res


def window_means(res, lo, hi):
    ps = res["per_second"][lo - 1:hi]
    keys = ["rate_hz", "rate_exc_hz", "rate_inh_hz", "mean_exc_w", "frac_exc_w_above_9"]
    return [float(np.mean([s[k] for s in ps])) for k in keys]


def gamma_share(res, lo, hi):
    p = np.asarray(res["peak_hz"][lo - 1:hi])
    return float(np.mean((p >= GAMMA_BAND[0]) & (p <= GAMMA_BAND[1])))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", default="1,2,3,4,5")
    ap.add_argument("--float-seeds", default="1")
    ap.add_argument("--seconds", type=int, default=600)
    ap.add_argument("--cache", default=os.path.join(CDIR, "results"))
    a = ap.parse_args()
    if a.seconds < 600:
        raise SystemExit("spnet_c_validate.py: --seconds must be >= 600 (the table ends at 591-600 s)")
    runs = [("double", s, os.path.join(CDIR, "spnet")) for s in map(int, a.seeds.split(",") if a.seeds else [])]
    runs += [("float", s, os.path.join(CDIR, "spnet_float")) for s in map(int, a.float_seeds.split(",") if a.float_seeds else [])]
    for _, _, b in runs:
        if not os.access(b, os.X_OK):
            raise SystemExit("spnet_c_validate.py: %s not built; run make in %s" % (b, CDIR))
    results = [(p, s, run(b, s, a.seconds, a.cache)) for p, s, b in runs]

    print("| window (s) | run | rate (Hz) | exc (Hz) | inh (Hz) | mean exc w | frac w > 9 |")
    print("|---|---|---|---|---|---|---|")
    for lo, hi in WINDOWS:
        for p, s, res in results:
            r = window_means(res, lo, hi)
            print("| %d–%d | %s seed %d | %.2f | %.2f | %.1f | %.3f | %.3f |" % ((lo, hi, p, s) + tuple(r)))
    print()
    print("| run | " + " | ".join("gamma share %d–%d s" % b for b in GAMMA_BLOCKS)
          + " | median gamma peak (Hz) | hist at 600 s |")
    print("|---|" + "---|" * (len(GAMMA_BLOCKS) + 2))
    for p, s, res in results:
        peaks = np.asarray(res["peak_hz"])
        in_band = peaks[(peaks >= GAMMA_BAND[0]) & (peaks <= GAMMA_BAND[1])]
        print("| %s seed %d | " % (p, s) + " | ".join("%.2f" % gamma_share(res, lo, hi) for lo, hi in GAMMA_BLOCKS)
              + " | %.0f | " % np.median(in_band) + " ".join("%d" % h for h in res["per_second"][599]["hist"]) + " |")


if __name__ == "__main__":
    main()
