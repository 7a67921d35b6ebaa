"""``annotator init``, ``annotator import`` and ``annotator stats``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.base import cli, defaulted, progress, project_argument
from annotator.core.errors import ProjectError
from annotator.core.ingest import READERS, ImportOptions, import_sources, parse_user_map, unused_notes
from annotator.core.label_map import LabelMap, parse_label_map
from annotator.core.scheme import load_scheme
from annotator.core.stats import project_stats
from annotator.core.store import open_project


@cli.command()
@project_argument
@click.option(
    "--scheme",
    "scheme_file",
    type=click.Path(dir_okay=False),
    help="Label scheme JSON file (default: the bundled news scheme).",
)
def init(project: str, scheme_file: str | None) -> None:
    """Create a new, empty project file."""
    scheme = load_scheme(scheme_file)
    path = Path(project)
    if path.exists() and path.stat().st_size > 0:
        raise ProjectError(f"{path}: already exists; not overwriting it")
    with open_project(path, create=True, scheme=scheme):
        pass
    click.echo(f"created {path} with scheme {scheme.name!r} ({', '.join(scheme.label_names)})")


@cli.command("import")
@project_argument
@click.argument("sources", nargs=-1, required=True)
@defaulted(
    "--format", "fmt", default="auto", type=click.Choice(["auto", *sorted(READERS)]), help="Input format."
)
@click.option("--annotator", help="Whose labels the imported spans are (default: your login name).")
@click.option(
    "--single-annotator",
    is_flag=True,
    help="Give every span to --annotator, even where the file names who made it.",
)
@click.option("--text-column", default="text", show_default=True, help="CSV column holding the text.")
@click.option("--encoding", help="Input encoding when the files are not UTF-8.")
@click.option(
    "--add-labels",
    is_flag=True,
    help="Add labels and relation types unknown to the scheme instead of refusing them.",
)
@click.option(
    "--label-map",
    "label_map",
    multiple=True,
    help="Rename labels of the files: FROM=TO[,FROM=TO...] (repeatable) or a JSON file {FROM: TO}.",
)
@click.option(
    "--drop-unmapped", is_flag=True, help="Leave out spans whose label is neither in the scheme nor mapped."
)
@click.option(
    "--user-map",
    "user_map",
    multiple=True,
    help="Name Label Studio users: ID=NAME[,ID=NAME...] (repeatable; ID is a user id or email) or a "
    "JSON file {ID: NAME}. Others keep their email, or become labelstudio-user-ID.",
)
@click.option(
    "--scheme",
    "scheme_file",
    type=click.Path(dir_okay=False),
    help="Label scheme for a project created by this import.",
)
def import_(
    project: str,
    sources: tuple[str, ...],
    fmt: str,
    annotator: str | None,
    single_annotator: bool,
    text_column: str,
    encoding: str | None,
    add_labels: bool,
    label_map: tuple[str, ...],
    drop_unmapped: bool,
    user_map: tuple[str, ...],
    scheme_file: str | None,
) -> None:
    """Import articles from files, folders or globs (creates PROJECT if missing).

    Formats: .txt (one article a file), .jsonl (text, meta, Prodigy or doccano labels),
    .csv (one article a row), and with --format (or by ending) prodigy, doccano,
    labelstudio (.json), brat (.ann), conll (.conll/.iob/.bio), spacy (.spacy);
    a .zip is read as doccano's dataset export.
    All or nothing: every file is checked before anything is written, and an import that
    fails or is stopped is taken back whole.
    Spans go to the annotator the file names for them (doccano's per-user USERNAME.jsonl
    in a zip or a --format doccano folder, where all.jsonl beside them is left out, or
    one such file alone with --format doccano and no --annotator; Label
    Studio completed_by; Prodigy _annotator_id/_session_id; the annotator our exports
    write), else to --annotator.
    """
    scheme = load_scheme(scheme_file) if scheme_file else None
    options = ImportOptions(encoding=encoding, text_column=text_column, user_map=parse_user_map(user_map))
    created = not Path(project).exists()
    try:
        with open_project(project, create=True, scheme=scheme) as proj, progress("importing") as advance:
            report = import_sources(
                proj,
                list(sources),
                fmt=fmt,
                annotator=annotator,
                options=options,
                add_labels=add_labels,
                label_map=LabelMap(parse_label_map(label_map), drop_unmapped),
                single_annotator=single_annotator,
                progress=advance,
            )
    except BaseException:
        if created:  # a failed import leaves no empty project behind
            for suffix in ("", "-wal", "-shm"):
                Path(project + suffix).unlink(missing_ok=True)
        raise
    click.echo(
        f"imported {report.files} file(s): {report.articles_added} new article(s), "
        f"{report.articles_existing} already present, {report.spans_added} span(s) added, "
        f"{report.spans_existing} already present"
    )
    if report.suggestions_added:
        click.echo(f"{report.suggestions_added} suggestion(s) added (pre-annotations, to accept or reject)")
    if report.suggested_relations_added:
        click.echo(f"{report.suggested_relations_added} suggested relation(s) added")
    if report.relations_added:
        click.echo(f"{report.relations_added} relation(s) added")
    for name, row in sorted(report.annotators.items()):
        click.echo(
            f"  annotator {name}: {row['articles']} article(s), {row['spans_added']} span(s) added, "
            f"{row['spans_existing']} already present, {row['relations_added']} relation(s) added"
        )
    for kind, n in sorted(report.skipped.items()):
        click.echo(f"skipped {n} line(s) of kind {kind}")
    if report.rejected_spans:
        click.echo(f"{report.rejected_spans} span(s) in rejected tasks left out")
    for note in report.notes:
        click.echo(note)
    for line in unused_notes(options.user_map, report.annotators):
        click.echo(line)
    added = report.labels_added + report.relation_types_added + report.attributes_added
    if added:
        click.echo(f"added to the scheme: {', '.join(added)}")
    if label_map or drop_unmapped:
        click.echo("spans per label:")
        for label, row in report.labels.items():
            to = f" -> {row['to']}" if "to" in row else ""
            click.echo(f"  {label}{to}: {row['kept']} kept, {row['mapped']} mapped, {row['dropped']} dropped")


@cli.command()
@project_argument
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(project: str, as_json: bool) -> None:
    """Show counts: articles, done, accepted spans per label, pending suggestions, annotators."""
    with open_project(project, read_only=True) as proj:
        figures = project_stats(proj)
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    click.echo(
        f"articles: {figures['articles']}  done: {figures['done']}  "
        f"pending suggestions: {figures['suggestions']}"
    )
    for label, n in figures["spans"].items():
        click.echo(f"  {label:<12} {n}")
    for name, row in figures["annotators"].items():
        click.echo(f"  annotator {name}: {row['done']} done, {row['spans']} spans")
