"""Populations, views and assemblies: PyNN's own classes, parameters kept as NumPy arrays until the build."""
from __future__ import annotations

import numpy as np
from pyNN import common, errors
from pyNN.parameters import ParameterSpace, simplify
from pyNN.standardmodels import StandardCellType

from . import simulator
from .recording import Recorder

#: parameters that must be > 0 (or >= 0) for the model to make sense; checked where they enter
_POSITIVE = ("tau_m", "cm", "tau_syn_E", "tau_syn_I")
_NON_NEGATIVE = ("tau_refrac", "rate", "duration")


def _check(celltype, values: dict):
    for name, v in values.items():
        a = np.asarray(v.value if hasattr(v, "value") and not isinstance(v, np.ndarray) else v)
        if a.dtype == object or not np.issubdtype(a.dtype, np.number):
            continue
        bad = ~np.isfinite(a) if name not in ("stop", "duration") else np.isnan(a)
        if name in _POSITIVE:
            bad |= ~(a > 0)
        elif name in _NON_NEGATIVE:
            bad |= ~(a >= 0)
        if bad.any():
            i = int(np.flatnonzero(np.atleast_1d(bad))[0])
            rule = "> 0" if name in _POSITIVE else ">= 0" if name in _NON_NEGATIVE else "finite"
            raise errors.InvalidParameterValueError(
                f"{type(celltype).__name__}: parameter {name} must be {rule}, got {np.atleast_1d(a)[i]} (cell {i})")


def _checked_values(celltype, parameter_space) -> dict:
    simulator.state.require_unbuilt("setting parameters")
    parameter_space.evaluate(simplify=False)
    values = dict(parameter_space.items())
    _check(celltype, values)
    return values


class Assembly(common.Assembly):
    _simulator = simulator


class PopulationView(common.PopulationView):
    _assembly_class = Assembly
    _simulator = simulator

    def _get_parameters(self, *names):
        return ParameterSpace({n: simplify(self.parent._parameters[n][self.mask]) for n in names}, shape=(self.size,))

    def _set_parameters(self, parameter_space):
        for name, value in _checked_values(self.celltype, parameter_space).items():
            self.parent._parameters[name][self.mask] = value

    def _set_initial_value_array(self, variable, initial_values):
        simulator.state.require_unbuilt("initialize()")

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)


class Population(common.Population):
    __doc__ = common.Population.__doc__
    _simulator = simulator
    _recorder_class = Recorder
    _assembly_class = Assembly

    def _create_cells(self):
        st = simulator.state
        st.require_unbuilt("creating a Population")
        self.all_cells = np.array([simulator.ID(i) for i in range(st.id_counter, st.id_counter + self.size)],
                                  dtype=simulator.ID)
        self._mask_local = np.ones((self.size,), bool)
        ps = self.celltype.native_parameters if isinstance(self.celltype, StandardCellType) else None
        if ps is None or not hasattr(self.celltype, "equations"):
            raise NotImplementedError(f"pyNN.izhsim runs its standard cell types only, not {type(self.celltype).__name__}")
        ps.shape = (self.size,)
        ps.evaluate(simplify=False)
        self._parameters = ps.as_dict()
        _check(self.celltype, self._parameters)
        for id in self.all_cells:
            id.parent = self
        st.id_counter += self.size
        st.populations.append(self)
        self._java = None

    def _set_initial_value_array(self, variable, value):
        simulator.state.require_unbuilt("initialize()")

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)

    def _get_parameters(self, *names):
        return ParameterSpace({n: simplify(self._parameters[n]) for n in names}, shape=(self.local_size,))

    def _set_parameters(self, parameter_space):
        for name, value in _checked_values(self.celltype, parameter_space).items():
            self._parameters[name] = np.array(value, dtype=float) if not isinstance(value, np.ndarray) else value

    # -- the Java group ------------------------------------------------------------------------

    def _initial(self, variable) -> np.ndarray:
        return np.asarray(self.initial_values[variable].evaluate(simplify=False), dtype=float).reshape(self.size)

    def _sources(self):
        """The current sources injected into this population, each with its 0/1 mask over the cells."""
        out = []
        for s in simulator.state.current_sources:
            mine = [c for c in s.cell_list if c.parent is self]
            if mine:
                mask = np.zeros(self.size)
                mask[self.id_to_index(np.array(mine, dtype=int))] = 1.0
                out.append((s, mask))
        return out

    def _build_java(self, name):
        from org.izhsim.codegen import KernelCompiler
        from org.izhsim.equations import EquationModel
        from org.izhsim.network import NeuronGroup, PerNeuron

        ct = self.celltype
        if ct.source:
            return ct.java_group(name, self)
        dt = simulator.state.dt
        params = {k: np.asarray(v, dtype=float) for k, v in self._parameters.items()}
        refractory = 0.0
        if "tau_refrac" in params:
            tr = params.pop("tau_refrac")
            if tr.min() != tr.max():
                raise NotImplementedError(f"pyNN.izhsim: a refractory period that differs between the cells of "
                                          f"population {self.label!r}; izhsim's equation models have one per population")
            refractory = float(tr[0])
        sources = self._sources()
        inj = " + ".join(f"cs{k}*({s.expression(dt)})" for k, (s, _) in enumerate(sources)) or "0"
        extra = [f"cs{k}" for k in range(len(sources))]
        text = ct.equations(refractory, inj, extra)
        model = EquationModel.parse(text, f"PyNN {type(ct).__name__} population {self.label!r}")
        b = NeuronGroup.builder(name, self.size).equations(model, KernelCompiler.INSTANCE)
        for k, (_, mask) in enumerate(sources):
            params[f"cs{k}"] = mask
        for var, jname in ct.variables.items():
            if var in self.initial_values:
                params[jname] = self._initial(var)
        for k, v in params.items():
            b.set(k, PerNeuron.array(simulator.java_doubles(v)))
        self._noise = [(s, mask) for s, mask in sources if s.noise() is not None]
        return b.build()

    def _java_inputs(self):
        from org.izhsim.network import Input, ParameterChange, PerNeuron

        out, self._noise_changes = [], []
        dt = simulator.state.dt
        for k, (s, mask) in enumerate(getattr(self, "_noise", [])):
            sigma, period = s.noise()
            start, stop = s.noise_window(dt)
            name = f"noise{k}:{self._java.name()}"
            on = PerNeuron.array(simulator.java_doubles(sigma * mask))
            out.append(Input.noise(self._java, on if start == 0 else PerNeuron.constant(0.0), float(period)).named(name))
            if start > 0:
                self._noise_changes.append((start, ParameterChange.noiseSigma(name, on)))
            if stop is not None:
                self._noise_changes.append((stop, ParameterChange.noiseSigma(name, PerNeuron.constant(0.0))))
        return out

    def _schedule(self, sim):
        """Queues the noise switching of this population's sources on a new simulation."""
        for step, change in getattr(self, "_noise_changes", []):
            sim.schedule(step, change)
