"""PyNN backend on izhsim: ``import pyNN.izhsim as sim`` (after ``python -m izhsim.pynn_install``,
or ``izhsim.pynn`` directly). PyNN's own Population, Projection, connectors, space and recording
machinery on top of a network built and run in Java; see docs/python.md, "PyNN backend"."""
import logging

from pyNN import common, space  # noqa: F401
from pyNN.common.control import DEFAULT_MAX_DELAY, DEFAULT_MIN_DELAY, DEFAULT_TIMESTEP
from pyNN.connectors import *  # noqa: F401,F403
from pyNN.random import NativeRNG, NumpyRNG, RandomDistribution  # noqa: F401
from pyNN.recording import get_io
from pyNN.space import Grid2D, Grid3D, Line, RandomStructure, Space  # noqa: F401
from pyNN.standardmodels import StandardCellType

from . import simulator
from .cells import *  # noqa: F401,F403
from .electrodes import ACSource, DCSource, NoisyCurrentSource, StepCurrentSource  # noqa: F401
from .populations import Assembly, Population, PopulationView  # noqa: F401
from .projections import Projection  # noqa: F401
from .synapses import *  # noqa: F401,F403

logger = logging.getLogger("PyNN")


def list_standard_models():
    """The StandardCellType classes this backend runs."""
    from .cells import STANDARD, SpikeSourceArray, SpikeSourcePoisson

    return [c.__name__ for c in STANDARD + (SpikeSourceArray, SpikeSourcePoisson)]


def setup(timestep=DEFAULT_TIMESTEP, min_delay=DEFAULT_MIN_DELAY, **extra_params):
    """Starts a new network. izhsim's own options: ``threads`` (worker threads, spikes do not depend
    on them), ``seed`` or ``rng_seeds_seed`` (izhsim's random streams: Poisson sources, noise),
    ``scheme`` (euler, rk4; default euler with Izhikevich cells, else rk4)."""
    if min_delay == "auto":
        min_delay = timestep
    max_delay = extra_params.get("max_delay", DEFAULT_MAX_DELAY)
    max_delay = 1e12 if max_delay == "auto" else max_delay
    threads = extra_params.get("threads", simulator.state.threads)
    if not isinstance(threads, int) or isinstance(threads, bool) or threads < 1:
        raise ValueError(f"setup(threads=...) must be a whole number >= 1, got {threads!r}")
    seed = extra_params.get("seed", extra_params.get("rng_seeds_seed", 1))
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ValueError(f"setup(seed=...) must be an integer, got {seed!r}")
    scheme = extra_params.get("scheme")
    if scheme is not None and str(scheme).lower() not in ("euler", "rk4"):
        raise ValueError(f"setup(scheme={scheme!r}): izhsim's equation models run euler or rk4")
    if not (timestep > 0):
        raise ValueError(f"setup(timestep={timestep!r}) must be > 0 ms")
    common.setup(timestep, min_delay, **extra_params)
    simulator.state.clear()
    simulator.state.join_mpi()
    st = simulator.state
    st.dt, st.min_delay, st.max_delay = float(timestep), float(min_delay), float(max_delay)
    st.threads, st.seed, st.scheme = threads, seed, scheme
    return rank()


def end(compatible_output=True):
    """Writes what was asked with write_on_end and closes the simulation."""
    for population, variables, filename in simulator.state.write_on_end:
        population.write_data(get_io(filename), variables)
    simulator.state.write_on_end = []
    simulator.state._close()


run, run_until = common.build_run(simulator)
run_for = run
reset = common.build_reset(simulator)
initialize = common.initialize
get_current_time, get_time_step, get_min_delay, get_max_delay, _one_process, rank = \
    common.build_state_queries(simulator)


def num_processes():
    """The MPI processes the Java simulation runs on (1 outside mpirun); see docs/python.md, "MPI"."""
    return simulator.state.ranks
create = common.build_create(Population)
connect = common.build_connect(Projection, FixedProbabilityConnector, StaticSynapse)  # noqa: F405
record = common.build_record(simulator)


def record_v(source, filename):
    return record(["v"], source, filename)


def record_gsyn(source, filename):
    return record(["gsyn_exc", "gsyn_inh"], source, filename)
