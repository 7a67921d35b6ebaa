"""The desktop app and the wheel, as a user gets them: built or installed fresh, then self-checked.

Slow (minutes each) but run in CI: a packaging mistake (a missing data file, metadata spaCy
reads, a Qt plugin) shows only in the built or installed copy, never in the source checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STEPS = ("model", "project", "import", "suggest", "export-docbin", "export-jsonl", "window")


def headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def assert_self_check(command: list[str], cwd: Path) -> None:
    result = subprocess.run(
        [*command, "--self-check"], cwd=cwd, env=headless_env(), capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for step in STEPS:
        assert any(line.startswith(f"ok   {step} ") for line in lines), result.stdout
    assert lines[-1].startswith("self-check passed")


@pytest.mark.slow
@pytest.mark.model
def test_built_app_passes_its_self_check(tmp_path):
    pytest.importorskip("PyInstaller", reason="the build extra (scripts/dev.sh installs it)")
    venv_dir = Path(sys.prefix)  # the venv itself: resolving the python symlink would leave it
    env = {**os.environ, "VENV": str(venv_dir), "DIST_DIR": str(tmp_path / "dist"), "SKIP_CHECK": "1"}
    env["WORK_DIR"] = str(tmp_path / "build")
    subprocess.run(["bash", "scripts/build_app.sh"], cwd=ROOT, env=env, check=True, timeout=1800)
    app = tmp_path / "dist" / "annotator" / "annotator"
    assert app.is_file()
    assert_self_check([str(app)], cwd=tmp_path)  # away from the checkout: nothing read from it


@pytest.mark.slow
@pytest.mark.model
def test_wheel_in_a_fresh_venv_passes_its_self_check(tmp_path):
    pip = [sys.executable, "-m", "pip"]
    subprocess.run([*pip, "wheel", "-q", "--no-deps", "-w", str(tmp_path / "wheels"), str(ROOT)], check=True)
    wheel = next((tmp_path / "wheels").glob("news_annotator-*.whl"))
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=True)
    subprocess.run(
        [str(fresh / "bin" / "python"), "-m", "pip", "install", "-q", f"{wheel}[model]"],
        check=True,
        timeout=1200,
    )
    assert_self_check([str(fresh / "bin" / "annotator")], cwd=tmp_path)
