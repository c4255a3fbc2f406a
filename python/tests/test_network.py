"""Networks built in Python run in Java and equal the model files and commands they stand for."""
import numpy as np
import pytest

import izhsim


def net2003(seed=1):
    net = izhsim.Network(dt=1, scheme="netm", seed=seed)
    exc = net.group("exc", 800, model="izh2003", a=0.02, b=0.2, c="-65+15*r**2", d="8-6*r**2", initial={"v": -65})
    inh = net.group("inh", 200, model="izh2003", a="0.02+0.08*r", b="0.25-0.05*r", c=-65, d=2, initial={"v": -65})
    for pre, post, w, tag in ((exc, exc, "0.5*r", "GLUTAMATE"), (exc, inh, "0.5*r", "GLUTAMATE"),
                              (inh, exc, "-r", "GABA"), (inh, inh, "-r", "GABA")):
        net.synapses(pre, post, weight=w, tag=tag, delay_ms=0)
    net.noise(exc, 5, period_ms=1)
    net.noise(inh, 2, period_ms=1)
    return net, exc, inh


def test_python_network_equals_the_model_file_and_net2003(repo):
    net, exc, inh = net2003()
    ours = net.run(300, threads=2)
    theirs = izhsim.run_model(repo / "examples" / "models" / "net2003.yaml", duration_ms=300, threads=1)
    cmd = izhsim.net2003(duration=300, seed=1)
    for other in (theirs.spikes, cmd.spikes):
        np.testing.assert_array_equal(ours.spikes["t_ms"], other["t_ms"])
        np.testing.assert_array_equal(ours.spikes["i"], other["i"])
    assert len(ours.spikes["i"]) > 1000
    assert ours.info["seed"] == 1 and ours.info["scheme"] == "netm" and len(ours.info["model_sha256"]) == 64


def test_state_monitor_is_neurons_by_samples():
    net, exc, inh = net2003()
    st = net.state_monitor(exc, neurons=[0, 5, 7], variables=["v", "u"], every_ms=2)
    sp = net.spike_monitor(inh)
    run = net.run(100)
    rec = run[st]
    assert rec["v"].shape == (3, 50) and rec["u"].shape == (3, 50) and "I" not in rec
    np.testing.assert_array_equal(rec["t_ms"], np.arange(50) * 2.0)
    np.testing.assert_array_equal(rec["neurons"], [0, 5, 7])
    assert rec["v"].dtype == np.float64 and np.isfinite(rec["v"]).all()  # netm: v may overshoot 30 until the next step resets it
    inh_spikes = run[sp]
    assert (inh_spikes["i"] < 200).all()
    assert len(inh_spikes["i"]) == int(((run.spikes["i"] >= 800)).sum())


def test_report_is_called_between_blocks():
    net, _, _ = net2003()
    seen = []
    net.run(100, blocks=4, report=lambda t, total, spikes: seen.append((t, total, spikes)))
    assert [s[0] for s in seen] == [25.0, 50.0, 75.0, 100.0]
    assert all(s[1] == 100.0 for s in seen)
    assert [s[2] for s in seen] == sorted(s[2] for s in seen)


def test_numpy_per_neuron_values():
    net = izhsim.Network(seed=2)
    c = np.linspace(-65, -50, 10)
    g = net.group("g", 10, a=0.02, b=0.2, c=c, d=8)
    net.constant(g, np.full(10, 10.0))
    m = net.spike_monitor(g)
    run = net.run(200)
    assert len(run[m]["i"]) > 0
    with pytest.raises(izhsim.UsageError, match="1-D"):
        net.group("h", 4, c=np.zeros((2, 2)))


def test_bad_networks_are_usage_errors():
    net = izhsim.Network()
    with pytest.raises(izhsim.UsageError, match="no groups"):
        net.run(10)
    g = net.group("g", 10)
    with pytest.raises(izhsim.UsageError, match="unknown group 'x'"):
        net.noise("x", 5)
    with pytest.raises(izhsim.UsageError, match="already exists"):
        net.group("g", 3)
    net.group("h", 10, preset="NOPE")
    with pytest.raises(izhsim.UsageError, match="NOPE"):
        net.run(10)
    frac = izhsim.Network(dt=1)
    frac.group("g", 2)
    with pytest.raises(izhsim.UsageError, match="simulation.duration_ms"):
        frac.run(10.5)
