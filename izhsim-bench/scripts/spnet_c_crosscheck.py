#!/usr/bin/env python3
"""Checks spnet.c (izhsim-bench/c) spike for spike against a second, independent implementation.

Question: does spnet.c compute spnet.cpp's algorithm, including the parts where it stores
things differently (a ring of D+1 LTP slots instead of spnet.cpp's LTP[N][1001+D] shifted every
second; a growing spike list instead of one with a dummy spike at -D)?

Method: this script implements the per-millisecond loop again in NumPy double precision, in
spnet.cpp's own layout and loop structure (LTP columns t+D, the dummy spike, the backwards scan
of the spike list, the end-of-second shifts), with the random streams documented in
izhsim-bench/c/README.md (its own Python port of izhsim's CounterRandom); then compares its
spikes and final weights with those of `spnet --spikes --weights` (double build) for the same
seed: they must be identical, bit for bit. Default network only (fixed delays); slow (pure
Python around NumPy: about 2 s per model second).

Usage: spnet_c_crosscheck.py [--seed 5] [--seconds 3]      (run `make` in izhsim-bench/c first)
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

M64 = (1 << 64) - 1
NE, NI, M, D = 800, 200, 100, 20
N = NE + NI


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def stream_key(seed, name):
    h = 0xCBF29CE484222325
    for b in name.encode():
        h = ((h ^ b) * 0x100000001B3) & M64
    return mix64(mix64((seed & M64) ^ 0x6A09E667F3BCC909) ^ mix64((mix64(h) + 0xBB67AE8584CAA73B) & M64))


def key(sk, c2):
    return mix64(sk ^ mix64((c2 + 0x3C6EF372FE94F82B) & M64))


def below(k, c1, n):
    return (mix64((k + 0x9E3779B97F4A7C15 * (c1 + 1)) & M64) * n) >> 64


def simulate(seed, seconds):
    kc, kin = stream_key(seed, "connect/spnet"), stream_key(seed, "spnet/input")
    post = np.zeros((N, M), dtype=np.int64)
    for i in range(N):
        k, attempt, got = key(kc, i), 0, []
        while len(got) < M:
            r = below(k, attempt, N if i < NE else NE)
            attempt += 1
            if r != i and r not in got:
                got.append(r)
        post[i] = got
    per = M // D
    slots = [[range(dd * per, (dd + 1) * per) for dd in range(D)] if i < NE else [range(M)] + [range(0)] * (D - 1)
             for i in range(N)]
    pre = [[] for _ in range(N)]  # excitatory synapses onto each neuron: (pre, slot, delay index)
    for j in range(NE):
        for slot in range(M):
            pre[post[j, slot]].append((j, slot, slot // per))
    s = np.where(np.arange(N)[:, None] < NE, 6.0, -5.0) * np.ones((N, M))
    sd = np.zeros((N, M))
    a = np.where(np.arange(N) < NE, 0.02, 0.1)
    d = np.where(np.arange(N) < NE, 8.0, 2.0)
    v = np.full(N, -65.0)
    u = 0.2 * v
    ltp, ltd = np.zeros((N, 1001 + D)), np.zeros(N)
    firings, spikes = [(-D, 0)], []
    for sec in range(seconds):
        for t in range(1000):
            I = np.zeros(N)
            I[below(key(kin, sec * 1000 + t), 0, N)] = 20.0
            for i in np.nonzero(v >= 30)[0]:
                v[i] = -65
                u[i] += d[i]
                ltp[i, t + D] = 0.1
                ltd[i] = 0.12
                for j, slot, dd in pre[i]:
                    sd[j, slot] += ltp[j, t + D - dd - 1]
                firings.append((t, i))
                spikes.append((sec * 1000 + t, i))
            k = len(firings) - 1
            while t - firings[k][0] < D:
                tf, j = firings[k]
                for slot in slots[j][t - tf]:
                    i = post[j, slot]
                    I[i] += s[j, slot]
                    if j < NE:
                        sd[j, slot] -= ltd[i]
                k -= 1
            v += 0.5 * ((0.04 * v + 5) * v + 140 - u + I)
            v += 0.5 * ((0.04 * v + 5) * v + 140 - u + I)
            u += a * (0.2 * v - u)
            ltp[:, t + D + 1] = 0.95 * ltp[:, t + D]
            ltd *= 0.95
        ltp[:, :D + 1] = ltp[:, 1000:1001 + D].copy()
        firings = [firings[0]] + [(tf - 1000, j) for tf, j in firings[1:] if 1000 - tf < D]
        s[:NE] += 0.01 + sd[:NE]
        sd[:NE] *= 0.9
        s[:NE] = np.clip(s[:NE], 0, 10.0)
    return np.array(spikes, dtype=np.int64).reshape(-1, 2), s.ravel()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=3)
    a = ap.parse_args()
    binary = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "c", "spnet")
    if not os.access(binary, os.X_OK):
        sys.exit("spnet_c_crosscheck.py: %s not built; run make in izhsim-bench/c" % binary)
    with tempfile.TemporaryDirectory() as tmp:
        sp, w = os.path.join(tmp, "spikes.txt"), os.path.join(tmp, "weights.txt")
        subprocess.run([binary, "--seconds", str(a.seconds), "--seed", str(a.seed), "--spikes", sp, "--weights", w],
                       check=True, capture_output=True)
        c_spikes = np.loadtxt(sp, dtype=np.int64).reshape(-1, 2)
        c_w = np.loadtxt(w)
    py_spikes, py_w = simulate(a.seed, a.seconds)
    # spnet.c stores synapses sorted by delay: with fixed delays that is the drawn slot order
    same_spikes = py_spikes.shape == c_spikes.shape and bool((py_spikes == c_spikes).all())
    same_w = bool((py_w == c_w[:, 3]).all())
    print("spikes: %d here, %d spnet.c, identical: %s; weights identical: %s"
          % (len(py_spikes), len(c_spikes), same_spikes, same_w))
    sys.exit(0 if same_spikes and same_w else 1)


if __name__ == "__main__":
    main()
