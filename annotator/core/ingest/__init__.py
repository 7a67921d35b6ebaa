"""Reading articles (and labels that come with them) from files into a project."""

from annotator.core.ingest import interop  # noqa: F401  (registers the other tools' formats)
from annotator.core.ingest.importer import ImportCancelled, ImportReport, import_sources
from annotator.core.ingest.options import ImportOptions

__all__ = ["ImportCancelled", "ImportOptions", "ImportReport", "import_sources"]
