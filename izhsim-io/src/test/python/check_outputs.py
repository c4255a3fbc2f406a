#!/usr/bin/python3
"""Reads izhsim's data files with the real consumers (h5py, numpy) and checks them.

  check_outputs.py DIR            run.json plus whichever of spikes.npz, spikes.csv, run.nwb exist:
                                  same spikes everywhere, metadata present, NWB layout consistent
  check_outputs.py --partial FILE an interrupted run's FILE.nwb.partial: opens, is marked
                                  incomplete, and holds whole chunks of data

Prints one 'ok' line per file; exits 1 with the reason on the first failure.
"""
import json
import os
import sys

import numpy as np

META = ("izhsim_version", "izhsim_commit", "seed", "scheme", "dt_ms", "model_sha256")
TIMING = ("run_s", "build_s")


def fail(msg):
    print("check_outputs: FAIL: " + msg)
    sys.exit(1)


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def need(cond, msg):
    if not cond:
        fail(msg)


def check_nwb_common(f, name):
    a = f.attrs
    need(text(a["nwb_version"]) == "2.7.0", name + ": nwb_version")
    need(text(a["neurodata_type"]) == "NWBFile" and text(a["namespace"]) == "core", name + ": root type")
    need(len(text(a["object_id"])) == 36, name + ": object_id")
    for d in ("identifier", "session_description", "session_start_time", "timestamps_reference_time", "file_create_date"):
        need(d in f, name + ": missing /" + d)
    for g in ("acquisition", "analysis", "processing", "stimulus", "stimulus/presentation", "stimulus/templates", "general"):
        need(g in f, name + ": missing /" + g)
    for k in META:
        need(k in f["general"].attrs, name + ": general lacks " + k)
    for ts_name, ts in f["acquisition"].items():
        need(text(ts.attrs["neurodata_type"]) == "TimeSeries", name + ": " + ts_name + " type")
        d = ts["data"]
        need(text(d.attrs["unit"]) != "" and float(d.attrs["conversion"]) > 0, name + ": " + ts_name + " unit/conversion")
        for k in ("resolution", "offset"):
            need(k in d.attrs, name + ": " + ts_name + "/data lacks " + k)
        st = ts["starting_time"]
        need(float(st.attrs["rate"]) > 0 and text(st.attrs["unit"]) == "seconds", name + ": " + ts_name + " rate/unit")
        need(d.ndim == 2 and np.all(np.isfinite(d[()])), name + ": " + ts_name + " data finite 2-d")
        need("neurons" in ts and ts["neurons"].dtype.kind == "i" and ts["neurons"].shape == (d.shape[1],),
             name + ": " + ts_name + " lacks an integer 'neurons' dataset, one index per column")
    return a


