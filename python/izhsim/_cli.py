"""The built-in commands, run in this process through izhsim's own command line.

Each call runs exactly what ``./izhsim COMMAND --json --out DIR`` runs (same options, checks,
messages and files), with stdout and stderr captured, and reads its results back as NumPy
arrays. Options are keyword arguments named as the CLI's (``threads=2`` is ``--threads 2``,
``record_neurons=[0, 1]`` is ``--record-neurons 0,1``, ``quiet=True`` is ``--quiet``).
"""
from __future__ import annotations

import json
import shutil
import tempfile
import threading
from pathlib import Path

import numpy as np

from . import _jvm
from ._errors import UsageError, from_exit

_lock = threading.Lock()  # System.out and System.err are per process


def argv(command: str, positional=(), **options) -> list[str]:
    """The command line for keyword options (a value None or False leaves the option out)."""
    args = [command] + [str(p) for p in positional]
    for key, value in options.items():
        if not key.replace("_", "").isalnum():
            raise UsageError(f"option {key!r} is not an option name")
        flag = "--" + key.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            args.append(flag)
        elif isinstance(value, dict):  # repeated NAME=VALUE options, e.g. set={"a": 0.02}
            for k, v in value.items():
                args += [flag, f"{k}={v}"]
        elif isinstance(value, (list, tuple, range, np.ndarray)):
            args += [flag, ",".join(str(v) for v in value)]
        else:
            args += [flag, str(value)]
    return args


def call(args: list[str]) -> tuple[int, str, str]:
    """Runs one izhsim command line in this JVM: (exit code, stdout, stderr)."""
    _jvm.start()
    from java.io import ByteArrayOutputStream, PrintStream
    from java.lang import String as JString, System
    from jpype import JArray
    from org.izhsim.cli import Main

    with _lock:
        out, err = ByteArrayOutputStream(), ByteArrayOutputStream()
        old_out, old_err = System.out, System.err
        System.setOut(PrintStream(out, True, "UTF-8"))
        System.setErr(PrintStream(err, True, "UTF-8"))
        try:
            code = int(Main.run(JArray(JString)(args)))
        finally:
            System.out.flush()
            System.err.flush()
            System.setOut(old_out)
            System.setErr(old_err)
        return code, str(out.toString("UTF-8")), str(err.toString("UTF-8"))


class Result:
    """What a command produced: its JSON summary, run.json, spikes and monitor recordings.

    ``spikes`` has ``t_ms`` (float64, k·dt) and ``i`` (int32, global neuron index) when the
    command wrote spikes.npz; ``monitors`` maps a monitor's file name (without .npz) to its arrays;
    ``out`` is the output directory when one was given (else the files were read and removed).
    """

    def __init__(self, summary, metadata, spikes, monitors, out):
        self.summary, self.metadata, self.spikes, self.monitors, self.out = summary, metadata, spikes, monitors, out

    def __repr__(self):
        n = None if self.spikes is None else len(self.spikes["t_ms"])
        return f"izhsim.Result(spikes={n}, monitors={sorted(self.monitors)}, out={self.out})"


def _load(out: Path):
    metadata = json.loads((out / "run.json").read_text()) if (out / "run.json").is_file() else None
    spikes, monitors = None, {}
    for f in sorted(out.glob("*.npz")):
        with np.load(f, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        if f.name == "spikes.npz":
            spikes = arrays
        else:
            monitors[f.stem] = arrays
    return metadata, spikes, monitors


def command(name: str, positional=(), out=None, **options) -> Result:
    """Runs ``izhsim NAME`` with --json and returns its results (raises izhsim's message on failure)."""
    options.setdefault("quiet", True)
    options.setdefault("figures", "none")
    tmp = None
    if out is None:
        tmp = Path(tempfile.mkdtemp(prefix="izhsim-py-"))
        target = tmp / "out"
    else:
        target = Path(out)
    try:
        code, stdout, stderr = call(argv(name, positional, json=True, out=str(target), **options))
        if code != 0:
            raise from_exit(code, stderr)
        summary = json.loads(stdout) if stdout.strip() else {}
        metadata, spikes, monitors = _load(target) if target.is_dir() else (None, None, {})
        return Result(summary, metadata, spikes, monitors, None if tmp else target)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def neuron(**options) -> Result:
    """``izhsim neuron``: one neuron (``preset="RS"``, ``current="10"``, ``equations=FILE``, …)."""
    return command("neuron", **options)


def features(**options) -> Result:
    """``izhsim features``: the 20 panels of Izhikevich (2004) (``panel="A"`` for one)."""
    return command("features", **options)


def fi(**options) -> Result:
    """``izhsim fi``: an F–I curve (``preset``, ``from_``/``to``/``step`` as ``**{"from": 0}``)."""
    return command("fi", **options)


def net2003(**options) -> Result:
    """``izhsim net2003``: Izhikevich's 2003 network (``ne``, ``ni``, ``duration``, ``seed``, ``threads``, …)."""
    return command("net2003", **options)


def run_file(path, **options) -> Result:
    """``izhsim run FILE``: a YAML or TOML model file."""
    return command("run", positional=[str(path)], **options)
