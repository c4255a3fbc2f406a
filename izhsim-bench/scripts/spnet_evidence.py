#!/usr/bin/env python3
"""Tabulates `izhsim spnet` runs against the expected outcome of Izhikevich's spnet (issue #15).

Question: do izhsim's per-second statistics fall in the ranges of the original spnet.cpp and of
an independent re-implementation (docs/reference/spnet.md §5), as spnet.c's do
(izhsim-bench/c/README.md, "Validation")? The definitions are spnet_c_validate.py's (10-s window
means; gamma share = fraction of seconds whose 1-s population spectrum peaks in 25-45 Hz), so
the two tables compare directly.

Input: output directories of
    izhsim spnet --seconds 600 --seed S --threads 1 --record-spikes 1-600 --json --out DIR > DIR.json
(the JSON on stdout next to each directory, as DIR.json; spikes.npz and weights.npz in DIR), and
optionally one long run (--long DIR, its DIR.json; no spikes needed) for 300-s block means.

Writes one small JSON per run into --save (per_second, the peak frequency of each recorded
second, the fine weight histogram at the end; no spikes) and prints Markdown tables.

Usage: spnet_evidence.py --runs DIR1,DIR2,... [--long DIR] [--save bench-results/spnet-evidence]
"""
import argparse
import json
import os

import numpy as np

from spnet_c_validate import GAMMA_BAND, GAMMA_BLOCKS, WINDOWS, gamma_share, peak_per_second, window_means


def load(run_dir, with_spikes):
    with open(run_dir.rstrip("/") + ".json") as f:
        res = json.load(f)
    if with_spikes:
        z = np.load(os.path.join(run_dir, "spikes.npz"))
        seconds = len(res["per_second"])
        if len(z["seconds"]) != seconds:
            raise SystemExit("spnet_evidence.py: %s recorded %d of %d seconds; run with --record-spikes 1-%d"
                             % (run_dir, len(z["seconds"]), seconds, seconds))
        res["peak_hz"] = peak_per_second(z["t_ms"], seconds).tolist()
    w = np.load(os.path.join(run_dir, "weights.npz"))
    exc = w["w"][w["pre"] < int(w["ne"])]
    # the reference's bimodality figures: counts in [0, 0.5) and [9.5, sm]
    res["end_low"] = int(np.sum(exc < 0.5))
    res["end_high"] = int(np.sum(exc >= 9.5))
    res["end_exc"] = int(exc.size)
    return res


def save(res, path):
    keep = {k: v for k, v in res.items() if k not in ("model",)}
    with open(path + ".tmp", "w") as f:
        json.dump(keep, f)
    os.replace(path + ".tmp", path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", required=True)
    ap.add_argument("--long")
    ap.add_argument("--save")
    a = ap.parse_args()
    runs = [load(d, True) for d in a.runs.split(",")]
    if a.save:
        os.makedirs(a.save, exist_ok=True)
        for r in runs:
            save(r, os.path.join(a.save, "spnet-seed%d-%ds.json" % (r["seed"], r["to_s"])))

    print("| window (s) | seed | rate (Hz) | exc (Hz) | inh (Hz) | mean exc w | frac w > 9 |")
    print("|---|---|---|---|---|---|---|")
    for lo, hi in WINDOWS:
        for r in runs:
            print("| %d–%d | %d | %.2f | %.2f | %.1f | %.3f | %.3f |" % ((lo, hi, r["seed"]) + tuple(window_means(r, lo, hi))))
    print()
    print("| seed | " + " | ".join("gamma share %d–%d s" % b for b in GAMMA_BLOCKS)
          + " | median gamma peak (Hz) | hist at 600 s | w < 0.5, w ≥ 9.5 at 600 s |")
    print("|---|" + "---|" * (len(GAMMA_BLOCKS) + 3))
    for r in runs:
        peaks = np.asarray(r["peak_hz"])
        in_band = peaks[(peaks >= GAMMA_BAND[0]) & (peaks <= GAMMA_BAND[1])]
        print("| %d | " % r["seed"] + " | ".join("%.2f" % gamma_share(r, lo, hi) for lo, hi in GAMMA_BLOCKS)
              + " | %.0f | " % np.median(in_band) + " ".join("%d" % h for h in r["per_second"][599]["hist"])
              + " | %d, %d of %d |" % (r["end_low"], r["end_high"], r["end_exc"]))

    if a.long:
        r = load(a.long, False)
        if a.save:
            save(r, os.path.join(a.save, "spnet-seed%d-%ds.json" % (r["seed"], r["to_s"])))
        print()
        print("| block (s) | rate (Hz) | exc (Hz) | inh (Hz) | mean exc w | frac w > 9 |")
        print("|---|---|---|---|---|---|")
        for lo in range(1, r["to_s"] + 1, 300):
            hi = min(lo + 299, r["to_s"])
            print("| %d–%d | %.2f | %.2f | %.1f | %.3f | %.3f |" % ((lo, hi) + tuple(window_means(r, lo, hi))))
        print()
        print("long run: seed %d, %d s, build %.2f s, run %.2f s (%.4f s per model second); at the end "
              "%d of %d excitatory weights < 0.5 and %d ≥ 9.5"
              % (r["seed"], r["to_s"], r["build_s"], r["run_s"], r["run_s"] / r["to_s"], r["end_low"], r["end_exc"], r["end_high"]))


if __name__ == "__main__":
    main()
