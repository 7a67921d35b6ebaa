"""Start-up measurement for benchmarks/bench_startup.py: with ``ANNOTATOR_STARTUP_PROBE`` set to
the launch time (``time.time()`` of the launcher), print the seconds to the window's first paint
and quit. Unset (always, for users) it does nothing."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer


class _FirstPaint(QObject):
    def __init__(self, launched: float, app):
        super().__init__(app)
        self.launched, self.app, self.seen = launched, app, False

    def eventFilter(self, obj, event) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint and obj.isWindow():
            self.seen = True
            print(f"first paint {time.time() - self.launched:.3f} s", file=sys.stderr, flush=True)
            QTimer.singleShot(0, self.app.closeAllWindows)
        return False


def install(app) -> None:
    """Watch for the first painted window when the probe is asked for."""
    launched = os.environ.get("ANNOTATOR_STARTUP_PROBE")
    if launched:
        app.installEventFilter(_FirstPaint(float(launched), app))
