"""pyNN.izhsim against pyNN.brian2 in the same process: the calls of PyNN's example scripts.

Deterministic scenarios must give the same spikes (to the step) on both backends; traces agree
within the tolerance each test states; random connectors (same NumpyRNG seed) give the same
connection lists because both backends run PyNN's own connector code.
"""
import numpy as np
import pytest

pytest.importorskip("pyNN")


def spikes(block):
    return [np.asarray(st.magnitude) for st in block.segments[-1].spiketrains]


def signal(block, name):
    return np.asarray(block.segments[-1].filter(name=name)[0].magnitude)


def izhikevich_script(sim):
    """Izhikevich.py's calls: tonic current, spikes onto a view through a delta synapse, a DCSource into a view."""
    sim.setup(timestep=0.01, min_delay=1.0)
    neurons = sim.Population(3, sim.Izhikevich(a=0.02, b=0.2, c=-65, d=6, i_offset=[0.014, 0.0, 0.0]))
    source = sim.Population(1, sim.SpikeSourceArray(spike_times=np.arange(10.0, 51, 1)))
    sim.Projection(source, neurons[1:2], sim.OneToOneConnector(), sim.StaticSynapse(weight=3.0, delay=1.0),
                   receptor_type="excitatory")
    sim.DCSource(start=2.0, stop=92.0, amplitude=0.014).inject_into(neurons[2:3])
    neurons.record(["v", "u", "spikes"])
    neurons.initialize(v=-70.0, u=-14.0)
    sim.run(100.0)
    t = sim.get_current_time()
    data = neurons.get_data()
    sim.end()
    return t, data


def test_izhikevich_script_gives_brian2s_spikes_and_traces(pynn_izhsim, brian2):
    t_i, d_i = izhikevich_script(pynn_izhsim)
    t_b, d_b = izhikevich_script(brian2)
    assert t_i == pytest.approx(t_b) == 100.0
    for a, b in zip(spikes(d_i), spikes(d_b)):
        np.testing.assert_allclose(a, b, atol=1e-9)
    assert [len(s) for s in spikes(d_i)] == [6, 1, 5]
    for var in ("v", "u"):
        vi, vb = signal(d_i, var), signal(d_b, var)
        assert vi.shape == vb.shape == (10001, 3)
        # the same forward Euler, only the order of floating-point operations differs; but Brian2 records a
        # delta jump in the sample of the step it arrives in, izhsim in the next one (both integrate the
        # next step from the jumped v): one sample per arriving spike (41) differs, by the weight (3 mV)
        off = np.abs(vi - vb) > 1e-6
        assert off[:, [0, 2]].sum() == 0 and off[:, 1].sum() <= 41
        np.testing.assert_allclose(vi[~off], vb[~off], atol=1e-6)
        assert np.abs(vi - vb).max() <= 3.0 + 1e-6


def current_script(sim, celltype):
    """current_injection.py's sources (DC, step, AC) into one cell each, and a cell without."""
    sim.setup(timestep=0.1)
    cells = sim.Population(4, celltype(tau_refrac=2.0, i_offset=0.0))
    sim.DCSource(amplitude=1.0, start=20.0, stop=80.0).inject_into(cells[0:1])
    sim.StepCurrentSource(times=[50.0, 110.0, 150.0], amplitudes=[0.4, 1.2, -0.2]).inject_into(cells[1:2])
    sim.ACSource(start=50.0, stop=450.0, amplitude=0.5, offset=1.0, frequency=10.0, phase=180.0).inject_into(cells[2:3])
    cells.record(["v", "spikes"])
    sim.run(200.0)
    data = cells.get_data()
    sim.end()
    return data


@pytest.mark.parametrize("celltype", ["IF_curr_exp", "IF_cond_exp", "IF_curr_alpha", "IF_cond_alpha", "IF_curr_delta"])
def test_current_sources_on_if_cells_match_brian2(pynn_izhsim, brian2, celltype):
    d_i = current_script(pynn_izhsim, getattr(pynn_izhsim, celltype))
    d_b = current_script(brian2, getattr(brian2, celltype))
    si, sb = spikes(d_i), spikes(d_b)
    assert [len(s) for s in si] == [len(s) for s in sb]
    assert sum(len(s) for s in si) > 3  # the sources do make the cells fire
    for a, b in zip(si, sb):
        np.testing.assert_allclose(a, b, atol=0.1 + 1e-9)  # at most one step apart
    vi, vb = signal(d_i, "v"), signal(d_b, "v")
    assert vi.shape == vb.shape
    # Brian2 solves the linear membrane exactly with the injected current held over each step; izhsim's
    # RK4 also evaluates the current at t_k + dt/2 and t_k + dt, and a spike may fall one step apart:
    # away from such spikes (|dv| < 1 mV: 95 % of the samples) within 0.25 mV, on average within 0.02 mV
    quiet = np.abs(vi - vb) < 1.0
    assert quiet.mean() > 0.95
    np.testing.assert_allclose(vi[quiet], vb[quiet], atol=0.25)
    assert np.abs(vi[quiet] - vb[quiet]).mean() < 0.02


