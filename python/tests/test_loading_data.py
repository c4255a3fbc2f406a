"""The loader of docs/loading-data.md, as printed there, reads every data file the commands write."""
import re

import numpy as np
import pytest

import izhsim

DATA = (".npz", ".json", ".csv", ".nwb")


@pytest.fixture(scope="module")
def load(repo):
    text = (repo / "docs" / "loading-data.md").read_text()
    block = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    scope = {}
    exec(compile(block, "docs/loading-data.md", "exec"), scope)
    return scope["load"]


def snapshot(path):
    """A tiny weight snapshot: neurons 0 -> 1 -> 2 excitatory, 3 inhibitory."""
    np.savez(path, pre=np.array([0, 1, 3], np.int32), post=np.array([1, 2, 0], np.int32),
             delay_ms=np.array([1, 2, 1], np.int32), w=np.array([10, 10, -5], np.float32), ne=3, ni=1, sm=10)
    return path


def commands(repo, tmp):
    models = repo / "examples" / "models"
    return {
        "neuron": ["neuron", "--preset", "RS", "--duration", "100", "--csv", str(tmp / "trace.csv")],
        "neuron-2007": ["neuron", "--model", "izh2007", "--preset", "RS", "--current", "100", "--duration", "100"],
        "fi": ["fi", "--preset", "RS", "--from", "0", "--to", "10", "--step", "5"],
        "features": ["features", "--panel", "A"],
        "accuracy": ["accuracy", "--preset", "RS", "--duration", "50", "--dts", "0.5,0.25", "--schemes", "euler",
                     "--ref-dt", "0.05"],
        "net2003": ["net2003", "--duration", "100", "--data", "all", "--record", "v,u"],
        "run": ["run", str(models / "sornsim.yaml"), "--duration", "50"],
        "polychronous": ["polychronous", str(snapshot(tmp / "w.npz"))],
    }


def test_the_loader_reads_every_data_file(repo, tmp_path, load):
    seen = {}
    for name, args in commands(repo, tmp_path).items():
        out = tmp_path / name
        code, _, err = izhsim.call(args + ["--quiet", "--figures", "none", "--out", str(out)])
        assert code == 0, (name, err)
        files = [f for f in sorted(out.iterdir()) if f.suffix in DATA]
        assert files, name
        for f in files:
            seen[f"{name}/{f.name}"] = load(f)
    seen["neuron/trace.csv"] = load(tmp_path / "trace.csv")
    assert {"net2003/spikes.npz", "net2003/spikes.csv", "net2003/run.nwb", "run/exc0.npz", "run/rate.npz",
            "fi/fi-RS.csv", "neuron/trace.csv", "polychronous/groups.csv"} <= set(seen), sorted(seen)

    npz, csv, nwb = seen["net2003/spikes.npz"], seen["net2003/spikes.csv"], seen["net2003/run.nwb"]
    np.testing.assert_array_equal(npz["t_ms"], csv["t_ms"])
    assert isinstance(npz["seed"], np.integer) and npz["seed"] == seen["net2003/run.json"]["seed"]
    for unit, times in enumerate(nwb["spike_times_ms"]):
        np.testing.assert_allclose(times, npz["t_ms"][npz["i"] == unit], rtol=0, atol=1e-9)
    assert nwb["exc_v"].shape == (1, 100) and list(nwb["exc_v_neurons"]) == [0]

    state = seen["run/exc0.npz"]
    assert state["neurons"].dtype.kind == "i" and list(state["neurons"]) == [0]
    assert state["v"].shape == state["u"].shape == (1, len(state["t_ms"])) == (1, 100)
    assert not any(k.startswith("v_") for k in state)
    assert state["network_neurons"] == 1000 and isinstance(state["network_neurons"], np.integer)
    assert len(seen["neuron/trace.csv"]["v_mV"]) > 100 and seen["fi/fi-RS.csv"]["rate_hz"][0] == 0
