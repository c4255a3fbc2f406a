"""pyNN.izhsim under mpirun: the same script on 2 MPI processes gives the spikes and traces of 1 process."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pyNN")
SCRIPT = Path(__file__).with_name("pynn_mpi_script.py")


def run(tmp_path, name, prefix=()):
    out = tmp_path / f"{name}.npz"
    env = dict(os.environ, PYTHONPATH=str(SCRIPT.parent.parent))
    r = subprocess.run([*prefix, sys.executable, str(SCRIPT), str(out)], capture_output=True, text=True, env=env,
                       timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    return np.load(out)


@pytest.mark.skipif(shutil.which("mpirun") is None, reason="no mpirun")
def test_two_processes_give_the_spikes_of_one(tmp_path):
    one = run(tmp_path, "one")
    two = run(tmp_path, "two", ("mpirun", "--allow-run-as-root", "--oversubscribe", "--bind-to", "none", "-np", "2"))
    assert int(one["processes"]) == 1 and int(two["processes"]) == 2
    assert one["exc"].size > 50 and one["inh"].size > 10
    for key in ("exc", "inh"):
        np.testing.assert_array_equal(np.sort(one[key]), np.sort(two[key]))
    np.testing.assert_array_equal(one["v"], two["v"])  # each neuron integrated by one rank, bit for bit
