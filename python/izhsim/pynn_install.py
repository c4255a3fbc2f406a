"""Makes the backend importable as ``pyNN.izhsim``, as PyNN's external backends are: a two-line
module ``izhsim.py`` in PyNN's package folder that makes ``pyNN.izhsim`` the module ``izhsim.pynn``.

    python3 -m izhsim.pynn_install            # writes <pyNN>/izhsim.py (needs write access: sudo for Debian's)
    python3 -m izhsim.pynn_install --print    # prints the path and text, writes nothing
    python3 -m izhsim.pynn_install --remove
"""
from __future__ import annotations

import sys
from pathlib import Path

SHIM = ('"""pyNN.izhsim: the izhsim backend (written by python -m izhsim.pynn_install)."""\n'
        "import sys\nimport izhsim.pynn as _backend\n\nsys.modules[__name__] = _backend\n")


def register():
    """``pyNN.izhsim`` for this process only (what the tests do): no file is written."""
    import pyNN

    import izhsim.pynn as backend

    sys.modules["pyNN.izhsim"] = backend
    pyNN.izhsim = backend
    return backend


def shim_path() -> Path:
    import pyNN

    return Path(pyNN.__file__).resolve().parent / "izhsim.py"


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    unknown = [a for a in args if a not in ("--print", "--remove")]
    if unknown:
        print(f"izhsim.pynn_install: unknown option {unknown[0]}; options: --print, --remove", file=sys.stderr)
        return 2
    path = shim_path()
    if "--print" in args:
        print(f"{path}:\n{SHIM}")
        return 0
    try:
        if "--remove" in args:
            if path.exists():
                path.unlink()
            print(f"removed {path}")
        else:
            path.write_text(SHIM, encoding="utf-8")
            print(f"wrote {path}; `import pyNN.izhsim` now runs izhsim (izhsim must be importable: pip install ./python)")
    except OSError as e:
        print(f"izhsim.pynn_install: cannot write {path} ({e.strerror}); run it with sudo, or use "
              "izhsim.pynn_install.register() in the script", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
