"""``annotator undo`` / ``annotator redo``: take back (or make again) an annotator's last edit in
an article, from the project's edit log (the same undo history the window uses)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from annotator.cli.base import cli, project_argument
from annotator.core import undo as core_undo
from annotator.core.errors import EditError
from annotator.core.ingest import default_annotator
from annotator.core.store import open_project


def _article_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--annotator", help="Whose edits (default: your login name, as for import).")(func)
    return click.option("--article", "article_id", required=True, type=int, help="The article's id.")(func)


def _step(project: str, article_id: int, annotator: str | None, step, verb: str, done: str) -> None:
    name = annotator or default_annotator()
    with open_project(project) as proj:
        proj.article(article_id)  # a clear error for an unknown article
        edit = step(proj, article_id, name)
        left = core_undo.state(proj, article_id, name)
    if edit is None:
        raise EditError(f"nothing to {verb} in article {article_id} for {name}")
    click.echo(f"{done}: {edit.name} (article {article_id}, {name})")
    if left.undo or left.redo:
        click.echo(f"next undo: {left.undo or '(nothing)'}; next redo: {left.redo or '(nothing)'}")


@cli.command("undo")
@project_argument
@_article_options
def undo_(project: str, article_id: int, annotator: str | None) -> None:
    """Undo ANNOTATOR's last edit in an article (written and logged like any edit).

    Works on the saved history, so it also takes back edits made in the window before it
    was closed.
    """
    _step(project, article_id, annotator, core_undo.undo, "undo", "undone")


@cli.command("redo")
@project_argument
@_article_options
def redo_(project: str, article_id: int, annotator: str | None) -> None:
    """Redo the last edit undone in an article (until a new edit is made there)."""
    _step(project, article_id, annotator, core_undo.redo, "redo", "redone")
