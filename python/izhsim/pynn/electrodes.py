"""PyNN's current sources as expressions of t, compiled into the equations of the cells they feed.

izhsim's time-dependent input drives a whole group with one function; PyNN injects into any set
of cells. So each source becomes a term ``cs_K*(f(t))`` of the cells' ``i_inj`` sub-expression,
with a per-neuron parameter ``cs_K`` that is 1 on the cells it was injected into and 0 elsewhere:
the current is evaluated in Java inside the compiled kernel, with no Python per step.

Timing follows PyNN's Brian2 backend, which switches a source at the first step whose t is within
dt/2 of the switching time, before that step's update: a current that starts at ``start`` is on
for the steps with t_k >= start - dt/2. NoisyCurrentSource becomes izhsim's Gaussian noise input
(redrawn every ``dt`` of the source, from t = 0 on) whose σ is 0 before ``start`` and set at
``start`` and back to 0 at ``stop`` by scheduled parameter changes; its mean is a window term as
above. Brian2 draws at start + i*dt, so start and stop must lie on the noise's redraw grid.
"""
from __future__ import annotations

import numpy as np
from pyNN import errors
from pyNN.parameters import ParameterSpace, Sequence
from pyNN.standardmodels import StandardCurrentSource, build_translations, electrodes

from . import simulator


def _num(x) -> str:
    x = float(x)
    if not np.isfinite(x):
        raise ValueError(f"current source value {x} is not finite")
    return repr(x)


class _Source(StandardCurrentSource):
    """Keeps its parameters and the cells it was injected into; the network is built from both."""

    def __init__(self, **parameters):
        super(StandardCurrentSource, self).__init__(**parameters)
        self.cell_list = []
        self._native = {}
        ps = ParameterSpace(self.default_parameters, self.get_schema(), shape=(1,))
        ps.update(**parameters)
        self.set_native_parameters(self.translate(ps))
        simulator.state.current_sources.append(self)

    def set_native_parameters(self, parameters):
        simulator.state.require_unbuilt(f"changing the parameters of a {type(self).__name__}")
        parameters.evaluate(simplify=True)
        for name, value in parameters.items():
            self._native[name] = value.value if isinstance(value, Sequence) else value
        self._check()

    def get_native_parameters(self):
        return ParameterSpace({k: (Sequence(v) if isinstance(v, np.ndarray) else v) for k, v in self._native.items()},
                              self.get_schema(), shape=(1,))

    def _check(self):
        pass

    def inject_into(self, cells):
        simulator.state.require_unbuilt(f"injecting a {type(self).__name__}")
        for cell in cells:
            if not cell.celltype.injectable:
                raise TypeError(f"cannot inject current into a spike source ({type(cell.celltype).__name__})")
        self.cell_list.extend(cells)

    def _get_data(self):
        dt = simulator.state.dt
        t = np.arange(int(round(simulator.state.t / dt)) + 1) * dt
        return t, np.array([self.value_at(tk, dt) for tk in t])

    # -- what the engine gets ---------------------------------------------------------------

    def expression(self, dt: float) -> str:
        """The current [nA] as an izhsim expression of t [ms]."""
        raise NotImplementedError

    def value_at(self, t: float, dt: float) -> float:
        """The same current evaluated in Python (for ``get_data``)."""
        raise NotImplementedError

    def noise(self):
        """(sigma [nA], period [ms]) of a noise part, or None."""
        return None


def _window(start, stop, dt):
    return f"int(t/ms >= {_num(start - dt / 2)} and t/ms < {_num(stop - dt / 2)})"


class DCSource(_Source, electrodes.DCSource):
    __doc__ = electrodes.DCSource.__doc__
    translations = build_translations(("amplitude", "amplitude"), ("start", "start"), ("stop", "stop"))

    def expression(self, dt):
        p = self._native
        return f"{_num(p['amplitude'])}*{_window(p['start'], p['stop'], dt)}"

    def value_at(self, t, dt):
        p = self._native
        return p["amplitude"] if p["start"] - dt / 2 <= t < p["stop"] - dt / 2 else 0.0


