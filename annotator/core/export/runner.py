"""``export_project``: select versions, align them, hand them to the format's writer.

Output is written under a temporary name next to ``out_path`` and renamed into place only
when complete, so an error or a cancel leaves no half-written export behind, and the
temporary files of killed exports are removed at the next export (see ``staging``). A folder output
(brat, or any ``--split``) gets a ``.annotator-export`` marker; an existing folder is only
replaced when it has that marker.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.batching import batched
from annotator.core.entity_conflicts import entity_labels
from annotator.core.export.align import TOKENIZE_BATCH, Aligner, load_tokenizer
from annotator.core.export.base import Writer
from annotator.core.export.formats import writer_for
from annotator.core.export.labelstudio_config import config_path, config_xml
from annotator.core.export.report import AlignmentReport, ExportCancelled, ExportError
from annotator.core.export.selection import Selection, Version, article_ids, versions
from annotator.core.export.split import PART_NAMES, assign, parse_split
from annotator.core.export.staging import refuse_project_as_output, remove_leftovers, staged
from annotator.core.scheme import Scheme

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from annotator.core.store import Project


def export_project(
    project: Project,
    out_path: str | Path,
    fmt: str,
    status: str = "done",
    annotator: str | None = None,
    include_suggestions: bool = False,
    split: str | tuple[float, ...] | None = None,
    seed: int = 0,
    strict: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AlignmentReport:
    """Export ``project`` to ``out_path`` in format ``fmt``; returns the alignment report.

    ``split`` is ``"0.8,0.1,0.1"`` or a tuple of fractions (then ``out_path`` is a folder with
    ``train``/``dev``/``test`` outputs). ``progress(n)`` is called as articles are written;
    ``cancelled()`` returning True stops with :class:`ExportCancelled` and writes nothing.
    """
    writer_cls = _writer_class(fmt, status)
    out = Path(out_path)
    refuse_project_as_output(Path(project.path), out)
    fractions = parse_split(split) if isinstance(split, str) or split is None else tuple(split)
    selection = Selection(status, annotator, include_suggestions, writer_cls.one_version)
    ids = article_ids(project, selection)
    parts = assign(ids, fractions, seed) if fractions else None
    report = AlignmentReport(format=fmt, snapping=writer_cls.tokens)
    nlp = load_tokenizer(project.get_meta("model")) if writer_cls.tokens else None
    aligner = Aligner(report, nlp, strict, entity_labels(project.scheme))
    folder = writer_cls.folder or parts is not None
    report.leftovers_removed = remove_leftovers(out)
    with staged(out, folder) as tmp:
        writers = _open_writers(writer_cls, tmp, project.scheme, report, fractions)
        try:
            for chunk in batched(versions(project, selection, ids), TOKENIZE_BATCH):
                docs = aligner.docs([group[0].article.text for group in chunk])
                for group, doc in zip(chunk, docs):
                    if cancelled and cancelled():
                        raise ExportCancelled("export cancelled; nothing was written")
                    part = parts[group[0].article.id] if parts else None
                    _write_article(group, doc, aligner, writers[part], report)
                    if progress:
                        progress(1)
        finally:
            for writer in writers.values():
                writer.close()
    report.files = [str(out / name) for name in _part_files(writer_cls, fractions)] or [str(out)]
    if fmt == "labelstudio":  # the labelling config Label Studio needs to read the tasks
        config = config_path(out, folder)
        config.write_text(config_xml(project.scheme), encoding="utf-8")
        report.files.append(str(config))
    return report


def _writer_class(fmt: str, status: str) -> type[Writer]:
    writer = writer_for(fmt)
    if status not in ("done", "reviewed", "all"):
        raise ExportError(f"unknown status {status!r}; use done, reviewed or all")
    return writer


def _part_files(writer_cls: type[Writer], fractions: tuple[float, ...] | None) -> list[str]:
    return [name + writer_cls.suffix for name in PART_NAMES[: len(fractions)]] if fractions else []


def _open_writers(
    writer_cls: type[Writer],
    tmp: Path,
    scheme: Scheme,
    report: AlignmentReport,
    fractions: tuple[float, ...] | None,
) -> dict[str | None, Writer]:
    if not fractions:
        return {None: writer_cls(tmp, scheme, report)}
    return {
        name: writer_cls(tmp / file, scheme, report)
        for name, file in zip(PART_NAMES, _part_files(writer_cls, fractions))
    }


def _write_article(
    group: list[Version], doc: Doc | None, aligner: Aligner, writer: Writer, report: AlignmentReport
) -> None:
    """Write every version of one article; its versions share the article's tokens ``doc``."""
    if not group[0].article.text.strip():
        report.skipped_articles["no text (nothing to label)"] += 1
        return
    for version in group:
        writer.write(aligner.task(version, doc))
        report.tasks += 1
    report.articles += 1
