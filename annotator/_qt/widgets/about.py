"""The About box: versions of the app, spaCy, the model and Qt (read without importing spaCy)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, entry_points, version

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator import __version__


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def versions(model: str | None = None) -> dict[str, str]:
    """Name -> version of the parts a bug report needs."""
    models = sorted(entry.name for entry in entry_points(group="spacy_models"))
    if model and model not in models:
        models.insert(0, model)
    shown = ", ".join(f"{m} {_version(m)}" if _version(m) != "not installed" else m for m in models)
    return {
        "annotator": __version__,
        "spaCy": _version("spacy"),
        "model": shown or "none installed (rules only)",
        "Qt": qVersion(),
        "PySide6": pyside_version,
    }


def show_about(parent: QWidget, model: str | None = None) -> None:
    rows = "".join(
        f"<tr><td>{k}&nbsp;&nbsp;</td><td><b>{v}</b></td></tr>" for k, v in versions(model).items()
    )
    QMessageBox.about(
        parent,
        "About annotator",
        "<h3>annotator</h3><p>Label actors, locations, quotes and casualty figures in news text, "
        f"and export them as spaCy training sets.</p><table>{rows}</table>",
    )
