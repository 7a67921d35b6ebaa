"""File → Import in the window of doccano per-member export files (``USERNAME.jsonl``, one per
project member in doccano's export zip): the window asks whether their labels are the member's
or the annotator's own, as the CLI's ``--format doccano`` with or without ``--annotator`` does
(leftovers 15, item 3). The files are doccano 1.8.4's real export (tests/data/interop/real_tools)
and member files in its form (doccano_export)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator._qt.widgets import doccano_credit

DATA = Path(__file__).parents[1] / "data" / "interop"
REAL = DATA / "real_tools" / "doccano_1.8.4_relation_project.jsonl"  # every line says "annotator": "ann"
SPANS = sum(len(json.loads(line)["entities"]) for line in REAL.read_text().splitlines() if line.strip())


# every test here: the import's "Done" box would block on a modal dialog
pytestmark = pytest.mark.usefixtures("shown")


def answer(credit: str | None, seen: list[str]) -> None:
    """Press the question's button for ``credit`` (None: Cancel) once it shows; its texts go to ``seen``."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(f"{box.text()} {box.informativeText()} | " + " / ".join(b.text() for b in box.buttons()))
        for button in box.buttons():
            if button.property("credit") == credit or (
                credit is None and box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole
            ):
                button.click()
                return

    QTimer.singleShot(0, press)


def imported(qtbot, window, files: list[str]):
    job = window.jobs.start_import(files)
    assert job is not None
    with qtbot.waitSignal(job.succeeded, timeout=20000) as done:
        pass
    return done.args[0]


def spans_by_annotator(project) -> dict[str, int]:
    """Accepted spans of each annotator."""
    counts: dict[str, int] = {}
    for who in project.annotators():
        for article_id in project.article_ids():
            for span in project.spans_for(article_id, who):
                if span.annotator == who and span.status == "accepted":
                    counts[who] = counts.get(who, 0) + 1
    return counts


def test_a_members_file_goes_to_that_member_when_the_user_says_so(
    qtbot, open_win, qt_project_path, tmp_path, shown
):
    """doccano's real export, saved as the member's file: its labels and links become alice's
    (not the window's carol, nor the "ann" doccano kept on its lines), and the Done box says so."""
    alice = tmp_path / "alice.jsonl"
    shutil.copy(REAL, alice)
    window = open_win(qt_project_path, "carol")
    seen: list[str] = []
    answer(doccano_credit.MEMBERS, seen)
    report = imported(qtbot, window, [str(alice)])
    assert seen == [
        "alice.jsonl looks like doccano's export of one member's labels. doccano names that file after"
        " the member. Give its labels to doccano user alice, or to you (carol)? | To alice / To me (carol) / Cancel"
    ]
    assert spans_by_annotator(window.project) == {"alice": SPANS}
    assert report.annotators["alice"]["relations_added"] == 4
    assert f"{alice}: labels given to doccano user 'alice', whose export file is named for them" in shown[0]


def test_to_me_gives_every_label_to_the_windows_annotator(qtbot, open_win, qt_project_path):
    window = open_win(qt_project_path, "carol")
    seen: list[str] = []
    answer(doccano_credit.MINE, seen)
    imported(qtbot, window, [str(REAL)])
    assert "Give its labels to doccano user doccano_1.8.4_relation_project, or to you (carol)?" in seen[0]
    assert spans_by_annotator(window.project) == {"carol": SPANS}


def test_several_members_files_go_each_to_its_member(qtbot, open_win, tmp_path, shown):
    """The files of an unzipped doccano export picked together; all.jsonl beside them is left out."""
    from annotator.core.ingest import import_sources
    from annotator.core.store import open_project

    path = tmp_path / "conll.annotator.db"
    with open_project(path, create=True) as project:  # a scheme with the samples' CoNLL labels
        import_sources(
            project, [str(DATA / "doccano_export" / "all.jsonl")], annotator="seed", add_labels=True
        )
    window = open_win(path)
    seen: list[str] = []
    answer(doccano_credit.MEMBERS, seen)
    files = [
        str(DATA / "doccano_export" / n) for n in ("admin.jsonl", "alice.jsonl", "bob.jsonl", "all.jsonl")
    ]
    imported(qtbot, window, files)
    assert (
        "Give each file's labels to its member (admin, alice, bob), or all of them to you (ann)?" in seen[0]
    )
    assert {k: v for k, v in spans_by_annotator(window.project).items() if k != "seed"} == {
        "admin": 3,
        "alice": 4,
    }
    assert "all.jsonl: left out" in shown[0]


def test_cancel_imports_nothing(qtbot, open_win, qt_project_path):
    window = open_win(qt_project_path)
    before = window.project.article_count()
    answer(None, [])
    assert window.jobs.start_import([str(REAL)]) is None
    assert window.project.article_count() == before
    assert window.statusBar().currentMessage() == "Import cancelled."


def test_a_file_named_for_the_annotator_goes_to_them_without_asking(
    qtbot, open_win, qt_project_path, tmp_path, monkeypatch
):
    carol = tmp_path / "carol.jsonl"
    shutil.copy(REAL, carol)
    monkeypatch.setattr(doccano_credit.QMessageBox, "exec", lambda self: pytest.fail("asked"))
    window = open_win(qt_project_path, "carol")
    imported(qtbot, window, [str(carol)])
    assert spans_by_annotator(window.project) == {"carol": SPANS}


def test_our_own_doccano_export_does_not_ask(qtbot, open_win, qt_project_path, monkeypatch):
    """Our doccano export has no doccano ``Comments``: its lines' annotator keeps the labels."""
    monkeypatch.setattr(doccano_credit.QMessageBox, "exec", lambda self: pytest.fail("asked"))
    window = open_win(qt_project_path, "carol")
    imported(qtbot, window, [str(DATA / "real_tools" / "ours_to_doccano_relations.jsonl")])
    assert spans_by_annotator(window.project) == {"ann": SPANS}
