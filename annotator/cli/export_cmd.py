"""``annotator export``: write a project's labels as a training set or another tool's format."""

from __future__ import annotations

import click

from annotator.cli.base import cli, progress, project_argument
from annotator.core.export import FORMATS, export_project
from annotator.core.store import open_project


@cli.command()
@project_argument
@click.argument("out", type=click.Path())
@click.option(
    "--format",
    "fmt",
    default="spacy",
    show_default=True,
    type=click.Choice(list(FORMATS)),
    help="Output format (brat, and any --split, write a folder).",
)
@click.option(
    "--status",
    default="done",
    show_default=True,
    type=click.Choice(["done", "reviewed", "all"]),
    help="done: articles marked done (by --annotator, or by anyone); reviewed: articles a reviewer "
    "marked reviewed, with the reviewer's spans; all: every article.",
)
@click.option("--annotator", help="Export only this annotator's labels.")
@click.option(
    "--include-suggestions",
    is_flag=True,
    help="Articles nobody has labelled carry the pending suggestions as their spans.",
)
@click.option("--split", help="Train/dev/test fractions by article, e.g. 0.8,0.1,0.1 (OUT becomes a folder).")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the --split shuffle.")
@click.option(
    "--strict",
    is_flag=True,
    help="Fail instead of snapping or dropping any span, or of exporting two entity labels on one token.",
)
def export(
    project: str,
    out: str,
    fmt: str,
    status: str,
    annotator: str | None,
    include_suggestions: bool,
    split: str | None,
    seed: int,
    strict: bool,
) -> None:
    """Export PROJECT's accepted labels to OUT.

    Token formats (spacy, jsonl, conll) snap spans to token edges; every snapped or dropped
    span is listed in the alignment report printed at the end.
    """
    with open_project(project, read_only=True) as proj, progress("exporting") as advance:
        report = export_project(
            proj,
            out,
            fmt,
            status=status,
            annotator=annotator,
            include_suggestions=include_suggestions,
            split=split,
            seed=seed,
            strict=strict,
            progress=advance,
        )
    click.echo(report.summary())
