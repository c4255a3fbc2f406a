#!/usr/bin/python3
"""Reference statistics for izhsim's `sornsim-izhikevich` example.

A NumPy transliteration of PymoNNto's Examples_Classical/Izhikevich.py (SORNSim), line for line:
Izhikevich_main (fired = v > 30, reset, one Euler step of dt = 0.5 for v, then u from the new v)
at index 1 and Izhikevich_input (I = 20*U(0,1), + 0.5*sum of the fired columns of the uniform
GLUTAMATE weights, - sum of the fired GABA columns) at index 2, for 800 excitatory and 200
inhibitory neurons, 1000 iterations; v0 = -65*U, u0 = -8*U. NumPy's generator replaces
PymoNNto's, so runs agree with izhsim's statistically, not spike for spike.

Usage: /usr/bin/python3 sornsim_izhikevich.py [SEEDS]   (prints one line per seed and the range)
"""
import sys

import numpy as np


def run(seed, ne=800, ni=200, iterations=1000, dt=0.5):
    rng = np.random.default_rng(seed)
    groups = {}
    for name, n in (("exc", ne), ("inh", ni)):
        groups[name] = dict(n=n, a=np.full(n, 0.02), b=np.full(n, 0.2), c=np.full(n, -65.0), d=np.full(n, 8.0),
                            v=-65 * rng.random(n), u=-8.0 * rng.random(n), I=np.zeros(n), fired=np.zeros(n, bool))
    # W[post, pre] as s.matrix('uniform') for dst x src
    syn = [(src, dst, tag, rng.random((groups[dst]["n"], groups[src]["n"])))
           for src, dst, tag in (("exc", "exc", "GLUTAMATE"), ("exc", "inh", "GLUTAMATE"),
                                 ("inh", "exc", "GABA"), ("inh", "inh", "GABA"))]
    counts = {k: 0 for k in groups}
    for _ in range(iterations):
        for g in groups.values():  # index 1: Izhikevich_main
            g["fired"] = g["v"] > 30
            g["v"][g["fired"]] = g["c"][g["fired"]]
            g["u"][g["fired"]] += g["d"][g["fired"]]
            g["v"] += dt * (0.04 * g["v"] ** 2 + 5 * g["v"] + 140 - g["u"] + g["I"])
            g["u"] += dt * (g["a"] * (g["b"] * g["v"] - g["u"]))
        for name, g in groups.items():  # index 2: Izhikevich_input
            g["I"] = 20 * rng.random(g["n"])
            for src, dst, tag, w in syn:
                if dst != name:
                    continue
                s = np.sum(w[:, groups[src]["fired"]], axis=1)
                g["I"] += 0.5 * s if tag == "GLUTAMATE" else -s
        for name, g in groups.items():  # index 9: the recorder sees fired of this iteration
            counts[name] += int(g["fired"].sum())
    seconds = iterations * dt / 1000
    return counts["exc"] / ne / seconds, counts["inh"] / ni / seconds


if __name__ == "__main__":
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rows = [run(s) for s in range(seeds)]
    for s, (e, i) in enumerate(rows):
        print(f"seed {s}: exc {e:.2f} Hz, inh {i:.2f} Hz")
    e = [r[0] for r in rows]
    i = [r[1] for r in rows]
    print(f"exc {min(e):.2f}..{max(e):.2f} Hz, inh {min(i):.2f}..{max(i):.2f} Hz over {seeds} seeds")
