"""File → Export's save dialog: the file gets the format its name says, and a name typed
without a suffix gets the chosen format's (Qt's dialog adds none). Found by hand under Xvfb:
typing ``exp2.jsonl`` with the first filter (spaCy) showing wrote a binary DocBin into
``exp2.jsonl``, and typing ``exp1`` wrote a DocBin named ``exp1``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator._qt import file_jobs
from annotator._qt.file_jobs import export_target


def export_as(qtbot, window, monkeypatch, typed: str, chosen: str = "spacy (*.spacy)") -> str:
    """Ctrl+E with ``typed`` in the save dialog and the ``chosen`` filter; the status text."""
    monkeypatch.setattr(file_jobs, "ask_export_file", lambda *a: (typed, chosen))
    window.jobs._report = lambda text, report: window.statusBar().showMessage(text)  # no modal box
    qtbot.keyClick(window.view, Qt.Key_E, Qt.ControlModifier)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported"), timeout=20000)
    return window.statusBar().currentMessage()


@pytest.fixture
def done(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    return window


def test_a_typed_jsonl_name_is_written_as_jsonl_whatever_the_filter(qtbot, done, monkeypatch, tmp_path):
    out = tmp_path / "exp2.jsonl"
    assert export_as(qtbot, done, monkeypatch, str(out)) == f"Exported to {out} (jsonl)"
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "Putin" in lines[0]["text"] and lines[0]["spans"]


def test_a_name_without_suffix_gets_the_chosen_formats(qtbot, done, monkeypatch, tmp_path):
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    assert (
        export_as(qtbot, done, monkeypatch, str(tmp_path / "exp1"))
        == f"Exported to {tmp_path / 'exp1.spacy'} (spacy)"
    )
    assert not (tmp_path / "exp1").exists()
    docs = list(DocBin().from_disk(tmp_path / "exp1.spacy").get_docs(Vocab()))
    assert "Putin" in docs[0].text and docs[0].ents


def test_export_target():
    """The first format with a suffix wins (jsonl before doccano), unless the filter chose one
    with that suffix; brat writes a folder, whatever its name."""
    assert export_target("/x/c.jsonl", "spacy") == (Path("/x/c.jsonl"), "jsonl")
    assert export_target("/x/c.jsonl", "doccano") == (Path("/x/c.jsonl"), "doccano")
    assert export_target("/x/c.JSON", "spacy") == (Path("/x/c.JSON"), "labelstudio")
    assert export_target("/x/c.v2", "conll") == (Path("/x/c.v2.conll"), "conll")
    assert export_target("/x/corpus", "brat") == (Path("/x/corpus"), "brat")
    assert export_target("/x/corpus", "spacy") == (Path("/x/corpus.spacy"), "spacy")
