"""The usual edit keys in review mode: they fix the reviewer's own span in the focused region.

The labelling window's keys keep their meaning where review mode does not use them already:
``[`` / ``]`` move the start a word left / right, ``Shift+[`` / ``Shift+]`` the end, ``s`` links
the QUOTE's speaker, ``e`` edits the attributes, ``Delete`` deletes the focused span. The digits
take annotators' versions here, so a label is given with ``Alt`` + the label's hotkey (a text
selection gets a new span with that label; otherwise the focused span is relabelled).
Every fix is one core edit, logged for undo, exactly as in the labelling window.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator._qt.annotating import _speaker_choice
from annotator._qt.article_state import ArticleState
from annotator._qt.widgets import dialogs
from annotator.core import edits
from annotator.core.model import Span

# (action name, keys, what it does): the labelling window's keys, in review mode.
FIX_KEYS = (
    ("start_left", ("[",), "Move the focused span's start one word left"),
    ("start_right", ("]",), "Move the focused span's start one word right"),
    ("end_left", ("Shift+[", "Shift+{"), "Move the focused span's end one word left"),
    ("end_right", ("Shift+]", "Shift+}"), "Move the focused span's end one word right"),
    ("speaker", ("S",), "Link the focused QUOTE to an ACTOR (its speaker)"),
    ("attributes", ("E",), "Edit the focused span's attributes (CASUALTY numbers, qualifier, kind)"),
    ("delete", ("Delete",), "Delete the focused span (your result only)"),
)
EDGES = {
    "start_left": ("start", -1),
    "start_right": ("start", 1),
    "end_left": ("end", -1),
    "end_right": ("end", 1),
}


def label_keys(hotkey: str) -> str:
    """The review-mode key of a label whose labelling hotkey is ``hotkey`` (1..9 take versions)."""
    return f"Alt+{hotkey}"


class SpanFixer:
    """Edits on the reviewer's spans of the open article, through ``perform(build, *args)``."""

    def __init__(self, window, perform: Callable[..., object], say: Callable[[str], None]):
        self.window, self.perform, self.say = window, perform, say
        self.project, self.reviewer = window.project, window.reviewer
        self.state: ArticleState | None = None

    def load(self, article_id: int, focus_id: int | None) -> None:
        """Read the reviewer's accepted spans (suggestions and others' work left out)."""
        if self.state is None or self.state.article.id != article_id:
            self.state = ArticleState(self.project.article(article_id))
        state = self.state
        state.reload(self.project, self.reviewer)
        state.spans = [s for s in state.spans if s.annotator == self.reviewer and s.status == "accepted"]
        state._load_speakers(self.project, self.reviewer)
        state.focus_id = focus_id if state.span(focus_id or -1) else None

    def focused(self, want: str = "a span of yours") -> Span | None:
        span = self.state.focused() if self.state else None
        if span is None:
            self.say(f"Focus {want} first: take a version (1…9, a) or click one of your spans")
        return span

    def run(self, name: str) -> None:
        """Run the fix called ``name`` (a FIX_KEYS action)."""
        if name in EDGES:
            self.move_edge(*EDGES[name])
        else:
            getattr(self, name)()

    def move_edge(self, edge: str, step: int) -> None:
        span = self.focused()
        if span is None or self.state is None:
            return
        moved = self.state.moved(span, edge, step)
        if moved is None:
            self.say(f"The {edge} cannot move further")
        else:
            self.perform(edits.resize, span.id, *moved, self.reviewer)

    def label(self, name: str) -> None:
        """Label the selection ``name`` (snapped to words), or relabel the focused span."""
        if self.state is None:
            return
        chosen = self.window.view.selection()
        if chosen:
            snapped = self.state.snap_qt(*chosen)
            if snapped is None:
                self.say("The selection holds no word")
            else:
                start, end = self.state.from_qt(*snapped)
                self.perform(edits.add_span, self.state.article.id, start, end, name, self.reviewer)
            return
        span = self.focused("a span of yours, or select text,")
        if span and span.label != name:
            self.perform(edits.relabel, span.id, name, self.reviewer)

    def delete(self) -> None:
        span = self.focused()
        if span:
            self.perform(edits.reject, span.id, self.reviewer)

    def speaker(self) -> None:
        span = self.focused("a QUOTE of yours")
        if span is None or self.state is None:
            return
        if span.label != "QUOTE":
            self.say("A speaker is linked to a QUOTE; focus one first")
            return
        actors = self.state.actors_near(span)
        if not actors:
            self.say("You have no ACTOR in this article to link as the speaker")
            return
        text = self.state.article.text
        choices = [(a.id or 0, _speaker_choice(text, a, span)) for a in actors]
        actor_id = dialogs.pick_speaker(
            self.window, choices, self.state.likely_speaker(span, actors), span.text_in(text)
        )
        self._back_to_text()
        if actor_id is not None:
            self.perform(edits.link_speaker, span.id, actor_id, self.reviewer)

    def attributes(self) -> None:
        span = self.focused()
        if span is None:
            return
        attributes = self.project.scheme.label(span.label).attributes
        if not attributes:
            self.say(f"{span.label} has no attributes")
            return
        values = dialogs.edit_attributes(self.window, span.label, attributes, span.attrs)
        self._back_to_text()
        if values is not None:
            self.perform(edits.set_attrs, span.id, values, self.reviewer)

    def _back_to_text(self) -> None:
        self.window.activateWindow()
        self.window.view.setFocus()
