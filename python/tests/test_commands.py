"""The built-in commands from Python equal the command line's results."""
import json

import numpy as np
import pytest

import izhsim


def test_neuron_gives_the_cli_spike_times(cli, tmp_path):
    r = izhsim.neuron(preset="A")
    p = cli("neuron", "--preset", "A", "--json", "--quiet", "--figures", "none", "--out", str(tmp_path))
    assert p.returncode == 0, p.stderr
    assert r.summary["spike_times_ms"] == json.loads(p.stdout)["spike_times_ms"]
    assert len(r.summary["spike_times_ms"]) > 0


def test_net2003_spikes_are_the_cli_spikes(cli, tmp_path):
    r = izhsim.net2003(duration=200, seed=3, threads=2)
    p = cli("net2003", "--duration", "200", "--seed", "3", "--threads", "2", "--quiet", "--figures", "none",
            "--out", str(tmp_path))
    assert p.returncode == 0, p.stderr
    with np.load(tmp_path / "spikes.npz") as z:
        np.testing.assert_array_equal(r.spikes["t_ms"], z["t_ms"])
        np.testing.assert_array_equal(r.spikes["i"], z["i"])
    assert r.metadata["seed"] == 3 and r.out is None


def test_out_keeps_the_files(tmp_path):
    r = izhsim.net2003(duration=50, out=tmp_path / "o")
    assert r.out == tmp_path / "o" and (tmp_path / "o" / "spikes.npz").is_file()


def test_argv_names_options_as_the_cli():
    assert izhsim.argv("neuron", preset="RS", duration=100, quiet=True, figures=None, set={"a": 0.02},
                       record_neurons=[0, 1]) == [
        "neuron", "--preset", "RS", "--duration", "100", "--quiet", "--set", "a=0.02", "--record-neurons", "0,1"]


def test_bad_option_is_a_usage_error_with_izhsims_message():
    with pytest.raises(izhsim.UsageError, match="RZZ"):
        izhsim.neuron(preset="RZZ")
    with pytest.raises(izhsim.UsageError):
        izhsim.net2003(no_such_option=1)
    # the interpreter and the JVM stay usable
    assert izhsim.neuron(preset="RS", duration=100).summary["spike_count"] >= 1


def test_blow_up_is_reported_as_such():
    with pytest.raises(izhsim.BlowUpError, match="neuron 0 is not finite after step 9"):
        izhsim.neuron(preset="RS", a=1e10, duration=100)
