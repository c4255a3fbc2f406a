#!/usr/bin/env python3
"""Delta synapses from a SpikeGeneratorGroup onto Izhikevich neurons, for DeltaSynapseTest.

Question: does izhsim's synapse target "v" (a jump of w in v at the arrival step) with a spike
generator as the source give the v and the spikes Brian2 2.5.1 gives for
`Synapses(gen, P, 'w : 1', on_pre='v_post += w')`? Three generator sources, two RS neurons
(a, b, c, d = 0.02, 0.2, -65, 8; no current), explicit pairs with per-synapse weights (exact
in float, as izhsim stores weights) and delays, dt 0.5 ms, euler, 200 ms. The weights are large
enough that some jumps make the neurons fire. Writes, per step k, v of both neurons at the
start of step k (Brian2's StateMonitor default, when='start') and the neurons' spike steps.

Usage: /usr/bin/python3 brian2_delta_synapse.py OUT.csv
"""
import sys

import numpy as np
from brian2 import (ms, Network, NeuronGroup, SpikeGeneratorGroup, SpikeMonitor, StateMonitor, Synapses, defaultclock,
                    prefs)

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.5 * ms

# kept in step with DeltaSynapseTest
GEN_I = [0, 1, 2, 0, 1, 2, 0, 0, 1, 2, 2]
GEN_T = [10.0, 25.5, 40.0, 41.0, 80.0, 90.25, 120.5, 121.0, 150.0, 151.5, 175.0]
PRE = [0, 1, 2, 0, 2]
POST = [0, 0, 1, 1, 0]
W = [6.0, 12.5, 20.0, -3.0, 12.5]
DELAY_MS = [0.0, 1.5, 2.0, 0.5, 1.0]
DURATION_MS = 200.0

eqs = '''
dv/dt = (0.04*v**2 + 5*v + 140 - u)/ms : 1
du/dt = a*(b*v - u)/ms : 1
a : 1
b : 1
c : 1
d : 1
'''
P = NeuronGroup(2, eqs, threshold='v >= 30', reset='v = c; u += d', method='euler')
P.a, P.b, P.c, P.d = 0.02, 0.2, -65, 8
P.v = -65
P.u = P.b * P.v
gen = SpikeGeneratorGroup(3, GEN_I, np.array(GEN_T) * ms)
S = Synapses(gen, P, 'w : 1', on_pre='v_post += w')
S.connect(i=PRE, j=POST)
S.w = W
S.delay = np.array(DELAY_MS) * ms
state = StateMonitor(P, 'v', record=True)
spikes = SpikeMonitor(P)
net = Network(P, gen, S, state, spikes)
net.run(DURATION_MS * ms)

dt = float(defaultclock.dt / ms)
with open(sys.argv[1], 'w') as out:
    out.write('# Brian2 2.5.1, scripts/brian2_delta_synapse.py: v at the start of each step, then spikes\n')
    out.write('kind,step,a,b\n')
    for k in range(state.v.shape[1]):
        out.write(f'v,{k},{state.v[0, k]!r},{state.v[1, k]!r}\n')
    for i, t in zip(spikes.i[:], spikes.t[:] / ms):
        out.write(f'spike,{int(round(t / dt))},{int(i)},\n')
