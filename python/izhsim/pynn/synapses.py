"""PyNN's synapse types: StaticSynapse, and STDPMechanism on izhsim's pair-STDP rule (Plasticity.Stdp).

PyNN's STDP (pyNN/brian2/standardmodels/synapses.py, the reference here) keeps a pre trace P
(+= A_plus at each arrival of a pre spike, i.e. after the delay) and a post trace M (-= A_minus
at each post spike), both decaying with tau_plus, tau_minus; at an arrival w += w_max*M (clipped
at w_min), at a post spike w += w_max*P (clipped at w_max); every pair counts (all-to-all). That
is izhsim's ``Plasticity.Stdp`` with tau_pre = tau_plus, tau_post = tau_minus,
a_pre = A_plus*w_max, a_post = -A_minus*w_max, w_max, ADDITIVE, ALL_TO_ALL, and delivering the
weight after the arrival's update (brian2's ``weight = ...`` before ``syn_var += weight``). The multiplicative
dependence is PyNN's documented one (Δw+ ∝ w_max - w, Δw- ∝ w - w_min, NEST's stdp_synapse with
mu = 1); pyNN.brian2 0.10.1 runs its additive equations for it (see docs/python.md).

What the engine cannot express is refused by name: w_min != 0 (its weights are clipped to
[0, w_max]), dendritic_delay_fraction != 0 (its delays are axonal, as pyNN.brian2 demands),
negative A_plus or A_minus (brian2 clips one side per update, the engine both), parameters that
differ between the connections of a projection (one rule per synapse group), and the other
timing and weight dependences.
"""
import numpy as np
from pyNN import errors
from pyNN.standardmodels import build_translations, synapses

from . import simulator
from .cells import unsupported

#: the per-projection parameters of the STDP rule (the synapse's weight and delay are per connection)
RULE_PARAMETERS = ("tau_plus", "tau_minus", "A_plus", "A_minus", "w_min", "w_max")


class StaticSynapse(synapses.StaticSynapse):
    __doc__ = synapses.StaticSynapse.__doc__
    translations = build_translations(("weight", "weight"), ("delay", "delay"))

    def _get_minimum_delay(self):
        return simulator.state.min_delay


def _identity(*names):
    return build_translations(*[(n, n) for n in names])


class SpikePairRule(synapses.SpikePairRule):
    __doc__ = synapses.SpikePairRule.__doc__
    translations = _identity("tau_plus", "tau_minus", "A_plus", "A_minus")


class AdditiveWeightDependence(synapses.AdditiveWeightDependence):
    __doc__ = synapses.AdditiveWeightDependence.__doc__
    translations = _identity("w_min", "w_max")
    java_dependence = "ADDITIVE"


class MultiplicativeWeightDependence(synapses.MultiplicativeWeightDependence):
    __doc__ = synapses.MultiplicativeWeightDependence.__doc__
    translations = _identity("w_min", "w_max")
    java_dependence = "MULTIPLICATIVE"


class STDPMechanism(synapses.STDPMechanism):
    __doc__ = synapses.STDPMechanism.__doc__
    base_translations = _identity("weight", "delay", "dendritic_delay_fraction")

    def __init__(self, timing_dependence=None, weight_dependence=None, voltage_dependence=None,
                 dendritic_delay_fraction=1.0, weight=0.0, delay=None):
        if voltage_dependence is not None:
            raise NotImplementedError("pyNN.izhsim: STDPMechanism(voltage_dependence=...): izhsim's STDP rule has no "
                                      "voltage dependence")
        if not isinstance(timing_dependence, SpikePairRule):
            raise NotImplementedError(f"pyNN.izhsim: STDPMechanism(timing_dependence={type(timing_dependence).__name__}):"
                                      " izhsim maps SpikePairRule only")
        if not isinstance(weight_dependence, (AdditiveWeightDependence, MultiplicativeWeightDependence)):
            raise NotImplementedError(f"pyNN.izhsim: STDPMechanism(weight_dependence={type(weight_dependence).__name__}):"
                                      " izhsim maps AdditiveWeightDependence and MultiplicativeWeightDependence")
        if dendritic_delay_fraction != 0:
            raise NotImplementedError(f"pyNN.izhsim: STDPMechanism(dendritic_delay_fraction={dendritic_delay_fraction}): "
                                      "izhsim's STDP sees a pre spike after its delay and a post spike at once (axonal "
                                      "delays); pass dendritic_delay_fraction=0, as pyNN.brian2 also requires")
        super().__init__(timing_dependence, weight_dependence, None, dendritic_delay_fraction, weight, delay)
        # PyNN's base class updates the class's own translations dict; give this instance its own
        self.translations = dict(self.base_translations)
        for component in (timing_dependence, weight_dependence):
            self.translations.update(component.translations)

    def _get_minimum_delay(self):
        return simulator.state.min_delay

    def java_rule(self, p: dict, label):
        """The engine's rule for one projection from its ``rule_parameters``."""
        from org.izhsim.network import Plasticity

        if p["w_min"] != 0:
            raise NotImplementedError(f"pyNN.izhsim: STDP w_min = {p['w_min']} (projection {label!r}): izhsim's STDP "
                                      "clips weights to [0, w_max]; use w_min=0")
        for name in ("A_plus", "A_minus"):
            if p[name] < 0:
                raise NotImplementedError(f"pyNN.izhsim: STDP {name} = {p[name]} < 0 (projection {label!r}): izhsim's "
                                          "rule clips to [0, w_max] at every update, PyNN's only on one side; use >= 0")
        for name in ("tau_plus", "tau_minus", "w_max"):
            if not p[name] > 0:
                raise errors.InvalidParameterValueError(f"STDP {name} must be > 0, got {p[name]} "
                                                        f"(projection {label!r})")
        dependence = getattr(Plasticity.WeightDependence, self.weight_dependence.java_dependence)
        return Plasticity.Stdp(p["tau_plus"], p["tau_minus"], p["A_plus"] * p["w_max"], -p["A_minus"] * p["w_max"],
                               p["w_max"], dependence, Plasticity.Pairing.ALL_TO_ALL, True)


def rule_parameters(values: dict, label) -> dict:
    """One value per STDP parameter from the values its connections were given (name -> list of arrays)."""
    p = {}
    for name, parts in values.items():
        v = np.unique(np.concatenate(parts))
        if v.size > 1:
            raise NotImplementedError(f"pyNN.izhsim: STDP parameter {name} differs between the connections of "
                                      f"projection {label!r} ({v[0]} .. {v[-1]}); izhsim's rule takes one value per "
                                      "projection")
        p[name] = float(v[0])
    return p


def _unsupported(base):
    return unsupported(base, "StaticSynapse and STDPMechanism(SpikePairRule, AdditiveWeightDependence or "
                             "MultiplicativeWeightDependence)")


TsodyksMarkramSynapse = _unsupported(synapses.TsodyksMarkramSynapse)
AdditivePotentiationMultiplicativeDepression = _unsupported(synapses.AdditivePotentiationMultiplicativeDepression)
GutigWeightDependence = _unsupported(synapses.GutigWeightDependence)
