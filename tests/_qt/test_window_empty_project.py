"""A new, empty project: the blank text pane says how to get articles in, and the import's
status line counts in words that fit (seen under Xvfb: an empty white pane after File → New
project, and "Imported 1 new articles")."""

from __future__ import annotations

from annotator.core.store import open_project


def test_an_empty_project_says_how_to_import_until_articles_come(qtbot, open_win, tmp_path):
    path = tmp_path / "empty.annotator.db"
    open_project(path, create=True).close()
    window = open_win(path)
    assert window.view.document().isEmpty()
    hint = window.view.placeholderText()
    assert "No articles yet" in hint and "Ctrl+I" in hint and "drop" in hint
    article = tmp_path / "one.txt"
    article.write_text("Officials in Kharkiv said the talks would resume.", encoding="utf-8")
    job = window.jobs.start_import([str(article)])
    with qtbot.waitSignal(job.succeeded, timeout=20000):
        pass
    qtbot.waitUntil(lambda: "Kharkiv" in window.view.toPlainText(), timeout=5000)
    assert window.statusBar().currentMessage() == "Imported 1 new article (0 already there)"
