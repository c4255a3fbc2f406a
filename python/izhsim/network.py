"""Networks built in Python, run in Java at full speed, results as NumPy arrays.

A :class:`Network` is a builder of a model file (the schema of ``docs/model-files.md``: every key,
default and check is the model file's), so what runs from Python is exactly what
``izhsim run FILE`` runs. :func:`run_model` runs a model file or a dict in that schema in this
process. Python is called back only between blocks of steps (``report=``), never per step.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np

from . import _jvm
from ._errors import UsageError, translate

_DICT = "(python dict).yaml"  # the name a dict is parsed under (equation paths resolve from the current directory)


def _value(x):
    """A per-neuron value for the model file: a number, an expression text, or one number per neuron."""
    if isinstance(x, np.ndarray):
        if x.ndim != 1:
            raise UsageError(f"per-neuron values must be a 1-D array, got shape {x.shape}")
        if not np.issubdtype(x.dtype, np.number):
            raise UsageError(f"per-neuron values must be numbers, got dtype {x.dtype}")
        return [float(v) for v in x]
    if isinstance(x, (list, tuple)):
        return [float(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        raise UsageError(f"a per-neuron value must be a number, an expression or an array, not {x!r}")
    if isinstance(x, (int, float, np.integer, np.floating)):
        return float(x)
    if isinstance(x, str):
        return x
    raise UsageError(f"a per-neuron value must be a number, an expression or an array, not {type(x).__name__}")


class Group:
    """A neuron group of a :class:`Network` (pass it where a group is wanted)."""

    def __init__(self, name: str, size: int):
        self.name, self.size = name, size

    def __repr__(self):
        return f"Group({self.name!r}, {self.size})"


class Monitor:
    """A recording asked for; ``run[monitor]`` is its data."""

    def __init__(self, name: str, kind: str):
        self.name, self.kind = name, kind

    def __repr__(self):
        return f"Monitor({self.name!r}, {self.kind})"


class Network:
    """A network described in Python: groups, synapses, inputs, monitors (Brian2's objects by other names).

    >>> net = Network(dt=1, scheme="netm", seed=1)
    >>> exc = net.group("exc", 800, a=0.02, b=0.2, c="-65+15*r**2", d="8-6*r**2")
    >>> net.synapses(exc, exc, weight="0.5*r")
    >>> net.noise(exc, sigma=5)
    >>> run = net.run(1000)            # ms
    >>> run.spikes["t_ms"], run.spikes["i"]
    """

    def __init__(self, dt: float = 1.0, scheme: str = "netm", seed: int = 1, pulse_ms: float | None = None,
                 name: str | None = None, description: str | None = None):
        self._sim = {"dt_ms": float(dt), "scheme": scheme, "seed": int(seed)}
        if pulse_ms is not None:
            self._sim["pulse_ms"] = float(pulse_ms)
        self._top = {k: v for k, v in (("name", name), ("description", description)) if v is not None}
        self._groups, self._synapses, self._inputs, self._monitors = {}, [], [], []

    # -- description ----------------------------------------------------------------------------

    def group(self, name: str, size: int, *, model=None, preset: str | None = None, equations: str | None = None,
              params: dict | None = None, initial: dict | None = None, **more_params) -> Group:
        """A group of ``size`` neurons: a built-in ``model`` (izh2003 …) or ``preset`` (RS, FS, A…T),
        or ``equations`` (Brian2-style text of several lines, or an .eqs path). Parameters are
        numbers, expressions of r (``"-65+15*r**2"``) or arrays of one value per neuron."""
        if name in self._groups:
            raise UsageError(f"group {name!r} already exists; groups: {', '.join(self._groups)}")
        if not isinstance(size, (int, np.integer)) or isinstance(size, bool) or size < 1:
            raise UsageError(f"group {name!r}: size must be a whole number >= 1, got {size!r}")
        g = {"size": int(size)}
        if equations is not None:
            if model is not None:
                raise UsageError(f"group {name!r}: give model or equations, not both")
            g["model"] = {"equations": str(equations)}
        elif model is not None:
            g["model"] = model
        if preset is not None:
            g["preset"] = preset
        p = dict(params or {})
        p.update(more_params)
        if p:
            g["params"] = {k: _value(v) for k, v in p.items()}
        if initial:
            g["initial"] = {k: _value(v) for k, v in initial.items()}
        self._groups[name] = g
        return Group(name, int(size))

    def synapses(self, pre: Group, post: Group, *, weight=0.0, connectivity: str = "all_to_all", p: float | None = None,
                 k: int | None = None, delay_ms=None, tag: str | None = None, name: str | None = None,
                 storage: str | None = None):
        """Synapses pre → post: ``connectivity`` all_to_all, one_to_one, probability (``p``) or
        fixed_indegree (``k``); ``weight`` a number or an expression of r; ``delay_ms`` a number or [lo, hi]."""
        conn = {"rule": connectivity}
        if p is not None:
            conn["p"] = float(p)
        if k is not None:
            conn["k"] = int(k)
        s = {"from": self._ref(pre), "to": self._ref(post), "connectivity": conn,
             "weight": weight if isinstance(weight, str) else float(weight)}
        for key, v in (("name", name), ("tag", tag), ("storage", storage)):
            if v is not None:
                s[key] = v
        if delay_ms is not None:
            s["delay_ms"] = [float(d) for d in delay_ms] if isinstance(delay_ms, (list, tuple)) else float(delay_ms)
        self._synapses.append(s)

    def noise(self, group: Group, sigma, period_ms: float | None = None, name: str | None = None):
        """Gaussian noise σ·N(0,1) on every neuron, redrawn every ``period_ms`` (default dt)."""
        d = {"type": "noise", "group": self._ref(group), "sigma": _value(sigma)}
        if period_ms is not None:
            d["period_ms"] = float(period_ms)
        self._input(d, name)

    def constant(self, group: Group, amplitude, name: str | None = None):
        """A constant current (per-neuron value)."""
        self._input({"type": "constant", "group": self._ref(group), "amplitude": _value(amplitude)}, name)

    def current(self, group: Group, expression: str, name: str | None = None):
        """A current of t [ms] for every neuron, e.g. ``"int(t>100*ms)*10"``."""
        self._input({"type": "current", "group": self._ref(group), "expression": str(expression)}, name)

    def poisson(self, group: Group, sources: int, rate_hz: float, weight: float, name: str | None = None):
        """``sources`` independent Poisson trains per neuron at ``rate_hz``, each event a pulse of ``weight``."""
        self._input({"type": "poisson", "group": self._ref(group), "sources": int(sources), "rate_hz": float(rate_hz),
                     "weight": float(weight)}, name)

    def spike_monitor(self, group: Group | None = None, neurons=None, name: str | None = None) -> Monitor:
        """Spikes of a group (or all neurons); ``run[m]`` has ``t_ms`` and ``i`` (index in the group)."""
        d = {"type": "spikes"}
        if group is not None:
            d["group"] = self._ref(group)
        if neurons is not None:
            d["neurons"] = [int(n) for n in neurons]
        return self._monitor(d, name or f"spikes_{len(self._monitors)}")

    def state_monitor(self, group: Group, neurons=(0,), variables=("v", "u", "I"), every_ms: float | None = None,
                      name: str | None = None) -> Monitor:
        """States of chosen neurons; ``run[m]["v"]`` has shape [neurons × samples] (as Brian2's ``StateMonitor.v``)."""
        d = {"type": "state", "group": self._ref(group), "neurons": [int(n) for n in neurons],
             "variables": list(variables)}
        if every_ms is not None:
            d["every_ms"] = float(every_ms)
        return self._monitor(d, name or f"state_{len(self._monitors)}")

    def rate_monitor(self, group: Group | None = None, bin_ms: float | None = None, name: str | None = None) -> Monitor:
        """Population rate in bins; ``run[m]`` has ``t_ms``, ``count`` and ``rate_hz``."""
        d = {"type": "rate"}
        if group is not None:
            d["group"] = self._ref(group)
        if bin_ms is not None:
            d["bin_ms"] = float(bin_ms)
        return self._monitor(d, name or f"rate_{len(self._monitors)}")

    def to_dict(self, duration_ms: float) -> dict:
        """The model file this network is (``json.dump`` it, or ``yaml.dump``, to get a file ``izhsim run`` takes)."""
        if not self._groups:
            raise UsageError("the network has no groups; add one with net.group(name, size, ...)")
        d = {"izhsim": 1, **self._top, "simulation": {"duration_ms": float(duration_ms), **self._sim},
             "groups": self._groups}
        for key, items in (("synapses", self._synapses), ("inputs", self._inputs), ("monitors", self._monitors)):
            if items:
                d[key] = items
        return d

    def run(self, duration_ms: float, threads: int | None = None, blocks: int = 10, report=None, progress: bool = False):
        """Runs for ``duration_ms`` in Java; ``report(t_ms, duration_ms, spikes)`` is called after each of
        ``blocks`` blocks (``progress=True`` shows a tqdm bar if tqdm is installed)."""
        return run_model(self.to_dict(duration_ms), threads=threads, blocks=blocks, report=report, progress=progress)

    # -- helpers --------------------------------------------------------------------------------

    def _ref(self, g) -> str:
        name = g.name if isinstance(g, Group) else g
        if name not in self._groups:
            raise UsageError(f"unknown group {name!r}; groups: {', '.join(self._groups) or '(none)'}")
        return name

    def _input(self, d, name):
        if name is not None:
            d["name"] = name
        self._inputs.append(d)

    def _monitor(self, d, name) -> Monitor:
        d["name"] = name
        self._monitors.append(d)
        return Monitor(name, d["type"])


class Run:
    """The results of :func:`run_model`: ``spikes`` (every neuron: ``t_ms``, global ``i``), ``run[monitor]``
    (by :class:`Monitor` or name), ``timing`` (build_s, run_s, …) and ``info`` (seed, scheme, dt, model hash)."""

    def __init__(self, spikes, recordings, timing, info):
        self.spikes, self._recordings, self.timing, self.info = spikes, recordings, timing, info

    def __getitem__(self, monitor):
        name = monitor.name if isinstance(monitor, Monitor) else monitor
        try:
            return self._recordings[name]
        except KeyError:
            raise KeyError(f"no monitor {name!r}; monitors: {', '.join(self._recordings) or '(none)'}") from None

    def monitors(self):
        return list(self._recordings)

    def __repr__(self):
        return f"izhsim.Run(spikes={len(self.spikes['t_ms'])}, monitors={self.monitors()})"


def _spikes(rec, dt: float) -> dict:
    steps = np.asarray(rec.steps(), dtype=np.int64)
    return {"t_ms": steps * dt, "i": np.asarray(rec.neurons(), dtype=np.int32)}


def _state(rec) -> dict:
    from org.izhsim.network import StateMonitor

    out = {"t_ms": np.asarray(rec.timesMs()), "neurons": np.asarray(rec.neurons(), dtype=np.int32)}
    n = len(out["neurons"])
    for var, key in ((StateMonitor.Variable.V, "v"), (StateMonitor.Variable.U, "u"), (StateMonitor.Variable.I, "I")):
        if rec.has(var):
            out[key] = np.stack([np.asarray(rec.trace(var, j)) for j in range(n)]) if n else np.empty((0, 0))
    return out


def _rate(rec) -> dict:
    counts = np.asarray(rec.counts(), dtype=np.int64)
    return {"t_ms": np.arange(len(counts)) * float(rec.binMs()), "count": counts, "rate_hz": np.asarray(rec.ratesHz())}


def run_model(model, duration_ms: float | None = None, seed: int | None = None, threads: int | None = None,
              blocks: int = 10, report=None, progress: bool = False) -> Run:
    """Runs a model file (a path) or a dict in the model-file schema in this process; see :class:`Run`."""
    _jvm.start()
    import jpype
    from java.lang import Double, Integer, Long
    from org.izhsim.codegen import KernelCompiler, SynapseKernelCompiler
    from org.izhsim.io.model import ModelFile
    from org.izhsim.network import RateRecording, Simulation, SpikeRecording, StateRecording

    if blocks < 1:
        raise UsageError(f"blocks must be >= 1, got {blocks}")
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise UsageError(f"threads must be a whole number >= 1, got {threads!r}")
    over = ModelFile.Overrides(None if seed is None else Long(int(seed)),
                               None if duration_ms is None else Double(float(duration_ms)),
                               None if threads is None else Integer(threads))
    try:
        if isinstance(model, dict):
            # equation files named in the dict are read relative to the current directory
            mf = ModelFile.parse(os.path.join(os.getcwd(), _DICT), json.dumps(model, indent=1), over, KernelCompiler.INSTANCE,
                                SynapseKernelCompiler.INSTANCE)
        else:
            from java.nio.file import Path as JPath
            mf = ModelFile.load(JPath.of(str(Path(model))), over, KernelCompiler.INSTANCE, SynapseKernelCompiler.INSTANCE)
        net = mf.network()
        dt = float(net.dt())
        t = threads or (int(mf.threads()) if mf.threads() is not None else os.cpu_count() or 1)
        total = int(round(float(mf.durationMs()) / dt))
        bar = _progress_bar(total * dt) if progress and report is None else None
        with Simulation.builder(net).threads(t).build() as sim:
            done = 0
            for b in range(blocks):
                n = total * (b + 1) // blocks - done
                if n > 0:
                    sim.runSteps(n)
                    done += n
                spikes = int(sim.recording(mf.spikes()).count())
                if report is not None:
                    report(done * dt, total * dt, spikes)
                if bar is not None:
                    bar.update(done * dt - bar.n)
            if bar is not None:
                bar.close()
            recs = {}
            for m in mf.recorded():
                r = sim.recording(m)
                if isinstance(r, StateRecording):
                    recs[str(m.name())] = _state(r)
                elif isinstance(r, RateRecording):
                    recs[str(m.name())] = _rate(r)
                elif isinstance(r, SpikeRecording):
                    recs[str(m.name())] = _spikes(r, dt)
            timing = sim.timing()
            tm = {"build_s": float(timing.buildSeconds()), "run_s": float(timing.runSeconds()), "threads": int(sim.threads())}
            info = {"seed": int(net.seed()), "scheme": str(net.scheme().cliName()) if hasattr(net.scheme(), "cliName")
                    else str(net.scheme()).lower(), "dt_ms": dt, "duration_ms": total * dt,
                    "model_sha256": str(mf.sha256()), "neurons": int(net.neuronCount())}
            return Run(_spikes(sim.recording(mf.spikes()), dt), recs, tm, info)
    except jpype.JException as e:
        err = translate(e)
        # a dict has no lines of its own: its errors name the key path, not a place in the JSON made of it
        err.args = (re.sub(r"^\S*" + re.escape(_DICT) + r":\d+:\d+: ", "", str(err)),)
        raise err from None


def _progress_bar(total_ms):
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=total_ms, unit="ms", leave=False)
