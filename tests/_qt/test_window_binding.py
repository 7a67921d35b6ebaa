"""The Qt binding must not drop references to None (PySide6 6.12.0 on Python 3.11 does: every
void call takes one away, and after some thousands of paints Python aborts in none_dealloc)."""

import sys

from PySide6.QtCore import QRectF


def test_void_calls_keep_none_alive(qapp):
    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(2000):
        rect.setX(1.0)
    assert sys.getrefcount(None) > before - 1000
