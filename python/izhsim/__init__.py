"""izhsim from Python: Izhikevich spiking neurons and networks simulated in Java, results as NumPy.

Two ways in:

* the built-in commands, with keyword options named as the CLI's — :func:`neuron`,
  :func:`features`, :func:`fi`, :func:`net2003`, :func:`run_file` — each returning a
  :class:`Result` (the --json summary, run.json, spikes and monitors as arrays);
* networks built in Python (:class:`Network`) or model files / dicts run in this process
  (:func:`run_model`), returning a :class:`Run` whose arrays come straight from the simulation.

The JVM starts on first use (:func:`start` to start it early with options), on the jar of the
izhsim checkout this package lives in (built by ``./izhsim`` when stale), or ``IZHSIM_JAR``.
Errors are :class:`IzhsimError` subclasses carrying izhsim's one-line message.
"""
from ._cli import Result, argv, call, features, fi, neuron, net2003, run_file
from ._errors import BlowUpError, IzhsimError, JvmError, UsageError
from ._jvm import start
from .network import Group, Monitor, Network, Run, run_model

__all__ = ["BlowUpError", "Group", "IzhsimError", "JvmError", "Monitor", "Network", "Result", "Run", "UsageError",
           "argv", "call", "features", "fi", "net2003", "neuron", "run_file", "run_model", "start", "version"]


def version() -> str:
    """izhsim's version line (version, commit, Java)."""
    start()
    from org.izhsim import Version

    return str(Version.describe())
