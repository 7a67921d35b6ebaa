"""The side panel describing the focused span: label, text, origin, attributes, speaker."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annotator.core.model import Span


class SpanPanel(QWidget):
    """Shows one span; empty text when nothing is focused."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setToolTip(
            "The focused span: label, state, attributes (e edits them), a QUOTE's speaker "
            "(s links one) and the label's guideline"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        self.setMinimumWidth(220)
        self.show_span(None, "", {}, None)

    def show_span(
        self,
        span: Span | None,
        text: str,
        colors: dict[str, str],
        speaker: str | None,
        guideline: str = "",
        attributes: tuple[str, ...] = (),
        alternatives: list[tuple[str, str]] | None = None,
        speaker_suggested: bool = False,
        speaker_guess: bool = False,
    ) -> None:
        """Describe ``span`` (whose covered text is ``text``); ``speaker`` for a QUOTE (a
        suggested link when ``speaker_suggested``, a guess from who is named near the quote when
        ``speaker_guess``); ``attributes`` are its label's attribute
        names in scheme order, shown even when unset; ``alternatives``: other ``(label, origin)``
        proposed for a suggestion's words."""
        if span is None:
            self.body.setText(
                "<p style='color:#777'>No span focused.<br><br>"
                "<b>n</b>/<b>p</b> move between spans, select text and press "
                "a label key to add one. <b>F1</b> lists every key.</p>"
            )
            return
        kind = "suggestion" if span.is_suggestion else span.status
        score = f" · score {span.score:.2f}" if span.score is not None else ""
        rows = [
            f"<h3 style='color:{colors.get(span.label, '#000')}'>{escape(span.label)}</h3>",
            f"<p><i>{escape(_short(text))}</i></p>",
            f"<p>{escape(kind)} · origin {escape(span.origin)}{score}</p>",
        ]
        if alternatives and span.is_suggestion:
            other = ", ".join(
                f"<b style='color:{colors.get(label, '#000')}'>{escape(label)}</b> ({escape(origin)})"
                for label, origin in alternatives
            )
            rows.append(
                f"<p>Also proposed here: {other}<br><span style='color:#777'>its label key relabels</span></p>"
            )
        names = list(attributes) + sorted(k for k in span.attrs if k not in attributes)
        if names:
            rows.append(
                "<table>"
                + "".join(
                    f"<tr><td>{escape(k)}&nbsp;&nbsp;</td><td><b>{escape(_shown(span.attrs.get(k)))}</b></td></tr>"
                    for k in names
                )
                + "</table>"
            )
            if attributes:
                rows.append("<p style='color:#777'><b>e</b> edits these</p>")
        if span.label == "QUOTE":
            rows.append(_speaker_row(speaker, speaker_suggested, span.is_suggestion, speaker_guess))
        if guideline:
            rows.append(f"<p style='color:#666; font-size:small'>{escape(guideline)}</p>")
        self.body.setText("".join(rows))


def _speaker_row(speaker: str | None, suggested: bool, quote_suggested: bool, guess: bool = False) -> str:
    if speaker is None:
        return "<p>Speaker: <b>none</b> (<b>s</b> links one)</p>"
    if not suggested:
        return f"<p>Speaker: <b>{escape(_short(speaker, 80))}</b> (<b>s</b> changes it)</p>"
    note = "<b>a</b> accepts the quote with it" if quote_suggested else "<b>s</b> confirms or changes it"
    how = "suggested, a guess: named near the quote, not as the one who says it" if guess else "suggested"
    return f"<p>Speaker: <b>{escape(_short(speaker, 80))}</b> <i>({how})</i><br>{note}</p>"


def _shown(value) -> str:
    return "—" if value is None else str(value)


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
