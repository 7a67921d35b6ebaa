"""``annotator --self-check``: one line per step with its time; the failing step is named."""

import re
import sys

import pytest
from click.testing import CliRunner

from annotator.cli import cli, self_check


@pytest.mark.model
def test_self_check_passes_every_step():
    result = CliRunner().invoke(cli, ["--self-check"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    steps = [name for name, _ in self_check.STEPS]
    assert steps == ["model", "project", "import", "suggest", "export-docbin", "export-jsonl", "window"]
    for name, line in zip(steps, lines):
        assert re.match(rf"ok   {re.escape(name)}\s+\d+\.\d\d s  \S", line), line
    assert lines[-1].startswith("self-check passed in")


def test_a_failing_step_is_named_and_exits_non_zero(monkeypatch):
    def broken(state):
        raise OSError("disk full")

    monkeypatch.setattr(self_check, "STEPS", [("project", self_check._project), ("import", broken)])
    lines: list[str] = []
    assert self_check.run_self_check(echo=lines.append) == 1
    assert lines[0].startswith("ok   project")
    assert lines[1].startswith("FAIL import") and "OSError: disk full" in lines[1]
    assert lines[-1] == "self-check failed at step 'import'"


def test_no_model_fails_the_model_step(monkeypatch):
    from annotator.core.suggest import pipeline

    monkeypatch.setattr(pipeline, "DEFAULT_MODELS", ())
    lines: list[str] = []
    assert self_check.run_self_check(echo=lines.append) == 1
    assert lines[0].startswith("FAIL model") and "rules fallback" in lines[0]


def test_a_windowed_build_without_stdout_still_shows_the_lines(monkeypatch, tmp_path):
    """console=False starts the app without stdout (Windows): the lines go to a file."""
    import tempfile

    from annotator.cli import self_check

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    path = self_check.visible_output()
    assert path == tmp_path / "annotator-self-check.txt"
    print("ok   model")
    sys.stdout.close()
    assert path.read_text(encoding="utf-8") == "ok   model\n"
