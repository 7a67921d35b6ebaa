"""What the keys do to the open article: every edit, undo and redo is performed (and committed)
through the core first (which keeps the undo history in the project file), and only then shown."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator._qt.article_state import ArticleState
from annotator._qt.label_style import LabelStyle, label_styles
from annotator._qt.widgets import dialogs
from annotator._qt.widgets.span_panel import SpanPanel
from annotator._qt.widgets.text_view import DrawSpan, SpanTextView
from annotator.core import edits, undo
from annotator.core.entity_conflicts import entity_labels, overlap
from annotator.core.errors import AnnotatorError
from annotator.core.undo import UndoState

SECOND_LABEL = "would put a second label on a name"  # why Shift+A left a span, in the status bar


class Annotating(QObject):
    """The open article, its focus, and the edits the keyboard contract makes on it."""

    articleOpened = Signal(int)
    edited = Signal(int)  # article id whose spans or state changed
    focusMoved = Signal()  # the panel shows another span (or the same one changed)
    message = Signal(str)

    def __init__(self, project, annotator: str, view: SpanTextView, panel: SpanPanel, parent=None):
        super().__init__(parent)
        self.project, self.annotator = project, annotator
        self.view, self.panel = view, panel
        self.blind = False  # blind labelling: no memory suggestions (others' decisions)
        self.state: ArticleState | None = None
        self.set_palette("scheme")
        view.snapper = lambda a, b: self.state.snap_qt(a, b) if self.state else None
        view.token_at = lambda pos: self.state.token_at_qt(pos) if self.state else None
        view.spanClicked.connect(self.focus_span)
        view.describe = self.describe

    # -- showing -----------------------------------------------------------------------
    def set_palette(self, palette: str) -> None:
        """Colour the labels with ``palette`` (label_style.PALETTES) and repaint."""
        self.styles = label_styles(self.project.scheme, palette)
        self.colors = {name: style.color for name, style in self.styles.items()}
        if self.state is not None:
            self._redraw(move_focus=False)

    def open_article(self, article_id: int) -> None:
        """Show an article with its spans, the focus in its text."""
        self.state = ArticleState(self.project.article(article_id))
        self.state.reload(self.project, self.annotator, blind=self.blind)
        self.view.show_article(self.state.article.text, self._draw_spans(), None)
        self.view.setFocus()
        self._show_panel()
        self.articleOpened.emit(article_id)

    def reload(self, focus_id: int | None = None) -> None:
        """Read the open article's spans again (after an edit, undo, or new suggestions)."""
        if self.state is None:
            return
        self.state.reload(self.project, self.annotator, focus_id, blind=self.blind)
        self._redraw(move_focus=focus_id is not None)

    def apply_changes(self, changes) -> None:
        """Read the open article again when someone else (a background job) changed it."""
        if changes.origin is not self and self.state is not None and changes.touches(self.state.article.id):
            self.reload()

    def _redraw(self, move_focus: bool) -> None:
        state = self._open()
        self.view.set_spans(self._draw_spans(), state.focus_id)
        if move_focus:
            self.view.set_focus_span(state.focus_id)
        self._show_panel()

    def _open(self) -> ArticleState:
        """The open article (for the steps that run only while one is open)."""
        assert self.state is not None, "no article is open"
        return self.state

    def focus_span(self, span_id: int) -> None:
        if self.state and self.state.span(span_id):
            self.state.focus_id = span_id
            self.view.set_focus_span(span_id, with_context=False)
            self._show_panel()

    def _draw_spans(self) -> list[DrawSpan]:
        state = self._open()
        out: list[DrawSpan] = []
        ends: list[int] = []
        for span in state.spans:
            while ends and ends[-1] <= span.start:
                ends.pop()
            start, end = state.to_qt(span.start, span.end)
            style = self.styles.get(span.label, _UNKNOWN)
            out.append(
                DrawSpan(
                    span.stored_id, start, end, style.color, span.is_suggestion, len(ends), style.underline
                )
            )
            ends.append(span.end)
            ends.sort(reverse=True)
        return out

    def describe(self, span_id: int) -> str:
        """A span in words (the text's tooltip): label, key, underline, state, a QUOTE's speaker."""
        state = self.state
        span = state.span(span_id) if state else None
        if state is None or span is None:
            return ""
        style = self.styles.get(span.label, _UNKNOWN)
        hotkey = next((lb.hotkey for lb in self.project.scheme.labels if lb.name == span.label), "")
        kind = "suggestion (dashed)" if span.is_suggestion else f"{span.status} (solid)"
        text = (
            f"{span.label}" + (f" [{hotkey}]" if hotkey else "") + f" · {style.underline} underline · {kind}"
        )
        if span.label == "QUOTE":
            speaker = state.span(state.speakers.get(span.stored_id, -1))
            name = " ".join(speaker.text_in(state.article.text).split()) if speaker else "none"
            suggested = span.stored_id in state.suggested_speakers
            guess = span.stored_id in state.guessed_speakers
            text += f"\nSpeaker: {name}" + (
                " (suggested, a guess)" if guess else " (suggested)" if suggested else ""
            )
        return text

    def _show_panel(self) -> None:
        self.focusMoved.emit()
        state = self.state
        span = state.focused() if state else None
        if state is None or span is None:
            self.panel.show_span(None, "", self.colors, None)
            return
        speaker_id = state.speakers.get(span.stored_id)
        speaker = state.span(speaker_id) if speaker_id else None
        text = state.article.text
        label = self.project.scheme.label(span.label) if span.label in self.colors else None
        self.panel.show_span(
            span,
            span.text_in(text),
            self.colors,
            speaker.text_in(text) if speaker else None,
            label.guideline if label else "",
            tuple(a.name for a in label.attributes) if label else (),
            state.alternatives.get(span.stored_id),
            speaker_suggested=span.stored_id in state.suggested_speakers,
            speaker_guess=span.stored_id in state.guessed_speakers,
        )

    # -- editing -----------------------------------------------------------------------
    def perform(self, build, *args) -> bool:
        """Perform one edit (its own transaction, logged for undo), then show it."""
        ok, edit = self._write(lambda: edits.perform(self.project, build, *args, annotator=self.annotator))
        if ok:
            self._after(edit, True)
            self.message.emit(f"Saved: {edit.name}{self._shared_words(edit.focus_span_id)}")
        return ok

    def _shared_words(self, span_id: int | None) -> str:
        """'; it shares words with LABEL "words"' when the span an edit left (added, resized,
        relabelled) covers characters of another of the annotator's spans with another entity
        label (a label key on a labelled word adds a span beside it, and token exports report
        the pair), or with the same label ('another LABEL': likely a mistake, such as a name
        labelled twice)."""
        state = self.state
        span = state.span(span_id) if state and span_id is not None else None
        if state is None or span is None or span.is_suggestion:
            return ""
        entities = entity_labels(self.project.scheme)
        others = [s for s in state.spans if s.id != span.id and not s.is_suggestion and overlap(span, s)]
        clashes = [
            next((s for s in others if s.label != span.label and {s.label, span.label} <= entities), None),
            next((s for s in others if s.label == span.label), None),
        ]
        named = [
            f'{"another " if s.label == span.label else ""}{s.label} "{state.article.text[s.start : s.end]}"'
            for s in clashes
            if s is not None
        ]
        return f"; it shares words with {' and '.join(named)}" if named else ""

    def undo(self) -> None:
        """Undo the open article's last edit and say which (or that there is none)."""
        self._step_history(undo.undo, forward=False, done="Undone", verb="undo")

    def redo(self) -> None:
        """Redo the open article's last undone edit and say which (or that there is none)."""
        self._step_history(undo.redo, forward=True, done="Redone", verb="redo")

    def _step_history(self, step, forward: bool, done: str, verb: str) -> None:
        """Undo or redo through the core's edit log, then show it. Not written (another
        process held the file too long): the log, and so the undo stack, stays as it was."""
        if self.state is None:
            return
        article_id = self.state.article.id
        ok, edit = self._write(lambda: step(self.project, article_id, self.annotator), self._not_saved(verb))
        if ok and edit is None:
            self.message.emit(f"Nothing to {verb} in this article")
        elif ok:
            self._after(edit, forward)
            self.message.emit(f"{done}: {edit.name}")

    def _not_saved(self, verb: str):
        def prefix() -> str:
            state = self.undo_state()
            name = (state.undo if verb == "undo" else state.redo) if state else None
            return f"NOT SAVED: {verb} {name}" if name else f"NOT SAVED: {verb}"

        return prefix

    def undo_state(self) -> UndoState | None:
        """What undo and redo would do in the open article (None: no article open)."""
        if self.state is None:
            return None
        return undo.state(self.project, self.state.article.id, self.annotator)

    def _write(self, action, failed=lambda: "NOT SAVED") -> tuple[bool, Any]:
        """Run a core write: ``(True, its result)``, or ``(False, None)`` after saying why not
        (a read-only project, or the core's error, after ``failed()``)."""
        if self.project.read_only:
            reason = self.project.read_only_reason
            self.message.emit(reason[0].upper() + reason[1:])
            return False, None
        try:
            return True, action()
        except AnnotatorError as exc:
            self.message.emit(f"{failed()}: {exc}")
            return False, None

    def _after(self, edit, forward: bool) -> None:
        if self.state and edit.article_id == self.state.article.id:
            before = self.state.focus_id
            self.state.apply(self.project, edit, forward)
            # the focus moved on by itself (x, undo): show it, and start keyboard selections there
            moved = self.state.focus_id != before
            self._redraw(move_focus=moved or (forward and edit.focus_span_id is not None))
        self.edited.emit(edit.article_id)

    def _focused(self, want: str = "a span"):
        span = self.state.focused() if self.state else None
        if span is None:
            self.message.emit(f"Focus {want} first (n / p)")
        return span

    def step(self, delta: int) -> None:
        if self.state is None:
            return
        position = self.state.offsets.to_codepoints(self.view.textCursor().position())
        before = self.state.focus_id
        span = self.state.step_focus(delta, position)
        if span is None:
            self.message.emit("No spans in this article yet")
            return
        if span.id == before:  # n on the last span (p on the first) would otherwise do nothing visible
            self.message.emit(
                "Last span of the article (Ctrl+Enter: done, next article)"
                if delta > 0
                else "First span of the article"
            )
        self.view.set_focus_span(span.id)
        self._show_panel()

    def accept(self) -> None:
        """Accept the focused suggestion and move on to the next span (as ``x`` does); on a
        span already accepted (a quote's speaker accepted with it), say so and move on too."""
        span = self._focused("a suggestion")
        if span and not span.is_suggestion:
            self.message.emit(f"This {span.label} is already accepted")
            self._move_on()
        elif span and self.perform(edits.accept, span.id):
            self._move_on()

    def reject(self) -> None:
        """Reject the focused suggestion (or delete the span); the focus moves to the next one."""
        span = self._focused()
        if span:
            self.perform(edits.reject, span.id)

    def _move_on(self) -> None:
        """Focus the span after the focused one: after ``a`` as after ``x``, so "a n" and
        "x n" both skip one item, and neither needs an ``n`` in between."""
        state = self.state
        index = state.focus_index() if state else None
        if state is None or index is None or index + 1 >= len(state.spans):
            return
        state.focus_id = state.spans[index + 1].id
        self.view.set_focus_span(state.focus_id)
        self._show_panel()

    def accept_all(self) -> None:
        """Shift+A: accept the pending suggestions shown (never two entity labels on one
        token); the status bar says how many were left, and why."""
        if self.state is None:
            self.message.emit("No suggestions to accept")
            return
        article_id = self.state.article.id
        taken, skipped = edits.accept_all_split(self.project, article_id, self.annotator, self.blind)
        takes, left = len(taken), len(skipped)
        if not takes and not left:
            self.message.emit("No suggestions to accept")
        elif not takes:
            self.message.emit(f"Not accepted: {left} suggestion(s) {SECOND_LABEL}")
        elif self.perform(partial(edits.accept_all, blind=self.blind), article_id):
            more = f"; left {left} that {SECOND_LABEL}" if left > 0 else ""
            self.message.emit(f"Saved: accepted {takes} suggestion{'s' if takes > 1 else ''}{more}")

    def label(self, name: str) -> None:
        """Label the selection ``name`` (snapped to words), or relabel the focused span."""
        if self.state is None:
            return
        chosen = self.view.selection()
        if chosen:
            snapped = self.state.snap_qt(*chosen)
            if snapped is None:
                self.message.emit("The selection holds no word")
                return
            start, end = self.state.from_qt(*snapped)
            if name in entity_labels(self.project.scheme):  # the guideline: "Trump's" -> "Trump"
                start, end = self.state.without_possessive(start, end)
            if self.perform(edits.add_span, self.state.article.id, start, end, name):
                self.view.set_focus_span(self.state.focus_id)
            return
        span = self._focused("a span or select text")
        if span and (span.label != name or span.is_suggestion):
            self.perform(edits.relabel, span.id, name)

    def move_edge(self, edge: str, step: int) -> None:
        span = self._focused()
        if span is None:
            return
        moved = self._open().moved(span, edge, step)
        if moved is None:
            self.message.emit(f"The {edge} cannot move further")
        else:
            self.perform(edits.resize, span.id, *moved)

    def link_speaker(self) -> None:
        span = self._focused("a QUOTE")
        if span is None:
            return
        if span.label != "QUOTE":
            self.message.emit("A speaker is linked to a QUOTE; focus one first")
            return
        state = self._open()
        text = state.article.text
        actors = state.actors_near(span)
        if not actors:
            self.message.emit("No ACTOR in this article to link as the speaker")
            return
        choices = [(a.stored_id, _speaker_choice(text, a, span)) for a in actors]
        actor_id = dialogs.pick_speaker(
            self.view, choices, state.likely_speaker(span, actors), span.text_in(text)
        )
        self.back_to_text()
        if actor_id is not None:
            self.perform(edits.link_speaker, span.id, actor_id)

    def back_to_text(self) -> None:
        """Give the keys back to the text after a dialog closed."""
        # Without a window manager (or with a slow one) the closed dialog leaves no active
        # window, and the next key would be lost.
        self.view.window().activateWindow()
        self.view.setFocus()

    def edit_attributes(self) -> None:
        span = self._focused()
        if span is None:
            return
        attributes = self.project.scheme.label(span.label).attributes
        if not attributes:
            self.message.emit(f"{span.label} has no attributes")
            return
        values = dialogs.edit_attributes(self.view, span.label, attributes, span.attrs)
        self.back_to_text()
        if values is not None:
            self.perform(edits.set_attrs, span.id, values)

    def mark_done(self) -> int | None:
        """Mark the article done; return the next unfinished article (None when all are)."""
        pending = len(self.state.pending()) if self.state else 0
        if self.state is None or not self.perform(edits.set_state, self.state.article.id, "done"):
            return None
        if pending:  # easy to miss once the next article is open
            self.message.emit(
                f"Saved: mark done, {pending} suggestion{'s' if pending > 1 else ''} "
                "left undecided (not exported)"
            )
        return self.project.next_unfinished(self.annotator, self.state.article.id, wrap=True)


_UNKNOWN = LabelStyle("#999999", "single")  # a label the scheme no longer has


def _speaker_choice(text: str, actor, quote) -> str:
    """An ACTOR as the speaker picker lists it: name, side of the quote, words around it."""
    name = " ".join(actor.text_in(text).split())
    side = "before" if actor.end <= quote.start else "after" if actor.start >= quote.end else "inside"
    left, right = text[max(0, actor.start - 28) : actor.start], text[actor.end : actor.end + 28]
    left = left if actor.start <= 28 else left[left.find(" ") + 1 :]  # whole words only
    right = right if actor.end + 28 >= len(text) else right[: max(0, right.rfind(" "))]
    around = " ".join((left + text[actor.start : actor.end] + right).split())
    return f"{name} — {side} the quote: “…{around}…”"