def check_dir(out):
    import h5py

    with open(os.path.join(out, "run.json")) as fh:
        run = json.load(fh)
    for k in META + TIMING:
        need(k in run, "run.json lacks " + k)
    n_spikes = run["spikes"]
    t_ms = i = None
    if os.path.exists(os.path.join(out, "spikes.npz")):
        z = np.load(os.path.join(out, "spikes.npz"))
        t_ms, i = z["t_ms"], z["i"]
        need(len(t_ms) == n_spikes == len(i), "spikes.npz has %d spikes, run.json %d" % (len(t_ms), n_spikes))
        meta = json.loads(str(z["metadata"]))
        for k in META + TIMING:
            need(k in meta, "spikes.npz metadata lacks " + k)
        need(meta["seed"] == run["seed"] and meta["izhsim_commit"] == run["izhsim_commit"], "npz metadata differs from run.json")
        print("check_outputs: ok spikes.npz %d spikes" % len(t_ms))
    if os.path.exists(os.path.join(out, "spikes.csv")):
        meta = {}
        with open(os.path.join(out, "spikes.csv")) as fh:
            for line in fh:
                if not line.startswith("# "):
                    break
                k, _, v = line[2:].rstrip("\n").partition(": ")
                meta[k] = v
        for k in META + TIMING:
            need(k in meta, "spikes.csv header lacks " + k)
        c = np.genfromtxt(os.path.join(out, "spikes.csv"), delimiter=",", names=True, skip_header=len(meta))
        c = np.atleast_1d(c)
        need(len(c) == n_spikes, "spikes.csv has %d rows, run.json %d spikes" % (len(c), n_spikes))
        if t_ms is not None:
            need(np.array_equal(c["t_ms"], t_ms) and np.array_equal(c["i"].astype(int), i), "spikes.csv differs from spikes.npz")
        print("check_outputs: ok spikes.csv %d spikes" % len(c))
    for fname in sorted(os.listdir(out)):
        if not fname.endswith(".npz") or fname == "spikes.npz":
            continue
        z = np.load(os.path.join(out, fname))
        if "neurons" not in z.files:
            continue
        ns, t = z["neurons"], z["t_ms"]
        need(ns.dtype.kind == "i" and ns.ndim == 1, fname + ": neurons is not a 1-d integer array of indices")
        traces = [k for k in z.files if z[k].ndim == 2]
        need(traces and all(z[k].shape == (len(ns), len(t)) for k in traces), fname + ": a variable is not neurons x samples")
        need(not any(k.startswith(("v_", "u_", "I_")) for k in z.files), fname + ": per-neuron arrays of the old layout")
        print("check_outputs: ok %s %s over %d neurons x %d samples" % (fname, ",".join(traces), len(ns), len(t)))
    path = os.path.join(out, "run.nwb")
    if os.path.exists(path):
        with h5py.File(path, "r") as f:
            a = check_nwb_common(f, "run.nwb")
            need(text(a["izhsim_status"]) == "complete", "run.nwb not marked complete")
            g = f["general"].attrs
            for k in TIMING:
                need(k in g, "run.nwb general lacks " + k)
            need(text(g["izhsim_commit"]) == run["izhsim_commit"] and int(g["seed"]) == run["seed"], "run.nwb metadata differs")
            u = f["units"]
            need(text(u.attrs["neurodata_type"]) == "Units", "units type")
            need([text(x) for x in u.attrs["colnames"]] == ["spike_times"], "units colnames")
            st, idx, ids = u["spike_times"][()], u["spike_times_index"][()], u["id"][()]
            for d in ("id", "spike_times", "spike_times_index"):
                for k in ("neurodata_type", "namespace", "object_id"):
                    need(k in u[d].attrs, "units/%s lacks %s" % (d, k))
            need(f[u["spike_times_index"].attrs["target"]].name == "/units/spike_times", "spike_times_index target")
            need(len(idx) == len(ids) and np.array_equal(ids, np.arange(len(ids))), "units id")
            need(np.all(np.diff(idx.astype(np.int64)) >= 0) and (len(idx) == 0 or idx[-1] == len(st)), "spike_times_index not monotone or not ending at len(spike_times)")
            need(len(st) == n_spikes, "run.nwb has %d spikes, run.json %d" % (len(st), n_spikes))
            if t_ms is not None:
                starts = np.concatenate(([0], idx[:-1])).astype(np.int64)
                for unit in range(len(idx)):
                    mine = st[starts[unit]:idx[unit]]
                    want = t_ms[i == unit] / 1000.0
                    need(np.allclose(mine, want, rtol=0, atol=1e-12), "unit %d spike times differ from spikes.npz" % unit)
            samples = sum(ts["data"].shape[0] for ts in f["acquisition"].values())
            print("check_outputs: ok run.nwb %d spikes in %d units, %d TimeSeries (%d samples)"
                  % (len(st), len(idx), len(f["acquisition"]), samples))


def check_partial(path):
    import h5py

    with h5py.File(path, "r") as f:
        check_nwb_common(f, path)
        need(text(f.attrs["izhsim_status"]) == "incomplete", path + " is not marked incomplete")
        rows = f["analysis/izhsim_spike_stream"].shape[0] if "izhsim_spike_stream" in f["analysis"] else 0
        samples = [ts["data"].shape[0] for ts in f["acquisition"].values()]
        need(rows > 0 or any(s > 0 for s in samples), path + " holds no completed chunk")
        print("check_outputs: ok partial %s: incomplete, %d spikes, samples %s" % (os.path.basename(path), rows, samples))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--partial":
        check_partial(sys.argv[2])
    elif len(sys.argv) == 2:
        check_dir(sys.argv[1])
    else:
        fail(__doc__)