class StepCurrentSource(_Source, electrodes.StepCurrentSource):
    __doc__ = electrodes.StepCurrentSource.__doc__
    translations = build_translations(("amplitudes", "amplitudes"), ("times", "times"))

    def _check(self):
        t, a = np.asarray(self._native["times"], float), np.asarray(self._native["amplitudes"], float)
        if t.shape != a.shape:
            raise errors.InvalidParameterValueError(
                f"StepCurrentSource: {t.size} times but {a.size} amplitudes; give one amplitude per time")
        if (t < 0).any():
            raise errors.InvalidParameterValueError(f"StepCurrentSource: negative time {t[t < 0][0]} ms")
        if (np.diff(t) <= 0).any():
            raise errors.InvalidParameterValueError("StepCurrentSource: times must be strictly increasing")

    def _steps(self, dt):
        t = np.rint(np.asarray(self._native["times"], float) / dt) * dt
        a = np.asarray(self._native["amplitudes"], float)
        keep = np.append(t[1:] != t[:-1], True)  # two times in one step: the later amplitude wins, as Brian2's
        return t[keep], a[keep]

    def expression(self, dt):
        t, a = self._steps(dt)
        if t.size == 0:
            return "0"
        jumps = np.diff(np.concatenate(([0.0], a)))
        return "(" + " + ".join(f"{_num(j)}*int(t/ms >= {_num(tk - dt / 2)})" for tk, j in zip(t, jumps)) + ")"

    def value_at(self, t, dt):
        ts, a = self._steps(dt)
        on = np.nonzero(ts - dt / 2 <= t)[0]
        return float(a[on[-1]]) if on.size else 0.0


class ACSource(_Source, electrodes.ACSource):
    __doc__ = electrodes.ACSource.__doc__
    translations = build_translations(*[(n, n) for n in electrodes.ACSource.default_parameters])

    def expression(self, dt):
        p = self._native
        # on for t in [start, stop] inclusive, as Brian2's backend computes it at each step of that range
        w = f"int(t/ms >= {_num(p['start'] - dt / 2)} and t/ms < {_num(p['stop'] + dt / 2)})"
        return (f"{w}*({_num(p['offset'])} + {_num(p['amplitude'])}*sin(2*pi*{_num(p['frequency'] / 1000.0)}*"
                f"(t/ms - {_num(p['start'])}) + {_num(2 * np.pi * p['phase'] / 360.0)}))")

    def value_at(self, t, dt):
        p = self._native
        if not (p["start"] - dt / 2 <= t < p["stop"] + dt / 2):
            return 0.0
        return p["offset"] + p["amplitude"] * np.sin(2 * np.pi * p["frequency"] / 1000 * (t - p["start"])
                                                     + 2 * np.pi * p["phase"] / 360)


class NoisyCurrentSource(_Source, electrodes.NoisyCurrentSource):
    __doc__ = electrodes.NoisyCurrentSource.__doc__
    translations = build_translations(*[(n, n) for n in electrodes.NoisyCurrentSource.default_parameters])

    def _check(self):
        p = self._native
        if p["stdev"] < 0:
            raise errors.InvalidParameterValueError(f"NoisyCurrentSource: stdev must be >= 0, got {p['stdev']}")
        if not p["dt"] > 0:
            raise errors.InvalidParameterValueError(f"NoisyCurrentSource: dt must be > 0, got {p['dt']}")
        if p["stop"] < p["start"]:
            raise errors.InvalidParameterValueError(f"NoisyCurrentSource: stop {p['stop']} ms is before start "
                                                    f"{p['start']} ms")
        for name in ("start", "stop"):
            k = p[name] / p["dt"]
            if np.isfinite(k) and abs(k - round(k)) > 1e-9 * max(1.0, abs(k)):
                raise NotImplementedError(f"pyNN.izhsim: NoisyCurrentSource {name} = {p[name]} ms is not a multiple of "
                                          f"its dt = {p['dt']} ms: izhsim redraws the noise every dt from t = 0")

    def expression(self, dt):
        p = self._native
        return f"{_num(p['mean'])}*{_window(p['start'], min(p['stop'], 1e15), dt)}"

    def value_at(self, t, dt):
        return float("nan")  # the drawn values live in Java

    def noise(self):
        return float(self._native["stdev"]), float(self._native["dt"])

    def noise_window(self, dt):
        """(start step, stop step or None) of the noise: σ is switched on and off by scheduled changes."""
        p = self._native
        stop = p["stop"] / dt
        return int(round(p["start"] / dt)), (int(round(stop)) if stop < 1e15 else None)
