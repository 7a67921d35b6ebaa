"""Window geometry and splitter sizes are remembered (QSettings window/geometry, window/splitter)."""

from __future__ import annotations


def test_geometry_and_splitter_sizes_come_back(qtbot, open_win, qt_project_path):
    window = open_win(qt_project_path)
    window.resize(700, 500)
    window.splitter.setSizes([150, 330, 220])
    qtbot.waitUntil(lambda: window.size().width() == 700)
    sizes = window.splitter.sizes()
    window.close()
    again = open_win(qt_project_path)
    assert (again.size().width(), again.size().height()) == (700, 500)
    assert again.splitter.sizes() == sizes


def test_without_saved_layout_the_window_fits_the_screen(qtbot, open_win, qt_project_path, qt_settings):
    assert qt_settings.value("window/geometry") is None
    window = open_win(qt_project_path)
    screen = window.screen().availableGeometry()
    assert window.width() <= min(1360, screen.width()) and window.height() <= min(860, screen.height())
