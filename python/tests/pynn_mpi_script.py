"""A PyNN script run by test_pynn_mpi.py under mpirun and alone: Izhikevich cells, Poisson input, random
connections; rank 0 saves the spikes to the .npz named by argv[1]."""
import sys

import numpy as np

import izhsim.pynn as sim

sim.setup(timestep=0.5, min_delay=0.5, threads=1, seed=11)
exc = sim.Population(160, sim.Izhikevich(a=0.02, b=0.2, c=-65.0, d=8.0))
inh = sim.Population(40, sim.Izhikevich(a=0.1, b=0.2, c=-65.0, d=2.0))
noise = sim.Population(50, sim.SpikeSourcePoisson(rate=40.0))
rng = sim.NumpyRNG(seed=4)
for pre, post, w in ((exc, exc, 0.5), (exc, inh, 0.5), (inh, exc, -1.0), (noise, exc, 6.0), (noise, inh, 6.0)):
    sim.Projection(pre, post, sim.FixedProbabilityConnector(0.1, rng=rng),
                   sim.StaticSynapse(weight=w, delay=sim.RandomDistribution("uniform", (0.5, 5.0), rng=rng)))
exc.record("spikes")
inh.record(["spikes", "v"])
sim.run(100.0)
sim.run(100.0)
e, i = exc.get_data(), inh.get_data()
if sim.rank() == 0:
    np.savez(sys.argv[1], processes=sim.num_processes(),
             exc=np.concatenate([np.asarray(s) + 1000 * k for k, s in enumerate(e.segments[0].spiketrains)]),
             inh=np.concatenate([np.asarray(s) + 1000 * k for k, s in enumerate(i.segments[0].spiketrains)]),
             v=np.asarray(i.segments[0].filter(name="v")[0].magnitude))
sim.end()
