"""Import formats of other annotation tools, registered with the ingest format registry.

``prodigy`` and ``doccano`` read JSONL (``.jsonl`` stays ``jsonl`` for ``auto``: name them with
``--format``); ``labelstudio`` reads ``.json`` task lists, ``brat`` ``.ann`` files (with their
``.txt``), ``conll`` ``.conll``/``.iob``/``.bio`` files and ``spacy`` ``.spacy`` DocBins.
"""

from annotator.core.ingest import jsonl
from annotator.core.ingest.formats import register
from annotator.core.ingest.interop import brat, conll, labelstudio, prodigy, spacy_docbin

register("prodigy", prodigy.read, (".jsonl",), auto=False)
# doccano's JSONL (``label: [[start, end, label]]`` or ``entities`` + ``relations``) is what the
# jsonl reader already understands; the name is registered so ``--format doccano`` works.
register("doccano", jsonl.read, (".jsonl",), auto=False)
register("labelstudio", labelstudio.read, (".json",))
register("brat", brat.read, (".ann",))
register("conll", conll.read, (".conll", ".iob", ".bio"))
register("spacy", spacy_docbin.read, (".spacy",))
