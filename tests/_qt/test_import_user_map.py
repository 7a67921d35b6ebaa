"""File → Import in the window: a Label Studio export asks for its users' names (the CLI's
``--user-map``, read by the same core parser); other files do not ask (leftovers 15, item 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator._qt import file_jobs
from annotator._qt.widgets import doccano_credit, user_map_dialog
from annotator._qt.widgets.user_map_dialog import UserMapDialog
from annotator.core.ingest import import_sources
from annotator.core.store import open_project

DATA = Path(__file__).parents[1] / "data" / "interop"
IDS = DATA / "labelstudio_users" / "export_ids.json"


@pytest.fixture
def labelled_path(tmp_path):
    """A project whose scheme has the CoNLL labels of the interop samples (doccano's all.jsonl)."""
    path = tmp_path / "interop.annotator.db"
    with open_project(path, create=True) as project:
        import_sources(
            project, [str(DATA / "doccano_export" / "all.jsonl")], annotator="seed", add_labels=True
        )
    return path


def annotators_of(project) -> set[str]:
    return set(project.annotators()) - {"seed"}


# every test here: the import's "Done" box would block on a modal dialog
pytestmark = pytest.mark.usefixtures("shown")


def answer(monkeypatch, text: str, seen: list[str]) -> None:
    """The dialog, as if ``text`` were typed and OK pressed (each error shown goes to ``seen``)."""

    def exec_(self):
        self.edit.setText(text)
        self.check()
        seen.append(self.error.text())
        return self.result()

    monkeypatch.setattr(UserMapDialog, "exec", exec_)


def test_the_dialog_refuses_a_bad_map_with_the_cores_message_and_takes_a_good_one(qtbot, tmp_path):
    dialog = UserMapDialog()
    qtbot.addWidget(dialog)
    dialog.edit.setText("1=alice, 2")
    dialog.check()
    assert dialog.result() != UserMapDialog.DialogCode.Accepted
    assert dialog.error.text() == "--user-map '2': write ID=NAME, e.g. 1=alice"
    users = tmp_path / "users.json"
    users.write_text('{"1": "alice", "2": "bob"}')
    dialog.edit.setText(str(users))
    dialog.check()
    assert dialog.result() == UserMapDialog.DialogCode.Accepted
    assert dialog.user_map == {"1": "alice", "2": "bob"}


def test_a_label_studio_import_asks_for_the_user_map_and_uses_it(qtbot, open_win, labelled_path, monkeypatch):
    window = open_win(labelled_path)
    seen: list[str] = []
    answer(monkeypatch, "1=alice,9=zoe", seen)
    job = window.jobs.start_import([str(IDS)])
    assert seen == [""]
    with qtbot.waitSignal(job.succeeded, timeout=20000) as done:
        pass
    report = done.args[0]
    assert annotators_of(window.project) == {"alice", "labelstudio-user-2"}
    assert "--user-map 9=zoe: no work in these files went to that name (is the id right?)" in report.notes
    assert "annotator alice: 1 article(s), 2 span(s) added" in report.summary_text()


def test_cancelling_the_user_map_imports_nothing(qtbot, open_win, labelled_path, monkeypatch):
    window = open_win(labelled_path)
    monkeypatch.setattr(user_map_dialog.UserMapDialog, "exec", lambda self: UserMapDialog.DialogCode.Rejected)
    assert window.jobs.start_import([str(IDS)]) is None
    assert annotators_of(window.project) == set()
    assert window.statusBar().currentMessage() == "Import cancelled."


def test_other_files_import_without_asking(qtbot, open_win, labelled_path, monkeypatch, tmp_path):
    window = open_win(labelled_path)
    monkeypatch.setattr(UserMapDialog, "exec", lambda self: pytest.fail("asked for a user map"))
    # a doccano member's file asks whose labels they are instead (test_import_doccano_member.py)
    monkeypatch.setattr(file_jobs, "ask_doccano_credit", lambda *_: doccano_credit.MINE)
    alice = tmp_path / "alice.jsonl"
    shutil.copy(DATA / "doccano_export" / "alice.jsonl", alice)
    job = window.jobs.start_import([str(alice)])
    with qtbot.waitSignal(job.succeeded, timeout=20000):
        pass
    assert annotators_of(window.project) == {"ann"}
