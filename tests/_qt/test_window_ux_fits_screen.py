"""The window opens inside the screen it is on, status bar included."""

from __future__ import annotations


def test_window_fits_the_available_screen(window):
    screen = window.screen().availableGeometry()
    assert window.height() < screen.height() and window.width() < screen.width()
    bar = window.statusBar()
    assert bar.isVisible() and bar.mapTo(window, bar.rect().bottomLeft()).y() < screen.height()
