#!/usr/bin/env python3
"""The DA-STDP reward experiment (Izhikevich 2007, Fig. 1) from the dastdp.json of `izhsim dastdp`
(or the run.json of `izhsim example dastdp-network`): the chosen synapse's weight per second against the
other excitatory weights (bands between percentiles 1-99, 5-95, 25-75, the median and the maximum), the
rewards as ticks, and how many other synapses are at the maximum (right axis).

Usage: /usr/bin/python3 plot_dastdp.py RUN.json FIGURE.png
"""
import json
import sys

import numpy as np
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt

run = json.load(open(sys.argv[1]))
rows = run.get('per_second') or run['parameters']['per_second']
col = lambda k: np.array([r[k] for r in rows], dtype=float)
t = col('t_s')
fig, ax = plt.subplots(figsize=(10, 5))
for lo, hi, alpha in ((1, 99, 0.15), (5, 95, 0.25), (25, 75, 0.4)):
    ax.fill_between(t, col(f'others_p{lo}'), col(f'others_p{hi}'), color='grey', alpha=alpha, lw=0,
                    label=f'others: percentiles {lo}-{hi}')
ax.plot(t, col('others_p50'), color='black', lw=0.8, label='others: median')
ax.plot(t, col('others_max_w'), color='grey', lw=0.8, ls=':', label='others: maximum')
ax.plot(t, col('chosen_w'), color='tab:blue', lw=1.5, label='the rewarded synapse')
rewards = col('rewards')
new = t[np.diff(np.concatenate(([0], rewards))) > 0]
ax.plot(new, np.full(len(new), -0.15), '|', color='tab:red', ms=6, label='a reward in this second')
ax.set_xlabel('model time (s)')
ax.set_ylabel('weight')
ax.set_ylim(-0.3, 4.2)
right = ax.twinx()
right.plot(t, col('others_at_max'), color='tab:orange', lw=1, label='others at the maximum (right axis)')
right.set_ylabel('other synapses at the maximum (>= 3.99)', color='tab:orange')
right.set_ylim(0, max(10, col('others_at_max').max() * 1.1))
h1, l1 = ax.get_legend_handles_labels()
h2, l2 = right.get_legend_handles_labels()
ax.legend(h1 + h2, l1 + l2, loc='center left', fontsize=8)
chosen = run['chosen']
ax.set_title(f"DA-STDP, seed {run['seed']}: synapse {chosen['pre']} -> {chosen['post']} "
             f"({'exc' if chosen['post'] < run.get('ne', 800) else 'inh'} post), window {run.get('window_ms', 10)} ms, "
             f"{int(rewards[-1])} rewards")
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=90)
