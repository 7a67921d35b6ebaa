"""Screenshots of review mode and the dashboard (run under Xvfb):

    xvfb-run -a -s "-screen 0 1400x900x24" python scripts/review_screenshots.py PROJECT OUT_DIR [REVIEWER]

Works on a copy of PROJECT; the review window opens on the most disputed article with its
first disagreement focused; saves OUT_DIR/review.png, OUT_DIR/review_fixed.png (a taken
version whose end was moved a word with Shift+]) and OUT_DIR/dashboard.png.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from annotator._qt.app import open_window
from annotator.core.review.agreement import agreement
from annotator.core.store import open_project


def main() -> None:
    """Open review mode on a copy of PROJECT and save screenshots to OUT."""
    project, out = Path(sys.argv[1]), Path(sys.argv[2])
    reviewer = sys.argv[3] if len(sys.argv) > 3 else "carla"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp()) / project.name
    shutil.copy(project, work)
    with open_project(work, read_only=True) as proj:
        disputed = agreement(proj)["disputed"][0]["article_id"]
    app = QApplication(sys.argv[:1])
    settings = QSettings(str(work.parent / "settings.ini"), QSettings.IniFormat)
    window = open_window(work, reviewer, settings, suggest=False)
    window.show()
    review = window.view_menu.open_review(article_id=disputed)
    review.take(2)  # the reviewer took annotator 2's version of the first region (filled)
    review.next()

    def shoot_review() -> None:
        review.grab().save(str(out / "review.png"))
        # fixing a span with the labelling keys: take a version, then move its end a word right
        review.take(1 if review.regions[review.focus].version_of(review.names[0]) else 2)
        review.fixer.run("end_right")
        review.version()  # v: the status bar names the next alternative version
        QTimer.singleShot(600, shoot_fixed)

    def shoot_fixed() -> None:
        review.grab().save(str(out / "review_fixed.png"))
        dashboard = window.view_menu.open_dashboard()
        dashboard.loaded.connect(lambda: QTimer.singleShot(800, lambda: shoot_dashboard(dashboard)))

    def shoot_dashboard(dashboard) -> None:
        dashboard.grab().save(str(out / "dashboard.png"))
        app.quit()

    QTimer.singleShot(1500, shoot_review)
    app.exec()
    window.close()


if __name__ == "__main__":
    main()
