import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))  # the package in place, as `pip install ./python` would provide it


@pytest.fixture(scope="session")
def repo():
    return REPO


@pytest.fixture(scope="session")
def cli(repo):
    """Runs the real launcher in a subprocess (the reference the in-process bridge must equal)."""
    def run(*args):
        r = subprocess.run([str(repo / "izhsim"), *args], capture_output=True, text=True, cwd=repo)
        return r
    return run


@pytest.fixture(scope="session")
def pynn_izhsim():
    """pyNN.izhsim registered for this process (as `python -m izhsim.pynn_install` would install it)."""
    from izhsim.pynn_install import register

    return register()


@pytest.fixture(scope="session")
def brian2():
    """PyNN's Brian2 backend, the reference of the pyNN.izhsim tests."""
    pytest.importorskip("pyNN")
    pytest.importorskip("brian2")
    import pyNN.brian2 as b2

    return b2