def connection_lists(sim, connector_factory, space=None):
    sim.setup(timestep=0.1)
    kw = {} if space is None else {"structure": space}
    pre = sim.Population(16, sim.IF_curr_exp(), **kw)
    post = sim.Population(9, sim.IF_curr_exp(), **kw)
    prj = sim.Projection(pre, post, connector_factory(sim), sim.StaticSynapse(weight=0.5, delay=1.5))
    out = sorted(prj.get(["weight", "delay"], format="list"))
    w = prj.get("weight", format="array")
    sim.end()
    return out, w


CONNECTORS = {
    "all_to_all": lambda s: s.AllToAllConnector(),
    "one_to_one": lambda s: s.OneToOneConnector(),
    "fixed_probability": lambda s: s.FixedProbabilityConnector(0.3, rng=s.NumpyRNG(seed=7)),
    "fixed_number_pre": lambda s: s.FixedNumberPreConnector(4, rng=s.NumpyRNG(seed=8)),
    "fixed_number_post": lambda s: s.FixedNumberPostConnector(3, rng=s.NumpyRNG(seed=9)),
    "distance": lambda s: s.DistanceDependentProbabilityConnector("exp(-d/3)", rng=s.NumpyRNG(seed=10)),
    "index_based": lambda s: s.IndexBasedProbabilityConnector(_IndexProb(), rng=s.NumpyRNG(seed=11)),
    "displacement": lambda s: s.DisplacementDependentProbabilityConnector(_displacement,
                                                                          rng=s.NumpyRNG(seed=12)),
    "array": lambda s: s.ArrayConnector(np.arange(144).reshape(16, 9) % 7 == 0),
}


def _displacement(d):
    return np.exp(-(d[0] ** 2 + 2 * d[1] ** 2) / 8)


def _IndexProb():
    from pyNN.connectors import IndexBasedExpression

    class IndexProb(IndexBasedExpression):
        def __call__(self, i, j):
            return ((i + j) % 3 == 0) * 0.8

    return IndexProb()


@pytest.mark.parametrize("name", sorted(CONNECTORS))
def test_connectors_give_brian2s_connection_lists(pynn_izhsim, brian2, name):
    from pyNN.space import Grid2D

    space = Grid2D(aspect_ratio=1.0, dx=1.0, dy=1.0) if name in ("distance", "displacement") else None
    li, wi = connection_lists(pynn_izhsim, CONNECTORS[name], space)
    lb, wb = connection_lists(brian2, CONNECTORS[name], space)
    assert len(li) == len(lb) > 0
    np.testing.assert_allclose(np.array(li), np.array(lb))
    np.testing.assert_allclose(wi, wb)  # NaN where no connection, sums over parallel synapses


def test_from_list_connector_keeps_parallel_synapses(pynn_izhsim):
    # (PyNN's Brian2 backend gives both synapses 3 -> 4 the last values: it sets them by (pre, post) pair)
    sim = pynn_izhsim
    sim.setup(timestep=0.1)
    a = sim.Population(5, sim.IF_curr_exp())
    conns = [(0, 1, 0.25, 2.0), (3, 4, 0.75, 0.5), (3, 4, 0.5, 1.0)]
    prj = sim.Projection(a, a, sim.FromListConnector(conns, column_names=["weight", "delay"]))
    assert sorted(prj.get(["weight", "delay"], format="list")) == sorted(conns)
    assert prj.get("weight", format="array")[3, 4] == 1.25 and len(prj) == 3
    sim.end()


def test_from_file_connector(pynn_izhsim, tmp_path):
    sim = pynn_izhsim
    f = tmp_path / "conn.txt"
    np.savetxt(f, [[0, 1, 0.5, 1.0], [2, 0, 0.25, 2.0]])
    sim.setup(timestep=0.1)
    a, b = sim.Population(3, sim.IF_curr_exp()), sim.Population(2, sim.IF_curr_exp())
    prj = sim.Projection(a, b, sim.FromFileConnector(str(f)))
    assert sorted(prj.get(["weight", "delay"], format="list")) == [(0, 1, 0.5, 1.0), (2, 0, 0.25, 2.0)]
    sim.end()


