"""Article titles that start alike stay apart in a narrow list: the cell keeps the title's first
word, then skips to where it departs from the most alike other title ("Donald … envoy Steve"
and "Donald … representative, Steve" rather than "Donald Trump's ov…" twice)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate

DEPARTS_ROLE = Qt.ItemDataRole.UserRole + 1  # where a title departs from the most alike other one
_SHOWN_CHARS = 3  # of the differing word, for the titles to be told apart
ELLIPSIS = " … "


def departures(titles: list[str]) -> dict[str, int]:
    """Title -> the index of the word where it departs from the most alike other title (0:
    no other title shares its first word). The most alike is a neighbour in sorted order."""
    ordered = sorted(set(titles))
    shared = [0] * len(ordered)
    for i in range(len(ordered) - 1):
        common = _common_length(ordered[i], ordered[i + 1])
        shared[i] = max(shared[i], _word_start(ordered[i], common))
        shared[i + 1] = max(shared[i + 1], _word_start(ordered[i + 1], common))
    return dict(zip(ordered, shared))


def _common_length(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _word_start(title: str, index: int) -> int:
    """The start of the word holding ``index`` (the word before, at a space; 0 in the first)."""
    return title.rfind(" ", 0, index) + 1


def shortened(title: str, departs: int, fits) -> str:
    """``title`` as the cell shows it: whole when its start up to a few characters past
    ``departs`` ``fits`` (a width test on a string), else its first word, an ellipsis and the
    rest from ``departs``."""
    head = title.split(" ", 1)[0]
    if departs <= len(head) + 1 or fits(title[: departs + _SHOWN_CHARS] + "…"):
        return title
    return head + ELLIPSIS + title[departs:]


class TitleDelegate(QStyledItemDelegate):
    """Draws the Article column with :func:`shortened` titles (the model's ``DEPARTS_ROLE``);
    Qt elides the rest on the right as before."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        departs = index.data(DEPARTS_ROLE)
        if not departs:
            return
        style = option.widget.style() if option.widget else QApplication.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1)
        width = option.rect.width() - margin
        metrics = option.fontMetrics
        option.text = shortened(option.text, departs, lambda s: metrics.horizontalAdvance(s) <= width)
