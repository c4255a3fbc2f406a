"""PyNN's synapse types: StaticSynapse (weights and delays per connection); plasticity raises."""
from pyNN.standardmodels import build_translations, synapses

from . import simulator
from .cells import unsupported


class StaticSynapse(synapses.StaticSynapse):
    __doc__ = synapses.StaticSynapse.__doc__
    translations = build_translations(("weight", "weight"), ("delay", "delay"))

    def _get_minimum_delay(self):
        return simulator.state.min_delay


def _unsupported(base):
    return unsupported(base, "StaticSynapse (STDPMechanism is not yet mapped onto izhsim's plasticity rules)")


TsodyksMarkramSynapse = _unsupported(synapses.TsodyksMarkramSynapse)
STDPMechanism = _unsupported(synapses.STDPMechanism)
SpikePairRule = _unsupported(synapses.SpikePairRule)
AdditiveWeightDependence = _unsupported(synapses.AdditiveWeightDependence)
MultiplicativeWeightDependence = _unsupported(synapses.MultiplicativeWeightDependence)
AdditivePotentiationMultiplicativeDepression = _unsupported(synapses.AdditivePotentiationMultiplicativeDepression)
GutigWeightDependence = _unsupported(synapses.GutigWeightDependence)
