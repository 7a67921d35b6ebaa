"""Start-up: the annotator's name (given, saved, or asked once), recent projects, run(),
dropping files on the window."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from annotator._qt import app as app_module
from annotator._qt import settings as saved
from annotator._qt.widgets import dialogs


def test_annotator_name_is_asked_once_then_kept(qt_settings, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "ask_name", lambda parent, current: asked.append(current) or "maria")
    assert app_module.choose_annotator(qt_settings, "given") == "given"
    assert asked == []
    assert app_module.choose_annotator(qt_settings, None) == "maria"
    assert app_module.choose_annotator(qt_settings, None) == "maria"
    assert len(asked) == 1 and saved.annotator_name(qt_settings) == "maria"


def test_change_annotator_from_the_menu(qtbot, window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_name", lambda parent, current: "li")
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    window.actions["annotator"].trigger()
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
        window = QApplication.activeWindow() or QApplication.topLevelWidgets()[0]
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
