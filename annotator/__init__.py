"""News annotator: label actors, locations, quotes and casualty figures in news text."""

__version__ = "0.1.0"
