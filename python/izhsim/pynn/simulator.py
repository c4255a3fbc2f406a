"""The backend's state: the description PyNN builds, turned into an izhsim network and run in Java.

PyNN builds a network object by object; izhsim takes a whole network description and then runs
it (``org.izhsim.network``: NeuronGroup, SynapseGroup, Input, monitors -> Network -> Simulation).
So the populations, projections, current sources and recorders are kept here in Python (NumPy
arrays: parameters, connection lists with per-synapse weights and delays) and the Java network is
built at the first ``run``, in one bulk transfer per array (JPype copies a NumPy array into a Java
array in one call). ``reset`` closes the simulation; the next ``run`` builds it again from the
description, which restores the initial values, as PyNN's reset asks. Changes that need the
network rebuilt (parameters, connections, new recordings) are accepted before the first run and
after a reset, and raise NotImplementedError while a simulation is under way.

Why the Java API rather than a model-file dict: a projection's explicit connection list of 10^7
synapses passes as three arrays, not as JSON lists of numbers, and the equation text, current
sources and monitors need no schema of their own.
"""
from __future__ import annotations

import os

import numpy as np
from pyNN import common

from .._errors import translate

name = "izhsim"

#: engine delay = PyNN's delay in steps - DELAY_OFFSET. A target jump of engine delay d from a spike of step s
#: happens before the update of step s + 1 + d; Brian2's on_pre of delay D runs after the threshold of step s + D,
#: so before the update of step s + D + 1: d = D
DELAY_OFFSET = 0


class ID(int, common.IDMixin):
    def __init__(self, n):
        int.__init__(n)
        common.IDMixin.__init__(self)


def java_ints(a):
    import jpype

    return jpype.JArray(jpype.JInt)(np.ascontiguousarray(a, dtype=np.int32))


def java_doubles(a):
    import jpype

    return jpype.JArray(jpype.JDouble)(np.ascontiguousarray(a, dtype=np.float64))


def _under_mpirun() -> bool:
    """What org.izhsim.mpi.MpiEnvironment checks, without starting a JVM outside MPI."""
    return any(k in os.environ for k in ("OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "SLURM_STEP_NUM_TASKS"))


class State(common.control.BaseState):
    """``num_processes`` stays 1 for PyNN's own code even under mpirun: every rank holds the whole
    description (PyNN's gathering needs mpi4py and per-rank cell masks), while the Java simulation runs
    distributed over ``world`` and each run's recordings are gathered onto rank 0 (``ranks`` processes)."""

    def __init__(self):
        super().__init__()
        self.mpi_rank, self.num_processes, self.ranks, self.world = 0, 1, 1, None
        self.dt, self.min_delay, self.max_delay = 0.1, 0.1, 10.0
        self.threads, self.seed, self.scheme = os.cpu_count() or 1, 1, None
        self.sim = None
        self.populations, self.projections, self.current_sources = [], [], []
        self.clear()

    # -- PyNN's state interface ---------------------------------------------------------------

    @property
    def t(self) -> float:
        return 0.0 if self.sim is None else int(self.sim.step()) * self.dt

    def steps(self, ms: float, what: str) -> int:
        n = ms / self.dt
        k = int(round(n))
        if abs(n - k) > 1e-6 * max(1.0, abs(n)):
            raise ValueError(f"{what} {ms} ms is not a whole number of time steps of {self.dt} ms")
        return k

    def run(self, simtime: float):
        n = self.steps(simtime, "run time")
        if n < 0:
            raise ValueError(f"cannot run for a negative time ({simtime} ms)")
        if self.sim is None:
            self._build()
        self.running = True
        if n:
            self._call(self.sim.runSteps, n)
        if self.world is not None:
            for r in self._recorders():
                r._gather(self.world)  # collective: every rank runs, so every rank gathers here

    def join_mpi(self):
        """Under mpirun: this process's rank of the job (MPI is initialised once per process, finalised at exit)."""
        if self.world is not None or not _under_mpirun():
            return
        import atexit

        from .. import _jvm

        _jvm.start()
        from org.izhsim.mpi import MpiCommunicator

        self.world = self._call(MpiCommunicator.world)
        self.mpi_rank, self.ranks = int(self.world.rank()), int(self.world.size())
        atexit.register(self.world.close)

    def run_until(self, tstop: float):
        self.run(tstop - self.t)

    def clear(self):
        self._close()
        self.recorders = set()
        self.populations, self.projections, self.current_sources = [], [], []
        self.id_counter = 0
        self.segment_counter = -1
        self.reset()

    def reset(self):
        self._close()
        self.running = False
        self.t_start = 0
        self.segment_counter += 1

    # -- helpers for the other modules --------------------------------------------------------

    def require_unbuilt(self, what: str):
        if self.sim is not None:
            raise NotImplementedError(f"pyNN.izhsim: {what} while a simulation is under way needs the network rebuilt; "
                                      "do it before the first run() or after reset()")

    def _recorders(self):
        """The recorders in one order on every rank (a set's order is not: MPI collectives need it)."""
        return sorted(self.recorders, key=lambda r: int(r.population.first_id))

    def _call(self, f, *args):
        import jpype

        try:
            return f(*args)
        except jpype.JException as e:
            raise translate(e) from None

    def _close(self):
        if self.sim is not None:
            self.sim.close()
        self.sim = None

    def _scheme(self):
        from org.izhsim.integrate import Scheme

        if self.scheme is not None:
            return Scheme.valueOf(str(self.scheme).upper())
        # as Brian2 chooses for PyNN: forward Euler for the models not linear in the state (Izhikevich, the
        # conductance-based IF models); the current-based IF models are
        # linear, which Brian2 solves exactly and RK4 reproduces closely
        euler = any(getattr(p.celltype, "prefers_euler", False) for p in self.populations)
        return Scheme.EULER if euler else Scheme.RK4

    def _build(self):
        from .. import _jvm

        _jvm.start()
        import jpype
        from org.izhsim.network import Network, Simulation

        try:
            b = Network.builder().dt(float(self.dt)).scheme(self._scheme()).seed(int(self.seed))
            for k, p in enumerate(self.populations):
                p._java = p._build_java(f"p{k}")
                b.add(p._java)
            for p in self.populations:
                for inp in p._java_inputs():
                    b.add(inp)
            for k, prj in enumerate(self.projections):
                for sg in prj._build_java(f"prj{k}"):
                    b.add(sg)
            for r in self._recorders():
                for m in r._build_monitors():
                    b.add(m)
            net = b.build()
            sb = Simulation.builder(net).threads(int(self.threads))
            self.sim = (sb if self.world is None else sb.communicator(self.world)).build()
            for p in self.populations:
                if not p.celltype.source:
                    p._schedule(self.sim)
        except jpype.JException as e:
            raise translate(e) from None
        for r in self.recorders:
            r._offsets = {}


state = State()
