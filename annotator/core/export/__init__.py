"""Exporting a project as training data: spaCy DocBin, Prodigy JSONL, doccano, Label Studio,
brat and CoNLL, with an alignment report that accounts for every span.

``export_project(project, out_path, fmt, ...) -> AlignmentReport`` is the one entry point
(used by ``annotator export`` and the window).
"""

from annotator.core.export.formats import FORMATS, register
from annotator.core.export.report import AlignmentReport, ExportCancelled, ExportError
from annotator.core.export.runner import export_project

__all__ = ["FORMATS", "AlignmentReport", "ExportCancelled", "ExportError", "export_project", "register"]
