#!/usr/bin/env python3
"""Brian2's Izhikevich_2007 protocol (Fig. 1c of Izhikevich 2007), for izhsim's comparison.

Question: does izhsim's compiled examples/synapses/da-stdp-brian2.syn give the curves of the
dopamine d, the eligibility trace c and the strength s that Brian2 2.5.1 gives for the same
spikes? The protocol is that of Brian2's examples/frompapers/Izhikevich_2007.py (written here
from its description, not copied): two input spike trains drive two leaky neurons (each input
spike makes its neuron fire one step later), one synapse 0 -> 1 carries DA-STDP, classical STDP
(mode 0) for 3 s, then dopamine-modulated (mode 1) for 3 s with three rewards 20 ms after
pairings; dt = 0.1 ms, numpy target, method 'euler' for the synapse as in the example.

Writes OUT.csv: the neurons' spike steps ('spike,neuron,step'), the reward steps
('reward,,step'), and s, c, d every 10 steps ('trace,step,s,c,d', the values at the start of
that step, as a StateMonitor records them). With a second argument, also a PNG of the curves.

Usage: /usr/bin/python3 brian2_izhikevich_2007.py OUT.csv [FIGURE.png]
"""
import sys

import numpy as np
from brian2 import (ms, mV, second, Network, NeuronGroup, SpikeGeneratorGroup, SpikeMonitor, StateMonitor,
                    Synapses, defaultclock, prefs)

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
taum, Ee, vt, vr, El, taue = 10 * ms, 0 * mV, -54 * mV, -60 * mV, -74 * mV, 5 * ms
taupre = taupost = 20 * ms
gmax = 0.01
dApre = 0.01 * gmax
dApost = -0.01 * taupre / taupost * 1.05 * gmax
tauc, taud, taus, epsilon_dopa = 1000 * ms, 200 * ms, 1 * ms, 5e-3

# pre (0) before post (1) by 50 ms, 10 ms, then post before pre by 10 ms; the same again at 3.5 s
pairs = [(500, 550), (1000, 1010), (1510, 1500)]
idx, times = [], []
for base in (0, 3000):
    for a, b in pairs:
        idx += [0, 1]
        times += [base + a, base + b]
inputs = SpikeGeneratorGroup(2, np.array(idx), np.array(times) * ms)
neurons = NeuronGroup(2, '''dv/dt = (ge*(Ee - vr) + El - v)/taum : volt
                            dge/dt = -ge/taue : 1''', threshold='v > vt', reset='v = vr', method='exact')
neurons.v = vr
drive = Synapses(inputs, neurons, 'w_in : volt', on_pre='v += w_in')
drive.connect(i=[0, 1], j=[0, 1])
drive.w_in = 100 * mV
stdp = Synapses(neurons, neurons,
                '''mode : 1
                   dc/dt = -c/tauc : 1 (clock-driven)
                   dd/dt = -d/taud : 1 (clock-driven)
                   ds/dt = mode*c*d/taus : 1 (clock-driven)
                   dApre/dt = -Apre/taupre : 1 (event-driven)
                   dApost/dt = -Apost/taupost : 1 (event-driven)''',
                on_pre='''ge += s
                          Apre += dApre
                          c = clip(c + mode*Apost, -gmax, gmax)
                          s = clip(s + (1 - mode)*Apost, -gmax, gmax)''',
                on_post='''Apost += dApost
                           c = clip(c + mode*Apre, -gmax, gmax)
                           s = clip(s + (1 - mode)*Apre, -gmax, gmax)''',
                method='euler')
stdp.connect(i=0, j=1)
stdp.s = 1e-10
stdp.c = 1e-10
stdp.d = 0
reward_ms = [3520, 4020, 4520]
dopamine = SpikeGeneratorGroup(1, [0, 0, 0], np.array(reward_ms) * ms)
reward = Synapses(dopamine, stdp, on_pre='d_post += epsilon_dopa')
reward.connect()
spikes = SpikeMonitor(neurons)
mon = StateMonitor(stdp, ['s', 'c', 'd'], record=[0], dt=1 * ms)
net = Network(inputs, neurons, drive, stdp, dopamine, reward, spikes, mon)
stdp.mode = 0
net.run(3 * second)
stdp.mode = 1
net.run(3 * second)

dt = float(defaultclock.dt / second)
with open(sys.argv[1], 'w') as f:
    f.write('# written by izhsim-bench/scripts/brian2_izhikevich_2007.py (Brian2 2.5.1, numpy target, dt 0.1 ms)\n')
    f.write('kind,a,b,c,d\n')
    for i, t in zip(spikes.i, spikes.t):
        f.write(f'spike,{int(i)},{int(round(float(t / second) / dt))},,\n')
    for t in reward_ms:
        f.write(f'reward,,{int(round(t / 1000 / dt))},,\n')
    for k in range(len(mon.t)):
        f.write(f'trace,{int(round(float(mon.t[k] / second) / dt))},{float(mon.s[0][k])!r},{float(mon.c[0][k])!r},{float(mon.d[0][k])!r}\n')
if len(sys.argv) > 2:
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(4, 1, figsize=(10, 7), sharex=True)
    ax[0].plot(spikes.t / second, spikes.i, 'ob')
    ax[0].plot(np.array(reward_ms) / 1000, [2] * 3, 'or')
    ax[0].set_yticks([0, 1, 2], ['pre', 'post', 'reward'])
    for a, y, name in ((ax[1], mon.d[0], 'dopamine d'), (ax[2], mon.c[0], 'eligibility c'), (ax[3], mon.s[0], 'strength s')):
        a.plot(mon.t / second, y / gmax)
        a.set_ylabel(name + ' / gmax')
    ax[3].set_xlabel('time (s)')
    ax[0].set_title('Brian2 2.5.1: Izhikevich_2007 protocol (classical STDP to 3 s, then dopamine-modulated)')
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=90)
