"""What the window remembers between runs (QSettings): name, recent projects, last article and
the place in it (focused span, scroll position), the folder the file dialogs open in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

RECENT_MAX = 8


def app_settings() -> QSettings:
    """The user's settings for this application."""
    return QSettings("news-annotator", "annotator")


def annotator_name(settings: QSettings) -> str | None:
    value = settings.value("annotator")
    return str(value) if value else None


def set_annotator_name(settings: QSettings, name: str) -> None:
    settings.setValue("annotator", name)
    settings.sync()


def recent_projects(settings: QSettings) -> list[str]:
    value = settings.value("recent_projects") or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def add_recent(settings: QSettings, path: Path) -> list[str]:
    """Put ``path`` first in the recent projects and return the list."""
    entry = str(Path(path).resolve())
    recent = [entry] + [p for p in recent_projects(settings) if p != entry]
    settings.setValue("recent_projects", recent[:RECENT_MAX])
    return recent[:RECENT_MAX]


def files_folder(settings: QSettings) -> str:
    """The folder the file dialogs (open, new, import, export) start in: the one a file was
    last chosen in, else the home folder (never the process's working folder, which for an
    app started from a desktop or a terminal elsewhere is no place of the user's choosing)."""
    value = settings.value("files/folder")
    folder = Path(str(value)) if value else None
    return str(folder) if folder is not None and folder.is_dir() else str(Path.home())


def remember_folder(settings: QSettings, chosen: str | Path) -> None:
    """Remember the folder of ``chosen`` (a file, or a folder to write) for the next dialog."""
    path = Path(chosen)
    settings.setValue("files/folder", str(path if path.is_dir() else path.parent))


def export_choice(settings: QSettings) -> tuple[str, str | None]:
    """The folder and format of the last export (the folder: else the dialogs' folder; the
    format: None before the first export)."""
    value = settings.value("files/export_folder")
    folder = str(value) if value and Path(str(value)).is_dir() else files_folder(settings)
    fmt = settings.value("files/export_format")
    return folder, str(fmt) if fmt else None


def remember_export(settings: QSettings, out: str | Path, fmt: str) -> None:
    """Remember where an export went (a file, or the folder brat writes) and in which format."""
    path = Path(out)
    settings.setValue("files/export_folder", str(path.parent))
    settings.setValue("files/export_format", fmt)
    remember_folder(settings, path.parent)


def _project_key(path: Path, annotator: str) -> str:
    return "last_article/" + str(Path(path).resolve()).replace("/", "|") + "|" + annotator


def last_article(settings: QSettings, path: Path, annotator: str) -> int | None:
    value = settings.value(_project_key(path, annotator))
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def set_last_article(settings: QSettings, path: Path, annotator: str, article_id: int) -> None:
    settings.setValue(_project_key(path, annotator), article_id)


def restore_layout(settings: QSettings, window, splitter) -> bool:
    """Put back the saved window geometry and splitter sizes; False when none was saved."""
    geometry, sizes = settings.value("window/geometry"), settings.value("window/splitter")
    if isinstance(sizes, QByteArray):
        splitter.restoreState(sizes)
    return isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)


def save_layout(settings: QSettings, window, splitter) -> None:
    """Save the window geometry and the splitter sizes."""
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())


def _place_key(path: Path, annotator: str) -> str:
    return "last_place/" + _project_key(path, annotator).split("/", 1)[1]


def last_place(settings: QSettings, path: Path, annotator: str) -> tuple[int, int | None, int] | None:
    """``(article id, focused span id or None, first code point in view)`` saved last."""
    value = settings.value(_place_key(path, annotator))
    try:
        article, span, top = (int(part) for part in str(value).split())
    except (TypeError, ValueError):
        return None
    return article, span or None, top


def set_last_place(
    settings: QSettings, path: Path, annotator: str, article_id: int, span_id: int | None, top: int
) -> None:
    """Save the place now (synced: a crash right after must not lose it)."""
    settings.setValue(_place_key(path, annotator), f"{article_id} {span_id or 0} {top}")
    settings.sync()
