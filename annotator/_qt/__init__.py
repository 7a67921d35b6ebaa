"""The desktop window (PySide6), a thin layer over :mod:`annotator.core`."""
