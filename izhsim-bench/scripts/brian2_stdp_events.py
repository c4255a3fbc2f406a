#!/usr/bin/env python3
"""Pair STDP of Brian2's example STDP.py driven by fixed spike times, for SynapseKernelTest.

Question: does izhsim's compiled synapse model examples/synapses/stdp-song2000.syn give the
weights Brian2 2.5.1 gives for the same spikes? The pre and post groups are
SpikeGeneratorGroups (2 and 2 neurons, all-to-all: 4 synapses, delay 0), the spikes random
on the 0.1-ms grid with deliberate coincidences of a pre and a post spike in one step (Brian2
runs the pre pathway first, order -1 against +1). Writes the spikes and the final weights as
CSV (Brian2 computes in double, izhsim stores float: the test allows float rounding).

Usage: /usr/bin/python3 brian2_stdp_events.py OUT.csv
"""
import sys

import numpy as np
from brian2 import (ms, Network, SpikeGeneratorGroup, Synapses, defaultclock, prefs, seed)

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
seed(16)
rng = np.random.default_rng(16)
steps = 20000
pre_i, pre_s, post_i, post_s = [], [], [], []
for n in range(2):
    for s in sorted(rng.choice(steps - 10, size=60, replace=False)):
        pre_i.append(n)
        pre_s.append(int(s))
    for s in sorted(rng.choice(steps - 10, size=60, replace=False)):
        post_i.append(n)
        post_s.append(int(s))
# coincidences: pre and post in the same step
for s in (5000, 12345):
    for n in range(2):
        if s not in [pre_s[k] for k in range(len(pre_s)) if pre_i[k] == n]:
            pre_i.append(n)
            pre_s.append(s)
        if s not in [post_s[k] for k in range(len(post_s)) if post_i[k] == n]:
            post_i.append(n)
            post_s.append(s)

taupre = taupost = 20 * ms
gmax = 0.01
dApre = 0.01 * gmax
dApost = -0.01 * taupre / taupost * 1.05 * gmax
pre = SpikeGeneratorGroup(2, pre_i, np.array(pre_s) * defaultclock.dt)
post = SpikeGeneratorGroup(2, post_i, np.array(post_s) * defaultclock.dt)
S = Synapses(pre, post, '''w : 1
                           dapre/dt = -apre/taupre : 1 (event-driven)
                           dapost/dt = -apost/taupost : 1 (event-driven)''',
             on_pre='''apre += dApre
                       w = clip(w + apost, 0, gmax)''',
             on_post='''apost += dApost
                        w = clip(w + apre, 0, gmax)''')
S.connect()
S.w = 'gmax/2'
net = Network(pre, post, S)
net.run(steps * defaultclock.dt)
with open(sys.argv[1], 'w') as f:
    f.write('# written by izhsim-bench/scripts/brian2_stdp_events.py (Brian2 2.5.1, numpy target)\n')
    f.write('kind,a,b,value\n')
    for n, s in zip(pre_i, pre_s):
        f.write(f'pre,{n},{s},\n')
    for n, s in zip(post_i, post_s):
        f.write(f'post,{n},{s},\n')
    for k in range(len(S.w)):
        f.write(f'w,{int(S.i[k])},{int(S.j[k])},{float(S.w[k])!r}\n')
