"""Window speed, offscreen: first paint of a 10,000-word article with 2,000 spans, key press to
repaint for ``n`` and ``a``, and opening a 100,000-article project.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_render.py [--articles 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core import edits
from annotator.core.model import Span
from annotator.core.store import articles, open_project
from annotator.core.store import spans as span_rows

WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "in",
    "Kyiv",
    "would",
    "resume",
    "after",
    "officials",
    "from",
    "Moscow",
    "and",
    "NATO",
    "met",
    "on",
    "Tuesday",
    "while",
    "at",
    "least",
    "19",
    "people",
    "were",
    "killed",
    "near",
    "Kharkiv",
    "according",
    "to",
    "local",
    "authorities",
    "who",
    "asked",
    "for",
    "calm",
]
LABELS = ("ACTOR", "LOCATION", "ACTOR", "CASUALTY")


def build_long_article(path: Path, n_words: int = 10_000, n_spans: int = 2_000) -> int:
    """One article of ``n_words`` words: spans every 5th word, a QUOTE around every 10th group."""
    rng = random.Random(7)
    words = [rng.choice(WORDS) for _ in range(n_words)]
    starts, pos = [], 0
    for i, word in enumerate(words):
        starts.append(pos)
        pos += len(word) + (2 if i % 120 == 119 else 1)
    text = "".join(w + ("\n\n" if i % 120 == 119 else " ") for i, w in enumerate(words)).rstrip()
    with open_project(path, create=True) as project:
        with project.transaction():
            ((article_id, _),) = articles.insert_batch(project.db, [{"text": text, "title": "long"}])
            made = 0
            for k in range(0, n_words - 12, 5):
                if made >= n_spans:
                    break
                label = "QUOTE" if k % 50 == 0 else LABELS[(k // 5) % 4]
                end_word = k + 8 if label == "QUOTE" else k
                attrs = {"kind": "killed"} if label == "CASUALTY" else {}
                span_rows.insert(
                    project.db,
                    Span(
                        article_id,
                        starts[k] if label == "QUOTE" else starts[k + 1],
                        starts[end_word + 1] + len(words[end_word + 1]),
                        label,
                        attrs,
                        origin="model",
                        status="suggested",
                    ),
                )
                made += 1
        pending = project.spans_for(article_id, "bench")[::5]  # a fifth already accepted
        for span in pending:
            edits.perform(project, edits.accept, span.id, annotator="bench")
    return article_id


def build_many(path: Path, n: int) -> None:
    """A project of ``n`` short articles."""
    rng = random.Random(3)
    with open_project(path, create=True) as project, project.transaction():
        for first in range(0, n, 5000):
            articles.insert_batch(
                project.db,
                [
                    {
                        "text": f"Report {i}: " + " ".join(rng.choice(WORDS) for _ in range(40)),
                        "title": f"Report {i}",
                    }
                    for i in range(first, min(n, first + 5000))
                ],
            )


def wait_paint(app, view, since: float) -> float:
    """Milliseconds from ``since`` until ``view`` has painted."""
    painted = []
    view.painted.connect(lambda: painted.append(time.perf_counter()))
    while not painted:
        app.processEvents()
    view.painted.disconnect()
    return (painted[0] - since) * 1000


def bench_article(app, path: Path, settings: QSettings) -> dict:
    """First paint and key-to-repaint times of the window on one article of ``path``."""
    from annotator._qt.app import open_window

    window = open_window(path, "bench", settings, suggest=False)
    window.show()
    window.activateWindow()
    wait_paint(app, window.view, time.perf_counter())
    article_id = window.annotating.state.article.id
    window.open_article(article_id + 0)  # warm: tokenizer and caches are not what we measure
    start = time.perf_counter()
    window.open_article(article_id)
    first_paint = wait_paint(app, window.view, start)
    view = window.view
    n_times, a_times = [], []
    for _ in range(60):
        start = time.perf_counter()
        QTest.keyClick(view, Qt.Key_N)
        n_times.append(wait_paint(app, view, start))
    for _ in range(30):
        while not window.annotating.state.focused().is_suggestion:
            QTest.keyClick(view, Qt.Key_N)
            app.processEvents()
        start = time.perf_counter()
        QTest.keyClick(view, Qt.Key_A)
        a_times.append(wait_paint(app, view, start))
    spans = len(window.annotating.state.spans)
    window.close()
    return {
        "first_paint": first_paint,
        "n": statistics.median(n_times),
        "n_max": max(n_times),
        "a": statistics.median(a_times),
        "a_max": max(a_times),
        "spans": spans,
    }


def bench_open(app, path: Path, settings: QSettings) -> float:
    """Seconds from opening ``path`` to the window's first paint."""
    from annotator._qt.app import open_window

    start = time.perf_counter()
    window = open_window(path, "bench", settings, suggest=False)
    window.show()
    table = window.article_list.table
    painted = wait_paint(app, window.view, start)
    last = window.list_model.rowCount() - 1
    t = time.perf_counter()
    table.scrollToBottom()
    window.list_model.data(window.list_model.index(last, 1))
    scroll = (time.perf_counter() - t) * 1000
    window.close()
    return painted, scroll


def main() -> None:
    """Build (or reuse) the projects, time the window on them, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the generated projects here")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_render_"))
    folder.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(folder / "settings.ini"), QSettings.IniFormat)
    long_path, many_path = folder / "long.annotator.db", folder / f"many{args.articles}.annotator.db"
    for stale in (long_path,):
        stale.unlink(missing_ok=True)
    build_long_article(long_path)
    made = time.perf_counter()
    if not many_path.exists():
        build_many(many_path, args.articles)
        print(f"built a {args.articles:,}-article project in {time.perf_counter() - made:.1f} s")
    article = bench_article(app, long_path, settings)
    opened, scroll = bench_open(app, many_path, settings)
    print(f"article: 10,000 words, {article['spans']:,} spans shown (offscreen, {os.cpu_count()} cores)")
    print(f"  open article -> first paint   {article['first_paint']:7.1f} ms   (target < 100 ms)")
    print(
        f"  key n -> repaint (median/max) {article['n']:7.1f} / {article['n_max']:.1f} ms   (target < 16 ms)"
    )
    print(
        f"  key a -> commit + repaint     {article['a']:7.1f} / {article['a_max']:.1f} ms   (target < 16 ms)"
    )
    print(f"project of {args.articles:,} articles:")
    print(f"  open project -> first paint   {opened:7.1f} ms   (target < 1000 ms)")
    print(f"  scroll list to the last row   {scroll:7.1f} ms")


if __name__ == "__main__":
    main()
