"""Starting the JVM in this process (JPype) on the project's jar, with the launcher's flags."""
from __future__ import annotations

import os
import re
import subprocess
import threading
from pathlib import Path

from ._errors import JvmError

#: JVM options of the ``./izhsim`` launcher that matter in-process (no CDS archive: that is per jar).
LAUNCHER_FLAGS = (
    "-XX:+UseParallelGC",
    "--enable-native-access=ALL-UNNAMED",
    "-Djava.awt.headless=true",
    "-XX:-PrintWarnings",
)
_JPYPE_JARS = ("/usr/share/java/org.jpype.jar",)  # Debian's python3-jpype keeps its support jar here
_lock = threading.Lock()


def _feature(jdk: Path) -> int:
    try:
        text = (jdk / "release").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 0
    m = re.search(r'^JAVA_VERSION="(\d+)', text, re.M)
    return int(m.group(1)) if m and (jdk / "bin" / "java").exists() else 0


JDK_ROOTS = ("/usr/lib/jvm", "/opt/java", "/usr/local/lib/jvm", "~/.jdks")


def find_jdk(roots=JDK_ROOTS) -> Path:
    """The newest JDK >= 25, looked for where the launcher looks (JAVA_HOME, then ``roots``)."""
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]))
    for root in roots:
        root = os.path.expanduser(root)
        p = Path(root)
        if p.is_dir():
            candidates.extend(sorted(p.iterdir()))
    best, best_v = None, 0
    for c in candidates:
        v = _feature(c)
        if v >= 25 and v > best_v:
            best, best_v = c, v
    if best is None:
        raise JvmError("izhsim needs a JDK >= 25 and found none (looked in JAVA_HOME, /usr/lib/jvm, /opt/java, ~/.jdks); "
                       "install Temurin 25 (e.g. apt-get install temurin-25-jdk from Adoptium's repository) or set JAVA_HOME")
    return best


def find_libjvm(jdk: Path) -> Path:
    for rel in ("lib/server/libjvm.so", "lib/client/libjvm.so", "lib/server/libjvm.dylib"):
        if (jdk / rel).exists():
            return jdk / rel
    raise JvmError(f"the JDK at {jdk} has no lib/server/libjvm.so")


def repo_root() -> Path | None:
    """The izhsim checkout this package sits in (python/izhsim/ inside it), or IZHSIM_HOME."""
    if os.environ.get("IZHSIM_HOME"):
        return Path(os.environ["IZHSIM_HOME"])
    here = Path(__file__).resolve().parent.parent.parent
    return here if (here / "izhsim").is_file() and (here / "pom.xml").is_file() else None


def find_jar(build: bool = True) -> Path:
    """The command-line jar: IZHSIM_JAR, else the checkout's, built by the launcher when stale."""
    if os.environ.get("IZHSIM_JAR"):
        jar = Path(os.environ["IZHSIM_JAR"])
        if not jar.is_file():
            raise JvmError(f"IZHSIM_JAR names {jar}, which does not exist")
        return jar
    root = repo_root()
    if root is None:
        raise JvmError("cannot find izhsim's jar: set IZHSIM_JAR to izhsim-cli/target/izhsim.jar, or IZHSIM_HOME to the "
                       "izhsim checkout (installed packages do not carry the jar)")
    jar = root / "izhsim-cli" / "target" / "izhsim.jar"
    if build:
        # the launcher builds when any source is newer than the jar, and only then; --version is its cheapest command
        # without the MPI launcher's variables: under mpirun the launcher's own JVM would take itself for a rank
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OMPI_", "PMIX_", "PMI_"))}
        r = subprocess.run([str(root / "izhsim"), "--version"], capture_output=True, text=True, env=env)
        if r.returncode != 0:
            raise JvmError("building izhsim's jar failed: " + (r.stderr.strip().splitlines() or ["(no message)"])[-1])
    if not jar.is_file():
        raise JvmError(f"izhsim's jar {jar} is missing; run {root / 'izhsim'} --version to build it")
    return jar


def start(extra_options=(), build: bool = True) -> None:
    """Starts the JVM once per process (a JVM cannot be restarted); later calls do nothing."""
    import jpype

    with _lock:
        if jpype.isJVMStarted():
            return
        jdk = find_jdk()
        jar = find_jar(build)
        cp = [str(jar)] + [j for j in _JPYPE_JARS if Path(j).exists()]
        opts = list(LAUNCHER_FLAGS) + list(extra_options) + os.environ.get("IZHSIM_JAVA_OPTS", "").split()
        try:
            jpype.startJVM(str(find_libjvm(jdk)), *opts, classpath=cp, convertStrings=False)
        except (OSError, RuntimeError, SystemError) as e:
            raise JvmError(f"the JVM at {jdk} did not start: {e}") from None
        import jpype.imports  # noqa: F401  (makes `import org.izhsim...` work)
