"""STDPMechanism on pyNN.izhsim against pyNN.brian2, in the spirit of PyNN's simple_STDP.py and stdp_network.py.

Tolerance of the learned weights: izhsim stores a weight as a float (relative rounding 6e-8 per
update), Brian2 as a double, and the traces decay by a product of per-step factors in izhsim and
by exp(-Δt/τ) from the last event in Brian2; over the few hundred updates of these runs that is
below 1e-6 of w_max. Spikes are compared exactly (to the step).
"""
import numpy as np
import pytest

pytest.importorskip("pyNN")

from test_pynn_backend import spikes  # noqa: E402


W_MAX = 0.1
T_POST = np.arange(100.0, 1000.0, 100.0)
OFFSETS = np.linspace(-50, 50, 11)  # post spike time - pre arrival time [ms]


def pairs_script(sim, dependence="Additive", rule=None, **stdp):
    """simple_STDP.py's idea: each pre cell pairs with the post spikes at its own time offset; the plastic
    weights are too small to move the post, which a strong static input makes fire at fixed times."""
    sim.setup(timestep=0.1, min_delay=0.1)
    pre = sim.Population(len(OFFSETS), sim.SpikeSourceArray(spike_times=[list(np.round(T_POST - d, 1))
                                                                          for d in OFFSETS]))
    drive = sim.Population(1, sim.SpikeSourceArray(spike_times=list(T_POST - 1.0)))
    post = sim.Population(1, sim.IF_curr_exp(tau_refrac=5.0))
    sim.Projection(drive, post, sim.AllToAllConnector(), sim.StaticSynapse(weight=5.0, delay=1.0))
    wd = getattr(sim, dependence + "WeightDependence")(w_min=0.0, w_max=W_MAX)
    rule = dict(dict(tau_plus=20.0, tau_minus=15.0, A_plus=0.1, A_minus=0.12), **(rule or {}))
    params = dict(timing_dependence=sim.SpikePairRule(**rule),
                  weight_dependence=wd, weight=0.05, delay=1.0, dendritic_delay_fraction=0)
    params.update(stdp)
    prj = sim.Projection(pre, post, sim.AllToAllConnector(), sim.STDPMechanism(**params))
    post.record("spikes")
    w0 = np.array(prj.get("weight", format="array")).ravel()
    sim.run(1000.0)
    w = np.array(prj.get("weight", format="array")).ravel()
    post_spikes = spikes(post.get_data())[0]
    sim.end()
    return w0, w, post_spikes


def test_pair_rule_learns_as_brian2(pynn_izhsim, brian2):
    sim = pynn_izhsim
    w0, w, post = pairs_script(sim)
    _, w_b2, post_b2 = pairs_script(brian2)
    np.testing.assert_allclose(post, post_b2, rtol=0, atol=1e-9)  # the same steps (times as floats)
    assert post.size >= len(T_POST)
    np.testing.assert_allclose(w, w_b2, rtol=0, atol=1e-6 * W_MAX)
    # the window's shape: potentiation where post follows the arrival, depression where it leads, both to the bounds
    # (lags within 40 ms: farther, the pre spike pairs with the neighbouring post spike as much, 100 ms apart)
    lag = OFFSETS + (post[0] - T_POST[0])
    ltp, ltd = (lag > 10) & (lag < 40), (lag < -10) & (lag > -40)
    assert ltp.sum() >= 2 and ltd.sum() >= 2
    assert (w[ltp] > w0[ltp]).all() and (w[ltd] < w0[ltd]).all()
    assert w.min() == 0.0 and w.max() == pytest.approx(W_MAX)


def replay(pre_times, post_times, w0, tau_plus=20.0, tau_minus=15.0, A_plus=0.1, A_minus=0.12):
    """PyNN's documented multiplicative rule, event by event: at an arrival w -= A_minus*(w - w_min)*M,
    at a post spike w += A_plus*(w_max - w)*P (arrivals before post spikes in one step)."""
    events = sorted([(t, 0) for t in pre_times] + [(t, 1) for t in post_times])
    w, P, M, last = w0, 0.0, 0.0, 0.0
    for t, post in events:
        P, M = P * np.exp(-(t - last) / tau_plus), M * np.exp(-(t - last) / tau_minus)
        last = t
        if post:
            M += 1.0
            w += A_plus * (W_MAX - w) * P
        else:
            P += 1.0
            w -= A_minus * w * M
    return w


