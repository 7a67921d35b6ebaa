"""Where bundled resources and schemas live, in a wheel and in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """A top-level data folder: inside the package in a wheel, beside it in a checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found next to {_PACKAGE}")


def resources_dir() -> Path:
    """The ``resources/`` folder (samples, patterns, icons)."""
    return _bundled("resources")


def schemas_dir() -> Path:
    """The ``schemas/`` folder (JSON Schemas and the default label scheme)."""
    return _bundled("schemas")


def samples_dir() -> Path:
    """The bundled sample articles."""
    return resources_dir() / "samples"


def default_scheme_path() -> Path:
    """The default news label scheme."""
    return schemas_dir() / "news.json"
