"""PyNN's synapse types: StaticSynapse (weights and delays per connection); plasticity raises."""
from pyNN.standardmodels import build_translations, synapses

from . import simulator


class StaticSynapse(synapses.StaticSynapse):
    __doc__ = synapses.StaticSynapse.__doc__
    translations = build_translations(("weight", "weight"), ("delay", "delay"))

    def _get_minimum_delay(self):
        return simulator.state.min_delay


def _unsupported(base):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(f"pyNN.izhsim does not provide {base.__name__} yet (izhsim's network has no "
                                  "plastic synapses); it provides StaticSynapse")
    return type(base.__name__, (base,), {"__init__": __init__, "__doc__": base.__doc__})


TsodyksMarkramSynapse = _unsupported(synapses.TsodyksMarkramSynapse)
STDPMechanism = _unsupported(synapses.STDPMechanism)
SpikePairRule = _unsupported(synapses.SpikePairRule)
AdditiveWeightDependence = _unsupported(synapses.AdditiveWeightDependence)
MultiplicativeWeightDependence = _unsupported(synapses.MultiplicativeWeightDependence)
AdditivePotentiationMultiplicativeDepression = _unsupported(synapses.AdditivePotentiationMultiplicativeDepression)
GutigWeightDependence = _unsupported(synapses.GutigWeightDependence)
