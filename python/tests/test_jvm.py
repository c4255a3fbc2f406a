"""Finding the JDK and the jar: clear errors instead of a JVM that fails obscurely."""
import pytest

from izhsim import _jvm
from izhsim._errors import JvmError


def fake_jdk(root, name, version):
    d = root / name
    (d / "bin").mkdir(parents=True)
    (d / "bin" / "java").write_text("")
    (d / "release").write_text(f'JAVA_VERSION="{version}"\n')
    return d


def test_the_newest_jdk_of_at_least_25_wins(tmp_path, monkeypatch):
    monkeypatch.delenv("JAVA_HOME", raising=False)
    fake_jdk(tmp_path, "jdk17", "17.0.15")
    fake_jdk(tmp_path, "jdk25", "25.0.3")
    best = fake_jdk(tmp_path, "jdk26", "26")
    assert _jvm.find_jdk(roots=[str(tmp_path)]) == best


def test_no_jdk_25_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.setenv("JAVA_HOME", str(fake_jdk(tmp_path, "jdk17", "17.0.15")))
    with pytest.raises(JvmError, match="JDK >= 25.*Temurin 25"):
        _jvm.find_jdk(roots=[str(tmp_path / "none")])


def test_a_missing_jar_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("IZHSIM_JAR", str(tmp_path / "izhsim.jar"))
    with pytest.raises(JvmError, match="IZHSIM_JAR names .*izhsim.jar"):
        _jvm.find_jar()
