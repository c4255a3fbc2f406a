#!/usr/bin/env python3
"""izhsim's run of Brian2's Izhikevich_2007 protocol, drawn as izhsim-bench/scripts/brian2_izhikevich_2007.py
draws Brian2's, so that the two figures can stand side by side (docs/plasticity.md).

Reads DIR/curves.csv (t_ms, s, c, d every ms) and DIR/run.json (parameters.spikes, parameters.rewards_ms)
written by `izhsim example dastdp-pair --out DIR`; with BRIAN2.csv (izhsim-codegen's resource
brian2/izhikevich_2007.csv) it prints the largest difference of each curve relative to Brian2's largest value.

Usage: /usr/bin/python3 plot_izhikevich_2007_pair.py DIR FIGURE.png [BRIAN2.csv]
"""
import json
import sys

import numpy as np
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt

GMAX = 0.01  # the .syn's gmax: the curves are drawn in its units, as Brian2's example does

out, figure = sys.argv[1], sys.argv[2]
curves = np.genfromtxt(f'{out}/curves.csv', delimiter=',', names=True)
params = json.load(open(f'{out}/run.json'))['parameters']
t = curves['t_ms'] / 1000
fig, ax = plt.subplots(4, 1, figsize=(10, 7), sharex=True)
ax[0].plot([e['t_ms'] / 1000 for e in params['spikes']], [e['neuron'] for e in params['spikes']], 'ob')
ax[0].plot(np.array(params['rewards_ms']) / 1000, [2] * len(params['rewards_ms']), 'or')
ax[0].set_yticks([0, 1, 2], ['pre', 'post', 'reward'])
for a, key, name in ((ax[1], 'd', 'dopamine d'), (ax[2], 'c', 'eligibility c'), (ax[3], 's', 'strength s')):
    a.plot(t, curves[key] / GMAX)
    a.set_ylabel(name + ' / gmax')
ax[3].set_xlabel('time (s)')
ax[0].set_title('izhsim: Izhikevich_2007 protocol (classical STDP to 3 s, then dopamine-modulated)')
fig.tight_layout()
fig.savefig(figure, dpi=90)

if len(sys.argv) > 3:
    rows = [l.strip().split(',') for l in open(sys.argv[3]) if l.startswith('trace,')]
    brian = {k: np.array([float(r[i]) for r in rows]) for k, i in (('s', 2), ('c', 3), ('d', 4))}
    for k in 'scd':
        worst = np.max(np.abs(curves[k] - brian[k]))
        print(f'{k}: largest difference {worst:.3g} = {100 * worst / np.max(np.abs(brian[k])):.3f} % of Brian2\'s largest |{k}|')
