#!/usr/bin/env python3
"""The 100,000 x 100 STDP benchmark network (issues #15/#16) in izhsim: one run, one JSON line.

Runs `izhsim run` on izhsim-bench/models/stdp100k-builtin.yaml (--form builtin: the built-in
`plasticity: {rule: stdp}`) or stdp100k-equations.yaml (--form equations: the same rule as
synapse equations), both described in their headers; brian2_stdp_net.py is the Brian2 peer.
--ne, --ni and --k write a copy of the model file with those sizes (the only lines that
change are the groups' `size:` and the synapses' `k:`), so that smaller copies of the same
network can be checked; the random streams are named by the groups, so a copy is the same
network drawn at another size.

Output: one JSON line with izhsim's own build_s and run_s (its timer of the simulation loop),
wall_s (around the izhsim process), spikes, rate_hz, exc_rate_hz, inh_rate_hz, and mean_w,
the mean excitatory (plastic) weight at the end, read from weights.npz.

Usage: /usr/bin/python3 izhsim_stdp_net.py --form builtin|equations [--ne 80000] [--ni 20000]
           [--k 100] [--seconds 1] [--seed 1] [--threads 2] [--launcher ./izhsim] [--out DIR]
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

from stdp_net_args import network_parser, parse_network_args

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
MODELS = os.path.join(ROOT, "izhsim-bench", "models")
FORMS = {"builtin": "stdp100k-builtin.yaml", "equations": "stdp100k-equations.yaml"}
PLASTIC_GROUPS = "ee,ei"


def parse_args(argv=None):
    p = network_parser(__doc__.split("\n")[0])
    p.add_argument("--form", choices=sorted(FORMS), required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--launcher", default=os.path.join(ROOT, "izhsim"), help="the izhsim launcher to run")
    p.add_argument("--out", default=None, help="izhsim's output directory (default: a temporary one, removed)")
    a = parse_network_args(p, argv)
    if a.threads < 1:
        p.error("--threads must be >= 1")
    return a


def sized_model(form, ne, ni, k):
    """The model file's text with the given sizes; fails if the file no longer has the lines it changes."""
    text = open(os.path.join(MODELS, FORMS[form])).read()
    text, n_exc = re.subn(r"\bexc: \{size: 80000,", "exc: {size: %d," % ne, text)
    text, n_inh = re.subn(r"\binh: \{size: 20000,", "inh: {size: %d," % ni, text)
    text, n_k = re.subn(r"rule: fixed_indegree, k: 100,", "rule: fixed_indegree, k: %d," % k, text)
    if (n_exc, n_inh, n_k) != (1, 1, 4):
        raise SystemExit("izhsim_stdp_net.py: %s no longer has the size lines this script rewrites" % FORMS[form])
    return text


def run(a):
    out = a.out or tempfile.mkdtemp(prefix="izhsim-stdp-")
    try:
        return run_in(a, out)
    finally:
        if a.out is None:
            shutil.rmtree(out, ignore_errors=True)


def run_in(a, out):
    os.makedirs(out, exist_ok=True)
    model = os.path.join(out, FORMS[a.form])
    with open(model, "w") as f:
        f.write(sized_model(a.form, a.ne, a.ni, a.k))
    cmd = [a.launcher, "run", model, "--duration", "%g" % (a.seconds * 1000), "--seed", str(a.seed), "--threads",
           str(a.threads), "--json", "--quiet", "--figures", "none", "--data", "npz", "--out", out]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit("izhsim_stdp_net.py: izhsim failed (exit %d): %s" % (p.returncode, p.stderr.strip()[-2000:]))
    j = json.loads(p.stdout.strip().splitlines()[-1])
    z = np.load(os.path.join(out, "weights.npz"))
    if str(z["groups"]) != PLASTIC_GROUPS:
        raise SystemExit("izhsim_stdp_net.py: weights.npz holds groups %s, expected %s" % (z["groups"], PLASTIC_GROUPS))
    w = z["w"].astype(np.float64)
    return {"tool": "izhsim-" + a.form, "ne": a.ne, "ni": a.ni, "k": a.k, "seconds": a.seconds, "seed": a.seed,
            "threads": j["threads"], "synapses": j["synapses"], "spikes": j["spikes"], "rate_hz": j["mean_rate_hz"],
            "exc_rate_hz": j["exc_rate_hz"], "inh_rate_hz": j["inh_rate_hz"], "mean_w": float(w.mean()),
            "build_s": j["build_s"], "run_s": j["run_s"], "wall_s": round(wall, 4),
            "peak_rss_mb": j.get("peak_rss_mb"), "izhsim_commit": j.get("izhsim_commit")}


def main(argv=None):
    print(json.dumps(run(parse_args(argv))), flush=True)


if __name__ == "__main__":
    sys.exit(main())