def test_assembly_and_views_address_the_right_cells(pynn_izhsim):
    from izhsim.pynn.projections import _address

    sim = pynn_izhsim
    sim.setup(timestep=0.1)
    p, q = sim.Population(4, sim.IF_curr_exp()), sim.Population(3, sim.Izhikevich())
    pops, which, index = _address(p[1:3] + q)
    assert pops == [p, q]
    assert which.tolist() == [0, 0, 1, 1, 1] and index.tolist() == [1, 2, 0, 1, 2]
    sim.end()


def test_reset_starts_a_new_segment_with_the_same_spikes(pynn_izhsim):
    sim = pynn_izhsim
    sim.setup(timestep=0.1)
    p = sim.Population(2, sim.Izhikevich(i_offset=[0.01, 0.02]))
    p.record("spikes")
    sim.run(50.0)
    sim.run_until(100.0)
    assert sim.get_current_time() == pytest.approx(100.0)
    first = [len(s) for s in p.get_data().segments[0].spiketrains]
    sim.reset()
    assert sim.get_current_time() == 0.0
    p.set(i_offset=[0.02, 0.01])  # allowed again once reset
    sim.run(100.0)
    data = p.get_data()
    assert len(data.segments) == 2
    second = [len(s) for s in data.segments[1].spiketrains]
    assert first == second[::-1] and first[1] > first[0] > 0
    assert sim.num_processes() == 1 and sim.rank() == 0
    sim.end()


def test_write_data_round_trips_through_neo(pynn_izhsim, tmp_path):
    from neo.io import PickleIO

    sim = pynn_izhsim
    sim.setup(timestep=0.1)
    p = sim.Population(2, sim.IF_cond_exp(i_offset=1.0))
    p.record(["v", "gsyn_exc", "spikes"])
    sim.run(50.0)
    path = tmp_path / "out.pkl"
    p.write_data(str(path))
    block = PickleIO(str(path)).read_block()
    assert len(block.segments[0].spiketrains) == 2
    assert block.segments[0].filter(name="v")[0].shape == (501, 2)
    assert np.all(block.segments[0].filter(name="gsyn_exc")[0].magnitude == 0)
    sim.end()


def test_bad_input_names_the_culprit(pynn_izhsim):
    from pyNN import errors

    sim = pynn_izhsim
    sim.setup(timestep=0.1)
    with pytest.raises(errors.InvalidParameterValueError, match="tau_m must be > 0, got -1"):
        sim.Population(2, sim.IF_curr_exp(tau_m=-1.0))
    p = sim.Population(2, sim.IF_curr_exp())
    with pytest.raises(errors.ConnectionError, match="delay 0.01 ms is less than one time step"):
        sim.Projection(p, p, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.1, delay=0.01))
    with pytest.raises(NotImplementedError, match="HH_cond_exp"):
        sim.HH_cond_exp()
    with pytest.raises(NotImplementedError, match="SpikePairRule"):
        sim.STDPMechanism()
    with pytest.raises(NotImplementedError, match="TsodyksMarkramSynapse"):
        sim.TsodyksMarkramSynapse()
    with pytest.raises(ValueError, match="sampling_interval=0.15.*whole number of time steps"):
        p.record("v", sampling_interval=0.15)
    with pytest.raises(NotImplementedError, match="start = 2.5 ms is not a multiple of its dt = 1.0 ms"):
        sim.NoisyCurrentSource(start=2.5, dt=1.0)
    with pytest.raises(errors.InvalidParameterValueError, match="strictly increasing"):
        sim.StepCurrentSource(times=[10.0, 5.0], amplitudes=[1.0, 2.0])
    with pytest.raises(ValueError, match="threads"):
        sim.setup(threads=0)
    sim.setup(timestep=0.1)
    q = sim.Population(1, sim.IF_curr_exp())
    sim.run(10.0)
    with pytest.raises(NotImplementedError, match="after reset"):
        q.set(tau_m=10.0)
    with pytest.raises(ValueError, match="not a whole number of time steps"):
        sim.run(0.05)
    sim.end()


def test_install_shim_text_makes_the_alias(tmp_path):
    from izhsim import pynn_install

    ns = {"__name__": "pyNN_izhsim_probe"}
    exec(pynn_install.SHIM, ns)
    import sys

    import izhsim.pynn

    assert sys.modules.pop("pyNN_izhsim_probe") is izhsim.pynn
    assert pynn_install.main(["--bogus"]) == 2


