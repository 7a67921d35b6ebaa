"""News annotator: label actors, locations, quotes and casualty figures in news text."""

__version__ = "0.1.0"  # the one place the version is written (pyproject reads it)
