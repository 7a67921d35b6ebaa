"""The registry of output formats: name -> writer class, as ``ingest.formats`` is for input.

A writer is a :class:`~annotator.core.export.base.Writer` subclass; its ``name`` is the
format's name (``annotator export --format NAME``). Register new formats with
:func:`register`; the bundled ones are registered below.
"""

from __future__ import annotations

from annotator.core.export.base import Writer
from annotator.core.export.brat import BratWriter
from annotator.core.export.conll import ConllWriter
from annotator.core.export.doccano import DoccanoWriter
from annotator.core.export.labelstudio import LabelStudioWriter
from annotator.core.export.prodigy_jsonl import ProdigyWriter
from annotator.core.export.report import ExportError
from annotator.core.export.spacy_docbin import DocBinWriter

FORMATS: dict[str, type[Writer]] = {}


def register(writer: type[Writer]) -> type[Writer]:
    """Make ``writer`` the export format ``writer.name`` (usable as a class decorator)."""
    if not writer.name:
        raise ValueError(f"{writer.__name__} has no format name")
    FORMATS[writer.name] = writer
    return writer


def writer_for(name: str) -> type[Writer]:
    """The writer class of format ``name``; ExportError naming the formats when unknown."""
    if name not in FORMATS:
        raise ExportError(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}")
    return FORMATS[name]


for _writer in (DocBinWriter, ProdigyWriter, DoccanoWriter, LabelStudioWriter, BratWriter, ConllWriter):
    register(_writer)
