"""``annotator --self-check``: prove an installation (wheel or built app) works end to end.

Each step prints one line with its time; the first failing step is named and the exit
status is 1. Everything happens in a temporary folder; the user's settings are not touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


class StepFailed(Exception):
    """A self-check step found something wrong (its message says what)."""


def _model(state: dict[str, Any]) -> str:
    from annotator.core.suggest import RULES_NAME, load_pipeline

    pipeline = load_pipeline(state.get("model"))
    if pipeline.model_name == RULES_NAME:
        raise StepFailed("no statistical spaCy model found (only the rules fallback)")
    state["pipeline"] = pipeline
    return pipeline.model_name


def _project(state: dict[str, Any]) -> str:
    from annotator.core.store import open_project

    path = Path(state["tmp"]) / "self-check.annotator.db"
    state["project"] = open_project(path, create=True)
    state["path"] = path
    return str(path)


def _import(state: dict[str, Any]) -> str:
    from annotator.core.ingest import import_sources
    from annotator.paths import samples_dir

    report = import_sources(state["project"], [str(samples_dir())], fmt="txt", annotator="self-check")
    if report.articles_added == 0:
        raise StepFailed(f"no article imported from {samples_dir()}")
    return f"{report.articles_added} sample article(s)"


def _suggest(state: dict[str, Any]) -> str:
    from annotator.core.suggest import suggest_articles

    project = state["project"]
    stored = suggest_articles(project, project.article_ids(), state["pipeline"])
    if stored == 0:
        raise StepFailed("the model suggested nothing for the sample articles")
    return f"{stored} suggestion(s)"


def _export(fmt: str, name: str) -> Callable[[dict[str, Any]], str]:
    def step(state: dict[str, Any]) -> str:
        from annotator.core.export import export_project

        out = Path(state["tmp"]) / name
        export_project(state["project"], out, fmt, status="all", include_suggestions=True)
        if not out.is_file() or out.stat().st_size == 0:
            raise StepFailed(f"{out.name} was not written")
        if fmt == "spacy":
            return f"{_docbin_docs(out)} doc(s) in {out.name}"
        return f"{sum(1 for _ in out.open(encoding='utf-8'))} line(s) in {out.name}"

    return step


def _docbin_docs(path: Path) -> int:
    import spacy
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))
    if not docs or not any(doc.spans.get("sc") for doc in docs):
        raise StepFailed(f"{path.name} holds no labelled doc")
    return len(docs)


def _window(state: dict[str, Any]) -> str:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the check must run on a machine without a display
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from annotator._qt.app import open_window

    state.pop("project").close()  # the window opens the project itself, locked
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    settings = QSettings(str(Path(state["tmp"]) / "settings.ini"), QSettings.Format.IniFormat)
    window = open_window(state["path"], "self-check", settings, suggest=False)
    window.show()
    app.processEvents()
    shown = window.isVisible() and window.view.toPlainText().strip() != ""
    window.close()
    app.processEvents()
    if not shown:
        raise StepFailed("the window opened without an article's text")
    return f"platform {app.platformName()}"


STEPS: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
    ("model", _model),
    ("project", _project),
    ("import", _import),
    ("suggest", _suggest),
    ("export-docbin", _export("spacy", "self-check.spacy")),
    ("export-jsonl", _export("jsonl", "self-check.jsonl")),
    ("window", _window),
]


def run_self_check(model: str | None = None, echo: Callable[[str], None] = click.echo) -> int:
    """Run every step; 0 when all pass, else 1 after naming the failing step."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="annotator-self-check-") as tmp:
        state: dict[str, Any] = {"tmp": tmp, "model": model}
        try:
            for name, step in STEPS:
                t0 = time.perf_counter()
                try:
                    detail = step(state)
                except Exception as exc:
                    echo(f"FAIL {name:<14} {time.perf_counter() - t0:6.2f} s  {type(exc).__name__}: {exc}")
                    echo(f"self-check failed at step '{name}'")
                    return 1
                echo(f"ok   {name:<14} {time.perf_counter() - t0:6.2f} s  {detail}")
        finally:
            project = state.get("project")
            if project is not None:
                project.close()
    echo(f"self-check passed in {time.perf_counter() - started:.2f} s")
    return 0


def visible_output() -> Path | None:
    """Give a windowed build (``console=False``: no console window when double-clicked) an
    output for the self-check's lines: the console of the terminal that started it (Windows
    starts such a program without stdout), else a file, whose path is returned."""
    if sys.stdout is not None:
        return None
    if sys.platform == "win32":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")
            return None
    path = Path(tempfile.gettempdir()) / "annotator-self-check.txt"
    sys.stdout = sys.stderr = open(path, "w", encoding="utf-8", errors="replace")
    return path


def self_check_option(func):
    """The group's ``--self-check`` flag: run the checks and exit with their status."""

    def callback(ctx: click.Context, _param, value: bool) -> None:
        if value and not ctx.resilient_parsing:
            visible_output()
            ctx.exit(run_self_check())

    return click.option(
        "--self-check",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=callback,
        help="Check this installation end to end (model, project, import, suggest, export, window).",
    )(func)
