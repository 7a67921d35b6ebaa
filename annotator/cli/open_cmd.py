"""``annotator [PROJECT]``: open the desktop window."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.base import cli


@cli.command("open")
@click.argument("project", required=False, type=click.Path(dir_okay=False))
@click.option("--annotator", "annotator_name", help="Open as this annotator without asking.")
@click.option("--model", help="spaCy pipeline name or path for suggestions.")
@click.option("--review", is_flag=True, help="Open review mode: settle the annotators' disagreements.")
@click.option(
    "--blind", is_flag=True, help="Blind labelling: no review, dashboard or others' memory suggestions."
)
def open_window(
    project: str | None, annotator_name: str | None, model: str | None, review: bool, blind: bool
) -> None:
    """Open PROJECT in the annotation window (the sample project when omitted)."""
    from annotator.core.samples import ensure_sample_project

    path = Path(project) if project else ensure_sample_project()
    from annotator._qt.app import run  # Qt is imported only when a window is wanted

    raise SystemExit(run(path, annotator=annotator_name, model=model, review=review, blind=blind))