def synaptic_input_script(sim, celltype):
    """synaptic_input.py's calls: spike sources onto excitatory and inhibitory receptors, synaptic traces."""
    sim.setup(timestep=0.1, min_delay=0.1)
    cells = sim.Population(2, celltype(tau_syn_E=2.0, tau_syn_I=2.0, tau_refrac=1.0))
    exc = sim.Population(1, sim.SpikeSourceArray(spike_times=[5.0, 10.0, 10.5, 11.0, 40.0, 41.0, 42.0, 43.0]))
    inh = sim.Population(1, sim.SpikeSourceArray(spike_times=[20.0, 60.0]))
    w = 0.05 if celltype.conductance_based else 1.5
    sim.Projection(exc, cells, sim.AllToAllConnector(), sim.StaticSynapse(weight=w, delay=1.0), receptor_type="excitatory")
    sim.Projection(inh, cells[1:2], sim.AllToAllConnector(), sim.StaticSynapse(weight=w if celltype.conductance_based
                   else -w, delay=2.0), receptor_type="inhibitory")
    syn = ["gsyn_exc", "gsyn_inh"] if celltype.conductance_based else []
    cells.record(["v", "spikes"] + syn)
    sim.run(80.0)
    data = cells.get_data()
    sim.end()
    return data, syn


@pytest.mark.parametrize("celltype", ["IF_curr_exp", "IF_cond_exp", "IF_curr_alpha", "IF_cond_alpha"])
def test_synaptic_input_matches_brian2(pynn_izhsim, brian2, celltype):
    d_i, syn = synaptic_input_script(pynn_izhsim, getattr(pynn_izhsim, celltype))
    d_b, _ = synaptic_input_script(brian2, getattr(brian2, celltype))
    si, sb = spikes(d_i), spikes(d_b)
    assert [len(s) for s in si] == [len(s) for s in sb]
    for a, b in zip(si, sb):
        np.testing.assert_allclose(a, b, atol=0.1 + 1e-9)
    for var in ["v"] + syn:
        vi, vb = signal(d_i, var), signal(d_b, var)
        assert vi.shape == vb.shape and np.ptp(vb) > 0
        # jumps show one sample later in izhsim (see the Izhikevich test); elsewhere RK4 against exact
        scale = np.abs(vb).max()
        close = np.abs(vi - vb) <= 2e-3 * scale
        assert close.mean() > 0.97, (var, close.mean())


def random_network_script(sim, seed):
    """simpleRandomNetwork.py / small_network.py calls: Poisson drive, random connectivity and weights."""
    sim.setup(timestep=0.1, min_delay=0.1, seed=seed)
    rng = sim.NumpyRNG(seed=seed)
    drive = sim.Population(100, sim.SpikeSourcePoisson(rate=20.0))
    cells = sim.Population(50, sim.IF_curr_exp(tau_refrac=2.0), initial_values={"v": sim.RandomDistribution(
        "uniform", (-65.0, -55.0), rng=rng)})
    sim.Projection(drive, cells, sim.FixedProbabilityConnector(0.2, rng=rng),
                   sim.StaticSynapse(weight=sim.RandomDistribution("uniform", (0.5, 1.0), rng=rng), delay=1.0))
    sim.Projection(cells, cells, sim.FixedNumberPreConnector(5, rng=rng), sim.StaticSynapse(weight=-0.5, delay=2.0),
                   receptor_type="inhibitory")
    drive.record("spikes")
    cells.record("spikes")
    sim.run(1000.0)
    n_drive = sum(len(s) for s in drive.get_data().segments[0].spiketrains)
    n_cells = sum(len(s) for s in cells.get_data().segments[0].spiketrains)
    sim.end()
    return n_drive, n_cells


def test_random_network_statistics_match_brian2(pynn_izhsim, brian2):
    izh = [random_network_script(pynn_izhsim, s) for s in (1, 2)]
    b2 = random_network_script(brian2, 1)
    for n_drive, _ in izh:
        # 100 sources x 20 Hz x 1 s: Poisson count 2000, sd 45; 5 sd
        assert abs(n_drive - 2000) < 5 * 45
    assert izh[0] != izh[1]  # the seed changes izhsim's Poisson streams
    mean_cells = np.mean([n for _, n in izh])
    assert b2[1] > 0 and abs(mean_cells - b2[1]) < 0.25 * b2[1], (izh, b2)
