"""Suggestions arrive from a worker thread; import runs in the background; the list is lazy."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from window_helpers import PLAIN_TEXTS, activate

import annotator.core.suggest as suggest_pkg
from annotator._qt.app import open_window
from annotator._qt.models.article_list import PAGE, ArticleListModel
from annotator.core.model import Span
from annotator.core.store import articles, open_project
from annotator.core.store import spans as span_rows
from annotator.core.store.listing import ArticleQuery


class FakePipeline:
    """The loaded pipeline the fake suggester hands the worker: a name and a notice, no model."""

    model_name, notice = "fake", "fake model: rules only"


@pytest.fixture
def fake_suggester(monkeypatch):
    """A stand-in for spaCy: suggests the first word of each article as an ACTOR."""
    calls = []

    def suggest_articles(project, article_ids, pipeline, force=False, editing=(), withdrew=None, editor=None):
        calls.append((threading.current_thread() is threading.main_thread(), article_ids))
        with project.transaction():
            for article_id in article_ids:
                first = project.article(article_id).text.split()[0]
                span_rows.insert(
                    project.db, Span(article_id, 0, len(first), "ACTOR", origin="model", status="suggested")
                )
        return len(article_ids)

    monkeypatch.setattr(suggest_pkg, "load_pipeline", lambda model, project: FakePipeline())
    monkeypatch.setattr(suggest_pkg, "suggest_articles", suggest_articles)
    return calls


def open_with_suggester(qtbot, qt_settings, tmp_path):
    """A window, with its suggestion worker, on a project of the plain articles."""
    path = tmp_path / "plain.annotator.db"
    with open_project(path, create=True) as project, project.transaction():
        articles.insert_batch(project.db, [{"text": t} for t in PLAIN_TEXTS])
    window = open_window(path, "ann", qt_settings, suggest=True)
    qtbot.addWidget(window)
    window.show()
    return window


def test_suggestions_appear_when_the_worker_has_stored_them(qtbot, qt_settings, tmp_path, fake_suggester):
    window = open_with_suggester(qtbot, qt_settings, tmp_path)
    assert window.annotating.state.spans == []  # opened at once, before any suggestion
    qtbot.waitUntil(lambda: len(window.annotating.state.spans) == 1, timeout=5000)
    assert window.annotating.state.spans[0].text_in(PLAIN_TEXTS[0]) == "Officials"
    assert fake_suggester and not any(on_main for on_main, _ in fake_suggester)
    qtbot.waitUntil(lambda: len(fake_suggester) == 2, timeout=5000)  # the next article, ahead
    activate(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    assert len(span_rows.accepted(window.project.db, window.annotating.state.article.id, "ann")) == 1


def test_import_runs_in_the_background_and_refreshes_the_list(qtbot, window, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    for n in range(3):
        (folder / f"new{n}.txt").write_text(f"Dropped article number {n} about Odesa.", encoding="utf-8")
    before = window.list_model.rowCount()
    job = window.jobs.start_import([str(folder)])
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: window.list_model.rowCount() == before + 3, timeout=3000)
    assert "Imported 3 new articles" in window.statusBar().currentMessage()


def test_cancelled_import_writes_nothing(qtbot, window, tmp_path):
    source = tmp_path / "many.jsonl"
    source.write_text(
        "".join(f'{{"text": "Line {n} of a long import."}}\n' for n in range(5000)), encoding="utf-8"
    )
    before = window.list_model.rowCount()
    job = window.jobs.start_import([str(source)])
    job.cancel()
    with qtbot.waitSignal(job.cancelled, timeout=20000), qtbot.assertNotEmitted(job.failed):
        pass
    assert window.project.article_count() == before
    assert "stopped" in window.statusBar().currentMessage()


def test_article_list_reads_only_the_pages_in_view(qtbot, project):
    with project.transaction():
        articles.insert_batch(
            project.db,
            [{"text": f"Story {n} from {'Lviv' if n % 3 else 'Dnipro'}."} for n in range(3 * PAGE)],
        )
    model = ArticleListModel(project, ArticleQuery("ann"))
    assert model.rowCount() == 3 * PAGE and model._pages == {}
    row = 2 * PAGE + 5
    assert model.data(model.index(row, 1)) == f"Story {row} from {'Lviv' if row % 3 else 'Dnipro'}."
    assert list(model._pages) == [2]
    model.set_query(ArticleQuery("ann", search="Dnipro"))
    assert model.rowCount() == PAGE
    assert model.data(model.index(1, 2)) == "new"


def test_export_runs_in_the_background(qtbot, window, tmp_path):
    from annotator._qt.file_jobs import export_filters

    assert "spacy (*.spacy)" in export_filters()
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    out = tmp_path / "out.jsonl"
    window.jobs._report = lambda text, report: window.statusBar().showMessage(text)  # no modal box
    job = window.jobs.start_export(out, "jsonl")
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    assert out.exists() and "Putin" in out.read_text(encoding="utf-8")
    assert f"Exported to {out}" in window.statusBar().currentMessage()


def test_leaving_an_edited_article_asks_the_worker_to_look_again_for_memory(
    qtbot, qt_settings, tmp_path, fake_suggester, monkeypatch
):
    """Annotation memory learns finished decisions: an edit alone asks for nothing; once
    the edited article is left, the next articles are suggested again with force=True, and
    the open article is left out of what memory learns (``editing``) until ``editor`` marks
    it done."""
    forced, editing_seen = [], []
    original = suggest_pkg.suggest_articles

    def recording(project, article_ids, pipeline, force=False, editing=(), withdrew=None, editor=None):
        editing_seen.append((tuple(editing), editor))
        if force:
            forced.extend(article_ids)
            return 0
        return original(project, article_ids, pipeline)

    monkeypatch.setattr(suggest_pkg, "suggest_articles", recording)
    window = open_with_suggester(qtbot, qt_settings, tmp_path)
    qtbot.waitUntil(lambda: len(window.annotating.state.spans) == 1, timeout=5000)
    activate(qtbot, window)
    first = window.annotating.state.article.id
    assert editing_seen and editing_seen[0] == ((first,), "ann")  # done by ann: learnt while open
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    qtbot.wait(300)
    assert forced == []  # an intermediate state is never learnt
    window._neighbour(+1)
    second = window.annotating.state.article.id
    qtbot.waitUntil(lambda: second in forced, timeout=5000)
    assert first not in forced and editing_seen[-1] == ((second,), "ann")


def test_the_open_article_is_known_to_other_processes_until_the_window_closes(qtbot, window, qt_project_path):
    """``annotator suggest`` from a shell leaves the window's open article out of memory too:
    the window notes it in the project file, and the note goes when the window closes."""
    first = window.annotating.state.article.id
    with open_project(qt_project_path) as cli:
        assert cli.open_articles() == {first}
        window._neighbour(+1)
        second = window.annotating.state.article.id
        assert second != first and cli.open_articles() == {second}
        window.close()
        assert cli.open_articles() == set()


def test_a_withdrawn_suggestion_leaves_the_view(qtbot, qt_settings, tmp_path, fake_suggester, monkeypatch):
    """A run that only withdrew suggestions (memory no longer supports them) stores nothing,
    yet the open article must stop showing them."""
    original = suggest_pkg.suggest_articles

    def withdrawing(project, article_ids, pipeline, force=False, editing=(), withdrew=None, editor=None):
        if not force:
            return original(project, article_ids, pipeline)
        with project.transaction():
            for article_id in article_ids:
                project.db.execute("DELETE FROM spans WHERE article_id = ?", [article_id])
        for article_id in article_ids:
            withdrew(article_id, 1)
        return 0

    monkeypatch.setattr(suggest_pkg, "suggest_articles", withdrawing)
    window = open_with_suggester(qtbot, qt_settings, tmp_path)
    qtbot.waitUntil(lambda: len(window.annotating.state.spans) == 1, timeout=5000)
    window.suggester.refresh([window.annotating.state.article.id])
    qtbot.waitUntil(lambda: window.annotating.state.spans == [], timeout=5000)
