"""Start-up: the annotator's name (given, saved, or asked once), recent projects, run(),
dropping files on the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from annotator._qt import app as app_module
from annotator._qt import settings as saved
from annotator._qt.first_run import show_welcome
from annotator._qt.widgets import dialogs, file_dialogs


def test_no_name_dialog_before_the_window(qt_settings, monkeypatch):
    """First run: the login name for now, and the welcome panel asks; given or saved names win."""
    monkeypatch.setattr(dialogs, "ask_name", lambda parent, current: pytest.fail("a bare dialog was shown"))
    monkeypatch.setattr(app_module, "default_annotator", lambda: "login")
    assert app_module.choose_annotator(qt_settings, "given") == ("given", False)
    assert app_module.choose_annotator(qt_settings, None) == ("login", True)
    saved.set_annotator_name(qt_settings, "maria")
    assert app_module.choose_annotator(qt_settings, None) == ("maria", False)


def test_first_run_welcome_panel_asks_the_name_inside_the_window(qtbot, window):
    panel = show_welcome(window, "login")
    window.show()
    qtbot.waitExposed(window)
    assert panel.isVisible() and panel.name_edit.text() == "login"
    text = panel.findChild(QLabel).text()
    for key in ("n", "a", "x", "1–4", "Ctrl+Enter", "F1"):
        assert f"<b>{key}</b>" in text
    assert str(window.project.path.resolve()) in text and "dashed underline" in text
    panel.name_edit.setText("ines")
    qtbot.keyClick(panel.name_edit, Qt.Key_Return)
    assert not panel.isVisible()
    assert window.annotator == "ines" and saved.annotator_name(window.settings) == "ines"


def test_welcome_buttons_reach_open_and_import(qtbot, window, monkeypatch):
    panel = show_welcome(window, "login")
    triggered = []
    window.named_actions["open"].triggered.connect(lambda: triggered.append("open"))
    window.named_actions["import"].triggered.connect(lambda: triggered.append("import"))
    for name in ("open_file_name", "open_file_names"):  # the file dialogs answer "cancel"
        monkeypatch.setattr(file_dialogs, name, lambda *a, **k: ("", ""))
    panel.open_requested.emit()
    panel.import_requested.emit()
    assert triggered == ["open", "import"]


def test_change_annotator_from_the_menu(qtbot, window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_name", lambda parent, current: "li")
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    window.named_actions["annotator"].trigger()
    assert window.annotator == "li" and saved.annotator_name(window.settings) == "li"
    assert "Annotator: li" in window.who_label.text()
    assert all(s.annotator is None for s in window.annotating.state.spans)  # li's own view
    assert len(window.annotating.state.spans) == 5


def test_recent_projects_are_listed_in_the_file_menu(window, qt_project_path):
    entries = [a.text() for a in window.recent_menu.actions()]
    assert entries == [str(qt_project_path.resolve())]


def test_dropping_files_imports_them(qtbot, window, tmp_path):
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("A dropped article about Mariupol.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    before = window.list_model.rowCount()
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == before + 1, timeout=10000)


def test_run_opens_the_window_and_returns_when_it_closes(qtbot, qt_project_path, qt_settings, monkeypatch):
    monkeypatch.setattr(app_module.saved, "app_settings", lambda: qt_settings)
    seen = []

    def close_it():
        # the visible main window (other tests' closed windows may still be top-level widgets)
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, app_module.MainWindow) and w.isVisible()
        )
        seen.append(window.annotating.state.article.id)
        window.close()

    QTimer.singleShot(300, close_it)
    monkeypatch.setattr(app_module, "open_window", _no_suggest(app_module.open_window))
    assert app_module.run(qt_project_path, "ann", None) == 0
    assert seen == [1]


def _no_suggest(open_window):
    return lambda path, annotator, settings, model=None: open_window(
        path, annotator, settings, model, suggest=False
    )
