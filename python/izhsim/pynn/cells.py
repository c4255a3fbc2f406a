"""PyNN's standard cell types as izhsim equation models, in PyNN's own units.

Every model is written in PyNN's units (mV, ms, nF, nA, µS) as a dimensionless izhsim equation
model (``/ms`` in a derivative divides by 1), so PyNN's parameter values go to Java unchanged and
``get`` returns what ``set`` stored. The equations are those of PyNN's Brian2 backend
(pyNN/brian2/standardmodels/cells.py), with two deliberate departures: IF_curr_alpha's inhibitory
current decays with tau_syn_I (Brian2's backend uses tau_syn_E for both), and the injected current
``i_inj`` is a sub-expression of t built from the current sources (see ``electrodes``) instead of
a variable set from Python every step.

``targets`` maps each receptor type to the variable a spike jumps (the synapse ``target``);
``variables`` maps PyNN's recordable names to the model's vector names.
"""
from __future__ import annotations

import numpy as np
from pyNN import errors
from pyNN.standardmodels import build_translations, cells

E = "2.718281828459045"  # e, for the alpha synapses' peak normalisation (Brian2 backend's constant)


def _identity(*names):
    return build_translations(*[(n, n) for n in names])


def _params(names):
    return "".join(f"{n} : 1\n" for n in names)


class IzhsimCellType:
    """What the backend needs of a cell type beyond PyNN's description."""

    #: the synapse target of each receptor type
    targets: dict = {}
    #: PyNN state variable -> izhsim vector name
    variables: dict = {}
    #: the spike sources have no equations
    source = False
    #: the equations use the Izhikevich scheme family (euler as PyNN's Brian2 backend)
    prefers_euler = False

    def equations(self, refractory_ms: float, inj: str, extra_params) -> str:
        raise NotImplementedError(type(self).__name__)


_LIF_PARAMS = ("v_rest", "cm", "tau_m", "tau_refrac", "i_offset", "v_reset", "v_thresh")


class _LeakyIAF(IzhsimCellType):
    """PyNN's leaky integrate-and-fire membrane; subclasses add the synapses (``_syn``, ``_isyn``)."""

    _syn_params: tuple = ()
    _syn: str = ""
    _isyn: str = "0"

    def equations(self, refractory_ms, inj, extra_params):
        ps = [p for p in _LIF_PARAMS if p != "tau_refrac"] + list(self._syn_params) + list(extra_params)
        text = (f"dv/dt = ((v_rest - v)/tau_m + ({self._isyn} + i_offset + i_inj + I)/cm)/ms : 1 (unless refractory)\n"
                + self._syn + f"i_inj = {inj} : 1\n" + _params(ps) + "I : 1\n"
                + "threshold: v > v_thresh\nreset: v = v_reset\n")
        if refractory_ms > 0:
            text += f"refractory: {refractory_ms!r}*ms\n"
        return text


_EXP = ("dX/dt = -X/TAU/ms : 1\n")
_ALPHA = ("dX/dt = (" + E + "*Y - X)/TAU/ms : 1\n" + "dY/dt = -Y/TAU/ms : 1\n")


def _syn(kind, x, y, tau):
    return (_EXP if kind == "exp" else _ALPHA).replace("X", x).replace("Y", y).replace("TAU", tau)


class IF_curr_exp(_LeakyIAF, cells.IF_curr_exp):
    __doc__ = cells.IF_curr_exp.__doc__
    translations = _identity(*cells.IF_curr_exp.default_parameters)
    _syn_params = ("tau_syn_E", "tau_syn_I")
    _syn = _syn("exp", "ie", "", "tau_syn_E") + _syn("exp", "ii", "", "tau_syn_I")
    _isyn = "ie + ii"
    targets = {"excitatory": "ie", "inhibitory": "ii"}
    variables = {"v": "v", "isyn_exc": "ie", "isyn_inh": "ii"}


class IF_curr_alpha(_LeakyIAF, cells.IF_curr_alpha):
    __doc__ = cells.IF_curr_alpha.__doc__
    translations = _identity(*cells.IF_curr_alpha.default_parameters)
    _syn_params = ("tau_syn_E", "tau_syn_I")
    _syn = _syn("alpha", "ie", "ye", "tau_syn_E") + _syn("alpha", "ii", "yi", "tau_syn_I")
    _isyn = "ie + ii"
    targets = {"excitatory": "ye", "inhibitory": "yi"}
    variables = {"v": "v", "isyn_exc": "ie", "isyn_inh": "ii"}


class IF_curr_delta(_LeakyIAF, cells.IF_curr_delta):
    __doc__ = cells.IF_curr_delta.__doc__
    translations = _identity(*cells.IF_curr_delta.default_parameters)
    targets = {"excitatory": "v", "inhibitory": "v"}
    variables = {"v": "v"}


class IF_cond_exp(_LeakyIAF, cells.IF_cond_exp):
    __doc__ = cells.IF_cond_exp.__doc__
    translations = _identity(*cells.IF_cond_exp.default_parameters)
    _syn_params = ("tau_syn_E", "tau_syn_I", "e_rev_E", "e_rev_I")
    _syn = _syn("exp", "ge", "", "tau_syn_E") + _syn("exp", "gi", "", "tau_syn_I")
    _isyn = "ge*(e_rev_E - v) + gi*(e_rev_I - v)"
    targets = {"excitatory": "ge", "inhibitory": "gi"}
    variables = {"v": "v", "gsyn_exc": "ge", "gsyn_inh": "gi"}
    prefers_euler = True  # g*(E - v) is not linear in the state: Brian2 picks forward Euler for it