def test_multiplicative_dependence_follows_pynn_definition(pynn_izhsim):
    """pyNN.brian2 0.10.1 runs its additive equations for every weight dependence, so the reference here is
    PyNN's documentation of MultiplicativeWeightDependence (as NEST's stdp_synapse, mu = 1) replayed in NumPy."""
    sim = pynn_izhsim
    w0, w, post = pairs_script(sim, "Multiplicative")
    for k, d in enumerate(OFFSETS):
        arrivals = np.round(T_POST - d + 1.0, 1)  # sent at T_POST - d, delay 1 ms
        assert w[k] == pytest.approx(replay(arrivals, post, w0[k]), abs=1e-6 * W_MAX), f"offset {d} ms"
    _, w_add, _ = pairs_script(sim, "Additive")
    assert np.abs(w - w_add).max() > 0.01 * W_MAX


def network_script(sim, a_plus=0.01):
    """stdp_network.py's shape: random input trains (fixed here, so that the run is deterministic) through
    plastic synapses of random weights and delays onto cells they drive."""
    sim.setup(timestep=0.1, min_delay=0.1)
    rng = np.random.default_rng(3)
    trains = [list(np.unique(np.round(rng.uniform(1, 1000, rng.poisson(15)), 1))) for _ in range(40)]
    inputs = sim.Population(40, sim.SpikeSourceArray(spike_times=trains))
    cells = sim.Population(5, sim.IF_curr_exp(tau_refrac=2.0, i_offset=0.5))
    stdp = sim.STDPMechanism(
        timing_dependence=sim.SpikePairRule(tau_plus=20.0, tau_minus=20.0, A_plus=a_plus, A_minus=1.05 * a_plus),
        weight_dependence=sim.AdditiveWeightDependence(w_min=0.0, w_max=2.0),
        weight=sim.RandomDistribution("uniform", (0.5, 1.5), rng=sim.NumpyRNG(seed=5)),
        delay=sim.RandomDistribution("uniform", (0.5, 3.0), rng=sim.NumpyRNG(seed=6)), dendritic_delay_fraction=0)
    prj = sim.Projection(inputs, cells, sim.FixedProbabilityConnector(0.5, rng=sim.NumpyRNG(seed=7)), stdp)
    cells.record("spikes")
    sim.run(1000.0)
    w = np.array(prj.get(["weight", "delay"], format="list"))
    out = spikes(cells.get_data())
    sim.end()
    return w, out


def test_learning_network_spikes_and_weights_as_brian2(pynn_izhsim, brian2):
    sim = pynn_izhsim
    w, out = network_script(sim)
    w_b2, out_b2 = network_script(brian2)
    assert [len(s) for s in out] == [len(s) for s in out_b2]
    for a, b in zip(out, out_b2):
        np.testing.assert_allclose(a, b, atol=1e-9)
    np.testing.assert_array_equal(w[:, :2], w_b2[:, :2])
    np.testing.assert_allclose(w[:, 2], w_b2[:, 2], rtol=0, atol=1e-6 * 2.0)
    _, static = network_script(sim, a_plus=0.0)
    assert sum(map(len, out)) != sum(map(len, static)), "the learned weights change the spikes"


def test_zero_learning_rates_run_as_static_synapses(pynn_izhsim):
    sim = pynn_izhsim
    w0, w, post = pairs_script(sim, rule=dict(A_plus=0.0, A_minus=0.0))
    np.testing.assert_array_equal(w, w0.astype(np.float32))  # as stored: a float
    sim.setup(timestep=0.1, min_delay=0.1)


@pytest.mark.parametrize("change, culprit", [
    (dict(dendritic_delay_fraction=1.0), "dendritic_delay_fraction"),
    (dict(weight=0.5), "outside [0, w_max"),
])
def test_what_the_rule_cannot_express_is_refused_by_name(pynn_izhsim, change, culprit):
    sim = pynn_izhsim
    with pytest.raises(NotImplementedError, match=culprit.replace("[", r"\[")):
        pairs_script(sim, **change)


def test_w_min_other_than_zero_is_refused(pynn_izhsim):
    sim = pynn_izhsim
    sim.setup(timestep=0.1)
    a, b = sim.Population(1, sim.SpikeSourceArray(spike_times=[1.0])), sim.Population(1, sim.IF_curr_exp())
    stdp = sim.STDPMechanism(timing_dependence=sim.SpikePairRule(),
                             weight_dependence=sim.AdditiveWeightDependence(w_min=0.01, w_max=1.0),
                             weight=0.5, dendritic_delay_fraction=0)
    sim.Projection(a, b, sim.AllToAllConnector(), stdp)
    with pytest.raises(NotImplementedError, match="w_min"):
        sim.run(1.0)
    sim.end()
