"""izhsim's errors as Python exceptions, with izhsim's one-line message and no Java stack trace."""


class IzhsimError(Exception):
    """Any failure izhsim reports."""


class JvmError(IzhsimError, RuntimeError):
    """The JVM or izhsim's jar cannot be found or started."""


class UsageError(IzhsimError, ValueError):
    """Bad input: an option, parameter, file or array izhsim refuses (the CLI's exit code 2)."""


class BlowUpError(IzhsimError, ArithmeticError):
    """A numerical blow-up: v or u became infinite or NaN (the CLI's exit code 3)."""


def translate(e):
    """The Python exception for a Java exception (or the CLI's exit code and message)."""
    name = str(e.getClass().getName()) if hasattr(e, "getClass") else type(e).__name__
    msg = str(e.getMessage()) if hasattr(e, "getMessage") and e.getMessage() is not None else str(e)
    if name.endswith("NumericalBlowUpException"):
        return BlowUpError(msg)
    if name.endswith(("IllegalArgumentException", "ModelFileException", "ExpressionException", "EquationException",
                      "NumberFormatException")):
        return UsageError(msg)
    if name.endswith("OutOfMemoryError"):
        return IzhsimError("out of memory in the JVM; give it more with IZHSIM_JAVA_OPTS=-Xmx<size> before importing izhsim")
    return IzhsimError(f"{name.rsplit('.', 1)[-1]}: {msg}")


def from_exit(code: int, stderr: str):
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    msg = lines[-1] if lines else f"izhsim exited with code {code}"
    msg = msg[len("izhsim: "):] if msg.startswith("izhsim: ") else msg
    if code == 2:
        return UsageError(msg)
    if code == 3:
        return BlowUpError(msg)
    return IzhsimError(msg)