class IF_cond_alpha(_LeakyIAF, cells.IF_cond_alpha):
    __doc__ = cells.IF_cond_alpha.__doc__
    translations = _identity(*cells.IF_cond_alpha.default_parameters)
    _syn_params = ("tau_syn_E", "tau_syn_I", "e_rev_E", "e_rev_I")
    _syn = _syn("alpha", "ge", "ye", "tau_syn_E") + _syn("alpha", "gi", "yi", "tau_syn_I")
    _isyn = "ge*(e_rev_E - v) + gi*(e_rev_I - v)"
    targets = {"excitatory": "ye", "inhibitory": "yi"}
    variables = {"v": "v", "gsyn_exc": "ge", "gsyn_inh": "gi"}
    prefers_euler = True


class Izhikevich(IzhsimCellType, cells.Izhikevich):
    __doc__ = cells.Izhikevich.__doc__
    translations = _identity(*cells.Izhikevich.default_parameters)
    targets = {"excitatory": "v", "inhibitory": "v"}
    variables = {"v": "v", "u": "u"}
    prefers_euler = True

    def equations(self, refractory_ms, inj, extra_params):
        # i_offset and i_inj in nA over PyNN's implicit 1 pF: 1 nA/pF = 1000 mV/ms
        return ("dv/dt = (0.04*v**2 + 5*v + 140 - u + 1000*(i_offset + i_inj + I))/ms : 1\n"
                "du/dt = a*(b*v - u)/ms : 1\n"
                f"i_inj = {inj} : 1\n" + _params(("a", "b", "c", "d", "i_offset") + tuple(extra_params)) + "I : 1\n"
                "threshold: v >= 30\nreset: v = c; u += d\n")


STANDARD = (IF_curr_exp, IF_curr_alpha, IF_curr_delta, IF_cond_exp, IF_cond_alpha, Izhikevich)


def unsupported(base, provided: str):
    """A PyNN type izhsim lacks: creating it raises NotImplementedError naming it and what is provided."""
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(f"pyNN.izhsim does not provide {base.__name__}; it provides {provided}")
    return type(base.__name__, (base,), {"__init__": __init__, "__doc__": base.__doc__})


def _unsupported(base):
    return unsupported(base, ", ".join(c.__name__ for c in STANDARD) + ", SpikeSourceArray, SpikeSourcePoisson")


HH_cond_exp = _unsupported(cells.HH_cond_exp)
EIF_cond_alpha_isfa_ista = _unsupported(cells.EIF_cond_alpha_isfa_ista)
EIF_cond_exp_isfa_ista = _unsupported(cells.EIF_cond_exp_isfa_ista)
IF_cond_exp_gsfa_grr = _unsupported(cells.IF_cond_exp_gsfa_grr)
IF_facets_hardware1 = _unsupported(cells.IF_facets_hardware1)
GIF_cond_exp = _unsupported(cells.GIF_cond_exp)
SpikeSourceGamma = _unsupported(cells.SpikeSourceGamma)
SpikeSourceInhGamma = _unsupported(cells.SpikeSourceInhGamma)
SpikeSourcePoissonRefractory = _unsupported(cells.SpikeSourcePoissonRefractory)


class _SpikeSource(IzhsimCellType):
    source = True


class SpikeSourceArray(_SpikeSource, cells.SpikeSourceArray):
    """Spikes at given times; each time goes to the nearest step, as Brian2's SpikeGeneratorGroup rounds."""
    translations = build_translations(("spike_times", "spike_times"))

    def java_group(self, name, pop):
        from . import simulator
        from org.izhsim.network import NeuronGroup

        seqs = pop._parameters["spike_times"]
        idx, times = [], []
        for i, s in enumerate(seqs):
            t = np.asarray(s.value, dtype=float)
            if np.any(np.diff(t) < 0):
                raise errors.InvalidParameterValueError(f"SpikeSourceArray: the spike times of cell {i} must increase")
            if t.size and (t.min() < 0 or not np.isfinite(t).all()):
                raise errors.InvalidParameterValueError(f"SpikeSourceArray: cell {i} has spike time {t.min()} ms; "
                                                        "times must be finite and >= 0")
            idx.append(np.full(t.size, i))
            times.append(np.rint(t / simulator.state.dt) * simulator.state.dt)
        return NeuronGroup.spikeGenerator(name, pop.size, simulator.java_ints(np.concatenate(idx or [[]])),
                                          simulator.java_doubles(np.concatenate(times or [[]])))


class SpikeSourcePoisson(_SpikeSource, cells.SpikeSourcePoisson):
    """Poisson trains (a fresh draw per step and cell, rand() < rate*dt, as Brian2's PoissonGroup) that fire in
    the steps with start <= t <= start + duration, bounds included, as PyNN's Brian2 backend tests them."""
    translations = build_translations(("rate", "rate"), ("start", "start"), ("duration", "duration"))

    def java_group(self, name, pop):
        from . import simulator
        from org.izhsim.network import NeuronGroup, PerNeuron

        p = pop._parameters
        rate = PerNeuron.array(simulator.java_doubles(np.asarray(p["rate"], dtype=float)))
        start = np.broadcast_to(np.asarray(p["start"], dtype=float), (pop.size,))
        stop = start + np.broadcast_to(np.asarray(p["duration"], dtype=float), (pop.size,))
        if not start.any() and np.isinf(stop).all():
            return NeuronGroup.poisson(name, pop.size, rate)
        return NeuronGroup.poisson(name, pop.size, rate, simulator.java_doubles(start), simulator.java_doubles(stop))
