"""Recording: izhsim monitors made at the build from PyNN's record() calls, read back as NumPy arrays.

A state sample of step k holds the state after the update of step k (``StateMonitor``), i.e. the
state at t_(k+1); PyNN's signals start at t = 0, so the initial values lead, as PyNN's Brian2
backend does it: n steps give n + 1 samples. With ``sampling_interval`` = m·dt the monitor samples
after steps 0, m, 2m, … — what PyNN's Brian2 backend records (a StateMonitor of dt = m·dt in the
'end' slot) and labels t = 0, m·dt, 2m·dt, … after the initial value. ``get_data(clear=True)`` and reset() keep what was
read in Python's segments; the Java recording grows, and offsets say where the new part begins.
"""
from __future__ import annotations

import numpy as np
from pyNN import recording

from . import simulator


class Recorder(recording.Recorder):
    _simulator = simulator

    def __init__(self, population=None, file=None):
        super().__init__(population, file)
        self._monitors, self._offsets, self._gathered = {}, {}, {}

    def _record(self, variable, new_ids, sampling_interval=None):
        st = simulator.state
        st.require_unbuilt("record()")
        if sampling_interval is None:
            sampling_interval = getattr(self, "sampling_interval", None) or st.dt
        n = sampling_interval / st.dt
        if not (n >= 1 and abs(n - round(n)) <= 1e-9 * n):
            raise ValueError(f"record(sampling_interval={sampling_interval}): must be a whole number of time steps "
                             f"of {st.dt} ms")
        self.sampling_interval = round(n) * st.dt
        self._every = round(n)

    def _indices(self, variable):
        ids = np.array(sorted(self.recorded[variable]), dtype=int)
        return ids, np.asarray(self.population.id_to_index(ids), dtype=int).reshape(-1)

    def _build_monitors(self):
        """The Java monitors of this population's recordings (one per variable)."""
        from org.izhsim.network import SpikeMonitor, StateMonitor

        import jpype

        group = self.population._java
        self._monitors = {}
        for var in self.recorded:
            ids, idx = self._indices(var)
            if ids.size == 0:
                continue
            if var == "spikes":
                m = SpikeMonitor.of(group, simulator.java_ints(idx)).named(f"spikes:{group.name()}")
            else:
                jname = self.population.celltype.variables[var]
                m = StateMonitor.ofVariables(group, simulator.java_ints(idx), getattr(self, "_every", 1),
                                             jpype.JArray(jpype.JString)([jname])) \
                    .named(f"{var}:{group.name()}")
            self._monitors[var] = (m, ids)
        return [m for m, _ in self._monitors.values()]

    def _recording(self, var):
        st = simulator.state
        if st.sim is None or var not in self._monitors:
            return None
        if st.world is not None:
            return self._gathered.get(var)  # rank 0: every rank's part; the other ranks: nothing
        return st._call(st.sim.recording, self._monitors[var][0])

    def _gather(self, world):
        from org.izhsim.mpi import Gathered

        st = simulator.state
        self._gathered = {var: st._call(Gathered.any, world, st.sim.recording(m)) for var, (m, _) in
                          sorted(self._monitors.items())}

    def _get_spiketimes(self, requested_ids, clear=False):
        rec = self._recording("spikes")
        if rec is None:
            return np.zeros(0, dtype=int), np.zeros(0)
        steps = np.asarray(rec.steps(), dtype=np.int64)
        neurons = np.asarray(rec.neurons(), dtype=np.int64)
        start = self._offsets.get("spikes", 0)
        steps, neurons = steps[start:], neurons[start:]
        ids = np.asarray(self.population.all_cells, dtype=np.int64)[neurons]
        mask = np.isin(ids, np.asarray(requested_ids, dtype=np.int64))
        if clear:
            self._offsets["spikes"] = start + len(steps)
        return ids[mask], steps[mask] * simulator.state.dt

    def _get_all_signals(self, variable, ids, clear=False):
        rec = self._recording(variable)
        m_ids = self._monitors[variable][1] if variable in self._monitors else np.zeros(0, dtype=int)
        cols = np.searchsorted(m_ids, np.asarray(ids, dtype=int))
        if rec is None:
            values = np.zeros((0, len(ids)))
        else:
            jname = self.population.celltype.variables[variable]
            values = np.stack([np.asarray(rec.trace(jname, int(c))) for c in cols], axis=1) if len(cols) else \
                np.zeros((int(rec.samples()), 0))
        start = self._offsets.get(variable)
        if start is None:
            init = self.population._initial(variable)[self.population.id_to_index(np.asarray(ids, dtype=int))]
            values = np.vstack([init.reshape(1, -1), values])
        else:
            values = values[start:]
        if clear:
            # the last sample is the state at the clearing time, where the next segment starts
            self._offsets[variable] = (0 if rec is None else int(rec.samples())) - 1
        return values, None

    def _local_count(self, variable, filter_ids=None):
        ids = self.filter_recorded(variable, filter_ids)
        got, _ = self._get_spiketimes(sorted(ids))
        counts = dict.fromkeys((int(i) for i in ids), 0)
        for i, n in zip(*np.unique(got, return_counts=True)):
            counts[int(i)] = int(n)
        return counts

    def _clear_simulator(self):
        for var in list(self._monitors):
            rec = self._recording(var)
            if rec is None:
                continue
            self._offsets[var] = int(rec.count()) if var == "spikes" else int(rec.samples()) - 1

    def _reset(self):
        self._monitors, self._offsets, self._gathered = {}, {}, {}
