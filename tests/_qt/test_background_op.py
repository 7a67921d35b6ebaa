"""The background-operation helper: off the GUI thread, progress, cancel, failure, and changes."""

from __future__ import annotations

import threading

import pytest

from annotator._qt.background import BackgroundOp, ChangeBus, Changes
from annotator.core.errors import Cancelled


def test_work_runs_off_the_gui_thread_and_reports_progress_changes_and_result(qtbot):
    threads, progress, changes = [], [], []

    def work(ctx):
        threads.append(threading.current_thread() is threading.main_thread())
        for _ in range(3):
            ctx.progress(2)
        ctx.announce(Changes.of_articles(7))
        return "result"

    op = BackgroundOp(work, changes=lambda result: Changes(articles=True))
    op.progressed.connect(progress.append)
    op.changed.connect(changes.append)
    with qtbot.waitSignal(op.succeeded, timeout=5000) as got, qtbot.assertNotEmitted(op.failed):
        op.start()
    qtbot.waitUntil(lambda: len(changes) == 2, timeout=5000)
    assert got.args == ["result"] and threads == [False]
    assert progress == [2, 4, 6]
    assert changes == [Changes.of_articles(7), Changes(articles=True)]
    assert op.wait(5)


def test_cancel_ends_the_work_as_cancelled_not_failed(qtbot):
    started = threading.Event()

    def work(ctx):
        started.set()
        while not ctx.cancelled():
            threading.Event().wait(0.01)
        raise Cancelled("stopped; nothing was written")

    op = BackgroundOp(work, changes=lambda _: Changes(articles=True))
    changes = []
    op.changed.connect(changes.append)
    with qtbot.waitSignal(op.cancelled, timeout=5000) as got, qtbot.assertNotEmitted(op.failed):
        op.start()
        assert started.wait(5)
        op.cancel()
    assert got.args == ["stopped; nothing was written"] and changes == []


def test_an_error_is_reported_as_failed_and_finished_still_comes(qtbot):
    def work(ctx):
        raise ValueError("bad input")

    op = BackgroundOp(work)
    failed = []
    op.failed.connect(failed.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
    assert failed == ["bad input"]


def test_the_bus_passes_on_real_changes_until_closed(qtbot):
    bus = ChangeBus()
    seen = []
    bus.changed.connect(seen.append)
    bus.announce(Changes())  # nothing changed: nobody is told
    bus.announce(Changes.of_articles(3))
    bus.close()
    bus.announce(Changes(articles=True))  # a late signal after the window closed
    assert seen == [Changes.of_articles(3)]


@pytest.mark.parametrize(
    ("changes", "article", "touched"),
    [
        (Changes(articles=True), 5, True),
        (Changes.of_articles(5), 5, True),
        (Changes.of_articles(4), 5, False),
    ],
)
def test_changes_say_which_articles_to_read_again(changes, article, touched):
    assert changes.touches(article) is touched
