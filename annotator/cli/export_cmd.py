"""``annotator export``: write a project's labels as a training set or another tool's format."""

from __future__ import annotations

from typing import Any

import click

from annotator.cli.base import cli, defaulted, progress, project_argument, status_option
from annotator.core.export import FORMATS, export_project
from annotator.core.store import open_project


@cli.command()
@project_argument
@click.argument("out", type=click.Path())
@defaulted(
    "--format",
    "fmt",
    default="spacy",
    type=click.Choice(list(FORMATS)),
    help="Output format (brat, and any --split, write a folder).",
)
@status_option(
    ["done", "reviewed", "all"],
    "done: articles marked done (by --annotator, or by anyone); reviewed: articles a reviewer "
    "marked reviewed, with the reviewer's spans; all: every article.",
)
@click.option("--annotator", help="Export only this annotator's labels.")
@click.option(
    "--include-suggestions",
    is_flag=True,
    help="Articles nobody has labelled carry the pending suggestions as their spans.",
)
@click.option("--split", help="Train/dev/test fractions by article, e.g. 0.8,0.1,0.1 (OUT becomes a folder).")
@defaulted("--seed", default=0, type=int, help="Seed of the --split shuffle.")
@click.option(
    "--strict",
    is_flag=True,
    help="Fail instead of snapping or dropping any span, or of exporting two entity labels on one token.",
)
def export(project: str, out: str, **choices: Any) -> None:
    """Export PROJECT's accepted labels to OUT.

    Token formats (spacy, jsonl, conll) snap spans to token edges; every snapped or dropped
    span is listed in the alignment report printed at the end.
    """
    with open_project(project, read_only=True) as proj, progress("exporting") as advance:
        report = export_project(proj, out, **choices, progress=advance)
    click.echo(report.summary())
