"""The Qt-free core: documents, spans, schemes, storage, ingest, suggest, export, review.

Nothing under this package may import PySide6, ``annotator._qt`` or ``annotator.cli``
(``tests/core/test_layering.py`` enforces it).
"""
