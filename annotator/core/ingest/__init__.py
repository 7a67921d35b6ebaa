"""Reading articles (and labels that come with them) from files into a project."""

from annotator.core.ingest import interop  # noqa: F401  (registers the other tools' formats)
from annotator.core.ingest.formats import READERS
from annotator.core.ingest.import_report import ImportReport
from annotator.core.ingest.importer import ImportCancelled, default_annotator, import_sources
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.sources import doccano_members
from annotator.core.ingest.user_map import (
    UserMapError,
    parse_user_map,
    reads_labelstudio,
    unused_entries,
    unused_notes,
)

__all__ = [
    "READERS",
    "ImportCancelled",
    "ImportOptions",
    "ImportReport",
    "UserMapError",
    "default_annotator",
    "doccano_members",
    "import_sources",
    "parse_user_map",
    "reads_labelstudio",
    "unused_entries",
    "unused_notes",
]
