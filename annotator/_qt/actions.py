"""Every QAction of the window and its shortcuts, in one table (also the F1 sheet's source)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence


@dataclass(frozen=True)
class ActionSpec:
    """One command: its name, menu, shortcuts, and whether it changes the project."""

    name: str
    text: str
    menu: str
    keys: tuple[str, ...] = ()
    writes: bool = False
    help: str = ""


# Shift+[ is matched as "Shift+[" or "{" by the X11, Windows and macOS key mappers, and as
# "Shift+{" by the offscreen one. Listing both "Shift+[" and "{" makes one press match twice,
# which Qt treats as an ambiguous shortcut and ignores, so only the never-overlapping pair is listed.
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&Open project…", "File", ("Ctrl+O",), help="Open another project file"),
    ActionSpec(
        "import", "&Import files…", "File", ("Ctrl+I",), True, "Import articles (or drop files on the window)"
    ),
    ActionSpec("export", "&Export…", "File", ("Ctrl+E",), help="Export done articles"),
    ActionSpec("quit", "&Quit", "File", ("Ctrl+Q",), help="Quit (everything is already saved)"),
    ActionSpec("undo", "&Undo", "Edit", ("Ctrl+Z",), True, "Undo the last edit in this article"),
    ActionSpec("redo", "&Redo", "Edit", ("Ctrl+Shift+Z", "Ctrl+Y"), True, "Redo"),
    ActionSpec("next_span", "&Next span", "Span", ("N",), help="Focus the next span or suggestion"),
    ActionSpec("prev_span", "&Previous span", "Span", ("P",), help="Focus the previous span or suggestion"),
    ActionSpec(
        "accept",
        "&Accept suggestion",
        "Span",
        ("A",),
        True,
        "Accept the focused suggestion; the focus moves on to the next span",
    ),
    ActionSpec(
        "reject",
        "Re&ject / delete",
        "Span",
        ("X", "Delete"),
        True,
        "Reject the focused suggestion or delete the focused span; the focus moves on to the next span",
    ),
    ActionSpec(
        "accept_all",
        "Accept a&ll suggestions",
        "Span",
        ("Shift+A",),
        True,
        "Accept every suggestion in the article",
    ),
    ActionSpec(
        "start_left", "Start one token left", "Span", ("[",), True, "Move the focused span's start left"
    ),
    ActionSpec(
        "start_right", "Start one token right", "Span", ("]",), True, "Move the focused span's start right"
    ),
    ActionSpec(
        "end_left",
        "End one token left",
        "Span",
        ("Shift+[", "Shift+{"),
        True,
        "Move the focused span's end left",
    ),
    ActionSpec(
        "end_right",
        "End one token right",
        "Span",
        ("Shift+]", "Shift+}"),
        True,
        "Move the focused span's end right",
    ),
    ActionSpec("speaker", "Link &speaker…", "Span", ("S",), True, "Link the focused QUOTE to an ACTOR"),
    ActionSpec(
        "attributes",
        "&Edit attributes…",
        "Span",
        ("E",),
        True,
        "Edit the focused span's attributes (CASUALTY numbers, qualifier, kind)",
    ),
    ActionSpec(
        "done_next",
        "&Done, next article",
        "Article",
        ("Ctrl+Return", "Ctrl+Enter"),
        True,
        "Mark the article done and open the next unfinished one (asks first while suggestions are undecided)",
    ),
    ActionSpec("next_article", "Next article", "Article", ("Ctrl+Down",), help="Open the next article"),
    ActionSpec("prev_article", "Previous article", "Article", ("Ctrl+Up",), help="Open the previous article"),
    ActionSpec("search", "&Search articles", "Article", ("Ctrl+F",), help="Search the article list"),
    ActionSpec("annotator", "Change &annotator name…", "Settings", (), help="Work under another name"),
    ActionSpec(
        "settings",
        "&Settings…",
        "Settings",
        ("Ctrl+,",),
        help="Name, model, theme, font size, suggestions, annotation memory, blind mode",
    ),
    ActionSpec("shortcuts", "&Keyboard shortcuts", "Help", ("F1",), help="Show this sheet"),
    ActionSpec("about", "&About annotator", "Help", (), help="Versions of the app, spaCy, the model and Qt"),
)

MENUS = ("File", "Edit", "Span", "Article", "Settings", "Help")


def build_actions(parent, handlers: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """A QAction per spec, triggering ``handlers[name]``; label hotkeys are added by the window."""
    actions = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(spec.help)
        action.triggered.connect(lambda _checked=False, run=handlers[spec.name]: run())
        actions[spec.name] = action
    return actions


def label_action(parent, label: str, hotkey: str, handler: Callable[[], object]) -> QAction:
    """The action giving the selection (or the focused span) ``label``, on the scheme's hotkey."""
    action = QAction(f"Label {label}", parent)
    action.setShortcut(QKeySequence(hotkey))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: handler())
    return action


def shortcut_rows(labels: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(keys, what they do) for the F1 sheet, label hotkeys included."""
    rows = [
        (" / ".join(_shown(k) for k in spec.keys if k not in _ALIASES), spec.help)
        for spec in ACTIONS
        if spec.keys
    ]
    rows += [
        (hotkey, f"Label the selection (or relabel the focused span) {name}")
        for name, hotkey in labels
        if hotkey
    ]
    return rows


_ALIASES = {"Shift+{", "Shift+}", "Ctrl+Enter"}


def _shown(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) or key
